from django.conf import settings

from .navigation import navigation_for


def navigation(request):
    return {
        "nav_items": navigation_for(request.user, request.path) if hasattr(request, "user") else [],
        "portal_languages": settings.LANGUAGES,
    }
