"""Reads of the process register."""

import operator
from functools import reduce

from django.conf import settings
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, Value, When

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


def process_register(*, query="", kind="", kpi_status="", unit=None):
    """Every process with what its register row shows, in a fixed number of queries. Filtered by
    `kpi_status` (a KPI status, or "overdue"): the processes with an active KPI in it; by `unit`:
    the processes concerning the unit (`processes_concerning`)."""
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
    active_kpis = KPI.objects.filter(process=OuterRef("pk"), active=True)
    if kpi_status == "overdue":
        processes = processes.filter(Exists(active_kpis.filter(overdue=True)))
    elif kpi_status in KPI.Status.values:
        processes = processes.filter(Exists(active_kpis.filter(status=kpi_status)))
    if unit is not None:
        processes = processes.filter(pk__in=processes_concerning(unit).values("pk"))
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


def register_order():
    """The processes in the register's order: management, core, support; then by code."""
    return Process.objects.order_by(kind_rank(), "code")


def matrix(*, units=None, processes=None):
    """(processes, units, {(process id, unit id): role}) for the grid."""
    processes = list(processes if processes is not None else register_order())
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


def processes_concerning(unit):
    """The processes that concern a unit and the units below it (a dean's faculty): those in
    which one of them is responsible or takes part according to the functional matrix, and those
    whose owner is a member or the head of one of them. (Used by the dashboard and the register's
    unit filter; "informed" alone does not count.)"""
    subtree = Q(path__startswith=unit.path)
    units = OrganisationalUnit.objects.filter(subtree).values("pk")
    in_matrix = MatrixEntry.objects.filter(
        unit__in=units, role__in=[MatrixEntry.Role.RESPONSIBLE, MatrixEntry.Role.PARTICIPATES]
    ).values("process")
    owners = Q(owner__memberships__unit__in=units) | Q(owner__headed_units__in=units)
    return Process.objects.filter(Q(pk__in=in_matrix) | Q(pk__in=Process.objects.filter(owners).values("pk")))


# --- the evidence matrix and the reports ---------------------------------------------------------


def _evidence_documents(user):
    """The documents the reader may open (all of them when `user` is None), each knowing whether
    a revision is in force."""
    from django.db.models import Exists, OuterRef

    from policies.models import Document, Version
    from policies.selectors import READ_ALL_ROLES, documents_visible_to

    documents = Document.objects.all()
    if user is not None and not user.has_role(*READ_ALL_ROLES):
        documents = documents.filter(pk__in=documents_visible_to(user).values("pk"))
    in_force = Version.objects.filter(document=OuterRef("pk"), status=Version.Status.PUBLISHED)
    return documents.annotate(in_force=Exists(in_force)).order_by("code")


def _audit_evidence(user) -> tuple[dict, dict]:
    """Per clause: the audits that took it as a criterion and the open nonconformities against
    it, counting only those the reader may see (all when `user` is None). Two queries."""
    from audits.models import Audit, Nonconformity
    from audits.permissions import audits_visible_to, nonconformities_visible_to

    audits = (Audit.objects.all() if user is None else audits_visible_to(user)).filter(clauses__isnull=False)
    ncs = Nonconformity.objects.all() if user is None else nonconformities_visible_to(user)
    audits = dict(audits.values_list("clauses").annotate(n=Count("pk", distinct=True)).order_by())
    open_ncs = dict(
        ncs.filter(clause__isnull=False)
        .exclude(state=Nonconformity.State.CLOSED)
        .values_list("clause")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return audits, open_ncs


def evidence_sections(user=None, framework: str = "") -> list[dict]:
    """Per framework, a row per clause or standard with the processes and the documents linked
    to it. A row is a gap when nothing is linked to it nor to any of its sub-clauses. Documents,
    audits and nonconformities are those `user` may see; every one of them when `user` is None
    (the reports, which do not depend on who asked). Five queries, whatever the number of
    clauses, processes and documents."""
    from django.db.models import Exists, OuterRef

    from qms.models import StandardClause

    frameworks = StandardClause.Framework
    current = Card.objects.filter(process=OuterRef("pk"), status=Card.Status.CURRENT)
    clauses = (
        StandardClause.objects.filter(framework__in=[framework] if framework else frameworks.values)
        .annotate(document_count=Count("documents", distinct=True))
        .prefetch_related(
            Prefetch("processes", queryset=Process.objects.annotate(has_current=Exists(current)).order_by("code")),
            Prefetch("documents", queryset=_evidence_documents(user)),
        )
        .order_by("framework", "sort_key")
    )
    audits, open_ncs = _audit_evidence(user)
    rows = []
    for clause in clauses:
        processes, documents = list(clause.processes.all()), list(clause.documents.all())
        rows.append(
            {
                "clause": clause,
                "processes": processes,
                "documents": documents,
                "hidden_documents": max(clause.document_count - len(documents), 0),
                "linked": bool(processes) or clause.document_count > 0,
                "audits": audits.get(clause.pk, 0),
                "open_ncs": open_ncs.get(clause.pk, 0),
            }
        )
    by_id = {row["clause"].pk: row for row in rows}
    for row in rows:
        row.update(depth=1, has_children=False, covered_below=False)
    for row in rows:  # parents come before their children (ordered by sort key)
        parent = by_id.get(row["clause"].parent_id)
        if parent is not None:
            row["depth"] = parent["depth"] + 1
            parent["has_children"] = True
    for row in rows:
        if row["linked"]:
            parent = by_id.get(row["clause"].parent_id)
            while parent is not None and not parent["covered_below"]:
                parent["covered_below"] = True
                parent = by_id.get(parent["clause"].parent_id)
    for row in rows:
        row["gap"] = not row["linked"] and not row["covered_below"]
        row["indent"] = (1, 3, 5)[min(row["depth"] - 1, 2)]  # Bootstrap ps-* classes

    labels = dict(frameworks.choices)
    sections = []
    for value in [framework] if framework else frameworks.values:
        section_rows = [row for row in rows if row["clause"].framework == value]
        sections.append(
            {
                "framework": value,
                "label": labels[value],
                "rows": section_rows,
                "gaps": sum(row["gap"] for row in section_rows),
            }
        )
    return sections


def processes_of_matrix_unit(unit):
    """The processes in which `unit` has a role in the functional matrix, as a filter of processes."""
    return Q(pk__in=MatrixEntry.objects.filter(unit=unit).values("process"))


def process_cards_bundle(unit=None) -> list:
    """Every process (with `unit`: those in which the unit has a role in the functional matrix),
    each with its current card, the card's activities (units, documents), inputs and outputs,
    the process's scope and its active KPIs prefetched. Eight queries whatever the number of
    processes; `process.current` is the current card or None."""
    from .models import Activity

    cards = (
        Card.objects.filter(status=Card.Status.CURRENT)
        .select_related("approved_by")
        .prefetch_related(
            Prefetch("activities", queryset=Activity.objects.prefetch_related("units", "documents")),
            Prefetch("flows", queryset=Flow.objects.select_related("supplier")),
        )
    )
    processes = (
        Process.objects.select_related("owner", "leader", "parent")
        .prefetch_related(
            Prefetch("cards", queryset=cards, to_attr="current_cards"),
            Prefetch("scope", queryset=OrganisationalUnit.objects.order_by("path"), to_attr="scope_units"),
            Prefetch("kpis", queryset=KPI.objects.filter(active=True).order_by("id"), to_attr="active_kpis"),
        )
        .order_by(kind_rank(), "code")
    )
    if unit is not None:
        processes = processes.filter(processes_of_matrix_unit(unit))
    processes = list(processes)
    for process in processes:
        process.current = process.current_cards[0] if process.current_cards else None
    return processes
