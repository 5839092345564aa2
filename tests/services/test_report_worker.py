"""Report jobs with the real services: PostgreSQL, Redis and `celery worker` processes that these
tests start, and kill in the middle of a build. A killed worker never leaves a report stuck in
"running": the build is delivered again (or taken back when its heartbeat stops) and completes."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse

from qms import reporting
from qms.celery import app as celery_app
from qms.models import Report
from qms.roles import Role
from tests.conftest import ROOT, _test_database_url
from tests.qms.factories import UserFactory
from tests.services.slowreports.kind import KIND, REPORT_TYPE
from tests.services.test_worker import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


class Worker:
    """A prefork `celery worker` on its own queue, in its own process group (so that it can be
    killed whole), with the slow report kind and a 1 s heartbeat (tests/services/worker_settings).
    `env` adds to or overrides its environment (another REDIS_URL, the slow e-mail backend's folder)."""

    def __init__(self, queue, media, private, log_path, env=None):
        self.log_path = log_path
        self.log = log_path.open("a")
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.services.worker_settings",
            "DATABASE_URL": _test_database_url(),
            "MEDIA_ROOT": str(media),
            "PRIVATE_MEDIA_ROOT": str(private),
            "PYTHONUNBUFFERED": "1",
            "REPORT_QUEUE": queue,  # builds it sends again go to its own queue too
            **(env or {}),
        }
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "qms",
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                "--without-gossip",
                "--without-mingle",
                "--loglevel=INFO",
                "-Q",
                queue,
                "-n",
                f"{queue}-{time.monotonic_ns()}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.name = None

    def wait_ready(self):
        ready = wait_for(lambda: "ready." in self.log_path.read_text(), timeout=60)
        assert ready, f"the worker did not start:\n{self.log_path.read_text()}"

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def kill_child(self):
        """Kill the pool process that runs the task (the worker's main process lives on)."""
        children = self.children()
        assert children, "the worker has no pool process"
        for pid in children:
            os.kill(pid, signal.SIGKILL)

    def kill_all(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=20)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


@pytest.fixture
def report_queue(celery_worker_process, settings, tmp_path, monkeypatch):
    """Reports of this test go to their own queue, served only by the workers the test starts."""
    queue = f"reports-test-{os.getpid()}-{time.monotonic_ns()}"
    settings.REPORT_QUEUE = queue
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    monkeypatch.setitem(reporting._REGISTRY, KIND, REPORT_TYPE)
    workers = []

    def start():
        worker = Worker(queue, settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT, tmp_path / "worker.log")
        workers.append(worker)
        worker.wait_ready()
        return worker

    yield start
    for worker in workers:
        worker.stop()
    with celery_app.connection_for_write() as connection:
        connection.default_channel.queue_purge(queue)


def log_of(report) -> str:
    return f"report: {Report.objects.filter(pk=report.pk).values().first()}"


def request(client, user, params):
    client.force_login(user)
    response = client.post(reverse("reports:request"), {"kind": KIND, "format": "pdf", **params})
    assert response.status_code == 302, response.content[:500]
    return Report.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def test_a_worker_killed_in_the_middle_of_a_report_delivers_it_again_and_it_completes(client, report_queue):
    worker = report_queue()
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    report = request(client, quality, {})

    def running_with_progress():
        report.refresh_from_db()
        return report.status == Report.Status.RUNNING and report.progress >= 10

    assert wait_for(running_with_progress, timeout=60), log_of(report) + worker.log_path.read_text()
    # The same report requested again while it is built joins the build.
    assert request(client, UserFactory(roles=[Role.QUALITY_OFFICER]), {}).pk == report.pk

    worker.kill_child()

    assert wait_for(lambda: Report.objects.get(pk=report.pk).status == Report.Status.DONE, timeout=90), (
        log_of(report) + worker.log_path.read_text()
    )
    report.refresh_from_db()
    assert report.attempts == 2  # the killed attempt, and the one that finished
    assert report.history.filter(status="done").count() == 1
    assert Report.objects.filter(kind=KIND).count() == 1
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 200
    assert report.file.read() == b"%PDF-1.4 slow report 10"


def test_a_report_left_running_by_a_dead_worker_completes_when_a_worker_is_back(client, report_queue):
    worker = report_queue()
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    report = request(client, quality, {"steps": 30})

    def started():
        report.refresh_from_db()
        return report.status == Report.Status.RUNNING and report.progress > 0

    assert wait_for(started, timeout=60), log_of(report) + worker.log_path.read_text()
    worker.kill_all()  # the whole worker: nobody is left to deliver the task again
    time.sleep(5)  # longer than REPORT_STALE_SECONDS of the worker settings
    report.refresh_from_db()
    assert report.status == Report.Status.RUNNING  # what a dead worker leaves behind...

    report_queue()  # ...until a worker starts: it takes back the stale build and finishes it

    assert wait_for(lambda: Report.objects.get(pk=report.pk).status == Report.Status.DONE, timeout=120), (
        log_of(report) + worker.log_path.read_text()
    )
    report.refresh_from_db()
    assert report.attempts == 2
    assert report.file.read() == b"%PDF-1.4 slow report 30"


def test_a_report_requested_while_no_worker_runs_starts_when_one_does(client, report_queue):
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    report = request(client, quality, {"steps": 2})
    time.sleep(1)
    report.refresh_from_db()
    assert report.status == Report.Status.QUEUED and report.dispatched_at is not None

    report_queue()

    assert wait_for(lambda: Report.objects.get(pk=report.pk).status == Report.Status.DONE, timeout=60), log_of(report)


def test_a_failed_report_is_retried_by_the_worker(client, report_queue, tmp_path):
    report_queue()
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    flag = tmp_path / "broken-flag"
    flag.touch()
    report = request(client, quality, {"steps": 2, "fail_while": str(flag)})

    assert wait_for(lambda: Report.objects.get(pk=report.pk).status == Report.Status.FAILED, timeout=60), log_of(report)
    report.refresh_from_db()
    assert report.error == "The report could not be built: the flag broken-flag is set"

    flag.unlink()
    assert client.post(reverse("reports:retry", args=[report.pk])).status_code == 302

    assert wait_for(lambda: Report.objects.get(pk=report.pk).status == Report.Status.DONE, timeout=60), log_of(report)
    report.refresh_from_db()
    assert report.attempts == 2 and report.error == ""
