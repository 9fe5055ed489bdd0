"""Work done off the window's thread stays right: sorted tables list exactly what is in view, old searches lose."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from conftest import build_small_store, event_entry
from timeline_app.gui.main_window import MainWindow
from timeline_app.model.catalog import EventCatalog
from timeline_app.store.interrupt import never
from timeline_app.store.sort_keys import natural_keys

TITLES = {"e10": "Event 10", "e2": "event 2", "e1": "Event 1", "yolka": "Ёлка у Кремля", "arbuz": "Арбуз",
          "emile": "Émile", "zebra": "zebra", "e3": "EVENT 3"}


@pytest.fixture(scope="module")
def titled_store(tmp_path_factory) -> Path:
    extra = ""
    for n, (eid, title) in enumerate(TITLES.items()):
        entry = event_entry(eid, f"19{30 + n}-05-01", themes=("protest",) if n % 2 else ("repression",))
        extra += entry.replace(f'title = "Event {eid}"', f'title = "{title}"')
    return build_small_store(tmp_path_factory.mktemp("titled"), extra)


def threaded_window(qtbot, tmp_path: Path, store: Path) -> MainWindow:
    """A window that does in worker threads what it would do there only for a large store."""
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.keep_settings = False
    qtbot.addWidget(window)
    window.table.source_model.background_above = 0
    window.requests.background_above = 0
    assert window.open_store(store, quiet=True)
    window.show()
    qtbot.waitExposed(window)
    return window


def click_header(qtbot, window: MainWindow, column: int) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def titles_listed(window: MainWindow) -> list[str]:
    model = window.table.source_model
    return [model.text(int(p), 1) for p in model.rows]


def in_reader_order(titles: list[str]) -> list[str]:
    keys = natural_keys(titles)
    return [titles[k] for k in sorted(range(len(titles)), key=lambda k: keys[k])]


def expected_ids(window: MainWindow) -> set[str]:
    """The events the filters pass in the view's years, worked out apart from the table."""
    state = window.state
    low, high = state.view_range
    themes = state.filter.themes
    return {state.catalog.ids[p] for p in range(len(state.catalog))
            if state.catalog.end_year[p] >= low and state.catalog.start_year[p] <= high
            and (not themes or set(state.catalog.themes[p]) & themes)}


def test_after_sorting_and_filtering_the_table_lists_exactly_the_events_in_view(
        qtbot, titled_store: Path, tmp_path: Path) -> None:
    window = threaded_window(qtbot, tmp_path, titled_store)
    model = window.table.source_model
    click_header(qtbot, window, 1)
    qtbot.waitUntil(lambda: model.sort_column == 1 and not window.background_busy())
    assert set(window.table.row_ids()) == expected_ids(window)
    assert titles_listed(window) == in_reader_order(titles_listed(window))
    assert titles_listed(window).index("Event 1") < titles_listed(window).index("event 2") \
        < titles_listed(window).index("EVENT 3") < titles_listed(window).index("Event 10")

    themes = window.filters.themes
    protest = next(themes.item(k) for k in range(themes.count()) if themes.item(k).data(Qt.ItemDataRole.UserRole)
                   == "protest")
    protest.setCheckState(Qt.CheckState.Checked)
    window.state.set_view_range(1931.0, 1936.0)
    qtbot.waitUntil(lambda: not window.background_busy() and not window._lists_timer.isActive())
    assert set(window.table.row_ids()) == expected_ids(window) == {"e2", "yolka", "emile"}
    assert titles_listed(window) == ["Émile", "event 2", "Ёлка у Кремля"]
    assert protest.text().endswith("(3)")  # the counts, worked out in a worker, follow the filter

    click_header(qtbot, window, 1)  # again: descending
    qtbot.waitUntil(lambda: model.sort_order == Qt.SortOrder.DescendingOrder and not window.background_busy())
    assert titles_listed(window) == ["Ёлка у Кремля", "event 2", "Émile"]
    window.state.set_view_range(1917.0, 1992.0)
    qtbot.waitUntil(lambda: not window.background_busy() and not window._lists_timer.isActive())
    assert set(window.table.row_ids()) == expected_ids(window)
    assert titles_listed(window) == in_reader_order(titles_listed(window))[::-1]


def test_a_stale_search_never_overwrites_a_newer_one(qtbot, small_store: Path, tmp_path: Path, monkeypatch) -> None:
    window = threaded_window(qtbot, tmp_path, small_store)
    release, started = threading.Event(), threading.Event()
    search_mask = EventCatalog.search_mask

    def late_for_strike(self, text: str, cancelled=never, own_connection: bool = False):
        if text == "strike":  # a slow search that does not even stop when cancelled
            started.set()
            release.wait(20)
        return search_mask(self, text, never, own_connection)

    monkeypatch.setattr(EventCatalog, "search_mask", late_for_strike)
    box = window.filters.search
    box.setText("strike")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(started.is_set)
    box.setText("demonstration")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.filter.search == "demonstration")
    assert window.table.row_ids() == ["massacre"]
    release.set()  # the old search answers now, after the newer one
    qtbot.waitUntil(lambda: not window.jobs.busy())
    assert window.state.filter.search == "demonstration"
    assert window.table.row_ids() == ["massacre"]
    assert box.text() == "demonstration"
    shown = window.state.mask
    assert np.flatnonzero(shown).tolist() == [window.state.catalog.index_of["massacre"]]


def test_typing_while_a_search_runs_is_not_undone(qtbot, small_store: Path, tmp_path: Path, monkeypatch) -> None:
    window = threaded_window(qtbot, tmp_path, small_store)
    release = threading.Event()
    search_mask = EventCatalog.search_mask

    def slow(self, text: str, cancelled=never, own_connection: bool = False):
        release.wait(20)
        return search_mask(self, text, cancelled, own_connection)

    monkeypatch.setattr(EventCatalog, "search_mask", slow)
    box = window.filters.search
    box.setText("demonstration")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    window.state.set_view_range(1920.0, 1950.0)  # the lists and counts refresh while the search runs
    qtbot.waitUntil(lambda: not window._lists_timer.isActive() and not window.requests.counting())
    assert box.text() == "demonstration"
    release.set()
    qtbot.waitUntil(lambda: window.state.filter.search == "demonstration" and not window.background_busy())
    window.state.set_view_range(1917.0, 1992.0)
    qtbot.waitUntil(lambda: not window._lists_timer.isActive())
    assert window.table.row_ids() == ["massacre"]
