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
_made: list[QAccessibleWidget] = []  # see _factory


def _factory(_class_name: str, thing) -> QAccessibleWidget | None:
    if isinstance(thing, QWidget) and thing in _canvases:
        made = QAccessibleWidget(thing, QAccessible.Role.Canvas)
        # Qt keeps and later deletes the interface; without a reference here Python would delete
        # it as soon as this returns, and Qt's cache would free it again when the app ends (a crash).
        _made.append(made)
        return made
    return None


def register_canvas(widget: QWidget) -> None:
    """Have ``widget`` described to screen readers as a canvas (call before it is first shown)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
    _canvases.add(widget)
