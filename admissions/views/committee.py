"""The admissions committee's side of the master's admission (seed 004): the campaign with its
programmes and quotas, the verification queue, the review of one application (documents,
return for correction, verification, rejection under an article), enrolment and the figures.

Every view checks the committee role through admissions.permissions; an applicant who follows a
committee link to an application gets 404, another member of staff 403. The rules (what may
change when) live in admissions.services; a refusal is shown next to the form it concerns."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from qms.changelog import Source, change_log
from qms.views import report_error

from .. import classifier, selectors, services
from ..forms.committee import (
    CampaignForm,
    DocumentReviewForm,
    ProgrammeForm,
    QuotaForm,
    RejectForm,
    ReturnForm,
    add_service_errors,
)
from ..models import Applicant, Application, Campaign, Document, Preference, Programme, Quota, RoundResult
from ..permissions import can_see_statistics, get_application_for_committee, is_committee, require_committee

Status = Application.Status
QUEUE_PAGE = 50
ENROLMENT_PAGE = 100
ENROLMENT_STATUSES = (Status.ADMITTED, Status.CONFIRMED, Status.ENROLLED)

#: What happened to a preference in a round (admissions.ranking.model.PreferenceOutcome.status).
OUTCOMES = {
    "admitted": gettext_lazy("Admitted"),
    "ineligible": gettext_lazy("Not eligible"),
    "not_admitted": gettext_lazy("Not admitted: the places went to higher scores"),
    "not_needed": gettext_lazy("Not considered: admitted to a preference above it"),
    "below_held": gettext_lazy("Dropped: below the seat held from an earlier round"),
}
#: Why a preference was not eligible (admissions.ranking.model.INELIGIBILITY_REASONS).
INELIGIBILITY = {
    "professional_field": gettext_lazy("a professional bachelor outside their professional field (Art. 3(2))"),
    "state_funded_before": gettext_lazy("studied a state-funded master's before: paid places only (Art. 1(2))"),
    "min_diploma_grade": gettext_lazy("the diploma grade is below this quota's minimum (Art. 8, item 4)"),
}


# --- helpers ------------------------------------------------------------------------------------


def _campaign(request, pk) -> Campaign:
    require_committee(request.user)
    return get_object_or_404(Campaign, pk=pk)


def _locked_message() -> str:
    return _("A round of this campaign has been ranked: programmes and quotas can no longer change.")


def _refuse_if_locked(request, campaign):
    """A redirect to the campaign with the reason when its programmes and quotas are fixed."""
    if services.campaign_locked(campaign):
        messages.error(request, _locked_message())
        return redirect(campaign)
    return None


def _status_rows(counts: dict) -> list[dict]:
    return [{"value": value, "label": label, "count": counts.get(value, 0)} for value, label in Status.choices]


def _without_page(params) -> str:
    params = params.copy()
    params.pop("page", None)
    return params.urlencode()


def _next_url(request, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        return target
    return default


# --- the committee's home -------------------------------------------------------------------------


def committee_index(request):
    require_committee(request.user)
    campaigns = list(Campaign.objects.order_by("-academic_year"))
    chosen = request.GET.get("campaign", "")
    campaign = next((c for c in campaigns if str(c.pk) == chosen), None) or services.current_campaign()
    context = {"campaigns": campaigns, "campaign": campaign}
    if campaign is not None:
        counts = selectors.status_counts(campaign)
        context.update(
            statuses=_status_rows(counts),
            total=sum(counts.values()),
            rounds=list(campaign.rounds.order_by("number")),
            locked=services.campaign_locked(campaign),
        )
    return render(request, "admissions/committee/index.html", context)


# --- campaign, programmes, quotas -----------------------------------------------------------------


def campaign_create(request):
    require_committee(request.user)
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_save(campaign=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The campaign is created. Add its programmes and places."))
            return redirect(campaign)
    return render(request, "admissions/committee/campaign_form.html", {"form": form, "campaign": None})


def campaign_edit(request, pk):
    campaign = _campaign(request, pk)
    locked = services.campaign_locked(campaign)
    form = CampaignForm(request.POST or None, instance=campaign, locked=locked)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_save(campaign=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect(campaign)
    return render(
        request, "admissions/committee/campaign_form.html", {"form": form, "campaign": campaign, "locked": locked}
    )


def campaign_detail(request, pk):
    campaign = _campaign(request, pk)
    programmes = list(
        Programme.objects.filter(campaign=campaign)
        .select_related("faculty")
        .prefetch_related(Prefetch("quotas", queryset=Quota.objects.order_by("form", "-funding")))
        .order_by("code")
    )
    for programme in programmes:
        programme.area_label = classifier.area_name(programme.area)
        programme.field_label = classifier.field_name(programme.professional_field)
    locked = services.campaign_locked(campaign)
    return render(
        request,
        "admissions/committee/campaign_detail.html",
        {
            "campaign": campaign,
            "programmes": programmes,
            "rounds": list(campaign.rounds.order_by("number")),
            "locked": locked,
            "locked_message": _locked_message() if locked else "",
            "related_areas": [(code, classifier.area_name(code)) for code in campaign.related_area_codes()],
            "economics_field": classifier.field_name(campaign.economics_field),
        },
    )


def _programme_form(request, campaign, programme):
    form = ProgrammeForm(request.POST or None, instance=programme)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_save(programme=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Programme %(code)s is saved.") % {"code": programme.code})
            return redirect(campaign)
    return render(
        request,
        "admissions/committee/programme_form.html",
        {"form": form, "campaign": campaign, "programme": programme if programme.pk else None},
    )


def programme_create(request, pk):
    campaign = _campaign(request, pk)
    if request.method != "POST" and (refused := _refuse_if_locked(request, campaign)):
        return refused
    return _programme_form(request, campaign, Programme(campaign=campaign))


def programme_edit(request, pk):
    require_committee(request.user)
    programme = get_object_or_404(Programme.objects.select_related("campaign"), pk=pk)
    if request.method != "POST" and (refused := _refuse_if_locked(request, programme.campaign)):
        return refused
    return _programme_form(request, programme.campaign, programme)


def programme_delete(request, pk):
    require_committee(request.user)
    programme = get_object_or_404(Programme.objects.select_related("campaign"), pk=pk)
    campaign = programme.campaign
    if request.method == "POST":
        try:
            services.programme_delete(programme=programme)
        except ValidationError as error:
            report_error(request, error)
        else:
            messages.success(request, _("Programme %(code)s is removed.") % {"code": programme.code})
        return redirect(campaign)
    if refused := _refuse_if_locked(request, campaign):
        return refused
    return render(
        request,
        "admissions/committee/confirm_delete.html",
        {
            "campaign": campaign,
            "object": programme,
            "question": _("Remove programme %(programme)s and its quotas from %(campaign)s?")
            % {"programme": programme, "campaign": campaign},
        },
    )


def _quota_form(request, programme, quota):
    campaign = programme.campaign
    form = QuotaForm(request.POST or None, instance=quota)
    if request.method == "POST" and form.is_valid():
        try:
            services.quota_save(quota=form.save(commit=False))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The places of %(quota)s are saved.") % {"quota": quota})
            return redirect(campaign)
    return render(
        request,
        "admissions/committee/quota_form.html",
        {"form": form, "campaign": campaign, "programme": programme, "quota": quota if quota.pk else None},
    )


def quota_create(request, pk):
    require_committee(request.user)
    programme = get_object_or_404(Programme.objects.select_related("campaign"), pk=pk)
    if request.method != "POST" and (refused := _refuse_if_locked(request, programme.campaign)):
        return refused
    return _quota_form(request, programme, Quota(programme=programme))


def quota_edit(request, pk):
    require_committee(request.user)
    quota = get_object_or_404(Quota.objects.select_related("programme__campaign"), pk=pk)
    if request.method != "POST" and (refused := _refuse_if_locked(request, quota.programme.campaign)):
        return refused
    return _quota_form(request, quota.programme, quota)


def quota_delete(request, pk):
    require_committee(request.user)
    quota = get_object_or_404(Quota.objects.select_related("programme__campaign"), pk=pk)
    campaign = quota.programme.campaign
    if request.method == "POST":
        try:
            services.quota_delete(quota=quota)
        except ValidationError as error:
            report_error(request, error)
        else:
            messages.success(request, _("Quota %(quota)s is removed.") % {"quota": quota})
        return redirect(campaign)
    if refused := _refuse_if_locked(request, campaign):
        return refused
    return render(
        request,
        "admissions/committee/confirm_delete.html",
        {
            "campaign": campaign,
            "object": quota,
            "question": _("Remove the quota %(quota)s?") % {"quota": quota},
        },
    )


# --- verification ---------------------------------------------------------------------------------


def queue(request, pk):
    campaign = _campaign(request, pk)
    params = request.GET
    status = params.get("status", Status.SUBMITTED)
    if status != "all" and status not in Status.values:
        status = Status.SUBMITTED
    query = params.get("q", "").strip()
    applications = selectors.verification_queue(campaign, status="" if status == "all" else status, query=query)
    page = Paginator(applications, QUEUE_PAGE).get_page(params.get("page"))
    page.object_list = selectors.with_document_counts(page.object_list)
    return render(
        request,
        "admissions/committee/queue.html",
        {
            "campaign": campaign,
            "page": page,
            "status": status,
            "query": query,
            "statuses": Status.choices,
            "querystring": _without_page(params),
        },
    )


def _result_rows(application: Application) -> list[dict]:
    """Every round's result of the application with its explanation, quotas resolved at once."""
    results = list(
        RoundResult.objects.filter(application=application)
        .select_related("round", "quota__programme")
        .order_by("round__number")
    )
    if not results:
        return []
    quotas = {q.key: q for q in Quota.objects.filter(programme__campaign_id=application.campaign_id).select_related(
        "programme"
    )}  # fmt: skip
    rows = []
    for result in results:
        explanation = [
            {
                **row,
                "quota": quotas.get((row.get("programme"), row.get("form"), row.get("funding"))),
                "outcome": OUTCOMES.get(row.get("status"), row.get("status")),
                "reason_label": INELIGIBILITY.get(row.get("reason", ""), row.get("reason", "")),
            }
            for row in result.explanation
        ]
        rows.append({"result": result, "explanation": explanation})
    return rows


def _review_page(request, application, *, status=200, document_form=None, document=None, **forms):
    """The review page; a form that failed keeps what was typed and its errors."""
    application = Application.objects.select_related(
        "applicant__user", "campaign", "admitted_quota__programme", "admitted_round", "verified_by", "enrolled_by"
    ).get(pk=application.pk)
    applicant = application.applicant
    overview = selectors.application_overview(application)
    required = set()
    documents = []
    for row in overview["requirements"]:
        current = row["document"]
        required.add(row["requirement"].kind)
        if current is not None and document is not None and current.pk == document.pk:
            form = document_form
        else:
            form = DocumentReviewForm(auto_id=f"id_document_{current.pk}_%s" if current else False)
        documents.append({**row, "form": form})
    others = [
        d
        for kind, d in overview["documents"].items()
        if kind not in required and kind != Document.Kind.ENROLMENT_RECEIPT
    ]
    state = application.status
    context = {
        "application": application,
        "applicant": applicant,
        "campaign": application.campaign,
        "overview": overview,
        "documents": documents,
        "other_documents": others,
        "receipt": overview["enrolment_receipt"],
        "area_label": classifier.area_name(applicant.area) if applicant.area else "",
        "field_label": classifier.field_name(applicant.professional_field) if applicant.professional_field else "",
        "results": _result_rows(application),
        # Documents are checked while the application is under verification (the receipt of an
        # enrolment is accepted by "Mark enrolled"); a refused check stays on screen with its reason.
        "can_review_documents": state == Status.SUBMITTED,
        "show_document_checks": state == Status.SUBMITTED or document_form is not None,
        # A refused decision is shown with its reason and the typed text even if the state moved on.
        "can_return": state == Status.SUBMITTED or "return_form" in forms,
        "can_verify": state == Status.SUBMITTED,
        "can_reject": state in (Status.SUBMITTED, Status.ELIGIBLE) or "reject_form" in forms,
        "can_enrol": state == Status.CONFIRMED,
        "not_accepted": [
            row["requirement"]
            for row in overview["requirements"]
            if row["document"] is None or row["document"].status != Document.Status.ACCEPTED
        ],
        "return_form": forms.get("return_form") or ReturnForm(),
        "reject_form": forms.get("reject_form") or RejectForm(),
    }
    return render(request, "admissions/committee/review.html", context, status=status)


def review(request, uuid):
    application = get_application_for_committee(request.user, uuid)
    return _review_page(request, application)


@require_POST
def document_review(request, uuid, document):
    application = get_application_for_committee(request.user, uuid)
    item = get_object_or_404(Document, uuid=document, application=application)
    form = DocumentReviewForm(request.POST, auto_id=f"id_document_{item.pk}_%s")
    if form.is_valid():
        try:
            services.document_review(
                document=item, accepted=form.accepted, note=form.cleaned_data["note"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if form.accepted:
                messages.success(request, _("%(document)s is accepted.") % {"document": item.get_kind_display()})
            else:
                messages.warning(
                    request,
                    _("%(document)s is rejected; the applicant will see the reason.")
                    % {"document": item.get_kind_display()},
                )
            return redirect(application.get_review_url() + "#documents")
    return _review_page(request, application, status=400, document_form=form, document=item)


@require_POST
def application_return(request, uuid):
    application = get_application_for_committee(request.user, uuid)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            services.application_return(application=application, note=form.cleaned_data["note"], by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(number)s is returned for correction; the applicant has been told.")
                % {"number": application.number},
            )
            return redirect(application.get_review_url())
    return _review_page(request, application, status=400, return_form=form)


@require_POST
def application_verify(request, uuid):
    application = get_application_for_committee(request.user, uuid)
    try:
        services.application_verify(application=application, by=request.user)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(
            request, _("%(number)s is verified: it takes part in the ranking.") % {"number": application.number}
        )
    return redirect(application.get_review_url())


@require_POST
def application_reject(request, uuid):
    application = get_application_for_committee(request.user, uuid)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.application_reject(
                application=application,
                article=form.cleaned_data["article"],
                note=form.cleaned_data["note"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("%(number)s is rejected; the applicant has been told.") % {"number": application.number}
            )
            return redirect(application.get_review_url())
    return _review_page(request, application, status=400, reject_form=form)


@require_POST
def application_enrol(request, uuid):
    application = get_application_for_committee(request.user, uuid)
    target = _next_url(request, application.get_review_url())
    try:
        services.application_enrol(application=application, by=request.user)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("%(number)s is enrolled.") % {"number": application.number})
    return redirect(target)


def application_history(request, uuid):
    application = get_application_for_committee(request.user, uuid)
    preference_label = _("Preference")

    def document_label(record):
        return str(Document.Kind(record.kind).label) if record.kind in Document.Kind.values else record.kind

    entries = change_log(
        Source(Application.history.filter(id=application.pk), label=lambda r: _("Application"),
               exclude=("uuid", "number", "applicant", "campaign", "created_at")),
        Source(Applicant.history.filter(id=application.applicant_id), label=lambda r: _("Applicant"),
               exclude=("user",)),
        Source(Preference.history.filter(application_id=application.pk),
               label=lambda r: f"{preference_label} {r.position}", exclude=("application",)),
        Source(Document.history.filter(application_id=application.pk), label=document_label,
               exclude=("uuid", "application", "file", "content_kind")),
    )  # fmt: skip
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "admissions/committee/history.html", {"application": application, "page": page})


# --- enrolment ------------------------------------------------------------------------------------


def enrolment(request, pk):
    campaign = _campaign(request, pk)
    tab = request.GET.get("status", "all")
    if tab not in ENROLMENT_STATUSES:
        tab = "all"
    statuses = ENROLMENT_STATUSES if tab == "all" else (tab,)
    applications = selectors.enrolment_list(campaign, statuses=statuses).prefetch_related(
        Prefetch(
            "documents",
            queryset=Document.objects.filter(kind=Document.Kind.ENROLMENT_RECEIPT),
            to_attr="receipts",
        )
    )
    page = Paginator(applications, ENROLMENT_PAGE).get_page(request.GET.get("page"))
    counts = selectors.status_counts(campaign)
    tabs = [{"value": "all", "label": _("All"), "count": sum(counts[s] for s in ENROLMENT_STATUSES)}] + [
        {"value": s, "label": Status(s).label, "count": counts[s]} for s in ENROLMENT_STATUSES
    ]
    return render(
        request,
        "admissions/committee/enrolment.html",
        {
            "campaign": campaign,
            "page": page,
            "tab": tab,
            "tabs": tabs,
            "querystring": _without_page(request.GET),
            "here": request.get_full_path(),
        },
    )


# --- figures --------------------------------------------------------------------------------------


def statistics(request, pk):
    user = request.user
    if not can_see_statistics(user):
        raise PermissionDenied if user.is_authenticated and user.is_university_staff else Http404
    chosen = request.GET.get("campaign", "")
    if chosen.isdigit() and int(chosen) != pk and Campaign.objects.filter(pk=chosen).exists():
        return redirect("admissions:statistics", int(chosen))
    campaign = get_object_or_404(Campaign, pk=pk)
    figures = selectors.campaign_statistics(campaign)
    statuses = _status_rows(figures["statuses"])
    return render(
        request,
        "admissions/committee/statistics.html",
        {
            "campaign": campaign,
            "campaigns": list(Campaign.objects.order_by("-academic_year")),
            "figures": figures,
            "statuses": statuses,
            "is_committee": is_committee(user),
        },
    )
