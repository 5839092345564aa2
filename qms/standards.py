"""The ISO 9001:2015 and ESG 2015 catalogue (qms/data/standards.json), loaded by a migration and,
idempotently, by `load_demo` (a test database that was flushed has lost the migration's rows)."""

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
    for framework, catalogue in json.loads(DATA.read_text(encoding="utf-8")).items():
        by_code = {}
        for entry in catalogue["clauses"]:
            code = entry["code"]
            parent = by_code.get(code.rsplit(".", 1)[0]) if framework == "iso9001" and "." in code else None
            clause, _ = model.objects.update_or_create(
                framework=framework,
                code=code,
                defaults={"title": entry["title"], "parent": parent, "sort_key": sort_key(code)},
            )
            by_code[code] = clause
            count += 1
    return count
