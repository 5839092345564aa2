"""Scheduled work of the process register."""

from celery import shared_task
from django.utils import timezone

from qms.schedule import scheduled_job

from . import services


@shared_task(name="processes.tasks.measurement_sweep", time_limit=900, soft_time_limit=840)
@scheduled_job("processes-measurement-sweep")
def measurement_sweep() -> dict:
    return services.kpi_measurement_sweep(today=timezone.localdate())


@shared_task(name="processes.tasks.review_sweep", time_limit=600, soft_time_limit=540)
@scheduled_job("processes-review-sweep")
def review_sweep() -> dict:
    return services.processes_review_sweep(today=timezone.localdate())
