"""How many events the map shows at each place, and which theme most of them have. No Qt.

Everything is counted from the catalog's arrays, per place, never per event. A map that
follows the timeline recounts on every frame, so :class:`PlaceCounter` prepares, once per
filter, the place-and-theme memberships sorted two ways (by start and by end); any window
of years is then counted with two binary searches per place and theme:

    shown in [lo, hi] = (starting by hi) - (ended before lo)

since an event that ended before ``lo`` also started before ``hi``. :func:`map_counts` is the
plain ``np.bincount`` over a mask, for exports and as the reference the tests compare with.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline_app.model.catalog import EventCatalog
from timeline_app.model.filters import Years

NEUTRAL = "#8c8c8c"
#: Above this many place-and-theme groups, counts per frame fall back to a plain pass over the events.
MAX_GROUPS = 65_536


@dataclass(frozen=True)
class MapCounts:
    """Per place code (the catalog's ``arrays.places.keys``): events shown, and their usual theme.

    ``dominant`` is the theme code (into ``arrays.themes.keys``) that most of them have as their
    first theme (as the timeline colours their marks), -1 when none of them has a theme. Ties go
    to the theme that comes first.
    """

    counts: np.ndarray
    dominant: np.ndarray

    @property
    def largest(self) -> int:
        """The most events at one place (0 when nothing is shown)."""
        return int(self.counts.max(initial=0))


def _groups(catalog: EventCatalog) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """Per place membership: event, place code, and group code ``place * (themes + 1) + first theme + 1``."""
    places, themes = catalog.arrays.places, catalog.arrays.themes
    width = len(themes.keys) + 1
    event = places.event
    group = places.value.astype(np.int64) * width + (themes.first()[event].astype(np.int64) + 1)
    return event, places.value, group, width


def _tally(group_counts: np.ndarray, places: int, width: int) -> MapCounts:
    table = group_counts.reshape(places, width)
    themed = table[:, 1:]  # column 0 counts the events with no theme
    dominant = np.where(themed.sum(axis=1) > 0, np.argmax(themed, axis=1), -1) if width > 1 \
        else np.full(places, -1)
    return MapCounts(table.sum(axis=1).astype(np.int64), dominant.astype(np.int64))


def window_mask(catalog: EventCatalog, years: Years) -> np.ndarray:
    """The events any part of which lies in ``years`` (as the table's years filter has it)."""
    return (catalog.end_year >= years[0]) & (catalog.start_year <= years[1])


def map_counts(catalog: EventCatalog, mask: np.ndarray) -> MapCounts:
    """Counts per place of the events in ``mask`` (one pass, ``np.bincount``)."""
    event, _place, group, width = _groups(catalog)
    places = len(catalog.arrays.places.keys)
    tally = np.bincount(group[mask[event]], minlength=places * width) if places else np.zeros(0, np.int64)
    return _tally(tally, places, width)


@dataclass
class _Sorted:
    """Place-and-theme memberships of every event, sorted by group, then by start or by end."""

    end_order: np.ndarray  # events by end year
    sorted_end: np.ndarray  # every event's end year, ascending
    keys_start: np.ndarray  # group * n + event, ascending
    event_start: np.ndarray  # the event of each key
    keys_end: np.ndarray  # group * n + the event's rank by end, ascending
    event_end: np.ndarray


def _sorted(catalog: EventCatalog) -> _Sorted:
    """Sort once per catalog (a filter then only picks from these, in order)."""
    cache = catalog.__dict__.setdefault("_map_counts", {})
    if "sorted" not in cache:
        event, _place, group, _width = _groups(catalog)
        n = max(len(catalog), 1)
        group16 = group.astype(np.uint16)  # 16-bit codes: numpy sorts them by radix, stably
        by_start = np.argsort(group16, kind="stable")  # memberships are in start order already
        end_order = np.argsort(catalog.end_year, kind="stable")
        end_rank = np.empty(len(catalog), dtype=np.int64)
        end_rank[end_order] = np.arange(len(catalog))
        by_end = _rows_in_order(catalog.arrays.places.indptr, end_order)
        by_end = by_end[np.argsort(group16[by_end], kind="stable")]
        cache["sorted"] = _Sorted(end_order, catalog.end_year[end_order], group[by_start] * n + event[by_start],
                                  event[by_start], group[by_end] * n + end_rank[event[by_end]], event[by_end])
    return cache["sorted"]


def _rows_in_order(indptr: np.ndarray, order: np.ndarray) -> np.ndarray:
    """The membership rows of the events in ``order``, event after event (no sort: ranges laid end to end)."""
    sizes = np.diff(indptr)[order]
    total = int(sizes.sum())
    offsets = np.repeat(indptr[:-1][order] - (np.cumsum(sizes) - sizes), sizes)
    return offsets + np.arange(total, dtype=np.int64)


def sort_for_counting(catalog: EventCatalog) -> None:
    """Do the once-per-catalog sorting a :class:`PlaceCounter` needs now (numpy: it can run on a thread)."""
    _sorted(catalog)


def sorted_for_counting(catalog: EventCatalog) -> bool:
    """Whether :func:`sort_for_counting` is done for ``catalog``, so a counter is quick to make."""
    return "sorted" in catalog.__dict__.get("_map_counts", {})


class PlaceCounter:
    """Counts per place for one filter (``base``, the years aside) and any window of years.

    The first counter of a catalog sorts its place memberships (once); each filter then picks
    its own in order, and :meth:`counts` costs two binary searches per place and theme,
    whatever the number of events.
    """

    def __init__(self, catalog: EventCatalog, base: np.ndarray) -> None:
        self.catalog, self.base = catalog, base
        self.places = len(catalog.arrays.places.keys)
        self.width = len(catalog.arrays.themes.keys) + 1
        self.indexed = 0 < self.places * self.width <= MAX_GROUPS
        if not self.indexed:
            return
        s = self._sorted = _sorted(catalog)
        self.sorted_end = s.sorted_end
        self._running: tuple[np.ndarray, np.ndarray] | None = None
        if base.all():
            self.keys_start, self.keys_end = s.keys_start, s.keys_end
        else:
            # Positions found once and taken: a boolean selection costs twice as much at a million links.
            self.keys_start = s.keys_start.take(np.flatnonzero(base.take(s.event_start)))
            self.keys_end = s.keys_end.take(np.flatnonzero(base.take(s.event_end)))
        self.firsts = np.arange(self.places * self.width, dtype=np.int64) * max(len(catalog), 1)
        self.first_start = np.searchsorted(self.keys_start, self.firsts)
        self.first_end = np.searchsorted(self.keys_end, self.firsts)

    def counts(self, years: Years) -> MapCounts:
        """Counts per place of the events ``base`` shows with any part in ``years``."""
        low, high = years
        if not self.indexed:
            return map_counts(self.catalog, self.base & window_mask(self.catalog, years))
        started = int(np.searchsorted(self.catalog.start_year, high, side="right"))  # events 0..started-1
        ended = int(np.searchsorted(self.sorted_end, low, side="left"))  # end ranks 0..ended-1
        by_high = np.searchsorted(self.keys_start, self.firsts + started) - self.first_start
        before_low = np.searchsorted(self.keys_end, self.firsts + ended) - self.first_end
        return _tally(by_high - before_low, self.places, self.width)

    def shown(self, years: Years) -> int:
        """How many events ``base`` shows with any part in ``years`` (each once, whatever its places)."""
        if not self.indexed:
            return int(np.count_nonzero(self.base & window_mask(self.catalog, years)))
        if self._running is None:  # running totals of the shown events, in start and in end order
            self._running = (np.r_[0, np.cumsum(self.base, dtype=np.int32)],
                             np.r_[0, np.cumsum(self.base.take(self._sorted.end_order), dtype=np.int32)])
        by_start, by_end = self._running
        started = int(np.searchsorted(self.catalog.start_year, years[1], side="right"))
        ended = int(np.searchsorted(self.sorted_end, years[0], side="left"))
        return int(by_start[started] - by_end[ended])

    def span(self, code: int, years: Years) -> tuple[int, int] | None:
        """For place ``code``: the shown event that starts first and the one that ends last (catalog indices)."""
        return place_span(self.catalog, self.base & window_mask(self.catalog, years), code)


def place_span(catalog: EventCatalog, mask: np.ndarray, code: int) -> tuple[int, int] | None:
    """The events in ``mask`` at place ``code`` that start first and end last, or None if there are none."""
    places = catalog.arrays.places
    events = places.event[places.value == code]
    events = events[mask[events]]
    if not len(events):
        return None
    ends = catalog.end_year[events]
    return int(events.min()), int(events[np.flatnonzero(ends == ends.max())[-1]])


def place_colors(catalog: EventCatalog, counts: MapCounts, grouping: str) -> list[str]:
    """A colour per place code: its usual theme's, as the timeline colours marks; neutral when lanes are places."""
    keys = catalog.arrays.themes.keys
    if grouping == "place":
        return [NEUTRAL] * len(counts.counts)
    return [catalog.theme_colors.get(keys[d], NEUTRAL) if d >= 0 else NEUTRAL for d in counts.dominant.tolist()]
