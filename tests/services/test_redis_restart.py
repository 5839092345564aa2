"""Redis stopped and started again, as a quality officer lives it: while it is down the portal
serves its pages, signs people in, registers a nonconformity and records a report request (sent
later); /healthz says what is wrong. When it is back, empty, the worker reconnects by itself and
the recovery job sends the request recorded during the outage, which the worker builds.

The test runs its own `redis-server` (never the shared one): this process's Celery app, Django's
cache and a worker subprocess all point at it for the duration of the test."""

import os
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache
from django.urls import reverse

from audits.models import Nonconformity
from qms.celery import app as celery_app
from qms.models import Report
from qms.roles import Role
from qms.tasks import reports_recover
from tests.conftest import _reset_broker_connections
from tests.policies.factories import DocumentFactory
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory
from tests.services.test_report_worker import Worker
from tests.services.test_worker import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # UserFactory's
#: No request may take longer than this while Redis is down (a hanging connect would be a bug).
MAX_SECONDS = 10


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    """A `redis-server` of this test alone (not daemonized, nothing saved to disk) that can be
    stopped and started again on the same port."""

    def __init__(self, folder):
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.log = (self.folder / "redis.log").open("a")
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        assert wait_for(self.answers, timeout=20), (self.folder / "redis.log").read_text()

    def answers(self) -> bool:
        if self.process.poll() is not None:
            return False
        try:
            return redis.Redis.from_url(self.url, socket_connect_timeout=0.5).ping()
        except redis.ConnectionError:
            return False

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture
def private_redis(tmp_path):
    server = PrivateRedis(tmp_path / "redis")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def on_private_redis(private_redis, settings, tmp_path):
    """This process's Celery app, Django's cache and a worker on its own queue, all on the
    private Redis. Returns the worker."""
    previous = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    celery_app.conf.broker_url = private_redis.url
    celery_app.conf.task_always_eager = False
    _reset_broker_connections()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": private_redis.url}
    }
    settings.REPORT_QUEUE = f"redis-restart-{os.getpid()}-{time.monotonic_ns()}"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    worker = Worker(
        settings.REPORT_QUEUE,
        settings.MEDIA_ROOT,
        settings.PRIVATE_MEDIA_ROOT,
        tmp_path / "worker.log",
        env={"REDIS_URL": private_redis.url},
    )
    worker.queue = settings.REPORT_QUEUE
    try:
        worker.wait_ready()
        yield worker
    finally:
        worker.stop()
        celery_app.conf.broker_url, celery_app.conf.task_always_eager = previous
        _reset_broker_connections()


class Timed:
    """Each request is timed; none may hang."""

    def __init__(self, client):
        self.client, self.seconds = client, {}

    def __call__(self, label, method, *args, **kwargs):
        started = time.monotonic()
        response = getattr(self.client, method)(*args, **kwargs)
        self.seconds[label] = elapsed = time.monotonic() - started
        assert elapsed < MAX_SECONDS, f"{label} took {elapsed:.1f} s"
        return response


def sign_in(timed, person, label):
    response = timed(label, "post", reverse("login"), {"username": person.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    assert int(timed.client.session["_auth_user_id"]) == person.pk


def report_of(response) -> Report:
    assert response.status_code == 302, response.content[:500]
    return Report.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def test_with_redis_stopped_the_portal_serves_and_records_and_when_it_is_back_the_worker_catches_up(
    client, on_private_redis, private_redis
):
    worker = on_private_redis
    root = UnitFactory(name="University", kind="university")
    faculty = UnitFactory(name="Faculty of Chemistry", kind="faculty", parent=root)
    quality = UserFactory(roles=[Role.QUALITY_OFFICER, Role.STAFF])
    MembershipFactory(unit=faculty, user=quality)
    document = DocumentFactory(owner=UserFactory(), owner_unit=root, applies_to=[faculty], code="DP 01.01")
    timed = Timed(client)
    organisation = {"kind": Report.Kind.ORGANISATION_STRUCTURE}

    def log():
        return f"\nworker log:\n{worker.log_path.read_text()[-5000:]}"

    # 1. Redis up: a report requested on the reports page is built by the worker.
    cache.set("redis-restart", "kept")
    assert cache.get("redis-restart") == "kept"  # the cache is on the private Redis too
    sign_in(timed, quality, "sign in (Redis up)")
    before = report_of(timed("request a report (Redis up)", "post", reverse("reports:request"), organisation))
    assert wait_for(lambda: Report.objects.get(pk=before.pk).status == Report.Status.DONE, timeout=60), log()
    assert timed("healthz (Redis up)", "get", reverse("healthz")).status_code == 200

    # 2. Redis stopped: pages, signing in, a nonconformity and a report request all work.
    private_redis.stop()
    with pytest.raises(redis.ConnectionError):
        cache.get("redis-restart")  # the cache is down as well: the pages below must not need it
    assert timed("dashboard", "get", reverse("dashboard")).status_code == 200
    assert timed("NC register", "get", reverse("audits:nc-list")).status_code == 200
    assert timed("document page", "get", reverse("policies:document-detail", args=[document.pk])).status_code == 200
    assert timed("sign out", "post", reverse("logout")).status_code == 302
    sign_in(timed, quality, "sign in (Redis down)")
    registered = timed(
        "register a nonconformity",
        "post",
        reverse("audits:nc-create"),
        {
            "title": "Calibration records missing",
            "description": "The balance in lab 3 has no calibration record for 2026.",
            "source": "staff_report",
            "severity": "minor",
            "unit": faculty.pk,
            "requirement": "ISO 9001 7.1.5",
            "detected_on": "2026-03-02",
        },
    )
    assert registered.status_code == 302, registered.content[:500]
    nc = Nonconformity.objects.get(title="Calibration records missing")
    assert registered.url == nc.get_absolute_url() and nc.reported_by == quality
    during = report_of(timed("request a report (Redis down)", "post", reverse("reports:request"), organisation))
    assert during.pk != before.pk
    assert during.status == Report.Status.QUEUED and during.dispatched_at is None
    page = timed("the report's page (Redis down)", "get", reverse("reports:detail", args=[during.pk]))
    assert page.status_code == 200
    health = timed("healthz (Redis down)", "get", reverse("healthz"))
    assert health.status_code == 503
    assert health.json()["broker"]["ok"] is False and health.json()["database"]["ok"] is True
    time.sleep(2)  # no worker can have it: the request waits, recorded
    during.refresh_from_db()
    assert during.status == Report.Status.QUEUED and during.dispatched_at is None

    # 3. Redis back on the same port, empty. The worker is not restarted.
    private_redis.start()
    assert cache.get("redis-restart") is None  # it kept nothing
    pid = worker.process.pid
    reports_recover.apply_async(queue=worker.queue)  # as beat sends it, through the broker

    def built():
        return Report.objects.get(pk=during.pk).status == Report.Status.DONE

    assert wait_for(built, timeout=90), f"{Report.objects.filter(pk=during.pk).values().first()}{log()}"
    assert worker.process.pid == pid and worker.process.poll() is None
    assert wait_for(lambda: client.get(reverse("healthz")).status_code == 200, timeout=30), log()
    health = timed("healthz (Redis back)", "get", reverse("healthz"))
    assert health.status_code == 200 and health.json()["workers"]["count"] == 1
    during.refresh_from_db()
    assert during.attempts == 1 and during.file.name
    assert client.get(reverse("reports:download", args=[during.pk])).status_code == 200
    print("request seconds:", {label: round(seconds, 2) for label, seconds in timed.seconds.items()})
