"""Celery tasks of the `qms` app: they take ids, load objects and call a service."""

from celery import shared_task
from django.core import management

from .history import acting_user
from .models import Report
from .services import report_build


@shared_task(name="qms.tasks.build_report", time_limit=300, soft_time_limit=270, max_retries=2)
def build_report(report_id: str, user_id: int | None) -> str:
    report = Report.objects.filter(pk=report_id).first()
    if report is None:  # deleted meanwhile: nothing to do
        return "missing"
    with acting_user(user_id):
        report_build(report=report)
    return report.status


@shared_task(name="qms.tasks.clear_expired_sessions", time_limit=300, soft_time_limit=270)
def clear_expired_sessions() -> str:
    management.call_command("clearsessions")
    return "ok"
