"""The fast passes of the store check find every row the per-row rules find, on odd values too."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from timeline_app.store.dates import READABLE_DATE, DateError, parse_date
from timeline_app.store.rules import install_rule_functions, row_problems

YEARS = [1, 2, 3, 4, 99, 100, 400, 1582, 1900, 1917, 1962, 2000, 2023, 2024, 2100, 9996, 9999]


def _reads(text: str) -> bool:
    try:
        parse_date(text)
    except DateError:
        return False
    return True


def _samples(year: int) -> list[str]:
    y = f"{year:04d}"
    return [y, *(f"{y}-{m:02d}" for m in range(0, 14)), *(f"{y}-{m:02d}-{d:02d}" for m in range(0, 14)
                                                        for d in range(0, 33))]


def test_the_one_expression_reads_exactly_the_dates_the_parser_reads() -> None:
    readable = re.compile(READABLE_DATE)
    for text in [t for year in [0, *YEARS] for t in _samples(year)] + [f"{y:04d}-02-29" for y in range(0, 10000)]:
        assert bool(readable.fullmatch(text)) == _reads(text), text


@given(st.one_of(st.text(max_size=12), st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)))
def test_the_one_expression_and_the_parser_agree_on_any_text(text: str) -> None:
    assert bool(re.compile(READABLE_DATE).fullmatch(text)) == _reads(text)


def _per_row(conn: sqlite3.Connection) -> list[str]:
    """What the rules find calling Python for every row: the check as it was, to compare with."""
    install_rule_functions(conn)
    found = [f"event '{e}': dates: {w}" for e, w in conn.execute(
        "select id, tl_dates_problem(start, [end]) as w from events where w is not null")]
    found += [f"event '{e}': certainty {w}" for e, w in conn.execute(
        "select id, tl_certainty_problem(certainty) as w from events where w is not null")]
    found += [f"event id {w}" for (w,) in conn.execute("select tl_id_problem(id) as w from events where w is not null")]
    for column in ("layer", "date_basis", "calendar"):
        found += [f"event '{e}': {column} {w}" for e, w in conn.execute(
            f"select id, tl_{column}_problem([{column}]) as w from events where w is not null")]
    found += [f"event '{e}': date_text {w}" for e, w in conn.execute(
        "select id, tl_date_text_problem(date_text, start, [end]) as w from events "
        "where w is not null and tl_dates_problem(start, [end]) is null")]
    return found


ODD_VALUES = [
    "update events set start = 1962 where id = 'strike'",
    "update events set start = 1962.0 where id = 'strike'",
    "update events set start = cast('1962-06' as blob) where id = 'strike'",
    "update events set start = '1962' || char(0) || 'x' where id = 'strike'",
    "update events set start = '1962,1963' where id = 'strike'",
    "update events set start = '1962-06 ' where id = 'strike'",
    "update events set start = '1962-02-29' where id = 'strike'",
    "update events set start = '0000' where id = 'strike'",
    "update events set start = '１９６２' where id = 'strike'",
    "update events set [end] = 1963 where id = 'strike'",
    "update events set [end] = '1963,' where id = 'strike'",
    "update events set [end] = '1962-05-31' where id = 'strike'",
    "update events set [end] = '1962' where id = 'strike'",
    "update events set [end] = '1961-12' where id = 'strike'",
    "update events set [end] = x'' where id = 'strike'",
    "update events set certainty = null where id = 'strike'",
    "update events set certainty = 'Exact' where id = 'strike'",
    "update events set certainty = cast('exact' as blob) where id = 'strike'",
    "update events set certainty = 'exact ' where id = 'strike'",
    "update events set layer = '' where id = 'strike'",
    "update events set layer = 1 where id = 'strike'",
    "update events set calendar = 'julian' || char(0) where id = 'strike'",
    "update events set date_basis = cast('film' as blob) where id = 'strike'",
    "update events set date_text = 0 where id = 'strike'",
    "update events set date_text = ' ' where id = 'strike'",
    "update events set date_text = '1961' where id = 'strike'",
    "update events set id = 'strike' || char(10) || 'b' where id = 'strike'",
    "update events set id = 'strike' || char(0) || 'B' where id = 'strike'",
    "update events set id = 42 where id = 'strike'",
    "update events set start = null where id = 'strike'",
    "update events set start = '' where id = 'strike'",
    "update events set certainty = 2 where id = 'strike'",
    "update events set id = 'Strike' where id = 'strike'",
    "update events set id = '-strike' where id = 'strike'",
    "update events set id = 'strike,b' where id = 'strike'",
]


def _untyped_events(conn: sqlite3.Connection) -> None:
    """Rebuild events as another tool might make it: no column types (so 1962 stays a number), no constraints."""
    for trigger in [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]:
        conn.execute(f"drop trigger [{trigger}]")
    columns = [r[1] for r in conn.execute("pragma table_info(events)")]
    names = ", ".join(f"[{c}]" for c in columns)
    conn.execute(f"create table events_untyped ({names})")
    conn.execute(f"insert into events_untyped select {names} from events")
    conn.execute("drop table events")
    conn.execute("alter table events_untyped rename to events")


@pytest.mark.parametrize("sql", ODD_VALUES)
def test_the_fast_check_finds_what_the_per_row_rules_find(small_store: Path, sql: str) -> None:
    conn = sqlite3.connect(small_store)
    _untyped_events(conn)
    conn.execute(sql)
    expected = _per_row(conn)
    assert expected, "the edit breaks a rule"
    found = row_problems(conn, limit=None)
    assert [p for p in found if p.startswith(("event '", "event id "))] == expected


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True),
       st.one_of(st.just(""), st.none(), st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)))
def test_an_end_before_its_start_is_found_as_the_rule_finds_it(small_store: Path, start: str, end: str | None) -> None:
    conn = sqlite3.connect(small_store)
    try:
        conn.execute("update events set start = ?, [end] = ?, date_text = '' where id = 'massacre'", (start, end))
        assert [p for p in row_problems(conn, limit=None) if p.startswith("event '")] == _per_row(conn)
    finally:
        conn.rollback()
        conn.close()


def test_ids_a_key_keeps_unique_may_still_repeat_as_empty(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    for trigger in [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]:
        conn.execute(f"drop trigger [{trigger}]")
    conn.execute("insert into themes (id, name, color) values (null, 'a', '#000000'), (null, 'b', '#000000')")
    assert "theme id None is used by 2 rows" in row_problems(conn, limit=None)


def test_a_theme_link_to_a_missing_theme_is_found_among_few_distinct_themes(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update event_themes set theme_id = null where event_id = 'strike'")
    assert row_problems(conn, limit=None) == ["event_themes row 3: theme_id None names no row of themes"]


def test_a_sound_stores_events_are_checked_without_a_python_call_per_event(small_store: Path, monkeypatch) -> None:
    import timeline_app.store.rules as rules

    def per_row(*_values):
        raise AssertionError("a rule was called for one row")

    for name in ("dates_problem", "certainty_problem", "layer_problem", "date_basis_problem", "calendar_problem",
                 "date_text_problem"):
        monkeypatch.setattr(rules, name, per_row)
    conn = sqlite3.connect(small_store)
    event_ids = {r[0] for r in conn.execute("select id from events")}
    real_id_problem = rules.id_problem

    def id_problem(value):  # the few places, themes and sources are still asked one by one
        assert value not in event_ids, "an event's id was checked alone"
        return real_id_problem(value)

    monkeypatch.setattr(rules, "id_problem", id_problem)
    conn.execute("update events set date_text = null")
    conn.execute("update events set date_text = '' where rowid % 2 = 0")  # no EDTF date either way
    conn.execute("update events set [end] = null where coalesce([end], '') = ''")  # an empty end either way
    assert conn.execute("select count(*) from events where [end] is null").fetchone()[0]
    passes: list[str] = []
    conn.set_trace_callback(passes.append)
    assert row_problems(conn, limit=None) == []
    # Nor is a second pass needed to tell the rules apart: none may be broken.
    assert not [sql for sql in passes if sql.startswith("select total(")]


def test_ids_a_partial_unique_index_lets_repeat_are_found(small_store: Path) -> None:
    from store_copies import without_primary_keys

    conn = sqlite3.connect(small_store)
    for trigger in [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]:
        conn.execute(f"drop trigger [{trigger}]")
    without_primary_keys(conn, "themes")
    conn.execute("create unique index themes_named on themes (id) where name != 'again'")
    conn.execute("insert into themes (id, name, color) values ('protest', 'again', '#000000')")
    assert row_problems(conn, limit=None) == ["theme id 'protest' is used by 2 rows"]


def _events_keyed_without_case(conn: sqlite3.Connection) -> None:
    """Rebuild events with an id that compares without case, as another tool might declare it."""
    for trigger in [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]:
        conn.execute(f"drop trigger [{trigger}]")
    columns = [r[1] for r in conn.execute("pragma table_info(events)") if r[1] != "id"]
    names = ", ".join(f"[{c}]" for c in columns)
    conn.execute(f"create table events_nocase (id text primary key collate nocase, {names})")
    conn.execute(f"insert into events_nocase select id, {names} from events")
    conn.execute("drop table events")
    conn.execute("alter table events_nocase rename to events")


ODD_REFERENCES = [
    "update event_themes set event_id = 'gone' where rowid = 1",
    "update event_themes set event_id = null where rowid = 1",
    "insert into events (id, title, start, certainty) values (null, 'x', '1962', 'exact'); "
    "update event_themes set event_id = null where rowid = 1",
    "update event_places set event_id = 'STRIKE' where event_id = 'strike'",
    "update excerpts set event_id = 'strike ' where id = 1",
    "update excerpts set event_id = cast('strike' as blob) where id = 1",
    "update excerpts set event_id = 'strike' || char(0) where id = 1",
    "update events set id = 'strike-2' where id = 'strike'",
    "nocase: update event_themes set event_id = 'STRIKE' where event_id = 'strike'",
    "unindexed: update excerpts set event_id = 'gone' where id = 1",
]
EVENT_LINKS = ("event_themes", "event_places", "excerpts", "claims")


@pytest.mark.parametrize("merged", [False, True], ids=["looked-up", "merged"])
@pytest.mark.parametrize("sql", ODD_REFERENCES)
def test_links_to_events_the_rule_finds_are_never_cleared(small_store: Path, monkeypatch, sql: str,
                                                           merged: bool) -> None:
    from timeline_app.store import rule_scan
    from timeline_app.store.rules import reference_problems

    # Merged or looked up, whatever the sizes: the two ways must agree with the rule's own query.
    monkeypatch.setattr(rule_scan, "MERGE_ABOVE_SHARE", 10**9 if merged else 0)
    conn = sqlite3.connect(small_store)
    assert not any(rule_scan.references_may_dangle(conn, t, "event_id", "events") for t in EVENT_LINKS)
    kind, _, edit = sql.rpartition(": ")
    if kind == "nocase":
        _events_keyed_without_case(conn)
    if kind == "unindexed":
        conn.execute("drop index idx_excerpts_event_id")
    for statement in edit.split("; "):
        conn.execute(statement)
    flagged = {t for t in EVENT_LINKS if rule_scan.references_may_dangle(conn, t, "event_id", "events")}
    found = {t for t in EVENT_LINKS if reference_problems(conn, t, "event_id", "events")}
    assert found, "the edit leaves a link dangling"
    assert found <= flagged


def test_many_links_are_merged_with_the_events_and_few_looked_up(small_store: Path, monkeypatch) -> None:
    from timeline_app.store import rule_scan

    asked: list[str] = []
    monkeypatch.setattr(rule_scan, "_events_missing", lambda conn, table, *_: asked.append(table) or False)
    conn = sqlite3.connect(small_store)
    conn.executemany("insert into events (id, title, start, certainty) values (?, 'x', '1962', 'exact')",
                     [(f"more-{n}",) for n in range(8)])
    counts = {t: conn.execute(f"select count(*) from [{t}]").fetchone()[0] for t in ("events", "excerpts", "claims")}
    assert counts["excerpts"] * 4 > counts["events"] >= counts["claims"] * 4  # one of each kind
    for table in ("excerpts", "claims"):
        rule_scan.references_may_dangle(conn, table, "event_id", "events")
    assert asked == ["excerpts"]


@given(st.lists(st.text(alphabet="az09-\n\x00AZé ,", max_size=6), max_size=6))
@example([""]).via("an empty id")
@example(["", "a"]).via("an empty id first")
@example(["a", ""]).via("an empty id last")
@example(["a", "", "b"]).via("an empty id between")
@example(["a b"]).via("a space")
@example(["a", "-b"]).via("a dash first")
@example(["a\nb"]).via("a newline inside")
@example(["a\x00"]).via("a NUL")
@example(["é"]).via("a letter past ASCII")
def test_ids_read_as_bytes_are_slugs_exactly_when_the_rule_takes_each(ids: list[str]) -> None:
    from timeline_app.store.rule_scan import ids_are_slugs
    from timeline_app.store.rules import id_problem

    assert ids_are_slugs("\n".join(ids), len(ids)) == all(id_problem(i) is None for i in ids)


@pytest.mark.parametrize("sql", ["update events set start = '1962-02-30'", "update events set start = null"],
                         ids=["a day February never has", "no start at all"])
def test_a_store_of_one_event_has_its_date_read_too(small_store: Path, sql: str) -> None:
    conn = sqlite3.connect(small_store)
    _untyped_events(conn)
    conn.execute("delete from events where id != 'strike'")
    conn.execute(sql)
    expected = _per_row(conn)
    assert expected, "the edit breaks a rule"
    assert [p for p in row_problems(conn, limit=None) if p.startswith("event '")] == expected


@pytest.mark.parametrize("which", ["first", "middle", "last"])
@pytest.mark.parametrize("sql", ODD_VALUES)
def test_events_read_in_parts_on_two_threads_find_what_one_read_finds(small_store: Path, sql: str,
                                                                      which: str) -> None:
    conn = sqlite3.connect(small_store, check_same_thread=False)
    _untyped_events(conn)
    # The edits break the event 'strike': moved to the first part, the last, or left where it is.
    rowids = [r[0] for r in conn.execute("select rowid from events order by rowid")]
    if which == "middle":  # swapped with the event in the middle
        middle = rowids[len(rowids) // 2]
        strike = conn.execute("select rowid from events where id = 'strike'").fetchone()[0]
        conn.execute("update events set rowid = -1 where rowid = ?", (middle,))
        conn.execute("update events set rowid = ? where rowid = ?", (middle, strike))
        conn.execute("update events set rowid = ? where rowid = -1", (strike,))
    else:
        conn.execute("update events set rowid = ? where id = 'strike'",
                     (rowids[0] - 1 if which == "first" else rowids[-1] + 1,))
    conn.execute("update events set date_text = null where id != 'strike'")  # else every part has dates to read
    conn.execute(sql)
    conn.commit()  # the second connection reads what is committed
    expected = _per_row(conn)
    assert expected, "the edit breaks a rule"
    beside = sqlite3.connect(small_store, check_same_thread=False)
    found = row_problems(conn, limit=None, beside=beside)
    assert [p for p in found if p.startswith(("event '", "event id "))] == expected


@settings(max_examples=60, deadline=None)
@given(st.sets(st.integers(-(2**63), 2**63 - 1), max_size=12), st.integers(1, 9))
def test_the_parts_of_the_events_hold_every_row_once(rowids: set[int], parts: int) -> None:
    from timeline_app.store.rule_scan import rowid_ranges

    conn = sqlite3.connect(":memory:")
    conn.execute("create table events (id text)")
    conn.executemany("insert into events (rowid, id) values (?, 'e')", [(r,) for r in rowids])
    ranges = rowid_ranges(conn, parts)
    assert len(ranges) == (parts if rowids else 1)
    for rowid in rowids | {-(2**63), 2**63 - 1}:  # and one added meanwhile, below or above them all
        assert sum(1 for r in ranges if r is None or r[0] <= rowid <= r[1]) == 1


def test_events_with_no_rowid_to_range_over_are_read_whole(small_store: Path) -> None:
    from timeline_app.store.rule_scan import rowid_ranges

    conn = sqlite3.connect(small_store)
    assert len(rowid_ranges(conn, 4)) == 4
    conn.execute("alter table events add column [RowId] integer")  # hides the rowid: NULL in every row
    assert rowid_ranges(conn, 4) == [None]
    beside = sqlite3.connect(small_store, check_same_thread=False)
    conn.execute("update events set certainty = 'likely' where id = 'strike'")
    conn.commit()
    assert row_problems(conn, limit=None, beside=beside) == [
        "event 'strike': certainty 'likely' is not one of exact, approximate, disputed"]


ODD_THEME_LINKS = [
    "update event_themes set theme_id = 'sport' where rowid = 1",
    "update event_themes set theme_id = null where rowid = 1",
    "update event_themes set theme_id = upper(theme_id) where rowid = 1",
    "update event_themes set theme_id = theme_id || ' ' where rowid = 1",
    "update event_themes set theme_id = cast(theme_id as blob) where rowid = 1",
    "update event_themes set theme_id = theme_id || char(0) where rowid = 1",
    "update event_themes set theme_id = 7 where rowid = 1",
    "update themes set id = 'renamed' where id = (select theme_id from event_themes where rowid = 1)",
    "insert into themes (id, name, color) values (null, 'x', '#000000'); "
    "update event_themes set theme_id = null where rowid = 1",
]


@pytest.mark.parametrize("sql", ODD_THEME_LINKS)
def test_links_to_themes_the_rule_finds_are_never_cleared_by_their_values(small_store: Path, sql: str) -> None:
    from timeline_app.store.rule_scan import values_counted, values_dangle
    from timeline_app.store.rules import reference_problems

    conn = sqlite3.connect(small_store)
    assert not values_dangle(conn, values_counted(conn, "event_themes", "theme_id"), "themes")
    for trigger in [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]:
        conn.execute(f"drop trigger [{trigger}]")
    for statement in sql.split("; "):
        conn.execute(statement)
    found = reference_problems(conn, "event_themes", "theme_id", "themes", may_dangle=True)
    assert found, "the edit leaves a link dangling"
    assert values_dangle(conn, values_counted(conn, "event_themes", "theme_id"), "themes")
    assert [p for p in row_problems(conn, limit=None) if p.startswith("event_themes")] == found


def test_links_counted_by_value_tell_apart_what_differs_in_case_or_bytes(small_store: Path) -> None:
    from timeline_app.store.rule_scan import values_counted

    conn = sqlite3.connect(small_store)
    conn.execute("create table t (v text collate nocase)")
    conn.executemany("insert into t values (?)", [("a",), ("A",), ("a",), (None,), (b"a",)])
    assert values_counted(conn, "t", "v") == {"a": 2, "A": 1, None: 1, b"a": 1}


def test_the_parts_share_the_dates_found_readable(small_store: Path) -> None:
    from timeline_app.store.rule_scan import DatesRead, event_rules_sql, events_read_sql, read_events

    conn = sqlite3.connect(small_store)
    sql = events_read_sql(event_rules_sql({r[1] for r in conn.execute("pragma table_info(events)")}, True, {}))
    known = DatesRead()
    assert read_events(conn, sql, known=known).dates_read
    starts = {r[0] for r in conn.execute("select start from events")}
    assert known.starts == starts  # what the next part need not match again
    assert read_events(conn, sql, known=known).dates_read  # all known: read as such
    conn.execute("update events set start = '1962-13' where id = 'strike'")
    assert not read_events(conn, sql, known=DatesRead()).dates_read
    known.starts.add("1962-13")  # taken as readable once a part found it so
    assert read_events(conn, sql, known=known).dates_read


def test_a_part_with_no_events_leaves_every_rule_cleared(small_store: Path) -> None:
    from timeline_app.store.rule_scan import event_rules_sql, event_suspects, events_read_sql, read_events, rowid_ranges
    from timeline_app.store.rules import ENUMERATIONS

    conn = sqlite3.connect(small_store)
    conn.execute("update events set date_text = null")
    conn.execute("update events set rowid = rowid + 1000 where id = 'strike'")  # a gap: some parts are empty
    columns = {r[1] for r in conn.execute("pragma table_info(events)")}
    rules = event_rules_sql(columns, True, ENUMERATIONS)
    sql = events_read_sql(rules)
    reads = [read_events(conn, sql, rowids) for rowids in rowid_ranges(conn, 4)]
    assert [r for r in rowid_ranges(conn, 4) if not conn.execute(
        "select count(*) from events where rowid between ? and ?", r).fetchone()[0]], "a part is empty"
    assert event_suspects(conn, rules, reads) == set()
