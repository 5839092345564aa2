"""/healthz without the real services: in-process mode answers 200; an unreachable broker 503,
while the pages go on being served. (tests/services checks it with Redis and a real worker.)"""

import pytest
from django.urls import reverse

from .factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_in_process_mode(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"]["ok"] and body["broker"]["mode"] == "in-process"


def test_healthz_answers_503_when_the_broker_is_unreachable_and_pages_still_serve(client, unreachable_broker):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["database"]["ok"] is True
    assert body["broker"]["ok"] is False
    assert body["workers"]["ok"] is False
    assert client.get(reverse("login")).status_code == 200
    UnitFactory(name="University", kind="university")
    client.force_login(UserFactory())
    assert client.get(reverse("units:list")).status_code == 200
    assert client.get(reverse("home")).status_code == 200
