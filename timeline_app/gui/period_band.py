"""The band of periods (leaders' eras) drawn across the top of the timeline."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from timeline_app.store.dates import date_span

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
        self.periods = period_spans(periods)
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
        band = QRectF(painter.viewport())
        band.setTop(min(dy, sy + dy))
        band.setHeight(abs(sy))
        paint_periods(painter, self.periods, sx, dx, band, self.font)
        painter.restore()


def paint_periods(painter: QPainter, periods: list[tuple[float, float, str]], sx: float, dx: float,
                  band: QRectF, font: QFont) -> None:
    """Draw ``(start, end, name)`` periods as tinted spans across ``band``, names shortened to fit."""
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    for k, (start, end, name) in enumerate(periods):
        rect = QRectF(start * sx + dx, band.top(), (end - start) * sx, band.height())
        painter.fillRect(rect.intersected(band), QColor(_SHADES[k % len(_SHADES)]))
        painter.setPen(QPen(QColor("#888888"), 1))
        if band.left() <= rect.left() <= band.right():
            painter.drawLine(rect.topLeft(), rect.bottomLeft())
        visible = rect.intersected(band)
        text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, visible.width() - 8)
        if len(text) >= 4:
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(visible, int(Qt.AlignmentFlag.AlignCenter), text)


def period_spans(periods: list[dict]) -> list[tuple[float, float, str]]:
    """``(start, end, name)`` in decimal years for each period dict."""
    return [(*date_span(p["start"], p.get("end") or ""), p["name"]) for p in periods]
