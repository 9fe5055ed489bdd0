"""Opening an event store: what is refused and why, read-only access, and what a store hands back."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from store_copies import edit, edited_copy, version_1_copy

import timeline_app.store.connection as connection
import timeline_app.store.event_store as event_store
from timeline_app.store.event_store import SQLITE_HEADER, EventStore, Quote, StoreError, connect, explain, time_limit

# --- files that are no store --------------------------------------------------------------------


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        connect(tmp_path / "nothing.db")
    assert caught.value.problem == "no such file"
    assert caught.value.path == tmp_path / "nothing.db"
    assert str(caught.value) == f"{tmp_path / 'nothing.db'}: no such file"


def test_a_folder_is_not_an_event_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        connect(tmp_path)
    assert caught.value.problem == "is a folder, not an event store"


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    with pytest.raises(StoreError) as caught:
        connect(device)
    assert caught.value.problem == "is not a regular file (a device, pipe or socket cannot be used)"


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.db")
    with pytest.raises(StoreError, match="is not a regular file"):
        connect(tmp_path / "pipe.db")


def test_an_empty_file_is_named_as_empty(tmp_path: Path) -> None:
    (tmp_path / "empty.db").write_bytes(b"")
    with pytest.raises(StoreError) as caught:
        connect(tmp_path / "empty.db")
    assert caught.value.problem == "is empty (0 bytes), not an event store"


@pytest.mark.parametrize("content", [b"x", b"SQLite format 2\x00" + bytes(200), b"PK\x03\x04" + bytes(4000),
                                     b"sqlite format 3\x00" + bytes(200)])
def test_a_file_of_another_kind_is_named_before_sqlite_reads_it(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "other.db").write_bytes(content)
    with pytest.raises(StoreError) as caught:
        connect(tmp_path / "other.db")
    assert caught.value.problem == "is not an SQLite database (the file is damaged or of another kind)"


@pytest.mark.parametrize("size", [16, 19, 20, 100, 4096])
def test_a_damaged_sqlite_file_is_refused_with_a_reason(tmp_path: Path, size: int) -> None:
    (tmp_path / "cut.db").write_bytes((SQLITE_HEADER + b"\xff" * size)[:size])
    with pytest.raises(StoreError) as caught:
        connect(tmp_path / "cut.db")
    assert caught.value.problem in ("is not an SQLite database (the file is damaged or of another kind)",
                                    "is damaged (SQLite reports a malformed database)")


def test_a_file_that_cannot_be_opened_says_so(tmp_path: Path, monkeypatch) -> None:
    store = tmp_path / "locked.db"
    store.write_bytes(SQLITE_HEADER)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(StoreError) as caught:
        connect(store)
    assert caught.value.problem == "cannot be read (Permission denied)"


def test_a_store_whose_name_needs_quoting_in_a_uri_opens(small_store: Path, tmp_path: Path) -> None:
    odd = tmp_path / "my store #1 ?x=%20&mode=rw.db"
    shutil.copy(small_store, odd)
    conn = connect(odd)
    assert conn.execute("select count(*) from events").fetchone()[0] == 2
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("delete from events")


# --- read-only unless asked; write-ahead logs ---------------------------------------------------


def test_a_store_opens_read_only_and_its_rows_read_by_name(small_store: Path) -> None:
    conn = connect(small_store)
    row = conn.execute("select id, certainty from events order by id").fetchone()
    assert (row["id"], row["certainty"]) == ("massacre", "exact")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("update events set title = 'x'")
    conn.close()


def test_a_store_opened_for_writing_takes_writes(small_store: Path) -> None:
    conn = connect(small_store, writable=True)
    conn.execute("update events set title = 'Changed' where id = 'strike'")
    conn.commit()
    conn.close()
    assert sqlite3.connect(small_store).execute("select title from events where id = 'strike'").fetchone() == (
        "Changed",)


def _wal(store: Path) -> Path:
    conn = sqlite3.connect(store)
    assert conn.execute("pragma journal_mode = wal").fetchone() == ("wal",)
    conn.close()
    return store


def test_opening_a_write_ahead_log_store_leaves_its_folder_as_it_was(small_store: Path) -> None:
    _wal(small_store)
    before = sorted(p.name for p in small_store.parent.iterdir())
    conn = connect(small_store)
    assert conn.execute("select count(*) from events").fetchone()[0] == 2
    conn.close()
    assert sorted(p.name for p in small_store.parent.iterdir()) == before


def test_a_write_ahead_log_store_in_use_shows_what_its_writer_committed(small_store: Path) -> None:
    _wal(small_store)
    writer = sqlite3.connect(small_store)
    writer.execute("pragma wal_autocheckpoint = 0")
    writer.execute("update events set title = 'Committed meanwhile' where id = 'strike'")
    writer.commit()
    assert small_store.with_name(small_store.name + "-wal").exists()
    conn = connect(small_store)
    assert conn.execute("select title from events where id = 'strike'").fetchone()[0] == "Committed meanwhile"
    conn.close()
    writer.close()


def test_a_store_a_writer_holds_waits_a_bounded_time(small_store: Path, monkeypatch) -> None:
    monkeypatch.setattr(connection, "BUSY_SECONDS", 0.2)
    writer = sqlite3.connect(small_store)
    writer.execute("begin exclusive")
    started = time.monotonic()
    with pytest.raises(StoreError) as caught:
        connect(small_store)
    assert time.monotonic() - started < 3
    assert caught.value.problem == "is locked by another program; close it there and try again"
    writer.rollback()


# --- what SQLite says, in words -----------------------------------------------------------------


@pytest.mark.parametrize(("message", "reason"), [
    ("file is not a database", "is not an SQLite database (the file is damaged or of another kind)"),
    ("database is locked", "is locked by another program; close it there and try again"),
    ("database table is locked", "is locked by another program; close it there and try again"),
    ("unable to open database file", "cannot be opened (check that you may read it)"),
    ("database disk image is malformed", "is damaged (SQLite reports a malformed database)"),
    ("interrupted", "takes too long to read (a table may hold an endless query); it was left alone"),
    ("database or disk is full", "could not be written: the disk is full or failing"),
    ("disk I/O error", "could not be written: the disk is full or failing"),
    ("no such table: events", "cannot be read by SQLite: no such table: events"),
])
def test_sqlite_errors_are_explained_in_words(message: str, reason: str) -> None:
    assert explain(sqlite3.OperationalError(message)) == reason


ENDLESS = "with recursive n(x) as (select 1 union all select x + 1 from n) select count(*) from n"


def test_a_time_limit_interrupts_an_endless_query(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"), time_limit(conn, 0.3):
        conn.execute(ENDLESS).fetchone()
    assert time.monotonic() - started < 5


def test_a_query_within_its_time_limit_runs_to_the_end_and_the_limit_ends_with_the_block(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    counting = ENDLESS.replace("from n)", "from n where x < 300000)")
    with time_limit(conn, 60):
        assert conn.execute(counting).fetchone()[0] == 300000
    with time_limit(conn, 0), pytest.raises(sqlite3.OperationalError, match="interrupted"):
        conn.execute(counting).fetchone()
    time.sleep(0.01)
    assert conn.execute(counting).fetchone()[0] == 300000  # no limit once the block is left


# --- opening a store: the contract and its rows -------------------------------------------------


def test_a_sound_store_opens_with_its_version_and_nothing_lacking(small_store: Path) -> None:
    store = EventStore(small_store)
    assert store.version == "2"
    assert store.lacks() == ""
    assert store.rows_checked is True
    store.close()
    with pytest.raises(sqlite3.ProgrammingError):
        store.conn.execute("select 1")


def test_a_version_1_store_opens_and_says_what_it_lacks(small_store: Path, tmp_path: Path) -> None:
    store = EventStore(version_1_copy(small_store, tmp_path))
    assert store.version == "1"
    assert store.lacks() == (
        "this store follows contract version 1: it records no layers (history, film, reception), "
        "date bases, outside facts or voices, so these show as unknown")


def test_a_store_with_one_problem_names_it(small_store: Path) -> None:
    edit(small_store, "update events set certainty = 'likely' where id = 'strike'")
    with pytest.raises(StoreError) as caught:
        EventStore(small_store)
    assert caught.value.problem == (
        "is not a valid event store: event 'strike': certainty 'likely' is not one of exact, approximate, disputed")


def test_a_store_with_several_problems_names_the_first_and_counts_the_rest(small_store: Path) -> None:
    edit(small_store, "update events set certainty = 'likely'; update events set layer = 'x' where id = 'strike'")
    with pytest.raises(StoreError) as caught:
        EventStore(small_store)
    assert caught.value.problem == (
        "is not a valid event store: event 'massacre': certainty 'likely' is not one of exact, approximate, "
        "disputed (and 2 more problems)")


def test_a_store_missing_a_table_is_refused_by_its_contract(small_store: Path) -> None:
    edit(small_store, "drop table themes")
    for check_rows in (True, False, None):
        with pytest.raises(StoreError, match="is not a valid event store: missing table 'themes'"):
            EventStore(small_store, check_rows=check_rows)


def test_rows_are_left_unchecked_only_when_asked(small_store: Path) -> None:
    edit(small_store, "update events set start = 'soon' where id = 'strike'")
    store = EventStore(small_store, check_rows=False)
    assert store.rows_checked is False
    assert store.event("strike")["start"] == "soon"
    with pytest.raises(StoreError, match="event 'strike': dates"):
        EventStore(small_store)
    with pytest.raises(StoreError, match="event 'strike': dates"):
        EventStore(small_store, check_rows=None)


@pytest.mark.parametrize(("most", "checked"), [(1, False), (2, True), (50_000, True)])
def test_rows_are_checked_while_opening_only_for_stores_up_to_the_limit(small_store: Path, monkeypatch,
                                                                      most: int, checked: bool) -> None:
    monkeypatch.setattr(event_store, "CHECK_ROWS_WHILE_OPENING", most)
    edit(small_store, "update events set start = 'soon' where id = 'strike'")
    if checked:
        with pytest.raises(StoreError, match="event 'strike': dates"):
            EventStore(small_store, check_rows=None)
    else:
        assert EventStore(small_store, check_rows=None).rows_checked is False


def test_the_default_limit_is_fifty_thousand_events() -> None:
    assert event_store.CHECK_ROWS_WHILE_OPENING == 50_000
    assert event_store.OPENING_SECONDS == 30.0
    assert event_store.BUSY_SECONDS == 5.0


def test_a_store_too_slow_to_check_is_left_alone_with_a_reason(small_store: Path, monkeypatch) -> None:
    monkeypatch.setattr(event_store, "OPENING_SECONDS", 0.0)
    conn = sqlite3.connect(small_store)
    conn.executemany("insert into themes values (?, 'T', '#000000')", [(f"t{n}",) for n in range(20000)])
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as caught:
        EventStore(small_store)
    assert caught.value.problem == "takes too long to read (a table may hold an endless query); it was left alone"


def test_the_opening_time_limit_ends_once_the_store_is_open(small_store: Path, monkeypatch) -> None:
    monkeypatch.setattr(event_store, "OPENING_SECONDS", 0.5)
    store = EventStore(small_store)
    time.sleep(0.6)
    assert store.conn.execute(ENDLESS.replace("from n)", "from n where x < 300000)")).fetchone()[0] == 300000


# --- what a store hands back ---------------------------------------------------------------------


def _sql(store: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(store)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_meta_tables_sources_themes_places_and_periods(small_store: Path) -> None:
    edit(small_store, "insert into periods values ('thaw', 'The Thaw', '1956', '1964'), "
                      "('stalin', 'Stalin', '1924', '1953')")
    store = EventStore(small_store)
    assert store.meta() == dict(_sql(small_store, "select key, value from meta"))
    assert store.has_table("periods") and store.has_table("outside_facts") and not store.has_table("nothing")
    assert not store.has_table("idx_events_start_year")
    assert list(store.sources()) == ["weiss-2021", "doyle-2021"]  # by publication date
    assert store.sources()["doyle-2021"]["author"] == "Clare Doyle"
    assert [t["id"] for t in store.themes()] == ["protest", "repression"]  # by name: Strikes, Terror
    assert store.themes()[0] == {"id": "protest", "name": "Strikes and uprisings", "color": "#E69F00"}
    assert store.places() == [{"id": "novocherkassk", "name": "Novocherkassk", "kind": "city",
                               "latitude": 47.42, "longitude": 40.09}]
    assert store.periods() == [{"id": "stalin", "name": "Stalin", "start": "1924", "end": "1953"},
                               {"id": "thaw", "name": "The Thaw", "start": "1956", "end": "1964"}]
    assert store.rows("select id from events where certainty = ?", ("exact",)) == [{"id": "massacre"}]


def test_a_store_without_periods_has_none(small_store: Path) -> None:
    edit(small_store, "drop table periods")
    assert EventStore(small_store).periods() == []


def test_every_event_row_and_one_event_by_id(small_store: Path) -> None:
    store = EventStore(small_store)
    rows = list(store.event_rows())
    columns = [r[1] for r in _sql(small_store, "pragma table_info(events)")]
    assert len(rows) == _sql(small_store, "select count(*) from events")[0][0]
    assert all(list(row) == columns for row in rows)
    massacre = store.event("massacre")
    assert massacre in rows
    assert massacre["start"] == "1962-06-02" and massacre["layer"] == "history"
    assert store.event("nothing") is None


def test_quotes_come_table_by_table_in_row_order(small_store: Path) -> None:
    edit(small_store, "insert into commentary (event_id, source_id, quote, voice, speaker, note) "
                      "values ('strike', 'weiss-2021', 'A judgement.', 'reviewer', '', 'sic')")
    store = EventStore(small_store)
    quotes = store.quotes()
    assert [q.kind for q in quotes] == ["excerpt", "excerpt", "excerpt", "commentary", "claim"]
    total = sum(_sql(small_store, f"select count(*) from {t}")[0][0] for t in ("excerpts", "commentary", "claims"))
    assert len(quotes) == total
    first = _sql(small_store, "select event_id, source_id, quote, start, [end] from excerpts where id = 1")[0]
    assert quotes[0] == Quote("excerpt", *first)
    assert quotes[3] == Quote("commentary", "strike", "weiss-2021", "A judgement.", None, None, note="sic")
    claim = quotes[4]
    assert (claim.topic, claim.value, claim.voice, claim.ref) == ("death toll", "more than 80", "reviewer", "")
    assert (claim.start, claim.end) == tuple(_sql(small_store, "select start, [end] from claims")[0])


def test_quotes_of_one_event_or_one_source(small_store: Path) -> None:
    store = EventStore(small_store)
    assert [(q.kind, q.source_id) for q in store.quotes("strike")] == [("excerpt", "doyle-2021")]
    assert [(q.kind, q.event_id) for q in store.quotes(source_id="weiss-2021")] == [("excerpt", "massacre")]
    assert [q.kind for q in store.quotes(source_id="doyle-2021")] == ["excerpt", "excerpt", "claim"]
    assert store.quotes("nothing") == [] and store.quotes(source_id="nobody") == []
    assert store.quotes("massacre", source_id="weiss-2021") == store.quotes("massacre")  # the event wins


def test_empty_cells_of_a_quote_read_as_their_defaults(small_store: Path) -> None:
    edit(small_store, "update excerpts set voice = null, speaker = null, note = null, source_id = null, quote = null "
                      "where id = 3; update claims set topic = null, value = null, ref = null")
    store = EventStore(small_store, check_rows=False)
    strike = store.quotes("strike")[0]
    assert (strike.source_id, strike.quote, strike.voice, strike.speaker, strike.note) == ("", "", "reviewer", "", "")
    claim = store.quotes(source_id="doyle-2021")[-1]
    assert (claim.topic, claim.value, claim.ref) == ("", "", "")


def test_a_version_1_stores_quotes_read_with_version_2s_defaults(small_store: Path, tmp_path: Path) -> None:
    store = EventStore(version_1_copy(small_store, tmp_path))
    claim = store.quotes(source_id="doyle-2021")[-1]
    assert claim == Quote("claim", "massacre", "doyle-2021", "Some estimates put deaths at more than 80.", None, None,
                          "death toll", "more than 80", "reviewer", "", "", "")
    assert all(q.voice == "reviewer" and q.speaker == "" and q.ref == "" for q in store.quotes())
    assert store.quotes()[0].start is not None
    assert "voice" not in store.columns("excerpts") and "quote" in store.columns("excerpts")


def test_columns_are_those_the_table_has(small_store: Path) -> None:
    store = EventStore(small_store)
    assert store.columns("claims") == {r[1] for r in _sql(small_store, "pragma table_info(claims)")}
    assert store.columns("claims") is store.columns("claims")
    assert store.columns("nothing") == set()


def test_outside_facts_of_an_event_in_row_order(small_store: Path) -> None:
    edit(small_store, "insert into outside_facts (event_id, fact, ref) values ('massacre', 'Later fact', null)")
    store = EventStore(small_store)
    facts = _sql(small_store, "select fact, ref from outside_facts where event_id = 'massacre' order by rowid")
    assert store.outside_facts("massacre") == [facts[0], ("Later fact", "")]
    assert store.outside_facts("nothing") == []
    every = store.all_outside_facts()
    assert every["massacre"] == store.outside_facts("massacre")
    assert every["strike"] == store.outside_facts("strike")
    assert set(every) == {"massacre", "strike"}


def test_a_version_1_store_has_no_outside_facts(small_store: Path, tmp_path: Path) -> None:
    store = EventStore(version_1_copy(small_store, tmp_path))
    assert store.outside_facts("massacre") == []
    assert store.all_outside_facts() == {}


def test_search_finds_events_past_one_batch_of_ids(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.executemany("insert into events (id, title, summary, start, [end], certainty, layer, date_basis, calendar) "
                     "values (?, 'Locomotive works', '', '1962', '', 'approximate', 'history', 'unknown', "
                     "'gregorian')", [(f"works-{n:04d}",) for n in range(1901)])
    conn.commit()
    conn.close()
    found = EventStore(small_store).search("locomotive")
    assert found == {"strike"} | {f"works-{n:04d}" for n in range(1901)}
    assert EventStore(small_store).search("") is None


def test_a_store_copy_with_its_rows_checked_again(small_store: Path, tmp_path: Path) -> None:
    copy = edited_copy(small_store, tmp_path, "update events set title = 'Renamed' where id = 'strike'")
    assert EventStore(copy).event("strike")["title"] == "Renamed"
    assert EventStore(small_store).event("strike")["title"] == "Strike at the locomotive plant"


def test_a_store_opened_on_one_thread_is_read_on_another(small_store: Path) -> None:
    import threading

    conn = connect(small_store)
    counted: list[int] = []
    reader = threading.Thread(target=lambda: counted.append(conn.execute("select count(*) from events").fetchone()[0]))
    reader.start()
    reader.join()
    assert counted == [2]


def test_a_store_with_two_problems_counts_one_more(small_store: Path) -> None:
    edit(small_store, "update events set certainty = 'likely'")
    with pytest.raises(StoreError, match=r"certainty 'likely' is not one of exact, approximate, disputed "
                                         r"\(and 1 more problems\)$"):
        EventStore(small_store)


def test_facts_without_words_read_as_empty(small_store: Path) -> None:
    edit(small_store, "insert into outside_facts (event_id, fact, ref) values ('strike', null, 'A reference')")
    store = EventStore(small_store, check_rows=False)
    assert store.all_outside_facts()["strike"][-1] == ("", "A reference")
    assert store.outside_facts("strike")[-1] == ("", "A reference")
