"""Ranking rounds, for the admissions committee: plan a round, start its ranking (a worker runs
the engine), follow its progress, read the lists per quota, publish them, and download the
engine's INPUT.json, which `manage.py rank_applicants` ranks to the same result. The lists as PDF
and XLSX are reports a worker builds (`admissions.reports`), requested from the round's page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms.views import report_error

from .. import selectors, services
from ..forms.rounds import RoundForm, add_service_errors
from ..models import Campaign, Quota, Round, RoundQuota
from ..permissions import get_round_for_committee, require_committee
from ..reports import WITH_RESULTS
from . import private_file

PAGE_SIZE = 100


def _save(request, form, *, created: bool):
    round = form.save(commit=False)
    try:
        round = services.round_save(round=round)
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    if created:
        messages.success(request, _("%(round)s is planned. Start its ranking on the ranking date.") % {"round": round})
    else:
        messages.success(request, _("%(round)s was saved.") % {"round": round})
    return redirect(round)


def round_create(request, pk):
    require_committee(request.user)
    campaign = get_object_or_404(Campaign, pk=pk)
    following = (campaign.rounds.aggregate(last=Max("number"))["last"] or 0) + 1
    form = RoundForm(request.POST or None, campaign=campaign, initial={"number": following})
    if request.method == "POST" and form.is_valid():
        response = _save(request, form, created=True)
        if response:
            return response
    return render(request, "admissions/rounds/round_form.html", {"form": form, "campaign": campaign})


def round_edit(request, pk):
    round = get_round_for_committee(request.user, pk)
    form = RoundForm(request.POST or None, instance=round, campaign=round.campaign)
    if request.method == "POST" and form.is_valid():
        response = _save(request, form, created=False)
        if response:
            return response
    return render(
        request, "admissions/rounds/round_form.html", {"form": form, "campaign": round.campaign, "round": round}
    )


def _stale(round: Round) -> bool:
    """A queued or running round whose worker was lost: the service lets it be started again."""
    return bool(round.queued_at) and timezone.now() - round.queued_at >= services.ROUND_STALE_AFTER


def round_detail(request, pk):
    round = get_round_for_committee(request.user, pk)
    has_results = round.status in WITH_RESULTS
    earlier_open = (
        Round.objects.filter(campaign_id=round.campaign_id, number__lt=round.number)
        .exclude(status=Round.Status.CLOSED)
        .order_by("number")
        .first()
    )
    context = {
        "round": round,
        "campaign": round.campaign,
        "quota_rows": list(selectors.round_quota_table(round)) if has_results else [],
        "has_results": has_results,
        "can_start": not round.is_public and (not round.in_progress or _stale(round)),
        "can_publish": round.status == Round.Status.RANKED,
        "earlier_open": earlier_open,
    }
    return render(request, "admissions/rounds/round_detail.html", context)


@require_POST
def round_start(request, pk):
    round = get_round_for_committee(request.user, pk)
    try:
        services.round_start(round=round, by=request.user)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("The ranking is queued: this page follows its progress."))
    return redirect(round)


def round_publish(request, pk):
    """A confirmation page (GET); publishing is final (POST)."""
    round = get_round_for_committee(request.user, pk)
    if request.method == "POST":
        try:
            services.round_publish(round=round, by=request.user)
        except ValidationError as error:
            report_error(request, error)
        else:
            messages.success(
                request,
                _("%(round)s is published: the lists are public and the applicants are told their results.")
                % {"round": round},
            )
        return redirect(round)
    if round.status != Round.Status.RANKED:
        messages.error(request, _("Only a ranked round can be published."))
        return redirect(round)
    return render(request, "admissions/rounds/round_publish.html", {"round": round, "campaign": round.campaign})


def round_quota(request, pk, quota):
    round = get_round_for_committee(request.user, pk)
    quota = get_object_or_404(
        Quota.objects.select_related("programme"), pk=quota, programme__campaign_id=round.campaign_id
    )
    figures = RoundQuota.objects.filter(round=round, quota=quota).first()
    page = Paginator(selectors.quota_list(round, quota, with_names=True), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "admissions/rounds/round_quota.html",
        {"round": round, "campaign": round.campaign, "quota": quota, "figures": figures, "page": page},
    )


def _download_name(round: Round, extension: str) -> str:
    year = round.campaign.academic_year.replace("/", "-")
    return f"ranking-{year}-round-{round.number}.{extension}"


def round_input(request, pk):
    """The engine's INPUT.json of the round, to rank it again with `manage.py rank_applicants`."""
    round = get_round_for_committee(request.user, pk)
    return private_file(round.input_file, _download_name(round, "input.json"))
