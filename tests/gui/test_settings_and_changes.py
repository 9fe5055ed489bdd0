"""Settings that are damaged never stop the start; screenshots change no settings; outside edits show."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from conftest import ROOT, SHIPPED_STORE
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.window_settings import store_key


def make_window(qtbot, path: Path) -> MainWindow:
    win = MainWindow(QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.restore_settings()
    return win


@pytest.mark.parametrize("saved", [
    '{"range": [NaN, 1e999], "grouping": ["x"], "filter": 7, "selection": 3}',
    '"just a string"',
    '{"range": [1990, 1950]}',
    "{not json",
])
def test_a_damaged_saved_view_is_ignored_with_a_word(qtbot, tmp_path: Path, saved: str) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(f"views/{store_key(SHIPPED_STORE)}", saved)
    settings.setValue("tab", "not a number")
    settings.sync()
    win = make_window(qtbot, tmp_path / "s.ini")
    assert win.open_store(SHIPPED_STORE, quiet=True)
    assert win.state.view_range == (1917.0, 1992.0) and win.state.grouping == "theme"
    assert "damaged" in win.statusBar().currentMessage()


def test_a_screenshot_writes_no_settings(tmp_path: Path) -> None:
    settings = tmp_path / "s.ini"
    env = {**os.environ, "TIMELINE_APP_SETTINGS": str(settings), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-m", "timeline_app", "--screenshot", str(tmp_path / "v.png")],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "v.png").stat().st_size > 10_000
    assert not settings.exists() or "views" not in settings.read_text()


def test_a_store_changed_by_another_program_is_shown_as_it_now_is(qtbot, small_store: Path, tmp_path: Path) -> None:
    win = make_window(qtbot, tmp_path / "s.ini")
    assert win.open_store(small_store, quiet=True)
    win.state.select("strike")
    assert not win.check_for_outside_changes()  # first look: nothing to compare with yet
    assert not win.check_for_outside_changes()
    conn = sqlite3.connect(small_store)
    conn.execute("update events set title = 'Renamed elsewhere' where id = 'strike'")
    conn.commit()
    conn.close()
    os.utime(small_store, ns=(0, os.stat(small_store).st_mtime_ns + 1_000_000_000))
    assert win.check_for_outside_changes()
    index = win.state.catalog.index_of["strike"]
    assert win.state.catalog.titles[index] == "Renamed elsewhere"
    assert win.state.selection == "strike"  # the view is kept
    assert "changed by another program" in win.statusBar().currentMessage()


def test_a_store_broken_by_another_program_closes_with_a_message(qtbot, small_store: Path, tmp_path: Path,
                                                                   no_blocking_message_boxes: list[str]) -> None:
    win = make_window(qtbot, tmp_path / "s.ini")
    assert win.open_store(small_store, quiet=True)
    win.check_for_outside_changes()
    small_store.write_bytes(b"overwritten by something else" * 100)
    assert win.check_for_outside_changes()
    assert win.state.store is None
    assert win.table.model().rowCount() == 0


def test_views_are_saved_per_store(qtbot, small_store: Path, tmp_path: Path) -> None:
    win = make_window(qtbot, tmp_path / "s.ini")
    assert win.open_store(SHIPPED_STORE, quiet=True)
    win.state.set_filter(win.state.filter.with_(themes=frozenset({"economy"})))
    assert win.open_store(small_store, quiet=True)
    assert win.state.filter.themes == frozenset()  # the shipped store's theme does not follow
    win.state.set_filter(win.state.filter.with_(themes=frozenset({"protest"})))
    win.close()
    again = make_window(qtbot, tmp_path / "s.ini")
    assert again.open_store(SHIPPED_STORE, quiet=True)
    assert again.state.filter.themes == frozenset({"economy"})
    assert again.open_store(small_store, quiet=True)
    assert again.state.filter.themes == frozenset({"protest"})
    saved = json.loads(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat).value(
        f"views/{store_key(small_store)}"))
    assert saved["filter"]["themes"] == ["protest"]


def test_the_selection_tab_and_reader_options_come_back(qtbot, tmp_path: Path) -> None:
    win = make_window(qtbot, tmp_path / "s.ini")
    assert win.open_store(SHIPPED_STORE, quiet=True)
    win.state.select("novocherkassk-massacre")
    win.panes.setCurrentWidget(win.reader)
    win.reader.unused.setChecked(True)
    win.close()
    again = make_window(qtbot, tmp_path / "s.ini")
    assert again.open_store(SHIPPED_STORE, quiet=True)
    assert again.state.selection == "novocherkassk-massacre"
    assert again.panes.currentWidget() is again.reader
    assert again.reader.unused.isChecked()
