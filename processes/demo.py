"""Demo process register from the quality manual (seed 001): processes with their cards in
Kazakh and English, KPIs with a few periods of measurements, and the functional matrix. The
data is in `processes/demo_data.py`; everything goes through the services, so the cards carry
the same approvals and history as cards made in the browser. Idempotent: a process whose code
exists is left as it is."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from policies.models import Document
from qms.models import OrganisationalUnit, StandardClause, User

from . import periods, services
from .demo_data import MATRIX, PROCESSES
from .models import KPI, Process


def _units(short_names, units):
    return [units[name] for name in short_names]


def _clauses(pairs):
    wanted = {(framework, code) for framework, code in pairs}
    return [c for c in StandardClause.objects.all() if (c.framework, c.code) in wanted]


def _ordered(specs):
    """Parents before their sub-processes."""
    done, ordered, pending = set(), [], list(specs)
    while pending:
        spec = pending.pop(0)
        if spec["parent"] is None or spec["parent"] in done:
            ordered.append(spec)
            done.add(spec["code"])
        else:
            pending.append(spec)
    return ordered


def _languages(spec):
    return sorted({language for texts in (spec["name"], spec["purpose"]) for language in texts})


def _card(process, spec, people, units, documents, processes):
    owner, leader = people[spec["owner"]], people[spec["leader"]]
    card = services.card_start_draft(process=process, by=owner, change_summary="Card from the quality manual.")
    for language in _languages(spec):
        services.card_save_texts(
            card=card,
            language=language,
            purpose=spec["purpose"].get(language, ""),
            evaluation_criteria=spec["evaluation_criteria"].get(language, ""),
            monitoring_methods=spec["monitoring_methods"].get(language, ""),
        )
        activity_ids = list(card.activities.order_by("order", "id").values_list("pk", flat=True)) or [None] * len(
            spec["activities"]
        )
        services.card_save_activities(
            card=card,
            language=language,
            rows=[
                {
                    "id": activity_id,
                    "name": activity["name"].get(language, ""),
                    "executors": activity["executors"].get(language, ""),
                    "units": _units(activity["units"], units),
                    "documents": [documents[code] for code in activity["documents"] if code in documents],
                }
                for activity_id, activity in zip(activity_ids, spec["activities"], strict=True)
            ],
        )
        flows = [dict(row, direction="input") for row in spec["inputs"]] + [
            dict(row, direction="output", supplier=None) for row in spec["outputs"]
        ]
        flow_ids = list(card.flows.order_by("order", "id").values_list("pk", flat=True)) or [None] * len(flows)
        services.card_save_flows(
            card=card,
            language=language,
            rows=[
                {
                    "id": flow_id,
                    "direction": row["direction"],
                    "name": row["name"].get(language, ""),
                    "supplier": processes.get(row["supplier"]) if row.get("supplier") else None,
                }
                for flow_id, row in zip(flow_ids, flows, strict=True)
            ],
        )
    services.card_submit(card=card, by=owner)
    services.card_approve(card=card, by=leader)


def _kpis(process, spec, people, today):
    owner = people[spec["owner"]]
    for kpi_spec in spec["kpis"]:
        kpi = services.kpi_save(
            process=process,
            name=kpi_spec["name"],
            unit_of_measure=kpi_spec["unit"],
            direction=kpi_spec["direction"],
            target=Decimal(kpi_spec["target"]),
            at_risk_threshold=Decimal(kpi_spec["at_risk"]),
            frequency=kpi_spec["frequency"],
        )
        # The history ends with the last period that has ended; older values go back in time.
        start, _end = periods.last_ended_period(kpi.frequency, today)
        starts = [start]
        while len(starts) < len(kpi_spec["history"]):
            starts.append(periods.previous_period(kpi.frequency, starts[-1])[0])
        # Measured since before the first period, so no period in between counts as missing.
        KPI.objects.filter(pk=kpi.pk).update(
            created_at=timezone.make_aware(timezone.datetime.combine(starts[-1], timezone.datetime.min.time()))
        )
        kpi.refresh_from_db()
        for period_start, value in zip(reversed(starts), kpi_spec["history"], strict=True):
            services.measurement_record(kpi=kpi, period_start=period_start, value=Decimal(value), by=owner)


def load(stdout):
    usernames = {spec["owner"] for spec in PROCESSES} | {spec["leader"] for spec in PROCESSES}
    people = User.objects.in_bulk(list(usernames), field_name="username")
    units = {u.short_name: u for u in OrganisationalUnit.objects.exclude(short_name="")}
    documents = {d.code: d for d in Document.objects.all()}
    today = timezone.localdate()
    created = []
    with transaction.atomic():
        existing = set(Process.objects.values_list("code", flat=True))
        processes = {p.code: p for p in Process.objects.all()}
        for spec in _ordered(PROCESSES):
            if spec["code"] in existing:
                continue
            processes[spec["code"]] = services.process_create(
                code=spec["code"],
                name=spec["name"],
                kind=spec["kind"],
                parent=processes.get(spec["parent"]) if spec["parent"] else None,
                leader=people[spec["leader"]],
                owner=people[spec["owner"]],
                scope=_units(spec["scope"], units),
                clauses=_clauses(spec["clauses"]),
            )
            created.append(spec)
        for spec in created:
            process = processes[spec["code"]]
            _card(process, spec, people, units, documents, processes)
            _kpis(process, spec, people, today)
        services.matrix_save(
            cells={
                (processes[code].pk, units[short].pk): role
                for code, row in MATRIX.items()
                for short, role in row.items()
                if code in processes and short in units
            }
        )
    stdout.write(
        f"Processes demo: {Process.objects.count()} processes, {KPI.objects.count()} KPIs "
        f"({len(created)} processes added)."
    )
