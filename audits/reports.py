"""The reports of audits and improvement, built by a worker and kept with their record (see
`services.report_build`): the audit report of an audit, and the annual report on the
functioning of the QMS of a management review. Each renderer returns (file name, PDF bytes) and
is called inside `translation.override(record.report_language)`.

The contexts are read with a fixed number of queries, whatever the number of findings, actions
or checklist questions.
"""

from collections import Counter

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from qms import pdf
from qms.models import OrganisationalUnit

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


def annual_report_context(review: ManagementReview) -> dict:
    """What the annual report on the functioning of the QMS shows: the meeting, the quality
    officer's texts, the inputs the portal assembled, the decisions and the actions decided."""
    review = ManagementReview.objects.get(pk=review.pk)
    return {
        "title": _("Annual report on the functioning of the quality management system, %(year)s")
        % {"year": review.year},
        "organisation": _organisation(),
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
