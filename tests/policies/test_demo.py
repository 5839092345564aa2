"""The demo documents: the published quality policy in Bulgarian and English, the six documented
procedures with one revision in draft, the objectives; loading twice changes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command

from policies.demo import OBJECTIVES
from policies.models import Document, QualityObjective, ReviewDecision, Version, VersionBody
from qms.models import OrganisationalUnit

pytestmark = pytest.mark.django_db

PROCEDURE_CLAUSES = {
    "DP 04.01": "7.5.3",
    "DP 04.02": "7.5.3",
    "DP 08.01": "9.2",
    "DP 08.02": "8.7",
    "DP 08.03": "10.2",
    "DP 08.04": "6.1",
}


def load_demo():
    out = io.StringIO()
    call_command("load_demo", force=True, without=["admissions"], stdout=out)
    return out.getvalue()


@pytest.fixture
def demo():
    return load_demo()


def clause_codes(document):
    return sorted(document.clauses.values_list("framework", "code"))


def test_the_quality_policy_is_public_and_published_once_in_bulgarian_and_english(demo):
    policy = Document.objects.get(code="QP 01")
    assert policy.type == Document.Type.QUALITY_POLICY
    assert policy.level == 1
    assert policy.is_public
    assert policy.owner.username == "quality"
    assert policy.owner_unit.short_name == "ЦК"
    assert policy.applies_to.count() == OrganisationalUnit.objects.count()
    assert clause_codes(policy) == [
        ("esg2015", "1.1"),
        ("iso9001", "5.2"),
        ("iso9001", "5.2.1"),
        ("iso9001", "5.2.2"),
    ]
    version = policy.versions.get()
    assert (version.revision, version.status) == (1, Version.Status.PUBLISHED)
    assert version.effective_date == datetime.date(2026, 1, 15)
    assert version.published_by.username == "quality"
    assert policy.next_review_date == datetime.date(2027, 1, 15)
    bodies = {body.language: body.body for body in version.bodies.all()}
    assert set(bodies) == {"bg", "en"}
    assert "<h2>ПОЛИТИКА ПО КАЧЕСТВОТО</h2>" in bodies["bg"]
    assert "СТУДЕНТЪТ е клиента, в името на който и преди всичко Организацията" in bodies["bg"]
    assert "Представя Университета и неговите постижения пред обществото" in bodies["bg"]
    assert bodies["bg"].count("<ul>") == 3
    assert "<h2>QUALITY POLICY</h2>" in bodies["en"]


def test_the_policy_went_through_review_by_the_owner_and_approval_by_the_rector(demo):
    version = Version.objects.get(document__code="QP 01")
    decisions = {(d.person.username, d.role, d.decision) for d in version.decisions.all()}
    assert decisions == {
        ("owner", ReviewDecision.Role.REVIEWER, ReviewDecision.Decision.APPROVED),
        ("rector", ReviewDecision.Role.APPROVER, ReviewDecision.Decision.APPROVED),
    }
    assert version.approver.username == "rector"


def test_no_demo_text_contains_a_script(demo):
    assert VersionBody.objects.count() > 0
    for body in VersionBody.objects.all():
        assert "<script" not in body.body.lower()


def test_the_six_documented_procedures_are_published_with_their_iso_clauses(demo):
    for code, clause in PROCEDURE_CLAUSES.items():
        document = Document.objects.get(code=code)
        assert (document.type, document.level) == (Document.Type.PROCEDURE, 3)
        assert document.owner_unit.short_name == "ЦК"
        assert clause_codes(document) == [("iso9001", clause)]
        published = document.versions.get(status=Version.Status.PUBLISHED)
        assert published.revision == 1
        assert published.effective_date == datetime.date(2026, 2, 1)
        assert published.bodies.get(language="en").body.startswith("<h2>Purpose</h2>")


def test_one_procedure_has_a_second_revision_in_draft(demo):
    draft = Version.objects.get(status=Version.Status.DRAFT)
    assert draft.document.code == "DP 08.04"
    assert draft.revision == 2
    assert "6.1" in draft.change_summary
    assert "risk register" in draft.bodies.get(language="en").body
    assert draft.document.versions.get(status=Version.Status.PUBLISHED).revision == 1


def test_the_objectives_come_from_the_policy_and_are_in_progress(demo):
    objectives = QualityObjective.objects.all()
    assert objectives.count() == len(OBJECTIVES)
    for objective in objectives:
        assert objective.policy.code == "QP 01"
        assert objective.status == QualityObjective.Status.IN_PROGRESS
        assert objective.deadline.year == 2027
        assert objective.target > objective.baseline
    assert objectives.filter(title__startswith="Поддържа Система за осигуряване на качеството").exists()


def test_the_demo_says_what_it_loaded(demo):
    assert f"Policies demo: 7 documents, {len(OBJECTIVES)} objectives." in demo


def test_loading_the_demo_twice_changes_nothing(demo):
    def snapshot():
        return (
            Document.objects.count(),
            Version.objects.count(),
            VersionBody.objects.count(),
            ReviewDecision.objects.count(),
            QualityObjective.objects.count(),
            Document.history.count(),
            Version.history.count(),
            VersionBody.history.count(),
            QualityObjective.history.count(),
            sorted(Version.objects.values_list("document__code", "revision", "status")),
        )

    first = snapshot()
    output = load_demo()
    assert snapshot() == first
    assert f"Policies demo: 7 documents, {len(OBJECTIVES)} objectives." in output
