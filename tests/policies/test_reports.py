"""The document register as a report built by a worker (`policies.reports`): what the PDF and the
spreadsheet contain, who may request and read it, a unit head only for their units, and the
rows read in a fixed number of queries."""

import datetime
import io

import pytest
from django.urls import reverse

from policies import services
from policies.models import Document
from policies.selectors import document_register
from qms.models import Report
from qms.roles import Role
from qms.services import ReportRequestRefused, report_request
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory, build_report

from .conftest import publish_new_revision
from .factories import DocumentFactory


def pdf_text(content: bytes) -> str:
    """The PDF's text with every run of white space as one space (table cells wrap their lines)."""
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def rows_of(content: bytes):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    assert len(workbook.sheetnames) == 1
    sheet = workbook[workbook.sheetnames[0]]
    header = [cell.value for cell in sheet[1]]
    return (
        sheet,
        header,
        {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)},
    )


@pytest.fixture
def register(people, units, published):
    """DP 04.01 (owned by the university, applies to the faculty, revision 1 in force since
    15 January 2026) that one of the faculty's two active members acknowledged (a third member,
    inactive, does not count); and RG 01 of the other faculty, applying there, never published."""
    root, faculty, other = units
    services.acknowledge(version=published, person=people.reader)
    MembershipFactory(unit=faculty, user=UserFactory(username="colleague"))
    MembershipFactory(unit=faculty, user=UserFactory(username="gone", is_active=False))
    regulation = DocumentFactory(
        owner=people.owner,
        owner_unit=other,
        applies_to=[other],
        code="RG 01",
        title="Regulation of the other faculty",
        type=Document.Type.REGULATION,
        level=Document.Level.REGULATIONS,
    )
    return published.document, regulation


@pytest.fixture
def unit_head(units):
    """The head of the faculty (not a member of it: the acknowledgement counts stay as they are)."""
    head = UserFactory(username="dean", roles=[Role.UNIT_HEAD, Role.STAFF])
    faculty = units[1]
    faculty.head = head
    faculty.save()
    return head


# --- content ------------------------------------------------------------------------------------


def test_the_register_pdf_lists_every_document_with_its_revision_review_and_acknowledgement_rate(
    people, register, django_capture_on_commit_callbacks
):
    document, regulation = register
    document.refresh_from_db()
    report, content = build_report(django_capture_on_commit_callbacks, "document_register", people.quality)
    assert content.startswith(b"%PDF")
    assert report.file.name.rsplit("/", 1)[-1].startswith("document-register-")
    text = pdf_text(content)
    for expected in (
        "Document register",
        "University",  # the organisation, in the running header
        "Every controlled document of the university.",
        "2 documents.",
        "DP 04.01",
        document.title,
        "Documented procedure",
        "RG 01",
        "Regulation of the other faculty",
        "not in force",
        "Other faculty",  # the owner unit of RG 01
        str(people.owner),
        "50 %",
        "1 / 2",
        "Page 1 of",
    ):
        assert expected in text, expected
    next_review = document.next_review_date.strftime("%d/%m/%Y")
    assert (
        f"DP 04.01 {document.title} Documented procedure 3 — Documented procedures University {people.owner} "
        f"1 15/01/2026 {next_review} Current 50 % 1 / 2"
    ) in text  # one row, its cells in order


def test_the_register_xlsx_has_a_row_per_document_with_dates_as_dates_and_the_rate_as_a_number(
    people, register, django_capture_on_commit_callbacks
):
    document, regulation = register
    document.refresh_from_db()
    _report, content = build_report(django_capture_on_commit_callbacks, "document_register", people.rector, fmt="xlsx")
    sheet, header, rows = rows_of(content)
    assert header == [
        "Code", "Title", "Type", "Level", "Owner unit", "Owner", "Current revision", "Effective date",
        "Next review", "Review state", "Acknowledged", "People required", "Acknowledgement rate",
    ]  # fmt: skip
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    procedure = rows["DP 04.01"]
    assert procedure["Title"] == document.title
    assert procedure["Type"] == "Documented procedure" and procedure["Level"] == "3 — Documented procedures"
    assert procedure["Owner unit"] == "University" and procedure["Owner"] == str(people.owner)
    assert procedure["Current revision"] == 1
    assert procedure["Effective date"] == datetime.datetime(2026, 1, 15)
    assert procedure["Next review"] == datetime.datetime.combine(document.next_review_date, datetime.time())
    assert procedure["Review state"] == "Current"
    assert (procedure["Acknowledged"], procedure["People required"], procedure["Acknowledgement rate"]) == (1, 2, 0.5)
    unpublished = rows["RG 01"]
    assert unpublished["Type"] == "Regulation" and unpublished["Owner unit"] == "Other faculty"
    assert unpublished["Current revision"] is None and unpublished["Effective date"] is None
    assert unpublished["Acknowledgement rate"] is None


def test_the_register_of_a_unit_holds_the_documents_of_its_subtree_and_those_applying_to_it(
    people, units, register, django_capture_on_commit_callbacks
):
    root, faculty, other = units
    department = UnitFactory(name="Department of chemistry", parent=faculty)
    DocumentFactory(owner=people.owner, owner_unit=department, code="IN 07", title="Laboratory instruction")
    DocumentFactory(owner=people.owner, owner_unit=root, code="DP 09", title="Applies to the department",
                    applies_to=[department])  # fmt: skip
    codes = [row["document"].code for row in document_register(faculty)]
    assert sorted(codes) == ["DP 04.01", "DP 09", "IN 07"]  # not RG 01 of the other faculty

    report, content = build_report(
        django_capture_on_commit_callbacks, "document_register", people.quality, params={"unit": faculty.pk}
    )
    assert report.subject == "Faculty" and report.title == "Document register: Faculty"
    assert report.unit_id == faculty.pk
    text = pdf_text(content)
    assert "Documents owned by Faculty or its sub-units, or applying to them." in text
    assert "Laboratory instruction" in text and "DP 09" in text and "RG 01" not in text


def test_the_rate_counts_only_active_members_of_the_units_and_each_person_once(people, units, published):
    root, faculty, other = units
    document = published.document
    services.document_update(
        document=document,
        owner=document.owner,
        applies_to=[faculty, other],
        clauses=[],
        **{name: getattr(document, name) for name in services.EDITABLE_FIELDS},
    )
    MembershipFactory(unit=other, user=people.reader)  # in both units: one person to ask
    services.acknowledge(version=published, person=people.reader)
    [row] = document_register()
    # reader (both faculties) and outsider (the other faculty, from the fixture): two people
    assert (row["acknowledged"], row["required"], row["rate"]) == (1, 2, 0.5)
    assert row["version"] == published


# --- queries ------------------------------------------------------------------------------------


def make_documents(people, units, count, start):
    root, faculty, other = units
    for index in range(start, start + count):
        document = DocumentFactory(owner=people.owner, owner_unit=root, applies_to=[faculty, other],
                                   code=f"PR {index:03d}")  # fmt: skip
        version = publish_new_revision(document, people, "<p>Text</p>", datetime.date(2026, 2, 1))
        member = UserFactory(username=f"member{index}")
        MembershipFactory(unit=faculty, user=member)
        services.acknowledge(version=version, person=member)


def test_the_register_rows_are_read_in_five_queries_whatever_the_number_of_documents(
    people, units, django_assert_num_queries
):
    make_documents(people, units, 2, 0)
    with django_assert_num_queries(5):
        assert len(document_register()) == 2
    make_documents(people, units, 8, 2)
    with django_assert_num_queries(5):
        rows = document_register()
    assert len(rows) == 10 and all(row["required"] == 10 and row["acknowledged"] == 1 for row in rows)
    with django_assert_num_queries(5):
        assert len(document_register(units[1])) == 10


# --- who may request and read it ----------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.QUALITY_OFFICER, Role.RECTORATE, Role.AUDITOR])
def test_the_quality_office_rectorate_and_auditors_may_request_the_whole_register(client, db, role):
    person = UserFactory(username=f"reader-{role}", roles=[role])
    client.force_login(person)
    response = client.post(reverse("reports:request"), {"kind": "document_register", "format": "xlsx"})
    report = Report.objects.get(kind="document_register", requested_by=person)
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert report.format == "xlsx" and report.params == {}


def test_staff_and_applicants_may_neither_request_nor_read_the_register(
    client, people, register, django_capture_on_commit_callbacks
):
    report, _content = build_report(django_capture_on_commit_callbacks, "document_register", people.quality)
    for person in (people.outsider, people.applicant):
        client.force_login(person)
        assert (
            client.post(reverse("reports:request"), {"kind": "document_register", "format": "pdf"}).status_code == 403
        )
        assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
        assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
    with pytest.raises(ReportRequestRefused):
        report_request(kind="document_register", fmt="pdf", params={}, by=people.outsider, language="en")


def test_a_unit_head_requests_the_register_of_their_unit_only(
    client, people, units, register, unit_head, django_capture_on_commit_callbacks
):
    root, faculty, other = units
    client.force_login(unit_head)
    url = reverse("reports:request")
    assert client.post(url, {"kind": "document_register", "format": "pdf"}).status_code == 400  # a unit is required
    assert client.post(url, {"kind": "document_register", "format": "pdf", "unit": other.pk}).status_code == 400
    assert not Report.objects.filter(requested_by=unit_head).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"kind": "document_register", "format": "pdf", "unit": faculty.pk})
    report = Report.objects.get(requested_by=unit_head)
    assert response.status_code == 302 and report.unit_id == faculty.pk and report.status == Report.Status.DONE
    with pytest.raises(ReportRequestRefused):
        report_request(kind="document_register", fmt="pdf", params={"unit": other.pk}, by=unit_head, language="en")
    with pytest.raises(ReportRequestRefused):
        report_request(kind="document_register", fmt="pdf", params={}, by=unit_head, language="en")

    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 200
    whole, _content = build_report(django_capture_on_commit_callbacks, "document_register", people.quality)
    assert client.get(reverse("reports:detail", args=[whole.pk])).status_code == 404  # not limited to their unit
    other_head = UserFactory(username="other-dean", roles=[Role.UNIT_HEAD, Role.STAFF])
    other.head = other_head
    other.save()
    client.force_login(other_head)
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404


def test_the_document_list_offers_the_register_to_those_who_may_request_it(client, people, register, unit_head):
    client.force_login(people.quality)
    page = client.get(reverse("policies:document-list")).content.decode()
    assert 'data-testid="report-button-document_register-pdf"' in page
    assert 'data-testid="report-button-document_register-xlsx"' in page
    for person in (people.reader, unit_head):  # a unit head asks for their unit on the reports page
        client.force_login(person)
        assert "report-button-document_register" not in client.get(reverse("policies:document-list")).content.decode()
