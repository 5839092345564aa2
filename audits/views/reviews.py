"""The yearly management review: inputs assembled by the portal, the quality officer's texts, the
meeting (attendees, decisions, actions), the annual report on the functioning of the QMS."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms.permissions import require_university_staff
from qms.submissions import already_sent, create_once, sent_before
from qms.views import report_error

from .. import selectors, services
from ..forms import ActionForm, HoldForm, ReviewCreateForm, ReviewTextsForm, add_service_errors
from ..models import Action, ManagementReview
from ..permissions import can_manage_review, get_review_for_user, reads_all
from ..reports import input_labels
from . import download


def review_list(request):
    require_university_staff(request.user)
    manager = can_manage_review(request.user)
    form = ReviewCreateForm(request.POST or None, initial={"year": timezone.localdate().year}) if manager else None
    if request.method == "POST":
        if not manager:
            raise PermissionDenied
        if form.is_valid():
            try:
                review = services.review_create(year=form.cleaned_data["year"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The review is created. Collect its inputs."))
                return redirect(review)
    return render(
        request,
        "audits/review_list.html",
        {"reviews": selectors.reviews_list(request.user), "form": form, "can_manage": manager},
    )


def review_detail(request, pk):
    review = get_review_for_user(request.user, pk)
    manager = can_manage_review(request.user)
    context = {
        "review": review,
        "inputs": review.inputs,
        "labels": input_labels(),
        "attendees": selectors.review_attendees(review),
        "actions": selectors.review_actions(review),
        "can_manage": manager,
        "texts_form": ReviewTextsForm(
            initial={
                "stakeholder_feedback": review.stakeholder_feedback,
                "changes": review.changes,
                "resources": review.resources,
            }
        ),
        "action_form": ActionForm(kinds=[Action.Kind.IMPROVEMENT, Action.Kind.CORRECTIVE, Action.Kind.PREVENTIVE]),
        "can_read_report": reads_all(request.user) or review.attendees.filter(pk=request.user.pk).exists(),
        "today": timezone.localdate(),
    }
    return render(request, "audits/review_detail.html", context)


def _managed(request, pk):
    review = get_review_for_user(request.user, pk)
    if not can_manage_review(request.user):
        raise PermissionDenied
    return review


@require_POST
def review_collect(request, pk):
    review = _managed(request, pk)
    try:
        services.review_collect_inputs(review=review)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("The inputs were collected from the portal's records as they stand today."))
    return redirect(review)


@require_POST
def review_texts(request, pk):
    review = _managed(request, pk)
    form = ReviewTextsForm(request.POST)
    if form.is_valid():
        try:
            services.review_save_texts(review=review, **form.cleaned_data)
        except ValidationError as error:
            report_error(request, error)
        else:
            messages.success(request, _("Saved."))
    return redirect(review)


def review_hold(request, pk):
    review = _managed(request, pk)
    form = HoldForm(
        request.POST or None,
        initial={"meeting_date": review.meeting_date or timezone.localdate(), "decisions": review.decisions},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.review_hold(review=review, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting is recorded. Add the actions it decided."))
            return redirect(review)
    return render(request, "audits/review_hold.html", {"review": review, "form": form})


def review_action_add(request, pk):
    review = _managed(request, pk)
    if sent_before(request, model=Action) is not None:
        return already_sent(request, review)
    form = ActionForm(
        request.POST or None, kinds=[Action.Kind.IMPROVEMENT, Action.Kind.CORRECTIVE, Action.Kind.PREVENTIVE]
    )
    if request.method == "POST" and form.is_valid():
        try:
            _action, created = create_once(
                request, lambda: services.action_add(review=review, **form.cleaned_data), model=Action
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not created:
                return already_sent(request, review)
            messages.success(request, _("The action is recorded; its owner has been told."))
            return redirect(review)
    return render(request, "audits/action_form.html", {"review": review, "form": form})


@require_POST
def review_close(request, pk):
    review = _managed(request, pk)
    try:
        services.review_close(review=review, by=request.user, language=get_language())
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("The review is closed; the annual report is being built."))
    return redirect(review)


def review_report_pdf(request, pk):
    review = get_review_for_user(request.user, pk)
    if review.report_state != ManagementReview.ReportState.DONE or not review.report_file:
        raise Http404
    return download(review.report_file)


@require_POST
def review_report_rebuild(request, pk):
    review = _managed(request, pk)
    if review.state != ManagementReview.State.CLOSED:
        raise PermissionDenied
    services.report_queue(record=review, by=request.user, language=get_language())
    messages.success(request, _("The report is being built again."))
    return redirect(review)
