"""Signing in and out, throttling with a cool-off, password change and reset, language choice."""

import re
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from qms.roles import Role

from .factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "secret-pass-123"


@pytest.fixture
def person():
    return UserFactory(username="maria", roles=[Role.STAFF])


def sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_right_password_signs_in(client, person):
    response = sign_in(client, "maria", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("home")).context["user"] == person


def test_wrong_password_shows_an_error_and_keeps_the_username(client, person):
    response = sign_in(client, "maria", "wrong")
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert response.context["form"]["username"].value() == "maria"


def test_repeated_failures_lock_out_then_the_lock_lifts_after_the_cool_off(client, person):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "maria", "wrong")
    locked = sign_in(client, "maria", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another person from the same place is not locked out.
    UserFactory(username="georgi")
    assert sign_in(client, "georgi", PASSWORD).status_code == 302
    client.logout()
    # After the cool-off the right password works again (the lock is not permanent).
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert sign_in(client, "maria", PASSWORD).status_code == 302


def test_sign_out_needs_a_post_and_ends_the_session(client, person):
    client.force_login(person)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302 and response["Location"] == reverse("login")
    assert client.get(reverse("home")).status_code == 302


def test_password_change_checks_the_old_password_and_keeps_what_was_typed(client, person):
    client.force_login(person)
    response = client.post(
        reverse("password_change"),
        {"old_password": "nope", "new_password1": "Another-pass-456", "new_password2": "Another-pass-456"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    assert 'class="form-control is-invalid"' in response.content.decode()
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Another-pass-456", "new_password2": "Another-pass-456"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("Another-pass-456")


def test_password_reset_mails_a_link_that_sets_a_new_password(client, person):
    response = client.post(reverse("password_reset"), {"email": person.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [person.email]
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "Fresh-pass-789", "new_password2": "Fresh-pass-789"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("Fresh-pass-789")


def test_password_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, person):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_language_choice_is_kept_in_the_profile_and_used_after_signing_in_again(client, person):
    client.force_login(person)
    client.post(reverse("set_language"), {"language": "kk", "next": "/"})
    person.refresh_from_db()
    assert person.language == "kk"
    client.logout()
    client.cookies.clear()
    client.force_login(person)
    assert client.get(reverse("home")).context["LANGUAGE_CODE"] == "kk"


def test_anonymous_visitor_can_switch_the_language_of_the_login_page(client):
    response = client.post(reverse("set_language"), {"language": "ky", "next": reverse("login")}, follow=True)
    assert response.context["LANGUAGE_CODE"] == "ky"
    assert '<html lang="ky">' in response.content.decode()


def test_pages_carry_a_content_security_policy_without_inline_scripts(client, person):
    client.force_login(person)
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert script_src.strip() == "'self'"
    assert "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()  # every script is a file


def test_a_locked_out_attempt_counts_once_and_keeps_the_username(client, person):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "maria", "wrong")
    failures = AccessAttempt.objects.get(username="maria").failures_since_start
    response = sign_in(client, "maria", "wrong")
    assert response.status_code == 429
    assert 'value="maria"' in response.content.decode()
    assert AccessAttempt.objects.get(username="maria").failures_since_start == failures + 1
