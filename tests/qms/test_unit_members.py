"""A unit's members are kept by its head (an object permission) and by the quality office."""

import pytest
from django.urls import reverse

from qms.models import Membership
from qms.roles import Role
from qms.services import unit_set_head

from .factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    root = UnitFactory(name="University", kind="university")
    faculty = UnitFactory(name="Faculty of Chemistry", kind="faculty", parent=root)
    other = UnitFactory(name="Faculty of Metallurgy", kind="faculty", parent=root)
    return faculty, other


@pytest.fixture
def head(units):
    head = UserFactory(username="dean", roles=[Role.UNIT_HEAD, Role.STAFF])
    unit_set_head(unit=units[0], head=head)
    return head


def add(client, unit, person, position="Lecturer"):
    return client.post(reverse("units:members", args=[unit.pk]), {"person": person, "position": position})


def test_head_adds_a_member_to_their_unit_and_history_names_them(client, units, head):
    faculty, _ = units
    newcomer = UserFactory(username="newcomer", email="newcomer@example.org")
    client.force_login(head)
    response = add(client, faculty, "NEWCOMER@example.org", "Associate professor")
    assert response.status_code == 302
    membership = Membership.objects.get(unit=faculty, user=newcomer)
    assert membership.position == "Associate professor"
    assert membership.history.get().history_user == head


def test_head_removes_a_member_and_the_removal_is_in_the_history(client, units, head):
    membership = MembershipFactory(unit=units[0])
    client.force_login(head)
    response = client.post(reverse("units:member-remove", args=[units[0].pk, membership.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    deleted = Membership.history.filter(id=membership.pk, history_type="-").get()
    assert deleted.history_user == head


def test_quality_officer_keeps_the_members_of_any_unit(client, units):
    client.force_login(UserFactory(roles=[Role.QUALITY_OFFICER]))
    UserFactory(username="someone")
    assert add(client, units[1], "someone").status_code == 302
    assert Membership.objects.filter(unit=units[1], user__username="someone").exists()


@pytest.mark.parametrize("roles", [[Role.STAFF], [Role.UNIT_HEAD, Role.STAFF], [Role.AUDITOR], [Role.RECTORATE]])
def test_others_may_not_manage_a_units_members(client, units, head, roles):
    faculty, other = units
    outsider = UserFactory(roles=roles)
    if Role.UNIT_HEAD in roles:
        unit_set_head(unit=other, head=outsider)  # head of another unit
    membership = MembershipFactory(unit=faculty)
    client.force_login(outsider)
    assert client.get(reverse("units:members", args=[faculty.pk])).status_code == 403
    assert add(client, faculty, head.username).status_code == 403
    assert client.post(reverse("units:member-remove", args=[faculty.pk, membership.pk])).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "Manage members" not in client.get(reverse("units:detail", args=[faculty.pk])).content.decode()


def test_applicant_gets_403_on_member_pages(client, units):
    client.force_login(UserFactory(roles=[Role.APPLICANT]))
    assert client.get(reverse("units:members", args=[units[0].pk])).status_code == 403


def test_membership_of_another_unit_cannot_be_removed_through_this_unit(client, units, head):
    foreign = MembershipFactory(unit=units[1])
    client.force_login(head)
    assert client.post(reverse("units:member-remove", args=[units[0].pk, foreign.pk])).status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_unknown_person_is_refused_next_to_the_field_and_the_input_is_kept(client, units, head):
    client.force_login(head)
    response = add(client, units[0], "nobody-here", "Professor")
    assert response.status_code == 200
    form = response.context["form"]
    assert "No member of the university staff" in form.errors["person"][0]
    page = response.content.decode()
    assert 'value="nobody-here"' in page and 'value="Professor"' in page
    assert 'aria-invalid="true"' in page


def test_applicants_and_existing_members_cannot_be_added(client, units, head):
    UserFactory(username="applicant-x", roles=[Role.APPLICANT])
    existing = MembershipFactory(unit=units[0]).user
    client.force_login(head)
    assert (
        "No member of the university staff" in add(client, units[0], "applicant-x").context["form"].errors["person"][0]
    )
    assert "already a member" in add(client, units[0], existing.username).context["form"].errors["person"][0]


def test_a_new_head_gets_the_permission_and_the_previous_head_loses_it(units, head):
    faculty, _ = units
    successor = UserFactory(roles=[Role.UNIT_HEAD, Role.STAFF])
    unit_set_head(unit=faculty, head=successor)
    assert successor.has_perm("qms.manage_members", faculty)
    head = type(head).objects.get(pk=head.pk)  # fresh permission cache
    assert not head.has_perm("qms.manage_members", faculty)
    assert faculty.history.latest().head == successor
