"""The graphics item that draws every event mark and its label on the timeline."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPaintEngine, QPainter, QPixmap

from timeline_app.gui.mark_painter import MARKER_PX, DeviceMap, MarkPainter, PaintedMarks
from timeline_app.model.catalog import EventCatalog
from timeline_app.model.layout import TimelineLayout


class EventsItem(pg.GraphicsObject):
    """Draws a :class:`TimelineLayout` through a :class:`MarkPainter`.

    It paints in device pixels so marks and text keep their size as the view zooms,
    and only what lies inside the visible range.
    """

    def __init__(self) -> None:
        super().__init__()
        self.catalog: EventCatalog | None = None
        self.layout: TimelineLayout | None = None
        self.marks: MarkPainter | None = None
        self.selected: int | None = None
        self.text_color = QColor("#202020")
        self.band_color = QColor(0, 0, 0, 14)
        self.background = QColor("#ffffff")
        self.font = QFont()
        self._bounds = QRectF(1900, 0, 130, 1)
        self.painted: PaintedMarks | None = None
        self._cached: tuple | None = None
        self._version = 0  # bumped whenever what is drawn changes, so the cached picture is redrawn
        self.after_frame: list = []  # called (queued) once a frame with marks has been painted
        self.frames = 0  # frames painted with marks

    def set_layout(self, catalog: EventCatalog, layout: TimelineLayout, x_limits: tuple[float, float]) -> None:
        """Draw ``layout`` from now on."""
        self.prepareGeometryChange()
        self.catalog, self.layout = catalog, layout
        self._bounds = QRectF(x_limits[0], 0, x_limits[1] - x_limits[0], layout.total_rows)
        self.marks = MarkPainter(catalog, layout)
        self._style()  # also invalidates the cached picture
        self.update()

    def _style(self) -> None:
        self._version += 1
        if self.marks is not None:
            self.marks.text_color, self.marks.band_color = self.text_color, self.band_color
            self.marks.font, self.marks.selected = self.font, self.selected
            self.marks.set_background(self.background)

    def set_palette_colors(self, text: QColor, band: QColor, background: QColor | None = None) -> None:
        """Colours for labels, lane bands and the background, taken from the window's light or dark palette."""
        self.text_color, self.band_color = text, band
        self.background = background if background is not None else self.background
        self._style()
        self.update()

    def set_selected(self, index: int | None) -> None:
        """Outline the event at catalog ``index``."""
        self.selected = index
        self._style()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        box = self.getViewBox()
        if self.marks is None or box is None:
            return
        t = painter.transform()
        device = DeviceMap(t.m11(), t.dx(), t.m22(), t.dy(), box.viewRect())
        painter.save()
        painter.resetTransform()
        engine = painter.paintEngine()
        if engine is None or engine.type() != QPaintEngine.Type.Raster:
            self.painted = self.marks.paint(painter, device)
        else:
            # The same view is often painted more than once (an expose, a tooltip, a grab):
            # draw it into a picture once and copy that until the view or the content changes.
            view = device.view
            target = QRectF(device.x(view.left()), device.y(view.top()), view.width() * device.sx,
                            view.height() * device.sy).normalized().toAlignedRect()
            ratio = painter.device().devicePixelRatioF()
            key = (device.sx, device.dx, device.sy, device.dy, view.getRect(), target.getRect(), ratio, self._version)
            if self._cached is None or self._cached[0] != key:
                picture = QPixmap(max(1, int(target.width() * ratio)), max(1, int(target.height() * ratio)))
                picture.setDevicePixelRatio(ratio)
                picture.fill(Qt.GlobalColor.transparent)
                inner = QPainter(picture)
                inner.translate(-target.left(), -target.top())
                self.painted = self.marks.paint(inner, device)
                inner.end()
                self._cached = (key, picture)
            painter.drawPixmap(target.topLeft(), self._cached[1])
        painter.restore()
        self.frames += 1
        waiting, self.after_frame = self.after_frame, []
        for callback in waiting:
            QTimer.singleShot(0, callback)  # after this paint has reached the screen

    def mark_at(self, x_px: float, y_px: float, tolerance: float = 6.0) -> int | None:
        """The catalog index of the event drawn under the device point, if any (from the last paint)."""
        painted = self.painted
        if painted is not None and painted.density is not None and self.marks is not None:
            return self.marks.nearest_mark(painted.density, x_px, y_px)  # strips: the nearest event in the row
        if painted is None or not len(painted.events):
            return None
        near_y = np.abs(painted.cy - y_px) <= max(tolerance, MARKER_PX / 2 + 2)
        reach = MARKER_PX / 2 + tolerance
        inside_x = (x_px >= painted.left - reach) & (x_px <= painted.right + reach)
        hits = np.flatnonzero(near_y & inside_x)
        if not len(hits):
            return None
        best = hits[np.argmin(np.abs(painted.left[hits] - x_px) + np.abs(painted.cy[hits] - y_px))]
        return int(painted.events[best])
