"""Paint the marks and labels of a timeline layout with a QPainter, for the screen and for snapshots.

The timeline item and the snapshot exporter both call :class:`MarkPainter`, so an
exported picture shows exactly what the window draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPaintEngine, QPainter, QPen, QPixmap, QPolygonF

from timeline_app.gui.mark_styles import mark_style
from timeline_app.gui.time_grid import paint_time_grid
from timeline_app.gui.vague_ends import EndFades, fade_lengths
from timeline_app.model.catalog import EventCatalog
from timeline_app.model.layout import FILM_CODE, FILM_LANE, TimelineLayout, label_room
from timeline_app.model.mark_density import MarkDensity
from timeline_app.store.timeline_index import UNSPECIFIED_YEARS

MARKER_PX = 11
MIN_LABEL_PX = 36
MAX_LABEL_CHARS = 300  # a label never shows more; a very long title must not make a frame slow
MIN_ROW_PX_FOR_LABELS = 12
#: Above this many visible marks, each lane is drawn as a density strip (one column per pixel).
DENSITY_LIMIT = 1000
#: Lanes of more marks than this have their density table made on a thread after their first frame;
#: up to it, every frame counts the marks in view directly.
DENSITY_AHEAD_ABOVE = 400_000
#: Labels are drawn only while this few marks are in view; past it they would be a blur anyway.
MAX_LABELLED_MARKS = 500
INSIDE_BAR_PX = 110  # bars at least this wide carry their label inside
NEUTRAL = "#8c8c8c"


@dataclass(frozen=True)
class DeviceMap:
    """How data coordinates (decimal years, rows) map to device pixels, and what is visible."""

    sx: float
    dx: float
    sy: float
    dy: float
    view: QRectF  # visible data rectangle

    def x(self, value):
        """Device x of decimal year(s) ``value``."""
        return value * self.sx + self.dx

    def y(self, value):
        """Device y of row coordinate(s) ``value``."""
        return value * self.sy + self.dy


@dataclass
class PaintedMarks:
    """Where the last paint put each visible mark, for hit-testing: catalog index and device extent."""

    events: np.ndarray
    left: np.ndarray
    right: np.ndarray
    cy: np.ndarray
    label_left: np.ndarray | None = None  # where each mark's label starts (NaN: no label drawn)
    density: DeviceMap | None = None  # drawn as density strips, through this map: picked by nearest_mark


class MarkPainter:
    """Draws lane bands, event marks and the labels that fit.

    Diamonds mark events known to the day; a translucent span with a hollow diamond
    marks an event known only to the month or year, or to a decade (``192X``); bars mark
    periods; hatching marks disputed events. Approximate, uncertain and open ends fade
    out. Where more marks are visible than can be told apart, each lane becomes a density
    strip instead.
    """

    def __init__(self, catalog: EventCatalog, layout: TimelineLayout) -> None:
        self.catalog, self.layout = catalog, layout
        self.text_color = QColor("#202020")
        self.band_color = QColor(0, 0, 0, 12)
        self.font = QFont()
        self.selected: int | None = None
        self.exact_day = catalog.exact_day
        self.is_range = catalog.is_range
        self.date_flags = catalog.date_flags
        self.disputed = catalog.disputed
        self.film = np.asarray(catalog.arrays.layer) == FILM_CODE
        self.lane_colors = [QColor(lane.color) for lane in layout.lanes]
        themes = catalog.arrays.themes
        palette = [QColor(catalog.theme_colors.get(key, NEUTRAL)) for key in themes.keys] + [QColor(NEUTRAL)]
        self.first_theme = themes.first()  # -1: no theme, drawn in the neutral colour (last style)
        self._lane_has_color = np.array([lane.color != NEUTRAL for lane in layout.lanes] or [False])
        self._colors = [*self.lane_colors, *palette]
        self.background = "#ffffff"
        self._styles = [mark_style(c, self.background) for c in self._colors]
        self._stamps: dict[tuple[int, str, float], QPixmap] = {}
        self._fades = EndFades()
        self._density_image: tuple | None = None
        self.grid = True
        lane_of_row = np.zeros(layout.total_rows, dtype=np.int64)
        for index, lane in enumerate(layout.lanes):
            lane_of_row[lane.first_row:lane.first_row + lane.rows] = index
        colors = [[c.red(), c.green(), c.blue()] for c in self.lane_colors] or [[140, 140, 140]]
        self._row_colors = np.array(colors, dtype=np.uint8)[lane_of_row]
        self.density = MarkDensity(layout, ahead_above=DENSITY_AHEAD_ABOVE, direct_up_to=DENSITY_AHEAD_ABOVE)

    def set_background(self, background: QColor) -> None:
        """Draw for this background: outlines and labels on bars are chosen to stand out on it."""
        if background.name() != self.background:
            self.background = background.name()
            self._styles = [mark_style(c, self.background) for c in self._colors]
            self._stamps.clear()

    def visible_marks(self, view: QRectF) -> np.ndarray:
        """Indices of the marks that overlap the visible data rectangle ``view``."""
        return self.layout.marks_in(view.left(), view.right(), view.top(), view.bottom())

    def paint(self, painter: QPainter, device: DeviceMap) -> PaintedMarks:
        """Paint bands, marks and labels through ``device``; return where the marks went."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        view = device.view
        left_px, right_px = device.x(view.left()), device.x(view.right())
        for lane_index, lane in enumerate(self.layout.lanes):
            top = device.y(lane.first_row)
            band = QRectF(left_px, top, right_px - left_px, lane.rows * device.sy)
            if lane.key == FILM_LANE:  # the film's lane is dotted: apart from the record at a glance
                painter.fillRect(band, QBrush(QColor(lane.color).lighter(150), Qt.BrushStyle.Dense6Pattern))
            elif lane_index % 2 == 0:
                painter.fillRect(band, self.band_color)
        if self.grid:
            self._paint_grid(painter, device, left_px, right_px)
        crowded = self.layout.count_starting(view.left(), view.right()) > DENSITY_LIMIT
        marks = None if crowded else self.visible_marks(view)
        if marks is None or len(marks) > DENSITY_LIMIT:
            self._paint_density(painter, device)
            self._paint_selection_on_strips(painter, device)
            painter.restore()
            empty = np.zeros(0)
            return PaintedMarks(np.zeros(0, dtype=np.int64), empty, empty, empty, density=device)
        lay = self.layout
        # Clamp to the view: not every vector format honours a clip, and a bar cut at the
        # frame reads better than one running past it.
        x0 = np.maximum(device.x(lay.x0[marks]), left_px)
        x1 = np.minimum(device.x(lay.x1[marks]), right_px)
        cy = device.y(lay.row[marks] + 0.5)
        events = lay.event[marks]
        flags = self.date_flags[events]
        point = ~self.is_range[events] | ((flags & UNSPECIFIED_YEARS) > 0)  # a decade is a span, not a period
        exact = self.exact_day[events]
        anchor = np.where(point, (x0 + np.maximum(x1, x0 + 3)) / 2, x0)
        row_px = abs(device.sy)
        bar_h = max(4.0, min(row_px * 0.5, 16.0))
        style_of = self._style_index(marks)
        disputed = self.disputed[events]
        film = self.film[events]
        diamond = point & exact
        # Python calls per mark are the cost here: pens and brushes are made once per colour,
        # and bars go first without antialiasing (their edges sit on pixels), diamonds after.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._draw_bars(painter, np.flatnonzero(~diamond), style_of, x0, x1, cy, bar_h, point, disputed)
        # On screen and in PNGs each diamond is a stamp of a ready-drawn picture; SVG and PDF
        # get real polygons so they stay vector.
        raster = painter.paintEngine() is not None and painter.paintEngine().type() == QPaintEngine.Type.Raster
        ratio = painter.device().devicePixelRatioF() if raster else 1.0
        left_fade, right_fade = fade_lengths(flags)
        vague = np.flatnonzero((left_fade > 0) | (right_fade > 0))
        if len(vague):
            # Vague ends fade out beyond the mark; a day known only vaguely fades out on both sides of its diamond.
            colors = [self._styles[s]["span" if p else "bar"].color()
                      for s, p in zip(style_of[vague].tolist(), point[vague].tolist(), strict=True)]
            self._fades.draw(painter, colors, x0[vague], x1[vague], cy[vague] - bar_h / 2, bar_h, left_fade[vague],
                             right_fade[vague], raster)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        half = (MARKER_PX + 2) / 2
        for kind, chosen in (("filled", diamond), ("hollow", point & ~exact)):
            for k in np.flatnonzero(chosen).tolist():
                style_index = int(style_of[k])
                centre = float(x0[k] + x1[k]) / 2 if kind == "filled" else \
                    float(x0[k]) + max(float(x1[k] - x0[k]), 3.0) / 2
                variant = kind if not (kind == "filled" and disputed[k]) else "disputed"
                if film[k]:
                    variant = "film" if kind == "filled" else "film-hollow"
                if raster:
                    painter.drawPixmap(QPointF(centre - half, float(cy[k]) - half),
                                       self._stamp(style_index, variant, ratio))
                else:
                    self._draw_diamond(painter, self._styles[style_index], variant, centre, float(cy[k]))
        if self.selected is not None:
            for k in np.flatnonzero(events == self.selected).tolist():
                self._draw_selection(painter, float(x0[k]), float(x1[k]), float(cy[k]), bar_h,
                                     bool(point[k] and exact[k]))
        label_left = np.full(len(marks), np.nan)
        if row_px >= MIN_ROW_PX_FOR_LABELS and len(marks) <= MAX_LABELLED_MARKS:
            label_left = self._draw_labels(painter, marks, events, anchor, x1, cy, point, (left_px, right_px), row_px,
                                           style_of)
        painter.restore()
        return PaintedMarks(events, np.minimum(anchor, x0), np.maximum(x1, anchor), cy, label_left)

    def _paint_grid(self, painter: QPainter, device: DeviceMap, left_px: float, right_px: float) -> None:
        # The grid is drawn here rather than by the axis, so it is part of the picture the
        # timeline keeps between paints of an unchanged view.
        paint_time_grid(painter, device.view.left(), device.view.right(), left_px, right_px, device.y(0),
                        device.y(self.layout.total_rows), self.text_color)

    def _style_index(self, marks: np.ndarray) -> np.ndarray:
        # Lanes with a colour of their own (themes) use it; others colour each mark by its first theme.
        lanes = self.layout.lane[marks]
        first = self.first_theme[self.layout.event[marks]]
        by_theme = np.where(first < 0, len(self._styles) - 1, len(self.lane_colors) + first)
        return np.where(self._lane_has_color[lanes], lanes, by_theme)

    def density_counts(self, left: float, right: float, width: int) -> np.ndarray:
        """Marks starting in each of ``width`` equal columns of the years ``left``..``right``, per row."""
        return self.density.counts(left, right, width)

    def _paint_density(self, painter: QPainter, device: DeviceMap) -> None:
        # One pixel column per bin and one image row per lane row: a million marks become one image.
        left_px = device.x(device.view.left())
        width = max(1, int(round(device.x(device.view.right()) - left_px)))
        rows = self.layout.total_rows
        key = (device.view.left(), device.view.right(), width)
        if self._density_image is None or self._density_image[0] != key:
            # The same view is often painted twice (screen, then a grab): build its image once.
            counts = self.density_counts(device.view.left(), device.view.right(), width).astype(np.float32)
            peak = np.log1p(max(float(counts.max(initial=0)), 2.0))
            alpha = np.clip(np.log1p(counts) / peak * 230 + (counts > 0) * 25, 0, 255)
            image = np.empty((rows, width, 4), dtype=np.uint8)
            image[..., :3] = self._row_colors[:, None, :]
            image[..., 3] = alpha.astype(np.uint8)
            qimage = QImage(image.data, width, rows, width * 4, QImage.Format.Format_RGBA8888)
            self._density_image = (key, qimage, image)  # the array backs the QImage: keep both
        target = QRectF(left_px, device.y(0), width, rows * device.sy)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(target, self._density_image[1])

    def _paint_selection_on_strips(self, painter: QPainter, device: DeviceMap) -> None:
        """Outline the selected event where it lies on the strips (one search over the marks, in numpy)."""
        if self.selected is None:
            return
        lay, view = self.layout, device.view
        at = np.flatnonzero(lay.event == self.selected)
        at = at[(lay.x1[at] >= view.left()) & (lay.x0[at] <= view.right())]
        left_px, right_px = device.x(view.left()), device.x(view.right())
        bar_h = max(4.0, min(abs(device.sy) * 0.5, 16.0))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for k in at.tolist():
            x0 = max(float(device.x(lay.x0[k])), left_px)
            x1 = min(float(device.x(lay.x1[k])), right_px)
            point = not bool(self.is_range[self.selected])
            if point:
                x1 = max(x1, x0 + 3)
            self._draw_selection(painter, x0, x1, float(device.y(lay.row[k] + 0.5)), bar_h,
                                 point and bool(self.exact_day[self.selected]))

    def nearest_mark(self, device: DeviceMap, x_px: float, y_px: float, reach_px: float = 12.0) -> int | None:
        """The catalog index of the event nearest the device point in its row of a density strip
        (within ``reach_px`` pixels), or None. Marks are sorted by start: two binary searches, then numpy."""
        lay = self.layout
        row = int(np.floor((y_px - device.dy) / device.sy)) if device.sy else -1
        if not 0 <= row < lay.total_rows:
            return None
        year = (x_px - device.dx) / device.sx
        reach = reach_px / abs(device.sx)
        lo = int(np.searchsorted(lay.x0, year - reach - lay.longest, side="left"))
        hi = int(np.searchsorted(lay.x0, year + reach, side="right"))
        near = np.flatnonzero(lay.row[lo:hi] == row) + lo
        if not len(near):
            return None
        # Distance to the mark's span (zero inside a bar), so a period under the pointer wins.
        gap = np.maximum(np.maximum(lay.x0[near] - year, year - lay.x1[near]), 0.0)
        best = int(np.argmin(gap))
        return int(lay.event[near[best]]) if gap[best] <= reach else None

    @staticmethod
    def _draw_diamond(painter: QPainter, style: dict, variant: str, x: float, y: float) -> None:
        if variant.startswith("film"):
            # A scene of the film: a square, not a diamond, so shape alone tells it from the record.
            h = MARKER_PX / 2 - 1
            painter.setPen(style["hollow"] if variant == "film-hollow" else style["outline"])
            painter.setBrush(_NO_BRUSH if variant == "film-hollow" else style["fill"])
            painter.drawRect(QRectF(x - h, y - h, 2 * h, 2 * h))
            return
        if variant == "hollow":
            _diamond(painter, x, y, MARKER_PX, _NO_BRUSH, style["hollow"])
            return
        _diamond(painter, x, y, MARKER_PX, style["fill"], style["outline"])
        if variant == "disputed":
            _diamond(painter, x, y, MARKER_PX, style["hatch"], _NO_PEN)

    def _stamp(self, style_index: int, variant: str, ratio: float) -> QPixmap:
        """A diamond drawn once into a pixmap, at the device's pixel ratio."""
        key = (style_index, variant, ratio)
        stamp = self._stamps.get(key)
        if stamp is None:
            size = MARKER_PX + 2
            stamp = QPixmap(int(np.ceil(size * ratio)), int(np.ceil(size * ratio)))
            stamp.setDevicePixelRatio(ratio)
            stamp.fill(Qt.GlobalColor.transparent)
            painter = QPainter(stamp)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            self._draw_diamond(painter, self._styles[style_index], variant, size / 2, size / 2)
            painter.end()
            self._stamps[key] = stamp
        return stamp

    def _draw_bars(self, painter: QPainter, chosen: np.ndarray, style_of: np.ndarray, x0: np.ndarray,
                   x1: np.ndarray, cy: np.ndarray, bar_h: float, point: np.ndarray, disputed: np.ndarray) -> None:
        """Periods as solid bars, spans of events known only to the month or year as pale ones.

        Bars of one colour and kind go to the painter in one call.
        """
        if not len(chosen):
            return
        lefts = x0[chosen].tolist()
        widths = np.maximum(x1[chosen] - x0[chosen], 3.0).tolist()
        tops = (cy[chosen] - bar_h / 2).tolist()
        groups: dict[tuple[int, bool], list[QRectF]] = {}
        hatched: dict[int, list[QRectF]] = {}
        for k, (style, is_span, is_disputed) in enumerate(zip(style_of[chosen].tolist(), point[chosen].tolist(),
                                                               disputed[chosen].tolist(), strict=True)):
            rect = QRectF(lefts[k], tops[k], widths[k], bar_h)
            groups.setdefault((style, is_span), []).append(rect)
            if is_disputed:
                hatched.setdefault(style, []).append(rect)
        for (style, is_span), rects in groups.items():
            look = self._styles[style]
            painter.setPen(_NO_PEN if is_span else look["bar_pen"])
            painter.setBrush(look["span"] if is_span else look["bar"])
            painter.drawRects(rects)
        painter.setPen(_NO_PEN)
        for style, rects in hatched.items():
            painter.setBrush(self._styles[style]["hatch"])
            painter.drawRects(rects)

    def _draw_selection(self, painter: QPainter, x0: float, x1: float, cy: float, bar_h: float,
                        diamond: bool) -> None:
        pen = QPen(self.text_color, 2.2)
        if diamond:
            _diamond(painter, (x0 + x1) / 2, cy, MARKER_PX + 8, _NO_BRUSH, pen)
        else:
            painter.setPen(pen)
            painter.setBrush(_NO_BRUSH)
            painter.drawRoundedRect(QRectF(x0 - 3, cy - bar_h / 2 - 3, max(x1 - x0, 3.0) + 6, bar_h + 6), 3, 3)

    def _draw_labels(self, painter, marks, events, anchor, x1, cy, point, edges, row_px, style_of) -> np.ndarray:
        left_px, right_px = edges
        font = QFont(self.font)
        font.setPixelSize(int(max(10, min(13, row_px - 2))))
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        # A label goes right after its marker (even when the day or month it stands for is wide at
        # this zoom), or inside its bar when the bar is long, else after it; none starts left of
        # the view, and none runs into the next mark of its row.
        inside = ~point & (x1 - anchor >= INSIDE_BAR_PX)
        text_x = np.where(point, anchor + MARKER_PX / 2 + 4, np.where(inside, anchor + 4, x1 + 4))
        text_x = np.maximum(text_x, left_px + 2)
        lefts = np.where(point, anchor - MARKER_PX / 2, anchor)
        room = label_room(text_x, lefts, self.layout.row[marks], right_px - 4)
        room = np.where(inside, np.minimum(room, x1 - text_x - 4), room)
        half = metrics.height() / 2
        drawn = np.full(len(marks), np.nan)
        labelled = np.flatnonzero(room >= MIN_LABEL_PX)
        self.catalog.titles.fetch(events[labelled])  # one query for every label of the frame
        for k in labelled.tolist():
            title = self.catalog.titles[int(events[k])][:MAX_LABEL_CHARS]
            if self.film[int(events[k])]:
                title = "▣ " + title
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, float(room[k]))
            if len(text) < 4:
                continue
            painter.setPen(self._styles[int(style_of[k])]["label"] if inside[k] else self.text_color)
            painter.drawText(QRectF(float(text_x[k]), float(cy[k]) - half, float(room[k]), 2 * half),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
            drawn[k] = text_x[k]
        return drawn


_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)


def _diamond(painter: QPainter, x: float, y: float, size: float, brush: QBrush, pen: QPen) -> None:
    h = size / 2
    painter.setPen(pen)
    painter.setBrush(brush)
    painter.drawPolygon(QPolygonF([QPointF(x, y - h), QPointF(x + h, y), QPointF(x, y + h), QPointF(x - h, y)]))
