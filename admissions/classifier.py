"""The official classifier of areas of higher education and professional fields, shipped as data
(`data/classifier.json`), with names per language."""

import json
from functools import cache
from pathlib import Path

from qms.i18n import translated

DATA = Path(__file__).resolve().parent / "data" / "classifier.json"


@cache
def _data():
    return json.loads(DATA.read_text(encoding="utf-8"))


@cache
def _fields():
    return {field["code"]: (area["code"], field["name"]) for area in _data()["areas"] for field in area["fields"]}


def area_codes() -> list[str]:
    return [area["code"] for area in _data()["areas"]]


def area_of(field_code: str) -> str | None:
    entry = _fields().get(field_code)
    return entry[0] if entry else None


def area_name(code: str) -> str:
    for area in _data()["areas"]:
        if area["code"] == code:
            return translated(area["name"])
    return code


def field_name(code: str) -> str:
    entry = _fields().get(code)
    return translated(entry[1]) if entry else code


def area_choices():
    return [(area["code"], f"{area['code']} {translated(area['name'])}") for area in _data()["areas"]]


def field_choices():
    """Professional fields grouped by area, for a <select> with optgroups."""
    return [
        (
            f"{area['code']} {translated(area['name'])}",
            [(field["code"], f"{field['code']} {translated(field['name'])}") for field in area["fields"]],
        )
        for area in _data()["areas"]
    ]
