from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QmsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "qms"
    verbose_name = _("People and organisation")
