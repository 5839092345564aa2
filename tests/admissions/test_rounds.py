"""Ranking rounds: the input built from the database is the file `rank_applicants` reads, the
stored result is what the command gives for that file; starting, re-ranking and publishing a
round; notices; the enrolment deadline, forfeiture and the next round with held seats."""

import datetime
import json
import random
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from admissions import rounds, services, tasks
from admissions.models import (
    Application,
    ApplicationNotice,
    Campaign,
    Document,
    Programme,
    Quota,
    Round,
    RoundQuota,
    RoundResult,
)
from admissions.ranking import rank
from admissions.ranking.jsonio import instance_to_data, loads
from admissions.services import WorkflowError
from qms.celery import app as celery_app
from tests.admissions.factories import (
    CampaignFactory,
    ProgrammeFactory,
    QuotaFactory,
    RoundFactory,
    committee_member,
    eligible_application,
    pdf_upload,
)

pytestmark = pytest.mark.django_db
Status = Application.Status
DAY = datetime.timedelta(days=1)


@pytest.fixture
def committee():
    return committee_member()


def eligible(campaign, quotas, committee, course, graduation, **fields) -> Application:
    return eligible_application(
        campaign=campaign,
        quotas=quotas,
        committee=committee,
        course_average=Decimal(course),
        graduation_grade=Decimal(graduation),
        **fields,
    )


def a_round(campaign, number, *, deadline_in=7) -> Round:
    today = timezone.localdate()
    return RoundFactory(
        campaign=campaign,
        number=number,
        ranking_on=today,
        publication_on=today,
        enrolment_deadline=today + deadline_in * DAY,
    )


def loaded(round) -> Round:
    """The round as the worker loads it from the database (with its campaign)."""
    return Round.objects.select_related("campaign").get(pk=round.pk)


def rank_now(round, by, capture) -> Round:
    """Start the round and let the (eager) worker rank it."""
    with capture(execute=True):
        services.round_start(round=round, by=by)
    round.refresh_from_db()
    assert round.status == Round.Status.RANKED, round.error
    return round


def publish_now(round, by, capture) -> Round:
    with capture(execute=True):
        services.round_publish(round=round, by=by)
    round.refresh_from_db()
    return round


def placed(round) -> dict[str, tuple]:
    """application number -> (programme, form, funding, preference, score) or None."""
    rows = RoundResult.objects.filter(round=round).select_related("application", "quota__programme")
    return {
        r.application.number: (r.quota.programme.code, r.quota.form, r.quota.funding, r.preference, r.score)
        if r.quota_id
        else None
        for r in rows
    }


def snapshot(round) -> list[tuple]:
    return sorted(
        (r.application_id, r.quota_id, r.preference, r.score, r.merit, r.held, json.dumps(r.explanation))
        for r in RoundResult.objects.filter(round=round)
    )


def assert_explanation_is_the_engines(row: list[dict], outcomes) -> None:
    """A stored explanation says, preference by preference, what `Result.explain` says."""
    assert len(row) == len(outcomes)
    for stored, outcome in zip(row, outcomes, strict=True):
        assert (stored["position"], stored["programme"], stored["form"], stored["funding"], stored["status"]) == (
            outcome.position,
            outcome.programme,
            outcome.form,
            outcome.funding,
            outcome.status,
        )
        assert Decimal(stored["score"]) == outcome.score and stored["score"] == f"{outcome.score:.3f}"
        assert stored.get("reason", "") == outcome.reason
        assert stored.get("held", False) == outcome.held
        if outcome.status == "not_admitted":
            last = stored["last_score"]
            assert (None if last is None else Decimal(last)) == outcome.last_score
            assert stored["tie_break"] == outcome.tie_break


# --- a realistic round ---------------------------------------------------------------------------


class Case:
    """About thirty applications over three programmes: ties, a professional bachelor outside
    their field, a state-funded-before applicant, a minimum diploma grade and the economics bonus.

    The named applicants score 10.5 or more at every preference; the others (seeded, coarse grades
    that tie often) at most 9.9, so the named ones' places can be checked by hand."""

    def __init__(self, committee):
        self.campaign = campaign = CampaignFactory()
        im = ProgrammeFactory(campaign=campaign, code="IM", area="3", professional_field="3.7", economics_bonus=True)
        ct = ProgrammeFactory(campaign=campaign, code="CT", area="5", professional_field="5.10")
        cs = ProgrammeFactory(campaign=campaign, code="CS", area="4", professional_field="4.6")
        self.q = q = {
            "IM_S": QuotaFactory(programme=im, funding="state", places=3),
            "IM_P": QuotaFactory(programme=im, funding="paid", places=2, min_diploma_grade=Decimal("3.50")),
            "CT_S": QuotaFactory(programme=ct, funding="state", places=3),
            "CT_PP": QuotaFactory(programme=ct, form="part-time", funding="paid", places=3),
            "CS_S": QuotaFactory(programme=cs, funding="state", places=2),
            "CS_P": QuotaFactory(programme=cs, funding="paid", places=2, min_diploma_grade=Decimal("3.50")),
        }
        self.round = a_round(campaign, 1)
        named = {
            "TOP": ([q["CS_S"]], "6.00", "6.00", {"own_university": True, "area": "5", "professional_field": "5.10"}),
            "TIE1": ([q["CS_S"], q["CT_S"]], "5.00", "5.50", {"area": "4", "professional_field": "4.2"}),
            "TIE2": ([q["CS_S"], q["CT_S"]], "5.00", "5.50", {"area": "4", "professional_field": "4.2"}),
            "ECON": ([q["IM_S"], q["CT_S"]], "5.00", "5.00", {"area": "3", "professional_field": "3.8"}),
            "PB": (
                [q["CS_S"], q["CT_S"]],
                "5.50",
                "5.00",
                {"degree": "professional_bachelor", "area": "5", "professional_field": "5.10"},
            ),
            "SF": (
                [q["CT_S"], q["CT_PP"]],
                "5.00",
                "5.00",
                {"state_funded_before": True, "area": "5", "professional_field": "5.3"},
            ),
            "MG": ([q["IM_P"], q["IM_S"]], "3.20", "3.60", {"area": "3", "professional_field": "3.7"}),
        }
        self.named = {
            name: eligible(campaign, quotas, committee, course, graduation, **fields)
            for name, (quotas, course, graduation, fields) in named.items()
        }
        # The tie of TIE1 and TIE2 is broken by the earlier first submission: TIE1's.
        tie1 = self.named["TIE1"]
        Application.objects.filter(pk=self.named["TIE2"].pk).update(
            first_submitted_at=tie1.first_submitted_at + datetime.timedelta(minutes=5)
        )
        rng = random.Random(2026)  # noqa: S311 - a fixed, reproducible case
        others = [("2", "2.1"), ("3", "3.7"), ("3", "3.8")]
        grades = ("3.00", "3.50", "4.00", "4.50")
        for _ in range(23):
            area, field = rng.choice(others)
            eligible(
                campaign,
                rng.sample(list(q.values()), k=rng.randint(1, 3)),
                committee,
                rng.choice(grades),
                rng.choice(grades),
                area=area,
                professional_field=field,
            )

    def number(self, name):
        return self.named[name].number


def test_the_rounds_input_is_exactly_what_the_file_format_holds(committee, django_capture_on_commit_callbacks):
    case = Case(committee)
    data = rounds.build_instance(loaded(case.round))
    assert len(data.instance.applicants) == 30
    assert [p.code for p in data.instance.programmes] == ["CS", "CT", "IM"]
    text = json.dumps(instance_to_data(data.instance))
    assert loads(text) == data.instance

    # The named applicants come as their applications say.
    econ = next(a for a in data.instance.applicants if a.id == case.number("ECON"))
    assert (econ.area, econ.professional_field, econ.course_average, econ.graduation_grade) == (
        "3",
        "3.8",
        Decimal("5.00"),
        Decimal("5.00"),
    )
    assert econ.preferences == [("IM", "full-time", "state"), ("CT", "full-time", "state")]
    assert econ.submitted_at == case.named["ECON"].first_submitted_at and econ.held is None
    sf = next(a for a in data.instance.applicants if a.id == case.number("SF"))
    assert sf.state_funded_before is True
    im = next(p for p in data.instance.programmes if p.code == "IM")
    assert im.economics_bonus and [(q.funding, q.places, q.min_diploma_grade) for q in im.quotas] == [
        ("state", 3, None),
        ("paid", 2, Decimal("3.50")),
    ]

    # The file the round keeps is that input.
    round = rank_now(case.round, committee, django_capture_on_commit_callbacks)
    with round.input_file.open("rb") as stored:
        assert loads(stored.read()) == data.instance


def test_the_stored_result_is_what_rank_applicants_gives_for_the_rounds_file(
    committee, django_capture_on_commit_callbacks, tmp_path
):
    case = Case(committee)
    round = rank_now(case.round, committee, django_capture_on_commit_callbacks)
    output = tmp_path / "OUTPUT.json"
    call_command("rank_applicants", round.input_file.path, str(output))
    expected = json.loads(output.read_text())

    rows = list(RoundResult.objects.filter(round=round).select_related("application", "quota__programme"))
    assignments = sorted(
        (
            {
                "applicant": r.application.number,
                "programme": r.quota.programme.code,
                "form": r.quota.form,
                "funding": r.quota.funding,
                "score": "%.3f" % r.score,  # noqa: UP031 - the format RANKING.md gives
                "preference": r.preference,
            }
            for r in rows
            if r.quota_id
        ),
        key=lambda a: a["applicant"],
    )
    assert assignments == expected["assignments"]
    assert sorted(r.application.number for r in rows if not r.quota_id) == expected["unassigned"]
    ineligible = sorted(
        (
            {
                "applicant": r.application.number,
                "programme": e["programme"],
                "form": e["form"],
                "funding": e["funding"],
                "reason": e["reason"],
            }
            for r in rows
            for e in r.explanation
            if e["status"] == "ineligible"
        ),
        key=lambda x: (x["applicant"], x["programme"], x["form"], x["funding"]),
    )
    assert ineligible == expected["ineligible"]
    quotas = [
        {
            "programme": q.quota.programme.code,
            "form": q.quota.form,
            "funding": q.quota.funding,
            "places": q.places,
            "admitted": q.admitted,
            "last_score": None if q.last_score is None else "%.3f" % q.last_score,  # noqa: UP031
        }
        for q in RoundQuota.objects.filter(round=round).select_related("quota__programme")
    ]
    assert sorted(quotas, key=lambda q: (q["programme"], q["form"], q["funding"])) == sorted(
        expected["quotas"], key=lambda q: (q["programme"], q["form"], q["funding"])
    )
    assert (round.applicants_count, round.admitted_count) == (30, len(expected["assignments"]))
    assert len(rows) == 30 and not any(r.held for r in rows)


def test_a_realistic_round_gives_the_hand_checked_places_and_the_engines_explanations(
    committee, django_capture_on_commit_callbacks
):
    case = Case(committee)
    round = rank_now(case.round, committee, django_capture_on_commit_callbacks)
    got = placed(round)
    n = case.number
    assert got[n("TOP")] == ("CS", "full-time", "state", 1, Decimal("15.000"))
    # TIE1 and TIE2 tie on score, graduation grade and course average: the earlier submission wins.
    assert got[n("TIE1")] == ("CS", "full-time", "state", 1, Decimal("11.500"))
    assert got[n("TIE2")] == ("CT", "full-time", "state", 2, Decimal("11.500"))
    # The economics bonus counts at IM only: 5.00 × 1.2 + 5.00 there, 5.00 × 1.0 + 5.00 at CT.
    assert got[n("ECON")] == ("IM", "full-time", "state", 1, Decimal("11.000"))
    # A professional bachelor in 5.10 can't take CS (4.6); CT (5.10) is theirs.
    assert got[n("PB")] == ("CT", "full-time", "state", 2, Decimal("11.600"))
    # State-funded before: the paid quota only.
    assert got[n("SF")] == ("CT", "part-time", "paid", 2, Decimal("11.000"))

    results = {r.application.number: r for r in RoundResult.objects.filter(round=round).select_related("application")}
    tie2 = results[n("TIE2")].explanation
    assert (tie2[0]["status"], tie2[0]["last_score"], tie2[0]["tie_break"]) == ("not_admitted", "11.500", True)
    assert [(e["status"], e["score"]) for e in results[n("ECON")].explanation] == [
        ("admitted", "11.000"),
        ("not_needed", "10.000"),
    ]
    assert (results[n("PB")].explanation[0]["status"], results[n("PB")].explanation[0]["reason"]) == (
        "ineligible",
        "professional_field",
    )
    assert results[n("SF")].explanation[0]["reason"] == "state_funded_before"
    assert results[n("MG")].explanation[0]["reason"] == "min_diploma_grade"  # (3.20 + 3.60) / 2 < 3.50
    assert (results[n("TOP")].merit, results[n("TIE1")].merit) == (1, 2)
    cs_state = RoundQuota.objects.get(round=round, quota=case.q["CS_S"])
    assert (cs_state.places, cs_state.admitted, cs_state.last_score) == (2, 2, Decimal("11.500"))

    # Merit numbers each quota's admitted from 1, in order of merit.
    for quota in case.q.values():
        rows = list(RoundResult.objects.filter(round=round, quota=quota).order_by("merit"))
        assert [r.merit for r in rows] == list(range(1, len(rows) + 1))
        assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    assert not RoundResult.objects.filter(round=round, quota__isnull=True, merit__isnull=False).exists()

    # Every stored explanation is the engine's, for every applicant of the round.
    result = rank(loads(round.input_file.read()))
    assert set(results) == {a.id for a in rounds.build_instance(loaded(round)).instance.applicants}
    for number, row in results.items():
        assert_explanation_is_the_engines(row.explanation, result.explain(number))


def test_the_input_has_exact_coefficients_even_for_a_campaign_object_not_reloaded(committee):
    """A campaign made in code (a form's save, a factory) holds the defaults of its coefficient
    fields as they are written in the model. Built from such an object, the input must still have
    exact decimals: with 1.2 as the float 1.19999…, a true tie at 10.800 is decided by that error
    instead of by the graduation grade."""
    campaign = CampaignFactory()
    quota = QuotaFactory(programme__campaign=campaign, places=1)
    related = eligible(campaign, [quota], committee, "4.00", "6.00", area="4", professional_field="4.2")
    other = eligible(campaign, [quota], committee, "5.80", "5.00", area="3", professional_field="3.7")
    round = a_round(campaign, 1)  # its campaign is the object just made, not one read back
    # 4.00 × 1.2 + 6.00 = 5.80 × 1.0 + 5.00 = 10.800: the higher graduation grade wins.
    (from_database,) = rank(rounds.build_instance(loaded(round)).instance).assignments
    assert (from_database.applicant, from_database.score) == (related.number, Decimal("10.800"))
    (from_object,) = rank(rounds.build_instance(round).instance).assignments
    assert (from_object.applicant, from_object.score) == (related.number, Decimal("10.800")), other.number
    coefficients = rounds.build_instance(round).instance.coefficients
    assert coefficients == loaded(round).campaign.coefficients()
    assert all(isinstance(c, Decimal) for c in (coefficients.own_university, coefficients.related, coefficients.other))


# --- starting and ranking --------------------------------------------------------------------------


@pytest.fixture
def small(committee):
    """A campaign with one programme, two quotas, three eligible applicants and round 1."""
    campaign = CampaignFactory()
    state = QuotaFactory(programme__campaign=campaign, funding="state", places=1)
    paid = QuotaFactory(programme=state.programme, funding="paid", places=1)
    applications = [eligible(campaign, [state, paid], committee, grade, grade) for grade in ("5.50", "5.00", "4.50")]
    return campaign, state, paid, applications, a_round(campaign, 1)


def test_ranking_a_ranked_round_again_replaces_its_results_by_the_same(
    small, committee, django_capture_on_commit_callbacks
):
    *_, round = small
    rank_now(round, committee, django_capture_on_commit_callbacks)
    first = snapshot(round)
    assert len(first) == 3
    folder = Path(round.input_file.path).parent
    rank_now(round, committee, django_capture_on_commit_callbacks)
    assert snapshot(round) == first
    assert RoundResult.objects.filter(round=round).count() == 3
    assert RoundQuota.objects.filter(round=round).count() == 2
    # One input file is kept, the latest.
    assert [p.name for p in folder.iterdir()] == [Path(round.input_file.name).name]
    assert len(loads(Path(round.input_file.path).read_bytes()).applicants) == 3


def test_a_published_round_is_never_ranked_again(small, committee, django_capture_on_commit_callbacks):
    *_, round = small
    rank_now(round, committee, django_capture_on_commit_callbacks)
    publish_now(round, committee, django_capture_on_commit_callbacks)
    before = snapshot(round)
    pks = set(RoundResult.objects.filter(round=round).values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(WorkflowError):
        services.round_start(round=round, by=committee)
    assert callbacks == []
    round.refresh_from_db()
    assert round.status == Round.Status.PUBLISHED
    assert snapshot(round) == before
    assert set(RoundResult.objects.filter(round=round).values_list("pk", flat=True)) == pks


def test_round_2_cannot_start_before_round_1_is_closed(small, committee, django_capture_on_commit_callbacks):
    campaign, *_, round1 = small
    round2 = a_round(campaign, 2)
    for step in ("planned", "ranked", "published"):
        if step == "ranked":
            rank_now(round1, committee, django_capture_on_commit_callbacks)
        elif step == "published":
            publish_now(round1, committee, django_capture_on_commit_callbacks)
        with pytest.raises(WorkflowError):
            services.round_start(round=round2, by=committee)
        round2.refresh_from_db()
        assert round2.status == Round.Status.PLANNED, step
    assert not RoundResult.objects.filter(round=round2).exists()


def test_a_redelivered_ranking_task_does_nothing_the_second_time(small, committee, django_capture_on_commit_callbacks):
    *_, round = small
    rank_now(round, committee, django_capture_on_commit_callbacks)
    pks = sorted(RoundResult.objects.filter(round=round).values_list("pk", flat=True))
    ranked_at = round.ranked_at
    assert services.round_rank(round_id=round.pk) is None
    assert tasks.rank_round(round.pk) == "skipped"
    round.refresh_from_db()
    assert (round.status, round.ranked_at) == (Round.Status.RANKED, ranked_at)
    assert sorted(RoundResult.objects.filter(round=round).values_list("pk", flat=True)) == pks


def test_a_second_start_while_the_round_is_queued_is_told_it_is_already_being_ranked(small, committee):
    *_, round = small
    other = committee_member()
    services.round_start(round=round, by=committee)  # the worker has not picked it up yet
    with pytest.raises(WorkflowError) as error:
        services.round_start(round=round, by=other)
    assert "already being ranked" in str(error.value.messages[0])
    round.refresh_from_db()
    assert (round.status, round.started_by) == (Round.Status.QUEUED, committee)


def test_a_round_queued_long_ago_and_lost_may_be_started_again(small, committee, django_capture_on_commit_callbacks):
    *_, round = small
    services.round_start(round=round, by=committee)
    Round.objects.filter(pk=round.pk).update(queued_at=timezone.now() - services.ROUND_STALE_AFTER - DAY / 24)
    rank_now(round, committee, django_capture_on_commit_callbacks)


def test_the_history_of_a_ranked_round_names_who_started_it(small, committee, django_capture_on_commit_callbacks):
    *_, round = small
    rank_now(round, committee, django_capture_on_commit_callbacks)
    ranked = round.history.filter(status=Round.Status.RANKED)
    assert ranked.count() == 1 and ranked.first().history_user == committee


# --- publication --------------------------------------------------------------------------------------


def test_publishing_admits_those_placed_and_records_who_published(small, committee, django_capture_on_commit_callbacks):
    _, state, paid, (best, second, third), round = small
    rank_now(round, committee, django_capture_on_commit_callbacks)
    publisher = committee_member()
    publish_now(round, publisher, django_capture_on_commit_callbacks)
    assert (round.status, round.published_by) == (Round.Status.PUBLISHED, publisher)
    for application, quota, preference, score in (
        (best, state, 1, Decimal("12.100")),  # 5.50 × 1.2 + 5.50
        (second, paid, 2, Decimal("11.000")),
    ):
        application.refresh_from_db()
        assert (
            application.status,
            application.admitted_round,
            application.admitted_quota,
            application.admitted_preference,
            application.admitted_score,
        ) == (Status.ADMITTED, round, quota, preference, score)
        latest = application.history.order_by("-history_date", "-history_id").first()
        assert (latest.status, latest.history_user) == (Status.ADMITTED, publisher)
    third.refresh_from_db()
    assert (third.status, third.admitted_quota) == (Status.ELIGIBLE, None)
    assert not third.history.filter(status=Status.ADMITTED).exists()


def test_only_a_ranked_round_with_its_deadline_ahead_is_published(small, committee, django_capture_on_commit_callbacks):
    *_, round = small
    with pytest.raises(WorkflowError):
        services.round_publish(round=round, by=committee)
    rank_now(round, committee, django_capture_on_commit_callbacks)
    today = timezone.localdate()
    Round.objects.filter(pk=round.pk).update(
        ranking_on=today - 3 * DAY, publication_on=today - 2 * DAY, enrolment_deadline=today - DAY
    )
    with pytest.raises(WorkflowError):
        services.round_publish(round=round, by=committee)
    round.refresh_from_db()
    assert round.status == Round.Status.RANKED
    assert not Application.objects.filter(status=Status.ADMITTED).exists()


def ranked_mail(mailoutbox, application, round_number):
    return [
        m
        for m in mailoutbox
        if m.to == [application.applicant.user.email] and m.subject.startswith(f"Round {round_number}:")
    ]


def test_the_results_go_once_to_each_ranked_applicant(small, committee, mailoutbox, django_capture_on_commit_callbacks):
    *_, applications, round = small
    rank_now(round, committee, django_capture_on_commit_callbacks)
    publish_now(round, committee, django_capture_on_commit_callbacks)  # queues round_notices (eager)
    assert tasks.round_notices(round.pk) == 0  # the task run a second time
    assert services.round_notices_send(round_id=round.pk) == 0
    for application in applications:
        assert len(ranked_mail(mailoutbox, application, 1)) == 1
        assert ApplicationNotice.objects.filter(application=application, round=round, kind="ranked").count() == 1
    best, _, third = applications
    assert "admitted" in ranked_mail(mailoutbox, best, 1)[0].subject
    assert "results are published" in ranked_mail(mailoutbox, third, 1)[0].subject


def test_no_notice_goes_out_for_an_unpublished_round(small, committee, mailoutbox, django_capture_on_commit_callbacks):
    *_, round = small
    rank_now(round, committee, django_capture_on_commit_callbacks)
    assert tasks.round_notices(round.pk) == 0
    assert not ApplicationNotice.objects.exists()


# --- enrolment, forfeiture and the next round -----------------------------------------------------------


class Forfeiture:
    """Round 1 over three quotas of one place each:

    - X state: B (13.200) is admitted and does not confirm; C (12.100) waits.
    - Y state: E (12.760) is admitted and does not confirm; A (11.000) listed it first.
    - Y paid: A is admitted there (their second preference) and confirms; F (8.800) waits.

    Round 2 (after round 1's deadline) should give X state to C, Y state to A (who moves up from
    the seat they hold) and A's freed Y paid seat to F."""

    def __init__(self, committee, capture):
        self.committee = committee
        self.campaign = campaign = CampaignFactory()
        x = ProgrammeFactory(campaign=campaign, code="X")
        y = ProgrammeFactory(campaign=campaign, code="Y")
        self.x_state = QuotaFactory(programme=x, funding="state", places=1)
        self.y_state = QuotaFactory(programme=y, funding="state", places=1)
        self.y_paid = QuotaFactory(programme=y, funding="paid", places=1)
        self.round1 = a_round(campaign, 1, deadline_in=0)
        self.round2 = a_round(campaign, 2, deadline_in=7)
        self.deadline = self.round1.enrolment_deadline
        self.B = eligible(campaign, [self.x_state], committee, "6.00", "6.00")
        self.C = eligible(campaign, [self.x_state], committee, "5.50", "5.50")
        self.E = eligible(campaign, [self.y_state], committee, "5.80", "5.80")
        self.A = eligible(campaign, [self.y_state, self.y_paid], committee, "5.00", "5.00")
        self.F = eligible(campaign, [self.y_paid], committee, "4.00", "4.00")
        rank_now(self.round1, committee, capture)
        publish_now(self.round1, committee, capture)
        with capture(execute=True):
            services.enrolment_confirm(application=self.A, uploaded=pdf_upload("semester-fee.pdf"))
        for application in self.applications:
            application.refresh_from_db()

    @property
    def applications(self):
        return (self.A, self.B, self.C, self.E, self.F)


def mail_about(mailoutbox, application, subject):
    return [m for m in mailoutbox if m.to == [application.applicant.user.email] and m.subject == subject]


REMINDER = "The enrolment deadline is approaching"
LOST = "You have lost your rights to enrol"


def test_round_1_admits_the_best_at_each_quota_and_a_confirmation_holds_the_seat(
    committee, django_capture_on_commit_callbacks, mailoutbox
):
    case = Forfeiture(committee, django_capture_on_commit_callbacks)
    assert placed(case.round1) == {
        case.B.number: ("X", "full-time", "state", 1, Decimal("13.200")),
        case.E.number: ("Y", "full-time", "state", 1, Decimal("12.760")),
        case.A.number: ("Y", "full-time", "paid", 2, Decimal("11.000")),
        case.C.number: None,
        case.F.number: None,
    }
    assert case.A.status == Status.CONFIRMED and case.A.confirmed_at is not None
    receipt = case.A.documents.get(kind=Document.Kind.ENROLMENT_RECEIPT)
    assert receipt.status == Document.Status.PENDING
    assert len(mail_about(mailoutbox, case.A, "Your enrolment confirmation is received")) == 1
    assert (case.B.status, case.E.status, case.C.status) == (Status.ADMITTED, Status.ADMITTED, Status.ELIGIBLE)


def test_on_the_deadline_day_the_unconfirmed_are_reminded_once_and_keep_their_rights(
    committee, django_capture_on_commit_callbacks, mailoutbox
):
    case = Forfeiture(committee, django_capture_on_commit_callbacks)
    for _ in range(2):  # the daily sweep run twice
        with django_capture_on_commit_callbacks(execute=True):
            services.enrolment_sweep(today=case.deadline)
    for application in (case.B, case.E):
        application.refresh_from_db()
        assert application.status == Status.ADMITTED and application.lost_rights_at is None
        assert len(mail_about(mailoutbox, application, REMINDER)) == 1
        assert ApplicationNotice.objects.filter(application=application, kind="deadline_soon").count() == 1
    assert mail_about(mailoutbox, case.A, REMINDER) == []  # confirmed: nothing to remind
    case.round1.refresh_from_db()
    assert case.round1.status == Round.Status.PUBLISHED


def test_the_day_after_the_deadline_the_unconfirmed_lose_their_rights_once_and_the_round_closes(
    committee, django_capture_on_commit_callbacks, mailoutbox
):
    case = Forfeiture(committee, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        first = services.enrolment_sweep(today=case.deadline + DAY)
    with django_capture_on_commit_callbacks(execute=True):
        second = services.enrolment_sweep(today=case.deadline + 2 * DAY)
    assert first == {"reminded": 0, "lost_rights": 2, "rounds_closed": 1}
    assert second == {"reminded": 0, "lost_rights": 0, "rounds_closed": 0}
    for application in (case.B, case.E):
        application.refresh_from_db()
        assert application.status == Status.LOST_RIGHTS and application.lost_rights_at is not None
        assert len(mail_about(mailoutbox, application, LOST)) == 1
    case.A.refresh_from_db()
    assert case.A.status == Status.CONFIRMED
    assert mail_about(mailoutbox, case.A, LOST) == []
    case.round1.refresh_from_db()
    assert case.round1.status == Round.Status.CLOSED and case.round1.closed_at is not None


def test_round_2_leaves_out_those_who_lost_rights_and_brings_a_held_seat(committee, django_capture_on_commit_callbacks):
    case = Forfeiture(committee, django_capture_on_commit_callbacks)
    services.enrolment_sweep(today=case.deadline + DAY)
    data = rounds.build_instance(loaded(case.round2))
    by_id = {a.id: a for a in data.instance.applicants}
    assert set(by_id) == {case.A.number, case.C.number, case.F.number}
    assert by_id[case.A.number].held == ("Y", "full-time", "paid")
    assert by_id[case.A.number].preferences == [("Y", "full-time", "state"), ("Y", "full-time", "paid")]
    assert by_id[case.C.number].held is None and by_id[case.F.number].held is None
    assert loads(json.dumps(instance_to_data(data.instance))) == data.instance


def test_round_2_fills_the_forfeited_places_and_moves_a_holder_up(
    committee, django_capture_on_commit_callbacks, mailoutbox
):
    case = Forfeiture(committee, django_capture_on_commit_callbacks)
    services.enrolment_sweep(today=case.deadline + DAY)
    round2 = rank_now(case.round2, committee, django_capture_on_commit_callbacks)
    engine = rank(rounds.build_instance(loaded(round2)).instance)
    expected = {a.applicant: (a.programme, a.form, a.funding, a.preference, a.score) for a in engine.assignments}
    assert placed(round2) == expected
    assert expected == {
        case.C.number: ("X", "full-time", "state", 1, Decimal("12.100")),  # B's freed place
        case.A.number: ("Y", "full-time", "state", 1, Decimal("11.000")),  # E's freed place, above A's held seat
        case.F.number: ("Y", "full-time", "paid", 1, Decimal("8.800")),  # the seat A left
    }
    a_result = RoundResult.objects.get(round=round2, application=case.A)
    assert a_result.held is True
    assert [(e["status"], e.get("held", False)) for e in a_result.explanation] == [
        ("admitted", False),
        ("not_needed", True),
    ]

    publish_now(round2, committee, django_capture_on_commit_callbacks)
    for application in case.applications:
        application.refresh_from_db()
    assert (case.C.status, case.C.admitted_quota, case.C.admitted_round) == (Status.ADMITTED, case.x_state, round2)
    assert (case.F.status, case.F.admitted_quota) == (Status.ADMITTED, case.y_paid)
    # A keeps the confirmation and moves to the better quota.
    assert (case.A.status, case.A.admitted_quota, case.A.admitted_preference, case.A.admitted_round) == (
        Status.CONFIRMED,
        case.y_state,
        1,
        round2,
    )
    assert (case.B.status, case.E.status) == (Status.LOST_RIGHTS, Status.LOST_RIGHTS)
    assert len(ranked_mail(mailoutbox, case.C, 2)) == 1
    assert ranked_mail(mailoutbox, case.B, 2) == []


def test_the_results_of_round_2_reach_an_applicant_reminded_of_the_deadline_before_they_went_out(
    committee, django_capture_on_commit_callbacks, mailoutbox
):
    """Round 2's notices could not be queued at publication (workers down); the daily sweep
    first reminds the newly admitted of the near deadline, then sends the results it missed."""
    case = Forfeiture(committee, django_capture_on_commit_callbacks)
    services.enrolment_sweep(today=case.deadline + DAY)
    Round.objects.filter(pk=case.round2.pk).update(enrolment_deadline=timezone.localdate() + DAY)
    case.round2.refresh_from_db()
    rank_now(case.round2, committee, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=False):
        services.round_publish(round=case.round2, by=committee)  # the notices task is never queued
    assert ApplicationNotice.objects.filter(application=case.C, kind="ranked").count() == 1  # round 1's
    with django_capture_on_commit_callbacks(execute=True):
        tasks.enrolment_sweep()
    assert len(mail_about(mailoutbox, case.C, REMINDER)) == 1
    assert ApplicationNotice.objects.filter(application=case.C, round=case.round2, kind="ranked").exists()
    assert len(ranked_mail(mailoutbox, case.C, 2)) == 1


def test_enrolment_cannot_be_confirmed_after_the_deadline(committee, django_capture_on_commit_callbacks):
    case = Forfeiture(committee, django_capture_on_commit_callbacks)
    today = timezone.localdate()
    Round.objects.filter(pk=case.round1.pk).update(
        ranking_on=today - 2 * DAY, publication_on=today - 2 * DAY, enrolment_deadline=today - DAY
    )
    with pytest.raises(WorkflowError):
        services.enrolment_confirm(application=case.B, uploaded=pdf_upload())
    case.B.refresh_from_db()
    assert case.B.status == Status.ADMITTED
    assert not case.B.documents.filter(kind=Document.Kind.ENROLMENT_RECEIPT).exists()
    # On the deadline day itself it still goes through.
    Round.objects.filter(pk=case.round1.pk).update(enrolment_deadline=today)
    assert services.enrolment_confirm(application=case.B, uploaded=pdf_upload()).status == Status.CONFIRMED


def test_only_an_admitted_applicant_confirms_and_only_a_confirmed_one_is_enrolled(
    committee, django_capture_on_commit_callbacks, mailoutbox
):
    case = Forfeiture(committee, django_capture_on_commit_callbacks)
    with pytest.raises(WorkflowError):
        services.enrolment_confirm(application=case.C, uploaded=pdf_upload())  # not admitted
    with pytest.raises(WorkflowError):
        services.application_enrol(application=case.B, by=committee)  # admitted, not confirmed
    case.B.refresh_from_db()
    assert case.B.status == Status.ADMITTED
    with django_capture_on_commit_callbacks(execute=True):
        enrolled = services.application_enrol(application=case.A, by=committee)
    assert (enrolled.status, enrolled.enrolled_by) == (Status.ENROLLED, committee)
    receipt = case.A.documents.get(kind=Document.Kind.ENROLMENT_RECEIPT)
    assert (receipt.status, receipt.reviewed_by) == (Document.Status.ACCEPTED, committee)
    assert len(mail_about(mailoutbox, case.A, "You are enrolled")) == 1
    with pytest.raises(WorkflowError):
        services.application_enrol(application=case.A, by=committee)


# --- the campaign is fixed from the first ranking on --------------------------------------------------


def test_programmes_and_quotas_are_fixed_from_the_first_ranking_on(
    small, committee, django_capture_on_commit_callbacks
):
    campaign, state, paid, _, round = small
    assert not services.campaign_locked(campaign)
    state.places = 3
    services.quota_save(quota=state)  # still free before the ranking
    rank_now(round, committee, django_capture_on_commit_callbacks)
    assert services.campaign_locked(campaign)

    programme = Programme.objects.get(pk=state.programme_id)
    programme.name = "Renamed"
    with pytest.raises(WorkflowError):
        services.programme_save(programme=programme)
    with pytest.raises(WorkflowError):
        services.programme_save(
            programme=Programme(campaign=campaign, code="NEW", name="New", area="5", professional_field="5.10")
        )
    quota = Quota.objects.get(pk=paid.pk)
    quota.places = 10
    with pytest.raises(WorkflowError):
        services.quota_save(quota=quota)
    with pytest.raises(WorkflowError):
        services.quota_delete(quota=quota)
    with pytest.raises(WorkflowError):
        services.quota_save(quota=Quota(programme=programme, form="part-time", funding="paid", places=5))
    fresh = Campaign.objects.get(pk=campaign.pk)
    fresh.coefficient_own_university = Decimal("2.0")
    with pytest.raises(WorkflowError):
        services.campaign_save(campaign=fresh)

    assert Programme.objects.get(pk=programme.pk).name != "Renamed"
    assert list(
        Quota.objects.filter(programme__campaign=campaign).order_by("funding").values_list("places", flat=True)
    ) == [1, 3]
    assert Campaign.objects.get(pk=campaign.pk).coefficient_own_university == Decimal("1.5")


# --- with the real services ---------------------------------------------------------------------------


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_round_started_in_the_portal_is_ranked_by_the_real_worker_into_postgresql(worker):
    assert connection.vendor == "postgresql"
    assert celery_app.conf.task_always_eager is False
    committee = committee_member()
    campaign = CampaignFactory()
    state = QuotaFactory(programme__campaign=campaign, funding="state", places=1)
    paid = QuotaFactory(programme=state.programme, funding="paid", places=1)
    applications = [eligible(campaign, [state, paid], committee, g, g) for g in ("5.50", "5.00", "4.50")]
    round = a_round(campaign, 1)

    services.round_start(round=round, by=committee)  # committed: the task goes to Redis

    def finished():
        round.refresh_from_db()
        return round.status in (Round.Status.RANKED, Round.Status.FAILED)

    assert wait_for(finished), f"not ranked in time; worker log:\n{worker['log'].read_text()}"
    assert round.status == Round.Status.RANKED, round.error
    assert (round.applicants_count, round.admitted_count, round.progress) == (3, 2, 100)
    engine = rank(rounds.build_instance(loaded(round)).instance)
    expected = {a.applicant: (a.programme, a.form, a.funding, a.preference, a.score) for a in engine.assignments}
    assert placed(round) == {**{a.number: None for a in applications}, **expected}
    assert placed(round)[applications[0].number][2] == "state"
    assert {row.history_user for row in round.history.filter(status=Round.Status.RANKED)} == {committee}
