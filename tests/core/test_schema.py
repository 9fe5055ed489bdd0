"""The store's tables: a new store keeps contract version 2, old stores upgrade, every write is counted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from store_copies import version_1_copy

from timeline_app.store.rules import contract_problems, row_problems
from timeline_app.store.schema import (
    CHANGES_TABLE,
    CONTRACT,
    CONTRACT_V2,
    COUNTED_TABLES,
    QUOTE_TABLES,
    change_counter,
    create_tables,
    enable_search,
    install_change_counter,
    upgrade_to_v2,
)


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = sqlite_utils.Database(tmp_path / "new.db")
    create_tables(database)
    database.execute("insert into meta values ('schema_version', '2')")
    return database


def _columns(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    return {r[1]: r[2] for r in conn.execute(f"pragma table_info([{table}])")}


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("select name from sqlite_master where type = 'index' and name like 'idx_%'")}


INDEXES = {"idx_events_start_year", "idx_event_places_place_id", "idx_event_themes_theme_id",
           "idx_excerpts_event_id", "idx_commentary_event_id", "idx_claims_event_id", "idx_outside_facts_event_id"}


def test_a_new_store_keeps_contract_version_2(db: sqlite_utils.Database) -> None:
    assert contract_problems(db.conn) == []
    assert row_problems(db.conn) == []
    for contract in (CONTRACT, CONTRACT_V2):
        for table, columns in contract.items():
            assert set(columns) <= set(_columns(db.conn, table)), table
    assert {"start_year", "end_year"} <= set(_columns(db.conn, "events"))
    assert set(_columns(db.conn, "periods")) == {"id", "name", "start", "end"}
    assert all("note" in _columns(db.conn, t) for t in QUOTE_TABLES)
    assert _columns(db.conn, "claims")["start"] == "INTEGER"


def test_a_new_store_has_its_indexes_and_a_change_counter_at_zero(db: sqlite_utils.Database) -> None:
    assert _indexes(db.conn) == INDEXES
    assert change_counter(db.conn) == 0


def test_a_new_store_refuses_an_event_without_title_start_or_certainty(db: sqlite_utils.Database) -> None:
    for missing in ("title", "start", "certainty"):
        values = {"id": "e", "title": "T", "start": "1962", "certainty": "exact"}
        del values[missing]
        with pytest.raises(sqlite3.IntegrityError, match=f"NOT NULL constraint failed: events.{missing}"):
            db.conn.execute(f"insert into events ({', '.join(values)}) values ({', '.join('?' * len(values))})",
                            tuple(values.values()))


def test_search_covers_events_and_every_kind_of_quote(db: sqlite_utils.Database) -> None:
    from timeline_app.store.search import SEARCHED

    enable_search(db)
    for table, _columns_searched in SEARCHED:
        assert f"{table}_fts" in db.table_names()
    db.conn.execute("insert into events (id, title, summary, start, certainty) "
                    "values ('e', 'Locomotive strike', '', '1962', 'exact')")
    assert db.conn.execute("select rowid from events_fts where events_fts match 'locomotive'").fetchall() == [(1,)]


# --- the change counter ----------------------------------------------------------------------------

ROWS = {
    "events": ("id, title, start, certainty", "'e', 'T', '1962', 'exact'", "title = 'U'"),
    "event_places": ("event_id, place_id", "'e', 'p'", "place_id = 'q'"),
    "event_themes": ("event_id, theme_id", "'e', 't'", "theme_id = 'u'"),
    "places": ("id, name", "'p', 'P'", "name = 'Q'"),
    "themes": ("id, name", "'t', 'T'", "name = 'U'"),
    "sources": ("id, author", "'s', 'A'", "author = 'B'"),
    "excerpts": ("event_id, quote", "'e', 'q'", "quote = 'r'"),
    "commentary": ("event_id, quote", "'e', 'q'", "quote = 'r'"),
    "claims": ("event_id, quote", "'e', 'q'", "quote = 'r'"),
}


@pytest.mark.parametrize("table", COUNTED_TABLES)
def test_every_insert_update_and_delete_of_a_counted_table_bumps_the_counter(db: sqlite_utils.Database,
                                                                            table: str) -> None:
    columns, values, change = ROWS[table]
    db.conn.execute(f"insert into [{table}] ({columns}) values ({values})")
    assert change_counter(db.conn) == 1
    db.conn.execute(f"update [{table}] set {change}")
    assert change_counter(db.conn) == 2
    db.conn.execute(f"delete from [{table}]")
    assert change_counter(db.conn) == 3


def test_every_table_the_timeline_is_read_from_is_counted() -> None:
    assert set(COUNTED_TABLES) == set(ROWS)


def test_writes_the_timeline_does_not_read_leave_the_counter_alone(db: sqlite_utils.Database) -> None:
    db.conn.execute("insert into meta values ('title', 'T')")
    db.conn.execute("insert into outside_facts (event_id, fact, ref) values ('e', 'f', 'r')")
    db.conn.execute("insert into periods values ('p', 'P', '1956', '1964')")
    assert change_counter(db.conn) == 0


def test_installing_the_counter_again_keeps_its_count_and_counts_once(db: sqlite_utils.Database) -> None:
    db.conn.execute("insert into themes (id, name) values ('t', 'T')")
    triggers = db.conn.execute("select count(*) from sqlite_master where type = 'trigger'").fetchone()[0]
    install_change_counter(db.conn)
    assert change_counter(db.conn) == 1
    assert db.conn.execute("select count(*) from sqlite_master where type = 'trigger'").fetchone()[0] == triggers
    db.conn.execute("update themes set name = 'U'")
    assert change_counter(db.conn) == 2
    assert triggers == 3 * len(COUNTED_TABLES)


def test_a_store_another_tool_made_has_no_counter(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "other.db")
    assert change_counter(conn) is None
    conn.execute(f"create table {CHANGES_TABLE} (id integer primary key, counter)")
    assert change_counter(conn) is None
    conn.execute(f"insert into {CHANGES_TABLE} values (1, 'many')")
    assert change_counter(conn) is None
    conn.execute(f"update {CHANGES_TABLE} set counter = 7")
    assert change_counter(conn) == 7
    conn.execute(f"update {CHANGES_TABLE} set id = 2")
    assert change_counter(conn) is None


def test_the_counter_has_one_row_only(db: sqlite_utils.Database) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute(f"insert into {CHANGES_TABLE} values (2, 0)")
    with pytest.raises(sqlite3.IntegrityError):
        db.conn.execute(f"update {CHANGES_TABLE} set counter = null")


def test_a_counter_installed_into_an_old_store_starts_at_zero_and_counts(small_store: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(version_1_copy(small_store, tmp_path))
    conn.execute(f"drop table {CHANGES_TABLE}")
    assert change_counter(conn) is None
    install_change_counter(conn)
    assert change_counter(conn) == 0
    rows = conn.execute("select count(*) from event_themes").fetchone()[0]
    conn.execute("delete from event_themes")
    assert change_counter(conn) == rows  # one per row


# --- upgrading version 1 ---------------------------------------------------------------------------


def _contents(conn: sqlite3.Connection, table: str, columns: str) -> list[tuple]:
    return conn.execute(f"select {columns} from [{table}] order by rowid").fetchall()


def test_upgrading_a_version_1_store_keeps_its_rows_and_gives_them_version_2s_defaults(small_store: Path,
                                                                                      tmp_path: Path) -> None:
    conn = sqlite3.connect(version_1_copy(small_store, tmp_path))
    before = {t: _contents(conn, t, "*") for t in ("events", "excerpts", "claims", "sources", "event_themes")}
    upgrade_to_v2(conn)
    assert contract_problems(conn) == []
    assert row_problems(conn, limit=None) == []
    assert conn.execute("select value from meta where key = 'schema_version'").fetchone() == ("2",)
    for table, rows in before.items():
        assert [row[:len(rows[0])] for row in _contents(conn, table, "*")] == rows
    assert set(_contents(conn, "events", "layer, date_basis, calendar, date_text")) == {
        ("history", "unknown", "gregorian", None)}
    for table in QUOTE_TABLES:
        assert set(_contents(conn, table, "voice, speaker, note")) <= {("reviewer", None, None)}
    assert set(_contents(conn, "claims", "ref, start, [end]")) == {(None, None, None)}
    assert _columns(conn, "claims")["start"] == "INTEGER" and _columns(conn, "claims")["ref"] == "TEXT"
    assert _contents(conn, "outside_facts", "*") == []
    assert {"idx_outside_facts_event_id", "idx_claims_event_id"} <= _indexes(conn)


def test_upgrading_keeps_what_a_store_already_records(small_store: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(version_1_copy(small_store, tmp_path))
    conn.executescript("""
        alter table events add column layer text;
        alter table events add column calendar text;
        update events set layer = 'reception', calendar = 'julian' where id = 'strike';
        alter table excerpts add column voice text;
        update excerpts set voice = 'film' where id = 3;
        alter table claims add column start integer;
        update claims set start = 5;
    """)
    upgrade_to_v2(conn)
    assert _contents(conn, "events", "id, layer, date_basis, calendar") == [
        ("massacre", "history", "unknown", "gregorian"), ("strike", "reception", "unknown", "julian")]
    assert _contents(conn, "excerpts", "voice") == [("reviewer",), ("reviewer",), ("film",)]
    assert _contents(conn, "claims", "start") == [(5,)]


def test_upgrading_a_version_2_store_changes_nothing(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    tables = {t: _contents(conn, t, "*") for t in ("events", "excerpts", "commentary", "claims", "outside_facts")}
    schema = conn.execute("select sql from sqlite_master order by name").fetchall()
    upgrade_to_v2(conn)
    assert {t: _contents(conn, t, "*") for t in tables} == tables
    assert conn.execute("select sql from sqlite_master order by name").fetchall() == schema


def test_an_upgrade_is_part_of_the_callers_transaction(small_store: Path, tmp_path: Path) -> None:
    path = version_1_copy(small_store, tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("begin")
    upgrade_to_v2(conn)
    conn.execute("rollback")
    assert "layer" not in _columns(conn, "events")
    assert conn.execute("select value from meta where key = 'schema_version'").fetchone() == ("1",)
