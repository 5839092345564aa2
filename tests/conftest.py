"""Shared fixtures.

Tests marked `services` need the real PostgreSQL (DATABASE_URL), Redis (REDIS_URL) and start a
real Celery worker subprocess. Without those URLs they are skipped with the reason, unless
QMS_REQUIRE_SERVICES=1, which turns the skip into a failure (CI sets it). Every other test runs
Celery tasks eagerly, in-process.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from qms.celery import app as celery_app

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_SERVICES = os.environ.get("QMS_REQUIRE_SERVICES") == "1"
CHROMIUM = "/usr/bin/chromium"


def services_missing() -> str:
    """Why the real services can't be used here ("" when they can)."""
    reasons = []
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        reasons.append("DATABASE_URL is not a PostgreSQL URL")
    if not settings.REDIS_URL:
        reasons.append("REDIS_URL is not set")
    return "; ".join(reasons)


def _skip_or_fail(reason: str):
    if REQUIRE_SERVICES:
        pytest.fail(f"QMS_REQUIRE_SERVICES=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_runtest_setup(item):
    if item.get_closest_marker("services"):
        reason = services_missing()
        if reason:
            _skip_or_fail(f"needs the real services: {reason}")
    if item.get_closest_marker("e2e") and not Path(CHROMIUM).exists():
        _skip_or_fail(f"needs Debian's Chromium at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture(autouse=True)
def celery_mode(request):
    """In-process tasks for ordinary tests; the broker and a worker for `services` tests."""
    eager = request.node.get_closest_marker("services") is None
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = eager
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the portal's default language: a request of a person with a stored
    language activates it for the thread (as each request of a server does), and it must not
    leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.MEDIA_ROOT


def _test_database_url() -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """A real `celery worker` subprocess on the test database and the test Redis queue."""
    reason = services_missing()
    if reason:
        _skip_or_fail(f"needs the real services: {reason}")
    media = tmp_path_factory.mktemp("worker-media")
    private = tmp_path_factory.mktemp("worker-private-media")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "qms.settings_test",
        "DATABASE_URL": _test_database_url(),
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
        "PYTHONUNBUFFERED": "1",
    }
    log_path = tmp_path_factory.mktemp("worker-log") / "worker.log"
    log = log_path.open("w")
    with django_db_blocker.unblock():
        celery_app.control.purge()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "qms",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            "-n",
            f"test-{os.getpid()}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the celery worker exited with {process.returncode}:\n{log_path.read_text()}")
        if celery_app.control.ping(timeout=0.5):
            break
    else:
        process.kill()
        pytest.fail(f"the celery worker did not answer within 60 s:\n{log_path.read_text()}")
    yield {"process": process, "media_root": media, "private_media_root": private, "log": log_path}
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture
def worker(celery_worker_process, settings):
    """Use the running worker; the test process shares its media folders."""
    settings.MEDIA_ROOT = celery_worker_process["media_root"]
    settings.PRIVATE_MEDIA_ROOT = celery_worker_process["private_media_root"]
    return celery_worker_process


def chromium_available() -> bool:
    return Path(CHROMIUM).exists() or bool(shutil.which("chromium"))


def _reset_broker_connections():
    """Drop the app's cached broker connections, as Celery does after a fork (closing the old
    pool instead would leave its other holders failing with "Acquire on closed pool")."""
    celery_app._pool = None
    amqp = celery_app.__dict__.get("amqp")
    if amqp is not None:
        amqp._producer_pool = None


@pytest.fixture
def unreachable_broker():
    """Point this process at a broker address where nothing listens (the discard port)."""
    previous = celery_app.conf.broker_url, celery_app.conf.task_always_eager
    celery_app.conf.broker_url = "redis://127.0.0.1:9/0"
    celery_app.conf.task_always_eager = False
    _reset_broker_connections()
    yield
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = previous
    _reset_broker_connections()
