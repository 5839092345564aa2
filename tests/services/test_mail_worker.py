"""A worker killed while it e-mails people: the reminder job is delivered again (acks_late and
reject_on_worker_lost) and finishes, and nobody gets an e-mail twice or none.

The worker sends through tests/services/slowmail.py: each e-mail takes a second (the SMTP
dialogue) and is delivered at its end, so the kill lands in the middle of one e-mail, as it would
with a real mail server."""

import datetime
import json
import os
import time
from collections import Counter

import pytest
from django.utils import timezone

from policies import services as policies
from policies.models import AcknowledgementReminder
from policies.services import REMINDER_GRACE_DAYS
from policies.tasks import acknowledgement_reminders
from qms import schedule
from qms.celery import app as celery_app
from qms.models import Notification, ScheduledJobRun
from qms.roles import Role
from tests.policies.factories import DocumentFactory
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory
from tests.services.test_report_worker import Worker
from tests.services.test_worker import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

JOB = "policies-acknowledgement-reminders"
READERS = 8


@pytest.fixture
def mail_worker(tmp_path):
    """A prefork worker on its own queue whose e-mails go to the slow backend's folder."""
    queue = f"mail-test-{os.getpid()}-{time.monotonic_ns()}"
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    worker = Worker(
        queue,
        tmp_path / "media",
        tmp_path / "private-media",
        tmp_path / "worker.log",
        env={"QMS_TEST_MAIL_DIR": str(outbox), "QMS_TEST_MAIL_SECONDS": "1"},
    )
    worker.queue, worker.outbox = queue, outbox
    try:
        worker.wait_ready()
        yield worker
    finally:
        worker.stop()
        with celery_app.connection_for_write() as connection:
            connection.default_channel.queue_purge(queue)


def published_version_for(unit):
    """A document applying to `unit`, its first revision reviewed, approved and published long
    enough ago for its readers to be reminded."""
    owner = UserFactory(roles=[Role.PROCESS_OWNER, Role.STAFF])
    reviewer, rector = UserFactory(), UserFactory(roles=[Role.RECTORATE, Role.STAFF])
    quality = UserFactory(roles=[Role.QUALITY_OFFICER, Role.STAFF])
    document = DocumentFactory(owner=owner, owner_unit=UnitFactory(), applies_to=[unit], code="DP 07.01")
    version = policies.version_start_draft(document=document, by=owner)
    policies.version_save_body(version=version, language="en", html="<p>Handling of records</p>")
    policies.version_submit(version=version, reviewers=[reviewer], approver=rector)
    policies.review_decide(version=version, person=reviewer, decision="approved")
    policies.review_decide(version=version, person=rector, decision="approved")
    version = policies.version_publish(version=version, by=quality, effective_date=timezone.localdate())
    published_at = timezone.now() - datetime.timedelta(days=REMINDER_GRACE_DAYS + 1)
    type(version).objects.filter(pk=version.pk).update(published_at=published_at)
    return version


def delivered(outbox) -> Counter:
    """How many e-mails each address received (only the messages whose dialogue ended)."""
    counts = Counter()
    for path in outbox.glob("sent-*.json"):
        for address in json.loads(path.read_text(encoding="utf-8"))["recipients"]:
            counts[address] += 1
    return counts


def test_a_worker_killed_while_it_emails_reminders_sends_each_person_exactly_one(mail_worker):
    unit = UnitFactory(name="Faculty of Metallurgy", kind="faculty")
    readers = [MembershipFactory(unit=unit).user for _ in range(READERS)]
    assert all(person.email and person.is_active for person in readers)
    version = published_version_for(unit)
    outbox = mail_worker.outbox

    acknowledgement_reminders.apply_async(queue=mail_worker.queue)

    def fourth_in_its_dialogue():
        return len(list(outbox.glob("sending-*"))) >= 4

    assert wait_for_quickly(fourth_in_its_dialogue, timeout=60), mail_worker.log_path.read_text()
    mail_worker.kill_child()
    # The kill landed in the middle of the 4th e-mail: three were delivered, the 4th was not.
    assert sum(delivered(outbox).values()) == 3, sorted(p.name for p in outbox.iterdir())

    def finished():
        return ScheduledJobRun.objects.filter(job=JOB, status=ScheduledJobRun.Status.OK).exists()

    assert wait_for(finished, timeout=90), mail_worker.log_path.read_text()

    assert delivered(outbox) == {person.email: 1 for person in readers}
    assert len(list(outbox.glob("sent-*.json"))) == READERS
    # 4 dialogues in the killed attempt (the last one cut), 5 in the one delivered again.
    assert len(list(outbox.glob("sending-*"))) == READERS + 1
    for person in readers:
        assert AcknowledgementReminder.objects.filter(version=version, person=person).count() == 1, person
        assert Notification.objects.filter(recipient=person).count() == 1, person
    # The run delivered again reminded only those the killed one had not; the killed one never finished.
    ok = ScheduledJobRun.objects.get(job=JOB, status=ScheduledJobRun.Status.OK)
    assert ok.result == {"people": READERS - 3, "emails": READERS - 3}
    killed = ScheduledJobRun.objects.get(job=JOB, status=ScheduledJobRun.Status.RUNNING)
    assert killed.started_at < ok.started_at and killed.finished_at is None
    # The page of scheduled jobs shows the killed run as interrupted, not as still running.
    runs = {run.pk: run for run in schedule.job_runs(JOB)}
    assert runs[killed.pk].interrupted and not runs[ok.pk].interrupted


def wait_for_quickly(predicate, timeout):
    """Poll every 0.05 s, so that the kill lands well inside the 1 s of an e-mail's dialogue."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
