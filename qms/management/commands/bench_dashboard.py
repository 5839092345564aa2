"""Measure the rectorate's pages and the report builds on the data in the database (e.g. the demo):
p50 and p95 of each page over N requests with its query count, and the build time, size and page
count of every report kind. Reads only; run it on a copy, never during a busy day.

    python manage.py bench_dashboard --requests 20 --language bg
"""

import io
import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django.utils.translation import override

from qms.models import OrganisationalUnit, User
from qms.reporting import get_type
from qms.roles import Role


def _percentiles(samples):
    samples = sorted(samples)
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


class Command(BaseCommand):
    help = "Time the dashboard, report and scheduled-job pages and the build of every report kind."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=20)
        parser.add_argument("--language", default="en")
        parser.add_argument("--skip-reports", action="store_true")

    def handle(self, *args, requests, language, skip_reports, **options):
        rector = User.objects.filter(groups__name=Role.RECTORATE, is_active=True).first()
        quality = User.objects.filter(groups__name=Role.QUALITY_OFFICER, is_active=True).first()
        head = User.objects.filter(groups__name=Role.UNIT_HEAD, is_active=True).first()
        if rector is None or quality is None:
            raise CommandError("no rectorate or quality officer account: load the demo or real data first")
        faculty = OrganisationalUnit.objects.filter(kind=OrganisationalUnit.Kind.FACULTY).order_by("path").first()
        pages = [(rector, "/dashboard/")]
        if faculty is not None:
            pages.append((rector, f"/dashboard/?unit={faculty.pk}"))
        if head is not None:
            pages.append((head, "/dashboard/"))
        pages += [(quality, "/reports/"), (quality, "/scheduled-jobs/")]
        with override_settings(ALLOWED_HOSTS=["*"]):
            for user, url in pages:
                client = Client()
                client.force_login(user)
                client.get(url)
                samples = []
                for _ in range(requests):
                    started = time.perf_counter()
                    response = client.get(url)
                    samples.append((time.perf_counter() - started) * 1000)
                    if response.status_code != 200:
                        raise CommandError(f"{url} answered {response.status_code} to {user.username}")
                with CaptureQueriesContext(connection) as queries:
                    client.get(url)
                p50, p95 = _percentiles(samples)
                self.stdout.write(
                    f"{user.username:12} {url:30} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {len(queries)} queries"
                )
        if skip_reports:
            return
        from pypdf import PdfReader

        year = timezone.localdate().year
        cases = [
            ("organisation_structure", "pdf", {}),
            ("dashboard", "pdf", {"year": year}),
            ("annual_report", "pdf", {"year": year}),
            ("nc_register", "pdf", {"state": "all"}),
            ("nc_register", "xlsx", {"state": "all"}),
            ("audit_programme", "pdf", {"year": year}),
            ("process_register", "pdf", {}),
            ("process_cards", "pdf", {}),
            ("document_register", "pdf", {}),
            ("document_register", "xlsx", {}),
            ("evidence_matrix", "pdf", {}),
            ("evidence_matrix", "xlsx", {}),
        ]
        for kind, fmt, params in cases:
            report_type = get_type(kind)
            started = time.perf_counter()
            try:
                with override(language):
                    _name, content = report_type.build(params, fmt, lambda done, total: None)
            except Exception as exc:  # e.g. no audit programme this year: say so and go on
                self.stdout.write(f"{kind:24} {fmt:4} not built: {exc}")
                continue
            seconds = time.perf_counter() - started
            pages = len(PdfReader(io.BytesIO(content)).pages) if fmt == "pdf" else "-"
            self.stdout.write(f"{kind:24} {fmt:4} {seconds:6.2f} s  {len(content) // 1024:6d} KB  pages {pages}")
