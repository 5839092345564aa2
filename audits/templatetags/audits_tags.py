"""Filters for the pages and PDFs of audits and improvement."""

import datetime

from django import template

register = template.Library()


@register.filter
def get(mapping, key):
    """`mapping[key]`, else the key itself: `{{ labels.nc_state|get:state }}` shows a code's
    label, and a code without a label (one no longer in use) as it is."""
    try:
        return mapping[key]
    except (KeyError, TypeError, IndexError):
        return key


@register.filter
def isodate(value):
    """An ISO date ("2026-03-02") or date-time kept in JSON as a date, for the `date` filter:
    `{{ row.due_date|isodate|date:"SHORT_DATE_FORMAT" }}`. Empty or unreadable: None."""
    if isinstance(value, datetime.date):
        return value
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return None


@register.filter
def tally(counts, labels):
    """Counts kept by code ({"major": 2}) as [(label, count)] in the order of `labels` (a code
    that did not occur counts 0), then any counted code without a label."""
    counts = counts or {}
    rows = [(label, counts.get(code, 0)) for code, label in labels.items()]
    rows.extend((code, n) for code, n in counts.items() if code not in labels)
    return rows
