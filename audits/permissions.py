"""Who may see and do what in audits and improvement. Views go through these helpers.

- The quality officer sees everything and manages the programme, audits and reviews.
- The rectorate reads everything; the rector approves the audit programme.
- Auditors see the audits they are on (as lead or team member) and work on them.
- An auditee unit (its head and members) sees its audits' plans and the findings about itself,
  not the rest of the audit.
- A nonconformity is seen by the quality office and the rectorate, by whoever reported it, by
  the audit team that found it, by the unit it concerns (head and members), by the owner of its
  process and by the people responsible for its actions. The unit head, the process owner and
  the quality officer analyse it and plan its actions; action owners update their own actions;
  the effectiveness is checked by the quality officer or an auditor who did none of the actions.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from processes.models import Process
from qms.permissions import require_university_staff, unit_scope_ids
from qms.roles import Role

from .models import Action, Audit, AuditProgramme, ChecklistItem, Finding, ManagementReview, Nonconformity

#: Roles that read every audit, nonconformity and review (auditors read only their own audits).
AUDIT_READ_ALL_ROLES = (Role.QUALITY_OFFICER, Role.RECTORATE)


def reads_all(user) -> bool:
    return user.has_role(*AUDIT_READ_ALL_ROLES)


def is_quality_officer(user) -> bool:
    return user.has_role(Role.QUALITY_OFFICER)


def own_unit_ids(user) -> set[int]:
    """The units a person belongs to or heads, and every unit below them."""
    return unit_scope_ids(user)


# --- programme ------------------------------------------------------------------------------


def can_manage_programme(user) -> bool:
    return is_quality_officer(user)


def can_approve_programme(user, programme: AuditProgramme) -> bool:
    return user.has_role(Role.RECTORATE) and programme.status == AuditProgramme.Status.DRAFT


def can_read_programme(user) -> bool:
    return reads_all(user) or user.has_role(Role.AUDITOR)


def get_programme_for_user(user, pk) -> AuditProgramme:
    require_university_staff(user)
    if not can_read_programme(user):
        raise PermissionDenied
    try:
        return AuditProgramme.objects.select_related("approved_by").get(pk=pk)
    except (AuditProgramme.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


# --- audits ---------------------------------------------------------------------------------


def audits_visible_to(user):
    """Audits the person may open: all for the quality office and the rectorate; those they are
    on for auditors; those of their units for auditees."""
    audits = Audit.objects.all()
    if reads_all(user):
        return audits
    return audits.filter(Q(lead_auditor=user) | Q(team=user) | Q(units__in=own_unit_ids(user))).distinct()


def is_on_team(user, audit: Audit) -> bool:
    if audit.lead_auditor_id == user.pk:
        return True
    team = getattr(audit, "_team_ids", None)
    if team is None:
        team = audit._team_ids = set(audit.team.values_list("pk", flat=True))
    return user.pk in team


def sees_whole_audit(user, audit: Audit) -> bool:
    """The checklist and every finding: the audit team, the quality office and the rectorate."""
    return reads_all(user) or is_on_team(user, audit)


def get_audit_for_user(user, pk) -> Audit:
    require_university_staff(user)
    try:
        audit = Audit.objects.select_related("programme", "lead_auditor").get(pk=pk)
    except (Audit.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if sees_whole_audit(user, audit):
        return audit
    if audit.units.filter(pk__in=own_unit_ids(user)).exists():
        return audit
    raise PermissionDenied


def can_plan_audits(user) -> bool:
    return is_quality_officer(user)


def can_edit_audit(user, audit: Audit) -> bool:
    return is_quality_officer(user) and audit.status not in (Audit.Status.REPORTED, Audit.Status.CLOSED)


def can_conduct(user, audit: Audit) -> bool:
    """Prepare, start and report the audit: its lead auditor (or the quality officer)."""
    return audit.lead_auditor_id == user.pk or is_quality_officer(user)


def can_work_on(user, audit: Audit) -> bool:
    """Build the checklist, answer it, record findings: the audit team."""
    return is_on_team(user, audit)


def can_close_audit(user, audit: Audit) -> bool:
    return is_quality_officer(user) and audit.status == Audit.Status.REPORTED


def findings_visible_to(user, audit: Audit):
    findings = audit.findings.all()
    if sees_whole_audit(user, audit):
        return findings
    return findings.filter(unit__in=own_unit_ids(user))


def get_checklist_item_for_team(user, pk) -> ChecklistItem:
    require_university_staff(user)
    try:
        item = ChecklistItem.objects.select_related("audit", "clause", "document").get(pk=pk)
    except (ChecklistItem.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_work_on(user, item.audit):
        raise PermissionDenied
    return item


def get_checklist_item_for_reader(user, pk) -> ChecklistItem:
    require_university_staff(user)
    try:
        item = ChecklistItem.objects.select_related("audit").get(pk=pk)
    except (ChecklistItem.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not sees_whole_audit(user, item.audit):
        raise PermissionDenied
    return item


def get_finding_for_user(user, pk) -> Finding:
    require_university_staff(user)
    try:
        finding = Finding.objects.select_related("audit", "unit").get(pk=pk)
    except (Finding.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not (sees_whole_audit(user, finding.audit) or finding.unit_id in own_unit_ids(user)):
        raise PermissionDenied
    return finding


# --- nonconformities and actions -----------------------------------------------------------


def nonconformities_visible_to(user):
    ncs = Nonconformity.objects.all()
    if reads_all(user):
        return ncs
    # Each way of seeing one is a condition on the row or a subquery by an index, with no join
    # that repeats rows: PostgreSQL tests them against the register's order and stops at a page.
    audits = Audit.objects.filter(Q(lead_auditor=user) | Q(team=user)).values("pk")
    visible = (
        Q(reported_by=user)
        | Q(unit__in=own_unit_ids(user))
        | Q(process__in=Process.objects.filter(owner=user).values("pk"))
        | Q(pk__in=Action.objects.filter(responsible=user, nonconformity__isnull=False).values("nonconformity"))
        | Q(pk__in=Finding.objects.filter(audit__in=audits, nonconformity__isnull=False).values("nonconformity"))
    )
    return ncs.filter(visible)


def can_register_nonconformity(user) -> bool:
    return user.is_authenticated and user.is_university_staff


def can_plan(user, nc: Nonconformity) -> bool:
    """Analyse the causes and plan the actions: the unit's head, the process owner, the quality
    officer."""
    if is_quality_officer(user):
        return True
    if nc.process_id and nc.process.owner_id == user.pk:
        return True
    unit = nc.unit
    return unit.head_id == user.pk


def can_check_effectiveness(user, nc: Nonconformity) -> bool:
    """The quality officer or an auditor; the service refuses anyone who did one of the actions."""
    return user.has_role(Role.QUALITY_OFFICER, Role.AUDITOR)


def get_nonconformity_for_user(user, pk) -> Nonconformity:
    require_university_staff(user)
    try:
        nc = Nonconformity.objects.select_related(
            "unit__head", "process__owner", "clause", "reported_by", "verified_by", "repeat_of"
        ).get(pk=pk)
    except (Nonconformity.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not nonconformities_visible_to(user).filter(pk=nc.pk).exists():
        raise PermissionDenied
    return nc


def get_action_for_user(user, pk) -> Action:
    """An action is opened by whoever may see its nonconformity or review."""
    require_university_staff(user)
    try:
        action = Action.objects.select_related("nonconformity__unit", "review", "responsible").get(pk=pk)
    except (Action.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if action.responsible_id == user.pk or reads_all(user):
        return action
    if action.nonconformity_id and nonconformities_visible_to(user).filter(pk=action.nonconformity_id).exists():
        return action
    if action.review_id and can_read_review(user, action.review):
        return action
    raise PermissionDenied


# --- management review ---------------------------------------------------------------------


def can_manage_review(user) -> bool:
    return is_quality_officer(user)


def can_read_review(user, review: ManagementReview | None = None) -> bool:
    if reads_all(user):
        return True
    return review is not None and review.attendees.filter(pk=user.pk).exists()


def reviews_visible_to(user):
    if reads_all(user):
        return ManagementReview.objects.all()
    return ManagementReview.objects.filter(attendees=user)


def get_review_for_user(user, pk) -> ManagementReview:
    require_university_staff(user)
    try:
        review = ManagementReview.objects.get(pk=pk)
    except (ManagementReview.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_read_review(user, review):
        raise PermissionDenied
    return review
