"""The scheduled "management review due" job: from 30 days before the review's date the quality
officers are told it is due, after it that it is overdue, each stage once; a review held (or
closed) is not reminded; a late run catches up from the state of the records."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone

from audits import services, tasks
from audits.models import ManagementReviewNotice
from qms.models import Notification, ScheduledJobRun
from qms.roles import Role
from tests.qms.factories import UserFactory

from .test_reports import hold_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def officers(people):
    """Two active quality officers (people.quality and another), one who left, one staff member."""
    second = UserFactory(username="q2", roles=[Role.QUALITY_OFFICER, Role.STAFF], email="q2@example.org")
    left = UserFactory(username="q-left", roles=[Role.QUALITY_OFFICER], email="left@example.org")
    left.is_active = False
    left.save()
    return [people.quality, second]


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the job's service on `today`, sending the notices it commits."""

    def run(today):
        with django_capture_on_commit_callbacks(execute=True):
            return services.management_review_reminders_send(today=today)

    return run


def test_the_quality_officers_are_told_when_the_review_is_due(people, officers, run, mailoutbox, settings):
    settings.MANAGEMENT_REVIEW_DUE = "12-15"
    assert run(datetime.date(2026, 11, 14)) == {"due": 0, "overdue": 0, "notified": 0}  # 31 days before
    assert mailoutbox == []

    assert run(datetime.date(2026, 11, 15)) == {"due": 1, "overdue": 0, "notified": 2}
    assert sorted(message.to[0] for message in mailoutbox) == ["q2@example.org", "q@example.org"]
    message = mailoutbox[0]
    assert message.subject == "Management review 2026 due by 15 December 2026"
    assert "The management review of 2026 is due by 15 December 2026 and has not been held yet." in message.body
    assert "It has not been opened in the portal yet" in message.body
    assert f"Open it in the portal: http://localhost:8000{reverse('audits:review-list')}" in message.body
    inbox = Notification.objects.get(recipient=people.quality)
    assert inbox.subject == "Management review 2026 due by 15 December 2026"
    assert inbox.url == reverse("audits:review-list")
    assert not Notification.objects.exclude(recipient__in=officers).exists()  # not the one who left, nobody else


def test_an_overdue_review_is_reported_as_overdue_with_a_link_to_it(people, officers, run, mailoutbox):
    review = services.review_create(year=2026)
    services.review_collect_inputs(review=review, today=datetime.date(2026, 11, 1))
    assert run(datetime.date(2026, 12, 16)) == {"due": 0, "overdue": 1, "notified": 2}
    message = mailoutbox[0]
    assert message.subject == "Management review 2026 overdue since 15 December 2026"
    assert "was due by 15 December 2026 and has not been held yet" in message.body
    assert "Its state in the portal: Inputs collected." in message.body
    assert Notification.objects.get(recipient=people.quality).url == review.get_absolute_url()


def test_the_meeting_date_is_the_date_the_review_is_due(people, officers, run, mailoutbox):
    review = services.review_create(year=2026)
    review.meeting_date = datetime.date(2027, 1, 20)  # planned for January, recorded ahead
    review.save()
    assert run(datetime.date(2026, 12, 16)) == {"due": 0, "overdue": 0, "notified": 0}  # not overdue after 15 Dec
    assert run(datetime.date(2026, 12, 21)) == {"due": 1, "overdue": 0, "notified": 2}  # 30 days before
    assert mailoutbox[0].subject == "Management review 2026 due by 20 January 2027"
    assert run(datetime.date(2027, 1, 21)) == {"due": 0, "overdue": 1, "notified": 2}  # last year's, still pending
    assert mailoutbox[-1].subject == "Management review 2026 overdue since 20 January 2027"


def test_a_held_or_closed_review_is_not_reminded(people, officers, run, mailoutbox, django_capture_on_commit_callbacks):
    review = hold_review(people)  # held on 10 December 2026
    assert run(datetime.date(2026, 12, 20)) == {"due": 0, "overdue": 0, "notified": 0}
    with django_capture_on_commit_callbacks(execute=True):
        services.review_close(review=review, by=people.quality, language="en")
    assert run(datetime.date(2027, 1, 5)) == {"due": 0, "overdue": 0, "notified": 0}
    assert not ManagementReviewNotice.objects.exists()
    assert not [message for message in mailoutbox if "Management review" in message.subject]


def test_running_twice_sends_each_stage_once_to_each_quality_officer(people, officers, run, mailoutbox):
    assert run(datetime.date(2026, 11, 20))["notified"] == 2
    assert run(datetime.date(2026, 11, 20)) == {"due": 1, "overdue": 0, "notified": 0}  # still due, told already
    assert run(datetime.date(2026, 11, 21))["notified"] == 0
    assert run(datetime.date(2026, 12, 16)) == {"due": 0, "overdue": 1, "notified": 2}
    assert run(datetime.date(2026, 12, 17)) == {"due": 0, "overdue": 1, "notified": 0}
    assert len(mailoutbox) == 4
    assert Notification.objects.filter(recipient=people.quality).count() == 2
    assert sorted(ManagementReviewNotice.objects.values_list("year", "stage")) == [(2026, "due"), (2026, "overdue")]


def test_missed_days_are_caught_up_from_the_state_of_the_records(people, officers, run, mailoutbox):
    # Not run at all while the review was due: the first run after its date says it is overdue
    # (not a stale "due soon").
    assert run(datetime.date(2026, 12, 20)) == {"due": 0, "overdue": 1, "notified": 2}
    assert [message.subject for message in mailoutbox] == ["Management review 2026 overdue since 15 December 2026"] * 2


def test_the_overdue_notice_missed_over_the_new_year_still_goes(people, officers, run, mailoutbox):
    assert run(datetime.date(2026, 11, 20))["notified"] == 2  # due
    # The workers were down from 14 December to 4 January.
    assert run(datetime.date(2027, 1, 5)) == {"due": 0, "overdue": 1, "notified": 2}
    assert mailoutbox[-1].subject == "Management review 2026 overdue since 15 December 2026"
    assert run(datetime.date(2027, 1, 6))["notified"] == 0


def test_a_misconfigured_due_day_is_refused_with_a_clear_message(people, settings):
    settings.MANAGEMENT_REVIEW_DUE = "15-12"
    with pytest.raises(ImproperlyConfigured, match="MANAGEMENT_REVIEW_DUE must be a month and day"):
        services.management_review_reminders_send(today=datetime.date(2026, 11, 20))


def test_the_scheduled_task_runs_the_job_and_records_its_figures(
    people, officers, settings, mailoutbox, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    settings.MANAGEMENT_REVIEW_DUE = today.strftime("%m-%d")  # due today
    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.management_review_reminder.apply().get()
    assert result == {"due": 1, "overdue": 0, "notified": 2}
    run = ScheduledJobRun.objects.get(job="audits-management-review-reminder")
    assert run.status == ScheduledJobRun.Status.OK and run.result == result
    assert len(mailoutbox) == 2
    assert tasks.management_review_reminder.name == "audits.tasks.management_review_reminder"
