"""Numbers and dates written the way the interface's language writes them.

Numbers go through Qt's default locale, which :func:`~timeline_app.gui.translation.use_language`
sets: "12,345" in English, "12 345" in Russian. Dates arrive from the core already in words
("2 June 1962", "June 1962", "1930 – 1939"); their month names are swapped for the translated
ones, in Russian the genitive after a day ("2 июня 1962") and the nominative alone ("июнь 1962").
When the core's date words (``model/date_words.py``) take a word table, the translated table can be
made from the same strings here.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLocale

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTHS_BY_LOCALE: dict[str, tuple[list[str], list[str]] | None] = {}
_MONTH_WORD = re.compile(r"(\b\d{1,2}\s)?\b(" + "|".join(MONTHS) + r")\b")


def number(value: int | float) -> str:
    """``value`` with the interface's digit grouping."""
    return QLocale().toString(value)


def month_names() -> tuple[list[str], list[str]]:
    """The months in the interface's language: standing alone ("June 1962"), and after a day number
    ("2 June 1962", in Russian the genitive). Written out one by one so that lupdate reads them."""
    translate = QCoreApplication.translate
    alone = [
        translate("dates", "January"),
        translate("dates", "February"),
        translate("dates", "March"),
        translate("dates", "April"),
        translate("dates", "May"),
        translate("dates", "June"),
        translate("dates", "July"),
        translate("dates", "August"),
        translate("dates", "September"),
        translate("dates", "October"),
        translate("dates", "November"),
        translate("dates", "December"),
    ]
    of_day = [
        translate("dates", "January", "after a day number: 2 June 1962"),
        translate("dates", "February", "after a day number: 2 June 1962"),
        translate("dates", "March", "after a day number: 2 June 1962"),
        translate("dates", "April", "after a day number: 2 June 1962"),
        translate("dates", "May", "after a day number: 2 June 1962"),
        translate("dates", "June", "after a day number: 2 June 1962"),
        translate("dates", "July", "after a day number: 2 June 1962"),
        translate("dates", "August", "after a day number: 2 June 1962"),
        translate("dates", "September", "after a day number: 2 June 1962"),
        translate("dates", "October", "after a day number: 2 June 1962"),
        translate("dates", "November", "after a day number: 2 June 1962"),
        translate("dates", "December", "after a day number: 2 June 1962"),
    ]
    return alone, of_day


def _months_now() -> tuple[list[str], list[str]] | None:
    """The translated months (None when they are the English ones), looked up once per language."""
    key = QLocale().name()
    if key not in _MONTHS_BY_LOCALE:
        alone, of_day = month_names()
        _MONTHS_BY_LOCALE[key] = None if alone == list(MONTHS) and of_day == list(MONTHS) else (alone, of_day)
    return _MONTHS_BY_LOCALE[key]


def local_date(text: str) -> str:
    """A date the core wrote in English words, with its month names in the interface's language."""
    months = _months_now() if text else None
    if months is None:
        return text
    alone, of_day = months

    def swap(match: re.Match) -> str:
        day, month = match.group(1), MONTHS.index(match.group(2))
        return f"{day}{of_day[month]}" if day else alone[month]

    return _MONTH_WORD.sub(swap, text)


_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ABBREVIATION_WORD = re.compile(r"(\b\d{1,2}\s)?\b(" + "|".join(_ABBREVIATIONS) + r")\b")


def local_tick(text: str) -> str:
    """A time axis label ("Jun", "Jun 1962", "2 Jun") with Qt's short month names for the interface's locale."""
    locale = QLocale()
    if locale.language() == QLocale.Language.English or not text:
        return text

    def swap(match: re.Match) -> str:
        day, month = match.group(1), _ABBREVIATIONS.index(match.group(2)) + 1
        if day:  # after a day number Russian wants the genitive ("2 июн.")
            return f"{day}{locale.monthName(month, QLocale.FormatType.ShortFormat)}"
        return locale.standaloneMonthName(month, QLocale.FormatType.ShortFormat)

    return _ABBREVIATION_WORD.sub(swap, text)
