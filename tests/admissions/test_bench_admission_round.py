"""The admission round benchmark runs end to end on tiny numbers, leaves nothing behind, and
refuses to touch a campaign that is already there."""

import io

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from admissions.models import Application, Campaign
from qms.models import User
from tests.admissions.factories import CampaignFactory

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_runs_a_tiny_round_end_to_end_and_leaves_nothing_behind():
    other = CampaignFactory()
    before = row_counts()
    out = io.StringIO()
    call_command("bench_admission_round", applications=60, preferences=3, programmes=4, seed=7, requests=2, stdout=out)
    text = out.getvalue()

    assert "instance: 60 applications, 180 preferences (3 each), 4 programmes, 16 quotas" in text
    assert "data: planned in" in text and "60 applications" in text
    assert "round: 60 applications ranked" in text and "60 results stored" in text
    for line in ("input built", "ranked", "stored", "result rows", "total", "goal: built, ranked and stored"):
        assert line in text
    assert "peak resident" in text
    assert "published: services.round_publish" in text
    for page in ("public index", "public round", "public list", "committee queue, 60 eligible", "last page"):
        assert page in text
    assert "p50 ms" in text and "FAILED" not in text
    assert "goal: every page < 300 ms" in text
    assert "cleanup: campaign BENCH-7" in text

    assert not Campaign.objects.filter(academic_year="BENCH-7").exists()
    assert not User.objects.filter(username__startswith="bench-admission-7-").exists()
    assert row_counts() == before  # no row of any table left behind, history included
    assert Campaign.objects.filter(pk=other.pk).exists()


def test_refuses_when_the_bench_campaign_exists_and_touches_nothing():
    taken = CampaignFactory(academic_year="BENCH-7", name="Somebody's campaign")
    before = row_counts()
    with pytest.raises(CommandError, match="a campaign BENCH-7 exists already"):
        call_command("bench_admission_round", applications=60, preferences=3, programmes=4, seed=7)
    with pytest.raises(CommandError, match="was not made by this benchmark"):
        call_command("bench_admission_round", seed=7, delete=True)
    assert row_counts() == before
    assert Campaign.objects.get(pk=taken.pk).name == "Somebody's campaign"
    assert not Application.objects.exists()
