"""Audits and improvement in the browser: each view as the person it is for, a role allowed to
see it and an outsider (including an auditee from another unit); forms keep what was typed;
the nonconformity register makes a fixed number of queries."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audits import services
from audits.models import Action, Audit, Finding, ManagementReview, Nonconformity
from qms.models import OrganisationalUnit, StandardClause
from qms.roles import Role
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class World:
    """A faculty (headed by `head`, with `member`), a second audited faculty (headed by
    `head2`), a third unit that is not audited (headed by `outsider`); an audit in progress of
    the first two by `aud`, with a checklist and a finding on each audited faculty."""

    def __init__(self, people, unit):
        self.p = people
        self.unit = unit
        root = OrganisationalUnit.objects.get(name="University")
        self.head2 = UserFactory(username="head2", roles=[Role.UNIT_HEAD, Role.STAFF])
        self.outsider = UserFactory(username="outsider", roles=[Role.UNIT_HEAD, Role.STAFF])
        self.unit2 = UnitFactory(name="Second faculty", kind="faculty", parent=root, head=self.head2)
        self.unit3 = UnitFactory(name="Library", kind="service", parent=root, head=self.outsider)
        self.member = UserFactory(username="member", roles=[Role.STAFF])
        MembershipFactory(unit=unit, user=self.member)
        self.aud2 = UserFactory(username="aud2", roles=[Role.AUDITOR, Role.STAFF])
        self.rector = UserFactory(username="rector", roles=[Role.RECTORATE, Role.STAFF])
        self.applicant = UserFactory(username="applicant", roles=[Role.APPLICANT])
        self.clause = StandardClause.objects.get(framework="iso9001", code="7.5")
        self.programme = services.programme_create(year=2026)
        self.audit = services.audit_save(
            programme=self.programme,
            kind=Audit.Kind.PLANNED,
            title="Audit of the faculties",
            lead_auditor=people.auditor,
            planned_start=datetime.date(2026, 3, 2),
            planned_end=datetime.date(2026, 3, 4),
            units=[unit, self.unit2],
            processes=[],
            clauses=[self.clause],
        )
        services.checklist_build(audit=self.audit)
        services.checklist_add_question(audit=self.audit, question="Are the syllabi approved?")
        services.audit_prepare(audit=self.audit, by=people.auditor)
        services.audit_start(audit=self.audit, by=people.auditor)
        self.item = self.audit.checklist.order_by("order").first()
        self.finding1 = services.finding_record(
            audit=self.audit, by=people.auditor, kind=Finding.Kind.MAJOR, unit=unit, clause=self.clause,
            statement="Records of the first faculty are not controlled", evidence="Register 2025",
        )  # fmt: skip
        self.finding2 = services.finding_record(
            audit=self.audit, by=people.auditor, kind=Finding.Kind.OBSERVATION, unit=self.unit2,
            statement="Second faculty keeps minutes on paper only",
        )  # fmt: skip
        self.nc = self.finding1.nonconformity


@pytest.fixture
def world(people, unit):
    return World(people, unit)


def login(client, user):
    client.force_login(user)
    return client


def status(client, user, url, method="get", data=None):
    client.force_login(user)
    response = getattr(client, method)(url, data or {})
    return response.status_code


# --- the hub and navigation ------------------------------------------------------------------


def test_index_for_staff_not_for_applicants(client, world):
    assert status(client, world.member, reverse("audits:index")) == 200
    assert status(client, world.applicant, reverse("audits:index")) == 403


def test_navigation_shows_audits_to_staff(client, world):
    login(client, world.member)
    assert reverse("audits:index") in client.get(reverse("home")).content.decode()


# --- audits: who sees which --------------------------------------------------------------------


def test_audit_list_is_filtered_per_person(client, world):
    url = reverse("audits:audit-list") + "?year=2026"
    for user, sees in [
        (world.p.quality, True),
        (world.rector, True),
        (world.p.auditor, True),  # lead
        (world.aud2, False),  # an auditor not on this audit
        (world.p.head, True),  # auditee
        (world.member, True),  # auditee member
        (world.outsider, False),  # head of a unit that is not audited
    ]:
        login(client, user)
        assert ("Audit of the faculties" in client.get(url).content.decode()) is sees, user.username


def test_audit_detail_per_role(client, world):
    url = world.audit.get_absolute_url()
    assert status(client, world.p.quality, url) == 200
    assert status(client, world.rector, url) == 200
    assert status(client, world.p.auditor, url) == 200
    assert status(client, world.aud2, url) == 403
    assert status(client, world.outsider, url) == 403
    assert status(client, world.applicant, url) == 403
    assert status(client, world.p.quality, reverse("audits:audit-detail", args=[99999])) == 404


def test_auditee_sees_only_findings_about_their_unit(client, world):
    login(client, world.p.head)
    page = client.get(world.audit.get_absolute_url()).content.decode()
    assert "Records of the first faculty are not controlled" in page
    assert "Second faculty keeps minutes on paper only" not in page
    assert "Are the syllabi approved?" not in page  # no checklist for auditees
    login(client, world.head2)
    page = client.get(world.audit.get_absolute_url()).content.decode()
    assert "Second faculty keeps minutes on paper only" in page
    assert "Records of the first faculty are not controlled" not in page
    # The lead auditor sees both findings and the checklist.
    login(client, world.p.auditor)
    page = client.get(world.audit.get_absolute_url()).content.decode()
    assert "Second faculty keeps minutes" in page and "Records of the first faculty" in page
    assert "Are the syllabi approved?" in page


def test_checklist_page_for_team_and_readers_only(client, world):
    url = reverse("audits:checklist", args=[world.audit.pk])
    assert status(client, world.p.auditor, url) == 200
    assert status(client, world.p.quality, url) == 200
    assert status(client, world.p.head, url) == 403
    assert status(client, world.aud2, url) == 403


def test_answer_a_question_with_an_attachment(client, world):
    login(client, world.p.auditor)
    prefix = f"q{world.item.pk}"
    response = client.post(
        reverse("audits:checklist-answer", args=[world.item.pk]),
        {
            f"{prefix}-answer": "nonconforming",
            f"{prefix}-evidence_notes": "Register not signed",
            f"{prefix}-attachment": SimpleUploadedFile("photo.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    world.item.refresh_from_db()
    assert world.item.answer == "nonconforming" and world.item.answered_by == world.p.auditor
    assert world.item.attachment
    download = reverse("audits:checklist-attachment", args=[world.item.pk])
    assert status(client, world.p.auditor, download) == 200
    assert status(client, world.p.head, download) == 403


def test_answer_refused_keeps_what_was_typed(client, world):
    login(client, world.p.auditor)
    prefix = f"q{world.item.pk}"
    response = client.post(
        reverse("audits:checklist-answer", args=[world.item.pk]),
        {
            f"{prefix}-answer": "conforming",
            f"{prefix}-evidence_notes": "Seen the register of March",
            f"{prefix}-attachment": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Seen the register of March" in page
    assert "whatever its name says" in page
    world.item.refresh_from_db()
    assert world.item.answer == ""


def test_answer_by_someone_off_the_team_is_refused(client, world):
    prefix = f"q{world.item.pk}"
    url = reverse("audits:checklist-answer", args=[world.item.pk])
    data = {f"{prefix}-answer": "conforming", f"{prefix}-evidence_notes": ""}
    assert status(client, world.aud2, url, "post", data) == 403
    assert status(client, world.p.head, url, "post", data) == 403
    world.item.refresh_from_db()
    assert world.item.answer == ""


def test_record_a_major_finding_opens_a_nonconformity(client, world):
    login(client, world.p.auditor)
    url = reverse("audits:finding-create", args=[world.audit.pk])
    assert client.get(url + f"?item={world.item.pk}").status_code == 200
    response = client.post(
        url,
        {
            "kind": "major",
            "unit": world.unit2.pk,
            "requirement": "Procedure DP 02 §3",
            "statement": "No records of the training of new staff",
            "evidence": "Files of 3 people",
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get(statement="No records of the training of new staff")
    assert finding.nonconformity.unit == world.unit2 and finding.nonconformity.severity == "major"


def test_finding_refused_outside_scope_keeps_input(client, world):
    login(client, world.p.auditor)
    response = client.post(
        reverse("audits:finding-create", args=[world.audit.pk]),
        {"kind": "minor", "unit": world.unit3.pk, "requirement": "X", "statement": "Kept as typed"},
    )
    assert response.status_code == 200
    assert "Kept as typed" in response.content.decode()
    assert not Finding.objects.filter(statement="Kept as typed").exists()


def test_finding_form_for_team_only(client, world):
    url = reverse("audits:finding-create", args=[world.audit.pk])
    assert status(client, world.p.head, url) == 403
    assert status(client, world.aud2, url) == 403
    assert status(client, world.rector, url) == 403


def test_plan_an_audit_says_when_the_auditor_is_not_independent(client, world):
    login(client, world.p.quality)
    url = reverse("audits:audit-create")
    page = client.get(url).content.decode()
    assert "may not audit a unit they belong to" in page
    data = {
        "programme": world.programme.pk,
        "kind": "planned",
        "title": "Audit of my own faculty",
        "planned_start": "2026-05-04",
        "planned_end": "2026-05-05",
        "lead_auditor": world.p.quality.pk,
        "units": [world.unit.pk],
    }
    MembershipFactory(unit=world.unit, user=world.p.quality)
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "may not audit it" in page
    assert "Audit of my own faculty" in page  # kept
    assert not Audit.objects.filter(title="Audit of my own faculty").exists()
    data["lead_auditor"] = world.aud2.pk
    assert client.post(url, data).status_code == 302
    assert Audit.objects.filter(title="Audit of my own faculty", lead_auditor=world.aud2).exists()


def test_planning_is_for_the_quality_officer(client, world):
    assert status(client, world.p.auditor, reverse("audits:audit-create")) == 403
    assert status(client, world.rector, reverse("audits:audit-create")) == 403
    assert status(client, world.p.auditor, reverse("audits:audit-edit", args=[world.audit.pk])) == 403
    assert status(client, world.p.quality, reverse("audits:audit-edit", args=[world.audit.pk])) == 200


def test_audit_steps_by_lead_auditor_close_by_quality_officer(client, world):
    url = reverse("audits:audit-report", args=[world.audit.pk])
    assert status(client, world.aud2, url) == 403
    assert status(client, world.p.head, url) == 403
    login(client, world.p.auditor)
    response = client.post(url, {"summary": "All seen"})
    assert response.status_code == 200  # questions not answered
    assert "not answered yet" in response.content.decode()
    for item in world.audit.checklist.all():
        services.checklist_answer(item=item, by=world.p.auditor, answer="conforming", evidence_notes="ok")
    assert client.post(url, {"summary": "All seen"}).status_code == 302
    world.audit.refresh_from_db()
    assert world.audit.status == Audit.Status.REPORTED
    close = reverse("audits:audit-step", args=[world.audit.pk, "close"])
    assert status(client, world.p.auditor, close, "post") == 403
    assert status(client, world.p.quality, close, "post") == 302
    world.audit.refresh_from_db()
    assert world.audit.status == Audit.Status.CLOSED
    assert status(client, world.p.quality, reverse("audits:audit-step", args=[world.audit.pk, "fly"]), "post") == 404


def test_report_pdf_only_when_built_and_for_whole_audit_readers(client, world):
    url = reverse("audits:audit-report-pdf", args=[world.audit.pk])
    assert status(client, world.p.auditor, url) == 404
    Audit.objects.filter(pk=world.audit.pk).update(report_state="done")
    audit = Audit.objects.get(pk=world.audit.pk)
    from django.core.files.base import ContentFile

    audit.report_file.save("r.pdf", ContentFile(PDF))
    assert status(client, world.p.auditor, url) == 200
    assert status(client, world.rector, url) == 200
    assert status(client, world.p.head, url) == 403


def test_audit_history_for_whole_audit_readers(client, world):
    url = reverse("audits:audit-history", args=[world.audit.pk])
    login(client, world.p.quality)
    page = client.get(url).content.decode()
    assert "Audit of the faculties" in page
    assert status(client, world.p.head, url) == 403


# --- the programme -------------------------------------------------------------------------------


def test_programme_pages_and_approval_by_the_rector(client, world):
    url = world.programme.get_absolute_url()
    for user, expected in [(world.p.quality, 200), (world.rector, 200), (world.p.auditor, 200), (world.member, 403)]:
        assert status(client, user, url) == expected, user.username
    approve = reverse("audits:programme-approve", args=[world.programme.pk])
    assert status(client, world.p.quality, approve, "post") == 403
    assert status(client, world.rector, approve, "post") == 302
    world.programme.refresh_from_db()
    assert world.programme.status == "approved" and world.programme.approved_by == world.rector
    revise = reverse("audits:programme-revise", args=[world.programme.pk])
    assert status(client, world.rector, revise, "post") == 403
    assert status(client, world.p.quality, revise, "post") == 302


def test_programme_coverage_shows_what_is_left_out(client, world):
    login(client, world.p.quality)
    response = client.get(reverse("audits:programme-coverage", args=[world.programme.pk]))
    assert response.status_code == 200
    coverage = response.context["coverage"]
    covered = {row["unit"].pk: row["covered"] for row in coverage["units"]}
    assert covered[world.unit.pk] and covered[world.unit2.pk] and not covered[world.unit3.pk]
    iso = {row["clause"].code: row["audits"] for row in coverage["iso"]}
    assert iso["7"] == 1 and iso["8"] == 0  # 7.5 counts for clause 7
    assert coverage["esg_left_out"] == 10


def test_programme_create_by_quality_officer_keeps_input_on_error(client, world):
    assert status(client, world.p.auditor, reverse("audits:programme-create")) == 403
    login(client, world.p.quality)
    response = client.post(reverse("audits:programme-create"), {"year": 2026, "notes": "Duplicate year"})
    assert response.status_code == 200
    assert "Duplicate year" in response.content.decode()
    assert client.post(reverse("audits:programme-create"), {"year": 2027, "notes": ""}).status_code == 302


# --- nonconformities --------------------------------------------------------------------------------


def test_nonconformity_register_is_filtered_per_person(client, world):
    url = reverse("audits:nc-list")
    for user, sees in [
        (world.p.quality, True),
        (world.rector, True),
        (world.p.auditor, True),  # found it
        (world.p.head, True),  # its unit
        (world.member, True),  # a member of its unit
        (world.head2, False),  # auditee of the same audit, another unit
        (world.outsider, False),
        (world.aud2, False),
    ]:
        login(client, user)
        assert (world.nc.number in client.get(url).content.decode()) is sees, user.username


def test_nonconformity_detail_per_role(client, world):
    url = world.nc.get_absolute_url()
    for user, expected in [
        (world.p.quality, 200),
        (world.rector, 200),
        (world.p.auditor, 200),
        (world.p.head, 200),
        (world.member, 200),
        (world.head2, 403),
        (world.outsider, 403),
        (world.applicant, 403),
    ]:
        assert status(client, user, url) == expected, user.username
    assert status(client, world.p.quality, reverse("audits:nc-detail", args=[99999])) == 404
    assert status(client, world.p.head, reverse("audits:nc-history", args=[world.nc.pk])) == 200
    assert status(client, world.outsider, reverse("audits:nc-history", args=[world.nc.pk])) == 403


def test_anyone_on_the_staff_reports_a_nonconformity(client, world):
    login(client, world.outsider)
    url = reverse("audits:nc-create")
    data = {
        "title": "Broken projector in hall 2",
        "description": "Lectures cancelled",
        "source": "staff_report",
        "severity": "minor",
        "unit": world.unit3.pk,
        "requirement": "Infrastructure",
        "detected_on": "2026-11-02",
    }
    bad = client.post(url, {**data, "unit": ""})
    assert bad.status_code == 200 and "Broken projector in hall 2" in bad.content.decode()
    assert client.post(url, data).status_code == 302
    nc = Nonconformity.objects.get(title="Broken projector in hall 2")
    assert nc.reported_by == world.outsider and nc.number.startswith("NC-2026-")
    assert status(client, world.applicant, url) == 403


def test_the_unit_head_analyses_and_plans(client, world):
    start = reverse("audits:nc-start-analysis", args=[world.nc.pk])
    assert status(client, world.member, start, "post") == 403
    assert status(client, world.head2, start, "post") == 403
    login(client, world.p.head)
    assert client.post(start).status_code == 302
    analysis = reverse("audits:nc-analysis", args=[world.nc.pk])
    bad = client.post(analysis, {"why1": "No one was told", "cause_category": "communication", "root_cause": ""})
    assert bad.status_code == 200 and "No one was told" in bad.content.decode()
    response = client.post(
        analysis,
        {"why1": "No one was told", "why2": "No procedure", "cause_category": "method", "root_cause": "No procedure"},
    )
    assert response.status_code == 302
    world.nc.refresh_from_db()
    assert world.nc.state == "action_plan" and world.nc.whys == ["No one was told", "No procedure"]
    add = reverse("audits:nc-action-add", args=[world.nc.pk])
    assert status(client, world.member, add) == 403
    login(client, world.p.head)
    response = client.post(
        add, {"kind": "corrective", "description": "Write the procedure", "responsible": world.p.doer.pk,
              "due_date": "2026-12-01"},
    )  # fmt: skip
    assert response.status_code == 302
    action = Action.objects.get(description="Write the procedure")
    assert action.responsible == world.p.doer
    # The responsible person now sees the nonconformity and the action.
    assert status(client, world.p.doer, world.nc.get_absolute_url()) == 200
    assert status(client, world.p.doer, reverse("audits:action-detail", args=[action.pk])) == 200
    assert status(client, world.outsider, reverse("audits:action-detail", args=[action.pk])) == 403


def _plan(world):
    services.nonconformity_start_analysis(nc=world.nc, by=world.p.head)
    services.nonconformity_record_analysis(nc=world.nc, whys=["a"], cause_category="method", root_cause="b")
    action = services.action_add(
        nc=world.nc, kind="corrective", description="Fix it", responsible=world.p.doer,
        due_date=datetime.date(2026, 12, 1),
    )  # fmt: skip
    services.nonconformity_start_implementation(nc=world.nc, by=world.p.head)
    return action


def test_only_the_responsible_person_completes_an_action(client, world):
    action = _plan(world)
    url = reverse("audits:action-detail", args=[action.pk])
    assert status(client, world.p.head, url, "post", {"evidence": "done"}) == 403
    login(client, world.p.doer)
    bad = client.post(url, {"evidence": ""})
    assert bad.status_code == 400
    response = client.post(
        url, {"evidence": "Procedure DP 09 published", "evidence_file": SimpleUploadedFile("e.pdf", PDF)}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.state == "done" and action.evidence_file
    world.nc.refresh_from_db()
    assert world.nc.state == "effectiveness"
    assert status(client, world.p.head, reverse("audits:action-evidence", args=[action.pk])) == 200
    assert status(client, world.outsider, reverse("audits:action-evidence", args=[action.pk])) == 403


def test_effectiveness_check_not_by_the_action_owner(client, world, settings):
    settings.AUDITS_EFFECTIVENESS_WAIT_DAYS = 0
    action = _plan(world)
    services.action_complete(action=action, by=world.p.doer, evidence="done")
    url = reverse("audits:nc-effectiveness", args=[world.nc.pk])
    data = {"effective": "yes", "comment": "No repeat in a month"}
    assert status(client, world.member, url, "post", data) == 403
    # An auditor who did the action is refused by the service, with a message.
    world.p.doer.groups.add(*world.p.auditor.groups.all())
    login(client, world.p.doer)
    response = client.post(url, data, follow=True)
    assert "did none of the actions" in response.content.decode()
    world.nc.refresh_from_db()
    assert world.nc.state == "effectiveness"
    assert status(client, world.p.quality, url, "post", data) == 302
    world.nc.refresh_from_db()
    assert world.nc.state == "closed" and world.nc.verified_by == world.p.quality


def test_my_actions_lists_only_mine(client, world):
    action = _plan(world)
    login(client, world.p.doer)
    assert action.description in client.get(reverse("audits:action-list")).content.decode()
    login(client, world.p.other)
    assert action.description not in client.get(reverse("audits:action-list")).content.decode()


def _register(world, n):
    for i in range(n):
        nc = services.nonconformity_register(
            title=f"Case {i}", description="d", unit=world.unit, source="complaint", reported_by=world.p.other,
            requirement=f"R{i}", detected_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=i),
        )  # fmt: skip
        services.nonconformity_start_analysis(nc=nc, by=world.p.head)
        services.nonconformity_record_analysis(nc=nc, whys=["a"], cause_category="method", root_cause="b")
        services.action_add(
            nc=nc, kind="corrective", description="x", responsible=world.p.doer, due_date=datetime.date(2026, 2, 1)
        )


@pytest.mark.parametrize("user", ["quality", "head"])
def test_register_query_count_does_not_grow(client, world, user):
    person = world.p.quality if user == "quality" else world.p.head
    login(client, person)
    url = reverse("audits:nc-list") + "?state=open"
    _register(world, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _register(world, 12)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert len(response.context["page"].object_list) >= 14
    assert len(large) == len(small)


def test_register_filters(client, world):
    _register(world, 2)
    login(client, world.p.quality)
    page = client.get(reverse("audits:nc-list") + "?overdue=1").content.decode()
    assert "Case 0" in page and world.nc.number not in page
    page = client.get(reverse("audits:nc-list") + "?source=internal_audit").content.decode()
    assert world.nc.number in page and "Case 0" not in page


# --- management review ---------------------------------------------------------------------------


def test_management_review_pages(client, world):
    url = reverse("audits:review-list")
    assert status(client, world.p.quality, url, "post", {"year": 2026}) == 302
    review = ManagementReview.objects.get(year=2026)
    assert status(client, world.rector, url, "post", {"year": 2027}) == 403
    detail = review.get_absolute_url()
    assert status(client, world.p.quality, detail) == 200
    assert status(client, world.rector, detail) == 200
    assert status(client, world.member, detail) == 403
    collect = reverse("audits:review-collect", args=[review.pk])
    assert status(client, world.rector, collect, "post") == 403
    assert status(client, world.p.quality, collect, "post") == 302
    review.refresh_from_db()
    assert review.state == "inputs" and review.inputs["nonconformities"]["registered"] >= 1
    login(client, world.p.quality)
    page = client.get(detail).content.decode()
    assert 'data-testid="review-inputs"' in page
    hold = reverse("audits:review-hold", args=[review.pk])
    bad = client.post(hold, {"meeting_date": "2026-12-10", "attendees": [], "decisions": "Keep the plan"})
    assert bad.status_code == 200 and "Keep the plan" in bad.content.decode()
    data = {"meeting_date": "2026-12-10", "attendees": [world.rector.pk, world.member.pk], "decisions": "Keep the plan"}
    assert client.post(hold, data).status_code == 302
    # An attendee reads the review.
    assert status(client, world.member, detail) == 200
    add = reverse("audits:review-action-add", args=[review.pk])
    assert status(client, world.member, add) == 403
    login(client, world.p.quality)
    response = client.post(
        add, {"kind": "improvement", "description": "Hire an auditor", "responsible": world.p.head.pk,
              "due_date": "2027-03-01"},
    )  # fmt: skip
    assert response.status_code == 302
    assert review.actions.get().description == "Hire an auditor"
    close = reverse("audits:review-close", args=[review.pk])
    assert status(client, world.rector, close, "post") == 403
    assert status(client, world.p.quality, close, "post") == 302
    review.refresh_from_db()
    assert review.state == "closed" and review.report_state != ""


def test_attachment_of_an_unanswered_question_is_404(client, world):
    url = reverse("audits:checklist-attachment", args=[world.item.pk])
    assert status(client, world.p.auditor, url) == 404


def _grow_audit(world, n):
    for i in range(n):
        item = services.checklist_add_question(audit=world.audit, question=f"Question {i}?")
        services.checklist_answer(item=item, by=world.p.auditor, answer="observation", evidence_notes=f"note {i}")
        services.finding_record(
            audit=world.audit, by=world.p.auditor, kind=Finding.Kind.MINOR, unit=world.unit, requirement=f"Req {i}",
            statement=f"Finding {i}", checklist_item=item,
        )  # fmt: skip


@pytest.mark.parametrize("name", ["audits:audit-detail", "audits:checklist", "audits:audit-list", "audits:index"])
def test_audit_pages_make_the_same_number_of_queries_as_the_audit_grows(client, world, name):
    url = reverse(name, args=[world.audit.pk]) if name in ("audits:audit-detail", "audits:checklist") else reverse(name)
    if name == "audits:audit-list":
        url += "?year=2026"
    login(client, world.p.auditor)
    _grow_audit(world, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    _grow_audit(world, 8)
    for i in range(3):  # more audits in the list too
        services.audit_save(
            programme=world.programme, kind=Audit.Kind.PLANNED, title=f"Extra {i}", lead_auditor=world.p.auditor,
            planned_start=datetime.date(2026, 6, 1), planned_end=datetime.date(2026, 6, 2), units=[world.unit2],
            processes=[],
        )  # fmt: skip
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)


@pytest.mark.parametrize("name", ["audits:programme-detail", "audits:programme-coverage"])
def test_programme_pages_make_the_same_number_of_queries(client, world, name):
    url = reverse(name, args=[world.programme.pk])
    login(client, world.p.quality)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for i in range(5):
        services.audit_save(
            programme=world.programme, kind=Audit.Kind.PLANNED, title=f"Extra {i}", lead_auditor=world.aud2,
            planned_start=datetime.date(2026, 6, 1), planned_end=datetime.date(2026, 6, 2),
            units=[world.unit2, world.unit3], processes=[], clauses=[world.clause], team=[world.p.auditor],
        )  # fmt: skip
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)


def test_my_actions_and_nonconformity_page_make_the_same_number_of_queries(client, world):
    _plan(world)
    login(client, world.p.doer)
    urls = [reverse("audits:action-list"), world.nc.get_absolute_url(), reverse("audits:index")]
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    for i in range(6):
        services.action_add(
            nc=world.nc, kind="preventive", description=f"More {i}", responsible=world.p.doer,
            due_date=datetime.date(2026, 12, 1),
        )  # fmt: skip
    for url, before in zip(urls, counts, strict=True):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        assert len(queries) == before, url
