"""The rules of the process register. Views, commands and tasks call these.

A card goes draft → submitted (by the owner or the quality office) → current (approved by the
process leader; the previous current card becomes superseded), or back to draft with a reason.
Only a draft changes. KPI status follows from the latest measurement; a measurement missing for
the last ended period makes the KPI overdue, and its owner is reminded once.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from qms.mail import notify
from qms.models import OrganisationalUnit
from qms.reviews import review_sweep
from qms.uploads import check_upload

from . import periods
from .models import KPI, Activity, Card, Flow, MatrixEntry, Measurement, MeasurementReminder, Process

Status = Card.Status
EVIDENCE_KINDS = ("pdf", "docx", "odt", "xlsx", "ods", "png", "jpeg")


class WorkflowError(ValidationError):
    """A step the card workflow does not allow from where the card stands."""


def _clean_texts(texts: dict) -> dict:
    return {language: text.strip() for language, text in (texts or {}).items() if text and text.strip()}


# --- processes ----------------------------------------------------------------------------

PROCESS_FIELDS = ("code", "name", "kind", "parent", "leader", "owner", "review_interval_months")


@transaction.atomic
def process_create(*, code, name, kind, leader, owner, parent=None, scope=(), clauses=(), review_interval_months=12):
    process = Process(
        code=code.strip(),
        name=_clean_texts(name),
        kind=kind,
        parent=parent,
        leader=leader,
        owner=owner,
        review_interval_months=review_interval_months,
    )
    process.full_clean()
    process.save()
    process.scope.set(scope)
    process.clauses.set(clauses)
    return process


@transaction.atomic
def process_update(*, process: Process, scope, clauses, **fields) -> Process:
    process = Process.objects.select_for_update().get(pk=process.pk)
    interval_changed = int(fields.get("review_interval_months", process.review_interval_months)) != (
        process.review_interval_months
    )
    for name, value in fields.items():
        if name not in PROCESS_FIELDS:
            raise TypeError(f"process_update() got an unexpected field {name!r}")
        if name == "name":
            value = {**process.name, **_clean_texts(value)}
        setattr(process, name, value.strip() if isinstance(value, str) else value)
    if process.parent_id is not None:
        _refuse_parent_cycle(process)
    if interval_changed:
        current = process.cards.filter(status=Status.CURRENT).first()
        if current is not None:
            process.next_review_date = process.review_date_after(timezone.localtime(current.approved_at).date())
    process.full_clean()
    process.save()
    if set(process.scope.values_list("pk", flat=True)) != {unit.pk for unit in scope}:
        process.scope.set(scope)
    if set(process.clauses.values_list("pk", flat=True)) != {clause.pk for clause in clauses}:
        process.clauses.set(clauses)
    return process


def _refuse_parent_cycle(process):
    seen = {process.pk}
    parent_id = process.parent_id
    while parent_id is not None:
        if parent_id in seen:
            raise ValidationError({"parent": _("A process cannot be a sub-process of itself or of its sub-processes.")})
        seen.add(parent_id)
        parent_id = Process.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()


# --- cards --------------------------------------------------------------------------------


def _locked(card: Card) -> Card:
    return Card.objects.select_for_update().select_related("process").get(pk=card.pk)


def _require_status(card: Card, *allowed):
    if card.status not in allowed:
        raise WorkflowError(
            _("Card revision %(revision)s is %(status)s; this step needs it to be %(allowed)s.")
            % {
                "revision": card.revision,
                "status": card.get_status_display().lower(),
                "allowed": ", ".join(str(Status(s).label).lower() for s in allowed),
            }
        )


@transaction.atomic
def card_start_draft(*, process: Process, by, change_summary="") -> Card:
    """A new draft card, copied from the latest card (texts, activities, inputs and outputs)."""
    process = Process.objects.select_for_update().get(pk=process.pk)
    if process.cards.filter(status__in=[Status.DRAFT, Status.SUBMITTED]).exists():
        raise WorkflowError(_("This process already has a card in progress; finish it first."))
    latest = process.cards.order_by("-revision").first()
    revision = (process.cards.aggregate(Max("revision"))["revision__max"] or 0) + 1
    card = Card(process=process, revision=revision, change_summary=change_summary, created_by=by)
    if latest is not None:
        card.purpose = dict(latest.purpose)
        card.evaluation_criteria = dict(latest.evaluation_criteria)
        card.monitoring_methods = dict(latest.monitoring_methods)
    card.full_clean()
    card.save()
    if latest is not None:
        for activity in latest.activities.prefetch_related("units", "documents"):
            copy = Activity.objects.create(
                card=card, order=activity.order, name=activity.name, executors=activity.executors
            )
            copy.units.set(activity.units.all())
            copy.documents.set(activity.documents.all())
        bulk_create_with_history(
            [
                Flow(card=card, direction=f.direction, order=f.order, name=f.name, supplier_id=f.supplier_id)
                for f in latest.flows.all()
            ],
            Flow,
            default_user=by,
        )
    return card


def card_save_texts(*, card: Card, language: str, purpose: str, evaluation_criteria: str, monitoring_methods: str,
                    change_summary: str | None = None) -> Card:  # fmt: skip
    """Set a draft's texts in one language; an empty text removes that language."""
    with transaction.atomic():
        card = _locked(card)
        _require_status(card, Status.DRAFT)
        for field, text in (
            ("purpose", purpose),
            ("evaluation_criteria", evaluation_criteria),
            ("monitoring_methods", monitoring_methods),
        ):
            texts = dict(getattr(card, field))
            if text and text.strip():
                texts[language] = text.strip()
            else:
                texts.pop(language, None)
            setattr(card, field, texts)
        if change_summary is not None:
            card.change_summary = change_summary.strip()
        card.full_clean()
        card.save()
        return card


def card_save_activities(*, card: Card, language: str, rows: list[dict]) -> Card:
    """Replace the activity table of a draft. Each row: {"id": existing id or None, "name",
    "executors", "units", "documents"}; the texts are set in `language`, other languages kept."""
    with transaction.atomic():
        card = _locked(card)
        _require_status(card, Status.DRAFT)
        existing = {a.pk: a for a in card.activities.all()}
        keep = set()
        for order, row in enumerate(rows):
            activity = existing.get(row.get("id")) or Activity(card=card)
            activity.order = order
            activity.name = _set_language(activity.name, language, row["name"])
            activity.executors = _set_language(activity.executors, language, row.get("executors", ""))
            if not activity.name:
                raise ValidationError(_("Every activity needs a name."))
            activity.full_clean()
            activity.save()
            activity.units.set(row.get("units", ()))
            activity.documents.set(row.get("documents", ()))
            keep.add(activity.pk)
        for pk, activity in existing.items():
            if pk not in keep:
                activity.delete()
        return card


def card_save_flows(*, card: Card, language: str, rows: list[dict]) -> Card:
    """Replace the inputs and outputs of a draft. Each row: {"id", "direction", "name", "supplier"}."""
    with transaction.atomic():
        card = _locked(card)
        _require_status(card, Status.DRAFT)
        existing = {f.pk: f for f in card.flows.all()}
        keep = set()
        for order, row in enumerate(rows):
            flow = existing.get(row.get("id")) or Flow(card=card)
            flow.direction = row["direction"]
            flow.order = order
            flow.name = _set_language(flow.name, language, row["name"])
            flow.supplier = row.get("supplier") if row["direction"] == Flow.Direction.INPUT else None
            if flow.supplier is not None and flow.supplier.pk == card.process_id:
                raise ValidationError(_("A process does not supply its own input."))
            flow.full_clean()
            flow.save()
            keep.add(flow.pk)
        for pk, flow in existing.items():
            if pk not in keep:
                flow.delete()
        return card


def _set_language(texts, language, text):
    texts = dict(texts or {})
    if text and text.strip():
        texts[language] = text.strip()
    else:
        texts.pop(language, None)
    return texts


def card_submit(*, card: Card, by) -> Card:
    with transaction.atomic():
        card = _locked(card)
        _require_status(card, Status.DRAFT)
        if not card.purpose:
            raise WorkflowError(_("Write the purpose of the process before submitting the card."))
        if not card.activities.exists():
            raise WorkflowError(_("List at least one activity before submitting the card."))
        card.status = Status.SUBMITTED
        card.submitted_at = timezone.now()
        card.returned_reason = ""
        card.save()
    leader = card.process.leader
    transaction.on_commit(
        lambda: notify(leader, "processes/email/card_submitted", {"card": card}, url=card.get_absolute_url())
    )
    return card


def card_approve(*, card: Card, by) -> Card:
    """The leader approves: the card becomes current, the previous one superseded, and the next
    review of the process is counted from today."""
    with transaction.atomic():
        card = _locked(card)
        _require_status(card, Status.SUBMITTED)
        process = Process.objects.select_for_update().get(pk=card.process_id)
        if by.pk != process.leader_id:
            raise WorkflowError(_("Only the process leader approves its card."))
        now = timezone.now()
        for previous in process.cards.filter(status=Status.CURRENT):
            previous.status = Status.SUPERSEDED
            previous.superseded_at = now
            previous.save()
        card.status = Status.CURRENT
        card.approved_by = by
        card.approved_at = now
        card.full_clean()
        card.save()
        process.next_review_date = process.review_date_after(timezone.localdate())
        process.review_state = Process.ReviewState.CURRENT
        process.review_notified = ""
        process.save(update_fields=["next_review_date", "review_state", "review_notified"])
        return card


def card_return(*, card: Card, by, reason: str) -> Card:
    if not reason or not reason.strip():
        raise WorkflowError(_("Say why the card goes back to draft."))
    with transaction.atomic():
        card = _locked(card)
        _require_status(card, Status.SUBMITTED)
        card.status = Status.DRAFT
        card.returned_reason = reason.strip()
        card.submitted_at = None
        card.save()
    owner = card.process.owner
    transaction.on_commit(
        lambda: notify(owner, "processes/email/card_returned", {"card": card}, url=card.get_absolute_url())
    )
    return card


# --- KPIs and measurements ------------------------------------------------------------------

KPI_FIELDS = ("name", "unit_of_measure", "direction", "target", "at_risk_threshold", "frequency", "objective", "active")


@transaction.atomic
def kpi_save(*, process: Process, kpi: KPI | None = None, **fields) -> KPI:
    kpi = KPI.objects.select_for_update().get(pk=kpi.pk) if kpi is not None else KPI(process=process)
    for name, value in fields.items():
        if name not in KPI_FIELDS:
            raise TypeError(f"kpi_save() got an unexpected field {name!r}")
        if name == "name":
            value = {**kpi.name, **_clean_texts(value)}
        setattr(kpi, name, value)
    kpi.full_clean()
    kpi.save()
    return kpi_refresh(kpi=kpi, today=timezone.localdate())


def max_evidence_bytes() -> int:
    return getattr(settings, "PROCESSES_MAX_EVIDENCE_BYTES", 20 * 1024 * 1024)


def measurement_record(*, kpi: KPI, period_start: datetime.date, value, by, comment="", evidence=None) -> Measurement:
    """Record (or correct) the value of a KPI for one of its periods, with optional evidence."""
    if evidence is not None:
        check_upload(evidence, allowed=EVIDENCE_KINDS, limit=max_evidence_bytes())
    start, end = periods.period_of(kpi.frequency, period_start)
    if start != period_start:
        raise ValidationError({"period_start": _("This is not the first day of a measurement period.")})
    if start > timezone.localdate():
        raise ValidationError({"period_start": _("A period that has not begun cannot be measured.")})
    with transaction.atomic():
        kpi = KPI.objects.select_for_update().get(pk=kpi.pk)
        measurement = Measurement.objects.filter(kpi=kpi, period_start=start).first() or Measurement(
            kpi=kpi, period_start=start
        )
        measurement.period_end = end
        measurement.value = value
        measurement.comment = comment.strip()
        measurement.entered_by = by
        measurement.full_clean(exclude=["evidence"])
        replaced = measurement.evidence.name if evidence is not None and measurement.evidence else None
        stored = None
        if evidence is not None:
            measurement.evidence.save(evidence.name, evidence, save=False)
            stored = measurement.evidence.name
            # The database may still refuse the row: then the new file goes; once it is in, the old one.
            transaction.on_commit(lambda: replaced and measurement.evidence.storage.delete(replaced))
        try:
            measurement.save()
            kpi_refresh(kpi=kpi, today=timezone.localdate())
        except Exception:
            if stored:
                measurement.evidence.storage.delete(stored)
            raise
    return measurement


def kpi_refresh(*, kpi: KPI, today: datetime.date) -> KPI:
    """Recompute the status kept on the KPI from its latest measurement, and whether the
    measurement of the last ended period is missing."""
    latest = kpi.measurements.order_by("-period_start").first()
    status = kpi.status_of(latest.value if latest else None)
    overdue = kpi.active and _measurement_missing(kpi, today) is not None
    values = (status, overdue, latest.value if latest else None, latest.period_start if latest else None)
    if values != (kpi.status, kpi.overdue, kpi.last_value, kpi.last_period_start):
        kpi.status, kpi.overdue, kpi.last_value, kpi.last_period_start = values
        kpi.save(update_fields=["status", "overdue", "last_value", "last_period_start"])
    return kpi


def _measurement_missing(kpi: KPI, today) -> datetime.date | None:
    """The start of the last ended period when it has no measurement and the KPI existed then."""
    start, end = periods.last_ended_period(kpi.frequency, today)
    created = timezone.localtime(kpi.created_at).date() if kpi.created_at else today
    if end < created:
        return None
    if kpi.measurements.filter(period_start=start).exists():
        return None
    return start


def kpi_measurement_sweep(*, today: datetime.date) -> dict:
    """Daily: refresh every active KPI's overdue flag and remind the process owner once per
    KPI and period of each missing measurement. Safe to run twice or late."""
    counts = {"kpis": 0, "overdue": 0, "reminded": 0}
    for kpi in KPI.objects.filter(active=True).select_related("process__owner").iterator(chunk_size=500):
        counts["kpis"] += 1
        kpi_refresh(kpi=kpi, today=today)
        missing = _measurement_missing(kpi, today)
        if missing is None:
            continue
        counts["overdue"] += 1
        with transaction.atomic():
            _reminder, created = MeasurementReminder.objects.get_or_create(kpi=kpi, period_start=missing)
            if created:
                owner = kpi.process.owner
                period = periods.period_of(kpi.frequency, missing)
                transaction.on_commit(
                    lambda owner=owner, kpi=kpi, period=period: notify(
                        owner,
                        "processes/email/measurement_due",
                        {"kpi": kpi, "period": period},
                        url=reverse("processes:kpi-detail", args=[kpi.pk]),
                    )
                )
                counts["reminded"] += 1
    return counts


REVIEW_NOTICE_DAYS = 30


def processes_review_sweep(*, today: datetime.date) -> dict:
    """Mark processes whose card review is due or overdue and tell the owner once per stage."""

    def tell_owner(process, stage):
        owner = process.owner
        transaction.on_commit(
            lambda: notify(
                owner, "processes/email/review", {"process": process, "state": stage}, url=process.get_absolute_url()
            )
        )

    return review_sweep(Process, today=today, notice_days=REVIEW_NOTICE_DAYS, notify=tell_owner)


# --- functional matrix ----------------------------------------------------------------------


@transaction.atomic
def matrix_save(*, cells: dict[tuple[int, int], str], processes=None) -> dict:
    """Set the functional matrix from {(process id, unit id): role or ""}; all or nothing.
    Unknown processes, units or roles are refused before anything is written. `processes`
    limits the rows the caller may change (None: all)."""
    process_ids = {p for p, _u in cells}
    unit_ids = {u for _p, u in cells}
    allowed = set(Process.objects.filter(pk__in=process_ids).values_list("pk", flat=True))
    if processes is not None:
        allowed &= {p.pk for p in processes}
    known_units = set(OrganisationalUnit.objects.filter(pk__in=unit_ids).values_list("pk", flat=True))
    unknown_units = unit_ids - known_units
    if process_ids - allowed:
        raise ValidationError(_("Unknown process in the matrix: %(ids)s.") % {"ids": sorted(process_ids - allowed)})
    if unknown_units:
        raise ValidationError(_("Unknown unit in the matrix: %(ids)s.") % {"ids": sorted(unknown_units)})
    roles = set(MatrixEntry.Role.values)
    bad = {role for role in cells.values() if role and role not in roles}
    if bad:
        raise ValidationError(_("Unknown role in the matrix: %(roles)s.") % {"roles": ", ".join(sorted(bad))})
    existing = {
        (e.process_id, e.unit_id): e
        for e in MatrixEntry.objects.select_for_update().filter(process_id__in=process_ids, unit_id__in=unit_ids)
    }
    counts = {"created": 0, "changed": 0, "removed": 0}
    for (process_id, unit_id), role in cells.items():
        entry = existing.get((process_id, unit_id))
        if not role:
            if entry is not None:
                entry.delete()
                counts["removed"] += 1
        elif entry is None:
            MatrixEntry.objects.create(process_id=process_id, unit_id=unit_id, role=role)
            counts["created"] += 1
        elif entry.role != role:
            entry.role = role
            entry.save(update_fields=["role"])
            counts["changed"] += 1
    return counts
