"""History names who changed what, in requests and in tasks; the demo data loads idempotently."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from qms.history import acting_user
from qms.models import Membership, OrganisationalUnit, Report, User
from qms.roles import Role
from qms.tasks import build_report

from .factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

DEMO = {
    "quality": {Role.QUALITY_OFFICER},
    "owner": {Role.PROCESS_OWNER},
    "head": {Role.UNIT_HEAD},
    "auditor": {Role.AUDITOR},
    "rector": {Role.RECTORATE},
    "staff": {Role.STAFF},
    "committee": {Role.ADMISSIONS_COMMITTEE},
    "applicant": {Role.APPLICANT},
    "applicant2": {Role.APPLICANT},
}


def test_every_role_of_the_domain_exists_as_a_group():
    assert set(Group.objects.values_list("name", flat=True)) >= set(Role.values)


def test_a_change_made_in_a_request_names_the_person(client, django_capture_on_commit_callbacks):
    rector = UserFactory(roles=[Role.RECTORATE])
    UnitFactory(name="University", kind="university")
    client.force_login(rector)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:request"), {"kind": Report.Kind.ORGANISATION_STRUCTURE})
    report = Report.objects.get()
    history = list(report.history.order_by("history_date"))
    assert [h.status for h in history] == ["queued", "running", "done"]
    assert {h.history_user for h in history} == {rector}


def test_a_task_records_the_user_whose_id_it_was_given():
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    UnitFactory(name="University", kind="university")
    report = Report.objects.create(kind=Report.Kind.ORGANISATION_STRUCTURE, requested_by=quality, language="en")
    build_report.delay(str(report.pk), quality.pk)  # eager here; a real worker in tests/services
    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.history.latest().history_user == quality


def test_acting_user_restores_the_previous_author():
    first, second = UserFactory(), UserFactory()
    unit = UnitFactory()
    with acting_user(first.pk):
        with acting_user(second):
            unit.name = "Renamed"
            unit.save()
        unit.short_name = "R"
        unit.save()
    unit.kind = OrganisationalUnit.Kind.SERVICE
    unit.save()
    authors = [h.history_user for h in unit.history.order_by("history_date")]
    assert authors[-3:] == [second, first, None]


def test_load_demo_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.exists()
    call_command("load_demo", force=True, stdout=io.StringIO())
    assert User.objects.filter(username__in=DEMO).count() == len(DEMO)


def test_load_demo_creates_one_account_per_role_with_the_demo_password():
    call_command("load_demo", force=True, stdout=io.StringIO())
    for username, roles in DEMO.items():
        user = User.objects.get(username=username)
        assert user.check_password("demo")
        assert roles <= user.roles
    assert User.objects.get(username="quality").is_staff
    assert not User.objects.get(username="staff").is_staff
    root = OrganisationalUnit.objects.get_root_nodes().get()
    assert root.head.username == "rector"
    kinds = set(OrganisationalUnit.objects.values_list("kind", flat=True))
    assert kinds == {"university", "faculty", "department", "service"}
    assert OrganisationalUnit.objects.get(short_name="ФХТ").head.username == "head"


def test_load_demo_twice_changes_nothing():
    def snapshot():
        return (
            User.objects.count(),
            OrganisationalUnit.objects.count(),
            Membership.objects.count(),
            User.history.count(),
            OrganisationalUnit.history.count(),
            Membership.history.count(),
            sorted(OrganisationalUnit.objects.values_list("path", "name")),
        )

    call_command("load_demo", force=True, stdout=io.StringIO())
    first = snapshot()
    call_command("load_demo", force=True, stdout=io.StringIO())
    assert snapshot() == first


def test_the_beat_job_clears_expired_sessions_only():
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from qms.tasks import clear_expired_sessions

    Session.objects.create(session_key="old", session_data="", expire_date=timezone.now() - timedelta(days=1))
    Session.objects.create(session_key="live", session_data="", expire_date=timezone.now() + timedelta(days=1))
    assert clear_expired_sessions.delay().get() == {"removed": 1, "form_tokens": 0}
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live"]


def test_every_beat_schedule_entry_names_a_registered_task(settings):
    from qms.celery import app

    app.loader.import_default_modules()
    assert settings.CELERY_BEAT_SCHEDULE
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, f"{name}: {entry['task']} is not a task"


def test_a_failed_report_keeps_a_readable_reason_in_its_language_and_no_internals(monkeypatch):
    import dataclasses

    from qms import reporting

    def broken(params, fmt, progress):
        raise KeyError("internal detail")

    kind = Report.Kind.ORGANISATION_STRUCTURE
    monkeypatch.setitem(reporting._REGISTRY, kind, dataclasses.replace(reporting.get_type(kind), build=broken))
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    report = Report.objects.create(kind=kind, requested_by=quality, language="en")
    build_report.delay(str(report.pk), quality.pk)
    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert report.error == "The report could not be built: an unexpected error, logged for the administrators"
    assert "internal detail" not in report.error
    assert report.finished_at is not None
