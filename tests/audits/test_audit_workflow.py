"""The audit programme, the independence of auditors, the audit's states, its checklist and its
findings (and the nonconformities they open)."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from audits import services
from audits.models import Audit, AuditProgramme, ChecklistItem, ChecklistTemplate, Finding, Nonconformity
from audits.services import WorkflowError
from qms.models import OrganisationalUnit, StandardClause
from qms.roles import Role
from qms.standards import load_standard_clauses
from tests.policies.factories import DocumentFactory
from tests.processes.factories import ProcessFactory
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

YEAR = 2026
START = datetime.date(YEAR, 3, 2)
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def clauses(db):
    if not StandardClause.objects.exists():  # a flushed test database has lost the migration's rows
        load_standard_clauses(StandardClause)
    return SimpleNamespace(
        documented=StandardClause.objects.get(framework="iso9001", code="7.5"),
        nc=StandardClause.objects.get(framework="iso9001", code="10.2"),
        esg=StandardClause.objects.get(framework="esg2015", code="1.2"),
    )


@pytest.fixture
def tree(unit):
    """The university, the faculty (headed by `head`), a department under it and another faculty."""
    root = OrganisationalUnit.objects.get_parent(unit)
    department = UnitFactory(name="Department", kind="department", parent=unit)
    other_faculty = UnitFactory(name="Other faculty", kind="faculty", parent=root)
    return SimpleNamespace(root=root, faculty=unit, department=department, other_faculty=other_faculty)


@pytest.fixture
def rector(db):
    return UserFactory(username="rect", roles=[Role.RECTORATE, Role.STAFF])


@pytest.fixture
def auditor2(db):
    return UserFactory(username="aud2", roles=[Role.AUDITOR, Role.STAFF])


@pytest.fixture
def programme(db):
    return services.programme_create(year=YEAR)


def save_audit(*, lead, units, programme=None, processes=(), team=(), clauses=(), documents=(), **fields):
    fields = {
        "kind": "planned",
        "title": "Audit of teaching",
        "planned_start": START,
        "planned_end": START + datetime.timedelta(days=2),
        **fields,
    }
    return services.audit_save(
        programme=programme, lead_auditor=lead, units=units, processes=processes, team=team, clauses=clauses,
        documents=documents, **fields,
    )  # fmt: skip


def in_progress(audit, by):
    """Build the checklist (from the audit's criteria), prepare and start the audit."""
    services.checklist_add_question(audit=audit, question="Are the syllabi approved before use?")
    services.checklist_build(audit=audit)
    services.audit_prepare(audit=audit, by=by)
    return services.audit_start(audit=audit, by=by)


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- the programme ----------------------------------------------------------------------------


def test_the_rector_approves_a_programme_with_audits(programme, people, tree, rector):
    save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty])
    before = timezone.now()
    services.programme_approve(programme=programme, by=rector)
    programme.refresh_from_db()
    assert programme.status == "approved" and programme.approved_by == rector
    assert before <= programme.approved_at <= timezone.now()


def test_the_quality_officer_does_not_approve_the_programme(programme, people, tree):
    save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty])
    with pytest.raises(WorkflowError, match="rector"):
        services.programme_approve(programme=programme, by=people.quality)
    programme.refresh_from_db()
    assert (programme.status, programme.approved_by, programme.approved_at) == ("draft", None, None)


def test_an_empty_programme_is_not_approved(programme, rector):
    with pytest.raises(WorkflowError, match="at least one audit"):
        services.programme_approve(programme=programme, by=rector)
    programme.refresh_from_db()
    assert (programme.status, programme.approved_by) == ("draft", None)


def test_a_programme_is_approved_once_and_revised_back_to_draft(programme, people, tree, rector):
    save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty])
    services.programme_approve(programme=programme, by=rector)
    first = AuditProgramme.objects.get(pk=programme.pk).approved_at
    with pytest.raises(WorkflowError, match="already approved"):
        services.programme_approve(programme=programme, by=rector)
    assert AuditProgramme.objects.get(pk=programme.pk).approved_at == first
    services.programme_revise(programme=programme, by=people.quality)
    programme.refresh_from_db()
    assert (programme.status, programme.approved_by, programme.approved_at) == ("draft", None, None)
    with pytest.raises(WorkflowError):
        services.programme_revise(programme=programme, by=people.quality)  # a draft is not revised


def test_the_audits_of_an_approved_programme_change_only_after_it_is_revised(programme, people, tree, rector):
    audit = save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty])
    services.programme_approve(programme=programme, by=rector)
    with pytest.raises(ValidationError) as refused:
        save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty], title="One more")
    assert "programme" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.audit_save(
            audit=audit, programme=programme, kind="planned", title="Moved", lead_auditor=people.auditor,
            planned_start=START, planned_end=START, units=[tree.other_faculty], processes=[],
        )  # fmt: skip
    assert Audit.objects.filter(programme=programme).count() == 1
    assert Audit.objects.get(pk=audit.pk).title == "Audit of teaching"
    services.programme_revise(programme=programme, by=people.quality)
    save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty], title="One more")
    assert Audit.objects.filter(programme=programme).count() == 2


# --- independence and the audit's plan --------------------------------------------------------


def test_a_lead_auditor_does_not_audit_their_own_unit(programme, people, tree):
    MembershipFactory(unit=tree.other_faculty, user=people.auditor)
    with pytest.raises(ValidationError) as refused:
        save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty])
    text = messages(refused.value)
    assert people.auditor.get_full_name() in text and "Other faculty" in text
    assert not Audit.objects.exists()


def test_the_head_of_a_faculty_does_not_audit_a_department_under_it(programme, people, tree):
    assert tree.faculty.head == people.head
    with pytest.raises(ValidationError) as refused:
        save_audit(programme=programme, lead=people.head, units=[tree.department])
    assert people.head.get_full_name() in messages(refused.value) and "Department" in messages(refused.value)
    assert not Audit.objects.exists()


def test_a_member_of_a_department_does_not_audit_its_faculty(programme, people, tree):
    MembershipFactory(unit=tree.department, user=people.auditor)
    with pytest.raises(ValidationError) as refused:
        save_audit(programme=programme, lead=people.auditor, units=[tree.faculty])
    assert "Faculty" in messages(refused.value)
    assert not Audit.objects.exists()


def test_a_team_member_in_conflict_is_refused_too(programme, people, tree, auditor2):
    MembershipFactory(unit=tree.department, user=auditor2)
    with pytest.raises(ValidationError) as refused:
        save_audit(programme=programme, lead=people.auditor, team=[auditor2], units=[tree.department])
    text = messages(refused.value)
    assert auditor2.get_full_name() in text and people.auditor.get_full_name() not in text
    assert not Audit.objects.exists()


def test_an_auditor_does_not_audit_a_process_they_own(programme, people, tree):
    process = ProcessFactory(code="P-07", name={"en": "Teaching"}, owner=people.auditor, leader=people.other)
    with pytest.raises(ValidationError) as refused:
        save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty], processes=[process])
    assert "P-07" in messages(refused.value) and people.auditor.get_full_name() in messages(refused.value)
    assert not Audit.objects.exists()


def test_an_independent_auditor_plans_an_audit_with_its_criteria_and_team(programme, people, tree, clauses, auditor2):
    MembershipFactory(unit=tree.faculty, user=people.auditor)  # a member of another faculty
    process = ProcessFactory(code="P-02", name={"en": "Admission"}, owner=people.other, leader=people.other)
    document = DocumentFactory(code="DP 07.03", owner=people.other, owner_unit=tree.root)
    audit = save_audit(
        programme=programme, lead=people.auditor, team=[people.auditor, auditor2], units=[tree.other_faculty],
        processes=[process], documents=[document], clauses=[clauses.documented, clauses.esg],
    )  # fmt: skip
    audit = Audit.objects.get(pk=audit.pk)
    assert (audit.status, audit.programme, audit.lead_auditor) == ("planned", programme, people.auditor)
    assert list(audit.units.all()) == [tree.other_faculty]
    assert list(audit.processes.all()) == [process]
    assert list(audit.documents.all()) == [document]
    assert set(audit.clauses.all()) == {clauses.documented, clauses.esg}
    assert list(audit.team.all()) == [auditor2]  # the lead is not repeated in the team


def test_a_planned_audit_belongs_to_the_programme_of_its_year(programme, people, tree):
    with pytest.raises(ValidationError) as refused:
        save_audit(programme=None, lead=people.auditor, units=[tree.other_faculty])
    assert "programme" in refused.value.message_dict
    other_year = datetime.date(YEAR + 1, 1, 10)
    with pytest.raises(ValidationError) as refused:
        save_audit(
            programme=programme, lead=people.auditor, units=[tree.other_faculty], planned_start=other_year,
            planned_end=other_year,
        )  # fmt: skip
    assert "planned_start" in refused.value.message_dict
    assert not Audit.objects.exists()
    # An unplanned audit needs no programme.
    assert save_audit(programme=None, kind="unplanned", lead=people.auditor, units=[tree.other_faculty]).pk


def test_a_reported_audit_is_no_longer_changed(programme, people, tree, auditor2):
    audit = save_audit(programme=programme, lead=people.auditor, units=[tree.other_faculty])
    in_progress(audit, people.auditor)
    for item in audit.checklist.all():
        services.checklist_answer(item=item, by=people.auditor, answer="conforming", evidence_notes="")
    services.audit_report(audit=audit, by=people.auditor, summary="All conforming.", language="en")
    with pytest.raises(WorkflowError):
        save_audit(
            audit=audit, programme=programme, lead=people.auditor, units=[tree.faculty], team=[auditor2],
            title="Changed",
        )  # fmt: skip
    audit.refresh_from_db()
    assert audit.title == "Audit of teaching" and list(audit.units.all()) == [tree.other_faculty]
    assert not audit.team.exists()


# --- the audit's states -----------------------------------------------------------------------


@pytest.fixture
def audit(programme, people, tree, clauses):
    return save_audit(
        programme=programme, lead=people.auditor, units=[tree.faculty], clauses=[clauses.documented, clauses.nc]
    )


def test_an_audit_is_not_prepared_without_a_checklist(audit, people):
    with pytest.raises(WorkflowError, match="checklist"):
        services.audit_prepare(audit=audit, by=people.auditor)
    audit.refresh_from_db()
    assert audit.status == "planned"


def test_the_whole_way_from_planned_to_closed(audit, people, django_capture_on_commit_callbacks, monkeypatch):
    assert services.checklist_build(audit=audit) == 2
    assert services.audit_prepare(audit=audit, by=people.auditor).status == "prepared"
    assert services.audit_start(audit=audit, by=people.auditor).status == "in_progress"
    for item in audit.checklist.all():
        services.checklist_answer(item=item, by=people.auditor, answer="conforming", evidence_notes="Seen")
    queued = []
    monkeypatch.setattr("audits.tasks.build_report", SimpleNamespace(delay=lambda *args: queued.append(args)))
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        reported = services.audit_report(audit=audit, by=people.auditor, summary=" No findings. ", language="sl")
    assert len(callbacks) == 1 and queued == [("audits.audit", audit.pk, people.auditor.pk)]
    audit.refresh_from_db()
    assert reported.status == audit.status == "reported"
    assert audit.summary == "No findings." and before <= audit.reported_at <= timezone.now()
    assert (audit.report_state, audit.report_language) == ("queued", "sl")
    closed = services.audit_close(audit=audit, by=people.quality)
    audit.refresh_from_db()
    assert closed.status == audit.status == "closed" and audit.closed_at is not None


def test_no_step_of_the_audit_is_skipped(audit, people):
    services.checklist_build(audit=audit)
    with pytest.raises(WorkflowError):
        services.audit_start(audit=audit, by=people.auditor)  # planned, not prepared
    services.audit_prepare(audit=audit, by=people.auditor)
    with pytest.raises(WorkflowError):
        services.audit_report(audit=audit, by=people.auditor, summary="Done", language="en")  # not started
    services.audit_start(audit=audit, by=people.auditor)
    with pytest.raises(WorkflowError):
        services.audit_close(audit=audit, by=people.auditor)  # not reported
    with pytest.raises(WorkflowError):
        services.audit_prepare(audit=audit, by=people.auditor)  # no way back
    audit.refresh_from_db()
    assert (audit.status, audit.reported_at, audit.closed_at, audit.report_state) == ("in_progress", None, None, "")


def test_an_audit_is_not_reported_with_unanswered_questions_or_without_a_summary(
    audit, people, django_capture_on_commit_callbacks
):
    in_progress(audit, people.auditor)
    first, *rest = audit.checklist.all()
    assert len(rest) == 2
    services.checklist_answer(item=first, by=people.auditor, answer="conforming", evidence_notes="")
    with django_capture_on_commit_callbacks() as callbacks:
        with pytest.raises(WorkflowError, match="2 checklist questions"):
            services.audit_report(audit=audit, by=people.auditor, summary="Done", language="en")
        for item in rest:
            services.checklist_answer(item=item, by=people.auditor, answer="not_applicable", evidence_notes="")
        with pytest.raises(ValidationError) as refused:
            services.audit_report(audit=audit, by=people.auditor, summary="  ", language="en")
    assert "summary" in refused.value.message_dict
    assert callbacks == []
    audit.refresh_from_db()
    assert (audit.status, audit.reported_at, audit.summary, audit.report_state) == ("in_progress", None, "", "")


# --- the checklist ----------------------------------------------------------------------------


def test_the_checklist_asks_about_each_criterion_and_the_template_once(programme, people, tree, clauses):
    document = DocumentFactory(code="DP 07.03", title="Syllabi", owner=people.other, owner_unit=tree.root)
    audit = save_audit(
        programme=programme, lead=people.auditor, units=[tree.faculty], clauses=[clauses.documented, clauses.esg],
        documents=[document],
    )  # fmt: skip
    template = ChecklistTemplate.objects.create(
        name="Admission", questions=["Are the admission criteria published?", " ", "Are the results appealed?"]
    )
    assert services.checklist_build(audit=audit, template=template) == 5
    items = list(audit.checklist.order_by("order"))
    assert [i.order for i in items] == [1, 2, 3, 4, 5]
    assert {i.clause for i in items if i.clause} == {clauses.documented, clauses.esg}
    assert sum(1 for i in items if i.clause) == 2
    by_document = [i for i in items if i.document]
    assert len(by_document) == 1 and by_document[0].document == document and "DP 07.03" in by_document[0].question
    assert [i.question for i in items[3:]] == ["Are the admission criteria published?", "Are the results appealed?"]
    assert all(i.clause is None and i.document is None for i in items[3:])
    assert all(i.answer == "" for i in items)
    assert services.checklist_build(audit=audit, template=template) == 0
    assert audit.checklist.count() == 5


@pytest.fixture
def started(audit, people):
    return in_progress(audit, people.auditor)


def test_only_the_team_answers_the_checklist_and_only_during_the_audit(audit, people, auditor2):
    services.checklist_build(audit=audit)
    item = audit.checklist.first()
    services.audit_prepare(audit=audit, by=people.auditor)
    with pytest.raises(WorkflowError):
        services.checklist_answer(item=item, by=people.auditor, answer="conforming", evidence_notes="")  # not started
    services.audit_start(audit=audit, by=people.auditor)
    for outsider in (people.quality, auditor2):
        with pytest.raises(WorkflowError, match="team"):
            services.checklist_answer(item=item, by=outsider, answer="conforming", evidence_notes="")
    item.refresh_from_db()
    assert (item.answer, item.answered_by, item.answered_at) == ("", None, None)


def test_a_nonconforming_answer_needs_its_evidence(started, people):
    item = started.checklist.first()
    with pytest.raises(ValidationError) as refused:
        services.checklist_answer(item=item, by=people.auditor, answer="nonconforming", evidence_notes="  ")
    assert list(refused.value.message_dict) == ["evidence_notes"]
    item.refresh_from_db()
    assert item.answer == "" and item.answered_by is None


def test_an_attachment_is_judged_by_its_bytes(started, people, media_root):
    item = started.checklist.first()
    disguised = SimpleUploadedFile("x.pdf", EXECUTABLE, content_type="application/pdf")
    with pytest.raises(ValidationError) as refused:
        services.checklist_answer(
            item=item, by=people.auditor, answer="nonconforming", evidence_notes="Unsigned", attachment=disguised
        )
    assert list(refused.value.message_dict) == ["attachment"]
    item.refresh_from_db()
    assert (item.answer, item.attachment.name) == ("", "")
    assert not list(media_root.rglob("*.pdf"))

    before = timezone.now()
    answered = services.checklist_answer(
        item=item, by=people.auditor, answer="nonconforming", evidence_notes=" Two syllabi unsigned ",
        attachment=SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf"),
    )  # fmt: skip
    item = ChecklistItem.objects.get(pk=answered.pk)
    assert (item.answer, item.evidence_notes) == ("nonconforming", "Two syllabi unsigned")
    assert item.answered_by == people.auditor
    assert before <= item.answered_at <= timezone.now()
    assert item.attachment.name.startswith("audit-evidence/") and item.attachment.name.endswith(".pdf")
    with item.attachment.open("rb") as stored:
        assert stored.read() == PDF


def test_a_team_member_answers_too(programme, people, tree, clauses, auditor2):
    audit = save_audit(
        programme=programme, lead=people.auditor, team=[auditor2], units=[tree.faculty], clauses=[clauses.documented]
    )
    in_progress(audit, people.auditor)
    item = audit.checklist.first()
    services.checklist_answer(item=item, by=auditor2, answer="observation", evidence_notes="Forms differ")
    item.refresh_from_db()
    assert (item.answer, item.answered_by) == ("observation", auditor2)


# --- findings ---------------------------------------------------------------------------------


def record(
    audit, by, *, kind="major", unit, clause=None, requirement="", statement="Syllabi used before approval", **extra
):
    return services.finding_record(
        audit=audit, by=by, kind=kind, unit=unit, clause=clause, requirement=requirement, statement=statement,
        evidence="Three syllabi of 2025/26", **extra,
    )  # fmt: skip


def test_a_major_finding_opens_a_nonconformity(started, people, tree, clauses):
    finding = record(started, people.auditor, unit=tree.faculty, clause=clauses.nc, statement="Syllabi\nmore")
    nc = Nonconformity.objects.get()
    assert Finding.objects.get().nonconformity == nc and nc.finding == finding
    assert (nc.source, nc.severity, nc.unit, nc.clause, nc.reported_by, nc.state) == (
        "internal_audit", "major", tree.faculty, clauses.nc, people.auditor, "registered",
    )  # fmt: skip
    assert nc.title == "Syllabi" and nc.description == "Syllabi\nmore\n\nThree syllabi of 2025/26"
    assert nc.detected_on == timezone.localdate() and nc.repeat_of is None
    assert re.fullmatch(rf"NC-{timezone.localdate().year}-\d{{4}}", nc.number)
    assert nc.number == f"NC-{timezone.localdate().year}-0001"


def test_a_finding_of_an_external_audit_is_an_external_nonconformity(people, tree, clauses):
    audit = save_audit(kind="external", lead=people.auditor, units=[tree.faculty], clauses=[clauses.nc])
    in_progress(audit, people.auditor)
    record(audit, people.auditor, kind="minor", unit=tree.faculty, requirement="DP 07.03 §4", detected_on=START)
    nc = Nonconformity.objects.get()
    assert (nc.source, nc.severity, nc.requirement, nc.clause) == ("external_audit", "minor", "DP 07.03 §4", None)
    assert (nc.detected_on, nc.number) == (START, f"NC-{YEAR}-0001")  # dated at the audit


def test_an_observation_opens_no_nonconformity(started, people, tree):
    finding = record(started, people.auditor, kind="observation", unit=tree.faculty)
    assert Finding.objects.get() == finding and finding.nonconformity is None
    assert not Nonconformity.objects.exists()


def test_a_nonconformity_finding_names_its_requirement(started, people, tree):
    with pytest.raises(ValidationError) as refused:
        record(started, people.auditor, kind="minor", unit=tree.faculty, requirement="  ")
    assert "requirement" in refused.value.message_dict
    assert not Finding.objects.exists() and not Nonconformity.objects.exists()


def test_a_finding_stays_within_the_audits_units(started, people, tree, clauses):
    with pytest.raises(ValidationError) as refused:
        record(started, people.auditor, unit=tree.other_faculty, clause=clauses.nc)
    assert "unit" in refused.value.message_dict
    with pytest.raises(ValidationError):
        record(started, people.auditor, unit=tree.root, clause=clauses.nc)  # above the audited unit
    assert not Finding.objects.exists() and not Nonconformity.objects.exists()
    finding = record(started, people.auditor, unit=tree.department, clause=clauses.nc)  # under it
    assert finding.unit == tree.department and finding.nonconformity.unit == tree.department


def test_a_second_nonconformity_on_the_same_clause_and_unit_is_a_repeat_across_audits(
    started, programme, people, tree, clauses, auditor2
):
    first = record(started, people.auditor, unit=tree.department, clause=clauses.nc).nonconformity
    second = record(started, people.auditor, unit=tree.department, clause=clauses.nc, kind="minor").nonconformity
    elsewhere = record(started, people.auditor, unit=tree.faculty, clause=clauses.nc).nonconformity
    other_clause = record(started, people.auditor, unit=tree.department, clause=clauses.documented).nonconformity
    assert second.repeat_of == first and first.repeat_of is None
    assert elsewhere.repeat_of is None and other_clause.repeat_of is None
    later = save_audit(programme=programme, lead=auditor2, units=[tree.department], clauses=[clauses.nc])
    in_progress(later, auditor2)
    third = record(later, auditor2, unit=tree.department, clause=clauses.nc).nonconformity
    assert third.repeat_of == second  # the latest earlier one
    assert Nonconformity.objects.filter(repeat_of__isnull=False).count() == 2


def test_only_the_team_records_findings_and_only_during_the_audit(audit, people, tree, clauses):
    services.checklist_build(audit=audit)
    services.audit_prepare(audit=audit, by=people.auditor)
    with pytest.raises(WorkflowError):
        record(audit, people.auditor, unit=tree.faculty, clause=clauses.nc)  # prepared, not started
    services.audit_start(audit=audit, by=people.auditor)
    with pytest.raises(WorkflowError, match="team"):
        record(audit, people.quality, unit=tree.faculty, clause=clauses.nc)
    assert not Finding.objects.exists() and not Nonconformity.objects.exists()
