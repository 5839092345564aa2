"""Signing in as each demo role, the role's navigation, the lockout, the phone menu, the CSP and languages."""

import pytest
from django.utils import translation
from django.utils.translation import pgettext
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e]

NAV = "[data-testid=role-navigation]"
LOGIN_ERROR = "[data-testid=login-error]"

# Written out by hand on purpose: computing them from qms.navigation would let a wrong change
# to NAVIGATION pass unnoticed.
EXPECTED = {
    "quality": (
        {"home", "dashboard", "organisation", "documents", "processes", "audits", "admissions", "reports", "admin"},
        "Quality officer",
    ),
    "owner": ({"home", "organisation", "documents", "processes", "audits"}, "Process owner"),
    "head": (
        {"home", "dashboard", "organisation", "documents", "processes", "audits", "my-unit", "reports"},
        "Unit head",
    ),
    "auditor": ({"home", "organisation", "documents", "processes", "audits", "reports"}, "Auditor"),
    "rector": (
        {"home", "dashboard", "organisation", "documents", "processes", "audits", "admissions", "reports"},
        "Rectorate",
    ),
    "staff": ({"home", "organisation", "documents", "processes", "audits"}, "Staff member"),
    "committee": (
        {"home", "organisation", "documents", "processes", "audits", "admissions", "reports"},
        "Admissions committee",
    ),
    "applicant": ({"home", "my-application"}, "Applicant"),
    "applicant2": ({"home", "my-application"}, "Applicant"),
}


def nav_keys(page) -> set[str]:
    return set(page.locator(f"{NAV} [data-nav]").evaluate_all("links => links.map(a => a.dataset.nav)"))


@pytest.mark.parametrize("username", list(EXPECTED))
def test_each_demo_role_signs_in_and_sees_its_navigation(username, demo_accounts, live_server, sign_in, screenshot):
    expected_keys, role_label = EXPECTED[username]

    page = sign_in(username)

    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator(NAV)).to_be_attached()
    assert nav_keys(page) == expected_keys
    expect(page.get_by_test_id("roles")).to_contain_text(role_label)
    screenshot(f"login-{username}")


def test_wrong_password_shows_an_error_and_keeps_the_username(demo_accounts, live_server, sign_in):
    page = sign_in("quality", "not-the-password")

    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    error = page.locator(LOGIN_ERROR)
    expect(error).to_be_visible()
    expect(error).to_contain_text("Please enter a correct username and password")
    expect(page.locator("input[name=username]")).to_have_value("quality")
    assert nav_keys(page) == set()


def test_repeated_failures_lock_the_account_out_with_a_message(demo_accounts, live_server, sign_in):
    for attempt in range(1, 6):
        page = sign_in("staff", f"wrong-{attempt}")
        expect(page.locator(LOGIN_ERROR)).to_be_visible()

    page.fill("input[name=username]", "staff")
    page.fill("input[name=password]", "demo")  # the right password, too late
    with page.expect_response(lambda r: r.request.method == "POST" and "/accounts/login/" in r.url) as answer:
        page.click("form[action$='/accounts/login/'] button[type=submit]")

    assert answer.value.status == 429
    expect(page).to_have_url(f"{live_server.url}/accounts/login/")
    expect(page.locator(LOGIN_ERROR)).to_contain_text("Too many failed sign-in attempts")
    expect(page.locator(f"{NAV} [data-nav=organisation]")).to_have_count(0)
    assert nav_keys(page) == set()

    # Nor did the refused attempt leave a session behind: the home page still asks to sign in.
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/")


def test_navigation_collapses_into_a_menu_on_a_phone(demo_accounts, live_server, sign_in):
    page = sign_in("quality")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/")
    organisation = page.locator(f"{NAV} [data-nav=organisation]")
    toggler = page.locator(".navbar-toggler")

    expect(toggler).to_be_visible()
    expect(organisation).to_be_hidden()

    toggler.click()  # only Bootstrap's JS (a file, allowed by the CSP) can open the menu

    expect(organisation).to_be_visible()
    organisation.click()
    expect(page).to_have_url(f"{live_server.url}/units/")
    expect(page.locator("h1")).to_have_text("Organisational structure")


def test_no_console_errors_or_csp_violations_on_main_pages(demo_data, live_server, sign_in):
    errors = []
    page = sign_in("quality")
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))

    for path, heading in [("/", "Welcome"), ("/units/", "Organisational structure"), ("/reports/", "Reports")]:
        response = page.goto(f"{live_server.url}{path}", wait_until="load")
        assert response is not None
        assert response.status == 200, path
        expect(page.locator("h1")).to_contain_text(heading)
        # Bootstrap's bundle ran: without it the dropdown never gets its Popper-driven instance.
        assert page.evaluate("() => typeof window.bootstrap === 'object'"), path

    assert errors == []


def test_language_switcher_changes_the_interface_language(demo_accounts, live_server, sign_in):
    page = sign_in("staff")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator("[data-testid=language-menu]").click()
    with page.expect_navigation():
        page.locator("[data-testid=language-switcher] button[value=bg]").click()

    expect(page.locator("html")).to_have_attribute("lang", "bg")
    expect(page.locator("[data-testid=language-switcher] button[value=bg]")).to_have_attribute("aria-pressed", "true")


def test_a_visitor_on_a_phone_switches_the_login_page_language_without_opening_a_menu(live_server, page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    menu = page.locator("[data-testid=language-menu]")
    expect(menu).to_be_visible()
    menu.click()
    with page.expect_navigation():
        page.locator("[data-testid=language-switcher] button[value=kk]").click()
    expect(page.locator("html")).to_have_attribute("lang", "kk")
    with translation.override("kk"):
        heading = pgettext("page title", "Sign in")
    assert heading != "Sign in"
    expect(page.locator("h1")).to_have_text(heading)
