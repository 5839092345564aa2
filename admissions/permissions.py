"""Who may see what in the admission portal. Views go through these helpers.

- An applicant sees only their own application, documents and results: any other id answers 404
  (ids in URLs are random UUIDs, and guessing one still finds nothing).
- The admissions committee sees and works on every application of every campaign.
- The rectorate and the quality office see the admission figures (counts, places, scores), not
  applicants' personal data.
- Everybody, signed in or not, reads the published ranking lists, which show application numbers
  and scores, never names.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from qms.roles import Role

from .models import Applicant, Application, Document, Round

STATISTICS_ROLES = (Role.ADMISSIONS_COMMITTEE, Role.RECTORATE, Role.QUALITY_OFFICER)


def is_committee(user) -> bool:
    return user.is_authenticated and user.has_role(Role.ADMISSIONS_COMMITTEE)


def is_applicant(user) -> bool:
    return user.is_authenticated and user.has_role(Role.APPLICANT)


def can_see_statistics(user) -> bool:
    return user.is_authenticated and user.has_role(*STATISTICS_ROLES)


def require_committee(user):
    """403 for the university's other staff; 404 for applicants, who never learn what the
    committee's pages are."""
    if is_committee(user):
        return
    if is_applicant(user) and not user.is_university_staff:
        raise Http404
    raise PermissionDenied


def applicant_of(user):
    """The applicant record of a signed-in applicant, or 404."""
    if not is_applicant(user):
        raise Http404
    try:
        return user.applicant
    except Applicant.DoesNotExist:
        raise Http404 from None


def _uuid_filter(queryset, uuid):
    try:
        return queryset.get(uuid=uuid)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_own_application(user, uuid) -> Application:
    applicant = applicant_of(user)
    return _uuid_filter(
        Application.objects.select_related("applicant__user", "campaign").filter(applicant=applicant), uuid
    )


def get_application_for_committee(user, uuid) -> Application:
    if not is_committee(user):
        raise Http404 if not (user.is_authenticated and user.is_university_staff) else PermissionDenied
    return _uuid_filter(Application.objects.select_related("applicant__user", "campaign"), uuid)


def get_document_for_user(user, uuid) -> Document:
    """The owner and the committee may download a document; anyone else gets 404."""
    queryset = Document.objects.select_related("application__applicant")
    if is_committee(user):
        return _uuid_filter(queryset, uuid)
    if is_applicant(user):
        return _uuid_filter(queryset.filter(application__applicant__user=user), uuid)
    raise Http404


def get_round_for_committee(user, pk) -> Round:
    require_committee(user)
    try:
        return Round.objects.select_related("campaign").get(pk=pk)
    except (Round.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_public_round(pk) -> Round:
    try:
        return Round.objects.select_related("campaign").get(
            pk=pk, status__in=(Round.Status.PUBLISHED, Round.Status.CLOSED)
        )
    except (Round.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
