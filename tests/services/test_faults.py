"""Faults on the real PostgreSQL: two people at the same moment, and the database dropping every
connection (what a restart does to the portal's processes)."""

import io
import threading
from wsgiref.util import setup_testing_defaults

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection

from admissions import services
from admissions.models import Round
from admissions.services import WorkflowError
from tests.admissions.factories import CampaignFactory, RoundFactory, committee_member
from tests.conftest import _test_database_url

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def at_once(*calls):
    """Run the calls in threads released together; each thread has its own database connection.
    Returns what each returned or raised, in order."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = ("ok", call())
        except Exception as error:  # the outcome is what the test looks at
            outcomes[index] = ("error", error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_committee_members_starting_the_same_round_at_once_one_wins_the_other_is_told(monkeypatch):
    queued = []
    monkeypatch.setattr(services, "_enqueue_round", queued.append)  # no worker here: record the dispatch
    campaign = CampaignFactory()
    round = RoundFactory(campaign=campaign, number=1)
    first, second = committee_member(), committee_member()

    outcomes = at_once(
        lambda: services.round_start(round=Round.objects.get(pk=round.pk), by=first),
        lambda: services.round_start(round=Round.objects.get(pk=round.pk), by=second),
    )

    kinds = sorted(kind for kind, _value in outcomes)
    assert kinds == ["error", "ok"], outcomes
    error = next(value for kind, value in outcomes if kind == "error")
    assert isinstance(error, WorkflowError)
    assert "already being ranked" in error.messages[0]
    round.refresh_from_db()
    winner = next(value for kind, value in outcomes if kind == "ok")
    assert round.status == Round.Status.QUEUED and round.started_by == winner.started_by
    assert queued == [round.pk]  # queued once
    assert round.history.filter(status=Round.Status.QUEUED).count() == 1


def drop_every_connection():
    """What a PostgreSQL restart does to clients: every session of the test database ends."""
    url = _test_database_url()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        ended = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        ).fetchone()[0]
    return ended


def serve(path: str) -> int:
    """One GET through Django's WSGI handler, as gunicorn calls it (the test client switches the
    request cycle's connection handling off; this does not)."""
    environ = {"PATH_INFO": path, "wsgi.input": io.BytesIO()}
    setup_testing_defaults(environ)
    status = []
    response = WSGIHandler()(environ, lambda line, headers, *rest: status.append(line))
    b"".join(response)
    response.close()
    return int(status[0].split()[0])


def test_after_the_database_drops_every_connection_the_next_request_is_served():
    assert serve("/public/documents/") == 200
    assert connection.connection is not None  # kept for the next request (CONN_MAX_AGE)

    assert drop_every_connection() >= 1  # the portal's kept connection among them

    assert serve("/public/documents/") == 200  # the broken connection noticed, replaced, served
    assert serve("/public/admissions/") == 200


def test_two_people_registering_the_first_nonconformity_of_a_year_at_once_get_two_numbers(monkeypatch):
    import datetime
    import time

    from audits import services as audit_services
    from audits.models import Nonconformity
    from tests.qms.factories import UnitFactory, UserFactory

    next_number = audit_services._next_number

    def slow_next_number(year):  # both would take the same number if nothing held the second back
        number = next_number(year)
        time.sleep(0.5)
        return number

    monkeypatch.setattr(audit_services, "_next_number", slow_next_number)
    unit = UnitFactory()
    first, second = UserFactory(), UserFactory()
    day = datetime.date(2031, 3, 2)  # a year without a nonconformity: no row to lock

    def register(person):
        return audit_services.nonconformity_register(
            title="Calibration overdue", description="Balance not calibrated.", unit=unit,
            source=Nonconformity.Source.STAFF_REPORT, reported_by=person, detected_on=day,
        )  # fmt: skip

    outcomes = at_once(lambda: register(first), lambda: register(second))

    assert [kind for kind, _value in outcomes] == ["ok", "ok"], outcomes
    numbers = sorted(Nonconformity.objects.filter(detected_on=day).values_list("number", flat=True))
    assert numbers == ["NC-2031-0001", "NC-2031-0002"]
