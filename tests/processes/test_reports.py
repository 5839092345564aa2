"""The reports of the process register built by a worker (`processes.reports`): the register
(PDF, XLSX), every current card in one PDF, and the evidence matrix (PDF); what they contain,
who may request and read them, and the rows read in a fixed number of queries."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from processes import periods, reports, selectors, services
from processes.models import KPI, Flow, MatrixEntry, Process
from qms.models import Report, StandardClause
from qms.roles import Role
from qms.services import ReportRequestRefused, report_request
from qms.standards import load_standard_clauses
from tests.policies.factories import DocumentFactory
from tests.qms.factories import UserFactory, build_report

from .conftest import build_card
from .factories import ProcessFactory

KINDS = [
    ("process_register", "pdf"),
    ("process_register", "xlsx"),
    ("process_cards", "pdf"),
    ("evidence_matrix", "pdf"),
    ("evidence_matrix", "xlsx"),
]


def pdf_pages(content: bytes) -> list[str]:
    """The text of each page, every run of white space as one space (table cells wrap)."""
    from pypdf import PdfReader

    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


def measure(kpi, value, by):
    start, _end = periods.last_ended_period(kpi.frequency, timezone.localdate())
    services.measurement_record(kpi=kpi, period_start=start, value=value, by=by)


def add_kpi(process, name, **extra):
    fields = {"direction": "higher", "target": 95, "at_risk_threshold": 90, "frequency": "yearly", **extra}
    return services.kpi_save(process=process, name={"en": name}, unit_of_measure="%", **fields)


@pytest.fixture
def clauses(db):
    if not StandardClause.objects.exists():  # a flushed test database has lost the migration's rows
        load_standard_clauses(StandardClause)
    return {(c.framework, c.code): c for c in StandardClause.objects.all()}


@pytest.fixture
def register(people, units):
    """MP-01 Strategic planning (management): a current card, five KPIs (one on target, one at
    risk, one off target, one two years old never measured and so overdue, one inactive),
    responsible in the faculty's matrix; CP-01 Teaching (core): a draft card only; SP-01 Library
    (support): a current card, in the matrix of the other faculty only."""
    root, faculty, other = units
    planning = ProcessFactory(
        code="MP-01",
        name={"en": "Strategic planning"},
        kind=Process.Kind.MANAGEMENT,
        leader=people.leader,
        owner=people.owner,
        scope=[faculty],
    )
    build_card(
        planning,
        people,
        purpose="Set the direction of the university",
        activities=("Draft the strategic plan", "Adopt the plan"),
        flows=[(Flow.Direction.INPUT, "Stakeholder needs", None), (Flow.Direction.OUTPUT, "Strategic plan", None)],
    )
    for name, value in (("Plans reviewed", 100), ("Complaints answered", 92), ("Targets met", 50)):
        measure(add_kpi(planning, name), value, people.owner)
    unmeasured = add_kpi(planning, "Surveys analysed")
    KPI.objects.filter(pk=unmeasured.pk).update(created_at=timezone.now() - datetime.timedelta(days=800))
    services.kpi_refresh(kpi=KPI.objects.get(pk=unmeasured.pk), today=timezone.localdate())  # overdue: no value
    add_kpi(planning, "Retired indicator", active=False)
    teaching = ProcessFactory(
        code="CP-01", name={"en": "Teaching"}, kind=Process.Kind.CORE, leader=people.leader, owner=people.owner
    )
    build_card(teaching, people, purpose="Teach well", approve=False)
    library = ProcessFactory(
        code="SP-01", name={"en": "Library"}, kind=Process.Kind.SUPPORT, leader=people.leader, owner=people.owner
    )
    build_card(library, people, purpose="Lend the books", activities=("Lend books",))
    services.matrix_save(
        cells={
            (planning.pk, faculty.pk): MatrixEntry.Role.RESPONSIBLE,
            (library.pk, other.pk): MatrixEntry.Role.PARTICIPATES,
        }
    )
    return planning, teaching, library


# --- the register -------------------------------------------------------------------------------


def test_the_register_xlsx_has_a_row_per_process_with_its_card_review_and_kpis_by_status(
    people, register, django_capture_on_commit_callbacks
):
    from openpyxl import load_workbook

    planning, teaching, library = register
    planning.refresh_from_db()
    card = planning.cards.get(status="current")
    report, content = build_report(django_capture_on_commit_callbacks, "process_register", people.quality, fmt="xlsx")
    assert report.file.name.rsplit("/", 1)[-1].startswith("process-register-")
    workbook = load_workbook(io.BytesIO(content))
    assert len(workbook.sheetnames) == 1
    sheet = workbook[workbook.sheetnames[0]]
    header = [cell.value for cell in sheet[1]]
    assert header == [
        "Code",
        "Process",
        "Kind",
        "Process owner",
        "Process leader",
        "Card revision",
        "Approved on",
        "Next review",
        "Review state",
        "Active KPIs",
        "On target",
        "At risk",
        "Off target",
        "No measurement yet",
        "Measurement overdue",
    ]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ["MP-01", "CP-01", "SP-01"]  # kinds in order
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    first = rows["MP-01"]
    assert first["Process"] == "Strategic planning" and first["Kind"] == "Management process"
    assert first["Process owner"] == str(people.owner) and first["Process leader"] == str(people.leader)
    assert first["Card revision"] == 1
    approved = timezone.localtime(card.approved_at).date()
    assert first["Approved on"] == datetime.datetime.combine(approved, datetime.time())
    assert first["Next review"] == datetime.datetime.combine(planning.next_review_date, datetime.time())
    assert first["Review state"] == "Current"
    counts = [first[name] for name in ("Active KPIs", "On target", "At risk", "Off target", "No measurement yet")]
    assert counts == [4, 1, 1, 1, 1]
    assert first["Measurement overdue"] == 1  # the one not measured for the last ended year
    teaching_row = rows["CP-01"]
    assert teaching_row["Card revision"] is None and teaching_row["Approved on"] is None
    assert teaching_row["Active KPIs"] == 0


def test_the_register_pdf_shows_the_same_rows(people, register, django_capture_on_commit_callbacks):
    planning, teaching, library = register
    _report, content = build_report(django_capture_on_commit_callbacks, "process_register", people.leader)
    text = " ".join(pdf_pages(content))
    for expected in (
        "Process register",
        "University",
        "3 processes.",
        "Management process",
        "Support process",
        str(people.owner),
        str(people.leader),
        "none approved",
        "Page 1 of",
    ):
        assert expected in text, expected
    assert "MP-01 Strategic planning Management process" in text
    assert "CP-01 Teaching Core process" in text and text.index("MP-01") < text.index("CP-01") < text.index("SP-01")
    # MP-01's row ends with its KPIs: 4 active, 1 on target, 1 at risk, 1 off target, 1 not measured, 1 overdue
    assert "Current 4 1 1 1 1 1" in text


def test_the_register_rows_are_read_in_a_fixed_number_of_queries(people, units, django_assert_num_queries):
    def make(count, start):
        for index in range(start, start + count):
            process = ProcessFactory(code=f"CP-{index:02d}", leader=people.leader, owner=people.owner)
            build_card(process, people, activities=("Work",))
            add_kpi(process, "Indicator")

    make(2, 0)
    with django_assert_num_queries(2):
        assert len(reports.process_register_rows()) == 2
    make(6, 2)
    with django_assert_num_queries(2):
        rows = reports.process_register_rows()
    assert len(rows) == 8 and all(row.current.revision == 1 and row.kpi_count == 1 for row in rows)


# --- every card in one PDF ----------------------------------------------------------------------


def page_of(pages: list[str], text: str) -> int:
    [index] = [number for number, page in enumerate(pages) if text in page]
    return index


def test_the_cards_pdf_has_a_contents_list_and_each_current_card_on_its_own_page(
    people, register, django_capture_on_commit_callbacks
):
    report, content = build_report(django_capture_on_commit_callbacks, "process_cards", people.owner)
    assert report.file.name.rsplit("/", 1)[-1].startswith("process-cards-")
    pages = pdf_pages(content)
    contents = pages[0]
    assert "Process cards" in contents and "Contents" in contents and "3 processes." in contents
    assert "CP-01 Teaching (no approved card)" in contents  # listed, without a card
    planning_page = page_of(pages, "Set the direction of the university")
    library_page = page_of(pages, "Lend the books")
    assert 0 < planning_page < library_page
    assert re.search(rf"MP-01 Strategic planning \.+ ?{planning_page + 1}\b", contents)  # with its page number
    assert re.search(rf"SP-01 Library \.+ ?{library_page + 1}\b", contents)
    planning = pages[planning_page]
    assert planning.index("MP-01 Strategic planning") < planning.index("Process code")  # the card starts the page
    for expected in (
        "Draft the strategic plan",
        "Stakeholder needs",
        "Strategic plan",
        "Faculty",
        "Plans reviewed",
        "On target",
        "Complaints answered",
        "At risk",
        "Uncontrolled when printed",
    ):
        assert expected in " ".join(pages[planning_page:library_page]), expected
    assert "Retired indicator" not in " ".join(pages)
    assert "Teach well" not in " ".join(pages)  # a draft is not a card in force
    assert "Lend books" in pages[library_page] and "The whole university." in pages[library_page]


def test_the_cards_of_a_unit_are_those_of_the_processes_where_it_has_a_role_in_the_matrix(
    people, units, register, django_capture_on_commit_callbacks
):
    root, faculty, other = units
    report, content = build_report(
        django_capture_on_commit_callbacks, "process_cards", people.quality, params={"unit": faculty.pk}
    )
    assert report.subject == "Faculty" and report.title == "Process cards: Faculty"
    text = " ".join(pdf_pages(content))
    assert "The current cards of the processes in which Faculty has a role in the functional matrix." in text
    assert "Set the direction of the university" in text and "1 process." in text
    assert "SP-01" not in text and "CP-01" not in text


def test_the_cards_are_read_in_a_fixed_number_of_queries_and_progress_is_told_per_process(
    people, units, django_assert_num_queries, monkeypatch
):
    root, faculty, other = units
    document = DocumentFactory(owner=people.owner, owner_unit=root, code="DP 01")

    def make(count, start):
        for index in range(start, start + count):
            process = ProcessFactory(code=f"CP-{index:02d}", leader=people.leader, owner=people.owner, scope=[faculty])
            supplier = Process.objects.exclude(pk=process.pk).first()
            build_card(
                process,
                people,
                activities=("Plan", "Do"),
                units=[faculty],
                documents=[document],
                flows=[(Flow.Direction.INPUT, "In", supplier), (Flow.Direction.OUTPUT, "Out", None)],
            )
            add_kpi(process, "Indicator")

    def gather():
        processes = selectors.process_cards_bundle()
        entries = [reports.card_entry(process, "en") for process in processes]
        for entry in entries:  # what the card template reads
            for activity in entry["activities"]:
                list(activity.units.all()), list(activity.documents.all())
            [flow.supplier for flow in entry["inputs"]]
        return entries

    make(2, 0)
    with django_assert_num_queries(8):
        assert len(gather()) == 2
    make(5, 2)
    with django_assert_num_queries(8):
        entries = gather()
    assert len(entries) == 7
    assert all(entry["card"] and len(entry["activities"]) == 2 and len(entry["kpis"]) == 1 for entry in entries)

    calls = []
    monkeypatch.setattr(reports.pdf, "render_pdf", lambda template, context: b"%PDF-")
    reports.build_process_cards({}, "pdf", lambda done, total: calls.append((done, total)))
    assert calls == [(index, 8) for index in range(1, 8)]


# --- the evidence matrix ------------------------------------------------------------------------


def test_the_evidence_pdf_lists_every_linked_process_and_document(
    people, units, clauses, django_capture_on_commit_callbacks
):
    root, faculty, other = units
    clause = clauses[("iso9001", "7.5.3")]
    ProcessFactory(
        code="MP-04",
        name={"en": "Document control"},
        leader=people.leader,
        owner=people.owner,
        clauses=[clause, clauses[("esg2015", "1.1")]],
    )
    DocumentFactory(
        owner=people.owner, owner_unit=other, code="DP 04.01", title="Control of documents", clauses=[clause]
    )
    auditor = UserFactory(username="auditor-reader", roles=[Role.AUDITOR])
    report, content = build_report(django_capture_on_commit_callbacks, "evidence_matrix", auditor)
    assert report.file.name.rsplit("/", 1)[-1].startswith("evidence-matrix-")
    pages = pdf_pages(content)
    text = " ".join(pages)
    assert "Evidence matrix" in pages[0] and "ISO 9001:2015" in text and "ESG 2015" in text
    # the row of 7.5.3: the process (no approved card yet) and the document
    assert "7.5.3 Control of documented information MP-04 Document control no approved card DP 04.01" in text
    assert "Control of documents not in force" in text
    assert "7.5.2 Creating and updating Gap Nothing linked" in text
    esg_page = page_of(pages, "1.1 Policy for quality assurance")
    assert esg_page > page_of(pages, "7.5.3 Control of documented information")  # each framework on its pages

    report, content = build_report(
        django_capture_on_commit_callbacks, "evidence_matrix", people.quality, params={"framework": "esg2015"}
    )
    assert report.subject == "ESG 2015"
    text = " ".join(pdf_pages(content))
    assert "1.1 Policy for quality assurance MP-04 Document control" in text and "7.5.3" not in text


def test_the_evidence_matrix_is_read_in_a_fixed_number_of_queries(people, units, clauses, django_assert_num_queries):
    codes = list(clauses)

    def make(count, start):
        for index in range(start, start + count):
            clause = clauses[codes[index % len(codes)]]
            ProcessFactory(code=f"CP-{index:02d}", leader=people.leader, owner=people.owner, clauses=[clause])
            DocumentFactory(owner=people.owner, owner_unit=units[0], code=f"DP {index:02d}", clauses=[clause])

    make(2, 0)
    with django_assert_num_queries(5):
        selectors.evidence_sections(None)
    make(10, 2)
    with django_assert_num_queries(5):
        sections = selectors.evidence_sections(None)
    assert sum(len(row["processes"]) for section in sections for row in section["rows"]) == 12


# --- who may request and read them --------------------------------------------------------------


ALL_READERS = [Role.QUALITY_OFFICER, Role.RECTORATE, Role.AUDITOR, Role.PROCESS_OWNER, Role.UNIT_HEAD]
# The evidence matrix names every document, audit and nonconformity: not for owners and unit heads
# (test_owners_and_unit_heads_may_not_request_the_evidence_matrix).
READERS_OF = [
    (role, kind, fmt)
    for kind, fmt in KINDS
    for role in ALL_READERS
    if kind != "evidence_matrix" or role not in (Role.PROCESS_OWNER, Role.UNIT_HEAD)
]


@pytest.mark.parametrize("role,kind,fmt", READERS_OF)
def test_the_quality_office_management_auditors_owners_and_unit_heads_may_request_them(client, db, role, kind, fmt):
    person = UserFactory(username=f"reader-{role}", roles=[role])
    client.force_login(person)
    response = client.post(reverse("reports:request"), {"kind": kind, "format": fmt})
    report = Report.objects.get(kind=kind, requested_by=person)
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert report.format == fmt


@pytest.mark.parametrize("kind,fmt", KINDS)
def test_staff_and_applicants_may_neither_request_nor_read_them(
    client, people, kind, fmt, django_capture_on_commit_callbacks
):
    report, _content = build_report(django_capture_on_commit_callbacks, kind, people.auditor, fmt=fmt)
    for person in (people.reader, people.applicant):
        client.force_login(person)
        assert client.post(reverse("reports:request"), {"kind": kind, "format": fmt}).status_code == 403
        assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
        assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
        with pytest.raises(ReportRequestRefused):
            report_request(kind=kind, fmt=fmt, params={}, by=person, language="en")
    client.force_login(people.quality)  # a reader of the kind reads it, whoever asked
    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 200


@pytest.mark.parametrize("role", [Role.PROCESS_OWNER, Role.UNIT_HEAD])
def test_owners_and_unit_heads_may_not_request_the_evidence_matrix(
    client, people, role, django_capture_on_commit_callbacks
):
    """It names every document, audit and nonconformity, more than their evidence page shows them."""
    report, _content = build_report(django_capture_on_commit_callbacks, "evidence_matrix", people.quality)
    person = UserFactory(username=f"narrow-{role}", roles=[role])
    client.force_login(person)
    assert client.post(reverse("reports:request"), {"kind": "evidence_matrix", "format": "pdf"}).status_code == 403
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404


def test_the_cards_are_a_pdf_only_and_the_unit_must_exist(people, units):
    with pytest.raises(ReportRequestRefused):
        report_request(kind="process_cards", fmt="xlsx", params={}, by=people.quality, language="en")
    form = reports.ProcessCardsForm({"unit": "999999"}, user=people.quality)
    assert not form.is_valid() and "unit" in form.errors
    form = reports.ProcessCardsForm({"unit": str(units[1].pk)}, user=people.quality)
    assert form.is_valid() and form.params() == {"unit": units[1].pk}


def test_the_process_list_offers_the_register_and_the_cards_to_those_who_may_request_them(client, people):
    client.force_login(people.owner)
    page = client.get(reverse("processes:process-list")).content.decode()
    for kind, fmt in (("process_register", "pdf"), ("process_register", "xlsx"), ("process_cards", "pdf")):
        assert f'data-testid="report-button-{kind}-{fmt}"' in page
    client.force_login(people.reader)
    assert "report-button-" not in client.get(reverse("processes:process-list")).content.decode()
