"""The demo audits and improvement: this year's approved programme, a closed audit with findings of
every kind and one in progress, nonconformities in every state (an overdue action, a repeat, one
closed as effective), last year's held management review; loading twice adds nothing."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from audits.models import (
    Action,
    Audit,
    AuditProgramme,
    ChecklistItem,
    ChecklistTemplate,
    Finding,
    ManagementReview,
    Nonconformity,
)


def snapshot():
    return {
        "programmes": sorted(AuditProgramme.objects.values_list("year", "status")),
        "audits": sorted(Audit.objects.values_list("title", "status")),
        "checklist": sorted(ChecklistItem.objects.values_list("audit__title", "question", "answer")),
        "templates": ChecklistTemplate.objects.count(),
        "findings": Finding.objects.count(),
        "nonconformities": sorted(Nonconformity.objects.values_list("number", "state")),
        "actions": sorted(Action.objects.values_list("description", "state")),
        "reviews": sorted(ManagementReview.objects.values_list("year", "state")),
        "history": (Audit.history.count(), Nonconformity.history.count(), Action.history.count()),
    }


@pytest.mark.django_db
def test_the_demo_shows_every_stage_of_audits_and_improvement_and_loads_once():
    out = io.StringIO()
    call_command("load_demo", force=True, without=["admissions"], stdout=out)
    assert "Audits demo:" in out.getvalue()
    today = timezone.localdate()

    programme = AuditProgramme.objects.get(year=today.year)
    assert programme.status == AuditProgramme.Status.APPROVED
    assert programme.approved_by.username == "rector"
    assert programme.audits.count() >= 3
    assert all(audit.planned_start.year == today.year for audit in programme.audits.all())

    closed = Audit.objects.get(programme=programme, status=Audit.Status.CLOSED)
    assert closed.checklist.exists() and not closed.checklist.filter(answer="").exists()
    assert set(closed.checklist.values_list("answer", flat=True)) == set(ChecklistItem.Answer.values) - {""}
    assert not closed.checklist.filter(evidence_notes="").exists()
    assert set(closed.findings.values_list("kind", flat=True)) == set(Finding.Kind.values)
    assert closed.report_state  # queued when reported, then built or failed
    assert closed.summary

    in_progress = Audit.objects.get(programme=programme, status=Audit.Status.IN_PROGRESS)
    assert in_progress.checklist.filter(answer="").exists()
    assert in_progress.checklist.exclude(answer="").exists()
    assert in_progress.findings.filter(kind=Finding.Kind.MINOR, nonconformity__isnull=False).exists()

    for audit in (closed, in_progress):
        assert audit.lead_auditor.username == "auditor"
    assert ChecklistTemplate.objects.exists()

    states = set(Nonconformity.objects.values_list("state", flat=True))
    assert states == set(Nonconformity.State.values)
    sources = set(Nonconformity.objects.values_list("source", flat=True))
    assert {"internal_audit", "complaint", "kpi", "staff_report"} <= sources

    overdue = Action.objects.filter(state=Action.State.OPEN, due_date__lt=today, nonconformity__isnull=False)
    assert overdue.filter(nonconformity__state=Nonconformity.State.IMPLEMENTATION).exists()

    repeat = Nonconformity.objects.get(repeat_of__isnull=False)
    assert repeat.unit == repeat.repeat_of.unit and repeat.clause == repeat.repeat_of.clause
    assert repeat.repeat_of.detected_on < repeat.detected_on

    effective = Nonconformity.objects.get(state=Nonconformity.State.CLOSED)
    assert effective.effective is True
    assert effective.verified_by.username in ("quality", "auditor")
    assert not effective.actions.filter(responsible=effective.verified_by).exists()
    assert set(effective.actions.values_list("state", flat=True)) == {Action.State.VERIFIED}

    waiting = Nonconformity.objects.get(state=Nonconformity.State.EFFECTIVENESS)
    assert waiting.effectiveness_due > today

    analysed = Nonconformity.objects.exclude(state__in=[Nonconformity.State.REGISTERED, Nonconformity.State.ANALYSIS])
    assert all(nc.whys and nc.root_cause and nc.cause_category for nc in analysed)

    review = ManagementReview.objects.get(year=today.year - 1)
    assert review.state in (ManagementReview.State.HELD, ManagementReview.State.CLOSED)
    assert {"rector", "quality", "owner", "head"} <= set(review.attendees.values_list("username", flat=True))
    assert review.decisions and review.inputs
    assert review.actions.filter(kind=Action.Kind.IMPROVEMENT).count() == 2

    first = snapshot()
    out = io.StringIO()
    call_command("load_demo", force=True, without=["admissions"], stdout=out)
    assert "nothing added" in out.getvalue()
    assert snapshot() == first
