"""Factories and helpers for the admission portal's tests.

`submitted_application(...)` and `eligible_application(...)` drive an application through the
real services (documents uploaded as tiny valid PDFs), so tests start from states the portal
itself produces. `built_report(...)` requests a report the way its button does and downloads the
file the worker built."""

import datetime
import itertools
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from django.utils import timezone

from admissions import services
from admissions.documents import required_documents
from admissions.models import Applicant, Application, Campaign, Programme, Quota, Round
from qms.models import Report
from qms.roles import Role
from tests.qms.factories import UserFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
_egn_counter = itertools.count(1)


def pdf_upload(name="scan.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def valid_egn(birth: datetime.date, serial: int) -> str:
    """A Bulgarian personal number for a date of birth, with its checksum."""
    month = birth.month + (40 if birth.year >= 2000 else 0)
    digits = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial % 1000:03d}"
    weights = (2, 4, 8, 5, 10, 9, 7, 3, 6)
    check = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    return digits + str(0 if check == 10 else check)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    name = factory.Sequence(lambda n: f"Master's admission {2026 + n}")
    academic_year = factory.Sequence(lambda n: f"{2026 + n}/{2027 + n}")
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))
    application_fee = Decimal("30.00")


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    campaign = factory.SubFactory(CampaignFactory)
    number = factory.Sequence(lambda n: n + 1)
    ranking_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=21))
    publication_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=22))
    enrolment_deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"P{n:02d}")
    name = factory.Sequence(lambda n: f"Програма {n}")
    name_en = factory.Sequence(lambda n: f"Programme {n}")
    area = "5"
    professional_field = "5.10"


class QuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quota

    programme = factory.SubFactory(ProgrammeFactory)
    form = "full-time"
    funding = "state"
    places = 2


class ApplicantFactory(factory.django.DjangoModelFactory):
    """An applicant whose personal data and education are complete."""

    class Meta:
        model = Applicant

    user = factory.SubFactory(UserFactory, roles=[Role.APPLICANT])
    first_name = "Иван"
    middle_name = "Петров"
    last_name = factory.Sequence(lambda n: f"Иванов{n}")
    first_name_latin = "Ivan"
    last_name_latin = factory.Sequence(lambda n: f"Ivanov{n}")
    citizenship = Applicant.Citizenship.BULGARIAN_EU_EEA
    country = "България"
    identity_kind = Applicant.IdentityKind.EGN
    date_of_birth = datetime.date(2001, 5, 17)
    identity_number = factory.LazyAttribute(lambda o: valid_egn(o.date_of_birth, next(_egn_counter)))
    degree = "bachelor"
    university = "Софийски университет"
    area = "4"
    professional_field = "4.2"
    course_average = Decimal("5.00")
    graduation_grade = Decimal("5.50")
    diploma_status = Applicant.DiplomaStatus.ISSUED


def draft_application(*, campaign, quotas, applicant=None, **applicant_fields) -> Application:
    applicant = applicant or ApplicantFactory(**applicant_fields)
    application = services.application_start(applicant=applicant, campaign=campaign)
    services.preferences_set(application=application, quotas=list(quotas))
    return application


def upload_required(application: Application) -> None:
    for requirement in required_documents(application):
        services.document_upload(application=application, kind=requirement.kind, uploaded=pdf_upload())


def submitted_application(*, campaign, quotas, **kwargs) -> Application:
    application = draft_application(campaign=campaign, quotas=quotas, **kwargs)
    upload_required(application)
    return services.application_submit(application=application)


def eligible_application(*, campaign, quotas, committee, **kwargs) -> Application:
    application = submitted_application(campaign=campaign, quotas=quotas, **kwargs)
    for document in application.documents.all():
        services.document_review(document=document, accepted=True, note="", by=committee)
    return services.application_verify(application=application, by=committee)


def committee_member(**kwargs):
    return UserFactory(roles=[Role.ADMISSIONS_COMMITTEE, Role.STAFF], **kwargs)


def request_report(client, capture, kind: str, fmt: str = "pdf", **params):
    """POST a report request as the signed-in person; the build runs in-process on commit."""
    with capture(execute=True):
        return client.post(reverse("reports:request"), {"kind": kind, "format": fmt, **params})


def built_report(client, capture, kind: str, fmt: str = "pdf", **params):
    """Request a report, check it was built, and download it: (report, file content)."""
    response = request_report(client, capture, kind, fmt, **params)
    assert response.status_code == 302, response.status_code
    report = Report.objects.get(pk=resolve(response.url).kwargs["pk"])
    assert report.status == Report.Status.DONE, report.error
    download = client.get(reverse("reports:download", args=[report.pk]))
    assert download.status_code == 200 and download["Cache-Control"] == "private, no-store"
    return report, b"".join(download.streaming_content)
