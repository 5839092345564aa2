"""The reports of audits and improvement requested from the reports page: the nonconformity
register (PDF, XLSX), the audit programme of a year with its audit reports (PDF, XLSX) and the
annual report on the functioning of the QMS (PDF), also before the review is held. Who may
request and read each; their rows read with a fixed number of queries."""

import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from audits import reports, services
from audits.models import Audit
from qms.models import OrganisationalUnit, Report
from qms.reporting import no_progress
from qms.roles import Role
from tests.qms.factories import UnitFactory, UserFactory

from .test_reports import ACTION, OBSERVATION, STATEMENT, build_audit, hold_review, plan_action

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
PAST = TODAY - datetime.timedelta(days=10)
LATER = TODAY + datetime.timedelta(days=30)


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def workbook(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))


def rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def content_of(report: Report) -> bytes:
    report.file.open("rb")
    try:
        return report.file.read()
    finally:
        report.file.close()


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """POST a report request as `user`; returns the response and the report it made (or None)."""

    def ask(user, kind, fmt="pdf", **params):
        client.force_login(user)
        before = set(Report.objects.values_list("pk", flat=True))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("reports:request"), {"kind": kind, "format": fmt, **params})
        report = Report.objects.exclude(pk__in=before).first()
        if report is not None:
            report.refresh_from_db()
        return response, report

    return ask


def close_nc(nc, people):
    """Take a nonconformity through its workflow to closed (effective)."""
    action = plan_action(nc, people, "Publish the minutes within a week", due=TODAY)
    services.nonconformity_start_implementation(nc=nc, by=people.head)
    services.action_complete(action=action, by=people.doer, evidence="Minutes published.")
    nc.refresh_from_db()
    services.nonconformity_check_effectiveness(
        nc=nc, by=people.quality, effective=True, comment="No late minutes since.", today=nc.effectiveness_due
    )
    nc.refresh_from_db()
    return nc


class Register:
    """Nonconformities of the Faculty (one with an overdue action, one repeating it), one closed
    in a department of the Faculty last year, and one of another faculty."""

    def __init__(self, people, unit):
        self.department = UnitFactory(name="Department of Physics", parent=unit)
        root = OrganisationalUnit.objects.get_first_root_node()
        self.other = UnitFactory(name="Faculty of Law", kind="faculty", parent=root)
        self.overdue = services.nonconformity_register(
            title="Syllabi not approved", description="Three syllabi.", unit=unit, source="internal_audit",
            severity="major", requirement="DP 07.03 §4", reported_by=people.auditor,
            detected_on=datetime.date(2026, 3, 2),
        )  # fmt: skip
        plan_action(self.overdue, people, "Approve the syllabi", due=PAST)
        plan_action(self.overdue, people, "Train the secretaries", due=LATER)
        self.repeat = services.nonconformity_register(
            title="Syllabi again not approved", description="Two more.", unit=unit, source="complaint",
            requirement="DP 07.03 §4", reported_by=people.quality, detected_on=datetime.date(2026, 4, 1),
        )  # fmt: skip
        self.closed = close_nc(
            services.nonconformity_register(
                title="Late minutes",
                description="Minutes filed late.",
                unit=self.department,
                source="staff_report",
                reported_by=people.quality,
                detected_on=datetime.date(2025, 6, 1),
            ),  # fmt: skip
            people,
        )
        self.elsewhere = services.nonconformity_register(
            title="Library closes early", description="At 4 pm.", unit=self.other, source="student_report",
            reported_by=people.quality, detected_on=datetime.date(2026, 5, 1),
        )  # fmt: skip


@pytest.fixture
def register(people, unit):
    return Register(people, unit)


# --- the nonconformity register ----------------------------------------------------------------


def test_the_register_pdf_of_every_state_shows_each_nonconformity_with_its_figures(people, register, ask):
    response, report = ask(people.quality, "nc_register", state="all")
    assert response.status_code == 302
    assert report.status == Report.Status.DONE, report.error
    assert report.file.name.endswith(".pdf")
    text = pdf_text(content_of(report))
    assert "Nonconformity register" in text and "University" in text  # title and organisation
    assert "All units" in text and "Any year" in text  # the filters used
    for nc in (register.overdue, register.repeat, register.closed, register.elsewhere):
        assert nc.number in text and nc.title in text
    assert register.repeat.repeat_of_id == register.overdue.pk
    assert "Complaint Minor Syllabi again not approved Faculty" in text
    assert "Effective" in text and "Not checked" in text
    assert "Totals by state Registered 2 Cause analysis 0 Action plan 1" in text
    assert "Closed 1 Total 4" in text


def test_the_register_of_a_unit_lists_its_open_nonconformities_and_those_below_it(people, unit, register, ask):
    department_nc = services.nonconformity_register(
        title="Lab journal missing", description="-", unit=register.department, source="staff_report",
        reported_by=people.quality, detected_on=datetime.date(2026, 2, 1),
    )  # fmt: skip
    _response, report = ask(people.quality, "nc_register", unit=unit.pk)  # state: open by default
    assert report.status == Report.Status.DONE, report.error
    assert report.params == {"unit": unit.pk, "state": "open"} and report.unit == unit
    assert report.subject == "Faculty, Open (not closed)"
    text = pdf_text(content_of(report))
    assert "Faculty and the units below it" in text and "Open (not closed)" in text
    assert register.overdue.number in text and register.repeat.number in text and department_nc.number in text
    assert register.closed.number not in text  # closed
    assert register.elsewhere.number not in text  # another faculty


def test_the_register_spreadsheet_has_the_nonconformities_and_their_actions(people, register, ask):
    _response, report = ask(people.quality, "nc_register", "xlsx", state="all")
    assert report.status == Report.Status.DONE, report.error
    assert report.file.name.endswith(".xlsx")
    book = workbook(content_of(report))
    assert book.sheetnames == ["Nonconformities", "Actions"]
    sheet = book["Nonconformities"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    table = rows(sheet)
    assert table[0] == [
        "Number", "Detected on", "Source", "Severity", "Title", "Unit", "Process", "Requirement", "State",
        "Open actions", "Overdue actions", "Repeat of", "Effectiveness", "Closed at",
    ]  # fmt: skip
    by_number = {row[0]: row for row in table[1:]}
    assert len(by_number) == 4
    overdue = by_number[register.overdue.number]
    assert overdue[1] == datetime.datetime(2026, 3, 2)  # a date, not text
    assert overdue[2:6] == ["Internal audit", "Major", "Syllabi not approved", "Faculty"]
    assert overdue[7] == "DP 07.03 §4" and overdue[8] == "Action plan"
    assert overdue[9:13] == [2, 1, None, "Not checked"]
    assert by_number[register.repeat.number][11] == register.overdue.number
    closed = by_number[register.closed.number]
    assert closed[4:6] == ["Late minutes", "Department of Physics"]
    assert closed[8] == "Closed" and closed[12] == "Effective"
    assert isinstance(closed[13], datetime.datetime)
    assert closed[13].date() == timezone.localtime(register.closed.closed_at).date()

    actions = rows(book["Actions"])
    assert actions[0] == [
        "Nonconformity", "Kind", "Action", "Responsible", "Due date", "State", "Done at", "Verified at"
    ]  # fmt: skip
    described = {row[2]: row for row in actions[1:]}
    assert set(described) == {"Approve the syllabi", "Train the secretaries", "Publish the minutes within a week"}
    approve = described["Approve the syllabi"]
    assert approve[:2] == [register.overdue.number, "Corrective action"]
    assert approve[3] == str(people.doer) and approve[4] == datetime.datetime.combine(PAST, datetime.time())
    assert approve[5:] == ["Open", None, None]
    published = described["Publish the minutes within a week"]
    assert published[0] == register.closed.number and published[5] == "Verified"
    assert isinstance(published[6], datetime.datetime) and isinstance(published[7], datetime.datetime)


def test_the_register_of_a_year_keeps_the_nonconformities_detected_in_it(people, register, ask):
    _response, report = ask(people.quality, "nc_register", "xlsx", state="all", year=2025)
    numbers = [row[0] for row in rows(workbook(content_of(report))["Nonconformities"])[1:]]
    assert numbers == [register.closed.number]
    assert report.subject == "All units, All, 2025"


def test_a_unit_head_gets_the_register_of_their_own_unit_only(people, unit, register, ask, client):
    response, report = ask(people.head, "nc_register", unit=unit.pk, state="all")
    assert response.status_code == 302 and report.status == Report.Status.DONE, report and report.error
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 200

    response, other = ask(people.head, "nc_register", unit=register.other.pk)
    assert response.status_code == 400 and other is None  # not one of the units they may choose
    response, other = ask(people.head, "nc_register")
    assert response.status_code == 400 and other is None  # a unit head must choose a unit

    # The head of the other faculty neither sees nor downloads the Faculty's register.
    dean = UserFactory(roles=[Role.UNIT_HEAD, Role.STAFF])
    register.other.head = dean
    register.other.save()
    client.force_login(dean)
    assert client.get(report.get_absolute_url()).status_code == 404
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404


def test_someone_without_a_reporting_role_may_not_request_or_read_the_register(people, register, ask, client):
    response, report = ask(people.other, "nc_register", state="all")
    assert response.status_code == 403 and report is None
    _response, report = ask(people.quality, "nc_register", state="all")
    client.force_login(people.other)
    assert client.get(report.get_absolute_url()).status_code == 404
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404


def test_an_auditor_may_request_neither_the_programme_pack_nor_the_register(people, unit, ask):
    """The pack holds the findings of every audit; an auditor reads only those of their audits."""
    build_audit(people, unit)
    response, report = ask(people.auditor, "nc_register", state="all")
    assert response.status_code == 403 and report is None
    response, report = ask(people.auditor, "audit_programme", year=2026)
    assert response.status_code == 403 and report is None


def test_the_register_rows_take_the_same_queries_for_few_and_many_nonconformities(people, unit, register):
    params = {"unit": OrganisationalUnit.objects.get_first_root_node().pk, "state": "all"}

    def count():
        with CaptureQueriesContext(connection) as captured:
            data = reports.nc_register_data(params, today=TODAY, with_actions=True)
            html = render_to_string("audits/pdf/nc_register.html", {"title": "Register", **data})
            reports._nc_register_xlsx(data)
        return len(captured), data, html

    few, data, html = count()
    assert data["total"] == 4 and len(data["actions"]) == 3 and register.closed.number in html
    for n in range(4):
        nc = services.nonconformity_register(
            title=f"More {n}", description="-", unit=register.department, source="survey",
            reported_by=people.quality, detected_on=datetime.date(2026, 6, n + 1),
        )  # fmt: skip
        plan_action(nc, people, f"Action {n}", due=PAST)
    many, data, html = count()
    assert data["total"] == 8 and len(data["actions"]) == 7 and "More 3" in html
    assert many == few


# --- the audit programme -----------------------------------------------------------------------


def second_audit(people, unit, programme, title="Research at the Faculty"):
    """Another audit of the programme, reported with a minor finding whose nonconformity has an action."""
    audit = services.audit_save(
        programme=programme, kind=Audit.Kind.PLANNED, title=title, lead_auditor=people.auditor,
        planned_start=datetime.date(2026, 5, 4), planned_end=datetime.date(2026, 5, 4), units=[unit], processes=[],
    )  # fmt: skip
    item = services.checklist_add_question(audit=audit, question="Are research plans approved?")
    services.audit_prepare(audit=audit, by=people.auditor)
    services.audit_start(audit=audit, by=people.auditor)
    services.checklist_answer(item=item, by=people.auditor, answer="nonconforming", evidence_notes="Two plans.")
    finding = services.finding_record(
        audit=audit, by=people.auditor, kind="minor", unit=unit, requirement=f"{title} §2", statement=f"{title}: late",
    )  # fmt: skip
    plan_action(finding.nonconformity, people, f"{title}: approve the plans")
    return services.audit_report(audit=audit, by=people.auditor, summary=f"{title}: summary.", language="en")


def test_the_programme_pdf_has_its_audits_coverage_and_the_reports_of_reported_audits(people, unit, ask):
    audit, nc = build_audit(people, unit)
    services.audit_report(audit=audit, by=people.auditor, summary="The process works; syllabi lag.", language="en")
    planned = services.audit_save(
        programme=audit.programme, kind=Audit.Kind.PLANNED, title="Library services", lead_auditor=people.auditor,
        planned_start=datetime.date(2026, 10, 5), planned_end=datetime.date(2026, 10, 6), units=[unit], processes=[],
    )  # fmt: skip
    _response, report = ask(UserFactory(roles=[Role.RECTORATE, Role.STAFF]), "audit_programme", year=2026)
    assert report.status == Report.Status.DONE, report.error
    assert report.subject == "2026"
    text = pdf_text(content_of(report))
    for expected in (
        "Audit programme 2026",
        "Draft",
        "Not approved yet",
        "Teaching at the Faculty",
        planned.title,
        "Major nonconformity: 1 Observation: 1",  # findings by kind
        "What the programme covers",
        "P-07 Teaching",
        "Audit reports",
        "The process works; syllabi lag.",
        "Major nonconformity (1)",
        "Observation (1)",
        STATEMENT,
        OBSERVATION,
        nc.number,
        ACTION,
    ):
        assert expected in text, expected
    reports_part = text.split("Audit reports", 1)[1]
    assert "Library services" not in reports_part  # planned, not reported: no report yet


def test_the_programme_spreadsheet_has_its_audits_and_the_findings_of_reported_ones(people, unit, ask):
    audit, nc = build_audit(people, unit)
    services.audit_report(audit=audit, by=people.auditor, summary="Summary.", language="en")
    second_audit(people, unit, audit.programme)
    _response, report = ask(people.quality, "audit_programme", "xlsx", year=2026)
    assert report.status == Report.Status.DONE, report.error
    book = workbook(content_of(report))
    assert book.sheetnames == ["Audits", "Findings"]
    audits = rows(book["Audits"])
    assert audits[0][:3] == ["Audit", "Kind", "Status"] and audits[0][-1] == "Findings"
    teaching = next(row for row in audits if row[0] == "Teaching at the Faculty")
    assert teaching[1:4] == ["Planned (from the programme)", "Reported", "Faculty"]
    assert teaching[4] == "P-07" and teaching[5] == str(people.auditor)
    assert teaching[7] == datetime.datetime(2026, 3, 2)
    assert teaching[-5:] == [1, 0, 1, 0, 2]  # major, minor, observation, improvement, total
    findings = rows(book["Findings"])
    assert findings[0][:3] == ["Audit", "Kind", "Unit"]
    statements = {row[6]: row for row in findings[1:]}
    assert set(statements) == {STATEMENT, OBSERVATION, "Research at the Faculty: late"}
    assert statements[STATEMENT][:2] == ["Teaching at the Faculty", "Major nonconformity"]
    assert statements[STATEMENT][8:] == [nc.number, "Action plan", 1]


def test_a_year_without_a_programme_fails_with_a_reason_people_can_read(people, ask):
    year = TODAY.year
    _response, report = ask(people.quality, "audit_programme", year=year)
    assert report.status == Report.Status.FAILED and not report.file
    assert report.error == f"The report could not be built: there is no audit programme for {year}"


def test_the_programme_takes_the_same_queries_for_few_and_many_audits(people, unit, monkeypatch):
    monkeypatch.setattr(reports.pdf, "render_pdf", lambda template, context: render_to_string(template, context))
    audit, _nc = build_audit(people, unit)
    services.audit_report(audit=audit, by=people.auditor, summary="Summary.", language="en")

    def count():
        with CaptureQueriesContext(connection) as captured:
            html = reports.audit_programme_report({"year": 2026}, "pdf", no_progress)[1]
            reports.audit_programme_report({"year": 2026}, "xlsx", no_progress)
        return len(captured), html

    few, html = count()
    assert ACTION in html
    second_audit(people, unit, audit.programme)
    second_audit(people, unit, audit.programme, title="Admission at the Faculty")
    many, html = count()
    assert "Admission at the Faculty: approve the plans" in html and "Research at the Faculty: summary." in html
    assert many == few


# --- the annual report -------------------------------------------------------------------------


def test_the_annual_report_of_a_held_review_is_the_review_pack(people, unit, nc, ask):
    hold_review(people)
    _response, report = ask(people.quality, "annual_report", year=2026)
    assert report.status == Report.Status.DONE, report.error
    text = pdf_text(content_of(report))
    for expected in (
        "Annual report on the functioning of the quality management system, 2026",
        "Students ask for earlier timetables.",
        "Set a deadline for the approval of syllabi.",
        "Train the heads of department on DP 07.03",
        "Nonconformities registered in the year 1",
    ):
        assert expected in text, expected
    assert "has not been held yet" not in text


def test_the_annual_report_before_the_review_shows_todays_inputs_and_says_so(people, unit, nc, ask):
    _response, report = ask(people.quality, "annual_report", year=2026)
    assert report.status == Report.Status.DONE, report.error
    text = pdf_text(content_of(report))
    assert "Annual report on the functioning of the quality management system, 2026" in text
    assert "The management review of 2026 has not been held yet" in text
    assert "Not opened in the portal yet" in text
    assert "Nonconformities registered in the year 1" in text and "Internal audit 1" in text
    assert "The review has not been held yet." in text

    # Opened but not held, inputs not collected: collected now for the report, the note stays.
    services.review_create(year=2026)
    _response, report = ask(people.quality, "annual_report", year=2026)
    text = pdf_text(content_of(report))
    assert "has not been held yet" in text and "Draft" in text
    assert "Nonconformities registered in the year 1" in text


def test_only_the_quality_office_and_the_rectorate_request_the_annual_report(people, ask):
    for person in (people.auditor, people.head, people.other):
        response, report = ask(person, "annual_report", year=2026)
        assert response.status_code == 403 and report is None
    response, report = ask(UserFactory(roles=[Role.RECTORATE, Role.STAFF]), "annual_report", year=2026)
    assert response.status_code == 302 and report.status == Report.Status.DONE, report.error


# --- one-click buttons on the pages ------------------------------------------------------------


def test_the_pages_offer_their_reports_with_their_filters(people, unit, client):
    client.force_login(people.quality)
    page = client.get(reverse("audits:nc-list"), {"state": "open", "unit": unit.pk}).content.decode()
    for fmt in ("pdf", "xlsx"):
        assert f'data-testid="report-button-nc_register-{fmt}"' in page
    assert '<input type="hidden" name="state" value="open">' in page
    assert f'<input type="hidden" name="unit" value="{unit.pk}">' in page
    page = client.get(reverse("audits:nc-list")).content.decode()
    assert '<input type="hidden" name="state" value="all">' in page

    programme = services.programme_create(year=2026)
    page = client.get(reverse("audits:programme-detail", args=[programme.pk])).content.decode()
    assert 'data-testid="report-button-audit_programme-xlsx"' in page
    assert '<input type="hidden" name="year" value="2026">' in page

    review = services.review_create(year=2026)
    for url in (reverse("audits:review-list"), review.get_absolute_url()):
        page = client.get(url).content.decode()
        assert 'data-testid="report-button-annual_report-pdf"' in page
        assert '<input type="hidden" name="year" value="2026">' in page

    client.force_login(people.auditor)  # reads the programme page, not every audit's findings
    page = client.get(reverse("audits:programme-detail", args=[programme.pk])).content.decode()
    assert "report-button-audit_programme" not in page
    page = client.get(reverse("audits:nc-list")).content.decode()
    assert "report-button-nc_register" not in page
