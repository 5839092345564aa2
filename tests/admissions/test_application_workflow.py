"""An application from its start to the committee's decision: preferences, submission and its
problems, the lock after submission, return for correction, the review of documents, verification
and rejection, the notification of each step, and the score shown before any ranking."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from admissions import classifier, scoring, services
from admissions.models import Applicant, Application, Campaign, Document, Programme
from admissions.ranking import Applicant as EngineApplicant
from admissions.ranking import Instance, rank
from admissions.ranking import Programme as EngineProgramme
from admissions.ranking import Quota as EngineQuota
from admissions.services import WorkflowError
from qms.models import Notification
from tests.admissions.factories import (
    ApplicantFactory,
    CampaignFactory,
    QuotaFactory,
    committee_member,
    draft_application,
    pdf_upload,
    submitted_application,
    upload_required,
)

pytestmark = pytest.mark.django_db
Status = Application.Status
DAY = datetime.timedelta(days=1)


@pytest.fixture
def campaign():
    return CampaignFactory()


@pytest.fixture
def quotas(campaign):
    """Three quotas of two programmes of the campaign."""
    first = QuotaFactory(programme__campaign=campaign, funding="state")
    return [first, QuotaFactory(programme=first.programme, funding="paid"), QuotaFactory(programme__campaign=campaign)]


@pytest.fixture
def committee():
    return committee_member()


def messages(error: ValidationError) -> list[str]:
    return [str(m) for m in error.messages]


# --- starting -----------------------------------------------------------------------------------


def test_an_application_cannot_be_started_outside_the_application_period():
    today = timezone.localdate()
    closed = CampaignFactory(opens_on=today - 30 * DAY, closes_on=today - DAY)
    not_yet = CampaignFactory(opens_on=today + DAY, closes_on=today + 30 * DAY)
    applicant = ApplicantFactory()
    for campaign in (closed, not_yet):
        with pytest.raises(WorkflowError):
            services.application_start(applicant=applicant, campaign=campaign)
    assert not Application.objects.filter(applicant=applicant).exists()


def test_starting_twice_gives_the_same_application(campaign):
    applicant = ApplicantFactory()
    first = services.application_start(applicant=applicant, campaign=campaign)
    again = services.application_start(applicant=applicant, campaign=campaign)
    assert again.pk == first.pk
    assert Application.objects.filter(applicant=applicant).count() == 1
    assert first.status == Status.DRAFT


def test_applications_are_numbered_by_the_campaign_year_and_never_twice(campaign):
    numbers = [services.application_start(applicant=ApplicantFactory(), campaign=campaign).number for _ in range(3)]
    year = campaign.academic_year[:4]
    assert all(re.fullmatch(rf"M{year}-\d{{5}}", n) for n in numbers), numbers
    assert len(set(numbers)) == 3
    assert numbers == sorted(numbers)


def test_an_application_started_in_a_closed_campaign_before_it_closed_is_still_found(campaign):
    applicant = ApplicantFactory()
    first = services.application_start(applicant=applicant, campaign=campaign)
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=timezone.localdate() - 30 * DAY, closes_on=timezone.localdate() - DAY
    )
    campaign.refresh_from_db()
    assert services.application_start(applicant=applicant, campaign=campaign).pk == first.pk


# --- preferences ----------------------------------------------------------------------------------


def test_preferences_keep_the_order_given(campaign, quotas):
    application = draft_application(campaign=campaign, quotas=[quotas[2], quotas[0], quotas[1]])
    listed = list(application.preferences.order_by("position").values_list("position", "quota"))
    assert listed == [(1, quotas[2].pk), (2, quotas[0].pk), (3, quotas[1].pk)]
    services.preferences_set(application=application, quotas=[quotas[1], quotas[2]])
    listed = list(application.preferences.order_by("position").values_list("position", "quota"))
    assert listed == [(1, quotas[1].pk), (2, quotas[2].pk)]


def test_the_same_quota_twice_is_refused_and_the_list_stays(campaign, quotas):
    application = draft_application(campaign=campaign, quotas=[quotas[0]])
    with pytest.raises(ValidationError):
        services.preferences_set(application=application, quotas=[quotas[1], quotas[0], quotas[1]])
    assert list(application.preferences.values_list("quota", flat=True)) == [quotas[0].pk]


def test_an_empty_list_is_refused(campaign, quotas):
    application = draft_application(campaign=campaign, quotas=[quotas[0]])
    with pytest.raises(ValidationError):
        services.preferences_set(application=application, quotas=[])
    assert application.preferences.count() == 1


def test_ten_preferences_are_allowed_and_eleven_refused(campaign):
    many = [QuotaFactory(programme__campaign=campaign) for _ in range(11)]
    application = draft_application(campaign=campaign, quotas=many[:10])
    assert application.preferences.count() == 10
    with pytest.raises(ValidationError):
        services.preferences_set(application=application, quotas=many)
    assert application.preferences.count() == 10


def test_a_quota_of_another_campaign_is_refused(campaign, quotas):
    other = QuotaFactory()
    application = draft_application(campaign=campaign, quotas=[quotas[0]])
    with pytest.raises(ValidationError):
        services.preferences_set(application=application, quotas=[quotas[1], other])
    assert list(application.preferences.values_list("quota", flat=True)) == [quotas[0].pk]


def test_a_section_vi_foreigner_may_list_paid_places_only(campaign, quotas):
    state, paid = quotas[0], quotas[1]
    applicant = ApplicantFactory(
        citizenship=Applicant.Citizenship.OTHER_FOREIGNER, identity_kind="passport", identity_number="N1234567"
    )
    application = services.application_start(applicant=applicant, campaign=campaign)
    with pytest.raises(ValidationError):
        services.preferences_set(application=application, quotas=[paid, state])
    services.preferences_set(application=application, quotas=[paid])
    assert list(application.preferences.values_list("quota", flat=True)) == [paid.pk]


def test_a_section_vi_foreigner_cannot_submit_state_places_listed_before_the_citizenship_changed(campaign, quotas):
    """The paid-only rule of Section VI holds at submission too, not only while listing."""
    state = quotas[0]
    application = draft_application(campaign=campaign, quotas=[state])
    services.applicant_update(
        applicant=application.applicant,
        fields={
            "citizenship": Applicant.Citizenship.OTHER_FOREIGNER,
            "identity_kind": "passport",
            "identity_number": "N1234567",
        },
    )
    upload_required(application)
    with pytest.raises(ValidationError):
        services.application_submit(application=application)
    application.refresh_from_db()
    assert application.status == Status.DRAFT


# --- submission -----------------------------------------------------------------------------------


def test_submission_lists_every_problem_and_changes_nothing(campaign, quotas):
    applicant = ApplicantFactory(first_name_latin="", course_average=None)
    application = services.application_start(applicant=applicant, campaign=campaign)
    services.document_upload(application=application, kind="diploma", uploaded=pdf_upload())
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application)
    problems = messages(error.value)
    assert len(problems) == 4, problems
    assert problems[0].startswith("Fill in: ")
    assert "first name (Latin)" in problems[0] and "course average" in problems[0]
    assert problems[1:] == [
        "List at least one programme.",
        "Upload: Identity card.",
        "Upload: Receipt of the application fee.",
    ]
    services.preferences_set(application=application, quotas=[quotas[0]])
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application)
    assert len(messages(error.value)) == 3
    application.refresh_from_db()
    assert (application.status, application.submitted_at, application.first_submitted_at) == (Status.DRAFT, None, None)
    assert not Notification.objects.exists()


def test_a_complete_application_is_submitted_once_and_then_locked(campaign, quotas):
    application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    assert application.status == Status.SUBMITTED
    assert application.submitted_at == application.first_submitted_at is not None
    applicant = application.applicant
    with pytest.raises(WorkflowError):
        services.applicant_update(applicant=applicant, fields={"course_average": Decimal("6.00")})
    with pytest.raises(WorkflowError):
        services.preferences_set(application=application, quotas=[quotas[1]])
    with pytest.raises(WorkflowError):
        services.application_set_exemption(application=application, exemption="orphan")
    with pytest.raises(WorkflowError):
        services.application_submit(application=application)
    applicant.refresh_from_db()
    assert applicant.course_average == Decimal("5.00")
    assert list(application.preferences.values_list("quota", flat=True)) == [quotas[0].pk]


def test_an_application_of_an_earlier_campaign_does_not_lock_the_data_for_a_new_one(committee):
    """Applying again the next year: last year's application (here rejected) stays as it was,
    and the applicant brings their data up to date for the new campaign."""
    today = timezone.localdate()
    last_year = CampaignFactory(opens_on=today - 30 * DAY, closes_on=today + DAY)
    old_quota = QuotaFactory(programme__campaign=last_year)
    old = submitted_application(campaign=last_year, quotas=[old_quota], diploma_status="pending", own_university=False)
    services.application_reject(application=old, article=Application.RejectionArticle.DOCUMENTS, note="", by=committee)
    Campaign.objects.filter(pk=last_year.pk).update(closes_on=today - DAY)
    this_year = CampaignFactory()
    application = services.application_start(applicant=old.applicant, campaign=this_year)
    assert application.status == Status.DRAFT
    services.applicant_update(applicant=old.applicant, fields={"diploma_status": Applicant.DiplomaStatus.ISSUED})
    assert Applicant.objects.get(pk=old.applicant_id).diploma_status == Applicant.DiplomaStatus.ISSUED


def test_a_draft_cannot_be_submitted_after_the_period_closes(campaign, quotas):
    application = draft_application(campaign=campaign, quotas=[quotas[0]])
    upload_required(application)
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=timezone.localdate() - 30 * DAY, closes_on=timezone.localdate() - DAY
    )
    with pytest.raises(WorkflowError):
        services.application_submit(application=application)
    application.refresh_from_db()
    assert application.status == Status.DRAFT


def test_returned_corrected_and_submitted_again_keeps_the_first_submission_time(campaign, quotas, committee):
    application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    first_time = application.first_submitted_at
    diploma = application.documents.get(kind="diploma")
    services.document_review(document=diploma, accepted=False, note="The scan is cut off", by=committee)
    with pytest.raises(ValidationError):
        services.application_return(application=application, note="  ", by=committee)
    returned = services.application_return(application=application, note="Scan the diploma again", by=committee)
    assert returned.status == Status.RETURNED and returned.return_note == "Scan the diploma again"

    # The returned application can be corrected: data, preferences and the rejected document.
    services.applicant_update(applicant=application.applicant, fields={"graduation_grade": Decimal("5.75")})
    services.preferences_set(application=application, quotas=[quotas[1], quotas[0]])
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application)
    assert any("The scan is cut off" in p for p in messages(error.value))
    services.document_upload(application=application, kind="diploma", uploaded=pdf_upload("diploma-full.pdf"))

    again = services.application_submit(application=application)
    assert again.status == Status.SUBMITTED
    assert again.first_submitted_at == first_time
    assert again.submitted_at > first_time
    assert Applicant.objects.get(pk=application.applicant_id).graduation_grade == Decimal("5.75")


def test_a_returned_application_may_be_submitted_again_after_the_period_closes(campaign, quotas, committee):
    application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    services.application_return(application=application, note="Sign the application", by=committee)
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_on=timezone.localdate() - 30 * DAY, closes_on=timezone.localdate() - DAY
    )
    assert services.application_submit(application=application).status == Status.SUBMITTED


# --- the committee's review -------------------------------------------------------------------------


def test_rejecting_a_document_needs_a_note_the_applicant_will_read(campaign, quotas, committee):
    application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    diploma = application.documents.get(kind="diploma")
    with pytest.raises(ValidationError) as error:
        services.document_review(document=diploma, accepted=False, note="   ", by=committee)
    assert "note" in error.value.message_dict
    diploma.refresh_from_db()
    assert diploma.status == Document.Status.PENDING and diploma.reviewed_by is None
    services.document_review(document=diploma, accepted=False, note=" Not signed ", by=committee)
    diploma.refresh_from_db()
    assert (diploma.status, diploma.review_note, diploma.reviewed_by) == ("rejected", "Not signed", committee)
    services.document_review(document=diploma, accepted=True, note="ignored", by=committee)
    diploma.refresh_from_db()
    assert (diploma.status, diploma.review_note) == ("accepted", "")


def test_documents_of_a_draft_cannot_be_reviewed(campaign, quotas, committee):
    application = draft_application(campaign=campaign, quotas=[quotas[0]])
    document = services.document_upload(application=application, kind="diploma", uploaded=pdf_upload())
    with pytest.raises(WorkflowError):
        services.document_review(document=document, accepted=True, note="", by=committee)


def test_verification_waits_until_every_required_document_is_accepted(campaign, quotas, committee):
    application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    documents = list(application.documents.order_by("kind"))
    assert len(documents) == 3
    for document in documents[:-1]:
        services.document_review(document=document, accepted=True, note="", by=committee)
    with pytest.raises(WorkflowError) as error:
        services.application_verify(application=application, by=committee)
    assert str(documents[-1].get_kind_display()) in str(error.value.messages[0])
    services.document_review(document=documents[-1], accepted=False, note="Blurred", by=committee)
    with pytest.raises(WorkflowError):
        services.application_verify(application=application, by=committee)
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    services.document_review(document=documents[-1], accepted=True, note="", by=committee)
    verified = services.application_verify(application=application, by=committee)
    assert (verified.status, verified.verified_by) == (Status.ELIGIBLE, committee)
    assert verified.verified_at is not None


def test_a_rejection_rests_on_an_article_of_the_regulation(campaign, quotas, committee):
    application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    for article in ("", "art99", "Art. 8"):
        with pytest.raises(ValidationError) as error:
            services.application_reject(application=application, article=article, note="x", by=committee)
        assert "article" in error.value.message_dict
    application.refresh_from_db()
    assert application.status == Status.SUBMITTED
    rejected = services.application_reject(
        application=application,
        article=Application.RejectionArticle.DEGREE,
        note=" No bachelor's degree ",
        by=committee,
    )
    assert (rejected.status, rejected.rejection_article, rejected.rejection_note) == (
        Status.REJECTED,
        "art8",
        "No bachelor's degree",
    )
    with pytest.raises(WorkflowError):
        services.application_verify(application=application, by=committee)


# --- notifications --------------------------------------------------------------------------------


def assert_told_once(application, mailoutbox, before: int, subject_part: str):
    """Exactly one new inbox message and one new e-mail to the applicant, linking the application."""
    person = application.applicant.user
    notifications = Notification.objects.filter(recipient=person).order_by("pk")
    assert notifications.count() == before + 1
    latest = notifications.last()
    assert latest.url == application.get_absolute_url()
    assert subject_part in latest.subject
    assert len(mailoutbox) == before + 1
    assert mailoutbox[-1].to == [person.email]
    assert mailoutbox[-1].subject == latest.subject
    assert latest.url in mailoutbox[-1].body


def test_each_step_tells_the_applicant_once(
    campaign, quotas, committee, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    assert_told_once(application, mailoutbox, 0, "is submitted")

    diploma = application.documents.get(kind="diploma")
    with django_capture_on_commit_callbacks(execute=True):
        services.document_review(document=diploma, accepted=False, note="Unreadable", by=committee)
    assert len(mailoutbox) == 1  # a document review alone tells nobody
    with django_capture_on_commit_callbacks(execute=True):
        services.application_return(application=application, note="Scan it again", by=committee)
    assert_told_once(application, mailoutbox, 1, "correct")
    assert "Unreadable" in mailoutbox[-1].body

    with django_capture_on_commit_callbacks(execute=True):
        services.document_upload(application=application, kind="diploma", uploaded=pdf_upload())
        services.application_submit(application=application)
    assert_told_once(application, mailoutbox, 2, "is submitted")

    with django_capture_on_commit_callbacks(execute=True):
        for document in application.documents.all():
            services.document_review(document=document, accepted=True, note="", by=committee)
        services.application_verify(application=application, by=committee)
    assert_told_once(application, mailoutbox, 3, "is verified")


def test_a_rejection_tells_the_applicant_once_with_the_ground(
    campaign, quotas, committee, mailoutbox, django_capture_on_commit_callbacks
):
    application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    with django_capture_on_commit_callbacks(execute=True):
        services.application_reject(
            application=application, article=Application.RejectionArticle.PROFESSIONAL_FIELD, note="", by=committee
        )
    assert_told_once(application, mailoutbox, 0, "not admitted to the competition")
    assert "Art. 3(2)" in mailoutbox[-1].body


def test_a_refused_step_tells_nobody(campaign, quotas, committee, mailoutbox, django_capture_on_commit_callbacks):
    application = submitted_application(campaign=campaign, quotas=[quotas[0]])
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(WorkflowError):
        services.application_verify(application=application, by=committee)
    assert mailoutbox == [] and not Notification.objects.exists()


# --- the score shown before the ranking ---------------------------------------------------------------

GRADES = st.integers(300, 600).map(lambda n: Decimal(n).scaleb(-2))


def _fields_of(area):
    return [code for code in ("2.1", "3.7", "3.8", "4.2", "4.6", "5.3", "5.10") if classifier.area_of(code) == area]


AREA_FIELDS = [(area, field) for area in ("2", "3", "4", "5") for field in _fields_of(area)]
COEFFICIENTS = st.sampled_from([Decimal(c) for c in ("1.0", "1.1", "1.2", "1.5", "2.0")])


@settings(max_examples=300, deadline=None)
@given(
    course=GRADES,
    graduation=GRADES,
    area_field=st.sampled_from(AREA_FIELDS),
    programme_field=st.sampled_from(AREA_FIELDS),
    own_university=st.booleans(),
    economics_bonus=st.booleans(),
    own=COEFFICIENTS,
    related=COEFFICIENTS,
    other=COEFFICIENTS,
    related_areas=st.sampled_from(["4,5", "4", "3,5", ""]),
)
def test_the_score_shown_to_the_applicant_is_the_engines_score(
    course, graduation, area_field, programme_field, own_university, economics_bonus, own, related, other, related_areas
):
    campaign = Campaign(
        coefficient_own_university=own,
        coefficient_related=related,
        coefficient_other=other,
        related_areas=related_areas,
        economics_field="3.8",
    )
    applicant = Applicant(
        area=area_field[0],
        professional_field=area_field[1],
        own_university=own_university,
        course_average=course,
        graduation_grade=graduation,
        degree="bachelor",
    )
    programme = Programme(
        code="P", area=programme_field[0], professional_field=programme_field[1], economics_bonus=economics_bonus
    )
    instance = Instance(
        programmes=[
            EngineProgramme(
                "P",
                "",
                programme.area,
                programme.professional_field,
                economics_bonus,
                [EngineQuota("full-time", "state", 1)],
            )
        ],
        applicants=[
            EngineApplicant(
                id="A1",
                degree="bachelor",
                own_university=own_university,
                area=applicant.area,
                professional_field=applicant.professional_field,
                course_average=course,
                graduation_grade=graduation,
                state_funded_before=False,
                submitted_at=datetime.datetime(2026, 7, 1, tzinfo=datetime.UTC),
                preferences=[("P", "full-time", "state")],
            )
        ],
        coefficients=campaign.coefficients(),
    )
    (outcome,) = rank(instance).explain("A1")
    shown = scoring.score(applicant, programme, campaign)
    assert shown == outcome.score
    assert f"{shown:.3f}" == f"{outcome.score:.3f}"


def test_the_score_is_unknown_until_both_grades_are_in():
    campaign, programme = Campaign(), Programme(area="5", professional_field="5.10")
    assert scoring.score(Applicant(course_average=Decimal("5.00")), programme, campaign) is None
    assert scoring.score(Applicant(graduation_grade=Decimal("5.00")), programme, campaign) is None


def test_the_economics_bonus_counts_only_at_a_programme_that_has_it(campaign):
    economist = Applicant(
        area="3", professional_field="3.8", course_average=Decimal("5.00"), graduation_grade=Decimal("5.00")
    )
    campaign.refresh_from_db()
    with_bonus = Programme(area="3", professional_field="3.7", economics_bonus=True)
    without = Programme(area="3", professional_field="3.7", economics_bonus=False)
    assert scoring.score(economist, with_bonus, campaign) == Decimal("11.000")
    assert scoring.score(economist, without, campaign) == Decimal("10.000")
