"""An auditor answers the checklist of an audit of the Faculty of Chemical Technology on a phone,
attaches a PDF as evidence and records a major nonconformity from the question that failed. The
faculty's head analyses its causes and plans a corrective action for a member of staff, who
reports it done; the quality officer checks that it worked and closes the nonconformity.

The audit is planned at the start of the test through the services, so the journey does not
depend on the demo audits; the demo gives the accounts, the units and the standard clauses."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from audits import services
from audits.models import Action, Audit, ChecklistItem, Finding, Nonconformity
from qms.history import acting_user
from qms.models import OrganisationalUnit, StandardClause, User

pytestmark = [pytest.mark.e2e]

PHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = "demo"
TIMEOUT_MS = 10_000
CLAUSES = ("7.1.6", "7.5.2", "9.1.3")  # none of them in the demo's nonconformities of ФХТ
# (answer label, evidence notes, attach a PDF) per question, in the checklist's order.
ANSWERS = [
    ("Conforming", "The course syllabi of 2024/25 are approved and kept in the faculty's shared folder.", True),
    ("Nonconforming", "Exam records of 3 of the 12 courses sampled in the winter session are missing.", False),
    ("Conforming", "The student survey results were discussed by the faculty council in March.", False),
]
STATEMENT = "Exam records of the winter session are not kept for every course."
REQUIREMENT = "DP 04.02 §5: the exam records of every course are kept in the faculty's archive for five years."


def plan_audit(today):
    quality = User.objects.get(username="quality")
    auditor = User.objects.get(username="auditor")
    unit = OrganisationalUnit.objects.get(short_name="ФХТ")
    clauses = list(StandardClause.objects.filter(framework="iso9001", code__in=CLAUSES).order_by("sort_key"))
    assert len(clauses) == len(CLAUSES), "the ISO 9001 clauses are loaded with the demo"
    with acting_user(quality):
        audit = services.audit_save(
            kind=Audit.Kind.UNPLANNED,
            title="Exam records of the Faculty of Chemical Technology",
            lead_auditor=auditor,
            planned_start=today,
            planned_end=today,
            units=[unit],
            processes=[],
            clauses=clauses,
        )
        assert services.checklist_build(audit=audit) == len(CLAUSES)
        services.audit_prepare(audit=audit, by=auditor)
    return audit, unit


def record_console_errors(page, errors):
    page.on("console", lambda m: errors.append((page.url, m.text[:90])) if m.type == "error" else None)


def sign_out_and_in(page, sign_in, username):
    page.context.clear_cookies()
    sign_in(username)


def test_an_auditor_on_a_phone_logs_a_major_nc_that_is_corrected_and_closed(
    demo_data, live_server, browser, page, sign_in, screenshot, artifacts_dir, settings
):
    settings.AUDITS_EFFECTIVENESS_WAIT_DAYS = 0  # the live server runs in this process: it sees the change
    today = timezone.localdate()
    audit, unit = plan_audit(today)
    errors = []
    record_console_errors(page, errors)

    # The auditor, on a phone, opens the audit and starts it.
    phone_context = browser.new_context(locale="en-GB", viewport=PHONE, is_mobile=True, has_touch=True)
    phone_context.set_default_timeout(TIMEOUT_MS)
    phone_context.set_default_navigation_timeout(TIMEOUT_MS)
    try:
        phone = phone_context.new_page()
        record_console_errors(phone, errors)
        phone.goto(f"{live_server.url}/accounts/login/")
        phone.fill("input[name=username]", "auditor")
        phone.fill("input[name=password]", DEMO_PASSWORD)
        with phone.expect_navigation():
            phone.click("form[action$='/accounts/login/'] button[type=submit]")
        phone.goto(f"{live_server.url}{audit.get_absolute_url()}")
        expect(phone.get_by_test_id("audit-status")).to_have_text("Prepared")
        phone.get_by_test_id("step-start").tap()
        expect(phone.get_by_test_id("audit-status")).to_have_text("In progress")
        phone.get_by_test_id("open-checklist").tap()

        # One card per question: a tap on the answer, the evidence written down, a PDF on the first.
        items = phone.get_by_test_id("checklist-item")
        expect(items).to_have_count(len(ANSWERS))
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
        for index, (answer, notes, attach) in enumerate(ANSWERS):
            item = items.nth(index)
            item.get_by_text(answer, exact=True).tap()
            expect(item.locator("input[type=radio]:checked")).to_have_count(1)
            item.locator("textarea").fill(notes)
            if attach:
                item.locator("input[type=file]").set_input_files(
                    {"name": "syllabi.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n% syllabi\n"}
                )
            item.get_by_test_id("save-answer").tap()
            expect(phone.locator(".alert-success")).to_contain_text("Answer saved.")
            expect(items.nth(index).get_by_test_id("saved-answer")).to_contain_text(answer)
        expect(phone.get_by_test_id("checklist-progress")).to_have_text(f"{len(ANSWERS)} of {len(ANSWERS)} answered")
        expect(items.first.get_by_role("link", name="Attachment")).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
        phone.screenshot(path=str(artifacts_dir / "audit-phone-checklist.png"), full_page=True)

        # From the nonconforming question, a major nonconformity of the faculty.
        items.nth(1).get_by_test_id("finding-from-item").tap()
        form = phone.get_by_test_id("finding-form")
        expect(form).to_be_visible()
        expect(form.locator("textarea[name=evidence]")).to_have_value(ANSWERS[1][1])  # carried from the question
        # Every option can be tapped, not only the first (the radios lay out one per line).
        for other in ("Minor nonconformity", "Observation", "Opportunity for improvement"):
            form.get_by_label(other).tap(trial=True)
        form.get_by_label("Major nonconformity").check()
        form.locator("select[name=unit]").select_option(str(unit.pk))
        form.locator("textarea[name=requirement]").fill(REQUIREMENT)
        form.locator("textarea[name=statement]").fill(STATEMENT)
        assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scrolling"
        phone.screenshot(path=str(artifacts_dir / "audit-phone-finding.png"), full_page=True)
        form.get_by_test_id("save-finding").tap()
        expect(phone.locator(".alert-success")).to_contain_text(re.compile(r"nonconformity NC-\d{4}-\d{4} is"))
        nc = Nonconformity.objects.get(finding__audit=audit)
        expect(phone.locator(".alert-success")).to_contain_text(f"nonconformity {nc.number} is registered")
    finally:
        phone_context.close()

    # The faculty's head finds it in the register, analyses the causes and plans the action.
    sign_in("head")
    page.goto(f"{live_server.url}/audits/")
    page.get_by_role("link", name="Nonconformity register").click()
    page.get_by_test_id("nc-register").get_by_role("link", name=nc.number, exact=True).click()
    expect(page.get_by_test_id("nc-state")).to_have_text("Registered")
    page.get_by_test_id("start-analysis").click()
    page.fill("input[name=why1]", "The course leaders hand the exam records in when they choose.")
    page.fill("input[name=why2]", "No deadline for handing them in is set.")
    page.fill("input[name=why3]", "DP 04.02 does not say who collects the records and by when.")
    page.select_option("select[name=cause_category]", label="Method or procedure")
    page.fill("textarea[name=root_cause]", "The procedure sets no owner and no deadline for the exam records.")
    page.fill("textarea[name=correction]", "The three missing records were collected from the course leaders.")
    screenshot("audit-nc-analysis")
    page.get_by_test_id("save-analysis").click()
    expect(page.locator(".alert-success")).to_contain_text("The cause analysis is recorded")
    expect(page.get_by_test_id("nc-state")).to_have_text("Action plan")
    due = today + datetime.timedelta(days=30)
    page.get_by_test_id("add-action").click()
    page.select_option("select[name=kind]", label="Corrective action")
    page.fill("textarea[name=description]", "Name the faculty secretary as the keeper of the exam records in DP 04.02.")
    page.select_option("select[name=responsible]", label="Петър Николов")
    page.fill("input[name=due_date]", due.isoformat())
    page.get_by_test_id("save-action").click()
    expect(page.locator(".alert-success")).to_contain_text("The action is planned")
    expect(page.get_by_test_id("action-state")).to_have_text("Open")
    page.get_by_test_id("start-implementation").click()
    expect(page.get_by_test_id("nc-state")).to_have_text("Implementation")

    # The member of staff responsible reports it done from "My actions".
    sign_out_and_in(page, sign_in, "staff")
    page.goto(f"{live_server.url}/audits/actions/")
    page.get_by_test_id("my-actions").get_by_role("link", name="Name the faculty secretary").click()
    expect(page.get_by_test_id("action-state")).to_have_text("Open")
    page.fill("textarea[name=evidence]", "DP 04.02 revision 3 names the secretary; published on the portal.")
    page.get_by_test_id("complete-action").click()
    expect(page.locator(".alert-success")).to_contain_text("The action is reported done")
    expect(page.get_by_test_id("nc-state")).to_have_text("Effectiveness check")
    nc.refresh_from_db()
    assert nc.effectiveness_due == today, "the live server saw AUDITS_EFFECTIVENESS_WAIT_DAYS = 0"

    # The quality officer checks that it worked and closes it.
    sign_out_and_in(page, sign_in, "quality")
    page.goto(f"{live_server.url}{nc.get_absolute_url()}")
    check = page.get_by_test_id("effectiveness-form")
    check.get_by_label("Not effective: reopen the action plan").click(trial=True)
    check.get_by_label("Effective: close the nonconformity").check()
    check.locator("textarea[name=comment]").fill("All exam records of the summer session were in the archive.")
    page.get_by_test_id("check-effectiveness").click()
    expect(page.locator(".alert-success")).to_contain_text("the nonconformity is closed")
    expect(page.get_by_test_id("nc-state")).to_have_text("Closed")
    expect(page.get_by_test_id("action-state")).to_have_text("Verified")
    expect(page.get_by_test_id("effectiveness-result")).to_contain_text("Effective")
    screenshot("audit-nc-closed")

    # The records tell the same story.
    quality, auditor, staff = (User.objects.get(username=name) for name in ("quality", "auditor", "staff"))
    nc.refresh_from_db()
    assert nc.state == Nonconformity.State.CLOSED
    assert nc.effective is True
    assert nc.verified_by == quality
    assert nc.severity == Nonconformity.Severity.MAJOR
    assert nc.unit == unit
    assert nc.whys[:1] == ["The course leaders hand the exam records in when they choose."]
    action = nc.actions.get()
    assert (action.kind, action.responsible, action.due_date) == (Action.Kind.CORRECTIVE, staff, due)
    assert (action.state, action.verified_by) == (Action.State.VERIFIED, quality)
    finding = Finding.objects.get(audit=audit)
    assert (finding.kind, finding.nonconformity, finding.recorded_by) == (Finding.Kind.MAJOR, nc, auditor)
    assert finding.checklist_item.answer == ChecklistItem.Answer.NONCONFORMING
    checklist = list(audit.checklist.order_by("order"))
    assert [item.answer for item in checklist] == ["conforming", "nonconforming", "conforming"]
    assert all(item.answered_by == auditor for item in checklist)
    with checklist[0].attachment.open("rb") as attachment:
        assert attachment.read(5) == b"%PDF-"
    assert Audit.objects.get(pk=audit.pk).status == Audit.Status.IN_PROGRESS
    assert errors == []
