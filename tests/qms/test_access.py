"""Access: anonymous people get the login page; applicants don't see the organisation; a
report is seen by whoever may read its content (qms.reporting), nobody else."""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from qms.models import Report
from qms.roles import Role

from .factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

# URL names anyone may open without signing in.
PUBLIC = {
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "set_language",
    "javascript-catalog",
    "healthz",
    "admin:login",
    "public:document-list",
    "public:document-detail",
    "admissions:register",
    "admissions:register-sent",
    "admissions:confirm",
    "public-admissions:index",
    "public-admissions:round",
    "public-admissions:quota",
}
SAMPLE_ARGUMENTS = {"int": "1", "uuid": str(uuid.uuid4()), "str": "x", "slug": "x", "path": "x"}


def all_url_patterns(resolver=None, prefix="", namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            child_ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from all_url_patterns(entry, prefix + str(entry.pattern), child_ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name or ''}", prefix + str(entry.pattern), entry


def concrete_path(route: str, pattern) -> str:
    """A path for `route` with sample values for its converters (regex routes get 'x')."""
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_ARGUMENTS.get(m.group(1) or "str", "x"), route)
    path = re.sub(r"\((?:\?P<\w+>)?[^)]*\)", "1", path)  # groups of regex patterns (admin)
    path = path.replace("^", "").replace("$", "").replace("\\", "")
    return "/" + path


def protected_paths():
    for name, route, pattern in all_url_patterns():
        if name in PUBLIC:
            continue
        yield pytest.param(concrete_path(route, pattern), id=name or route)


@pytest.mark.parametrize("path", list(protected_paths()))
def test_anonymous_visitor_gets_the_login_page_for_every_non_public_url(client, path):
    response = client.get(path)
    assert response.status_code == 302, f"{path} answered {response.status_code}"
    location = response["Location"]
    assert location.startswith(reverse("login")) or location.startswith(reverse("admin:login")), location


def test_public_pages_open_without_signing_in(client):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("password_reset")).status_code == 200
    assert client.get(reverse("healthz")).status_code == 200


@pytest.fixture
def tree():
    root = UnitFactory(name="University", kind="university")
    faculty = UnitFactory(name="Faculty of Chemistry", kind="faculty", parent=root)
    department = UnitFactory(name="Department of Fuels", parent=faculty)
    return root, faculty, department


def test_staff_see_the_organisation_tree_and_a_unit_with_its_members(client, tree):
    _, faculty, department = tree
    member = MembershipFactory(unit=department, position="Assistant professor").user
    client.force_login(UserFactory(roles=[Role.STAFF]))
    page = client.get(reverse("units:list")).content.decode()
    assert "Faculty of Chemistry" in page and "Department of Fuels" in page
    detail = client.get(reverse("units:detail", args=[department.pk])).content.decode()
    assert str(member) in detail and "Assistant professor" in detail


def test_applicant_may_not_see_the_organisation(client, tree):
    client.force_login(UserFactory(roles=[Role.APPLICANT]))
    assert client.get(reverse("units:list")).status_code == 403
    assert client.get(reverse("units:detail", args=[tree[1].pk])).status_code == 403
    assert client.get(reverse("units:mine")).status_code == 403


def test_unknown_unit_is_not_found(client, tree):
    client.force_login(UserFactory())
    assert client.get(reverse("units:detail", args=[999999])).status_code == 404


def test_unit_head_is_taken_to_the_unit_they_head(client, tree):
    head = UserFactory(roles=[Role.UNIT_HEAD, Role.STAFF])
    faculty = tree[1]
    faculty.head = head
    faculty.save()
    client.force_login(head)
    response = client.get(reverse("units:mine"))
    assert response.status_code == 302 and response["Location"] == faculty.get_absolute_url()
    client.force_login(UserFactory())
    assert client.get(reverse("units:mine")).status_code == 404


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_organisation_pages_make_the_same_number_of_queries_for_few_and_many_units(client, tree):
    root, faculty, department = tree
    client.force_login(UserFactory())
    _count_queries(client, reverse("units:detail", args=[faculty.pk]))  # warm the content-type cache
    list_few = _count_queries(client, reverse("units:list"))
    detail_few = _count_queries(client, reverse("units:detail", args=[faculty.pk]))
    for i in range(30):
        unit = UnitFactory(name=f"Extra {i}", parent=faculty, head=UserFactory())
        MembershipFactory(unit=unit)
        MembershipFactory(unit=faculty)
    assert _count_queries(client, reverse("units:list")) == list_few
    assert _count_queries(client, reverse("units:detail", args=[faculty.pk])) == detail_few


def test_reports_and_members_pages_make_the_same_number_of_queries_for_few_and_many_rows(client, tree):
    quality = UserFactory(roles=[Role.QUALITY_OFFICER])
    department = tree[2]
    client.force_login(quality)

    def add_rows(count):
        for _ in range(count):
            Report.objects.create(
                kind=Report.Kind.ORGANISATION_STRUCTURE, requested_by=UserFactory(), language="en", status="done"
            )
            MembershipFactory(unit=department)

    add_rows(2)
    reports_few = _count_queries(client, reverse("reports:list"))
    members_few = _count_queries(client, reverse("units:members", args=[department.pk]))
    add_rows(25)
    assert _count_queries(client, reverse("reports:list")) == reports_few
    assert _count_queries(client, reverse("units:members", args=[department.pk])) == members_few


class TestReports:
    @pytest.fixture(autouse=True)
    def on_commit(self, django_capture_on_commit_callbacks):
        self.capture = django_capture_on_commit_callbacks

    def request_report(self, client, user):
        client.force_login(user)
        with self.capture(execute=True):
            response = client.post(reverse("reports:request"), {"kind": Report.Kind.ORGANISATION_STRUCTURE})
        assert response.status_code == 302
        return Report.objects.get(requested_by=user)

    def test_requester_follows_and_downloads_the_report(self, client, tree):
        rector = UserFactory(roles=[Role.RECTORATE])
        report = self.request_report(client, rector)
        assert report.status == Report.Status.DONE  # tasks run in-process here
        assert client.get(report.get_absolute_url()).status_code == 200
        download = client.get(reverse("reports:download", args=[report.pk]))
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF")

    def test_quality_officer_sees_every_report(self, client, tree):
        report = self.request_report(client, UserFactory(roles=[Role.RECTORATE]))
        client.force_login(UserFactory(roles=[Role.QUALITY_OFFICER]))
        assert client.get(report.get_absolute_url()).status_code == 200
        assert client.get(reverse("reports:download", args=[report.pk])).status_code == 200

    def test_someone_who_may_read_the_content_sees_a_report_another_person_requested(self, client, tree):
        report = self.request_report(client, UserFactory(roles=[Role.RECTORATE]))
        client.force_login(UserFactory(roles=[Role.UNIT_HEAD]))  # unit heads read the organisational structure
        assert client.get(report.get_absolute_url()).status_code == 200
        assert client.get(reverse("reports:download", args=[report.pk])).status_code == 200

    def test_another_person_cannot_see_or_download_a_report(self, client, tree):
        report = self.request_report(client, UserFactory(roles=[Role.RECTORATE]))
        client.force_login(UserFactory(roles=[Role.AUDITOR]))
        assert client.get(report.get_absolute_url()).status_code == 404
        assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404
        assert report.pk not in [r.pk for r in client.get(reverse("reports:list")).context["reports"]]

    def test_staff_without_a_reporting_role_cannot_request_one(self, client, tree):
        client.force_login(UserFactory(roles=[Role.STAFF]))
        response = client.post(reverse("reports:request"), {"kind": Report.Kind.ORGANISATION_STRUCTURE})
        assert response.status_code == 403
        assert not Report.objects.exists()

    def test_unknown_report_kind_is_not_found(self, client, tree):
        client.force_login(UserFactory(roles=[Role.QUALITY_OFFICER]))
        assert client.post(reverse("reports:request"), {"kind": "everything"}).status_code == 404
