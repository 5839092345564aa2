"""The admission figures that the management review and the statistics page take from the
portal, against numbers worked out by hand."""

from decimal import Decimal

import pytest

from admissions import selectors, services
from audits.selectors import review_inputs
from tests.admissions.factories import (
    CampaignFactory,
    QuotaFactory,
    RoundFactory,
    committee_member,
    draft_application,
    eligible_application,
    submitted_application,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ranked_campaign(django_capture_on_commit_callbacks):
    campaign = CampaignFactory(academic_year="2026/2027", name="Master's 2026")
    state = QuotaFactory(programme__campaign=campaign, programme__code="OS", places=1)
    paid = QuotaFactory(programme=state.programme, funding="paid", places=2)
    other = QuotaFactory(programme__campaign=campaign, programme__code="MET", places=3)
    member = committee_member()
    best = eligible_application(
        campaign=campaign,
        quotas=[state, paid],
        committee=member,
        course_average=Decimal("6.00"),
        graduation_grade=Decimal("6.00"),
    )
    second = eligible_application(
        campaign=campaign,
        quotas=[state, paid],
        committee=member,
        course_average=Decimal("4.00"),
        graduation_grade=Decimal("4.00"),
    )
    eligible_application(campaign=campaign, quotas=[other], committee=member)
    submitted_application(campaign=campaign, quotas=[other, state])
    draft_application(campaign=campaign, quotas=[state])
    round = RoundFactory(campaign=campaign, number=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.round_start(round=round, by=member)
    round.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.round_publish(round=round, by=member)
    return campaign, {"best": best, "second": second}


def test_review_figures_count_submitted_applications_places_and_last_scores(ranked_campaign):
    figures = selectors.review_figures(2026)

    assert figures["available"] is True
    assert figures["submitted"] == 4  # the draft does not count
    assert figures["places"] == 6
    assert figures["taken"] == 3  # best (OS state), second (OS paid), the MET applicant
    assert figures["enrolled"] == 0
    assert figures["statuses"]["admitted"] == 3
    assert figures["statuses"]["submitted"] == 1
    assert figures["statuses"]["draft"] == 1
    os_row = next(p for p in figures["programmes"] if p["code"] == "OS")
    # OS is listed by best, second, the submitted one (second place) — 3 applications; first for 2.
    assert (os_row["applications"], os_row["first_preference"], os_row["places"]) == (3, 2, 3)
    scores = {(q["form"], q["funding"]): q["last_score"] for q in os_row["last_scores"]}
    # own score = course average × 1.2 (area 4) + graduation grade
    assert scores == {("full-time", "state"): "13.200", ("full-time", "paid"): "8.800"}


def test_the_management_review_takes_the_campaign_starting_in_its_year(ranked_campaign):
    import datetime

    inputs = review_inputs(year=2026, today=datetime.date(2026, 12, 1))
    assert inputs["admissions"]["campaign"] == "Master's 2026"
    assert review_inputs(year=2025, today=datetime.date(2025, 12, 1))["admissions"] == {"available": False}


def test_statistics_take_the_same_number_of_queries_whatever_the_number_of_applications(ranked_campaign):
    campaign, _ = ranked_campaign
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        selectors.campaign_statistics(campaign)
    quotas = list(selectors.quotas_offered(campaign))
    for _ in range(5):
        submitted_application(campaign=campaign, quotas=quotas[:2])
    with CaptureQueriesContext(connection) as large:
        selectors.campaign_statistics(campaign)
    assert len(large) == len(small)
