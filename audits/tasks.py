"""Scheduled work of audits and improvement."""

from celery import shared_task
from django.utils import timezone

from qms.history import acting_user
from qms.schedule import scheduled_job

from . import services


@shared_task(name="audits.tasks.action_escalation", time_limit=900, soft_time_limit=840)
@scheduled_job("audits-action-escalation")
def action_escalation() -> dict:
    return services.actions_escalation_sweep(today=timezone.localdate())


@shared_task(name="audits.tasks.management_review_reminder", time_limit=300, soft_time_limit=270)
@scheduled_job("audits-management-review-reminder")
def management_review_reminder() -> dict:
    """Tell the quality officers that the year's management review is due or overdue."""
    return services.management_review_reminders_send(today=timezone.localdate())


@shared_task(name="audits.tasks.build_report", time_limit=300, soft_time_limit=270)
def build_report(model_label: str, pk: int, user_id: int | None) -> str:
    """Build the audit report or the annual QMS report of a management review, kept with it."""
    with acting_user(user_id):
        return services.report_build(model_label=model_label, pk=pk)
