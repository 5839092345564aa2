"""Nonconformities from any source and their actions: the register, reporting one, the cause
analysis, the action plan, the actions' owners reporting them done, the effectiveness check."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms.changelog import Source, change_log
from qms.models import OrganisationalUnit, StandardClause
from qms.permissions import require_university_staff
from qms.submissions import already_sent, create_once, sent_before
from qms.views import report_error

from .. import selectors, services
from ..forms import ActionForm, AnalysisForm, CompleteForm, EffectivenessForm, NonconformityForm, add_service_errors
from ..models import Action, Nonconformity
from ..permissions import (
    can_check_effectiveness,
    can_plan,
    can_register_nonconformity,
    get_action_for_user,
    get_nonconformity_for_user,
    reads_all,
)
from . import download

NC_ACTION_KINDS = (Action.Kind.CORRECTION, Action.Kind.CORRECTIVE, Action.Kind.PREVENTIVE)


def nc_list(request):
    require_university_staff(request.user)
    params = request.GET
    unit_id = params.get("unit", "")
    unit = OrganisationalUnit.objects.filter(pk=unit_id).first() if unit_id.isdigit() else None
    filters = {
        "query": params.get("q", "").strip(),
        "state": params.get("state", ""),
        "unit": unit,
        "source": params.get("source", ""),
        "clause": _clause(params.get("clause", "")),
        "overdue": params.get("overdue") == "1",
        "repeats": params.get("repeats") == "1",
        "age": params.get("age", ""),
        "year": _year(params.get("year", "")),
    }
    page = Paginator(selectors.nonconformity_register(request.user, **filters), 50).get_page(params.get("page"))
    return render(
        request,
        "audits/nc_list.html",
        {
            "page": page,
            "filters": filters,
            "states": Nonconformity.State.choices,
            "sources": Nonconformity.Source.choices,
            "ages": [(key, label) for key, label, _low, _high in selectors.NC_AGE_BUCKETS],
            "units": OrganisationalUnit.objects.order_by("path") if reads_all(request.user) else None,
            "can_register": can_register_nonconformity(request.user),
            "today": timezone.localdate(),
            "querystring": params.copy().urlencode() if "page" not in params else _without_page(params),
        },
    )


def _year(value):
    """The year of detection to filter on, or None (empty or not a year)."""
    return int(value) if value.isdigit() and 1900 <= int(value) <= 2999 else None


def _clause(value):
    return StandardClause.objects.filter(pk=value).first() if value.isdigit() else None


def _without_page(params):
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()


def nc_create(request):
    require_university_staff(request.user)
    if not can_register_nonconformity(request.user):
        raise PermissionDenied
    if (earlier := sent_before(request, model=Nonconformity)) is not None:
        return already_sent(request, earlier)
    form = NonconformityForm(request.POST or None, initial={"detected_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            nc, created = create_once(
                request,
                lambda: services.nonconformity_register(reported_by=request.user, **form.cleaned_data),
                model=Nonconformity,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not created:
                return already_sent(request, nc)
            if nc.repeat_of_id:
                messages.warning(
                    request,
                    _("%(number)s is registered. It repeats %(earlier)s on the same requirement and unit.")
                    % {"number": nc.number, "earlier": nc.repeat_of.number},
                )
            else:
                messages.success(request, _("%(number)s is registered.") % {"number": nc.number})
            return redirect(nc)
    return render(request, "audits/nc_form.html", {"form": form})


def nc_detail(request, pk):
    nc = get_nonconformity_for_user(request.user, pk)
    user = request.user
    actions = list(selectors.nonconformity_actions(nc))
    planner = can_plan(user, nc)
    finding = getattr(nc, "finding", None)
    context = {
        "nc": nc,
        "actions": actions,
        "finding": finding,
        "repeats": nc.repeats.order_by("detected_on"),
        "can_plan": planner,
        "can_check": can_check_effectiveness(user, nc) and not any(a.responsible_id == user.pk for a in actions),
        "today": timezone.localdate(),
        "action_form": ActionForm(kinds=NC_ACTION_KINDS) if planner else None,
        "effectiveness_form": EffectivenessForm(),
        "can_see_history": True,
    }
    return render(request, "audits/nc_detail.html", context)


def nc_history(request, pk):
    nc = get_nonconformity_for_user(request.user, pk)
    entries = change_log(
        Source(Nonconformity.history.filter(id=nc.pk), label=lambda r: _("Nonconformity"),
               exclude=("created_at", "number")),
        Source(Action.history.filter(nonconformity_id=nc.pk), label=lambda r: _("Action"),
               exclude=("nonconformity", "review", "created_at")),
    )  # fmt: skip
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "audits/nc_history.html", {"nc": nc, "page": page})


def _planner_nc(request, pk):
    nc = get_nonconformity_for_user(request.user, pk)
    if not can_plan(request.user, nc):
        raise PermissionDenied
    return nc


@require_POST
def nc_start_analysis(request, pk):
    nc = _planner_nc(request, pk)
    try:
        services.nonconformity_start_analysis(nc=nc, by=request.user)
    except ValidationError as error:
        report_error(request, error)
        return redirect(nc)
    return redirect("audits:nc-analysis", pk=nc.pk)


def nc_analysis(request, pk):
    nc = _planner_nc(request, pk)
    if nc.state not in (Nonconformity.State.ANALYSIS, Nonconformity.State.ACTION_PLAN):
        messages.error(request, _("The cause analysis is recorded during the analysis or the action plan."))
        return redirect(nc)
    form = AnalysisForm(request.POST or None, initial=AnalysisForm.initial_for(nc))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.nonconformity_record_analysis(
                nc=nc,
                whys=[data[name] for name in AnalysisForm.WHY_FIELDS],
                cause_category=data["cause_category"],
                root_cause=data["root_cause"],
                correction=data["correction"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The cause analysis is recorded. Plan the actions."))
            return redirect(nc)
    return render(request, "audits/nc_analysis.html", {"nc": nc, "form": form})


def nc_action_add(request, pk):
    nc = _planner_nc(request, pk)
    if sent_before(request, model=Action) is not None:
        return already_sent(request, nc)
    form = ActionForm(request.POST or None, kinds=NC_ACTION_KINDS)
    if request.method == "POST" and form.is_valid():
        try:
            _action, created = create_once(
                request, lambda: services.action_add(nc=nc, **form.cleaned_data), model=Action
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not created:
                return already_sent(request, nc)
            messages.success(request, _("The action is planned; its owner has been told."))
            return redirect(nc)
    return render(request, "audits/action_form.html", {"nc": nc, "form": form})


@require_POST
def nc_implement(request, pk):
    nc = _planner_nc(request, pk)
    try:
        services.nonconformity_start_implementation(nc=nc, by=request.user)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("The action plan is being carried out."))
    return redirect(nc)


@require_POST
def nc_effectiveness(request, pk):
    nc = get_nonconformity_for_user(request.user, pk)
    if not can_check_effectiveness(request.user, nc):
        raise PermissionDenied
    form = EffectivenessForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(nc)
    try:
        nc = services.nonconformity_check_effectiveness(
            nc=nc, by=request.user, effective=form.cleaned_data["effective"], comment=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        report_error(request, error)
    else:
        if nc.state == Nonconformity.State.CLOSED:
            messages.success(request, _("The actions worked: the nonconformity is closed."))
        else:
            messages.warning(request, _("The actions did not work: the action plan is open again."))
    return redirect(nc)


# --- actions ------------------------------------------------------------------------------------


def action_list(request):
    require_university_staff(request.user)
    page = Paginator(selectors.actions_of(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "audits/action_list.html", {"page": page, "today": timezone.localdate()})


def action_detail(request, pk):
    action = get_action_for_user(request.user, pk)
    mine = action.responsible_id == request.user.pk and action.state == Action.State.OPEN
    form = CompleteForm(request.POST or None, request.FILES or None) if mine else None
    if request.method == "POST":
        if not mine:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.action_complete(
                    action=action,
                    by=request.user,
                    evidence=form.cleaned_data["evidence"],
                    evidence_file=form.cleaned_data["evidence_file"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The action is reported done. Thank you."))
                return redirect(action.nonconformity or action.review)
    return render(
        request,
        "audits/action_detail.html",
        {"action": action, "form": form, "today": timezone.localdate()},
        status=400 if form is not None and form.errors else 200,
    )


def action_evidence(request, pk):
    action = get_action_for_user(request.user, pk)
    return download(action.evidence_file)
