"""A create form sent twice makes one record (qms.submissions): the second sending is taken to
what the first one made, with a note; a token is kept by a form shown again after an error, means
nothing to another person, and is forgotten after two days."""

import datetime
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from audits import services as audits
from audits.models import Action, Audit, AuditProgramme, Finding, Nonconformity
from policies.models import Document
from processes.models import Process
from qms.models import FormSubmission, StandardClause
from qms.roles import Role
from qms.submissions import FIELD
from qms.tasks import clear_expired_sessions
from tests.qms.factories import UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

ALREADY_SENT = "This form had already been sent. Here is what it created."
TOKEN = re.compile(rf'<input type="hidden" name="{FIELD}" value="([0-9a-f-]{{36}})">')


class World:
    """A faculty and a second one; an audit of the faculty in progress (lead: `auditor`); a
    nonconformity whose actions are being planned; a management review that has been held."""

    def __init__(self):
        self.quality = UserFactory(username="q", roles=[Role.QUALITY_OFFICER, Role.STAFF])
        self.auditor = UserFactory(username="aud", roles=[Role.AUDITOR, Role.STAFF])
        self.owner = UserFactory(username="own", roles=[Role.PROCESS_OWNER, Role.STAFF])
        self.rector = UserFactory(username="rect", roles=[Role.RECTORATE, Role.STAFF])
        self.staff = UserFactory(username="staff", roles=[Role.STAFF])
        self.root = UnitFactory(name="University", kind="university")
        self.faculty = UnitFactory(name="Faculty", kind="faculty", parent=self.root)
        self.other = UnitFactory(name="Other faculty", kind="faculty", parent=self.root)
        self.programme = audits.programme_create(year=2026)
        self.audit = audits.audit_save(
            programme=self.programme, kind=Audit.Kind.PLANNED, title="Audit of the faculty",
            lead_auditor=self.auditor, planned_start=datetime.date(2026, 3, 2),
            planned_end=datetime.date(2026, 3, 4), units=[self.faculty], processes=[],
            clauses=[StandardClause.objects.get(framework="iso9001", code="7.5")],
        )  # fmt: skip
        audits.checklist_build(audit=self.audit)
        audits.audit_prepare(audit=self.audit, by=self.auditor)
        audits.audit_start(audit=self.audit, by=self.auditor)
        self.nc = audits.nonconformity_register(
            title="Syllabi not approved", description="Used before approval.", unit=self.faculty,
            source="staff_report", reported_by=self.staff, detected_on=datetime.date(2026, 3, 2),
        )  # fmt: skip
        audits.nonconformity_start_analysis(nc=self.nc, by=self.quality)
        audits.nonconformity_record_analysis(nc=self.nc, whys=["a"], cause_category="method", root_cause="b")
        self.review = audits.review_create(year=2026)
        audits.review_collect_inputs(review=self.review)
        audits.review_hold(
            review=self.review, meeting_date=datetime.date(2026, 12, 10), attendees=[self.rector], decisions="Go on"
        )


@pytest.fixture
def world(db):
    return World()


@dataclass
class Case:
    """A create form: who fills it, where, with what (the n-th different record), the records it
    makes, and where the answer goes for a record."""

    url: Callable[[World], str]
    user: Callable[[World], object]
    data: Callable[[World, int], dict]
    made: Callable[[World], object]
    page_of: Callable[[World, object], str]


def _action(w, n):
    return {
        "kind": "corrective",
        "description": f"Write the procedure {n}",
        "responsible": w.staff.pk,
        "due_date": "2026-12-01",
    }


CASES = {
    "nonconformity": Case(
        url=lambda w: reverse("audits:nc-create"),
        user=lambda w: w.staff,
        data=lambda w, n: {
            "title": "Broken projector",
            "description": "In hall 2",
            "source": "staff_report",
            "severity": "minor",
            "unit": w.other.pk,
            "detected_on": "2026-11-02",
        },
        made=lambda w: Nonconformity.objects.filter(title="Broken projector"),
        page_of=lambda w, nc: nc.get_absolute_url(),
    ),
    "action of a nonconformity": Case(
        url=lambda w: reverse("audits:nc-action-add", args=[w.nc.pk]),
        user=lambda w: w.quality,
        data=_action,
        made=lambda w: Action.objects.filter(nonconformity=w.nc),
        page_of=lambda w, action: w.nc.get_absolute_url(),
    ),
    "audit": Case(
        url=lambda w: reverse("audits:audit-create"),
        user=lambda w: w.quality,
        data=lambda w, n: {
            "programme": w.programme.pk,
            "kind": "planned",
            "title": "Audit of the other faculty",
            "planned_start": "2026-05-04",
            "planned_end": "2026-05-05",
            "lead_auditor": w.auditor.pk,
            "units": [w.other.pk],
        },
        made=lambda w: Audit.objects.filter(title="Audit of the other faculty"),
        page_of=lambda w, audit: audit.get_absolute_url(),
    ),
    "finding": Case(
        url=lambda w: reverse("audits:finding-create", args=[w.audit.pk]),
        user=lambda w: w.auditor,
        data=lambda w, n: {
            "kind": "minor",
            "unit": w.faculty.pk,
            "requirement": "DP 02 §3",
            "statement": "No training records",
            "evidence": "Files of 3 people",
        },
        made=lambda w: Finding.objects.filter(audit=w.audit, statement="No training records"),
        page_of=lambda w, finding: w.audit.get_absolute_url(),
    ),
    "action of a management review": Case(
        url=lambda w: reverse("audits:review-action-add", args=[w.review.pk]),
        user=lambda w: w.quality,
        data=lambda w, n: {**_action(w, n), "kind": "improvement"},
        made=lambda w: Action.objects.filter(review=w.review),
        page_of=lambda w, action: w.review.get_absolute_url(),
    ),
    # A programme, a document and a process are unique by year or code: another one needs another year or code.
    "audit programme": Case(
        url=lambda w: reverse("audits:programme-create"),
        user=lambda w: w.quality,
        data=lambda w, n: {"year": 2027 + n, "notes": "Next year"},
        made=lambda w: AuditProgramme.objects.filter(notes="Next year"),
        page_of=lambda w, programme: programme.get_absolute_url(),
    ),
    "document": Case(
        url=lambda w: reverse("policies:document-create"),
        user=lambda w: w.quality,
        data=lambda w, n: {
            "code": f"DP 09.0{n}",
            "title": "Complaints",
            "type": "procedure",
            "level": 3,
            "owner_unit": w.root.pk,
            "owner": w.owner.pk,
            "applies_to": [w.faculty.pk],
            "review_interval_months": 12,
        },
        made=lambda w: Document.objects.filter(title="Complaints"),
        page_of=lambda w, document: document.get_absolute_url(),
    ),
    "process": Case(
        url=lambda w: reverse("processes:process-create"),
        user=lambda w: w.quality,
        data=lambda w, n: {
            "language": "en",
            "code": f"P-9{n}",
            "name": "Student support",
            "kind": "support",
            "parent": "",
            "leader": w.rector.pk,
            "owner": w.owner.pk,
            "scope": [w.faculty.pk],
            "clauses": [],
            "review_interval_months": 12,
        },
        made=lambda w: Process.objects.filter(kind="support"),
        page_of=lambda w, process: process.get_absolute_url(),
    ),
}


def token_of(response) -> str:
    tokens = TOKEN.findall(response.content.decode())
    assert len(tokens) == 1, "one token in the page"
    return tokens[0]


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("name", CASES)
def test_the_same_form_sent_twice_makes_one_record_and_the_second_answer_shows_it(client, world, name):
    case = CASES[name]
    client.force_login(case.user(world))
    url = case.url(world)
    data = {**case.data(world, 0), FIELD: token_of(client.get(url))}

    first = client.post(url, data, follow=True)
    assert first.redirect_chain, first.context["form"].errors if first.context else first.status_code
    assert ALREADY_SENT not in messages_of(first)
    record = case.made(world).get()
    assert first.redirect_chain[0][0] == case.page_of(world, record)

    second = client.post(url, data, follow=True)
    assert case.made(world).count() == 1
    assert second.redirect_chain == [(case.page_of(world, record), 302)]
    assert messages_of(second) == [ALREADY_SENT]
    assert FormSubmission.objects.get(token=data[FIELD]).target == record


@pytest.mark.parametrize("name", CASES)
def test_two_forms_with_different_tokens_make_two_records(client, world, name):
    case = CASES[name]
    client.force_login(case.user(world))
    url = case.url(world)
    first_token, second_token = token_of(client.get(url)), token_of(client.get(url))
    assert first_token != second_token
    assert client.post(url, {**case.data(world, 0), FIELD: first_token}).status_code == 302
    assert client.post(url, {**case.data(world, 1), FIELD: second_token}).status_code == 302
    assert case.made(world).count() == 2


def test_without_a_token_the_form_creates_as_it_always_did(client, world):
    case = CASES["nonconformity"]
    client.force_login(case.user(world))
    for token in (None, "not-a-token"):
        data = case.data(world, 0) if token is None else {**case.data(world, 0), FIELD: token}
        response = client.post(case.url(world), data, follow=True)
        assert messages_of(response) != [ALREADY_SENT]
    assert case.made(world).count() == 2
    assert not FormSubmission.objects.exists()


def test_a_token_sent_by_another_person_does_not_lead_to_their_record(client, world):
    case = CASES["nonconformity"]
    url, token = case.url(world), str(uuid.uuid4())
    client.force_login(world.staff)
    client.post(url, {**case.data(world, 0), FIELD: token})
    theirs = case.made(world).get()

    client.force_login(world.quality)
    response = client.post(url, {**case.data(world, 0), FIELD: token}, follow=True)
    mine = case.made(world).exclude(pk=theirs.pk).get()
    assert mine.reported_by == world.quality
    assert response.redirect_chain == [(mine.get_absolute_url(), 302)]
    assert ALREADY_SENT not in messages_of(response)
    assert FormSubmission.objects.get(token=token).target == theirs


def test_a_token_of_another_kind_of_form_creates_this_form_s_record(client, world):
    """Only a hand-made POST carries the token of an action to the form of a nonconformity: it
    makes a nonconformity (not an error, and not the action's page)."""
    client.force_login(world.quality)
    token = str(uuid.uuid4())
    client.post(CASES["action of a nonconformity"].url(world), {**_action(world, 0), FIELD: token})
    case = CASES["nonconformity"]
    response = client.post(case.url(world), {**case.data(world, 0), FIELD: token})
    nc = case.made(world).get()
    assert response.status_code == 302 and response["Location"] == nc.get_absolute_url()


def test_a_token_whose_record_was_deleted_makes_a_new_record(client, world):
    case = CASES["audit programme"]
    client.force_login(world.quality)
    data = {**case.data(world, 0), FIELD: str(uuid.uuid4())}
    client.post(case.url(world), data)
    case.made(world).delete()
    response = client.post(case.url(world), data)
    assert response.status_code == 302 and response["Location"] == case.made(world).get().get_absolute_url()


def test_a_form_with_an_error_keeps_its_token_and_saves_nothing(client, world):
    case = CASES["nonconformity"]
    client.force_login(case.user(world))
    token = token_of(client.get(case.url(world)))
    response = client.post(case.url(world), {**case.data(world, 0), "unit": "", FIELD: token})
    assert response.status_code == 200 and response.context["form"].errors["unit"]
    assert token_of(response) == token
    assert not case.made(world).exists() and not FormSubmission.objects.exists()


def test_a_form_refused_by_the_service_keeps_its_token_and_then_makes_one_record(client, world):
    """The finding passes the form but the service refuses it (a nonconformity needs the
    requirement it does not meet): the token recorded in the same transaction is rolled back with
    it, so the corrected form goes through, once."""
    case = CASES["finding"]
    client.force_login(case.user(world))
    token = token_of(client.get(case.url(world)))
    refused = client.post(case.url(world), {**case.data(world, 0), "requirement": "", FIELD: token})
    assert refused.status_code == 200 and refused.context["form"].errors["requirement"]
    assert token_of(refused) == token
    assert not case.made(world).exists() and not FormSubmission.objects.exists()

    for _time in range(2):
        assert client.post(case.url(world), {**case.data(world, 0), FIELD: token}).status_code == 302
    assert case.made(world).count() == 1


def test_the_edit_forms_that_share_a_template_carry_no_token(client, world):
    client.force_login(world.quality)
    page = client.get(reverse("audits:audit-edit", args=[world.audit.pk])).content.decode()
    assert 'data-testid="audit-form"' in page and not TOKEN.search(page)


def test_the_daily_job_forgets_tokens_older_than_two_days(world):
    now = timezone.now()
    for age in (datetime.timedelta(days=3), datetime.timedelta(days=2, minutes=1), datetime.timedelta(hours=47)):
        submission = FormSubmission.objects.create(token=uuid.uuid4(), user=world.staff)
        FormSubmission.objects.filter(pk=submission.pk).update(created_at=now - age)
    recent = FormSubmission.objects.create(token=uuid.uuid4(), user=world.staff, target=world.nc)

    result = clear_expired_sessions.delay().get()

    assert result == {"removed": 0, "form_tokens": 2}
    assert FormSubmission.objects.count() == 2
    assert FormSubmission.objects.filter(pk=recent.pk).exists()
