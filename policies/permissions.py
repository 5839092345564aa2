"""Who may do what with documents. Views go through these helpers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from qms.roles import Role

from .models import Document, Version
from .selectors import READ_ALL_ROLES, documents_visible_to
from .services import EDIT_DOCUMENT


def is_quality_officer(user) -> bool:
    return user.has_role(Role.QUALITY_OFFICER)


def can_edit_drafts(user, document: Document) -> bool:
    """The quality office manages everything; a document's owner edits its drafts (object permission)."""
    return is_quality_officer(user) or user.has_perm(EDIT_DOCUMENT, document)


def can_read_version(user, version: Version) -> bool:
    """Published and superseded versions (the document's change record): whoever sees the
    document. Other versions: its editors, the people named to decide on it, and those who read
    everything."""
    if version.status in (Version.Status.PUBLISHED, Version.Status.SUPERSEDED):
        return True  # the document itself was already checked by get_document_for_user
    if user.has_role(*READ_ALL_ROLES) or can_edit_drafts(user, version.document):
        return True
    return version.decisions.filter(person=user).exists()


def get_document_for_user(user, pk) -> Document:
    try:
        return documents_visible_to(user).get(pk=pk)
    except (Document.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_version_for_user(user, pk) -> Version:
    try:
        version = Version.objects.select_related("document", "approver").get(pk=pk)
    except (Version.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    get_document_for_user(user, version.document_id)
    if not can_read_version(user, version):
        raise PermissionDenied
    return version


def get_draft_for_editor(user, pk) -> Version:
    version = get_version_for_user(user, pk)
    if not can_edit_drafts(user, version.document):
        raise PermissionDenied
    return version
