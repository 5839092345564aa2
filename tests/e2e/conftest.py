"""Browser fixtures: Debian's Chromium driven by Playwright's sync API against pytest-django's live server.

Playwright's own browser download does not work here, so the browser is launched from
/usr/bin/chromium. A screenshot is saved per role login (see `screenshot`) to
test-artifacts/e2e/ at the repository root; a failing test also leaves a best-effort screenshot
in test-artifacts/e2e/failures/ unless QMS_E2E_FAILURE_SCREENSHOTS=0.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEFAULT_TIMEOUT_MS = 10_000
DEMO_PASSWORD = "demo"  # qms.demo.DEMO_PASSWORD, written out so a changed demo password shows up here
FAILURE_SCREENSHOTS = os.environ.get("QMS_E2E_FAILURE_SCREENSHOTS", "1") != "0"


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="package", autouse=True)
def allow_django_sync_calls_under_playwright():
    """Playwright's sync API keeps an asyncio event loop running in this thread while it is started,
    and Django refuses database access "from an async context" (the live server's flushes,
    call_command) unless DJANGO_ALLOW_ASYNC_UNSAFE is set.

    It is set only while the e2e tests run, not at import: set at import it leaks into the whole
    session, and `manage.py check --deploy` in a subprocess (tests/qms/test_settings.py) then
    fails with async.E001."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(allow_django_sync_calls_under_playwright):
    """One Chromium for all the e2e tests. Package scope, not session scope: the event loop of
    Playwright's sync API stays running until Playwright stops, so the browser must be gone before
    the non-browser tests that follow run their database code."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(request, context):
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if FAILURE_SCREENSHOTS and report is not None and report.failed and not page.is_closed():
        folder = ARTIFACTS / "failures"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"{_safe_name(request.node.name)}.png"), full_page=True)
        except Exception as exc:  # a screenshot must never hide the real failure
            print(f"could not save a failure screenshot: {exc}")


@pytest.fixture
def demo_data(transactional_db):
    """The whole demo but the admission campaign, whose pages have their own tests and journey."""
    call_command("load_demo", force=True, without=["admissions"])


@pytest.fixture
def demo_accounts(transactional_db):
    """Only the units and the demo accounts (qms.demo), for tests about signing in and
    navigation: seconds instead of the whole demo for each of them."""
    import io

    from qms import demo

    demo.load(io.StringIO())


@pytest.fixture
def screenshot(page, artifacts_dir):
    """Save a full-page screenshot of the page as test-artifacts/e2e/<name>.png."""

    def take(name: str) -> Path:
        path = artifacts_dir / f"{_safe_name(name)}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def sign_in(page, live_server):
    """Sign in through the login form; returns the page, left wherever the login sent it."""

    def do(username: str, password: str = DEMO_PASSWORD):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", password)
        with page.expect_navigation():
            page.click("form[action$='/accounts/login/'] button[type=submit]")
        return page

    return do


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("_")
