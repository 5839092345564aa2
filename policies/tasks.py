"""Scheduled work of document control."""

from celery import shared_task
from django.utils import timezone

from qms.schedule import scheduled_job

from . import services


@shared_task(name="policies.tasks.review_sweep", time_limit=600, soft_time_limit=540)
@scheduled_job("policies-review-sweep")
def review_sweep() -> dict:
    return services.documents_review_sweep(today=timezone.localdate())


@shared_task(name="policies.tasks.acknowledgement_reminders", time_limit=900, soft_time_limit=840)
@scheduled_job("policies-acknowledgement-reminders")
def acknowledgement_reminders() -> dict:
    return services.acknowledgement_reminders_send(now=timezone.now())
