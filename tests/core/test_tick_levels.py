"""The time axis: which ticks each zoom gets, what they read, and the day each decimal year falls on."""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.model.time_ticks import from_decimal, tick_label, tick_levels
from timeline_app.store.dates import decimal_year


def _years(low: float, high: float, step: int) -> list[float]:
    return [float(y) for y in range(math.ceil(low), math.floor(high) + 1) if y % step == 0]


def _months(low: float, high: float, months: tuple[int, ...]) -> list[float]:
    found = []
    for year in range(math.floor(low) - 1, math.floor(high) + 2):
        for month in months:
            value = decimal_year(date(year, month, 1))
            if low <= value <= high:
                found.append(value)
    return found


def _days(low: float, high: float, keep) -> list[float]:
    found, day = [], date(math.floor(low), 1, 1)
    while decimal_year(day) <= high and len(found) < 400:
        if decimal_year(day) >= low and keep(day):
            found.append(decimal_year(day))
        day += timedelta(days=1)
    return found


ALL_MONTHS = tuple(range(1, 13))
QUARTERS = (1, 4, 7, 10)


# (pixels per year, [(spacing, unit, what the ticks are)]) at and around every change of level.
LEVELS = [
    (1.0, [(50, "year", ("years", 50)), (10, "year", None)]),
    (2.39, [(50, "year", ("years", 50)), (10, "year", None)]),
    (2.4, [(25, "year", ("years", 25)), (5, "year", None)]),
    (5.99, [(25, "year", ("years", 25)), (5, "year", None)]),
    (6.0, [(10, "year", ("years", 10)), (1, "year", ("years", 1))]),
    (6.5, [(10, "year", ("years", 10)), (1, "year", ("years", 1))]),
    (44.9, [(10, "year", ("years", 10)), (1, "year", ("years", 1))]),
    (45.0, [(1, "year", ("years", 1)), (1 / 12, "month-short", ("months", QUARTERS))]),
    (399.0, [(1, "year", ("years", 1)), (1 / 12, "month-short", ("months", QUARTERS))]),
    (400.0, [(1, "year", ("years", 1)), (1 / 12, "month-short", ("months", ALL_MONTHS))]),
    (899.0, [(1, "year", ("years", 1)), (1 / 12, "month-short", ("months", ALL_MONTHS))]),
    (900.0, [(1 / 12, "month", ("months", ALL_MONTHS))]),
    (5999.0, [(1 / 12, "month", ("months", ALL_MONTHS))]),
    (6000.0, [(1 / 365, "day", ("days", 7))]),
    (25549.0, [(1 / 365, "day", ("days", 7))]),
    (25550.0, [(1 / 365, "day", ("days", 1))]),
]


def _expected(low: float, high: float, what) -> list[float]:
    if what is None:
        return []
    kind, arg = what
    if kind == "years":
        return _years(low, high, arg)
    if kind == "months":
        return _months(low, high, arg)
    if arg == 1:
        return _days(low, high, lambda d: True)
    return _days(low, high, lambda d: (d.day - 1) % arg == 0 and d.day < 29)


@pytest.mark.parametrize(("per_year", "levels"), LEVELS)
@pytest.mark.parametrize(("low", "span"), [(1900.0, 1.0), (1961.25, 4.0), (1917.0, 80.0)])
def test_each_zoom_gets_its_own_ticks(per_year: float, levels, low: float, span: float) -> None:
    if per_year * span > 2_000_000:
        return
    high = low + span
    found = tick_levels(low, high, per_year * span)
    assert [(level.spacing, level.unit) for level in found] == [(s, u) for s, u, _ in levels]
    for level, (_s, unit, what) in zip(found, levels, strict=True):
        expected = _expected(low, high, what)
        if unit == "month-short":  # minor month ticks leave out the new year, a major tick
            expected = [v for v in expected if v != int(v)]
        assert level.values == pytest.approx(expected), (per_year, unit)


def test_past_four_hundred_days_the_day_ticks_stop() -> None:
    level = tick_levels(1960.0, 1962.0, 2 * 30_000)[0]
    assert level.unit == "day" and len(level.values) == 400
    assert level.values[0] == 1960.0 and level.values[-1] == decimal_year(date(1961, 2, 3))  # 1960 is a leap year


def test_day_ticks_begin_at_the_first_day_in_view() -> None:
    low = decimal_year(date(1962, 6, 2)) + 0.0001
    values = tick_levels(low, low + 0.02, 0.02 * 30_000)[0].values
    assert [from_decimal(v) for v in values[:2]] == [date(1962, 6, 3), date(1962, 6, 4)]
    assert tick_levels(0.5, 1.01, 0.51 * 30_000)[0].values[0] == 1.0  # the calendar starts in year 1


def test_weekly_day_ticks_skip_the_short_last_week() -> None:
    values = tick_levels(1962.0, 1962.2, 0.2 * 7000)[0].values
    days = [from_decimal(v) for v in values]
    assert [d.day for d in days if d.month == 1] == [1, 8, 15, 22]
    assert [d.day for d in days if d.month == 2] == [1, 8, 15, 22]


def test_an_empty_span_does_not_divide_by_zero() -> None:
    levels = tick_levels(1962.0, 1962.0, 800)
    assert levels[0].unit == "day" and levels[0].values == [1962.0]


@settings(max_examples=80, deadline=None)
@given(st.integers(1800, 2050), st.floats(0.01, 300.0), st.floats(200.0, 3000.0))
def test_ticks_lie_in_view_in_order_and_major_labels_fit(low: int, span: float, pixels: float) -> None:
    levels = tick_levels(float(low), low + span, pixels)
    major = levels[0]
    for level in levels:
        assert level.values == sorted(set(level.values))
        assert all(low <= v <= low + span for v in level.values)
    if levels[-1].unit == "month-short":  # month ticks leave the new year to the year tick
        assert not set(levels[1].values) & set(major.values)
    xs = [(v - low) / span * pixels for v in major.values]
    widths = [len(tick_label(v, major.unit)) * 7 for v in major.values]
    for k in range(len(xs) - 1):
        assert xs[k + 1] - xs[k] >= (widths[k] + widths[k + 1]) / 2


# -- labels ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("day", "unit", "label"), [
    (date(1962, 1, 1), "year", "1962"),
    (date(1962, 6, 1), "month-short", "Jun"),
    (date(1962, 12, 1), "month-short", "Dec"),
    (date(1962, 6, 1), "month", "Jun 1962"),
    (date(1962, 1, 1), "month", "Jan 1962"),
    (date(1962, 6, 2), "day", "2 Jun"),
    (date(1962, 6, 1), "day", "1 Jun 1962"),
    (date(1962, 12, 31), "day", "31 Dec"),
    (date(1964, 2, 29), "day", "29 Feb"),
    (date(1964, 3, 1), "day", "1 Mar 1964"),
    (date(1963, 3, 1), "day", "1 Mar 1963"),
    (date(1962, 1, 1), "day", "1 Jan 1962"),
])
def test_labels_read_as_dates_at_month_ends_and_leap_days(day: date, unit: str, label: str) -> None:
    assert tick_label(decimal_year(day), unit) == label


def test_year_labels_round_to_the_nearest_year() -> None:
    assert tick_label(1961.9999999, "year") == "1962"
    assert tick_label(1962.4, "year") == "1962"


# -- decimal years to days --------------------------------------------------------------------------

@settings(max_examples=100, deadline=None)
@given(st.dates(date(1, 1, 1), date(9998, 12, 31)))
def test_every_day_comes_back_from_its_decimal_year(day: date) -> None:
    assert from_decimal(decimal_year(day)) == day


@pytest.mark.parametrize("year", [1962, 1964, 1900, 2000])
def test_the_last_day_of_each_month_comes_back(year: int) -> None:
    for month in range(1, 13):
        last = date(year, month, calendar.monthrange(year, month)[1])
        assert from_decimal(decimal_year(last)) == last


@pytest.mark.parametrize(("value", "day"), [
    (1962.0, date(1962, 1, 1)),
    (1962.99999, date(1962, 12, 31)),  # rounds up to the next year's first day: stays in its own year
    (1964 + 59 / 366, date(1964, 2, 29)),
    (1963 + 59 / 365, date(1963, 3, 1)),
    (1962 + 0.4 / 365, date(1962, 1, 1)),
    (1962 + 0.6 / 365, date(1962, 1, 2)),
    (1.0, date(1, 1, 1)),
    (0.5, date(1, 1, 1)),
    (-40.0, date(1, 1, 1)),
    (9998.5, date(9998, 7, 2)),
    (9999.5, date(9998, 12, 31)),
    (12000.0, date(9998, 12, 31)),
])
def test_a_decimal_year_falls_on_a_day_even_at_the_calendars_edges(value: float, day: date) -> None:
    assert from_decimal(value) == day
