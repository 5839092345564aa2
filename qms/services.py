"""Writes for the `qms` app. Views, commands and tasks call these; they hold the rules."""

import contextlib
import datetime
import logging
import threading
import time

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext
from guardian.shortcuts import assign_perm, remove_perm

from .models import Membership, OrganisationalUnit, Report
from .pdf import URLRefused

logger = logging.getLogger(__name__)


def unit_create(*, name, kind, parent=None, short_name="", head=None) -> OrganisationalUnit:
    unit = OrganisationalUnit(name=name, kind=kind, short_name=short_name, head=head)
    unit.full_clean(exclude=["path", "depth", "numchild"])
    if parent is None:
        return OrganisationalUnit.objects.add_root(instance=unit)
    return OrganisationalUnit.objects.add_child(parent, instance=unit)


MANAGE_MEMBERS = "qms.manage_members"


def unit_set_head(*, unit, head) -> OrganisationalUnit:
    """Make `head` the head of `unit`: they may then manage its members (an object permission),
    and the previous head no longer may."""
    with transaction.atomic():
        previous = unit.head
        if previous == head:
            if head is not None and not head.has_perm(MANAGE_MEMBERS, unit):
                assign_perm(MANAGE_MEMBERS, head, unit)
            return unit
        if previous is not None:
            remove_perm(MANAGE_MEMBERS, previous, unit)
        unit.head = head
        unit.save(update_fields=["head"])
        if head is not None:
            assign_perm(MANAGE_MEMBERS, head, unit)
    return unit


def unit_add_member(*, unit, user, position="") -> Membership:
    membership = Membership.objects.filter(unit=unit, user=user).first() or Membership(unit=unit, user=user)
    if membership.pk is None or membership.position != position:
        membership.position = position
        membership.full_clean()
        membership.save()
    return membership


def unit_remove_member(*, membership: Membership) -> None:
    membership.delete()


# --- reports built by workers ---------------------------------------------------------------


#: A running build whose worker has not been heard of for this long is taken back and queued
#: again (the worker refreshes `heartbeat_at` every REPORT_HEARTBEAT_SECONDS while it builds).
def _heartbeat_seconds() -> float:
    return settings.REPORT_HEARTBEAT_SECONDS


def _stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.REPORT_STALE_SECONDS)


#: A queued build that no worker has started this long after it was sent is sent again (the
#: broker may have lost it, e.g. Redis restarted without persistence); a duplicate is harmless.
REPORT_RESEND_AFTER = datetime.timedelta(minutes=10)


class ReportRequestRefused(Exception):
    pass


def report_request(*, kind: str, fmt: str = "pdf", params: dict | None = None, by, language: str):
    """Record a request for a report and queue its build once the request is committed.

    Returns (report, created): when the same report (kind, format, language and parameters) is
    already queued or being built, the request joins that build instead of starting another."""
    from .reporting import dedupe_key, get_type

    report_type = get_type(kind)
    params = dict(params or {})
    if report_type is None or fmt not in report_type.formats:
        raise ReportRequestRefused(_("This report does not exist in that format."))
    if not report_type.can_request(by, params):
        raise ReportRequestRefused(_("You may not request this report."))
    key = dedupe_key(kind, fmt, language, params)
    with override(language):
        subject = str(report_type.subject(params))[:255]
    active = Report.objects.filter(dedupe_key=key, status__in=[Report.Status.QUEUED, Report.Status.RUNNING])
    existing = active.first()
    if existing is not None:
        return existing, False
    report = Report(
        kind=kind,
        format=fmt,
        params=params,
        subject=subject,
        unit_id=params.get("unit"),
        language=language,
        dedupe_key=key,
        requested_by=by,
    )
    report.full_clean(exclude=["dedupe_key"])
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:  # the same report was requested at the same moment: join it
        existing = active.first()
        if existing is None:
            raise
        return existing, False
    transaction.on_commit(lambda: report_dispatch(report_id=report.pk))
    return report, True


def report_dispatch(*, report_id) -> bool:
    """Hand a queued build to the task queue. When the queue cannot be reached the report stays
    queued and undispatched: `reports_recover` sends it when the queue is back."""
    from .tasks import build_report

    try:
        build_report.apply_async(args=[str(report_id)], queue=settings.REPORT_QUEUE or None)
    except Exception:  # the broker is down: the request is recorded and will be sent later
        logger.warning("report %s: the task queue could not be reached; it will be sent later", report_id)
        return False
    Report.objects.filter(pk=report_id, status=Report.Status.QUEUED).update(dispatched_at=timezone.now())
    return True


def report_retry(*, report: Report, by) -> Report:
    """Queue a failed build again (the same report: its history keeps the failure)."""
    with transaction.atomic():
        locked = Report.objects.select_for_update().get(pk=report.pk)
        if locked.status != Report.Status.FAILED:
            return locked
        if Report.objects.filter(
            dedupe_key=locked.dedupe_key, status__in=[Report.Status.QUEUED, Report.Status.RUNNING]
        ).exists():
            raise ReportRequestRefused(_("The same report is already being built."))
        locked.status = Report.Status.QUEUED
        locked.error = ""
        locked.progress = 0
        locked.dispatched_at = None
        locked.finished_at = None
        locked.save(update_fields=["status", "error", "progress", "dispatched_at", "finished_at"])
        transaction.on_commit(lambda: report_dispatch(report_id=locked.pk))
    return locked


def _claim(report_id, task_id: str, now) -> bool:
    """Take the build for this task: a queued one; a running one whose own earlier delivery was
    lost with its worker (a redelivered message keeps its task id); or one whose worker has not
    been heard of for REPORT_STALE_SECONDS."""
    claimable = Q(status=Report.Status.QUEUED) | Q(status=Report.Status.RUNNING, heartbeat_at__lt=now - _stale_after())
    if task_id:
        claimable |= Q(status=Report.Status.RUNNING, task_id=task_id)
    report = Report.objects.filter(claimable, pk=report_id).first()
    if report is None:
        return False
    with transaction.atomic():
        locked = Report.objects.select_for_update().filter(claimable, pk=report_id).first()
        if locked is None:
            return False
        locked.status = Report.Status.RUNNING
        locked.task_id = task_id
        locked.attempts += 1
        locked.progress = 0
        locked.started_at = now
        locked.heartbeat_at = now
        locked.save(update_fields=["status", "task_id", "attempts", "progress", "started_at", "heartbeat_at"])
    return True


class _Heartbeat:
    """Refresh the report's heartbeat from a thread while the worker builds it, so that a build
    that is slow is told apart from one whose worker died."""

    def __init__(self, report_id, task_id):
        self.report_id, self.task_id = report_id, task_id
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, name=f"report-heartbeat-{report_id}", daemon=True)

    def run(self):
        from django.db import connection

        try:
            while not self.stop.wait(_heartbeat_seconds()):
                Report.objects.filter(pk=self.report_id, status=Report.Status.RUNNING, task_id=self.task_id).update(
                    heartbeat_at=timezone.now()
                )
        except Exception:
            logger.exception("report %s: heartbeat failed", self.report_id)
        finally:
            connection.close()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=_heartbeat_seconds() + 5)


class _Progress:
    """`progress(done, total)` for builders: writes the percentage at most once a second."""

    def __init__(self, report_id, task_id):
        self.report_id, self.task_id = report_id, task_id
        self.last_written, self.last_percent = 0.0, 0

    def __call__(self, done: int, total: int) -> None:
        percent = min(99, int(100 * done / total)) if total else 0
        now = time.monotonic()
        if percent <= self.last_percent or now - self.last_written < 1.0:
            return
        self.last_written, self.last_percent = now, percent
        Report.objects.filter(pk=self.report_id, status=Report.Status.RUNNING, task_id=self.task_id).update(
            progress=percent, heartbeat_at=timezone.now()
        )


def report_build(*, report_id, task_id: str = "", heartbeat: bool = True) -> str:
    """Build the report's file, if this task may take the build (see `_claim`); a failure is
    recorded on the report with a reason people can read, and the report may be retried.
    Safe to run twice: a report that is done, or being built by a live worker, is left alone."""
    from .reporting import ReportError, get_type

    if not _claim(report_id, task_id, timezone.now()):
        return Report.objects.filter(pk=report_id).values_list("status", flat=True).first() or "missing"
    report = Report.objects.get(pk=report_id)
    report_type = get_type(report.kind)
    mine = Report.objects.filter(pk=report.pk, status=Report.Status.RUNNING, task_id=task_id)
    try:
        if report_type is None:
            raise ReportError(_("this kind of report no longer exists"))
        beating = _Heartbeat(report.pk, task_id) if heartbeat else contextlib.nullcontext()
        with beating, override(report.language):
            filename, content = report_type.build(report.params, report.format, _Progress(report.pk, task_id))
    except Exception as exc:
        if isinstance(exc, SoftTimeLimitExceeded):
            reason = _("it took longer than the time allowed; try a smaller selection")
        elif isinstance(exc, (ReportError, URLRefused)):
            reason = str(exc)
        else:
            logger.exception("report %s (%s) failed", report.pk, report.kind)
            reason = None
        with override(report.language):
            # Only reasons written for people are shown; anything else is in the log.
            reason = reason or _("an unexpected error, logged for the administrators")
            error = pgettext("generated report", "The report could not be built: %(reason)s") % {"reason": reason}
        with transaction.atomic():
            locked = mine.select_for_update().first()
            if locked is not None:
                locked.status = Report.Status.FAILED
                locked.error = error
                locked.finished_at = timezone.now()
                locked.save(update_fields=["status", "error", "finished_at"])
        return Report.Status.FAILED
    name = report.file.field.generate_filename(report, filename)
    stored = report.file.storage.save(name, ContentFile(content))
    with transaction.atomic():
        locked = mine.select_for_update().first()
        if locked is None:  # taken over meanwhile (this worker was thought dead): keep theirs
            report.file.storage.delete(stored)
            return "superseded"
        locked.file.name = stored
        locked.status = Report.Status.DONE
        locked.progress = 100
        locked.error = ""
        locked.finished_at = timezone.now()
        locked.save(update_fields=["file", "status", "progress", "error", "finished_at"])
    return Report.Status.DONE


def reports_recover(*, now=None) -> dict:
    """Take back the builds whose worker died (running, heartbeat stale) and send again the
    builds the task queue never got or lost. Safe to run at any time and twice."""
    now = now or timezone.now()
    stale = Report.objects.filter(status=Report.Status.RUNNING, heartbeat_at__lt=now - _stale_after())
    requeued = 0
    for pk in stale.values_list("pk", flat=True):
        with transaction.atomic():
            locked = stale.select_for_update().filter(pk=pk).first()
            if locked is None:
                continue
            locked.status = Report.Status.QUEUED
            locked.dispatched_at = None
            locked.progress = 0
            locked.save(update_fields=["status", "dispatched_at", "progress"])
            requeued += 1
    pending = Report.objects.filter(status=Report.Status.QUEUED).filter(
        Q(dispatched_at__isnull=True) | Q(dispatched_at__lt=now - REPORT_RESEND_AFTER)
    )
    sent = failed = 0
    for pk in pending.values_list("pk", flat=True):
        if report_dispatch(report_id=pk):
            sent += 1
        else:
            failed += 1
            break  # the queue is down: the next run tries again
    return {"requeued": requeued, "sent": sent, "not_sent": failed}


def user_preferences_save(*, user, language: str, notification_delivery: str):
    """Keep a person's language and how they want their messages e-mailed (in the history)."""
    user.language = language
    user.notification_delivery = notification_delivery
    user.full_clean(exclude=["password", "username"])
    user.save(update_fields=["language", "notification_delivery"])
    return user
