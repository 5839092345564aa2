"""The rules of audits and improvement. Views, commands and tasks call these.

Nonconformity: registered → analysis (5 whys, cause category, root cause) → action plan
(immediate correction; corrective or preventive actions, each with a responsible person and a due
date) → implementation (the actions are carried out) → effectiveness check (after a waiting
period, by someone who did none of its actions) → closed when effective, or back to the action
plan (reopened) when not. A new nonconformity on the same requirement and unit within
AUDITS_REPEAT_WINDOW_DAYS of an earlier one is flagged as its repeat.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from qms.mail import notify
from qms.roles import Role

from .models import (
    Action,
    ActionNotice,
    Audit,
    AuditProgramme,
    ChecklistItem,
    ChecklistTemplate,
    Finding,
    ManagementReview,
    Nonconformity,
)
from .permissions import is_on_team

State = Nonconformity.State

DEFAULT_REPEAT_WINDOW_DAYS = 365
DEFAULT_EFFECTIVENESS_WAIT_DAYS = 30
DUE_SOON_DAYS = 7
ESCALATE_TO_HEAD_DAYS = 7  # overdue this long: the unit head is told
ESCALATE_TO_QUALITY_DAYS = 21  # overdue this long: the quality officer is told
#: The first key of the advisory lock that numbers nonconformities (the second is the year).
NUMBERING_LOCK = 41_0001


class WorkflowError(ValidationError):
    """A step the workflow does not allow from where the record stands."""


def _require_state(nc: Nonconformity, *allowed):
    if nc.state not in allowed:
        raise WorkflowError(
            _("%(number)s is in %(state)s; this step needs %(allowed)s.")
            % {
                "number": nc.number,
                "state": nc.get_state_display().lower(),
                "allowed": ", ".join(str(State(s).label).lower() for s in allowed),
            }
        )


def _locked(nc: Nonconformity) -> Nonconformity:
    return Nonconformity.objects.select_for_update().get(pk=nc.pk)


def repeat_window_days() -> int:
    return getattr(settings, "AUDITS_REPEAT_WINDOW_DAYS", DEFAULT_REPEAT_WINDOW_DAYS)


def find_earlier(*, unit, clause, requirement, detected_on, exclude_pk=None):
    """The latest earlier nonconformity on the same requirement and unit within the window."""
    if clause is None and not requirement.strip():
        return None
    since = detected_on - datetime.timedelta(days=repeat_window_days())
    earlier = Nonconformity.objects.filter(unit=unit, detected_on__gte=since, detected_on__lte=detected_on)
    earlier = (
        earlier.filter(clause=clause) if clause is not None else earlier.filter(requirement__iexact=requirement.strip())
    )
    if exclude_pk is not None:
        earlier = earlier.exclude(pk=exclude_pk)
    return earlier.order_by("-detected_on", "-id").first()


def _lock_numbering(year: int) -> None:
    """One number of a year at a time, until the transaction ends. On PostgreSQL an advisory lock
    on the year: it holds even for a year's first nonconformity, when there is no row to lock.
    SQLite writes one transaction at a time anyway."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [NUMBERING_LOCK, year])


def _next_number(year: int) -> str:
    prefix = f"NC-{year}-"
    last = Nonconformity.objects.filter(number__startswith=prefix).aggregate(Max("number"))["number__max"]
    return f"{prefix}{(int(last.rsplit('-', 1)[1]) + 1) if last else 1:04d}"


@transaction.atomic
def nonconformity_register(
    *, title, description, unit, source, reported_by, severity=Nonconformity.Severity.MINOR, process=None,
    clause=None, requirement="", detected_on=None,
) -> Nonconformity:  # fmt: skip
    detected_on = detected_on or timezone.localdate()
    _lock_numbering(detected_on.year)
    nc = Nonconformity(
        number=_next_number(detected_on.year),
        title=title.strip(),
        description=description.strip(),
        unit=unit,
        source=source,
        severity=severity,
        process=process,
        clause=clause,
        requirement=requirement.strip(),
        reported_by=reported_by,
        detected_on=detected_on,
    )
    nc.repeat_of = find_earlier(unit=unit, clause=clause, requirement=requirement, detected_on=detected_on)
    nc.full_clean()
    nc.save()
    return nc


def nonconformity_start_analysis(*, nc: Nonconformity, by) -> Nonconformity:
    with transaction.atomic():
        nc = _locked(nc)
        _require_state(nc, State.REGISTERED)
        nc.state = State.ANALYSIS
        nc.save()
        return nc


def nonconformity_record_analysis(*, nc, whys, cause_category, root_cause, correction="") -> Nonconformity:
    """The cause analysis: up to five whys, a cause category and the root cause; then the plan."""
    whys = [why.strip() for why in whys if why and why.strip()][:5]
    if not whys or not root_cause.strip():
        raise WorkflowError(_("Give at least one why and the root cause."))
    with transaction.atomic():
        nc = _locked(nc)
        _require_state(nc, State.ANALYSIS, State.ACTION_PLAN)
        nc.whys = whys
        nc.cause_category = cause_category
        nc.root_cause = root_cause.strip()
        nc.correction = correction.strip()
        nc.state = State.ACTION_PLAN
        nc.full_clean()
        nc.save()
        return nc


def action_add(*, nc=None, review=None, kind, description, responsible, due_date) -> Action:
    with transaction.atomic():
        if nc is not None:
            nc = _locked(nc)
            _require_state(nc, State.ACTION_PLAN, State.IMPLEMENTATION)
        if review is not None:
            review = ManagementReview.objects.select_for_update().get(pk=review.pk)
            _require_review_state(review, ManagementReview.State.HELD)
        action = Action(
            nonconformity=nc,
            review=review,
            kind=kind,
            description=description.strip(),
            responsible=responsible,
            due_date=due_date,
        )
        action.full_clean()
        action.save()
    transaction.on_commit(
        lambda: notify(
            responsible,
            "audits/email/action_assigned",
            {"action": action},
            url=reverse("audits:action-detail", args=[action.pk]),
        )
    )
    return action


def nonconformity_start_implementation(*, nc, by) -> Nonconformity:
    with transaction.atomic():
        nc = _locked(nc)
        _require_state(nc, State.ACTION_PLAN)
        # An open one: after an ineffective check the plan needs a new action, not the old ones again.
        planned = nc.actions.filter(kind__in=[Action.Kind.CORRECTIVE, Action.Kind.PREVENTIVE], state=Action.State.OPEN)
        if not planned.exists():
            raise WorkflowError(_("Plan at least one corrective or preventive action first."))
        nc.state = State.IMPLEMENTATION
        nc.save()
        return nc


def action_complete(*, action: Action, by, evidence: str, evidence_file=None) -> Action:
    """The responsible person reports the action done, with evidence (and a file, checked by
    its content)."""
    from qms.uploads import check_upload

    if not evidence.strip():
        raise ValidationError({"evidence": _("Describe what was done, as evidence.")})
    if evidence_file is not None:
        try:
            check_upload(evidence_file, allowed=ATTACHMENT_KINDS, limit=ATTACHMENT_LIMIT)
        except ValidationError as error:
            raise ValidationError({"evidence_file": error.messages}) from None
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action.pk)
        if by.pk != action.responsible_id:
            raise WorkflowError(_("Only the person responsible for the action reports it done."))
        if action.state != Action.State.OPEN:
            raise WorkflowError(_("This action is not open."))
        action.state = Action.State.DONE
        action.evidence = evidence.strip()
        if evidence_file is not None:
            action.evidence_file = evidence_file
        action.done_at = timezone.now()
        action.save()
        nc = action.nonconformity
        if (
            nc is not None
            and nc.state == State.IMPLEMENTATION
            and not nc.actions.filter(state=Action.State.OPEN).exists()
        ):
            nc = _locked(nc)
            nc.state = State.EFFECTIVENESS
            wait = getattr(settings, "AUDITS_EFFECTIVENESS_WAIT_DAYS", DEFAULT_EFFECTIVENESS_WAIT_DAYS)
            nc.effectiveness_due = timezone.localdate() + datetime.timedelta(days=wait)
            nc.save()
        return action


def nonconformity_check_effectiveness(*, nc, by, effective: bool, comment: str, today=None) -> Nonconformity:
    """The check that the actions worked, by someone who did none of them, once the wait is over.
    Effective: the nonconformity closes and its actions are verified. Not effective: back to the
    action plan, reopened."""
    today = today or timezone.localdate()
    if not comment.strip():
        raise WorkflowError(_("Say what the check found."))
    with transaction.atomic():
        nc = _locked(nc)
        _require_state(nc, State.EFFECTIVENESS)
        actions = list(nc.actions.select_for_update())
        if any(action.responsible_id == by.pk for action in actions):
            raise WorkflowError(_("The effectiveness is checked by someone who did none of the actions."))
        if any(action.state == Action.State.OPEN for action in actions):
            raise WorkflowError(_("Some actions are still open; it cannot be closed."))
        if nc.effectiveness_due and today < nc.effectiveness_due:
            raise WorkflowError(
                _("The effectiveness can be checked from %(date)s, after the waiting period.")
                % {"date": nc.effectiveness_due}
            )
        now = timezone.now()
        nc.effective = effective
        nc.effectiveness_comment = comment.strip()
        nc.verified_by = by
        if effective:
            for action in actions:
                action.state = Action.State.VERIFIED
                action.verified_by = by
                action.verified_at = now
                action.save()
            nc.state = State.CLOSED
            nc.closed_at = now
        else:
            nc.state = State.ACTION_PLAN
            nc.reopened += 1
        nc.full_clean()
        nc.save()
        return nc


# --- escalation -----------------------------------------------------------------------------


def _stages_due(action: Action, today) -> list[str]:
    stages = []
    days_late = (today - action.due_date).days
    if -DUE_SOON_DAYS <= days_late < 0:
        stages.append(ActionNotice.Stage.DUE_SOON)
    if days_late > 0:
        stages.append(ActionNotice.Stage.OVERDUE)
    if days_late >= ESCALATE_TO_HEAD_DAYS:
        stages.append(ActionNotice.Stage.UNIT_HEAD)
    if days_late >= ESCALATE_TO_QUALITY_DAYS:
        stages.append(ActionNotice.Stage.QUALITY_OFFICER)
    return stages


def _recipients(action: Action, stage: str):
    from qms.models import User

    if stage in (ActionNotice.Stage.DUE_SOON, ActionNotice.Stage.OVERDUE):
        return [action.responsible]
    if stage == ActionNotice.Stage.UNIT_HEAD:
        unit = action.nonconformity.unit if action.nonconformity_id else None
        return [unit.head] if unit is not None and unit.head_id else []
    return list(User.objects.filter(groups__name=Role.QUALITY_OFFICER, is_active=True).distinct())


def actions_escalation_sweep(*, today) -> dict:
    """Daily: for each open action, send each stage it has reached (due soon, overdue, unit
    head, quality officer) once, in that order. Safe to run twice or late: a missed day sends
    the stages it missed, each once."""
    counts = dict.fromkeys(ActionNotice.Stage.values, 0)
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    open_actions = Action.objects.filter(state=Action.State.OPEN, due_date__lte=horizon).select_related(
        "responsible", "nonconformity__unit__head"
    )
    for action in open_actions.iterator(chunk_size=500):
        for stage in _stages_due(action, today):
            with transaction.atomic():
                _notice, created = ActionNotice.objects.get_or_create(action=action, stage=stage)
                if not created:
                    continue
                counts[stage] += 1
                for person in _recipients(action, stage):
                    transaction.on_commit(
                        lambda person=person, action=action, stage=stage: notify(
                            person,
                            "audits/email/action_notice",
                            {"action": action, "stage": stage, "today": today},
                            url=reverse("audits:action-detail", args=[action.pk]),
                        )
                    )
    return counts


# --- the audit programme ----------------------------------------------------------------------


def programme_create(*, year: int, notes: str = "") -> AuditProgramme:
    programme = AuditProgramme(year=year, notes=notes.strip())
    programme.full_clean()
    programme.save()
    return programme


def programme_approve(*, programme: AuditProgramme, by) -> AuditProgramme:
    """The rector approves the year's programme once it lists at least one planned audit."""
    if not by.has_role(Role.RECTORATE):
        raise WorkflowError(_("The audit programme is approved by the rector."))
    with transaction.atomic():
        programme = AuditProgramme.objects.select_for_update().get(pk=programme.pk)
        if programme.status != AuditProgramme.Status.DRAFT:
            raise WorkflowError(_("This programme is already approved."))
        if not programme.audits.exists():
            raise WorkflowError(_("Plan at least one audit in the programme before it is approved."))
        programme.status = AuditProgramme.Status.APPROVED
        programme.approved_by = by
        programme.approved_at = timezone.now()
        programme.save()
        return programme


def programme_revise(*, programme: AuditProgramme, by) -> AuditProgramme:
    """An approved programme goes back to draft to be changed; the rector approves it again."""
    with transaction.atomic():
        programme = AuditProgramme.objects.select_for_update().get(pk=programme.pk)
        if programme.status != AuditProgramme.Status.APPROVED:
            raise WorkflowError(_("Only an approved programme is revised."))
        programme.status = AuditProgramme.Status.DRAFT
        programme.approved_by = None
        programme.approved_at = None
        programme.save()
        return programme


# --- audits -----------------------------------------------------------------------------------


def independence_conflicts(*, auditors, units, processes) -> list[str]:
    """Why these auditors may not audit these units and processes: an auditor does not audit a
    unit they belong to or head, a unit containing it or a unit under it, nor a process they own."""
    from qms.models import OrganisationalUnit

    problems = []
    units, processes = list(units), list(processes)
    for auditor in {a.pk: a for a in auditors if a is not None}.values():
        name = auditor.get_full_name() or auditor.username
        own_paths = [
            unit.path
            for unit in OrganisationalUnit.objects.filter(Q(memberships__user=auditor) | Q(head=auditor)).distinct()
        ]
        for unit in units:
            if any(unit.path.startswith(path) or path.startswith(unit.path) for path in own_paths):
                problems.append(
                    _("%(person)s belongs to %(unit)s and may not audit it.") % {"person": name, "unit": unit}
                )
        for process in processes:
            if process.owner_id == auditor.pk:
                problems.append(
                    _("%(person)s owns the process %(process)s and may not audit it.")
                    % {"person": name, "process": process.code}
                )
    return problems


AUDIT_FIELDS = ("programme", "kind", "title", "lead_auditor", "planned_start", "planned_end")


@transaction.atomic
def audit_save(*, audit=None, units, processes, documents=(), clauses=(), team=(), **fields) -> Audit:
    """Create or change an audit's plan. Refused when an auditor would audit their own unit or
    process, when a planned audit is outside a programme, or once the audit is reported."""
    if audit is not None:
        audit = Audit.objects.select_for_update().get(pk=audit.pk)
        if audit.status in (Audit.Status.REPORTED, Audit.Status.CLOSED):
            raise WorkflowError(_("A reported audit is no longer changed."))
    else:
        audit = Audit()
    original_programme_id = audit.programme_id
    for name in AUDIT_FIELDS:
        if name in fields:
            setattr(audit, name, fields[name])
    team = [person for person in team if person.pk != audit.lead_auditor_id]
    problems = independence_conflicts(auditors=[audit.lead_auditor, *team], units=units, processes=processes)
    if problems:
        raise ValidationError(problems, code="independence")
    if audit.programme is not None and audit.planned_start and audit.planned_start.year != audit.programme.year:
        message = _("An audit of the %(year)s programme starts in %(year)s.") % {"year": audit.programme.year}
        raise ValidationError({"planned_start": message})
    programmes = {audit.programme_id, original_programme_id} - {None}
    if AuditProgramme.objects.filter(pk__in=programmes, status=AuditProgramme.Status.APPROVED).exists():
        raise ValidationError(
            {"programme": _("The programme is approved; revise it (back to draft) to change its audits.")}
        )
    if audit.kind == Audit.Kind.PLANNED and audit.programme is None:
        raise ValidationError({"programme": _("A planned audit belongs to the year's programme.")})
    audit.full_clean()
    audit.save()
    audit.units.set(units)
    audit.processes.set(processes)
    audit.documents.set(documents)
    audit.clauses.set(clauses)
    audit.team.set(team)
    return audit


def _locked_audit(audit) -> Audit:
    return Audit.objects.select_for_update().get(pk=audit.pk)


def _require_audit_state(audit: Audit, *allowed):
    if audit.status not in allowed:
        raise WorkflowError(
            _("The audit is %(state)s; this step needs it %(allowed)s.")
            % {
                "state": audit.get_status_display().lower(),
                "allowed": ", ".join(str(Audit.Status(s).label).lower() for s in allowed),
            }
        )


def checklist_questions_from_criteria(audit: Audit, template: ChecklistTemplate | None = None) -> list[dict]:
    """Questions for the audit's criteria: one per ISO clause or ESG standard, one per document,
    then the template's, skipping what the checklist already asks."""
    scope = ", ".join(str(unit) for unit in audit.units.all()) or _("the audited units")
    questions = []
    for clause in audit.clauses.all():
        questions.append(
            {
                "question": _("How does %(scope)s meet %(clause)s? Show the records that prove it.")
                % {"scope": scope, "clause": clause},
                "clause": clause,
                "document": None,
            }
        )
    for document in audit.documents.all():
        questions.append(
            {
                "question": _(
                    "Is %(document)s the current revision, known to the staff and followed? "
                    "Show the records it requires."
                )
                % {"document": f"{document.code} {document.title}"},
                "clause": None,
                "document": document,
            }
        )
    if template is not None:
        questions.extend(
            {"question": text.strip(), "clause": None, "document": None}
            for text in template.questions
            if text and text.strip()
        )
    asked = {item.question for item in audit.checklist.all()}
    return [q for q in questions if q["question"] not in asked]


@transaction.atomic
def checklist_build(*, audit: Audit, template: ChecklistTemplate | None = None) -> int:
    audit = _locked_audit(audit)
    _require_audit_state(audit, Audit.Status.PLANNED, Audit.Status.PREPARED, Audit.Status.IN_PROGRESS)
    start = (audit.checklist.aggregate(Max("order"))["order__max"] or 0) + 1
    items = [
        ChecklistItem(audit=audit, order=start + i, question=q["question"], clause=q["clause"], document=q["document"])
        for i, q in enumerate(checklist_questions_from_criteria(audit, template))
    ]
    for item in items:
        item.save()  # one by one: each question gets its history record
    return len(items)


def checklist_add_question(*, audit: Audit, question: str, clause=None, document=None) -> ChecklistItem:
    if not question.strip():
        raise ValidationError({"question": _("Write the question.")})
    with transaction.atomic():
        audit = _locked_audit(audit)
        _require_audit_state(audit, Audit.Status.PLANNED, Audit.Status.PREPARED, Audit.Status.IN_PROGRESS)
        order = (audit.checklist.aggregate(Max("order"))["order__max"] or 0) + 1
        item = ChecklistItem(audit=audit, order=order, question=question.strip(), clause=clause, document=document)
        item.full_clean()
        item.save()
        return item


ATTACHMENT_KINDS = ("pdf", "png", "jpeg", "docx", "odt", "xlsx", "ods")
ATTACHMENT_LIMIT = 20 * 1024 * 1024


def checklist_answer(*, item: ChecklistItem, by, answer: str, evidence_notes: str, attachment=None) -> ChecklistItem:
    """A member of the audit team answers a question during the audit; a nonconforming answer or
    an observation needs its evidence written down."""
    from qms.uploads import check_upload

    if answer not in ChecklistItem.Answer.values or not answer:
        raise ValidationError({"answer": _("Choose an answer.")})
    if answer in (ChecklistItem.Answer.NONCONFORMING, ChecklistItem.Answer.OBSERVATION) and not evidence_notes.strip():
        raise ValidationError({"evidence_notes": _("Write down the evidence for this answer.")})
    if attachment is not None:
        try:
            check_upload(attachment, allowed=ATTACHMENT_KINDS, limit=ATTACHMENT_LIMIT)
        except ValidationError as error:
            raise ValidationError({"attachment": error.messages}) from None
    with transaction.atomic():
        audit = _locked_audit(item.audit)
        _require_audit_state(audit, Audit.Status.IN_PROGRESS)
        if not is_on_team(by, audit):
            raise WorkflowError(_("Only the audit team answers the checklist."))
        item = ChecklistItem.objects.select_for_update().get(pk=item.pk)
        item.answer = answer
        item.evidence_notes = evidence_notes.strip()
        if attachment is not None:
            item.attachment = attachment
        item.answered_by = by
        item.answered_at = timezone.now()
        item.save()
        return item


def audit_prepare(*, audit: Audit, by) -> Audit:
    with transaction.atomic():
        audit = _locked_audit(audit)
        _require_audit_state(audit, Audit.Status.PLANNED)
        if not audit.checklist.exists():
            raise WorkflowError(_("Build the checklist before the audit is prepared."))
        audit.status = Audit.Status.PREPARED
        audit.save()
        return audit


def audit_start(*, audit: Audit, by) -> Audit:
    with transaction.atomic():
        audit = _locked_audit(audit)
        _require_audit_state(audit, Audit.Status.PREPARED)
        audit.status = Audit.Status.IN_PROGRESS
        audit.save()
        return audit


def audit_report(*, audit: Audit, by, summary: str, language: str) -> Audit:
    """The lead auditor reports: every question answered, a summary written. The report PDF is
    then built by a worker and kept with the audit."""
    if not summary.strip():
        raise ValidationError({"summary": _("Write the audit's summary.")})
    with transaction.atomic():
        audit = _locked_audit(audit)
        _require_audit_state(audit, Audit.Status.IN_PROGRESS)
        unanswered = audit.checklist.filter(answer="").count()
        if unanswered:
            raise WorkflowError(
                ngettext(
                    "%(count)s checklist question is not answered yet.",
                    "%(count)s checklist questions are not answered yet.",
                    unanswered,
                )
                % {"count": unanswered}
            )
        audit.summary = summary.strip()
        audit.status = Audit.Status.REPORTED
        audit.reported_at = timezone.now()
        audit.save()
        report_queue(record=audit, by=by, language=language)
        return audit


def audit_close(*, audit: Audit, by) -> Audit:
    with transaction.atomic():
        audit = _locked_audit(audit)
        _require_audit_state(audit, Audit.Status.REPORTED)
        audit.status = Audit.Status.CLOSED
        audit.closed_at = timezone.now()
        audit.save()
        return audit


def finding_record(
    *, audit: Audit, by, kind, unit, statement, evidence="", process=None, clause=None, requirement="",
    checklist_item=None, detected_on=None,
) -> Finding:  # fmt: skip
    """A finding of the audit team. A major or minor nonconformity opens a nonconformity record,
    registered (and checked for recurrence) like any other, detected today unless a date of the
    audit is given."""
    if not statement.strip():
        raise ValidationError({"statement": _("State the finding.")})
    if kind in (Finding.Kind.MAJOR, Finding.Kind.MINOR) and not (clause or requirement.strip()):
        raise ValidationError({"requirement": _("Name the requirement that is not met.")})
    with transaction.atomic():
        audit = _locked_audit(audit)
        _require_audit_state(audit, Audit.Status.IN_PROGRESS)
        if not is_on_team(by, audit):
            raise WorkflowError(_("Only the audit team records findings."))
        scope = list(audit.units.all())
        if scope and not any(unit.pk == u.pk or unit.is_descendant_of(u) for u in scope):
            raise ValidationError({"unit": _("The unit is outside the audit's scope.")})
        finding = Finding(
            audit=audit,
            kind=kind,
            unit=unit,
            process=process,
            clause=clause,
            requirement=requirement.strip(),
            statement=statement.strip(),
            evidence=evidence.strip(),
            checklist_item=checklist_item,
            recorded_by=by,
        )
        finding.full_clean()
        if finding.is_nonconformity:
            first_line = statement.strip().splitlines()[0]
            finding.nonconformity = nonconformity_register(
                title=first_line[:255],
                description="\n\n".join(part for part in (statement.strip(), evidence.strip()) if part),
                unit=unit,
                process=process,
                clause=clause,
                requirement=requirement,
                source=(
                    Nonconformity.Source.EXTERNAL_AUDIT
                    if audit.kind == Audit.Kind.EXTERNAL
                    else Nonconformity.Source.INTERNAL_AUDIT
                ),
                severity=kind,
                reported_by=by,
                detected_on=detected_on,
            )
        finding.save()
        return finding


# --- reports built by a worker ----------------------------------------------------------------


#: A report queued or running for longer than this is taken as lost (a worker that died, a broker
#: that was down) and may be queued again.
REPORT_STALE_AFTER = datetime.timedelta(minutes=15)


def _enqueue_build(model, pk, by_pk):
    from .tasks import build_report

    try:
        build_report.delay(model._meta.label_lower, pk, by_pk)
    except Exception:  # the broker is unreachable: say so on the record instead of leaving it queued
        import logging

        logging.getLogger(__name__).exception("could not queue the report of %s %s", model._meta.label_lower, pk)
        record = model.objects.filter(pk=pk).first()
        with override(getattr(record, "report_language", "") or settings.LANGUAGE_CODE):
            error = _("The report could not be queued: the workers are not reachable. Try again in a moment.")
        model.objects.filter(pk=pk, report_state=model.ReportState.QUEUED).update(
            report_state=model.ReportState.FAILED, report_error=error
        )


def report_queue(*, record, by, language: str):
    """Mark the record's report as queued and start its build once the transaction commits.
    A report already queued or being built is not queued twice, unless it has been waiting so
    long that its build was lost."""
    model = type(record)
    now = timezone.now()
    with transaction.atomic():
        locked = model.objects.select_for_update().get(pk=record.pk)
        busy = locked.report_state in (model.ReportState.QUEUED, model.ReportState.RUNNING)
        if busy and (locked.report_queued_at is None or now - locked.report_queued_at < REPORT_STALE_AFTER):
            return locked
        locked.report_state = model.ReportState.QUEUED
        locked.report_language = language
        locked.report_error = ""
        locked.report_queued_at = now
        locked.save(update_fields=["report_state", "report_language", "report_error", "report_queued_at"])
        by_pk = getattr(by, "pk", None)
        transaction.on_commit(lambda: _enqueue_build(model, locked.pk, by_pk))
    record.report_state = locked.report_state
    return locked


# --- management review ------------------------------------------------------------------------


def review_create(*, year: int) -> ManagementReview:
    review = ManagementReview(year=year)
    review.full_clean()
    review.save()
    return review


def _require_review_state(review: ManagementReview, *allowed):
    if review.state not in allowed:
        raise WorkflowError(
            _("The review is %(state)s; this step needs it %(allowed)s.")
            % {
                "state": review.get_state_display().lower(),
                "allowed": ", ".join(str(ManagementReview.State(s).label).lower() for s in allowed),
            }
        )


def review_collect_inputs(*, review: ManagementReview, today=None) -> ManagementReview:
    """Assemble the review's inputs from the portal's records, as they stand today. Collected
    again as often as needed until the meeting is held."""
    from .selectors import review_inputs

    today = today or timezone.localdate()
    with transaction.atomic():
        review = ManagementReview.objects.select_for_update().get(pk=review.pk)
        _require_review_state(review, ManagementReview.State.DRAFT, ManagementReview.State.INPUTS)
        review.inputs = review_inputs(year=review.year, today=today)
        review.inputs_collected_at = timezone.now()
        review.state = ManagementReview.State.INPUTS
        review.save()
        return review


def review_save_texts(*, review: ManagementReview, stakeholder_feedback: str, changes: str, resources: str):
    with transaction.atomic():
        review = ManagementReview.objects.select_for_update().get(pk=review.pk)
        _require_review_state(review, ManagementReview.State.DRAFT, ManagementReview.State.INPUTS)
        review.stakeholder_feedback = stakeholder_feedback.strip()
        review.changes = changes.strip()
        review.resources = resources.strip()
        review.save()
        return review


def review_hold(*, review: ManagementReview, meeting_date, attendees, decisions: str) -> ManagementReview:
    """Record the meeting: its date, who attended and what was decided."""
    errors = {}
    if not decisions.strip():
        errors["decisions"] = _("Record the decisions of the meeting.")
    if not attendees:
        errors["attendees"] = _("Record who attended.")
    if meeting_date is None:
        errors["meeting_date"] = _("Give the date of the meeting.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        review = ManagementReview.objects.select_for_update().get(pk=review.pk)
        _require_review_state(review, ManagementReview.State.INPUTS)
        review.meeting_date = meeting_date
        review.decisions = decisions.strip()
        review.state = ManagementReview.State.HELD
        review.save()
        review.attendees.set(attendees)
        return review


def review_close(*, review: ManagementReview, by, language: str) -> ManagementReview:
    """Close the review; the annual report on the functioning of the QMS is built by a worker."""
    with transaction.atomic():
        review = ManagementReview.objects.select_for_update().get(pk=review.pk)
        _require_review_state(review, ManagementReview.State.HELD)
        review.state = ManagementReview.State.CLOSED
        review.save()
        report_queue(record=review, by=by, language=language)
        return review


def report_build(*, model_label: str, pk) -> str:
    """Build and keep the record's report PDF. A failure is recorded with a reason people can
    read; building again replaces the file."""
    import logging

    from django.apps import apps
    from django.core.files.base import ContentFile

    from qms.pdf import URLRefused

    from . import reports

    model = apps.get_model(model_label)
    # Only a queued report is built, and by one worker: a task delivered twice builds once.
    if not model.objects.filter(pk=pk, report_state=model.ReportState.QUEUED).update(
        report_state=model.ReportState.RUNNING
    ):
        record = model.objects.filter(pk=pk).only("report_state").first()
        return record.report_state if record else "missing"
    record = model.objects.get(pk=pk)
    language = record.report_language or settings.LANGUAGE_CODE
    old = record.report_file.name if record.report_file else ""
    try:
        with override(language):
            filename, content = reports.RENDERERS[model_label](record)
        record.report_file.save(filename, ContentFile(content), save=False)
    except Exception as exc:
        logging.getLogger(__name__).exception("report of %s %s failed", model_label, pk)
        with override(language):
            unexpected = _("an unexpected error, logged for the administrators")
            reason = str(exc) if isinstance(exc, URLRefused) else unexpected
            error = _("The report could not be built: %(reason)s") % {"reason": reason}
        model.objects.filter(pk=pk).update(report_state=model.ReportState.FAILED, report_error=error)
        return model.ReportState.FAILED
    model.objects.filter(pk=pk).update(
        report_file=record.report_file.name,
        report_state=model.ReportState.DONE,
        report_error="",
        report_built_at=timezone.now(),
    )
    if old and old != record.report_file.name:
        record.report_file.storage.delete(old)
    return model.ReportState.DONE


# --- reminder of the management review --------------------------------------------------------

#: The quality officers are told this many days before the management review is due.
REVIEW_DUE_NOTICE_DAYS = 30


def management_review_due_date(year: int, review: ManagementReview | None = None) -> datetime.date:
    """When the management review of `year` is due: its meeting date when one is set, otherwise
    the day of the year set by MANAGEMENT_REVIEW_DUE ("MM-DD"; 29 February is the 28th in other
    years)."""
    import calendar

    from django.core.exceptions import ImproperlyConfigured

    if review is not None and review.meeting_date:
        return review.meeting_date
    value = settings.MANAGEMENT_REVIEW_DUE
    try:
        month, day = (int(part) for part in value.split("-"))
        datetime.date(2000, month, day)  # a leap year: every valid month-day
    except ValueError:
        raise ImproperlyConfigured(
            f"MANAGEMENT_REVIEW_DUE must be a month and day as MM-DD, e.g. 12-15, not {value!r}"
        ) from None
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def management_review_reminders_send(*, today) -> dict:
    """Daily: tell every active quality officer, once per stage, that the management review of
    a year has not been held (or closed) and is due within REVIEW_DUE_NOTICE_DAYS ("due") or past
    its date ("overdue").

    The reviews looked at are this year's, and any other pending review (not held) of last year
    or later that has a record in the portal; last year's is also looked at when its review was
    already announced as due (so that the "overdue" notice missed over the new year still goes).
    Safe to run twice or late: it works from today's state, a stage sent is not sent again, and
    a review already overdue gets the "overdue" notice only (not a stale "due" one)."""
    from qms.models import User

    from .models import ManagementReviewNotice

    finished = (ManagementReview.State.HELD, ManagementReview.State.CLOSED)
    reviews = {review.year: review for review in ManagementReview.objects.filter(year__gte=today.year - 1)}
    years = {today.year} | {year for year, review in reviews.items() if review.state not in finished}
    if ManagementReviewNotice.objects.filter(year=today.year - 1).exists():
        years.add(today.year - 1)
    counts = {ManagementReviewNotice.Stage.DUE: 0, ManagementReviewNotice.Stage.OVERDUE: 0, "notified": 0}
    quality_officers = None
    for year in sorted(years):
        review = reviews.get(year)
        if review is not None and review.state in finished:
            continue
        due = management_review_due_date(year, review)
        if today > due:
            stage = ManagementReviewNotice.Stage.OVERDUE
        elif today >= due - datetime.timedelta(days=REVIEW_DUE_NOTICE_DAYS):
            stage = ManagementReviewNotice.Stage.DUE
        else:
            continue
        counts[stage] += 1
        with transaction.atomic():
            _notice, created = ManagementReviewNotice.objects.get_or_create(year=year, stage=stage)
            if not created:
                continue
            if quality_officers is None:
                quality_officers = list(
                    User.objects.filter(groups__name=Role.QUALITY_OFFICER, is_active=True).distinct().order_by("pk")
                )
            url = review.get_absolute_url() if review is not None else reverse("audits:review-list")
            context = {"year": year, "stage": stage, "due_date": due, "review": review, "today": today}
            for person in quality_officers:
                transaction.on_commit(
                    lambda person=person, context=context, url=url: notify(
                        person, "audits/email/review_due", context, url=url
                    )
                )
                counts["notified"] += 1
    return {"due": counts["due"], "overdue": counts["overdue"], "notified": counts["notified"]}
