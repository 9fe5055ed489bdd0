"""The pens and brushes a timeline mark of one colour is drawn with, on one background."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from timeline_app.model.color_schemes import label_on_bar, mark_outline

_STYLES: dict[tuple[str, str], dict] = {}  # by (colour, background); Qt copies pens and brushes on use


def mark_style(color: QColor, background: str) -> dict:
    """Fill, outline, bar, span, label, hollow and hatch for marks of ``color`` on ``background``.

    Made once per colour and background: every change of lanes asks for all of them again.
    """
    key = (color.name(QColor.NameFormat.HexArgb), background)
    if key not in _STYLES:
        _STYLES[key] = _new_style(color, background)
    return _STYLES[key]


def _new_style(color: QColor, background: str) -> dict:
    # Outlines reach 3:1 on the background (WCAG 1.4.11): a pale theme colour keeps its shape.
    outline = QColor(mark_outline(color.name(), background))
    fill_light = QColor(color)
    fill_light.setAlpha(80)
    fill_solid = QColor(color)
    fill_solid.setAlpha(215)
    return {
        "fill": QBrush(color), "outline": QPen(outline, 1.2),
        "bar": QBrush(fill_solid), "bar_pen": QPen(outline, 1.2),
        "span": QBrush(fill_light), "label": QColor(label_on_bar(color.name(), background)),
        "hollow": QPen(outline, 2), "hatch": QBrush(color.darker(220), Qt.BrushStyle.BDiagPattern),
    }
