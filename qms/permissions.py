"""Who may see what in the `qms` app. Views go through these helpers, never around them."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import OrganisationalUnit
from .roles import Role


def require_university_staff(user):
    """The organisation is for the university's own people, not for applicants."""
    if not user.is_authenticated or not user.is_university_staff:
        raise PermissionDenied


def get_unit_for_user(user, pk) -> OrganisationalUnit:
    require_university_staff(user)
    try:
        return OrganisationalUnit.objects.select_related("head").get(pk=pk)
    except (OrganisationalUnit.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def can_manage_members(user, unit) -> bool:
    """The quality office keeps every unit's members; a unit's head keeps their own unit's
    (an object permission given by `unit_set_head`)."""
    return user.has_role(Role.QUALITY_OFFICER) or user.has_perm("qms.manage_members", unit)


def get_unit_for_member_manager(user, pk) -> OrganisationalUnit:
    unit = get_unit_for_user(user, pk)
    if not can_manage_members(user, unit):
        raise PermissionDenied
    return unit


def can_request_organisation_report(user) -> bool:
    return user.has_role(Role.QUALITY_OFFICER, Role.RECTORATE, Role.UNIT_HEAD)


def get_report_for_user(user, pk):
    from .selectors import reports_visible_to

    try:
        return reports_visible_to(user).get(pk=pk)
    except Exception as exc:  # DoesNotExist, or a malformed UUID (ValidationError)
        raise Http404 from exc
