"""The words event dates are written with in the window, through Qt's translation (context "DateWords").

The core writes dates from a :class:`~timeline_app.model.date_words.DateWords` table; this module
fills one from the installed translation, one literal string per call so ``pyside6-lupdate``
finds every month name and pattern. Without a translation the table is the English one.
"""

from __future__ import annotations

from dataclasses import fields, replace
from functools import cache

from PySide6.QtCore import QCoreApplication

from timeline_app.model.date_words import ENGLISH, DateWords

_SAMPLE = {"day": 2, "month": "June", "year": 1962, "date": "1962", "first": "1929", "last": "1933", "old": "25 Oct",
           "new": "7 Nov", "decade": 1920, "season": "spring"}


@cache
def window_date_words() -> DateWords:
    """The window's date words (made once; call ``window_date_words.cache_clear()`` after changing language)."""
    t = QCoreApplication.translate
    words = DateWords(
        months=(t("DateWords", "January"), t("DateWords", "February"), t("DateWords", "March"),
                t("DateWords", "April"), t("DateWords", "May"), t("DateWords", "June"), t("DateWords", "July"),
                t("DateWords", "August"), t("DateWords", "September"), t("DateWords", "October"),
                t("DateWords", "November"), t("DateWords", "December")),
        months_of_day=(t("DateWords", "January", "after a day: 2 January"), t("DateWords", "February", "after a day"),
                       t("DateWords", "March", "after a day"), t("DateWords", "April", "after a day"),
                       t("DateWords", "May", "after a day"), t("DateWords", "June", "after a day"),
                       t("DateWords", "July", "after a day"), t("DateWords", "August", "after a day"),
                       t("DateWords", "September", "after a day"), t("DateWords", "October", "after a day"),
                       t("DateWords", "November", "after a day"), t("DateWords", "December", "after a day")),
        month_abbrs=(t("DateWords", "Jan"), t("DateWords", "Feb"), t("DateWords", "Mar"), t("DateWords", "Apr"),
                     t("DateWords", "May", "abbreviated month"), t("DateWords", "Jun"), t("DateWords", "Jul"),
                     t("DateWords", "Aug"), t("DateWords", "Sep"), t("DateWords", "Oct"), t("DateWords", "Nov"),
                     t("DateWords", "Dec")),
        seasons=(t("DateWords", "spring"), t("DateWords", "summer"), t("DateWords", "autumn"),
                 t("DateWords", "winter")),
        day=t("DateWords", "{day} {month} {year}", "a day: 2 June 1962"),
        day_in_year=t("DateWords", "{day} {month}", "a day whose year follows later: 30 June (– 2 July 1962)"),
        month=t("DateWords", "{month} {year}", "a month: June 1962"),
        season=t("DateWords", "{season} {year}", "a season: spring 1962"),
        decade=t("DateWords", "{decade}s", "a decade: 1920s"),
        range_tight=t("DateWords", "{first}–{last}", "a range between single words: 1929–1933"),
        range_spaced=t("DateWords", "{first} – {last}", "a range between words with spaces: 30 June – 2 July 1962"),
        circa=t("DateWords", "c. {date}", "an approximate date: c. 1930"),
        uncertain=t("DateWords", "{date} (uncertain)", "an uncertain date: June 1962 (uncertain)"),
        circa_uncertain=t("DateWords", "c. {date} (uncertain)", "approximate and uncertain"),
        after=t("DateWords", "after {date}", "an open end: after 1985"),
        before=t("DateWords", "before {date}", "an open start: before 1917"),
        end_unknown=t("DateWords", "from {date} (end unknown)"),
        start_unknown=t("DateWords", "until {date} (start unknown)"),
        old_style=t("DateWords", "{old} ({new}) {year}", "Old Style, New Style in brackets: 25 Oct (7 Nov) 1917"),
        old_style_month=t("DateWords", "{old} ({new}) {month} {year}", "both in one month: 12 (25) Oct 1917"),
        old_style_years=t("DateWords", "{old} ({new})", "across a year: 23 Dec 1917 (5 Jan 1918)"),
    )
    return _usable(words)


def _usable(words: DateWords) -> DateWords:
    """``words`` with any pattern a translation broke (an unknown ``{field}``) put back to English."""
    broken = {}
    for item in fields(DateWords):
        value = getattr(words, item.name)
        if isinstance(value, str):
            try:
                value.format(**_SAMPLE)
            except (KeyError, IndexError, ValueError):
                broken[item.name] = getattr(ENGLISH, item.name)
    return replace(words, **broken) if broken else words
