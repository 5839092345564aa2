"""The in-portal inbox: messages the portal sends a person, with the unread count in the bar."""

import pytest
from django.core import mail
from django.urls import reverse

from qms.mail import notify
from qms.models import Notification
from qms.roles import Role
from tests.qms.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return UserFactory(username="reader", roles=[Role.STAFF], language="en")


def _notify(person, url="/documents/"):
    return notify(person, "admissions/email/confirmed", {}, url=url)


def test_notify_keeps_the_message_in_the_inbox_and_sends_it_by_email(person):
    notification = _notify(person)

    assert Notification.objects.get() == notification
    assert notification.recipient == person and notification.read_at is None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [person.email]
    assert mail.outbox[0].subject == notification.subject
    assert "http://localhost:8000/documents/" in mail.outbox[0].body  # the link, made absolute


def test_a_person_without_an_address_still_gets_the_message_in_the_inbox(person):
    person.email = ""
    person.save()
    _notify(person)
    assert Notification.objects.count() == 1
    assert mail.outbox == []


def test_the_bar_shows_the_unread_count_and_opening_a_message_marks_it_read(client, person):
    notification = _notify(person)
    _notify(person)
    client.force_login(person)

    page = client.get(reverse("inbox"))
    assert page.status_code == 200
    assert b'data-testid="unread-count">2<' in page.content

    response = client.post(reverse("notification-open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == "/documents/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert b'data-testid="unread-count">1<' in client.get(reverse("inbox")).content

    client.post(reverse("inbox-read-all"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert b'data-testid="unread-count"' not in client.get(reverse("inbox")).content


def test_nobody_opens_another_persons_message(client, person):
    notification = _notify(person)
    client.force_login(UserFactory(username="someone", roles=[Role.STAFF]))
    assert client.post(reverse("notification-open", args=[notification.pk])).status_code == 404
    assert notification.subject.encode() not in client.get(reverse("inbox")).content
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_link_to_another_site_is_not_followed(client, person):
    notification = _notify(person, url="https://evil.example/")
    client.force_login(person)
    response = client.post(reverse("notification-open", args=[notification.pk]))
    assert response["Location"] == reverse("inbox")


def test_the_inbox_takes_the_same_number_of_queries_for_many_messages(client, person):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _notify(person)
    client.force_login(person)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("inbox"))
    for _ in range(20):
        _notify(person)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("inbox"))
    assert len(many) == len(few)
