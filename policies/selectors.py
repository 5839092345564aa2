"""Reads of document control, filtered to what the reader may see."""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from qms.changelog import Source, change_log
from qms.models import Membership
from qms.roles import READ_ALL_ROLES

from .models import Acknowledgement, Attachment, Document, DocumentReview, ReviewDecision, Version, VersionBody


def documents_visible_to(user):
    """Quality office, rectorate and auditors see every document; others the documents that apply
    to their units, that they own, or whose open revision waits for their decision."""
    documents = Document.objects.select_related("owner", "owner_unit")
    if user.has_role(*READ_ALL_ROLES):
        return documents
    units = Membership.objects.filter(user=user).values("unit")
    assigned = ReviewDecision.objects.filter(person=user, version__document=OuterRef("pk"))
    return documents.filter(Q(applies_to__in=units) | Q(owner=user) | Q(is_public=True) | Exists(assigned)).distinct()


def public_versions():
    """Published revisions of the documents marked public, the quality policy first."""
    return (
        Version.objects.filter(status=Version.Status.PUBLISHED, document__is_public=True)
        .select_related("document")
        .order_by("document__level", "document__code")
    )


def applies_to_person(document: Document, person) -> bool:
    """Whether the person is a member of a unit the document applies to (and so must acknowledge it)."""
    return Membership.objects.filter(user=person, unit__in=document.applies_to.all()).exists()


def pending_acknowledgements(user):
    """Published versions that apply to the person's units and that they have not acknowledged."""
    units = Membership.objects.filter(user=user).values("unit")
    done = Acknowledgement.objects.filter(version=OuterRef("pk"), person=user)
    return (
        Version.objects.filter(status=Version.Status.PUBLISHED, document__applies_to__in=units)
        .exclude(Exists(done))
        .select_related("document")
        .distinct()
        .order_by("effective_date", "document__code")
    )


def acknowledgement_rates(version: Version) -> list[dict]:
    """Per unit the document applies to: members, how many acknowledged, the rate, who is missing.
    Three queries whatever the number of units and people."""
    units = list(version.document.applies_to.order_by("path"))
    memberships = (
        Membership.objects.filter(unit__in=units, user__is_active=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    acknowledged = set(version.acknowledgements.values_list("person_id", flat=True))
    by_unit = {unit.pk: {"unit": unit, "members": 0, "acknowledged": 0, "missing": []} for unit in units}
    for membership in memberships:
        row = by_unit[membership.unit_id]
        row["members"] += 1
        if membership.user_id in acknowledged:
            row["acknowledged"] += 1
        else:
            row["missing"].append(membership.user)
    rows = list(by_unit.values())
    for row in rows:
        row["rate"] = row["acknowledged"] / row["members"] if row["members"] else None
    return rows


def versions_awaiting(user):
    """Revisions in review whose next decision is this person's."""
    return (
        Version.objects.filter(
            status=Version.Status.IN_REVIEW,
            decisions__person=user,
            decisions__decision=ReviewDecision.Decision.PENDING,
        )
        .select_related("document")
        .distinct()
    )


def review_calendar():
    """Documents in order of their next review, with the open-version count for the quality office."""
    return (
        Document.objects.filter(next_review_date__isnull=False)
        .select_related("owner", "owner_unit")
        .annotate(open_versions=Count("versions", filter=Q(versions__status__in=["draft", "in_review", "approved"])))
        .order_by("next_review_date", "code")
    )


def document_change_log(document):
    """Everything that happened to a document and its revisions, newest first (qms.changelog)."""
    revisions = dict(Version.objects.filter(document=document).values_list("pk", "revision"))

    def revision_label(version_id):
        return _("Revision %(revision)s") % {"revision": revisions.get(version_id, "?")}

    return change_log(
        Source(
            Document.history.filter(id=document.pk),
            label=lambda r: _("Document details"),
            exclude=("review_notified", "created_at"),
        ),
        Source(
            Version.history.filter(document_id=document.pk),
            label=lambda r: revision_label(r.id),
            exclude=("document", "created_at"),
        ),
        Source(
            VersionBody.history.filter(version_id__in=list(revisions)),
            label=lambda r: (
                _("%(revision)s: text (%(language)s)")
                % {"revision": revision_label(r.version_id), "language": r.language}
            ),
            exclude=("version",),
            summarise=("body",),
        ),
        Source(
            Attachment.history.filter(version_id__in=list(revisions)),
            label=lambda r: _("%(revision)s: attachment") % {"revision": revision_label(r.version_id)},
            exclude=("version", "file", "uploaded_at", "uploaded_by"),
        ),
        Source(
            ReviewDecision.history.filter(version_id__in=list(revisions)),
            label=lambda r: _("%(revision)s: decision") % {"revision": revision_label(r.version_id)},
            exclude=("version",),
        ),
        Source(
            DocumentReview.history.filter(document_id=document.pk),
            label=lambda r: _("Periodic review"),
            exclude=("document", "reviewed_at"),
        ),
    )


def document_register(unit=None) -> list[dict]:
    """Every controlled document with its current published revision and how many of the people
    who must acknowledge it (active members of the units it applies to) have acknowledged that
    revision. With `unit`: the documents owned by a unit of its subtree or applying to one.
    Five queries whatever the number of documents, units and people."""
    from django.db.models import Prefetch

    from qms.models import OrganisationalUnit

    documents = Document.objects.select_related("owner", "owner_unit").prefetch_related(
        Prefetch("versions", queryset=Version.objects.filter(status=Version.Status.PUBLISHED), to_attr="published")
    )
    if unit is not None:
        subtree = OrganisationalUnit.objects.filter(path__startswith=unit.path).values("pk")
        applying = Document.applies_to.through.objects.filter(document=OuterRef("pk"), organisationalunit__in=subtree)
        documents = documents.filter(Q(owner_unit__in=subtree) | Exists(applying))
    documents = list(documents.order_by("level", "code"))

    units_of: dict[int, set[int]] = {document.pk: set() for document in documents}
    for document_id, unit_id in Document.applies_to.through.objects.filter(document__in=documents).values_list(
        "document_id", "organisationalunit_id"
    ):
        units_of[document_id].add(unit_id)
    members_of: dict[int, set[int]] = {}
    all_units = set().union(*units_of.values()) if units_of else set()
    for unit_id, user_id in Membership.objects.filter(unit__in=all_units, user__is_active=True).values_list(
        "unit_id", "user_id"
    ):
        members_of.setdefault(unit_id, set()).add(user_id)
    current = {document.pk: document.published[0] for document in documents if document.published}
    acknowledged_by: dict[int, set[int]] = {version.pk: set() for version in current.values()}
    for version_id, person_id in Acknowledgement.objects.filter(version__in=list(current.values())).values_list(
        "version_id", "person_id"
    ):
        acknowledged_by[version_id].add(person_id)

    rows = []
    for document in documents:
        version = current.get(document.pk)
        required = set().union(*(members_of.get(unit_id, set()) for unit_id in units_of[document.pk]))
        acknowledged = len(required & acknowledged_by[version.pk]) if version else 0
        rows.append(
            {
                "document": document,
                "version": version,
                "required": len(required) if version else 0,
                "acknowledged": acknowledged,
                "rate": acknowledged / len(required) if version and required else None,
            }
        )
    return rows
