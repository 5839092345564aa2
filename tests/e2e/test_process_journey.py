"""A process owner revises their process card, the process leader approves it, the owner enters
a KPI measurement that turns the KPI red, and the quality officer sees it in the register."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from processes import periods
from processes.models import KPI, Card, Process

pytestmark = [pytest.mark.e2e]


def test_an_owner_revises_the_card_and_a_red_kpi_reaches_the_quality_officer(
    demo_data, live_server, page, sign_in, screenshot
):
    errors = []
    page.on("console", lambda m: errors.append((page.url, m.text[:90])) if m.type == "error" else None)
    kpi = KPI.objects.filter(process__owner__username="owner", status=KPI.Status.ON_TARGET).select_related("process")
    kpi = kpi.first()
    assert kpi is not None, "the demo has an on-target KPI of a process owned by the demo process owner"
    process = kpi.process
    leader = process.leader.username

    # The owner starts a new revision of the card and changes the purpose.
    sign_in("owner")
    page.goto(f"{live_server.url}/processes/")
    page.get_by_role("link", name=process.display_name).first.click()
    expect(page.get_by_test_id("card")).to_be_visible()
    page.get_by_test_id("start-card").click()
    purpose = page.locator("textarea[name=purpose]")
    purpose.fill(purpose.input_value() + " Reviewed with the faculties in 2026.")
    page.fill("textarea[name=change_summary]", "Purpose reviewed")
    screenshot("process-card-edit")
    page.get_by_role("button", name="Save and send for approval").click()
    expect(page.get_by_test_id("card-status")).to_have_text("Submitted for approval")

    # The process leader approves it; it becomes the current card.
    page.context.clear_cookies()
    sign_in(leader)
    page.goto(f"{live_server.url}{Card.objects.get(process=process, status='submitted').get_absolute_url()}")
    page.get_by_test_id("approve-card").click()
    expect(page.get_by_test_id("card-status")).to_have_text("Current")
    assert "Reviewed with the faculties in 2026." in Card.objects.get(process=process, status="current").purpose["en"]

    # The owner enters this period's measurement, far on the wrong side of the threshold.
    page.context.clear_cookies()
    sign_in("owner")
    page.goto(f"{live_server.url}/processes/kpis/{kpi.pk}/")
    bad = kpi.at_risk_threshold - 10 if kpi.direction == "higher" else kpi.at_risk_threshold + 10
    start, _end = periods.period_of(kpi.frequency, timezone.localdate())
    page.select_option("select[name=period]", start.isoformat())
    page.fill("input[name=value]", str(bad))
    page.fill("textarea[name=comment]", "Measured for this period.")
    page.get_by_role("button", name="Record").click()
    expect(page.get_by_test_id("kpi-status")).to_contain_text("Off target")
    screenshot("process-kpi-red")

    # The quality officer sees the red KPI in the register and on the process page.
    page.context.clear_cookies()
    sign_in("quality")
    page.goto(f"{live_server.url}/processes/")
    row = page.get_by_test_id("process-register").locator("tr", has_text=process.code)
    expect(row.locator(".text-bg-danger")).to_be_visible()
    row.get_by_role("link").first.click()
    expect(page.get_by_test_id("kpis").locator("tr", has_text=kpi.name["en"])).to_contain_text("Off target")
    screenshot("process-quality-officer")
    assert Process.objects.get(pk=process.pk).kpis.get(pk=kpi.pk).status == KPI.Status.OFF_TARGET

    # On the process map, clicking the process opens its card.
    page.goto(f"{live_server.url}/processes/map/")
    screenshot("process-map")
    page.locator(f"svg a[href='{process.get_absolute_url()}']").first.click()
    expect(page.get_by_test_id("card")).to_be_visible()
    assert page.url.endswith(process.get_absolute_url())
    assert errors == []
