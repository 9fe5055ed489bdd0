"""The saved timeline index: used when current, ignored when the tables changed since."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
from click.testing import CliRunner

from conftest import SHIPPED_STORE
from timeline_app.cli import cli
from timeline_app.store.timeline_index import arrays_equal, compute_arrays, load_arrays


def test_the_shipped_index_matches_the_tables() -> None:
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    assert arrays_equal(load_arrays(conn), compute_arrays(conn))
    assert "Timeline index: current" in CliRunner().invoke(cli, ["check", str(SHIPPED_STORE)]).output


def _edited_copy(tmp_path: Path, sql: str) -> tuple[Path, sqlite3.Connection]:
    copy = tmp_path / "edited.db"
    shutil.copy(SHIPPED_STORE, copy)
    conn = sqlite3.connect(copy)
    conn.execute(sql)
    conn.commit()
    return copy, conn


def test_a_store_edited_by_another_tool_is_read_from_its_tables(tmp_path: Path) -> None:
    copy, conn = _edited_copy(
        tmp_path, "insert into event_themes (event_id, theme_id) values ('october-revolution', 'memory')")
    arrays = load_arrays(conn)
    position = int(np.flatnonzero(arrays.rowid == conn.execute(
        "select rowid from events where id = 'october-revolution'").fetchone()[0])[0])
    assert "memory" in arrays.themes.of(position)
    conn.close()
    result = CliRunner().invoke(cli, ["check", str(copy)])
    assert "Timeline index: out of date" in result.output


def test_a_store_without_an_index_opens_with_the_same_events(tmp_path: Path) -> None:
    _copy, conn = _edited_copy(tmp_path, "drop table timeline_index")
    plain = load_arrays(conn)
    shipped = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    assert arrays_equal(plain, load_arrays(shipped))
