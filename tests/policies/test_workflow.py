"""The life of a version: draft → in review → approved → published → superseded or withdrawn,
and the steps the workflow refuses."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from policies import services
from policies.models import ReviewDecision, Version
from policies.services import WorkflowError

from .conftest import publish_new_revision

pytestmark = pytest.mark.django_db
JAN = datetime.date(2026, 1, 15)


def draft_in_review(document, people, html="<p>text</p>"):
    version = services.version_start_draft(document=document, by=people.owner)
    services.version_save_body(version=version, language="en", html=html)
    return services.version_submit(version=version, reviewers=[people.reviewer], approver=people.rector)


def test_a_version_goes_from_draft_through_review_and_approval_to_published(document, people):
    version = draft_in_review(document, people)
    assert version.status == "in_review" and version.approver == people.rector
    services.review_decide(version=version, person=people.reviewer, decision="approved", comment="Fine")
    version.refresh_from_db()
    assert version.status == "in_review"  # the approver has not decided yet
    services.review_decide(version=version, person=people.rector, decision="approved")
    version.refresh_from_db()
    assert version.status == "approved" and version.approved_at
    services.version_publish(version=version, by=people.quality, effective_date=JAN)
    version.refresh_from_db()
    document.refresh_from_db()
    assert version.status == "published" and version.effective_date == JAN and version.published_by == people.quality
    assert document.next_review_date == datetime.date(2027, 1, 15)
    decisions = {(d.person, d.role, d.decision) for d in version.decisions.all()}
    assert decisions == {(people.reviewer, "reviewer", "approved"), (people.rector, "approver", "approved")}
    assert all(d.decided_at for d in version.decisions.all())


def test_publishing_a_new_revision_supersedes_the_previous_one(document, people, published):
    second = publish_new_revision(document, people, "<p>Rev 2</p>", datetime.date(2026, 6, 1))
    published.refresh_from_db()
    assert published.status == "superseded" and published.superseded_at
    assert second.status == "published" and second.revision == 2
    assert Version.objects.filter(document=document, status="published").count() == 1
    assert second.bodies.get(language="en").body == "<p>Rev 2</p>"


def test_a_new_draft_starts_from_the_text_of_the_latest_revision(document, people, published):
    draft = services.version_start_draft(document=document, by=people.owner)
    assert draft.revision == 2 and draft.status == "draft"
    assert draft.bodies.get(language="en").body == published.bodies.get(language="en").body


def test_publishing_without_approval_is_refused(document, people):
    version = draft_in_review(document, people)
    with pytest.raises(WorkflowError, match="needs it to be approved"):
        services.version_publish(version=version, by=people.quality, effective_date=JAN)
    draft = services.version_return_to_draft(version=version, reason="not ready")
    with pytest.raises(WorkflowError):
        services.version_publish(version=draft, by=people.quality, effective_date=JAN)


def test_the_database_refuses_two_published_versions(document, people, published):
    second = Version.objects.create(document=document, revision=2, created_by=people.owner)
    second.status = "published"
    second.effective_date = JAN
    second.published_at = published.published_at
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_the_database_refuses_a_published_version_without_dates(document, people):
    with pytest.raises(IntegrityError), transaction.atomic():
        Version.objects.create(document=document, revision=1, created_by=people.owner, status="published")


def test_a_published_version_cannot_be_edited(document, people, published):
    with pytest.raises(WorkflowError, match="needs it to be draft"):
        services.version_save_body(version=published, language="en", html="<p>changed</p>")
    with pytest.raises(WorkflowError):
        services.version_update_summary(version=published, change_summary="sneaky")
    assert published.bodies.get(language="en").body == "<h2>Purpose</h2><p>Rev 1</p>"


def test_only_one_revision_can_be_in_progress(document, people, published):
    services.version_start_draft(document=document, by=people.owner)
    with pytest.raises(WorkflowError, match="already has a revision in progress"):
        services.version_start_draft(document=document, by=people.owner)


def test_a_reviewer_asking_for_changes_returns_the_version_to_draft_with_the_reason(document, people):
    version = draft_in_review(document, people)
    with pytest.raises(WorkflowError, match="Say which changes"):
        services.review_decide(version=version, person=people.reviewer, decision="changes_requested")
    services.review_decide(version=version, person=people.reviewer, decision="changes_requested", comment="Fix §2")
    version.refresh_from_db()
    assert version.status == "draft" and version.returned_reason == "Fix §2"
    # It can be corrected and sent again; earlier decisions are in the history.
    services.version_save_body(version=version, language="en", html="<p>fixed</p>")
    services.version_submit(version=version, reviewers=[people.reviewer], approver=people.rector)
    assert version.decisions.get(role="reviewer").decision == "pending"
    assert ReviewDecision.history.filter(version_id=version.pk, decision="changes_requested").exists()


def test_the_approver_decides_only_after_every_reviewer_approved(document, people):
    version = draft_in_review(document, people)
    with pytest.raises(WorkflowError, match="after every reviewer"):
        services.review_decide(version=version, person=people.rector, decision="approved")


def test_only_the_named_people_may_decide(document, people):
    version = draft_in_review(document, people)
    with pytest.raises(PermissionDenied):
        services.review_decide(version=version, person=people.outsider, decision="approved")
    services.review_decide(version=version, person=people.reviewer, decision="approved")
    with pytest.raises(PermissionDenied):  # a second decision by the same reviewer
        services.review_decide(version=version, person=people.reviewer, decision="approved")


def test_returning_to_draft_needs_a_reason(document, people):
    version = draft_in_review(document, people)
    with pytest.raises(WorkflowError, match="Say why"):
        services.version_return_to_draft(version=version, reason=" ")


def test_an_empty_draft_cannot_be_sent_for_review(document, people):
    version = services.version_start_draft(document=document, by=people.owner)
    with pytest.raises(WorkflowError, match="Write the text or attach a file"):
        services.version_submit(version=version, reviewers=[], approver=people.rector)


def test_withdrawing_the_published_version_leaves_none_in_force(document, people, published):
    services.version_withdraw(version=published, reason="Replaced by the new regulation")
    published.refresh_from_db()
    assert published.status == "withdrawn" and published.withdrawn_reason
    assert not document.versions.filter(status="published").exists()


def test_the_history_of_a_version_shows_who_changed_what(document, people):
    from qms.history import acting_user

    with acting_user(people.owner):
        version = services.version_start_draft(document=document, by=people.owner)
        services.version_save_body(version=version, language="en", html="<p>a</p>")
        services.version_submit(version=version, reviewers=[people.reviewer], approver=people.rector)
    with acting_user(people.reviewer):
        services.review_decide(version=version, person=people.reviewer, decision="approved")
    with acting_user(people.rector):
        services.review_decide(version=version, person=people.rector, decision="approved")
    with acting_user(people.quality):
        services.version_publish(version=version, by=people.quality, effective_date=JAN)
    rows = [(h.status, h.history_user) for h in version.history.order_by("history_date", "history_id")]
    assert rows == [
        ("draft", people.owner),
        ("in_review", people.owner),
        ("approved", people.rector),
        ("published", people.quality),
    ]
    assert document.history.filter(history_user=people.quality, next_review_date__isnull=False).exists()
