"""A run of a scheduled job whose worker was killed stays recorded as running (nothing is left to
record its end). The page of scheduled jobs shows and counts it as interrupted once it started
longer ago than its task's time limit, or once a later run of the same job has finished (the job's
message delivered again after the kill is such a run)."""

import datetime
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from qms import schedule
from qms.models import ScheduledJobRun
from qms.roles import Role
from tests.conftest import ROOT
from tests.qms.factories import UserFactory

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0))
RECOVER = "qms-reports-recover"  # time limit 120 s
REMINDERS = "policies-acknowledgement-reminders"  # time limit 900 s, longer than the global 600 s


def run(job, started_ago, status=ScheduledJobRun.Status.RUNNING, finished_after=None, now=NOW):
    started = now - datetime.timedelta(seconds=started_ago)
    finished = started + datetime.timedelta(seconds=finished_after) if finished_after is not None else None
    return ScheduledJobRun.objects.create(job=job, started_at=started, status=status, finished_at=finished)


def interrupted(now=NOW) -> dict:
    return dict(schedule.with_interrupted(ScheduledJobRun.objects.all(), now).values_list("pk", "interrupted"))


def test_the_time_limit_of_a_job_is_its_tasks():
    assert schedule.time_limit(RECOVER) == datetime.timedelta(seconds=120)
    assert schedule.time_limit(REMINDERS) == datetime.timedelta(seconds=900)
    assert schedule.time_limit("no-longer-scheduled") == datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)


def test_a_run_still_running_within_its_tasks_time_limit_is_running():
    recent = run(RECOVER, started_ago=100)
    long_job = run(REMINDERS, started_ago=700)  # past the global limit, within its own
    assert interrupted() == {recent.pk: False, long_job.pk: False}
    rows = {row["name"]: row for row in schedule.job_overview(now=NOW)}
    assert rows[RECOVER]["last_run"].pk == recent.pk and not rows[RECOVER]["last_run"].interrupted


def test_a_run_still_recorded_running_after_its_tasks_time_limit_is_interrupted():
    killed = run(RECOVER, started_ago=130)
    killed_long_ago = run(REMINDERS, started_ago=901)
    unknown = run("no-longer-scheduled", started_ago=settings.CELERY_TASK_TIME_LIMIT + 1)
    assert interrupted() == {killed.pk: True, killed_long_ago.pk: True, unknown.pk: True}
    rows = {row["name"]: row for row in schedule.job_overview(now=NOW)}
    assert rows[RECOVER]["last_run"].interrupted and rows[REMINDERS]["last_run"].interrupted


def test_a_run_is_interrupted_when_a_later_run_of_the_same_job_has_finished():
    killed = run(REMINDERS, started_ago=60)
    again = run(REMINDERS, started_ago=50, status=ScheduledJobRun.Status.OK, finished_after=5)
    other_job = run(RECOVER, started_ago=70)  # an earlier start, but another job: still running
    assert interrupted() == {killed.pk: True, again.pk: False, other_job.pk: False}


def test_a_later_run_still_running_does_not_interrupt_an_earlier_one():
    first = run(REMINDERS, started_ago=60)
    second = run(REMINDERS, started_ago=30)
    assert interrupted() == {first.pk: False, second.pk: False}


def test_finished_runs_are_never_interrupted_however_old():
    ok = run(RECOVER, started_ago=86400, status=ScheduledJobRun.Status.OK, finished_after=1)
    failed = run(RECOVER, started_ago=80000, status=ScheduledJobRun.Status.FAILED, finished_after=1)
    assert interrupted() == {ok.pk: False, failed.pk: False}


def test_interrupted_runs_can_be_counted_in_a_query():
    run(RECOVER, started_ago=500)
    run(RECOVER, started_ago=400)
    run(RECOVER, started_ago=10)
    runs = schedule.with_interrupted(ScheduledJobRun.objects.all(), NOW)
    assert runs.filter(interrupted=True).count() == 2
    assert runs.filter(interrupted=False, status=ScheduledJobRun.Status.RUNNING).count() == 1


def test_the_pages_show_a_killed_run_as_interrupted_and_not_as_running(client):
    now = timezone.now()
    killed = run(REMINDERS, started_ago=60, now=now)
    run(REMINDERS, started_ago=50, status=ScheduledJobRun.Status.OK, finished_after=8, now=now)
    stuck = run(RECOVER, started_ago=3600, now=now)  # its worker died and no run has followed
    client.force_login(UserFactory(roles=[Role.QUALITY_OFFICER]))

    overview = client.get(reverse("schedule:list"))
    rows = {row["name"]: row for row in overview.context["jobs"]}
    assert rows[RECOVER]["last_run"].pk == stuck.pk and rows[RECOVER]["last_run"].interrupted
    assert not rows[REMINDERS]["last_run"].interrupted  # its last run is the one delivered again, done
    page = overview.content.decode()
    assert page.count('data-testid="job-interrupted"') == 1
    assert ">Running<" not in page

    runs = client.get(reverse("schedule:runs", args=[REMINDERS]))
    shown = {item.pk: item.interrupted for item in runs.context["runs"]}
    assert shown[killed.pk] and list(shown.values()).count(True) == 1
    page = runs.content.decode()
    assert "<td>Interrupted</td>" in page and "<td>Done</td>" in page and "<td>Running</td>" not in page


def test_run_now_finds_the_task_of_every_job_in_a_fresh_web_process():
    """A web process imports the apps' tasks modules only when something needs them: the button
    must still find the job's task, not report the queue as unreachable."""
    script = """
import django
django.setup()
import qms.urls  # noqa: F401  (what a web process has loaded before the first request)
from celery.app.task import Task
from django.conf import settings
from qms import schedule

queued = []
Task.apply_async = lambda self, *args, **kwargs: queued.append(self.name)

class Person:
    pk = 1

refused = [name for name in settings.CELERY_BEAT_SCHEDULE if not schedule.job_run_now(name, by=Person())]
assert not refused, refused
assert sorted(queued) == sorted(entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()), queued
"""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "qms.settings_test", "REDIS_URL": ""}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
