"""The store the ``timeline-app`` command opens while the window is being built, and when it is used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import SHIPPED_STORE, shipped_count
from timeline_app.launch import store_to_open
from timeline_app.model import store_opening
from timeline_app.model.explorer_state import ExplorerState
from timeline_app.model.store_opening import StoreOpening, start_opening, take_opened
from timeline_app.store import paths
from timeline_app.store.event_store import StoreError


@pytest.fixture(autouse=True)
def _nothing_left_open():
    yield
    store_opening._started.clear()


def test_the_plain_ways_of_opening_a_window_name_their_store(tmp_path: Path, monkeypatch) -> None:
    mine = tmp_path / "mine.db"
    mine.write_bytes(SHIPPED_STORE.read_bytes())
    assert store_to_open([]) == paths.SHIPPED_STORE  # the app's own (a mutation run copies the tests elsewhere)
    assert store_to_open(["--lang", "ru"]) == paths.SHIPPED_STORE
    assert store_to_open([str(mine)]) == mine
    assert store_to_open(["open", str(mine)]) == mine
    assert store_to_open(["--lang=en", "open", str(mine)]) == mine
    assert store_to_open(["--lang", "ru", str(mine)]) == mine


@pytest.mark.parametrize("args", [
    ["check", "{mine}"], ["export", "{mine}", "x.csv"], ["{mine}", "--select", "strike"],
    ["--screenshot", "x.png"], ["open"], ["open", "{mine}", "--view", "v"], ["{missing}"], ["--help"],
    ["check"],  # a file of that name in the folder: still the command
])
def test_anything_else_reads_no_store_early(args: list[str], tmp_path: Path, monkeypatch) -> None:
    mine = tmp_path / "mine.db"
    mine.write_bytes(SHIPPED_STORE.read_bytes())
    (tmp_path / "check").write_text("")
    monkeypatch.chdir(tmp_path)
    assert store_to_open([a.format(mine=mine, missing=tmp_path / "gone.db") for a in args]) is None


def test_the_state_shows_the_store_opened_early_without_reading_it_again(monkeypatch) -> None:
    start_opening(SHIPPED_STORE)
    reads: list = []
    monkeypatch.setattr("timeline_app.model.explorer_state.load_catalog", lambda store: reads.append(store))
    state = ExplorerState()
    state.open_store(SHIPPED_STORE, check_rows=None)
    assert reads == [] and len(state.catalog) == shipped_count()
    assert state.layout.total_rows > 0 and int(state.timeline_mask.sum()) > 0
    assert take_opened(SHIPPED_STORE, None) is None  # taken once only


def test_another_store_or_other_checks_are_read_the_usual_way_and_the_early_one_closed(small_store: Path) -> None:
    opening = start_opening(SHIPPED_STORE)
    opening._thread.join()
    early = opening._opened
    assert early is not None
    state = ExplorerState()
    state.open_store(small_store, check_rows=None)
    assert state.store is not early[0] and state.store.path == small_store
    with pytest.raises(sqlite3.ProgrammingError):
        early[0].conn.execute("select 1")
    second = StoreOpening(SHIPPED_STORE, check_rows=None).start()
    assert second.take(SHIPPED_STORE, True) is None  # opened without its rows checked: not what was asked


def test_a_store_that_cannot_be_opened_early_still_fails_with_its_reason(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_text("not a database")
    start_opening(broken)
    with pytest.raises(StoreError, match="is not an SQLite database"):
        ExplorerState().open_store(broken, check_rows=None)


def test_whether_the_command_began_reading_a_store_is_known_until_it_is_taken(small_store: Path,
                                                                             tmp_path: Path) -> None:
    from timeline_app.model.store_opening import opening_started

    assert not opening_started(small_store)
    start_opening(small_store)
    assert opening_started(small_store) and opening_started(str(small_store))
    assert not opening_started(tmp_path / "other.db")
    opened = take_opened(small_store, None)
    assert opened is not None and not opening_started(small_store)
    opened[0].close()
