"""Reads of the admission portal: each a fixed number of queries whatever the number of rows."""

from collections import Counter, defaultdict

from django.db.models import Count, Q

from . import scoring
from .documents import required_documents
from .models import Application, Document, Preference, Quota, Round, RoundQuota, RoundResult

Status = Application.Status


# --- the applicant's own application ----------------------------------------------------------------


def application_overview(application: Application) -> dict:
    """Preferences with the score at each, documents against what is required."""
    preferences = list(application.preferences.select_related("quota__programme").order_by("position"))
    campaign = application.campaign
    applicant = application.applicant
    rows = []
    for preference in preferences:
        programme = preference.quota.programme
        coefficient, reason = scoring.coefficient(applicant, programme, campaign)
        rows.append(
            {
                "preference": preference,
                "quota": preference.quota,
                "programme": programme,
                "score": scoring.score(applicant, programme, campaign),
                "coefficient": coefficient,
                "coefficient_reason": scoring.REASONS[reason],
            }
        )
    documents = {d.kind: d for d in application.documents.all()}
    requirements = [
        {"requirement": r, "document": documents.get(r.kind)} for r in required_documents(application, preferences)
    ]
    return {
        "preferences": rows,
        "requirements": requirements,
        "documents": documents,
        "enrolment_receipt": documents.get(Document.Kind.ENROLMENT_RECEIPT),
    }


def quotas_offered(campaign, *, paid_only=False):
    quotas = Quota.objects.filter(programme__campaign=campaign).select_related("programme", "programme__faculty")
    if paid_only:
        quotas = quotas.filter(funding="paid")
    return quotas.order_by("programme__code", "form", "-funding")


def latest_result(application: Application):
    """The applicant's result in the latest published round, with its explanation."""
    return (
        RoundResult.objects.filter(
            application=application, round__status__in=(Round.Status.PUBLISHED, Round.Status.CLOSED)
        )
        .select_related("round", "quota__programme")
        .order_by("-round__number")
        .first()
    )


def explanation_rows(result: RoundResult) -> list[dict]:
    """The stored explanation with each quota resolved to its programme (one query)."""
    if result is None:
        return []
    quotas = {
        q.key: q
        for q in Quota.objects.filter(programme__campaign_id=result.round.campaign_id).select_related("programme")
    }
    return [{**row, "quota": quotas.get((row["programme"], row["form"], row["funding"]))} for row in result.explanation]


# --- the committee ------------------------------------------------------------------------------


def verification_queue(campaign, *, status: str = Status.SUBMITTED, query: str = ""):
    """Applications to verify, oldest submission first, with their document counts."""
    applications = Application.objects.filter(campaign=campaign).select_related("applicant")
    if status:
        applications = applications.filter(status=status)
    for word in query.split():  # every word must match one of the fields: "Иван Петров" finds him
        applications = applications.filter(
            Q(number__icontains=word)
            | Q(applicant__first_name__icontains=word)
            | Q(applicant__middle_name__icontains=word)
            | Q(applicant__last_name__icontains=word)
            | Q(applicant__first_name_latin__icontains=word)
            | Q(applicant__last_name_latin__icontains=word)
            | Q(applicant__user__email__icontains=word)
        )
    return applications.order_by("submitted_at", "number")


def with_document_counts(applications) -> list:
    """The page's applications with `documents_count`, `pending_count` and `rejected_count`: one
    query for the page's rows only (counting inside the queue's query made the database count
    the documents of every application before it could skip to a page)."""
    applications = list(applications)
    counts = defaultdict(Counter)
    for application_id, status, n in (
        Document.objects.filter(application__in=[a.pk for a in applications])
        .values_list("application_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[application_id][status] = n
    for application in applications:
        mine = counts[application.pk]
        application.documents_count = sum(mine.values())
        application.pending_count = mine[Document.Status.PENDING]
        application.rejected_count = mine[Document.Status.REJECTED]
    return applications


def status_counts(campaign) -> dict:
    counts = dict(
        Application.objects.filter(campaign=campaign).values_list("status").annotate(n=Count("pk")).order_by()
    )
    return {value: counts.get(value, 0) for value in Status.values}


def round_quota_table(round: Round):
    return (
        RoundQuota.objects.filter(round=round)
        .select_related("quota__programme")
        .order_by("quota__programme__code", "quota__form", "-quota__funding")
    )


def quota_list(round: Round, quota: Quota, *, with_names=False):
    """The admitted at one quota in their order of merit: number and score (names only for the
    committee)."""
    results = RoundResult.objects.filter(round=round, quota=quota).order_by("merit")
    if with_names:
        return results.select_related("application__applicant")
    return results.select_related("application").only(
        "merit", "score", "preference", "held", "application__number", "round_id", "quota_id"
    )


def round_lists(round: Round, *, with_names=False):
    """Every quota of the round with its admitted, for exports: two queries."""
    quotas = list(round_quota_table(round))
    results = RoundResult.objects.filter(round=round, quota__isnull=False).order_by("quota_id", "merit")
    results = results.select_related("application__applicant" if with_names else "application")
    by_quota = defaultdict(list)
    for result in results:
        by_quota[result.quota_id].append(result)
    return [(row, by_quota[row.quota_id]) for row in quotas]


def enrolment_list(campaign, *, statuses=(Status.CONFIRMED, Status.ENROLLED)):
    return (
        Application.objects.filter(campaign=campaign, status__in=statuses)
        .select_related("applicant", "admitted_quota__programme", "admitted_round")
        .order_by(
            "admitted_quota__programme__code",
            "admitted_quota__form",
            "-admitted_quota__funding",
            "applicant__last_name",
            "applicant__first_name",
        )
    )


def enrolment_order(campaign):
    """The enrolled per programme, form and funding: the list for the rector's order."""
    groups = defaultdict(list)
    for application in enrolment_list(campaign, statuses=(Status.ENROLLED,)):
        groups[application.admitted_quota].append(application)
    return list(groups.items())


# --- figures (committee, rectorate, quality office, management review) ----------------------------


def campaign_statistics(campaign) -> dict:
    """Applications by state, per programme (as first preference and anywhere in the list),
    places taken per quota, last admitted scores of the latest published round."""
    if campaign is None:
        return {"available": False}
    quotas = list(quotas_offered(campaign))
    first = Counter(
        dict(
            Preference.objects.filter(application__campaign=campaign, position=1)
            .exclude(application__status=Status.DRAFT)
            .values_list("quota__programme_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    anywhere = Counter(
        dict(
            Preference.objects.filter(application__campaign=campaign)
            .exclude(application__status=Status.DRAFT)
            .values_list("quota__programme_id")
            .annotate(n=Count("application_id", distinct=True))
            .order_by()
        )
    )
    taken = Counter(
        dict(
            Application.objects.filter(
                campaign=campaign, status__in=(Status.ADMITTED, Status.CONFIRMED, Status.ENROLLED)
            )
            .values_list("admitted_quota_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    enrolled = Counter(
        dict(
            Application.objects.filter(campaign=campaign, status__in=(Status.CONFIRMED, Status.ENROLLED))
            .values_list("admitted_quota_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    )
    published = (
        Round.objects.filter(campaign=campaign, status__in=(Round.Status.PUBLISHED, Round.Status.CLOSED))
        .order_by("-number")
        .first()
    )
    last_scores = (
        dict(RoundQuota.objects.filter(round=published).values_list("quota_id", "last_score")) if published else {}
    )
    programmes = {}
    for quota in quotas:
        programme = programmes.setdefault(
            quota.programme_id,
            {
                "programme": quota.programme,
                "first_preference": first.get(quota.programme_id, 0),
                "applications": anywhere.get(quota.programme_id, 0),
                "places": 0,
                "taken": 0,
                "enrolled": 0,
                "quotas": [],
            },
        )
        programme["places"] += quota.places
        programme["taken"] += taken.get(quota.pk, 0)
        programme["enrolled"] += enrolled.get(quota.pk, 0)
        programme["quotas"].append(
            {
                "quota": quota,
                "places": quota.places,
                "taken": taken.get(quota.pk, 0),
                "enrolled": enrolled.get(quota.pk, 0),
                "last_score": last_scores.get(quota.pk),
            }
        )
    counts = status_counts(campaign)
    submitted = sum(n for status, n in counts.items() if status != Status.DRAFT)
    return {
        "available": True,
        "campaign": campaign,
        "statuses": counts,
        "submitted": submitted,
        "programmes": list(programmes.values()),
        "places": sum(q.places for q in quotas),
        "taken": sum(taken.values()),
        "enrolled": sum(enrolled.values()),
        "round": published,
    }


def review_figures(year: int) -> dict:
    """The admission figures of the campaign that starts in `year`, as plain data for the
    management review (numbers and names; the page labels them in the reader's language)."""
    from .models import Campaign

    campaign = Campaign.objects.filter(academic_year__startswith=f"{year}/").first()
    figures = campaign_statistics(campaign)
    if not figures["available"]:
        return {"available": False}
    return {
        "available": True,
        "campaign": campaign.name,
        "submitted": figures["submitted"],
        "statuses": figures["statuses"],
        "places": figures["places"],
        "taken": figures["taken"],
        "enrolled": figures["enrolled"],
        "round": figures["round"].number if figures["round"] else None,
        "programmes": [
            {
                "code": row["programme"].code,
                "name": row["programme"].name,
                "applications": row["applications"],
                "first_preference": row["first_preference"],
                "places": row["places"],
                "enrolled": row["enrolled"],
                "last_scores": [
                    {
                        "form": quota["quota"].form,
                        "funding": quota["quota"].funding,
                        "last_score": None if quota["last_score"] is None else f"{quota['last_score']:.3f}",
                    }
                    for quota in row["quotas"]
                ],
            }
            for row in figures["programmes"]
        ],
    }
