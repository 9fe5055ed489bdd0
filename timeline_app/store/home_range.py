"""A store's home range: the years the window opens on and *Home* returns to.

A store may name them in its meta table (``home_range``, an EDTF interval of years such as
``1917/1991``: the shipped store's subject); otherwise they are its data's extent, so a sheet
of events from 1815 to 1985 opens on 1815–1985.
"""

from __future__ import annotations

from datetime import date, timedelta

from timeline_app.store.dates import DateError, decimal_year, edtf_bounds

#: The shortest home range, in years: a store of one day's events opens on the year around it.
MIN_SPAN = 1.0
#: Room left on each side of the data, as a share of its span, so the first and last marks show whole.
MARGIN = 0.02


def home_range_problem(text: object) -> str | None:
    """Why ``text`` cannot be a store's ``home_range`` (it must be a closed EDTF interval), or None."""
    try:
        first, last = edtf_bounds(text)
    except DateError as exc:
        return str(exc)
    if first is None or last is None:
        return f"{text!r} must have both ends, like 1917/1991"
    return None


def named_home(text: object) -> tuple[float, float] | None:
    """The decimal years of a ``home_range`` value (``1917/1991`` is 1917.0 to 1992.0), None if it is not one."""
    if home_range_problem(text) is not None:
        return None
    first, last = edtf_bounds(text)
    assert first is not None and last is not None
    end = decimal_year(last + timedelta(days=1)) if last < date.max else float(date.max.year + 1)
    return decimal_year(first), end


def data_home(low: float, high: float) -> tuple[float, float]:
    """The years that show data from ``low`` to ``high`` whole: a small margin, at least :data:`MIN_SPAN`."""
    span = max(high - low, 0.0)
    if span < MIN_SPAN:
        middle = (low + high) / 2
        return middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
    return low - span * MARGIN, high + span * MARGIN
