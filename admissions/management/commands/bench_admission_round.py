"""python manage.py bench_admission_round --applications N --preferences K --programmes P --seed S [--keep]

The goal it measures (the issue): a round of 20,000 applications with 5 preferences each on
PostgreSQL is built, ranked and stored in under 20 s, and the public lists and the committee's
queue answer in under 300 ms with a constant number of queries.

It works in a campaign of its own, academic year "BENCH-<seed>", with accounts named
"bench-admission-<seed>-…", and refuses to start when either exists already; it never reads or
writes another campaign. Run it on a scratch database all the same: while it runs, its published
round is what the public index shows, and the load is that of the busiest day of admissions. Steps:

1. Creates the data with bulk inserts (not part of the goal, timed for information): programmes
   with full-time/part-time × state/paid quotas whose places fit about two thirds of the
   applicants, applicant accounts (unusable passwords, the applicant role), applicants with
   grades, areas and fields, eligible applications submitted over a month, exactly K
   preferences each (more of them for the popular programmes) and --documents accepted document
   rows each (no files: the committee's queue counts them). On PostgreSQL the tables written are
   then ANALYZEd, as autovacuum soon would, so the planner does not take them for empty.
2. Ranks the round through the real code path: the round is set to queued with a queryset update
   (no broker needed) and `services.round_rank` runs once, timed as a whole; inside that same
   call its steps (`rounds.build_instance`, `ranking.rank`, `rounds.result_rows`, the input JSON,
   the bulk insert of the results) are timed by wrapping them, so the parts add up to the whole.
3. Publishes it with `services.round_publish` (the notices task is not queued: in production it
   runs later in a worker, and here it would e-mail every bench applicant).
4. Requests the public index, the public round page, the first and last page of the public list
   of the biggest quota (anonymous) and the first and last page of the committee's queue of
   eligible applications (a committee member; measured before publishing, while all of them are
   eligible), each once to warm up and then --requests times, with django.test.Client in this
   process; prints the median and 95th percentile and the SQL queries per request.
5. Deletes everything it made (the campaign, its rows and their history, the accounts and the
   stored input file), unless --keep; `--delete` removes what a --keep run left.

DEBUG is forced off for the whole run (and the query log reset), so Django does not keep every
query in memory and the figures are those of a production process; queries are counted with a
cheap execute wrapper.
"""

from __future__ import annotations

import functools
import math
import random
import resource
import statistics
import time
import warnings
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from unittest import mock

from axes.models import AccessLog
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from admissions import classifier, services
from admissions import rounds as round_data
from admissions.models import (
    Applicant,
    Application,
    ApplicationNotice,
    Campaign,
    Document,
    Preference,
    Programme,
    Quota,
    Round,
    RoundQuota,
    RoundResult,
)
from admissions.ranking.generate import AREA_WEIGHTS, AREAS, _grade
from qms.models import Notification, User
from qms.roles import Role

GOAL_ROUND_SECONDS = 20.0
GOAL_PAGE_MS = 300.0
REQUESTS = 20
BATCH = 2000
#: (form, funding, share of the programme's places)
QUOTA_SHAPES = (
    ("full-time", "state", 0.45),
    ("full-time", "paid", 0.30),
    ("part-time", "state", 0.10),
    ("part-time", "paid", 0.15),
)
#: Places over applications; the admitted come out a little below it (ineligible preferences,
#: unpopular quotas left with free places).
PLACES_SHARE = 0.66
DOCUMENT_KINDS = (
    Document.Kind.DIPLOMA,
    Document.Kind.TRANSCRIPT,
    Document.Kind.IDENTITY,
    Document.Kind.FEE_RECEIPT,
    Document.Kind.FACULTY_CERTIFICATE,
    Document.Kind.MEDICAL_CERTIFICATE,
)
#: (Cyrillic, Latin)
FIRST_NAMES = [("Иван", "Ivan"), ("Мария", "Maria"), ("Георги", "Georgi"), ("Елена", "Elena"), ("Петър", "Petar")]
LAST_NAMES = [("Иванов", "Ivanov"), ("Петрова", "Petrova"), ("Димитров", "Dimitrov"), ("Стоянова", "Stoyanova")]


def campaign_year(seed: int) -> str:
    return f"BENCH-{seed}"


def username_prefix(seed: int) -> str:
    return f"bench-admission-{seed}-"


def megabytes(count: int) -> str:
    return f"{count / 1024 / 1024:,.0f} MB"


# --- the data, planned in memory -------------------------------------------------------------------


@dataclass
class PlannedProgramme:
    code: str
    name: str
    area: str
    professional_field: str
    economics_bonus: bool
    quotas: list[tuple[str, str, int, Decimal | None]]  # form, funding, places, minimum grade


@dataclass
class PlannedApplicant:
    first_name: tuple[str, str]
    last_name: tuple[str, str]
    degree: str
    own_university: bool
    area: str
    professional_field: str
    course_average: Decimal
    graduation_grade: Decimal
    state_funded_before: bool
    submitted_at: datetime
    preferences: list[int]  # indexes into Plan.quotas

    def applicant(self, *, user_id: int, university: str, speciality: str) -> Applicant:
        """The applicant's record (not saved), for bulk_create."""
        return Applicant(
            user_id=user_id,
            first_name=self.first_name[0],
            last_name=self.last_name[0],
            first_name_latin=self.first_name[1],
            last_name_latin=self.last_name[1],
            citizenship=Applicant.Citizenship.BULGARIAN_EU_EEA,
            country="България",
            degree=self.degree,
            university=university,
            own_university=self.own_university,
            speciality=speciality,
            area=self.area,
            professional_field=self.professional_field,
            course_average=self.course_average,
            graduation_grade=self.graduation_grade,
            state_funded_before=self.state_funded_before,
        )


@dataclass
class Plan:
    programmes: list[PlannedProgramme]
    quotas: list[tuple[int, int]] = field(default_factory=list)  # (programme index, quota index in it)
    applicants: list[PlannedApplicant] = field(default_factory=list)

    @property
    def places(self) -> int:
        return sum(q[2] for p in self.programmes for q in p.quotas)

    @property
    def preferences(self) -> int:
        return sum(len(a.preferences) for a in self.applicants)


def plan(applications: int, preferences: int, programmes: int, seed: int, start: datetime) -> Plan:
    """Reproducible data: skewed (Zipf-like) popularity with places following it, coarse grades
    that tie (the generator of `bench_ranking`), submissions every ten minutes over a month."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible test data, not secrets
    fields_of = {area["code"]: [f["code"] for f in area["fields"]] for area in classifier._data()["areas"]}
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(programmes)]
    total = sum(popularity)
    programme_list = []
    for index in range(programmes):
        area = rng.choices(AREAS, AREA_WEIGHTS)[0]
        seats = applications * PLACES_SHARE * popularity[index] / total
        quotas = []
        for form, funding, share in QUOTA_SHAPES:
            minimum = Decimal("3.50") if funding == "paid" and rng.random() < 0.5 else None
            quotas.append((form, funding, max(1, round(seats * share)), minimum))
        programme_list.append(
            PlannedProgramme(
                code=f"B{index:04d}",
                name=f"Магистърска програма {index + 1}",
                area=area,
                professional_field=rng.choice(fields_of[area]),
                economics_bonus=rng.random() < 0.05,
                quotas=quotas,
            )
        )
    result = Plan(programme_list)
    first_quota = []
    for p_index, programme in enumerate(programme_list):
        first_quota.append(len(result.quotas))
        result.quotas.extend((p_index, q_index) for q_index in range(len(programme.quotas)))
    cumulative = []
    running = 0.0
    for weight in popularity:
        running += weight
        cumulative.append(running)
    indexes = range(programmes)

    for _ in range(applications):
        roll = rng.random()
        degree = "bachelor" if roll < 0.88 else "professional_bachelor" if roll < 0.97 else "master"
        area = rng.choices(AREAS, AREA_WEIGHTS)[0]
        ability = rng.gauss(0, 1)
        chosen: list[int] = []
        seen = set()
        while len(chosen) < preferences and len(seen) < programmes:
            for p_index in rng.choices(indexes, cum_weights=cumulative, k=preferences * 2):
                if len(chosen) >= preferences:
                    break
                if p_index in seen:
                    continue
                seen.add(p_index)
                options = [first_quota[p_index] + q for q in range(len(programme_list[p_index].quotas))]
                rng.shuffle(options)
                chosen.extend(options[: min(rng.choice((1, 1, 2)), preferences - len(chosen))])
            if len(seen) >= programmes // 2:  # the popular ones are taken: fill from the rest
                rest = [q for q in range(len(result.quotas)) if q not in chosen]
                chosen.extend(rng.sample(rest, preferences - len(chosen)))
        field_code = rng.choice(fields_of[area])
        if degree == "professional_bachelor" and rng.random() < 0.7:  # most stay in their field
            first = programme_list[result.quotas[chosen[0]][0]]
            area, field_code = first.area, first.professional_field
        first_name, last_name = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        result.applicants.append(
            PlannedApplicant(
                first_name=first_name,
                last_name=last_name,
                degree=degree,
                own_university=rng.random() < 0.3,
                area=area,
                professional_field=field_code,
                course_average=_grade(rng, 4.7 + 0.5 * ability, 0.3, rng.choice((1, 10, 10, 50))),
                graduation_grade=_grade(rng, 4.8 + 0.5 * ability, 0.5, rng.choice((50, 100, 100))),
                state_funded_before=degree == "master" or rng.random() < 0.02,
                submitted_at=start + timedelta(minutes=10 * rng.randint(0, 30 * 24 * 6)),
                preferences=chosen,
            )
        )
    return result


def analyse(*models) -> bool:
    """Fresh planner statistics for these tables on PostgreSQL, as autovacuum would leave them soon
    after a big insert (right after it the planner still believes they are nearly empty)."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return True


# --- measuring --------------------------------------------------------------------------------------


class QueryCounter:
    """Counts the SQL statements run (an execute wrapper: nothing is kept)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def counting_queries():
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        yield counter


class Phases:
    """Wall time spent in wrapped functions, by name."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def wrap(self, name, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

        return timed


def reset_peak_memory() -> bool:
    """Reset the kernel's peak resident size of this process (Linux); False when not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def memory_status() -> tuple[int, int]:
    """(resident now, peak resident) in bytes: /proc/self/status, else getrusage's peak twice."""
    try:
        lines = Path("/proc/self/status").read_text().splitlines()
        values = {line.split(":")[0]: int(line.split()[1]) * 1024 for line in lines if line.startswith("Vm")}
        return values["VmRSS"], values["VmHWM"]
    except (OSError, KeyError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
        return peak, peak


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


@dataclass
class PageFigures:
    name: str
    url: str
    p50: float = 0.0
    p95: float = 0.0
    queries: set[int] = field(default_factory=set)
    error: str = ""
    note: str = ""


# --- the command ------------------------------------------------------------------------------------


class Command(BaseCommand):
    help = "Benchmark a whole admission round on the database: build, rank, store, publish, then the lists' pages."

    def add_arguments(self, parser):
        parser.add_argument("--applications", type=int, default=20_000)
        parser.add_argument("--preferences", type=int, default=5, help="exactly this many per application")
        parser.add_argument("--programmes", type=int, default=40, help="each with four quotas")
        parser.add_argument("--seed", type=int, default=1, help="0 to 999; names the campaign BENCH-<seed>")
        parser.add_argument(
            "--documents", type=int, default=4, help="accepted documents per application (the queue counts them)"
        )
        parser.add_argument("--requests", type=int, default=REQUESTS, help="timed requests per page")
        parser.add_argument("--keep", action="store_true", help="leave the campaign and accounts in the database")
        parser.add_argument("--delete", action="store_true", help="only delete what a --keep run of this seed left")

    def handle(self, *args, **o):
        seed = o["seed"]
        if not 0 <= seed <= 999:
            raise CommandError("--seed must be between 0 and 999 (the campaign's academic year is BENCH-<seed>)")
        if o["delete"]:
            self.delete_kept(seed)
            return
        if o["applications"] < 1 or o["programmes"] < 1 or o["requests"] < 1:
            raise CommandError("--applications, --programmes and --requests must be at least 1")
        if not 0 <= o["documents"] <= len(DOCUMENT_KINDS):
            raise CommandError(f"--documents must be between 0 and {len(DOCUMENT_KINDS)}")
        if o["applications"] > 999_999:
            raise CommandError("--applications must be at most 999,999")
        most = min(services.MAX_PREFERENCES, len(QUOTA_SHAPES) * o["programmes"])
        if not 1 <= o["preferences"] <= most:
            raise CommandError(f"--preferences must be between 1 and {most}")
        self.refuse_if_taken(seed)
        # DEBUG off: no query log kept in memory, production behaviour; 'testserver' for the client.
        with override_settings(DEBUG=False, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
            reset_queries()
            failed = self.run(o)
        if failed:
            raise CommandError(f"{failed} page(s) could not be measured; see above")

    # --- safety ---

    def refuse_if_taken(self, seed: int):
        year = campaign_year(seed)
        if Campaign.objects.filter(academic_year=year).exists():
            raise CommandError(
                f"a campaign {year} exists already; run --delete --seed {seed} if a --keep run left it, "
                "or choose another --seed"
            )
        if User.objects.filter(username__startswith=username_prefix(seed)).exists():
            raise CommandError(
                f"accounts named {username_prefix(seed)}… exist already; run --delete --seed {seed} "
                "if a --keep run left them, or choose another --seed"
            )

    def delete_kept(self, seed: int):
        year = campaign_year(seed)
        campaign = Campaign.objects.filter(academic_year=year).first()
        if campaign is not None and not campaign.name.startswith("Benchmark"):
            raise CommandError(f"the campaign {year} was not made by this benchmark ({campaign.name!r}); not touched")
        started = time.perf_counter()
        users = self.cleanup(seed)
        self.stdout.write(
            f"deleted: campaign {year if campaign else '(none)'} and {users:,} accounts "
            f"in {time.perf_counter() - started:.1f} s"
        )

    # --- the run ---

    def run(self, o) -> int:
        out = self.stdout.write
        seed = o["seed"]
        year = campaign_year(seed)
        created = False
        try:
            started = time.perf_counter()
            now = timezone.now()
            data = plan(o["applications"], o["preferences"], o["programmes"], seed, now - timedelta(days=45))
            planned = time.perf_counter() - started
            out(
                f"admission round benchmark on {connection.vendor} ({connection.settings_dict['NAME']}), "
                f"campaign {year}, seed {seed}; DEBUG off while measuring"
            )
            out(
                f"instance: {len(data.applicants):,} applications, {data.preferences:,} preferences "
                f"({o['preferences']} each), {len(data.programmes):,} programmes, {len(data.quotas):,} quotas, "
                f"{data.places:,} places ({data.places / len(data.applicants):.0%} of the applications)"
            )
            created = True
            started = time.perf_counter()
            round, committee, counts = self.create(data, seed, now, o["documents"])
            elapsed = time.perf_counter() - started
            out(
                f"data: planned in {planned:.1f} s, inserted in {elapsed:.1f} s (not part of the goal): "
                + ", ".join(f"{count:,} {name}" for name, count in counts.items())
            )
            tables = (Programme, Quota, User, User.groups.through, Applicant, Application, Preference, Document)
            if analyse(*tables):
                out("  ANALYZE run on the tables written, before each measurement, as autovacuum soon would")
            self.rank(round, committee, data, out)
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise, no collectstatic
                pages = self.queue_pages(round, committee, o["requests"])
                self.publish(round, committee, out)
                analyse(Application, RoundResult, RoundQuota)
                pages = self.public_pages(round, o["requests"]) + pages
            self.report_pages(pages, o["requests"], out)
        finally:
            if created and not o["keep"]:
                started = time.perf_counter()
                users = self.cleanup(seed)
                out(f"cleanup: campaign {year} and {users:,} accounts deleted in {time.perf_counter() - started:.1f} s")
            elif created:
                out(f"kept: campaign {year} and its accounts; `--delete --seed {seed}` removes them")
        return sum(1 for page in pages if page.error)

    def create(self, data: Plan, seed: int, now: datetime, documents: int):
        today = timezone.localdate()
        prefix = username_prefix(seed)
        try:
            applicant_group = Group.objects.get(name=Role.APPLICANT)
            committee_group = Group.objects.get(name=Role.ADMISSIONS_COMMITTEE)
        except Group.DoesNotExist:
            raise CommandError("the role groups are missing: run migrate first") from None
        membership = User.groups.through
        with transaction.atomic():
            # bulk_create everywhere: no history rows, no signals, a few statements per table.
            campaign = Campaign.objects.bulk_create(
                [
                    Campaign(
                        name=f"Benchmark round, seed {seed}",
                        academic_year=campaign_year(seed),
                        opens_on=today - timedelta(days=60),
                        closes_on=today - timedelta(days=10),
                    )
                ]
            )[0]
            round = Round.objects.bulk_create(
                [
                    Round(
                        campaign=campaign,
                        number=1,
                        ranking_on=today,
                        publication_on=today,
                        enrolment_deadline=today + timedelta(days=14),
                    )
                ]
            )[0]
            programmes = Programme.objects.bulk_create(
                [
                    Programme(
                        campaign=campaign,
                        code=p.code,
                        name=p.name,
                        name_en=f"Master's programme {index + 1}",
                        area=p.area,
                        professional_field=p.professional_field,
                        economics_bonus=p.economics_bonus,
                    )
                    for index, p in enumerate(data.programmes)
                ],
                batch_size=BATCH,
            )
            quotas = Quota.objects.bulk_create(
                [
                    Quota(
                        programme=programmes[p_index],
                        form=data.programmes[p_index].quotas[q_index][0],
                        funding=data.programmes[p_index].quotas[q_index][1],
                        places=data.programmes[p_index].quotas[q_index][2],
                        min_diploma_grade=data.programmes[p_index].quotas[q_index][3],
                    )
                    for p_index, q_index in data.quotas
                ],
                batch_size=BATCH,
            )
            users = User.objects.bulk_create(
                [
                    User(
                        username=f"{prefix}{index + 1:06d}@bench.invalid",
                        email=f"{prefix}{index + 1:06d}@bench.invalid",
                        first_name=a.first_name[1],
                        last_name=a.last_name[1],
                        password=make_password(None),
                        date_joined=a.submitted_at - timedelta(days=1),
                    )
                    for index, a in enumerate(data.applicants)
                ]
                + [
                    User(
                        username=f"{prefix}committee",
                        email=f"{prefix}committee@bench.invalid",
                        first_name="Bench",
                        last_name="Committee",
                        password=make_password(None),
                    )
                ],
                batch_size=BATCH,
            )
            committee = users.pop()
            membership.objects.bulk_create(
                [membership(user_id=u.pk, group_id=applicant_group.pk) for u in users]
                + [membership(user_id=committee.pk, group_id=committee_group.pk)],
                batch_size=BATCH,
            )
            applicants = Applicant.objects.bulk_create(
                [
                    a.applicant(user_id=user.pk, university="Benchmark University", speciality="Benchmark speciality")
                    for user, a in zip(users, data.applicants, strict=True)
                ],
                batch_size=BATCH,
            )
            applications = Application.objects.bulk_create(
                [
                    Application(
                        applicant_id=applicant.pk,
                        campaign=campaign,
                        number=f"BENCH{seed}-{index + 1:06d}",
                        status=Application.Status.ELIGIBLE,
                        submitted_at=a.submitted_at,
                        first_submitted_at=a.submitted_at,
                        verified_by=committee,
                        verified_at=min(now, a.submitted_at + timedelta(days=2)),
                    )
                    for index, (applicant, a) in enumerate(zip(applicants, data.applicants, strict=True))
                ],
                batch_size=BATCH,
            )
            preferences = Preference.objects.bulk_create(
                [
                    Preference(application_id=application.pk, position=position, quota_id=quotas[q].pk)
                    for application, a in zip(applications, data.applicants, strict=True)
                    for position, q in enumerate(a.preferences, start=1)
                ],
                batch_size=BATCH,
            )
            document_rows = Document.objects.bulk_create(
                [
                    Document(
                        application_id=application.pk,
                        kind=kind,
                        file=f"applications/documents/bench/{application.number}-{kind}.pdf",
                        original_name=f"{kind}.pdf",
                        content_kind="pdf",
                        size=150_000,
                        uploaded_at=a.submitted_at - timedelta(hours=1),
                        status=Document.Status.ACCEPTED,
                        reviewed_by=committee,
                        reviewed_at=application.verified_at,
                    )
                    for application, a in zip(applications, data.applicants, strict=True)
                    for kind in DOCUMENT_KINDS[:documents]
                ],
                batch_size=BATCH,
            )
        counts = {
            "accounts": len(users) + 1,
            "applicants": len(applicants),
            "applications": len(applications),
            "preferences": len(preferences),
            "documents (rows only, no files)": len(document_rows),
            "programmes": len(programmes),
            "quotas": len(quotas),
        }
        return round, committee, counts

    def rank(self, round: Round, committee, data: Plan, out):
        Round.objects.filter(pk=round.pk).update(
            status=Round.Status.QUEUED, started_by=committee, queued_at=timezone.now(), progress=0
        )
        phases = Phases()
        with ExitStack() as stack:
            for target, name, key in (
                (round_data, "build_instance", "build"),
                (services, "rank", "rank"),
                (round_data, "result_rows", "rows"),
                (services, "_input_json", "json"),
                (RoundResult.objects, "bulk_create", "insert"),
            ):
                stack.enter_context(mock.patch.object(target, name, phases.wrap(key, getattr(target, name))))
            counter = stack.enter_context(counting_queries())
            reset_peak = reset_peak_memory()
            resident_before, _ = memory_status()
            started = time.perf_counter()
            services.round_rank(round_id=round.pk)
            total = time.perf_counter() - started
            _, peak = memory_status()
        round.refresh_from_db()
        if round.status != Round.Status.RANKED:
            raise CommandError(f"round_rank left the round {round.status}: {round.error}")
        s = {key: phases.seconds.get(key, 0.0) for key in ("build", "rank", "rows", "json", "insert")}
        store = total - s["build"] - s["rank"]
        write = store - s["rows"] - s["json"]
        admitted = round.admitted_count
        out(
            f"round: {round.applicants_count:,} applications ranked, {data.preferences:,} preferences, "
            f"{len(data.quotas):,} quotas, {admitted:,} admitted ({admitted / max(1, round.applicants_count):.0%}), "
            f"{RoundResult.objects.filter(round=round).count():,} results stored"
        )
        out(f"services.round_rank, one call, {counter.count} SQL statements:")
        rows = [
            ("input built", "rounds.build_instance", s["build"]),
            ("ranked", "ranking.rank", s["rank"]),
            ("stored", "everything after ranking:", store),
            ("  result rows", "rounds.result_rows (explanations)", s["rows"]),
            ("  input file", "services._input_json", s["json"]),
            ("  database", "delete, bulk insert, file, round", write),
            ("    of which", "RoundResult bulk_create", s["insert"]),
            ("total", "wall time of round_rank", total),
        ]
        for label, what, seconds in rows:
            out(f"  {label:<14} {what:<36} {seconds:7.2f} s")
        verdict = "met" if total < GOAL_ROUND_SECONDS else "NOT MET"
        out(f"  goal: built, ranked and stored in < {GOAL_ROUND_SECONDS:.0f} s: {verdict} ({total:.2f} s)")
        if reset_peak:
            out(
                f"  memory: {megabytes(peak)} peak resident during round_rank "
                f"({megabytes(resident_before)} resident before it; the process holds the generated data)"
            )
        else:
            out(f"  memory: {megabytes(peak)} peak resident of the whole process (ru_maxrss; could not reset it)")

    def publish(self, round: Round, committee, out):
        # The notices go out from a worker later; queued here they would e-mail every bench applicant.
        with mock.patch.object(services, "_enqueue_round_notices", lambda pk: None), counting_queries() as counter:
            started = time.perf_counter()
            services.round_publish(round=round, by=committee)
            elapsed = time.perf_counter() - started
        admitted = Application.objects.filter(campaign_id=round.campaign_id, status=Application.Status.ADMITTED)
        out(
            f"published: services.round_publish {elapsed:.2f} s, {counter.count} SQL statements, "
            f"{admitted.count():,} applications now admitted (the notices task was not queued)"
        )

    def queue_pages(self, round: Round, committee, requests: int) -> list[PageFigures]:
        """The committee's queue of eligible applications, measured before publishing, while all
        of them are eligible (publishing moves the admitted out of it): its first and last page."""
        queue = Application.objects.filter(campaign_id=round.campaign_id, status=Application.Status.ELIGIBLE)
        eligible = queue.count()
        ordered = queue.order_by("submitted_at", "number").values_list("number", flat=True)
        url = reverse("admissions:queue", args=[round.campaign_id]) + "?status=eligible"
        member = Client()
        member.force_login(committee)
        try:
            return self.measure_all(
                [
                    (member, PageFigures(f"committee queue, {eligible:,} eligible", url), ordered.first()),
                    # a page number past the end gives the last page
                    (member, PageFigures("committee queue, last page", f"{url}&page=999999"), ordered.last()),
                ],
                requests,
            )
        finally:
            member.logout()

    def public_pages(self, round: Round, requests: int) -> list[PageFigures]:
        """The published lists, anonymous: the index, the round, the biggest quota's list (first
        and last page)."""
        biggest = RoundQuota.objects.filter(round=round).order_by("-admitted", "quota_id").first()
        admitted = (
            RoundResult.objects.filter(round=round, quota_id=biggest.quota_id)
            .order_by("merit")
            .values_list("application__number", flat=True)
        )
        url = reverse("public-admissions:quota", args=[round.pk, biggest.quota_id])
        public = Client()
        return self.measure_all(
            [
                (public, PageFigures("public index", reverse("public-admissions:index")), None),
                (public, PageFigures("public round", reverse("public-admissions:round", args=[round.pk])), None),
                (public, PageFigures(f"public list, {biggest.admitted:,} admitted", url), admitted.first()),
                (public, PageFigures("public list, last page", f"{url}?page=999999"), admitted.last()),
            ],
            requests,
        )

    def report_pages(self, pages: list[PageFigures], requests: int, out):
        out(
            f"pages: {requests} requests each after one warm-up, django.test.Client in the same process, DEBUG off; "
            "the queue measured before publishing"
        )
        out(f"  {'page':<34} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}  url")
        for page in pages:
            if page.error:
                out(f"  {page.name:<34} {'-':>8} {'-':>8} {'-':>8}  {page.url}  FAILED: {page.error}")
            else:
                queries = "-".join(str(n) for n in sorted({min(page.queries), max(page.queries)}))
                note = f"  ({page.note})" if page.note else ""
                out(f"  {page.name:<34} {page.p50:8.1f} {page.p95:8.1f} {queries:>8}  {page.url}{note}")
        measured = [p for p in pages if not p.error]
        if measured:
            slowest = max(p.p95 for p in measured)
            constant = all(len(p.queries) == 1 for p in measured)
            met = slowest < GOAL_PAGE_MS and constant and len(measured) == len(pages)
            out(
                f"  goal: every page < {GOAL_PAGE_MS:.0f} ms with a constant number of queries: "
                f"{'met' if met else 'NOT MET'} (slowest p95 {slowest:.1f} ms; queries "
                f"{'the same on every request' if constant else 'VARY between requests'}; "
                "constant in the size of the data: compare with a run on other numbers)"
            )

    def measure_all(self, pages, requests: int) -> list[PageFigures]:
        results = []
        for client, page, expected in pages:
            try:
                self.measure(client, page, requests, expected)
            except Exception as exc:  # a view not written yet, or broken: report it, measure the rest
                first_line = str(exc).splitlines()[0] if str(exc) else ""
                page.error = f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__
            results.append(page)
        return results

    def measure(self, client: Client, page: PageFigures, requests: int, expected: str | None):
        def get():
            response = client.get(page.url, secure=True)
            if response.status_code != 200:
                raise CommandError(f"HTTP {response.status_code}")
            return response

        response = get()  # warm-up
        if expected and expected.encode() not in response.content:
            page.note = f"{expected} not on the page"
        with CaptureQueriesContext(connection) as captured:
            get()
        page.queries.add(len(captured.captured_queries))
        times = []
        for _ in range(requests):
            with counting_queries() as counter:
                started = time.perf_counter()
                get()
                times.append((time.perf_counter() - started) * 1000)
            page.queries.add(counter.count)
        page.p50 = statistics.median(times)
        page.p95 = percentile(times, 0.95)

    # --- cleanup ---

    def cleanup(self, seed: int) -> int:
        """Delete the bench campaign with everything in it and the bench accounts, with the history
        rows any of them got and the stored input file. Returns the number of accounts deleted.

        Big tables go with one DELETE each: the ordinary delete would load every row and send its
        signals, which write a history row per deleted row. The database's foreign keys still
        check that nothing else points at a deleted row; if something does, the deletion is rolled
        back and done again the ordinary way (history off), which cascades or refuses."""
        for round in Round.objects.filter(campaign__academic_year=campaign_year(seed)).exclude(input_file=""):
            round.input_file.delete(save=False)
        try:
            return self.delete_rows(seed, fast=True)
        except IntegrityError:
            return self.delete_rows(seed, fast=False)

    def delete_rows(self, seed: int, *, fast: bool) -> int:
        users = User.objects.filter(username__startswith=username_prefix(seed))
        user_ids = users.values("pk")
        campaigns = Campaign.objects.filter(academic_year=campaign_year(seed))
        with transaction.atomic(), override_settings(SIMPLE_HISTORY_ENABLED=False):
            applications = Application.objects.filter(campaign__in=campaigns)
            programmes = Programme.objects.filter(campaign__in=campaigns)
            user_history = User.history.model
            raw = [
                # history of the bench rows
                Preference.history.filter(application_id__in=applications.values("pk")),
                Document.history.filter(application_id__in=applications.values("pk")),
                Application.history.filter(campaign_id__in=campaigns.values("pk")),
                Applicant.history.filter(user_id__in=user_ids),
                Quota.history.filter(programme_id__in=programmes.values("pk")),
                Programme.history.filter(campaign_id__in=campaigns.values("pk")),
                Round.history.filter(campaign_id__in=campaigns.values("pk")),
                Campaign.history.filter(id__in=campaigns.values("pk")),
                # the history of the accounts' groups (a sign-in writes one): its keys do nothing on delete
                *(r.related_model.objects.filter(history__id__in=user_ids) for r in user_history._meta.related_objects),
                user_history.objects.filter(id__in=user_ids),
                # the rows
                ApplicationNotice.objects.filter(application__campaign__in=campaigns),
                RoundResult.objects.filter(round__campaign__in=campaigns),
                RoundQuota.objects.filter(round__campaign__in=campaigns),
                Preference.objects.filter(application__campaign__in=campaigns),
                Document.objects.filter(application__campaign__in=campaigns),
                applications,
                Applicant.objects.filter(user_id__in=user_ids),
                Notification.objects.filter(recipient_id__in=user_ids),
                User.groups.through.objects.filter(user_id__in=user_ids),
                AccessLog.objects.filter(username__startswith=username_prefix(seed)),  # the committee's sign-in
            ]
            for queryset in raw:
                queryset._raw_delete(queryset.db)
            campaigns.delete()  # rounds, programmes, quotas: a few hundred rows
            ids = list(users.values_list("pk", flat=True))
            if fast:
                users._raw_delete(users.db)
            else:
                for start in range(0, len(ids), BATCH):
                    User.objects.filter(pk__in=ids[start : start + BATCH]).delete()
        return len(ids)
