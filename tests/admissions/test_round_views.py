"""Ranking rounds in the browser, for the admissions committee: plan a round (dates checked next
to the field, typed values kept), start its ranking (the worker runs at the commit), read the
lists per quota, publish them; a published round is never ranked again; only the committee gets
in."""

import datetime
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from admissions.models import Application, Round
from qms.roles import Role
from tests.admissions.factories import (
    CampaignFactory,
    ProgrammeFactory,
    QuotaFactory,
    RoundFactory,
    committee_member,
    eligible_application,
)
from tests.qms.factories import UserFactory

pytestmark = pytest.mark.django_db

#: Course averages of four applicants in area 4 (coefficient 1.2, graduation grade 5.50):
#: scores 12.580, 12.100, 11.500, 10.300.
AVERAGES = ("5.90", "5.50", "5.00", "4.00")


class World:
    """A campaign with one programme (2 state places, 1 paid), four eligible applicants who list
    the state quota first and the paid one second, and a planned round 1."""

    def __init__(self):
        self.committee = committee_member(username="committee")
        self.campaign = CampaignFactory(name="Master's admission 2026", academic_year="2026/2027")
        self.programme = ProgrammeFactory(
            campaign=self.campaign, code="IM", name="Индустриален мениджмънт", name_en="Industrial management"
        )
        self.state = QuotaFactory(programme=self.programme, funding="state", places=2)
        self.paid = QuotaFactory(programme=self.programme, funding="paid", places=1)
        self.applications = [
            eligible_application(
                campaign=self.campaign,
                quotas=[self.state, self.paid],
                committee=self.committee,
                course_average=Decimal(average),
                last_name=f"Кандидатов{index}",
                last_name_latin=f"Kandidatov{index}",
            )
            for index, average in enumerate(AVERAGES)
        ]
        self.round = RoundFactory(campaign=self.campaign, number=1)


@pytest.fixture
def world():
    return World()


def detail(round):
    return reverse("admissions:round-detail", args=[round.pk])


def rank(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admissions:round-start", args=[world.round.pk]))
    assert response.status_code == 302
    world.round.refresh_from_db()
    return response


# --- planning -------------------------------------------------------------------------------------


def test_a_new_round_is_numbered_next_and_saved(client, world):
    client.force_login(world.committee)
    url = reverse("admissions:round-create", args=[world.campaign.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["number"] == 2  # round 1 exists
    assert 'type="date"' in page.content.decode()

    response = client.post(
        url,
        {"number": 2, "ranking_on": "2026-09-01", "publication_on": "2026-09-02", "enrolment_deadline": "2026-09-08"},
    )
    round = Round.objects.get(campaign=world.campaign, number=2)
    assert response.status_code == 302 and response.url == detail(round)
    assert round.status == Round.Status.PLANNED
    assert round.enrolment_deadline == datetime.date(2026, 9, 8)


def test_dates_out_of_order_are_refused_next_to_the_field_and_kept(client, world):
    client.force_login(world.committee)
    url = reverse("admissions:round-create", args=[world.campaign.pk])
    response = client.post(
        url,
        {"number": 2, "ranking_on": "2026-09-05", "publication_on": "2026-09-02", "enrolment_deadline": "2026-09-08"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "publication_on" in form.errors and not form.non_field_errors()
    html = response.content.decode()
    assert 'value="2026-09-05"' in html and 'value="2026-09-02"' in html and 'value="2026-09-08"' in html
    assert 'aria-invalid="true"' in html
    assert not Round.objects.filter(campaign=world.campaign, number=2).exists()

    response = client.post(
        url,
        {"number": 2, "ranking_on": "2026-09-01", "publication_on": "2026-09-02", "enrolment_deadline": "2026-08-30"},
    )
    assert "enrolment_deadline" in response.context["form"].errors

    response = client.post(
        url,
        {"number": 1, "ranking_on": "2026-09-01", "publication_on": "2026-09-02", "enrolment_deadline": "2026-09-08"},
    )
    assert "number" in response.context["form"].errors  # round 1 exists


def test_the_committee_edits_a_round(client, world):
    client.force_login(world.committee)
    url = reverse("admissions:round-edit", args=[world.round.pk])
    assert client.get(url).status_code == 200
    deadline = timezone.localdate() + datetime.timedelta(days=40)
    response = client.post(
        url,
        {
            "number": 1,
            "ranking_on": world.round.ranking_on.isoformat(),
            "publication_on": world.round.publication_on.isoformat(),
            "enrolment_deadline": deadline.isoformat(),
        },
    )
    assert response.status_code == 302
    world.round.refresh_from_db()
    assert world.round.enrolment_deadline == deadline


# --- ranking and publishing ---------------------------------------------------------------------------


def test_start_rank_read_and_publish(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.committee)
    page = client.get(detail(world.round)).content.decode()
    assert 'data-testid="start-round"' in page and 'data-status="planned"' in page
    assert "report-button-admission_lists" not in page  # no lists to build yet

    rank(client, world, django_capture_on_commit_callbacks)
    assert world.round.status == Round.Status.RANKED
    assert (world.round.applicants_count, world.round.admitted_count) == (4, 3)
    assert world.round.input_file

    page = client.get(detail(world.round))
    html = page.content.decode()
    assert 'data-status="ranked"' in html
    assert html.count('data-testid="quota-row"') == 2
    assert 'data-testid="publish-round"' in html and 'data-testid="start-round"' in html
    # The lists as PDF and XLSX are reports a worker builds: one button for each format.
    for fmt in ("pdf", "xlsx"):
        assert f'data-testid="report-button-admission_lists-{fmt}"' in html
    assert f'name="round" value="{world.round.pk}"' in html
    assert "12.100" in html and "11.500" in html  # last admitted scores: state, paid
    assert reverse("admissions:round-quota", args=[world.round.pk, world.state.pk]) in html
    assert 'http-equiv="refresh"' not in html

    # The committee's list of a quota: names, numbers, scores, preference, in order of merit.
    first, second, third, _fourth = world.applications
    html = client.get(reverse("admissions:round-quota", args=[world.round.pk, world.state.pk])).content.decode()
    assert html.count('data-testid="admitted-row"') == 2
    assert html.index(first.number) < html.index(second.number)
    assert first.applicant.full_name in html and "Kandidatov0" in html and "12.580" in html
    assert third.number not in html
    html = client.get(reverse("admissions:round-quota", args=[world.round.pk, world.paid.pk])).content.decode()
    assert third.number in html and third.applicant.full_name in html

    # Publishing: a confirmation page, then the lists are published and the applicants admitted.
    confirm = client.get(reverse("admissions:round-publish", args=[world.round.pk]))
    assert confirm.status_code == 200 and 'data-testid="confirm-publish"' in confirm.content.decode()
    response = client.post(reverse("admissions:round-publish", args=[world.round.pk]))
    assert response.status_code == 302
    world.round.refresh_from_db()
    assert world.round.status == Round.Status.PUBLISHED and world.round.published_by == world.committee
    statuses = set(Application.objects.filter(pk__in=[first.pk, second.pk, third.pk]).values_list("status", flat=True))
    assert statuses == {Application.Status.ADMITTED}

    html = client.get(detail(world.round)).content.decode()
    assert 'data-testid="publish-round"' not in html and 'data-testid="start-round"' not in html
    assert reverse("public-admissions:round", args=[world.round.pk]) in html
    assert html.count('data-testid="quota-row"') == 2


def test_a_published_round_is_never_ranked_again(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.committee)
    rank(client, world, django_capture_on_commit_callbacks)
    client.post(reverse("admissions:round-publish", args=[world.round.pk]))
    world.round.refresh_from_db()
    ranked_at = world.round.ranked_at

    response = rank(client, world, django_capture_on_commit_callbacks)
    assert world.round.status == Round.Status.PUBLISHED and world.round.ranked_at == ranked_at
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("never ranked again" in m for m in messages)
    page = client.get(response.url)
    assert "never ranked again" in page.content.decode()

    # Publishing twice is refused too.
    client.post(reverse("admissions:round-publish", args=[world.round.pk]))
    world.round.refresh_from_db()
    assert world.round.status == Round.Status.PUBLISHED


def test_a_round_waits_for_the_previous_one_to_close(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.committee)
    second = RoundFactory(campaign=world.campaign, number=2)
    html = client.get(detail(second)).content.decode()
    assert "Round 1 is not closed yet" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admissions:round-start", args=[second.pk]), follow=True)
    assert "Round 1 is not closed yet" in response.content.decode()
    second.refresh_from_db()
    assert second.status == Round.Status.PLANNED


def test_progress_and_failure_are_shown(client, world):
    client.force_login(world.committee)
    Round.objects.filter(pk=world.round.pk).update(
        status=Round.Status.RUNNING,
        progress=35,
        progress_note="Ranking 4 applicants",
        queued_at=timezone.now(),
        started_by=world.committee,
    )
    html = client.get(detail(world.round)).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert 'data-progress="35"' in html and 'aria-valuenow="35"' in html and "Ranking 4 applicants" in html
    assert 'data-testid="start-round"' not in html  # running, not stale

    response = client.post(reverse("admissions:round-start", args=[world.round.pk]), follow=True)
    assert "already being ranked" in response.content.decode()

    Round.objects.filter(pk=world.round.pk).update(status=Round.Status.FAILED, error="The ranking failed: boom")
    html = client.get(detail(world.round)).content.decode()
    assert "The ranking failed: boom" in html and 'data-testid="start-round"' in html
    assert 'http-equiv="refresh"' not in html


def test_the_input_json_ranks_to_the_same_result(client, world, django_capture_on_commit_callbacks, tmp_path):
    client.force_login(world.committee)
    assert client.get(reverse("admissions:round-input", args=[world.round.pk])).status_code == 404  # not ranked yet
    rank(client, world, django_capture_on_commit_callbacks)
    response = client.get(reverse("admissions:round-input", args=[world.round.pk]))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(b"".join(response.streaming_content))
    assert sorted(a["id"] for a in data["applicants"]) == sorted(a.number for a in world.applications)

    source, target = tmp_path / "INPUT.json", tmp_path / "OUTPUT.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    call_command("rank_applicants", str(source), str(target))
    output = json.loads(target.read_text(encoding="utf-8"))
    stored = {r.application.number: str(r.score) for r in world.round.results.select_related("application") if r.quota}
    assert {a["applicant"]: a["score"] for a in output["assignments"]} == stored


# --- who gets in ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,args",
    [
        ("round-detail", ["round"]),
        ("round-edit", ["round"]),
        ("round-quota", ["round", "quota"]),
        ("round-input", ["round"]),
        ("round-publish", ["round"]),
        ("round-create", ["campaign"]),
    ],
)
def test_only_the_committee_gets_in(client, world, name, args):
    values = {"round": world.round.pk, "quota": world.state.pk, "campaign": world.campaign.pk}
    url = reverse(f"admissions:{name}", args=[values[a] for a in args])

    response = client.get(url)
    assert response.status_code == 302 and reverse("login") in response.url

    client.force_login(UserFactory(username="lecturer", roles=[Role.STAFF]))
    assert client.get(url).status_code == 403

    client.force_login(world.applications[0].applicant.user)
    assert client.get(url).status_code == 404  # applicants never learn what the committee's pages are


def test_outsiders_cannot_start_or_publish(client, world):
    lecturer = UserFactory(username="lecturer", roles=[Role.STAFF])
    for user, status in ((lecturer, 403), (world.applications[0].applicant.user, 404)):
        client.force_login(user)
        assert client.post(reverse("admissions:round-start", args=[world.round.pk])).status_code == status
        assert client.post(reverse("admissions:round-publish", args=[world.round.pk])).status_code == status
    world.round.refresh_from_db()
    assert world.round.status == Round.Status.PLANNED


def test_a_failing_ranking_is_recorded_and_can_be_started_again(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.committee)

    def broken(instance):
        raise RuntimeError("the engine broke")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("admissions.services.rank", broken)
        rank(client, world, django_capture_on_commit_callbacks)
    assert world.round.status == Round.Status.FAILED
    html = client.get(detail(world.round)).content.decode()
    assert 'data-testid="round-error"' in html and "the engine broke" in html
    assert 'data-testid="start-round"' in html and "Rank again" in html

    rank(client, world, django_capture_on_commit_callbacks)
    assert world.round.status == Round.Status.RANKED and world.round.error == ""


def test_a_published_round_keeps_its_dates_but_the_deadline_may_move(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.committee)
    rank(client, world, django_capture_on_commit_callbacks)
    client.post(reverse("admissions:round-publish", args=[world.round.pk]))
    url = reverse("admissions:round-edit", args=[world.round.pk])
    html = client.get(url).content.decode()
    assert html.count("disabled") >= 3
    ranking_on = world.round.ranking_on
    deadline = world.round.enrolment_deadline + datetime.timedelta(days=3)
    response = client.post(
        url,
        {
            "number": 7,
            "ranking_on": (ranking_on - datetime.timedelta(days=5)).isoformat(),
            "publication_on": world.round.publication_on.isoformat(),
            "enrolment_deadline": deadline.isoformat(),
        },
    )
    assert response.status_code == 302
    world.round.refresh_from_db()
    assert (world.round.number, world.round.ranking_on, world.round.enrolment_deadline) == (1, ranking_on, deadline)
