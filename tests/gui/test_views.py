"""Views people come back to, in the window: Back and Forward by Alt+Left/Right, fit, saved views, view as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from conftest import SHIPPED_STORE
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.saved_views_dialog import SavedViewsDialog
from timeline_app.model.filters import FilterState
from timeline_app.model.saved_views import SavedViews


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    monkeypatch.setenv("TIMELINE_APP_VIEWS", str(tmp_path / "views.json"))
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_store(SHIPPED_STORE, quiet=True)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # the menu's shortcuts answer in the active window
    qtbot.waitUntil(lambda: len(win.history.views) == 1)  # the view on opening, once it settled
    return win


def _settled(qtbot, window: MainWindow, steps: int) -> None:
    qtbot.waitUntil(lambda: len(window.history.views) == steps and not window.history_timer.isActive())


def _alt(qtbot, window: MainWindow, key: Qt.Key) -> None:
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, key, Qt.KeyboardModifier.AltModifier)


def test_alt_left_and_right_walk_back_and_forward_through_views(window: MainWindow, qtbot) -> None:
    state = window.state
    assert not window.back_action.isEnabled()
    state.set_filter(FilterState(places=frozenset({"novocherkassk"})))
    _settled(qtbot, window, 2)
    state.set_grouping("place")
    _settled(qtbot, window, 3)
    assert window.back_action.isEnabled() and not window.forward_action.isEnabled()
    window.timeline.setFocus()
    years = window.timeline.view_range()
    _alt(qtbot, window, Qt.Key.Key_Left)
    assert state.grouping == "theme" and state.filter.places == {"novocherkassk"}
    _alt(qtbot, window, Qt.Key.Key_Left)  # Back, not a pan of the timeline that has the focus
    assert window.timeline.view_range() == pytest.approx(years)
    assert state.filter == FilterState()
    assert not window.back_action.isEnabled() and window.forward_action.isEnabled()
    _alt(qtbot, window, Qt.Key.Key_Right)
    assert state.filter.places == {"novocherkassk"} and state.grouping == "theme"
    # A new view after going back drops the views ahead, as a browser does.
    state.set_filter(FilterState(themes=frozenset({"repression"})))
    _settled(qtbot, window, 3)
    assert not window.forward_action.isEnabled()
    _alt(qtbot, window, Qt.Key.Key_Right)
    assert state.filter.themes == {"repression"}


def test_back_before_a_view_settles_still_comes_forward_to_it(window: MainWindow, qtbot) -> None:
    window.state.set_filter(FilterState(disputed_only=True))
    assert window.history_timer.isActive()
    window.back_action.trigger()  # pressed at once: the new view is remembered first
    assert window.state.filter == FilterState()
    window.forward_action.trigger()
    assert window.state.filter.disputed_only


def test_fit_to_shown_events_spans_one_places_events(window: MainWindow, qtbot) -> None:
    window.state.set_filter(FilterState(places=frozenset({"krasnodar"})))
    window.fit_action.trigger()
    low, high = window.timeline.view_range()
    assert high - low < 10
    assert window.state.shown_count() == int(window.state.timeline_mask.sum())
    assert window.fit_action.shortcut().toString() == "Ctrl+Shift+F"


def test_saved_views_are_named_listed_renamed_deleted_and_kept(window: MainWindow, qtbot, tmp_path: Path) -> None:
    window.state.set_filter(FilterState(places=frozenset({"krasnodar"})))
    window.state.set_grouping("place")
    assert window.save_current_view("Monday")
    window.state.clear_filter()
    window._fill_saved_menu()
    entries = [a.text() for a in window.saved_menu.actions() if a.text()]
    assert "Monday" in entries
    next(a for a in window.saved_menu.actions() if a.text() == "Monday").trigger()
    assert window.state.filter.places == {"krasnodar"} and window.state.grouping == "place"
    dialog = window.manage_saved_views()
    assert isinstance(dialog, SavedViewsDialog)
    assert dialog.selected() == "Monday"
    assert dialog.rename("Monday", "Tuesday")
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == ["Tuesday"]
    assert not dialog.rename("Tuesday", "")
    assert dialog.problem.text() == "a view needs a name"
    assert SavedViews(tmp_path / "views.json").names() == ["Tuesday"]  # what the next start reads
    assert dialog.delete_selected()
    assert SavedViews(tmp_path / "views.json").names() == []
    dialog.close()


def test_a_copied_view_pasted_shows_the_same_and_bad_text_is_one_line(window: MainWindow, qtbot) -> None:
    window.state.set_filter(FilterState(themes=frozenset({"protest"}), search="Новочеркасск"))
    window.timeline.set_view_range(1955.0, 1970.0)
    qtbot.waitUntil(lambda: window.state.view_range == pytest.approx((1955.0, 1970.0), abs=0.01))
    text = window.copy_view()
    assert QApplication.clipboard().text() == text and text.startswith("tlview1:")
    window.state.clear_filter()
    window.timeline.home()
    assert window.paste_view()
    assert window.state.filter.themes == {"protest"} and window.state.filter.search == "Новочеркасск"
    assert window.timeline.view_range() == pytest.approx((1955.0, 1970.0), abs=0.01)
    QApplication.clipboard().setText("hello")
    assert not window.paste_view()
    message = window.statusBar().currentMessage()
    assert message.startswith("Cannot paste a view: this is not a view") and "\n" not in message
    assert window.state.filter.themes == {"protest"}
