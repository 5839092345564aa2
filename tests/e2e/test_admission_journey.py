"""A graduate applies for a master's programme through the admission portal, from registering an
account to being enrolled.

She registers on the login page's link and activates the account from the e-mail, fills in her
personal data (an invalid EGN is refused next to the field and what she typed is kept), her
education and two preferences, which she reorders with the keyboard; she uploads the documents
and submits. The committee rejects one document and returns the application; she replaces it and
submits again; the committee verifies it, ranks round 1 and publishes it. The public lists show
her application number and score, never her name; her result explains each preference; she
confirms her enrolment with the fee receipt and the committee enrols her.

The campaign, its two programmes (one state place, paid places), round 1 and one competitor
with a better score are made through the factories and services, so the journey depends on
nothing but the demo accounts."""

import datetime
import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from admissions import scoring
from admissions.documents import required_documents
from admissions.models import Applicant, Application, Document, Round, RoundResult
from qms.models import User
from tests.admissions.factories import (
    PDF_BYTES,
    CampaignFactory,
    ProgrammeFactory,
    QuotaFactory,
    RoundFactory,
    eligible_application,
    valid_egn,
)

pytestmark = [pytest.mark.e2e]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
RANKING_TIMEOUT_MS = 20_000

EMAIL = "maria.petrova@example.org"
PASSWORD = "Prijem-Magistri-2026!"
FIRST, MIDDLE, LAST = "Мария", "Иванова", "Петрова"
FIRST_LATIN, LAST_LATIN = "Maria", "Petrova"
BIRTH = datetime.date(1999, 3, 8)
EGN = valid_egn(BIRTH, 123)
BAD_EGN = EGN[:-1] + str((int(EGN[-1]) + 1) % 10)  # the check digit is wrong
RETURN_NOTE = "The copy of your identity card is unreadable; upload a sharper scan."
REJECT_REASON = "The scan is blurred: the number cannot be read"


def make_campaign():
    """An open campaign with one state place in one programme and paid places in another, round 1
    planned, and one competitor (score above hers) who wants the state place."""
    committee = User.objects.get(username="committee")
    campaign = CampaignFactory(name="Master's admission 2026", academic_year="2026/2027")
    chemistry = ProgrammeFactory(
        campaign=campaign, code="CHE", name="Химично инженерство", name_en="Chemical engineering"
    )
    biotech = ProgrammeFactory(campaign=campaign, code="BIO", name="Биотехнологии", name_en="Biotechnology")
    state = QuotaFactory(programme=chemistry, funding="state", places=1)
    paid = QuotaFactory(programme=biotech, funding="paid", places=3)
    round = RoundFactory(campaign=campaign, number=1)
    competitor = eligible_application(
        campaign=campaign,
        quotas=[state],
        committee=committee,
        course_average=Decimal("5.00"),
        graduation_grade=Decimal("5.50"),
    )
    return campaign, state, paid, round, competitor


def record_console_errors(page, errors):
    page.on("console", lambda m: errors.append((page.url, m.text[:120])) if m.type == "error" else None)


def sign_out_and_in(page, sign_in, username, *password):
    """Drop the session, then sign in (with the demo password unless one is given)."""
    page.context.clear_cookies()
    sign_in(username, *password)


def alert(page, text):
    """The flash message (role=alert) that says `text`."""
    return page.get_by_role("alert").filter(has_text=text)


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def tab(page, name):
    """A tab of the application's pages (Overview, Personal data, ..., Documents)."""
    return page.get_by_role("navigation", name="Parts of the application").get_by_role("link", name=name, exact=True)


def field_box(page, name):
    """The block of a form field: its label, input, help text and errors."""
    return page.locator(f"[name={name}]").first.locator("xpath=..")


def test_an_applicant_registers_applies_is_returned_ranked_and_enrolled(
    demo_accounts, live_server, page, sign_in, screenshot, tmp_path
):
    campaign, state, paid, round, competitor = make_campaign()
    url = live_server.url
    errors = []
    record_console_errors(page, errors)
    files = {}
    for name in ("diploma", "identity", "identity-sharper", "fee-receipt", "semester-fee"):
        files[name] = tmp_path / f"{name}.pdf"
        files[name].write_bytes(PDF_BYTES)

    # 1. Registering from the login page; the link in the e-mail activates the account.
    page.goto(f"{url}/accounts/login/")
    page.get_by_test_id("register-link").click()
    form = page.get_by_test_id("register-form")
    form.locator("[name=email]").fill(EMAIL)
    form.locator("[name=first_name]").fill(FIRST)
    form.locator("[name=last_name]").fill(LAST)
    form.locator("[name=password1]").fill(PASSWORD)
    form.locator("[name=password2]").fill(PASSWORD)
    expect(form.locator("[name=language]")).to_have_value("en")
    form.get_by_test_id("register").click()
    expect(page.get_by_test_id("register-sent")).to_contain_text(EMAIL)
    assert not User.objects.get(email=EMAIL).is_active, "inactive until the e-mail address is confirmed"
    sent = [message for message in mail.outbox if EMAIL in message.to]
    assert len(sent) == 1, [message.subject for message in mail.outbox]
    link = re.search(r"https?://\S+/admissions/confirm/\S+/", sent[0].body)
    assert link, sent[0].body
    page.goto(url + urlsplit(link.group(0)).path)  # the mail links to PORTAL_URL, not the live server
    expect(page).to_have_url(f"{url}/accounts/login/")
    expect(alert(page, "Your e-mail address is confirmed")).to_be_visible()
    assert User.objects.get(email=EMAIL).is_active
    response = page.goto(url + urlsplit(link.group(0)).path)
    assert response.status == 400, "the link works once"
    expect(page.get_by_test_id("confirm-invalid")).to_be_visible()
    sign_in(EMAIL, PASSWORD)
    expect(page).to_have_url(f"{url}/")

    # 2. Starting the application; personal data with a wrong EGN first.
    page.locator("[data-testid=role-navigation] [data-nav=my-application]").click()
    expect(page.get_by_test_id("campaign")).to_contain_text("Master's admission 2026")
    page.get_by_test_id("start-application").click()
    application = Application.objects.get(applicant__user__email=EMAIL)
    expect(alert(page, f"Your application {application.number} is started")).to_be_visible()
    expect(page.get_by_test_id("status")).to_have_attribute("data-status", "draft")
    page.get_by_test_id("step-personal").get_by_role("link").click()
    form = page.get_by_test_id("personal-form")
    expect(form.locator("[name=first_name]")).to_have_value(FIRST)  # from the registration
    expect(form.locator("[name=last_name]")).to_have_value(LAST)
    form.locator("[name=middle_name]").fill(MIDDLE)
    form.locator("[name=first_name_latin]").fill(FIRST_LATIN)
    form.locator("[name=last_name_latin]").fill(LAST_LATIN)
    form.get_by_label("Bulgarian, EU or EEA citizen").check()
    form.locator("[name=country]").fill("България")
    form.locator("[name=identity_kind]").select_option("egn")
    form.locator("[name=identity_number]").fill(BAD_EGN)
    form.locator("[name=date_of_birth]").fill(BIRTH.isoformat())
    form.locator("[name=phone]").fill("+359 88 123 4567")
    form.locator("[name=address]").fill("София, ул. Раковски 100")
    form.get_by_test_id("save").click()
    form = page.get_by_test_id("personal-form")
    expect(field_box(page, "identity_number")).to_contain_text("This is not a valid Bulgarian personal number (EGN)")
    expect(form.locator("[name=identity_number]")).to_have_attribute("aria-invalid", "true")
    expect(form.locator("[name=identity_number]")).to_have_value(BAD_EGN)
    for name, value in [
        ("first_name", FIRST),
        ("middle_name", MIDDLE),
        ("last_name", LAST),
        ("first_name_latin", FIRST_LATIN),
        ("last_name_latin", LAST_LATIN),
        ("country", "България"),
        ("identity_kind", "egn"),
        ("date_of_birth", BIRTH.isoformat()),
        ("phone", "+359 88 123 4567"),
        ("address", "София, ул. Раковски 100"),
    ]:
        expect(form.locator(f"[name={name}]")).to_have_value(value)
    expect(form.get_by_label("Bulgarian, EU or EEA citizen")).to_be_checked()
    assert Applicant.objects.get(user__email=EMAIL).identity_number == "", "nothing saved from a refused form"
    form.locator("[name=identity_number]").fill(EGN)
    form.get_by_test_id("save").click()
    expect(alert(page, "Saved.")).to_be_visible()

    # Education: a bachelor in area 4, professional field 4.2; the form leads on to the preferences.
    form = page.get_by_test_id("education-form")
    form.locator("[name=degree]").select_option("bachelor")
    form.locator("[name=university]").fill("Софийски университет „Св. Климент Охридски“")
    form.locator("[name=speciality]").fill("Химия")
    form.locator("[name=area]").select_option("4")
    form.locator("[name=professional_field]").select_option("4.2")
    form.locator("[name=course_average]").fill("5.00")
    form.locator("[name=graduation_grade]").fill("5.00")
    form.get_by_label("Issued", exact=True).check()
    form.locator("[name=diploma_number]").fill("ХИ-2021-0457")
    form.get_by_test_id("save").click()
    expect(alert(page, "Saved.")).to_be_visible()
    expect(page.get_by_test_id("preferences-form")).to_be_visible()
    applicant = Applicant.objects.get(user__email=EMAIL)
    assert (applicant.identity_number, applicant.date_of_birth, applicant.professional_field) == (EGN, BIRTH, "4.2")
    scores = {quota.pk: str(scoring.score(applicant, quota.programme, campaign)) for quota in (state, paid)}

    # Preferences: the paid places first, then the state place, which she moves up with the keyboard.
    expect(page.get_by_test_id("no-preferences")).to_be_visible()
    for quota in (paid, state):
        page.locator("select[name=add]").select_option(str(quota.pk))
        page.get_by_test_id("add-preference").click()
        expect(alert(page, "Your preferences are saved.")).to_be_visible()
    rows = page.get_by_test_id("preference-row")
    expect(rows).to_have_count(2)
    expect(rows.first).to_have_attribute("data-quota", str(paid.pk))
    for quota in (state, paid):
        row = page.locator(f"[data-testid=preference-row][data-quota='{quota.pk}']")
        expect(row.get_by_test_id("score")).to_have_text(scores[quota.pk])
    state_row = page.locator(f"[data-testid=preference-row][data-quota='{state.pk}']")
    # The page opened at the row just added (#preference-...), which the browser focuses while it
    # loads: wait for the load to finish so that it does not take the focus back from the button.
    page.wait_for_load_state("load")
    move_up = state_row.get_by_test_id("move-up")
    move_up.focus()
    expect(move_up).to_be_focused()
    page.keyboard.press("Enter")
    expect(rows.first).to_have_attribute("data-quota", str(state.pk))
    expect(state_row.get_by_test_id("move-down")).to_be_focused()  # "up" is disabled at the top
    expect(page.locator("[data-unsaved]")).to_be_visible()
    expect(page.locator("[data-preference-status]")).to_contain_text("is now number 1 of 2")
    assert list(application.preferences.order_by("position").values_list("quota_id", flat=True)) == [
        paid.pk,
        state.pk,
    ], "moved in the page only, not saved yet"
    page.get_by_test_id("save-preferences").click()
    expect(alert(page, "Your preferences are saved.")).to_be_visible()
    page.reload()
    expect(rows.first).to_have_attribute("data-quota", str(state.pk))
    expect(rows.nth(1)).to_have_attribute("data-quota", str(paid.pk))
    expect(page.locator("[data-unsaved]")).to_be_hidden()
    assert list(application.preferences.order_by("position").values_list("quota_id", flat=True)) == [
        state.pk,
        paid.pk,
    ]
    screenshot("admission-preferences")
    page.set_viewport_size(PHONE)
    expect(rows).to_have_count(2)
    assert no_sideways_scroll(page), "no sideways scrolling on a phone"
    screenshot("admission-preferences-phone")
    page.set_viewport_size(DESKTOP)

    # 3. Documents: one PDF per required document, then the submission.
    tab(page, "Documents").click()
    kinds = [requirement.kind for requirement in required_documents(application)]
    assert kinds == ["diploma", "identity", "fee_receipt"]
    requirements = page.get_by_test_id("requirement")
    expect(requirements).to_have_count(len(kinds))
    for kind, name in zip(kinds, ("diploma", "identity", "fee-receipt"), strict=True):
        row = page.locator(f"[data-testid=requirement][data-kind={kind}]")
        expect(row.get_by_test_id("document-status")).to_have_text("Missing")
        row.locator("input[type=file]").set_input_files(files[name])
        row.get_by_test_id("upload").click()
        expect(alert(page, "Uploaded:")).to_be_visible()
        expect(row.get_by_test_id("uploaded")).to_contain_text(f"{name}.pdf")
        expect(row.get_by_test_id("document-status")).to_have_text("Awaiting verification")
    expect(page.get_by_test_id("document-status").filter(has_text="Missing")).to_have_count(0)
    tab(page, "Overview").click()
    expect(page.get_by_test_id("submission-problems")).to_have_count(0)
    expect(page.get_by_test_id("overview-preference")).to_have_count(2)
    page.get_by_test_id("submit-application").click()
    expect(alert(page, "Your application is submitted")).to_be_visible()
    expect(page.get_by_test_id("status")).to_have_attribute("data-status", "submitted")
    expect(page.get_by_test_id("status")).to_have_text("Submitted")
    expect(page.get_by_test_id("application-pdf")).to_be_visible()

    # 4. The committee rejects the identity card and returns the application.
    sign_out_and_in(page, sign_in, "committee")
    page.goto(f"{url}/admissions/")
    page.get_by_test_id("queue-link").click()
    queue_row = page.get_by_test_id("queue-row").filter(has_text=application.number)
    expect(queue_row).to_contain_text(f"{FIRST} {MIDDLE} {LAST}")
    expect(queue_row.get_by_test_id("application-status")).to_have_attribute("data-status", "submitted")
    queue_row.get_by_role("link", name=application.number).click()
    identity = page.locator("[data-testid=document-row][data-kind=identity]")
    identity.get_by_test_id("reject-document-form").locator("[name=note]").fill(REJECT_REASON)
    identity.get_by_test_id("reject-document").click()
    expect(alert(page, "Identity card is rejected")).to_be_visible()
    expect(identity.get_by_test_id("document-status")).to_have_attribute("data-status", "rejected")
    expect(identity.get_by_test_id("document-note")).to_have_text(REJECT_REASON)
    page.get_by_test_id("return-form").locator("[name=note]").fill(RETURN_NOTE)
    screenshot("admission-review")
    page.get_by_test_id("return-application").click()
    expect(alert(page, f"{application.number} is returned for correction")).to_be_visible()
    expect(page.get_by_test_id("application-status")).to_have_attribute("data-status", "returned")
    expect(page.get_by_test_id("return-note")).to_contain_text(RETURN_NOTE)

    # 5. She reads why, in the overview and in her messages, replaces the document and resubmits.
    sign_out_and_in(page, sign_in, EMAIL, PASSWORD)
    expect(page.get_by_test_id("inbox-link").get_by_test_id("unread-count")).to_be_visible()
    page.locator("[data-testid=role-navigation] [data-nav=my-application]").click()
    expect(page.get_by_test_id("status")).to_have_text("Returned for correction")
    expect(page.get_by_test_id("return-note")).to_contain_text(RETURN_NOTE)
    expect(page.get_by_test_id("rejected-documents")).to_contain_text(f"Identity card: {REJECT_REASON}")
    expect(page.get_by_test_id("step-documents")).to_have_attribute("data-done", "false")
    page.get_by_test_id("inbox-link").click()
    returned = page.get_by_test_id("notification").filter(has_text=f"Application {application.number}: please correct")
    expect(returned).to_have_count(1)
    expect(returned).to_contain_text("New")
    expect(returned).to_contain_text(RETURN_NOTE)
    expect(returned).to_contain_text(REJECT_REASON)
    page.locator("[data-testid=role-navigation] [data-nav=my-application]").click()
    tab(page, "Documents").click()
    row = page.locator("[data-testid=requirement][data-kind=identity]")
    expect(row.get_by_test_id("document-status")).to_have_text("Rejected")
    expect(row.get_by_test_id("review-note")).to_contain_text(REJECT_REASON)
    row.locator("input[type=file]").set_input_files(files["identity-sharper"])
    row.get_by_test_id("upload").click()
    expect(alert(page, "Uploaded: Identity card.")).to_be_visible()
    expect(row.get_by_test_id("document-status")).to_have_text("Awaiting verification")
    expect(row.get_by_test_id("uploaded")).to_contain_text("identity-sharper.pdf")
    expect(row.get_by_test_id("review-note")).to_have_count(0)
    tab(page, "Overview").click()
    page.get_by_test_id("submit-application").click()
    expect(alert(page, "Your application is submitted")).to_be_visible()
    expect(page.get_by_test_id("status")).to_have_attribute("data-status", "submitted")

    # 6. The committee accepts every document, verifies the application, ranks and publishes round 1.
    sign_out_and_in(page, sign_in, "committee")
    page.goto(f"{url}/admissions/review/{application.uuid}/")
    for kind in kinds:
        row = page.locator(f"[data-testid=document-row][data-kind={kind}]")
        row.get_by_test_id("accept-document").click()
        expect(row.get_by_test_id("document-status")).to_have_attribute("data-status", "accepted")
    expect(page.get_by_test_id("not-accepted")).to_have_count(0)
    page.get_by_test_id("verify-application").click()
    expect(alert(page, f"{application.number} is verified")).to_be_visible()
    expect(page.get_by_test_id("application-status")).to_have_attribute("data-status", "eligible")
    page.goto(f"{url}/admissions/")
    page.get_by_test_id("rounds").get_by_role("link", name="Round 1").click()
    status = page.get_by_test_id("round-status")
    expect(status).to_have_attribute("data-status", "planned")
    page.get_by_test_id("start-round").click()
    # Eager Celery ranks at the commit; a queued or running round's page refreshes itself.
    expect(status).to_have_attribute("data-status", "ranked", timeout=RANKING_TIMEOUT_MS)
    expect(page.get_by_test_id("applicants-count")).to_have_text("2")
    expect(page.get_by_test_id("admitted-count")).to_have_text("2")
    expect(page.get_by_test_id("quota-row")).to_have_count(2)
    page.get_by_test_id("publish-round").click()
    page.get_by_test_id("confirm-publish").click()
    expect(alert(page, "Round 1 is published")).to_be_visible()
    expect(status).to_have_attribute("data-status", "published")
    ours = RoundResult.objects.get(round=round, application=application)
    theirs = RoundResult.objects.get(round=round, application=competitor)
    assert (ours.quota_id, ours.preference, str(ours.score)) == (paid.pk, 2, scores[paid.pk])
    assert theirs.quota_id == state.pk and theirs.score > ours.score

    # 7. The public lists, signed out: her number and score, never her name.
    page.context.clear_cookies()
    page.goto(f"{url}/public/admissions/")
    page.get_by_test_id("public-round").get_by_role("link", name="Round 1").click()
    page.get_by_test_id("public-quota-row").filter(has_text="BIO").get_by_role("link", name="BIO", exact=True).click()
    admitted = page.get_by_test_id("public-admitted-row")
    expect(admitted).to_have_count(1)
    expect(admitted).to_contain_text(application.number)
    expect(admitted).to_contain_text(str(ours.score))
    for name in (FIRST, LAST, FIRST_LATIN, LAST_LATIN, EGN, EMAIL):
        expect(page.locator("body")).not_to_contain_text(name)
    screenshot("admission-public-list")
    page.go_back()
    page.get_by_test_id("public-quota-row").filter(has_text="CHE").get_by_role("link", name="CHE", exact=True).click()
    expect(admitted).to_have_count(1)
    expect(admitted).to_contain_text(competitor.number)
    expect(page.locator("body")).not_to_contain_text(application.number)

    # 8. Her result, explained per preference; she confirms the enrolment with the fee receipt.
    sign_in(EMAIL, PASSWORD)
    page.locator("[data-testid=role-navigation] [data-nav=my-application]").click()
    expect(page.get_by_test_id("status")).to_have_attribute("data-status", "admitted")
    expect(page.get_by_test_id("admitted")).to_contain_text("BIO Biotechnology")
    page.get_by_test_id("result-link").click()
    expect(page.get_by_test_id("result-admitted")).to_contain_text("Admitted to BIO Biotechnology")
    outcomes = page.get_by_test_id("outcome")
    expect(outcomes).to_have_count(2)
    expect(outcomes.nth(0)).to_have_attribute("data-status", "not_admitted")
    expect(outcomes.nth(0)).to_contain_text("CHE Chemical engineering")
    expect(outcomes.nth(0)).to_contain_text(f"the last one admitted had {theirs.score}")
    expect(outcomes.nth(0).get_by_test_id("score")).to_have_text(scores[state.pk])
    expect(outcomes.nth(1)).to_have_attribute("data-status", "admitted")
    expect(outcomes.nth(1)).to_contain_text("Admitted: you are placed here.")
    expect(outcomes.nth(1).get_by_test_id("score")).to_have_text(scores[paid.pk])
    screenshot("admission-result")
    page.get_by_test_id("enrol-link").click()
    expect(page.get_by_test_id("admitted-to")).to_contain_text(f"with the score {ours.score}")
    enrol = page.get_by_test_id("enrol-form")
    enrol.locator("input[type=file]").set_input_files(files["semester-fee"])
    enrol.get_by_test_id("confirm-enrolment").click()
    expect(alert(page, "Your enrolment is confirmed")).to_be_visible()
    expect(page.get_by_test_id("status")).to_have_text("Enrolment confirmed")

    # The committee checks the receipt and marks her enrolled.
    sign_out_and_in(page, sign_in, "committee")
    page.goto(f"{url}/admissions/")
    page.get_by_test_id("enrolment-link").click()
    enrolment_row = page.get_by_test_id("enrolment-row").filter(has_text=application.number)
    expect(enrolment_row.get_by_test_id("application-status")).to_have_attribute("data-status", "confirmed")
    expect(enrolment_row.get_by_test_id("receipt-link")).to_be_visible()
    enrolment_row.get_by_test_id("mark-enrolled").click()
    expect(alert(page, f"{application.number} is enrolled")).to_be_visible()
    expect(enrolment_row.get_by_test_id("application-status")).to_have_attribute("data-status", "enrolled")

    sign_out_and_in(page, sign_in, EMAIL, PASSWORD)
    page.locator("[data-testid=role-navigation] [data-nav=my-application]").click()
    expect(page.get_by_test_id("status")).to_have_text("Enrolled")
    screenshot("admission-enrolled")

    # The records tell the same story.
    application.refresh_from_db()
    assert application.status == Application.Status.ENROLLED
    assert (application.admitted_round, application.admitted_quota, application.admitted_preference) == (
        round,
        paid,
        2,
    )
    assert application.first_submitted_at < application.submitted_at, "the first submission time is kept"
    receipt = application.documents.get(kind=Document.Kind.ENROLMENT_RECEIPT)
    assert receipt.status == Document.Status.ACCEPTED
    assert set(application.documents.exclude(pk=receipt.pk).values_list("status", flat=True)) == {"accepted"}
    assert Round.objects.get(pk=round.pk).status == Round.Status.PUBLISHED
    # The used confirmation link answers 400 on purpose; the browser logs that, nothing else.
    assert [error for error in errors if "/admissions/confirm/" not in error[0]] == []
