"""A ranking round from the database: the engine's input built from the applications, the same
engine as `rank_applicants`, the result stored with each applicant's explanation.

`build_instance(round)` gives the `Instance` that INPUT.json would hold (`jsonio.instance_to_data`
writes it out; ranking that file with `rank_applicants` gives the same result). Taking part: the
applications verified as eligible, and those holding a seat from an earlier round (confirmed or
enrolled), who come with `held`; those who lost their rights are not there.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from .models import Application, Preference, Programme, Quota, Round, RoundQuota, RoundResult
from .ranking import Applicant as EngineApplicant
from .ranking import Instance, Result
from .ranking import Programme as EngineProgramme
from .ranking import Quota as EngineQuota

#: Application states that take part in a round, and those that come with a held seat.
RANKED_STATES = (Application.Status.ELIGIBLE, Application.Status.CONFIRMED, Application.Status.ENROLLED)
HOLDING_STATES = (Application.Status.CONFIRMED, Application.Status.ENROLLED)


class RoundData:
    """The instance of a round and what the database rows behind its ids are."""

    def __init__(self, instance: Instance, application_ids: dict[str, int], quota_ids: dict[tuple, int], merit_keys):
        self.instance = instance
        self.application_ids = application_ids  # application number -> pk
        self.quota_ids = quota_ids  # (code, form, funding) -> pk
        self.merit_keys = merit_keys  # application number -> (graduation, course, submitted_at)


def build_instance(round: Round) -> RoundData:
    """Four queries whatever the number of applications."""
    campaign = round.campaign
    programmes = list(Programme.objects.filter(campaign=campaign).order_by("code"))
    quotas = defaultdict(list)
    quota_ids = {}
    codes = {p.pk: p.code for p in programmes}
    for quota in Quota.objects.filter(programme__campaign=campaign).order_by("programme__code", "form", "-funding"):
        quotas[quota.programme_id].append(quota)
        quota_ids[(codes[quota.programme_id], quota.form, quota.funding)] = quota.pk
    keys_by_quota = {pk: key for key, pk in quota_ids.items()}
    engine_programmes = [
        EngineProgramme(
            code=p.code,
            name=p.name,
            area=p.area,
            professional_field=p.professional_field,
            economics_bonus=p.economics_bonus,
            quotas=[EngineQuota(q.form, q.funding, q.places, q.min_diploma_grade) for q in quotas[p.pk]],
        )
        for p in programmes
    ]

    rows = (
        Application.objects.filter(campaign=campaign, status__in=RANKED_STATES)
        .order_by("number")
        .values_list(
            "pk",
            "number",
            "status",
            "admitted_quota_id",
            "first_submitted_at",
            "applicant__degree",
            "applicant__own_university",
            "applicant__area",
            "applicant__professional_field",
            "applicant__course_average",
            "applicant__graduation_grade",
            "applicant__state_funded_before",
        )
    )
    preferences = defaultdict(list)
    for application_id, quota_id in (
        Preference.objects.filter(application__campaign=campaign, application__status__in=RANKED_STATES)
        .order_by("application_id", "position")
        .values_list("application_id", "quota_id")
    ):
        preferences[application_id].append(keys_by_quota[quota_id])

    applicants = []
    application_ids = {}
    merit_keys = {}
    for (
        pk,
        number,
        status,
        admitted_quota_id,
        submitted_at,
        degree,
        own_university,
        area,
        professional_field,
        course_average,
        graduation_grade,
        state_funded_before,
    ) in rows:
        held = keys_by_quota[admitted_quota_id] if status in HOLDING_STATES and admitted_quota_id else None
        applicants.append(
            EngineApplicant(
                id=number,
                degree=degree,
                own_university=own_university,
                area=area,
                professional_field=professional_field,
                course_average=Decimal(course_average),
                graduation_grade=Decimal(graduation_grade),
                state_funded_before=state_funded_before,
                submitted_at=submitted_at,
                preferences=preferences[pk],
                held=held,
            )
        )
        application_ids[number] = pk
        merit_keys[number] = (graduation_grade, course_average, submitted_at)
    instance = Instance(
        programmes=engine_programmes,
        applicants=applicants,
        coefficients=campaign.coefficients(),
        campaign=f"{campaign.name}, {round}",
    )
    return RoundData(instance, application_ids, quota_ids, merit_keys)


def _outcome_data(outcome) -> dict:
    data = {
        "position": outcome.position,
        "programme": outcome.programme,
        "form": outcome.form,
        "funding": outcome.funding,
        "score": f"{outcome.score:.3f}",
        "status": outcome.status,
    }
    if outcome.reason:
        data["reason"] = outcome.reason
    if outcome.status == "not_admitted":
        data["last_score"] = None if outcome.last_score is None else f"{outcome.last_score:.3f}"
        data["tie_break"] = outcome.tie_break
    if outcome.held:
        data["held"] = True
    return data


def result_rows(round: Round, data: RoundData, result: Result) -> tuple[list[RoundResult], list[RoundQuota]]:
    """The rows to store: one RoundResult per ranked application, one RoundQuota per quota.

    `merit` is the place in the quota's order of merit among those admitted there (a held seat
    first, then higher score, graduation grade, course average, earlier submission, smaller id)."""
    held = {a.id for a in data.instance.applicants if a.held is not None}
    by_quota = defaultdict(list)
    for assignment in result.assignments:
        by_quota[(assignment.programme, assignment.form, assignment.funding)].append(assignment)
    merit = {}
    for assignments in by_quota.values():

        def order(a):
            graduation, course, submitted = data.merit_keys[a.applicant]
            return (a.applicant not in held, -a.score, -graduation, -course, submitted, a.applicant)

        for place, assignment in enumerate(sorted(assignments, key=order), start=1):
            merit[assignment.applicant] = place

    assigned = {a.applicant: a for a in result.assignments}
    results = []
    for applicant in data.instance.applicants:
        number = applicant.id
        assignment = assigned.get(number)
        results.append(
            RoundResult(
                round=round,
                application_id=data.application_ids[number],
                quota_id=data.quota_ids[(assignment.programme, assignment.form, assignment.funding)]
                if assignment
                else None,
                preference=assignment.preference if assignment else None,
                score=assignment.score if assignment else None,
                merit=merit.get(number),
                held=number in held,
                explanation=[_outcome_data(o) for o in result.explain(number)],
            )
        )
    quotas = [
        RoundQuota(
            round=round,
            quota_id=data.quota_ids[(q.programme, q.form, q.funding)],
            places=q.places,
            admitted=q.admitted,
            last_score=q.last_score,
        )
        for q in result.quotas
    ]
    return results, quotas
