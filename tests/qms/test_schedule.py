"""Scheduled jobs: each run of a beat job is recorded with what it did; the quality officer's page
lists every job of the schedule with its last run and can run one now; every job run twice (or
late) sends each notice once."""

import datetime
import io

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from qms import schedule
from qms.celery import app
from qms.models import Notification, ScheduledJobRun
from qms.roles import Role
from tests.qms.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def tasks_loaded():
    app.loader.import_default_modules()


def run_job(name, **kwargs):
    return app.tasks[settings.CELERY_BEAT_SCHEDULE[name]["task"]].apply(kwargs=kwargs).get()


def test_every_job_of_the_beat_schedule_is_described_for_people():
    assert set(settings.CELERY_BEAT_SCHEDULE) == set(schedule.JOBS)
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name
        assert schedule.interval(name) is not None, name
        assert getattr(app.tasks[entry["task"]].run, "job_name", None) == name, f"{name} is not recorded"


def test_a_run_is_recorded_with_what_it_did():
    run_job("qms-reports-recover")
    run = ScheduledJobRun.objects.get()
    assert run.job == "qms-reports-recover"
    assert run.status == ScheduledJobRun.Status.OK
    assert run.result == {"requeued": 0, "sent": 0, "not_sent": 0}
    assert run.finished_at >= run.started_at and run.triggered_by is None


def test_a_failed_run_is_recorded_with_its_error(monkeypatch):
    from qms import services

    def broken():
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "reports_recover", broken)
    with pytest.raises(RuntimeError):
        run_job("qms-reports-recover")
    run = ScheduledJobRun.objects.get()
    assert run.status == ScheduledJobRun.Status.FAILED
    assert run.error == "RuntimeError: database went away"


def test_old_runs_are_pruned_to_the_last_ones(monkeypatch):
    monkeypatch.setattr(schedule, "RUNS_KEPT", 3)
    for _ in range(5):
        run_job("qms-reports-recover")
    assert ScheduledJobRun.objects.filter(job="qms-reports-recover").count() == 3


def test_the_page_lists_every_job_with_its_last_run_and_figures(client):
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    run_job("qms-reports-recover")
    client.force_login(quality)
    response = client.get(reverse("schedule:list"))
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.context["jobs"]}
    assert set(rows) == set(settings.CELERY_BEAT_SCHEDULE)
    assert rows["qms-reports-recover"]["last_run"].status == "ok"
    assert not rows["qms-reports-recover"]["late"]
    assert {"label": "Sent to the workers", "value": 0} in rows["qms-reports-recover"]["figures"]
    assert rows["policies-review-sweep"]["last_run"] is None and rows["policies-review-sweep"]["late"]
    page = response.content.decode()
    assert "Document review due" in page and "every 24 hours" in page and "Run now" in page
    runs = client.get(reverse("schedule:runs", args=["qms-reports-recover"]))
    assert runs.status_code == 200 and "Sent to the workers" in runs.content.decode()
    assert client.get(reverse("schedule:runs", args=["no-such-job"])).status_code == 404


def test_a_job_is_late_when_it_has_not_succeeded_for_two_intervals():
    old = ScheduledJobRun.objects.create(
        job="policies-review-sweep", started_at=timezone.now() - datetime.timedelta(days=3), status="ok"
    )
    ScheduledJobRun.objects.filter(pk=old.pk).update(finished_at=old.started_at)
    rows = {row["name"]: row for row in schedule.job_overview()}
    assert rows["policies-review-sweep"]["late"]
    run_job("policies-review-sweep")
    rows = {row["name"]: row for row in schedule.job_overview()}
    assert not rows["policies-review-sweep"]["late"]


def test_the_quality_officer_runs_a_job_now_and_the_run_names_them(client):
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    client.force_login(quality)
    response = client.post(reverse("schedule:run", args=["qms-notification-digest"]))
    assert response.status_code == 302
    run = ScheduledJobRun.objects.get()
    assert run.job == "qms-notification-digest" and run.triggered_by == quality and run.status == "ok"
    assert client.post(reverse("schedule:run", args=["no-such-job"])).status_code == 404


def test_the_rectorate_reads_the_page_without_running_jobs_and_others_are_refused(client):
    rector = UserFactory(roles=[Role.RECTORATE])
    client.force_login(rector)
    response = client.get(reverse("schedule:list"))
    assert response.status_code == 200 and "Run now" not in response.content.decode()
    assert client.post(reverse("schedule:run", args=["qms-notification-digest"])).status_code == 403
    for outsider in (
        UserFactory(roles=[Role.STAFF]),
        UserFactory(roles=[Role.UNIT_HEAD]),
        UserFactory(roles=[Role.APPLICANT]),
    ):
        client.force_login(outsider)
        assert client.get(reverse("schedule:list")).status_code == 403
        assert client.get(reverse("schedule:runs", args=["qms-reports-recover"])).status_code == 403
        assert client.post(reverse("schedule:run", args=["qms-notification-digest"])).status_code == 403
    assert not ScheduledJobRun.objects.exists()


def test_the_page_makes_the_same_number_of_queries_whatever_the_number_of_runs(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(UserFactory(roles=[Role.QUALITY_OFFICER]))
    run_job("qms-reports-recover")
    client.get(reverse("schedule:list"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("schedule:list"))
    for name in ("policies-review-sweep", "processes-review-sweep", "qms-notification-digest"):
        for _ in range(3):
            run_job(name)
    with django_assert_num_queries(len(few)):
        client.get(reverse("schedule:list"))


@pytest.mark.django_db(transaction=True)
def test_every_beat_job_run_twice_sends_each_notice_once(settings):
    """On the demo university (documents due for review, overdue actions and KPIs, unread
    documents, admitted applicants near their deadline...): a second run of every job, or the
    same day's run twice, sends nothing more."""
    call_command("load_demo", force=True, stdout=io.StringIO())
    # Everyone e-mailed at once, so that every notice is counted in the outbox too.
    from qms.models import User

    User.objects.update(notification_delivery=User.Delivery.IMMEDIATE)
    mail.outbox.clear()
    for name in settings.CELERY_BEAT_SCHEDULE:
        run_job(name)
    first_notices, first_mails = Notification.objects.count(), len(mail.outbox)
    assert first_notices > 0 and first_mails > 0
    for name in settings.CELERY_BEAT_SCHEDULE:
        run_job(name)
    assert Notification.objects.count() == first_notices
    assert len(mail.outbox) == first_mails
    runs = ScheduledJobRun.objects.filter(status="ok")
    assert runs.count() == 2 * len(settings.CELERY_BEAT_SCHEDULE)
