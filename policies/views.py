"""Document control in the browser. Views parse input, check access through
policies.permissions, call a service or a selector, and render."""

import datetime
import difflib
import html
import re

from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from qms.models import OrganisationalUnit
from qms.permissions import require_university_staff
from qms.roles import Role
from qms.submissions import already_sent, create_once, sent_before
from qms.views import report_error

from . import selectors, services
from .forms import (
    AttachmentForm,
    BodyForm,
    DecisionForm,
    DocumentForm,
    ObjectiveForm,
    ObjectiveReviewForm,
    PublishForm,
    ReasonForm,
    ReviewOutcomeForm,
    SubmitForm,
)
from .models import Acknowledgement, Document, QualityObjective, ReviewDecision, Version
from .permissions import (
    can_edit_drafts,
    get_document_for_user,
    get_draft_for_editor,
    get_version_for_user,
    is_quality_officer,
)

Status = Version.Status


def _report_form_errors(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def pick_body(version: Version, requested: str | None):
    """The text in the requested language, else the reader's, else English, else any: with the
    languages it exists in, for the switcher."""
    bodies = {body.language: body for body in version.bodies.all()}
    available = [code for code, _name in settings.LANGUAGES if code in bodies]
    for language in (requested, get_language(), settings.LANGUAGE_CODE, *available):
        if language in bodies:
            return bodies[language], available
    return None, available


@login_not_required
def public_list(request):
    """Public documents (ESG 1.1 asks for a public quality policy): no sign-in needed."""
    return render(request, "policies/public_list.html", {"versions": selectors.public_versions()})


@login_not_required
def public_detail(request, pk):
    version = get_object_or_404(selectors.public_versions().prefetch_related("bodies", "attachments"), document_id=pk)
    body, languages = pick_body(version, request.GET.get("lang"))
    return render(
        request,
        "policies/public_detail.html",
        {"version": version, "document": version.document, "body": body, "languages": languages},
    )


def document_list(request):
    require_university_staff(request.user)
    documents = selectors.documents_visible_to(request.user)
    query = request.GET.get("q", "").strip()
    if query:
        documents = documents.filter(Q(code__icontains=query) | Q(title__icontains=query))
    doc_type = request.GET.get("type", "")
    if doc_type in Document.Type.values:
        documents = documents.filter(type=doc_type)
    review_state = request.GET.get("review", "")
    if review_state in Document.ReviewState.values:
        documents = documents.filter(review_state=review_state)
    unit_pk = request.GET.get("unit", "")
    unit = OrganisationalUnit.objects.filter(pk=unit_pk).first() if unit_pk.isdigit() else None
    if unit is not None:  # the documents owned by the unit or a unit below it
        documents = documents.filter(owner_unit__path__startswith=unit.path)
    page = Paginator(documents.order_by("level", "code"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "policies/document_list.html",
        {
            "page": page,
            "query": query,
            "doc_type": doc_type,
            "types": Document.Type.choices,
            "review_state": review_state,
            "review_states": Document.ReviewState.choices,
            "unit": unit,
            "pending": selectors.pending_acknowledgements(request.user)[:20],
            "awaiting": selectors.versions_awaiting(request.user)[:20],
            "can_create": is_quality_officer(request.user),
        },
    )


def document_create(request):
    if not is_quality_officer(request.user):
        raise PermissionDenied
    if (earlier := sent_before(request, model=Document)) is not None:
        return already_sent(request, earlier)
    form = DocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document, created = create_once(
                request,
                lambda: services.document_create(
                    owner=data["owner"],
                    applies_to=data["applies_to"],
                    clauses=data["clauses"],
                    **{name: data[name] for name in services.EDITABLE_FIELDS},
                ),
                model=Document,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if not created:
                return already_sent(request, document)
            messages.success(request, _("The document was created. Start its first draft."))
            return redirect(document)
    return render(request, "policies/document_form.html", {"form": form})


def document_edit(request, pk):
    document = get_document_for_user(request.user, pk)
    if not is_quality_officer(request.user):
        raise PermissionDenied
    form = DocumentForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.document_update(
                document=document,
                owner=data["owner"],
                applies_to=data["applies_to"],
                clauses=data["clauses"],
                **{name: data[name] for name in services.EDITABLE_FIELDS},
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The document's details were saved."))
            return redirect(document)
    return render(request, "policies/document_form.html", {"form": form, "document": document})


def document_history(request, pk):
    document = get_document_for_user(request.user, pk)
    if not (can_edit_drafts(request.user, document) or request.user.has_role(*selectors.READ_ALL_ROLES)):
        raise PermissionDenied
    entries = selectors.document_change_log(document)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "policies/document_history.html", {"document": document, "page": page})


def document_detail(request, pk):
    document = get_document_for_user(request.user, pk)
    current = document.versions.filter(status=Status.PUBLISHED).prefetch_related("bodies", "attachments").first()
    body, languages = pick_body(current, request.GET.get("lang")) if current else (None, [])
    editor = can_edit_drafts(request.user, document)
    versions = document.versions.select_related("approver", "published_by")
    if not (editor or request.user.has_role(*selectors.READ_ALL_ROLES)):
        versions = versions.filter(status__in=[Status.PUBLISHED, Status.SUPERSEDED])
    acknowledged = current is not None and Acknowledgement.objects.filter(version=current, person=request.user).exists()
    must_acknowledge = current is not None and not acknowledged and selectors.applies_to_person(document, request.user)
    return render(
        request,
        "policies/document_detail.html",
        {
            "document": document,
            "current": current,
            "body": body,
            "languages": languages,
            "versions": versions,
            "editor": editor,
            "acknowledged": acknowledged,
            "must_acknowledge": must_acknowledge,
            "rates": selectors.acknowledgement_rates(current) if current and editor else None,
            "open_version": document.versions.filter(
                status__in=[Status.DRAFT, Status.IN_REVIEW, Status.APPROVED]
            ).first(),
            "review_form": ReviewOutcomeForm() if editor else None,
            "clauses": document.clauses.all(),
            "applies_to": document.applies_to.order_by("path"),
            "can_edit_details": is_quality_officer(request.user),
            "can_see_history": editor or request.user.has_role(*selectors.READ_ALL_ROLES),
        },
    )


@require_POST
def document_review(request, pk):
    document = get_document_for_user(request.user, pk)
    if not can_edit_drafts(request.user, document):
        raise PermissionDenied
    form = ReviewOutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the outcome of the review."))
        return redirect(document)
    try:
        if form.cleaned_data["outcome"] == "no_change":
            services.document_review_no_change(document=document, by=request.user, comment=form.cleaned_data["comment"])
            messages.success(request, _("The review is recorded; the next review date has moved on."))
            return redirect(document)
        version = services.document_review_new_draft(
            document=document, by=request.user, comment=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        report_error(request, error)
        return redirect(document)
    return redirect("policies:version-edit", pk=version.pk)


@require_POST
def version_start(request, pk):
    document = get_document_for_user(request.user, pk)
    if not can_edit_drafts(request.user, document):
        raise PermissionDenied
    try:
        version = services.version_start_draft(document=document, by=request.user)
    except ValidationError as error:
        report_error(request, error)
        return redirect(document)
    return redirect("policies:version-edit", pk=version.pk)


def version_detail(request, pk):
    version = get_version_for_user(request.user, pk)
    document = version.document
    body, languages = pick_body(version, request.GET.get("lang"))
    editor = can_edit_drafts(request.user, document)
    my_decision = version.decisions.filter(person=request.user, decision=ReviewDecision.Decision.PENDING).first()
    other_versions = document.versions.exclude(pk=version.pk)
    if not (editor or request.user.has_role(*selectors.READ_ALL_ROLES)):
        other_versions = other_versions.filter(status__in=[Status.PUBLISHED, Status.SUPERSEDED])
    return render(
        request,
        "policies/version_detail.html",
        {
            "version": version,
            "document": document,
            "body": body,
            "languages": languages,
            "decisions": version.decisions.select_related("person"),
            "attachments": version.attachments.all(),
            "editor": editor,
            "quality_officer": is_quality_officer(request.user),
            "my_decision": my_decision,
            "decision_form": DecisionForm() if my_decision else None,
            "submit_form": SubmitForm() if editor and version.status == Status.DRAFT else None,
            "reason_form": ReasonForm(),
            "publish_form": PublishForm() if version.status == Status.APPROVED else None,
            "other_versions": other_versions.order_by("-revision"),
        },
    )


# The toolbar editor (TinyMCE) sets a few inline styles on its own widgets; this page alone allows
# inline styles. Scripts stay 'self' only, here as everywhere.
@csp_update({"style-src": [UNSAFE_INLINE]})
def version_edit(request, pk):
    version = get_draft_for_editor(request.user, pk)
    if version.status != Status.DRAFT:
        messages.error(request, _("Only a draft can be edited."))
        return redirect(version)
    language = request.POST.get("language") or request.GET.get("lang") or get_language()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    existing = version.bodies.filter(language=language).first()
    form = BodyForm(
        request.POST or None,
        initial={
            "language": language,
            "body": existing.body if existing else "",
            "change_summary": version.change_summary,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.version_save_body(
                version=version, language=form.cleaned_data["language"], html=form.cleaned_data["body"]
            )
            services.version_update_summary(version=version, change_summary=form.cleaned_data["change_summary"])
        except ValidationError as error:
            report_error(request, error)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect(f"{request.path}?lang={form.cleaned_data['language']}")
    return render(
        request,
        "policies/version_edit.html",
        {
            "version": version,
            "document": version.document,
            "form": form,
            "attachment_form": AttachmentForm(),
            "attachments": version.attachments.all(),
            "language": language,
            "written": set(version.bodies.values_list("language", flat=True)),
        },
    )


@require_POST
def attachment_add(request, pk):
    version = get_draft_for_editor(request.user, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.version_add_attachment(
                version=version,
                uploaded=form.cleaned_data["file"],
                by=request.user,
                language=form.cleaned_data["language"],
            )
            messages.success(request, _("The file is attached."))
        except ValidationError as error:
            report_error(request, error)
    else:
        _report_form_errors(request, form)
    return redirect("policies:version-edit", pk=version.pk)


@require_POST
def attachment_remove(request, pk, attachment_pk):
    version = get_draft_for_editor(request.user, pk)
    attachment = get_object_or_404(version.attachments, pk=attachment_pk)
    try:
        services.version_remove_attachment(attachment=attachment)
    except ValidationError as error:
        report_error(request, error)
    return redirect("policies:version-edit", pk=version.pk)


def attachment_download(request, pk, attachment_pk):
    version = get_version_for_user(request.user, pk)
    attachment = get_object_or_404(version.attachments, pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def _act(request, version, form, perform, success: str, invalid: str | None = None):
    """A workflow step from a posted form: report what is wrong with the form (`invalid`, or the
    form's own errors), or run `perform(cleaned_data)` and report its success or the refusal."""
    if not form.is_valid():
        if invalid:
            messages.error(request, invalid)
        else:
            _report_form_errors(request, form)
        return redirect(version)
    try:
        perform(form.cleaned_data)
        messages.success(request, success)
    except ValidationError as error:
        report_error(request, error)
    return redirect(version)


@require_POST
def version_submit(request, pk):
    version = get_draft_for_editor(request.user, pk)
    return _act(
        request,
        version,
        SubmitForm(request.POST),
        lambda data: services.version_submit(version=version, reviewers=data["reviewers"], approver=data["approver"]),
        _("The revision is sent for review."),
    )


@require_POST
def version_decide(request, pk):
    version = get_version_for_user(request.user, pk)
    return _act(
        request,
        version,
        DecisionForm(request.POST),
        lambda data: services.review_decide(
            version=version, person=request.user, decision=data["decision"], comment=data["comment"]
        ),
        _("Your decision is recorded."),
    )


@require_POST
def version_return(request, pk):
    version = get_draft_for_editor(request.user, pk)
    return _act(
        request,
        version,
        ReasonForm(request.POST),
        lambda data: services.version_return_to_draft(version=version, reason=data["reason"]),
        _("The revision is back in draft."),
        invalid=_("Say why the revision goes back to draft."),
    )


@require_POST
def version_publish(request, pk):
    version = get_version_for_user(request.user, pk)
    if not is_quality_officer(request.user):
        raise PermissionDenied
    return _act(
        request,
        version,
        PublishForm(request.POST),
        lambda data: services.version_publish(version=version, by=request.user, effective_date=data["effective_date"]),
        _("The revision is published."),
        invalid=_("Give the effective date."),
    )


@require_POST
def version_withdraw(request, pk):
    version = get_version_for_user(request.user, pk)
    if not is_quality_officer(request.user):
        raise PermissionDenied
    return _act(
        request,
        version,
        ReasonForm(request.POST),
        lambda data: services.version_withdraw(version=version, reason=data["reason"]),
        _("The revision is withdrawn."),
        invalid=_("Say why the revision is withdrawn."),
    )


@require_POST
def version_acknowledge(request, pk):
    version = get_version_for_user(request.user, pk)
    try:
        services.acknowledge(version=version, person=request.user)
        messages.success(request, _("Thank you: your acknowledgement is recorded."))
    except ValidationError as error:
        report_error(request, error)
    return redirect(version.document)


def version_pdf(request, pk):
    """The controlled copy of a published (or superseded) revision, in the reader's language."""
    from django.http import HttpResponse
    from django.utils.text import slugify

    from qms.pdf import render_pdf

    version = get_version_for_user(request.user, pk)
    if version.status not in (Status.PUBLISHED, Status.SUPERSEDED):
        raise Http404
    document = version.document
    body, _languages = pick_body(version, request.GET.get("lang"))
    content = render_pdf(
        "policies/pdf/version.html",
        {
            "title": f"{document.code} {document.title}",
            "organisation": OrganisationalUnit.objects.get_root(document.owner_unit).name,
            "document": document,
            "version": version,
            "body": body,
        },
    )
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"{slugify(document.code)}-rev{version.revision}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


BLOCK_END = re.compile(r"</(p|h[1-6]|li|tr|blockquote|pre|caption)>|<br\s*/?>", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")


def text_lines(body_html: str) -> list[str]:
    """The lines of a sanitised body as plain text: one per paragraph, heading, item or row."""
    text = BLOCK_END.sub("\n", body_html.replace("</td>", " | ").replace("</th>", " | "))
    return [line.strip() for line in html.unescape(TAG.sub("", text)).splitlines() if line.strip()]


def version_diff(request, pk):
    version = get_version_for_user(request.user, pk)
    try:
        other = get_version_for_user(request.user, int(request.GET.get("other", "")))
    except ValueError:
        raise Http404 from None
    if other.document_id != version.document_id:
        raise Http404
    old, new = sorted([other, version], key=lambda v: v.revision)
    old_body, languages = pick_body(old, request.GET.get("lang"))
    language = old_body.language if old_body else get_language()
    new_body = new.bodies.filter(language=language).first()
    table = difflib.HtmlDiff(wrapcolumn=70).make_table(
        text_lines(old_body.body if old_body else ""),
        text_lines(new_body.body if new_body else ""),
        fromdesc=_("Revision %(revision)s") % {"revision": old.revision},
        todesc=_("Revision %(revision)s") % {"revision": new.revision},
        context=True,
        numlines=2,
    )
    return render(
        request,
        "policies/version_diff.html",
        {
            "document": version.document,
            "old": old,
            "new": new,
            "table": table,
            "language": language,
            "languages": languages,
        },
    )


#: The review calendar shows the overdue reviews and those due within this many days, unless
#: asked for all of them (a large university plans hundreds of reviews years ahead).
CALENDAR_HORIZON_DAYS = 365


def review_calendar(request):
    """The quality office's calendar of periodic reviews, by month: by default the overdue ones and
    the next twelve months, with how many are planned after that."""
    if not request.user.has_role(Role.QUALITY_OFFICER, Role.RECTORATE):
        raise PermissionDenied
    show_all = request.GET.get("all") == "1"
    horizon = timezone.localdate() + datetime.timedelta(days=CALENDAR_HORIZON_DAYS)
    documents = selectors.review_calendar()
    later = 0
    if not show_all:
        later = documents.filter(next_review_date__gt=horizon).count()
        documents = documents.filter(next_review_date__lte=horizon)
    months: dict = {}
    for document in documents:
        months.setdefault(document.next_review_date.replace(day=1), []).append(document)
    return render(
        request,
        "policies/review_calendar.html",
        {"months": sorted(months.items()), "show_all": show_all, "later": later, "horizon": horizon},
    )


def objective_list(request):
    require_university_staff(request.user)
    objectives = QualityObjective.objects.select_related("owner", "policy").order_by("deadline", "title")
    return render(
        request,
        "policies/objective_list.html",
        {"objectives": objectives, "can_edit": is_quality_officer(request.user), "review_form": ObjectiveReviewForm()},
    )


def objective_edit(request, pk=None):
    if not is_quality_officer(request.user):
        raise PermissionDenied
    objective = get_object_or_404(QualityObjective, pk=pk) if pk else None
    form = ObjectiveForm(request.POST or None, instance=objective)
    if request.method == "POST" and form.is_valid():
        services.objective_save(objective=form.save(commit=False))
        messages.success(request, _("The quality objective is saved."))
        return redirect("policies:objective-list")
    return render(request, "policies/objective_form.html", {"form": form, "objective": objective})


@require_POST
def objective_review(request, pk):
    if not is_quality_officer(request.user):
        raise PermissionDenied
    objective = get_object_or_404(QualityObjective, pk=pk)
    form = ObjectiveReviewForm(request.POST)
    if form.is_valid():
        services.objective_review(
            objective=objective, status=form.cleaned_data["status"], reviewed_on=form.cleaned_data["reviewed_on"]
        )
        messages.success(request, _("The review of the objective is recorded."))
    else:
        messages.error(request, _("Give the status and the date of the review."))
    return redirect("policies:objective-list")
