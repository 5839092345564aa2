"""Reads for audits and improvement: registers, the programme's coverage, the inputs of the
management review. Each returns a fixed number of queries whatever the number of rows."""

import datetime

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from qms.models import OrganisationalUnit, StandardClause

from .models import Action, Audit, AuditProgramme, Finding, ManagementReview, Nonconformity
from .permissions import audits_visible_to, nonconformities_visible_to

OPEN_NC_STATES = [s for s in Nonconformity.State.values if s != Nonconformity.State.CLOSED]


def overdue_actions(today=None):
    today = today or timezone.localdate()
    return Action.objects.filter(state=Action.State.OPEN, due_date__lt=today)


#: How long open nonconformities have waited since they were detected: (key, label, from, to)
#: in days, `to` excluded; the register's `age` filter and the dashboard use the same buckets.
NC_AGE_BUCKETS = (
    ("0-30", _("under 30 days"), None, 30),
    ("30-90", _("30 to 90 days"), 30, 90),
    ("90-180", _("90 to 180 days"), 90, 180),
    ("180+", _("180 days or more"), 180, None),
)


def nc_age_filter(bucket: str, today) -> Q | None:
    """The nonconformities detected between the bucket's bounds before `today` (None: unknown bucket)."""
    for key, _label, low, high in NC_AGE_BUCKETS:
        if key == bucket:
            query = Q()
            if low is not None:
                query &= Q(detected_on__lte=today - datetime.timedelta(days=low))
            if high is not None:
                query &= Q(detected_on__gt=today - datetime.timedelta(days=high))
            return query
    return None


def _count_of(actions):
    """The number of `actions` (a queryset of one nonconformity's, by OuterRef) as a subquery."""
    counted = actions.order_by().values("nonconformity").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_register_columns(ncs, *, today):
    """What the register shows of each nonconformity: its unit, process, requirement and the one
    it repeats, and how many of its actions are open and overdue (also used by the report).

    The counts are subqueries, not a join and GROUP BY: PostgreSQL then reads a page of the
    register from the (detected_on, id) index and counts the actions of those rows only."""
    open_actions = Action.objects.filter(nonconformity=OuterRef("pk"), state=Action.State.OPEN)
    return ncs.select_related("unit", "process", "clause", "repeat_of").annotate(
        open_actions=_count_of(open_actions),
        overdue_actions=_count_of(open_actions.filter(due_date__lt=today)),
    )


def nonconformity_register(
    user, *, query="", state="", unit=None, source="", clause=None, overdue=False, repeats=False, age="", year=None,
    today=None,
):  # fmt: skip
    """The nonconformities the person may see, with what the register shows, filtered."""
    today = today or timezone.localdate()
    ncs = with_register_columns(nonconformities_visible_to(user), today=today)
    if query:
        ncs = ncs.filter(Q(number__icontains=query) | Q(title__icontains=query) | Q(requirement__icontains=query))
    if state == "open":
        ncs = ncs.exclude(state=Nonconformity.State.CLOSED)
    elif state in Nonconformity.State.values:
        ncs = ncs.filter(state=state)
    if unit is not None:
        ncs = ncs.filter(unit__path__startswith=unit.path)
    if source in Nonconformity.Source.values:
        ncs = ncs.filter(source=source)
    if clause is not None:
        ncs = ncs.filter(clause=clause)
    if overdue:
        ncs = ncs.filter(Exists(overdue_actions(today).filter(nonconformity=OuterRef("pk"))))
    if repeats:
        ncs = ncs.filter(repeat_of__isnull=False)
    if age and nc_age_filter(age, today) is not None:
        ncs = ncs.filter(nc_age_filter(age, today))
    if year:
        ncs = ncs.filter(detected_on__year=year)
    return ncs.order_by("-detected_on", "-id")


def nonconformity_actions(nc):
    return nc.actions.select_related("responsible", "verified_by").order_by("due_date", "id")


def actions_of(user):
    """The actions a person is responsible for, open first."""
    return (
        Action.objects.filter(responsible=user)
        .select_related("nonconformity__unit", "review")
        .order_by("state", "due_date", "id")
    )


def audit_register(user, *, year=None, status=""):
    audits = (
        audits_visible_to(user)
        .select_related("programme", "lead_auditor")
        .prefetch_related("units")
        .annotate(
            finding_count=Count("findings", distinct=True),
            question_count=Count("checklist", distinct=True),
            answered_count=Count("checklist", filter=~Q(checklist__answer=""), distinct=True),
        )
    )
    if year:
        audits = audits.filter(planned_start__year=year)
    if status in Audit.Status.values:
        audits = audits.filter(status=status)
    return audits.order_by("planned_start", "id")


def audit_checklist(audit):
    return audit.checklist.select_related("clause", "document", "answered_by").order_by("order", "id")


def audit_findings(findings):
    return findings.select_related("unit", "process", "clause", "nonconformity", "recorded_by").order_by("id")


def programme_audits(programme: AuditProgramme):
    return (
        programme.audits.select_related("lead_auditor")
        .prefetch_related("units", "processes", "clauses", "team")
        .annotate(finding_count=Count("findings", distinct=True))
        .order_by("planned_start", "id")
    )


def programme_coverage(programme: AuditProgramme) -> dict:
    """Which processes, units and ESG standards the programme's audits cover, and which they
    leave out. A unit counts as covered when it or a unit above it is audited."""
    from processes.models import Process

    audits = Audit.objects.filter(programme=programme)
    audited_units = list(OrganisationalUnit.objects.filter(audits__in=audits).distinct())
    audited_paths = [unit.path for unit in audited_units]
    units = []
    for unit in OrganisationalUnit.objects.get_tree():
        if unit.depth == 1:
            continue  # the university itself
        units.append({"unit": unit, "covered": any(unit.path.startswith(path) for path in audited_paths)})
    process_counts = dict(
        Process.objects.filter(audits__in=audits).values_list("pk").annotate(n=Count("audits", distinct=True))
    )
    processes = [
        {"process": process, "audits": process_counts.get(process.pk, 0)}
        for process in Process.objects.order_by("code")
    ]
    # An audit of ISO 9.2 covers clause 9: count distinct audits per top-level clause.
    audited = {}
    for framework, code, audit_id in Audit.clauses.through.objects.filter(audit__in=audits).values_list(
        "standardclause__framework", "standardclause__code", "audit_id"
    ):
        top = code.split(".")[0] if framework == StandardClause.Framework.ISO9001 else code
        audited.setdefault((framework, top), set()).add(audit_id)
    top_level = StandardClause.objects.filter(parent__isnull=True)
    esg = [
        {"clause": clause, "audits": len(audited.get((clause.framework, clause.code), ()))}
        for clause in top_level.filter(framework=StandardClause.Framework.ESG2015)
    ]
    iso = [
        {"clause": clause, "audits": len(audited.get((clause.framework, clause.code), ()))}
        for clause in top_level.filter(framework=StandardClause.Framework.ISO9001)
    ]
    return {
        "units": units,
        "processes": processes,
        "esg": esg,
        "iso": iso,
        "units_left_out": sum(1 for row in units if not row["covered"]),
        "processes_left_out": sum(1 for row in processes if not row["audits"]),
        "esg_left_out": sum(1 for row in esg if not row["audits"]),
    }


def reviews_list(user):
    from .permissions import reviews_visible_to

    return reviews_visible_to(user).annotate(action_count=Count("actions")).order_by("-year")


def review_actions(review):
    return review.actions.select_related("responsible", "verified_by").order_by("due_date", "id")


def review_attendees(review):
    return review.attendees.order_by("last_name", "first_name")


# --- the inputs of the management review ------------------------------------------------------


def _person(user):
    return (user.get_full_name() or user.username) if user else ""


def admission_figures(year: int) -> dict:
    from admissions.selectors import review_figures

    return review_figures(year)


def review_inputs(*, year: int, today: datetime.date) -> dict:
    """Everything the management review of `year` looks at, as plain data kept with the review
    (numbers and names, no translated text: the page and the PDF label them in the reader's
    language)."""
    from policies.models import Document, QualityObjective
    from processes.models import KPI

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)

    # Actions decided by the previous review, and where they stand now.
    previous = ManagementReview.objects.filter(year__lt=year).order_by("-year").first()
    previous_actions = []
    if previous is not None:
        for action in review_actions(previous):
            previous_actions.append(
                {
                    "description": action.description,
                    "responsible": _person(action.responsible),
                    "due_date": action.due_date.isoformat(),
                    "state": action.state,
                    "overdue": action.state == Action.State.OPEN and action.due_date < today,
                }
            )

    # Audits of the year.
    audits = Audit.objects.filter(planned_start__range=(start, end))
    programme = AuditProgramme.objects.filter(year=year).first()
    audit_rows = [
        {
            "title": audit.title,
            "kind": audit.kind,
            "status": audit.status,
            "planned_start": audit.planned_start.isoformat(),
            "findings": {kind: getattr(audit, f"n_{kind}") for kind in Finding.Kind.values},
        }
        for audit in audits.annotate(
            **{f"n_{kind}": Count("findings", filter=Q(findings__kind=kind)) for kind in Finding.Kind.values}
        ).order_by("planned_start", "id")
    ]
    findings_by_kind = dict(
        Finding.objects.filter(audit__in=audits).values_list("kind").annotate(n=Count("id")).order_by()
    )

    # Nonconformities and actions.
    ncs_year = Nonconformity.objects.filter(detected_on__range=(start, end))
    by_source = dict(ncs_year.values_list("source").annotate(n=Count("id")).order_by())
    by_state = dict(ncs_year.values_list("state").annotate(n=Count("id")).order_by())
    checked = Nonconformity.objects.filter(verified_by__isnull=False, effective__isnull=False)
    checked = checked.filter(Q(closed_at__date__range=(start, end)) | Q(detected_on__range=(start, end)))
    # Each check that found the actions ineffective reopened the plan once; an effective one closed it.
    closed_first_time = checked.filter(effective=True, reopened=0).count()
    checks = checked.filter(effective=True).count() + sum(checked.values_list("reopened", flat=True))
    open_ncs = Nonconformity.objects.exclude(state=Nonconformity.State.CLOSED)
    overdue = overdue_actions(today)
    by_unit = [
        {"unit": name, "open": n}
        for _pk, name, n in open_ncs.values_list("unit", "unit__name")
        .annotate(n=Count("id"))
        .order_by("-n", "unit__name")[:10]
    ]
    nonconformities = {
        "registered": ncs_year.count(),
        "by_source": by_source,
        "by_state": by_state,
        "open": open_ncs.count(),
        "repeats": ncs_year.filter(repeat_of__isnull=False).count(),
        "actions_open": Action.objects.filter(state=Action.State.OPEN).count(),
        "actions_overdue": overdue.count(),
        "ncs_with_overdue_actions": open_ncs.filter(actions__in=overdue).distinct().count(),
        "effectiveness_checks": checks,
        "effective_first_time": closed_first_time,
        "effectiveness_rate": round(100 * closed_first_time / checks) if checks else None,
        "open_by_unit": by_unit,
    }

    # Process KPIs.
    kpis = KPI.objects.filter(active=True)
    kpi_status = dict(kpis.values_list("status").annotate(n=Count("id")).order_by())
    off_target = [
        {
            "process": kpi.process.code,
            "kpi": kpi.name,
            "target": str(kpi.target),
            "value": str(kpi.last_value) if kpi.last_value is not None else "",
            "unit_of_measure": kpi.unit_of_measure,
        }
        for kpi in kpis.filter(status=KPI.Status.OFF_TARGET).select_related("process").order_by("process__code", "id")
    ]

    # Quality objectives.
    objectives = [
        {
            "title": objective.title,
            "indicator": objective.indicator,
            "target": str(objective.target),
            "unit_of_measure": objective.unit_of_measure,
            "deadline": objective.deadline.isoformat(),
            "status": objective.status,
            "owner": _person(objective.owner),
        }
        for objective in QualityObjective.objects.exclude(status=QualityObjective.Status.CANCELLED)
        .select_related("owner")
        .order_by("deadline", "title")
    ]

    # Documents.
    doc_states = dict(Document.objects.values_list("review_state").annotate(n=Count("id")).order_by())
    overdue_docs = [
        {"code": code, "title": title, "next_review": next_review.isoformat() if next_review else ""}
        for code, title, next_review in Document.objects.filter(review_state=Document.ReviewState.OVERDUE)
        .order_by("next_review_date")
        .values_list("code", "title", "next_review_date")[:20]
    ]

    return {
        "year": year,
        "collected_on": today.isoformat(),
        "previous_review": previous.year if previous else None,
        "previous_actions": previous_actions,
        "audits": {
            "programme_status": programme.status if programme else "",
            "planned": audits.count(),
            "completed": audits.filter(status__in=[Audit.Status.REPORTED, Audit.Status.CLOSED]).count(),
            "findings_by_kind": findings_by_kind,
            "rows": audit_rows,
        },
        "nonconformities": nonconformities,
        "kpis": {
            "by_status": kpi_status,
            "total": kpis.count(),
            "overdue": kpis.filter(overdue=True).count(),
            "off_target": off_target,
        },  # fmt: skip
        "objectives": objectives,
        "documents": {"by_review_state": doc_states, "overdue": overdue_docs, "total": Document.objects.count()},
        # The master's admission campaign that starts in the review's year.
        "admissions": admission_figures(year),
    }
