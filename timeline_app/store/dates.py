"""Dates cut to the precision known: ``1962``, ``1962-06`` or ``1962-06-02``.

The timeline draws on a continuous axis of decimal years, so each date maps to
the interval it stands for: ``1962-06`` covers 1962.41 to 1962.49. An event
known only to the month is drawn across that whole interval, which is how its
uncertainty stays visible.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

# ASCII digits only, and nothing around them: the same text must mean the same date to
# Python, to SQLite and to anyone who sorts the column as text.
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
DATE_HINT = "is not a date like 1962, 1962-06 or 1962-06-02"

# Every date parse_date reads and no other, as one regular expression: a million dates joined
# in one text are checked in one call (tests compare the two on every day of sample years).
_LEAP = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[048]|[2468][048]|[13579][26])00)"
_MONTH = "(?:0[1-9]|1[0-2])"
READABLE_DATE = (f"(?!0000)(?:[0-9]{{4}}(?:-{_MONTH}|-{_MONTH}-(?:0[1-9]|1[0-9]|2[0-8])|-(?:0[13-9]|1[0-2])-(?:29|30)"
                 f"|-(?:0[13578]|1[02])-31)?|{_LEAP}-02-29)")


class DateError(ValueError):
    """A date string is not ISO 8601 cut to year, month or day."""


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def first_day(self) -> date:
        """The earliest day this date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest day this date can mean."""
        if self.day is not None:
            return date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """The date as written in the store."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def parse_date(text: str) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise :class:`DateError` otherwise.

    This is the one date rule of the app: build, import, opening a store, ``check`` and
    every view read dates through it (SQL checks call it too, see :mod:`.rules`).
    """
    match = _PATTERN.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise DateError(f"{text!r} {DATE_HINT}")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if year < 1:
        raise DateError(f"{text!r} has year 0000, which the calendar does not have")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{text!r} has no month {month}")
    if month is not None and day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(f"{text!r} is not a day of the calendar")
    return PartialDate(year, month, day)


def decimal_year(day: date) -> float:
    """The start of ``day`` as a decimal year: 1962-07-02 is about 1962.5."""
    length = 366 if calendar.isleap(day.year) else 365
    return day.year + (day.timetuple().tm_yday - 1) / length


def date_span(start: str, end: str | None = "") -> tuple[float, float]:
    """The decimal-year interval an event covers, from its first possible day to the end of its last.

    Raise :class:`DateError` if either date is malformed or ``end`` is before ``start``.
    """
    first = parse_date(start)
    last = parse_date(end) if end else first
    if last.last_day() < first.first_day():
        raise DateError(f"end {end!r} is before start {start!r}")
    return decimal_year(first.first_day()), decimal_year(last.last_day()) + _one_day(last.last_day())


def _one_day(day: date) -> float:
    return 1 / (366 if calendar.isleap(day.year) else 365)


def format_span(start: str, end: str | None = "") -> str:
    """A date or range as a person reads it: ``2 June 1962``, ``1930 – 1939``."""
    text = format_date(start)
    return f"{text} – {format_date(end)}" if end else text


def format_date(text: str) -> str:
    """``1962-06-02`` as ``2 June 1962``, ``1962-06`` as ``June 1962``; ``1962`` as is.

    Text that is not a date is shown as it is, never raised: a view must not fail on
    a row the background check has not reached yet.
    """
    try:
        value = parse_date(text)
    except DateError:
        return str(text)
    if value.month is None:
        return str(value.year)
    month = calendar.month_name[value.month]
    return f"{value.day} {month} {value.year}" if value.day else f"{month} {value.year}"


# EDTF (ISO 8601-2, level 1) as the edtf package reads it, in ASCII and with nothing around it.
_EDTF_CHARS = re.compile(r"[0-9X?~%/.\-]+")
# Months 21-24 are EDTF's seasons (1962-21 is spring 1962): those are left to the grammar.
_PLAIN_INTERVAL = re.compile(r"([0-9]{4}(?:-[01][0-9](?:-[0-9]{2})?)?)(?:/([0-9]{4}(?:-[01][0-9](?:-[0-9]{2})?)?))?")
EDTF_HINT = "is not a date in EDTF like 1962-06-02, 1962-06?, 1930~, 192X or 1929/1933"


def edtf_bounds(text: object) -> tuple[date | None, date | None]:
    """The first and last day an EDTF date such as ``1962-06?``, ``192X`` or ``1929/1933`` covers.

    ``None`` stands for an open end (``1985/..``, ``../1917``). Raise :class:`DateError` for text
    that is not EDTF level 1, has year 0000, or ends before it starts.
    """
    if not isinstance(text, str):  # checked before the cache, which cannot hold a list or a table
        raise DateError(f"{text!r} {EDTF_HINT}")
    return _edtf_bounds(text)


@lru_cache(maxsize=4096)
def _edtf_bounds(text: str) -> tuple[date | None, date | None]:
    plain = _PLAIN_INTERVAL.fullmatch(text)
    if plain:  # the ISO form every event has: no need for the (slow) EDTF grammar
        low_day = parse_date(plain.group(1)).first_day()
        high_day = parse_date(plain.group(2) or plain.group(1)).last_day()
        if high_day < low_day:
            raise DateError(f"{text!r} ends before it starts")
        return low_day, high_day
    from edtf import parse_edtf  # imported here: only stores with historians' dates need it

    if not _EDTF_CHARS.fullmatch(text):
        raise DateError(f"{text!r} {EDTF_HINT}")
    try:
        parsed = parse_edtf(text)
        low, high = parsed.lower_strict(), parsed.upper_strict()
    except Exception:  # the parser raises several kinds for text it cannot read
        raise DateError(f"{text!r} {EDTF_HINT}") from None
    first, last = _struct_day(low, text), _struct_day(high, text)
    if first is not None and last is not None and last < first:
        raise DateError(f"{text!r} ends before it starts")
    return first, last


def _struct_day(value, text: str) -> date | None:
    if isinstance(value, float):  # the parser's infinity for an open end
        return None
    if value.tm_year < 1:
        raise DateError(f"{text!r} has year 0000, which the calendar does not have")
    try:
        return date(value.tm_year, value.tm_mon, value.tm_mday)
    except ValueError:  # the grammar allows 29 February in any year
        raise DateError(f"{text!r} is not a day of the calendar") from None
