"""The admission reports built by a worker (admissions.reports): a round's lists with names and the
list for the rector's order of enrolment, for the admissions committee only; the figures of a
campaign, without personal data, also for the rectorate and the quality office. Each is checked
in both formats against a small ranked and published round, who may request and read it, and
the number of queries its data takes. WeasyPrint is slow: one rendering per test."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from openpyxl import load_workbook
from pypdf import PdfReader

from admissions import reports, selectors, services
from admissions.models import Application, RoundQuota
from qms.models import Report
from qms.roles import Role
from qms.services import report_request
from tests.admissions.factories import (
    RoundFactory,
    built_report,
    committee_member,
    pdf_upload,
    request_report,
)
from tests.admissions.test_public_views import ranked_round
from tests.qms.factories import UserFactory

pytestmark = pytest.mark.django_db

KINDS = (reports.ADMISSION_LISTS, reports.ENROLMENT_ORDER, reports.ADMISSION_STATISTICS)


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def rows_of(content: bytes, sheet: str) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content), read_only=True)[sheet].iter_rows(values_only=True))


def every_cell(content: bytes) -> str:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    return " ".join(
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


def enrol(applications, committee):
    for application in applications:
        services.enrolment_confirm(application=application, uploaded=pdf_upload())
        services.application_enrol(application=application, by=committee)


class World:
    """A published round of two programmes (four quotas) and six applicants, two of whom have
    enrolled."""

    def __init__(self, *, applicants=6, programmes=2, year=2026):
        self.committee = committee_member()
        self.round, self.quotas, self.applications = ranked_round(
            applicants=applicants, programmes=programmes, year=year, committee=self.committee
        )
        self.campaign = self.round.campaign
        self.admitted = list(
            Application.objects.filter(admitted_round=self.round, status=Application.Status.ADMITTED)
            .select_related("applicant", "admitted_quota__programme")
            .order_by("number")
        )
        self.enrolled, self.waiting = self.admitted[:2], self.admitted[2:]
        enrol(self.enrolled, self.committee)


@pytest.fixture
def world():
    return World()


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


# --- the lists of a round ---------------------------------------------------------------------------


def test_the_committee_lists_of_a_round_as_pdf_have_names_in_order_of_merit(client, world, capture):
    round, quotas = world.round, world.quotas
    client.force_login(world.committee)
    report, content = built_report(client, capture, "admission_lists", "pdf", round=round.pk)
    assert report.subject == f"{round.campaign.name} ({round.campaign.academic_year}), round 1"
    assert report.file.name.rsplit("/", 1)[-1].startswith("ranking-lists-2026-2027-round-1-")
    text = text_of(content)

    assert "Ranking lists" in text and round.campaign.name in text
    assert text.count("Last admitted score") == len(quotas)
    for quota in quotas:
        results = list(round.results.filter(quota=quota).order_by("merit").select_related("application__applicant"))
        programme = quota.programme
        heading = f"{programme.code} {programme.name_en} · Full-time · {quota.get_funding_display()}"
        start = text.index(heading)
        positions = []
        for result in results:
            at = text.index(result.application.number, start)
            assert text.index(result.application.applicant.full_name, at) > at
            assert str(result.score) in text[at : at + 120]
            positions.append(at)
        assert positions == sorted(positions)


def test_the_committee_lists_of_a_round_as_xlsx_have_one_row_per_admitted(client, capture):
    round, quotas, _applications = ranked_round(applicants=9, programmes=2)
    committee = committee_member(username="reader")
    client.force_login(committee)
    _report, content = built_report(client, capture, "admission_lists", "xlsx", round=round.pk)
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    assert workbook.sheetnames == ["Lists", "Quotas"]

    rows = rows_of(content, "Lists")
    header, body = rows[0], rows[1:]
    assert header[:6] == ("Programme code", "Programme", "Form of study", "Funding", "Place", "Application number")
    admitted = list(
        round.results.filter(quota__isnull=False).select_related("application__applicant", "quota__programme")
    )
    assert len(body) == len(admitted) == round.admitted_count
    by_number = {row[5]: row for row in body}
    for result in admitted:
        row = by_number[result.application.number]
        applicant = result.application.applicant
        assert row[0] == result.quota.programme.code and row[4] == result.merit
        assert row[6] == applicant.last_name and row[8] == applicant.latin_name
        assert isinstance(row[9], float) and Decimal(str(row[9])).quantize(Decimal("0.001")) == result.score
        assert row[10] == result.preference

    quota_rows = rows_of(content, "Quotas")[1:]
    assert len(quota_rows) == len(quotas)
    assert sum(row[5] for row in quota_rows) == round.admitted_count


def test_the_lists_tell_their_progress_quota_by_quota(world, monkeypatch):
    calls = []
    params = {"round": world.round.pk}

    _name, content = reports.admission_lists(params, "xlsx", lambda done, total: calls.append((done, total)))
    assert content.startswith(b"PK")
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]

    # The PDF: each quota's table is written in turn, then the whole is laid out (half the work).
    rendered = {}

    def render_pdf(template_name, context):
        rendered.update(context)
        return b"%PDF-1.7"

    monkeypatch.setattr("admissions.pdf.render_pdf", render_pdf)
    calls.clear()
    name, content = reports.admission_lists(params, "pdf", lambda done, total: calls.append((done, total)))
    assert name.endswith(".pdf") and content == b"%PDF-1.7"
    assert calls == [(1, 8), (2, 8), (3, 8), (4, 8)]
    assert len(rendered["sections"]) == 4 and world.admitted[0].applicant.full_name in "".join(rendered["sections"])


def test_a_round_without_results_is_not_offered_and_fails_with_a_reason(client, world, capture):
    planned = RoundFactory(campaign=world.campaign, number=2)
    client.force_login(world.committee)
    response = request_report(client, capture, "admission_lists", "pdf", round=planned.pk)
    assert response.status_code == 400  # only ranked, published or closed rounds are offered
    assert not Report.objects.exists()

    # A round that was offered but is being ranked again when the worker gets to it.
    with capture(execute=True):
        report, _created = report_request(
            kind="admission_lists", fmt="pdf", params={"round": planned.pk}, by=world.committee, language="en"
        )
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert "round 2 has no results: it has not been ranked, or it is being ranked again" in report.error
    with capture(execute=True):
        gone, _created = report_request(
            kind="admission_lists", fmt="xlsx", params={"round": planned.pk + 1000}, by=world.committee, language="en"
        )
    gone.refresh_from_db()
    assert gone.status == Report.Status.FAILED and "the round no longer exists" in gone.error


# --- the list for the rector's order of enrolment -------------------------------------------------------


def test_the_enrolment_order_as_pdf_lists_the_enrolled_only(client, world, capture):
    client.force_login(world.committee)
    report, content = built_report(client, capture, "enrolment_order", "pdf", campaign=world.campaign.pk)
    assert report.subject == f"{world.campaign.name} (2026/2027)"
    text = text_of(content)
    assert "List for the Rector's order of enrolment" in text and "2 applicants enrolled" in text
    for application in world.enrolled:
        assert application.number in text and application.applicant.full_name in text
        assert application.applicant.identity_number not in text
    for application in world.waiting:
        assert application.number not in text


def test_the_enrolment_order_as_xlsx_has_one_row_per_enrolled(client, world, capture):
    client.force_login(world.committee)
    _report, content = built_report(client, capture, "enrolment_order", "xlsx", campaign=world.campaign.pk)
    rows = rows_of(content, "Enrolled")
    header, body = rows[0], rows[1:]
    assert header == (
        "Programme code",
        "Programme",
        "Form of study",
        "Funding",
        "№",
        "Application number",
        "Last name",
        "First name",
        "Name in Latin",
        "Score",
        "Round",
        "Enrolled on",
    )
    assert sorted(row[5] for row in body) == [a.number for a in world.enrolled]
    by_number = {row[5]: row for row in body}
    for application in world.enrolled:
        application.refresh_from_db()
        row = by_number[application.number]
        quota = application.admitted_quota
        assert row[:4] == (quota.programme.code, quota.programme.name_en, "Full-time", quota.get_funding_display())
        assert row[4] == 1  # numbered within its programme, form and funding
        assert row[6] == application.applicant.last_name and row[7] == "Иван Петров"
        assert row[8] == application.applicant.latin_name
        assert Decimal(str(row[9])).quantize(Decimal("0.001")) == application.admitted_score
        assert row[10] == 1
        assert row[11] == datetime.datetime.combine(timezone.localtime(application.enrolled_at).date(), datetime.time())
    assert all(a.number not in by_number for a in world.waiting)


# --- the figures --------------------------------------------------------------------------------------


def test_the_statistics_pdf_shows_the_figures_and_no_names(client, world, capture):
    figures = selectors.campaign_statistics(world.campaign)
    client.force_login(UserFactory(roles=[Role.RECTORATE]))
    report, content = built_report(client, capture, "admission_statistics", "pdf", campaign=world.campaign.pk)
    assert report.subject == f"{world.campaign.name} (2026/2027)"
    text = text_of(content)

    assert "Admission statistics" in text and "figures only, without personal data" in text
    assert f"Applications submitted {figures['submitted']}" in text and f"Places {figures['places']}" in text
    assert f"Places taken {figures['taken']}" in text and "Confirmed or enrolled 2" in text
    assert "Admitted 2" in text and "Enrolled 2" in text  # applications by state
    # Per programme: first preference, anywhere in the list, places, taken, confirmed or enrolled.
    first, second = figures["programmes"]
    assert "PR0 Programme 0 6 6 2 2" in text and "PR1 Programme 1 0 6 2 2" in text
    assert (first["first_preference"], second["applications"]) == (6, 6)
    assert "Last admitted scores of Round 1" in text
    for quota in world.quotas:
        assert str(RoundQuota.objects.get(round=world.round, quota=quota).last_score) in text

    for application in world.applications:
        applicant = application.applicant
        for personal in (applicant.last_name, applicant.latin_name, applicant.identity_number, application.number):
            assert personal not in text


def test_the_statistics_xlsx_shows_the_figures_and_no_names(client, world, capture):
    figures = selectors.campaign_statistics(world.campaign)
    client.force_login(UserFactory(roles=[Role.QUALITY_OFFICER]))
    _report, content = built_report(client, capture, "admission_statistics", "xlsx", campaign=world.campaign.pk)
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    assert workbook.sheetnames == ["Totals", "States", "Programmes", "Quotas"]

    totals = dict(rows_of(content, "Totals")[1:])
    assert totals["Campaign"] == world.campaign.name and totals["Academic year"] == "2026/2027"
    assert totals["Applications submitted"] == figures["submitted"] == 6
    assert (totals["Places"], totals["Places taken"], totals["Confirmed or enrolled"]) == (4, 4, 2)
    assert totals["Last admitted scores of"] == "Round 1"
    assert totals["Published on"].date() == timezone.localtime(world.round.published_at).date()

    states = dict(rows_of(content, "States")[1:])
    assert states == {str(label): figures["statuses"][value] for value, label in Application.Status.choices}
    assert (states["Admitted"], states["Enrolled"]) == (2, 2)

    programmes = rows_of(content, "Programmes")
    assert programmes[0][:4] == ("Programme code", "Programme", "First preference", "Anywhere in the list")
    first, second = figures["programmes"]
    assert programmes[1:] == [
        ("PR0", "Programme 0", 6, 6, 2, 2, first["enrolled"]),
        ("PR1", "Programme 1", 0, 6, 2, 2, second["enrolled"]),
    ]
    assert first["enrolled"] + second["enrolled"] == 2

    quotas = rows_of(content, "Quotas")[1:]
    assert len(quotas) == 4
    last_scores = dict(RoundQuota.objects.filter(round=world.round).values_list("quota_id", "last_score"))
    expected = sorted((q.programme.code, str(q.get_funding_display()), float(last_scores[q.pk])) for q in world.quotas)
    assert sorted((row[0], row[3], row[7]) for row in quotas) == expected

    cells = every_cell(content)
    for application in world.applications:
        applicant = application.applicant
        for personal in (applicant.last_name, applicant.latin_name, applicant.identity_number, application.number):
            assert personal not in cells


# --- who may request and read them ----------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.RECTORATE, Role.QUALITY_OFFICER])
def test_rectorate_and_quality_officer_may_request_the_figures_but_not_the_lists(client, world, capture, role):
    client.force_login(world.committee)
    lists, _content = built_report(client, capture, "admission_lists", "xlsx", round=world.round.pk)

    reader = UserFactory(roles=[role])
    client.force_login(reader)
    offered = [offer["type"].kind for offer in client.get(reverse("reports:list")).context["offers"]]
    assert "admission_statistics" in offered
    assert "admission_lists" not in offered and "enrolment_order" not in offered

    refused = [("admission_lists", {"round": world.round.pk}), ("enrolment_order", {"campaign": world.campaign.pk})]
    for kind, params in refused:
        for fmt in ("pdf", "xlsx"):
            assert request_report(client, capture, kind, fmt, **params).status_code == 403
    assert not Report.objects.filter(requested_by=reader).exists()
    assert client.get(lists.get_absolute_url()).status_code == 404
    assert client.get(reverse("reports:download", args=[lists.pk])).status_code == 404

    report, content = built_report(client, capture, "admission_statistics", "xlsx", campaign=world.campaign.pk)
    assert report.requested_by == reader and content.startswith(b"PK")


def test_an_applicant_never_sees_an_admission_report(client, world, capture):
    client.force_login(world.committee)
    built = [
        built_report(client, capture, "admission_lists", "xlsx", round=world.round.pk)[0],
        built_report(client, capture, "enrolment_order", "xlsx", campaign=world.campaign.pk)[0],
        built_report(client, capture, "admission_statistics", "xlsx", campaign=world.campaign.pk)[0],
    ]
    assert sorted(report.kind for report in built) == sorted(KINDS)

    applicant = world.admitted[0].applicant.user
    client.force_login(applicant)
    for report in built:
        assert client.get(report.get_absolute_url()).status_code == 404
        assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
    requests = [
        ("admission_lists", {"round": world.round.pk}),
        ("enrolment_order", {"campaign": world.campaign.pk}),
        ("admission_statistics", {"campaign": world.campaign.pk}),
    ]
    for kind, params in requests:
        assert request_report(client, capture, kind, "pdf", **params).status_code in (403, 404)
    assert not Report.objects.filter(requested_by=applicant).exists()


def test_the_pages_offer_the_reports_to_those_who_may_request_them(client, world):
    planned = RoundFactory(campaign=world.campaign, number=2)
    client.force_login(world.committee)
    response = client.get(reverse("reports:list"))
    offered = [offer["type"].kind for offer in response.context["offers"]]
    assert set(KINDS) <= set(offered)
    rounds = next(o["form"] for o in response.context["offers"] if o["type"].kind == "admission_lists")
    assert list(rounds.fields["round"].queryset) == [world.round]  # ranked, published or closed only
    assert planned.pk not in [r.pk for r in rounds.fields["round"].queryset]
    assert escape(f"{world.campaign.name} (2026/2027), round 1") in response.content.decode()

    pages = {
        "admission_lists": reverse("admissions:round-detail", args=[world.round.pk]),
        "enrolment_order": reverse("admissions:enrolment", args=[world.campaign.pk]),
        "admission_statistics": reverse("admissions:statistics", args=[world.campaign.pk]),
    }
    for kind, url in pages.items():
        html = client.get(url).content.decode()
        for fmt in ("pdf", "xlsx"):
            assert f'data-testid="report-button-{kind}-{fmt}"' in html, (kind, fmt)

    client.force_login(UserFactory(roles=[Role.RECTORATE]))
    html = client.get(pages["admission_statistics"]).content.decode()
    assert 'data-testid="report-button-admission_statistics-pdf"' in html
    assert f'name="campaign" value="{world.campaign.pk}"' in html


# --- queries ------------------------------------------------------------------------------------------


def test_the_reports_data_takes_the_same_number_of_queries_for_few_and_many_applicants():
    few = World(applicants=4, programmes=1, year=2026)
    many = World(applicants=18, programmes=3, year=2027)
    enrol(many.waiting[:3], many.committee)

    def count(world) -> list[int]:
        counts = []
        for gather in (
            lambda: selectors.round_lists(world.round, with_names=True),
            lambda: selectors.enrolment_order(world.campaign),
            lambda: selectors.campaign_statistics(world.campaign),
            lambda: reports.admission_lists({"round": world.round.pk}, "xlsx", lambda done, total: None),
            lambda: reports.enrolment_order({"campaign": world.campaign.pk}, "xlsx", lambda done, total: None),
            lambda: reports.admission_statistics({"campaign": world.campaign.pk}, "xlsx", lambda done, total: None),
        ):
            with CaptureQueriesContext(connection) as queries:
                gather()
            counts.append(len(queries))
        return counts

    assert len(many.admitted) > 3 * len(few.admitted)
    assert count(few) == count(many)
    assert count(few)[:3] == [2, 1, 8]  # lists, enrolled, figures
