"""Report jobs (qms.reporting, qms.services): requested once, built once, followed, retried,
recovered when the queue or the worker was lost, and read by whoever may read their content.

Tasks run in-process here; tests/services/test_report_worker.py runs them in a real worker."""

import dataclasses
import datetime

import pytest
from django import forms
from django.urls import reverse
from django.utils import timezone

from qms import reporting, services
from qms.models import Report
from qms.reporting import ReportError, ReportType, UnitChoiceForm
from qms.roles import Role
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

ORG = Report.Kind.ORGANISATION_STRUCTURE


@pytest.fixture
def university():
    root = UnitFactory(name="University", kind="university")
    faculty = UnitFactory(name="Faculty of Chemical Technology", kind="faculty", parent=root)
    other = UnitFactory(name="Faculty of Metallurgy", kind="faculty", parent=root)
    return root, faculty, other


@pytest.fixture
def unit_kind(monkeypatch):
    """A kind limited to a unit, read in full by the rectorate and by unit heads for their units."""
    calls = []

    def build(params, fmt, progress):
        calls.append(params)
        for step in range(3):
            progress(step + 1, 3)
        return f"unit-{params.get('unit', 'all')}.{fmt}", b"%PDF-1.4 unit report"

    report_type = ReportType(
        kind="test_unit_report",
        label="Unit report",
        description="For the tests.",
        build=build,
        formats=("pdf", "xlsx"),
        readers=(Role.RECTORATE,),
        unit_readers=True,
        form_class=UnitChoiceForm,
        subject=lambda params: f"unit {params.get('unit', '')}",
    )
    monkeypatch.setitem(reporting._REGISTRY, report_type.kind, report_type)
    return dataclasses.make_dataclass("Built", [("kind", str), ("calls", list)])(report_type.kind, calls)


def replace_build(monkeypatch, kind, build):
    monkeypatch.setitem(reporting._REGISTRY, kind, dataclasses.replace(reporting.get_type(kind), build=build))


def request(client, user, data, capture, execute=True):
    client.force_login(user)
    with capture(execute=execute):
        return client.post(reverse("reports:request"), data)


# --- requesting ---------------------------------------------------------------------------------


def test_the_same_report_requested_twice_while_it_waits_is_built_once(
    client, university, django_capture_on_commit_callbacks
):
    rector = UserFactory(roles=[Role.RECTORATE])
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    # The first request is recorded but its build not yet sent (on-commit callbacks held back).
    first = request(client, rector, {"kind": ORG, "format": "pdf"}, django_capture_on_commit_callbacks, execute=False)
    report = Report.objects.get()
    assert first.url == report.get_absolute_url()
    second = request(client, quality, {"kind": ORG, "format": "pdf"}, django_capture_on_commit_callbacks)
    assert second.url == report.get_absolute_url()
    assert Report.objects.count() == 1
    messages = [str(m) for m in client.get(second.url).context["messages"]]
    assert messages[-1] == "The same report is already being built: you will find it here when it is ready."


def test_a_report_in_another_format_or_language_is_another_build(university, django_capture_on_commit_callbacks):
    rector = UserFactory(roles=[Role.RECTORATE])
    with django_capture_on_commit_callbacks(execute=False):
        one, created_one = services.report_request(kind=ORG, fmt="pdf", by=rector, language="en")
        two, created_two = services.report_request(kind=ORG, fmt="pdf", by=rector, language="bg")
        again, created_again = services.report_request(kind=ORG, fmt="pdf", by=rector, language="bg")
    assert created_one and created_two and not created_again
    assert one.pk != two.pk and again.pk == two.pk


def test_once_a_build_is_done_the_same_request_builds_a_fresh_report(university, django_capture_on_commit_callbacks):
    rector = UserFactory(roles=[Role.RECTORATE])
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = services.report_request(kind=ORG, fmt="pdf", by=rector, language="en")
    first.refresh_from_db()
    assert first.status == Report.Status.DONE
    with django_capture_on_commit_callbacks(execute=True):
        second, created = services.report_request(kind=ORG, fmt="pdf", by=rector, language="en")
    assert created and second.pk != first.pk


def test_a_report_is_built_with_progress_and_downloaded_privately(
    client, university, unit_kind, django_capture_on_commit_callbacks
):
    _root, faculty, _other = university
    rector = UserFactory(roles=[Role.RECTORATE])
    response = request(
        client,
        rector,
        {"kind": unit_kind.kind, "format": "xlsx", "unit": faculty.pk},
        django_capture_on_commit_callbacks,
    )
    report = Report.objects.get()
    assert response.url == report.get_absolute_url()
    assert report.status == Report.Status.DONE and report.progress == 100 and report.attempts == 1
    assert report.params == {"unit": faculty.pk} and report.unit == faculty
    assert report.subject == f"unit {faculty.pk}"
    assert unit_kind.calls == [{"unit": faculty.pk}]
    download = client.get(reverse("reports:download", args=[report.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == reporting.XLSX_CONTENT_TYPE
    assert download["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content) == b"%PDF-1.4 unit report"
    # The file is kept outside the web root.
    assert str(report.file.path).startswith(str(report.file.storage.location))
    assert "private-media" in report.file.path


def test_a_parameter_error_is_shown_next_to_the_field_and_nothing_is_recorded(client, university, unit_kind):
    head = UserFactory(roles=[Role.UNIT_HEAD])
    _root, faculty, other = university
    MembershipFactory(unit=faculty, user=head)
    client.force_login(head)
    response = client.post(reverse("reports:request"), {"kind": unit_kind.kind, "format": "pdf", "unit": other.pk})
    assert response.status_code == 400
    form = next(offer["form"] for offer in response.context["offers"] if offer["type"].kind == unit_kind.kind)
    assert "unit" in form.errors
    assert form.data["unit"] == str(other.pk)
    assert not Report.objects.exists()


def test_a_format_the_kind_does_not_offer_is_refused_with_a_message(client, university):
    client.force_login(UserFactory(roles=[Role.RECTORATE]))
    response = client.post(reverse("reports:request"), {"kind": ORG, "format": "xlsx"})
    assert response.status_code == 400
    assert "Choose one of the formats offered." in response.content.decode()
    assert not Report.objects.exists()


def test_the_reports_page_offers_each_person_the_kinds_they_may_request(client, university, unit_kind):
    client.force_login(UserFactory(roles=[Role.RECTORATE]))
    kinds = {offer["type"].kind for offer in client.get(reverse("reports:list")).context["offers"]}
    assert {ORG, unit_kind.kind} <= kinds
    client.force_login(UserFactory(roles=[Role.STAFF]))
    kinds = {offer["type"].kind for offer in client.get(reverse("reports:list")).context["offers"]}
    assert ORG not in kinds and unit_kind.kind not in kinds


# --- who reads a report -------------------------------------------------------------------------


def test_a_unit_head_requests_and_reads_reports_of_their_units_only(
    client, university, unit_kind, django_capture_on_commit_callbacks
):
    root, faculty, other = university
    department = UnitFactory(name="Department of Inorganic Chemistry", kind="department", parent=faculty)
    dean = UserFactory(roles=[Role.UNIT_HEAD])
    MembershipFactory(unit=faculty, user=dean)
    rector = UserFactory(roles=[Role.RECTORATE])
    data = {"kind": unit_kind.kind, "format": "pdf"}
    # The rectorate's reports of another faculty and of the whole university are not the dean's.
    request(client, rector, {**data, "unit": other.pk}, django_capture_on_commit_callbacks)
    request(client, rector, data, django_capture_on_commit_callbacks)
    of_department = request(client, rector, {**data, "unit": department.pk}, django_capture_on_commit_callbacks)
    client.force_login(dean)
    listed = {report.pk for report in client.get(reverse("reports:list")).context["reports"]}
    department_report = Report.objects.get(unit=department)
    assert listed == {department_report.pk}
    assert client.get(of_department.url).status_code == 200
    for report in Report.objects.exclude(unit=department):
        assert client.get(report.get_absolute_url()).status_code == 404
        assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
    # The dean may ask for the faculty's report, not for the whole university's.
    assert request(client, dean, {**data, "unit": faculty.pk}, django_capture_on_commit_callbacks).status_code == 302
    assert request(client, dean, data, django_capture_on_commit_callbacks).status_code == 400
    assert root.pk


def test_an_outsider_cannot_request_or_read_reports(client, university, unit_kind, django_capture_on_commit_callbacks):
    rector = UserFactory(roles=[Role.RECTORATE])
    request(client, rector, {"kind": ORG}, django_capture_on_commit_callbacks)
    report = Report.objects.get()
    for outsider in (UserFactory(roles=[Role.STAFF]), UserFactory(roles=[Role.APPLICANT])):
        client.force_login(outsider)
        assert client.post(reverse("reports:request"), {"kind": ORG}).status_code == 403
        assert client.get(report.get_absolute_url()).status_code == 404
        assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
        assert client.post(reverse("reports:retry", args=[report.pk])).status_code == 404
    client.logout()
    assert client.get(report.get_absolute_url()).status_code == 302  # to the login page
    assert Report.objects.count() == 1


def test_a_requester_who_lost_the_role_no_longer_reads_the_report(
    client, university, django_capture_on_commit_callbacks
):
    rector = UserFactory(roles=[Role.RECTORATE])
    request(client, rector, {"kind": ORG}, django_capture_on_commit_callbacks)
    report = Report.objects.get()
    rector.groups.clear()
    rector = type(rector).objects.get(pk=rector.pk)
    client.force_login(rector)
    assert client.get(report.get_absolute_url()).status_code == 404


def test_the_reports_page_makes_the_same_number_of_queries_for_few_and_many_reports(
    client, university, unit_kind, django_assert_num_queries
):
    _root, faculty, _other = university
    rector = UserFactory(roles=[Role.RECTORATE])
    client.force_login(rector)

    def add(count):
        for index in range(count):
            Report.objects.create(
                kind=unit_kind.kind,
                params={"unit": faculty.pk},
                unit=faculty,
                requested_by=UserFactory(),
                language="en",
                dedupe_key=f"k{Report.objects.count()}-{index}",
                status=Report.Status.DONE,
            )

    add(2)
    client.get(reverse("reports:list"))  # warm the caches (session, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("reports:list"))
    add(30)
    with django_assert_num_queries(len(few)):
        response = client.get(reverse("reports:list"))
    assert len(response.context["reports"]) == 25


# --- failures, retries, lost builds -------------------------------------------------------------


def test_a_failure_is_recorded_with_a_readable_reason_and_the_report_can_be_retried(
    client, university, monkeypatch, django_capture_on_commit_callbacks
):
    attempts = []

    def flaky(params, fmt, progress):
        attempts.append(1)
        if len(attempts) == 1:
            raise ReportError("the audit programme of 2031 does not exist")
        return "ok.pdf", b"%PDF-1.4 second time"

    replace_build(monkeypatch, ORG, flaky)
    rector = UserFactory(roles=[Role.RECTORATE])
    request(client, rector, {"kind": ORG}, django_capture_on_commit_callbacks)
    report = Report.objects.get()
    assert report.status == Report.Status.FAILED
    assert report.error == "The report could not be built: the audit programme of 2031 does not exist"
    page = client.get(report.get_absolute_url()).content.decode()
    assert "the audit programme of 2031 does not exist" in page and 'data-testid="report-retry"' in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:retry", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == Report.Status.DONE and report.error == "" and report.attempts == 2
    assert [row.status for row in report.history.order_by("history_date")] == [
        "queued",
        "running",
        "failed",
        "queued",
        "running",
        "done",
    ]


def test_a_report_that_takes_too_long_fails_with_a_reason_and_can_be_retried(university, monkeypatch):
    from celery.exceptions import SoftTimeLimitExceeded

    def slow(params, fmt, progress):
        raise SoftTimeLimitExceeded()

    replace_build(monkeypatch, ORG, slow)
    rector = UserFactory(roles=[Role.RECTORATE])
    report = Report.objects.create(kind=ORG, requested_by=rector, language="en", dedupe_key="x")
    assert services.report_build(report_id=report.pk, task_id="t1", heartbeat=False) == Report.Status.FAILED
    report.refresh_from_db()
    assert "took longer than the time allowed" in report.error


def test_with_the_queue_down_the_request_is_recorded_the_page_says_so_and_it_starts_when_the_queue_is_back(
    client, university, unreachable_broker, settings, django_capture_on_commit_callbacks
):
    rector = UserFactory(roles=[Role.RECTORATE])
    response = request(client, rector, {"kind": ORG}, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.status == Report.Status.QUEUED and report.dispatched_at is None
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200
    assert 'data-testid="report-queue-down"' in page.content.decode()
    # Other pages still serve.
    assert client.get(reverse("reports:list")).status_code == 200
    # Nothing is sent while the queue is still down.
    assert services.reports_recover() == {"requeued": 0, "sent": 0, "not_sent": 1}


def test_the_recovery_job_sends_the_builds_recorded_while_the_queue_was_down(university):
    rector = UserFactory(roles=[Role.RECTORATE])
    report = Report.objects.create(kind=ORG, requested_by=rector, language="en", dedupe_key="a")
    assert services.reports_recover() == {"requeued": 0, "sent": 1, "not_sent": 0}
    report.refresh_from_db()
    assert report.status == Report.Status.DONE  # the queue runs in-process here
    assert services.reports_recover() == {"requeued": 0, "sent": 0, "not_sent": 0}


def test_a_build_whose_worker_stopped_is_taken_back_and_completed_never_left_running(university):
    rector = UserFactory(roles=[Role.RECTORATE])
    long_ago = timezone.now() - datetime.timedelta(minutes=5)
    dead = Report.objects.create(
        kind=ORG,
        requested_by=rector,
        language="en",
        dedupe_key="dead",
        status=Report.Status.RUNNING,
        task_id="lost-task",
        heartbeat_at=long_ago,
        started_at=long_ago,
        attempts=1,
        dispatched_at=long_ago,
    )
    alive = Report.objects.create(
        kind=ORG,
        requested_by=rector,
        language="bg",
        dedupe_key="alive",
        status=Report.Status.RUNNING,
        task_id="busy-task",
        heartbeat_at=timezone.now(),
        dispatched_at=long_ago,
    )
    assert services.reports_recover() == {"requeued": 1, "sent": 1, "not_sent": 0}
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == Report.Status.DONE and dead.attempts == 2
    assert alive.status == Report.Status.RUNNING  # its worker is alive: left alone


def test_a_redelivered_task_takes_over_its_own_build_and_another_task_leaves_a_live_build_alone(university):
    rector = UserFactory(roles=[Role.RECTORATE])
    report = Report.objects.create(
        kind=ORG,
        requested_by=rector,
        language="en",
        dedupe_key="r",
        status=Report.Status.RUNNING,
        task_id="task-1",
        heartbeat_at=timezone.now(),
        attempts=1,
    )
    assert services.report_build(report_id=report.pk, task_id="task-2", heartbeat=False) == Report.Status.RUNNING
    report.refresh_from_db()
    assert report.attempts == 1
    # The same task delivered again means its first delivery died with its worker.
    assert services.report_build(report_id=report.pk, task_id="task-1", heartbeat=False) == Report.Status.DONE
    report.refresh_from_db()
    assert report.attempts == 2 and report.status == Report.Status.DONE
    # And a late duplicate finds it done.
    assert services.report_build(report_id=report.pk, task_id="task-3", heartbeat=False) == Report.Status.DONE
    assert report.history.filter(status="done").count() == 1


def test_a_build_taken_over_meanwhile_does_not_overwrite_the_new_owner(university, monkeypatch):
    rector = UserFactory(roles=[Role.RECTORATE])
    report = Report.objects.create(kind=ORG, requested_by=rector, language="en", dedupe_key="s")

    def taken_over(params, fmt, progress):
        # While this (slow) worker builds, the build is given to another task.
        Report.objects.filter(pk=report.pk).update(task_id="another-task")
        return "late.pdf", b"%PDF late"

    replace_build(monkeypatch, ORG, taken_over)
    assert services.report_build(report_id=report.pk, task_id="first", heartbeat=False) == "superseded"
    report.refresh_from_db()
    assert report.status == Report.Status.RUNNING and report.task_id == "another-task" and not report.file


def test_the_page_says_when_no_worker_has_started_a_dispatched_build(client, university):
    rector = UserFactory(roles=[Role.RECTORATE])
    report = Report.objects.create(
        kind=ORG,
        requested_by=rector,
        language="en",
        dedupe_key="w",
        dispatched_at=timezone.now() - datetime.timedelta(minutes=2),
    )
    client.force_login(rector)
    page = client.get(report.get_absolute_url()).content.decode()
    assert 'data-testid="report-no-worker"' in page
    assert 'data-refresh-seconds="3"' in page


def test_a_unit_choice_form_limits_a_unit_head_to_their_units(university):
    _root, faculty, other = university
    head = UserFactory(roles=[Role.UNIT_HEAD])
    MembershipFactory(unit=faculty, user=head)
    report_type = ReportType(
        kind="k", label="k", description="", build=lambda *a: ("", b""), readers=(Role.RECTORATE,), unit_readers=True
    )
    form = UnitChoiceForm(user=head, report_type=report_type)
    assert list(form.fields["unit"].queryset) == [faculty]
    assert form.fields["unit"].required
    rector_form = UnitChoiceForm(user=UserFactory(roles=[Role.RECTORATE]), report_type=report_type)
    assert not rector_form.fields["unit"].required
    assert other in rector_form.fields["unit"].queryset
    assert isinstance(rector_form.fields["unit"], forms.ModelChoiceField)
