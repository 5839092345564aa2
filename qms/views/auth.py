"""Signing in, the lockout page of django-axes, and the language switcher."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.shortcuts import render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language


class PortalLoginView(LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


def lockout(request, original_response=None, credentials=None):
    """Shown instead of the login result once a username has failed too often from one place.

    The lock lifts by itself after the cool-off time (AXES_COOLOFF_TIME)."""
    minutes = max(1, int(get_cool_off(request).total_seconds() // 60))
    # An unbound form keeps what was typed without validating it again: validation would call
    # authenticate() once more and count another failure.
    form = AuthenticationForm(request, initial={"username": request.POST.get("username", "")})
    message = ngettext(
        "Too many failed sign-in attempts. Please try again in %(minutes)d minute.",
        "Too many failed sign-in attempts. Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
    return render(request, "registration/login.html", {"form": form, "lockout_message": message}, status=429)


@login_not_required
@require_POST
def set_language(request):
    """Django's set_language, and the choice kept in a signed-in person's profile."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if user.is_authenticated and language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response
