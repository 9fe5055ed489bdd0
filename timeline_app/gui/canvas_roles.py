"""Give the drawn views (timeline, overview, map) the accessible role of a canvas rather than a bare filler.

Qt describes a plain widget to a screen reader as a "filler", which readers skip over; a canvas
is announced with its name, which these views keep up to date themselves.
"""

from __future__ import annotations

import weakref

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_canvases: weakref.WeakSet[QWidget] = weakref.WeakSet()
_installed = False


def _factory(_class_name: str, thing) -> QAccessibleWidget | None:
    if isinstance(thing, QWidget) and thing in _canvases:
        return QAccessibleWidget(thing, QAccessible.Role.Canvas)
    return None


def register_canvas(widget: QWidget) -> None:
    """Have ``widget`` described to screen readers as a canvas (call before it is first shown)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
    _canvases.add(widget)
