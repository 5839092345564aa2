"""A readable change log from django-simple-history records: who changed which field of which
record, from what to what, and when.

`change_log(*sources)` takes historical querysets (of any models) and returns entries newest
first. The cost is a fixed number of queries per source (the records, the many-to-many snapshots,
one lookup per foreign-key model), whatever the number of records.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .i18n import translated

SKIPPED = {"id", "history_id", "history_date", "history_change_reason", "history_type", "history_user"}
LONG_TEXT = 160


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime
    who: object
    kind: str  # "+" created, "~" changed, "-" deleted
    label: str
    changes: list[Change] = field(default_factory=list)

    @property
    def action(self):
        return {"+": _("created"), "~": _("changed"), "-": _("deleted")}[self.kind]


@dataclass
class Source:
    """Historical records of one model to show, e.g. `Source(Version.history.filter(document_id=1))`.

    `label(record)` names the record in the log; `exclude` lists fields not worth showing;
    `summarise` lists long fields shown as "changed" without their text."""

    records: models.QuerySet
    label: object = str
    exclude: tuple = ()
    summarise: tuple = ()


def _tracked_fields(history_model, exclude):
    original = history_model.instance_type
    names = {f.name for f in original._meta.concrete_fields}
    return [
        f
        for f in history_model._meta.concrete_fields
        if f.name in names and f.name not in SKIPPED and f.name not in exclude
    ]


def _m2m(history_model, records, exclude):
    """{field: {history_id: frozenset(target ids)}} from the m2m snapshots, one query per field."""
    result = {}
    ids = [r.history_id for r in records]
    for m2m_field in getattr(history_model, "_history_m2m_fields", ()):
        if m2m_field.name in exclude:
            continue
        snapshot_model = getattr(history_model, m2m_field.name).model
        target = m2m_field.m2m_reverse_field_name()
        snapshots = {}
        for history_id, target_id in snapshot_model.objects.filter(history_id__in=ids).values_list(
            "history_id", f"{target}_id"
        ):
            snapshots.setdefault(history_id, set()).add(target_id)
        result[m2m_field] = {i: frozenset(snapshots.get(i, ())) for i in ids}
    return result


def _display(value, model_field, related, summarise):
    if value is None or value == "":
        return "—"
    if model_field.name in summarise:
        return "…"
    if isinstance(model_field, models.ForeignKey):
        obj = related.get(model_field, {}).get(value)
        return str(obj) if obj is not None else f"#{value}"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, dict):  # a text per language (qms.i18n)
        value = translated(value)
    if isinstance(value, datetime):
        return formats.localize(timezone.localtime(value) if timezone.is_aware(value) else value)
    if isinstance(value, (date, Decimal, float)):
        return formats.localize(value)
    text = str(value)
    return text if len(text) <= LONG_TEXT else text[:LONG_TEXT] + "…"


def _entries(source: Source):
    records = list(source.records.select_related("history_user").order_by("history_date", "history_id"))
    if not records:
        return []
    history_model = source.records.model
    fields = _tracked_fields(history_model, source.exclude)
    original_fields = {f.name: history_model.instance_type._meta.get_field(f.name) for f in fields}
    related = {}
    for f in fields:
        model_field = original_fields[f.name]
        if isinstance(model_field, models.ForeignKey):
            ids = {getattr(r, f.attname) for r in records} - {None}
            related[model_field] = model_field.related_model._base_manager.in_bulk(ids)
    m2m = _m2m(history_model, records, source.exclude)
    m2m_related = {
        m2m_field: m2m_field.related_model._base_manager.in_bulk(set().union(*snapshots.values()))
        for m2m_field, snapshots in m2m.items()
    }

    previous = {}
    entries = []
    for record in records:
        before = previous.get(record.id)
        changes = []
        for f in fields:
            model_field = original_fields[f.name]
            new = getattr(record, f.attname)
            old = getattr(before, f.attname) if before is not None else None
            if before is None and record.history_type == "+" and new in (None, "", False):
                continue
            if before is not None and old == new:
                continue
            changes.append(
                Change(
                    str(model_field.verbose_name),
                    _display(old, model_field, related, source.summarise) if before is not None else "",
                    _display(new, model_field, related, source.summarise),
                )
            )
        for m2m_field, snapshots in m2m.items():
            new = snapshots[record.history_id]
            old = snapshots[before.history_id] if before is not None else frozenset()
            if new == old:
                continue
            names = m2m_related[m2m_field]

            def show(ids, names=names):
                return ", ".join(sorted(str(names[i]) for i in ids if i in names)) or "—"

            removed, added = old - new, new - old
            changes.append(
                Change(
                    str(m2m_field.verbose_name),
                    f"− {show(removed)}" if removed else "",
                    f"+ {show(added)}" if added else "",
                )
            )
        previous[record.id] = record
        if record.history_type == "~" and not changes:
            continue
        label = source.label(record)
        entries.append(Entry(record.history_date, record.history_user, record.history_type, label, changes))
    return entries


def change_log(*sources: Source) -> list[Entry]:
    entries = [entry for source in sources for entry in _entries(source)]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
