"""The management review: its states, the actions it decides, and the inputs the portal assembles
for it (checked against figures worked out by hand, in a fixed number of queries)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audits import services
from audits.models import Action, Audit, Finding, ManagementReview, Nonconformity
from audits.selectors import review_inputs
from audits.services import WorkflowError
from policies.models import Document, QualityObjective
from processes.models import KPI
from qms.models import OrganisationalUnit
from qms.roles import Role
from tests.policies.factories import DocumentFactory
from tests.processes.factories import ProcessFactory
from tests.qms.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

Y = 2025
TODAY = datetime.date(Y + 1, 2, 15)
MEETING = datetime.date(Y + 1, 3, 10)
OCTOBER = datetime.date(Y, 10, 1)


@pytest.fixture
def rector(db):
    return UserFactory(username="rect", roles=[Role.RECTORATE, Role.STAFF], email="rect@example.org")


@pytest.fixture
def review(db):
    return services.review_create(year=Y)


def hold(review, people, rector):
    return services.review_hold(
        review=review, meeting_date=MEETING, attendees=[rector, people.quality], decisions="Train the auditors."
    )


def add_action(review, responsible, due=datetime.date(Y + 1, 6, 30), description="Train the auditors"):
    return services.action_add(
        review=review, kind="improvement", description=description, responsible=responsible, due_date=due
    )


# --- the states -------------------------------------------------------------------------------


def test_the_whole_way_from_draft_to_closed(review, people, rector, django_capture_on_commit_callbacks):
    assert review.state == "draft" and review.inputs == {}
    collected = services.review_collect_inputs(review=review, today=TODAY)
    review.refresh_from_db()
    assert collected.state == review.state == "inputs"
    assert review.inputs["year"] == Y and review.inputs["collected_on"] == TODAY.isoformat()
    first = review.inputs_collected_at
    later = TODAY + datetime.timedelta(days=3)
    services.review_collect_inputs(review=review, today=later)  # again, while the meeting is not held
    review.refresh_from_db()
    assert review.state == "inputs" and review.inputs["collected_on"] == later.isoformat()
    assert review.inputs_collected_at >= first

    held = hold(review, people, rector)
    review.refresh_from_db()
    assert held.state == review.state == "held"
    assert (review.meeting_date, review.decisions) == (MEETING, "Train the auditors.")
    assert set(review.attendees.all()) == {rector, people.quality}

    with django_capture_on_commit_callbacks() as callbacks:
        closed = services.review_close(review=review, by=people.quality, language="en")
    review.refresh_from_db()
    assert closed.state == review.state == "closed"
    assert (review.report_state, review.report_language) == ("queued", "en")
    assert len(callbacks) == 1  # the annual report is built once the transaction commits


def test_a_meeting_needs_its_date_attendees_and_decisions(review, people, rector):
    services.review_collect_inputs(review=review, today=TODAY)
    with pytest.raises(ValidationError) as refused:
        services.review_hold(review=review, meeting_date=None, attendees=[], decisions="  ")
    assert set(refused.value.message_dict) == {"meeting_date", "attendees", "decisions"}
    with pytest.raises(ValidationError) as refused:
        services.review_hold(review=review, meeting_date=MEETING, attendees=[rector], decisions="")
    assert set(refused.value.message_dict) == {"decisions"}
    review.refresh_from_db()
    assert (review.state, review.meeting_date, review.decisions) == ("inputs", None, "")
    assert not review.attendees.exists()


def test_no_step_of_the_review_is_skipped_or_repeated(review, people, rector):
    with pytest.raises(WorkflowError):
        hold(review, people, rector)  # draft: the inputs are not collected yet
    review.refresh_from_db()
    assert (review.state, review.meeting_date) == ("draft", None) and not review.attendees.exists()
    services.review_collect_inputs(review=review, today=TODAY)
    with pytest.raises(WorkflowError):
        services.review_close(review=review, by=people.quality, language="en")  # not held
    review.refresh_from_db()
    assert (review.state, review.report_state) == ("inputs", "")
    hold(review, people, rector)
    collected = ManagementReview.objects.get(pk=review.pk).inputs_collected_at
    with pytest.raises(WorkflowError):
        services.review_collect_inputs(review=review, today=TODAY)  # the meeting has been held
    review.refresh_from_db()
    assert (review.state, review.inputs_collected_at) == ("held", collected)


def test_actions_are_decided_only_at_a_held_meeting(
    review, people, rector, mailoutbox, django_capture_on_commit_callbacks
):
    with pytest.raises(WorkflowError):
        add_action(review, people.doer)  # draft
    services.review_collect_inputs(review=review, today=TODAY)
    with pytest.raises(WorkflowError):
        add_action(review, people.doer)  # inputs collected, not held yet
    assert not Action.objects.exists()
    hold(review, people, rector)
    with django_capture_on_commit_callbacks(execute=True):
        action = add_action(review, people.doer, description="  Train the auditors ")
    action = Action.objects.get()
    assert (action.review, action.nonconformity, action.responsible) == (review, None, people.doer)
    assert action.state == "open"
    assert (action.kind, action.description) == ("improvement", "Train the auditors")
    assert action.due_date == datetime.date(Y + 1, 6, 30)
    assert [m.to for m in mailoutbox] == [["doer@example.org"]]
    services.review_close(review=review, by=people.quality, language="en")
    with pytest.raises(WorkflowError):
        add_action(review, people.doer)  # closed
    assert Action.objects.count() == 1


# --- the inputs -------------------------------------------------------------------------------


def register(people, unit, *, source, requirement, detected_on, title="Nonconformity"):
    return services.nonconformity_register(
        title=title, description="d", unit=unit, source=source, requirement=requirement,
        reported_by=people.auditor, detected_on=detected_on,
    )  # fmt: skip


def plan(nc, people, responsible, due):
    services.nonconformity_start_analysis(nc=nc, by=people.head)
    services.nonconformity_record_analysis(nc=nc, whys=["why"], cause_category="method", root_cause="cause")
    action = services.action_add(nc=nc, kind="corrective", description="fix", responsible=responsible, due_date=due)
    services.nonconformity_start_implementation(nc=nc, by=people.head)
    return action


def check(nc, people, effective):
    nc.refresh_from_db()
    return services.nonconformity_check_effectiveness(
        nc=nc, by=people.quality, effective=effective, comment="checked", today=nc.effectiveness_due
    )


@pytest.fixture
def other_unit(unit):
    return UnitFactory(name="Other faculty", kind="faculty", parent=OrganisationalUnit.objects.get_parent(unit))


@pytest.fixture
def year_data(people, unit, other_unit, rector):
    """The records of year Y (and around it) that the review of Y looks at."""
    # Nonconformities.
    register(people, other_unit, source="staff_report", requirement="Old", detected_on=datetime.date(Y - 1, 11, 1))
    nc1 = register(people, unit, source="internal_audit", requirement="DP 07.03 §4", detected_on=datetime.date(Y, 3, 2))
    a1 = plan(nc1, people, people.doer, datetime.date(Y, 4, 1))
    services.action_complete(action=a1, by=people.doer, evidence="done")
    check(nc1, people, effective=True)  # closed, effective the first time

    nc2 = register(people, unit, source="complaint", requirement="Complaints", detected_on=datetime.date(Y, 5, 10))
    a2 = plan(nc2, people, people.doer, datetime.date(Y, 6, 1))
    services.action_complete(action=a2, by=people.doer, evidence="done")
    check(nc2, people, effective=False)  # reopened once
    a3 = services.action_add(
        nc=nc2, kind="corrective", description="again", responsible=people.other, due_date=datetime.date(Y, 8, 1)
    )
    services.nonconformity_start_implementation(nc=nc2, by=people.head)
    services.action_complete(action=a3, by=people.other, evidence="done")
    check(nc2, people, effective=True)  # then closed

    nc3 = register(people, other_unit, source="kpi", requirement="KPI P-01", detected_on=datetime.date(Y, 6, 1))
    plan(nc3, people, people.doer, datetime.date(Y, 9, 1))  # open, its action overdue by TODAY

    nc4 = register(people, unit, source="internal_audit", requirement="dp 07.03 §4", detected_on=OCTOBER)
    assert nc4.repeat_of == nc1

    # The previous reviews: the latest one decided two actions.
    services.review_create(year=Y - 2)
    previous = services.review_create(year=Y - 1)
    services.review_collect_inputs(review=previous, today=datetime.date(Y, 1, 20))
    hold(previous, people, rector)
    done = add_action(previous, people.doer, due=datetime.date(Y, 3, 1), description="Publish the audit plan")
    add_action(previous, people.other, due=datetime.date(Y, 6, 30), description="Train the auditors")
    services.action_complete(action=done, by=people.doer, evidence="Published")

    # Audits: two of the programme of Y (one reported with three findings), one of the year before.
    programme = services.programme_create(year=Y)
    reported = services.audit_save(
        programme=programme, kind="planned", title="Admission", lead_auditor=people.auditor, units=[other_unit],
        processes=[], planned_start=datetime.date(Y, 4, 1), planned_end=datetime.date(Y, 4, 2),
    )  # fmt: skip
    services.audit_save(
        programme=programme, kind="planned", title="Teaching", lead_auditor=people.auditor, units=[other_unit],
        processes=[], planned_start=datetime.date(Y, 10, 1), planned_end=datetime.date(Y, 10, 1),
    )  # fmt: skip
    services.programme_approve(programme=programme, by=rector)
    before = services.audit_save(
        kind="unplanned", title="Earlier", lead_auditor=people.auditor, units=[other_unit], processes=[],
        planned_start=datetime.date(Y - 1, 5, 1), planned_end=datetime.date(Y - 1, 5, 1),
    )  # fmt: skip
    for audit, kinds in ((reported, ["observation", "improvement", "observation"]), (before, ["observation"])):
        services.checklist_add_question(audit=audit, question="Are the criteria published?")
        services.audit_prepare(audit=audit, by=people.auditor)
        services.audit_start(audit=audit, by=people.auditor)
        for kind in kinds:
            services.finding_record(audit=audit, by=people.auditor, kind=kind, unit=other_unit, statement=kind)
    item = reported.checklist.get()
    services.checklist_answer(item=item, by=people.auditor, answer="conforming", evidence_notes="")
    services.audit_report(audit=reported, by=people.auditor, summary="Two observations.", language="en")

    # KPIs.
    teaching = ProcessFactory(code="P-01", name={"en": "Teaching"}, owner=people.other, leader=people.other)
    admission = ProcessFactory(code="P-02", name={"en": "Admission"}, owner=people.other, leader=people.other)

    def kpi(process, name, status, *, value=None, direction="higher", target="80", threshold="60", **extra):
        row = KPI(
            process=process, name={"en": name}, direction=direction, target=Decimal(target),
            at_risk_threshold=Decimal(threshold), frequency="yearly", last_value=value, **extra,
        )  # fmt: skip
        row.status = status
        row.save()
        return row

    kpi(admission, "Applicants per place", "off_target", value=Decimal("1.5"), target="3", threshold="2")
    kpi(teaching, "Employment", "off_target", value=Decimal("40"), unit_of_measure="%", overdue=True)
    kpi(teaching, "Pass rate", "on_target", value=Decimal("90"))
    kpi(teaching, "Days to grade", "at_risk", value=Decimal("12"), direction="lower", target="10", threshold="14")
    kpi(admission, "Appeals", "no_data")
    kpi(admission, "Retired", "off_target", value=Decimal("1"), active=False)

    # Documents and objectives.
    policy = DocumentFactory(
        code="QP", title="Quality policy", type="quality_policy", level=1, owner=people.other, owner_unit=unit
    )
    late = DocumentFactory(code="DP 01", title="Late", owner=people.other, owner_unit=unit)
    later = DocumentFactory(code="DP 02", title="Later", owner=people.other, owner_unit=unit)
    due = DocumentFactory(code="DP 03", title="Due", owner=people.other, owner_unit=unit)
    Document.objects.filter(pk=later.pk).update(review_state="overdue", next_review_date=datetime.date(Y, 12, 1))
    Document.objects.filter(pk=late.pk).update(review_state="overdue", next_review_date=datetime.date(Y, 11, 1))
    Document.objects.filter(pk=due.pk).update(review_state="due", next_review_date=datetime.date(Y + 1, 3, 1))
    for title, status in (("Employment of graduates", "in_progress"), ("Dropped", "cancelled")):
        QualityObjective.objects.create(
            policy=policy, title=title, owner=people.head, indicator="Employed after a year", unit_of_measure="%",
            target=Decimal("80"), deadline=datetime.date(Y, 12, 31), status=status,
        )  # fmt: skip


def test_the_inputs_add_up_to_the_figures_worked_out_by_hand(year_data, people, unit):
    inputs = review_inputs(year=Y, today=TODAY)
    assert (inputs["year"], inputs["collected_on"], inputs["previous_review"]) == (Y, "2026-02-15", Y - 1)
    assert inputs["previous_actions"] == [
        {
            "description": "Publish the audit plan", "responsible": people.doer.get_full_name(),
            "due_date": "2025-03-01", "state": "done", "overdue": False,
        },
        {
            "description": "Train the auditors", "responsible": people.other.get_full_name(),
            "due_date": "2025-06-30", "state": "open", "overdue": True,
        },
    ]  # fmt: skip

    nonconformities = inputs["nonconformities"]
    assert nonconformities == {
        "registered": 4,  # the one of the year before is not counted
        "by_source": {"internal_audit": 2, "complaint": 1, "kpi": 1},
        "by_state": {"closed": 2, "implementation": 1, "registered": 1},
        "open": 3,  # every open one, whatever its year
        "repeats": 1,
        "actions_open": 2,  # NC3's action and the previous review's open action
        "actions_overdue": 2,
        "ncs_with_overdue_actions": 1,
        # NC1 checked once (effective); NC2 checked twice (ineffective, then effective).
        "effectiveness_checks": 3,
        "effective_first_time": 1,
        "effectiveness_rate": 33,
        "open_by_unit": [{"unit": "Other faculty", "open": 2}, {"unit": "Faculty", "open": 1}],
    }

    audits = inputs["audits"]
    assert (audits["programme_status"], audits["planned"], audits["completed"]) == ("approved", 2, 1)
    assert audits["findings_by_kind"] == {"observation": 2, "improvement": 1}
    none = {"major": 0, "minor": 0, "observation": 0, "improvement": 0}
    assert audits["rows"] == [
        {
            "title": "Admission", "kind": "planned", "status": "reported", "planned_start": "2025-04-01",
            "findings": {**none, "observation": 2, "improvement": 1},
        },
        {"title": "Teaching", "kind": "planned", "status": "planned", "planned_start": "2025-10-01", "findings": none},
    ]  # fmt: skip

    assert inputs["kpis"] == {
        "by_status": {"off_target": 2, "on_target": 1, "at_risk": 1, "no_data": 1},  # not the inactive one
        "total": 5,
        "overdue": 1,
        "off_target": [
            {"process": "P-01", "kpi": {"en": "Employment"}, "target": "80.00", "value": "40.00",
             "unit_of_measure": "%"},
            {"process": "P-02", "kpi": {"en": "Applicants per place"}, "target": "3.00", "value": "1.50",
             "unit_of_measure": ""},
        ],
    }  # fmt: skip

    assert inputs["objectives"] == [
        {
            "title": "Employment of graduates", "indicator": "Employed after a year", "target": "80.00",
            "unit_of_measure": "%", "deadline": "2025-12-31", "status": "in_progress",
            "owner": people.head.get_full_name(),
        }
    ]  # fmt: skip
    assert inputs["documents"] == {
        "by_review_state": {"current": 1, "due": 1, "overdue": 2},
        "overdue": [
            {"code": "DP 01", "title": "Late", "next_review": "2025-11-01"},
            {"code": "DP 02", "title": "Later", "next_review": "2025-12-01"},
        ],
        "total": 4,
    }
    assert inputs["admissions"] == {"available": False}


def test_the_review_keeps_the_inputs_as_collected(year_data):
    review = services.review_collect_inputs(review=services.review_create(year=Y), today=TODAY)
    review.refresh_from_db()
    assert review.inputs == review_inputs(year=Y, today=TODAY)
    assert review.inputs["nonconformities"]["effectiveness_rate"] == 33


def test_a_check_that_found_the_actions_ineffective_counts_once(people, unit):
    nc = register(people, unit, source="complaint", requirement="Complaints", detected_on=datetime.date(Y, 5, 10))
    action = plan(nc, people, people.doer, datetime.date(Y, 6, 1))
    services.action_complete(action=action, by=people.doer, evidence="done")
    check(nc, people, effective=False)  # one check, ineffective: back to the action plan
    figures = review_inputs(year=Y, today=TODAY)["nonconformities"]
    assert (figures["effectiveness_checks"], figures["effective_first_time"], figures["effectiveness_rate"]) == (
        1, 0, 0,
    )  # fmt: skip


def test_the_inputs_take_a_fixed_number_of_queries(people, unit, other_unit, rector):
    previous = ManagementReview.objects.create(year=Y - 1, state="held")
    programme = services.programme_create(year=Y)
    process = ProcessFactory(code="P-01", name={"en": "Teaching"}, owner=people.other, leader=people.other)
    policy = DocumentFactory(code="QP", type="quality_policy", level=1, owner=people.other, owner_unit=unit)
    counter = iter(range(1, 100))
    april = datetime.date(Y, 4, 1)

    def add_rows(n):
        for _ in range(n):
            i = next(counter)
            person = UserFactory(username=f"person-{i}")
            nc = Nonconformity.objects.create(
                number=f"NC-{Y}-{i:04d}", source="complaint", title="t", description="d", unit=unit,
                reported_by=person, detected_on=datetime.date(Y, 3, 1), verified_by=people.quality, effective=False,
                reopened=1, state="action_plan",
            )  # fmt: skip
            Action.objects.create(
                nonconformity=nc, kind="corrective", description="a", responsible=person, due_date=april
            )
            Action.objects.create(
                review=previous, kind="improvement", description="r", responsible=person, due_date=april
            )
            audit = Audit.objects.create(
                programme=programme, title=f"Audit {i}", lead_auditor=person, planned_start=datetime.date(Y, 5, i),
                planned_end=datetime.date(Y, 5, i),
            )  # fmt: skip
            Finding.objects.create(audit=audit, kind="minor", unit=other_unit, statement="s", recorded_by=person)
            kpi = KPI(
                process=process, name={"en": f"KPI {i}"}, target=Decimal(80), at_risk_threshold=Decimal(60),
                frequency="yearly", last_value=Decimal(10),
            )  # fmt: skip
            kpi.status = "off_target"
            kpi.save()
            document = DocumentFactory(owner=person, owner_unit=unit)
            Document.objects.filter(pk=document.pk).update(review_state="overdue")
            QualityObjective.objects.create(
                policy=policy, title=f"Objective {i}", owner=person, indicator="x", target=Decimal(1),
                deadline=datetime.date(Y, 12, 31),
            )  # fmt: skip

    def queries():
        with CaptureQueriesContext(connection) as context:
            inputs = review_inputs(year=Y, today=TODAY)
        return len(context.captured_queries), inputs

    add_rows(1)
    few, inputs = queries()
    assert len(inputs["previous_actions"]) == 1 and len(inputs["audits"]["rows"]) == 1
    add_rows(3)
    many, inputs = queries()
    assert len(inputs["previous_actions"]) == 4 and len(inputs["audits"]["rows"]) == 4
    assert len(inputs["kpis"]["off_target"]) == 4 and len(inputs["objectives"]) == 4
    assert len(inputs["documents"]["overdue"]) == 4
    assert many == few
