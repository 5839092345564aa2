"""Reads for the `qms` app: querysets already filtered to what the reader may see."""

from django.db.models import Count, Prefetch, Q

from .models import Membership, OrganisationalUnit, Report, User
from .roles import STAFF_ROLES


def staff_people():
    """Active university staff, for choosing owners, reviewers and approvers."""
    return User.objects.filter(is_active=True, groups__name__in=STAFF_ROLES).distinct().order_by("last_name")


def unit_tree():
    """Every unit in tree order, with its head and member count, in one query."""
    return (
        OrganisationalUnit.objects.get_tree()
        .select_related("head")
        .annotate(member_count=Count("memberships", distinct=True))
    )


def unit_tree_with_members():
    """The tree with each unit's memberships (and people) prefetched: two queries in all."""
    return unit_tree().prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("user").order_by("user__last_name"))
    )


def unit_members(unit):
    return unit.memberships.select_related("user").order_by("user__last_name", "user__first_name")


def units_of(user):
    """The units a person belongs to or heads."""
    return OrganisationalUnit.objects.filter(Q(memberships__user=user) | Q(head=user)).distinct().order_by("path")


def reports_visible_to(user):
    """The reports whose content the person may read, whoever asked for them (see
    `qms.reporting`)."""
    from .reporting import visible_filter

    return Report.objects.select_related("requested_by", "unit").filter(visible_filter(user))
