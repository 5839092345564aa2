"""The admissions committee in the browser: each view as a committee member (works), another
member of staff (403), an applicant (404 everywhere) and anonymous (sign-in);
campaign, programmes and quotas editable until the first ranking; the review flow (documents,
return for correction, verification, rejection under an article) with typed text kept on errors;
enrolment; the figures without personal data; fixed query counts for the lists."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from admissions import services
from admissions.models import Application, Campaign, Document, Programme, Quota, Round
from qms.models import Notification, OrganisationalUnit
from qms.roles import Role
from tests.admissions.factories import (
    ApplicantFactory,
    CampaignFactory,
    ProgrammeFactory,
    QuotaFactory,
    RoundFactory,
    built_report,
    committee_member,
    eligible_application,
    pdf_upload,
    submitted_application,
)
from tests.qms.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return committee_member(username="committee", first_name="Maria", last_name="Kommisionova")


@pytest.fixture
def staff():
    return UserFactory(username="staffer", roles=[Role.STAFF])


@pytest.fixture
def campaign():
    return CampaignFactory()


@pytest.fixture
def quota(campaign):
    return QuotaFactory(programme=ProgrammeFactory(campaign=campaign, code="CHT"), places=2)


@pytest.fixture
def application(campaign, quota):
    return submitted_application(campaign=campaign, quotas=[quota], last_name="Петрова", last_name_latin="Petrova")


@pytest.fixture
def other_applicant():
    return ApplicantFactory().user


def login(client, user):
    client.force_login(user)
    return client


def rank(round, member, capture):
    with capture(execute=True):
        services.round_start(round=round, by=member)
    round.refresh_from_db()
    assert round.status == Round.Status.RANKED, round.error
    return round


def confirmed_application(campaign, quota, member, capture, **kwargs):
    """Eligible → admitted in a published round → confirmed with the semester fee receipt."""
    application = eligible_application(campaign=campaign, quotas=[quota], committee=member, **kwargs)
    round = Round.objects.filter(campaign=campaign).first() or RoundFactory(campaign=campaign, number=1)
    rank(round, member, capture)
    services.round_publish(round=round, by=member)
    application.refresh_from_db()
    return services.enrolment_confirm(application=application, uploaded=pdf_upload("receipt.pdf"))


# --- who may see what -----------------------------------------------------------------------------


def campaign_urls(campaign, quota):
    programme = quota.programme
    return [
        reverse("admissions:committee"),
        reverse("admissions:campaign-create"),
        reverse("admissions:campaign-detail", args=[campaign.pk]),
        reverse("admissions:campaign-edit", args=[campaign.pk]),
        reverse("admissions:programme-create", args=[campaign.pk]),
        reverse("admissions:programme-edit", args=[programme.pk]),
        reverse("admissions:programme-delete", args=[programme.pk]),
        reverse("admissions:quota-create", args=[programme.pk]),
        reverse("admissions:quota-edit", args=[quota.pk]),
        reverse("admissions:quota-delete", args=[quota.pk]),
        reverse("admissions:queue", args=[campaign.pk]),
        reverse("admissions:enrolment", args=[campaign.pk]),
    ]


def application_urls(application):
    return [
        reverse("admissions:review", args=[application.uuid]),
        reverse("admissions:application-history", args=[application.uuid]),
    ]


def test_committee_member_opens_every_page(client, member, campaign, quota, application):
    login(client, member)
    for url in [*campaign_urls(campaign, quota), *application_urls(application)]:
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.get(reverse("admissions:statistics", args=[campaign.pk]))
    assert response.status_code == 200


def test_other_staff_are_refused(client, staff, campaign, quota, application):
    login(client, staff)
    for url in [*campaign_urls(campaign, quota), *application_urls(application)]:
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("admissions:statistics", args=[campaign.pk])).status_code == 403


def test_applicants_never_reach_the_committee(client, campaign, quota, application, other_applicant):
    """An applicant gets 404 for any application (their own included) and for every committee page."""
    for user in (other_applicant, application.applicant.user):
        login(client, user)
        for url in application_urls(application):
            response = client.get(url)
            assert response.status_code == 404, url
            assert "Petrova" not in response.content.decode()
        for url in campaign_urls(campaign, quota):
            assert client.get(url).status_code == 404, url
        assert client.get(reverse("admissions:statistics", args=[campaign.pk])).status_code == 404
    document = application.documents.first()
    login(client, other_applicant)
    for name, args in [
        ("admissions:document-review", [application.uuid, document.uuid]),
        ("admissions:return", [application.uuid]),
        ("admissions:verify", [application.uuid]),
        ("admissions:reject", [application.uuid]),
        ("admissions:mark-enrolled", [application.uuid]),
    ]:
        assert client.post(reverse(name, args=args), {"note": "x", "decision": "accept"}).status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_anonymous_is_sent_to_sign_in(client, campaign, quota, application):
    for url in [
        *campaign_urls(campaign, quota),
        *application_urls(application),
        reverse("admissions:statistics", args=[campaign.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url


@pytest.mark.parametrize("role", [Role.RECTORATE, Role.QUALITY_OFFICER])
def test_rectorate_and_quality_officer_see_the_figures_only(client, role, campaign, quota, application):
    login(client, UserFactory(roles=[role, Role.STAFF]))
    response = client.get(reverse("admissions:statistics", args=[campaign.pk]))
    assert response.status_code == 200
    assert client.get(reverse("admissions:review", args=[application.uuid])).status_code == 403
    assert client.get(reverse("admissions:queue", args=[campaign.pk])).status_code == 403


def test_post_only_steps_refuse_get(client, member, application):
    login(client, member)
    document = application.documents.first()
    for name, args in [
        ("admissions:document-review", [application.uuid, document.uuid]),
        ("admissions:return", [application.uuid]),
        ("admissions:verify", [application.uuid]),
        ("admissions:reject", [application.uuid]),
        ("admissions:mark-enrolled", [application.uuid]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 405


# --- the committee's home -------------------------------------------------------------------------


def test_index_shows_the_current_campaign_counts_and_rounds(client, member, campaign, quota, application):
    older = CampaignFactory(
        name="Old admission",
        opens_on=timezone.localdate() - datetime.timedelta(days=400),
        closes_on=timezone.localdate() - datetime.timedelta(days=380),
    )
    round = RoundFactory(campaign=campaign, number=1)
    login(client, member)
    response = client.get(reverse("admissions:committee"))
    html = response.content.decode()
    assert response.context["campaign"] == campaign
    counts = {row["value"]: row["count"] for row in response.context["statuses"]}
    assert counts["submitted"] == 1 and counts["eligible"] == 0
    assert f"{reverse('admissions:queue', args=[campaign.pk])}?status=submitted" in html
    assert reverse("admissions:round-detail", args=[round.pk]) in html
    assert reverse("admissions:round-create", args=[campaign.pk]) in html
    assert reverse("admissions:campaign-create") in html
    response = client.get(reverse("admissions:committee"), {"campaign": older.pk})
    assert response.context["campaign"] == older


def test_index_without_a_campaign(client, member):
    login(client, member)
    response = client.get(reverse("admissions:committee"))
    assert response.status_code == 200
    assert 'data-testid="no-campaign"' in response.content.decode()


def test_the_rectorate_is_told_there_is_no_campaign_yet_rather_than_not_found(client):
    client.force_login(UserFactory(roles=[Role.RECTORATE]))
    response = client.get(reverse("admissions:index"), secure=True)
    assert response.status_code == 200
    assert 'data-testid="no-campaign"' in response.content.decode()
    campaign = CampaignFactory()
    response = client.get(reverse("admissions:index"), secure=True)
    assert response.status_code == 302
    assert response["Location"] == reverse("admissions:statistics", args=[campaign.pk])


# --- campaign, programmes, quotas -----------------------------------------------------------------


def campaign_data(**overrides):
    today = timezone.localdate()
    data = {
        "name": "Master's admission 2030",
        "academic_year": "2030/2031",
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=30)).isoformat(),
        "application_fee": "30.00",
        "currency": "eur",
        "coefficient_own_university": "1.5",
        "coefficient_related": "1.2",
        "related_areas": "4, 5",
        "economics_field": "3.8",
        "coefficient_other": "1.0",
    }
    return {**data, **overrides}


def test_campaign_create_starts_with_the_regulation_defaults(client, member):
    login(client, member)
    form = client.get(reverse("admissions:campaign-create")).context["form"]
    assert Decimal(str(form["coefficient_own_university"].value())) == Decimal("1.5")
    assert Decimal(str(form["coefficient_related"].value())) == Decimal("1.2")
    assert Decimal(str(form["coefficient_other"].value())) == Decimal("1")
    assert form["related_areas"].value() == "4,5" and form["economics_field"].value() == "3.8"
    response = client.post(reverse("admissions:campaign-create"), campaign_data())
    campaign = Campaign.objects.get(academic_year="2030/2031")
    assert response.status_code == 302 and response["Location"] == campaign.get_absolute_url()
    assert campaign.currency == "EUR" and campaign.related_areas == "4,5"


def test_campaign_form_errors_keep_what_was_typed(client, member):
    login(client, member)
    today = timezone.localdate()
    response = client.post(
        reverse("admissions:campaign-create"),
        campaign_data(
            name="Typed campaign name",
            closes_on=(today - datetime.timedelta(days=1)).isoformat(),
            related_areas="4, 99",
            economics_field="3.99",
        ),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"closes_on", "related_areas", "economics_field"}
    assert "Typed campaign name" in response.content.decode()
    assert not Campaign.objects.filter(name="Typed campaign name").exists()


def test_programme_and_quota_editing_before_the_first_ranking(client, member, campaign):
    university = UnitFactory(name="Test university", kind=OrganisationalUnit.Kind.UNIVERSITY)
    faculty = UnitFactory(
        name="Faculty of chemical technology", kind=OrganisationalUnit.Kind.FACULTY, parent=university
    )
    department = UnitFactory(name="Department of polymers", kind=OrganisationalUnit.Kind.DEPARTMENT, parent=faculty)
    login(client, member)
    url = reverse("admissions:programme-create", args=[campaign.pk])
    data = {
        "code": "PT1",
        "name": "Полимерни технологии",
        "name_en": "Polymer technologies",
        "faculty": faculty.pk,
        "area": "5",
        "professional_field": "4.2",
        "language": "bg",
        "description": "",
    }
    response = client.post(url, {**data, "faculty": department.pk})
    assert response.status_code == 200 and "faculty" in response.context["form"].errors  # not a faculty
    response = client.post(url, data)
    assert response.status_code == 200
    assert "professional_field" in response.context["form"].errors
    assert "Полимерни технологии" in response.content.decode()

    response = client.post(url, {**data, "professional_field": "5.10", "economics_bonus": "on"})
    assert response.status_code == 302
    programme = Programme.objects.get(campaign=campaign, code="PT1")
    assert programme.faculty == faculty and programme.economics_bonus

    response = client.post(url, {**data, "professional_field": "5.10"})
    assert response.status_code == 200 and response.context["form"].errors  # the code is taken

    response = client.post(
        reverse("admissions:programme-edit", args=[programme.pk]), {**data, "professional_field": "5.10", "code": "PT2"}
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.code == "PT2"

    url = reverse("admissions:quota-create", args=[programme.pk])
    response = client.post(url, {"form": "full-time", "funding": "paid", "places": "10", "min_diploma_grade": "2.5"})
    assert response.status_code == 200 and "min_diploma_grade" in response.context["form"].errors
    response = client.post(url, {"form": "full-time", "funding": "paid", "places": "10", "min_diploma_grade": "3.50"})
    assert response.status_code == 302
    quota = Quota.objects.get(programme=programme)
    assert quota.places == 10 and quota.min_diploma_grade == Decimal("3.50")
    response = client.post(url, {"form": "full-time", "funding": "paid", "places": "5"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()  # the same quota twice

    response = client.post(
        reverse("admissions:quota-edit", args=[quota.pk]), {"form": "full-time", "funding": "paid", "places": "12"}
    )
    assert response.status_code == 302
    quota.refresh_from_db()
    assert quota.places == 12 and quota.min_diploma_grade is None

    detail = client.get(campaign.get_absolute_url()).content.decode()
    assert "PT2" in detail and 'data-testid="edit-quota"' in detail and "Polymer technologies" in detail

    assert client.get(reverse("admissions:quota-delete", args=[quota.pk])).status_code == 200
    assert client.post(reverse("admissions:quota-delete", args=[quota.pk])).status_code == 302
    assert not Quota.objects.filter(pk=quota.pk).exists()
    assert client.post(reverse("admissions:programme-delete", args=[programme.pk])).status_code == 302
    assert not Programme.objects.filter(pk=programme.pk).exists()


def test_a_listed_quota_is_not_removed(client, member, quota, application):
    login(client, member)
    response = client.post(reverse("admissions:quota-delete", args=[quota.pk]), follow=True)
    assert Quota.objects.filter(pk=quota.pk).exists()
    assert "set its places to 0" in response.content.decode()


def test_editing_is_refused_once_a_round_is_ranked(client, member, campaign, quota, django_capture_on_commit_callbacks):
    eligible_application(campaign=campaign, quotas=[quota], committee=member)
    rank(RoundFactory(campaign=campaign, number=1), member, django_capture_on_commit_callbacks)
    programme = quota.programme
    login(client, member)

    detail = client.get(campaign.get_absolute_url()).content.decode()
    assert 'data-testid="locked-notice"' in detail
    for testid in ("new-programme", "edit-programme", "delete-programme", "new-quota", "edit-quota", "delete-quota"):
        assert f'data-testid="{testid}"' not in detail

    response = client.get(reverse("admissions:programme-edit", args=[programme.pk]), follow=True)
    assert "can no longer change" in response.content.decode()
    response = client.post(
        reverse("admissions:programme-edit", args=[programme.pk]),
        {"code": programme.code, "name": "Renamed", "area": "5", "professional_field": "5.10", "language": "bg"},
    )
    assert response.status_code == 200 and "can no longer change" in response.content.decode()
    programme.refresh_from_db()
    assert programme.name != "Renamed"

    response = client.post(
        reverse("admissions:quota-edit", args=[quota.pk]), {"form": "full-time", "funding": "state", "places": "50"}
    )
    assert "can no longer change" in response.content.decode()
    quota.refresh_from_db()
    assert quota.places == 2
    response = client.post(
        reverse("admissions:quota-create", args=[programme.pk]), {"form": "part-time", "funding": "paid", "places": "5"}
    )
    assert "can no longer change" in response.content.decode()
    assert not Quota.objects.filter(programme=programme, form="part-time").exists()
    response = client.post(reverse("admissions:quota-delete", args=[quota.pk]), follow=True)
    assert Quota.objects.filter(pk=quota.pk).exists() and "can no longer change" in response.content.decode()
    assert client.get(reverse("admissions:programme-create", args=[campaign.pk])).status_code == 302

    data = campaign_data(academic_year=campaign.academic_year, coefficient_own_university="2.0")
    response = client.post(reverse("admissions:campaign-edit", args=[campaign.pk]), data)
    assert response.status_code == 200 and "can no longer change" in response.content.decode()
    campaign.refresh_from_db()
    assert campaign.coefficient_own_university == Decimal("1.5")
    response = client.post(
        reverse("admissions:campaign-edit", args=[campaign.pk]),
        campaign_data(academic_year=campaign.academic_year, name="Corrected name", related_areas=" 4 , 5"),
    )
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.name == "Corrected name" and campaign.related_areas == "4,5"


# --- the verification queue -----------------------------------------------------------------------


def test_queue_filters_and_searches(client, member, campaign, quota, application):
    other = submitted_application(campaign=campaign, quotas=[quota], last_name="Георгиев", last_name_latin="Georgiev")
    services.application_return(application=other, note="Blurry diploma", by=member)
    CampaignFactory()  # another campaign's applications never show
    login(client, member)
    url = reverse("admissions:queue", args=[campaign.pk])
    response = client.get(url)
    assert [a.number for a in response.context["page"]] == [application.number]
    assert 'data-testid="queue-row"' in response.content.decode()
    assert application.get_review_url() in response.content.decode()
    response = client.get(url, {"status": "returned"})
    assert [a.number for a in response.context["page"]] == [other.number]
    response = client.get(url, {"status": "all"})
    assert len(response.context["page"]) == 2
    response = client.get(url, {"status": "all", "q": "Georg"})
    assert [a.number for a in response.context["page"]] == [other.number]
    response = client.get(url, {"status": "all", "q": application.applicant.user.email})
    assert [a.number for a in response.context["page"]] == [application.number]
    row = client.get(url).context["page"][0]
    assert row.documents_count == application.documents.count() and row.pending_count == row.documents_count


def test_queue_query_count_does_not_grow_with_rows(client, member, campaign, quota):
    login(client, member)
    url = reverse("admissions:queue", args=[campaign.pk])
    submitted_application(campaign=campaign, quotas=[quota])
    client.get(url)  # warm up (sessions, content types)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        submitted_application(campaign=campaign, quotas=[quota])
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["page"]) == 5
    assert len(many) == len(few)


# --- the review of one application ----------------------------------------------------------------


def test_review_shows_the_application(client, member, application):
    login(client, member)
    response = client.get(application.get_review_url())
    html = response.content.decode()
    applicant = application.applicant
    for text in (applicant.full_name, applicant.latin_name, applicant.identity_number, applicant.user.email, "CHT"):
        assert text in html
    assert "4.2" in html  # the professional field with its classifier name
    assert reverse("admissions:application-pdf", args=[application.uuid]) in html
    assert reverse("admissions:application-history", args=[application.uuid]) in html
    for document in application.documents.all():
        assert reverse("admissions:document", args=[document.uuid]) in html
    assert html.count('data-testid="accept-document"') == application.documents.count()
    for testid in ("reject-document", "return-application", "verify-application", "reject-application"):
        assert f'data-testid="{testid}"' in html
    assert 'data-testid="mark-enrolled"' not in html
    score = response.context["overview"]["preferences"][0]["score"]
    assert score == Decimal("11.500")  # 5.00 × 1.2 (area 4) + 5.50


def test_rejecting_a_document_needs_a_reason_which_is_stored(client, member, application):
    login(client, member)
    document = application.documents.get(kind=Document.Kind.DIPLOMA)
    url = reverse("admissions:document-review", args=[application.uuid, document.uuid])
    response = client.post(url, {"decision": "reject", "note": ""})
    assert response.status_code == 400
    document.refresh_from_db()
    assert document.status == Document.Status.PENDING
    response = client.post(url, {"decision": "reject", "note": "The scan is unreadable"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == Document.Status.REJECTED
    assert document.review_note == "The scan is unreadable" and document.reviewed_by == member
    assert "The scan is unreadable" in client.get(application.get_review_url()).content.decode()
    response = client.post(url, {"decision": "accept"})
    document.refresh_from_db()
    assert document.status == Document.Status.ACCEPTED and document.review_note == ""


def test_a_refused_document_review_keeps_the_typed_reason(client, member, application):
    services.application_return(application=application, note="Fix the name", by=member)
    login(client, member)
    document = application.documents.first()
    response = client.post(
        reverse("admissions:document-review", args=[application.uuid, document.uuid]),
        {"decision": "reject", "note": "Typed reason that must survive"},
    )
    assert response.status_code == 400
    # The application is no longer under review: the page says why and keeps the text.
    assert "Typed reason that must survive" in response.content.decode()
    assert response.context["documents"]


def test_return_for_correction_tells_the_applicant(
    client, member, application, mailoutbox, django_capture_on_commit_callbacks
):
    login(client, member)
    url = reverse("admissions:return", args=[application.uuid])
    response = client.post(url, {"note": "   "})
    assert response.status_code == 400
    assert "note" in response.context["return_form"].errors
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"note": "Upload the diploma supplement as well."})
    assert response.status_code == 302 and response["Location"] == application.get_review_url()
    application.refresh_from_db()
    assert application.status == Application.Status.RETURNED
    assert application.return_note == "Upload the diploma supplement as well."
    person = application.applicant.user
    assert [m.to for m in mailoutbox] == [[person.email]]
    assert "Upload the diploma supplement as well." in mailoutbox[0].body
    notification = Notification.objects.get(recipient=person)
    assert notification.url == application.get_absolute_url()


def test_verify_is_refused_until_every_document_is_accepted(client, member, application):
    login(client, member)
    url = reverse("admissions:verify", args=[application.uuid])
    documents = list(application.documents.all())
    client.post(
        reverse("admissions:document-review", args=[application.uuid, documents[0].uuid]), {"decision": "accept"}
    )
    response = client.post(url, follow=True)
    assert "Accept every required document first" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED

    for document in documents[1:]:
        client.post(
            reverse("admissions:document-review", args=[application.uuid, document.uuid]), {"decision": "accept"}
        )
    response = client.post(url)
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ELIGIBLE and application.verified_by == member


def test_reject_needs_the_article_and_keeps_the_note(client, member, application):
    login(client, member)
    url = reverse("admissions:reject", args=[application.uuid])
    response = client.post(url, {"article": "", "note": "A professional bachelor in another field"})
    assert response.status_code == 400
    assert "article" in response.context["reject_form"].errors
    assert "A professional bachelor in another field" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED

    response = client.post(url, {"article": "art3_2", "note": "A professional bachelor in another field"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert application.rejection_article == Application.RejectionArticle.PROFESSIONAL_FIELD
    html = client.get(application.get_review_url()).content.decode()
    assert 'data-testid="rejection"' in html and 'data-testid="verify-application"' not in html
    assert 'data-testid="reject-application"' not in html
    response = client.post(url, {"article": "art8", "note": "Second try"})  # already rejected
    assert response.status_code == 400 and "Second try" in response.content.decode()
    assert "this step needs it" in response.content.decode()


def test_history_lists_a_change_with_who_made_it(client, member, application):
    login(client, member)
    document = application.documents.first()
    client.post(
        reverse("admissions:document-review", args=[application.uuid, document.uuid]),
        {"decision": "reject", "note": "Cut off at the bottom"},
    )
    client.post(reverse("admissions:return", args=[application.uuid]), {"note": "Replace the scan"})
    response = client.get(reverse("admissions:application-history", args=[application.uuid]))
    assert response.status_code == 200
    entries = list(response.context["page"].object_list)
    assert any(e.who == member and any(c.new == "Cut off at the bottom" for c in e.changes) for e in entries)
    assert any(e.who == member and any(c.new == "Replace the scan" for c in e.changes) for e in entries)
    assert "Kommisionova" in response.content.decode()


# --- ranking results, enrolment -------------------------------------------------------------------


def test_review_shows_the_ranking_result_and_enrolment(
    client, member, campaign, quota, django_capture_on_commit_callbacks
):
    application = confirmed_application(campaign, quota, member, django_capture_on_commit_callbacks)
    login(client, member)
    response = client.get(application.get_review_url())
    html = response.content.decode()
    assert 'data-testid="round-result"' in html and "Admitted" in html
    receipt = application.documents.get(kind=Document.Kind.ENROLMENT_RECEIPT)
    assert reverse("admissions:document", args=[receipt.uuid]) in html
    assert 'data-testid="mark-enrolled"' in html
    response = client.post(reverse("admissions:mark-enrolled", args=[application.uuid]))
    assert response.status_code == 302 and response["Location"] == application.get_review_url()
    application.refresh_from_db()
    assert application.status == Application.Status.ENROLLED and application.enrolled_by == member
    response = client.post(reverse("admissions:mark-enrolled", args=[application.uuid]), follow=True)
    assert "this step needs it" in response.content.decode()


def test_enrolment_list_marks_enrolled_and_keeps_the_tab(
    client, member, campaign, quota, django_capture_on_commit_callbacks
):
    application = confirmed_application(campaign, quota, member, django_capture_on_commit_callbacks)
    login(client, member)
    url = reverse("admissions:enrolment", args=[campaign.pk])
    response = client.get(url, {"status": "confirmed"})
    html = response.content.decode()
    assert [a.number for a in response.context["page"]] == [application.number]
    assert 'data-testid="mark-enrolled"' in html and 'data-testid="receipt-link"' in html
    for fmt in ("pdf", "xlsx"):  # the list for the rector's order, built by a worker
        assert f'data-testid="report-button-enrolment_order-{fmt}"' in html
    assert f'name="campaign" value="{campaign.pk}"' in html
    response = client.post(
        reverse("admissions:mark-enrolled", args=[application.uuid]), {"next": f"{url}?status=confirmed"}
    )
    assert response["Location"] == f"{url}?status=confirmed"
    assert not client.get(url, {"status": "confirmed"}).context["page"].object_list
    assert [a.number for a in client.get(url, {"status": "enrolled"}).context["page"]] == [application.number]
    response = client.post(
        reverse("admissions:mark-enrolled", args=[application.uuid]), {"next": "https://evil.example.org/"}
    )
    assert response["Location"] == application.get_review_url()


def test_enrolment_list_query_count_does_not_grow(client, member, campaign, django_capture_on_commit_callbacks):
    quota = QuotaFactory(programme=ProgrammeFactory(campaign=campaign), places=10)
    applications = [eligible_application(campaign=campaign, quotas=[quota], committee=member) for _ in range(5)]
    round = rank(RoundFactory(campaign=campaign, number=1), member, django_capture_on_commit_callbacks)
    services.round_publish(round=round, by=member)
    services.enrolment_confirm(application=applications[0], uploaded=pdf_upload())
    login(client, member)
    url = reverse("admissions:enrolment", args=[campaign.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert len(response.context["page"]) == 5
    for application in applications[1:]:
        services.enrolment_confirm(application=application, uploaded=pdf_upload())
    extra = QuotaFactory(programme=ProgrammeFactory(campaign=campaign), places=3)
    assert extra.pk  # more quotas and programmes do not change the count either
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert all(a.receipts for a in response.context["page"])
    assert len(many) == len(few)


def test_enrolment_order_is_a_report_built_by_a_worker(
    client, member, campaign, quota, django_capture_on_commit_callbacks
):
    application = confirmed_application(campaign, quota, member, django_capture_on_commit_callbacks)
    services.application_enrol(application=application, by=member)
    login(client, member)
    report, content = built_report(
        client, django_capture_on_commit_callbacks, "enrolment_order", "pdf", campaign=campaign.pk
    )
    assert report.requested_by == member and report.subject == f"{campaign.name} ({campaign.academic_year})"
    assert report.file.name.endswith(".pdf")
    assert content.startswith(b"%PDF")


# --- figures --------------------------------------------------------------------------------------


def test_statistics_show_figures_without_personal_data(client, member, campaign, quota, application):
    login(client, UserFactory(roles=[Role.RECTORATE, Role.STAFF]))
    response = client.get(reverse("admissions:statistics", args=[campaign.pk]))
    html = response.content.decode()
    figures = response.context["figures"]
    assert figures["submitted"] == 1 and figures["programmes"][0]["first_preference"] == 1
    applicant = application.applicant
    for text in (applicant.last_name, applicant.last_name_latin, applicant.identity_number, application.number):
        assert text not in html
    assert applicant.user.email not in html
    other = CampaignFactory()
    response = client.get(reverse("admissions:statistics", args=[campaign.pk]), {"campaign": other.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("admissions:statistics", args=[other.pk])


def test_statistics_query_count_does_not_grow(client, member, campaign, quota):
    login(client, member)
    url = reverse("admissions:statistics", args=[campaign.pk])
    submitted_application(campaign=campaign, quotas=[quota])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(3):
        submitted_application(campaign=campaign, quotas=[quota])
    QuotaFactory(programme=ProgrammeFactory(campaign=campaign))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.context["figures"]["submitted"] == 4
    assert len(many) == len(few)
