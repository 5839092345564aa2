"""Who may do what in the process register. Views go through these helpers.

The quality office manages everything; a process owner edits their own card's drafts, keeps its
KPIs and enters their measurements; the process leader approves the card; university staff read
current cards. Drafts are seen by those who work on them and by those who read everything."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from qms.permissions import require_university_staff
from qms.roles import READ_ALL_ROLES, Role

from .models import KPI, Card, Process


def is_quality_officer(user) -> bool:
    return user.has_role(Role.QUALITY_OFFICER)


def can_manage_register(user) -> bool:
    return is_quality_officer(user)


def can_edit_card(user, process: Process) -> bool:
    return is_quality_officer(user) or process.owner_id == user.pk


def can_approve_card(user, process: Process) -> bool:
    return process.leader_id == user.pk


def can_measure(user, process: Process) -> bool:
    return is_quality_officer(user) or process.owner_id == user.pk


def can_read_drafts(user, process: Process) -> bool:
    return user.has_role(*READ_ALL_ROLES) or user.pk in (process.owner_id, process.leader_id)


def get_process_for_user(user, pk) -> Process:
    require_university_staff(user)
    try:
        return Process.objects.select_related("owner", "leader", "parent").get(pk=pk)
    except (Process.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_card_for_user(user, pk) -> Card:
    require_university_staff(user)
    try:
        card = Card.objects.select_related("process__owner", "process__leader", "process__parent", "approved_by").get(
            pk=pk
        )
    except (Card.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if card.status not in (Card.Status.CURRENT, Card.Status.SUPERSEDED) and not can_read_drafts(user, card.process):
        raise PermissionDenied
    return card


def get_draft_for_editor(user, pk) -> Card:
    card = get_card_for_user(user, pk)
    if not can_edit_card(user, card.process):
        raise PermissionDenied
    return card


def get_kpi_for_measurer(user, pk) -> KPI:
    require_university_staff(user)
    try:
        kpi = KPI.objects.select_related("process").get(pk=pk)
    except (KPI.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    if not can_measure(user, kpi.process):
        raise PermissionDenied
    return kpi
