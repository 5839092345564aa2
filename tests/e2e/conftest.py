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

# Playwright's sync API runs an asyncio event loop in this thread; Django would otherwise refuse
# the database access of fixtures (flushes, call_command) made "from an async context".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import sync_playwright  # noqa: E402

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


@pytest.fixture(scope="session")
def browser():
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
    call_command("load_demo", force=True)


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
