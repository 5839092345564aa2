"""Measurement periods of a KPI. Months and quarters follow the calendar; semesters and years
follow the academic year, which starts on 1 September (autumn semester September–January,
spring semester February–August)."""

import datetime

from dateutil.relativedelta import relativedelta

MONTHS = {"monthly": 1, "quarterly": 3, "semester": None, "yearly": 12}


def period_of(frequency: str, day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The period that contains `day`: (first day, last day)."""
    if frequency == "monthly":
        start = day.replace(day=1)
    elif frequency == "quarterly":
        start = day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    elif frequency == "semester":
        if day.month >= 9:
            start = datetime.date(day.year, 9, 1)
        elif day.month == 1:
            start = datetime.date(day.year - 1, 9, 1)
        else:
            start = datetime.date(day.year, 2, 1)
    elif frequency == "yearly":
        start = datetime.date(day.year if day.month >= 9 else day.year - 1, 9, 1)
    else:
        raise ValueError(f"unknown frequency {frequency!r}")
    return start, _end(frequency, start)


def _end(frequency, start):
    if frequency == "semester":
        following = datetime.date(start.year + 1, 2, 1) if start.month == 9 else datetime.date(start.year, 9, 1)
    else:
        following = start + relativedelta(months=MONTHS[frequency])
    return following - datetime.timedelta(days=1)


def previous_period(frequency: str, start: datetime.date) -> tuple[datetime.date, datetime.date]:
    return period_of(frequency, start - datetime.timedelta(days=1))


def last_ended_period(frequency: str, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The latest period that has ended by `today` (the one a measurement is now due for)."""
    start, _end_ = period_of(frequency, today)
    return previous_period(frequency, start)


def recent_periods(frequency: str, today: datetime.date, count: int) -> list[tuple[datetime.date, datetime.date]]:
    """The current period and the `count - 1` before it, newest first."""
    periods = [period_of(frequency, today)]
    while len(periods) < count:
        periods.append(previous_period(frequency, periods[-1][0]))
    return periods
