"""Audits: the hub page, the list, planning, the checklist (also on a phone), findings, the
report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms.changelog import Source, change_log
from qms.permissions import require_university_staff
from qms.submissions import already_sent, create_once, sent_before
from qms.views import report_error

from .. import selectors, services
from ..forms import (
    AnswerForm,
    AuditForm,
    ChecklistBuildForm,
    FindingForm,
    QuestionForm,
    SummaryForm,
    add_service_errors,
)
from ..models import Action, Audit, AuditProgramme, ChecklistItem, Finding, Nonconformity
from ..permissions import (
    can_close_audit,
    can_conduct,
    can_edit_audit,
    can_manage_review,
    can_plan_audits,
    can_read_programme,
    can_register_nonconformity,
    can_work_on,
    findings_visible_to,
    get_audit_for_user,
    get_checklist_item_for_reader,
    get_checklist_item_for_team,
    nonconformities_visible_to,
    reviews_visible_to,
    sees_whole_audit,
)
from . import download


def index(request):
    """Audits and improvement at a glance, for whoever opens it: their actions, the
    nonconformities they may see, their audits, the programme and the reviews."""
    require_university_staff(request.user)
    user = request.user
    today = timezone.localdate()
    my_actions = selectors.actions_of(user).filter(state=Action.State.OPEN)
    visible_ncs = nonconformities_visible_to(user)
    context = {
        "my_actions": my_actions[:10],
        "my_actions_count": my_actions.count(),
        "my_overdue_count": my_actions.filter(due_date__lt=today).count(),
        "open_ncs": visible_ncs.exclude(state=Nonconformity.State.CLOSED).count(),
        "overdue_ncs": visible_ncs.filter(actions__state=Action.State.OPEN, actions__due_date__lt=today)
        .distinct()
        .count(),
        "audits": selectors.audit_register(user, year=today.year)[:20],
        "programme": AuditProgramme.objects.filter(year=today.year).first() if can_read_programme(user) else None,
        "can_read_programme": can_read_programme(user),
        "can_plan": can_plan_audits(user),
        "can_register": can_register_nonconformity(user),
        "reviews": reviews_visible_to(user).order_by("-year")[:3],
        "can_manage_review": can_manage_review(user),
        "year": today.year,
    }
    return render(request, "audits/index.html", context)


def audit_list(request):
    require_university_staff(request.user)
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    status = request.GET.get("status", "")
    page = Paginator(selectors.audit_register(request.user, year=year, status=status), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "audits/audit_list.html",
        {
            "page": page,
            "year": year,
            "status": status,
            "statuses": Audit.Status.choices,
            "can_plan": can_plan_audits(request.user),
        },
    )


def _audit_fields(data):
    return {name: data[name] for name in services.AUDIT_FIELDS}


def _m2m(data):
    return {name: data[name] for name in ("units", "processes", "documents", "clauses", "team")}


def audit_create(request):
    require_university_staff(request.user)
    if not can_plan_audits(request.user):
        raise PermissionDenied
    if (earlier := sent_before(request, model=Audit)) is not None:
        return already_sent(request, earlier)
    programme = AuditProgramme.objects.filter(pk=request.GET.get("programme") or 0).first()
    form = AuditForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            audit, created = create_once(
                request,
                lambda: services.audit_save(**_audit_fields(form.cleaned_data), **_m2m(form.cleaned_data)),
                model=Audit,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not created:
                return already_sent(request, audit)
            messages.success(request, _("The audit is planned. Build its checklist from the criteria."))
            return redirect(audit)
    return render(request, "audits/audit_form.html", {"form": form})


def audit_edit(request, pk):
    audit = get_audit_for_user(request.user, pk)
    if not can_edit_audit(request.user, audit):
        raise PermissionDenied
    form = AuditForm(request.POST or None, audit=audit)
    if request.method == "POST" and form.is_valid():
        try:
            audit = services.audit_save(audit=audit, **_audit_fields(form.cleaned_data), **_m2m(form.cleaned_data))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The audit was saved."))
            return redirect(audit)
    return render(request, "audits/audit_form.html", {"form": form, "audit": audit})


def audit_detail(request, pk):
    audit = get_audit_for_user(request.user, pk)
    user = request.user
    whole = sees_whole_audit(user, audit)
    checklist = list(selectors.audit_checklist(audit)) if whole else []
    answers = dict.fromkeys(ChecklistItem.Answer.values, 0)
    for item in checklist:
        answers[item.answer] += 1
    context = {
        "audit": audit,
        "whole": whole,
        "units": audit.units.order_by("path"),
        "processes": audit.processes.order_by("code"),
        "documents": audit.documents.order_by("code"),
        "clauses": audit.clauses.all(),
        "team": audit.team.order_by("last_name"),
        "checklist": checklist,
        "answer_counts": [(label, answers[value]) for value, label in ChecklistItem.Answer.choices],
        "unanswered": answers[""],
        "findings": selectors.audit_findings(findings_visible_to(user, audit)),
        "can_edit": can_edit_audit(user, audit),
        "can_conduct": can_conduct(user, audit),
        "can_work": can_work_on(user, audit),
        "can_close": can_close_audit(user, audit),
        "build_form": ChecklistBuildForm(),
        "question_form": QuestionForm(),
        "summary_form": SummaryForm(initial={"summary": audit.summary}),
        "can_see_history": whole,
    }
    return render(request, "audits/audit_detail.html", context)


STEPS = {
    "prepare": (services.audit_prepare, can_conduct, _("The audit is prepared.")),
    "start": (services.audit_start, can_conduct, _("The audit is in progress: the team answers the checklist.")),
    "close": (services.audit_close, can_close_audit, _("The audit is closed.")),
}


@require_POST
def audit_step(request, pk, step):
    audit = get_audit_for_user(request.user, pk)
    if step not in STEPS:
        raise Http404
    service, allowed, done = STEPS[step]
    if not allowed(request.user, audit):
        raise PermissionDenied
    try:
        service(audit=audit, by=request.user)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, done)
    return redirect(audit)


def audit_report(request, pk):
    audit = get_audit_for_user(request.user, pk)
    if not can_conduct(request.user, audit):
        raise PermissionDenied
    form = SummaryForm(request.POST or None, initial={"summary": audit.summary})
    if request.method == "POST" and form.is_valid():
        try:
            services.audit_report(
                audit=audit, by=request.user, summary=form.cleaned_data["summary"], language=get_language()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The audit is reported; its report PDF is being built."))
            return redirect(audit)
    return render(request, "audits/audit_report_form.html", {"audit": audit, "form": form})


def audit_report_pdf(request, pk):
    audit = get_audit_for_user(request.user, pk)
    if not sees_whole_audit(request.user, audit):
        raise PermissionDenied
    if audit.report_state != Audit.ReportState.DONE or not audit.report_file:
        raise Http404
    return download(audit.report_file)


@require_POST
def audit_report_rebuild(request, pk):
    audit = get_audit_for_user(request.user, pk)
    if not can_conduct(request.user, audit) or audit.status not in (Audit.Status.REPORTED, Audit.Status.CLOSED):
        raise PermissionDenied
    services.report_queue(record=audit, by=request.user, language=get_language())
    messages.success(request, _("The report is being built again."))
    return redirect(audit)


def audit_history(request, pk):
    audit = get_audit_for_user(request.user, pk)
    if not sees_whole_audit(request.user, audit):
        raise PermissionDenied
    entries = change_log(
        Source(Audit.history.filter(id=audit.pk), label=lambda r: _("Audit"),
               exclude=("created_at", "report_file", "report_built_at")),
        Source(ChecklistItem.history.filter(audit_id=audit.pk), label=lambda r: _("Checklist question"),
               exclude=("audit", "order")),
        Source(Finding.history.filter(audit_id=audit.pk), label=lambda r: _("Finding"),
               exclude=("audit", "recorded_at")),
    )  # fmt: skip
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "audits/audit_history.html", {"audit": audit, "page": page})


# --- the checklist -----------------------------------------------------------------------------


def checklist(request, pk):
    """The checklist to answer during the audit: one card per question, made for a phone."""
    audit = get_audit_for_user(request.user, pk)
    if not sees_whole_audit(request.user, audit):
        raise PermissionDenied
    items = list(selectors.audit_checklist(audit))
    editable = audit.status == Audit.Status.IN_PROGRESS and can_work_on(request.user, audit)
    for item in items:
        item.form = AnswerForm(
            initial={"answer": item.answer, "evidence_notes": item.evidence_notes}, prefix=f"q{item.pk}"
        )
    return render(
        request,
        "audits/checklist.html",
        {
            "audit": audit,
            "items": items,
            "editable": editable,
            "answered": sum(1 for item in items if item.answer),
        },
    )


@require_POST
def checklist_answer(request, pk):
    item = get_checklist_item_for_team(request.user, pk)
    audit = item.audit
    form = AnswerForm(request.POST, request.FILES, prefix=f"q{item.pk}")
    if form.is_valid():
        try:
            services.checklist_answer(
                item=item,
                by=request.user,
                answer=form.cleaned_data["answer"],
                evidence_notes=form.cleaned_data["evidence_notes"],
                attachment=form.cleaned_data["attachment"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Answer saved."))
            return redirect(f"{audit.get_absolute_url()}checklist/#q{item.pk}")
    # Show the checklist again with this question's answer as typed and its errors.
    items = list(selectors.audit_checklist(audit))
    for other in items:
        other.form = (
            form
            if other.pk == item.pk
            else AnswerForm(
                initial={"answer": other.answer, "evidence_notes": other.evidence_notes}, prefix=f"q{other.pk}"
            )  # fmt: skip
        )
    return render(
        request,
        "audits/checklist.html",
        {
            "audit": audit,
            "items": items,
            "editable": audit.status == Audit.Status.IN_PROGRESS,
            "answered": sum(1 for other in items if other.answer),
            "error_item": item.pk,
        },
        status=400,
    )


def checklist_attachment(request, pk):
    item = get_checklist_item_for_reader(request.user, pk)
    return download(item.attachment)


@require_POST
def checklist_build(request, pk):
    audit = get_audit_for_user(request.user, pk)
    if not can_work_on(request.user, audit):
        raise PermissionDenied
    form = ChecklistBuildForm(request.POST)
    template = form.cleaned_data["template"] if form.is_valid() else None
    try:
        added = services.checklist_build(audit=audit, template=template)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s question was added to the checklist.",
                "%(count)s questions were added to the checklist.",
                added,
            )
            % {"count": added},
        )
    return redirect(audit)


def checklist_add(request, pk):
    audit = get_audit_for_user(request.user, pk)
    if not can_work_on(request.user, audit):
        raise PermissionDenied
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.checklist_add_question(audit=audit, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The question was added."))
            return redirect(audit)
    return render(request, "audits/question_form.html", {"audit": audit, "form": form})


def finding_create(request, pk):
    audit = get_audit_for_user(request.user, pk)
    if not can_work_on(request.user, audit):
        raise PermissionDenied
    if sent_before(request, model=Finding) is not None:
        return already_sent(request, audit)
    initial = {}
    item = audit.checklist.filter(pk=request.GET.get("item") or 0).select_related("clause").first()
    if item is not None:
        initial = {
            "checklist_item": item.pk,
            "clause": item.clause_id,
            "evidence": item.evidence_notes,
            "kind": Finding.Kind.OBSERVATION if item.answer == ChecklistItem.Answer.OBSERVATION else "",
        }
        units = list(audit.units.all())
        if len(units) == 1:
            initial["unit"] = units[0].pk
    form = FindingForm(request.POST or None, audit=audit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            finding, created = create_once(
                request,
                lambda: services.finding_record(audit=audit, by=request.user, **form.cleaned_data),
                model=Finding,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not created:
                return already_sent(request, audit)
            if finding.nonconformity_id:
                messages.success(
                    request,
                    _("The finding is recorded and nonconformity %(number)s is registered.")
                    % {"number": finding.nonconformity.number},
                )
            else:
                messages.success(request, _("The finding is recorded."))
            return redirect(audit)
    return render(request, "audits/finding_form.html", {"audit": audit, "form": form})
