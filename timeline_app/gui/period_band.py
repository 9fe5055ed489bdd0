"""The band of periods (leaders' eras) drawn across the top of the timeline."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from timeline_app.dates import date_span

_SHADES = ("#d9d2e9", "#cfe2f3", "#d9ead3", "#fff2cc", "#f4cccc", "#d0e0e3")


class PeriodBandItem(pg.GraphicsObject):
    """Draws each period as a tinted span with its name centred, shortened to fit or left out."""

    def __init__(self) -> None:
        super().__init__()
        self.periods: list[tuple[float, float, str]] = []
        self.font = QFont()
        self.text_color = QColor("#202020")

    def set_periods(self, periods: list[dict]) -> None:
        """Draw these periods (dicts with name, start, end)."""
        self.prepareGeometryChange()
        self.periods = []
        for period in periods:
            start, end = date_span(period["start"], period.get("end") or "")
            self.periods.append((start, end, period["name"]))
        self.update()

    def boundingRect(self) -> QRectF:
        if not self.periods:
            return QRectF(1900, 0, 1, 1)
        low = min(p[0] for p in self.periods)
        return QRectF(low, 0, max(p[1] for p in self.periods) - low, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        t = painter.transform()
        sx, dx, sy, dy = t.m11(), t.dx(), t.m22(), t.dy()
        painter.save()
        painter.resetTransform()
        metrics = QFontMetricsF(self.font)
        painter.setFont(self.font)
        top, bottom = dy, sy + dy
        for k, (start, end, name) in enumerate(self.periods):
            rect = QRectF(start * sx + dx, min(top, bottom), (end - start) * sx, abs(bottom - top))
            painter.fillRect(rect, QColor(_SHADES[k % len(_SHADES)]))
            painter.setPen(QPen(QColor("#888888"), 1))
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
            visible = rect.intersected(QRectF(painter.viewport()))
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, visible.width() - 8)
            if len(text) >= 4:
                painter.setPen(QColor("#1a1a1a"))
                painter.drawText(visible, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
