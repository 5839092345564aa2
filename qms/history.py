"""Who is acting, for django-simple-history, outside a request.

In a request HistoryRequestMiddleware records request.user. A Celery task receives the acting
user's id and wraps its work in `acting_user(user_id)`, so the history rows it writes name the
person who asked for the work, not "unknown".
"""

from contextlib import contextmanager
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from simple_history.models import HistoricalRecords


@contextmanager
def acting_user(user_or_id):
    """Record `user_or_id` (a user, an id or None) as the author of history written inside."""
    user = user_or_id
    if user is not None and not hasattr(user, "pk"):
        user = get_user_model().objects.filter(pk=user_or_id).first()
    had_request = hasattr(HistoricalRecords.context, "request")
    previous = getattr(HistoricalRecords.context, "request", None)
    HistoricalRecords.context.request = SimpleNamespace(user=user)
    try:
        yield user
    finally:
        if had_request:
            HistoricalRecords.context.request = previous
        else:
            del HistoricalRecords.context.request
