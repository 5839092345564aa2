"""Celery tasks of the `qms` app: they take ids, load objects and call a service."""

from celery import shared_task
from django.conf import settings
from django.core import management

from . import services
from .history import acting_user
from .mail import notification_digest_send
from .models import Report
from .schedule import scheduled_job
from .services import report_build


@shared_task(
    name="qms.tasks.build_report",
    bind=True,
    time_limit=settings.REPORT_TIME_LIMIT,
    soft_time_limit=settings.REPORT_TIME_LIMIT - 30,
    acks_late=True,
    reject_on_worker_lost=True,
)
def build_report(self, report_id: str, user_id: int | None = None) -> str:
    """Build a report (see `services.report_build`: a second delivery does nothing)."""
    requested_by = Report.objects.filter(pk=report_id).values_list("requested_by_id", flat=True).first()
    if requested_by is None:  # deleted meanwhile: nothing to do
        return "missing"
    with acting_user(requested_by):
        return report_build(report_id=report_id, task_id=self.request.id or "", heartbeat=not self.request.is_eager)


@shared_task(name="qms.tasks.reports_recover", time_limit=120, soft_time_limit=100)
@scheduled_job("qms-reports-recover")
def reports_recover() -> dict:
    return services.reports_recover()


@shared_task(name="qms.tasks.clear_expired_sessions", time_limit=300, soft_time_limit=270)
@scheduled_job("clear-expired-sessions")
def clear_expired_sessions() -> dict:
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from .submissions import prune

    expired = Session.objects.filter(expire_date__lt=timezone.now()).count()
    management.call_command("clearsessions")
    return {"removed": expired, "form_tokens": prune()}


@shared_task(name="qms.tasks.notification_digest", time_limit=900, soft_time_limit=840)
@scheduled_job("qms-notification-digest")
def notification_digest() -> dict:
    return notification_digest_send()
