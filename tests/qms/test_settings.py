"""Settings come from the environment; production values pass `check --deploy` with no warning."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'name': str(settings.DATABASES['default']['NAME']), 'eager': settings.CELERY_TASK_ALWAYS_EAGER, "
    "'broker': settings.CELERY_BROKER_URL, 'email': settings.EMAIL_BACKEND, 'media': str(settings.MEDIA_ROOT), "
    "'hosts': settings.ALLOWED_HOSTS, 'debug': settings.DEBUG}))"
)
CLEAN = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY"}}


def run(args, **env):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={**CLEAN, "DJANGO_SETTINGS_MODULE": "qms.settings", "QMS_ENV_FILE": "", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def probe(**env):
    result = run(["-c", PROBE], **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_defaults_are_sqlite_in_the_project_folder_and_in_process_tasks():
    values = probe(DEBUG="1")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert Path(values["name"]).parent == ROOT
    assert values["eager"] is True
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"


def test_environment_selects_postgresql_redis_mail_and_media():
    values = probe(
        DEBUG="1",
        DATABASE_URL="postgres://qms:pw@db.example:5432/qms",
        REDIS_URL="redis://redis.example:6379/0",
        EMAIL_URL="smtp+tls://mailer:pw@smtp.example:587",
        MEDIA_ROOT="/srv/qms-media",
        ALLOWED_HOSTS="qms.example.org,www.qms.example.org",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["eager"] is False and values["broker"] == "redis://redis.example:6379/0"
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["media"] == "/srv/qms-media"
    assert values["hosts"] == ["qms.example.org", "www.qms.example.org"]


def test_secret_key_is_required_when_debug_is_off():
    result = run(["-c", PROBE])
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_values_pass_check_deploy_without_a_warning():
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY="a-production-secret-of-enough-length-and-variety-9f8e7d6c5b4a",
        ALLOWED_HOSTS="qms.example.org",
        DATABASE_URL="postgres://qms:pw@db.example:5432/qms",
        REDIS_URL="redis://redis.example:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
