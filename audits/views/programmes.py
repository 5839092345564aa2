"""The yearly audit programme: list, create, approve (the rector), revise, coverage."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms.permissions import require_university_staff
from qms.submissions import already_sent, create_once, sent_before
from qms.views import report_error

from .. import selectors, services
from ..forms import ProgrammeForm
from ..models import AuditProgramme
from ..permissions import (
    can_approve_programme,
    can_manage_programme,
    can_plan_audits,
    can_read_programme,
    get_programme_for_user,
)


def programme_list(request):
    require_university_staff(request.user)
    if not can_read_programme(request.user):
        raise PermissionDenied
    return render(
        request,
        "audits/programme_list.html",
        {
            "programmes": AuditProgramme.objects.select_related("approved_by").order_by("-year"),
            "can_create": can_manage_programme(request.user),
        },
    )


def programme_create(request):
    require_university_staff(request.user)
    if not can_manage_programme(request.user):
        raise PermissionDenied
    if (earlier := sent_before(request, model=AuditProgramme)) is not None:
        return already_sent(request, earlier)
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        programme, created = create_once(
            request,
            lambda: services.programme_create(year=form.cleaned_data["year"], notes=form.cleaned_data["notes"]),
            model=AuditProgramme,
        )
        if not created:
            return already_sent(request, programme)
        messages.success(request, _("The programme was created. Plan its audits."))
        return redirect(programme)
    return render(request, "audits/programme_form.html", {"form": form})


def programme_detail(request, pk):
    programme = get_programme_for_user(request.user, pk)
    return render(
        request,
        "audits/programme_detail.html",
        {
            "programme": programme,
            "audits": selectors.programme_audits(programme),
            "can_approve": can_approve_programme(request.user, programme),
            "can_revise": can_manage_programme(request.user) and programme.status == AuditProgramme.Status.APPROVED,
            "can_plan": can_plan_audits(request.user),
        },
    )


@require_POST
def programme_approve(request, pk):
    programme = get_programme_for_user(request.user, pk)
    if not can_approve_programme(request.user, programme):
        raise PermissionDenied
    try:
        services.programme_approve(programme=programme, by=request.user)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("The audit programme is approved."))
    return redirect(programme)


@require_POST
def programme_revise(request, pk):
    programme = get_programme_for_user(request.user, pk)
    if not can_manage_programme(request.user):
        raise PermissionDenied
    try:
        services.programme_revise(programme=programme, by=request.user)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("The programme is a draft again; the rector approves it once changed."))
    return redirect(programme)


def programme_coverage(request, pk):
    programme = get_programme_for_user(request.user, pk)
    return render(
        request,
        "audits/programme_coverage.html",
        {"programme": programme, "coverage": selectors.programme_coverage(programme)},
    )
