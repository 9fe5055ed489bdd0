"""The map's drawing surface: outlines and marks, zoomed and panned on its own, clicks and hovers.

It knows nothing of the explorer's state: the map pane hands it the marks to draw just
before each paint (so counting follows the frames) and hears which place was clicked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QKeyEvent, QMouseEvent, QPainter, QPalette, QPixmap, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from timeline_app.gui.map_painter import MapFrame, MapLook, MapMarks, MapPainter, PaintedPlaces
from timeline_app.model.map_geometry import Bounds, Outlines, region_bounds

MIN_KM_PER_PX = 0.4  # the deepest zoom: a town's streets are not on this map anyway
WHEEL_STEP = 1.25
DRAG_PX = 4  # a press that moves less is a click


class MapCanvas(QWidget):
    """Draws the map; wheel zooms about the cursor, drag pans, keys zoom, pan and go home.

    Signals:
      sigPlaceClicked(int): the index (into the pane's places) of a place clicked.
      sigEscape(): Esc was pressed.
      sigHome(): Home was pressed (the pane fits the places shown).
    """

    sigPlaceClicked = Signal(int)
    sigEscape = Signal()
    sigHome = Signal()

    def __init__(self, outlines: Outlines | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(220, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.outlines: Outlines | None = None  # until set_outlines: the sea alone
        self.map_painter: MapPainter | None = None
        self.limits: Bounds = region_bounds()
        self.wanted: Bounds = self.limits  # what to show when the size changes
        self.frame: MapFrame | None = None
        self.marks: MapMarks | None = None
        self.painted: PaintedPlaces | None = None
        self.caption = ""
        self.prepare: Callable[[], None] | None = None  # called before each paint: the pane counts then
        self.tooltip: Callable[[int], str] | None = None
        self.look = MapLook.light()
        self._background: tuple[tuple, QPixmap] | None = None
        self._press: QPointF | None = None
        self._press_frame: MapFrame | None = None
        self._dragged = False
        self.apply_palette()
        if outlines is not None:
            self.set_outlines(outlines)

    def set_outlines(self, outlines: Outlines) -> None:
        """Draw ``outlines`` from the next paint on.

        Reading and drawing them takes a few tenths of a second, so a window can show its
        timeline first and hand the map its outlines a moment later.
        """
        if self.wanted == self.limits:
            self.wanted = outlines.bounds
        self.outlines, self.map_painter, self.limits = outlines, MapPainter(outlines), outlines.bounds
        self.frame, self._background = None, None
        self.update()

    # -- the view ----------------------------------------------------------------------------------
    def current_frame(self) -> MapFrame:
        """The frame for the widget's present size (made from :attr:`wanted` when the size changed)."""
        rect = QRectF(self.rect())
        if self.frame is None or self.frame.rect != rect:
            self.frame = self._clamped(MapFrame.fitting(self.wanted, rect))
        return self.frame

    def show_bounds(self, bounds: Bounds) -> None:
        """Show ``bounds`` (kilometres), as large as the widget allows."""
        self.wanted = bounds
        self.frame = None
        self.update()

    def _set_frame(self, frame: MapFrame) -> None:
        self.frame = self._clamped(frame)
        self.wanted = self.frame.bounds()
        self.update()

    def _clamped(self, frame: MapFrame) -> MapFrame:
        x0, y0, x1, y1 = self.limits
        widest = MapFrame.fitting(self.limits, frame.rect).km_per_px
        scale = min(max(frame.km_per_px, MIN_KM_PER_PX), widest)
        cx, cy = min(max(frame.cx, x0), x1), min(max(frame.cy, y0), y1)
        return MapFrame(cx, cy, scale, frame.rect)

    def zoom(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom in (``factor`` < 1) or out, keeping the point under ``at`` (default: the centre) in place."""
        frame = self.current_frame()
        at = at if at is not None else frame.rect.center()
        x, y = frame.to_map(at.x(), at.y())
        scale = frame.km_per_px * factor
        centre = frame.rect.center()
        self._set_frame(MapFrame(x - (at.x() - centre.x()) * scale, y + (at.y() - centre.y()) * scale, scale,
                                 frame.rect))

    def pan(self, dx_px: float, dy_px: float) -> None:
        """Move the map content by pixels (positive: right and down)."""
        frame = self.current_frame()
        self._set_frame(MapFrame(frame.cx - dx_px * frame.km_per_px, frame.cy + dy_px * frame.km_per_px,
                                 frame.km_per_px, frame.rect))

    # -- painting ----------------------------------------------------------------------------------
    def apply_palette(self) -> None:
        """Follow the application's light or dark palette."""
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.look = MapLook.dark() if dark else MapLook.light()
        self._background = None
        self.update()

    def paintEvent(self, _event) -> None:
        if self.prepare is not None:
            self.prepare()
        frame = self.current_frame()
        painter = QPainter(self)
        if self.map_painter is None:
            painter.fillRect(self.rect(), self.look.sea)
            painter.end()
            return
        try:
            painter.drawPixmap(QPoint(0, 0), self._background_pixmap(frame))
            if self.marks is not None:
                self.painted = self.map_painter.paint_marks(painter, frame, self.marks, self.look)
            self._paint_caption(painter)
        finally:
            painter.end()

    def _background_pixmap(self, frame: MapFrame) -> QPixmap:
        """The outlines for this view, drawn once: following the timeline repaints only the marks."""
        ratio = self.devicePixelRatioF()
        key = (frame.cx, frame.cy, frame.km_per_px, self.width(), self.height(), ratio, self.look)
        if self._background is None or self._background[0] != key:
            pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(self.look.sea)
            painter = QPainter(pixmap)
            self.map_painter.paint_background(painter, frame, self.look)
            painter.end()
            self._background = (key, pixmap)
        return self._background[1]

    def _paint_caption(self, painter: QPainter) -> None:
        if not self.caption:
            return
        painter.setFont(self.map_painter.font)
        metrics = QFontMetricsF(self.map_painter.font)
        box = QRectF(6, 6, min(metrics.horizontalAdvance(self.caption) + 12, self.width() - 12), metrics.height() + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.look.halo)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(self.look.text)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter),
                         metrics.elidedText(self.caption, Qt.TextElideMode.ElideRight, box.width() - 8))

    # -- mouse and keys ----------------------------------------------------------------------------
    def place_at(self, pos: QPointF) -> int | None:
        """The place drawn under ``pos``, or None."""
        return self.painted.at(pos.x(), pos.y()) if self.painted is not None else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press, self._press_frame, self._dragged = event.position(), self.current_frame(), False
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and self._press_frame is not None:
            moved = event.position() - self._press
            if self._dragged or abs(moved.x()) + abs(moved.y()) >= DRAG_PX:
                self._dragged = True
                start = self._press_frame
                self._set_frame(MapFrame(start.cx - moved.x() * start.km_per_px, start.cy + moved.y() * start.km_per_px,
                                         start.km_per_px, start.rect))
            return
        index = self.place_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if index is not None else Qt.CursorShape.OpenHandCursor)
        if index is None or self.tooltip is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.tooltip(index), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            clicked = not self._dragged
            self._press, self._press_frame, self._dragged = None, None, False
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            if clicked:
                index = self.place_at(event.position())
                if index is not None:
                    self.sigPlaceClicked.emit(index)
        super().mouseReleaseEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(WHEEL_STEP ** -steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.sigEscape.emit()
        elif key == Qt.Key.Key_Home:
            self.sigHome.emit()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1 / WHEEL_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(WHEEL_STEP)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = min(self.width(), self.height()) * 0.2
            dx = {Qt.Key.Key_Left: step, Qt.Key.Key_Right: -step}.get(key, 0)
            dy = {Qt.Key.Key_Up: step, Qt.Key.Key_Down: -step}.get(key, 0)
            self.pan(dx, dy)
        else:
            super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.apply_palette()
        super().changeEvent(event)

