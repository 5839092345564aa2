"""Measurement periods: calendar months and quarters, academic semesters (September–January,
February–August) and academic years (from 1 September)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from processes.periods import last_ended_period, period_of, previous_period, recent_periods

D = datetime.date
FREQUENCIES = ["monthly", "quarterly", "semester", "yearly"]


@pytest.mark.parametrize(
    ("frequency", "day", "period"),
    [
        ("monthly", D(2025, 1, 1), (D(2025, 1, 1), D(2025, 1, 31))),
        ("monthly", D(2025, 1, 31), (D(2025, 1, 1), D(2025, 1, 31))),
        ("monthly", D(2025, 2, 1), (D(2025, 2, 1), D(2025, 2, 28))),
        ("monthly", D(2025, 8, 31), (D(2025, 8, 1), D(2025, 8, 31))),
        ("monthly", D(2025, 9, 1), (D(2025, 9, 1), D(2025, 9, 30))),
        ("monthly", D(2025, 12, 31), (D(2025, 12, 1), D(2025, 12, 31))),
        ("monthly", D(2024, 2, 29), (D(2024, 2, 1), D(2024, 2, 29))),
        ("quarterly", D(2025, 1, 1), (D(2025, 1, 1), D(2025, 3, 31))),
        ("quarterly", D(2025, 1, 31), (D(2025, 1, 1), D(2025, 3, 31))),
        ("quarterly", D(2025, 2, 1), (D(2025, 1, 1), D(2025, 3, 31))),
        ("quarterly", D(2025, 8, 31), (D(2025, 7, 1), D(2025, 9, 30))),
        ("quarterly", D(2025, 9, 1), (D(2025, 7, 1), D(2025, 9, 30))),
        ("quarterly", D(2025, 12, 31), (D(2025, 10, 1), D(2025, 12, 31))),
        ("quarterly", D(2024, 2, 29), (D(2024, 1, 1), D(2024, 3, 31))),
        ("semester", D(2025, 1, 1), (D(2024, 9, 1), D(2025, 1, 31))),
        ("semester", D(2025, 1, 31), (D(2024, 9, 1), D(2025, 1, 31))),
        ("semester", D(2025, 2, 1), (D(2025, 2, 1), D(2025, 8, 31))),
        ("semester", D(2025, 8, 31), (D(2025, 2, 1), D(2025, 8, 31))),
        ("semester", D(2025, 9, 1), (D(2025, 9, 1), D(2026, 1, 31))),
        ("semester", D(2025, 12, 31), (D(2025, 9, 1), D(2026, 1, 31))),
        ("semester", D(2024, 2, 29), (D(2024, 2, 1), D(2024, 8, 31))),
        ("yearly", D(2025, 1, 1), (D(2024, 9, 1), D(2025, 8, 31))),
        ("yearly", D(2025, 1, 31), (D(2024, 9, 1), D(2025, 8, 31))),
        ("yearly", D(2025, 2, 1), (D(2024, 9, 1), D(2025, 8, 31))),
        ("yearly", D(2025, 8, 31), (D(2024, 9, 1), D(2025, 8, 31))),
        ("yearly", D(2025, 9, 1), (D(2025, 9, 1), D(2026, 8, 31))),
        ("yearly", D(2025, 12, 31), (D(2025, 9, 1), D(2026, 8, 31))),
        ("yearly", D(2024, 2, 29), (D(2023, 9, 1), D(2024, 8, 31))),
    ],
)
def test_the_period_of_a_day_at_the_boundaries(frequency, day, period):
    assert period_of(frequency, day) == period


@pytest.mark.parametrize(
    ("frequency", "start", "previous"),
    [
        ("monthly", D(2025, 1, 1), (D(2024, 12, 1), D(2024, 12, 31))),
        ("monthly", D(2024, 3, 1), (D(2024, 2, 1), D(2024, 2, 29))),
        ("monthly", D(2025, 3, 1), (D(2025, 2, 1), D(2025, 2, 28))),
        ("monthly", D(2025, 9, 1), (D(2025, 8, 1), D(2025, 8, 31))),
        ("quarterly", D(2025, 1, 1), (D(2024, 10, 1), D(2024, 12, 31))),
        ("quarterly", D(2025, 10, 1), (D(2025, 7, 1), D(2025, 9, 30))),
        ("semester", D(2025, 2, 1), (D(2024, 9, 1), D(2025, 1, 31))),
        ("semester", D(2025, 9, 1), (D(2025, 2, 1), D(2025, 8, 31))),
        ("semester", D(2024, 9, 1), (D(2024, 2, 1), D(2024, 8, 31))),
        ("yearly", D(2025, 9, 1), (D(2024, 9, 1), D(2025, 8, 31))),
    ],
)
def test_the_previous_period_ends_the_day_before_the_start(frequency, start, previous):
    assert previous_period(frequency, start) == previous
    assert previous[1] == start - datetime.timedelta(days=1)


@pytest.mark.parametrize(
    ("frequency", "today", "ended"),
    [
        ("monthly", D(2025, 1, 1), (D(2024, 12, 1), D(2024, 12, 31))),
        ("monthly", D(2025, 1, 31), (D(2024, 12, 1), D(2024, 12, 31))),  # January has not ended yet
        ("monthly", D(2025, 2, 1), (D(2025, 1, 1), D(2025, 1, 31))),
        ("monthly", D(2024, 3, 1), (D(2024, 2, 1), D(2024, 2, 29))),
        ("quarterly", D(2025, 1, 1), (D(2024, 10, 1), D(2024, 12, 31))),
        ("quarterly", D(2025, 3, 31), (D(2024, 10, 1), D(2024, 12, 31))),
        ("quarterly", D(2025, 4, 1), (D(2025, 1, 1), D(2025, 3, 31))),
        ("semester", D(2025, 1, 31), (D(2024, 2, 1), D(2024, 8, 31))),
        ("semester", D(2025, 2, 1), (D(2024, 9, 1), D(2025, 1, 31))),
        ("semester", D(2025, 8, 31), (D(2024, 9, 1), D(2025, 1, 31))),
        ("semester", D(2025, 9, 1), (D(2025, 2, 1), D(2025, 8, 31))),
        ("yearly", D(2025, 8, 31), (D(2023, 9, 1), D(2024, 8, 31))),
        ("yearly", D(2025, 9, 1), (D(2024, 9, 1), D(2025, 8, 31))),
        ("yearly", D(2025, 12, 31), (D(2024, 9, 1), D(2025, 8, 31))),
    ],
)
def test_the_last_ended_period_is_the_one_before_todays(frequency, today, ended):
    assert last_ended_period(frequency, today) == ended
    assert ended[1] < today


def test_recent_periods_are_the_current_one_and_those_before_newest_first():
    assert recent_periods("monthly", D(2025, 2, 15), 3) == [
        (D(2025, 2, 1), D(2025, 2, 28)),
        (D(2025, 1, 1), D(2025, 1, 31)),
        (D(2024, 12, 1), D(2024, 12, 31)),
    ]
    assert recent_periods("semester", D(2025, 3, 10), 3) == [
        (D(2025, 2, 1), D(2025, 8, 31)),
        (D(2024, 9, 1), D(2025, 1, 31)),
        (D(2024, 2, 1), D(2024, 8, 31)),
    ]
    assert recent_periods("yearly", D(2025, 9, 1), 2) == [
        (D(2025, 9, 1), D(2026, 8, 31)),
        (D(2024, 9, 1), D(2025, 8, 31)),
    ]
    assert recent_periods("quarterly", D(2025, 12, 31), 1) == [(D(2025, 10, 1), D(2025, 12, 31))]


def test_an_unknown_frequency_is_refused():
    with pytest.raises(ValueError, match="weekly"):
        period_of("weekly", D(2025, 1, 1))


@given(
    frequency=st.sampled_from(FREQUENCIES),
    day=st.dates(min_value=D(1901, 1, 1), max_value=D(2199, 12, 31)),
)
def test_every_day_lies_in_its_period_and_periods_follow_each_other_without_gaps(frequency, day):
    start, end = period_of(frequency, day)
    assert start <= day <= end
    assert period_of(frequency, start) == (start, end)
    assert period_of(frequency, end) == (start, end)
    previous_start, previous_end = previous_period(frequency, start)
    assert previous_end == start - datetime.timedelta(days=1)
    assert previous_start <= previous_end
    assert period_of(frequency, end + datetime.timedelta(days=1))[0] == end + datetime.timedelta(days=1)
    ended_start, ended_end = last_ended_period(frequency, day)
    assert ended_end < day and ended_end == start - datetime.timedelta(days=1)
    assert (ended_start, ended_end) == (previous_start, previous_end)
