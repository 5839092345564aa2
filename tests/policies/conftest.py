import datetime

import pytest

from policies import services
from qms.roles import Role
from tests.qms.factories import MembershipFactory, UnitFactory, UserFactory

from .factories import DocumentFactory


class People:
    def __init__(self):
        self.quality = UserFactory(username="q", roles=[Role.QUALITY_OFFICER, Role.STAFF])
        self.owner = UserFactory(username="own", roles=[Role.PROCESS_OWNER, Role.STAFF])
        self.reviewer = UserFactory(username="rev", roles=[Role.STAFF])
        self.rector = UserFactory(username="rect", roles=[Role.RECTORATE, Role.STAFF])
        self.reader = UserFactory(username="reader", roles=[Role.STAFF])
        self.outsider = UserFactory(username="out", roles=[Role.STAFF])
        self.applicant = UserFactory(username="appl", roles=[Role.APPLICANT])


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def units(db):
    root = UnitFactory(name="University", kind="university")
    faculty = UnitFactory(name="Faculty", kind="faculty", parent=root)
    other = UnitFactory(name="Other faculty", kind="faculty", parent=root)
    return root, faculty, other


@pytest.fixture
def document(people, units):
    root, faculty, other = units
    MembershipFactory(unit=faculty, user=people.reader)
    MembershipFactory(unit=other, user=people.outsider)
    return DocumentFactory(owner=people.owner, owner_unit=root, applies_to=[faculty], code="DP 04.01")


@pytest.fixture
def published(document, people):
    """Revision 1, written, reviewed, approved and published."""
    return publish_new_revision(document, people, "<h2>Purpose</h2><p>Rev 1</p>", datetime.date(2026, 1, 15))


def publish_new_revision(document, people, html, effective_date):
    version = services.version_start_draft(document=document, by=people.owner)
    services.version_save_body(version=version, language="en", html=html)
    services.version_submit(version=version, reviewers=[people.reviewer], approver=people.rector)
    services.review_decide(version=version, person=people.reviewer, decision="approved")
    services.review_decide(version=version, person=people.rector, decision="approved")
    return services.version_publish(version=version, by=people.quality, effective_date=effective_date)
