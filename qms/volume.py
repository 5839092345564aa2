"""Volume data for load and performance work: `python manage.py generate_volume_data --scale N`.

At scale 1 it makes 50 organisational units, 2,000 staff, 500 controlled documents with 3
versions each and their acknowledgements, 300 processes with 5 KPIs and 24 measurements each,
200 audits with 30 checklist answers each (findings where a question was answered
nonconforming or with an observation), 10,000 nonconformities with 2 actions each, and an
admission campaign of 20,000 applications with 5 preferences each; every count scales linearly
with N (at least one of each).

Everything it writes is recognisable, so that it can share a database with the demo and
`clear()` removes only its own rows: accounts are named "vol-…", units' short names, documents',
processes' and nonconformities' codes start with "vol-"/"VOL-", audits' titles with "VOL ", the
campaign's academic year with "VOL-", audit programmes it had to create carry NOTES.

Speed: rows are planned in memory with one seeded random generator and written with
bulk_create in batches, one transaction per part; bulk_create sends no signals, so no history
rows are written for them (the pages do not need them) and timestamps are set as planned. The
few units go through `qms.services` (treebeard keeps the tree's paths), and the admission
rounds are ranked and published through `admissions.services`, so their results are the real
engine's; the applicants are planned by the generator of `bench_admission_round`.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from unittest import mock

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, models, transaction
from django.test.utils import override_settings
from django.utils import timezone

from .models import Membership, Notification, OrganisationalUnit, StandardClause, UnitUserObjectPermission, User
from .roles import Role

PREFIX = "vol-"
CODE_PREFIX = "VOL-"
AUDIT_PREFIX = "VOL "
NOTES = "Created by generate_volume_data."
BATCH = 2000

#: What scale 1 makes.
BASE = {
    "units": 50,
    "staff": 2000,
    "documents": 500,
    "versions per document": 3,
    "processes": 300,
    "KPIs per process": 5,
    "measurements per KPI": 24,
    "audits": 200,
    "checklist answers per audit": 30,
    "nonconformities": 10_000,
    "actions per nonconformity": 2,
    "applications": 20_000,
    "preferences per application": 5,
    "programmes": 40,
}
PER_ITEM = {k for k in BASE if " per " in k}

FIRST_NAMES = ["Иван", "Мария", "Георги", "Елена", "Петър", "Десислава", "Николай", "Ивана", "Стефан", "Анна"]
LAST_NAMES = ["Иванов", "Петрова", "Димитров", "Стоянова", "Георгиев", "Николова", "Тодоров", "Маринова"]
POSITIONS = ["Професор", "Доцент", "Главен асистент", "Асистент", "Експерт", "Технически сътрудник"]


def targets(scale: float) -> dict[str, int]:
    """The counts at this scale: totals scale linearly (at least 1), per-item counts stay."""
    result = {}
    for key, value in BASE.items():
        result[key] = value if key in PER_ITEM else max(1, round(value * scale))
    # Five preferences need at least two programmes of four quotas each.
    result["programmes"] = max(2, result["programmes"])
    return result


def expected_counts(scale: float) -> dict[str, int]:
    """The rows a run at this scale creates (what the command prints and the tests assert)."""
    t = targets(scale)
    return {
        "units": t["units"],
        "staff": t["staff"],
        "documents": t["documents"],
        "versions": t["documents"] * t["versions per document"],
        "processes": t["processes"],
        "KPIs": t["processes"] * t["KPIs per process"],
        "measurements": t["processes"] * t["KPIs per process"] * t["measurements per KPI"],
        "audits": t["audits"],
        "checklist answers": t["audits"] * t["checklist answers per audit"],
        "nonconformities": t["nonconformities"],
        "actions": t["nonconformities"] * t["actions per nonconformity"],
        "applications": t["applications"],
        "preferences": t["applications"] * t["preferences per application"],
    }


@contextmanager
def planned_timestamps(*model_classes):
    """Let bulk_create keep the planned values of auto_now / auto_now_add fields."""
    changed = []
    for model in model_classes:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                changed.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in changed:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


def analyse(*model_classes):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in model_classes:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@dataclass
class Context:
    rng: random.Random
    scale: float
    t: dict[str, int]
    today: datetime.date
    now: datetime.datetime
    password: str
    units: list = field(default_factory=list)
    unit_weights: list = field(default_factory=list)
    staff: list = field(default_factory=list)
    members_of: dict = field(default_factory=dict)  # unit id -> [user]
    unit_of: dict = field(default_factory=dict)  # user id -> unit id
    roles: dict = field(default_factory=dict)  # role -> [user]
    clauses: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    processes: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def pick_unit(self):
        return self.rng.choices(self.units, self.unit_weights)[0]

    def member_of(self, unit):
        people = self.members_of.get(unit.pk)
        return self.rng.choice(people) if people else self.rng.choice(self.staff)

    def someone(self, role, *, other_than=None):
        people = [p for p in self.roles[role] if p != other_than] or [p for p in self.staff if p != other_than]
        return self.rng.choice(people)

    def past_day(self, years: float) -> datetime.date:
        return self.today - datetime.timedelta(days=self.rng.randint(1, max(1, int(365 * years))))


# --- organisation -----------------------------------------------------------------------------


def make_organisation(ctx: Context):
    from .services import unit_create, unit_set_head

    rng, n = ctx.rng, ctx.t["units"]
    root = OrganisationalUnit.objects.get_root_nodes().first()
    faculties = max(1, round(n * 0.12))
    services = round(n * 0.2) if n > 2 else 0
    departments = n - faculties - services
    made = []
    if root is None:
        root = unit_create(name="Volume University", short_name=f"{PREFIX}U", kind=OrganisationalUnit.Kind.UNIVERSITY)
        made.append(root)
        if departments > 0:
            departments -= 1
        else:
            faculties -= 1
    faculty_units = []
    for i in range(faculties):
        root.refresh_from_db()
        unit = unit_create(
            name=f"Факултет {i + 1} (volume)", short_name=f"{PREFIX}F{i + 1:02d}",
            kind=OrganisationalUnit.Kind.FACULTY, parent=root,
        )  # fmt: skip
        faculty_units.append(unit)
    for i in range(services):
        root.refresh_from_db()
        made.append(
            unit_create(
                name=f"Отдел {i + 1} (volume)",
                short_name=f"{PREFIX}S{i + 1:02d}",
                kind=OrganisationalUnit.Kind.SERVICE,
                parent=root,
            )  # fmt: skip
        )
    made.extend(faculty_units)
    for i in range(departments):
        parent = faculty_units[i % len(faculty_units)] if faculty_units else root
        parent.refresh_from_db()
        made.append(
            unit_create(
                name=f"Катедра {i + 1} (volume)",
                short_name=f"{PREFIX}D{i + 1:02d}",
                kind=OrganisationalUnit.Kind.DEPARTMENT,
                parent=parent,
            )  # fmt: skip
        )
    ctx.units = made
    # Skewed sizes: a few big units, a long tail of small ones.
    ctx.unit_weights = [1 / (rank + 1) ** 0.9 for rank in range(len(made))]
    rng.shuffle(ctx.unit_weights)

    groups = {g.name: g for g in Group.objects.filter(name__in=Role.values)}
    missing = set(Role.values) - set(groups)
    if missing:
        raise RuntimeError(f"role groups missing ({', '.join(sorted(missing))}): run migrate first")
    count = ctx.t["staff"]
    people = []
    for i in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        username = f"{PREFIX}staff-{i + 1:05d}"
        people.append(
            User(
                username=username,
                email=f"{username}@volume.invalid",
                first_name=first,
                last_name=last,
                password=ctx.password,
                language="bg",
                date_joined=at(ctx.past_day(12)),
            )  # fmt: skip
        )
    ctx.staff = bulk(User, people)
    # Roles: everyone is staff; a few of the other roles each (at least one of each).
    shares = [
        (Role.QUALITY_OFFICER, 0.003),
        (Role.RECTORATE, 0.002),
        (Role.AUDITOR, 0.01),
        (Role.PROCESS_OWNER, 0.02),
        (Role.ADMISSIONS_COMMITTEE, 0.005),
    ]
    order = list(ctx.staff)
    rng.shuffle(order)
    position = 0
    ctx.roles = {role: [] for role in Role.values}
    for role, share in shares:
        k = max(1, round(count * share))
        chosen = order[position : position + k] or [rng.choice(ctx.staff)]
        position += k
        ctx.roles[role] = chosen
    ctx.roles[Role.STAFF] = list(ctx.staff)
    # Memberships: auditors and quality officers sit in the services (or the first unit), the rest
    # by the skewed sizes; one person in ten also belongs to a second unit.
    service_units = [u for u in made if u.kind == OrganisationalUnit.Kind.SERVICE] or made[:1]
    memberships = []
    special = {p.pk for role in (Role.AUDITOR, Role.QUALITY_OFFICER) for p in ctx.roles[role]}
    for person in ctx.staff:
        if person.pk in special and len(made) == 1:
            continue  # the only unit is audited: its auditors and quality officers stay outside it
        unit = rng.choice(service_units) if person.pk in special else ctx.pick_unit()
        units = [unit]
        if rng.random() < 0.1 and len(made) > 1:
            second = ctx.pick_unit()
            if second != unit and person.pk not in special:
                units.append(second)
        for u in units:
            memberships.append(Membership(unit=u, user=person, position=rng.choice(POSITIONS)))
            ctx.members_of.setdefault(u.pk, []).append(person)
        ctx.unit_of[person.pk] = unit.pk
    bulk(Membership, memberships)
    through = User.groups.through
    bulk(
        through,
        [through(user_id=p.pk, group_id=groups[role].pk) for role, people in ctx.roles.items() for p in people],
    )
    # Heads: a member of each faculty and service (department heads too), the unit_head role.
    heads = []
    for unit in made:
        if unit.kind == OrganisationalUnit.Kind.UNIVERSITY:
            continue
        candidates = [p for p in ctx.members_of.get(unit.pk, []) if p.pk not in special]
        if not candidates:
            continue
        head = rng.choice(candidates)
        unit_set_head(unit=unit, head=head)
        heads.append(head)
    ctx.roles[Role.UNIT_HEAD] = heads
    bulk(through, [through(user_id=p.pk, group_id=groups[Role.UNIT_HEAD].pk) for p in set(heads)])
    ctx.clauses = list(StandardClause.objects.filter(parent__isnull=False))
    ctx.counts["units"] = len(made)
    ctx.counts["staff"] = len(ctx.staff)
    ctx.counts["memberships"] = len(memberships)
    ctx.counts["unit heads"] = len(heads)
    return f"{len(made)} units, {len(ctx.staff):,} staff, {len(memberships):,} memberships, {len(heads)} heads"


# --- documents ---------------------------------------------------------------------------------


DOCUMENT_KINDS = [
    # (type, level, weight, title)
    ("procedure", 3, 30, "Процедура"),
    ("regulation", 4, 20, "Правилник"),
    ("instruction", 4, 20, "Инструкция"),
    ("form", 5, 20, "Формуляр"),
    ("record_template", 5, 10, "Образец на запис"),
]


def make_documents(ctx: Context):
    from policies.models import Acknowledgement, Document, Version, VersionBody

    rng, n = ctx.rng, ctx.t["documents"]
    versions_each = ctx.t["versions per document"]
    planned = []
    for i in range(n):
        kind, level, _weight, title = rng.choices(DOCUMENT_KINDS, [k[2] for k in DOCUMENT_KINDS])[0]
        unit = ctx.pick_unit()
        interval = rng.choice((12, 12, 12, 24, 36))
        # The latest version took effect some time within its review interval (or a little after:
        # some reviews are due or overdue).
        effective = ctx.today - datetime.timedelta(days=rng.randint(10, int(interval * 30.4 * 1.15)))
        next_review = effective + datetime.timedelta(days=int(interval * 30.4))
        state = (
            Document.ReviewState.OVERDUE
            if next_review < ctx.today
            else Document.ReviewState.DUE
            if next_review <= ctx.today + datetime.timedelta(days=30)
            else Document.ReviewState.CURRENT
        )
        planned.append((i, kind, level, title, unit, interval, effective, next_review, state))
    with planned_timestamps(Document):
        documents = bulk(
            Document,
            [
                Document(
                    code=f"{CODE_PREFIX}D-{i + 1:05d}",
                    title=f"{title} № {i + 1} (volume)",
                    type=kind,
                    level=level,
                    owner_unit=unit,
                    owner=ctx.member_of(unit),
                    review_interval_months=interval,
                    is_public=rng.random() < 0.2,
                    next_review_date=next_review,
                    review_state=state,
                    created_at=at(effective - datetime.timedelta(days=365 * (versions_each - 1) + 30)),
                )  # fmt: skip
                for i, kind, level, title, unit, interval, effective, next_review, state in planned
            ],
        )
    ctx.documents = documents
    versions = []
    for doc, (_i, *_rest, effective, _next, _state) in zip(documents, planned, strict=True):
        quality = ctx.someone(Role.QUALITY_OFFICER)
        # Each earlier revision was in force for one to one and a half years.
        dates = [effective]
        for _ in range(versions_each - 1):
            dates.insert(0, dates[0] - datetime.timedelta(days=int(365 * rng.uniform(1.0, 1.5))))
        for revision in range(1, versions_each + 1):
            took_effect = dates[revision - 1]
            latest = revision == versions_each
            superseded = None if latest else at(dates[revision])
            versions.append(
                Version(
                    document=doc,
                    revision=revision,
                    status=Version.Status.PUBLISHED if latest else Version.Status.SUPERSEDED,
                    change_summary="Първо издание" if revision == 1 else f"Актуализация {revision}",
                    approver=ctx.someone(Role.RECTORATE),
                    effective_date=took_effect,
                    approved_at=at(took_effect - datetime.timedelta(days=7)),
                    published_at=at(took_effect - datetime.timedelta(days=1)),
                    published_by=quality,
                    superseded_at=superseded,
                    created_by=doc.owner,
                    created_at=at(took_effect - datetime.timedelta(days=30)),
                )  # fmt: skip
            )
    with planned_timestamps(Version):
        versions = bulk(Version, versions)
    bulk(
        VersionBody,
        [
            VersionBody(version=v, language="bg", body=f"<p>Текст на редакция {v.revision}.</p>")
            for v in versions
            if v.status == Version.Status.PUBLISHED
        ],
    )
    acknowledgements = []
    staff = ctx.staff
    for v in versions:
        if v.status != Version.Status.PUBLISHED:
            continue
        share = rng.betavariate(2, 5)  # around 30 %, a few documents read by most
        readers = rng.sample(staff, round(len(staff) * share))
        start = v.published_at
        days = max(1, (ctx.now - start).days)
        for person in readers:
            acknowledgements.append(
                Acknowledgement(
                    version=v,
                    person=person,
                    acknowledged_at=start + datetime.timedelta(days=min(days, int(rng.expovariate(1 / 14)))),
                )  # fmt: skip
            )
    with planned_timestamps(Acknowledgement):
        bulk(Acknowledgement, acknowledgements)
    ctx.counts["documents"] = len(documents)
    ctx.counts["versions"] = len(versions)
    ctx.counts["acknowledgements"] = len(acknowledgements)
    return f"{len(documents):,} documents, {len(versions):,} versions, {len(acknowledgements):,} acknowledgements"


# --- processes ---------------------------------------------------------------------------------


def make_processes(ctx: Context):
    from processes import periods
    from processes.models import KPI, Card, MatrixEntry, Measurement, Process

    rng, n = ctx.rng, ctx.t["processes"]
    kinds = [Process.Kind.MANAGEMENT] * 2 + [Process.Kind.CORE] * 5 + [Process.Kind.SUPPORT] * 3
    owners = ctx.roles[Role.PROCESS_OWNER]
    leaders = ctx.roles[Role.RECTORATE] + ctx.roles[Role.UNIT_HEAD]
    rows = []
    for i in range(n):
        interval = rng.choice((12, 12, 24))
        reviewed = ctx.today - datetime.timedelta(days=rng.randint(0, int(interval * 30.4 * 1.1)))
        next_review = reviewed + datetime.timedelta(days=int(interval * 30.4))
        state = (
            Process.ReviewState.OVERDUE
            if next_review < ctx.today
            else Process.ReviewState.DUE
            if next_review <= ctx.today + datetime.timedelta(days=30)
            else Process.ReviewState.CURRENT
        )
        rows.append(
            Process(
                code=f"{CODE_PREFIX}P{i + 1:04d}",
                name={"bg": f"Процес {i + 1} (volume)", "en": f"Process {i + 1} (volume)"},
                kind=rng.choice(kinds),
                leader=rng.choice(leaders),
                owner=rng.choice(owners),
                review_interval_months=interval,
                next_review_date=next_review,
                review_state=state,
                created_at=at(ctx.today - datetime.timedelta(days=365 * 7)),
            )  # fmt: skip
        )
    with planned_timestamps(Process):
        processes = bulk(Process, rows)
    # A tenth are sub-processes of the first management and core processes.
    tops = processes[: max(1, len(processes) // 10)]
    children = []
    for process in processes[len(tops) :]:
        if rng.random() < 0.1:
            process.parent = rng.choice(tops)
            children.append(process)
    if children:
        Process.objects.bulk_update(children, ["parent"], batch_size=BATCH)
    ctx.processes = processes
    cards = []
    for process in processes:
        approved = at(process.next_review_date - datetime.timedelta(days=int(process.review_interval_months * 30.4)))
        cards.append(
            Card(
                process=process,
                revision=1,
                status=Card.Status.CURRENT,
                purpose={"bg": "Цел на процеса.", "en": "The purpose of the process."},
                approved_by=process.leader,
                approved_at=approved,
                submitted_at=approved,
                created_by=process.owner,
                created_at=approved - datetime.timedelta(days=5),
            )  # fmt: skip
        )
    with planned_timestamps(Card):
        bulk(Card, cards)
    matrix = []
    for process in processes:
        units = rng.sample(ctx.units, min(len(ctx.units), rng.randint(1, 4)))
        for index, unit in enumerate(units):
            role = MatrixEntry.Role.RESPONSIBLE if index == 0 else rng.choice(
                (MatrixEntry.Role.PARTICIPATES, MatrixEntry.Role.INFORMED)
            )  # fmt: skip
            matrix.append(MatrixEntry(process=process, unit=unit, role=role))
    bulk(MatrixEntry, matrix)

    per_process, per_kpi = ctx.t["KPIs per process"], ctx.t["measurements per KPI"]
    kpis, series = [], []
    for process in processes:
        for k in range(per_process):
            frequency = rng.choice((KPI.Frequency.MONTHLY, KPI.Frequency.MONTHLY, KPI.Frequency.QUARTERLY))
            higher = rng.random() < 0.7
            # Higher is better: a share to reach (50-95 %); lower is better: a share to stay under (5-30 %).
            target = Decimal(rng.choice((50, 60, 75, 80, 85, 90, 95) if higher else (5, 10, 15, 20, 30)))
            margin = (target * Decimal("0.1")).quantize(Decimal("0.01"))
            kpi = KPI(
                process=process, name={"bg": f"Показател {k + 1}", "en": f"Indicator {k + 1}"},
                unit_of_measure="%", direction=KPI.Direction.HIGHER if higher else KPI.Direction.LOWER,
                target=target, at_risk_threshold=(target - margin) if higher else target + margin,
                frequency=frequency, created_at=process.created_at,
            )  # fmt: skip
            # The latest ended period, or the one before it for a KPI whose measurement is late.
            start, end = periods.last_ended_period(frequency, ctx.today)
            overdue = rng.random() < 0.08
            if overdue:
                start, end = periods.previous_period(frequency, start)
            spans = []
            for _ in range(per_kpi):
                spans.append((start, end))
                start, end = periods.previous_period(frequency, start)
            # Most KPIs hover around their target; some sit at risk or off target most of the time.
            bias = rng.choices((rng.gauss(0.03, 0.03), -0.07, -0.16), (70, 20, 10))[0]
            if not higher:
                bias = -bias
            values = []
            for _span in spans:
                relative = 1 + bias + rng.gauss(0, 0.05)
                value = kpi.target * Decimal(str(round(relative, 4)))
                values.append(max(Decimal(0), min(Decimal(100), value)).quantize(Decimal("0.01")))
            kpi.status = kpi.status_of(values[0])
            kpi.overdue = overdue
            kpi.last_value = values[0]
            kpi.last_period_start = spans[0][0]
            kpi.created_at = min(kpi.created_at, at(spans[-1][0]))
            kpis.append(kpi)
            series.append(list(zip(spans, values, strict=True)))
    with planned_timestamps(KPI):
        kpis = bulk(KPI, kpis)
    measurements = [
        Measurement(
            kpi=kpi,
            period_start=s,
            period_end=e,
            value=value,
            entered_by=kpi.process.owner,
            entered_at=at(e + datetime.timedelta(days=rng.randint(1, 12))),
        )  # fmt: skip
        for kpi, rows in zip(kpis, series, strict=True)
        for (s, e), value in rows
    ]
    with planned_timestamps(Measurement):
        bulk(Measurement, measurements)
    ctx.counts["processes"] = len(processes)
    ctx.counts["KPIs"] = len(kpis)
    ctx.counts["measurements"] = len(measurements)
    off = sum(1 for k in kpis if k.status == KPI.Status.OFF_TARGET)
    return (
        f"{len(processes):,} processes ({len(cards):,} current cards, {len(matrix):,} matrix entries), "
        f"{len(kpis):,} KPIs ({off:,} off target, {sum(k.overdue for k in kpis):,} overdue), "
        f"{len(measurements):,} measurements"
    )


# --- audits, nonconformities, actions ---------------------------------------------------------


def make_audits_and_nonconformities(ctx: Context):
    from audits.models import Action, Audit, AuditProgramme, ChecklistItem, Finding, Nonconformity

    rng = ctx.rng
    n_audits, per_audit = ctx.t["audits"], ctx.t["checklist answers per audit"]
    n_ncs, per_nc = ctx.t["nonconformities"], ctx.t["actions per nonconformity"]
    auditors = ctx.roles[Role.AUDITOR]
    rector = ctx.roles[Role.RECTORATE][0]
    years = 10
    first_year = ctx.today.year - years + 1
    # Audits spread over ten years (a few more each year); the programme of a year is reused when
    # it exists (the demo's), else created approved.
    weights = [1 + 0.1 * i for i in range(years)]
    audit_years = sorted(rng.choices(range(first_year, ctx.today.year + 1), weights, k=n_audits))
    programmes = {p.year: p for p in AuditProgramme.objects.filter(year__in=set(audit_years))}
    for year in sorted(set(audit_years) - set(programmes)):
        programmes[year] = AuditProgramme.objects.create(
            year=year, status=AuditProgramme.Status.APPROVED, notes=NOTES, approved_by=rector,
            approved_at=at(datetime.date(year - 1, 12, 15)),
        )  # fmt: skip
    auditor_units = {ctx.unit_of.get(a.pk) for a in auditors}
    auditable = [u for u in ctx.units if u.pk not in auditor_units] or ctx.units
    audits, plans = [], []
    for index, year in enumerate(audit_years):
        day_of_year = rng.randint(20, 330)
        start = datetime.date(year, 1, 1) + datetime.timedelta(days=day_of_year)
        end = start + datetime.timedelta(days=rng.randint(0, 3))
        if end.year != year:
            start = end = datetime.date(year, 12, 28)
        days_ago = (ctx.today - end).days
        if days_ago > 60:
            status = Audit.Status.CLOSED
        elif days_ago > 10:
            status = Audit.Status.REPORTED
        elif days_ago >= 0:
            status = Audit.Status.IN_PROGRESS
        elif days_ago > -30:
            status = Audit.Status.PREPARED
        else:
            status = Audit.Status.PLANNED
        kind = rng.choices(
            (Audit.Kind.PLANNED, Audit.Kind.UNPLANNED, Audit.Kind.PRE_EXTERNAL), (85, 8, 7)
        )[0]  # fmt: skip
        lead = rng.choice(auditors)
        reported = (
            at(end + datetime.timedelta(days=5)) if status in (Audit.Status.REPORTED, Audit.Status.CLOSED) else None
        )
        audits.append(
            Audit(
                programme=programmes[year] if kind == Audit.Kind.PLANNED else None,
                kind=kind,
                title=f"{AUDIT_PREFIX}{index + 1:05d}: вътрешен одит",
                status=status,
                lead_auditor=lead,
                planned_start=start,
                planned_end=end,
                summary="Обобщение на одита." if reported else "",
                reported_at=reported,
                closed_at=at(end + datetime.timedelta(days=30)) if status == Audit.Status.CLOSED else None,
                created_at=at(start - datetime.timedelta(days=40)),
            )  # fmt: skip
        )
        plans.append((rng.sample(auditable, min(len(auditable), rng.choice((1, 1, 2)))), lead))
    with planned_timestamps(Audit):
        audits = bulk(Audit, audits)
    owned = {
        p.pk for p in ctx.processes if p.owner_id in {a.pk for a in auditors} or p.leader_id in {a.pk for a in auditors}
    }
    free_processes = [p for p in ctx.processes if p.pk not in owned] or ctx.processes
    unit_links, process_links, team_links = [], [], []
    for audit, (units, lead) in zip(audits, plans, strict=True):
        for unit in units:
            unit_links.append(Audit.units.through(audit_id=audit.pk, organisationalunit_id=unit.pk))
        process_links.append(Audit.processes.through(audit_id=audit.pk, process_id=rng.choice(free_processes).pk))
        others = [a for a in auditors if a != lead]
        if others and rng.random() < 0.6:
            team_links.append(Audit.team.through(audit_id=audit.pk, user_id=rng.choice(others).pk))
    bulk(Audit.units.through, unit_links)
    bulk(Audit.processes.through, process_links)
    bulk(Audit.team.through, team_links)

    answered_states = (Audit.Status.IN_PROGRESS, Audit.Status.REPORTED, Audit.Status.CLOSED)
    answers = (
        (ChecklistItem.Answer.CONFORMING, 80),
        (ChecklistItem.Answer.OBSERVATION, 8),
        (ChecklistItem.Answer.NONCONFORMING, 6),
        (ChecklistItem.Answer.NOT_APPLICABLE, 6),
    )
    items = []
    for audit in audits:
        answered = audit.status in answered_states
        for order in range(per_audit):
            answer = rng.choices([a for a, _w in answers], [w for _a, w in answers])[0] if answered else ""
            if answered and audit.status == Audit.Status.IN_PROGRESS and order > per_audit * 0.6:
                answer = ""
            items.append(
                ChecklistItem(
                    audit=audit,
                    order=order + 1,
                    question=f"Въпрос {order + 1}: изпълнено ли е изискването?",
                    clause=rng.choice(ctx.clauses) if ctx.clauses else None,
                    answer=answer,
                    evidence_notes="Прегледани записи." if answer else "",
                    answered_by=audit.lead_auditor if answer else None,
                    answered_at=at(audit.planned_start) if answer else None,
                )  # fmt: skip
            )
    items = bulk(ChecklistItem, items)
    audit_units = {}
    for link in unit_links:
        audit_units.setdefault(link.audit_id, []).append(link.organisationalunit_id)
    unit_by_pk = {u.pk: u for u in ctx.units}
    process_by_pk = {p.pk: p for p in ctx.processes}
    audit_process = {link.audit_id: link.process_id for link in process_links}
    audit_by_pk = {a.pk: a for a in audits}

    # Nonconformities: the audits' nonconforming answers first (one finding and NC each, as many
    # as the total allows), then the other sources over ten years, a few more each year.
    findings, nc_plans = [], []
    for item in items:
        if item.answer not in (ChecklistItem.Answer.NONCONFORMING, ChecklistItem.Answer.OBSERVATION):
            continue
        audit = audit_by_pk[item.audit_id]
        unit = unit_by_pk[rng.choice(audit_units[audit.pk])]
        process = process_by_pk[audit_process[audit.pk]]
        nonconforming = item.answer == ChecklistItem.Answer.NONCONFORMING
        kind = (rng.choice((Finding.Kind.MINOR,) * 4 + (Finding.Kind.MAJOR,)) if nonconforming
                else Finding.Kind.OBSERVATION)  # fmt: skip
        finding = Finding(
            audit=audit, checklist_item=item, kind=kind, unit=unit, process=process, clause=item.clause,
            statement="Констатация от одита.", evidence="Прегледани записи.", recorded_by=audit.lead_auditor,
            recorded_at=at(audit.planned_end),
        )  # fmt: skip
        findings.append(finding)
        if nonconforming and len(nc_plans) < n_ncs:
            severity = Nonconformity.Severity.MAJOR if kind == Finding.Kind.MAJOR else Nonconformity.Severity.MINOR
            nc_plans.append((finding, Nonconformity.Source.INTERNAL_AUDIT, severity, unit, process, item.clause,
                             audit.planned_end, audit.lead_auditor))  # fmt: skip
    sources = [
        (Nonconformity.Source.EXTERNAL_AUDIT, 5),
        (Nonconformity.Source.COMPLAINT, 20),
        (Nonconformity.Source.KPI, 15),
        (Nonconformity.Source.SURVEY, 15),
        (Nonconformity.Source.STAFF_REPORT, 25),
        (Nonconformity.Source.STUDENT_REPORT, 20),
    ]
    start_day = ctx.today - datetime.timedelta(days=365 * years)
    span = (ctx.today - start_day).days
    while len(nc_plans) < n_ncs:
        # Growing use of the register: later days are likelier (a triangular distribution).
        detected = start_day + datetime.timedelta(days=int(rng.triangular(0, span, span)))
        unit = ctx.pick_unit()
        nc_plans.append((
            None, rng.choices([s for s, _w in sources], [w for _s, w in sources])[0],
            rng.choices((Nonconformity.Severity.MINOR, Nonconformity.Severity.MAJOR,
                         Nonconformity.Severity.POTENTIAL), (70, 10, 20))[0],
            unit, rng.choice(ctx.processes) if rng.random() < 0.7 else None,
            rng.choice(ctx.clauses) if ctx.clauses and rng.random() < 0.8 else None, detected,
            ctx.member_of(unit),
        ))  # fmt: skip
    nc_plans.sort(key=lambda p: p[6])
    by_year: dict[int, int] = {}
    ncs, actions_plan = [], []
    earlier: dict[tuple, int] = {}  # (unit, clause) -> index of the latest NC there
    repeats = []
    quality = ctx.roles[Role.QUALITY_OFFICER]
    for index, (_finding, source, severity, unit, process, clause, detected, reporter) in enumerate(nc_plans):
        by_year[detected.year] = by_year.get(detected.year, 0) + 1
        age = (ctx.today - detected).days
        # Most older ones are closed; recent ones are still being worked on.
        if age > 365:
            state = rng.choices(("closed", "implementation", "effectiveness"), (97, 2, 1))[0]
        elif age > 120:
            state = rng.choices(("closed", "implementation", "effectiveness", "action_plan"), (70, 15, 10, 5))[0]
        else:
            state = rng.choices(("closed", "implementation", "effectiveness", "action_plan"), (15, 40, 10, 35))[0]
        if state == "effectiveness" and age < 30:
            state = "implementation"
        key = (unit.pk, clause.pk if clause else None)
        repeat = None
        if clause is not None and key in earlier and rng.random() < 0.25:
            repeat = earlier[key]
        earlier[key] = index
        checker = rng.choice([q for q in quality if q != reporter] or quality)
        closed_at = None
        if state == "closed":
            closed_at = at(min(ctx.today, detected + datetime.timedelta(days=rng.randint(60, 200))))
        effectiveness_due = detected + datetime.timedelta(days=rng.randint(60, 180))
        nc = Nonconformity(
            number=f"{CODE_PREFIX}NC-{detected.year}-{by_year[detected.year]:05d}", source=source,
            severity=severity, title=f"Несъответствие {index + 1} (volume)",
            description="Описание на несъответствието.", unit=unit, process=process, clause=clause,
            state=state, reported_by=reporter, detected_on=detected,
            whys=["Защо?", "Защото процедурата не е спазена."], cause_category=rng.choice(
                Nonconformity.CauseCategory.values
            ), root_cause="Липса на обучение.", correction="Незабавна корекция.",
            effectiveness_due=effectiveness_due,
            effective=True if state == "closed" else None,
            effectiveness_comment="Действията са ефективни." if state == "closed" else "",
            verified_by=checker if state == "closed" else None,
            reopened=1 if state != "action_plan" and rng.random() < 0.03 else 0,
            closed_at=closed_at, created_at=at(detected),
        )  # fmt: skip
        ncs.append(nc)
        if repeat is not None:
            repeats.append((index, repeat))
        # Actions: verified for closed and checked NCs; done or open (some overdue) in implementation;
        # open with a due date ahead or just passed in the action plan.
        for a in range(per_nc):
            due = detected + datetime.timedelta(days=rng.randint(20, 90))
            responsible = ctx.member_of(unit)
            verifier = checker if checker != responsible else rng.choice([p for p in ctx.staff if p != responsible])
            if state in ("closed", "effectiveness"):
                action_state = "verified"
            elif state == "implementation":
                action_state = rng.choices(("verified", "done", "open"), (30, 30, 40))[0]
            else:
                action_state = "open"
            if action_state == "open" and state == "action_plan" and rng.random() < 0.7:
                due = ctx.today + datetime.timedelta(days=rng.randint(1, 60))
            done = None
            if action_state != "open":
                done = at(min(ctx.today, due - datetime.timedelta(days=rng.randint(-10, 15))))
            actions_plan.append((index, a, due, responsible, verifier, action_state, done))
    with planned_timestamps(Finding):
        findings = bulk(Finding, findings)
    with planned_timestamps(Nonconformity):
        ncs = bulk(Nonconformity, ncs)
    if repeats:
        for index, repeat in repeats:
            ncs[index].repeat_of = ncs[repeat]
        Nonconformity.objects.bulk_update([ncs[i] for i, _r in repeats], ["repeat_of"], batch_size=BATCH)
    linked = []
    for nc, plan in zip(ncs, nc_plans, strict=True):
        if plan[0] is not None:
            plan[0].nonconformity = nc
            linked.append(plan[0])
    if linked:
        Finding.objects.bulk_update(linked, ["nonconformity"], batch_size=BATCH)
    actions = []
    for index, a, due, responsible, verifier, action_state, done in actions_plan:
        nc = ncs[index]
        actions.append(
            Action(
                nonconformity=nc,
                kind=Action.Kind.CORRECTION if a == 0 and per_nc > 1 else Action.Kind.CORRECTIVE,
                description=f"Действие {a + 1} по {nc.number}",
                responsible=responsible,
                due_date=due,
                state=action_state,
                evidence="Доказателства за изпълнението." if done else "",
                done_at=done,
                verified_by=verifier if action_state == "verified" else None,
                verified_at=min(ctx.now, done + datetime.timedelta(days=3)) if action_state == "verified" else None,
                created_at=at(nc.detected_on + datetime.timedelta(days=7)),
            )  # fmt: skip
        )
    with planned_timestamps(Action):
        bulk(Action, actions)
    open_actions = [x for x in actions if x.state == Action.State.OPEN]
    overdue = sum(1 for x in open_actions if x.due_date < ctx.today)
    ctx.counts["audits"] = len(audits)
    ctx.counts["checklist answers"] = len(items)
    ctx.counts["findings"] = len(findings)
    ctx.counts["nonconformities"] = len(ncs)
    ctx.counts["actions"] = len(actions)
    closed = sum(1 for nc in ncs if nc.state == Nonconformity.State.CLOSED)
    return (
        f"{len(audits):,} audits, {len(items):,} checklist answers, {len(findings):,} findings, "
        f"{len(ncs):,} nonconformities ({closed:,} closed, {len(repeats):,} repeats), {len(actions):,} actions "
        f"({len(open_actions):,} open, {overdue:,} of them overdue)"
    )


# --- admissions --------------------------------------------------------------------------------


def campaign_year(seed: int) -> str:
    return f"{CODE_PREFIX}{seed}"


def make_admissions(ctx: Context, seed: int, out: Callable[[str], None]):
    """A past campaign: its first round ranked, published and closed (those who did not confirm
    lost their rights), its second ranked and published with the deadline ahead; besides them
    drafts, submitted, returned and rejected applications."""
    from admissions import services
    from admissions.management.commands.bench_admission_round import DOCUMENT_KINDS, plan
    from admissions.models import Applicant, Application, Campaign, Document, Preference, Programme, Quota, Round

    rng = ctx.rng
    n, k = ctx.t["applications"], ctx.t["preferences per application"]
    opens = ctx.today - datetime.timedelta(days=120)
    data = plan(n, k, ctx.t["programmes"], seed, at(opens))
    committee = ctx.roles[Role.ADMISSIONS_COMMITTEE][0]
    faculties = [u for u in ctx.units if u.kind == OrganisationalUnit.Kind.FACULTY] or ctx.units
    with transaction.atomic():
        campaign = Campaign.objects.create(
            name=f"Volume campaign (seed {seed})", academic_year=campaign_year(seed), opens_on=opens,
            closes_on=opens + datetime.timedelta(days=40), application_fee=Decimal("30.00"),
        )  # fmt: skip
        first = Round.objects.create(
            campaign=campaign, number=1, ranking_on=ctx.today, publication_on=ctx.today,
            enrolment_deadline=ctx.today + datetime.timedelta(days=14),
        )  # fmt: skip
        programmes = bulk(
            Programme,
            [
                Programme(
                    campaign=campaign,
                    code=f"V{i:04d}",
                    name=p.name,
                    name_en=f"Master's programme {i + 1}",
                    faculty=faculties[i % len(faculties)],
                    area=p.area,
                    professional_field=p.professional_field,
                    economics_bonus=p.economics_bonus,
                )  # fmt: skip
                for i, p in enumerate(data.programmes)
            ],
        )
        quotas = bulk(
            Quota,
            [
                Quota(
                    programme=programmes[p],
                    form=data.programmes[p].quotas[q][0],
                    funding=data.programmes[p].quotas[q][1],
                    places=data.programmes[p].quotas[q][2],
                    min_diploma_grade=data.programmes[p].quotas[q][3],
                )  # fmt: skip
                for p, q in data.quotas
            ],
        )
        unusable = make_password(None)
        users = bulk(
            User,
            [
                User(
                    username=f"{PREFIX}applicant-{seed}-{i + 1:06d}",
                    email=f"{PREFIX}applicant-{seed}-{i + 1:06d}@volume.invalid",
                    first_name=a.first_name[1],
                    last_name=a.last_name[1],
                    password=unusable,
                    date_joined=a.submitted_at - datetime.timedelta(days=1),
                )  # fmt: skip
                for i, a in enumerate(data.applicants)
            ],
        )
        group = Group.objects.get(name=Role.APPLICANT)
        through = User.groups.through
        bulk(through, [through(user_id=u.pk, group_id=group.pk) for u in users])
        applicants = bulk(
            Applicant,
            [
                a.applicant(user_id=u.pk, university="Volume University", speciality="Специалност")
                for u, a in zip(users, data.applicants, strict=True)
            ],
        )
        S = Application.Status
        rows = []
        for i, (applicant, a) in enumerate(zip(applicants, data.applicants, strict=True)):
            status = rng.choices((S.DRAFT, S.SUBMITTED, S.RETURNED, S.REJECTED, S.ELIGIBLE), (5, 6, 3, 4, 82))[0]
            submitted = None if status == S.DRAFT else a.submitted_at
            verified = a.submitted_at + datetime.timedelta(days=rng.randint(1, 5))
            rows.append(
                Application(
                    applicant=applicant,
                    campaign=campaign,
                    number=f"{CODE_PREFIX}{seed}-{i + 1:06d}",
                    status=status,
                    created_at=a.submitted_at - datetime.timedelta(days=2),
                    submitted_at=submitted,
                    first_submitted_at=submitted,
                    return_note="Моля, качете четлива диплома." if status == S.RETURNED else "",
                    returned_at=verified if status == S.RETURNED else None,
                    verified_by=committee if status in (S.ELIGIBLE, S.REJECTED) else None,
                    verified_at=verified if status in (S.ELIGIBLE, S.REJECTED) else None,
                    rejection_article=Application.RejectionArticle.DEGREE if status == S.REJECTED else "",
                    rejection_note="Дипломата не дава право на кандидатстване." if status == S.REJECTED else "",
                )  # fmt: skip
            )
        with planned_timestamps(Application):
            applications = bulk(Application, rows)
        preferences = bulk(
            Preference,
            [
                Preference(application=application, position=position, quota=quotas[q])
                for application, a in zip(applications, data.applicants, strict=True)
                for position, q in enumerate(a.preferences, start=1)
            ],
        )
        documents = []
        for application, a in zip(applications, data.applicants, strict=True):
            checked = application.status in (S.ELIGIBLE, S.REJECTED)
            for kind in DOCUMENT_KINDS[:4]:
                documents.append(
                    Document(
                        application=application,
                        kind=kind,
                        file=f"applications/documents/volume/{application.number}-{kind}.pdf",
                        original_name=f"{kind}.pdf",
                        content_kind="pdf",
                        size=150_000,
                        uploaded_at=a.submitted_at - datetime.timedelta(hours=1),
                        status=Document.Status.ACCEPTED if checked else Document.Status.PENDING,
                        reviewed_by=committee if checked else None,
                        reviewed_at=application.verified_at if checked else None,
                    )  # fmt: skip
                )
        bulk(Document, documents)
    analyse(User, User.groups.through, Applicant, Application, Preference, Document, Quota, Programme)

    def rank_and_publish(round):
        Round.objects.filter(pk=round.pk).update(
            status=Round.Status.QUEUED, started_by=committee, queued_at=timezone.now(), progress=0
        )
        services.round_rank(round_id=round.pk)
        round.refresh_from_db()
        if round.status != Round.Status.RANKED:
            raise RuntimeError(f"round_rank left round {round.number} {round.status}: {round.error}")
        with mock.patch.object(services, "_enqueue_round_notices", lambda pk: None):
            return services.round_publish(round=round, by=committee)

    first = rank_and_publish(first)
    # The first round's enrolment: most confirmed (the committee enrolled some), the rest lost their
    # rights after its deadline; the round closed. Dates move into the past as they would have been.
    with transaction.atomic():
        admitted = list(
            Application.objects.filter(admitted_round=first, status=S.ADMITTED).values_list("pk", flat=True)
        )
        rng.shuffle(admitted)
        cut1, cut2 = int(len(admitted) * 0.45), int(len(admitted) * 0.85)
        deadline = ctx.today - datetime.timedelta(days=20)
        confirmed_at = at(deadline - datetime.timedelta(days=3))
        for ids, values in (
            (admitted[:cut1], {"status": S.CONFIRMED, "confirmed_at": confirmed_at}),
            (
                admitted[cut1:cut2],
                {
                    "status": S.ENROLLED,
                    "confirmed_at": confirmed_at,
                    "enrolled_by": committee,
                    "enrolled_at": at(deadline),
                },
            ),  # fmt: skip
            (admitted[cut2:], {"status": S.LOST_RIGHTS, "lost_rights_at": at(deadline + datetime.timedelta(days=1))}),
        ):
            for start in range(0, len(ids), BATCH):
                Application.objects.filter(pk__in=ids[start : start + BATCH]).update(**values)
        receipts = [
            Document(
                application_id=pk,
                kind=Document.Kind.ENROLMENT_RECEIPT,
                file=f"applications/documents/volume/{pk}-enrolment_receipt.pdf",
                original_name="receipt.pdf",
                content_kind="pdf",
                size=80_000,
                uploaded_at=confirmed_at,
                status=Document.Status.ACCEPTED,
                reviewed_by=committee,
                reviewed_at=at(deadline),
            )  # fmt: skip
            for pk in admitted[:cut2]
        ]
        bulk(Document, receipts)
        Round.objects.filter(pk=first.pk).update(
            ranking_on=deadline - datetime.timedelta(days=14),
            publication_on=deadline - datetime.timedelta(days=13),
            enrolment_deadline=deadline,
            status=Round.Status.CLOSED,
            closed_at=at(deadline + datetime.timedelta(days=1)),
        )
        second = Round.objects.create(
            campaign=campaign, number=2, ranking_on=ctx.today, publication_on=ctx.today,
            enrolment_deadline=ctx.today + datetime.timedelta(days=10),
        )  # fmt: skip
    analyse(Application, Document)
    second = rank_and_publish(second)
    counts = dict(
        Application.objects.filter(campaign=campaign).values_list("status").annotate(n=models.Count("pk")).order_by()
    )
    ctx.counts["applications"] = len(applications)
    ctx.counts["preferences"] = len(preferences)
    ctx.counts["applicant accounts"] = len(users)
    return (
        f"campaign {campaign.academic_year}: {len(programmes)} programmes, {len(quotas)} quotas, "
        f"{len(applications):,} applications, {len(preferences):,} preferences, "
        f"{len(documents) + len(receipts):,} document rows (no files); two rounds ranked and published; by state: "
        + ", ".join(f"{s} {counts.get(s, 0):,}" for s in S.values)
    )


# --- the whole run -----------------------------------------------------------------------------


def generate(*, scale: float, seed: int, password: str | None, out: Callable[[str], None]) -> dict[str, int]:
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
    now = timezone.now()
    ctx = Context(
        rng=rng, scale=scale, t=targets(scale), today=timezone.localdate(), now=now,
        password=make_password(password),  # hashed once for every staff account
    )  # fmt: skip
    parts = [
        ("organisation", make_organisation),
        ("documents", make_documents),
        ("processes", make_processes),
        ("audits and nonconformities", make_audits_and_nonconformities),
    ]
    total = time.perf_counter()
    for name, function in parts:
        started = time.perf_counter()
        with transaction.atomic():
            summary = function(ctx)
        out(f"  {name:<28} {time.perf_counter() - started:7.1f} s  {summary}")
    from audits.models import Action, Nonconformity
    from policies.models import Acknowledgement, Version
    from processes.models import Measurement

    analyse(User, Membership, Version, Acknowledgement, Measurement, Nonconformity, Action)
    started = time.perf_counter()
    summary = make_admissions(ctx, seed, out)
    out(f"  {'admissions':<28} {time.perf_counter() - started:7.1f} s  {summary}")
    out(f"  {'total':<28} {time.perf_counter() - total:7.1f} s")
    return ctx.counts


# --- clearing ---------------------------------------------------------------------------------


def clear() -> dict[str, int]:
    """Delete every row an earlier run made (and the history rows the services wrote for them).
    Big tables go with one DELETE each; the database's deferred foreign keys still check at commit
    that nothing else points at a deleted row. If something does (someone worked with the generated
    data in the portal), it is done again the ordinary way, which cascades or refuses."""
    from admissions.models import Round

    for round in Round.objects.filter(campaign__academic_year__startswith=CODE_PREFIX).exclude(input_file=""):
        round.input_file.delete(save=False)
    try:
        return _delete(fast=True)
    except IntegrityError:
        return _delete(fast=False)


def _delete(*, fast: bool) -> dict[str, int]:
    from admissions.models import (
        Applicant,
        Application,
        ApplicationNotice,
        Campaign,
        Preference,
        Programme,
        Quota,
        Round,
        RoundQuota,
        RoundResult,
    )
    from admissions.models import Document as ApplicantDocument
    from audits.models import Action, ActionNotice, Audit, AuditProgramme, ChecklistItem, Finding, Nonconformity
    from policies.models import Acknowledgement, AcknowledgementReminder, Document, Version, VersionBody
    from processes.models import KPI, Card, MatrixEntry, Measurement, MeasurementReminder, Process

    users = User.objects.filter(username__startswith=PREFIX)
    units = OrganisationalUnit.objects.filter(short_name__startswith=PREFIX)
    documents = Document.objects.filter(code__startswith=CODE_PREFIX)
    processes = Process.objects.filter(code__startswith=CODE_PREFIX)
    audits = Audit.objects.filter(title__startswith=AUDIT_PREFIX)
    ncs = Nonconformity.objects.filter(number__startswith=CODE_PREFIX)
    campaigns = Campaign.objects.filter(academic_year__startswith=CODE_PREFIX)
    applications = Application.objects.filter(campaign__in=campaigns)
    counts = {
        "staff and applicant accounts": users.count(),
        "units": units.count(),
        "documents": documents.count(),
        "processes": processes.count(),
        "audits": audits.count(),
        "nonconformities": ncs.count(),
        "applications": applications.count(),
    }
    ids = {
        "users": list(users.values_list("pk", flat=True)),
        "units": list(units.values_list("pk", flat=True)),
    }
    programmes = list(AuditProgramme.objects.filter(notes=NOTES).values_list("pk", flat=True))
    with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
        if not fast:
            for queryset in (applications, ncs, audits, processes, documents):
                queryset.delete()
            campaigns.delete()
            AuditProgramme.objects.filter(notes=NOTES, audits__isnull=True).delete()
            for start in range(0, len(ids["users"]), BATCH):
                User.objects.filter(pk__in=ids["users"][start : start + BATCH]).delete()
            units.delete()
            return counts
        versions = Version.objects.filter(document__in=documents)
        kpis = KPI.objects.filter(process__in=processes)
        raw = [
            # admissions
            ApplicationNotice.objects.filter(application__in=applications),
            RoundResult.objects.filter(round__campaign__in=campaigns),
            RoundQuota.objects.filter(round__campaign__in=campaigns),
            Preference.objects.filter(application__in=applications),
            ApplicantDocument.objects.filter(application__in=applications),
            Application.history.filter(campaign_id__in=campaigns.values("pk")),
            Round.history.filter(campaign_id__in=campaigns.values("pk")),
            Campaign.history.filter(id__in=campaigns.values("pk")),
            applications,
            Round.objects.filter(campaign__in=campaigns),
            Quota.objects.filter(programme__campaign__in=campaigns),
            Programme.objects.filter(campaign__in=campaigns),
            Applicant.objects.filter(user__in=users),
            campaigns,
            # audits and nonconformities
            ActionNotice.objects.filter(action__nonconformity__in=ncs),
            Action.objects.filter(nonconformity__in=ncs),
            Finding.objects.filter(audit__in=audits),
            ChecklistItem.objects.filter(audit__in=audits),
            *(
                through.objects.filter(audit__in=audits)
                for through in (
                    Audit.units.through,
                    Audit.processes.through,
                    Audit.documents.through,
                    Audit.clauses.through,
                    Audit.team.through,
                )
            ),  # fmt: skip
            ncs,
            audits,
            # processes
            MeasurementReminder.objects.filter(kpi__in=kpis),
            Measurement.objects.filter(kpi__in=kpis),
            kpis,
            Card.objects.filter(process__in=processes),
            MatrixEntry.objects.filter(process__in=processes),
            Process.scope.through.objects.filter(process__in=processes),
            Process.clauses.through.objects.filter(process__in=processes),
            processes,
            # documents
            AcknowledgementReminder.objects.filter(version__in=versions),
            Acknowledgement.objects.filter(version__in=versions),
            VersionBody.objects.filter(version__in=versions),
            versions,
            Document.applies_to.through.objects.filter(document__in=documents),
            Document.clauses.through.objects.filter(document__in=documents),
            documents,
            # organisation
            UnitUserObjectPermission.objects.filter(content_object__in=units),
            OrganisationalUnit.history.filter(id__in=ids["units"]),
            Membership.objects.filter(user__in=users),
            Notification.objects.filter(recipient__in=users),
            AuditProgramme.history.filter(notes=NOTES, id__in=programmes),
            User.groups.through.objects.filter(user__in=users),
        ]
        for queryset in raw:
            queryset._raw_delete(queryset.db)
        AuditProgramme.objects.filter(notes=NOTES, audits__isnull=True).delete()
        # The units through treebeard (it keeps the parents' child counts), then the accounts.
        for pk in ids["units"][::-1]:
            unit = OrganisationalUnit.objects.filter(pk=pk).first()
            if unit is not None:
                unit.delete()
        user_history = User.history.model
        for r in user_history._meta.related_objects:
            r.related_model.objects.filter(history__id__in=ids["users"])._raw_delete(users.db)
        for start in range(0, len(ids["users"]), BATCH):
            chunk = ids["users"][start : start + BATCH]
            user_history.objects.filter(id__in=chunk)._raw_delete(users.db)
            User.objects.filter(pk__in=chunk)._raw_delete(users.db)
    return counts
