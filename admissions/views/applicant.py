"""An applicant's own application: starting it in the current campaign, the steps (personal data,
education, ordered preferences, documents), submitting it, the generated application form, the
result of the latest published round and the confirmation of enrolment.

Every view finds the application through `permissions.get_own_application` (another person's
id answers 404); the rules are the services'."""

from pathlib import PurePath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms.views import report_error

from .. import permissions, scoring, selectors, services
from ..documents import ALLOWED_KINDS, MAX_SIZE
from ..forms.applicant import (
    EDUCATION_REQUIRED,
    PERSONAL_REQUIRED,
    EducationForm,
    ExemptionForm,
    PersonalForm,
    PreferencesForm,
    UploadForm,
    add_service_errors,
    missing_fields,
)
from ..models import Application, Document, Form, Funding
from . import private_file

Status = Application.Status

STATUS_TONES = {
    Status.DRAFT: "secondary",
    Status.SUBMITTED: "info",
    Status.RETURNED: "warning",
    Status.ELIGIBLE: "primary",
    Status.REJECTED: "danger",
    Status.ADMITTED: "success",
    Status.CONFIRMED: "success",
    Status.ENROLLED: "success",
    Status.LOST_RIGHTS: "dark",
}


def _own(request, uuid) -> Application:
    return permissions.get_own_application(request.user, uuid)


def _page(request, template, application, context, *, tab="", status=200):
    """Render an application page with the header and the tabs of its steps."""
    uuid = application.uuid
    tabs = [
        ("overview", _("Overview"), reverse("admissions:application", args=[uuid])),
        ("personal", _("Personal data"), reverse("admissions:personal", args=[uuid])),
        ("education", _("Education"), reverse("admissions:education", args=[uuid])),
        ("preferences", _("Preferences"), reverse("admissions:preferences", args=[uuid])),
        ("documents", _("Documents"), reverse("admissions:documents", args=[uuid])),
    ]
    base = {
        "application": application,
        "applicant": application.applicant,
        "campaign": application.campaign,
        "status_tone": STATUS_TONES.get(application.status, "secondary"),
        "tabs": [{"key": key, "label": label, "url": url, "active": key == tab} for key, label, url in tabs],
        "tab": tab,
        "today": timezone.localdate(),
    }
    return render(request, template, {**base, **context}, status=status)


# --- starting ---------------------------------------------------------------------------------------


def my_application(request):
    """The current campaign and its period; the applicant's application in it, or the button
    that starts one."""
    applicant = permissions.applicant_of(request.user)
    campaign = services.current_campaign()
    applications = list(applicant.applications.select_related("campaign").order_by("-campaign__opens_on"))
    if campaign is not None:
        for application in applications:
            if application.campaign_id == campaign.pk:
                return redirect(application)
    today = timezone.localdate()
    return render(
        request,
        "admissions/applicant/my_application.html",
        {
            "campaign": campaign,
            "applications": applications,
            "today": today,
            "is_open": campaign is not None and campaign.is_open(today),
            "not_yet_open": campaign is not None and campaign.opens_on > today,
        },
    )


@require_POST
def application_start(request):
    applicant = permissions.applicant_of(request.user)
    campaign = services.current_campaign()
    if campaign is None:
        raise Http404
    try:
        application = services.application_start(applicant=applicant, campaign=campaign)
    except ValidationError as error:
        report_error(request, error)
        return redirect("admissions:my-application")
    messages.success(
        request,
        _("Your application %(number)s is started. Go through the steps, then submit it.")
        % {"number": application.number},
    )
    return redirect(application)


# --- the overview -------------------------------------------------------------------------------------


def _steps(application, overview) -> list[dict]:
    applicant = application.applicant
    uuid = application.uuid
    personal = missing_fields(applicant, PERSONAL_REQUIRED)
    education = missing_fields(applicant, EDUCATION_REQUIRED)
    documents = [
        str(item["requirement"].label)
        for item in overview["requirements"]
        if item["document"] is None or item["document"].status == Document.Status.REJECTED
    ]
    preferences = not overview["preferences"]
    return [
        {
            "number": 1,
            "key": "personal",
            "label": _("Personal data"),
            "url": reverse("admissions:personal", args=[uuid]),
            "done": not personal,
            "missing": personal,
        },
        {
            "number": 2,
            "key": "education",
            "label": _("Education"),
            "url": reverse("admissions:education", args=[uuid]),
            "done": not education,
            "missing": education,
        },
        {
            "number": 3,
            "key": "preferences",
            "label": _("Preferences"),
            "url": reverse("admissions:preferences", args=[uuid]),
            "done": not preferences,
            "missing": [_("at least one programme")] if preferences else [],
        },
        {
            "number": 4,
            "key": "documents",
            "label": _("Documents"),
            "url": reverse("admissions:documents", args=[uuid]),
            "done": not documents,
            "missing": documents,
        },
        {
            "number": 5,
            "key": "submit",
            "label": _("Submit"),
            "url": "",
            "done": application.status not in Application.EDITABLE,
            "missing": [],
        },
    ]


def application_detail(request, uuid):
    application = _own(request, uuid)
    overview = selectors.application_overview(application)
    problems = services.submission_problems(application) if application.editable else []
    rejected = [d for d in overview["documents"].values() if d.status == Document.Status.REJECTED]
    context = {
        "overview": overview,
        "preferences": overview["preferences"],
        "steps": _steps(application, overview),
        "problems": problems,
        "rejected_documents": rejected,
        "result": selectors.latest_result(application),
        "rounds": list(application.campaign.rounds.order_by("number")),
        "period_over": application.status == Status.DRAFT and not application.campaign.is_open(),
    }
    if application.status in (Status.ADMITTED, Status.CONFIRMED, Status.ENROLLED, Status.LOST_RIGHTS):
        context["admitted_quota"] = application.admitted_quota
        context["admitted_round"] = application.admitted_round
    return _page(request, "admissions/applicant/detail.html", application, context, tab="overview")


# --- personal data and education ----------------------------------------------------------------------


def _applicant_step(request, uuid, form_class, template, tab, next_url):
    application = _own(request, uuid)
    applicant = application.applicant
    readonly = not application.editable
    data = request.POST if request.method == "POST" else None
    form = form_class(data, instance=applicant, readonly=readonly)
    if data is not None and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form_class.Meta.fields}
        try:
            services.applicant_update(applicant=applicant, fields=fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(next_url, application.uuid)
    return _page(request, template, application, {"form": form, "readonly": readonly}, tab=tab)


def personal_edit(request, uuid):
    return _applicant_step(
        request, uuid, PersonalForm, "admissions/applicant/personal.html", "personal", "admissions:education"
    )


def education_edit(request, uuid):
    return _applicant_step(
        request, uuid, EducationForm, "admissions/applicant/education.html", "education", "admissions:preferences"
    )


# --- preferences --------------------------------------------------------------------------------------


def _quota_label(quota, score) -> str:
    label = (
        f"{quota.programme.code} {quota.programme.label} · {quota.get_form_display()} · {quota.get_funding_display()}"
    )
    if score is not None:
        label += " · " + _("score %(score)s") % {"score": score}
    return label


def preferences_edit(request, uuid):
    """The ordered list of preferences: reordered by drag and drop or the Move buttons (with
    JavaScript the order changes in the page and is saved with Save; without it each button
    saves), added from the select, removed per row."""
    application = _own(request, uuid)
    applicant = application.applicant
    campaign = application.campaign
    quotas = {quota.pk: quota for quota in selectors.quotas_offered(campaign)}
    saved = list(application.preferences.order_by("position").values_list("quota_id", flat=True))
    readonly = not application.editable
    scores = {}
    for pk, quota in quotas.items():
        coefficient, reason = scoring.coefficient(applicant, quota.programme, campaign)
        scores[pk] = {
            "score": scoring.score(applicant, quota.programme, campaign),
            "coefficient": coefficient,
            "reason": scoring.REASONS[reason],
        }

    chosen = saved
    if request.method == "POST":
        form = PreferencesForm(request.POST, quotas=quotas)
        if form.is_valid():
            order = form.order()
            try:
                services.preferences_set(application=application, quotas=[quotas[pk] for pk in order])
            except ValidationError as error:
                add_service_errors(form, error)
                chosen = order
            else:
                messages.success(request, _("Your preferences are saved."))
                url = reverse("admissions:preferences", args=[application.uuid])
                return redirect(f"{url}#preference-{form.moved}" if form.moved else url)
    else:
        form = PreferencesForm(quotas=quotas)

    addable = [
        quota
        for pk, quota in quotas.items()
        if pk not in chosen and (not applicant.section_vi or quota.funding == Funding.PAID)
    ]
    form.offer(addable, lambda quota: _quota_label(quota, scores[quota.pk]["score"]))
    rows = [{"quota": quotas[pk], **scores[pk]} for pk in chosen if pk in quotas]
    errors = [*form.non_field_errors()]
    for name in ("quota", "move_up", "move_down", "remove", "action"):
        errors.extend(form.errors.get(name, []))
    context = {
        "form": form,
        "rows": rows,
        "errors": errors,
        "readonly": readonly,
        "max_preferences": services.MAX_PREFERENCES,
        "can_add": bool(addable) and len(rows) < services.MAX_PREFERENCES,
        "unsaved": list(chosen) != saved,
    }
    return _page(request, "admissions/applicant/preferences.html", application, context, tab="preferences")


# --- documents ----------------------------------------------------------------------------------------


def _documents_page(request, application, *, exemption_form=None, upload_form=None, upload_kind=""):
    overview = selectors.application_overview(application)
    readonly = not application.editable
    rows = []
    for item in overview["requirements"]:
        kind = item["requirement"].kind
        form = upload_form if kind == upload_kind else UploadForm(kind=kind)
        rows.append({**item, "kind": kind, "form": form})
    required = {row["kind"] for row in rows}
    if upload_form is not None and (upload_kind not in required or readonly):  # no file input to show it at
        for message in upload_form.errors.get("file", []) + list(upload_form.non_field_errors()):
            messages.error(request, message)
    others = [document for kind, document in overview["documents"].items() if kind not in required]
    context = {
        "rows": rows,
        "others": others,
        "readonly": readonly,
        "exemption_form": exemption_form
        or ExemptionForm(initial={"fee_exemption": application.fee_exemption}, readonly=readonly),
        "max_size": MAX_SIZE,
        "allowed_kinds": ", ".join(kind.upper() for kind in ALLOWED_KINDS),
    }
    return _page(request, "admissions/applicant/documents.html", application, context, tab="documents")


def documents(request, uuid):
    """The documents the answers call for, each with its upload; the fee exemption (POST)."""
    application = _own(request, uuid)
    if request.method != "POST":
        return _documents_page(request, application)
    form = ExemptionForm(request.POST, readonly=not application.editable)
    if form.is_valid():
        try:
            services.application_set_exemption(application=application, exemption=form.cleaned_data["fee_exemption"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved. The list of documents follows your answer."))
            return redirect("admissions:documents", application.uuid)
    return _documents_page(request, application, exemption_form=form)


@require_POST
def document_upload(request, uuid, kind):
    application = _own(request, uuid)
    if kind not in Document.Kind.values:
        raise Http404
    form = UploadForm(request.POST, request.FILES, kind=kind)
    if form.is_valid():
        try:
            document = services.document_upload(application=application, kind=kind, uploaded=form.cleaned_data["file"])
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                add_service_errors(form, error)
            else:
                form.add_error("file", error)
        else:
            messages.success(request, _("Uploaded: %(document)s.") % {"document": document.get_kind_display()})
            url = reverse("admissions:documents", args=[application.uuid])
            return redirect(f"{url}#document-{kind}")
    return _documents_page(request, application, upload_form=form, upload_kind=kind)


@require_POST
def document_delete(request, uuid, document):
    application = _own(request, uuid)
    found = application.documents.filter(uuid=document).first()
    if found is None:
        raise Http404
    try:
        services.document_delete(document=found)
    except ValidationError as error:
        report_error(request, error)
    else:
        messages.success(request, _("Deleted: %(document)s.") % {"document": found.get_kind_display()})
    return redirect("admissions:documents", application.uuid)


def _download_name(document) -> str:
    """The name the applicant gave the file, with the extension of what it really is."""
    stem = PurePath(document.original_name or "").stem or document.kind
    extension = {"jpeg": "jpg"}.get(document.content_kind, document.content_kind) or "bin"
    return f"{stem}.{extension}"


def document_download(request, uuid):
    document = permissions.get_document_for_user(request.user, uuid)
    return private_file(document.file, _download_name(document))


# --- submitting, the application form -----------------------------------------------------------------


@require_POST
def submit(request, uuid):
    application = _own(request, uuid)
    try:
        services.application_submit(application=application)
    except ValidationError as error:
        messages.error(request, _("The application is not submitted yet:"))
        report_error(request, error)
    else:
        messages.success(
            request,
            _(
                "Your application is submitted. The admissions committee verifies it; you will hear by e-mail "
                "and in your messages."
            ),
        )
    return redirect(application)


def application_pdf(request, uuid):
    """The application to the rector generated from the data (the owner and the committee);
    built now if the worker has not built it yet."""
    user = request.user
    if permissions.is_committee(user):
        application = permissions.get_application_for_committee(user, uuid)
    else:
        application = _own(request, uuid)
    if application.first_submitted_at is None:
        raise Http404
    file = application.application_pdf
    if not file or not file.storage.exists(file.name):
        services.application_pdf_build(application=application)
    return private_file(application.application_pdf, f"{application.number}.pdf", inline=True)


# --- the result and the enrolment ---------------------------------------------------------------------


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


INELIGIBLE = {
    "professional_field": lambda quota: _(
        "Not eligible: a professional bachelor may apply only for programmes of their own professional field "
        "(Art. 3(2))."
    ),
    "state_funded_before": lambda quota: _(
        "Not eligible: having studied a state-funded master's (or a higher degree) before, you may take only "
        "paid places (Art. 1(2), Art. 19)."
    ),
    "min_diploma_grade": lambda quota: (
        _("Not eligible: your diploma grade is below the minimum of %(grade)s for these places (Art. 8, item 4).")
        % {"grade": quota.min_diploma_grade}
        if quota is not None and quota.min_diploma_grade is not None
        else _("Not eligible: your diploma grade is below the minimum for these places (Art. 8, item 4).")
    ),
}


def _outcome(row) -> dict:
    """One preference of the explanation in plain words."""
    status = row["status"]
    quota = row.get("quota")
    texts = []
    tone = "secondary"
    if status == "admitted":
        tone = "success"
        texts.append(
            _("Admitted: you keep the seat you hold here.") if row.get("held") else _("Admitted: you are placed here.")
        )
    elif status == "not_admitted":
        tone = "danger"
        if row.get("last_score") is None:
            texts.append(_("Not admitted: there are no places here in this round."))
        else:
            texts.append(
                _("Not admitted: the places went to applicants with higher scores; the last one admitted had %(last)s.")
                % {"last": row["last_score"]}
            )
        if row.get("tie_break"):
            texts.append(
                _(
                    "Your score equals it: the tie was broken by the graduation grade, then the course average, "
                    "then the time of submission."
                )
            )
    elif status == "ineligible":
        tone = "warning"
        explain = INELIGIBLE.get(row.get("reason", ""))
        texts.append(explain(quota) if explain else _("Not eligible for these places."))
    elif status == "not_needed":
        texts.append(_("Not needed: you are admitted to a preference you listed higher."))
    elif status == "below_held":
        texts.append(_("Not considered: it is below the seat you already hold from an earlier round."))
    return {
        "position": row["position"],
        "code": row["programme"],
        "programme": quota.programme.label if quota is not None else row["programme"],
        "form": _label(Form, row["form"]),
        "funding": _label(Funding, row["funding"]),
        "score": row.get("score"),
        "status": status,
        "held": row.get("held", False),
        "tone": tone,
        "texts": texts,
    }


def result(request, uuid):
    application = _own(request, uuid)
    latest = selectors.latest_result(application)
    rows = [_outcome(row) for row in selectors.explanation_rows(latest)]
    context = {"result": latest, "rows": rows, "round": latest.round if latest else None}
    return _page(request, "admissions/applicant/result.html", application, context, tab="result")


def enrolment_confirm(request, uuid):
    """Art. 15–16: the admitted confirm by the deadline with the receipt of the first semester fee."""
    application = _own(request, uuid)
    round = application.admitted_round
    today = timezone.localdate()
    can_confirm = application.status == Status.ADMITTED and round is not None and today <= round.enrolment_deadline
    data = request.POST if request.method == "POST" else None
    form = UploadForm(data, request.FILES if data is not None else None, kind="enrolment")
    if data is not None and form.is_valid():
        try:
            services.enrolment_confirm(application=application, uploaded=form.cleaned_data["file"])
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                add_service_errors(form, error)
            else:
                form.add_error("file", error)
        else:
            messages.success(
                request,
                _("Your enrolment is confirmed. The admissions committee checks the receipt and enrols you."),
            )
            return redirect(application)
    context = {
        "form": form,
        "round": round,
        "can_confirm": can_confirm,
        "deadline_passed": round is not None and today > round.enrolment_deadline,
        "admitted_quota": application.admitted_quota,
        "receipt": application.documents.filter(kind=Document.Kind.ENROLMENT_RECEIPT).first(),
    }
    return _page(request, "admissions/applicant/enrol.html", application, context, tab="enrol")
