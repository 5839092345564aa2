"""The benchmark command runs on a small university and prints a line per page and per report."""

import io

import pytest
from django.core.management import CommandError, call_command

from qms.roles import Role
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_benchmark_prints_each_page_with_its_queries_and_each_report():
    root = UnitFactory(name="University", kind="university")
    faculty = UnitFactory(name="Faculty", kind="faculty", parent=root)
    head = UserFactory(username="dean", roles=[Role.UNIT_HEAD])
    MembershipFactory(unit=faculty, user=head)
    UserFactory(username="rector", roles=[Role.RECTORATE])
    UserFactory(username="quality", roles=[Role.QUALITY_OFFICER])
    out = io.StringIO()
    call_command("bench_dashboard", requests=2, stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split()[1] for line in lines[:5]] == [
        "/dashboard/",
        f"/dashboard/?unit={faculty.pk}",
        "/dashboard/",
        "/reports/",
        "/scheduled-jobs/",
    ]
    assert all("p95" in line and "queries" in line for line in lines[:5])
    reports = {line.split()[0] + " " + line.split()[1]: line for line in lines[5:]}
    assert "pages" in reports["dashboard pdf"] and "pages -" in reports["nc_register xlsx"]
    assert "not built" in reports["audit_programme pdf"]  # no programme this year: said, not fatal


def test_the_benchmark_needs_accounts_to_sign_in_with():
    with pytest.raises(CommandError, match="no rectorate or quality officer"):
        call_command("bench_dashboard", requests=1, stdout=io.StringIO())
