"""Scheduled work of audits and improvement."""

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(name="audits.tasks.action_escalation", time_limit=900, soft_time_limit=840)
def action_escalation() -> dict:
    return services.actions_escalation_sweep(today=timezone.localdate())
