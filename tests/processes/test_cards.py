"""Process cards are versioned like documents: the owner drafts, the leader approves, the
approved card becomes current and supersedes the one before; only a draft changes."""

import datetime

import pytest
from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from processes import services
from processes.models import Activity, Card, Flow
from processes.services import WorkflowError
from tests.policies.factories import DocumentFactory

from .conftest import build_card
from .factories import ProcessFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bare(people):
    """A process without any card yet."""
    return ProcessFactory(code="P-02", name={"en": "Admissions"}, leader=people.leader, owner=people.owner)


def test_the_first_draft_is_revision_one_and_empty(bare, people):
    card = services.card_start_draft(process=bare, by=people.owner, change_summary="First card")
    assert (card.revision, card.status, card.created_by) == (1, Card.Status.DRAFT, people.owner)
    assert card.purpose == {} and card.change_summary == "First card"
    assert not card.activities.exists() and not card.flows.exists()
    assert card.is_editable


def test_texts_are_saved_per_language_and_keep_the_other_languages(bare, people):
    card = services.card_start_draft(process=bare, by=people.owner)
    services.card_save_texts(
        card=card, language="en", purpose=" Admit ", evaluation_criteria="Numbers", monitoring_methods="Reports"
    )
    services.card_save_texts(
        card=card, language="kk", purpose="Қабылдау", evaluation_criteria="", monitoring_methods="Есептер"
    )
    card.refresh_from_db()
    assert card.purpose == {"en": "Admit", "kk": "Қабылдау"}
    assert card.evaluation_criteria == {"en": "Numbers"}
    assert card.monitoring_methods == {"en": "Reports", "kk": "Есептер"}

    services.card_save_texts(card=card, language="en", purpose="", evaluation_criteria="", monitoring_methods="")
    card.refresh_from_db()
    assert card.purpose == {"kk": "Қабылдау"} and card.monitoring_methods == {"kk": "Есептер"}


def test_activities_and_flows_are_saved_and_replaced_keeping_other_languages(bare, people, units):
    supplier = ProcessFactory(leader=people.leader, owner=people.owner)
    card = services.card_start_draft(process=bare, by=people.owner)
    services.card_save_activities(
        card=card,
        language="en",
        rows=[
            {"id": None, "name": "Plan", "executors": "Dean", "units": [units[1]]},
            {"id": None, "name": "Admit", "executors": ""},
        ],
    )
    plan, admit = card.activities.all()
    assert (plan.order, plan.name, plan.executors, list(plan.units.all())) == (
        0,
        {"en": "Plan"},
        {"en": "Dean"},
        [units[1]],
    )
    assert admit.executors == {}

    services.card_save_activities(
        card=card, language="kk", rows=[{"id": plan.pk, "name": "Жоспар", "executors": "", "units": [units[2]]}]
    )
    (kept,) = card.activities.all()
    assert kept.pk == plan.pk
    assert kept.name == {"en": "Plan", "kk": "Жоспар"}
    assert kept.executors == {"en": "Dean"}
    assert list(kept.units.all()) == [units[2]]

    services.card_save_flows(
        card=card,
        language="en",
        rows=[
            {"id": None, "direction": "input", "name": "Applications", "supplier": supplier},
            {"id": None, "direction": "output", "name": "Students", "supplier": supplier},
        ],
    )
    given, result = card.flows.order_by("order")
    assert (given.direction, given.supplier) == ("input", supplier)
    assert (result.direction, result.supplier) == ("output", None)  # an output is supplied by nobody
    services.card_save_flows(card=card, language="en", rows=[{"id": result.pk, "direction": "output", "name": "Grads"}])
    assert list(card.flows.values_list("pk", "name")) == [(result.pk, {"en": "Grads"})]


def test_an_activity_without_a_name_and_a_process_supplying_itself_are_refused(bare, people):
    card = services.card_start_draft(process=bare, by=people.owner)
    with pytest.raises(ValidationError):
        services.card_save_activities(card=card, language="en", rows=[{"id": None, "name": " "}])
    with pytest.raises(ValidationError):
        services.card_save_flows(
            card=card, language="en", rows=[{"id": None, "direction": "input", "name": "Self", "supplier": bare}]
        )
    assert not card.activities.exists() and not card.flows.exists()


def test_submitting_needs_a_purpose_and_an_activity(bare, people):
    card = services.card_start_draft(process=bare, by=people.owner)
    with pytest.raises(WorkflowError, match="purpose"):
        services.card_submit(card=card, by=people.owner)
    services.card_save_texts(card=card, language="en", purpose="Admit", evaluation_criteria="", monitoring_methods="")
    with pytest.raises(WorkflowError, match="activity"):
        services.card_submit(card=card, by=people.owner)
    services.card_save_activities(card=card, language="en", rows=[{"id": None, "name": "Admit"}])
    services.card_submit(card=card, by=people.owner)
    card.refresh_from_db()
    assert card.status == Card.Status.SUBMITTED and card.submitted_at is not None


def test_only_the_leader_approves(bare, people):
    card = build_card(bare, people, approve=False)
    services.card_submit(card=card, by=people.owner)
    for someone in (people.quality, people.owner):
        with pytest.raises(WorkflowError, match="leader"):
            services.card_approve(card=card, by=someone)
    card.refresh_from_db()
    assert card.status == Card.Status.SUBMITTED and card.approved_by is None
    services.card_approve(card=card, by=people.leader)
    card.refresh_from_db()
    assert card.status == Card.Status.CURRENT and card.approved_by == people.leader


def test_approval_makes_the_card_current_supersedes_the_previous_and_sets_the_next_review(process, people):
    first = process.cards.get()
    assert first.status == Card.Status.CURRENT
    process.refresh_from_db()
    assert process.next_review_date == timezone.localdate() + relativedelta(months=12)

    process.next_review_date = datetime.date(2020, 1, 1)
    process.review_state = process.ReviewState.OVERDUE
    process.save()
    second = build_card(process, people, purpose="Teach better")
    first.refresh_from_db()
    process.refresh_from_db()
    assert (second.revision, second.status) == (2, Card.Status.CURRENT)
    assert first.status == Card.Status.SUPERSEDED and first.superseded_at is not None
    assert process.next_review_date == timezone.localdate() + relativedelta(months=12)
    assert process.review_state == process.ReviewState.CURRENT


def test_only_one_card_is_in_progress_at_a_time(process, people):
    draft = services.card_start_draft(process=process, by=people.owner)
    with pytest.raises(WorkflowError):
        services.card_start_draft(process=process, by=people.owner)
    services.card_submit(card=draft, by=people.owner)
    with pytest.raises(WorkflowError):
        services.card_start_draft(process=process, by=people.quality)
    assert process.cards.count() == 2


def test_a_new_draft_copies_the_current_cards_texts_activities_and_flows(people, units):
    document = DocumentFactory(owner=people.owner, owner_unit=units[0])
    supplier = ProcessFactory(leader=people.leader, owner=people.owner)
    process = ProcessFactory(leader=people.leader, owner=people.owner)
    current = build_card(
        process,
        people,
        activities=["Plan", "Teach"],
        units=[units[1], units[2]],
        documents=[document],
        flows=[("input", "Plan of studies", supplier), ("output", "Graduates", None)],
    )
    draft = services.card_start_draft(process=process, by=people.owner)

    assert draft.revision == 2 and draft.status == Card.Status.DRAFT
    assert (draft.purpose, draft.evaluation_criteria, draft.monitoring_methods) == (
        current.purpose,
        current.evaluation_criteria,
        current.monitoring_methods,
    )
    copied = list(draft.activities.all())
    assert [a.name for a in copied] == [{"en": "Plan"}, {"en": "Teach"}]
    assert {a.pk for a in copied}.isdisjoint(current.activities.values_list("pk", flat=True))
    for activity in copied:
        assert set(activity.units.all()) == {units[1], units[2]}
        assert list(activity.documents.all()) == [document]
    assert sorted((f.direction, f.name["en"], f.supplier) for f in draft.flows.all()) == [
        ("input", "Plan of studies", supplier),
        ("output", "Graduates", None),
    ]
    # Changing the draft leaves the current card as it was.
    services.card_save_activities(card=draft, language="en", rows=[{"id": None, "name": "Only"}])
    assert current.activities.count() == 2


@pytest.mark.parametrize("status", ["current", "superseded", "submitted"])
def test_a_card_that_is_not_a_draft_cannot_be_edited(process, people, status):
    card = process.cards.get()
    if status == "superseded":
        build_card(process, people)
    elif status == "submitted":
        card = build_card(process, people, approve=False)
        services.card_submit(card=card, by=people.owner)
    card.refresh_from_db()
    assert card.status == status
    flows, activities = card.flows.count(), card.activities.count()
    with pytest.raises(WorkflowError):
        services.card_save_texts(card=card, language="en", purpose="X", evaluation_criteria="", monitoring_methods="")
    with pytest.raises(WorkflowError):
        services.card_save_activities(card=card, language="en", rows=[{"id": None, "name": "X"}])
    with pytest.raises(WorkflowError):
        services.card_save_flows(card=card, language="en", rows=[])
    card.refresh_from_db()
    assert card.purpose == {"en": "Teach well"}
    assert (card.flows.count(), card.activities.count()) == (flows, activities)


def test_returning_to_draft_needs_a_reason_and_tells_the_owner(process, people, django_capture_on_commit_callbacks):
    card = build_card(process, people, approve=False)
    services.card_submit(card=card, by=people.owner)
    with pytest.raises(WorkflowError):
        services.card_return(card=card, by=people.leader, reason="   ")
    card.refresh_from_db()
    assert card.status == Card.Status.SUBMITTED

    with django_capture_on_commit_callbacks(execute=True):
        services.card_return(card=card, by=people.leader, reason=" Add the inputs ")
    card.refresh_from_db()
    assert (card.status, card.returned_reason, card.submitted_at) == (Card.Status.DRAFT, "Add the inputs", None)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [people.owner.email]
    assert "Add the inputs" in mail.outbox[0].body and process.code in mail.outbox[0].subject


def test_submitting_tells_the_leader_in_the_leaders_language(process, people, django_capture_on_commit_callbacks):
    people.leader.language = "bg"
    people.leader.save()
    card = build_card(process, people, approve=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.card_submit(card=card, by=people.owner)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people.leader.email]
    assert "Уважаеми(а)" in message.body  # "Dear …," in Bulgarian
    with override("bg"):
        subject = gettext("Card for approval: %(code)s, revision %(revision)s") % {
            "code": process.code,
            "revision": card.revision,
        }
    # Bulgarian once the catalogue has the string; until then the English text.
    assert message.subject == subject


def test_the_database_refuses_two_current_cards_for_one_process(process, people):
    build_card(process, people)
    assert process.cards.filter(status="superseded").count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Card.objects.filter(process=process).update(status="current")
    assert process.cards.filter(status="current").count() == 1


def test_a_process_cannot_be_its_own_ancestor(people):
    grand = ProcessFactory(leader=people.leader, owner=people.owner)
    parent = ProcessFactory(leader=people.leader, owner=people.owner, parent=grand)
    child = ProcessFactory(leader=people.leader, owner=people.owner, parent=parent)
    for new_parent in (grand, parent, child):
        with pytest.raises(ValidationError) as refused:
            services.process_update(process=grand, scope=[], clauses=[], parent=new_parent)
        assert "parent" in refused.value.message_dict
    grand.refresh_from_db()
    assert grand.parent is None
    services.process_update(process=child, scope=[], clauses=[], parent=grand)  # a sideways move is fine
    child.refresh_from_db()
    assert child.parent == grand


def test_the_history_page_shows_who_changed_the_card_status(client, process, people):
    card = build_card(process, people, approve=False)
    client.force_login(people.owner)
    assert client.post(reverse("processes:card-submit", args=[card.pk])).status_code == 302
    client.force_login(people.leader)
    assert client.post(reverse("processes:card-approve", args=[card.pk])).status_code == 302

    client.force_login(people.quality)
    response = client.get(reverse("processes:process-history", args=[process.pk]))
    assert response.status_code == 200
    entries = response.context["page"].object_list
    changes = {(str(e.label), c.field, c.new): (e, c) for e in entries for c in e.changes}
    entry, change = changes[("Card revision 2", "status", "Submitted for approval")]
    assert entry.who == people.owner and change.old == "Draft"
    entry, change = changes[("Card revision 2", "status", "Current")]
    assert entry.who == people.leader and change.old == "Submitted for approval"
    entry, change = changes[("Card revision 1", "status", "Superseded")]
    assert entry.who == people.leader and change.old == "Current"
    page = response.content.decode()
    assert str(people.owner) in page and str(people.leader) in page


def test_flows_keep_their_supplier_only_for_inputs_in_the_database(process, people):
    card = process.cards.get()
    output = card.flows.get(direction=Flow.Direction.OUTPUT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Flow.objects.filter(pk=output.pk).update(supplier=process)


def test_the_history_records_the_inputs_and_outputs_copied_into_a_new_draft(process, people):
    """Fails: card_start_draft copies the flows with Flow.objects.bulk_create, which writes no
    history rows, while the copied activities get theirs."""
    draft = services.card_start_draft(process=process, by=people.owner)
    assert draft.activities.count() == 2 and draft.flows.count() == 2
    assert Activity.history.filter(card_id=draft.pk, history_type="+").count() == 2
    assert Flow.history.filter(card_id=draft.pk, history_type="+").count() == 2
