"""Editing a document's register data in the browser, and the history page that shows who
changed what; the detail pages make the same number of queries however much there is."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from policies import services
from qms.history import acting_user
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory

from .conftest import publish_new_revision

pytestmark = pytest.mark.django_db


def form_data(document, **changes):
    data = {
        "code": document.code,
        "title": document.title,
        "type": document.type,
        "level": document.level,
        "owner_unit": document.owner_unit_id,
        "owner": document.owner_id,
        "applies_to": list(document.applies_to.values_list("pk", flat=True)),
        "clauses": [],
        "review_interval_months": document.review_interval_months,
    }
    data.update(changes)
    return data


def test_only_the_quality_office_edits_a_documents_details(client, document, people):
    url = reverse("policies:document-edit", args=[document.pk])
    for outsider in (people.owner, people.reader, people.rector):
        client.force_login(outsider)
        assert client.get(url).status_code == 403
        assert client.post(url, form_data(document, title="Changed")).status_code == 403
    client.force_login(people.outsider)  # the document does not apply to their unit
    assert client.get(url).status_code == 404
    document.refresh_from_db()
    assert document.title != "Changed"

    client.force_login(people.quality)
    page = client.get(document.get_absolute_url()).content.decode()
    assert 'data-testid="edit-document"' in page
    assert client.post(url, form_data(document, title="Complaints and appeals")).status_code == 302
    document.refresh_from_db()
    assert document.title == "Complaints and appeals"


def test_a_bad_edit_shows_the_error_and_keeps_what_was_typed_and_saves_nothing(client, document, people, units):
    other = services.document_create(
        code="DP 05.01", title="Other", type="procedure", level=3, owner_unit=units[0], owner=people.owner
    )
    client.force_login(people.quality)
    url = reverse("policies:document-edit", args=[document.pk])
    response = client.post(url, form_data(document, code=other.code, title="Typed title"))
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert 'value="Typed title"' in response.content.decode()
    response = client.post(url, form_data(document, review_interval_months=0, title="Typed title"))
    assert response.context["form"].errors["review_interval_months"]
    document.refresh_from_db()
    assert document.title != "Typed title" and document.review_interval_months == 12


def test_a_new_owner_gets_the_right_to_edit_drafts_and_the_old_one_loses_it(client, document, people):
    client.force_login(people.quality)
    client.post(reverse("policies:document-edit", args=[document.pk]), form_data(document, owner=people.reviewer.pk))
    document.refresh_from_db()
    assert document.owner == people.reviewer
    assert people.reviewer.has_perm("policies.change_document", document)
    people.owner.refresh_from_db()
    from policies.permissions import can_edit_drafts
    from qms.models import User

    assert not can_edit_drafts(User.objects.get(pk=people.owner.pk), document)


def test_a_new_review_interval_moves_the_next_review_date(client, document, people, published):
    assert document.__class__.objects.get(pk=document.pk).next_review_date == datetime.date(2027, 1, 15)
    client.force_login(people.quality)
    client.post(reverse("policies:document-edit", args=[document.pk]), form_data(document, review_interval_months=24))
    document.refresh_from_db()
    assert document.next_review_date == datetime.date(2028, 1, 15)


def test_the_history_shows_who_changed_what_and_when(client, document, people, units, published):
    old_title = document.title
    client.force_login(people.quality)
    client.post(
        reverse("policies:document-edit", args=[document.pk]),
        form_data(document, title="Internal audits", applies_to=[units[1].pk, units[2].pk]),
    )
    with acting_user(people.quality):
        services.version_withdraw(version=published, reason="Replaced by law")

    response = client.get(reverse("policies:document-history", args=[document.pk]))
    assert response.status_code == 200
    entries = response.context["page"].object_list
    assert entries == sorted(entries, key=lambda e: e.when, reverse=True)
    changes = {(c.field, c.new): (entry, c) for entry in entries for c in entry.changes}

    entry, change = changes[("title", "Internal audits")]
    assert entry.who == people.quality and change.old == old_title and str(entry.label) == "Document details"
    entry, change = changes[("applies to", "+ Other faculty")]
    assert entry.who == people.quality and change.old == ""
    entry, change = changes[("status", "Withdrawn")]
    assert entry.who == people.quality and change.old == "Published" and str(entry.label) == "Revision 1"
    entry, change = changes[("decision", "Approved")]
    assert "Revision 1" in str(entry.label)
    page = response.content.decode()
    assert "Internal audits" in page and "Replaced by law" in page and str(people.quality) in page


@pytest.mark.parametrize("role", ["owner", "rector"])
def test_the_history_is_for_editors_and_those_who_read_everything(client, document, people, published, role):
    client.force_login(getattr(people, role))
    assert client.get(reverse("policies:document-history", args=[document.pk])).status_code == 200


def test_readers_and_outsiders_do_not_see_the_history(client, document, people, published):
    url = reverse("policies:document-history", args=[document.pk])
    client.force_login(people.reader)
    assert client.get(url).status_code == 403
    assert 'data-testid="history"' not in client.get(document.get_absolute_url()).content.decode()
    client.force_login(people.outsider)
    assert client.get(url).status_code == 404


def queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def grow(document, people, units, n):
    """More revisions, more units it applies to, more members who acknowledged."""
    for i in range(n):
        unit = UnitFactory(parent=units[0], name=f"Department {document.pk}-{i}")
        document.applies_to.add(unit)
        for _ in range(2):
            MembershipFactory(unit=unit, user=UserFactory())
    latest = publish_new_revision(document, people, f"<p>Revision text {n}</p>", datetime.date(2026, 2, 1))
    for membership in latest.document.applies_to.first().memberships.all():
        services.acknowledge(version=latest, person=membership.user)
    return latest


def test_the_document_pages_make_the_same_number_of_queries_for_small_and_large_documents(
    client, document, people, units, published
):
    client.force_login(people.quality)
    latest = grow(document, people, units, 1)
    urls = lambda: [  # noqa: E731
        document.get_absolute_url(),
        reverse("policies:document-history", args=[document.pk]),
        reverse("policies:version-detail", args=[latest.pk]),
    ]
    small = [queries(client, url) for url in urls()]
    for _ in range(3):
        latest = grow(document, people, units, 4)
    large = [queries(client, url) for url in urls()]
    assert large == small
