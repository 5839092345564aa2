"""The ISO 9001:2015 and ESG 2015 catalogue (qms/data/standards.json), loaded by a migration and,
idempotently, by `load_demo` (a test database that was flushed has lost the migration's rows).

The titles are kept in English; people read them in their language through the translation
catalogue, where `qms/standards_messages.py` (written by `messages_module()`, checked by the test
suite) puts them for makemessages."""

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "standards.json"


def sort_key(code: str) -> str:
    """ "4.10" after "4.9": each number zero-padded."""
    return ".".join(part.zfill(3) for part in code.split("."))


def load_standard_clauses(model) -> int:
    """Create or update every clause with `model` (the real StandardClause, or a migration's
    historical one). Returns how many clauses the catalogue has."""
    count = 0
    # The field was renamed title -> title_en (migration 0008); the migration that loads the
    # catalogue runs with the model as it was then.
    title_field = "title_en" if any(field.name == "title_en" for field in model._meta.fields) else "title"
    for framework, catalogue in json.loads(DATA.read_text(encoding="utf-8")).items():
        by_code = {}
        for entry in catalogue["clauses"]:
            code = entry["code"]
            parent = by_code.get(code.rsplit(".", 1)[0]) if framework == "iso9001" and "." in code else None
            clause, _ = model.objects.update_or_create(
                framework=framework,
                code=code,
                defaults={title_field: entry["title"], "parent": parent, "sort_key": sort_key(code)},
            )
            by_code[code] = clause
            count += 1
    return count


def titles() -> list[str]:
    """Every title of the catalogue, in its order, once."""
    seen = {}
    for catalogue in json.loads(DATA.read_text(encoding="utf-8")).values():
        for entry in catalogue["clauses"]:
            seen.setdefault(entry["title"], None)
    return list(seen)


def messages_module() -> str:
    """The text of qms/standards_messages.py for the titles of the catalogue."""
    lines = [
        '"""The titles of qms/data/standards.json as messages of the translation catalogue, so that',
        "makemessages finds them. Written by qms.standards.messages_module(); do not edit by hand:",
        'tests/qms/test_translations.py says when it is out of date."""',
        "",
        "from django.utils.translation import pgettext_lazy",
        "",
        "TITLES = [",
    ]
    lines += [f'    pgettext_lazy("standard clause", {json.dumps(title, ensure_ascii=False)}),' for title in titles()]
    lines += ["]", ""]
    return "\n".join(lines)
