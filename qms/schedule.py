"""The periodic jobs of the portal: `CELERY_BEAT_SCHEDULE` says when each runs; this module says
what each is for, records each run (`ScheduledJobRun`) and lets the quality officer run one now.

Every job is idempotent and works from the state of the records, not from "what happened since
yesterday": run twice, it finds nothing more to do; run late (a missed day), it catches up.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import BooleanField, Case, Exists, Max, OuterRef, Q, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

logger = logging.getLogger(__name__)

#: Runs kept per job; older ones are removed as new ones are recorded.
RUNS_KEPT = 60


@dataclass(frozen=True)
class Job:
    name: str  # the key in CELERY_BEAT_SCHEDULE
    label: str
    description: str
    #: labels of the figures the job returns ({"notified": 3} is shown as "People notified: 3")
    result_labels: dict = field(default_factory=dict)


NOTIFIED = _("Notices sent")

JOBS = {
    job.name: job
    for job in [
        Job(
            "policies-review-sweep",
            _("Document review due"),
            _(
                "Marks controlled documents whose periodic review is due or overdue and tells each "
                "document's owner once per stage."
            ),
            {"due": pgettext_lazy("count", "Due"), "overdue": pgettext_lazy("count", "Overdue"), "notified": NOTIFIED},
        ),
        Job(
            "processes-review-sweep",
            _("Process card review due"),
            _("Marks processes whose card review is due or overdue and tells each process owner once per stage."),
            {"due": pgettext_lazy("count", "Due"), "overdue": pgettext_lazy("count", "Overdue"), "notified": NOTIFIED},
        ),
        Job(
            "processes-measurement-sweep",
            _("KPI measurement due"),
            _(
                "Finds the KPIs whose last period has ended without a measurement, marks them overdue and "
                "reminds the process owner once per period."
            ),
            {"kpis": _("KPIs checked"), "overdue": _("Measurements overdue"), "reminded": NOTIFIED},
        ),
        Job(
            "audits-action-escalation",
            _("Corrective action escalation"),
            _(
                "Reminds those responsible for actions due soon or overdue, then escalates overdue actions to "
                "the unit head and the quality officer, once per stage."
            ),
            {
                "due_soon": _("Due soon"),
                "overdue": pgettext_lazy("count", "Overdue"),
                "unit_head": _("Escalated to the unit head"),
                "quality_officer": _("Escalated to the quality officer"),
            },
        ),
        Job(
            "policies-acknowledgement-reminders",
            _("Acknowledgement reminders"),
            _("Reminds the people who have not yet acknowledged a published document that applies to them."),
            {"people": _("People reminded"), "emails": _("E-mails sent")},
        ),
        Job(
            "audits-management-review-reminder",
            _("Management review due"),
            _(
                "Tells the quality officer when the year's management review has not been held and its date is "
                "near or past, once per stage."
            ),
            {"due": pgettext_lazy("count", "Due"), "overdue": pgettext_lazy("count", "Overdue"), "notified": NOTIFIED},
        ),
        Job(
            "admissions-enrolment-sweep",
            _("Enrolment deadlines"),
            _(
                "Reminds admitted applicants two days before the enrolment deadline; after it, takes the places "
                "of those who did not confirm and closes the round."
            ),
            {"reminded": NOTIFIED, "lost_rights": _("Rights lost"), "rounds_closed": _("Rounds closed")},
        ),
        Job(
            "qms-notification-digest",
            _("Daily digest of notifications"),
            _("E-mails to each person who chose a daily digest the messages of their inbox not yet e-mailed."),
            {"people": _("People e-mailed"), "messages": _("Messages")},
        ),
        Job(
            "qms-reports-recover",
            _("Report builds"),
            _(
                "Sends to the workers the report requests recorded while the task queue was unavailable, and "
                "queues again the builds whose worker stopped."
            ),
            {"requeued": _("Queued again"), "sent": _("Sent to the workers"), "not_sent": _("Not sent yet")},
        ),
        Job(
            "clear-expired-sessions",
            _("Expired sessions"),
            _("Removes expired sign-in sessions and the records of forms sent over two days ago."),
            {"removed": _("Sessions removed"), "form_tokens": _("Sent-form records removed")},
        ),
    ]
}


def interval(name: str) -> datetime.timedelta | None:
    entry = settings.CELERY_BEAT_SCHEDULE.get(name)
    schedule = entry and entry.get("schedule")
    if isinstance(schedule, datetime.timedelta):
        return schedule
    if isinstance(schedule, (int, float)):
        return datetime.timedelta(seconds=schedule)
    run_every = getattr(schedule, "run_every", None)
    return run_every if isinstance(run_every, datetime.timedelta) else None


def job_task(name: str):
    """The Celery task of a job of the beat schedule. A worker imports every app's `tasks` module
    when it starts; a web process only those something has imported, so the others are imported
    here when the task is not known yet."""
    from .celery import app

    task_name = settings.CELERY_BEAT_SCHEDULE[name]["task"]
    if task_name not in app.tasks:
        app.autodiscover_tasks(force=True)
    return app.tasks[task_name]


def time_limit(name: str) -> datetime.timedelta | None:
    """The longest a run of the job can last: its task's hard time limit (the worker kills the
    run then), or the global one for a job no longer in the schedule."""
    from .celery import app

    seconds = None
    if name in settings.CELERY_BEAT_SCHEDULE:
        seconds = job_task(name).time_limit
    seconds = seconds or app.conf.task_time_limit
    return datetime.timedelta(seconds=seconds) if seconds else None


def with_interrupted(runs, now=None):
    """The runs annotated with `interrupted`: still recorded as running, but their worker was
    killed before it could record the end (the job's message was then delivered again, to a run
    of its own). A run is interrupted when it started longer ago than its task's time limit, or
    when a run of the same job started after it has finished."""
    from .models import ScheduledJobRun

    now = now or timezone.now()
    later_finished = ScheduledJobRun.objects.filter(
        job=OuterRef("job"), started_at__gt=OuterRef("started_at"), finished_at__isnull=False
    )
    too_long = Q(pk__in=[])
    for name in settings.CELERY_BEAT_SCHEDULE:
        if (limit := time_limit(name)) is not None:
            too_long |= Q(job=name, started_at__lt=now - limit)
    if (default := time_limit("")) is not None:
        too_long |= ~Q(job__in=list(settings.CELERY_BEAT_SCHEDULE)) & Q(started_at__lt=now - default)
    return runs.annotate(
        interrupted=Case(
            When(Q(status=ScheduledJobRun.Status.RUNNING) & (too_long | Exists(later_finished)), then=True),
            default=False,
            output_field=BooleanField(),
        )
    )


def job_runs(name: str, now=None) -> list:
    """The runs of a job that are kept, newest first, each with `interrupted`."""
    from .models import ScheduledJobRun

    runs = with_interrupted(ScheduledJobRun.objects.filter(job=name), now).select_related("triggered_by")
    return list(runs[:RUNS_KEPT])


def scheduled_job(name: str):
    """Record each run of the decorated task function (placed under `@shared_task`): when it
    started and finished, and the figures it returned, or the error that stopped it.

    The task accepts `triggered_by` (a user id) when someone runs it from the page."""

    def decorate(function):
        def run(*args, triggered_by=None, **kwargs):
            from .models import ScheduledJobRun

            record = ScheduledJobRun.objects.create(job=name, triggered_by_id=triggered_by)
            try:
                result = function(*args, **kwargs)
            except Exception as exc:
                ScheduledJobRun.objects.filter(pk=record.pk).update(
                    status=ScheduledJobRun.Status.FAILED,
                    finished_at=timezone.now(),
                    error=f"{exc.__class__.__name__}: {exc}"[:2000],
                )
                raise
            ScheduledJobRun.objects.filter(pk=record.pk).update(
                status=ScheduledJobRun.Status.OK,
                finished_at=timezone.now(),
                result=result if isinstance(result, dict) else {"result": result},
            )
            _prune(name)
            return result

        run.__name__ = function.__name__
        run.__qualname__ = function.__qualname__
        run.__module__ = function.__module__
        run.__doc__ = function.__doc__
        run.job_name = name
        return run

    return decorate


def _prune(name: str) -> None:
    from .models import ScheduledJobRun

    keep = ScheduledJobRun.objects.filter(job=name).order_by("-started_at", "-pk").values_list("pk", flat=True)
    cutoff = list(keep[RUNS_KEPT : RUNS_KEPT + 1])
    if cutoff:
        oldest_kept = ScheduledJobRun.objects.get(pk=cutoff[0])
        ScheduledJobRun.objects.filter(job=name, started_at__lte=oldest_kept.started_at).exclude(
            pk__in=list(keep[:RUNS_KEPT])
        ).delete()


def job_overview(now=None) -> list[dict]:
    """Every job of the beat schedule with its description, interval and last run (two queries)."""
    from .models import ScheduledJobRun

    now = now or timezone.now()
    latest = ScheduledJobRun.objects.filter(job=OuterRef("job")).order_by("-started_at", "-pk").values("pk")[:1]
    last_runs = {
        run.job: run
        for run in with_interrupted(ScheduledJobRun.objects.filter(pk=Subquery(latest)), now).select_related(
            "triggered_by"
        )
    }
    last_ok = dict(
        ScheduledJobRun.objects.filter(status=ScheduledJobRun.Status.OK)
        .order_by()
        .values_list("job")
        .annotate(last=Max("finished_at"))
    )
    rows = []
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        job = JOBS.get(name) or Job(name, name, "")
        every = interval(name)
        run = last_runs.get(name)
        finished = last_ok.get(name)
        late = every is not None and (finished is None or finished < now - 2 * every)
        figures = []
        if run is not None and run.status == ScheduledJobRun.Status.OK:
            for key, value in (run.result or {}).items():
                figures.append({"label": job.result_labels.get(key, key.replace("_", " ")), "value": value})
        rows.append(
            {
                "name": name,
                "job": job,
                "task": entry["task"],
                "every": every,
                "last_run": run,
                "last_success": finished,
                "late": late,
                "figures": figures,
            }
        )
    return rows


def job_run_now(name: str, *, by) -> bool:
    """Queue the job's task now (for the quality officer's button); False if the queue is down."""
    try:
        job_task(name).apply_async(kwargs={"triggered_by": by.pk})
    except Exception:
        logger.warning("scheduled job %s could not be queued", name, exc_info=True)
        return False
    return True
