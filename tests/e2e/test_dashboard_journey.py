"""The rector opens the dashboard of the demo university, filters it to the Faculty of Chemical
Technology, follows the overdue nonconformities to their list (which shows exactly that many),
then requests the annual report on the functioning of the QMS and downloads it."""

import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from qms.models import OrganisationalUnit

pytestmark = [pytest.mark.e2e]

TIMEOUT_MS = 15_000


def test_the_rector_filters_the_dashboard_follows_a_figure_and_downloads_the_annual_report(
    demo_data, live_server, sign_in, screenshot, page
):
    faculty = OrganisationalUnit.objects.get(short_name="ФХТ")
    page.set_default_timeout(TIMEOUT_MS)
    sign_in("rector")

    page.get_by_role("link", name="Dashboard").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    for area in ("objectives", "kpis", "nonconformities", "audits", "documents", "admissions"):
        expect(page.get_by_test_id(f"area-{area}")).to_be_visible()
    university_open = int(page.get_by_test_id("nc-open").inner_text())

    # Filter to the faculty.
    page.get_by_test_id("dashboard-filters").get_by_label("Unit").select_option(str(faculty.pk))
    page.get_by_test_id("dashboard-filters").get_by_role("button").click()
    expect(page).to_have_url(re.compile(rf"unit={faculty.pk}"))
    expect(page.get_by_test_id("dashboard-subject")).to_contain_text(faculty.name)
    faculty_open = int(page.get_by_test_id("nc-open").inner_text())
    assert faculty_open <= university_open
    overdue = page.get_by_test_id("nc-overdue")
    overdue_count = int(overdue.inner_text())
    assert overdue_count > 0, "the demo faculty has nonconformities with overdue actions"
    screenshot("dashboard-faculty")

    # Follow the figure to the list behind it.
    overdue.click()
    expect(page).to_have_url(re.compile(r"/audits/nonconformities/\?"))
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(overdue_count)
    screenshot("dashboard-overdue-list")

    # Request the annual report of this year from the reports page and download it.
    page.get_by_role("link", name="Reports").first.click()
    offer = page.get_by_test_id("report-offer-annual_report")
    offer.get_by_label("Year").select_option(str(timezone.localdate().year))
    offer.get_by_role("button", name="Build PDF").click()
    expect(page.get_by_test_id("report-status")).to_contain_text("Done")
    with page.expect_download() as download_info:
        page.get_by_test_id("report-download").click()
    path = download_info.value.path()
    content = Path(path).read_bytes()
    assert content.startswith(b"%PDF")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Annual report on the functioning of the quality management system" in text
    screenshot("dashboard-annual-report")
