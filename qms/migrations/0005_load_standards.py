"""Load the ISO 9001:2015 clauses and ESG 2015 Part 1 standards from qms/data/standards.json."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "standards.json"


def load(apps, schema_editor):
    StandardClause = apps.get_model("qms", "StandardClause")
    for framework, catalogue in json.loads(DATA.read_text(encoding="utf-8")).items():
        by_code = {}
        for entry in catalogue["clauses"]:
            code = entry["code"]
            parent = by_code.get(code.rsplit(".", 1)[0]) if "." in code else None
            if framework == "esg2015":
                parent = None  # ESG standards form one flat list
            sort_key = ".".join(part.zfill(3) for part in code.split("."))
            clause, _ = StandardClause.objects.update_or_create(
                framework=framework, code=code, defaults={"title": entry["title"], "parent": parent, "sort_key": sort_key}
            )
            by_code[code] = clause


class Migration(migrations.Migration):
    dependencies = [("qms", "0004_standard_clauses")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
