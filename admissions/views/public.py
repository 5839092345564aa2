"""The published ranking lists (Art. 15(2)), readable without signing in: per quota the places,
the number admitted and the last admitted score, and the admitted in order of merit by
application number and score. Never a name or any other personal data. Each page reads a fixed
number of rows whatever the size of the lists; only published (or closed) rounds exist here."""

from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from .. import selectors
from ..models import Campaign, Quota, Round, RoundQuota
from ..permissions import get_public_round

PAGE_SIZE = 100
PUBLIC_STATES = (Round.Status.PUBLISHED, Round.Status.CLOSED)


def _public(request, response):
    """Shared caches may keep a page a minute for visitors who are not signed in (a signed-in
    person's page carries their name in the menu)."""
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, max_age=0)
    else:
        patch_cache_control(response, public=True, max_age=60)
    return response


@login_not_required
def round_index(request):
    campaign = Campaign.objects.filter(rounds__status__in=PUBLIC_STATES).distinct().order_by("-opens_on", "-pk").first()
    rounds = (
        list(Round.objects.filter(campaign=campaign, status__in=PUBLIC_STATES).order_by("number")) if campaign else []
    )
    return _public(
        request, render(request, "admissions/public/round_index.html", {"campaign": campaign, "rounds": rounds})
    )


@login_not_required
def round_detail(request, pk):
    round = get_public_round(pk)
    rows = list(selectors.round_quota_table(round))
    return _public(
        request,
        render(
            request,
            "admissions/public/round_detail.html",
            {"round": round, "campaign": round.campaign, "quota_rows": rows},
        ),
    )


@login_not_required
def quota_list(request, pk, quota):
    round = get_public_round(pk)
    quota = get_object_or_404(
        Quota.objects.select_related("programme"), pk=quota, programme__campaign_id=round.campaign_id
    )
    figures = RoundQuota.objects.filter(round=round, quota=quota).first()
    page = Paginator(selectors.quota_list(round, quota), PAGE_SIZE).get_page(request.GET.get("page"))
    return _public(
        request,
        render(
            request,
            "admissions/public/quota_list.html",
            {"round": round, "campaign": round.campaign, "quota": quota, "figures": figures, "page": page},
        ),
    )
