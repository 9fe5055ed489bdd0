"""The graphics item that draws every event mark and its label on the timeline."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF

from timeline_app.catalog import EventCatalog
from timeline_app.dates import parse_date
from timeline_app.layout import TimelineLayout, label_room

MARKER_PX = 11
MIN_LABEL_PX = 36
MIN_ROW_PX_FOR_LABELS = 12


class EventsItem(pg.GraphicsObject):
    """Draws the marks of a :class:`TimelineLayout`: diamonds for events known to the day,
    translucent spans for events known only to the month or year, bars for ranges,
    hatching for disputed events, and as many labels as fit without overlapping.

    It paints in device pixels so marks and text keep their size as the view zooms,
    and only what lies inside the visible range.
    """

    def __init__(self) -> None:
        super().__init__()
        self.catalog: EventCatalog | None = None
        self.layout: TimelineLayout | None = None
        self.selected: int | None = None
        self.hovered: int | None = None
        self.text_color = QColor("#202020")
        self.band_color = QColor(0, 0, 0, 14)
        self.font = QFont()
        self._bounds = QRectF(1900, 0, 130, 1)
        self._exact_day = np.zeros(0, dtype=bool)
        self._is_range = np.zeros(0, dtype=bool)
        self._colors: list[QColor] = []
        self._row_px = 0.0
        self._last_marks: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None

    def set_layout(self, catalog: EventCatalog, layout: TimelineLayout, x_limits: tuple[float, float]) -> None:
        """Draw ``layout`` from now on."""
        self.prepareGeometryChange()
        self.catalog, self.layout = catalog, layout
        self._bounds = QRectF(x_limits[0], 0, x_limits[1] - x_limits[0], layout.total_rows)
        self._exact_day = np.array([parse_date(catalog.starts[i]).precision == "day" for i in range(len(catalog))],
                                   dtype=bool)
        self._is_range = np.array([bool(e) for e in catalog.ends], dtype=bool)
        self._colors = [QColor(lane.color) for lane in layout.lanes]
        self._theme_color = [
            QColor(catalog.theme_colors.get(t[0], "#8c8c8c")) if t else QColor("#8c8c8c") for t in catalog.themes
        ]
        self.update()

    def set_palette_colors(self, text: QColor, band: QColor) -> None:
        """Colours for labels and lane bands, taken from the window's light or dark palette."""
        self.text_color, self.band_color = text, band
        self.update()

    def set_selected(self, index: int | None) -> None:
        """Outline the event at catalog ``index``."""
        self.selected = index
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _mark_color(self, mark: int) -> QColor:
        assert self.layout is not None
        if self.layout.lanes[self.layout.lane[mark]].color != "#8c8c8c":
            return self._colors[self.layout.lane[mark]]
        return self._theme_color[self.layout.event[mark]]

    def visible_marks(self, view: QRectF) -> np.ndarray:
        """Indices of the marks that overlap the visible data rectangle ``view``."""
        if self.layout is None or not len(self.layout.event):
            return np.zeros(0, dtype=np.int64)
        lay = self.layout
        inside = (lay.x1 >= view.left()) & (lay.x0 <= view.right())
        inside &= (lay.row + 1 >= view.top()) & (lay.row <= view.bottom())
        return np.flatnonzero(inside)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.layout is None or self.catalog is None:
            return
        box = self.getViewBox()
        if box is None:
            return
        view = box.viewRect()
        t = painter.transform()
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        row_px = abs(sy)
        self._row_px = row_px
        left_px, right_px = view.left() * sx + dx, view.right() * sx + dx
        for lane_index, lane in enumerate(self.layout.lanes):
            if lane_index % 2 == 0:
                top = lane.first_row * sy + dy
                painter.fillRect(QRectF(left_px, top, right_px - left_px, lane.rows * sy), self.band_color)
        marks = self.visible_marks(view)
        lay = self.layout
        x0 = lay.x0[marks] * sx + dx
        x1 = lay.x1[marks] * sx + dx
        cy = (lay.row[marks] + 0.5) * sy + dy
        events = lay.event[marks]
        point = ~self._is_range[events]
        exact = self._exact_day[events]
        anchor = np.where(point, (x0 + np.maximum(x1, x0 + 3)) / 2, x0)
        bar_h = max(4.0, min(row_px * 0.5, 16.0))
        for k, mark in enumerate(marks.tolist()):
            event = int(events[k])
            color = self._mark_color(mark)
            self._draw_mark(painter, color, float(x0[k]), float(x1[k]), float(cy[k]), bar_h,
                            bool(point[k]), bool(exact[k]), self.catalog.certainty[event] == "disputed"
                            or bool(self.catalog.disputed[event]), event == self.selected)
        self._last_marks = (marks, np.minimum(anchor, x0), cy, np.maximum(x1, anchor))
        if row_px >= MIN_ROW_PX_FOR_LABELS and len(marks) <= 3000:
            self._draw_labels(painter, marks, events, anchor, x0, x1, cy, point, exact, (left_px, right_px))
        painter.restore()

    def _draw_mark(self, painter: QPainter, color: QColor, x0: float, x1: float, cy: float, bar_h: float,
                   point: bool, exact: bool, disputed: bool, selected: bool) -> None:
        outline = QPen(color.darker(150), 1.2)
        if point and exact:
            self._diamond(painter, (x0 + x1) / 2, cy, MARKER_PX, QBrush(color), outline)
        else:
            width = max(x1 - x0, 3.0)
            rect = QRectF(x0, cy - bar_h / 2, width, bar_h)
            fill = QColor(color)
            fill.setAlpha(215 if not point else 80)
            pen = QPen(color.darker(130), 1.2, Qt.PenStyle.SolidLine if not point else Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 2, 2)
            if point:  # known only to the month or year: a hollow diamond somewhere in its span
                self._diamond(painter, x0 + width / 2, cy, MARKER_PX, QBrush(Qt.BrushStyle.NoBrush),
                              QPen(color.darker(140), 2))
        if disputed:
            hatch = QBrush(color.darker(220), Qt.BrushStyle.BDiagPattern)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hatch)
            if point and exact:
                self._diamond(painter, (x0 + x1) / 2, cy, MARKER_PX, hatch, QPen(Qt.PenStyle.NoPen))
            else:
                painter.drawRect(QRectF(x0, cy - bar_h / 2, max(x1 - x0, 3.0), bar_h))
        if selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self.text_color, 2.2))
            if point and exact:
                self._diamond(painter, (x0 + x1) / 2, cy, MARKER_PX + 8, QBrush(Qt.BrushStyle.NoBrush),
                              QPen(self.text_color, 2.2))
            else:
                painter.drawRoundedRect(QRectF(x0 - 3, cy - bar_h / 2 - 3, max(x1 - x0, 3.0) + 6, bar_h + 6), 3, 3)

    @staticmethod
    def _diamond(painter: QPainter, x: float, y: float, size: float, brush: QBrush, pen: QPen) -> None:
        h = size / 2
        painter.setPen(pen)
        painter.setBrush(brush)
        painter.drawPolygon(QPolygonF([QPointF(x, y - h), QPointF(x + h, y), QPointF(x, y + h), QPointF(x - h, y)]))

    def _draw_labels(self, painter, marks, events, anchor, x0, x1, cy, point, exact, edges) -> None:
        left_px, right_px = edges
        font = QFont(self.font)
        font.setPixelSize(int(max(10, min(13, self._row_px - 2))))
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        # Labels start after the marker, or inside/after a bar; clamp to the view's left edge.
        text_x = np.where(point, np.maximum(anchor + MARKER_PX / 2, x1) + 4, x0 + 4)
        text_x = np.maximum(text_x, left_px + 2)
        room = label_room(text_x, self.layout.row[marks], right_px - 4)
        half = metrics.height() / 2
        for k in range(len(marks)):
            if room[k] < MIN_LABEL_PX:
                continue
            title = self.catalog.titles[int(events[k])]
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, float(room[k]))
            if len(text) < 4:
                continue
            rect = QRectF(float(text_x[k]), float(cy[k]) - half, float(room[k]), 2 * half)
            inside_bar = not point[k] and x1[k] - text_x[k] > metrics.horizontalAdvance(text)
            painter.setPen(QColor("#111111") if inside_bar else self.text_color)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)

    def mark_at(self, x_px: float, y_px: float, tolerance: float = 6.0) -> int | None:
        """The catalog index of the event drawn under the device point, if any (from the last paint)."""
        if self._last_marks is None or self.layout is None:
            return None
        marks, left, cy, right = self._last_marks
        if not len(marks):
            return None
        near_y = np.abs(cy - y_px) <= max(tolerance, MARKER_PX / 2 + 2)
        inside_x = (x_px >= left - MARKER_PX / 2 - tolerance) & (x_px <= right + MARKER_PX / 2 + tolerance)
        hits = np.flatnonzero(near_y & inside_x)
        if not len(hits):
            return None
        best = hits[np.argmin(np.abs(left[hits] - x_px) + np.abs(cy[hits] - y_px))]
        return int(self.layout.event[marks[best]])
