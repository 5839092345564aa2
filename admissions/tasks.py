"""Work of the admission portal done by workers: ranking rounds, results notices, application
PDFs, and the daily enrolment sweep."""

from celery import shared_task
from django.utils import timezone

from qms.history import acting_user
from qms.schedule import scheduled_job

from . import services
from .models import Application, Round


@shared_task(name="admissions.tasks.rank_round", time_limit=1800, soft_time_limit=1740, acks_late=True)
def rank_round(round_id: int) -> str:
    """Rank a queued round (a redelivered task finds it ranked and does nothing)."""
    started_by = Round.objects.filter(pk=round_id).values_list("started_by_id", flat=True).first()
    with acting_user(started_by):
        round = services.round_rank(round_id=round_id)
    return "ranked" if round else "skipped"


@shared_task(name="admissions.tasks.round_notices", time_limit=1800, soft_time_limit=1740)
def round_notices(round_id: int) -> int:
    return services.round_notices_send(round_id=round_id)


@shared_task(name="admissions.tasks.build_application_pdf", time_limit=120, soft_time_limit=100)
def build_application_pdf(application_id: int) -> str:
    application = Application.objects.select_related("applicant__user", "campaign").filter(pk=application_id).first()
    if application is None:
        return "gone"
    services.application_pdf_build(application=application)
    return "built"


@shared_task(name="admissions.tasks.enrolment_sweep", time_limit=900, soft_time_limit=840)
@scheduled_job("admissions-enrolment-sweep")
def enrolment_sweep() -> dict:
    result = services.enrolment_sweep(today=timezone.localdate())
    # Results of a round whose notices could not be queued at publication go out now.
    for round_id in Round.objects.filter(status=Round.Status.PUBLISHED).values_list("pk", flat=True):
        services.round_notices_send(round_id=round_id)
    return result
