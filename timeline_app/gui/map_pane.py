"""The map pane: where the events in view happened, following the timeline and the filters.

It listens to the window's :class:`ExplorerState` (filter, grouping, selection, store) and to
the timeline's moving view, and counts per place just before each paint, so the marks change
with every frame of a pan or zoom. A click sets the place filter; Esc clears it.
"""

from __future__ import annotations

import html
import threading

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timeline_app.gui.map_canvas import MapCanvas
from timeline_app.gui.map_painter import MapMarks
from timeline_app.gui.plain_text import plain_label
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.model.catalog import EventCatalog
from timeline_app.model.date_words import date_words
from timeline_app.model.explorer_state import (
    ExplorerState,
    FilterChanged,
    GroupingChanged,
    LanesChanged,
    Notice,
    RangeChanged,
    SelectionChanged,
    StoreChanged,
)
from timeline_app.model.filters import Years
from timeline_app.model.map_counts import (
    NEUTRAL,
    MapCounts,
    PlaceCounter,
    place_colors,
    sort_for_counting,
    sorted_for_counting,
)
from timeline_app.model.map_geometry import Bounds, PlacePoints, fit_bounds, place_points, shipped_outlines
from timeline_app.model.time_ticks import from_decimal

#: Past this many events, the map's one-off sorting runs on a thread after the first frame.
SORT_AWAY_ABOVE = 100_000
LEGEND = QT_TRANSLATE_NOOP("MapPane", "● area: events in view  ■ a country  ○ none  ·  click: filter (Esc clears)  ·  "
                                      "Home: fit  ·  Natural Earth")


def marks_for(catalog: EventCatalog, points: PlacePoints, counts: np.ndarray, dominant: np.ndarray,
              grouping: str) -> tuple[np.ndarray, list[str]]:
    """Counts and colours per point (places no event names get none)."""
    coded = len(catalog.arrays.places.keys)
    per_point = np.zeros(len(points), dtype=np.int64)
    per_point[:coded] = counts[:coded]
    colors = place_colors(catalog, MapCounts(counts, dominant), grouping) + [NEUTRAL] * (len(points) - coded)
    return per_point, colors


def home_bounds(points: PlacePoints, counts: np.ndarray, limits: Bounds, ussr: Bounds, aspect: float) -> Bounds:
    """What Home shows: the places with events in view, or the USSR when there are none."""
    shown = points.on_map & (counts > 0)
    if not shown.any():
        return fit_bounds(np.array([ussr[0], ussr[2]]), np.array([ussr[1], ussr[3]]), limits, aspect, margin=0.02)
    return fit_bounds(points.x[shown], points.y[shown], limits, aspect)


def years_text(years: Years) -> str:
    """The timeline's years as a caption: whole years, or months when the view is short."""
    low, high = from_decimal(years[0]), from_decimal(years[1])
    if years[1] - years[0] >= 6:
        return f"{low.year}–{high.year}"
    locale = QLocale()

    def month(day) -> str:  # "Jun 1962", "июн. 1962": the interface's short month names
        return f"{locale.standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)} {day.year}"

    if years[1] - years[0] >= 0.25:
        return f"{month(low)} – {month(high)}"
    return f"{low.day} {month(low)} – {high.day} {month(high)}"


class MapPane(QWidget):
    """The map with a one-line key; linked both ways to the window's state.

    Signals:
      sigSorted(object): the catalog whose sorting for counts finished on a thread.
      sigCounted(object): (catalog, filter mask, PlaceCounter) made on a thread for a large store.
    """

    sigSorted = Signal(object)
    sigCounted = Signal(object)

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.canvas = MapCanvas()  # its outlines are read at the first paint the window does not hold
        self.canvas.setAccessibleName(self.tr("Map"))  # the counts follow with the first paint
        self.legend = plain_label(self.tr(LEGEND))
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("padding: 2px 6px; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.legend)
        self.ussr_bounds = _bounds_of([])
        self.held = False
        self.points = place_points([], [])
        self.years: Years = state.view_range
        self.counter: PlaceCounter | None = None
        self._base: np.ndarray | None = None
        self._dirty = True
        self._fit_pending = True
        self.counts = np.zeros(0, dtype=np.int64)
        self.canvas.prepare = self._prepare
        self.canvas.tooltip = self.tooltip
        self.canvas.sigPlaceClicked.connect(self.toggle_place)
        self.canvas.sigEscape.connect(self.clear_place)
        self.canvas.sigHome.connect(self.home)
        self._sorting: EventCatalog | None = None
        self.sigSorted.connect(self._on_sorted)
        self._counting: np.ndarray | None = None  # the filter a thread is counting for
        self.sigCounted.connect(self._on_counted)
        state.subscribe(self._on_notice)
        self._load_places()

    # -- following the state and the timeline --------------------------------------------------------
    def follow(self, timeline) -> None:
        """Recount with every frame of ``timeline`` (a TimelineView), not only once it settles."""
        timeline.box.sigXRangeChanged.connect(lambda *_: self.show_years(*timeline.view_range()))

    def show_years(self, low: float, high: float) -> None:
        """Count the events in ``low``..``high`` (the timeline's view) from the next paint on."""
        if (low, high) != self.years:
            self.years = (float(low), float(high))
            self._changed()

    def _on_notice(self, notice: Notice) -> None:
        if isinstance(notice, StoreChanged):
            self._load_places()
        elif isinstance(notice, RangeChanged):
            self.show_years(*notice.view_range)
        elif isinstance(notice, LanesChanged | FilterChanged) and self._counts_away():
            # A big store's new filter: count on a thread and repaint once, with its counts (a
            # repaint now would draw the map as it already is).
            base = self.state.timeline_mask
            if self.counter is not None and self._base is not None and self._base is not base \
                    and self.counter.catalog is self.state.catalog and not np.array_equal(self._base, base):
                self._count_away(self.state.catalog, base)
            else:
                self._changed()
        elif isinstance(notice, LanesChanged | FilterChanged | GroupingChanged | SelectionChanged):
            self._changed()

    def _load_places(self) -> None:
        state = self.state
        places = state.store.places() if state.store is not None else []
        self.points = place_points(places, list(state.catalog.arrays.places.keys))
        self.counter, self._base = None, None
        self.years = state.view_range
        self._fit_pending = True
        self._changed()

    def _changed(self) -> None:
        self._dirty = True
        self.canvas.update()

    def hold(self) -> None:
        """Show only the sea until :meth:`release`: the window's first frame of a big store comes first."""
        self.held = True

    def release(self) -> None:
        """Draw the map again (reading its outlines if this is the first time)."""
        if self.held:
            self.held = False
            self._changed()

    def _read_outlines(self) -> bool:
        """Hand the canvas its outlines unless held; whether it has them."""
        if self.canvas.outlines is None and not self.held:
            outlines = shipped_outlines()
            self.ussr_bounds = _bounds_of(outlines.ussr)
            self.canvas.set_outlines(outlines)
        return self.canvas.outlines is not None

    # -- counting, just before a paint ---------------------------------------------------------------
    def _prepare(self) -> None:
        if not self._read_outlines() or not self._dirty:
            return
        self._dirty = False
        state = self.state
        base = state.timeline_mask
        if self.counter is None or self._base is not base:
            big = len(state.catalog) > SORT_AWAY_ABOVE
            if big and not sorted_for_counting(state.catalog):
                self._sort_away(state.catalog)  # the timeline's first frame does not wait for the map
                return
            if self.counter is None or self._base is None or not np.array_equal(self._base, base):
                if big:
                    # A filter's counter costs tens of milliseconds at a million events: made on a
                    # thread, while the map shows the last counts a moment longer.
                    self._count_away(state.catalog, base)
                    if self.counter is None or self.counter.catalog is not state.catalog:
                        return
                else:
                    self.counter = PlaceCounter(state.catalog, base)
                    self._base = base
            else:
                self._base = base
        found = self.counter.counts(self.years)
        counts, colors = marks_for(state.catalog, self.points, found.counts, found.dominant, state.grouping)
        self.counts = counts
        index = {pid: k for k, pid in enumerate(self.points.ids)}
        ringed: set[int] = set()
        if state.selection is not None:
            at = state.catalog.index_of.get(state.selection)
            if at is not None:
                ringed = {index[p] for p in state.catalog.places[at] if p in index}
        filtered = {index[p] for p in state.filter.places if p in index}
        self.canvas.marks = MapMarks(self.points, counts, colors, ringed, filtered)
        places = int(np.count_nonzero(counts))
        shown = self.counter.shown(self.years)
        self.canvas.caption = self.tr("{years}: {events} at {places}").format(
            years=years_text(self.years), events=self.tr("%Ln event(s)", "", shown),
            places=self.tr("%Ln place(s)", "", places))
        self._name_for_screen_readers(counts)
        if self._fit_pending:
            self._fit_pending = False
            self.canvas.wanted = self._home_bounds()
            self.canvas.frame = None

    def _sort_away(self, catalog: EventCatalog) -> None:
        self._dirty = True  # count at the first paint after the sorting
        self.canvas.marks = None
        self.counts = np.zeros(len(self.points), dtype=np.int64)
        self.canvas.caption = self.tr("Counting the events at each place…")
        if self._sorting is catalog:
            return
        self._sorting = catalog

        def sort() -> None:
            sort_for_counting(catalog)
            self.sigSorted.emit(catalog)  # queued to the window's thread

        threading.Thread(target=sort, daemon=True, name="map-sort").start()

    def _counts_away(self) -> bool:
        """Whether this store is big enough that the map counts on threads."""
        return len(self.state.catalog) > SORT_AWAY_ABOVE

    def _count_away(self, catalog: EventCatalog, base: np.ndarray) -> None:
        if self._counting is base:
            return  # already being counted
        self._counting = base

        def count() -> None:
            counter = PlaceCounter(catalog, base)
            counter.shown(self.years)  # its running totals, for the caption
            self.sigCounted.emit((catalog, base, counter))  # queued to the window's thread

        threading.Thread(target=count, daemon=True, name="map-count").start()

    def _on_counted(self, counted: tuple) -> None:
        catalog, base, counter = counted
        if self._counting is base:
            self._counting = None
        now = self.state.timeline_mask
        if catalog is self.state.catalog and (base is now or np.array_equal(base, now)):  # else a newer filter came
            self.counter, self._base = counter, base
            self._changed()

    def _on_sorted(self, catalog: EventCatalog) -> None:
        if self._sorting is catalog:
            self._sorting = None
        if catalog is self.state.catalog:  # a catalog replaced meanwhile is stale: its sorting is dropped
            self._changed()

    def _home_bounds(self) -> Bounds:
        rect = self.canvas.rect()
        aspect = rect.width() / max(rect.height(), 1)
        return home_bounds(self.points, self.counts, self.canvas.limits, self.ussr_bounds, aspect)

    def home(self) -> None:
        """Fit the map to the places with events in view."""
        self._prepare()
        self.canvas.show_bounds(self._home_bounds())

    # -- clicks and hovers ---------------------------------------------------------------------------
    def toggle_place(self, index: int) -> None:
        """Filter by the place at ``index``; clicking the place filtered by alone clears the filter."""
        place = self.points.ids[index]
        current = self.state.filter
        wanted = frozenset() if current.places == {place} else frozenset({place})
        self.state.set_filter(current.with_(places=wanted))

    def clear_place(self) -> None:
        """Esc: no place filter."""
        if self.state.filter.places:
            self.state.set_filter(self.state.filter.with_(places=frozenset()))

    def _name_for_screen_readers(self, counts: np.ndarray) -> None:
        # The map is a drawing: its accessible name tells what it shows, the busiest places first.
        top = [int(k) for k in np.argsort(-counts, kind="stable")[:5] if counts[k] > 0]
        busiest = ", ".join(f"{self.points.names[k]} {int(counts[k])}" for k in top)
        name = self.tr("Map, {caption}").format(caption=self.canvas.caption)
        if busiest:
            name += self.tr("; most events: {places}").format(places=busiest)
        if name != self.canvas.accessibleName():
            self.canvas.setAccessibleName(name)

    def tooltip(self, index: int) -> str:
        """The place, its kind, the events in view there and their first and last dates (store text escaped)."""
        points, catalog = self.points, self.state.catalog
        name = html.escape(points.names[index][:200])
        kind = html.escape(points.kinds[index][:40])
        count = int(self.counts[index]) if index < len(self.counts) else 0
        lines = [f"<b>{name}</b>" + (f" · {kind}" if kind else "")]
        if count == 0:
            lines.append(self.tr("no events in view"))
        else:
            lines.append(self.tr("%Ln event(s) in view", "", count))
            span = self.counter.span(index, self.years) if self.counter is not None else None
            if span is not None:
                first, last = span
                last_date = catalog.ends[last] or catalog.starts[last]
                words = window_date_words()
                when = catalog.date_words(first, words) if first == last else \
                    date_words(catalog.starts[first], last_date, words=words)
                lines.append(html.escape(when))
        if not points.on_map[index]:
            lines.append("<i>" + self.tr("beyond the map") + "</i>")
        return "<br>".join(lines)


def _bounds_of(rings: list[np.ndarray]) -> Bounds:
    if not rings:
        return 0.0, 0.0, 1.0, 1.0
    points = np.concatenate(rings)
    return (float(points[:, 0].min()), float(points[:, 1].min()), float(points[:, 0].max()),
            float(points[:, 1].max()))
