"""The demo process register: every process of the data file with a current card in Kazakh and
English, KPIs with histories, the functional matrix; loading twice adds nothing."""

import io

import pytest
from django.core.management import call_command

from processes.demo_data import MATRIX, PROCESSES
from processes.models import KPI, Card, MatrixEntry, Measurement, Process

pytestmark = pytest.mark.django_db


def test_the_demo_register_is_complete_and_loading_it_twice_adds_nothing():
    out = io.StringIO()
    call_command("load_demo", force=True, without=["admissions"], stdout=out)
    assert Process.objects.count() == len(PROCESSES)
    cards = Card.objects.filter(status=Card.Status.CURRENT)
    assert cards.count() == len(PROCESSES)
    for card in cards:
        assert card.purpose.get("kk") and card.purpose.get("en"), card.process.code
        assert card.activities.exists() and card.approved_by_id == card.process.leader_id
    assert KPI.objects.count() == sum(len(spec["kpis"]) for spec in PROCESSES)
    assert KPI.objects.filter(status=KPI.Status.OFF_TARGET).exists()
    assert KPI.objects.filter(status=KPI.Status.AT_RISK).exists()
    assert not KPI.objects.filter(overdue=True).exists()  # the histories run up to the last ended period
    assert MatrixEntry.objects.count() == sum(len(row) for row in MATRIX.values())
    counts = (Card.objects.count(), Measurement.objects.count(), MatrixEntry.objects.count())

    call_command("load_demo", force=True, without=["admissions"], stdout=out)
    assert (Card.objects.count(), Measurement.objects.count(), MatrixEntry.objects.count()) == counts
    assert "0 processes added" in out.getvalue()
