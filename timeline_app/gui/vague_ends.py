"""Marks whose dates are approximate, uncertain or open: their vague ends fade out instead of stopping.

"c. 1930" fades in and out around its year, "1953?/1964" fades in at 1953, "1985/.." fades
out well past 1985. Which ends are vague comes from the timeline index's ``date_flags``
(vectorised over the visible marks); only the few vague marks in view are drawn one by one,
each with a gradient brush.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPen

from timeline_app.store.timeline_index import OPEN_END, OPEN_START, VAGUE_END, VAGUE_START

#: How far past a vague end the mark fades out (device pixels), and past an open end.
VAGUE_PX = 18.0
OPEN_PX = 60.0
_NO_PEN = QPen(Qt.PenStyle.NoPen)


def fade_lengths(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each mark, how many pixels its left and right ends fade over (0: a sharp end)."""
    left = np.where(flags & OPEN_START, OPEN_PX, np.where(flags & VAGUE_START, VAGUE_PX, 0.0))
    right = np.where(flags & OPEN_END, OPEN_PX, np.where(flags & VAGUE_END, VAGUE_PX, 0.0))
    return left, right


def draw_faded_bars(painter: QPainter, colors: list[QColor], x0: np.ndarray, x1: np.ndarray, top: np.ndarray,
                    height: float, left_fade: np.ndarray, right_fade: np.ndarray) -> None:
    """Bars from ``x0`` to ``x1`` whose ends fade to nothing over ``left_fade``/``right_fade`` pixels beyond them.

    The colour is solid from the date's bound inwards, so the years the date surely covers stay
    as strong as a sharp mark's; the fade lies outside them, where the date may also reach.
    """
    painter.setPen(_NO_PEN)
    for k in range(len(x0)):
        a, b = float(x0[k]), max(float(x1[k]), float(x0[k]) + 3.0)
        lo, hi = a - float(left_fade[k]), b + float(right_fade[k])
        width = hi - lo
        gradient = QLinearGradient(QPointF(lo, 0), QPointF(hi, 0))
        solid, clear = QColor(colors[k]), QColor(colors[k])
        clear.setAlpha(0)
        gradient.setColorAt(0.0, clear if left_fade[k] else solid)
        gradient.setColorAt((a - lo) / width, solid)
        gradient.setColorAt((b - lo) / width, solid)
        gradient.setColorAt(1.0, clear if right_fade[k] else solid)
        painter.setBrush(QBrush(gradient))
        painter.drawRect(QRectF(lo, float(top[k]), width, height))
