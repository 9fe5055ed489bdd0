"""A keyboard user reaches every control in reading order, and a screen reader can name each and hears the timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from conftest import SHIPPED_STORE
from timeline_app.gui.main_window import MainWindow

INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTabBar, QTextEdit)


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_store(SHIPPED_STORE, quiet=True)
    win.show()
    qtbot.waitExposed(win)
    return win


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def description_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)


def walk(start: QWidget, presses: int, key=Qt.Key.Key_Tab) -> list[QWidget]:
    """The widgets holding the focus after each press of ``key``, starting from ``start``."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    seen = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), key)
        QApplication.processEvents()
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_goes_through_the_window_in_reading_order_leaves_the_table_and_comes_round(window: MainWindow) -> None:
    f = window.filters
    expected = [f.reviewer, f.year_from, f.year_to, f.disputed, *f.layer_boxes.values(), f.themes, f.places,
                f.clear, window.timeline, window.timeline.overview, window.map_pane.canvas, window.table,
                window.panes.tabBar(), window.excerpts, f.search, f.reviewer]
    seen = walk(f.search, len(expected))
    assert [type(w).__name__ for w in seen] == [type(w).__name__ for w in expected]
    assert seen == expected
    assert window.state.selection is None  # passing through the table selected nothing


def test_shift_tab_goes_back_the_same_way(window: MainWindow) -> None:
    seen = walk(window.table, 4, Qt.Key.Key_Backtab)
    assert seen == [window.map_pane.canvas, window.timeline.overview, window.timeline, window.filters.clear]


def test_the_reader_is_in_the_chain_when_open_and_tab_leaves_its_text(window: MainWindow) -> None:
    window.panes.setCurrentWidget(window.reader)
    r = window.reader
    seen = walk(window.panes.tabBar(), 8)
    assert seen == [r.source_box, r.unused, r.text, r.find_box, r.previous_button, r.next_button, r.copy_button,
                    window.filters.search]


def test_every_control_a_person_can_reach_has_an_accessible_name(window: MainWindow, qtbot) -> None:
    window.state.select("novocherkassk-massacre")
    for tab in range(window.panes.count()):
        window.panes.setCurrentIndex(tab)
        QApplication.processEvents()
        reachable = [w for w in window.findChildren(QWidget)
                     if w.isVisible() and w.focusProxy() is None
                     and (w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
                          or isinstance(w, INTERACTIVE))]
        assert len(reachable) >= 15
        unnamed = [f"{type(w).__name__} {w.objectName()}" for w in reachable if not name_of(w).strip()]
        assert unnamed == []
    assert name_of(window.filters.search) == "Search events"
    assert name_of(window.filters.year_from) == "From year"
    assert "hatched" in description_of(window.filters.disputed)
    assert name_of(window.table) == "Events shown"
    qtbot.waitUntil(lambda: "events at" in name_of(window.map_pane.canvas))
    assert name_of(window.map_pane.canvas).startswith("Map, 1917–1992: ")


def test_the_timeline_tells_a_screen_reader_the_selected_event(window: MainWindow) -> None:
    timeline = window.timeline
    assert QAccessible.queryAccessibleInterface(timeline).role() == QAccessible.Role.Canvas  # not a bare filler
    assert name_of(timeline) == "Timeline, no event selected"
    assert "arrow" in description_of(timeline)
    window.state.select("novocherkassk-massacre")
    assert name_of(timeline) == "Timeline: Shooting of demonstrators in Novocherkassk, 2 June 1962"
    description = description_of(timeline)
    assert "Places: Novocherkassk" in description and "Disputed by the reviewers" in description
    assert "scene of the film" not in description
    assert timeline.speech.spoken.startswith("Timeline: Shooting of demonstrators")  # announced
    window.state.select("secrecy-pledge")
    assert "Lyudmila and her fellow officials" in name_of(timeline)
    assert "A scene of the film, not the historical record" in description_of(timeline)
    window.state.select(None)
    assert name_of(timeline) == "Timeline, no event selected"


def test_arrow_keys_move_from_event_to_event_and_the_reader_hears_each(window: MainWindow, qtbot) -> None:
    timeline = window.timeline
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    first = window.state.selection
    assert first is not None
    layout = timeline.layout_
    index = window.state.catalog.index_of[first]
    assert timeline.items.selected == index
    lane = int(layout.lane[timeline.keys.mark])
    qtbot.keyClick(timeline, Qt.Key.Key_Right)
    second = window.state.selection
    assert second != first
    assert int(layout.lane[timeline.keys.mark]) == lane  # along the lane
    assert window.state.catalog.start_year[window.state.catalog.index_of[second]] >= \
        window.state.catalog.start_year[index]
    assert window.state.catalog.titles[window.state.catalog.index_of[second]][:40] in timeline.speech.spoken
    qtbot.keyClick(timeline, Qt.Key.Key_Left)
    assert window.state.selection == first
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    assert int(layout.lane[timeline.keys.mark]) > lane  # into a lane below
    assert window.table.currentIndex().data(Qt.ItemDataRole.UserRole + 2) == window.state.selection
    low, high = timeline.view_range()
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    zoomed = timeline.view_range()
    assert zoomed[1] - zoomed[0] < (high - low) / 4  # Enter zooms to the event


def test_the_overview_keys_move_the_shown_years(window: MainWindow, qtbot) -> None:
    overview = window.timeline.overview
    overview.setFocus()
    qtbot.keyClick(overview, Qt.Key.Key_Plus)
    low, high = window.timeline.view_range()
    assert high - low < 60
    qtbot.keyClick(overview, Qt.Key.Key_Right)
    assert window.timeline.view_range()[0] > low
    assert window.state.selection is None  # the overview moves years, not the selection


def test_a_focus_ring_shows_on_the_timeline_and_the_map_but_not_on_a_button(window: MainWindow, qtbot) -> None:
    ring = window.focus_keeper.ring
    window.timeline.setFocus()
    qtbot.waitUntil(lambda: ring.isVisible())
    assert ring.target is window.timeline.plot
    window.map_pane.canvas.setFocus()
    qtbot.waitUntil(lambda: ring.target is window.map_pane.canvas)
    window.filters.clear.setFocus()
    qtbot.waitUntil(lambda: not ring.isVisible())  # Fusion draws a button's focus itself


def test_go_to_keys_jump_between_regions(window: MainWindow, qtbot) -> None:
    keeper = window.focus_keeper
    window.filters.search.setFocus()
    keeper.step_region(1)
    assert QApplication.focusWidget() is window.timeline
    keeper.step_region(1)
    assert QApplication.focusWidget() is window.map_pane.canvas
    keeper.step_region(-1)
    keeper.step_region(-1)
    assert QApplication.focusWidget() is window.filters.search
    keeper.step_region(-1)
    assert QApplication.focusWidget() is window.excerpts  # round to the panes
    shortcuts = {a.shortcut().toString() for a in window.findChildren(type(window.menuBar().actions()[0]))}
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5", "F6", "Shift+F6"} <= shortcuts


def test_the_event_list_says_disputed_in_words(window: MainWindow) -> None:
    model = window.table.source_model
    kinds = {model.catalog.ids[int(p)]: model.text(int(p), 5) for p in model.rows}
    assert kinds["novocherkassk-massacre"] == "History, disputed"
    assert kinds["secrecy-pledge"] == "Film scene"
