"""Who may see what in the `qms` app. Views go through these helpers, never around them."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from .models import OrganisationalUnit
from .roles import Role


def require_university_staff(user):
    """The organisation is for the university's own people, not for applicants."""
    if not user.is_authenticated or not user.is_university_staff:
        raise PermissionDenied


def unit_scope_ids(user) -> set[int]:
    """The units a person belongs to or heads, and every unit below them (a dean's faculty holds
    its departments). Two queries, then cached on the user object for the request."""
    cached = getattr(user, "_unit_scope_ids", None)
    if cached is not None:
        return cached
    ids = set()
    if user.is_authenticated:
        paths = [
            unit.path for unit in OrganisationalUnit.objects.filter(Q(memberships__user=user) | Q(head=user)).distinct()
        ]
        if paths:
            query = Q()
            for path in paths:
                query |= Q(path__startswith=path)
            ids = set(OrganisationalUnit.objects.filter(query).values_list("pk", flat=True))
    user._unit_scope_ids = ids
    return ids


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
    from .models import Report
    from .reporting import get_type

    return get_type(Report.Kind.ORGANISATION_STRUCTURE).can_request(user, {})


def get_report_for_user(user, pk):
    from .reporting import can_read
    from .selectors import reports_visible_to

    try:
        report = reports_visible_to(user).get(pk=pk)
    except Exception as exc:  # DoesNotExist, or a malformed UUID (ValidationError)
        raise Http404 from exc
    if not can_read(user, report):
        raise Http404
    return report
