"""The audit report and the annual report on the functioning of the QMS: built by the worker
task from the services, kept with their record, readable in the report's language; a failing
build is recorded, not raised; a queued report is not queued twice."""

import datetime
import io
import time

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import date_format
from pypdf import PdfReader

from audits import reports, services
from audits.models import Audit, ManagementReview
from qms.models import StandardClause
from qms.pdf import URLRefused
from qms.standards import load_standard_clauses
from tests.policies.factories import DocumentFactory
from tests.processes.factories import ProcessFactory

STATEMENT = "Three syllabi were used before approval."
ACTION = "Add an approval deadline to DP 07.03"
OBSERVATION = "Minutes of the council are filed late."


def pdf_text(field) -> str:
    """The text of a kept PDF, with its whitespace (line breaks of wrapped cells) normalised."""
    field.open("rb")
    try:
        reader = PdfReader(io.BytesIO(field.read()))
    finally:
        field.close()
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def pdf_lang(field) -> str:
    field.open("rb")
    try:
        return str(PdfReader(io.BytesIO(field.read())).trailer["/Root"].get("/Lang", ""))
    finally:
        field.close()


def iso_clause(code="9.2"):
    if not StandardClause.objects.exists():  # a transactional test's flush drops the migration's rows
        load_standard_clauses(StandardClause)
    return StandardClause.objects.get(framework=StandardClause.Framework.ISO9001, code=code)


def build_audit(people, unit, *, title="Teaching at the Faculty", with_clause=True):
    """An audit of `unit` taken to "in progress" through the services, its checklist answered,
    a major nonconformity (with a planned action) and an observation recorded."""
    process = ProcessFactory(
        code="P-07", name={"en": "Teaching", "bg": "Обучение"}, leader=people.head, owner=people.head
    )
    document = DocumentFactory(code="DP 07.03", title="Approval of syllabi", owner_unit=unit, owner=people.quality)
    clause = iso_clause() if with_clause else None
    programme = services.programme_create(year=2026)
    audit = services.audit_save(
        programme=programme, kind=Audit.Kind.PLANNED, title=title, lead_auditor=people.auditor,
        planned_start=datetime.date(2026, 3, 2), planned_end=datetime.date(2026, 3, 3),
        units=[unit], processes=[process], documents=[document], clauses=[clause] if clause else [],
        team=[people.quality],
    )  # fmt: skip
    services.checklist_build(audit=audit)
    services.checklist_add_question(audit=audit, question="Are the council's minutes filed on time?")
    services.audit_prepare(audit=audit, by=people.auditor)
    services.audit_start(audit=audit, by=people.auditor)
    items = list(audit.checklist.order_by("order", "id"))
    answers = ["conforming"] * (len(items) - 2) + ["nonconforming", "observation"]
    for item, answer in zip(items, answers, strict=True):
        services.checklist_answer(
            item=item, by=people.auditor, answer=answer, evidence_notes=f"Notes on {answer} (question {item.order})"
        )
    major = services.finding_record(
        audit=audit, by=people.auditor, kind="major", unit=unit, process=process, clause=clause,
        requirement="DP 07.03 §4", statement=STATEMENT, evidence="Syllabi of the first year, autumn term.",
        checklist_item=items[-2],
    )  # fmt: skip
    services.finding_record(
        audit=audit, by=people.quality, kind="observation", unit=unit, statement=OBSERVATION,
        checklist_item=items[-1],
    )  # fmt: skip
    nc = major.nonconformity
    plan_action(nc, people, ACTION)
    return audit, nc


def plan_action(nc, people, description, due=datetime.date(2026, 4, 30)):
    nc.refresh_from_db()
    if nc.state == "registered":
        services.nonconformity_start_analysis(nc=nc, by=people.head)
        services.nonconformity_record_analysis(
            nc=nc, whys=["No deadline"], cause_category="method", root_cause="The procedure sets no deadline."
        )
    return services.action_add(nc=nc, kind="corrective", description=description, responsible=people.doer, due_date=due)


# --- the audit report -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_reported_audit_gets_its_report_pdf(people, unit, django_capture_on_commit_callbacks):
    audit, nc = build_audit(people, unit)
    with django_capture_on_commit_callbacks(execute=True):
        services.audit_report(audit=audit, by=people.auditor, summary="The process works; syllabi lag.", language="en")
    audit.refresh_from_db()
    assert audit.status == "reported"
    assert audit.report_state == "done", audit.report_error
    assert audit.report_language == "en" and audit.report_error == "" and audit.report_built_at
    assert audit.report_file.name.endswith(".pdf") and f"audit-report-{audit.pk}-" in audit.report_file.name
    text = pdf_text(audit.report_file)
    for expected in (
        "Audit report: Teaching at the Faculty",
        "Planned (from the programme)",  # the kind, by its label
        "Faculty",
        "P-07 Teaching",
        "DP 07.03 Approval of syllabi",
        "9.2",
        "The process works; syllabi lag.",
        "Major nonconformity (1)",
        "Observation (1)",
        STATEMENT,
        OBSERVATION,
        "DP 07.03 §4",
        nc.number,
        "Action plan",  # the nonconformity's state, by its label
        ACTION,
        "Notes on nonconforming",  # the evidence of a nonconforming answer
    ):
        assert expected in text, expected
    assert pdf_lang(audit.report_file) == "en"


@pytest.mark.django_db
def test_the_audit_report_in_bulgarian(people, unit, django_capture_on_commit_callbacks):
    audit, nc = build_audit(people, unit)
    with django_capture_on_commit_callbacks(execute=True):
        services.audit_report(audit=audit, by=people.auditor, summary="Обобщение на одита.", language="bg")
    audit.refresh_from_db()
    assert audit.report_state == "done", audit.report_error
    text = pdf_text(audit.report_file)
    # Headings translated in locale/bg (Scope, Unit, Responsible), and the process in Bulgarian.
    assert "Обхват" in text and "Звено" in text and "Отговаря" in text
    assert "P-07 Обучение" in text and nc.number in text and ACTION in text
    assert "Страница 1 от" in text
    assert pdf_lang(audit.report_file) == "bg"


@pytest.mark.django_db
def test_a_failing_renderer_is_recorded_not_raised(people, unit, monkeypatch, django_capture_on_commit_callbacks):
    audit, _nc = build_audit(people, unit)

    def broken(record):
        raise RuntimeError("weasyprint exploded at /srv/secret/path")

    monkeypatch.setitem(reports.RENDERERS, "audits.audit", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.audit_report(audit=audit, by=people.auditor, summary="Summary.", language="en")
    audit.refresh_from_db()
    assert audit.status == "reported"  # the audit is reported all the same
    assert audit.report_state == "failed" and not audit.report_file
    assert audit.report_error.startswith("The report could not be built: an unexpected error")
    assert "secret" not in audit.report_error

    # A refused resource is a reason people can act on: it is shown, in the report's language.
    def refused(record):
        raise URLRefused("http://example.org/logo.png was not fetched: a PDF may use only the portal's own files.")

    monkeypatch.setitem(reports.RENDERERS, "audits.audit", refused)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_queue(record=audit, by=people.auditor, language="en")
    audit.refresh_from_db()
    assert audit.report_state == "failed"
    assert "logo.png was not fetched" in audit.report_error


@pytest.mark.django_db
def test_a_queued_report_is_not_queued_twice(people, unit, django_capture_on_commit_callbacks):
    audit, _nc = build_audit(people, unit)
    Audit.objects.filter(pk=audit.pk).update(report_state="queued", report_language="en")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.report_queue(record=audit, by=people.auditor, language="bg")
    assert callbacks == []
    audit.refresh_from_db()
    assert (audit.report_state, audit.report_language) == ("queued", "en")

    Audit.objects.filter(pk=audit.pk).update(report_state="running")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.report_queue(record=audit, by=people.auditor, language="bg")
    assert callbacks == []
    assert Audit.objects.get(pk=audit.pk).report_state == "running"


@pytest.mark.django_db
def test_building_again_replaces_the_file(people, unit, django_capture_on_commit_callbacks, media_root):
    audit, _nc = build_audit(people, unit)
    with django_capture_on_commit_callbacks(execute=True):
        services.audit_report(audit=audit, by=people.auditor, summary="Summary.", language="en")
    audit.refresh_from_db()
    first = audit.report_file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.report_queue(record=audit, by=people.auditor, language="bg")
    audit.refresh_from_db()
    assert audit.report_state == "done" and audit.report_file.name != first
    assert not (media_root / first).exists() and (media_root / audit.report_file.name).exists()
    assert "Обхват" in pdf_text(audit.report_file)


@pytest.mark.django_db
def test_the_audit_report_reads_a_fixed_number_of_queries(people, unit, monkeypatch):
    """More findings, nonconformities and actions do not mean more queries."""
    monkeypatch.setattr(reports.pdf, "render_pdf", lambda template, context: render_to_string(template, context))
    audit, nc = build_audit(people, unit)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = reports.audit_report_pdf(audit)[1]
        return len(captured), html

    before, html = queries()
    assert ACTION in html
    plan_action(nc, people, "Train the heads of department")
    for n in range(3):
        finding = services.finding_record(
            audit=audit, by=people.auditor, kind="minor", unit=unit, requirement=f"DP 07.0{n} §1",
            statement=f"Minor finding {n}",
        )  # fmt: skip
        plan_action(finding.nonconformity, people, f"Action of minor finding {n}")
    after, html = queries()
    assert "Action of minor finding 2" in html and "Train the heads of department" in html
    assert after == before


# --- the review's inputs, on the page and in the PDF -----------------------------------------


@pytest.mark.django_db
def test_the_inputs_are_shown_with_labels_and_local_dates(people, unit, nc):
    plan_action(nc, people, ACTION)
    review = services.review_create(year=2026)
    review = services.review_collect_inputs(review=review, today=datetime.date(2026, 12, 1))
    inputs = {
        **review.inputs,
        "kpis": {
            **review.inputs["kpis"],
            "off_target": [
                {
                    "process": "P-07",
                    "kpi": {"en": "Graduate employment", "bg": "Реализация на завършилите"},
                    "target": "80",
                    "value": "55",
                    "unit_of_measure": "%",
                },
            ],
        },  # fmt: skip
    }
    with translation.override("en"):
        html = render_to_string("audits/_review_inputs.html", {"inputs": inputs, "labels": reports.input_labels()})
        collected = date_format(datetime.date(2026, 12, 1), "SHORT_DATE_FORMAT")
    assert "Internal audit" in html and "internal_audit" not in html  # the source, by its label
    assert "Action plan" in html and "action_plan" not in html  # the state, by its label
    assert collected in html and "2026-12-01" not in html
    assert "Graduate employment" in html
    assert "admission campaign starting this year" in html
    assert "style=" not in html and "<script" not in html  # the page's strict CSP
    with translation.override("bg"):
        html = render_to_string("audits/_review_inputs.html", {"inputs": inputs, "labels": reports.input_labels()})
        collected = date_format(datetime.date(2026, 12, 1), "SHORT_DATE_FORMAT")
    assert "Реализация на завършилите" in html and collected in html
    # Inputs not collected yet: one sentence, no error.
    html = render_to_string("audits/_review_inputs.html", {"inputs": {}, "labels": reports.input_labels()})
    assert "not been collected yet" in html


def hold_review(people, year=2026):
    review = services.review_create(year=year)
    services.review_save_texts(
        review=review,
        stakeholder_feedback="Students ask for earlier timetables.",
        changes="A new accreditation standard applies from autumn.",
        resources="Two auditors retire this year.",
    )
    services.review_collect_inputs(review=review, today=datetime.date(year, 12, 1))
    services.review_hold(
        review=review,
        meeting_date=datetime.date(year, 12, 10),
        attendees=[people.quality, people.head],
        decisions="Set a deadline for the approval of syllabi.",
    )
    services.action_add(
        review=review, kind="improvement", description="Train the heads of department on DP 07.03",
        responsible=people.head, due_date=datetime.date(year + 1, 2, 1),
    )  # fmt: skip
    return review


@pytest.mark.django_db
def test_the_closed_review_gets_its_annual_report(people, unit, nc, django_capture_on_commit_callbacks):
    services.nonconformity_register(
        title="Late minutes", description="Minutes filed late.", unit=unit, source="complaint",
        reported_by=people.quality, detected_on=datetime.date(2026, 6, 1),
    )  # fmt: skip
    review = hold_review(people)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_close(review=review, by=people.quality, language="en")
    review.refresh_from_db()
    assert review.state == "closed"
    assert review.report_state == "done", review.report_error
    text = pdf_text(review.report_file)
    for expected in (
        "Annual report on the functioning of the quality management system, 2026",
        str(people.quality),
        "Students ask for earlier timetables.",
        "Set a deadline for the approval of syllabi.",
        "Train the heads of department on DP 07.03",
        "Nonconformities registered in the year 2",
        "Complaint 1",
        "Internal audit 1",
        "admission campaign starting this year",
    ):
        assert expected in text, expected
    assert review.report_file.name.endswith(".pdf") and "qms-annual-report-2026-" in review.report_file.name


@pytest.mark.django_db
def test_the_annual_report_in_bulgarian(people, unit, nc, django_capture_on_commit_callbacks):
    review = hold_review(people)
    with django_capture_on_commit_callbacks(execute=True):
        services.review_close(review=review, by=people.quality, language="bg")
    review.refresh_from_db()
    assert review.report_state == "done", review.report_error
    text = pdf_text(review.report_file)
    assert "Отговаря" in text and "Train the heads of department on DP 07.03" in text
    assert pdf_lang(review.report_file) == "bg"
    assert ManagementReview.objects.get(pk=review.pk).report_language == "bg"


# --- with the real worker --------------------------------------------------------------------


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_the_worker_builds_the_audit_report(worker):
    from tests.audits.conftest import People
    from tests.qms.factories import UnitFactory

    people = People()
    root = UnitFactory(name="University", kind="university")
    unit = UnitFactory(name="Faculty", kind="faculty", parent=root, head=people.head)
    audit, nc = build_audit(people, unit)
    services.audit_report(audit=audit, by=people.auditor, summary="Built by the worker.", language="en")

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        audit.refresh_from_db()
        if audit.report_state in ("done", "failed"):
            break
        time.sleep(0.3)
    assert audit.report_state == "done", f"{audit.report_state} {audit.report_error}\n{worker['log'].read_text()}"
    text = pdf_text(audit.report_file)
    assert "Teaching at the Faculty" in text and nc.number in text and ACTION in text
