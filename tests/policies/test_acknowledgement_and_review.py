"""Acknowledgement of published versions, rates per unit, and the periodic review sweep."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from policies import selectors, services
from policies.models import Document, DocumentReview
from policies.services import WorkflowError
from policies.tasks import review_sweep
from tests.qms.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_member_sees_the_published_version_pending_until_they_acknowledge(document, people, published):
    assert list(selectors.pending_acknowledgements(people.reader)) == [published]
    services.acknowledge(version=published, person=people.reader)
    services.acknowledge(version=published, person=people.reader)  # twice is once
    assert published.acknowledgements.count() == 1
    assert list(selectors.pending_acknowledgements(people.reader)) == []


def test_people_outside_the_units_have_nothing_pending_and_cannot_acknowledge(document, people, published):
    assert list(selectors.pending_acknowledgements(people.outsider)) == []
    with pytest.raises(PermissionDenied):
        services.acknowledge(version=published, person=people.outsider)


def test_only_a_published_version_can_be_acknowledged(document, people, published):
    draft = services.version_start_draft(document=document, by=people.owner)
    with pytest.raises(WorkflowError):
        services.acknowledge(version=draft, person=people.reader)


def test_a_new_revision_must_be_acknowledged_again(document, people, published):
    from .conftest import publish_new_revision

    services.acknowledge(version=published, person=people.reader)
    second = publish_new_revision(document, people, "<p>2</p>", datetime.date(2026, 5, 1))
    assert list(selectors.pending_acknowledgements(people.reader)) == [second]


def test_the_owner_sees_the_rate_per_unit_and_who_is_missing(document, people, published, units):
    _, faculty, other = units
    document.applies_to.add(other)
    late = UserFactory(last_name="Zlatev")
    MembershipFactory(unit=faculty, user=late)
    services.acknowledge(version=published, person=people.reader)
    rows = {row["unit"]: row for row in selectors.acknowledgement_rates(published)}
    assert (rows[faculty]["members"], rows[faculty]["acknowledged"], rows[faculty]["rate"]) == (2, 1, 0.5)
    assert rows[faculty]["missing"] == [late]
    assert (rows[other]["members"], rows[other]["acknowledged"], rows[other]["missing"]) == (1, 0, [people.outsider])


def test_rates_take_the_same_number_of_queries_for_few_and_many_people(document, people, published, units):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            selectors.acknowledgement_rates(published)
        return len(ctx.captured_queries)

    few = count()
    for _ in range(20):
        person = UserFactory()
        MembershipFactory(unit=units[1], user=person)
        services.acknowledge(version=published, person=person)
    assert count() == few


def test_the_review_sweep_marks_due_and_overdue_and_tells_the_owner_once_per_stage(document, people, published):
    document.refresh_from_db()
    assert document.next_review_date == datetime.date(2027, 1, 15)

    assert services.documents_review_sweep(today=datetime.date(2026, 6, 1))["notified"] == 0
    assert mail.outbox == []

    services.documents_review_sweep(today=datetime.date(2026, 12, 20))
    services.documents_review_sweep(today=datetime.date(2026, 12, 21))  # the next day: no second notice
    document.refresh_from_db()
    assert document.review_state == "due"
    assert len(mail.outbox) == 1 and "Review due: DP 04.01" in mail.outbox[0].subject
    assert mail.outbox[0].to == [people.owner.email]

    services.documents_review_sweep(today=datetime.date(2027, 1, 16))
    services.documents_review_sweep(today=datetime.date(2027, 1, 16))  # run twice the same day
    document.refresh_from_db()
    assert document.review_state == "overdue"
    assert [m.subject for m in mail.outbox] == ["Review due: DP 04.01", "Review overdue: DP 04.01"]


def test_a_review_with_no_change_is_recorded_and_resets_the_date(document, people, published):
    services.documents_review_sweep(today=datetime.date(2027, 2, 1))
    review = services.document_review_no_change(document=document, by=people.quality, comment="Still valid")
    document.refresh_from_db()
    assert review.outcome == DocumentReview.Outcome.NO_CHANGE
    assert document.review_state == "current" and document.next_review_date > datetime.date(2027, 2, 1)
    assert document.review_notified == ""


def test_a_review_can_end_in_a_new_draft(document, people, published):
    draft = services.document_review_new_draft(document=document, by=people.owner, comment="Law changed")
    assert draft.status == "draft" and draft.change_summary == "Law changed"
    assert document.reviews.get().outcome == DocumentReview.Outcome.NEW_DRAFT


def test_the_scheduled_task_runs_the_sweep(document, people, published):
    Document.objects.filter(pk=document.pk).update(next_review_date=datetime.date(2000, 1, 1))
    result = review_sweep.delay().get()
    assert result["overdue"] == 1 and result["notified"] == 1
    assert review_sweep.delay().get()["notified"] == 0


def test_reminders_go_to_who_has_not_acknowledged_once_a_week_and_stop_after_acknowledging(document, people, published):
    from datetime import timedelta

    from django.utils import timezone

    from policies.models import AcknowledgementReminder

    late = UserFactory(username="late")
    MembershipFactory(unit=document.applies_to.get(), user=late)
    services.acknowledge(version=published, person=people.reader)
    start = published.published_at

    assert services.acknowledgement_reminders_send(now=start + timedelta(days=1)) == {"people": 0, "emails": 0}
    day4 = start + timedelta(days=4)
    assert services.acknowledgement_reminders_send(now=day4) == {"people": 1, "emails": 1}
    assert mail.outbox[0].to == [late.email] and "DP 04.01" in mail.outbox[0].body
    assert services.acknowledgement_reminders_send(now=day4 + timedelta(hours=2))["emails"] == 0  # twice the same day
    assert services.acknowledgement_reminders_send(now=day4 + timedelta(days=3))["emails"] == 0  # within the week
    assert services.acknowledgement_reminders_send(now=day4 + timedelta(days=7))["emails"] == 1  # a week later
    services.acknowledge(version=published, person=late)
    assert services.acknowledgement_reminders_send(now=day4 + timedelta(days=30))["emails"] == 0
    assert AcknowledgementReminder.objects.filter(person=late).count() == 2
    assert timezone.is_aware(AcknowledgementReminder.objects.first().sent_at)


def test_one_reminder_lists_every_pending_document(document, people, published, units):
    from datetime import timedelta

    from .conftest import publish_new_revision
    from .factories import DocumentFactory

    other = DocumentFactory(owner=people.owner, owner_unit=units[0], applies_to=[units[1]], code="DP 05.01")
    second = publish_new_revision(other, people, "<p>x</p>", datetime.date(2026, 1, 20))
    now = max(published.published_at, second.published_at) + timedelta(days=5)
    services.acknowledgement_reminders_send(now=now)
    to_reader = [m for m in mail.outbox if m.to == [people.reader.email]]
    assert len(to_reader) == 1
    assert "DP 04.01" in to_reader[0].body and "DP 05.01" in to_reader[0].body
    assert to_reader[0].subject == "2 documents wait for your acknowledgement"
