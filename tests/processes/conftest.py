import pytest

from processes import services
from processes.models import Flow
from qms.roles import Role
from tests.qms.factories import UnitFactory, UserFactory

from .factories import ProcessFactory


class People:
    def __init__(self):
        self.quality = UserFactory(username="q", roles=[Role.QUALITY_OFFICER, Role.STAFF])
        self.owner = UserFactory(username="own", roles=[Role.PROCESS_OWNER, Role.STAFF])
        self.leader = UserFactory(username="rect", roles=[Role.RECTORATE, Role.STAFF])
        self.reader = UserFactory(username="reader", roles=[Role.STAFF])
        self.auditor = UserFactory(username="aud", roles=[Role.AUDITOR])
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


def build_card(
    process,
    people,
    *,
    purpose="Teach well",
    activities=("Plan", "Teach"),
    flows=(),
    approve=True,
    language="en",
    units=(),
    documents=(),
):
    """A card of `process` with its activities and flows, submitted and (unless `approve` is
    false) approved by the leader. `flows` are (direction, name, supplier or None)."""
    card = services.card_start_draft(process=process, by=people.owner)
    services.card_save_texts(
        card=card,
        language=language,
        purpose=purpose,
        evaluation_criteria="Results of the year",
        monitoring_methods="Surveys",
    )
    services.card_save_activities(
        card=card,
        language=language,
        rows=[
            {"id": None, "name": name, "executors": "Dean", "units": list(units), "documents": list(documents)}
            for name in activities
        ],
    )
    services.card_save_flows(
        card=card,
        language=language,
        rows=[{"id": None, "direction": d, "name": n, "supplier": s} for d, n, s in flows],
    )
    if approve:
        services.card_submit(card=card, by=people.owner)
        services.card_approve(card=card, by=people.leader)
    card.refresh_from_db()
    return card


@pytest.fixture
def process(people, units):
    """P-01 with an approved (current) card, revision 1."""
    process = ProcessFactory(
        code="P-01", name={"en": "Teaching"}, leader=people.leader, owner=people.owner, scope=[units[1]]
    )
    build_card(
        process,
        people,
        flows=[(Flow.Direction.INPUT, "Curriculum", None), (Flow.Direction.OUTPUT, "Graduates", None)],
    )
    return process


@pytest.fixture
def current_card(process):
    return process.cards.get(status="current")
