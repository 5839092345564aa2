"""A create form sent twice makes one record.

Each create form carries a one-time token (`{% submission_token %}`, a hidden field named `FIELD`).
The view creates through `create_once`: the token is recorded (a unique row) in the same transaction
as the record, so a second POST with the same token, even one arriving at the same moment on
PostgreSQL (its INSERT waits for the first transaction and then fails), is taken to the record the
first one made (`already_sent`). A POST without a valid token (an old page, an API client) creates
as before; a token recorded for another person, or whose record is gone, counts as no token.
"""

import datetime
import uuid

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import FormSubmission

FIELD = "submission"
#: How long a token is remembered: `qms.tasks.clear_expired_sessions` deletes older ones.
KEPT_FOR = datetime.timedelta(days=2)


def posted_token(request) -> uuid.UUID | None:
    """The token this POST carries, or None (no token, or not a token)."""
    if request is None or request.method != "POST":
        return None
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None


def token_for(request) -> str:
    """The token of a form being shown: the posted one when the form comes back with an error
    (the same submission keeps its token), else a new one."""
    return str(posted_token(request) or uuid.uuid4())


def sent_before(request, *, model=None):
    """The record an earlier POST of this form (same token, same person) made, or None.

    `model` is the kind of record the view creates: a token that made another kind of record
    (only a crafted POST can carry one) counts as no token."""
    token = posted_token(request)
    if token is None or not request.user.is_authenticated:
        return None
    return _earlier_record(token, request.user, model)


def _earlier_record(token, user, model):
    submission = FormSubmission.objects.filter(token=token, user=user).first()
    record = submission.target if submission is not None else None
    if record is None or (model is not None and not isinstance(record, model)):
        return None
    return record


def create_once(request, create, *, model=None):
    """Call `create()` (which makes and returns the record, or raises ValidationError with nothing
    saved) unless this POST's token already made a record. Returns `(record, created)`."""
    token = posted_token(request)
    if token is None or not request.user.is_authenticated:
        return create(), True
    with transaction.atomic():
        try:
            with transaction.atomic():
                submission = FormSubmission.objects.create(token=token, user=request.user)
        except IntegrityError:  # sent before (on PostgreSQL: by a transaction that has committed since)
            earlier = _earlier_record(token, request.user, model)
            if earlier is not None:
                return earlier, False
            return create(), True  # another person's token, or its record is gone: as without a token
        record = create()
        submission.target = record
        submission.save(update_fields=["content_type", "object_id"])
        return record, True


def already_sent(request, record):
    """The answer to a form sent again: the page of what the first sending made."""
    messages.info(request, _("This form had already been sent. Here is what it created."))
    return redirect(record)


def prune(*, now=None) -> int:
    """Forget the tokens older than `KEPT_FOR`; returns how many were deleted."""
    cutoff = (now or timezone.now()) - KEPT_FOR
    deleted, _per_model = FormSubmission.objects.filter(created_at__lt=cutoff).delete()
    return deleted
