"""App configurations of third-party apps, adjusted for the portal (a module of its own: with
more than one AppConfig in qms/apps.py Django would no longer pick QmsConfig for "qms")."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _


class AxesConfig(AxesAppConfig):
    """django-axes with a name the administration can show in the reader's language (axes
    gives its app none, so the admin index said "Axes")."""

    verbose_name = _("Sign-in attempts and lockouts")
