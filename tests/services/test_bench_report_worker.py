"""`manage.py bench_report_worker` requests a report as the reports page does and times the real
worker's build of it (the figures of docs/operations.md)."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from qms.models import Report
from qms.roles import Role
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_the_worker_builds_the_requested_reports_and_the_times_are_printed(worker):
    root = UnitFactory(name="University", kind="university")
    MembershipFactory(unit=UnitFactory(name="Quality centre", kind="service", parent=root))
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    out = StringIO()
    call_command(
        "bench_report_worker", "--kind", "organisation_structure", "--params", "{}", "--runs", "1",
        "--parallel", "2", "--timeout", "60", stdout=out,
    )  # fmt: skip
    lines = out.getvalue().splitlines()
    built = [line for line in lines if re.match(r"run 1: organisation_structure pdf \(\w+\), 1 pages", line)]
    assert len(built) == 2, out.getvalue()
    assert "all 2 ready" in out.getvalue()
    reports = Report.objects.filter(requested_by=quality, kind="organisation_structure")
    assert sorted(reports.values_list("status", flat=True)) == ["done", "done"]
    assert len(set(reports.values_list("language", flat=True))) == 2


def test_bad_parameters_are_refused_with_one_line(worker):
    with pytest.raises(CommandError, match="--parallel must be between 1 and 5"):
        call_command("bench_report_worker", "--parallel", "9", stdout=StringIO())
    with pytest.raises(CommandError, match="--params is not JSON"):
        call_command("bench_report_worker", "--params", "{year", stdout=StringIO())
