from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .navigation import navigation_for


def _unread(user):
    from .models import Notification

    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def navigation(request):
    return {
        "nav_items": navigation_for(request.user, request.path) if hasattr(request, "user") else [],
        "portal_languages": settings.LANGUAGES,
        "unread_notifications": SimpleLazyObject(lambda: _unread(request.user))
        if getattr(request, "user", None) is not None and request.user.is_authenticated
        else 0,
    }
