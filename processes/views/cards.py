"""Process cards: a revision's page, editing a draft (texts, activity table, inputs and outputs
in one form, saved all or nothing), and the workflow steps."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms.i18n import translated
from qms.views import report_error

from .. import selectors, services
from ..forms import ActivityFormSet, CardTextsForm, FlowFormSet, ReasonForm
from ..permissions import can_approve_card, can_edit_card, get_card_for_user, get_draft_for_editor, get_process_for_user
from .register import card_context


@require_POST
def card_start(request, pk):
    process = get_process_for_user(request.user, pk)
    if not can_edit_card(request.user, process):
        raise PermissionDenied
    try:
        card = services.card_start_draft(process=process, by=request.user)
    except ValidationError as error:
        report_error(request, error)
        return redirect(process)
    return redirect("processes:card-edit", pk=card.pk)


def card_detail(request, pk):
    card = get_card_for_user(request.user, pk)
    process = card.process
    context = card_context(card, request.GET.get("lang"))
    context.update(
        {
            "process": process,
            "can_edit": can_edit_card(request.user, process) and card.is_editable,
            "can_submit": can_edit_card(request.user, process) and card.status == card.Status.DRAFT,
            "can_approve": can_approve_card(request.user, process) and card.status == card.Status.SUBMITTED,
            "return_form": ReasonForm(),
            "kpis": selectors.kpis_of(process),
        }
    )
    return render(request, "processes/card_detail.html", context)


def _initial(card, language):
    activities, inputs, outputs = selectors.card_contents(card)
    texts = {
        "language": language,
        "purpose": card.purpose.get(language, ""),
        "evaluation_criteria": card.evaluation_criteria.get(language, ""),
        "monitoring_methods": card.monitoring_methods.get(language, ""),
        "change_summary": card.change_summary,
    }
    activity_rows = [
        {
            "id": a.pk,
            "name": a.name.get(language, ""),
            "executors": a.executors.get(language, ""),
            "units": [u.pk for u in a.units.all()],
            "documents": [d.pk for d in a.documents.all()],
        }
        for a in activities
    ]
    flow_rows = [
        {"id": f.pk, "direction": f.direction, "name": f.name.get(language, ""), "supplier": f.supplier_id}
        for f in inputs + outputs
    ]
    return texts, activity_rows, flow_rows, activities, inputs + outputs


def _rows(formset):
    return [form.cleaned_data for form in formset.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]


def card_edit(request, pk):
    card = get_draft_for_editor(request.user, pk)
    if not card.is_editable:
        messages.error(request, _("Only a draft card can be changed."))
        return redirect(card)
    language = request.POST.get("language") or request.GET.get("lang") or get_language()
    texts, activity_rows, flow_rows, activities, flows = _initial(card, language)
    if request.method == "POST":
        form = CardTextsForm(request.POST)
        activity_formset = ActivityFormSet(request.POST, prefix="activities")
        flow_formset = FlowFormSet(request.POST, prefix="flows")
        if form.is_valid() and activity_formset.is_valid() and flow_formset.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    services.card_save_texts(
                        card=card,
                        language=data["language"],
                        purpose=data["purpose"],
                        evaluation_criteria=data["evaluation_criteria"],
                        monitoring_methods=data["monitoring_methods"],
                        change_summary=data["change_summary"],
                    )
                    services.card_save_activities(card=card, language=data["language"], rows=_rows(activity_formset))
                    services.card_save_flows(card=card, language=data["language"], rows=_rows(flow_formset))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The draft card was saved."))
                if "save_and_submit" in request.POST:
                    return _submit(request, card)
                return redirect(f"{reverse('processes:card-edit', args=[card.pk])}?lang={data['language']}")
    else:
        form = CardTextsForm(initial=texts)
        activity_formset = ActivityFormSet(initial=activity_rows, prefix="activities")
        flow_formset = FlowFormSet(initial=flow_rows, prefix="flows")
    # Show the other languages' wording next to the fields, so a translator sees the source.
    others = {
        "activities": [translated(a.name) for a in activities],
        "flows": [translated(f.name) for f in flows],
    }
    return render(
        request,
        "processes/card_edit.html",
        {
            "card": card,
            "process": card.process,
            "form": form,
            "activity_formset": activity_formset,
            "flow_formset": flow_formset,
            "language": language,
            "others": others,
        },
    )


def _submit(request, card):
    try:
        services.card_submit(card=card, by=request.user)
    except ValidationError as error:
        report_error(request, error)
        return redirect("processes:card-edit", pk=card.pk)
    messages.success(request, _("The card is sent to the process leader for approval."))
    return redirect(card)


@require_POST
def card_submit(request, pk):
    card = get_draft_for_editor(request.user, pk)
    return _submit(request, card)


@require_POST
def card_approve(request, pk):
    card = get_card_for_user(request.user, pk)
    if not can_approve_card(request.user, card.process):
        raise PermissionDenied
    try:
        services.card_approve(card=card, by=request.user)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("The card is approved and is now the current card of the process."))
    return redirect(card)


@require_POST
def card_return(request, pk):
    card = get_card_for_user(request.user, pk)
    if not can_approve_card(request.user, card.process):
        raise PermissionDenied
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the card goes back to draft."))
        return redirect(card)
    try:
        services.card_return(card=card, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("The card is back in draft; the owner is told why."))
    return redirect(card)
