"""Old Style (Julian) and New Style (Gregorian) days, as the sources on 1917 write them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline_app.model.old_style import (
    SOVIET_SWITCH,
    JulianDay,
    gregorian_to_julian,
    is_julian_leap,
    julian_month_length,
    julian_to_gregorian,
)

KNOWN_PAIRS = [
    (JulianDay(1917, 10, 25), date(1917, 11, 7)),  # the October Revolution
    (JulianDay(1917, 2, 23), date(1917, 3, 8)),  # the February Revolution begins
    (JulianDay(1918, 2, 1), date(1918, 2, 14)),  # the first day of the new calendar, had it not switched
    (JulianDay(1918, 1, 31), date(1918, 2, 13)),
    (JulianDay(1582, 10, 4), date(1582, 10, 14)),  # Julian 4 October 1582 was followed by Gregorian 15 October
    (JulianDay(1582, 10, 5), date(1582, 10, 15)),
    (JulianDay(1700, 2, 18), date(1700, 2, 28)),  # ten days apart up to the Julian leap day of 1700
    (JulianDay(1700, 2, 19), date(1700, 3, 1)),
    (JulianDay(1700, 2, 29), date(1700, 3, 11)),  # then eleven
    (JulianDay(1900, 2, 29), date(1900, 3, 13)),  # a Julian-only leap day: thirteen from here on
    (JulianDay(1899, 12, 31), date(1900, 1, 12)),
    (JulianDay(2000, 2, 29), date(2000, 3, 13)),
    (JulianDay(1, 1, 3), date(1, 1, 1)),
]


@pytest.mark.parametrize(("old", "new"), KNOWN_PAIRS)
def test_known_pairs_convert_both_ways(old: JulianDay, new: date) -> None:
    assert julian_to_gregorian(*old) == new
    assert gregorian_to_julian(new) == old


def test_the_soviet_switch_31_january_old_style_is_followed_by_14_february_new_style() -> None:
    last_old = julian_to_gregorian(1918, 1, 31)
    assert last_old + timedelta(days=1) == SOVIET_SWITCH == date(1918, 2, 14)
    assert gregorian_to_julian(SOVIET_SWITCH) == (1918, 2, 1)


def test_the_calendars_drift_thirteen_days_apart_in_the_twentieth_century() -> None:
    for day in (date(1900, 3, 14), date(1917, 11, 7), date(1991, 12, 25), date(2099, 12, 31)):
        old = gregorian_to_julian(day)
        assert day - date(*old) == timedelta(days=13)


@given(st.dates(min_value=date(1, 1, 3), max_value=date(9999, 12, 31)))
def test_every_gregorian_day_comes_back_from_its_julian_day(day: date) -> None:
    old = gregorian_to_julian(day)
    assert 1 <= old.day <= julian_month_length(old.year, old.month)
    assert julian_to_gregorian(*old) == day


@given(st.dates(min_value=date(2, 1, 1), max_value=date(9999, 12, 30)))
def test_consecutive_days_stay_consecutive(day: date) -> None:
    old, next_old = gregorian_to_julian(day), gregorian_to_julian(day + timedelta(days=1))
    if old.day < julian_month_length(old.year, old.month):
        assert next_old == (old.year, old.month, old.day + 1)
    elif old.month < 12:
        assert next_old == (old.year, old.month + 1, 1)
    else:
        assert next_old == (old.year + 1, 1, 1)


def test_julian_leap_years_include_every_century() -> None:
    assert [is_julian_leap(y) for y in (1700, 1800, 1900, 1917, 1916, 2000)] == [True, True, True, False, True, True]
    assert [julian_month_length(1900, m) for m in range(1, 13)] == [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    assert julian_month_length(1917, 2) == 28


@pytest.mark.parametrize("day", [(1917, 2, 29), (1917, 4, 31), (1917, 13, 1), (1917, 0, 1), (1917, 1, 0), (0, 1, 1)])
def test_a_day_the_julian_calendar_lacks_is_refused(day: tuple[int, int, int]) -> None:
    with pytest.raises(ValueError, match="Julian calendar"):
        julian_to_gregorian(*day)
