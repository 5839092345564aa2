"""The rules of document control. Views, commands and tasks call these; nothing else changes a
document, a version or an acknowledgement.

Workflow of a version: draft → in review (named reviewers, then the approver) → approved →
published (the previous published version becomes superseded) or back to draft with a reason;
a published version can be withdrawn. Only a draft's text and files change.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from qms.mail import notify
from qms.models import Membership
from qms.reviews import review_sweep

from .content import check_attachment, sanitise_html
from .models import (
    Acknowledgement,
    Attachment,
    Document,
    DocumentReview,
    QualityObjective,
    ReviewDecision,
    Version,
    VersionBody,
)

EDIT_DOCUMENT = "policies.change_document"

Status = Version.Status
Decision = ReviewDecision.Decision


class WorkflowError(ValidationError):
    """A step the workflow does not allow from where the version stands."""


def _require_status(version: Version, *allowed: str):
    if version.status not in allowed:
        raise WorkflowError(
            _("Revision %(revision)s is %(status)s; this step needs it to be %(allowed)s.")
            % {
                "revision": version.revision,
                "status": version.get_status_display().lower(),
                "allowed": ", ".join(str(Status(s).label).lower() for s in allowed),
            }
        )


def _locked(version: Version) -> Version:
    """The version re-read under a row lock, so that two people acting at once go one after the other."""
    return Version.objects.select_for_update().select_related("document").get(pk=version.pk)


# --- documents ----------------------------------------------------------------------------


@transaction.atomic
def document_create(
    *,
    code,
    title,
    type,
    level,
    owner_unit,
    owner,
    applies_to=(),
    clauses=(),
    review_interval_months=12,
    is_public=False,
) -> Document:
    document = Document(
        code=code.strip(),
        title=title.strip(),
        type=type,
        level=level,
        owner_unit=owner_unit,
        owner=owner,
        review_interval_months=review_interval_months,
        is_public=is_public,
    )
    document.full_clean()
    document.save()
    document.applies_to.set(applies_to)
    document.clauses.set(clauses)
    assign_perm(EDIT_DOCUMENT, owner, document)
    return document


EDITABLE_FIELDS = ("code", "title", "type", "level", "owner_unit", "review_interval_months", "is_public")


@transaction.atomic
def document_update(*, document: Document, owner, applies_to, clauses, **fields) -> Document:
    """Change a document's register data. A new review interval moves the next review date,
    counted from the current revision's effective date."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    interval_changed = int(fields.get("review_interval_months", document.review_interval_months)) != (
        document.review_interval_months
    )
    for name, value in fields.items():
        if name not in EDITABLE_FIELDS:
            raise TypeError(f"document_update() got an unexpected field {name!r}")
        setattr(document, name, value.strip() if isinstance(value, str) else value)
    if interval_changed:
        current = document.versions.filter(status=Status.PUBLISHED).first()
        if current is not None:
            document.next_review_date = document.review_date_after(current.effective_date)
    document.full_clean()
    document.save()
    if set(document.applies_to.values_list("pk", flat=True)) != {unit.pk for unit in applies_to}:
        document.applies_to.set(applies_to)
    if set(document.clauses.values_list("pk", flat=True)) != {clause.pk for clause in clauses}:
        document.clauses.set(clauses)
    document_set_owner(document=document, owner=owner)
    return document


@transaction.atomic
def document_set_owner(*, document: Document, owner) -> Document:
    if document.owner_id != owner.pk:
        remove_perm(EDIT_DOCUMENT, document.owner, document)
        document.owner = owner
        document.save(update_fields=["owner"])
    assign_perm(EDIT_DOCUMENT, owner, document)
    return document


# --- versions -----------------------------------------------------------------------------


@transaction.atomic
def version_start_draft(*, document: Document, by, change_summary="") -> Version:
    """A new draft, its texts copied from the latest version; one open version at a time."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.versions.filter(status__in=[Status.DRAFT, Status.IN_REVIEW, Status.APPROVED]).exists():
        raise WorkflowError(_("This document already has a revision in progress; finish or withdraw it first."))
    latest = document.versions.order_by("-revision").first()
    revision = (document.versions.aggregate(Max("revision"))["revision__max"] or 0) + 1
    version = Version(document=document, revision=revision, change_summary=change_summary, created_by=by)
    version.full_clean()
    version.save()
    if latest is not None:
        VersionBody.objects.bulk_create(
            VersionBody(version=version, language=body.language, body=body.body) for body in latest.bodies.all()
        )
    return version


def version_save_body(*, version: Version, language: str, html: str) -> VersionBody:
    """Set a draft's text in one language (sanitised); an empty text removes that language."""
    with transaction.atomic():
        version = _locked(version)
        _require_status(version, Status.DRAFT)
        clean = sanitise_html(html)
        body = version.bodies.filter(language=language).first()
        if not clean:
            if body is not None:
                body.delete()
            return None
        body = body or VersionBody(version=version, language=language)
        body.body = clean
        body.full_clean()
        body.save()
        return body


def version_update_summary(*, version: Version, change_summary: str) -> Version:
    with transaction.atomic():
        version = _locked(version)
        _require_status(version, Status.DRAFT)
        version.change_summary = change_summary
        version.save(update_fields=["change_summary"])
        return version


def version_add_attachment(*, version: Version, uploaded, by, language="") -> Attachment:
    kind = check_attachment(uploaded)
    with transaction.atomic():
        version = _locked(version)
        _require_status(version, Status.DRAFT)
        attachment = Attachment(
            version=version,
            name=uploaded.name[:255],
            kind=kind,
            size=uploaded.size,
            language=language,
            uploaded_by=by,
        )
        attachment.file.save(uploaded.name, uploaded, save=False)
        attachment.full_clean()
        attachment.save()
        return attachment


def version_remove_attachment(*, attachment: Attachment) -> None:
    with transaction.atomic():
        _require_status(_locked(attachment.version), Status.DRAFT)
        attachment.file.delete(save=False)
        attachment.delete()


def version_submit(*, version: Version, reviewers, approver) -> Version:
    """Send a draft for review by the named reviewers, then for approval by the approver."""
    reviewers = list(dict.fromkeys(reviewers))
    if approver is None:
        raise WorkflowError(_("Name the approver (normally the rector)."))
    with transaction.atomic():
        version = _locked(version)
        _require_status(version, Status.DRAFT)
        if not version.bodies.exists() and not version.attachments.exists():
            raise WorkflowError(_("Write the text or attach a file before sending the revision for review."))
        version.decisions.all().delete()
        ReviewDecision.objects.bulk_create(
            [ReviewDecision(version=version, person=person, role=ReviewDecision.Role.REVIEWER) for person in reviewers]
            + [ReviewDecision(version=version, person=approver, role=ReviewDecision.Role.APPROVER)]
        )
        version.status = Status.IN_REVIEW
        version.approver = approver
        version.returned_reason = ""
        version.save(update_fields=["status", "approver", "returned_reason"])
        return version


def review_decide(*, version: Version, person, decision: str, comment="") -> ReviewDecision:
    """A reviewer's or the approver's decision. Changes requested send the version back to draft;
    the approver decides once every reviewer has approved, and their approval approves the version."""
    if decision not in (Decision.APPROVED, Decision.CHANGES_REQUESTED):
        raise WorkflowError(_("Unknown decision."))
    if decision == Decision.CHANGES_REQUESTED and not comment.strip():
        raise WorkflowError(_("Say which changes are needed."))
    with transaction.atomic():
        version = _locked(version)
        _require_status(version, Status.IN_REVIEW)
        mine = version.decisions.select_for_update().filter(person=person, decision=Decision.PENDING)
        reviewer_row = mine.filter(role=ReviewDecision.Role.REVIEWER).first()
        row = reviewer_row or mine.filter(role=ReviewDecision.Role.APPROVER).first()
        if row is None:
            raise PermissionDenied(_("This revision is not waiting for your decision."))
        if (
            row.role == ReviewDecision.Role.APPROVER
            and version.decisions.filter(role=ReviewDecision.Role.REVIEWER).exclude(decision=Decision.APPROVED).exists()
        ):
            raise WorkflowError(_("The approver decides after every reviewer has approved."))
        row.decision = decision
        row.comment = comment
        row.decided_at = timezone.now()
        row.save(update_fields=["decision", "comment", "decided_at"])
        if decision == Decision.CHANGES_REQUESTED:
            version.status = Status.DRAFT
            version.returned_reason = comment
            version.save(update_fields=["status", "returned_reason"])
        elif row.role == ReviewDecision.Role.APPROVER:
            version.status = Status.APPROVED
            version.approved_at = row.decided_at
            version.save(update_fields=["status", "approved_at"])
        return row


def version_return_to_draft(*, version: Version, reason: str) -> Version:
    """Take a version in review or approved back to draft, saying why."""
    if not reason.strip():
        raise WorkflowError(_("Say why the revision goes back to draft."))
    with transaction.atomic():
        version = _locked(version)
        _require_status(version, Status.IN_REVIEW, Status.APPROVED)
        version.status = Status.DRAFT
        version.returned_reason = reason
        version.approved_at = None
        version.save(update_fields=["status", "returned_reason", "approved_at"])
        return version


def version_publish(*, version: Version, by, effective_date) -> Version:
    """Publish an approved version: the previous published one is superseded, the next review
    date follows from the interval, and everyone it applies to has it to acknowledge."""
    with transaction.atomic():
        version = _locked(version)
        document = Document.objects.select_for_update().get(pk=version.document_id)
        _require_status(version, Status.APPROVED)
        now = timezone.now()
        for previous in document.versions.filter(status=Status.PUBLISHED):  # saved first: one published at a time
            previous.status = Status.SUPERSEDED
            previous.superseded_at = now
            previous.save(update_fields=["status", "superseded_at"])
        version.status = Status.PUBLISHED
        version.effective_date = effective_date
        version.published_at = now
        version.published_by = by
        version.full_clean()
        version.save(update_fields=["status", "effective_date", "published_at", "published_by"])
        document.next_review_date = document.review_date_after(effective_date)
        document.review_state = Document.ReviewState.CURRENT
        document.review_notified = ""
        document.save(update_fields=["next_review_date", "review_state", "review_notified"])
        return version


def version_withdraw(*, version: Version, reason: str) -> Version:
    """Withdraw a published version (the document then has none in force) or abandon an open one."""
    if not reason.strip():
        raise WorkflowError(_("Say why the revision is withdrawn."))
    with transaction.atomic():
        version = _locked(version)
        _require_status(version, Status.PUBLISHED, Status.DRAFT, Status.IN_REVIEW, Status.APPROVED)
        version.status = Status.WITHDRAWN
        version.withdrawn_at = timezone.now()
        version.withdrawn_reason = reason
        version.save(update_fields=["status", "withdrawn_at", "withdrawn_reason"])
        return version


# --- acknowledgement ----------------------------------------------------------------------


def required_readers(document: Document):
    """The people who must acknowledge the document's published version: members of its units."""
    from qms.models import User

    return User.objects.filter(is_active=True, memberships__unit__in=document.applies_to.all()).distinct()


def acknowledge(*, version: Version, person) -> Acknowledgement:
    """Confirm "read and understood" for a published version that applies to the person. Twice is once."""
    if version.status != Status.PUBLISHED:
        raise WorkflowError(_("Only the published version of a document can be acknowledged."))
    from .selectors import applies_to_person

    if not applies_to_person(version.document, person):
        raise PermissionDenied(_("This document does not apply to your units."))
    acknowledgement, _created = Acknowledgement.objects.get_or_create(version=version, person=person)
    return acknowledgement


# --- periodic review ----------------------------------------------------------------------


@transaction.atomic
def document_review_no_change(*, document: Document, by, comment="") -> DocumentReview:
    """The periodic review found nothing to change: recorded, and the next review moves on."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    review = DocumentReview(
        document=document, outcome=DocumentReview.Outcome.NO_CHANGE, comment=comment, reviewed_by=by
    )
    review.full_clean()
    review.save()
    document.next_review_date = document.review_date_after(timezone.localdate())
    document.review_state = Document.ReviewState.CURRENT
    document.review_notified = ""
    document.save(update_fields=["next_review_date", "review_state", "review_notified"])
    return review


@transaction.atomic
def document_review_new_draft(*, document: Document, by, comment="") -> Version:
    """The periodic review found changes are needed: recorded, and a new draft is started."""
    DocumentReview.objects.create(
        document=document, outcome=DocumentReview.Outcome.NEW_DRAFT, comment=comment, reviewed_by=by
    )
    return version_start_draft(document=document, by=by, change_summary=comment)


REVIEW_NOTICE_DAYS = 30


def documents_review_sweep(*, today) -> dict:
    """Mark documents whose review is due (within REVIEW_NOTICE_DAYS) or overdue, and tell each
    owner once per stage. Safe to run twice or late: a stage already told is not told again."""
    return review_sweep(Document, today=today, notice_days=REVIEW_NOTICE_DAYS, notify=_notify_review)


def _notify_review(document: Document, state: str) -> None:
    # Inside the sweep's transaction for this document: the notice and the stage are kept together.
    owner = document.owner
    notify(
        owner,
        "policies/email/review",
        {"document": document, "state": state, "owner": owner},
        url=document.get_absolute_url(),
    )


REMINDER_GRACE_DAYS = 3  # first reminder this long after publication
REMINDER_INTERVAL_DAYS = 7  # then at most once a week per version and person


def acknowledgement_reminders_send(*, now) -> dict:
    """Remind everyone who has published versions to acknowledge: one e-mail per person listing
    them all, at most once every REMINDER_INTERVAL_DAYS per version. Safe to run twice or late."""
    from collections import defaultdict
    from datetime import timedelta

    from django.db.models import Max

    from qms.models import User

    from .models import AcknowledgementReminder

    due_for: dict[int, list[Version]] = defaultdict(list)
    versions = Version.objects.filter(
        status=Status.PUBLISHED, published_at__lte=now - timedelta(days=REMINDER_GRACE_DAYS)
    ).select_related("document")
    for version in versions:
        required = set(
            Membership.objects.filter(unit__in=version.document.applies_to.all(), user__is_active=True).values_list(
                "user_id", flat=True
            )
        )
        required -= set(version.acknowledgements.values_list("person_id", flat=True))
        last = dict(
            AcknowledgementReminder.objects.filter(version=version, person_id__in=required)
            .values("person_id")
            .annotate(last=Max("sent_at"))
            .values_list("person_id", "last")
        )
        for person_id in required:
            if person_id not in last or last[person_id] <= now - timedelta(days=REMINDER_INTERVAL_DAYS):
                due_for[person_id].append(version)
    people = User.objects.in_bulk(list(due_for))
    sent = 0
    for person_id, pending in due_for.items():
        person = people[person_id]
        with transaction.atomic():
            AcknowledgementReminder.objects.bulk_create(
                AcknowledgementReminder(version=version, person=person, sent_at=now) for version in pending
            )
            notify(person, "policies/email/reminder", {"versions": pending}, url=reverse("policies:document-list"))
            sent += bool(person.email)
    return {"people": len(due_for), "emails": sent}


def objective_save(*, objective) -> QualityObjective:
    """Create or change a quality objective (its history keeps every version)."""
    objective.full_clean()
    objective.save()
    return objective


def objective_review(*, objective, status: str, reviewed_on) -> QualityObjective:
    """The yearly review of an objective: its status now, and when it was reviewed."""
    objective.status = status
    objective.last_reviewed_at = reviewed_on
    objective.full_clean()
    objective.save(update_fields=["status", "last_reviewed_at"])
    return objective
