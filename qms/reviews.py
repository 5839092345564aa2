"""Periodic review stages shared by documents and process cards: a record with a next review date
is current, due (within the notice period) or overdue; its owner is told once per stage."""

import datetime

from django.db import transaction

CURRENT, DUE, OVERDUE = "current", "due", "overdue"


def review_stage(next_review_date: datetime.date, today: datetime.date, notice_days: int) -> str:
    if next_review_date < today:
        return OVERDUE
    if next_review_date <= today + datetime.timedelta(days=notice_days):
        return DUE
    return CURRENT


def review_sweep(model, *, today: datetime.date, notice_days: int, notify) -> dict:
    """Set `review_state` of every `model` row that has a `next_review_date`, and call
    `notify(record, stage)` once per stage reached (kept in `review_notified`). Each row is
    updated under its own lock, so the sweep is safe to run twice, late, or alongside a review."""
    counts = {DUE: 0, OVERDUE: 0, "notified": 0}
    for pk in model.objects.filter(next_review_date__isnull=False).values_list("pk", flat=True).iterator():
        with transaction.atomic():
            record = model.objects.select_for_update().select_related("owner").get(pk=pk)
            stage = review_stage(record.next_review_date, today, notice_days)
            changed = ["review_state"] if record.review_state != stage else []
            record.review_state = stage
            if stage != CURRENT:
                counts[stage] += 1
                if record.review_notified != stage:
                    notify(record, stage)
                    record.review_notified = stage
                    changed.append("review_notified")
                    counts["notified"] += 1
            if changed:
                record.save(update_fields=changed)
    return counts
