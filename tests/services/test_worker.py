"""With the real services: a task goes through Redis to a `celery worker` subprocess and its
result lands in PostgreSQL; /healthz sees the database, the broker and the worker."""

import io
import time

import pytest
from django.db import connection
from django.urls import reverse
from pypdf import PdfReader

from qms.celery import app as celery_app
from qms.models import Report
from qms.roles import Role
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def wait_for(predicate, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return predicate()


def test_a_report_requested_in_the_browser_is_built_by_the_worker_into_postgresql(client, worker):
    assert connection.vendor == "postgresql"
    assert celery_app.conf.task_always_eager is False
    root = UnitFactory(name="Химикотехнологичен и металургичен университет", kind="university")
    MembershipFactory(unit=UnitFactory(name="Център по качество", kind="service", parent=root))
    rector = UserFactory(roles=[Role.RECTORATE])
    client.force_login(rector)

    response = client.post(reverse("reports:request"), {"kind": Report.Kind.ORGANISATION_STRUCTURE})
    assert response.status_code == 302
    report = Report.objects.get(requested_by=rector)

    def finished():
        report.refresh_from_db()
        return report.status in (Report.Status.DONE, Report.Status.FAILED)

    assert wait_for(finished), f"not built in time; worker log:\n{worker['log'].read_text()}"
    assert report.status == Report.Status.DONE, report.error
    # The worker wrote the file and the history, naming the person who asked.
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(report.file.read())).pages)
    assert "Център по качество" in text
    worker_rows = report.history.filter(status__in=["running", "done"])
    assert worker_rows.count() == 2
    assert {row.history_user for row in worker_rows} == {rector}
    # The page shows it as done and lets the requester download it.
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 200


def test_a_task_run_twice_does_not_build_twice(worker):
    root = UnitFactory(name="University", kind="university")
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    report = Report.objects.create(kind=Report.Kind.ORGANISATION_STRUCTURE, requested_by=quality, language="bg")
    from qms.tasks import build_report

    build_report.delay(str(report.pk), quality.pk)
    assert wait_for(lambda: Report.objects.get(pk=report.pk).status == Report.Status.DONE)
    first_file = Report.objects.get(pk=report.pk).file.name
    build_report.delay(str(report.pk), quality.pk)
    # The second run finds the report done and leaves it: same file, no new history rows.
    time.sleep(2)
    assert Report.objects.get(pk=report.pk).file.name == first_file
    assert report.history.filter(status="done").count() == 1
    assert root.pk


def test_healthz_sees_postgresql_redis_and_the_worker(client, worker):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["database"] == {"ok": True, "vendor": "postgresql"}
    assert body["broker"] == {"ok": True}
    assert body["workers"]["ok"] and body["workers"]["count"] >= 1


def test_healthz_answers_503_with_the_broker_down_while_pages_still_serve(client, worker, unreachable_broker):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["broker"]["ok"] is False
    assert response.json()["database"]["ok"] is True
    client.force_login(UserFactory())
    assert client.get(reverse("home")).status_code == 200


def test_healthz_recovers_when_the_broker_is_back(client, worker):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200, response.json()
