"""Load the ISO 9001:2015 clauses and ESG 2015 Part 1 standards from qms/data/standards.json."""

from django.db import migrations

from qms.standards import load_standard_clauses


def load(apps, schema_editor):
    load_standard_clauses(apps.get_model("qms", "StandardClause"))


class Migration(migrations.Migration):
    dependencies = [("qms", "0004_standard_clauses")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
