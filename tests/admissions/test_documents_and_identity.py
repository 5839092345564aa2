"""The documents an application needs (Art. 12, Art. 21), identity numbers (EGN, LNCh, passport)
and the uploads of the applicant's documents (checked by their bytes, kept outside the web root)."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st

from admissions import services
from admissions.documents import required_documents
from admissions.models import Applicant, Document, FeeExemption, TeachingLanguage, identity_problem
from admissions.services import WorkflowError
from tests.admissions.factories import (
    PDF_BYTES,
    PNG_BYTES,
    ApplicantFactory,
    CampaignFactory,
    QuotaFactory,
    committee_member,
    draft_application,
    pdf_upload,
    submitted_application,
    valid_egn,
)

pytestmark = pytest.mark.django_db

EGN = Applicant.IdentityKind.EGN
LNCH = Applicant.IdentityKind.LNCH
PASSPORT = Applicant.IdentityKind.PASSPORT
EGN_WEIGHTS = (2, 4, 8, 5, 10, 9, 7, 3, 6)
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
EXE_BYTES = b"MZ\x90\x00" + b"\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 20


def kinds_required(**applicant_fields):
    """The kinds of document a draft application needs for an applicant with these answers."""
    quota = QuotaFactory(
        programme__language=applicant_fields.pop("language", TeachingLanguage.BULGARIAN),
        funding=applicant_fields.pop("funding", "state"),
    )
    exemption = applicant_fields.pop("fee_exemption", "")
    application = draft_application(campaign=quota.programme.campaign, quotas=[quota], **applicant_fields)
    if exemption:
        application = services.application_set_exemption(application=application, exemption=exemption)
    return sorted(r.kind for r in required_documents(application))


# --- required documents, one case each -----------------------------------------------------------


def test_a_bulgarian_bachelor_with_the_diploma_issued_uploads_diploma_identity_card_and_fee_receipt():
    assert kinds_required() == sorted(["diploma", "identity", "fee_receipt"])


def test_a_graduate_of_another_university_awaiting_the_diploma_uploads_an_academic_transcript():
    kinds = kinds_required(diploma_status=Applicant.DiplomaStatus.PENDING, own_university=False)
    assert kinds == sorted(["transcript", "identity", "fee_receipt"])


def test_a_graduate_of_this_university_awaiting_the_diploma_uploads_the_faculty_certified_application():
    kinds = kinds_required(diploma_status=Applicant.DiplomaStatus.PENDING, own_university=True)
    assert kinds == sorted(["faculty_certificate", "identity", "fee_receipt"])


def test_a_preference_for_a_programme_taught_in_english_asks_for_a_language_certificate():
    kinds = kinds_required(language=TeachingLanguage.ENGLISH)
    assert kinds == sorted(["diploma", "language_certificate", "identity", "fee_receipt"])


def test_a_degree_obtained_abroad_asks_for_its_recognition():
    kinds = kinds_required(foreign_degree=True)
    assert kinds == sorted(["diploma", "recognition", "identity", "fee_receipt"])


@pytest.mark.parametrize(
    "citizenship",
    [
        Applicant.Citizenship.PERMANENT_RESIDENT,
        Applicant.Citizenship.REFUGEE,
        Applicant.Citizenship.BULGARIAN_ORIGIN,
    ],
)
def test_a_foreigner_applying_as_bulgarians_do_proves_the_status(citizenship):
    kinds = kinds_required(citizenship=citizenship)
    assert kinds == sorted(["diploma", "identity", "citizenship_proof", "fee_receipt"])


def test_a_fee_exemption_asks_for_its_proof_instead_of_the_receipt():
    kinds = kinds_required(fee_exemption=FeeExemption.ORPHAN)
    assert kinds == sorted(["diploma", "identity", "exemption_proof"])


def test_another_foreigner_under_section_vi_uploads_the_documents_of_art_21():
    kinds = kinds_required(
        citizenship=Applicant.Citizenship.OTHER_FOREIGNER,
        identity_kind=PASSPORT,
        identity_number="N1234567",
        foreign_degree=True,
        funding="paid",
    )
    assert kinds == sorted(
        [
            "diploma",
            "recognition",
            "language_certificate",
            "medical_certificate",
            "passport",
            "translations",
            "fee_receipt",
        ]
    )


# --- identity numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "born",
    [datetime.date(1990, 1, 1), datetime.date(1975, 12, 31), datetime.date(2004, 2, 29), datetime.date(2000, 1, 1)],
)
def test_a_valid_egn_for_the_date_of_birth_is_accepted(born):
    number = valid_egn(born, 417)
    if born.year >= 2000:
        assert int(number[2:4]) == born.month + 40  # the 2000s add 40 to the month
    assert identity_problem(EGN, number, born) == ""


def test_an_egn_of_the_1800s_adds_20_to_the_month():
    # The example of python-stdnum: 16 March 1875, month written 23.
    assert identity_problem(EGN, "7523169263", datetime.date(1875, 3, 16)) == ""
    assert identity_problem(EGN, "7523169263", datetime.date(1975, 3, 16)) != ""


def test_an_egn_with_a_wrong_check_digit_is_refused():
    number = valid_egn(datetime.date(1990, 1, 1), 123)
    wrong = number[:9] + str((int(number[9]) + 1) % 10)
    assert "not a valid" in str(identity_problem(EGN, wrong))


@pytest.mark.parametrize("date_digits", ["901331", "900230", "905301", "900100"])
def test_an_egn_with_an_impossible_date_inside_is_refused_even_with_a_right_check_digit(date_digits):
    payload = date_digits + "123"
    check = sum(int(d) * w for d, w in zip(payload, EGN_WEIGHTS, strict=True)) % 11 % 10
    assert "not a valid" in str(identity_problem(EGN, payload + str(check)))


def test_an_egn_of_another_date_of_birth_is_refused():
    number = valid_egn(datetime.date(1990, 1, 1), 123)
    problem = identity_problem(EGN, number, datetime.date(1990, 1, 2))
    assert "does not match the date of birth" in str(problem)


def test_a_valid_lnch_is_accepted_and_a_wrong_one_refused():
    assert identity_problem(LNCH, "7111042925") == ""
    assert "foreigner" in str(identity_problem(LNCH, "7111042922"))
    assert identity_problem(LNCH, "711104292") != ""  # nine digits


def test_an_egn_is_not_an_lnch():
    # The two checksums differ: a valid EGN is (almost always) not a valid LNCh.
    assert identity_problem(EGN, "7523169263") == ""
    assert identity_problem(LNCH, "7523169263") != ""


@pytest.mark.parametrize("number", ["AB12345", "N1234567", "123456789", "X" * 20])
def test_a_passport_number_of_5_to_20_letters_and_digits_is_accepted(number):
    assert identity_problem(PASSPORT, number) == ""


@pytest.mark.parametrize("number", ["AB12", "X" * 21, "AB-123456", "AB 123456", "AB12345!"])
def test_a_passport_number_too_short_too_long_or_with_punctuation_is_refused(number):
    assert identity_problem(PASSPORT, number) != ""


def test_a_passport_number_typed_with_cyrillic_letters_is_refused():
    # "АВ1234567" with the Cyrillic А and В of a Bulgarian keyboard: it looks like a passport
    # number, but passports (ICAO 9303) hold only the Latin letters A–Z and the digits 0–9.
    assert identity_problem(PASSPORT, "\u0410\u04121234567") != ""


def test_full_clean_reports_a_wrong_egn_on_the_identity_number_field():
    applicant = ApplicantFactory(date_of_birth=datetime.date(1990, 1, 1))
    applicant.identity_number = valid_egn(datetime.date(1990, 1, 2), 5)
    with pytest.raises(ValidationError) as error:
        applicant.full_clean()
    assert set(error.value.message_dict) == {"identity_number"}


def test_full_clean_accepts_an_egn_written_with_spaces_and_keeps_it_compact():
    applicant = ApplicantFactory(date_of_birth=datetime.date(1990, 1, 1))
    number = valid_egn(datetime.date(1990, 1, 1), 5)
    applicant.identity_number = f" {number[:6]} {number[6:]} "
    applicant.full_clean()
    assert applicant.identity_number == number


def test_a_professional_field_outside_the_chosen_area_is_an_error():
    applicant = ApplicantFactory(area="4", professional_field="5.10")
    with pytest.raises(ValidationError) as error:
        applicant.full_clean()
    assert set(error.value.message_dict) == {"professional_field"}


def test_the_profile_service_refuses_an_egn_that_does_not_match_the_date_of_birth():
    applicant = ApplicantFactory(date_of_birth=datetime.date(1990, 1, 1))
    before = applicant.identity_number
    with pytest.raises(ValidationError) as error:
        services.applicant_update(
            applicant=applicant, fields={"identity_number": valid_egn(datetime.date(1991, 1, 1), 5)}
        )
    assert "identity_number" in error.value.message_dict
    applicant.refresh_from_db()
    assert applicant.identity_number == before


def _mod11(number: str) -> int:
    return sum(int(d) * w for d, w in zip(number[:9], EGN_WEIGHTS, strict=True)) % 11


@settings(max_examples=300, deadline=None)
@given(
    born=st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)),
    serial=st.integers(0, 999),
    position=st.integers(0, 9),
    shift=st.integers(1, 9),
)
def test_valid_egn_passes_and_a_one_digit_change_fails_unless_the_checksum_wraps_from_10_to_0(
    born, serial, position, shift
):
    """The check digit is the weighted sum mod 11, with 10 written as 0. Every weight is prime to
    11, so changing one digit always changes the sum mod 11, and a changed date digit gives
    another date (or none), which the date of birth catches. The only change that goes through
    is in the three serial digits (positions 6–8) when the sum moves between 10 and 0: both have
    the check digit 0."""
    number = valid_egn(born, serial)
    assert identity_problem(EGN, number, born) == ""
    digit = str((int(number[position]) + shift) % 10)
    changed = number[:position] + digit + number[position + 1 :]
    undetectable = position in (6, 7, 8) and {_mod11(number), _mod11(changed)} == {0, 10}
    assert (identity_problem(EGN, changed, born) == "") is undetectable


def test_a_one_digit_change_in_the_serial_can_keep_an_egn_valid():
    # 9001010000: weighted sum 10 (check digit 0); 9001018000: sum 0 (check digit 0).
    born = datetime.date(1990, 1, 1)
    assert valid_egn(born, 0) == "9001010000"
    assert identity_problem(EGN, "9001018000", born) == ""


# --- uploads --------------------------------------------------------------------------------------


@pytest.fixture
def draft():
    quota = QuotaFactory()
    return draft_application(campaign=quota.programme.campaign, quotas=[quota])


def upload(application, content, name="scan.pdf", kind="diploma"):
    return services.document_upload(
        application=application, kind=kind, uploaded=SimpleUploadedFile(name, content, content_type="application/pdf")
    )


@pytest.mark.parametrize(
    ("content", "kind"), [(PDF_BYTES, "pdf"), (PNG_BYTES, "png"), (JPEG_BYTES, "jpeg")], ids=["pdf", "png", "jpeg"]
)
def test_a_pdf_a_png_and_a_jpeg_are_accepted(draft, content, kind):
    document = upload(draft, content, name="scan.bin")
    assert (document.kind, document.content_kind, document.size) == ("diploma", kind, len(content))
    assert document.status == Document.Status.PENDING
    assert Path(document.file.path).read_bytes() == content


def test_a_windows_program_renamed_to_scan_pdf_is_refused_as_the_wrong_type(draft):
    with pytest.raises(ValidationError) as error:
        upload(draft, EXE_BYTES, name="scan.pdf")
    assert error.value.code == "wrong_type"
    assert not Document.objects.filter(application=draft).exists()


def test_a_file_over_the_size_limit_is_refused(draft, monkeypatch):
    monkeypatch.setattr("admissions.services.MAX_SIZE", 100)
    with pytest.raises(ValidationError) as error:
        upload(draft, PDF_BYTES + b"\x00" * 100)
    assert error.value.code == "too_large"
    assert not Document.objects.filter(application=draft).exists()
    # Exactly at the limit is still fine.
    assert upload(draft, PDF_BYTES + b"\x00" * (100 - len(PDF_BYTES))).size == 100


def test_an_empty_file_is_refused(draft):
    with pytest.raises(ValidationError) as error:
        upload(draft, b"")
    assert error.value.code == "empty"
    assert not Document.objects.filter(application=draft).exists()


def test_a_document_the_application_does_not_need_is_refused(draft):
    with pytest.raises(ValidationError):
        upload(draft, PDF_BYTES, kind=Document.Kind.MEDICAL_CERTIFICATE)
    with pytest.raises(ValidationError):
        upload(draft, PDF_BYTES, kind=Document.Kind.ENROLMENT_RECEIPT)
    assert not Document.objects.filter(application=draft).exists()


def test_uploading_again_replaces_the_document_and_deletes_the_old_file_after_the_commit(
    draft, django_capture_on_commit_callbacks
):
    first = upload(draft, PDF_BYTES)
    old_path = Path(first.file.path)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        second = upload(draft, PNG_BYTES, name="photo.png")
    assert old_path.exists()  # not before the commit: a rollback would still need it
    for callback in callbacks:
        callback()
    assert not old_path.exists()
    assert list(Document.objects.filter(application=draft, kind="diploma").values_list("pk", flat=True)) == [first.pk]
    second.refresh_from_db()
    assert (second.content_kind, second.original_name) == ("png", "photo.png")
    assert Path(second.file.path).read_bytes() == PNG_BYTES


def test_uploading_again_resets_a_rejected_document_to_awaiting_verification(django_capture_on_commit_callbacks):
    quota = QuotaFactory()
    committee = committee_member()
    application = submitted_application(campaign=quota.programme.campaign, quotas=[quota])
    diploma = application.documents.get(kind="diploma")
    services.document_review(document=diploma, accepted=False, note="Unreadable", by=committee)
    services.application_return(application=application, note="Scan the diploma again", by=committee)
    replaced = upload(application, PNG_BYTES, name="diploma.png")
    assert (replaced.pk, replaced.status, replaced.review_note, replaced.reviewed_by) == (
        diploma.pk,
        Document.Status.PENDING,
        "",
        None,
    )


def test_uploads_are_refused_once_the_application_is_submitted():
    quota = QuotaFactory()
    application = submitted_application(campaign=quota.programme.campaign, quotas=[quota])
    diploma = application.documents.get(kind="diploma")
    with pytest.raises(WorkflowError):
        upload(application, PNG_BYTES)
    with pytest.raises(WorkflowError):
        services.document_delete(document=diploma)
    diploma.refresh_from_db()
    assert diploma.content_kind == "pdf"


def test_a_stored_document_lives_under_the_private_media_root_not_the_public_one(draft, settings):
    document = upload(draft, PDF_BYTES)
    path = Path(document.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not Path(settings.MEDIA_ROOT).exists() or not any(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018 - private files have no URL


def test_a_document_of_a_campaign_is_kept_once_per_kind_whatever_its_name():
    campaign = CampaignFactory()
    quota = QuotaFactory(programme__campaign=campaign)
    application = draft_application(campaign=campaign, quotas=[quota])
    services.document_upload(application=application, kind="identity", uploaded=pdf_upload("id-front.pdf"))
    services.document_upload(application=application, kind="identity", uploaded=pdf_upload("id-back.pdf"))
    assert list(application.documents.values_list("kind", "original_name")) == [("identity", "id-back.pdf")]
