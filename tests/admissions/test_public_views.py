"""The published ranking lists, without signing in: application numbers and scores, never names
or other personal data; unpublished rounds do not exist here; each page makes the same number of
queries whatever the size of the lists."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from admissions import services
from admissions.models import Application, Preference, Round
from tests.admissions.factories import (
    ApplicantFactory,
    CampaignFactory,
    ProgrammeFactory,
    QuotaFactory,
    RoundFactory,
    committee_member,
)

pytestmark = pytest.mark.django_db


def ranked_round(*, applicants: int, programmes: int = 1, year: int = 2026, publish: bool = True, committee=None):
    """A campaign of `year` with `programmes` programmes (a state and a paid quota each) and
    `applicants` eligible applications (made directly, for speed) listing every quota, ranked
    through the services and, unless `publish` is false, published."""
    committee = committee or committee_member()
    campaign = CampaignFactory(name=f"Master's admission {year}", academic_year=f"{year}/{year + 1}")
    quotas = []
    for index in range(programmes):
        programme = ProgrammeFactory(
            campaign=campaign, code=f"PR{index}", name=f"Програма {index}", name_en=f"Programme {index}"
        )
        quotas += [
            QuotaFactory(programme=programme, funding="state", places=max(1, applicants // (2 * programmes))),
            QuotaFactory(programme=programme, funding="paid", places=max(1, applicants // (3 * programmes))),
        ]
    now = timezone.now()
    applications = []
    for index in range(applicants):
        applicant = ApplicantFactory(
            course_average=Decimal("3.00") + Decimal(index % 300) / 100,
            last_name=f"Фамилия{year}x{index}",
            last_name_latin=f"Familia{year}x{index}",
        )
        application = Application.objects.create(
            applicant=applicant,
            campaign=campaign,
            number=f"M{year}-{index + 1:05d}",
            status=Application.Status.ELIGIBLE,
            submitted_at=now,
            first_submitted_at=now - datetime.timedelta(seconds=index),
        )
        Preference.objects.bulk_create(
            [Preference(application=application, position=p, quota=q) for p, q in enumerate(quotas, start=1)]
        )
        applications.append(application)
    round = RoundFactory(campaign=campaign, number=1)
    services.round_start(round=round, by=committee)
    services.round_rank(round_id=round.pk)
    if publish:
        services.round_publish(round=round, by=committee)
    round.refresh_from_db()
    return round, quotas, applications


def test_a_published_round_shows_numbers_and_scores_but_no_names(client):
    round, quotas, applications = ranked_round(applicants=6)
    assert round.status == Round.Status.PUBLISHED

    index = client.get(reverse("public-admissions:index"))
    assert index.status_code == 200
    html = index.content.decode()
    assert escape(round.campaign.name) in html and reverse("public-admissions:round", args=[round.pk]) in html
    assert index["Cache-Control"] and "public" in index["Cache-Control"] and "max-age=60" in index["Cache-Control"]

    page = client.get(reverse("public-admissions:round", args=[round.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('data-testid="public-quota-row"') == 2
    assert "PR0" in html and "Programme 0" in html
    state = round.quota_results.get(quota=quotas[0])
    assert f'data-testid="last-score">{state.last_score}<' in html
    assert reverse("public-admissions:quota", args=[round.pk, quotas[0].pk]) in html

    seen = ""
    for quota in quotas:
        response = client.get(reverse("public-admissions:quota", args=[round.pk, quota.pk]))
        assert response.status_code == 200
        seen += response.content.decode()
    results = list(round.results.filter(quota__isnull=False).select_related("application__applicant__user"))
    assert results
    assert seen.count('data-testid="public-admitted-row"') == len(results)
    for result in results:
        assert result.application.number in seen and str(result.score) in seen
    for application in applications:
        person = application.applicant
        for private in (
            person.last_name,
            person.last_name_latin,
            person.full_name,
            person.identity_number,
            person.user.email,
        ):
            assert private not in seen and private not in html


def test_the_order_of_merit_and_the_figures_of_a_quota(client):
    round, quotas, _applications = ranked_round(applicants=6)
    results = list(round.results.filter(quota=quotas[0]).order_by("merit").select_related("application"))
    html = client.get(reverse("public-admissions:quota", args=[round.pk, quotas[0].pk])).content.decode()
    positions = [html.index(r.application.number) for r in results]
    assert positions == sorted(positions)
    assert [r.score for r in results] == sorted((r.score for r in results), reverse=True)
    figures = round.quota_results.get(quota=quotas[0])
    assert f'data-testid="last-score">{figures.last_score}<' in html


def test_an_unpublished_round_does_not_exist_here(client):
    round, quotas, _applications = ranked_round(applicants=3, publish=False)
    assert round.status == Round.Status.RANKED
    assert client.get(reverse("public-admissions:round", args=[round.pk])).status_code == 404
    assert client.get(reverse("public-admissions:quota", args=[round.pk, quotas[0].pk])).status_code == 404
    html = client.get(reverse("public-admissions:index")).content.decode()
    assert 'data-testid="public-nothing"' in html and escape(round.campaign.name) not in html


def test_a_quota_of_another_campaign_is_not_found(client):
    round, _quotas, _applications = ranked_round(applicants=2)
    other = QuotaFactory()
    assert client.get(reverse("public-admissions:quota", args=[round.pk, other.pk])).status_code == 404


def test_the_index_shows_the_latest_campaign_with_published_rounds(client):
    committee = committee_member()
    old, _q, _a = ranked_round(applicants=2, year=2025, committee=committee)
    ranked_round(applicants=2, year=2027, publish=False, committee=committee)  # newer, nothing published
    new, _q, _a = ranked_round(applicants=2, year=2026, committee=committee)
    html = client.get(reverse("public-admissions:index")).content.decode()
    assert escape(new.campaign.name) in html and escape(old.campaign.name) not in html
    assert "2027" not in html.split('data-testid="public-rounds"')[1].split("</ul>")[0]


def test_signed_in_visitors_read_the_lists_too_and_get_a_private_page(client):
    round, _quotas, applications = ranked_round(applicants=2)
    client.force_login(applications[0].applicant.user)
    response = client.get(reverse("public-admissions:round", args=[round.pk]))
    assert response.status_code == 200 and "private" in response["Cache-Control"]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_counts_do_not_grow_with_the_lists(client):
    committee = committee_member()
    small, small_quotas, _a = ranked_round(applicants=3, programmes=1, year=2025, committee=committee)
    small_counts = [
        _queries(client, reverse("public-admissions:index")),
        _queries(client, reverse("public-admissions:round", args=[small.pk])),
        _queries(client, reverse("public-admissions:quota", args=[small.pk, small_quotas[0].pk])),
    ]
    large, large_quotas, _a = ranked_round(applicants=40, programmes=4, year=2026, committee=committee)
    assert large.admitted_count > small.admitted_count
    large_counts = [
        _queries(client, reverse("public-admissions:index")),  # now the 2026 campaign
        _queries(client, reverse("public-admissions:round", args=[large.pk])),
        _queries(client, reverse("public-admissions:quota", args=[large.pk, large_quotas[0].pk])),
    ]
    assert small_counts == large_counts


def test_a_long_list_is_paginated(client, monkeypatch):
    from admissions.views import public

    monkeypatch.setattr(public, "PAGE_SIZE", 2)
    round, quotas, _applications = ranked_round(applicants=8)
    results = list(round.results.filter(quota=quotas[0]).order_by("merit").select_related("application"))
    assert len(results) >= 3
    url = reverse("public-admissions:quota", args=[round.pk, quotas[0].pk])
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert first.count('data-testid="public-admitted-row"') == 2 and "?page=2" in first
    assert results[0].application.number in first and results[2].application.number not in first
    assert results[2].application.number in second
