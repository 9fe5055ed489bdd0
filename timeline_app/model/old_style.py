"""Old Style (Julian) and New Style (Gregorian) days, computed through the Julian day number. No Qt.

Russia kept the Julian calendar until 31 January 1918; the next day was 14 February 1918
(Gregorian). Sources on the revolution date events Old Style: the October Revolution is
25 October 1917 Old Style, 7 November New Style. The store keeps the Gregorian day; these
functions give the Julian day beside it, for any year, by arithmetic rather than a table.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

# A Gregorian date's ordinal (date.toordinal) plus this is its Julian day number.
_ORDINAL_TO_JDN = 1_721_425
#: The first day of the Gregorian calendar in Soviet Russia (the day after 31 January 1918 Old Style).
SOVIET_SWITCH = date(1918, 2, 14)


class JulianDay(NamedTuple):
    """A day of the Julian calendar. Not a ``datetime.date``: 29 February 1900 is a Julian day and no Gregorian one."""

    year: int
    month: int
    day: int


def is_julian_leap(year: int) -> bool:
    """Every fourth year is a leap year in the Julian calendar, century years included."""
    return year % 4 == 0


def julian_month_length(year: int, month: int) -> int:
    """Days in ``month`` of ``year`` by the Julian calendar."""
    if month == 2:
        return 29 if is_julian_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def julian_to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day that is ``day`` ``month`` ``year`` Old Style; raise ValueError for no such Julian day."""
    if not 1 <= month <= 12 or not 1 <= day <= julian_month_length(year, month) or year < 1:
        raise ValueError(f"{day}.{month}.{year} is not a day of the Julian calendar")
    # The month count starts in March, so a leap day ends the counted year.
    shift = (14 - month) // 12
    y = year + 4800 - shift
    m = month + 12 * shift - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return date.fromordinal(jdn - _ORDINAL_TO_JDN)


def gregorian_to_julian(day: date) -> JulianDay:
    """The Julian (Old Style) day that is the Gregorian ``day``."""
    c = day.toordinal() + _ORDINAL_TO_JDN + 32082
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    return JulianDay(d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1)


__all__ = ["SOVIET_SWITCH", "JulianDay", "gregorian_to_julian", "is_julian_leap",
           "julian_month_length", "julian_to_gregorian"]
