"""The demo process register (processes/demo_data.py) is consistent on its own and with the other
demo data: units from qms.demo, accounts from qms.demo, documents from policies.demo, clauses from
qms/data/standards.json. No database is needed."""

import json
import re
from collections import Counter
from decimal import Decimal, InvalidOperation

import pytest
from django.conf import settings

from policies.demo import POLICY, PROCEDURES
from processes.demo_data import MATRIX, PROCESSES
from qms.demo import ACCOUNTS, UNITS
from qms.standards import DATA as STANDARDS_FILE

KINDS = {"management": "MP", "core": "CP", "support": "SP"}
DIRECTIONS = {"higher", "lower"}
FREQUENCIES = {"monthly", "quarterly", "semester", "yearly"}
ROLES = {"responsible", "participates", "informed"}
LANGUAGES = ("kk", "en")
CODES = [process["code"] for process in PROCESSES]
BY_CODE = {process["code"]: process for process in PROCESSES}


def _unit_short_names(spec):
    _name, short_name, _kind, children = spec
    names = {short_name} if short_name else set()
    for child in children:
        names |= _unit_short_names(child)
    return names


UNIT_NAMES = _unit_short_names(UNITS)
USERNAMES = {account[0] for account in ACCOUNTS}
DOCUMENT_CODES = {POLICY["code"]} | {procedure["code"] for procedure in PROCEDURES}
CLAUSES = {
    (framework, clause["code"])
    for framework, catalogue in json.loads(STANDARDS_FILE.read_text(encoding="utf-8")).items()
    for clause in catalogue["clauses"]
}


def texts(process):
    """(where, text dict) for every translated text of a process."""
    code = process["code"]
    yield f"{code} name", process["name"]
    for field in ("purpose", "evaluation_criteria", "monitoring_methods"):
        yield f"{code} {field}", process[field]
    for n, activity in enumerate(process["activities"]):
        yield f"{code} activity {n}", activity["name"]
        yield f"{code} activity {n} executors", activity["executors"]
    for flow in ("inputs", "outputs"):
        for n, item in enumerate(process[flow]):
            yield f"{code} {flow} {n}", item["name"]
    for n, kpi in enumerate(process["kpis"]):
        yield f"{code} kpi {n}", kpi["name"]


def all_texts():
    for process in PROCESSES:
        yield from texts(process)


def kpis():
    return [(process["code"], kpi) for process in PROCESSES for kpi in process["kpis"]]


def kpi_params():
    return [
        pytest.param(process["code"], kpi, id=f"{process['code']} KPI {n + 1}")
        for process in PROCESSES
        for n, kpi in enumerate(process["kpis"])
    ]


def status(kpi, value):
    target, at_risk = Decimal(kpi["target"]), Decimal(kpi["at_risk"])
    if kpi["direction"] == "lower":
        value, target, at_risk = -value, -target, -at_risk
    if value >= target:
        return "on_target"
    if value >= at_risk:
        return "at_risk"
    return "off_target"


def test_the_reference_data_was_found():
    assert {"ЦК", "УО", "ФХТ", "ОСГ"} <= UNIT_NAMES
    assert {"quality", "owner", "rector"} <= USERNAMES
    assert {"QP 01", "DP 04.01", "DP 08.01"} <= DOCUMENT_CODES
    assert ("iso9001", "9.2") in CLAUSES and ("esg2015", "1.1") in CLAUSES


def test_there_are_enough_processes_of_every_kind():
    assert len(PROCESSES) >= 12
    assert set(Counter(process["kind"] for process in PROCESSES)) == set(KINDS)


def test_codes_are_unique_and_match_the_kind():
    assert len(CODES) == len(set(CODES))
    for process in PROCESSES:
        assert process["kind"] in KINDS, process["code"]
        assert re.fullmatch(rf"{KINDS[process['kind']]} \d{{2}}", process["code"]), process["code"]


def test_every_process_has_the_fields_of_the_schema():
    fields = {
        "code",
        "kind",
        "parent",
        "name",
        "leader",
        "owner",
        "purpose",
        "scope",
        "clauses",
        "activities",
        "inputs",
        "outputs",
        "evaluation_criteria",
        "monitoring_methods",
        "kpis",
    }
    for process in PROCESSES:
        assert set(process) == fields, process["code"]
        for activity in process["activities"]:
            assert set(activity) == {"name", "executors", "units", "documents"}, process["code"]
        for item in process["inputs"]:
            assert set(item) == {"name", "supplier"}, process["code"]
        for item in process["outputs"]:
            assert set(item) == {"name"}, process["code"]
        for kpi in process["kpis"]:
            assert set(kpi) == {"name", "unit", "direction", "target", "at_risk", "frequency", "history"}


def test_sizes_of_the_cards():
    for process in PROCESSES:
        code = process["code"]
        assert 3 <= len(process["activities"]) <= 8, code
        assert 2 <= len(process["inputs"]) <= 5, code
        assert 2 <= len(process["outputs"]) <= 4, code
        assert 1 <= len(process["kpis"]) <= 3, code


def test_every_text_has_kazakh_and_english():
    known = {code for code, _name in settings.LANGUAGES}
    assert set(LANGUAGES) <= known
    for where, text in all_texts():
        assert set(text) == set(LANGUAGES), where
        for language in LANGUAGES:
            assert isinstance(text[language], str), where
            assert text[language].strip(), where
            assert text[language] == text[language].strip(), where


def test_parents_refer_to_existing_processes_of_the_same_kind_without_cycles():
    for process in PROCESSES:
        parent = process["parent"]
        if parent is None:
            continue
        assert parent in BY_CODE, process["code"]
        assert parent != process["code"]
        assert BY_CODE[parent]["kind"] == process["kind"], process["code"]
        seen, current = {process["code"]}, parent
        while current is not None:
            assert current not in seen, f"parent cycle through {process['code']}"
            seen.add(current)
            current = BY_CODE[current]["parent"]
    assert sum(process["parent"] is not None for process in PROCESSES) >= 2


def test_suppliers_form_a_process_map():
    fed = set()
    for process in PROCESSES:
        for item in process["inputs"]:
            supplier = item["supplier"]
            if supplier is None:
                continue
            assert supplier in BY_CODE, f"{process['code']}: unknown supplier {supplier}"
            assert supplier != process["code"], process["code"]
            fed.add(supplier)
    # every process hands at least one of its outputs to another process
    assert fed == set(CODES), sorted(set(CODES) - fed)


def test_leaders_and_owners_are_demo_accounts():
    for process in PROCESSES:
        assert process["leader"] in USERNAMES, process["code"]
        assert process["owner"] in USERNAMES, process["code"]
        assert process["leader"] != process["owner"], process["code"]


def test_units_documents_and_clauses_exist_in_the_other_demo_data():
    for process in PROCESSES:
        code = process["code"]
        assert set(process["scope"]) <= UNIT_NAMES, code
        assert process["clauses"], code
        for clause in process["clauses"]:
            assert tuple(clause) in CLAUSES, f"{code}: {clause}"
        for activity in process["activities"]:
            assert set(activity["units"]) <= UNIT_NAMES, code
            assert activity["units"], code
            assert set(activity["documents"]) <= DOCUMENT_CODES, code


def test_the_matrix_covers_every_process_with_a_responsible_unit():
    assert set(MATRIX) == set(CODES)
    for code, row in MATRIX.items():
        assert 2 <= len(row) <= 8, code
        assert set(row) <= UNIT_NAMES, code
        assert set(row.values()) <= ROLES, code
        assert "responsible" in row.values(), code


@pytest.mark.parametrize(("code", "kpi"), kpi_params())
def test_kpi_figures(code, kpi):
    assert kpi["direction"] in DIRECTIONS
    assert kpi["frequency"] in FREQUENCIES
    assert kpi["unit"] and len(kpi["unit"]) <= 30
    assert all(isinstance(value, str) for value in [kpi["target"], kpi["at_risk"], *kpi["history"]]), code
    try:
        target, at_risk = Decimal(kpi["target"]), Decimal(kpi["at_risk"])
        history = [Decimal(value) for value in kpi["history"]]
    except InvalidOperation:
        pytest.fail(f"{code}: a figure is not a decimal")
    assert all(value.is_finite() for value in [target, at_risk, *history]), code
    assert 4 <= len(history) <= 12
    # the at-risk threshold lies beyond the target, on the worse side
    assert at_risk <= target if kpi["direction"] == "higher" else at_risk >= target
    assert all(value >= 0 for value in [target, at_risk, *history])


def test_latest_values_include_off_target_and_at_risk_kpis():
    latest = Counter(status(kpi, Decimal(kpi["history"][-1])) for _code, kpi in kpis())
    assert latest["off_target"] >= 1
    assert latest["at_risk"] >= 2
    assert latest["on_target"] >= 1


@pytest.mark.parametrize(
    ("direction", "value", "expected"),
    [
        ("higher", "90", "on_target"),
        ("higher", "85", "at_risk"),
        ("higher", "80", "at_risk"),
        ("higher", "79.99", "off_target"),
        ("lower", "5", "on_target"),
        ("lower", "7", "at_risk"),
        ("lower", "10", "at_risk"),
        ("lower", "10.5", "off_target"),
    ],
)
def test_the_status_rule_used_here(direction, value, expected):
    kpi = {"direction": direction, "target": "90" if direction == "higher" else "5"}
    kpi["at_risk"] = "80" if direction == "higher" else "10"
    assert status(kpi, Decimal(value)) == expected
