"""The timeline widget: periods band, zoomable lanes of events, and an overview strip."""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from timeline_app.gui.core_words import lane_name
from timeline_app.gui.events_item import EventsItem
from timeline_app.gui.period_band import PeriodBandItem
from timeline_app.gui.timeline_keys import TimelineKeys
from timeline_app.gui.timeline_speech import TimelineSpeech
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.gui.year_axis import YearAxisItem
from timeline_app.model.catalog import EventCatalog
from timeline_app.model.explorer_state import DEFAULT_RANGE
from timeline_app.model.layout import TimelineLayout

MIN_SPAN_YEARS = 1.5 / 365  # about one day fills the view at the deepest zoom
MIN_ROW_PX = 12  # the row height labels need (see mark_painter.MIN_ROW_PX_FOR_LABELS)
MAX_MIN_PLOT_PX = 170  # rows keep room for labels up to this; a small screen still fits
SYNC_MS = 40  # the overview and year boxes follow the view at most 25 times a second
TOOLTIP_MS = 60_000  # a tooltip is the only way to read a shortened label: it stays while hovered


class TimelineView(QWidget):
    """Shows events in lanes on a zoomable time axis.

    Keys (when focused) move from event to event, pan and zoom (:mod:`timeline_keys`); its accessible
    name and description tell the selected event (:mod:`timeline_speech`).

    Signals:
      sigEventClicked(str): an event id the user clicked or moved to with the arrow keys.
      sigEventMenu(str, QPoint): an event id the user right-clicked, and where (global).
      sigRangeChanged(float, float): the visible years, while the view moves.
      sigRangeChangeFinished(float, float): the visible years, once the view settles.
    """

    sigEventClicked = Signal(str)
    sigEventMenu = Signal(str, QPoint)
    sigRangeChanged = Signal(float, float)
    sigRangeChangeFinished = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.catalog: EventCatalog | None = None
        self._tip_index: int | None = None
        self.layout_: TimelineLayout | None = None
        self.shown_count = 0
        self.limits = (1912.0, 1997.0)
        self._density_for: EventCatalog | None = None
        self._rows_shown, self._axis_width = -1, -1  # what the lanes last needed: unchanged, no relayout
        self._ticks_shown: list[tuple[float, str]] | None = None  # lane names on the axis: set again on a change
        pg.setConfigOptions(antialias=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.band_plot = pg.PlotWidget(enableMenu=False)
        self.band_plot.setFixedHeight(26)
        self.band = PeriodBandItem()
        self.band_plot.addItem(self.band)
        self.plot = pg.PlotWidget(axisItems={"bottom": YearAxisItem()}, enableMenu=False)
        self.overview = pg.PlotWidget(enableMenu=False)
        self.overview.setFixedHeight(52)
        self.legend = QLabel(self.tr(
            "◆ exact day   ◇ month or year only   ▬ period   ░ faded: approximate or open   ▨ hatched: disputed   "
            "■ square: film scene   ·   "
            "wheel: zoom   drag: pan   double-click: zoom to event   ·   keys: arrows go from event to event, "
            "Shift+arrows pan, + − zoom, Enter zooms to the event, Home"
        ))
        self.legend.setWordWrap(True)
        for widget in (self.band_plot, self.plot, self.overview):
            layout.addWidget(widget)
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            widget.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the timeline itself takes the keys
        self.overview.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # its keys move the window of years
        layout.addWidget(self.legend)
        self.box = self.plot.getPlotItem().getViewBox()
        self.box.setMouseEnabled(x=True, y=False)
        self.box.invertY(True)
        self.box.setDefaultPadding(0)
        self.plot.hideButtons()
        self.items = EventsItem()
        self.plot.addItem(self.items)
        self._setup_band()
        self._setup_overview()
        self._finished = QTimer(self, singleShot=True, interval=200)
        self._finished.timeout.connect(self._emit_finished)
        self._sync_timer = QTimer(self, singleShot=True, interval=SYNC_MS)
        self._sync_timer.timeout.connect(self._sync_followers)
        self.box.sigXRangeChanged.connect(self._on_range_changed)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.scene().sigMouseMoved.connect(self._on_hover)
        self.keys = TimelineKeys(self)
        self.speech = TimelineSpeech(self)
        self.apply_palette()

    def _setup_band(self) -> None:
        item = self.band_plot.getPlotItem()
        for side in ("left", "bottom"):
            item.hideAxis(side)
        item.showAxis("left")
        item.getAxis("left").setStyle(showValues=False, tickLength=0)
        item.getAxis("left").setPen(pg.mkPen(None))
        self.band_plot.setMouseEnabled(x=False, y=False)
        self.band_plot.hideButtons()
        self.band_plot.setYRange(0, 1, padding=0)
        self.band_plot.setXLink(self.plot)

    def _setup_overview(self) -> None:
        item = self.overview.getPlotItem()
        item.hideAxis("left")
        item.showAxis("left")
        left = item.getAxis("left")
        left.setStyle(showValues=False, tickLength=0)
        left.setPen(pg.mkPen(None))
        self.overview.setMouseEnabled(x=False, y=False)
        self.overview.hideButtons()
        self.density = pg.PlotDataItem(stepMode="center", fillLevel=0, brush=pg.mkBrush(120, 120, 120, 120),
                                       pen=pg.mkPen(120, 120, 120))
        self.overview.addItem(self.density)
        self.home_range: tuple[float, float] = DEFAULT_RANGE  # the open store's: set by the window
        self.overview_window = pg.LinearRegionItem(values=DEFAULT_RANGE, brush=pg.mkBrush(60, 120, 220, 50))
        self.overview_window.setZValue(10)
        self.overview.addItem(self.overview_window)
        self.overview_window.sigRegionChanged.connect(self._on_window_dragged)
        # The selected event on the overview's strip: found again after zooming far out.
        self.overview_selected = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(200, 40, 40, width=2))
        self.overview_selected.setZValue(11)
        self.overview_selected.hide()
        self.overview.addItem(self.overview_selected)
        self._syncing = False

    def apply_palette(self) -> None:
        """Follow the application's light or dark palette."""
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        for widget in (self.band_plot, self.plot, self.overview):
            widget.setBackground(base)
            for name in ("left", "bottom"):
                axis = widget.getPlotItem().getAxis(name)
                axis.setTextPen(pg.mkPen(text))
                visible_line = widget is self.plot or (widget is self.overview and name == "bottom")
                axis.setPen(pg.mkPen(text.darker(150) if not dark else text.lighter(60)) if visible_line
                            else pg.mkPen(None))
        self.legend.setStyleSheet(f"color: {text.name()}; padding: 2px 6px;")
        self.items.font = self.font()
        self.items.set_palette_colors(text, QColor(255, 255, 255, 16) if dark else QColor(0, 0, 0, 12), base)
        self.band.font = self.font()

    # -- content -------------------------------------------------------------------------------------
    def has_painted(self) -> bool:
        """Whether a frame with events has been painted since the view was made."""
        return self.items.frames > 0

    def after_next_frame(self, callback) -> None:
        """Call ``callback()`` once the next frame with events has been painted (queued after it)."""
        self.items.after_frame.append(callback)

    def set_content(self, catalog: EventCatalog, layout: TimelineLayout) -> None:
        """Draw ``layout``; keeps the current view range."""
        self.catalog, self.layout_ = catalog, layout
        low, high = catalog.extent()
        self.limits = (min(1912.0, low - 3), max(1997.0, high + 3))
        self.box.setLimits(xMin=self.limits[0], xMax=self.limits[1], minXRange=MIN_SPAN_YEARS,
                           maxXRange=self.limits[1] - self.limits[0])
        self.items.set_layout(catalog, layout, self.limits)
        self.shown_count = layout.events_drawn()
        self.keys.mark = None  # marks are renumbered: find the selected event's anew
        self.keys.follow_selection(self.items.selected)
        rows = layout.total_rows
        # Keep rows tall enough for labels (up to a point), whatever the splitters are set to.
        self.plot.setMinimumHeight(int(min(MAX_MIN_PLOT_PX, rows * MIN_ROW_PX + 40)))
        if self._rows_shown != rows:  # a filter often keeps the lanes: pyqtgraph's relayout costs milliseconds
            self._rows_shown = rows
            self.box.setLimits(yMin=0, yMax=rows)
            self.box.setYRange(0, rows, padding=0)
        ticks = [((lane.first_row + lane.rows / 2), lane_name(lane)) for lane in layout.lanes]
        axis = self.plot.getPlotItem().getAxis("left")
        if ticks != self._ticks_shown:  # new ticks make the axis lay out and draw its names anew
            self._ticks_shown = ticks
            axis.setTicks([ticks, []])
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        width = int(max(120, 16 + max((metrics.horizontalAdvance(name) for _, name in ticks), default=60)))
        # One width for all three plots, set at once: the era band and the overview strip share
        # the timeline's left edge whatever the lane names (never one step behind).
        if width != self._axis_width:
            self._axis_width = width
            for widget in (self.plot, self.band_plot, self.overview):
                widget.getPlotItem().getAxis("left").setWidth(width)
                widget.getPlotItem().layout.activate()
        if self._density_for is not catalog:  # the overview shows the whole store, filters aside
            self._density_for = catalog
            self.band.set_periods(catalog.periods)
            self.band_plot.setVisible(bool(catalog.periods))  # a store without eras gets no empty band
            self._update_density(catalog)
        self.overview.setXRange(*self.limits, padding=0)
        self.overview_window.setBounds(self.limits)

    def _update_density(self, catalog: EventCatalog) -> None:
        edges = np.arange(np.floor(self.limits[0]), np.ceil(self.limits[1]) + 1)
        counts, _ = np.histogram(catalog.start_year, bins=edges)
        self.density.setData(edges, np.sqrt(counts))  # square root keeps a busy year from flattening the rest
        self.overview.setYRange(0, max(1.0, float(np.sqrt(counts).max(initial=1))), padding=0.05)

    def set_selected(self, index: int | None) -> None:
        """Outline the event at catalog ``index`` (on the strips too), mark it on the overview, put the
        keys' place on it and tell a screen reader."""
        self.items.set_selected(index)
        self.keys.follow_selection(index)
        if index is None or self.catalog is None or not 0 <= index < len(self.catalog):
            self.overview_selected.hide()
            self.speech.show_nothing()
            return
        self.overview_selected.setPos(float(self.catalog.start_year[index]))
        self.overview_selected.show()
        position = self.tr("{shown} events shown.").format(shown=self.shown_count) if self.shown_count else ""
        self.speech.show_event(self.catalog, index, self.keys.lane_name(), position)

    # -- range ---------------------------------------------------------------------------------------
    def view_range(self) -> tuple[float, float]:
        """The visible years."""
        low, high = self.box.viewRange()[0]
        return float(low), float(high)

    def set_view_range(self, low: float, high: float) -> None:
        """Show the years ``low`` to ``high`` (clamped to the zoom limits)."""
        self.box.setXRange(low, high, padding=0)

    def home(self) -> None:
        """Back to the store's home range (``home_range``: its years, 1917-1991 for the shipped store)."""
        self.set_view_range(*self.home_range)

    def zoom(self, factor: float, centre: float | None = None) -> None:
        """Zoom in (factor < 1) or out (factor > 1) about ``centre`` (default: the middle)."""
        low, high = self.view_range()
        centre = (low + high) / 2 if centre is None else centre
        span = max(MIN_SPAN_YEARS, min((high - low) * factor, self.limits[1] - self.limits[0]))
        ratio = (centre - low) / (high - low) if high > low else 0.5
        self.set_view_range(centre - span * ratio, centre + span * (1 - ratio))

    def pan(self, fraction: float) -> None:
        """Move the view by ``fraction`` of its width (negative: back in time)."""
        low, high = self.view_range()
        shift = (high - low) * fraction
        shift = max(self.limits[0] - low, min(shift, self.limits[1] - high))
        self.set_view_range(low + shift, high + shift)

    def centre_on(self, index: int) -> None:
        """Bring the event at catalog ``index`` into view, keeping the zoom when it already shows."""
        if self.catalog is None:
            return
        low, high = self.view_range()
        start, end = float(self.catalog.start_year[index]), float(self.catalog.end_year[index])
        if end >= low and start <= high:
            return  # any part in view is enough: a long period selected at day zoom keeps the view
        span = high - low
        middle = (start + end) / 2
        self.set_view_range(middle - span / 2, middle + span / 2)

    def zoom_to(self, index: int) -> None:
        """Fill the view with the event at catalog ``index`` and a margin around it."""
        if self.catalog is None:
            return
        start, end = float(self.catalog.start_year[index]), float(self.catalog.end_year[index])
        span = max(end - start, 20 / 365)
        self.set_view_range(start - span, end + span)

    def _on_range_changed(self, _box, _x_range) -> None:
        # The main view repaints at once; the overview window and the year boxes follow at most
        # every SYNC_MS, so a fast zoom or pan spends its frames on the timeline itself.
        if not self._sync_timer.isActive():
            self._sync_timer.start()
        self._finished.start()

    def _sync_followers(self) -> None:
        low, high = self.view_range()
        if not self._syncing:
            self._syncing = True
            self.overview_window.setRegion((low, high))
            self._syncing = False
        self.sigRangeChanged.emit(low, high)

    def _emit_finished(self) -> None:
        self._sync_followers()
        self.sigRangeChangeFinished.emit(*self.view_range())

    def _on_window_dragged(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        low, high = self.overview_window.getRegion()
        self.set_view_range(low, high)
        self._syncing = False

    # -- mouse and keys ------------------------------------------------------------------------------
    def _event_under(self, scene_pos: QPointF) -> int | None:
        view_pos = self.plot.mapFromScene(scene_pos)
        return self.items.mark_at(float(view_pos.x()), float(view_pos.y()))

    def _on_click(self, event) -> None:
        index = self._event_under(event.scenePos())
        if index is None or self.catalog is None:
            return
        if event.button() == Qt.MouseButton.RightButton:
            where = self.plot.mapToGlobal(self.plot.mapFromScene(event.scenePos()))
            self.sigEventMenu.emit(self.catalog.ids[index], where)
            return
        self.sigEventClicked.emit(self.catalog.ids[index])
        if event.double():
            self.zoom_to(index)

    def _on_hover(self, scene_pos: QPointF) -> None:
        index = self._event_under(scene_pos)
        if index is None or self.catalog is None:
            if self._tip_index is not None:
                QToolTip.hideText()
            self._tip_index = None
            return
        if index == self._tip_index and QToolTip.isVisible():
            return  # the same mark: leave the tip up (showing it again restarts and then hides it)
        self._tip_index = index
        c = self.catalog
        places = ", ".join(c.place_names.get(p, p) for p in c.places[index]) or self.tr("no place given")
        when = c.date_words(index, window_date_words())
        kind = {1: "<br><i>" + self.tr("▣ a scene of the film, not the record") + "</i>",
                2: "<br><i>" + self.tr("the film's reception") + "</i>"}.get(int(c.arrays.layer[index]), "")
        text = f"<b>{_escape(c.titles[index][:300])}</b><br>{_escape(when)}<br>{_escape(places)}{kind}"
        view_pos = self.plot.mapFromScene(scene_pos)
        global_pos = self.plot.mapToGlobal(view_pos)
        # The tip stays while the pointer is within a few pixels of the mark, for up to a minute.
        area = QRect(view_pos.x() - 12, view_pos.y() - 12, 24, 24)
        QToolTip.showText(global_pos, text, self.plot, area, TOOLTIP_MS)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.keys.handle(event):
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return html.escape(text)
