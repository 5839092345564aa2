"""The organisational structure: the tree, one unit, and a unit head's own unit."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from processes.selectors import processes_of_unit
from qms import selectors, services
from qms.forms import MemberAddForm
from qms.models import OrganisationalUnit
from qms.permissions import (
    can_manage_members,
    can_request_organisation_report,
    get_unit_for_member_manager,
    get_unit_for_user,
    require_university_staff,
)


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
            "can_manage_members": can_manage_members(request.user, unit),
            "processes": processes_of_unit(unit),
        },
    )


def my_unit(request):
    """A unit head's shortcut to the unit they head."""
    require_university_staff(request.user)
    unit = request.user.headed_units.order_by("path").first()
    if unit is None:
        raise Http404
    return redirect(unit)


def unit_members(request, pk):
    """The members of a unit, for the person who may keep them: add someone with a position."""
    unit = get_unit_for_member_manager(request.user, pk)
    form = MemberAddForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        membership = services.unit_add_member(
            unit=unit, user=form.cleaned_data["person"], position=form.cleaned_data["position"]
        )
        messages.success(request, _("%(person)s was added to the unit.") % {"person": membership.user})
        return redirect("units:members", pk=unit.pk)
    return render(
        request,
        "qms/unit_members.html",
        {"unit": unit, "form": form, "memberships": selectors.unit_members(unit)},
    )


@require_POST
def unit_member_remove(request, pk, membership_pk):
    unit = get_unit_for_member_manager(request.user, pk)
    membership = get_object_or_404(unit.memberships.select_related("user"), pk=membership_pk)
    services.unit_remove_member(membership=membership)
    messages.success(request, _("%(person)s was removed from the unit.") % {"person": membership.user})
    return redirect("units:members", pk=unit.pk)
