"""A form sent twice at the same moment on the real PostgreSQL (a double click that the browser
sends as two requests): one record, and both answers lead to it (qms.submissions)."""

import time
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from audits import services
from audits.models import Nonconformity
from audits.views import nonconformities as views
from qms.models import FormSubmission
from qms.roles import Role
from qms.submissions import FIELD
from tests.qms.factories import UnitFactory, UserFactory

from .test_faults import at_once

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_the_same_nonconformity_form_sent_twice_at_once_makes_one_nonconformity(monkeypatch):
    person = UserFactory(username="reporter", roles=[Role.STAFF])
    unit = UnitFactory(name="Faculty", kind="faculty")
    data = {
        "title": "Broken projector in hall 2",
        "description": "Lectures cancelled",
        "source": "staff_report",
        "severity": "minor",
        "unit": unit.pk,
        "detected_on": timezone.localdate().isoformat(),
        FIELD: str(uuid.uuid4()),
    }
    # The first registration keeps its transaction open a while, so the second request arrives
    # while it is under way, after the first has recorded the token but before it has committed.
    register = services.nonconformity_register

    def slow_register(**fields):
        nc = register(**fields)
        time.sleep(1)
        return nc

    monkeypatch.setattr(services, "nonconformity_register", slow_register)
    # What each request found when it looked for an earlier sending, before its form was checked.
    seen_before = []
    sent_before = views.sent_before

    def spy(request, **kwargs):
        seen_before.append(sent_before(request, **kwargs))
        return seen_before[-1]

    monkeypatch.setattr(views, "sent_before", spy)

    def send():
        client = Client()
        client.force_login(person)
        return client.post(reverse("audits:nc-create"), data)

    outcomes = at_once(send, send)

    assert [kind for kind, _value in outcomes] == ["ok", "ok"], outcomes
    assert seen_before == [None, None]  # neither saw the other: the database decided
    nc = Nonconformity.objects.get()
    assert [(response.status_code, response["Location"]) for _kind, response in outcomes] == [
        (302, nc.get_absolute_url()),
        (302, nc.get_absolute_url()),
    ]
    assert FormSubmission.objects.get().target == nc
