"""Paint the marks and labels of a timeline layout with a QPainter, for the screen and for snapshots.

The timeline item and the snapshot exporter both call :class:`MarkPainter`, so an
exported picture shows exactly what the window draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPolygonF

from timeline_app.catalog import EventCatalog
from timeline_app.layout import TimelineLayout, label_room

MARKER_PX = 11
MIN_LABEL_PX = 36
MIN_ROW_PX_FOR_LABELS = 12
#: Above this many visible marks, each lane is drawn as a density strip (one column per pixel).
DENSITY_LIMIT = 4000
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


class MarkPainter:
    """Draws lane bands, event marks and the labels that fit.

    Diamonds mark events known to the day; a translucent dashed span with a hollow
    diamond marks an event known only to the month or year; bars mark periods;
    hatching marks disputed events. Where more marks are visible than can be told
    apart, each lane becomes a density strip instead.
    """

    def __init__(self, catalog: EventCatalog, layout: TimelineLayout) -> None:
        self.catalog, self.layout = catalog, layout
        self.text_color = QColor("#202020")
        self.band_color = QColor(0, 0, 0, 12)
        self.font = QFont()
        self.selected: int | None = None
        self.exact_day = catalog.exact_day
        self.is_range = catalog.is_range
        self.disputed = catalog.disputed
        self.lane_colors = [QColor(lane.color) for lane in layout.lanes]
        themes = catalog.arrays.themes
        palette = [QColor(catalog.theme_colors.get(key, NEUTRAL)) for key in themes.keys] + [QColor(NEUTRAL)]
        self.theme_palette = palette
        self.first_theme = themes.first()  # -1 (no theme) picks the neutral colour at the end

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
            if lane_index % 2 == 0:
                top = device.y(lane.first_row)
                painter.fillRect(QRectF(left_px, top, right_px - left_px, lane.rows * device.sy), self.band_color)
        marks = self.visible_marks(view)
        if len(marks) > DENSITY_LIMIT:
            self._paint_density(painter, device, marks)
            painter.restore()
            empty = np.zeros(0)
            return PaintedMarks(np.zeros(0, dtype=np.int64), empty, empty, empty)
        lay = self.layout
        # Clamp to the view: not every vector format honours a clip, and a bar cut at the
        # frame reads better than one running past it.
        x0 = np.maximum(device.x(lay.x0[marks]), left_px)
        x1 = np.minimum(device.x(lay.x1[marks]), right_px)
        cy = device.y(lay.row[marks] + 0.5)
        events = lay.event[marks]
        point = ~self.is_range[events]
        exact = self.exact_day[events]
        anchor = np.where(point, (x0 + np.maximum(x1, x0 + 3)) / 2, x0)
        row_px = abs(device.sy)
        bar_h = max(4.0, min(row_px * 0.5, 16.0))
        for k, mark in enumerate(marks.tolist()):
            event = int(events[k])
            self._draw_mark(painter, self._mark_color(mark), float(x0[k]), float(x1[k]), float(cy[k]), bar_h,
                            bool(point[k]), bool(exact[k]), bool(self.disputed[event]), event == self.selected)
        if row_px >= MIN_ROW_PX_FOR_LABELS:
            self._draw_labels(painter, marks, events, anchor, x1, cy, point, (left_px, right_px), row_px)
        painter.restore()
        return PaintedMarks(events, np.minimum(anchor, x0), np.maximum(x1, anchor), cy)

    def _mark_color(self, mark: int) -> QColor:
        lane = self.layout.lanes[self.layout.lane[mark]]
        if lane.color != NEUTRAL:
            return self.lane_colors[self.layout.lane[mark]]
        return self.theme_palette[self.first_theme[self.layout.event[mark]]]

    def _paint_density(self, painter: QPainter, device: DeviceMap, marks: np.ndarray) -> None:
        # One pixel column per bin and one image row per lane row: a million marks become one image.
        lay = self.layout
        left_px = device.x(device.view.left())
        width = max(1, int(round(device.x(device.view.right()) - left_px)))
        rows = lay.total_rows
        columns = np.clip((device.x(lay.x0[marks]) - left_px).astype(np.int64), 0, width - 1)
        flat = np.bincount(lay.row[marks] * width + columns, minlength=rows * width)
        counts = flat.reshape(rows, width).astype(np.float32)
        lane_of_row = np.zeros(rows, dtype=np.int64)
        for index, lane in enumerate(self.layout.lanes):
            lane_of_row[lane.first_row:lane.first_row + lane.rows] = index
        colors = np.array([[c.red(), c.green(), c.blue()] for c in self.lane_colors] or [[140, 140, 140]],
                          dtype=np.uint8)
        alpha = np.clip(np.log1p(counts) / np.log1p(max(float(counts.max()), 2.0)) * 230 + (counts > 0) * 25, 0, 255)
        image = np.zeros((rows, width, 4), dtype=np.uint8)
        image[..., :3] = colors[lane_of_row][:, None, :]
        image[..., 3] = alpha.astype(np.uint8)
        qimage = QImage(image.data, width, rows, width * 4, QImage.Format.Format_RGBA8888)
        target = QRectF(left_px, device.y(0), width, rows * device.sy)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(target, qimage)

    def _draw_mark(self, painter: QPainter, color: QColor, x0: float, x1: float, cy: float, bar_h: float,
                   point: bool, exact: bool, disputed: bool, selected: bool) -> None:
        width = max(x1 - x0, 3.0)
        if point and exact:
            _diamond(painter, (x0 + x1) / 2, cy, MARKER_PX, QBrush(color), QPen(color.darker(150), 1.2))
        else:
            fill = QColor(color)
            fill.setAlpha(215 if not point else 80)
            style = Qt.PenStyle.SolidLine if not point else Qt.PenStyle.DashLine
            painter.setPen(QPen(color.darker(130), 1.2, style))
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(x0, cy - bar_h / 2, width, bar_h), 2, 2)
            if point:  # known only to the month or year: a hollow diamond somewhere in its span
                _diamond(painter, x0 + width / 2, cy, MARKER_PX, QBrush(Qt.BrushStyle.NoBrush),
                         QPen(color.darker(140), 2))
        if disputed:
            hatch = QBrush(color.darker(220), Qt.BrushStyle.BDiagPattern)
            if point and exact:
                _diamond(painter, (x0 + x1) / 2, cy, MARKER_PX, hatch, QPen(Qt.PenStyle.NoPen))
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(hatch)
                painter.drawRect(QRectF(x0, cy - bar_h / 2, width, bar_h))
        if selected:
            pen = QPen(self.text_color, 2.2)
            if point and exact:
                _diamond(painter, (x0 + x1) / 2, cy, MARKER_PX + 8, QBrush(Qt.BrushStyle.NoBrush), pen)
            else:
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(x0 - 3, cy - bar_h / 2 - 3, width + 6, bar_h + 6), 3, 3)

    def _draw_labels(self, painter, marks, events, anchor, x1, cy, point, edges, row_px) -> None:
        left_px, right_px = edges
        font = QFont(self.font)
        font.setPixelSize(int(max(10, min(13, row_px - 2))))
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        # Labels start after a marker, or inside a bar; none starts left of the view.
        text_x = np.where(point, np.maximum(anchor + MARKER_PX / 2, x1) + 4, anchor + 4)
        text_x = np.maximum(text_x, left_px + 2)
        room = label_room(text_x, self.layout.row[marks], right_px - 4)
        half = metrics.height() / 2
        labelled = np.flatnonzero(room >= MIN_LABEL_PX)
        self.catalog.titles.fetch(events[labelled])  # one query for every label of the frame
        for k in labelled.tolist():
            title = self.catalog.titles[int(events[k])]
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, float(room[k]))
            if len(text) < 4:
                continue
            inside_bar = not point[k] and x1[k] - text_x[k] > metrics.horizontalAdvance(text)
            painter.setPen(QColor("#111111") if inside_bar else self.text_color)
            painter.drawText(QRectF(float(text_x[k]), float(cy[k]) - half, float(room[k]), 2 * half),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


def _diamond(painter: QPainter, x: float, y: float, size: float, brush: QBrush, pen: QPen) -> None:
    h = size / 2
    painter.setPen(pen)
    painter.setBrush(brush)
    painter.drawPolygon(QPolygonF([QPointF(x, y - h), QPointF(x + h, y), QPointF(x, y + h), QPointF(x - h, y)]))
