"""Marks whose dates are approximate, uncertain or open: their vague ends fade out instead of stopping.

"c. 1930" fades out on both sides of its year, "1953?/1964" fades in before 1953, "1985/.."
fades out well past 1985. Which ends are vague comes from the timeline index's ``date_flags``
(vectorised over the visible marks). The mark itself is drawn as any other; each fade is a
short gradient-filled rectangle beyond its end, vector in SVG and PDF.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGradient, QLinearGradient, QPainter

from timeline_app.store.timeline_index import OPEN_END, OPEN_START, VAGUE_END, VAGUE_START

#: How far past a vague end the mark fades out (device pixels), and past an open end.
VAGUE_PX = 18.0
OPEN_PX = 60.0


def fade_lengths(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each mark, how many pixels its left and right ends fade over (0: a sharp end)."""
    left = np.where(flags & OPEN_START, OPEN_PX, np.where(flags & VAGUE_START, VAGUE_PX, 0.0))
    right = np.where(flags & OPEN_END, OPEN_PX, np.where(flags & VAGUE_END, VAGUE_PX, 0.0))
    return left, right


def _fade_brush(color: QColor, outward_right: bool) -> QBrush:
    """Full ``color`` at the mark's end, nothing at the far side of whatever rectangle it fills."""
    solid, clear = QColor(color), QColor(color)
    clear.setAlpha(0)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(1, 0))
    gradient.setCoordinateMode(QGradient.CoordinateMode.ObjectBoundingMode)  # 0..1 across each rectangle
    gradient.setColorAt(0.0, solid if outward_right else clear)
    gradient.setColorAt(1.0, clear if outward_right else solid)
    return QBrush(gradient)


class EndFades:
    """Draws the fades beyond vague ends, with one gradient brush per colour and side, made once."""

    def __init__(self) -> None:
        self._brushes: dict[tuple[int, bool], QBrush] = {}

    def draw(self, painter: QPainter, colors: list[QColor], x0: np.ndarray, x1: np.ndarray, top: np.ndarray,
             height: float, left_fade: np.ndarray, right_fade: np.ndarray, raster: bool) -> None:
        """A fade of ``left_fade[k]`` pixels left of ``x0[k]`` and of ``right_fade[k]`` right of ``x1[k]``.

        On screen and in PNGs the fades of one colour and side go to the painter in one call (the
        raster engine spreads an object-bounding gradient over each rectangle); SVG and PDF get one
        rectangle per call, so every fade keeps its own gradient there too.
        """
        painter.setPen(Qt.PenStyle.NoPen)
        ends = np.maximum(x1, x0 + 3.0)  # a mark is at least 3 px wide, as the bars are drawn
        rgba = [c.rgba() for c in colors]
        for edges, lengths, outward_right in ((x0 - left_fade, left_fade, False), (ends, right_fade, True)):
            chosen = np.flatnonzero(lengths > 0)
            groups: dict[int, list[QRectF]] = {}
            # Plain lists: indexing numpy arrays one element at a time would cost more than the drawing.
            for k, left, length, y in zip(chosen.tolist(), edges[chosen].tolist(), lengths[chosen].tolist(),
                                          top[chosen].tolist(), strict=True):
                groups.setdefault(k if not raster else rgba[k], []).append(QRectF(left, y, length, height))
            for key, rects in groups.items():
                color = colors[key] if not raster else QColor.fromRgba(key)
                painter.setBrush(self._brush(color, outward_right))
                painter.drawRects(rects)

    def _brush(self, color: QColor, outward_right: bool) -> QBrush:
        key = (color.rgba(), outward_right)
        if key not in self._brushes:
            self._brushes[key] = _fade_brush(color, outward_right)
        return self._brushes[key]
