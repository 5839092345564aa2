"""The nonconformity workflow and its forbidden moves, recurrence, and escalation of actions."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from audits import services
from audits.models import Action, ActionNotice, Nonconformity
from audits.services import WorkflowError
from qms.models import OrganisationalUnit
from tests.qms.factories import UnitFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def plan(nc, people, due=datetime.date(2026, 4, 1)):
    services.nonconformity_start_analysis(nc=nc, by=people.head)
    services.nonconformity_record_analysis(
        nc=nc,
        whys=["Syllabi were used early", "Approval took too long", "The council meets quarterly", "", ""],
        cause_category="method",
        root_cause="The approval procedure has no deadline before the semester.",
        correction="The three syllabi were approved at once.",
    )
    return services.action_add(
        nc=nc, kind="corrective", description="Add an approval deadline to DP 07.03", responsible=people.doer,
        due_date=due,
    )  # fmt: skip


def test_numbers_follow_the_year_in_order(nc, people, unit):
    second = services.nonconformity_register(
        title="x", description="y", unit=unit, source="complaint", reported_by=people.other,
        detected_on=datetime.date(2026, 5, 1),
    )  # fmt: skip
    assert (nc.number, second.number) == ("NC-2026-0001", "NC-2026-0002")


def test_the_whole_way_to_closed_as_effective(nc, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        action = plan(nc, people)
    assert mail.outbox[-1].to == ["doer@example.org"]
    services.nonconformity_start_implementation(nc=nc, by=people.head)
    services.action_complete(action=action, by=people.doer, evidence="DP 07.03 rev 3 published")
    nc.refresh_from_db()
    assert nc.state == "effectiveness" and nc.effectiveness_due is not None
    closed = services.nonconformity_check_effectiveness(
        nc=nc, by=people.quality, effective=True, comment="No syllabus used early since.",
        today=nc.effectiveness_due,
    )  # fmt: skip
    assert closed.state == "closed" and closed.effective is True and closed.verified_by == people.quality
    action.refresh_from_db()
    assert action.state == "verified" and action.verified_by == people.quality


def test_an_analysis_needs_a_why_and_a_root_cause(nc, people):
    services.nonconformity_start_analysis(nc=nc, by=people.head)
    with pytest.raises(WorkflowError):
        services.nonconformity_record_analysis(nc=nc, whys=["", " "], cause_category="method", root_cause="x")
    with pytest.raises(WorkflowError):
        services.nonconformity_record_analysis(nc=nc, whys=["why"], cause_category="method", root_cause=" ")
    nc.refresh_from_db()
    assert nc.state == "analysis" and nc.whys == []


def test_implementation_needs_a_corrective_or_preventive_action(nc, people):
    services.nonconformity_start_analysis(nc=nc, by=people.head)
    services.nonconformity_record_analysis(nc=nc, whys=["w"], cause_category="people", root_cause="r")
    services.action_add(
        nc=nc, kind="correction", description="fix", responsible=people.doer, due_date=datetime.date(2026, 4, 1)
    )
    with pytest.raises(WorkflowError):
        services.nonconformity_start_implementation(nc=nc, by=people.head)


def test_it_cannot_be_checked_or_closed_while_actions_are_open(nc, people):
    action = plan(nc, people)
    second = services.action_add(
        nc=nc, kind="preventive", description="Train the secretaries", responsible=people.other,
        due_date=datetime.date(2026, 4, 10),
    )  # fmt: skip
    services.nonconformity_start_implementation(nc=nc, by=people.head)
    services.action_complete(action=action, by=people.doer, evidence="done")
    nc.refresh_from_db()
    assert nc.state == "implementation"  # one action is still open
    with pytest.raises(WorkflowError):
        services.nonconformity_check_effectiveness(nc=nc, by=people.quality, effective=True, comment="ok")
    # Nor by going around the service: the database refuses a closed nonconformity that was not found effective.
    with pytest.raises(IntegrityError), transaction.atomic():
        Nonconformity.objects.filter(pk=nc.pk).update(state="closed")
    services.action_complete(action=second, by=people.other, evidence="Training held")
    nc.refresh_from_db()
    assert nc.state == "effectiveness"


def test_the_effectiveness_is_not_checked_by_the_actions_own_owner_nor_before_the_wait(nc, people):
    action = plan(nc, people)
    services.nonconformity_start_implementation(nc=nc, by=people.head)
    services.action_complete(action=action, by=people.doer, evidence="done")
    nc.refresh_from_db()
    with pytest.raises(WorkflowError, match="did none of the actions"):
        services.nonconformity_check_effectiveness(nc=nc, by=people.doer, effective=True, comment="fine",
                                                   today=nc.effectiveness_due)  # fmt: skip
    with pytest.raises(WorkflowError, match="waiting period"):
        services.nonconformity_check_effectiveness(nc=nc, by=people.quality, effective=True, comment="fine",
                                                   today=nc.effectiveness_due - DAY)  # fmt: skip
    # And the database refuses an action verified by its own owner.
    with pytest.raises(IntegrityError), transaction.atomic():
        Action.objects.filter(pk=action.pk).update(state="verified", verified_by=people.doer)


def test_only_the_responsible_person_reports_an_action_done(nc, people):
    action = plan(nc, people)
    with pytest.raises(WorkflowError):
        services.action_complete(action=action, by=people.other, evidence="done")
    with pytest.raises(ValidationError) as refused:
        services.action_complete(action=action, by=people.doer, evidence="  ")
    assert "evidence" in refused.value.message_dict
    action.refresh_from_db()
    assert action.state == "open" and action.done_at is None


def test_an_ineffective_check_reopens_the_action_plan(nc, people):
    action = plan(nc, people)
    services.nonconformity_start_implementation(nc=nc, by=people.head)
    services.action_complete(action=action, by=people.doer, evidence="done")
    nc.refresh_from_db()
    reopened = services.nonconformity_check_effectiveness(
        nc=nc, by=people.quality, effective=False, comment="Two syllabi used early again.", today=nc.effectiveness_due
    )
    assert reopened.state == "action_plan" and reopened.reopened == 1 and reopened.closed_at is None
    action.refresh_from_db()
    assert action.state == "done"  # kept as done, not verified


def test_a_reopened_plan_is_carried_out_only_with_a_new_action(nc, people):
    action = plan(nc, people)
    services.nonconformity_start_implementation(nc=nc, by=people.head)
    services.action_complete(action=action, by=people.doer, evidence="done")
    nc.refresh_from_db()
    services.nonconformity_check_effectiveness(
        nc=nc, by=people.quality, effective=False, comment="Used early again.", today=nc.effectiveness_due
    )
    with pytest.raises(WorkflowError, match="corrective or preventive"):
        services.nonconformity_start_implementation(nc=nc, by=people.head)  # only the old, done action
    assert Nonconformity.objects.get(pk=nc.pk).state == "action_plan"
    new = services.action_add(
        nc=nc, kind="corrective", description="Council approves syllabi in June", responsible=people.doer,
        due_date=datetime.date(2026, 6, 1),
    )  # fmt: skip
    services.nonconformity_start_implementation(nc=nc, by=people.head)
    services.action_complete(action=new, by=people.doer, evidence="Approved in June")
    assert Nonconformity.objects.get(pk=nc.pk).state == "effectiveness"


def test_a_new_nonconformity_on_the_same_requirement_and_unit_within_the_window_is_a_repeat(nc, people, unit, settings):
    settings.AUDITS_REPEAT_WINDOW_DAYS = 365
    register = lambda **kw: services.nonconformity_register(  # noqa: E731
        title="again", description="d", source="internal_audit", reported_by=people.auditor, **kw
    )
    repeat = register(unit=unit, requirement="dp 07.03 §4", detected_on=datetime.date(2026, 9, 1))
    assert repeat.repeat_of == nc and repeat.is_repeat
    other_unit = UnitFactory(name="Other", parent=OrganisationalUnit.objects.get_parent(unit))
    assert register(unit=other_unit, requirement="DP 07.03 §4", detected_on=datetime.date(2026, 9, 1)).repeat_of is None
    assert register(unit=unit, requirement="DP 05.01", detected_on=datetime.date(2026, 9, 1)).repeat_of is None
    late = register(unit=unit, requirement="DP 07.03 §4", detected_on=datetime.date(2027, 8, 30))
    assert late.repeat_of == repeat  # within a year of the latest one (the first is older than a year)
    assert register(unit=unit, requirement="DP 07.03 §4", detected_on=datetime.date(2028, 9, 1)).repeat_of is None


def test_escalation_goes_in_order_and_sends_each_notice_once(nc, people, django_capture_on_commit_callbacks):
    due = datetime.date(2026, 4, 1)
    action = plan(nc, people, due=due)
    mail.outbox.clear()

    def sweep(day):
        with django_capture_on_commit_callbacks(execute=True):
            return services.actions_escalation_sweep(today=day)

    assert sweep(due - 10 * DAY)["due_soon"] == 0  # too early
    assert sweep(due - 3 * DAY)["due_soon"] == 1
    assert sweep(due - 2 * DAY)["due_soon"] == 0  # once
    assert [m.to for m in mail.outbox] == [["doer@example.org"]]
    sweep(due + DAY)
    sweep(due + 2 * DAY)
    assert [m.to for m in mail.outbox][1:] == [["doer@example.org"]]
    sweep(due + 7 * DAY)
    assert mail.outbox[-1].to == ["head@example.org"]
    counts = sweep(due + 30 * DAY)
    assert counts["quality_officer"] == 1 and mail.outbox[-1].to == ["q@example.org"]
    sweep(due + 31 * DAY)
    stages = list(ActionNotice.objects.filter(action=action).order_by("id").values_list("stage", flat=True))
    assert stages == ["due_soon", "overdue", "unit_head", "quality_officer"]
    assert len(mail.outbox) == 4


def test_a_missed_week_catches_up_with_every_stage_once(nc, people, django_capture_on_commit_callbacks):
    due = datetime.date(2026, 4, 1)
    action = plan(nc, people, due=due)
    with django_capture_on_commit_callbacks(execute=True):
        services.actions_escalation_sweep(today=due + 25 * DAY)
        services.actions_escalation_sweep(today=due + 25 * DAY)
    assert ActionNotice.objects.filter(action=action).count() == 3  # overdue, unit head, quality officer
    services.action_complete(action=action, by=people.doer, evidence="done")
    with django_capture_on_commit_callbacks(execute=True):
        assert sum(services.actions_escalation_sweep(today=due + 40 * DAY).values()) == 0  # done: no more notices


def test_the_escalation_runs_as_a_scheduled_task(nc, people, settings, django_capture_on_commit_callbacks):
    from audits.tasks import action_escalation

    assert settings.CELERY_BEAT_SCHEDULE["audits-action-escalation"]["task"] == action_escalation.name
    plan(nc, people, due=datetime.date(2000, 1, 1))  # long overdue
    with django_capture_on_commit_callbacks(execute=True):
        counts = action_escalation.delay().get()
    assert counts["overdue"] == 1 and counts["quality_officer"] == 1
