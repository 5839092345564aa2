"""Notifications: in the inbox at once; e-mailed (text and HTML, in the person's language) at once
or in one daily digest, as each person chooses on their preferences page."""

import pytest
from django.core import mail
from django.urls import reverse

from qms.celery import app
from qms.mail import notification_digest_send, notify, send_to_person
from qms.models import Notification, User
from qms.roles import Role
from tests.qms.factories import UserFactory

pytestmark = pytest.mark.django_db

# An existing message of the admission portal (translated in every language).
PREFIX = "admissions/email/verified"


def person(**kwargs):
    return UserFactory(roles=[Role.STAFF], email=kwargs.pop("email", "ana@example.org"), **kwargs)


def test_an_immediate_notice_is_e_mailed_at_once_as_text_and_html_with_the_link():
    ana = person(first_name="Ana")
    notification = notify(ana, PREFIX, {}, url="/admissions/my-application/")
    assert notification.email == Notification.Email.SENT and notification.emailed_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert "http://" in message.body and "/admissions/my-application/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert message.subject in html
    assert 'href="http' in html and "/admissions/my-application/" in html
    assert "Ana" in html


def test_the_html_escapes_what_the_text_contains():
    ana = person(first_name="<script>alert(1)</script>")
    notify(ana, PREFIX, {})
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_a_notice_goes_out_in_the_recipients_language():
    notify(person(language="bg"), PREFIX, {})
    notify(person(language="ru", email="ivan@example.org"), PREFIX, {})
    bulgarian, russian = mail.outbox
    assert bulgarian.subject != russian.subject
    english = notify(person(language="en", email="en@example.org"), PREFIX, {})
    assert english.subject not in (bulgarian.subject, russian.subject)


def test_a_daily_digest_person_gets_the_notices_in_the_inbox_at_once_and_by_e_mail_once_a_day():
    ana = person(notification_delivery=User.Delivery.DAILY, first_name="Ana")
    first = notify(ana, PREFIX, {}, url="/inbox/")
    second = notify(ana, "admissions/email/submitted", {"application": None}, url="/admissions/")
    assert mail.outbox == []
    assert {first.email, second.email} == {Notification.Email.DIGEST}
    assert Notification.objects.filter(recipient=ana, read_at__isnull=True).count() == 2

    assert notification_digest_send() == {"people": 1, "messages": 2}
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.subject == "Your daily digest: 2 messages"
    assert first.subject in digest.body and second.subject in digest.body
    html = digest.alternatives[0][0]
    assert first.subject in html and second.subject in html and "/inbox/" in html
    assert set(Notification.objects.values_list("email", flat=True)) == {Notification.Email.SENT}

    # Run again (twice the same day, or a retry): nothing more is sent.
    assert notification_digest_send() == {"people": 0, "messages": 0}
    assert len(mail.outbox) == 1


def test_the_digest_is_per_person_and_leaves_immediate_people_alone():
    daily = [person(notification_delivery=User.Delivery.DAILY, email=f"d{i}@example.org") for i in range(3)]
    immediate = person(email="now@example.org")
    for someone in daily:
        notify(someone, PREFIX, {})
    notify(immediate, PREFIX, {})
    assert [m.to for m in mail.outbox] == [["now@example.org"]]
    mail.outbox.clear()
    assert notification_digest_send() == {"people": 3, "messages": 3}
    assert sorted(m.to[0] for m in mail.outbox) == ["d0@example.org", "d1@example.org", "d2@example.org"]
    assert all(m.subject == "Your daily digest: 1 message" for m in mail.outbox)


def test_a_person_without_an_address_gets_the_inbox_only():
    nobody = person(email="")
    notification = notify(nobody, PREFIX, {})
    assert notification.email == Notification.Email.NONE
    assert mail.outbox == [] and not send_to_person(nobody, PREFIX, {})


def test_the_digest_job_is_a_recorded_scheduled_job():
    app.loader.import_default_modules()
    notify(person(notification_delivery=User.Delivery.DAILY), PREFIX, {})
    assert app.tasks["qms.tasks.notification_digest"].apply().get() == {"people": 1, "messages": 1}


def test_preferences_choose_the_language_and_the_digest_and_are_kept_in_the_history(client):
    ana = person()
    client.force_login(ana)
    page = client.get(reverse("preferences"))
    assert page.status_code == 200
    response = client.post(reverse("preferences"), {"language": "bg", "notification_delivery": "daily"})
    assert response.status_code == 302
    ana.refresh_from_db()
    assert ana.language == "bg" and ana.notification_delivery == User.Delivery.DAILY
    latest = ana.history.latest()
    assert latest.notification_delivery == "daily" and latest.history_user == ana
    notify(ana, PREFIX, {})
    assert mail.outbox == []


def test_a_wrong_preference_is_shown_next_to_the_field_and_nothing_changes(client):
    ana = person(language="ru")
    client.force_login(ana)
    response = client.post(reverse("preferences"), {"language": "bg", "notification_delivery": "weekly"})
    assert response.status_code == 400
    assert "notification_delivery" in response.context["form"].errors
    assert response.context["form"]["language"].value() == "bg"
    ana.refresh_from_db()
    assert ana.language == "ru" and ana.notification_delivery == User.Delivery.IMMEDIATE


def test_preferences_need_a_sign_in(client):
    assert client.get(reverse("preferences")).status_code == 302
