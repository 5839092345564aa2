"""The rectorate's dashboard: its figures against a small data set counted by hand, the unit
filter, who may see it, a constant number of queries as the data grows, links that open lists
showing the rows counted, and the same dashboard as a PDF report."""

import datetime
import io
import itertools
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from admissions.models import Application, Preference, Round, RoundQuota
from audits import services as audit_services
from audits.models import Action, Audit, AuditProgramme, Nonconformity
from policies.models import Acknowledgement, Document, QualityObjective, Version
from processes import services as process_services
from processes.models import KPI, MatrixEntry, Measurement
from qms.dashboard import dashboard_figures
from qms.models import Report
from qms.reports import dashboard_pdf
from qms.roles import Role
from tests.admissions.factories import ApplicantFactory, CampaignFactory, ProgrammeFactory, QuotaFactory
from tests.policies.factories import DocumentFactory
from tests.processes.factories import ProcessFactory

from .factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 30)
YEAR = 2026
_numbers = itertools.count(1)


# --- the data set -------------------------------------------------------------------------------


def nc(unit, detected_on, *, reporter, requirement="", state=None, **fields):
    """A nonconformity registered through the service (which finds repeats), then put in the
    state the test needs."""
    registered = audit_services.nonconformity_register(
        title=f"Finding {next(_numbers)}",
        description="What was found.",
        unit=unit,
        source=Nonconformity.Source.INTERNAL_AUDIT,
        reported_by=reporter,
        requirement=requirement,
        detected_on=detected_on,
    )
    if state or fields:
        Nonconformity.objects.filter(pk=registered.pk).update(state=state or registered.state, **fields)
        registered.refresh_from_db()
    return registered


def action(nonconformity, due_date, responsible, state=Action.State.OPEN):
    return Action.objects.create(
        nonconformity=nonconformity,
        kind=Action.Kind.CORRECTIVE,
        description="Do it",
        responsible=responsible,
        due_date=due_date,
        state=state,
    )


def kpi(process, status, *, overdue=False, active=True, values=()):
    """A KPI with its kept status and, oldest first, monthly measurements from January 2025."""
    made = process_services.kpi_save(
        process=process,
        name={"en": f"Indicator {next(_numbers)}"},
        target=Decimal("80"),
        at_risk_threshold=Decimal("70"),
        frequency=KPI.Frequency.MONTHLY,
        active=active,
    )
    KPI.objects.filter(pk=made.pk).update(status=status, overdue=overdue)
    for month, value in enumerate(values):
        start = datetime.date(2025 + month // 12, month % 12 + 1, 1)
        Measurement.objects.create(
            kpi=made, period_start=start, period_end=start + datetime.timedelta(days=27), value=value,
            entered_by=process.owner,
        )  # fmt: skip
    return made


def published(document, by):
    return Version.objects.create(
        document=document,
        revision=1,
        status=Version.Status.PUBLISHED,
        effective_date=datetime.date(2026, 1, 1),
        published_at=timezone.now(),
        created_by=by,
    )


def application(campaign, quotas, status, *, admitted=None):
    made = Application.objects.create(
        applicant=ApplicantFactory(),
        campaign=campaign,
        number=f"M-{next(_numbers):05d}",
        status=status,
        admitted_quota=admitted,
    )
    for position, quota in enumerate(quotas, start=1):
        Preference.objects.create(application=made, position=position, quota=quota)
    return made


class World:
    """University ─ Faculty A (head: the dean) ─ Department A1; Faculty B."""

    def __init__(self):
        self.rector = UserFactory(username="rector", roles=[Role.RECTORATE, Role.STAFF])
        self.quality = UserFactory(username="quality", roles=[Role.QUALITY_OFFICER, Role.STAFF])
        self.dean = UserFactory(username="dean", roles=[Role.UNIT_HEAD, Role.STAFF])
        self.auditor = UserFactory(username="auditor", roles=[Role.AUDITOR, Role.STAFF])
        self.staff = UserFactory(username="staff", roles=[Role.STAFF])
        self.applicant = UserFactory(username="applicant", roles=[Role.APPLICANT])
        self.root = UnitFactory(name="University", kind="university")
        self.fa = UnitFactory(name="Faculty A", short_name="FA", kind="faculty", parent=self.root, head=self.dean)
        self.da = UnitFactory(name="Department A1", short_name="DA1", parent=self.fa)
        self.fb = UnitFactory(name="Faculty B", short_name="FB", kind="faculty", parent=self.root)
        for unit in (self.root, self.fa, self.da, self.fb):
            unit.refresh_from_db()


@pytest.fixture
def world():
    return World()


@pytest.fixture
def data(world):
    """The hand-counted data set; the comments give what each row counts for on TODAY."""
    w = world
    # Nonconformities.
    nc1 = nc(w.da, datetime.date(2026, 6, 20), reporter=w.auditor)  # open, 10 days, overdue action
    action(nc1, datetime.date(2026, 6, 1), w.staff)
    nc2 = nc(w.fa, datetime.date(2026, 5, 1), reporter=w.auditor, requirement="DP 07 §4", state="implementation")
    action(nc2, datetime.date(2026, 7, 15), w.staff)  # open, 60 days, action on time
    action(nc2, datetime.date(2026, 5, 15), w.staff, state=Action.State.DONE)  # done: not overdue
    nc3 = nc(w.fa, datetime.date(2026, 6, 10), reporter=w.auditor, requirement="DP 07 §4")  # repeat of nc2, 20 days
    assert nc3.repeat_of_id == nc2.pk
    nc4 = nc(w.fb, datetime.date(2025, 11, 1), reporter=w.auditor)  # open, 241 days, overdue; registered in 2025
    action(nc4, datetime.date(2026, 1, 10), w.staff)
    closed = {"effective": True, "verified_by": w.quality}
    # Closed: effective at the first check; effective at the second.
    nc(w.fb, datetime.date(2026, 2, 1), reporter=w.auditor, state="closed", reopened=0,
       closed_at=timezone.make_aware(datetime.datetime(2026, 4, 1, 12)), **closed)  # fmt: skip
    nc(w.da, datetime.date(2026, 3, 1), reporter=w.auditor, state="closed", reopened=1,
       closed_at=timezone.make_aware(datetime.datetime(2026, 5, 1, 12)), **closed)  # fmt: skip
    nc(w.fb, datetime.date(2026, 1, 15), reporter=w.auditor, state="action_plan", reopened=1, effective=False,
       verified_by=w.quality)  # fmt: skip  # open, 166 days, found ineffective once

    # Process KPIs.
    owner_in_da = UserFactory(roles=[Role.PROCESS_OWNER, Role.STAFF])
    MembershipFactory(unit=w.da, user=owner_in_da)
    p1 = ProcessFactory(code="P1")  # Faculty A responsible
    MatrixEntry.objects.create(process=p1, unit=w.fa, role=MatrixEntry.Role.RESPONSIBLE)
    p2 = ProcessFactory(code="P2")  # Faculty B takes part
    MatrixEntry.objects.create(process=p2, unit=w.fb, role=MatrixEntry.Role.PARTICIPATES)
    p3 = ProcessFactory(code="P3", owner=owner_in_da)  # owned by a member of Department A1
    p4 = ProcessFactory(code="P4")  # Faculty A only informed: not Faculty A's
    MatrixEntry.objects.create(process=p4, unit=w.fa, role=MatrixEntry.Role.INFORMED)
    self_kpis = {
        "k1": kpi(p1, KPI.Status.ON_TARGET),
        "k2": kpi(p1, KPI.Status.OFF_TARGET, values=[Decimal(v) for v in range(1, 9)]),
        "k3": kpi(p1, KPI.Status.OFF_TARGET, active=False),  # inactive: not counted
        "k4": kpi(p2, KPI.Status.AT_RISK, overdue=True),
        "k5": kpi(p2, KPI.Status.NO_DATA),
        "k6": kpi(p3, KPI.Status.AT_RISK),
        "k7": kpi(p4, KPI.Status.OFF_TARGET),
    }

    # Quality objectives.
    policy = DocumentFactory(
        code="QP", type=Document.Type.QUALITY_POLICY, level=Document.Level.POLICY, owner_unit=w.root, owner=w.quality
    )

    def objective(title, status, deadline):
        QualityObjective.objects.create(policy=policy, title=title, owner=w.rector, indicator="Share",
                                        target=Decimal("90"), deadline=deadline, status=status)  # fmt: skip

    objective("Reached this year", "reached", datetime.date(2026, 12, 31))
    objective("Next year", "in_progress", datetime.date(2027, 6, 30))
    objective("Late", "in_progress", datetime.date(2026, 3, 31))
    objective("Of last year", "not_reached", datetime.date(2025, 12, 31))  # before the year
    objective("Dropped", "cancelled", datetime.date(2026, 12, 31))  # cancelled

    # Audits.
    programme = AuditProgramme.objects.create(year=YEAR)

    def audit(start, status, unit):
        made = Audit.objects.create(programme=programme, title=f"Audit {next(_numbers)}", status=status,
                                    lead_auditor=w.auditor, planned_start=start, planned_end=start)  # fmt: skip
        made.units.set([unit])

    audit(datetime.date(2026, 3, 1), "closed", w.da)
    audit(datetime.date(2026, 5, 1), "reported", w.fb)
    audit(datetime.date(2026, 9, 1), "planned", w.fa)
    audit(datetime.date(2025, 10, 1), "closed", w.fa)  # another year

    # Documents: d1 (Faculty A's, review due) applies to Faculty A and Department A1; d2 (Faculty
    # B's, review overdue) to Faculty B; the policy is current and applies to nobody.
    m1, m2, m3, m4, m5 = (UserFactory() for _ in range(5))
    for unit, person in ((w.fa, m1), (w.da, m1), (w.fa, m2), (w.da, m3), (w.fb, m4), (w.fb, m5)):
        MembershipFactory(unit=unit, user=person)
    MembershipFactory(unit=w.fb, user=UserFactory(is_active=False))  # left: not required
    d1 = DocumentFactory(owner_unit=w.fa, owner=w.quality, applies_to=[w.fa, w.da])
    d2 = DocumentFactory(owner_unit=w.fb, owner=w.quality, applies_to=[w.fb])
    Document.objects.filter(pk=d1.pk).update(review_state=Document.ReviewState.DUE)
    Document.objects.filter(pk=d2.pk).update(review_state=Document.ReviewState.OVERDUE)
    v1, v2 = published(d1, w.quality), published(d2, w.quality)
    Acknowledgement.objects.create(version=v1, person=m1)
    Acknowledgement.objects.create(version=v1, person=m4)  # not one of d1's readers: not counted
    Acknowledgement.objects.create(version=v2, person=m4)

    # Admissions: the campaign starting in 2026; programme 1 of Faculty A, programme 2 of Faculty B.
    campaign = CampaignFactory(academic_year="2026/2027")
    prog1 = ProgrammeFactory(campaign=campaign, code="M1", faculty=w.fa)
    prog2 = ProgrammeFactory(campaign=campaign, code="M2", faculty=w.fb)
    q1 = QuotaFactory(programme=prog1, funding="state", places=2)
    q2 = QuotaFactory(programme=prog1, funding="paid", places=1)
    q3 = QuotaFactory(programme=prog2, funding="state", places=3)
    S = Application.Status
    application(campaign, [q1, q3], S.ADMITTED, admitted=q1)
    application(campaign, [q3], S.ENROLLED, admitted=q3)
    application(campaign, [q2, q1], S.SUBMITTED)
    application(campaign, [q1], S.DRAFT)  # a draft is no application yet
    published_round = Round.objects.create(
        campaign=campaign, number=1, status=Round.Status.PUBLISHED, ranking_on=TODAY, publication_on=TODAY,
        enrolment_deadline=TODAY,
    )  # fmt: skip
    RoundQuota.objects.create(round=published_round, quota=q1, places=2, admitted=1, last_score=Decimal("5.250"))
    return {"kpis": self_kpis, "d1": d1, "d2": d2, "prog1": prog1}


# --- the figures ----------------------------------------------------------------------------------


def test_figures_of_the_whole_university_are_those_counted_by_hand(data, world):
    figures = dashboard_figures(year=YEAR, today=TODAY)

    objectives = figures["objectives"]
    assert [row["title"] for row in objectives["rows"]] == ["Late", "Reached this year", "Next year"]
    assert (objectives["total"], objectives["reached"], objectives["late"], objectives["progress"]) == (3, 1, 1, 33)

    kpis = figures["kpis"]
    assert (kpis["total"], kpis["on_target"], kpis["at_risk"], kpis["off_target"], kpis["no_data"]) == (6, 1, 2, 2, 1)
    assert kpis["overdue"] == 1
    assert {light["status"]: light["count"] for light in kpis["lights"]} == {
        "on_target": 1, "at_risk": 2, "off_target": 2, "no_data": 1,
    }  # fmt: skip
    flagged = {row["kpi"].pk: row for row in kpis["flagged"]}
    assert set(flagged) == {data["kpis"][k].pk for k in ("k2", "k4", "k6", "k7")}
    assert [row["status"] for row in kpis["flagged"]] == ["off_target", "off_target", "at_risk", "at_risk"]
    assert flagged[data["kpis"]["k2"].pk]["trend"] == [Decimal(v) for v in (3, 4, 5, 6, 7, 8)]  # the last six
    assert flagged[data["kpis"]["k4"].pk]["trend"] == []

    ncs = figures["nonconformities"]
    assert (ncs["open"], ncs["overdue"], ncs["registered"], ncs["repeats"]) == (5, 2, 6, 1)
    assert {row["key"]: row["count"] for row in ncs["ages"]} == {"0-30": 2, "30-90": 1, "90-180": 1, "180+": 1}
    # Checks of 2026: one effective first time, one effective at the second check, one ineffective.
    assert (ncs["effective_first_time"], ncs["checks"], ncs["effectiveness_rate"]) == (1, 4, 25)
    assert [(row["unit"], row["open"], row["overdue"]) for row in ncs["by_unit"]] == [
        (world.fa, 3, 1), (world.fb, 2, 1),
    ]  # fmt: skip

    audits = figures["audits"]
    assert (audits["planned"], audits["completed"], audits["completion"]) == (3, 2, 67)
    assert audits["programme"].year == YEAR and audits["programme_status"] == "Draft"

    documents = figures["documents"]
    assert (documents["total"], documents["due"], documents["overdue"]) == (3, 1, 1)
    acknowledgement = documents["acknowledgement"]
    # d1: m1, m2, m3 and the owner of P3 (a member of Department A1); d2: m4, m5.
    assert (acknowledgement["required"], acknowledgement["acknowledged"], acknowledgement["rate"]) == (6, 2, 33)
    assert [(row["code"], row["acknowledged"], row["required"], row["rate"]) for row in acknowledgement["lowest"]] == [
        (data["d1"].code, 1, 4, 25), (data["d2"].code, 1, 2, 50),
    ]  # fmt: skip

    admissions = figures["admissions"]
    assert (admissions["applications"], admissions["places"], admissions["taken"]) == (3, 6, 2)
    programmes = [
        (row["code"], row["first_preference"], row["places"], row["taken"]) for row in admissions["programmes"]
    ]
    assert programmes == [("M1", 2, 3, 1), ("M2", 1, 3, 1)]
    last_scores = {quota["quota"].funding: quota["last_score"] for quota in admissions["programmes"][0]["quotas"]}
    assert last_scores == {"state": Decimal("5.250"), "paid": None}


def test_the_unit_filter_keeps_the_unit_and_the_units_below_it(data, world):
    figures = dashboard_figures(year=YEAR, unit=world.fa, today=TODAY)

    kpis = figures["kpis"]  # P1 (Faculty A responsible) and P3 (owner in Department A1); not P4 (informed)
    assert (kpis["total"], kpis["on_target"], kpis["at_risk"], kpis["off_target"], kpis["no_data"]) == (3, 1, 1, 1, 0)
    assert {row["kpi"].pk for row in kpis["flagged"]} == {data["kpis"]["k2"].pk, data["kpis"]["k6"].pk}

    ncs = figures["nonconformities"]
    assert (ncs["open"], ncs["overdue"], ncs["registered"], ncs["repeats"]) == (3, 1, 4, 1)
    assert (ncs["effective_first_time"], ncs["checks"], ncs["effectiveness_rate"]) == (0, 2, 0)
    assert [(row["unit"], row["label"], row["open"], row["overdue"]) for row in ncs["by_unit"]] == [
        (world.fa, "FA (itself)", 2, 0), (world.da, "DA1", 1, 1),
    ]  # fmt: skip

    assert (figures["audits"]["planned"], figures["audits"]["completed"]) == (2, 1)
    documents = figures["documents"]
    assert (documents["total"], documents["due"], documents["overdue"]) == (1, 1, 0)
    acknowledgement = documents["acknowledgement"]  # Faculty A's people, for the documents that apply to them
    assert (acknowledgement["required"], acknowledgement["acknowledged"], acknowledgement["rate"]) == (4, 1, 25)
    assert [row["code"] for row in acknowledgement["lowest"]] == [data["d1"].code]

    admissions = figures["admissions"]
    assert [row["code"] for row in admissions["programmes"]] == ["M1"]
    assert (admissions["applications"], admissions["places"], admissions["taken"]) == (2, 3, 1)
    # Quality objectives are the university's, whatever the unit.
    assert figures["objectives"]["total"] == 3


def test_a_year_without_data_shows_zeros_and_no_campaign(data):
    figures = dashboard_figures(year=2024, today=TODAY)
    assert (figures["nonconformities"]["registered"], figures["audits"]["planned"]) == (0, 0)
    assert figures["audits"]["programme"] is None and figures["audits"]["completion"] is None
    assert figures["nonconformities"]["effectiveness_rate"] is None
    assert figures["admissions"] == {"available": False}


# --- who sees it ------------------------------------------------------------------------------------


def test_rectorate_and_quality_officer_see_the_whole_university_and_may_choose_any_unit(client, data, world):
    for person in (world.rector, world.quality):
        client.force_login(person)
        response = client.get(reverse("dashboard"))
        assert response.status_code == 200
        assert response.context["unit"] is None
        assert response.context["figures"]["nonconformities"]["open"] == 5
        assert response.context["figures"]["admissions"]["available"]
        page = response.content.decode()
        for heading in ("Quality objectives", "Process KPIs", "Nonconformities", "Internal audits", "Documents",
                        "Admissions"):  # fmt: skip
            assert heading in page
        response = client.get(reverse("dashboard"), {"unit": world.fb.pk, "year": YEAR})
        assert response.context["unit"] == world.fb
        assert response.context["figures"]["nonconformities"]["open"] == 2


def test_dean_sees_their_faculty_by_default_and_nothing_outside_it(client, data, world):
    client.force_login(world.dean)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert response.context["unit"] == world.fa
    assert response.context["figures"]["nonconformities"]["open"] == 3
    assert response.context["figures"]["admissions"] is None  # admission statistics are not a dean's
    assert [pk for pk, _label in response.context["unit_choices"]] == [world.fa.pk, world.da.pk]
    assert 'value=""' not in response.content.decode().split('id="dashboard-unit"')[1].split("</select>")[0]
    assert client.get(reverse("dashboard"), {"unit": world.da.pk}).context["unit"] == world.da
    assert client.get(reverse("dashboard"), {"unit": world.fb.pk}).status_code == 404
    assert client.get(reverse("dashboard"), {"unit": world.root.pk}).status_code == 404
    assert client.get(reverse("dashboard"), {"unit": "x"}).status_code == 404


def test_staff_are_refused_applicants_are_not_told_and_anonymous_visitors_sign_in(client, world):
    client.force_login(world.staff)
    assert client.get(reverse("dashboard")).status_code == 403
    client.force_login(UserFactory(roles=[Role.UNIT_HEAD, Role.STAFF]))  # heads no unit
    assert client.get(reverse("dashboard")).status_code == 403
    client.force_login(world.applicant)
    assert client.get(reverse("dashboard")).status_code == 404
    client.logout()
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_year_that_is_not_one_falls_back_to_this_year(client, world):
    client.force_login(world.rector)
    assert client.get(reverse("dashboard"), {"year": "abc"}).context["year"] == timezone.localdate().year
    assert client.get(reverse("dashboard"), {"year": "1999"}).context["year"] == timezone.localdate().year
    assert client.get(reverse("dashboard"), {"year": "2025"}).context["year"] == 2025


# --- links -------------------------------------------------------------------------------------------


def listed(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["page"].paginator.count


@pytest.mark.parametrize("as_dean", [False, True], ids=["rector", "dean"])
def test_every_nonconformity_figure_links_to_a_register_showing_the_rows_counted(client, data, world, as_dean):
    client.force_login(world.dean if as_dean else world.rector)
    response = client.get(reverse("dashboard"), {"year": YEAR})
    ncs = response.context["figures"]["nonconformities"]
    page = response.content.decode()
    # The rows of the units below the chosen one (the "itself" row links to the whole subtree).
    below = [row for row in ncs["by_unit"] if row["unit"] != response.context["unit"]]
    links = [
        (ncs["open"], ncs["open_url"]),
        (ncs["overdue"], ncs["overdue_url"]),
        (ncs["registered"], ncs["registered_url"]),
        (ncs["repeats"], ncs["repeats_url"]),
        *((row["count"], row["url"]) for row in ncs["ages"]),
        *((row["open"], row["url"]) for row in below),
    ]
    assert ncs["open"] == (3 if as_dean else 5) and len(below) == (1 if as_dean else 2)
    for figure, url in links:
        assert url.replace("&", "&amp;") in page  # the page links the figure
        assert listed(client, url) == figure, url


def test_document_and_kpi_figures_link_to_lists_filtered_the_same_way(client, data, world):
    client.force_login(world.rector)
    figures = client.get(reverse("dashboard"), {"unit": world.fa.pk}).context["figures"]
    documents = figures["documents"]
    assert listed(client, documents["due_url"]) == documents["due"] == 1
    assert listed(client, documents["overdue_url"]) == documents["overdue"] == 0
    kpis = figures["kpis"]  # the register lists processes: those with a KPI in the status
    response = client.get(next(light["url"] for light in kpis["lights"] if light["status"] == "off_target"))
    assert [process.code for process in response.context["page"]] == ["P1"]
    response = client.get(kpis["url"])
    assert sorted(process.code for process in response.context["page"]) == ["P1", "P3"]


# --- queries ------------------------------------------------------------------------------------------


def grow(world, batch: int):
    """One more of everything the dashboard counts, in every unit."""
    for unit in (world.fa, world.da, world.fb):
        open_nc = nc(unit, TODAY - datetime.timedelta(days=40 * batch), reporter=world.auditor, requirement=f"R{batch}")
        action(open_nc, TODAY - datetime.timedelta(days=5), world.staff)
        nc(unit, TODAY - datetime.timedelta(days=3), reporter=world.auditor, requirement=f"R{batch}")  # a repeat
        process = ProcessFactory()
        MatrixEntry.objects.create(process=process, unit=unit, role=MatrixEntry.Role.RESPONSIBLE)
        kpi(process, KPI.Status.OFF_TARGET, values=[Decimal(v) for v in range(7)])
        kpi(process, KPI.Status.AT_RISK, overdue=True, values=[Decimal(1)])
        reader = MembershipFactory(unit=unit).user
        document = DocumentFactory(owner_unit=unit, owner=world.quality, applies_to=[unit])
        Acknowledgement.objects.create(version=published(document, world.quality), person=reader)
        made = Audit.objects.create(programme=AuditProgramme.objects.get(year=YEAR), title="More", status="reported",
                                    lead_auditor=world.auditor, planned_start=TODAY, planned_end=TODAY)  # fmt: skip
        made.units.set([unit])
    campaign = Round.objects.get().campaign
    programme = ProgrammeFactory(campaign=campaign, faculty=world.fb)
    quota = QuotaFactory(programme=programme)
    application(campaign, [quota], Application.Status.ADMITTED, admitted=quota)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "who, unit", [("rector", None), ("rector", "fa"), ("dean", None), ("dean", "da")], ids=lambda v: str(v)
)
def test_the_dashboard_makes_the_same_number_of_queries_as_the_data_grows(client, data, world, who, unit):
    client.force_login(getattr(world, who))
    url = reverse("dashboard") + f"?year={YEAR}" + (f"&unit={getattr(world, unit).pk}" if unit else "")
    count_queries(client, url)  # warm the caches (content types)
    grow(world, 1)
    few = count_queries(client, url)
    for batch in range(2, 6):
        grow(world, batch)
    assert count_queries(client, url) == few


def test_the_figures_make_a_fixed_number_of_queries(data, world, django_assert_num_queries):
    with CaptureQueriesContext(connection) as queries:
        dashboard_figures(year=YEAR, unit=world.fa, today=TODAY)
    grow(world, 1)
    grow(world, 2)
    with django_assert_num_queries(len(queries)):
        dashboard_figures(year=YEAR, unit=world.fa, today=TODAY)


# --- the PDF ---------------------------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_dashboard_pdf_has_the_areas_and_the_figures_of_the_page(data, world):
    name, content = dashboard_pdf({"year": YEAR}, "pdf", lambda done, total: None)
    assert name.endswith(".pdf") and content.startswith(b"%PDF")
    text = pdf_text(content)
    for heading in ("Quality system dashboard", "Quality objectives", "Process KPIs", "Nonconformities",
                    "Internal audits", "Documents", "Admissions"):  # fmt: skip
        assert heading in text
    assert "Registered in 2026" in text and "Applications per programme" in text
    assert "2 of 6 required acknowledgements" in text


def test_a_unit_report_requested_by_the_dean_is_built_for_their_faculty_without_admissions(
    client, data, world, django_capture_on_commit_callbacks
):
    client.force_login(world.dean)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:request"), {"kind": "dashboard", "format": "pdf", "year": YEAR, "unit": world.fa.pk}
        )
    assert response.status_code == 302
    report = Report.objects.get(kind="dashboard")
    assert report.status == Report.Status.DONE and report.unit == world.fa
    assert report.subject == f"Faculty A, {YEAR}"
    download = client.get(reverse("reports:download", args=[report.pk]))
    text = pdf_text(b"".join(download.streaming_content))
    assert "Faculty A and the units below it, 2026" in text
    assert "Nonconformities" in text and "Admissions" not in text
    assert "1 of 4 required acknowledgements" in text
    # Another faculty's report is refused to the dean.
    response = client.post(
        reverse("reports:request"), {"kind": "dashboard", "format": "pdf", "year": YEAR, "unit": world.fb.pk}
    )
    assert response.status_code == 400  # not one of the units the form offers them
    assert Report.objects.filter(kind="dashboard").count() == 1


def test_the_page_offers_the_pdf_of_what_it_shows(client, world):
    client.force_login(world.rector)
    page = client.get(reverse("dashboard"), {"year": YEAR, "unit": world.fa.pk}).content.decode()
    form = page.split('data-testid="report-button-dashboard-pdf"')[1].split("</form>")[0]
    assert 'name="kind" value="dashboard"' in form
    assert f'name="year" value="{YEAR}"' in form and f'name="unit" value="{world.fa.pk}"' in form
