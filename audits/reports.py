"""The reports of audits and improvement.

Kept with their record and built by a worker (see `services.report_build`): the audit report of
an audit, and the annual report on the functioning of the QMS of a management review. Each
renderer of `RENDERERS` returns (file name, PDF bytes) and is called inside
`translation.override(record.report_language)`.

Requested from the reports page (kinds registered with `qms.reporting`, at the end of this
module): the nonconformity register (PDF, XLSX), the audit programme of a year with its audit
reports (PDF, XLSX) and the annual report on the functioning of the QMS of a year (PDF), also
before the management review is held.

The contexts and rows are read with a fixed number of queries, whatever the number of findings,
actions or checklist questions.
"""

import datetime
import io
from collections import Counter

from django import forms
from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from qms import pdf
from qms.i18n import translated
from qms.models import OrganisationalUnit
from qms.reporting import (
    XLSX_OPTIONS,
    ReportError,
    ReportParamsForm,
    ReportType,
    UnitChoiceForm,
    params_unit,
    register,
    xlsx_sheet_name,
    year_choices,
)
from qms.reports import file_name
from qms.roles import Role

from .models import Action, Audit, AuditProgramme, ChecklistItem, Finding, ManagementReview, Nonconformity


def input_labels() -> dict:
    """The labels of the values kept in a management review's inputs (`selectors.review_inputs`
    keeps codes, not text), for `templates/audits/_review_inputs.html`. The labels are lazy: they
    are shown in the language active when the page or the PDF is rendered."""
    from policies.models import Document, QualityObjective
    from processes.models import KPI

    return {
        "nc_state": dict(Nonconformity.State.choices),
        "nc_source": dict(Nonconformity.Source.choices),
        "finding_kind": dict(Finding.Kind.choices),
        "action_state": dict(Action.State.choices),
        "audit_kind": dict(Audit.Kind.choices),
        "audit_status": dict(Audit.Status.choices),
        "programme_status": dict(AuditProgramme.Status.choices),
        "kpi_status": dict(KPI.Status.choices),
        "objective_status": dict(QualityObjective.Status.choices),
        "document_review_state": dict(Document.ReviewState.choices),
    }


def _organisation() -> str:
    root = OrganisationalUnit.objects.get_first_root_node()
    return root.name if root else ""


def _actions_prefetch(prefix: str = "") -> Prefetch:
    return Prefetch(
        f"{prefix}actions", queryset=Action.objects.select_related("responsible").order_by("due_date", "id")
    )


# --- the audit report -------------------------------------------------------------------------


def audit_report_context(audit: Audit) -> dict:
    """What the audit report shows: the audit's plan (kind, programme, dates, team, scope and
    criteria), its summary, the checklist's results and the findings grouped by kind, with the
    nonconformities they opened and their actions."""
    audit = (
        Audit.objects.select_related("programme", "lead_auditor")
        .prefetch_related(
            Prefetch("units", queryset=OrganisationalUnit.objects.order_by("path")),
            "processes",
            "documents",
            "clauses",
            "team",
        )
        .get(pk=audit.pk)
    )
    checklist = list(audit.checklist.select_related("clause", "document").order_by("order", "id"))
    counts = Counter(item.answer for item in checklist)
    answers = [
        {"answer": answer, "label": label, "count": counts.get(answer, 0)}
        for answer, label in ChecklistItem.Answer.choices
        if answer or counts.get(answer)  # "not answered yet" only when some are
    ]
    noted = [
        item
        for item in checklist
        if item.answer in (ChecklistItem.Answer.NONCONFORMING, ChecklistItem.Answer.OBSERVATION)
    ]
    findings = list(
        audit.findings.select_related("unit", "process", "clause", "nonconformity")
        .prefetch_related(_actions_prefetch("nonconformity__"))
        .order_by("id")
    )
    groups = []
    for kind, label in Finding.Kind.choices:
        of_kind = [finding for finding in findings if finding.kind == kind]
        if of_kind:
            groups.append({"kind": kind, "label": label, "findings": of_kind})
    return {
        "title": _("Audit report: %(title)s") % {"title": audit.title},
        "organisation": _organisation(),
        "audit": audit,
        "units": list(audit.units.all()),
        "processes": sorted(audit.processes.all(), key=lambda process: process.code),
        "documents": sorted(audit.documents.all(), key=lambda document: document.code),
        "clauses": sorted(audit.clauses.all(), key=lambda clause: (clause.framework, clause.sort_key)),
        "team": sorted(audit.team.all(), key=lambda person: (person.last_name, person.first_name, person.username)),
        "checklist_total": len(checklist),
        "answers": answers,
        "noted": noted,
        "finding_groups": groups,
        "finding_count": len(findings),
    }


def audit_report_pdf(audit: Audit) -> tuple[str, bytes]:
    context = audit_report_context(audit)
    content = pdf.render_pdf("audits/pdf/audit_report.html", context)
    day = timezone.localtime(context["audit"].reported_at).date() if context["audit"].reported_at else None
    return f"audit-report-{audit.pk}-{(day or timezone.localdate()):%Y-%m-%d}.pdf", content


# --- the annual report of a management review -----------------------------------------------


def _annual_report_title(year: int) -> str:
    return _("Annual report on the functioning of the quality management system, %(year)s") % {"year": year}


def annual_report_context(review: ManagementReview) -> dict:
    """What the annual report on the functioning of the QMS shows: the meeting, the quality
    officer's texts, the inputs the portal assembled, the decisions and the actions decided."""
    review = ManagementReview.objects.get(pk=review.pk)
    return {
        "title": _annual_report_title(review.year),
        "organisation": _organisation(),
        "year": review.year,
        "review": review,
        "attendees": list(review.attendees.order_by("last_name", "first_name", "username")),
        "actions": list(review.actions.select_related("responsible").order_by("due_date", "id")),
        "inputs": review.inputs or {},
        "labels": input_labels(),
    }


def annual_report_pdf(review: ManagementReview) -> tuple[str, bytes]:
    context = annual_report_context(review)
    content = pdf.render_pdf("audits/pdf/annual_report.html", context)
    return f"qms-annual-report-{review.year}-{timezone.localdate():%Y-%m-%d}.pdf", content


RENDERERS = {
    "audits.audit": audit_report_pdf,
    "audits.managementreview": annual_report_pdf,
}


# --- report kinds requested from the reports page (qms.reporting) ---------------------------

REPORTED_AUDIT_STATES = (Audit.Status.REPORTED, Audit.Status.CLOSED)


def _first_year(model, field: str) -> int | None:
    """The earliest year on record, so that the year choices reach back to it."""
    first = model.objects.aggregate(first=Min(field))["first"]
    if first is None:
        return None
    return min(first if isinstance(first, int) else first.year, timezone.localdate().year - 5)


def _year_field(**kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=gettext_lazy("Year"), coerce=int, choices=(), **kwargs)


def _person(user) -> str:
    return str(user) if user is not None else ""


def _local(value: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.localtime(value).replace(tzinfo=None) if value else None


# XLSX: one header row in bold, frozen, with a filter; dates as dates; text never a formula.


def _workbook():
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, XLSX_OPTIONS)
    return output, workbook


def _write_sheet(workbook, name, columns, rows) -> None:
    """`columns`: (title, width, kind) with kind text, number, date or datetime; `rows`: lists
    of values in that order (None or "" is left blank)."""
    formats = {
        "header": workbook.add_format(
            {"bold": True, "bg_color": "#EEF2F7", "border": 1, "text_wrap": True, "valign": "top"}
        ),
        "text": workbook.add_format({"text_wrap": True, "valign": "top"}),
        "number": workbook.add_format({"valign": "top"}),
        "date": workbook.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "datetime": workbook.add_format({"num_format": "yyyy-mm-dd hh:mm", "valign": "top"}),
    }
    sheet = workbook.add_worksheet(xlsx_sheet_name(name))
    for column, (title, width, _kind) in enumerate(columns):
        sheet.write_string(0, column, str(title), formats["header"])
        sheet.set_column(column, column, width)
    sheet.freeze_panes(1, 0)
    row_index = 0
    for row_index, row in enumerate(rows, start=1):
        for column, ((_title, _width, kind), value) in enumerate(zip(columns, row, strict=True)):
            if value is None or value == "":
                continue
            if kind == "number":
                sheet.write_number(row_index, column, value, formats["number"])
            elif kind in ("date", "datetime"):
                sheet.write_datetime(row_index, column, value, formats[kind])
            else:
                sheet.write_string(row_index, column, str(value), formats["text"])
    sheet.autofilter(0, 0, max(row_index, 1), len(columns) - 1)


# --- the nonconformity register ----------------------------------------------------------------

NC_STATE_FILTERS = {
    "open": gettext_lazy("Open (not closed)"),
    "closed": pgettext_lazy("filter", "Closed"),
    "all": gettext_lazy("All"),
}


class NonconformityRegisterForm(UnitChoiceForm):
    state = forms.ChoiceField(
        label=gettext_lazy("State"), choices=list(NC_STATE_FILTERS.items()), initial="open", required=False
    )
    year = _year_field(required=False, empty_value=None, help_text=gettext_lazy("Detected in that year."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Any year")), *year_choices(_first_year(Nonconformity, "detected_on"))]

    def clean_state(self):
        return self.cleaned_data.get("state") or "open"


def _effectiveness(nc: Nonconformity) -> str:
    if nc.effective is None:
        return _("Not checked")
    return _("Effective") if nc.effective else _("Not effective")


def nc_register_data(params: dict, *, today: datetime.date, with_actions: bool = False) -> dict:
    """Every nonconformity in the report's scope (whoever may read the report sees them all):
    the unit and the units below it, open, closed or all, detected in a year or any; with the
    register's columns and, for the spreadsheet, their actions. Two or three queries."""
    unit = params_unit(params)
    state = params.get("state") or "open"
    year = int(params["year"]) if params.get("year") not in (None, "") else None
    ncs = Nonconformity.objects.all()
    if unit is not None:
        ncs = ncs.filter(unit__path__startswith=unit.path)
    if state == "open":
        ncs = ncs.exclude(state=Nonconformity.State.CLOSED)
    elif state == "closed":
        ncs = ncs.filter(state=Nonconformity.State.CLOSED)
    if year is not None:
        ncs = ncs.filter(detected_on__year=year)
    from .selectors import with_register_columns

    rows = list(with_register_columns(ncs, today=today).order_by("detected_on", "number"))
    counts = Counter(nc.state for nc in rows)
    closed = Nonconformity.State.CLOSED
    totals = [
        {"state": value, "label": label, "count": counts[value]}
        for value, label in Nonconformity.State.choices
        if state == "all" or (value == closed) == (state == "closed")
    ]
    actions = []
    if with_actions:
        actions = list(
            Action.objects.filter(nonconformity__in=ncs)
            .select_related("nonconformity", "responsible")
            .order_by("nonconformity__detected_on", "nonconformity__number", "due_date", "id")
        )
    return {
        "unit": unit,
        "state": state,
        "state_label": NC_STATE_FILTERS.get(state, state),
        "year": year,
        "rows": rows,
        "totals": totals,
        "total": len(rows),
        "actions": actions,
    }


def nc_register_subject(params: dict) -> str:
    unit_id = params.get("unit")
    unit = OrganisationalUnit.objects.filter(pk=unit_id).values_list("name", flat=True).first() if unit_id else None
    parts = [unit or _("All units"), NC_STATE_FILTERS.get(params.get("state") or "open", ""), params.get("year")]
    return ", ".join(str(part) for part in parts if part)


def _nc_register_xlsx(data: dict) -> bytes:
    output, workbook = _workbook()
    _write_sheet(
        workbook,
        _("Nonconformities"),
        [
            (_("Number"), 14, "text"),
            (_("Detected on"), 12, "date"),
            (_("Source"), 18, "text"),
            (_("Severity"), 11, "text"),
            (_("Title"), 40, "text"),
            (_("Unit"), 30, "text"),
            (_("Process"), 28, "text"),
            (_("Requirement"), 30, "text"),
            (_("State"), 18, "text"),
            (_("Open actions"), 10, "number"),
            (_("Overdue actions"), 10, "number"),
            (_("Repeat of"), 14, "text"),
            (_("Effectiveness"), 14, "text"),
            (_("Closed at"), 16, "datetime"),
        ],
        (
            [
                nc.number,
                nc.detected_on,
                nc.get_source_display(),
                nc.get_severity_display(),
                nc.title,
                nc.unit.name,
                f"{nc.process.code} {translated(nc.process.name)}" if nc.process else "",
                str(nc.clause) if nc.clause else nc.requirement,
                nc.get_state_display(),
                nc.open_actions,
                nc.overdue_actions,
                nc.repeat_of.number if nc.repeat_of else "",
                _effectiveness(nc),
                _local(nc.closed_at),
            ]
            for nc in data["rows"]
        ),
    )
    _write_sheet(
        workbook,
        _("Actions"),
        [
            (_("Nonconformity"), 14, "text"),
            (_("Kind"), 18, "text"),
            (_("Action"), 50, "text"),
            (_("Responsible"), 24, "text"),
            (_("Due date"), 12, "date"),
            (_("State"), 12, "text"),
            (_("Done at"), 16, "datetime"),
            (_("Verified at"), 16, "datetime"),
        ],
        (
            [
                action.nonconformity.number,
                action.get_kind_display(),
                action.description,
                _person(action.responsible),
                action.due_date,
                action.get_state_display(),
                _local(action.done_at),
                _local(action.verified_at),
            ]
            for action in data["actions"]
        ),
    )
    workbook.close()
    return output.getvalue()


def nc_register_report(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    data = nc_register_data(params, today=timezone.localdate(), with_actions=fmt == "xlsx")
    progress(1, 2)
    title = _("Nonconformity register")
    if fmt == "xlsx":
        content = _nc_register_xlsx(data)
    else:
        content = pdf.render_pdf(
            "audits/pdf/nc_register.html",
            {"title": title, "organisation": _organisation(), **data},
        )
    unit = data["unit"]
    return file_name(title, fmt, (unit.short_name or unit.name) if unit else "", data["year"]), content


# --- the audit programme of a year -------------------------------------------------------------


class YearForm(ReportParamsForm):
    """The year of the report; the choices reach back to the earliest record of `first_of`."""

    first_of: tuple = ()
    year = _year_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first = _first_year(*self.first_of) if self.first_of else None
        self.fields["year"].choices = year_choices(first)
        self.fields["year"].initial = timezone.localdate().year


class ProgrammeYearForm(YearForm):
    first_of = (AuditProgramme, "year")


class ReviewYearForm(YearForm):
    first_of = (ManagementReview, "year")


def programme_data(year: int) -> dict:
    """The audit programme of `year`, its audits with their findings counted by kind, what it
    covers, and the reports of its audits that are reported or closed: their checklist results
    and findings grouped by kind, with the nonconformities opened and their actions. A fixed
    number of queries, whatever the number of audits, findings and actions."""
    from processes.models import Process

    from .selectors import programme_coverage

    programme = AuditProgramme.objects.select_related("approved_by").filter(year=year).first()
    if programme is None:
        raise ReportError(_("there is no audit programme for %(year)s") % {"year": year})
    kinds = Finding.Kind.choices
    audits = list(
        programme.audits.select_related("lead_auditor")
        .prefetch_related(
            Prefetch("units", queryset=OrganisationalUnit.objects.order_by("path")),
            Prefetch("processes", queryset=Process.objects.order_by("code")),
            "team",
        )
        .annotate(**{f"n_{kind}": Count("findings", filter=Q(findings__kind=kind)) for kind, _label in kinds})
        .order_by("planned_start", "id")
    )
    reported = [audit for audit in audits if audit.status in REPORTED_AUDIT_STATES]
    findings = list(
        Finding.objects.filter(audit__programme=programme, audit__status__in=REPORTED_AUDIT_STATES)
        .select_related("unit", "process", "clause", "nonconformity")
        .prefetch_related(_actions_prefetch("nonconformity__"))
        .order_by("audit", "id")
    )
    answers = {}
    for audit_id, answer, n in (
        ChecklistItem.objects.filter(audit__programme=programme, audit__status__in=REPORTED_AUDIT_STATES)
        .values_list("audit", "answer")
        .annotate(n=Count("id"))
        .order_by()
    ):
        answers.setdefault(audit_id, Counter())[answer] = n
    by_audit = {}
    for finding in findings:
        by_audit.setdefault(finding.audit_id, []).append(finding)
    for audit in audits:
        audit.finding_counts = [
            {"kind": kind, "label": label, "count": getattr(audit, f"n_{kind}")} for kind, label in kinds
        ]
        audit.finding_total = sum(row["count"] for row in audit.finding_counts)
        audit.unit_list = list(audit.units.all())
        audit.team_list = sorted(audit.team.all(), key=lambda person: (person.last_name, person.first_name))
    for audit in reported:
        of_audit = by_audit.get(audit.pk, [])
        audit.finding_groups = [
            {"kind": kind, "label": label, "findings": [f for f in of_audit if f.kind == kind]}
            for kind, label in kinds
            if any(f.kind == kind for f in of_audit)
        ]
        counts = answers.get(audit.pk, Counter())
        audit.checklist_total = sum(counts.values())
        audit.answers = [
            {"label": label, "count": counts.get(answer, 0)}
            for answer, label in ChecklistItem.Answer.choices
            if answer or counts.get(answer)
        ]
    return {
        "programme": programme,
        "audits": audits,
        "reported": reported,
        "findings": findings,
        "finding_kinds": kinds,
        "coverage": programme_coverage(programme),
    }


def _programme_xlsx(data: dict) -> bytes:
    output, workbook = _workbook()
    kinds = data["finding_kinds"]
    _write_sheet(
        workbook,
        _("Audits"),
        [
            (_("Audit"), 40, "text"),
            (_("Kind"), 24, "text"),
            (_("Status"), 14, "text"),
            (_("Audited units"), 30, "text"),
            (_("Audited processes"), 24, "text"),
            (_("Lead auditor"), 22, "text"),
            (_("Audit team"), 30, "text"),
            (_("Planned start"), 12, "date"),
            (_("Planned end"), 12, "date"),
            (_("Reported at"), 16, "datetime"),
            (_("Closed at"), 16, "datetime"),
            *((label, 12, "number") for _kind, label in kinds),
            (_("Findings"), 10, "number"),
        ],
        (
            [
                audit.title,
                audit.get_kind_display(),
                audit.get_status_display(),
                "; ".join(unit.name for unit in audit.unit_list),
                ", ".join(process.code for process in audit.processes.all()),
                _person(audit.lead_auditor),
                ", ".join(str(person) for person in audit.team_list),
                audit.planned_start,
                audit.planned_end,
                _local(audit.reported_at),
                _local(audit.closed_at),
                *(row["count"] for row in audit.finding_counts),
                audit.finding_total,
            ]
            for audit in data["audits"]
        ),
    )
    titles = {audit.pk: audit.title for audit in data["audits"]}
    _write_sheet(
        workbook,
        _("Findings"),
        [
            (_("Audit"), 36, "text"),
            (_("Kind"), 24, "text"),
            (_("Unit"), 28, "text"),
            (_("Process"), 24, "text"),
            (_("Requirement"), 30, "text"),
            (_("Requirement concerned"), 24, "text"),
            (_("Finding"), 50, "text"),
            (_("Evidence"), 40, "text"),
            (_("Nonconformity"), 14, "text"),
            (_("State"), 18, "text"),
            (_("Actions"), 10, "number"),
        ],
        (
            [
                titles.get(finding.audit_id, ""),
                finding.get_kind_display(),
                finding.unit.name,
                f"{finding.process.code} {translated(finding.process.name)}" if finding.process else "",
                str(finding.clause) if finding.clause else "",
                finding.requirement,
                finding.statement,
                finding.evidence,
                finding.nonconformity.number if finding.nonconformity else "",
                finding.nonconformity.get_state_display() if finding.nonconformity else "",
                len(finding.nonconformity.actions.all()) if finding.nonconformity else None,
            ]
            for finding in data["findings"]
        ),
    )
    workbook.close()
    return output.getvalue()


def audit_programme_report(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    year = int(params["year"])
    data = programme_data(year)
    progress(1, 2)
    title = _("Audit programme %(year)s") % {"year": year}
    if fmt == "xlsx":
        content = _programme_xlsx(data)
    else:
        content = pdf.render_pdf(
            "audits/pdf/audit_programme.html", {"title": title, "organisation": _organisation(), **data}
        )
    return file_name(_("Audit programme"), fmt, year), content


# --- the annual report on the functioning of the QMS, for a year ------------------------------


def annual_report_data(year: int, *, today: datetime.date) -> dict:
    """The annual report of `year`: the management review's when there is one (with the inputs
    collected now when it has none yet), otherwise the inputs as the records stand today; either
    way with a note while the review has not been held."""
    from .selectors import review_inputs

    review = ManagementReview.objects.filter(year=year).first()
    if review is not None:
        context = annual_report_context(review)
    else:
        context = {
            "title": _annual_report_title(year),
            "organisation": _organisation(),
            "year": year,
            "review": None,
            "attendees": [],
            "actions": [],
            "inputs": {},
            "labels": input_labels(),
        }
    if not context["inputs"]:
        context["inputs"] = review_inputs(year=year, today=today)
    context["not_held"] = review is None or review.state not in (
        ManagementReview.State.HELD,
        ManagementReview.State.CLOSED,
    )
    return context


def annual_report_report(params: dict, fmt: str, progress) -> tuple[str, bytes]:
    year = int(params["year"])
    context = annual_report_data(year, today=timezone.localdate())
    progress(1, 2)
    content = pdf.render_pdf("audits/pdf/annual_report.html", context)
    return file_name(_("Annual report on the QMS"), fmt, year), content


def _year_subject(params: dict) -> str:
    return str(params.get("year", ""))


register(
    ReportType(
        kind="nc_register",
        label=gettext_lazy("Nonconformity register"),
        description=gettext_lazy(
            "Nonconformities of the university or of a unit and the units below it, open, closed or all, with "
            "their actions, overdue actions and the effectiveness check."
        ),
        build=nc_register_report,
        formats=("pdf", "xlsx"),
        readers=(Role.QUALITY_OFFICER, Role.RECTORATE),
        unit_readers=True,
        form_class=NonconformityRegisterForm,
        subject=nc_register_subject,
        section="audits",
        order=40,
    )
)
register(
    ReportType(
        kind="audit_programme",
        label=gettext_lazy("Audit programme"),
        description=gettext_lazy(
            "The audit programme of a year: its audits, what they cover, and the reports of the audits reported "
            "so far with their findings."
        ),
        build=audit_programme_report,
        formats=("pdf", "xlsx"),
        # Not auditors: the pack holds the findings of every audit, an auditor reads those of their own.
        readers=(Role.QUALITY_OFFICER, Role.RECTORATE),
        form_class=ProgrammeYearForm,
        subject=_year_subject,
        section="audits",
        order=41,
    )
)
register(
    ReportType(
        kind="annual_report",
        label=gettext_lazy("Annual report on the functioning of the QMS"),
        description=gettext_lazy(
            "The management review pack of a year: the inputs, the meeting, its decisions and actions; before the "
            "review is held, the inputs as the records stand today."
        ),
        build=annual_report_report,
        formats=("pdf",),
        readers=(Role.QUALITY_OFFICER, Role.RECTORATE),
        form_class=ReviewYearForm,
        subject=_year_subject,
        section="audits",
        order=42,
    )
)
