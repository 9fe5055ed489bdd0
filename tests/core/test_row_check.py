"""The check a large store gets after it is shown: its rows, and whether its saved timeline index still holds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_copies import edit

import timeline_app.store.row_check as row_check
from timeline_app.store.background_check import check_rows_and_index
from timeline_app.store.dates import DateError
from timeline_app.store.timeline_index import arrays_equal, compute_arrays, load_arrays


def _arrays(store: Path):
    conn = sqlite3.connect(store)
    try:
        return compute_arrays(conn)
    finally:
        conn.close()


def test_a_sound_store_whose_index_holds_needs_nothing(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    loaded = load_arrays(conn)
    conn.close()
    assert check_rows_and_index(small_store, loaded) == ([], None)


def test_arrays_that_no_longer_match_the_tables_are_replaced_by_fresh_ones(small_store: Path) -> None:
    loaded = _arrays(small_store)
    edit(small_store, "update events set start = '1962-05', date_text = '', start_year = 1962.33 where id = 'strike'")
    problems, fresh = check_rows_and_index(small_store, loaded)
    assert problems == []
    assert fresh is not None and arrays_equal(fresh, _arrays(small_store))
    assert not arrays_equal(fresh, loaded)


def test_rows_that_break_a_rule_are_named_and_no_arrays_are_offered(small_store: Path) -> None:
    edit(small_store, "update events set certainty = 'likely' where id = 'strike'; "
                      "update event_themes set theme_id = 'sport' where event_id = 'strike'")
    problems, fresh = check_rows_and_index(small_store, _arrays(small_store))
    assert problems == ["event 'strike': certainty 'likely' is not one of exact, approximate, disputed",
                        "event_themes row 3: theme_id 'sport' names no row of themes"]
    assert fresh is None


def test_a_store_that_is_gone_is_a_problem_not_an_error(small_store: Path) -> None:
    loaded = _arrays(small_store)
    small_store.unlink()
    assert check_rows_and_index(small_store, loaded) == (["no such file"], None)


def test_a_damaged_store_is_a_problem_not_an_error(small_store: Path) -> None:
    loaded = _arrays(small_store)
    conn = sqlite3.connect(small_store)
    page = conn.execute("pragma page_size").fetchone()[0]
    root = conn.execute("select rootpage from sqlite_master where name = 'events'").fetchone()[0]
    conn.close()
    with open(small_store, "r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(b"\xff" * page)
    assert check_rows_and_index(small_store, loaded) == (["is damaged (SQLite reports a malformed database)"], None)


@pytest.mark.parametrize(("error", "problem"), [
    (DateError("'1962-13' has no month 13"), "a date cannot be read: '1962-13' has no month 13"),
    (sqlite3.OperationalError("database is locked"), "is locked by another program; close it there and try again"),
    (MemoryError("out of memory"), "cannot be read: out of memory"),
    (ValueError("odd"), "cannot be read: odd"),
])
def test_whatever_goes_wrong_on_the_thread_is_reported_as_one_problem(small_store: Path, monkeypatch, error,
                                                                      problem: str) -> None:
    loaded = _arrays(small_store)

    def fail(_conn, **_options):
        raise error

    monkeypatch.setattr(row_check, "row_problems", fail)
    assert check_rows_and_index(small_store, loaded) == ([problem], None)


def test_the_check_closes_its_own_connection(small_store: Path, monkeypatch) -> None:
    opened: list[sqlite3.Connection] = []
    real_connect = row_check.connect

    def connect(path):
        opened.append(real_connect(path))
        return opened[-1]

    monkeypatch.setattr(row_check, "connect", connect)
    check_rows_and_index(small_store, _arrays(small_store))
    edit(small_store, "update events set certainty = 'likely'")
    check_rows_and_index(small_store, _arrays(small_store))
    assert len(opened) == 4  # two per check: the rules, and the dates read beside them
    for conn in opened:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            conn.execute("select 1")


def test_what_goes_wrong_on_the_thread_beside_the_rules_is_reported_too(small_store: Path, monkeypatch) -> None:
    import timeline_app.store.rules as rules

    real_read = rules.read_events

    def locked_at_the_end(conn, sql, rowids=None, known=None):  # the last part of the events, read beside
        if rowids is not None and rowids[1] == 2**63 - 1:
            raise sqlite3.OperationalError("database is locked")
        return real_read(conn, sql, rowids, known)

    monkeypatch.setattr(rules, "read_events", locked_at_the_end)
    assert check_rows_and_index(small_store, _arrays(small_store)) == (
        ["is locked by another program; close it there and try again"], None)


def test_two_connections_share_the_passes_each_on_its_own_thread(small_store: Path) -> None:
    import threading

    from timeline_app.store.rules import _shared

    first, second = sqlite3.connect(small_store, check_same_thread=False), sqlite3.connect(small_store)
    started = threading.Event()
    ran: dict[str, tuple] = {}

    def waits_for_the_other(conn):  # taken first; answers only once the next pass runs beside it
        ran["long"] = (conn, threading.current_thread())
        assert started.wait(timeout=10), "the second pass never ran beside the first"
        return 1

    def starts(conn):
        ran["short"] = (conn, threading.current_thread())
        started.set()
        return 2

    answers = _shared({"long": waits_for_the_other, "short": starts, "last": lambda conn: 3}, [first, second])
    assert answers == {"long": 1, "short": 2, "last": 3}
    assert {ran["long"][0], ran["short"][0]} == {first, second}
    assert ran["long"][1] is not ran["short"][1]


def test_a_pass_that_fails_beside_is_raised_once_the_others_are_done(small_store: Path) -> None:
    import threading

    from timeline_app.store.rules import _shared

    first, second = sqlite3.connect(small_store, check_same_thread=False), sqlite3.connect(small_store)
    failed, still_running = threading.Event(), threading.Event()
    ran: list[str] = []

    def slow(_conn):
        still_running.set()
        failed.wait(timeout=10)
        ran.append("slow")

    def fails(_conn):
        still_running.wait(timeout=10)
        failed.set()
        raise sqlite3.OperationalError("database is locked")

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _shared({"slow": slow, "fails": fails}, [first, second])
    assert ran == ["slow"]  # the pass still running when the other failed was waited for


def test_one_connection_runs_every_pass_in_order(small_store: Path) -> None:
    from timeline_app.store.rules import _shared

    conn = sqlite3.connect(small_store)
    ran: list[str] = []
    answers = _shared({name: (lambda c, name=name: ran.append(name) or name) for name in "abc"}, [conn])
    assert ran == ["a", "b", "c"] and answers == {"a": "a", "b": "b", "c": "c"}


def test_the_second_thread_begins_with_a_link_table_and_the_proof_comes_last(small_store: Path, monkeypatch) -> None:
    import timeline_app.store.rules as rules
    from timeline_app.store.index_proof import IndexProof

    real_shared, order = rules._shared, []

    def shared(passes, connections):
        order.extend(passes)
        return real_shared(passes, connections)

    monkeypatch.setattr(rules, "_shared", shared)
    conn, beside = (sqlite3.connect(small_store, check_same_thread=False) for _ in range(2))
    rules.row_problems(conn, proof=IndexProof(None), beside=beside)
    parts = [name for name in order if name[0] == "events"]
    assert len(parts) == rules.EVENT_PARTS
    # One part, then a link to the events (the first part's new dates are matched while it is
    # read), then the other parts: the longest work first, and the proof last.
    assert order[0] == parts[0] and order[1][2] == "events" and order[2:len(parts) + 1] == parts[1:]
    assert order[-1] == "proof"
