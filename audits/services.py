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
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from qms.mail import send_to_person
from qms.roles import Role

from .models import Action, ActionNotice, Nonconformity

State = Nonconformity.State

DEFAULT_REPEAT_WINDOW_DAYS = 365
DEFAULT_EFFECTIVENESS_WAIT_DAYS = 30
DUE_SOON_DAYS = 7
ESCALATE_TO_HEAD_DAYS = 7  # overdue this long: the unit head is told
ESCALATE_TO_QUALITY_DAYS = 21  # overdue this long: the quality officer is told


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
    # One number at a time: lock the last row of the year so two registrations do not collide.
    list(Nonconformity.objects.select_for_update().filter(number__startswith=f"NC-{detected_on.year}-")[:1])
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
    transaction.on_commit(lambda: send_to_person(responsible, "audits/email/action_assigned", {"action": action}))
    return action


def nonconformity_start_implementation(*, nc, by) -> Nonconformity:
    with transaction.atomic():
        nc = _locked(nc)
        _require_state(nc, State.ACTION_PLAN)
        if not nc.actions.filter(kind__in=[Action.Kind.CORRECTIVE, Action.Kind.PREVENTIVE]).exists():
            raise WorkflowError(_("Plan at least one corrective or preventive action first."))
        nc.state = State.IMPLEMENTATION
        nc.save()
        return nc


def action_complete(*, action: Action, by, evidence: str) -> Action:
    """The responsible person reports the action done, with evidence."""
    if not evidence.strip():
        raise WorkflowError(_("Describe what was done, as evidence."))
    with transaction.atomic():
        action = Action.objects.select_for_update().get(pk=action.pk)
        if by.pk != action.responsible_id:
            raise WorkflowError(_("Only the person responsible for the action reports it done."))
        if action.state != Action.State.OPEN:
            raise WorkflowError(_("This action is not open."))
        action.state = Action.State.DONE
        action.evidence = evidence.strip()
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
                        lambda person=person, action=action, stage=stage: send_to_person(
                            person, "audits/email/action_notice", {"action": action, "stage": stage, "today": today}
                        )
                    )
    return counts
