"""Every role's main pages in Bulgarian, Russian, Kazakh and Kyrgyz, in the browser.

Signed in as each demo role, the language is chosen with the switcher (kept in the person's
profile), then every page of the role's navigation is opened; none may show an English word
that is not data (tests/untranslated.py says what counts). A screenshot per language and role
is kept in test-artifacts/e2e/languages/.
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from qms.models import User
from tests.untranslated import data_pattern, english_left

pytestmark = [pytest.mark.e2e]

LANGUAGES = ["bg", "ru", "kk", "ky"]
ROLES = ["quality", "owner", "head", "auditor", "rector", "staff", "committee", "applicant"]
# The navigation's own pages; the administration is Django's (checked in tests/qms/test_languages.py).
SKIPPED_NAV = {"admin"}


@pytest.fixture
def whole_demo(transactional_db):
    import io

    call_command("load_demo", force=True, stdout=io.StringIO())


def choose_language(page, language: str):
    page.get_by_test_id("language-menu").click()
    with page.expect_navigation():
        page.locator(f"[data-testid=language-switcher] button[value={language}]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def test_every_role_works_in_each_language_without_english_left(whole_demo, live_server, page, sign_in, artifacts_dir):
    data = data_pattern()
    folder = artifacts_dir / "languages"
    folder.mkdir(exist_ok=True)
    found, opened = [], 0
    for language in LANGUAGES:
        # A visitor chooses the language on the sign-in page: the page itself is then translated.
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/accounts/login/")
        choose_language(page, language)
        found += [f"{language} login: {text!r}" for text in english_left(page.content(), language, data)]
        for username in ROLES:
            page.context.clear_cookies()
            sign_in(username)
            if page.locator("html").get_attribute("lang") != language:
                choose_language(page, language)
            links = page.locator("[data-testid=role-navigation] [data-nav]").evaluate_all(
                "links => links.map(a => [a.dataset.nav, a.href])"
            )
            for key, href in links:
                if key in SKIPPED_NAV:
                    continue
                page.goto(href)
                opened += 1
                expect(page.locator("html")).to_have_attribute("lang", language)
                found += [
                    f"{language} {username} {key}: {text!r}" for text in english_left(page.content(), language, data)
                ]
            page.screenshot(path=str(folder / f"{language}-{username}.png"))
        assert User.objects.get(username="quality").language == language  # the choice is kept

    assert opened >= len(LANGUAGES) * len(ROLES) * 2
    assert found == [], "\n".join(found)
