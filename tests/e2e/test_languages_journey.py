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


def test_the_document_editor_speaks_kazakh(demo_data, live_server, page, sign_in, screenshot):
    """TinyMCE has no Kazakh pack: its toolbar, menus and dialogs take the JavaScript catalogue's texts."""
    import polib
    from django.conf import settings

    from policies.models import Document

    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "kk" / "LC_MESSAGES" / "djangojs.po"))
    kazakh = {entry.msgid: entry.msgstr for entry in catalogue}
    policy = Document.objects.get(code="QP 01")

    sign_in("quality")
    choose_language(page, "kk")
    page.goto(f"{live_server.url}{policy.get_absolute_url()}")
    with page.expect_navigation():
        page.locator(f"form[action$='/documents/{policy.pk}/draft/'] button").click()
    expect(page.locator("iframe.tox-edit-area__iframe")).to_be_visible()

    for english in ("Bold", "Italic", "Bullet list", "Numbered list", "Undo"):
        expect(page.locator(f"button.tox-tbtn[aria-label='{kazakh[english]}']")).to_be_visible()
        assert kazakh[english] != english
    page.locator(".tox-tbtn--select").first.click()  # the blocks menu: Paragraph, Heading 2...
    expect(page.locator(".tox-collection__item-label", has_text=kazakh["Heading 2"])).to_be_visible()
    screenshot("languages-kk-editor")
    data = data_pattern()
    assert english_left(page.content(), "kk", data) == []
    page.keyboard.press("Escape")
    page.locator(f"button.tox-tbtn[aria-label='{kazakh['Insert/edit link']}']").click()  # the link dialog
    expect(page.locator(".tox-dialog")).to_be_visible()
    screenshot("languages-kk-editor-link")
    left = english_left(page.content(), "kk", data)
    assert left == [], left
