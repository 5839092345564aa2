"""The rectorate's dashboard: how the quality system stands, on one page and in one PDF.

`dashboard_figures(year=, unit=)` computes every figure with a fixed number of queries
(aggregations and annotations; nothing is read row by row), each with the URL of the list
behind it. `dashboard_charts(figures)` draws them (`qms.charts`); the page and the PDF include
the same partials (`templates/qms/_dashboard_*.html`).

What the filters mean:

- **year**: the calendar year, for what belongs to a year: nonconformities registered (and
  repeats) by their detection date, the effectiveness checks of the year (the same definition as
  the management review's inputs, `audits.selectors.review_inputs`), the audits planned to start
  in it and its audit programme, the admission campaign that starts in it, and the quality
  objectives still to be reached in it (deadline in the year or later). Open nonconformities,
  KPI statuses and documents are shown as they stand today.
- **unit**: the unit and every unit below it. Nonconformities by their unit; audits that audit
  one of them; documents owned by one of them (review) and the acknowledgements of their
  members (acknowledgement rates); admission programmes of a faculty among them; KPIs of the
  processes concerning them (`processes.selectors.processes_concerning`: a responsible or
  participating role in the functional matrix, or the process owner is a member or the head of
  one of them). Quality objectives are the university's and are shown whatever the unit.

Who sees it: the rectorate and the quality officer, for the whole university or any unit; a
unit head for the units they belong to or head and those below them (their top unit by
default; any other unit answers 404); other staff 403; applicants 404. The figures depend only
on the year and the unit, never on who looks (the PDF is built with no user at all); only the
admission figures need the right to see admission statistics, and only links may differ.
"""

import datetime
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, Exists, F, Func, IntegerField, OuterRef, Q, Subquery, Sum, Value, When, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from . import charts
from .models import Membership, OrganisationalUnit, User
from .permissions import unit_scope_ids
from .roles import Role

#: Who sees the whole university and chooses any unit.
READ_ALL_ROLES = (Role.RECTORATE, Role.QUALITY_OFFICER)
#: Rows of the "open by unit" chart, of the flagged KPIs and of the least acknowledged documents.
TOP_UNITS = 10
FLAGGED_KPIS = 12
LOWEST_DOCUMENTS = 5
TREND_POINTS = 6
#: The width of the charts drawn in half a card (they shrink to fit, never grow).
HALF_WIDTH = 420

KPI_LIGHTS = {"on_target": "green", "at_risk": "amber", "off_target": "red", "no_data": "grey"}


# --- who sees what ------------------------------------------------------------------------------


def dashboard_scope(user) -> set[int] | None:
    """The units a person may choose on the dashboard: None for every unit. Refuses (404 for
    applicants and anyone outside the university's staff, 403 for staff without a dashboard)."""
    if not user.is_authenticated or not user.is_university_staff:
        raise Http404
    if user.has_role(*READ_ALL_ROLES):
        return None
    if user.has_role(Role.UNIT_HEAD):
        scope = unit_scope_ids(user)
        if scope:
            return scope
    raise PermissionDenied


def dashboard_unit(user, value) -> tuple[OrganisationalUnit | None, list[OrganisationalUnit]]:
    """The unit asked for (`value` from the query string) and the units the person may choose,
    in tree order. Empty: the whole university, or a unit head's top unit. A unit that does not
    exist, or is outside the person's scope, answers 404."""
    scope = dashboard_scope(user)
    units = OrganisationalUnit.objects.order_by("path")
    if scope is not None:
        units = units.filter(pk__in=scope)
    units = list(units)
    value = str(value or "").strip()
    if not value:
        if scope is None:
            return None, units
        return min(units, key=lambda unit: (unit.depth, unit.path)), units
    if not value.isdigit():
        raise Http404
    for unit in units:
        if unit.pk == int(value):
            return unit, units
    raise Http404


def dashboard_year(value, today=None) -> int:
    """The year asked for, or this year when it is missing or not a sensible year."""
    today = today or timezone.localdate()
    value = str(value or "").strip()
    if value.isdigit() and 2000 <= int(value) <= today.year + 1:
        return int(value)
    return today.year


# --- helpers ------------------------------------------------------------------------------------


def _url(name: str, *args, **params) -> str:
    url = reverse(name, args=args)
    query = urlencode({key: value for key, value in params.items() if value not in (None, "", False)})
    return f"{url}?{query}" if query else url


def _pk(unit):
    return unit.pk if unit is not None else None


def _percent(part, whole) -> int | None:
    return round(100 * part / whole) if whole else None


def _count(queryset):
    """The number of rows of `queryset` (which refers to the outer query), as an annotation: a
    COUNT in a correlated subquery, without GROUP BY."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    return Coalesce(Subquery(counted.values("n")[:1]), 0)


# --- quality objectives -------------------------------------------------------------------------


def _objectives(year: int, today) -> dict:
    from policies.models import QualityObjective

    Status = QualityObjective.Status
    objectives = list(
        QualityObjective.objects.exclude(status=Status.CANCELLED)
        .filter(deadline__gte=datetime.date(year, 1, 1))
        .select_related("owner")
        .order_by("deadline", "title")
    )
    rows = [
        {
            "objective": objective,
            "title": objective.title,
            "status": objective.status,
            "status_label": objective.get_status_display(),
            "target": objective.target,
            "unit_of_measure": objective.unit_of_measure,
            "deadline": objective.deadline,
            "late": objective.deadline < today and objective.status in (Status.DRAFT, Status.IN_PROGRESS),
        }
        for objective in objectives
    ]
    reached = sum(1 for row in rows if row["status"] == Status.REACHED)
    return {
        "rows": rows,
        "total": len(rows),
        "reached": reached,
        "in_progress": sum(1 for row in rows if row["status"] == Status.IN_PROGRESS),
        "not_reached": sum(1 for row in rows if row["status"] == Status.NOT_REACHED),
        "late": sum(1 for row in rows if row["late"]),
        "progress": _percent(reached, len(rows)),
        "url": _url("policies:objective-list"),
    }


# --- process KPIs -------------------------------------------------------------------------------


def _kpis(unit) -> dict:
    from processes.models import KPI, Measurement
    from processes.selectors import processes_concerning

    Status = KPI.Status
    kpis = KPI.objects.filter(active=True)
    if unit is not None:
        kpis = kpis.filter(process__in=processes_concerning(unit).values("pk"))
    counts = kpis.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=Q(overdue=True)),
        **{status: Count("pk", filter=Q(status=status)) for status in Status.values},
    )
    unit_pk = _pk(unit)
    lights = [
        {
            "status": status,
            "label": label,
            "light": KPI_LIGHTS[status],
            "count": counts[status],
            "url": _url("processes:process-list", kpis=status, unit=unit_pk),
        }
        for status, label in [(status, Status(status).label) for status in KPI_LIGHTS]
    ]
    severity = Case(When(status=Status.OFF_TARGET, then=Value(0)), default=Value(1), output_field=IntegerField())
    flagged = list(
        kpis.filter(status__in=[Status.OFF_TARGET, Status.AT_RISK])
        .select_related("process")
        .order_by(severity, "process__code", "pk")[:FLAGGED_KPIS]
    )
    # The last values of every flagged KPI, in one query (a row number per KPI, newest first).
    trends: dict[int, list] = {kpi.pk: [] for kpi in flagged}
    if flagged:
        latest = (
            Measurement.objects.filter(kpi__in=[kpi.pk for kpi in flagged])
            .annotate(newest=Window(RowNumber(), partition_by=[F("kpi_id")], order_by=[F("period_start").desc()]))
            .filter(newest__lte=TREND_POINTS)
            .order_by("kpi_id", "period_start")
            .values_list("kpi_id", "value")
        )
        for kpi_id, value in latest:
            trends[kpi_id].append(value)
    return {
        **counts,
        "lights": lights,
        "flagged_total": counts[Status.OFF_TARGET] + counts[Status.AT_RISK],
        "flagged": [
            {
                "kpi": kpi,
                "name": str(kpi),
                "process_code": kpi.process.code,
                "status": kpi.status,
                "status_label": kpi.get_status_display(),
                "light": KPI_LIGHTS[kpi.status],
                "target": kpi.target,
                "last_value": kpi.last_value,
                "unit_of_measure": kpi.unit_of_measure,
                "trend": trends[kpi.pk],
                "url": reverse("processes:kpi-detail", args=[kpi.pk]),
            }
            for kpi in flagged
        ],
        "url": _url("processes:process-list", unit=unit_pk),
        "overdue_url": _url("processes:process-list", kpis="overdue", unit=unit_pk),
    }


# --- nonconformities ----------------------------------------------------------------------------


def _nonconformities(year: int, unit, today) -> dict:
    from audits.models import Nonconformity
    from audits.selectors import NC_AGE_BUCKETS, nc_age_filter, overdue_actions

    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    ncs = Nonconformity.objects.all()
    if unit is not None:
        ncs = ncs.filter(unit__path__startswith=unit.path)
    ncs = ncs.alias(late=Exists(overdue_actions(today).filter(nonconformity=OuterRef("pk"))))
    is_open = ~Q(state=Nonconformity.State.CLOSED)
    in_year = Q(detected_on__range=(start, end))
    # As in the management review's inputs: the checks of the year; each ineffective check
    # reopened the plan once, each effective one closed it.
    checked = Q(verified_by__isnull=False, effective__isnull=False) & (Q(closed_at__date__range=(start, end)) | in_year)
    # Aggregate names start with n_: a name of the model's own ("effective", "repeats") would clash.
    counted = ncs.aggregate(
        n_open=Count("pk", filter=is_open),
        n_overdue=Count("pk", filter=is_open & Q(late=True)),
        n_registered=Count("pk", filter=in_year),
        n_repeats=Count("pk", filter=in_year & Q(repeat_of__isnull=False)),
        n_first_time=Count("pk", filter=checked & Q(effective=True, reopened=0)),
        n_effective=Count("pk", filter=checked & Q(effective=True)),
        n_reopened=Sum("reopened", filter=checked, default=0),
        **{f"n_age_{key}": Count("pk", filter=is_open & nc_age_filter(key, today)) for key, *_rest in NC_AGE_BUCKETS},
    )
    figures = {name.removeprefix("n_"): value for name, value in counted.items()}
    checks = figures["effective"] + figures["reopened"]
    unit_pk = _pk(unit)
    ages = [
        {
            "key": key,
            "label": label,
            "count": figures[f"age_{key}"],
            "url": _url("audits:nc-list", state="open", age=key, unit=unit_pk),
        }
        for key, label, _low, _high in NC_AGE_BUCKETS
    ]
    return {
        "open": figures["open"],
        "overdue": figures["overdue"],
        "registered": figures["registered"],
        "repeats": figures["repeats"],
        "checks": checks,
        "effective_first_time": figures["first_time"],
        "effectiveness_rate": _percent(figures["first_time"], checks),
        "ages": ages,
        "by_unit": _open_by_unit(ncs.filter(is_open), unit),
        "open_url": _url("audits:nc-list", state="open", unit=unit_pk),
        "overdue_url": _url("audits:nc-list", state="open", overdue=1, unit=unit_pk),
        "registered_url": _url("audits:nc-list", year=year, unit=unit_pk),
        "repeats_url": _url("audits:nc-list", repeats=1, year=year, unit=unit_pk),
        "closed_url": _url("audits:nc-list", state="closed", year=year, unit=unit_pk),
    }


def _open_by_unit(open_ncs, unit) -> list[dict]:
    """Open (and overdue) nonconformities rolled up to the units one level below `unit` (below
    the university when there is none); those of `unit` itself on a row of their own. Two
    queries: the counts per unit path, then the units of the rows."""
    steplen = OrganisationalUnit.steplen
    per_path = open_ncs.values("unit__path").annotate(open=Count("pk"), overdue=Count("pk", filter=Q(late=True)))
    level = (unit.depth + 1) if unit is not None else 2
    totals: dict[str, dict] = {}
    for row in per_path.order_by():
        path = row["unit__path"]
        key = path[: level * steplen] if len(path) >= level * steplen else path
        total = totals.setdefault(key, {"open": 0, "overdue": 0})
        total["open"] += row["open"]
        total["overdue"] += row["overdue"]
    units = {u.path: u for u in OrganisationalUnit.objects.filter(path__in=list(totals))} if totals else {}
    rows = []
    for path, total in totals.items():
        row_unit = units.get(path)
        if row_unit is None:
            continue
        itself = row_unit.depth < level
        rows.append(
            {
                "unit": row_unit,
                "label": (
                    _("%(unit)s (itself)") % {"unit": row_unit.short_name or row_unit.name}
                    if itself
                    else row_unit.short_name or row_unit.name
                ),
                "open": total["open"],
                "overdue": total["overdue"],
                "url": _url("audits:nc-list", state="open", unit=row_unit.pk),
            }
        )
    rows.sort(key=lambda row: (-row["open"], -row["overdue"], str(row["label"])))
    return rows[:TOP_UNITS]


# --- audits -------------------------------------------------------------------------------------


def _audits(year: int, unit, user) -> dict:
    from audits.models import Audit, AuditProgramme
    from audits.permissions import can_read_programme

    Status = Audit.Status
    audits = Audit.objects.filter(planned_start__range=(datetime.date(year, 1, 1), datetime.date(year, 12, 31)))
    if unit is not None:
        audited = Audit.units.through.objects.filter(
            audit=OuterRef("pk"), organisationalunit__path__startswith=unit.path
        )
        audits = audits.filter(Exists(audited))
    counts = audits.aggregate(
        total=Count("pk"), **{status: Count("pk", filter=Q(status=status)) for status in Status.values}
    )
    completed = counts[Status.REPORTED] + counts[Status.CLOSED]
    programme = AuditProgramme.objects.filter(year=year).first()
    programme_link = programme is not None and (user is None or can_read_programme(user))
    return {
        "programme": programme,
        "programme_status": programme.get_status_display() if programme else "",
        "programme_url": programme.get_absolute_url() if programme_link else "",
        "planned": counts["total"],
        "completed": completed,
        "completion": _percent(completed, counts["total"]),
        "statuses": [
            {
                "status": status,
                "label": label,
                "count": counts[status],
                "url": _url("audits:audit-list", year=year, status=status),
            }
            for status, label in Status.choices
        ],
        "url": _url("audits:audit-list", year=year),
    }


# --- documents ----------------------------------------------------------------------------------


def _documents(unit) -> dict:
    from policies.models import Acknowledgement, Document, Version

    ReviewState = Document.ReviewState
    documents = Document.objects.all()
    if unit is not None:
        documents = documents.filter(owner_unit__path__startswith=unit.path)
    counts = documents.aggregate(
        total=Count("pk"), **{state: Count("pk", filter=Q(review_state=state)) for state in ReviewState.values}
    )
    unit_pk = _pk(unit)
    states = [
        {
            "state": state,
            "label": label,
            "count": counts[state],
            "url": _url("policies:document-list", review=state, unit=unit_pk),
        }
        for state, label in ReviewState.choices
    ]

    # Who must acknowledge a published version: the active members of the units its document
    # applies to (policies.services.required_readers), here only those of the chosen units.
    def member_of_units(person_ref, document_ref):
        memberships = Membership.objects.filter(user=person_ref, unit__applicable_documents=document_ref)
        if unit is not None:
            memberships = memberships.filter(unit__path__startswith=unit.path)
        return Exists(memberships)

    readers = User.objects.filter(is_active=True).filter(
        member_of_units(OuterRef("pk"), OuterRef(OuterRef("document_id")))
    )
    acknowledged_by_readers = Acknowledgement.objects.filter(version=OuterRef("pk"), person__is_active=True).filter(
        member_of_units(OuterRef("person_id"), OuterRef(OuterRef("document_id")))
    )
    versions = list(
        Version.objects.filter(status=Version.Status.PUBLISHED)
        .select_related("document")
        .annotate(required=_count(readers), acknowledged=_count(acknowledged_by_readers))
        .order_by("document__code")
    )
    versions = [version for version in versions if version.required]  # nobody has to read it (here)
    required = sum(version.required for version in versions)
    acknowledged = sum(version.acknowledged for version in versions)
    lowest = sorted(versions, key=lambda version: (version.acknowledged / version.required, version.document.code))
    return {
        "total": counts["total"],
        "states": states,
        "due": counts[ReviewState.DUE],
        "overdue": counts[ReviewState.OVERDUE],
        "due_url": _url("policies:document-list", review=ReviewState.DUE, unit=unit_pk),
        "overdue_url": _url("policies:document-list", review=ReviewState.OVERDUE, unit=unit_pk),
        "url": _url("policies:document-list", unit=unit_pk),
        "acknowledgement": {
            "documents": len(versions),
            "required": required,
            "acknowledged": acknowledged,
            "rate": _percent(acknowledged, required),
            "lowest": [
                {
                    "document": version.document,
                    "label": f"{version.document.code} {version.document.title}",
                    "code": version.document.code,
                    "revision": version.revision,
                    "required": version.required,
                    "acknowledged": version.acknowledged,
                    "rate": _percent(version.acknowledged, version.required),
                    "url": version.document.get_absolute_url(),
                }
                for version in lowest[:LOWEST_DOCUMENTS]
            ],
            "url": _url("policies:document-list", unit=unit_pk),
        },
    }


# --- admissions ---------------------------------------------------------------------------------


def _admissions(year: int, unit) -> dict:
    """The campaign that starts in `year` (as in the management review): applications per
    programme by first preference, places and places taken per quota and programme, last
    admitted scores of the latest published round."""
    from admissions.models import Campaign
    from admissions.selectors import campaign_statistics

    campaign = Campaign.objects.filter(academic_year__startswith=f"{year}/").first()
    if campaign is None:
        return {"available": False}
    statistics = campaign_statistics(campaign)
    programmes = statistics["programmes"]
    if unit is not None:
        programmes = [
            row
            for row in programmes
            if row["programme"].faculty is not None and row["programme"].faculty.path.startswith(unit.path)
        ]
    rows = [
        {
            "programme": row["programme"],
            "code": row["programme"].code,
            "label": f"{row['programme'].code} {row['programme'].label}",
            "first_preference": row["first_preference"],
            "places": row["places"],
            "taken": row["taken"],
            "fill": _percent(row["taken"], row["places"]),
            "quotas": [
                {
                    "quota": quota["quota"],
                    "form": quota["quota"].get_form_display(),
                    "funding": quota["quota"].get_funding_display(),
                    "places": quota["places"],
                    "taken": quota["taken"],
                    "last_score": quota["last_score"],
                }
                for quota in row["quotas"]
            ],
        }
        for row in programmes
    ]
    places = sum(row["places"] for row in rows)
    taken = sum(row["taken"] for row in rows)
    return {
        "available": True,
        "campaign": campaign,
        "round": statistics["round"],
        "applications": sum(row["first_preference"] for row in rows),
        "places": places,
        "taken": taken,
        "fill": _percent(taken, places),
        "programmes": rows,
        "url": reverse("admissions:statistics", args=[campaign.pk]),
    }


# --- everything ---------------------------------------------------------------------------------


def dashboard_figures(*, user=None, year: int, unit=None, today=None, with_admissions: bool | None = None) -> dict:
    """Every figure of the dashboard for `year` and `unit` (and the units below it), each with
    the URL of its list. `user` None computes it as a reader of everything (the PDF); the
    admission figures are included when `with_admissions` says so, by default when the person
    may see admission statistics. A fixed number of queries, whatever the amount of data."""
    from admissions.permissions import can_see_statistics

    today = today or timezone.localdate()
    if with_admissions is None:
        with_admissions = user is None or can_see_statistics(user)
    return {
        "year": year,
        "unit": unit,
        "today": today,
        "objectives": _objectives(year, today),
        "kpis": _kpis(unit),
        "nonconformities": _nonconformities(year, unit, today),
        "audits": _audits(year, unit, user),
        "documents": _documents(unit),
        "admissions": _admissions(year, unit) if with_admissions else None,
    }


def dashboard_charts(figures: dict) -> dict:
    """The charts of the figures, as inline SVG, the same in the page and in the PDF. They are
    pictures (`role="img"`, with their values drawn); the numbers they show are links in the
    tables next to them, where keyboards and screen readers reach them."""
    objectives, kpis = figures["objectives"], figures["kpis"]
    ncs, audits, documents = figures["nonconformities"], figures["audits"], figures["documents"]
    acknowledgement = documents["acknowledgement"]
    drawn = {
        "objectives": charts.progress_bar(
            objectives["progress"], label=_("Quality objectives reached"), colour=charts.GREEN
        ),
        "kpi_lights": [
            {**light, "svg": charts.traffic_light(light["light"], label=str(light["label"]))}
            for light in kpis["lights"]
        ],
        "kpi_trends": [
            {
                **row,
                "light_svg": charts.traffic_light(row["light"], label=str(row["status_label"]), size=12),
                "trend_svg": charts.sparkline(
                    row["trend"],
                    label=_("%(kpi)s: the last %(count)s values") % {"kpi": row["name"], "count": len(row["trend"])},
                    target=row["target"],
                    colour=charts.RED if row["light"] == "red" else charts.INK,
                ),
            }
            for row in kpis["flagged"]
        ],
        "nc_by_unit": charts.bar_chart(
            [
                {
                    "label": row["label"],
                    "values": [row["overdue"], row["open"] - row["overdue"]],
                    "value_label": (
                        _("%(open)s (%(overdue)s overdue)") % {"open": row["open"], "overdue": row["overdue"]}
                        if row["overdue"]
                        else str(row["open"])
                    ),
                }
                for row in ncs["by_unit"]
            ],
            label=_("Open nonconformities by unit"),
            width=HALF_WIDTH,
            series=[(pgettext("count", "overdue"), charts.RED), (_("open, on time"), charts.BLUE)],
            empty_text=_("No open nonconformities."),
        ),
        "nc_by_age": charts.bar_chart(
            [{"label": str(row["label"]), "value": row["count"]} for row in ncs["ages"]],
            label=_("Open nonconformities by time since detection"),
            width=HALF_WIDTH,
        ),
        "nc_effectiveness": charts.progress_bar(
            ncs["effectiveness_rate"], label=_("Corrective actions effective at the first check"), colour=charts.GREEN
        ),
        "audit_completion": charts.progress_bar(
            audits["completion"], label=_("Audits of the year completed"), colour=charts.BLUE
        ),
        "document_states": charts.donut(
            [
                {
                    "label": str(state["label"]),
                    "value": state["count"],
                    "colour": {"current": charts.GREEN, "due": charts.AMBER, "overdue": charts.RED}[state["state"]],
                }
                for state in documents["states"]
            ],
            label=_("Documents by review state"),
        ),
        "acknowledgement": charts.progress_bar(
            acknowledgement["rate"], label=_("Acknowledgement of published documents"), colour=charts.GREEN
        ),
        "acknowledgement_lowest": charts.bar_chart(
            [
                {
                    "label": row["code"],
                    "value": row["rate"],
                    "value_label": f"{row['rate']}% ({row['acknowledged']}/{row['required']})",
                }
                for row in acknowledgement["lowest"]
            ],
            label=_("Least acknowledged documents"),
            width=HALF_WIDTH,
            max_value=100,
            series=[(_("acknowledged"), charts.AMBER)],
            empty_text=_("No published document has readers to acknowledge it."),
        ),
    }
    admissions = figures.get("admissions")
    if admissions and admissions.get("available"):
        drawn["applications"] = charts.bar_chart(
            [{"label": row["label"], "value": row["first_preference"]} for row in admissions["programmes"]],
            label=_("Applications per programme (first preference)"),
            width=HALF_WIDTH,
            empty_text=_("No programmes."),
        )
        drawn["places"] = charts.bar_chart(
            [
                {
                    "label": row["label"],
                    "values": [row["taken"], max(row["places"] - row["taken"], 0)],
                    "value_label": f"{row['taken']}/{row['places']}",
                }
                for row in admissions["programmes"]
            ],
            label=_("Places filled per programme"),
            width=HALF_WIDTH,
            series=[(_("filled"), charts.GREEN), (_("free"), charts.GREY)],
            empty_text=_("No programmes."),
        )
    return drawn


#: The headings of the dashboard's areas (the page, the PDF, the tests).
AREAS = {
    "objectives": gettext_lazy("Quality objectives"),
    "kpis": gettext_lazy("Process KPIs"),
    "nonconformities": gettext_lazy("Nonconformities"),
    "audits": gettext_lazy("Internal audits"),
    "documents": gettext_lazy("Documents"),
    "admissions": gettext_lazy("Admissions"),
}
