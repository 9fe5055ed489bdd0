"""An event's date as a historian writes it: "c. 1930", "1920s", "June 1962 (uncertain)", "25 Oct (7 Nov) 1917". No Qt.

Every pane, tooltip, table cell and export writes event dates through :func:`date_words`, from
the store's columns: ``date_text`` (EDTF, ISO 8601-2 level 1) when the store has it, else
``start``/``end`` with ``certainty``, and ``calendar`` for Old Style. The words themselves
(month names, "c. {date}", "after {date}", ...) live in one :class:`DateWords` table, English
by default, so the window can pass one its translation gives (``gui/translated_dates.py``).

The store's rules have already checked the EDTF text; what this module cannot read (level-2
forms, seasons past 24, years past 9999) is written from ``start``/``end`` instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline_app.model.old_style import gregorian_to_julian


@dataclass(frozen=True)
class DateWords:
    """The words and patterns dates are written with, in one place for a translator.

    ``months`` stand alone ("June 1962"); ``months_of_day`` follow a day number ("2 June 1962",
    in Russian the genitive); ``month_abbrs`` are for the paired Old Style form. Patterns use
    ``str.format`` fields: ``{day}``, ``{month}``, ``{year}``, ``{date}``, ``{first}``,
    ``{last}``, ``{old}``, ``{new}``, ``{decade}``, ``{season}``.
    """

    months: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                               "September", "October", "November", "December")
    months_of_day: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December")
    month_abbrs: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                    "Dec")
    seasons: tuple[str, ...] = ("spring", "summer", "autumn", "winter")  # EDTF months 21-24
    day: str = "{day} {month} {year}"
    day_in_year: str = "{day} {month}"  # a day whose year is written once, after the range
    month: str = "{month} {year}"
    season: str = "{season} {year}"
    decade: str = "{decade}s"
    range_tight: str = "{first}–{last}"  # between single words: 1929–1933, 1–3 June
    range_spaced: str = "{first} – {last}"  # between words with spaces: 30 June – 2 July 1962
    circa: str = "c. {date}"
    uncertain: str = "{date} (uncertain)"
    circa_uncertain: str = "c. {date} (uncertain)"
    after: str = "after {date}"
    before: str = "before {date}"
    end_unknown: str = "from {date} (end unknown)"
    start_unknown: str = "until {date} (start unknown)"
    old_style: str = "{old} ({new}) {year}"  # Old Style day(s), New Style in brackets, one year
    old_style_month: str = "{old} ({new}) {month} {year}"  # both calendars' days in one month: 12 (25) Oct 1917
    old_style_years: str = "{old} ({new})"  # the two calendars' days fall in different years


ENGLISH = DateWords()

# One EDTF date (no interval): a year with unspecified digits, then month or season, then day.
_PART = re.compile(r"([0-9]{4}|[0-9]{3}X|[0-9]{2}XX|[0-9]XXX)(?:-([0-9]{2}|XX)(?:-([0-9]{2}|XX))?)?")
_QUALIFIERS = re.compile(r"[~?%]")


@dataclass(frozen=True)
class _Part:
    """One end of a date: known to the day, month, season or year, or a run of years (``192X``)."""

    year: int
    month: int | None = None  # 1-12
    day: int | None = None
    season: int | None = None  # 1-4
    last_year: int | None = None  # set for unspecified digits: 1920..1929
    approximate: bool = False
    uncertain: bool = False

    @property
    def plain(self) -> bool:
        """A calendar day, month or year with no qualifier: its words can share a year with another's."""
        return not (self.approximate or self.uncertain or self.season or self.last_year is not None)


_OPEN, _UNKNOWN = "open", "unknown"


def _read_part(text: str) -> _Part | str | None:
    """``text`` as a :class:`_Part`, ``"open"`` for ``..``, ``"unknown"`` for an empty end, None if unreadable."""
    if text == "..":
        return _OPEN
    if text == "":
        return _UNKNOWN
    approximate = "~" in text or "%" in text
    uncertain = "?" in text or "%" in text
    match = _PART.fullmatch(_QUALIFIERS.sub("", text))
    if match is None:
        return None
    year_text, month_text, day_text = match.groups()
    low = int(year_text.replace("X", "0"))
    if "X" in year_text:
        if month_text not in (None, "XX") or low < 1:
            return None  # a month of an unknown year: not level 1, written from start/end
        return _Part(low, last_year=int(year_text.replace("X", "9")), approximate=approximate, uncertain=uncertain)
    if low < 1:
        return None
    month = None if month_text in (None, "XX") else int(month_text)
    day = None if day_text in (None, "XX") else int(day_text)
    if month is not None and 21 <= month <= 24 and day is None:
        return _Part(low, season=month - 20, approximate=approximate, uncertain=uncertain)
    if (month is None and day is not None) or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None:
        try:
            date(low, month or 1, day)
        except ValueError:
            return None
    return _Part(low, month, day, approximate=approximate, uncertain=uncertain)


def _iso_part(text: str) -> _Part | None:
    found = _read_part(text)
    return found if isinstance(found, _Part) and found.plain else None


def _bare(part: _Part, words: DateWords, year: bool = True) -> str:
    """The words of ``part`` without its qualifiers; ``year=False`` leaves out the year of a day or month."""
    if part.last_year is not None:
        if part.last_year - part.year == 9:
            return words.decade.format(decade=part.year)
        return words.range_tight.format(first=part.year, last=part.last_year)
    if part.season is not None:
        return words.season.format(season=words.seasons[part.season - 1], year=part.year)
    if part.month is None:
        return str(part.year)
    if part.day is None:
        return words.month.format(month=words.months[part.month - 1], year=part.year) if year else \
            words.months[part.month - 1]
    pattern = words.day if year else words.day_in_year
    return pattern.format(day=part.day, month=words.months_of_day[part.month - 1], year=part.year)


def _qualified(text: str, part: _Part, words: DateWords) -> str:
    if part.approximate and part.uncertain:
        return words.circa_uncertain.format(date=text)
    if part.approximate:
        return words.circa.format(date=text)
    if part.uncertain:
        return words.uncertain.format(date=text)
    return text


def _joined(first: str, last: str, words: DateWords) -> str:
    pattern = words.range_tight if " " not in first and " " not in last else words.range_spaced
    return pattern.format(first=first, last=last)


def _range_words(a: _Part, b: _Part, words: DateWords) -> str:
    """Two ends, with what they share written once: "1–3 June 1962", "June–August 1962", "1929–1933"."""
    if a == b:
        return _qualified(_bare(a, words), a, words)
    # Only ends of one precision share their year: "1 June 1962 – June 1962" stays whole.
    if not (a.plain and b.plain) or a.year != b.year or a.month is None or b.month is None \
            or (a.day is None) != (b.day is None):
        return _joined(_qualified(_bare(a, words), a, words), _qualified(_bare(b, words), b, words), words)
    if a.day is None and b.day is None:
        span = words.range_tight.format(first=words.months[a.month - 1], last=words.months[b.month - 1])
        return words.month.format(month=span, year=a.year)
    if a.month == b.month:
        span = words.range_tight.format(first=a.day, last=b.day)
        return words.day.format(day=span, month=words.months_of_day[a.month - 1], year=a.year)
    return words.range_spaced.format(first=_bare(a, words, year=False), last=_bare(b, words))


def _old_style(a: date, b: date, words: DateWords) -> str:
    """Days ``a``..``b`` (Gregorian) Old Style, with New Style in brackets: "25 Oct (7 Nov) 1917"."""
    old_a, old_b = gregorian_to_julian(a), gregorian_to_julian(b)
    years = {old_a.year, old_b.year, a.year, b.year}

    def span(first: tuple[int, int, int], last: tuple[int, int, int], with_year: bool) -> str:
        def one(day: tuple[int, int, int]) -> str:
            pattern = words.day if with_year else words.day_in_year
            return pattern.format(day=day[2], month=words.month_abbrs[day[1] - 1], year=day[0])
        if first == last:
            return one(first)
        if first[:2] == last[:2]:
            days = words.range_tight.format(first=first[2], last=last[2])
            pattern = words.day if with_year else words.day_in_year
            return pattern.format(day=days, month=words.month_abbrs[first[1] - 1], year=first[0])
        return words.range_spaced.format(first=one(first), last=one(last))

    new_a, new_b = (a.year, a.month, a.day), (b.year, b.month, b.day)
    if len(years) == 1 and old_a.month == old_b.month == a.month == b.month:
        def days(first: int, last: int) -> str:
            return str(first) if first == last else words.range_tight.format(first=first, last=last)
        return words.old_style_month.format(old=days(old_a.day, old_b.day), new=days(a.day, b.day),
                                            month=words.month_abbrs[a.month - 1], year=a.year)
    if len(years) == 1:
        return words.old_style.format(old=span(old_a, old_b, False), new=span(new_a, new_b, False),
                                      year=a.year)
    return words.old_style_years.format(old=span(old_a, old_b, True), new=span(new_a, new_b, True))


def _words(parts: list[_Part | str], julian: bool, words: DateWords) -> str:
    if len(parts) == 1:
        (only,) = parts
        assert isinstance(only, _Part)
        if julian and only.day is not None:
            day = date(only.year, only.month or 1, only.day)
            return _qualified(_old_style(day, day, words), only, words)
        return _qualified(_bare(only, words), only, words)
    a, b = parts
    if isinstance(a, _Part) and isinstance(b, _Part):
        if julian and a.day is not None and b.day is not None and a.plain and b.plain:
            return _old_style(date(a.year, a.month or 1, a.day), date(b.year, b.month or 1, b.day), words)
        return _range_words(a, b, words)
    if isinstance(b, _Part):
        pattern = words.before if a == _OPEN else words.start_unknown
        return pattern.format(date=_qualified(_bare(b, words), b, words))
    if isinstance(a, _Part):
        pattern = words.after if b == _OPEN else words.end_unknown
        return pattern.format(date=_qualified(_bare(a, words), a, words))
    return ""


@lru_cache(maxsize=65536)
def date_words(start: str, end: str = "", certainty: str = "", date_text: str = "", calendar: str = "gregorian",
               words: DateWords = ENGLISH) -> str:
    """The date of an event as a historian writes it, from the store's columns.

    ``date_text`` (EDTF) decides when given: ``1930~`` is "c. 1930", ``192X`` "1920s",
    ``1962-06?`` "June 1962 (uncertain)", ``1962-06%`` "c. June 1962 (uncertain)", ``1929/1933``
    "1929–1933", ``1985/..`` "after 1985", ``../1917`` "before 1917". Without it (a version-1
    store) the dates are ``start``/``end``, and an ``approximate`` certainty writes "c.". A
    ``julian`` calendar writes days Old Style with the New Style in brackets: "25 Oct (7 Nov) 1917".
    Text that is not a date is given back as it is: a view must not fail on a row the
    background check has not reached yet.
    """
    text = date_text if isinstance(date_text, str) else ""
    pieces = text.split("/") if text else []
    read = [_read_part(p) for p in pieces[:2]]
    # One date, or two ends of which at least one is a date; anything else is written from start/end.
    if len(pieces) <= 2 and None not in read and any(isinstance(r, _Part) for r in read):
        return _words([r for r in read if r is not None], calendar == "julian", words)
    first = _iso_part(start) if isinstance(start, str) else None
    last = _iso_part(end) if isinstance(end, str) and end else first
    if first is None or last is None:
        return " – ".join(str(v) for v in (start, end) if v)
    written = _words([first] if first == last else [first, last], calendar == "julian", words)
    return words.circa.format(date=written) if certainty == "approximate" and not text else written


__all__ = ["ENGLISH", "DateWords", "date_words"]
