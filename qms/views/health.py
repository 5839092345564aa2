"""/healthz: is the database, the broker and at least one worker answering?"""

import logging
import time

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from qms.celery import app as celery_app

logger = logging.getLogger(__name__)


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return {"ok": True, "vendor": connection.vendor}
    except Exception as exc:  # any failure means "not answering"
        logger.warning("health check: database not answering: %r", exc)
        return {"ok": False, "error": exc.__class__.__name__}


def check_broker() -> dict:
    if celery_app.conf.task_always_eager:
        return {"ok": True, "mode": "in-process"}
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=0, timeout=2)
        return {"ok": True}
    except Exception as exc:
        logger.warning("health check: broker not answering: %r", exc)
        return {"ok": False, "error": exc.__class__.__name__}


def check_workers(broker_ok: bool) -> dict:
    if celery_app.conf.task_always_eager:
        return {"ok": True, "mode": "in-process", "count": 0}
    if not broker_ok:
        return {"ok": False, "error": "broker unreachable", "count": 0}
    try:
        replies = celery_app.control.ping(timeout=1.0) or []
    except Exception as exc:
        logger.warning("health check: workers could not be pinged: %r", exc, exc_info=True)
        return {"ok": False, "error": exc.__class__.__name__, "count": 0}
    return {"ok": bool(replies), "count": len(replies)}


@login_not_required
@never_cache
def healthz(request):
    started = time.monotonic()
    database = check_database()
    broker = check_broker()
    workers = check_workers(broker["ok"])
    ok = database["ok"] and broker["ok"] and workers["ok"]
    body = {
        "status": "ok" if ok else "fail",
        "database": database,
        "broker": broker,
        "workers": workers,
        "seconds": round(time.monotonic() - started, 3),
    }
    return JsonResponse(body, status=200 if ok else 503)
