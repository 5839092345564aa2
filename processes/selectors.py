"""Reads of the process register."""

import operator
from functools import reduce

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When

from qms.models import OrganisationalUnit

from .models import KPI, Card, Flow, MatrixEntry, Process


def kind_rank():
    """Management, core, support: the order of the kinds on the map, in the register and the matrix."""
    return Case(
        *(When(kind=kind, then=Value(rank)) for rank, kind in enumerate(Process.Kind.values)),
        default=Value(len(Process.Kind.values)),
        output_field=IntegerField(),
    )


def name_matches(query, field="name"):
    """A text kept per language contains `query` in some language (not in the language codes)."""
    return reduce(operator.or_, (Q(**{f"{field}__{code}__icontains": query}) for code, _name in settings.LANGUAGES))


def process_register(*, query="", kind=""):
    """Every process with what its register row shows, in a fixed number of queries."""
    processes = (
        Process.objects.select_related("owner", "leader", "parent")
        .annotate(
            kpi_count=Count("kpis", filter=Q(kpis__active=True), distinct=True),
            kpis_off=Count("kpis", filter=Q(kpis__active=True, kpis__status=KPI.Status.OFF_TARGET), distinct=True),
            kpis_at_risk=Count("kpis", filter=Q(kpis__active=True, kpis__status=KPI.Status.AT_RISK), distinct=True),
            kpis_overdue=Count("kpis", filter=Q(kpis__active=True, kpis__overdue=True), distinct=True),
        )
        .prefetch_related(
            Prefetch("cards", queryset=Card.objects.filter(status=Card.Status.CURRENT), to_attr="current_cards")
        )
        .order_by(kind_rank(), "code")
    )
    if kind in Process.Kind.values:
        processes = processes.filter(kind=kind)
    if query:
        processes = processes.filter(Q(code__icontains=query) | name_matches(query))
    return processes


def current_card(process):
    return process.cards.filter(status=Card.Status.CURRENT).first()


def card_contents(card):
    """The card's activities (with units and documents) and its inputs and outputs."""
    activities = card.activities.prefetch_related("units", "documents")
    flows = card.flows.select_related("supplier")
    return (
        list(activities),
        [f for f in flows if f.direction == Flow.Direction.INPUT],
        [f for f in flows if f.direction == Flow.Direction.OUTPUT],
    )


def consumers_of(process):
    """Processes whose current card takes an input supplied by `process`."""
    return (
        Process.objects.filter(
            cards__status=Card.Status.CURRENT, cards__flows__supplier=process, cards__flows__direction="input"
        )
        .distinct()
        .order_by("code")
    )


def kpis_of(process):
    return process.kpis.select_related("objective").order_by("-active", "id")


def matrix(*, units=None, processes=None):
    """(processes, units, {(process id, unit id): role}) for the grid."""
    processes = list(processes if processes is not None else Process.objects.order_by(kind_rank(), "code"))
    if units is None:
        units = OrganisationalUnit.objects.get_tree()
    units = list(units)
    cells = {
        (e.process_id, e.unit_id): e.role
        for e in MatrixEntry.objects.filter(process__in=processes, unit__in=units).only("process_id", "unit_id", "role")
    }
    return processes, units, cells


def processes_of_unit(unit):
    """A unit's processes and its role in each (the matrix read the other way)."""
    return MatrixEntry.objects.filter(unit=unit).select_related("process__owner").order_by("process__code")
