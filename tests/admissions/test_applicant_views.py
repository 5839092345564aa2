"""The applicant's side of the admission portal in the browser: registration with the e-mail link,
each step of the application as its owner, another applicant, a staff member outside the
committee and an anonymous visitor; forms keep what was typed and show errors next to the
field; the preferences and the overview make a fixed number of queries; documents are judged by
their bytes; the result explains every preference; enrolment is confirmed before the deadline."""

import datetime
import re
from decimal import Decimal
from html import escape
from urllib.parse import urlparse

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from admissions import services
from admissions.models import Applicant, Application, Document, Preference, Round
from qms.models import User
from qms.roles import Role
from tests.qms.factories import UnitFactory, UserFactory

from .factories import (
    PDF_BYTES,
    ApplicantFactory,
    CampaignFactory,
    ProgrammeFactory,
    QuotaFactory,
    RoundFactory,
    committee_member,
    draft_application,
    eligible_application,
    pdf_upload,
    submitted_application,
    valid_egn,
)

pytestmark = pytest.mark.django_db

PASSWORD = "Tulip-Harbour-93"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.fixture
def campaign():
    return CampaignFactory()


@pytest.fixture
def quotas(campaign):
    programme = ProgrammeFactory(campaign=campaign)
    return [
        QuotaFactory(programme=programme, funding="state"),
        QuotaFactory(programme=programme, funding="paid", places=5),
    ]


@pytest.fixture
def application(campaign, quotas):
    return draft_application(campaign=campaign, quotas=quotas[:1])


@pytest.fixture
def other(campaign, quotas):
    """Another applicant with their own application."""
    return draft_application(campaign=campaign, quotas=quotas[:1])


@pytest.fixture
def staff():
    return UserFactory(roles=[Role.STAFF])


@pytest.fixture
def committee():
    return committee_member()


def owner_client(client, application):
    client.force_login(application.applicant.user)
    return client


def page(response) -> str:
    return response.content.decode()


def block(html: str, marker: str) -> str:
    """The part of the page from `marker` to the next requirement card (or the end)."""
    start = html.index(marker)
    end = html.find('<li class="card', start)
    return html[start : end if end != -1 else len(html)]


# --- access ---------------------------------------------------------------------------------------

APPLICATION_PAGES = ["application", "personal", "education", "preferences", "documents", "result", "enrol"]
APPLICATION_POSTS = ["submit", "preferences", "personal", "education", "documents"]


@pytest.mark.parametrize("name", APPLICATION_PAGES)
def test_the_owner_opens_each_page_of_their_application(client, application, name):
    response = owner_client(client, application).get(reverse(f"admissions:{name}", args=[application.uuid]))
    assert response.status_code == 200
    assert 'data-testid="status"' in page(response)


@pytest.mark.parametrize("name", APPLICATION_PAGES)
def test_another_applicant_gets_404_for_each_page(client, application, other, name):
    client.force_login(other.applicant.user)
    assert client.get(reverse(f"admissions:{name}", args=[application.uuid])).status_code == 404


@pytest.mark.parametrize("name", APPLICATION_POSTS)
def test_another_applicant_cannot_post_to_the_application(client, application, other, quotas, name):
    client.force_login(other.applicant.user)
    data = {"quota": [quotas[1].pk], "action": "save", "first_name": "Хакер", "fee_exemption": "orphan"}
    response = client.post(reverse(f"admissions:{name}", args=[application.uuid]), data)
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT and application.fee_exemption == ""
    assert list(application.preferences.values_list("quota", flat=True)) == [quotas[0].pk]
    assert Applicant.objects.get(pk=application.applicant.pk).first_name == "Иван"


@pytest.mark.parametrize("name", APPLICATION_PAGES)
def test_a_staff_member_outside_the_committee_gets_404_or_403(client, application, staff, name):
    client.force_login(staff)
    assert client.get(reverse(f"admissions:{name}", args=[application.uuid])).status_code in (403, 404)


@pytest.mark.parametrize("name", APPLICATION_PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, application, name):
    response = client.get(reverse(f"admissions:{name}", args=[application.uuid]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_anonymous_and_staff_cannot_reach_my_application_or_start_one(client, campaign, staff):
    for name in ("my-application", "application-start"):
        response = client.get(reverse(f"admissions:{name}"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(staff)
    assert client.get(reverse("admissions:my-application")).status_code == 404
    assert client.post(reverse("admissions:application-start")).status_code == 404
    assert not Application.objects.exists()


def test_an_unknown_application_id_is_404(client, application):
    owner_client(client, application)
    assert client.get(reverse("admissions:application", args=["00000000-0000-4000-8000-000000000000"])).status_code == (
        404
    )


# --- registration ---------------------------------------------------------------------------------


def register_data(**overrides):
    return {
        "email": "maria.petrova@example.org",
        "first_name": "Мария",
        "last_name": "Петрова",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "language": "bg",
        **overrides,
    }


def test_the_sign_in_page_links_to_registration_and_the_published_lists(client):
    html = page(client.get(reverse("login")))
    assert f'href="{reverse("admissions:register")}" data-testid="register-link"' in html
    assert f'href="{reverse("public-admissions:index")}" data-testid="public-ranking-link"' in html


def test_the_registration_form_preselects_the_language_of_the_page(client):
    response = client.get(reverse("admissions:register"), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert response.context["form"]["language"].value() == "ru"


def test_registration_confirmation_and_sign_in_end_to_end(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admissions:register"), register_data())
    assert response.status_code == 302 and response["Location"] == reverse("admissions:register-sent")
    assert "maria.petrova@example.org" in page(client.get(response["Location"]))

    user = User.objects.get(email="maria.petrova@example.org")
    assert not user.is_active and user.language == "bg" and user.groups.filter(name=Role.APPLICANT).exists()
    assert user.applicant.first_name == "Мария"
    assert [m.to for m in mailoutbox] == [["maria.petrova@example.org"]]
    link = re.search(r"https?://\S+", mailoutbox[0].body).group(0)
    path = urlparse(link).path

    # Signing in before confirming fails.
    client.post(reverse("login"), {"username": "maria.petrova@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == reverse("login")
    user.refresh_from_db()
    assert user.is_active

    response = client.post(reverse("login"), {"username": "maria.petrova@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("admissions:my-application")).status_code == 200


def test_a_bad_confirmation_link_says_so_and_activates_nothing(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admissions:register"), register_data())
    user = User.objects.get(email="maria.petrova@example.org")
    uid = urlparse(services.confirmation_path(user)).path.split("/")[-3]
    for path in (
        reverse("admissions:confirm", args=[uid, "abc-123"]),
        reverse("admissions:confirm", args=["not-base64!", "abc-123"]),
        reverse("admissions:confirm", args=["OTk5OTk", "abc-123"]),
    ):
        response = client.get(path)
        assert response.status_code == 400
        assert 'data-testid="confirm-invalid"' in page(response)
        assert reverse("admissions:register") in page(response)
    user.refresh_from_db()
    assert not user.is_active


def test_an_expired_confirmation_link_is_refused(client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admissions:register"), register_data())
    user = User.objects.get(email="maria.petrova@example.org")
    path = services.confirmation_path(user)
    settings.PASSWORD_RESET_TIMEOUT = -1
    response = client.get(path)
    assert response.status_code == 400 and 'data-testid="confirm-invalid"' in page(response)
    user.refresh_from_db()
    assert not user.is_active


def test_a_staff_account_is_not_activated_by_a_confirmation_link(client):
    person = UserFactory(is_active=False)
    response = client.get(services.confirmation_path(person))
    assert response.status_code == 400
    person.refresh_from_db()
    assert not person.is_active


def test_a_registered_e_mail_shows_the_error_next_to_the_field_and_keeps_the_input(client):
    UserFactory(username="someone", email="maria.petrova@example.org")
    response = client.post(reverse("admissions:register"), register_data(email="Maria.Petrova@example.org"))
    assert response.status_code == 200
    form = response.context["form"]
    assert "An account with this e-mail address exists" in str(form.errors["email"])
    html = page(response)
    email_block = html[html.index('for="id_email"') : html.index('for="id_first_name"')]
    assert "An account with this e-mail address exists" in email_block and "is-invalid" in email_block
    assert 'value="Maria.Petrova@example.org"' in html and 'value="Мария"' in html
    assert User.objects.filter(email__iexact="maria.petrova@example.org").count() == 1


def test_an_unconfirmed_address_registered_again_gets_a_new_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admissions:register"), register_data())
        response = client.post(reverse("admissions:register"), register_data())
    assert response.status_code == 302 and response["Location"] == reverse("admissions:register-sent")
    assert len(mailoutbox) == 2
    assert User.objects.filter(email="maria.petrova@example.org").count() == 1


def test_weak_or_different_passwords_are_refused_next_to_the_field(client):
    response = client.post(reverse("admissions:register"), register_data(password1="12345678", password2="12345678"))
    assert response.status_code == 200 and response.context["form"].errors["password1"]
    response = client.post(reverse("admissions:register"), register_data(password2="Another-Password-1"))
    assert response.context["form"].errors["password2"]
    assert not User.objects.filter(email="maria.petrova@example.org").exists()


def test_a_signed_in_person_is_sent_home_from_registration(client, application):
    owner_client(client, application)
    response = client.get(reverse("admissions:register"))
    assert response.status_code == 302 and response["Location"] == reverse("home")


# --- starting -------------------------------------------------------------------------------------


def test_my_application_offers_to_start_and_start_creates_it(client, campaign):
    applicant = ApplicantFactory()
    client.force_login(applicant.user)
    response = client.get(reverse("admissions:my-application"))
    html = page(response)
    assert response.status_code == 200 and 'data-testid="start-application"' in html
    assert escape(campaign.name) in html and "30.00" in html
    response = client.post(reverse("admissions:application-start"))
    application = Application.objects.get(applicant=applicant)
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    # From now on "my application" leads to it.
    response = client.get(reverse("admissions:my-application"))
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()


def test_a_closed_period_is_said_and_nothing_starts(client):
    today = timezone.localdate()
    CampaignFactory(opens_on=today - datetime.timedelta(days=30), closes_on=today - datetime.timedelta(days=1))
    applicant = ApplicantFactory()
    client.force_login(applicant.user)
    html = page(client.get(reverse("admissions:my-application")))
    assert 'data-testid="period-closed"' in html and 'data-testid="start-application"' not in html
    response = client.post(reverse("admissions:application-start"), follow=True)
    assert "are not accepted now" in page(response)
    assert not Application.objects.exists()


# --- the overview ---------------------------------------------------------------------------------


def test_the_overview_shows_the_steps_the_score_per_preference_and_what_stops_the_submission(
    client, application, quotas
):
    response = owner_client(client, application).get(application.get_absolute_url())
    html = page(response)
    steps = {step["key"]: step["done"] for step in response.context["steps"]}
    assert steps == {"personal": True, "education": True, "preferences": True, "documents": False, "submit": False}
    # Course average 5.00 × 1.2 (area 4, related) + graduation 5.50.
    assert '<td class="text-end" data-testid="score">11.500</td>' in html
    assert "graduate in a related area" in html
    assert 'data-testid="submission-problems"' in html and "Upload: Diploma of higher education." in html
    assert re.search(r'data-testid="submit-application"[^>]* disabled', html)


def test_the_overview_explains_a_returned_application_with_the_rejected_documents(client, campaign, quotas, committee):
    application = submitted_application(campaign=campaign, quotas=quotas[:1])
    diploma = application.documents.get(kind=Document.Kind.DIPLOMA)
    services.document_review(document=diploma, accepted=False, note="The scan is unreadable", by=committee)
    services.application_return(application=application, note="Upload a readable diploma.", by=committee)
    html = page(owner_client(client, application).get(application.get_absolute_url()))
    assert 'data-testid="return-note"' in html and "Upload a readable diploma." in html
    assert "The scan is unreadable" in html
    assert 'data-status="returned"' in html


def test_the_overview_links_the_generated_form_once_submitted(client, campaign, quotas):
    application = submitted_application(campaign=campaign, quotas=quotas[:1])
    html = page(owner_client(client, application).get(application.get_absolute_url()))
    assert reverse("admissions:application-pdf", args=[application.uuid]) in html
    assert 'data-testid="submit-application"' not in html


# --- personal data and education -------------------------------------------------------------------


def personal_data(applicant, **overrides):
    return {
        "first_name": "Иван",
        "middle_name": "Петров",
        "last_name": "Иванов",
        "first_name_latin": "Ivan",
        "last_name_latin": "Ivanov",
        "citizenship": "bg_eu_eea",
        "country": "България",
        "identity_kind": "egn",
        "identity_number": applicant.identity_number,
        "date_of_birth": applicant.date_of_birth.isoformat(),
        "phone": "+359 888 123 456",
        "address": "София, ул. Витоша 1",
        **overrides,
    }


def test_an_invalid_egn_shows_the_error_next_to_the_field_and_keeps_it(client, application):
    applicant = application.applicant
    url = reverse("admissions:personal", args=[application.uuid])
    response = owner_client(client, application).post(
        url, personal_data(applicant, identity_number="1234567890", first_name="Георги")
    )
    assert response.status_code == 200
    html = page(response)
    field = html[html.index('for="id_identity_number"') : html.index('for="id_date_of_birth"')]
    assert "not a valid Bulgarian personal number" in field and 'value="1234567890"' in field
    assert 'value="Георги"' in html
    assert Applicant.objects.get(pk=applicant.pk).first_name == "Иван"


def test_a_valid_egn_saves_and_leads_to_the_next_step(client, application):
    applicant = application.applicant
    birth = datetime.date(1999, 12, 3)
    number = valid_egn(birth, 77)
    response = owner_client(client, application).post(
        reverse("admissions:personal", args=[application.uuid]),
        personal_data(applicant, identity_number=f"{number[:5]} {number[5:]}", date_of_birth=birth.isoformat()),
    )
    assert response.status_code == 302 and response["Location"] == reverse(
        "admissions:education", args=[application.uuid]
    )
    applicant.refresh_from_db()
    assert applicant.identity_number == number and applicant.date_of_birth == birth


def test_the_section_vi_notice_is_shown_for_other_foreigners(client, application):
    url = reverse("admissions:personal", args=[application.uuid])
    assert 'data-testid="section-vi-notice"' not in page(owner_client(client, application).get(url))
    Applicant.objects.filter(pk=application.applicant.pk).update(citizenship="other_foreigner")
    html = page(client.get(url))
    assert 'data-testid="section-vi-notice"' in html and "Art. 21(1) 3" in html


def test_a_field_outside_its_area_is_refused_next_to_the_field(client, application):
    data = {
        "degree": "bachelor",
        "university": "Технически университет",
        "area": "5",
        "professional_field": "4.2",
        "course_average": "5.10",
        "graduation_grade": "5.60",
        "diploma_status": "issued",
    }
    response = owner_client(client, application).post(reverse("admissions:education", args=[application.uuid]), data)
    assert response.status_code == 200
    assert "Professional field 4.2 is not in area 5." in str(response.context["form"].errors["professional_field"])
    html = page(response)
    assert 'value="5.10"' in html and '<optgroup label="5 ' in html
    data["area"] = "4"
    response = client.post(reverse("admissions:education", args=[application.uuid]), data)
    assert response.status_code == 302
    assert Applicant.objects.get(pk=application.applicant.pk).course_average == Decimal("5.10")


def test_personal_data_cannot_change_after_submission(client, campaign, quotas):
    application = submitted_application(campaign=campaign, quotas=quotas[:1])
    applicant = application.applicant
    url = reverse("admissions:personal", args=[application.uuid])
    owner_client(client, application)
    html = page(client.get(url))
    assert 'data-testid="read-only"' in html and 'data-testid="save"' not in html
    assert re.search(r'id="id_first_name"[^>]*disabled|disabled[^>]*id="id_first_name"', html)
    response = client.post(url, personal_data(applicant, first_name="Георги"))
    assert response.status_code == 200
    assert "can no longer be changed" in page(response)
    assert Applicant.objects.get(pk=applicant.pk).first_name == "Иван"


# --- preferences ----------------------------------------------------------------------------------


@pytest.fixture
def many_quotas(campaign):
    faculty = UnitFactory(name="Faculty of Chemistry", kind="faculty")
    result = []
    for _ in range(6):
        programme = ProgrammeFactory(campaign=campaign, faculty=faculty)
        result.append(QuotaFactory(programme=programme, funding="state"))
        result.append(QuotaFactory(programme=programme, funding="paid"))
    return result


def saved_order(application):
    return list(Preference.objects.filter(application=application).order_by("position").values_list("quota", flat=True))


def test_posting_an_order_saves_it_in_that_order(client, campaign, many_quotas):
    application = draft_application(campaign=campaign, quotas=many_quotas[:2])
    order = [many_quotas[4].pk, many_quotas[0].pk, many_quotas[2].pk]
    response = owner_client(client, application).post(
        reverse("admissions:preferences", args=[application.uuid]), {"quota": order, "action": "save"}
    )
    assert response.status_code == 302
    assert saved_order(application) == order


def test_the_preferences_page_shows_each_quota_with_its_score_and_the_move_buttons(client, campaign, many_quotas):
    application = draft_application(campaign=campaign, quotas=many_quotas[:3])
    html = page(owner_client(client, application).get(reverse("admissions:preferences", args=[application.uuid])))
    assert html.count('data-testid="preference-row"') == 3
    assert html.count('data-testid="move-up"') == 3 and html.count('data-testid="move-down"') == 3
    programme = many_quotas[0].programme
    assert f'aria-label="Move up: {programme.code} {programme.label}"' in html
    assert "Faculty of Chemistry" in html and "taught in Bulgarian" in html and "2 places" in html
    assert html.count('data-testid="score">11.500<') == 3
    assert f'name="quota" value="{many_quotas[0].pk}"' in html
    # The page's script is a file (strict CSP), with the translation catalog and SortableJS.
    assert "<script>" not in html and "style=" not in html
    assert reverse("javascript-catalog") in html and "Sortable.min.js" in html and "js/preferences.js" in html
    # The Add select offers only what is not listed yet.
    add = html[html.index('id="id_add"') : html.index("</select>", html.index('id="id_add"'))]
    assert f'value="{many_quotas[0].pk}"' not in add and f'value="{many_quotas[5].pk}"' in add


def test_without_javascript_the_buttons_move_add_and_remove(client, campaign, many_quotas):
    a, b, c, d = many_quotas[:4]
    application = draft_application(campaign=campaign, quotas=[a, b, c])
    url = reverse("admissions:preferences", args=[application.uuid])
    owner_client(client, application)
    response = client.post(url, {"quota": [a.pk, b.pk, c.pk], "move_up": c.pk})
    assert response["Location"] == f"{url}#preference-{c.pk}"
    assert saved_order(application) == [a.pk, c.pk, b.pk]
    client.post(url, {"quota": [a.pk, c.pk, b.pk], "move_down": a.pk})
    assert saved_order(application) == [c.pk, a.pk, b.pk]
    client.post(url, {"quota": [c.pk, a.pk, b.pk], "move_up": c.pk})  # already first: stays
    assert saved_order(application) == [c.pk, a.pk, b.pk]
    client.post(url, {"quota": [c.pk, a.pk, b.pk], "remove": a.pk})
    assert saved_order(application) == [c.pk, b.pk]
    client.post(url, {"quota": [c.pk, b.pk], "action": "add", "add": d.pk})
    assert saved_order(application) == [c.pk, b.pk, d.pk]
    response = client.post(url, {"quota": [c.pk, b.pk, d.pk], "action": "add", "add": ""})
    assert response.status_code == 200 and "Choose the programme to add." in page(response)


def test_a_quota_of_another_campaign_is_refused(client, campaign, many_quotas):
    application = draft_application(campaign=campaign, quotas=many_quotas[:1])
    foreign = QuotaFactory()
    response = owner_client(client, application).post(
        reverse("admissions:preferences", args=[application.uuid]),
        {"quota": [many_quotas[0].pk, foreign.pk], "action": "save"},
    )
    assert response.status_code == 200 and 'data-testid="preference-errors"' in page(response)
    assert saved_order(application) == [many_quotas[0].pk]


def test_a_section_vi_applicant_cannot_add_a_state_funded_quota(client, campaign, many_quotas):
    paid = [q for q in many_quotas if q.funding == "paid"]
    state = [q for q in many_quotas if q.funding == "state"]
    application = draft_application(campaign=campaign, quotas=paid[:1], citizenship="other_foreigner")
    url = reverse("admissions:preferences", args=[application.uuid])
    html = page(owner_client(client, application).get(url))
    add = html[html.index('id="id_add"') : html.index("</select>", html.index('id="id_add"'))]
    assert all(f'value="{q.pk}"' not in add for q in state)
    response = client.post(url, {"quota": [paid[0].pk], "action": "add", "add": state[0].pk})
    assert response.status_code == 200
    assert "Under Section VI foreign citizens apply for paid places only" in page(response)
    assert saved_order(application) == [paid[0].pk]


def test_preferences_cannot_change_after_submission(client, campaign, many_quotas):
    application = submitted_application(campaign=campaign, quotas=many_quotas[:1])
    url = reverse("admissions:preferences", args=[application.uuid])
    owner_client(client, application)
    html = page(client.get(url))
    assert 'data-testid="move-up"' not in html and "js/preferences.js" not in html
    response = client.post(url, {"quota": [many_quotas[1].pk], "action": "save"})
    assert response.status_code == 200 and 'data-testid="preference-errors"' in page(response)
    assert saved_order(application) == [many_quotas[0].pk]


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_preferences_page_and_the_overview_make_a_fixed_number_of_queries(client, campaign, many_quotas):
    """Two applications: one preference among the two quotas of a small campaign, ten among the
    twelve quotas (six programmes, one faculty) of `campaign`."""
    other_campaign = CampaignFactory()
    few = [QuotaFactory(programme=ProgrammeFactory(campaign=other_campaign)) for _ in range(2)]
    small = draft_application(campaign=other_campaign, quotas=few[:1])
    large = draft_application(campaign=campaign, quotas=many_quotas[:10])
    counts = []
    for application in (small, large):
        services.document_upload(application=application, kind=Document.Kind.DIPLOMA, uploaded=pdf_upload())
        owner_client(client, application)
        counts.append(
            (
                count_queries(client, reverse("admissions:preferences", args=[application.uuid])),
                count_queries(client, application.get_absolute_url()),
                count_queries(client, reverse("admissions:documents", args=[application.uuid])),
            )
        )
    assert counts[0] == counts[1]


# --- documents ------------------------------------------------------------------------------------


def upload(client, application, kind, uploaded):
    return client.post(reverse("admissions:document-upload", args=[application.uuid, kind]), {"file": uploaded})


def test_the_documents_page_lists_what_the_answers_call_for(client, application):
    html = page(owner_client(client, application).get(reverse("admissions:documents", args=[application.uuid])))
    assert 'id="document-diploma"' in html and 'id="document-identity"' in html and 'id="document-fee_receipt"' in html
    assert "Art. 12(1) 2" in html and 'accept=".pdf,.jpg,.jpeg,.png"' in html
    assert "generates it as a PDF" in html


def test_a_pdf_uploads_and_the_owner_downloads_it(client, application):
    owner_client(client, application)
    response = upload(client, application, "diploma", pdf_upload("моята диплома.pdf"))
    url = reverse("admissions:documents", args=[application.uuid])
    assert response.status_code == 302 and response["Location"] == f"{url}#document-diploma"
    document = application.documents.get(kind="diploma")
    assert document.content_kind == "pdf" and document.original_name == "моята диплома.pdf"
    html = page(client.get(url))
    assert "моята диплома.pdf" in block(html, 'id="document-diploma"')
    response = client.get(document.get_absolute_url())
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF_BYTES
    assert response["Cache-Control"] == "private, no-store"


def test_a_renamed_executable_is_refused_next_to_its_file_input(client, application):
    owner_client(client, application)
    response = upload(
        client, application, "diploma", SimpleUploadedFile("scan.pdf", EXECUTABLE, content_type="application/pdf")
    )
    assert response.status_code == 200
    diploma = block(page(response), 'id="document-diploma"')
    assert "whatever its name says" in diploma and "is-invalid" in diploma
    assert "whatever its name says" not in block(page(response), 'id="document-identity"')
    assert not application.documents.exists()


def test_an_oversize_file_is_refused(client, application, monkeypatch):
    monkeypatch.setattr(services, "MAX_SIZE", 10)
    owner_client(client, application)
    response = upload(client, application, "identity", pdf_upload())
    assert response.status_code == 200
    assert "at most" in block(page(response), 'id="document-identity"')
    assert not application.documents.exists()


def test_an_empty_form_asks_for_the_file(client, application):
    owner_client(client, application)
    response = client.post(reverse("admissions:document-upload", args=[application.uuid, "diploma"]))
    assert response.status_code == 200
    assert "Choose the file to upload." in block(page(response), 'id="document-diploma"')


def test_a_document_not_required_is_refused(client, application):
    owner_client(client, application)
    response = upload(client, application, "medical_certificate", pdf_upload())
    assert response.status_code == 200 and "does not need that document" in page(response)
    assert upload(client, application, "nonsense", pdf_upload()).status_code == 404
    assert not application.documents.exists()


def test_a_document_is_not_reachable_by_another_applicant_or_staff(client, application, other, staff, committee):
    document = services.document_upload(application=application, kind="diploma", uploaded=pdf_upload())
    client.force_login(other.applicant.user)
    assert client.get(document.get_absolute_url()).status_code == 404
    delete = reverse("admissions:document-delete", args=[application.uuid, document.uuid])
    assert client.post(delete).status_code == 404
    # Nor through their own application's URL.
    assert client.post(reverse("admissions:document-delete", args=[other.uuid, document.uuid])).status_code == 404
    client.force_login(staff)
    assert client.get(document.get_absolute_url()).status_code == 404
    client.logout()
    assert client.get(document.get_absolute_url()).status_code == 302
    client.force_login(committee)
    assert client.get(document.get_absolute_url()).status_code == 200
    assert Document.objects.filter(pk=document.pk).exists()


def test_the_owner_deletes_a_document(client, application):
    document = services.document_upload(application=application, kind="diploma", uploaded=pdf_upload())
    owner_client(client, application)
    response = client.post(reverse("admissions:document-delete", args=[application.uuid, document.uuid]))
    assert response.status_code == 302
    assert not application.documents.exists()


def test_a_fee_exemption_asks_for_its_proof_instead_of_the_receipt(client, application):
    owner_client(client, application)
    url = reverse("admissions:documents", args=[application.uuid])
    response = client.post(url, {"fee_exemption": "orphan"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.fee_exemption == "orphan"
    html = page(client.get(url))
    assert 'id="document-exemption_proof"' in html and 'id="document-fee_receipt"' not in html
    response = client.post(url, {"fee_exemption": "king"})
    assert response.status_code == 200 and response.context["exemption_form"].errors["fee_exemption"]


def test_documents_cannot_change_after_submission(client, campaign, quotas):
    application = submitted_application(campaign=campaign, quotas=quotas[:1])
    owner_client(client, application)
    html = page(client.get(reverse("admissions:documents", args=[application.uuid])))
    assert 'data-testid="upload-form"' not in html
    response = upload(client, application, "diploma", pdf_upload("new.pdf"))
    assert response.status_code == 200 and "The application is submitted" in page(response)
    assert application.documents.get(kind="diploma").original_name == "scan.pdf"


# --- submitting -----------------------------------------------------------------------------------


def test_submitting_with_missing_parts_lists_them_and_stays_a_draft(client, application):
    owner_client(client, application)
    response = client.post(reverse("admissions:submit", args=[application.uuid]), follow=True)
    html = page(response)
    assert "The application is not submitted yet" in html and "Upload: Diploma of higher education." in html
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT and application.submitted_at is None


def test_a_complete_application_is_submitted(client, application, django_capture_on_commit_callbacks):
    from .factories import upload_required

    upload_required(application)
    owner_client(client, application)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("admissions:submit", args=[application.uuid]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED and application.first_submitted_at
    assert client.get(reverse("admissions:submit", args=[application.uuid])).status_code == 405


# --- the generated application form ----------------------------------------------------------------


def test_the_application_pdf_is_built_on_demand_for_the_owner_and_the_committee(
    client, campaign, quotas, other, staff, committee
):
    application = submitted_application(campaign=campaign, quotas=quotas[:1])
    url = reverse("admissions:application-pdf", args=[application.uuid])
    response = owner_client(client, application).get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(committee)
    assert client.get(url).status_code == 200
    client.force_login(other.applicant.user)
    assert client.get(url).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code in (403, 404)
    client.logout()
    assert client.get(url).status_code == 302


def test_a_built_application_pdf_is_served_as_it_is(client, campaign, quotas):
    application = submitted_application(campaign=campaign, quotas=quotas[:1])
    application.application_pdf.save("form.pdf", ContentFile(PDF_BYTES))
    response = owner_client(client, application).get(reverse("admissions:application-pdf", args=[application.uuid]))
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_a_draft_has_no_application_pdf(client, application):
    response = owner_client(client, application).get(reverse("admissions:application-pdf", args=[application.uuid]))
    assert response.status_code == 404


# --- the result and the enrolment ------------------------------------------------------------------


@pytest.fixture
def ranked(campaign, committee, django_capture_on_commit_callbacks):
    """A published round: Q1 (state, 1 place), Q2 (paid, 5 places), Q3 (paid, diploma grade 5.90).

    A (own university, 13.000) takes Q1; E has the same grades as A but submitted later, so the
    tie-break leaves E below A at Q1; B (related area, 11.500) is not admitted at Q1, not
    eligible at Q3 and admitted at Q2; C studied a state-funded master's before."""
    programme = ProgrammeFactory(campaign=campaign)
    q1 = QuotaFactory(programme=programme, funding="state", places=1)
    q2 = QuotaFactory(programme=programme, funding="paid", places=5)
    programme3 = ProgrammeFactory(campaign=campaign)
    q3 = QuotaFactory(programme=programme3, funding="paid", places=5, min_diploma_grade=Decimal("5.90"))
    a = eligible_application(campaign=campaign, quotas=[q1, q2], committee=committee, own_university=True)
    e = eligible_application(campaign=campaign, quotas=[q1, q2], committee=committee, own_university=True)
    b = eligible_application(campaign=campaign, quotas=[q1, q3, q2], committee=committee)
    c = eligible_application(campaign=campaign, quotas=[q1, q2], committee=committee, state_funded_before=True)
    round = RoundFactory(campaign=campaign, number=1)
    with django_capture_on_commit_callbacks(execute=True):
        services.round_start(round=round, by=committee)
    round.refresh_from_db()
    assert round.status == Round.Status.RANKED, round.error
    with django_capture_on_commit_callbacks(execute=True):
        services.round_publish(round=round, by=committee)
    for application in (a, b, c, e):
        application.refresh_from_db()
    return {"round": round, "a": a, "b": b, "c": c, "e": e, "q1": q1, "q2": q2, "q3": q3}


def outcomes(response) -> dict[int, str]:
    return {row["position"]: row["status"] for row in response.context["rows"]}


def test_the_result_explains_every_preference(client, ranked):
    a, b, c, e = ranked["a"], ranked["b"], ranked["c"], ranked["e"]
    response = owner_client(client, b).get(reverse("admissions:result", args=[b.uuid]))
    html = page(response)
    assert outcomes(response) == {1: "not_admitted", 2: "ineligible", 3: "admitted"}
    assert 'data-testid="result-admitted"' in html
    assert "the last one admitted had 13.000" in html
    assert "below the minimum of 5.90" in html and "Art. 8, item 4" in html

    response = owner_client(client, a).get(reverse("admissions:result", args=[a.uuid]))
    assert outcomes(response) == {1: "admitted", 2: "not_needed"}
    assert "you are admitted to a preference you listed higher" in page(response)

    response = owner_client(client, e).get(reverse("admissions:result", args=[e.uuid]))
    assert outcomes(response)[1] == "not_admitted"
    assert "the tie was broken by the graduation grade, then the course average, then the time of submission" in (
        page(response)
    )

    response = owner_client(client, c).get(reverse("admissions:result", args=[c.uuid]))
    assert outcomes(response) == {1: "ineligible", 2: "admitted"}
    assert "Art. 1(2), Art. 19" in page(response)

    # The overview links the result.
    assert reverse("admissions:result", args=[c.uuid]) in page(client.get(c.get_absolute_url()))


def test_the_result_is_not_reachable_by_another_applicant(client, ranked):
    client.force_login(ranked["a"].applicant.user)
    assert client.get(reverse("admissions:result", args=[ranked["b"].uuid])).status_code == 404


def test_without_a_published_round_the_result_page_says_so(client, application):
    html = page(owner_client(client, application).get(reverse("admissions:result", args=[application.uuid])))
    assert 'data-testid="no-result"' in html


def test_the_admitted_confirm_their_enrolment_with_the_receipt(client, ranked, mailoutbox):
    a = ranked["a"]
    assert a.status == Application.Status.ADMITTED
    owner_client(client, a)
    html = page(client.get(a.get_absolute_url()))
    assert reverse("admissions:enrol", args=[a.uuid]) in html
    url = reverse("admissions:enrol", args=[a.uuid])
    html = page(client.get(url))
    assert 'data-testid="enrol-form"' in html and "Art. 16(1)" in html
    response = client.post(url, {"file": SimpleUploadedFile("scan.pdf", EXECUTABLE)})
    assert response.status_code == 200 and "whatever its name says" in page(response)
    response = client.post(url, {"file": pdf_upload("receipt.pdf")})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == Application.Status.CONFIRMED
    assert a.documents.get(kind=Document.Kind.ENROLMENT_RECEIPT).original_name == "receipt.pdf"
    html = page(client.get(url))
    assert 'data-testid="enrol-not-possible"' in html and "You confirmed your enrolment" in html


def test_after_the_deadline_the_enrolment_is_refused(client, ranked):
    a = ranked["a"]
    today = timezone.localdate()
    Round.objects.filter(pk=ranked["round"].pk).update(
        ranking_on=today - datetime.timedelta(days=5),
        publication_on=today - datetime.timedelta(days=4),
        enrolment_deadline=today - datetime.timedelta(days=1),
    )
    url = reverse("admissions:enrol", args=[a.uuid])
    owner_client(client, a)
    html = page(client.get(url))
    assert 'data-testid="enrol-form"' not in html and "it has passed" in html
    response = client.post(url, {"file": pdf_upload("receipt.pdf")})
    assert response.status_code == 200 and "The enrolment deadline has passed." in page(response)
    a.refresh_from_db()
    assert a.status == Application.Status.ADMITTED


def test_an_applicant_not_admitted_cannot_confirm(client, application):
    url = reverse("admissions:enrol", args=[application.uuid])
    owner_client(client, application)
    assert 'data-testid="enrol-not-possible"' in page(client.get(url))
    response = client.post(url, {"file": pdf_upload("receipt.pdf")})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT and not application.documents.exists()
