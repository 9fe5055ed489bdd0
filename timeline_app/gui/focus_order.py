"""Where Tab goes in the window, a ring that shows where the focus is, and keys that jump between regions.

Tab runs top to bottom through the filters, then the timeline, its overview, the map, the event
table, the panes' tabs and the open pane. Inside the table, lists and timeline the arrow keys move;
Tab leaves them.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMenu, QSplitter, QTextBrowser, QWidget

from timeline_app.gui.map_canvas import MapCanvas
from timeline_app.gui.timeline_view import TimelineView

if TYPE_CHECKING:
    from timeline_app.gui.main_window import MainWindow

RING_PX = 2


def _tr(text: str) -> str:
    return QCoreApplication.translate("FocusOrder", text)


def focus_chain(window: MainWindow) -> list[QWidget]:
    """Every control Tab stops at, in order (a hidden pane's controls are skipped by Qt)."""
    filters, reader = window.filters, window.reader
    return [
        filters.search, filters.reviewer, filters.year_from, filters.year_to, filters.disputed,
        *filters.layer_boxes.values(), filters.themes, filters.places, filters.clear,
        window.timeline, window.timeline.overview, window.map_pane.canvas, window.table,
        window.panes.tabBar(), window.excerpts, window.commentary,
        reader.source_box, reader.unused, reader.text, reader.find_box, reader.previous_button,
        reader.next_button, reader.copy_button,
    ]


def regions(window: MainWindow) -> list[tuple[str, str, QWidget]]:
    """(menu text, shortcut, widget) of each region View > Go to and F6 jump between."""
    return [
        (_tr("&Filters"), "Ctrl+1", window.filters.search),
        (_tr("&Timeline"), "Ctrl+2", window.timeline),
        (_tr("&Map"), "Ctrl+3", window.map_pane.canvas),
        (_tr("Event &list"), "Ctrl+4", window.table),
        (_tr("&Passages and reviews"), "Ctrl+5", window.panes),
    ]


class FocusRing(QWidget):
    """A ring in the palette's highlight drawn just inside a view whose style shows no focus of its own.

    It lies over the window rather than inside the view (a view may be deleted; the ring stays) and
    inside the view's edges rather than around them (a view that fills its pane leaves no room outside).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def attach(self, target: QWidget | None) -> None:
        """Lie around ``target`` from now on (None: hide)."""
        if self.target is not None:
            self.target.removeEventFilter(self)
        self.target = target
        if target is None:
            self.hide()
            return
        target.installEventFilter(self)
        self.follow()
        self.show()
        self.raise_()

    def follow(self) -> None:
        """Lie over the target where it now is."""
        if self.target is not None:
            self.setGeometry(QRect(self.target.mapTo(self.parentWidget(), QPoint(0, 0)), self.target.size()))

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.follow()
        elif event.type() == QEvent.Type.Hide:
            self.hide()
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_PX))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_PX // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


class FocusKeeper(QObject):
    """Owns the Tab order, the focus ring and the Go to actions of one window."""

    def __init__(self, window: MainWindow, view_menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        window.filter_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the search box is the first stop
        window.panes.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # else Tab comes back to its tab bar through it
        window.panes.tabBar().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        chain = focus_chain(window)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        # A text browser's Tab goes from link to link: the review has dozens (Previous and Next step
        # through them), so there Tab leaves at once; the panes keep their few links unless they have none.
        self._leave_on_tab = {window.reader.text: True, window.excerpts: False, window.commentary: False}
        for browser in self._leave_on_tab:
            browser.installEventFilter(self)
        self.ring = FocusRing(window)
        for splitter in window.findChildren(QSplitter):  # a dragged splitter moves views without moving them
            splitter.splitterMoved.connect(lambda *_: self.ring.follow())
        QApplication.instance().focusChanged.connect(self._on_focus)
        self._add_go_to(view_menu)

    def _add_go_to(self, view_menu: QMenu) -> None:
        menu = view_menu.addMenu(_tr("&Go to"))
        for text, keys, widget in regions(self.window):
            action = QAction(text, self.window)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, w=widget: self.go_to(w))
            menu.addAction(action)
        menu.addSeparator()
        for text, keys, step in ((_tr("&Next region"), "F6", 1), (_tr("P&revious region"), "Shift+F6", -1)):
            action = QAction(text, self.window)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, s=step: self.step_region(s))
            menu.addAction(action)

    def go_to(self, widget: QWidget) -> None:
        """Put the focus on ``widget`` (for the panes: the open pane's first control)."""
        if widget is self.window.panes:
            widget = self.window.panes.currentWidget()
            if widget is self.window.reader:
                widget = self.window.reader.text
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def step_region(self, step: int) -> None:
        """F6: the next region after the one holding the focus (Shift+F6: the one before)."""
        targets = [widget for _text, _keys, widget in regions(self.window)]
        focus = QApplication.focusWidget()
        current = next((k for k, w in enumerate(targets)
                        if focus is not None and (focus is w or w.isAncestorOf(focus))), None)
        if current is None and focus is not None and self.window.filters.isAncestorOf(focus):
            current = 0
        start = -1 if current is None and step > 0 else (0 if current is None else current)
        self.go_to(targets[(start + step) % len(targets)])

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.Type.KeyPress and watched in self._leave_on_tab
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
                and (self._leave_on_tab[watched] or not has_links(watched))):
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            move_focus(watched, forward)
            return True
        return False

    def _on_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        target = ring_target(new) if new is not None and self.window.isAncestorOf(new) else None
        self.ring.attach(target)


def ring_target(widget: QWidget) -> QWidget | None:
    """The widget to draw the ring around when ``widget`` has the focus (None: its style shows focus itself)."""
    if isinstance(widget, TimelineView):
        return widget.plot
    if isinstance(widget, QAbstractScrollArea | MapCanvas):
        return widget
    return None


def has_links(browser: QTextBrowser) -> bool:
    """Whether the browser shows a link Tab could go to."""
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            if fragments.fragment().charFormat().isAnchor():
                return True
            fragments += 1
        block = block.next()
    return False


def move_focus(widget: QWidget, forward: bool) -> None:
    """Give the focus to the next (or previous) control Tab would reach from ``widget``."""
    candidate = widget
    for _ in range(10_000):  # the chain is a ring; the bound only guards against a broken one
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        if candidate is widget:
            return
        if (candidate.isVisible() and candidate.isEnabled() and candidate.focusProxy() is None
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus):
            candidate.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
            return
