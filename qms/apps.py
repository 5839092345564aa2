from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class QmsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "qms"
    verbose_name = _("People and organisation")

    def ready(self):
        # Each app declares the reports it offers in its `reports` module (see qms.reporting).
        autodiscover_modules("reports")
        from . import signals  # noqa: F401  (the worker sends pending report builds when it starts)
