"""What the explorer shows right now: store, filter, view range, grouping, lanes, shown set and selection.

A plain Python object that owns everything derived from these (the lanes, the one view
range, the shown set) and announces each change as a typed notice carrying its payload,
so views stay in step without reaching into one another and tests need no window.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from timeline_app.model.catalog import EventCatalog, empty_catalog, load_catalog
from timeline_app.model.filters import YEARS, FilterState, Years, combine, facet_counts, facet_masks
from timeline_app.model.layout import GROUPINGS, TimelineLayout, lay_out
from timeline_app.model.store_opening import take_opened
from timeline_app.model.view_fit import fitted_range
from timeline_app.store.dates import DateError
from timeline_app.store.event_store import EventStore, StoreError, explain
from timeline_app.store.home_range import data_home, named_home
from timeline_app.store.timeline_index import TimelineArrays

DEFAULT_RANGE: Years = (1917.0, 1992.0)


def home_of(store: EventStore | None, catalog: EventCatalog) -> Years:
    """The years ``store`` opens on and *Home* returns to: its ``home_range``, else its data's extent."""
    named = named_home(store.meta().get("home_range")) if store is not None else None
    if named is None and store is not None and len(catalog):
        named = data_home(*catalog.extent())
    low, high = named or DEFAULT_RANGE
    return round(low, 4), round(high, 4)


@dataclass(frozen=True)
class StoreChanged:
    """Another store is shown (``path`` None: none), or the same one with fresh arrays."""

    path: Path | None


@dataclass(frozen=True)
class FilterChanged:
    """The filter changed."""

    filter: FilterState


@dataclass(frozen=True)
class RangeChanged:
    """The visible years changed."""

    view_range: Years


@dataclass(frozen=True)
class GroupingChanged:
    """Lanes are grouped by ``grouping`` now (``theme``, ``place`` or ``reviewer``)."""

    grouping: str


@dataclass(frozen=True)
class LanesChanged:
    """The timeline must draw ``layout``: the filter (years aside), grouping or store changed."""

    layout: TimelineLayout


@dataclass(frozen=True)
class ShownChanged:
    """The events listed (filter and years) changed: ``shown`` of the store's ``total``."""

    shown: int
    total: int


@dataclass(frozen=True)
class SelectionChanged:
    """``event_id`` is selected now (None: nothing)."""

    event_id: str | None


@dataclass(frozen=True)
class SearchHits:
    """The events the full-text search found for ``text`` (``mask`` None: the text has no words)."""

    text: str
    mask: np.ndarray | None


Notice = StoreChanged | FilterChanged | RangeChanged | GroupingChanged | LanesChanged | ShownChanged | SelectionChanged
Listener = Callable[[Notice], None]


@dataclass(frozen=True)
class ViewState:
    """What a person would want back: filter, grouping, visible years and selection, as plain values."""

    filter: FilterState = field(default_factory=FilterState)
    grouping: str = "theme"
    view_range: Years = DEFAULT_RANGE
    selection: str | None = None

    def to_dict(self) -> dict:
        """A JSON-friendly dict."""
        return {"filter": self.filter.to_dict(), "grouping": self.grouping, "range": list(self.view_range),
                "selection": self.selection}

    @classmethod
    def from_dict(cls, data: object) -> ViewState:
        """Rebuild from :meth:`to_dict`; anything malformed (wrong types, NaN, reversed years) is left out."""
        return cls.parse(data)[0]

    @classmethod
    def parse(cls, data: object) -> tuple[ViewState, list[str]]:
        """Like :meth:`from_dict`, also naming the parts that were malformed and left out."""
        if not isinstance(data, dict):
            return cls(), ["the whole view"]
        damaged = []
        grouping = data.get("grouping", "theme")
        if not isinstance(grouping, str) or grouping not in GROUPINGS:
            damaged.append("grouping")
            grouping = "theme"
        years = _years(data.get("range", list(DEFAULT_RANGE)))
        if years is None:
            damaged.append("years")
        selection = data.get("selection")
        if selection is not None and not isinstance(selection, str):
            damaged.append("selection")
            selection = None
        if not isinstance(data.get("filter", {}), dict):
            damaged.append("filter")
        view = cls(FilterState.from_dict(data.get("filter")), grouping, years or DEFAULT_RANGE, selection)
        return view, damaged


def _years(value: object) -> Years | None:
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        return None
    low, high = float(value[0]), float(value[1])
    if not (np.isfinite(low) and np.isfinite(high) and 1.0 <= low < high <= 9999.0):
        return None
    return low, high


class ExplorerState:
    """The shared state of one explorer window.

    Listeners get every change as a notice (:class:`StoreChanged`, :class:`FilterChanged`,
    :class:`RangeChanged`, :class:`GroupingChanged`, :class:`LanesChanged`,
    :class:`ShownChanged`, :class:`SelectionChanged`).

    ``mask`` is every filter and the view's years: the events the table, the counts and data
    exports list. ``timeline_mask`` leaves the years out: the events the timeline lays out
    (it shows the years by panning). ``layout`` is the lanes of ``timeline_mask``.
    """

    def __init__(self) -> None:
        self.store: EventStore | None = None
        self.catalog: EventCatalog = empty_catalog()
        self.filter = FilterState()
        self.selection: str | None = None
        self.grouping = "theme"
        self.view_range: Years = DEFAULT_RANGE
        self.home_range: Years = DEFAULT_RANGE
        self.mask = np.zeros(0, dtype=bool)
        self.timeline_mask = np.zeros(0, dtype=bool)
        self.layout: TimelineLayout = lay_out(self.catalog, self.timeline_mask, self.grouping)
        self._masks: dict[str, np.ndarray] = {}
        self._search_hits: np.ndarray | None = None
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener(notice)`` after every change."""
        self._listeners.append(listener)

    def _announce(self, notice: Notice) -> None:
        for listener in list(self._listeners):
            listener(notice)

    # -- store -----------------------------------------------------------------------------------------
    def open_store(self, path: Path | str, check_rows: bool | None = True) -> None:
        """Open ``path`` read-only and show it with no filter, in its home range (:func:`home_of`).

        Raise :class:`StoreError` and keep the old store if it fails. ``check_rows=None``
        leaves the row checks of a large store to the caller (see
        :class:`~timeline_app.store.event_store.EventStore`); ``store.rows_checked`` says whether they ran.
        """
        opened = take_opened(path, check_rows)  # read while the window was being built
        if opened is not None:
            store, catalog = opened
        else:
            store = EventStore(path, check_rows=check_rows)
            try:
                catalog = load_catalog(store)
            except (sqlite3.Error, DateError, ValueError) as exc:
                store.close()
                reason = explain(exc) if isinstance(exc, sqlite3.Error) else f"cannot be read: {exc}"
                raise StoreError(path, reason) from None
        if self.store is not None:
            self.store.close()
        previous = self.view_range
        self.home_range = self.view_range = home_of(store, catalog)
        self._show(store, catalog, FilterState())
        if self.view_range != previous:
            self._announce(RangeChanged(self.view_range))

    def replace_arrays(self, arrays: TimelineArrays) -> None:
        """Show the same store with freshly read arrays (its saved timeline index was stale)."""
        if self.store is None:
            return
        c = self.catalog
        catalog = EventCatalog(arrays, self.store, c.theme_names, c.theme_colors, c.place_names, c.source_names,
                               c.periods)
        self._show(self.store, catalog, self.filter)

    def close_store(self) -> None:
        """Show nothing (after a store turned out to be broken)."""
        if self.store is not None:
            self.store.close()
        self._show(None, empty_catalog(), FilterState())

    def _show(self, store: EventStore | None, catalog: EventCatalog, state: FilterState) -> None:
        self.store, self.catalog, self.filter = store, catalog, state
        self.selection = None
        self._search_hits = catalog.search_mask(state.search)
        self._apply(force_lanes=True)
        self._announce(StoreChanged(store.path if store is not None else None))
        self._announce(FilterChanged(state))
        self._announce(LanesChanged(self.layout))
        self._announce(ShownChanged(self.shown_count(), len(catalog)))
        self._announce(SelectionChanged(None))

    # -- filter, range, grouping ---------------------------------------------------------------------
    def set_filter(self, state: FilterState, found: SearchHits | None = None) -> None:
        """Show only the events ``state`` selects; a selection it hides from the timeline is cleared.

        ``found`` is the answer to ``state.search`` when a worker thread already searched
        (an answer to other text is ignored and the search runs here).
        """
        if state == self.filter:
            return
        if state.search != self.filter.search:
            if found is not None and found.text == state.search:
                self._search_hits = found.mask
            else:
                self._search_hits = self.catalog.search_mask(state.search)
        self.filter = state
        lanes, shown = self._apply()
        self._announce(FilterChanged(state))
        if lanes:
            self._announce(LanesChanged(self.layout))
        if shown:
            self._announce(ShownChanged(self.shown_count(), len(self.catalog)))
        index = self.catalog.index_of.get(self.selection) if self.selection else None
        if index is not None and not self.timeline_mask[index]:
            self.select(None)  # a selection out of view but not filtered out stays selected

    def clear_filter(self) -> None:
        """Show every event (in the view's years)."""
        self.set_filter(FilterState())

    def set_view_range(self, start: float, end: float) -> None:
        """Record the visible span of years; the table, counts and data exports list what it shows."""
        value = (round(float(start), 4), round(float(end), 4))
        if value == self.view_range or not value[0] < value[1]:
            return
        self.view_range = value
        _lanes, shown = self._apply()
        self._announce(RangeChanged(value))
        if shown:
            self._announce(ShownChanged(self.shown_count(), len(self.catalog)))

    def fit_to_shown(self) -> bool:
        """Show the years of the events the filter shows, with a small margin; False if it shows none."""
        years = fitted_range(self.catalog, self.timeline_mask)
        if years is None:
            return False
        self.set_view_range(*years)
        return True

    def set_grouping(self, grouping: str) -> None:
        """Group timeline lanes by ``theme``, ``place`` or ``reviewer``."""
        if grouping not in GROUPINGS:
            raise ValueError(f"unknown grouping {grouping!r}")
        if grouping == self.grouping:
            return
        self.grouping = grouping
        self.layout = lay_out(self.catalog, self.timeline_mask, grouping)
        self._announce(GroupingChanged(grouping))
        self._announce(LanesChanged(self.layout))

    def _apply(self, force_lanes: bool = False) -> tuple[bool, bool]:
        """Recompute the masks and lanes; return whether the lanes and the shown set changed."""
        # One pass over the facets serves the table's mask, the timeline's and the counts.
        self._masks = facet_masks(self.catalog, self.filter, self._search_hits, self.view_range)
        n = len(self.catalog)
        mask, timeline_mask = combine(n, self._masks), combine(n, self._masks, (YEARS,))
        lanes = force_lanes or not np.array_equal(timeline_mask, self.timeline_mask)
        shown = force_lanes or not np.array_equal(mask, self.mask)
        self.mask, self.timeline_mask = mask, timeline_mask
        if lanes:
            self.layout = lay_out(self.catalog, timeline_mask, self.grouping)
        return lanes, shown

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """Counts for every facet value under the other active filters and the view's years."""
        return self.facet_counter()()

    def facet_counter(self) -> Callable[[], dict[str, dict[str, int]]]:
        """A function computing :meth:`facet_counts` as of now, safe to call from a worker thread."""
        catalog, state, hits, years, masks = self.catalog, self.filter, self._search_hits, self.view_range, self._masks
        return lambda: facet_counts(catalog, state, hits, years, masks)

    # -- what is shown ---------------------------------------------------------------------------------
    def shown_indices(self) -> np.ndarray:
        """Catalog indices of the events the filter shows in the view's years, in start order."""
        return np.flatnonzero(self.mask)

    def shown_count(self) -> int:
        """How many events the filter shows in the view's years."""
        return int(np.count_nonzero(self.mask))

    # -- selection -------------------------------------------------------------------------------------
    def select(self, event_id: str | None) -> None:
        """Make ``event_id`` the selected event (None, or an id the store lacks, clears the selection)."""
        if event_id is not None and event_id not in self.catalog.index_of:
            event_id = None
        if event_id == self.selection:
            return
        self.selection = event_id
        self._announce(SelectionChanged(event_id))

    def step_selection(self, step: int) -> None:
        """Select the next (``step`` > 0) or previous event in time order that the filter shows."""
        shown = np.flatnonzero(self.timeline_mask)
        if not len(shown):
            return
        current = self.catalog.index_of.get(self.selection) if self.selection else None
        if current is None:
            target = shown[0] if step > 0 else shown[-1]
        else:
            position = int(np.searchsorted(shown, current))
            if position < len(shown) and shown[position] == current:
                position += step
            elif step < 0:
                position -= 1
            target = shown[max(0, min(len(shown) - 1, position))]
        self.select(self.catalog.ids[int(target)])

    # -- views to save and restore ---------------------------------------------------------------------
    def view_state(self) -> ViewState:
        """The current filter, grouping, years and selection as one plain value."""
        return ViewState(self.filter, self.grouping, self.view_range, self.selection)

    def restore(self, view: ViewState) -> list[str]:
        """Apply ``view``; return what it names that this store lacks (places, themes, reviewer, event).

        What the store lacks is dropped, so no filter is active that no control could show.
        """
        c = self.catalog
        dropped = [f"place {p!r}" for p in sorted(view.filter.places - set(c.place_names))]
        dropped += [f"theme {t!r}" for t in sorted(view.filter.themes - set(c.theme_names))]
        reviewer = view.filter.reviewer
        if reviewer not in ("any", "both", "only-one") and reviewer not in c.source_names:
            dropped.append(f"reviewer {reviewer!r}")
            reviewer = "any"
        state = view.filter.with_(places=view.filter.places & set(c.place_names),
                                  themes=view.filter.themes & set(c.theme_names), reviewer=reviewer)
        self.set_grouping(view.grouping)
        self.set_view_range(*view.view_range)
        self.set_filter(state)
        if view.selection is not None and view.selection not in c.index_of:
            dropped.append(f"event {view.selection!r}")
        self.select(view.selection)
        return dropped
