"""The admission portal's PDFs: the application to the rector in the applicant's language and the
list for the rector's order of enrolment. The committee's lists of a round (PDF, XLSX) are reports
built by a worker: see test_report_kinds.py. WeasyPrint is slow: one rendering per test."""

import io
import re
from decimal import Decimal

import pytest
from django.utils import translation
from pypdf import PdfReader

from admissions import pdf, services
from admissions.models import Application
from tests.admissions.factories import (
    CampaignFactory,
    ProgrammeFactory,
    QuotaFactory,
    committee_member,
    eligible_application,
    pdf_upload,
)
from tests.admissions.test_public_views import ranked_round
from tests.qms.factories import UnitFactory

pytestmark = pytest.mark.django_db

UNIVERSITY = "Химикотехнологичен и металургичен университет"


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_application_to_the_rector_in_bulgarian(settings):
    UnitFactory(name=UNIVERSITY, kind="university")
    committee = committee_member()
    campaign = CampaignFactory(name="Магистри 2026", academic_year="2026/2027")
    programme = ProgrammeFactory(
        campaign=campaign, code="IM", name="Индустриален мениджмънт", name_en="Industrial management"
    )
    state = QuotaFactory(programme=programme, funding="state")
    paid = QuotaFactory(programme=programme, funding="paid")
    application = eligible_application(
        campaign=campaign,
        quotas=[paid, state],
        committee=committee,
        first_name="Мария",
        middle_name="Георгиева",
        last_name="Петрова",
        first_name_latin="Maria",
        last_name_latin="Petrova",
        course_average=Decimal("5.25"),
        graduation_grade=Decimal("6.00"),
        phone="+359 888 123 456",
    )
    person = application.applicant.user
    person.language = "bg"
    person.save(update_fields=["language"])

    services.application_pdf_build(application=application)  # in the applicant's language
    application.refresh_from_db()
    application.application_pdf.open("rb")
    try:
        text = text_of(application.application_pdf.read())
    finally:
        application.application_pdf.close()

    assert "Мария Георгиева Петрова" in text and "Maria Petrova" in text
    assert application.number in text and UNIVERSITY in text and "Магистри 2026" in text
    assert application.applicant.identity_number in text and "+359 888 123 456" in text
    assert "Индустриален мениджмънт" in text  # the Bulgarian name of the programme
    assert "Софийски университет" in text
    # Score 5.25 × 1.2 + 6.00 = 12.300 at both quotas, the paid one listed first.
    assert len(re.findall(r"12[.,]300", text)) == 2
    with translation.override("bg"):
        paid_label, state_label = str(paid.get_funding_display()), str(state.get_funding_display())
    table = text.index("IM ")
    assert table < text.index(paid_label, table) < text.index(state_label, table)
    assert re.search(r"30[.,]00 EUR", text)  # the fee


def test_the_list_for_the_order_of_enrolment():
    committee = committee_member()
    round, _quotas, _applications = ranked_round(applicants=6, committee=committee)
    admitted = list(
        Application.objects.filter(admitted_round=round, status=Application.Status.ADMITTED)
        .select_related("applicant", "admitted_quota__programme")
        .order_by("number")
    )
    enrolled, waiting = admitted[:2], admitted[2:]
    for application in enrolled:
        services.enrolment_confirm(application=application, uploaded=pdf_upload())
        services.application_enrol(application=application, by=committee)

    text = text_of(pdf.enrolment_order_pdf(round.campaign))
    assert "List for the Rector's order of enrolment" in text
    assert "2 applicants enrolled" in text
    for application in enrolled:
        assert application.number in text and application.applicant.full_name in text
        assert application.applicant.identity_number not in text
    for application in waiting:
        assert application.number not in text
