"""A large store's saved timeline index is proved current without reading every event again, and never wrongly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from store_copies import edit

import timeline_app.store.timeline_index as timeline_index
from timeline_app.store.background_check import check_rows_and_index
from timeline_app.store.index_proof import IndexProof, digest_of
from timeline_app.store.timeline_index import arrays_equal, compute_arrays, load_arrays


def _loaded(store: Path):
    conn = sqlite3.connect(store)
    try:
        return load_arrays(conn)
    finally:
        conn.close()


def _proved(store: Path, loaded) -> bool:
    conn = sqlite3.connect(store)
    try:
        return IndexProof(digest_of(loaded)).examine(conn)
    finally:
        conn.close()


def _counter(store: Path) -> int:
    conn = sqlite3.connect(store)
    try:
        return conn.execute("select counter from store_changes").fetchone()[0]
    finally:
        conn.close()


def test_a_current_index_is_proved_and_the_tables_are_not_read_again(small_store: Path, monkeypatch) -> None:
    loaded = _loaded(small_store)
    assert loaded.key is not None and loaded.key.startswith("counter ")

    def no_reading(_conn):
        raise AssertionError("the arrays were read afresh")

    monkeypatch.setattr(timeline_index, "compute_arrays", no_reading)
    assert _proved(small_store, loaded)
    assert check_rows_and_index(small_store, loaded) == ([], None)


def test_arrays_the_window_read_from_the_tables_are_proved_too(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    computed = compute_arrays(conn)
    conn.close()
    assert _proved(small_store, computed)


def test_any_counted_write_ends_the_proof(small_store: Path, monkeypatch) -> None:
    loaded = _loaded(small_store)
    edit(small_store, "update events set title = title || '!' where id = 'strike'")  # nothing the arrays hold
    assert not _proved(small_store, loaded)
    read_again = []
    real_compute = timeline_index.compute_arrays
    monkeypatch.setattr(timeline_index, "compute_arrays", lambda conn: read_again.append(1) or real_compute(conn))
    assert check_rows_and_index(small_store, loaded) == ([], None)  # read afresh: the same arrays
    assert read_again, "the arrays were not read again"


# Writes that went round the counter (a tool with triggers switched off), each changing what the arrays hold.
UNCOUNTED = [
    "update events set start_year = start_year + 0.01 where id = 'strike'",
    "update events set end_year = end_year + 1 where id = 'massacre'",
    "update events set certainty = 'disputed' where id = 'strike'",
    "update events set layer = 'film' where id = 'strike'",
    "update events set [end] = '' where id = 'strike' and [end] != ''",
    "update events set [end] = '1962-07' where id = 'massacre'",
    "update events set start = '1962' where id = 'massacre'",
    "update events set date_text = '1962-06-02?' where id = 'massacre'",
    "update event_themes set theme_id = 'repression' where event_id = 'strike'",
    "delete from event_places where rowid = (select min(rowid) from event_places)",
    "update places set name = name, id = 'novocherkassk-2' where id = 'novocherkassk'",
    "delete from claims",
]


@pytest.mark.parametrize("sql", UNCOUNTED)
def test_a_write_that_went_round_the_counter_ends_the_proof(small_store: Path, sql: str) -> None:
    loaded = _loaded(small_store)
    before = _counter(small_store)
    edit(small_store, f"{sql}; update store_changes set counter = {before}")
    conn = sqlite3.connect(small_store)
    changed = not arrays_equal(compute_arrays(conn), loaded)
    conn.close()
    assert changed, "the write changes what the arrays hold"
    assert not _proved(small_store, loaded)


def test_a_table_rebuilt_without_its_triggers_ends_the_proof(small_store: Path) -> None:
    loaded = _loaded(small_store)
    edit(small_store, "create table t as select * from event_themes; drop table event_themes; "
                      "alter table t rename to event_themes")
    assert not _proved(small_store, loaded)


def _checked_after_a_write_round_the_counter(store: Path, sql: str):
    """The check's answer after ``sql`` was written and the change counter put back by hand."""
    loaded = _loaded(store)
    before = _counter(store)
    edit(store, f"{sql}; update store_changes set counter = {before}")
    return check_rows_and_index(store, loaded)


def test_a_dangling_link_added_round_the_counter_is_still_found(small_store: Path) -> None:
    problems, fresh = _checked_after_a_write_round_the_counter(
        small_store, "insert into event_themes (event_id, theme_id) values ('gone', 'protest')")
    assert problems == ["event_themes row 4: event_id 'gone' names no row of events"] and fresh is None


def test_arrays_without_a_counter_key_or_out_of_order_cannot_be_proved(small_store: Path) -> None:
    loaded = _loaded(small_store)
    loaded.key = None
    assert digest_of(loaded) is None
    shuffled = _loaded(small_store)
    order = np.arange(len(shuffled))[::-1]
    shuffled.rowid, shuffled.start_year = shuffled.rowid[order], shuffled.start_year[order]
    assert digest_of(shuffled) is None


def test_a_store_without_a_counter_is_read_afresh(small_store: Path) -> None:
    edit(small_store, "drop table store_changes")
    loaded = _loaded(small_store)
    assert loaded.key is None
    assert check_rows_and_index(small_store, loaded) == ([], None)


def test_links_left_dangling_by_an_id_changed_round_the_counter_are_found(small_store: Path) -> None:
    """The proof spares reading the arrays again, never a rule: every reference is still looked up."""
    problems, _fresh = _checked_after_a_write_round_the_counter(
        small_store, "update events set id = 'strike-2' where id = 'strike'")
    assert "event_themes row 3: event_id 'strike' names no row of events" in problems
    assert "event_places row 2: event_id 'strike' names no row of events" in problems


def test_an_index_of_every_kind_of_event_is_proved(small_store: Path) -> None:
    """Vague, open and unwritten dates, ranges, certainties, layers, far rowids: the digest agrees with SQL."""
    edit(small_store, "update events set date_text = '1962-06-02?', certainty = 'disputed', layer = 'film' "
                      "where id = 'massacre'; "
                      "update events set date_text = '../1962-06', [end] = '1962-06-30', layer = 'reception' "
                      "where id = 'strike'; "
                      "update events set rowid = 5000000 + rowid * 7919 where id = 'massacre'; "
                      "insert into events (id, title, start, certainty, start_year, end_year, date_text) "
                      "values ('quiet', 'A quiet year', '1963', 'approximate', 1963.0, 1964.0, null)")
    loaded = _loaded(small_store)  # the index is out of date now: read from the tables
    assert np.any(loaded.date_flags) and np.any(loaded.layer) and np.any(loaded.is_range)
    assert _proved(small_store, loaded)
    loaded.date_flags[np.flatnonzero(loaded.date_flags)[0]] ^= 1
    assert not _proved(small_store, loaded)


def test_events_that_start_together_must_be_in_rowid_order_to_be_proved(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("insert into events (id, title, start, certainty, start_year, end_year) "
                 "values ('also', 'Also then', '1962', 'approximate', 1962.0, 1963.0)")
    conn.commit()
    conn.close()
    loaded = _loaded(small_store)
    assert len(loaded) == 3
    loaded.start_year = np.full(3, 1962.0)
    loaded.rowid = np.sort(loaded.rowid)
    assert digest_of(loaded) is not None  # rowids ascending: the order the tables give
    loaded.rowid = loaded.rowid[[0, 2, 1]]
    assert digest_of(loaded) is None
    loaded.rowid, loaded.start_year = np.sort(loaded.rowid), np.array([1962.0, 1964.0, 1963.0])
    assert digest_of(loaded) is None  # a later start before an earlier one


def test_a_digest_on_its_way_is_asked_for_after_the_pass_over_the_events(small_store: Path) -> None:
    loaded = _loaded(small_store)
    asked: list[str] = []
    conn = sqlite3.connect(small_store)
    conn.set_trace_callback(lambda sql: asked.append("sums") if "sum(rowid %" in sql else None)

    def digest():
        asked.append("digest")
        return digest_of(loaded)

    proof = IndexProof(digest)
    assert proof.examine(conn) and proof.holds()
    assert asked == ["sums", "digest"]  # one pass over the events, then the digest
    edit(small_store, "update events set start_year = start_year + 1 where id = 'strike'")
    assert not IndexProof(lambda: digest_of(loaded)).examine(sqlite3.connect(small_store))


BREAKS_A_RULE = {UNCOUNTED[4], UNCOUNTED[5], UNCOUNTED[6], UNCOUNTED[10]}


@pytest.mark.parametrize("sql", UNCOUNTED)
def test_a_write_round_the_counter_is_caught_when_the_events_are_read_in_parts(small_store: Path, sql: str) -> None:
    loaded = _loaded(small_store)
    before = _counter(small_store)
    edit(small_store, f"{sql}; update store_changes set counter = {before}")
    problems, fresh = check_rows_and_index(small_store, loaded)  # two threads, the events in parts
    if sql in BREAKS_A_RULE:  # the rows are reported; arrays are never offered for a store that breaks a rule
        assert problems and fresh is None
        return
    assert problems == []
    conn = sqlite3.connect(small_store)
    assert fresh is not None and arrays_equal(fresh, compute_arrays(conn))
    conn.close()


def test_the_sums_of_the_parts_of_the_events_are_the_sums_of_them_all(small_store: Path) -> None:
    from timeline_app.store.index_proof import event_sums_sql
    from timeline_app.store.rule_scan import read_events, rowid_ranges

    conn = sqlite3.connect(small_store)
    columns = {r[1] for r in conn.execute("pragma table_info(events)")}
    sql = f"select 0, 0, null, null, null, {event_sums_sql(columns)} from events"
    whole = read_events(conn, sql).extra
    for parts in (2, 3, 5):
        reads = [read_events(conn, sql, rowids) for rowids in rowid_ranges(conn, parts)]
        assert tuple(sum(v) for v in zip(*(r.extra for r in reads), strict=True)) == whole
    assert IndexProof(digest_of(_loaded(small_store))).examine(conn)


def test_a_proof_looked_at_again_after_a_write_no_longer_holds(small_store: Path) -> None:
    proof = IndexProof(digest_of(_loaded(small_store)))
    conn = sqlite3.connect(small_store)
    assert proof.examine(conn) and proof.holds()
    edit(small_store, "update events set title = title || '!' where id = 'strike'")
    assert not proof.examine(conn) and not proof.holds()
