import datetime

import pytest

from audits import services
from qms.roles import Role
from tests.qms.factories import UnitFactory, UserFactory


class People:
    def __init__(self):
        self.quality = UserFactory(username="q", roles=[Role.QUALITY_OFFICER, Role.STAFF], email="q@example.org")
        self.auditor = UserFactory(username="aud", roles=[Role.AUDITOR, Role.STAFF], email="aud@example.org")
        self.head = UserFactory(username="head", roles=[Role.UNIT_HEAD, Role.STAFF], email="head@example.org")
        self.doer = UserFactory(username="doer", roles=[Role.STAFF], email="doer@example.org")
        self.other = UserFactory(username="other", roles=[Role.STAFF], email="other@example.org")


@pytest.fixture
def people(db):
    return People()


@pytest.fixture
def unit(people):
    root = UnitFactory(name="University", kind="university")
    return UnitFactory(name="Faculty", kind="faculty", parent=root, head=people.head)


@pytest.fixture
def nc(people, unit):
    return services.nonconformity_register(
        title="Syllabi not approved",
        description="Three syllabi were used before approval.",
        unit=unit,
        source="internal_audit",
        severity="major",
        requirement="DP 07.03 §4",
        reported_by=people.auditor,
        detected_on=datetime.date(2026, 3, 2),
    )
