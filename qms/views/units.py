"""The organisational structure: the tree, one unit, and a unit head's own unit."""

from django.http import Http404
from django.shortcuts import redirect, render

from qms import selectors
from qms.models import OrganisationalUnit
from qms.permissions import can_request_organisation_report, get_unit_for_user, require_university_staff


def unit_list(request):
    require_university_staff(request.user)
    return render(
        request,
        "qms/unit_list.html",
        {"units": selectors.unit_tree(), "can_request_report": can_request_organisation_report(request.user)},
    )


def unit_detail(request, pk):
    unit = get_unit_for_user(request.user, pk)
    return render(
        request,
        "qms/unit_detail.html",
        {
            "unit": unit,
            "ancestors": OrganisationalUnit.objects.get_ancestors(unit),
            "children": OrganisationalUnit.objects.get_children(unit).select_related("head"),
            "memberships": selectors.unit_members(unit),
        },
    )


def my_unit(request):
    """A unit head's shortcut to the unit they head."""
    require_university_staff(request.user)
    unit = request.user.headed_units.order_by("path").first()
    if unit is None:
        raise Http404
    return redirect(unit)
