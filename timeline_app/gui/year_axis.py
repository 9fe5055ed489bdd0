"""A time axis in decimal years that picks decades, years, months or days as you zoom."""

from __future__ import annotations

import calendar
import math
from datetime import date, timedelta

import pyqtgraph as pg

from timeline_app.dates import decimal_year

_MONTH = [calendar.month_abbr[m] for m in range(13)]


def _from_decimal(value: float) -> date:
    year = math.floor(value)
    length = 366 if calendar.isleap(year) else 365
    return date(year, 1, 1) + timedelta(days=round((value - year) * length))


class YearAxisItem(pg.AxisItem):
    """Ticks at whole decades, years, months or days, whichever leave room for their labels.

    Only ``tickValues`` and ``tickStrings`` are overridden, as pyqtgraph's DateAxisItem does.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, orientation="bottom", **kwargs)
        self._unit = "year"

    def tickValues(self, minVal: float, maxVal: float, size: float):
        span = max(maxVal - minVal, 1e-9)
        px_per_year = size / span
        # The label widths these units need, in pixels, with a margin so labels never touch.
        if px_per_year * 10 < 60:
            step = 25 if px_per_year * 25 >= 60 else 50
            return [(step, self._whole_years(minVal, maxVal, step)), (step / 5, [])]
        if px_per_year < 45:
            self._unit = "year"
            return [(10, self._whole_years(minVal, maxVal, 10)),
                    (1, self._whole_years(minVal, maxVal, 1 if px_per_year >= 6 else 5))]
        if px_per_year < 900:
            self._unit = "year"
            major = self._whole_years(minVal, maxVal, 1)
            months_each = 3 if px_per_year < 400 else 1
            minor = [v for v in self._month_starts(minVal, maxVal, months_each) if v not in major]
            return [(1, major), (1 / 12, minor)]
        if px_per_year < 12 * 500:
            self._unit = "month"
            return [(1 / 12, self._month_starts(minVal, maxVal, 1))]
        self._unit = "day"
        days_each = 1 if px_per_year / 365 >= 70 else 7 if px_per_year / 365 >= 12 else 14
        return [(1 / 365, self._days(minVal, maxVal, days_each))]

    @staticmethod
    def _whole_years(low: float, high: float, step: int) -> list[float]:
        first = math.ceil(low / step) * step
        return [float(y) for y in range(int(first), math.floor(high) + 1, step)]

    @staticmethod
    def _month_starts(low: float, high: float, every: int) -> list[float]:
        values = []
        for year in range(math.floor(low), math.floor(high) + 1):
            for month in range(1, 13, every):
                value = decimal_year(date(year, month, 1))
                if low <= value <= high:
                    values.append(value)
        return values

    @staticmethod
    def _days(low: float, high: float, every: int) -> list[float]:
        day = _from_decimal(max(low, 1.0))
        end = _from_decimal(high)
        values = []
        while day <= end and len(values) < 400:
            if (day.day - 1) % every == 0 and (every == 1 or day.day < 29):
                value = decimal_year(day)
                if low <= value <= high:
                    values.append(value)
            day += timedelta(days=1)
        return values

    def tickStrings(self, values, scale, spacing):
        strings = []
        for value in values:
            day = _from_decimal(value)
            if spacing >= 1:
                strings.append(str(round(value)))
            elif spacing > 1 / 40:
                strings.append(f"{_MONTH[day.month]} {day.year}" if self._unit == "month" else _MONTH[day.month])
            else:
                strings.append(f"{day.day} {_MONTH[day.month]}" + (f" {day.year}" if day.day == 1 else ""))
        return strings
