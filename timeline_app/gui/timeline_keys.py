"""The timeline's own keys: one table both drives them and lists them under Help > Keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent

from timeline_app.model.mark_steps import first_mark_in_view, mark_of_event, step_across_lanes, step_along_lane

if TYPE_CHECKING:
    from timeline_app.gui.timeline_view import TimelineView

PAN_FRACTION = 0.2
ZOOM_STEP = 1.6
_K = Qt.Key
_SHIFT = Qt.KeyboardModifier.ShiftModifier


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineKeys", text)


@dataclass(frozen=True)
class KeyBinding:
    """Keys (with Shift or not), how Help writes them, what they do, and the view's method that does it."""

    keys: tuple[Qt.Key, ...]
    shift: bool
    shown: str
    what: str
    run: Callable[[TimelineKeys], None]


class TimelineKeys(QObject):
    """Moves the keyboard's place from mark to mark (selecting its event), pans, zooms; also the overview's keys.

    The place is a mark, not an event: an event drawn in two lanes is left the way it was entered.
    """

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self.view = view
        self.mark: int | None = None
        view.overview.installEventFilter(self)

    # -- the keyboard's place ------------------------------------------------------------------------
    def follow_selection(self, index: int | None) -> None:
        """Put the place on the selected event (keeping its lane when it is drawn there too)."""
        layout = self.view.layout_
        if index is None or layout is None:
            self.mark = None if index is None else self.mark
            return
        if self.mark is not None and self.mark < len(layout.event) and int(layout.event[self.mark]) == index:
            return
        lane = int(layout.lane[self.mark]) if self.mark is not None and self.mark < len(layout.lane) else None
        self.mark = mark_of_event(layout, index, lane)

    def lane_name(self) -> str | None:
        """The name of the lane the place is in."""
        layout = self.view.layout_
        if layout is None or self.mark is None or self.mark >= len(layout.lane):
            return None
        return layout.lanes[int(layout.lane[self.mark])].name

    def _go(self, move: Callable[[int], int]) -> None:
        layout = self.view.layout_
        if layout is None or not len(layout.event) or self.view.catalog is None:
            return
        if self.mark is None or self.mark >= len(layout.event):
            self.mark = first_mark_in_view(layout, *self.view.view_range())
        else:
            self.mark = move(self.mark)
        if self.mark is not None:
            self.view.sigEventClicked.emit(self.view.catalog.ids[int(layout.event[self.mark])])

    def next_in_lane(self) -> None:
        self._go(lambda mark: step_along_lane(self.view.layout_, mark, 1))

    def previous_in_lane(self) -> None:
        self._go(lambda mark: step_along_lane(self.view.layout_, mark, -1))

    def lane_below(self) -> None:
        self._go(lambda mark: step_across_lanes(self.view.layout_, mark, 1))

    def lane_above(self) -> None:
        self._go(lambda mark: step_across_lanes(self.view.layout_, mark, -1))

    def zoom_to_event(self) -> None:
        if self.view.items.selected is not None:
            self.view.zoom_to(self.view.items.selected)

    def event_menu(self) -> None:
        layout, catalog = self.view.layout_, self.view.catalog
        if layout is None or catalog is None or self.mark is None or self.mark >= len(layout.event):
            return
        plot = self.view.plot
        centre = plot.mapFromScene(self.view.items.mapToScene(float(layout.x0[self.mark]),
                                                              float(layout.row[self.mark]) + 0.5))
        inside = QPoint(max(0, min(plot.width() - 1, centre.x())), max(0, min(plot.height() - 1, centre.y())))
        self.view.sigEventMenu.emit(catalog.ids[int(layout.event[self.mark])], plot.mapToGlobal(inside))

    # -- keys ----------------------------------------------------------------------------------------
    def handle(self, event: QKeyEvent) -> bool:
        """Do what ``event``'s key is bound to; False when it is not one of the timeline's keys."""
        shift = bool(event.modifiers() & _SHIFT)
        for binding in timeline_bindings():
            if event.key() in binding.keys and binding.shift == shift:
                binding.run(self)
                return True
        return False

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.overview and event.type() == QEvent.Type.KeyPress:
            return self._overview_key(event)
        return False

    def _overview_key(self, event: QKeyEvent) -> bool:
        shift = bool(event.modifiers() & _SHIFT)
        for binding in overview_bindings():
            if event.key() in binding.keys and binding.shift == shift:
                binding.run(self)
                return True
        return False


def timeline_bindings() -> list[KeyBinding]:
    """The timeline's keys, in the order Help lists them."""
    return [
        KeyBinding((_K.Key_Right,), False, "→", _tr("Next event in the lane (timeline focused)"),
                   TimelineKeys.next_in_lane),
        KeyBinding((_K.Key_Left,), False, "←", _tr("Previous event in the lane"), TimelineKeys.previous_in_lane),
        KeyBinding((_K.Key_Down,), False, "↓", _tr("Nearest event in the lane below"), TimelineKeys.lane_below),
        KeyBinding((_K.Key_Up,), False, "↑", _tr("Nearest event in the lane above"), TimelineKeys.lane_above),
        KeyBinding((_K.Key_Right,), True, "Shift+→", _tr("Pan forward in time"),
                   lambda keys: keys.view.pan(PAN_FRACTION)),
        KeyBinding((_K.Key_Left,), True, "Shift+←", _tr("Pan back in time"),
                   lambda keys: keys.view.pan(-PAN_FRACTION)),
        KeyBinding((_K.Key_Plus, _K.Key_Equal), False, "+", _tr("Zoom in"),
                   lambda keys: keys.view.zoom(1 / ZOOM_STEP)),
        KeyBinding((_K.Key_Minus, _K.Key_Underscore), False, "−", _tr("Zoom out"),
                   lambda keys: keys.view.zoom(ZOOM_STEP)),
        KeyBinding((_K.Key_Return, _K.Key_Enter), False, "Enter", _tr("Zoom to the selected event"),
                   TimelineKeys.zoom_to_event),
        KeyBinding((_K.Key_Home,), False, "Home", _tr("Back to 1917–1991"), lambda keys: keys.view.home()),
        KeyBinding((_K.Key_Menu,), False, "Menu", _tr("The event's menu (copy, show in review)"),
                   TimelineKeys.event_menu),
        KeyBinding((_K.Key_F10,), True, "Shift+F10", _tr("The event's menu"), TimelineKeys.event_menu),
    ]


def overview_bindings() -> list[KeyBinding]:
    """The overview strip's keys: they move and size the window of years the timeline shows."""
    return [
        KeyBinding((_K.Key_Right,), False, "→", _tr("Overview focused: move the shown years forward"),
                   lambda keys: keys.view.pan(PAN_FRACTION)),
        KeyBinding((_K.Key_Left,), False, "←", _tr("Overview focused: move the shown years back"),
                   lambda keys: keys.view.pan(-PAN_FRACTION)),
        KeyBinding((_K.Key_Plus, _K.Key_Equal), False, "+", _tr("Overview focused: show fewer years"),
                   lambda keys: keys.view.zoom(1 / ZOOM_STEP)),
        KeyBinding((_K.Key_Minus, _K.Key_Underscore), False, "−", _tr("Overview focused: show more years"),
                   lambda keys: keys.view.zoom(ZOOM_STEP)),
        KeyBinding((_K.Key_Home,), False, "Home", _tr("Overview focused: back to 1917–1991"),
                   lambda keys: keys.view.home()),
    ]
