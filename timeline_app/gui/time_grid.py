"""The timeline's faint vertical grid: a line at each major and minor tick of the time axis.

On screen the lines are one row of pixels stretched down the lanes. A hundred vertical lines
drawn one by one touch one pixel in every image row they cross (9 ms for a full-height timeline
on this machine, paid again at every filter change); the stretched row is blended a whole image
row at a time, which the raster engine does fast (under 3 ms). Vector painters (SVG, PDF) get
real lines.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QColor, QImage, QPaintEngine, QPainter, QPen

from timeline_app.model.time_ticks import tick_levels

#: Opacity (0-255) of the major and the minor lines.
LEVEL_ALPHA = (38, 16)


def grid_columns(low: float, high: float, left_px: float, right_px: float) -> list[tuple[int, list[int]]]:
    """For the years ``low``..``high`` drawn from ``left_px`` to ``right_px``: each level's opacity
    and the whole-pixel x of its lines inside the view (major first)."""
    scale = (right_px - left_px) / (high - low) if high > low else 0.0
    levels = tick_levels(low, high, right_px - left_px)[:2]
    result = []
    for alpha, level in zip(LEVEL_ALPHA, levels, strict=False):
        xs = [round(left_px + (v - low) * scale) for v in level.values]
        result.append((alpha, [x for x in xs if left_px <= x <= right_px]))
    return result


def column_alpha(columns: list[tuple[int, list[int]]], origin: int, width: int) -> np.ndarray:
    """Opacity of each pixel column from ``origin``: where levels meet, as if drawn one over the other."""
    coverage = np.zeros(width, dtype=np.float64)
    for alpha, xs in columns:
        at = np.asarray(xs, dtype=np.int64) - origin
        at = at[(at >= 0) & (at < width)]
        coverage[at] = coverage[at] + alpha / 255 * (1 - coverage[at])  # source-over of the same colour
    return np.round(coverage * 255).astype(np.uint8)


def paint_time_grid(painter: QPainter, low: float, high: float, left_px: float, right_px: float, top: float,
                    bottom: float, color: QColor) -> None:
    """Draw the grid of the years ``low``..``high`` (at ``left_px``..``right_px``) from ``top`` to ``bottom``."""
    columns = grid_columns(low, high, left_px, right_px)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # straight lines, many times cheaper
    engine = painter.paintEngine()
    if engine is not None and engine.type() == QPaintEngine.Type.Raster:
        origin = int(np.floor(left_px))
        width = int(np.ceil(right_px)) - origin + 1
        row = np.zeros((1, width, 4), dtype=np.uint8)
        row[0, :, :3] = (color.red(), color.green(), color.blue())
        row[0, :, 3] = column_alpha(columns, origin, width)
        image = QImage(row.data, width, 1, width * 4, QImage.Format.Format_RGBA8888)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # each column stays one colour
        painter.drawImage(QRectF(origin, min(top, bottom), width, abs(bottom - top)), image)
    else:
        for alpha, xs in columns:
            line_color = QColor(color)
            line_color.setAlpha(alpha)
            painter.setPen(QPen(line_color, 1))
            painter.drawLines([QLineF(x, top, x, bottom) for x in xs])
    painter.restore()
