"""The PostgreSQL connection settings the pages rely on (docs/operations.md, "Measured")."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def test_connections_plan_queries_without_jit_compilation():
    # JIT compiling the dashboard's acknowledgement query took 46 ms of its 57 ms at scale 1.
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
