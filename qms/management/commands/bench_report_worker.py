"""Time a report built by a Celery worker, as a person requests it on the reports page:

    python manage.py bench_report_worker --kind audit_programme --runs 3

Needs REDIS_URL and a running worker (`celery -A qms worker`). Each run records the request through
the service the page uses (`report_request`), then waits for the worker: it prints the time from
the request to the worker starting the build, the build on the worker, the whole wait, the PDF's
pages and size. With --parallel N each run requests the report in N languages at once (up to the
five of the portal), to see how the workers share them: the time until all are ready.
The reports it makes stay in the requester's list like any other.
"""

import io
import json
import time

from celery.exceptions import CeleryError
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from qms.celery import app as celery_app
from qms.models import Report, User
from qms.reporting import get_type
from qms.roles import Role
from qms.services import ReportRequestRefused, report_request


class Command(BaseCommand):
    help = "Request a report as a person would and time its build by the Celery worker."

    def add_arguments(self, parser):
        parser.add_argument("--kind", default="audit_programme")
        parser.add_argument("--format", default="pdf")
        parser.add_argument("--params", default="", help="JSON, e.g. '{\"year\": 2026}' (default: this year)")
        parser.add_argument("--user", default="", help="the requester's username (default: a quality officer)")
        parser.add_argument("--language", default=settings.LANGUAGE_CODE)
        parser.add_argument("--runs", type=int, default=3)
        parser.add_argument("--parallel", type=int, default=1, help="reports requested at once, 1 to 5 (languages)")
        parser.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for one build")

    def handle(self, *args, kind, format, params, user, language, runs, parallel, timeout, **options):
        if celery_app.conf.task_always_eager or not settings.REDIS_URL:
            raise CommandError("REDIS_URL is not set: tasks run in this process, not on a worker")
        try:
            if not celery_app.control.inspect(timeout=2).ping():
                raise CommandError("no Celery worker answers: start one with `celery -A qms worker`")
        except (CeleryError, OSError) as exc:
            raise CommandError(f"the broker cannot be reached: {exc}") from exc
        languages = [language] + [code for code, _name in settings.LANGUAGES if code != language]
        if not 1 <= parallel <= len(languages):
            raise CommandError(f"--parallel must be between 1 and {len(languages)}, not {parallel}")
        if get_type(kind) is None:
            raise CommandError(f"no report kind {kind!r}")
        try:
            params = json.loads(params) if params else {"year": timezone.localdate().year}
        except ValueError as exc:
            raise CommandError(f"--params is not JSON: {exc}") from exc
        people = User.objects.filter(is_active=True)
        requester = (
            people.filter(username=user).first() if user else people.filter(groups__name=Role.QUALITY_OFFICER).first()
        )
        if requester is None:
            raise CommandError(f"no active account {user!r}" if user else "no quality officer: load the demo first")
        from pypdf import PdfReader

        totals = []
        for run in range(1, runs + 1):
            started = time.perf_counter()
            reports = []
            for code in languages[:parallel]:
                try:
                    with transaction.atomic():
                        report, created = report_request(
                            kind=kind, fmt=format, params=params, by=requester, language=code
                        )
                except ReportRequestRefused as exc:
                    raise CommandError(str(exc)) from exc
                if not created:
                    raise CommandError("the same report is being built already: wait for it and run again")
                reports.append(report)
            pending = list(reports)
            while pending:
                if time.perf_counter() - started > timeout:
                    raise CommandError(f"run {run}: not built within {timeout:g} s")
                time.sleep(0.05)
                for report in list(pending):
                    report.refresh_from_db()
                    if report.status == Report.Status.FAILED:
                        raise CommandError(f"run {run}: the build failed: {report.error}")
                    if report.status == Report.Status.DONE:
                        report.ready_after = time.perf_counter() - started
                        pending.remove(report)
            waited = max(report.ready_after for report in reports)
            totals.append(waited)
            for report in reports:
                content = report.file.read()
                pages = len(PdfReader(io.BytesIO(content)).pages) if format == "pdf" else "-"
                queued = (report.started_at - report.created_at).total_seconds()
                build = (report.finished_at - report.started_at).total_seconds()
                self.stdout.write(
                    f"run {run}: {kind} {format} ({report.language}), {pages} pages, {len(content) // 1024} KB: "
                    f"waited {queued:.2f} s for a worker, built in {build:.2f} s, "
                    f"ready {report.ready_after:.2f} s after the request"
                )
            if parallel > 1:
                self.stdout.write(f"run {run}: all {parallel} ready {waited:.2f} s after the requests")
        self.stdout.write(f"slowest of {runs}: {max(totals):.2f} s; fastest: {min(totals):.2f} s")
