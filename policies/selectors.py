"""Reads of document control, filtered to what the reader may see."""

from django.db.models import Count, Exists, OuterRef, Q

from qms.models import Membership
from qms.roles import Role

from .models import Acknowledgement, Document, ReviewDecision, Version

READ_ALL_ROLES = (Role.QUALITY_OFFICER, Role.RECTORATE, Role.AUDITOR)


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
