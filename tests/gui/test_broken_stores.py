"""A corpus of broken stores: each gets a message naming the file and the problem, and stays untouched."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline_app.cli import cli
from timeline_app.model.explorer_state import ExplorerState
from timeline_app.store.event_store import StoreError


def _sql(statements: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        conn = sqlite3.connect(path)
        conn.executescript(statements)
        conn.commit()
        conn.close()
    return make


def _replace_with(data: bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(data)
    return make


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _other_database(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.execute("insert into notes (body) values ('shopping list')")
    conn.commit()
    conn.close()


BROKEN: dict[str, tuple[Callable[[Path], None], str]] = {
    "empty": (_replace_with(b""), "is empty (0 bytes)"),
    "random bytes": (_replace_with(os.urandom(4096)), "is not an SQLite database"),
    "truncated": (_truncate, "damaged"),
    "another database": (_other_database, "missing table 'meta'"),
    "missing table": (_sql("drop table claims;"), "missing table 'claims'"),
    "missing column": (_sql("alter table places drop column kind;"), "table 'places' has no column 'kind'"),
    "unknown version": (_sql("update meta set value = '7' where key = 'schema_version';"),
                        "schema_version is '7'; this version of timeline-app reads versions 1 and 2"),
    "malformed date": (_sql("update events set start = 'June 1962' where id = 'strike';"),
                       "event 'strike': dates: 'June 1962' is not a date"),
    "impossible month": (_sql("update events set start = '1962-13' where id = 'strike';"),
                         "event 'strike': dates: '1962-13' has no month 13"),
    "impossible day": (_sql("update events set start = '1962-02-30' where id = 'massacre';"),
                       "event 'massacre': dates: '1962-02-30' is not a day of the calendar"),
    "year zero": (_sql("update events set start = '0000' where id = 'massacre';"),
                  "event 'massacre': dates: '0000' has year 0000"),
    "Arabic-Indic digits": (_sql("update events set start = '١٩٦٢' where id = 'massacre';"),
                            "event 'massacre': dates: '١٩٦٢' is not a date"),
    "space around a date": (_sql("update events set start = ' 1962-06-02' where id = 'massacre';"),
                            "event 'massacre': dates: ' 1962-06-02' is not a date"),
    "bad period": (_sql("insert into periods values ('p', 'P', '1962-02-30', '');"),
                   "period 'p': dates: '1962-02-30' is not a day"),
    "bad event id": (_sql("update events set id = 'Strike!' where id = 'strike';"),
                     "event id 'Strike!' is not a lowercase slug"),
    "reversed dates": (_sql("update events set [end] = '1961-12-31' where id = 'strike';"),
                       "event 'strike': dates: end '1961-12-31' is before start '1962-06'"),
    "dangling reference": (_sql("update event_themes set theme_id = 'sport' where event_id = 'strike';"),
                           "event_themes row 3: theme_id 'sport' names no row of themes"),
    "quote of a missing event": (_sql("update excerpts set event_id = 'ghost' where id = 1;"),
                                 "excerpts row 1: event_id 'ghost' names no row of events"),
}


@pytest.fixture(params=sorted(BROKEN), ids=sorted(BROKEN))
def broken(request, small_store: Path, tmp_path: Path) -> tuple[Path, str, bytes]:
    make, message = BROKEN[request.param]
    path = tmp_path / "broken.db"
    shutil.copy(small_store, path)
    make(path)
    return path, message, path.read_bytes()


def test_opening_a_broken_store_names_file_and_problem(broken) -> None:
    path, message, before = broken
    state = ExplorerState()
    with pytest.raises(StoreError) as caught:
        state.open_store(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("broken")) == ["broken.db"]


def test_command_line_gives_one_line_and_status_2(broken, tmp_path: Path) -> None:
    path, message, before = broken
    result = CliRunner().invoke(cli, ["open", str(path), "--screenshot", str(tmp_path / "out.png")])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ") and str(path) in lines[0] and message in lines[0]
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.png").exists()
    assert path.read_bytes() == before


def test_a_locked_store_says_so_without_hanging(small_store: Path) -> None:
    holder = sqlite3.connect(small_store, isolation_level=None)
    holder.execute("begin exclusive")
    try:
        with pytest.raises(StoreError, match="is locked by another program"):
            ExplorerState().open_store(small_store)
    finally:
        holder.execute("rollback")
        holder.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_store_says_so(small_store: Path) -> None:
    small_store.chmod(0)
    try:
        with pytest.raises(StoreError, match="cannot be read"):
            ExplorerState().open_store(small_store)
    finally:
        small_store.chmod(0o644)


@pytest.mark.parametrize(("target", "message"), [("folder", "is a folder"), ("missing.db", "no such file")])
def test_folders_and_missing_files_are_named(tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(StoreError, match=message):
        ExplorerState().open_store(tmp_path / target)


def test_a_write_ahead_log_store_opens_without_leaving_files_beside_it(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("pragma journal_mode=wal")
    conn.close()
    before = small_store.read_bytes()
    state = ExplorerState()
    state.open_store(small_store)
    state.store.close()
    assert small_store.read_bytes() == before
    assert sorted(p.name for p in small_store.parent.iterdir() if p.name.startswith("small")) == ["small.db"]


def test_a_large_store_shows_at_once_and_a_broken_one_is_reported_after(
    qtbot, small_store: Path, tmp_path: Path, monkeypatch, no_blocking_message_boxes: list[str]
) -> None:
    from PySide6.QtCore import QSettings

    import timeline_app.store.event_store as store_module
    from timeline_app.gui.main_window import MainWindow

    monkeypatch.setattr(store_module, "CHECK_ROWS_WHILE_OPENING", 0)  # treat the small store as large
    shown = no_blocking_message_boxes  # every message box's text, as conftest records it
    _sql("update events set [end] = '1961' where id = 'strike';")(small_store)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_store(small_store)  # shown at once, rows not yet checked
    assert window.state.store is not None and not window.state.store.rows_checked
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)  # the check runs in a process of its own
    assert "event 'strike': dates: end '1961' is before start '1962-06'" in shown[0]
    assert str(small_store) in shown[0]
    assert window.state.store is None
    assert window.table.model().rowCount() == 0


@pytest.mark.parametrize("counter", [True, False], ids=["with the change counter", "a store without one"])
def test_another_tools_theme_edit_shows_at_once(qtbot, small_store: Path, tmp_path: Path, counter: bool) -> None:
    from PySide6.QtCore import QSettings

    from timeline_app.gui.main_window import MainWindow

    if not counter:  # as another tool might leave a store: no counter, no triggers
        _sql("drop table store_changes;" + "".join(
            f"drop trigger [{t}_{a}_counts];" for t in ("events", "event_places", "event_themes", "places", "themes",
                                                        "sources", "excerpts", "commentary", "claims")
            for a in ("insert", "update", "delete")))(small_store)
    # Same counts, same rowids: only the edit itself tells the saved index is out of date.
    _sql("update event_themes set theme_id = 'repression' where event_id = 'strike';")(small_store)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_store(small_store)
    assert window.state.catalog.themes[window.state.catalog.index_of["strike"]] == ("repression",)
    lanes = {lane.key: lane for lane in window.timeline.layout_.lanes}
    assert set(lanes) == {"repression", "protest"}


@pytest.mark.parametrize("early", [True, False], ids=["a big file: begun as it is read", "a small file: after"])
def test_a_large_stores_check_begins_as_the_window_begins_to_read_it(
    qtbot, small_store: Path, tmp_path: Path, monkeypatch, no_blocking_message_boxes: list[str], early: bool
) -> None:
    from PySide6.QtCore import QSettings

    import timeline_app.store.event_store as store_module
    from timeline_app.gui import store_watch
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.model.explorer_state import ExplorerState
    from timeline_app.store.background_check import RowCheck

    monkeypatch.setattr(store_module, "CHECK_ROWS_WHILE_OPENING", 0)  # treat the small store as large
    monkeypatch.setattr(store_watch, "EARLY_CHECK_ABOVE_BYTES", 0 if early else 10**12)
    steps: list[str] = []
    for owner, name, step in ((RowCheck, "start", "check begins"), (ExplorerState, "open_store", "store read")):
        original = getattr(owner, name)
        monkeypatch.setattr(owner, name, lambda *a, _o=original, _s=step, **k: (steps.append(_s), _o(*a, **k))[1])
    _sql("update events set [end] = '1961' where id = 'strike';")(small_store)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_store(small_store)
    assert steps == (["check begins", "store read"] if early else ["store read", "check begins"])
    qtbot.waitUntil(lambda: bool(no_blocking_message_boxes), timeout=60_000)
    assert "event 'strike': dates: end '1961' is before start '1962-06'" in no_blocking_message_boxes[0]


def test_a_check_begun_for_a_store_that_is_checked_while_opening_or_fails_is_dropped(
    qtbot, small_store: Path, tmp_path: Path, monkeypatch, no_blocking_message_boxes: list[str]
) -> None:
    from PySide6.QtCore import QSettings

    from timeline_app.gui import store_watch
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.store.background_check import RowCheck

    monkeypatch.setattr(store_watch, "EARLY_CHECK_ABOVE_BYTES", 0)
    begun: list[RowCheck] = []
    original = RowCheck.start
    monkeypatch.setattr(RowCheck, "start", lambda self: (begun.append(self), original(self))[1])
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_store(small_store, quiet=True)  # small: its rows were checked as it opened
    assert window.state.store is not None and window.state.store.rows_checked
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all" * 100)
    assert not window.open_store(damaged, quiet=True)
    assert len(begun) == 2 and all(check.cancelled.is_set() for check in begun)
    assert window._row_check is None
    qtbot.wait(300)
    assert no_blocking_message_boxes == []


@pytest.mark.parametrize("painted", [True, False], ids=["after the first frame", "within a second unpainted"])
def test_at_launch_a_large_stores_check_begins_after_the_first_frame(
    qtbot, small_store: Path, tmp_path: Path, monkeypatch, no_blocking_message_boxes: list[str], painted: bool
) -> None:
    from PySide6.QtCore import QSettings

    import timeline_app.store.event_store as store_module
    from timeline_app.gui import store_watch
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.model.store_opening import start_opening
    from timeline_app.store.background_check import RowCheck

    monkeypatch.setattr(store_module, "CHECK_ROWS_WHILE_OPENING", 0)  # treat the small store as large
    monkeypatch.setattr(store_watch, "EARLY_CHECK_ABOVE_BYTES", 0)
    monkeypatch.setattr(store_watch, "LAUNCH_CHECK_WITHIN_MS", 300 if not painted else 60_000)
    begun: list[int] = []
    original = RowCheck.start
    _sql("update events set [end] = '1961' where id = 'strike';")(small_store)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    monkeypatch.setattr(RowCheck, "start", lambda self: (begun.append(window.timeline.items.frames), original(self))[1])
    if not painted:  # a window on screen whose timeline never paints (hidden behind another pane)
        monkeypatch.setattr(window.timeline.items, "paint", lambda *_args: None)
    else:  # the fallback is kept, to be called late by hand
        late: list = []

        class KeptTimer:
            @staticmethod
            def singleShot(_ms, callback) -> None:
                late.append(callback)

        monkeypatch.setattr(store_watch, "QTimer", KeptTimer)
    window.show()
    start_opening(small_store)  # as the ``timeline-app STORE`` command does before it loads the window
    assert window.open_store(small_store)
    assert begun == []  # not while the first frame is still to come
    qtbot.waitUntil(lambda: bool(no_blocking_message_boxes), timeout=60_000)
    assert "event 'strike': dates: end '1961' is before start '1962-06'" in no_blocking_message_boxes[0]
    assert begun == ([1] if painted else [0])  # after the first frame, or a while after the reading
    if painted:
        late[0]()
        assert begun == [1]  # once


def test_at_launch_a_sound_stores_check_runs_once(qtbot, small_store: Path, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    import timeline_app.store.event_store as store_module
    from timeline_app.gui import store_watch
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.model.store_opening import start_opening
    from timeline_app.store.background_check import RowCheck

    monkeypatch.setattr(store_module, "CHECK_ROWS_WHILE_OPENING", 0)  # treat the small store as large
    late: list = []

    class KeptTimer:
        @staticmethod
        def singleShot(_ms, callback) -> None:  # Qt's name
            late.append(callback)

    monkeypatch.setattr(store_watch, "QTimer", KeptTimer)
    begun: list[Path] = []
    original = RowCheck.start
    monkeypatch.setattr(RowCheck, "start", lambda self: (begun.append(self.path), original(self))[1])
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    start_opening(small_store)
    assert window.open_store(small_store)
    qtbot.waitUntil(lambda: not window.statusBar().currentMessage().startswith("Checking"), timeout=60_000)
    late[0]()  # the fallback, had the frame come late
    assert begun == [small_store]


def test_a_store_opened_in_a_window_on_screen_has_its_check_begun_as_it_is_read(
    qtbot, small_store: Path, tmp_path: Path, monkeypatch
) -> None:
    from PySide6.QtCore import QSettings

    import timeline_app.store.event_store as store_module
    from timeline_app.gui import store_watch
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.model.explorer_state import ExplorerState
    from timeline_app.store.background_check import RowCheck

    monkeypatch.setattr(store_module, "CHECK_ROWS_WHILE_OPENING", 0)  # treat the small store as large
    monkeypatch.setattr(store_watch, "EARLY_CHECK_ABOVE_BYTES", 0)
    steps: list[str] = []
    for owner, name, step in ((RowCheck, "start", "check begins"), (ExplorerState, "open_store", "store read")):
        original = getattr(owner, name)
        monkeypatch.setattr(owner, name, lambda *a, _o=original, _s=step, **k: (steps.append(_s), _o(*a, **k))[1])
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()  # on screen and empty, as after a launch whose store failed: not the launch itself
    assert window.open_store(small_store)
    assert steps == ["check begins", "store read"]
    qtbot.waitUntil(lambda: not window.statusBar().currentMessage().startswith("Checking"), timeout=60_000)
