"""What the explorer shows right now: store, filter, selection, grouping and visible range.

A plain Python object that announces each change to its listeners, so views stay
in step without reaching into one another, and tests can drive it with no window.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import numpy as np

from timeline_app.model.catalog import EventCatalog, empty_catalog, load_catalog
from timeline_app.model.filters import YEAR_FACETS, FilterState, combine, facet_counts, facet_masks
from timeline_app.model.layout import GROUPINGS
from timeline_app.store.dates import DateError
from timeline_app.store.event_store import EventStore, StoreError, explain

DEFAULT_RANGE = (1917.0, 1992.0)

Listener = Callable[[str, object], None]


class ExplorerState:
    """The shared state of one explorer window.

    Listeners are called as ``listener(change, value)`` where ``change`` is one of
    ``"store"`` (value: the store path), ``"filter"`` (the new :class:`FilterState`),
    ``"selection"`` (an event id or None), ``"grouping"`` (``theme``, ``place`` or
    ``reviewer``) and ``"range"`` (a ``(start, end)`` tuple of decimal years).
    """

    def __init__(self) -> None:
        self.store: EventStore | None = None
        self.catalog: EventCatalog = empty_catalog()
        self.filter = FilterState()
        self.selection: str | None = None
        self.grouping = "theme"
        self.view_range: tuple[float, float] = DEFAULT_RANGE
        self.mask = np.zeros(0, dtype=bool)  # every filter: the table, counts and data exports
        self.timeline_mask = np.zeros(0, dtype=bool)  # every filter but the years: the timeline
        self._masks: dict[str, np.ndarray] = {}
        self._search_hits: np.ndarray | None = None
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(change, value)`` after every change."""
        self._listeners.append(listener)

    def _announce(self, change: str, value: object) -> None:
        for listener in list(self._listeners):
            listener(change, value)

    def open_store(self, path: Path | str, check_rows: bool | None = True) -> None:
        """Open ``path`` read-only and show all of it; raise StoreError and keep the old store if it fails.

        ``check_rows=None`` leaves the row checks of a large store to the caller (see
        :class:`~timeline_app.store.event_store.EventStore`); ``store.rows_checked`` says whether they ran.
        """
        store = EventStore(path, check_rows=check_rows)
        try:
            catalog = load_catalog(store)
        except (sqlite3.Error, DateError) as exc:
            store.close()
            reason = explain(exc) if isinstance(exc, sqlite3.Error) else f"has a bad date: {exc}"
            raise StoreError(path, reason) from None
        if self.store is not None:
            self.store.close()
        self.store, self.catalog = store, catalog
        self.selection = None
        self.filter = FilterState()
        self._search_hits = None
        self._apply_filter()
        self._announce("store", store.path)
        self._announce("filter", self.filter)
        self._announce("selection", None)

    def replace_arrays(self, arrays) -> None:
        """Show the same store with freshly read arrays (its saved timeline index was stale)."""
        assert self.store is not None
        c = self.catalog
        self.catalog = EventCatalog(arrays, self.store, c.theme_names, c.theme_colors, c.place_names,
                                    c.source_names, c.periods)
        self._search_hits = self.search_mask(self.filter.search)
        self._apply_filter()
        self.selection = None
        self._announce("store", self.store.path)
        self._announce("filter", self.filter)
        self._announce("selection", None)

    def close_store(self) -> None:
        """Show nothing (after a store turned out to be broken)."""
        if self.store is not None:
            self.store.close()
        self.store, self.catalog = None, empty_catalog()
        self.selection, self.filter, self._search_hits = None, FilterState(), None
        self._apply_filter()
        self._announce("store", None)
        self._announce("filter", self.filter)
        self._announce("selection", None)

    def set_filter(self, state: FilterState) -> None:
        """Show only the events ``state`` selects; a selection it hides is cleared."""
        if state == self.filter:
            return
        if state.search != self.filter.search:
            self._search_hits = self.search_mask(state.search)
        self.filter = state
        self._apply_filter()
        self._announce("filter", state)
        index = self.catalog.index_of.get(self.selection) if self.selection else None
        if index is not None and not self.timeline_mask[index]:
            self.select(None)  # a selection out of view but not filtered out stays selected

    def search_mask(self, text: str) -> np.ndarray | None:
        """Mask of the events whose title, summary, quotes or claim values match ``text``; None if it has no words."""
        return self.catalog.search_mask(text)

    def clear_filter(self) -> None:
        """Show every event in view (the years follow the view, so they stay)."""
        self.set_filter(FilterState(year_from=self.filter.year_from, year_to=self.filter.year_to))

    def _apply_filter(self) -> None:
        # One pass over the facets serves the table's mask, the timeline's and the counts.
        self._masks = facet_masks(self.catalog, self.filter, self._search_hits)
        self.mask = combine(len(self.catalog), self._masks)
        self.timeline_mask = combine(len(self.catalog), self._masks, YEAR_FACETS)

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """Counts for every facet value under the other active filters."""
        return facet_counts(self.catalog, self.filter, self._search_hits, self._masks)

    def shown_indices(self) -> np.ndarray:
        """Catalog indices of the events the filter shows, in start order."""
        return np.flatnonzero(self.mask)

    def is_shown(self, event_id: str) -> bool:
        """Whether the filter shows ``event_id``."""
        index = self.catalog.index_of.get(event_id)
        return index is not None and bool(self.mask[index])

    def select(self, event_id: str | None) -> None:
        """Make ``event_id`` the selected event (None clears the selection)."""
        if event_id is not None and event_id not in self.catalog.index_of:
            event_id = None
        if event_id == self.selection:
            return
        self.selection = event_id
        self._announce("selection", event_id)

    def step_selection(self, step: int) -> None:
        """Select the next (``step`` > 0) or previous event in time order, in view or not."""
        shown = np.flatnonzero(self.timeline_mask)
        if not len(shown):
            return
        if self.selection is None:
            target = shown[0] if step > 0 else shown[-1]
        else:
            current = self.catalog.index_of[self.selection]
            position = int(np.searchsorted(shown, current))
            if position < len(shown) and shown[position] == current:
                position += step
            elif step < 0:
                position -= 1
            target = shown[max(0, min(len(shown) - 1, position))]
        self.select(self.catalog.ids[int(target)])

    def set_grouping(self, grouping: str) -> None:
        """Group timeline lanes by ``theme``, ``place`` or ``reviewer``."""
        if grouping not in GROUPINGS:
            raise ValueError(f"unknown grouping {grouping!r}")
        if grouping != self.grouping:
            self.grouping = grouping
            self._announce("grouping", grouping)

    def set_view_range(self, start: float, end: float) -> None:
        """Record the visible span of years; the filter's year range follows it.

        The timeline reports this once the view settles, so the table, the counts and
        data exports list what the timeline shows.
        """
        value = (round(float(start), 4), round(float(end), 4))
        if value != self.view_range:
            self.view_range = value
            self._announce("range", value)
        self.set_filter(self.filter.with_(year_from=value[0], year_to=value[1]))
