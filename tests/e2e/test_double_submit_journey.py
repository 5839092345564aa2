"""A member of staff reports a nonconformity in the browser and clicks "Register" twice while the
server is slow: one nonconformity. The portal's script ignores the second click
(static/js/portal.js), even without the form's token (qms/submissions.py). A button's name and
value (the language switcher) still reach the server."""

import re
import time

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from audits import services
from audits.models import Nonconformity

pytestmark = [pytest.mark.e2e]


@pytest.fixture
def slow_registration(monkeypatch):
    """The server takes a while to register a nonconformity: time for a second click."""
    register = services.nonconformity_register

    def slow(**fields):
        time.sleep(1)
        return register(**fields)

    monkeypatch.setattr(services, "nonconformity_register", slow)


def fill_nonconformity(page, title):
    page.fill("#id_title", title)
    page.fill("#id_description", "Lectures in hall 2 were cancelled.")
    page.select_option("#id_source", "staff_report")
    page.select_option("#id_severity", "minor")
    page.select_option("#id_unit", index=1)


def test_a_double_click_registers_one_nonconformity(demo_accounts, slow_registration, live_server, page, sign_in):
    sign_in("staff")
    page.goto(live_server.url + reverse("audits:nc-create"))
    fill_nonconformity(page, "Broken projector in hall 2")
    page.locator("input[name=submission]").evaluate("input => input.remove()")  # the script alone

    # A click, and another one 0.2 s later while the first request is at the server.
    page.get_by_test_id("nc-form").get_by_role("button", name="Register").evaluate(
        "button => { button.click(); return new Promise(done => setTimeout(() => { button.click(); done(); }, 200)); }"
    )
    page.wait_for_url(re.compile(r"/audits/nonconformities/\d+/$"))

    expect(page.get_by_role("heading", level=1)).to_contain_text("Broken projector in hall 2")
    assert Nonconformity.objects.filter(title="Broken projector in hall 2").count() == 1


def test_a_button_s_value_still_reaches_the_server(demo_accounts, live_server, page, sign_in):
    sign_in("staff")
    page.get_by_test_id("language-menu").click()
    with page.expect_navigation():
        page.locator("[data-testid=language-switcher] button[value=ru]").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
