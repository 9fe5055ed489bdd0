"""Numbers and time-axis labels written the way the interface's language writes them.

Numbers go through Qt's default locale, which :func:`~timeline_app.gui.translation.use_language`
sets: "12,345" in English, "12 345" in Russian. Event dates are written by the core's
``model/date_words.py`` from the translated word table of ``gui/translated_dates.py``; the time
axis's month abbreviations come from Qt's locale here.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale


def number(value: int | float) -> str:
    """``value`` with the interface's digit grouping."""
    return QLocale().toString(value)


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
