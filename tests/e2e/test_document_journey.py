"""A quality officer drafts a new revision of the quality policy in the editor, a reviewer and the
rector approve it, it is published, a staff member acknowledges it and downloads the PDF."""

import pytest
from playwright.sync_api import expect

from policies.models import Acknowledgement, Version

pytestmark = [pytest.mark.e2e]


def sign_out(page, live_server):
    page.context.clear_cookies()


def open_policy(page, live_server):
    page.goto(f"{live_server.url}/documents/")
    page.get_by_role("link", name="Quality policy").first.click()


def test_a_new_revision_of_the_policy_goes_from_draft_to_acknowledged(
    demo_data, live_server, page, sign_in, screenshot
):
    errors = []
    page.on(
        "console", lambda message: errors.append((page.url, message.text[:90])) if message.type == "error" else None
    )

    # The quality officer starts a draft and writes in the toolbar editor.
    sign_in("quality")
    open_policy(page, live_server)
    page.get_by_role("button", name="Start a new draft").click()
    editor = page.frame_locator("iframe.tox-edit-area__iframe").locator("body")
    expect(editor).to_contain_text("QUALITY POLICY")  # the text in the user's language (English)
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("New objective: every programme accredited by 2028.")
    page.fill("textarea[name=change_summary]", "A new accreditation objective")
    screenshot("journey-editor")
    page.get_by_test_id("save-draft").click()
    expect(page.locator(".alert-success")).to_be_visible()
    page.get_by_role("link", name="Back to the revision").click()
    page.select_option("select[name=reviewers]", label="Георги Иванов")
    page.select_option("select[name=approver]", label="Иван Колев")
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_test_id("version-status")).to_have_text("In review")
    revision_url = page.url

    # The reviewer approves, then the rector.
    for username in ("owner", "rector"):
        sign_out(page, live_server)
        sign_in(username)
        page.goto(revision_url)
        page.get_by_label("Approve").check()
        page.get_by_role("button", name="Record my decision").click()
        expect(page.locator(".alert-success")).to_contain_text("Your decision is recorded")
    expect(page.get_by_test_id("version-status")).to_have_text("Approved")

    # The quality officer publishes it.
    sign_out(page, live_server)
    sign_in("quality")
    page.goto(revision_url)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_test_id("version-status")).to_have_text("Published")
    published = Version.objects.get(document__code="QP 01", status="published")
    assert published.revision == 2
    assert "New objective: every programme accredited by 2028." in published.bodies.get(language="en").body
    assert "ПОЛИТИКА ПО КАЧЕСТВОТО" in published.bodies.get(language="bg").body  # the Bulgarian text carried over

    # The history names who did what: the rector's approval and the publication are there.
    open_policy(page, live_server)
    page.get_by_test_id("history").click()
    log = page.get_by_test_id("change-log")
    expect(log).to_contain_text("Revision 2: decision")
    expect(log).to_contain_text("Published")
    expect(log.locator("tr", has_text="Revision 2: decision").first).to_be_visible()
    screenshot("journey-history")

    # A staff member sees it pending, acknowledges it and downloads the PDF.
    sign_out(page, live_server)
    sign_in("staff")
    page.goto(f"{live_server.url}/documents/")
    expect(page.get_by_test_id("pending-acknowledgements")).to_contain_text("QP 01")
    open_policy(page, live_server)
    page.get_by_test_id("acknowledge").click()
    expect(page.get_by_test_id("acknowledged")).to_be_visible()
    assert Acknowledgement.objects.filter(version=published, person__username="staff").exists()
    with page.expect_download() as download_info:
        page.get_by_test_id("pdf").click()
    path = download_info.value.path()
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    screenshot("journey-acknowledged")
    assert errors == []
