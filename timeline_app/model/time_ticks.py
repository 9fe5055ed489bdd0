"""Where to put ticks on a time axis in decimal years, and what to write at each. No Qt.

The unit follows the zoom: quarter-centuries, decades, years, months or days, always
the finest whose labels still have room, so labels never overlap.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta

from timeline_app.store.dates import decimal_year

_MONTH = [calendar.month_abbr[m] for m in range(13)]


@dataclass(frozen=True)
class TickLevel:
    """Ticks of one level: ``spacing`` in years, the tick values, and whether they carry labels."""

    spacing: float
    values: list[float]
    unit: str  # "year", "month" or "day": how labels are written


def from_decimal(value: float) -> date:
    """The day a decimal year falls on."""
    year = int(math.floor(value))
    year = min(max(year, 1), 9998)
    length = 366 if calendar.isleap(year) else 365
    return date(year, 1, 1) + timedelta(days=min(length - 1, max(0, int(round((value - year) * length)))))


def tick_levels(low: float, high: float, pixels: float) -> list[TickLevel]:
    """Major and minor tick levels for the years ``low``..``high`` drawn across ``pixels``."""
    per_year = pixels / max(high - low, 1e-9)
    if per_year * 10 < 60:
        step = 25 if per_year * 25 >= 60 else 50
        return [TickLevel(step, _whole_years(low, high, step), "year"), TickLevel(step / 5, [], "year")]
    if per_year < 45:
        return [TickLevel(10, _whole_years(low, high, 10), "year"),
                TickLevel(1, _whole_years(low, high, 1 if per_year >= 6 else 5), "year")]
    if per_year < 900:
        major = _whole_years(low, high, 1)
        minor = [v for v in _month_starts(low, high, 3 if per_year < 400 else 1) if v not in major]
        return [TickLevel(1, major, "year"), TickLevel(1 / 12, minor, "month-short")]
    if per_year < 12 * 500:
        return [TickLevel(1 / 12, _month_starts(low, high, 1), "month")]
    every = 1 if per_year / 365 >= 70 else 7 if per_year / 365 >= 12 else 14
    return [TickLevel(1 / 365, _days(low, high, every), "day")]


def tick_label(value: float, unit: str) -> str:
    """The label for a tick: ``1962``, ``Jun``, ``Jun 1962`` or ``2 Jun`` (``1 Jun 1962`` on the first)."""
    if unit == "year":
        return str(int(round(value)))
    day = from_decimal(value)
    if unit == "month-short":
        return _MONTH[day.month]
    if unit == "month":
        return f"{_MONTH[day.month]} {day.year}"
    return f"{day.day} {_MONTH[day.month]}" + (f" {day.year}" if day.day == 1 else "")


def _whole_years(low: float, high: float, step: int) -> list[float]:
    first = math.ceil(low / step) * step
    return [float(y) for y in range(int(first), int(math.floor(high)) + 1, step)]


def _month_starts(low: float, high: float, every: int) -> list[float]:
    values = []
    for year in range(int(math.floor(low)), int(math.floor(high)) + 1):
        for month in range(1, 13, every):
            value = decimal_year(date(year, month, 1))
            if low <= value <= high:
                values.append(value)
    return values


def _days(low: float, high: float, every: int) -> list[float]:
    day, end = from_decimal(max(low, 1.0)), from_decimal(high)
    values: list[float] = []
    while day <= end and len(values) < 400:
        if (day.day - 1) % every == 0 and (every == 1 or day.day < 29):
            value = decimal_year(day)
            if low <= value <= high:
                values.append(value)
        day += timedelta(days=1)
    return values
