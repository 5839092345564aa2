"""The daily card-review sweep: due within 30 days, then overdue; the owner is told once per stage."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from processes import services
from processes.models import Process

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_the_owner_is_told_once_when_due_and_once_when_overdue(process, people, django_capture_on_commit_callbacks):
    process.refresh_from_db()
    review = process.next_review_date
    assert review is not None  # set when the card was approved

    def sweep(day):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            counts = services.processes_review_sweep(today=day)
        process.refresh_from_db()
        return counts, [m.to for m in mail.outbox]

    assert sweep(review - 31 * DAY) == ({"due": 0, "overdue": 0, "notified": 0}, [])
    assert process.review_state == Process.ReviewState.CURRENT
    counts, sent = sweep(review - 30 * DAY)
    assert counts["due"] == 1 and sent == [[people.owner.email]] and process.review_state == "due"
    assert sweep(review - 29 * DAY)[1] == []  # told once
    counts, sent = sweep(review + DAY)
    assert counts["overdue"] == 1 and sent == [[people.owner.email]] and process.review_state == "overdue"
    assert sweep(review + 2 * DAY)[1] == []


def test_approving_a_new_card_starts_the_review_period_again(process, people):
    Process.objects.filter(pk=process.pk).update(review_state="overdue", review_notified="overdue")
    card = services.card_start_draft(process=process, by=people.owner)
    services.card_save_texts(
        card=card, language="en", purpose="Reviewed", evaluation_criteria="", monitoring_methods=""
    )
    services.card_submit(card=card, by=people.owner)
    services.card_approve(card=card, by=people.leader)
    process.refresh_from_db()
    assert (process.review_state, process.review_notified) == ("current", "")
    assert process.next_review_date > timezone.localdate()
