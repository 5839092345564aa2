from django.apps import AppConfig


class SlowReportsConfig(AppConfig):
    name = "tests.services.slowreports"
    label = "slowreports"

    def ready(self):
        from qms.reporting import register

        from .kind import REPORT_TYPE

        register(REPORT_TYPE)
