"""The one rule set: what build, import, opening a store and check refuse, in Python and in SQL alike."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_copies import edit, version_1_copy, without_primary_keys

from timeline_app.store.dates import DATE_HINT, DateError, edtf_bounds, parse_date
from timeline_app.store.rules import (
    SLUG_HINT,
    calendar_problem,
    certainty_problem,
    contract_problems,
    date_basis_problem,
    date_text_problem,
    dates_problem,
    id_problem,
    install_rule_functions,
    layer_problem,
    published_problem,
    row_problems,
    schema_version,
    table_names,
    voice_problem,
)

# --- one value at a time ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["massacre", "novocherkassk-massacre", "1962", "a", "0-", "x--y"])
def test_a_lowercase_slug_is_an_id(value: str) -> None:
    assert id_problem(value) is None


@pytest.mark.parametrize("value", ["", "Massacre", "-massacre", "a b", "a_b", "massacre\n", "café", "ａ", 7, None])
def test_anything_else_is_not_an_id_and_says_so(value: object) -> None:
    assert id_problem(value) == f"{value!r} {SLUG_HINT}"


@pytest.mark.parametrize(("start", "end"), [("1962-06-02", ""), ("1962-06-02", None), ("1962-06", "1962-06-02"),
                                            ("1917", "1991-12-26")])
def test_dates_an_event_can_have(start: str, end: str | None) -> None:
    assert dates_problem(start, end) is None


@pytest.mark.parametrize(("start", "end", "why"), [
    ("1962-06-02", "1962-06-01", "end '1962-06-01' is before start '1962-06-02'"),
    ("June 1962", "", f"'June 1962' {DATE_HINT}"),
    ("1962", "1962-13", "'1962-13' has no month 13"),
    (1962, "", "start 1962 and end '' must be text like 1962-06-02"),
    (None, "", "start None and end '' must be text like 1962-06-02"),
    ("1962", 1963, "start '1962' and end 1963 must be text like 1962-06-02"),
])
def test_dates_an_event_cannot_have_say_why(start: object, end: object, why: str) -> None:
    assert dates_problem(start, end) == why


def test_an_event_may_leave_out_its_end() -> None:
    assert dates_problem("1962-06-02") is None


@pytest.mark.parametrize("value", [None, "", "2021", "2021-02", "2021-02-17"])
def test_a_source_may_have_no_publication_date_or_any_date(value: str | None) -> None:
    assert published_problem(value) is None


@pytest.mark.parametrize(("value", "why"), [("Feb 2021", f"'Feb 2021' {DATE_HINT}"),
                                            ("2021-02-30", "'2021-02-30' is not a day of the calendar"),
                                            (2021, f"2021 {DATE_HINT}")])
def test_a_publication_date_that_is_no_date_says_why(value: object, why: str) -> None:
    assert published_problem(value) == why


ENUMERATIONS = [
    (certainty_problem, ("exact", "approximate", "disputed")),
    (layer_problem, ("history", "film", "reception")),
    (date_basis_problem, ("review", "outside", "film", "unknown")),
    (calendar_problem, ("gregorian", "julian")),
    (voice_problem, ("reviewer", "film", "quoted")),
]


@pytest.mark.parametrize(("rule", "allowed"), ENUMERATIONS, ids=lambda v: getattr(v, "__name__", ""))
def test_each_enumeration_takes_its_words_and_names_them_otherwise(rule, allowed: tuple[str, ...]) -> None:
    for word in allowed:
        assert rule(word) is None
    for wrong in ("", allowed[0].upper(), allowed[0] + " ", "likely"):
        assert rule(wrong) == f"{wrong!r} is not one of {', '.join(allowed)}"
    # Version 2's columns left NULL read as their defaults, as a version-1 store's rows do;
    # certainty was always required.
    if rule is certainty_problem:
        assert rule(None) == f"None is not one of {', '.join(allowed)}"
    else:
        assert rule(None) is None


# --- a historian's date against the event's dates -------------------------------------------------


@pytest.mark.parametrize(("date_text", "start", "end"), [
    ("", "1962-06-02", ""), (None, "1962-06-02", ""),
    ("1962-06-02", "1962-06-02", ""), ("1962-06-02?", "1962-06-02", ""),
    ("1962-06/1962-06-02", "1962-06", "1962-06-02"), ("192X", "1920", "1929"),
    ("1985/..", "1985", ""), ("1985/..", "1985", "1991"), ("../1917", "1905", "1917"),
    ("1962-21", "1962-03", "1962-05"),
])
def test_a_historians_date_that_covers_the_events_days_is_taken(date_text, start: str, end: str) -> None:
    assert date_text_problem(date_text, start, end) is None


@pytest.mark.parametrize(("date_text", "start", "end", "why"), [
    ("1962-07", "1962-06", "", "'1962-07' begins on 1962-07-01, but start '1962-06' begins on 1962-06-01"),
    ("1962-06", "1962-06", "1962-07", "'1962-06' ends on 1962-06-30, but the dates end on 1962-07-31"),
    ("1962-06/1962-07", "1962-06", "", "'1962-06/1962-07' ends on 1962-07-31, but the dates end on 1962-06-30"),
    ("../1918", "1917", "", "'../1918' ends on 1918-12-31, but the dates end on 1917-12-31"),
    ("1916/..", "1917", "1918", "'1916/..' begins on 1916-01-01, but start '1917' begins on 1917-01-01"),
    ("spring", "1962", "", "'spring' is not a date in EDTF like 1962-06-02, 1962-06?, 1930~, 192X or 1929/1933"),
    ("1962", "June 1962", "", f"'June 1962' {DATE_HINT}"),
    ("1962", "1962", "1962-13", "'1962-13' has no month 13"),
])
def test_a_historians_date_that_does_not_cover_the_events_days_says_how(date_text: str, start: str, end: str,
                                                                         why: str) -> None:
    assert date_text_problem(date_text, start, end) == why


days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
precision = st.sampled_from([4, 7, 10])  # year, month or day: the length of the ISO text


@settings(max_examples=60, deadline=None)
@given(days, precision, days, precision)
def test_the_plain_interval_of_any_dates_is_their_historians_date(a: date, pa: int, b: date, pb: int) -> None:
    start, end = min(a, b).isoformat()[:pa], max(a, b).isoformat()[:pb]
    if dates_problem(start, end):  # 1962-06-30 to 1962-06: ends before it starts
        with pytest.raises(DateError, match="ends before it starts"):
            edtf_bounds(f"{start}/{end}")
        return
    assert date_text_problem(f"{start}/{end}", start, end) is None
    assert date_text_problem(start, start, "") is None
    first, last = edtf_bounds(f"{start}/{end}")
    assert (first, last) == (parse_date(start).first_day(), parse_date(end).last_day())
    if parse_date(end).first_day() != first:
        assert date_text_problem(end, start, end).startswith(f"{end!r} begins on ")
    if parse_date(start).last_day() != last:
        assert date_text_problem(start, start, end).startswith(f"{start!r} ends on ")


# --- the same rules inside SQLite ---------------------------------------------------------------

values = st.one_of(st.none(), st.text(max_size=12), st.integers(-5, 3000), st.floats(allow_nan=False),
                   st.sampled_from(["exact", "film", "julian", "quoted", "review", "1962", "1962-06-02", "a-b"]))


@settings(max_examples=60, deadline=None)
@given(values, values, values)
def test_sql_and_python_give_the_same_answer_for_every_rule(a: object, b: object, c: object) -> None:
    conn = sqlite3.connect(":memory:")
    install_rule_functions(conn)
    one = {"tl_id_problem": id_problem, "tl_published_problem": published_problem,
           "tl_certainty_problem": certainty_problem, "tl_layer_problem": layer_problem,
           "tl_date_basis_problem": date_basis_problem, "tl_calendar_problem": calendar_problem,
           "tl_voice_problem": voice_problem}
    for name, rule in one.items():
        assert conn.execute(f"select {name}(?)", (a,)).fetchone()[0] == rule(a), name
    assert conn.execute("select tl_dates_problem(?, ?)", (a, b)).fetchone()[0] == dates_problem(a, b)
    assert conn.execute("select tl_date_text_problem(?, ?, ?)", (a, b, c)).fetchone()[0] == \
        date_text_problem(a, b, c)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=12), st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)),
       st.sampled_from(["", "1962-06-02", "1991"]))
def test_an_events_dates_pass_the_store_check_exactly_when_they_pass_the_rule(small_store: Path, start: str,
                                                                            end: str) -> None:
    """The one date rule: the rule, the parser and the store check accept the same start and end."""
    try:
        parse_date(start)
        ends_after = not end or parse_date(end).last_day() >= parse_date(start).first_day()
        parses = True
    except DateError:
        parses = ends_after = False
    conn = sqlite3.connect(small_store)
    try:
        conn.execute("update events set start = ?, [end] = ?, date_text = '' where id = 'massacre'", (start, end))
        store_ok = not any(p.startswith("event 'massacre'") for p in row_problems(conn, limit=None))
    finally:
        conn.rollback()
        conn.close()
    assert (dates_problem(start, end) is None) == store_ok == (parses and ends_after)


# --- the contract: tables, columns, versions ----------------------------------------------------


def test_the_small_store_keeps_the_contract_and_every_rule(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    assert contract_problems(conn) == []
    assert row_problems(conn) == []
    assert schema_version(conn) == "2"


def test_table_names_include_views(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("create temp view recent as select * from events")
    conn.execute("create view later as select * from events")
    names = table_names(conn)
    assert {"events", "meta", "claims", "later"} <= names
    assert "idx_events_start_year" not in names


def test_a_store_without_meta_has_no_schema_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db")
    assert schema_version(conn) is None
    conn.execute("create table meta (key text, value text)")
    assert schema_version(conn) is None
    conn.execute("insert into meta values ('schema_version', 2)")
    assert schema_version(conn) == "2"


@pytest.mark.parametrize(("sql", "problems"), [
    ("drop table meta", ["missing table 'meta'"]),
    ("delete from meta where key = 'schema_version'", ["meta has no schema_version"]),
    ("update meta set value = '3' where key = 'schema_version'",
     ["schema_version is '3'; this version of timeline-app reads versions 1 and 2"]),
    ("alter table places drop column kind; alter table places drop column latitude",
     ["table 'places' has no column 'kind'", "table 'places' has no column 'latitude'"]),
    ("alter table events drop column calendar", ["table 'events' has no column 'calendar'"]),
    ("alter table claims drop column ref", ["table 'claims' has no column 'ref'"]),
    ("drop table outside_facts", ["missing table 'outside_facts'"]),
    ("alter table excerpts rename to excerpts_real; create view excerpts as select * from excerpts_real",
     ["'excerpts' is a view, not a table"]),
    ("drop table event_themes; drop table claims", ["missing table 'event_themes'", "missing table 'claims'"]),
    ("alter table sources rename to s; create view sources as select * from s; drop table claims",
     ["'sources' is a view, not a table", "missing table 'claims'"]),
], ids=["no meta", "no version", "unknown version", "two columns", "v2 events column", "v2 claims column",
        "v2 table", "view", "two tables", "view and table"])
def test_the_contract_names_what_a_store_lacks(small_store: Path, sql: str, problems: list[str]) -> None:
    edit(small_store, sql)
    assert contract_problems(sqlite3.connect(small_store)) == problems


def test_a_version_1_store_needs_none_of_version_2s_columns(small_store: Path, tmp_path: Path) -> None:
    v1 = sqlite3.connect(version_1_copy(small_store, tmp_path))
    assert contract_problems(v1) == []
    assert row_problems(v1, limit=None) == []


def test_a_version_1_table_missing_is_named_before_the_version(small_store: Path, tmp_path: Path) -> None:
    copy = version_1_copy(small_store, tmp_path)
    edit(copy, "alter table themes drop column color; update meta set value = '9' where key = 'schema_version'")
    assert contract_problems(sqlite3.connect(copy)) == ["table 'themes' has no column 'color'"]


# --- every row against every rule ---------------------------------------------------------------


BROKEN_ROWS = [
    ("update events set start = '1962-6-2' where id = 'massacre'",
     f"event 'massacre': dates: '1962-6-2' {DATE_HINT}"),
    ("update events set [end] = '1900' where id = 'strike'",
     "event 'strike': dates: end '1900' is before start '1962-06'"),
    ("update events set certainty = 'likely' where id = 'strike'",
     "event 'strike': certainty 'likely' is not one of exact, approximate, disputed"),
    ("update sources set published = 'Feb 2021' where id = 'weiss-2021'",
     f"source 'weiss-2021': published: 'Feb 2021' {DATE_HINT}"),
    ("update events set layer = 'novel' where id = 'strike'",
     "event 'strike': layer 'novel' is not one of history, film, reception"),
    ("update events set date_basis = '' where id = 'strike'",
     "event 'strike': date_basis '' is not one of review, outside, film, unknown"),
    ("update events set calendar = 'revolutionary' where id = 'massacre'",
     "event 'massacre': calendar 'revolutionary' is not one of gregorian, julian"),
    ("update events set date_text = '1962-07' where id = 'massacre'",
     "event 'massacre': date_text '1962-07' begins on 1962-07-01, but start '1962-06-02' begins on 1962-06-02"),
    ("update excerpts set voice = 'narrator' where id = 2",
     "excerpts row 2: voice 'narrator' is not one of reviewer, film, quoted"),
    ("update claims set voice = 'narrator'", "claims row 1: voice 'narrator' is not one of reviewer, film, quoted"),
    ("insert into commentary (event_id, source_id, quote, voice) values ('strike', 'doyle-2021', 'x', 'me')",
     "commentary row 1: voice 'me' is not one of reviewer, film, quoted"),
    ("insert into periods values ('thaw', 'The Thaw', '1956', '1953')",
     "period 'thaw': dates: end '1953' is before start '1956'"),
    ("update event_places set place_id = 'atlantis' where event_id = 'strike'",
     "event_places row 2: place_id 'atlantis' names no row of places"),
    ("update event_themes set event_id = 'gone' where theme_id = 'repression'",
     "event_themes row 1: event_id 'gone' names no row of events"),
    ("update excerpts set source_id = 'nobody' where id = 3",
     "excerpts row 3: source_id 'nobody' names no row of sources"),
    ("update excerpts set event_id = null where id = 1", "excerpts row 1: event_id None names no row of events"),
    ("update claims set event_id = 'gone'", "claims row 1: event_id 'gone' names no row of events"),
    ("insert into commentary (event_id, source_id, quote, voice) values ('strike', 'anon', 'x', 'reviewer')",
     "commentary row 1: source_id 'anon' names no row of sources"),
    ("update outside_facts set event_id = 'gone' where id = 2",
     "outside_facts row 2: event_id 'gone' names no row of events"),
]


@pytest.mark.parametrize(("sql", "problem"), BROKEN_ROWS, ids=[p[:50] for _s, p in BROKEN_ROWS])
def test_a_row_that_breaks_a_rule_is_named_alone(small_store: Path, sql: str, problem: str) -> None:
    edit(small_store, sql)
    assert row_problems(sqlite3.connect(small_store), limit=None) == [problem]


@pytest.mark.parametrize(("table", "kind", "column_sql"), [
    ("events", "event", "update events set id = 'Strike!' where id = 'strike'"),
    ("places", "place", "update places set id = 'Novo cherkassk'"),
    ("themes", "theme", "update themes set id = 'Protest' where id = 'protest'"),
    ("sources", "source", "update sources set id = 'Doyle' where id = 'doyle-2021'"),
])
def test_an_id_that_is_not_a_slug_is_named_with_its_kind(small_store: Path, table: str, kind: str,
                                                         column_sql: str) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute(column_sql)
    bad = [p for p in row_problems(conn, limit=None) if p.startswith(f"{kind} id ")]
    assert len(bad) == 1 and bad[0].endswith(SLUG_HINT)


@pytest.mark.parametrize(("table", "kind", "key"), [("events", "event", "strike"), ("places", "place", "novocherkassk"),
                                                    ("themes", "theme", "protest"),
                                                    ("sources", "source", "doyle-2021")])
def test_an_id_used_twice_is_named_with_its_count(small_store: Path, table: str, kind: str, key: str) -> None:
    conn = sqlite3.connect(small_store)
    for trigger in [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]:
        conn.execute(f"drop trigger [{trigger}]")
    without_primary_keys(conn, table)
    conn.execute(f"insert into [{table}] select * from [{table}] where id = ?", (key,))
    conn.execute(f"insert into [{table}] select * from [{table}] where id = ? limit 1", (key,))
    assert row_problems(conn, limit=None) == [f"{kind} id {key!r} is used by 3 rows"]


def test_the_records_side_of_a_claim_cites_its_reference_instead_of_a_source(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update claims set source_id = '', ref = 'Census of 1959'")
    assert row_problems(conn, limit=None) == []
    conn.execute("update claims set source_id = null")
    assert row_problems(conn, limit=None) == []
    conn.execute("update claims set source_id = 'nobody'")  # a named source must exist, reference or not
    assert row_problems(conn, limit=None) == ["claims row 1: source_id 'nobody' names no row of sources"]
    conn.execute("update claims set source_id = null, ref = null")
    assert row_problems(conn, limit=None) == [
        "claims row 1: the record's side (no source) must give its reference in 'ref'",
        "claims row 1: source_id None names no row of sources",
    ]
    conn.execute("update claims set source_id = '', ref = ' '")
    assert row_problems(conn, limit=None) == []  # a reference of spaces is the provenance rules' to refuse
    conn.execute("update claims set source_id = '', ref = ''")
    assert row_problems(conn, limit=None) == [
        "claims row 1: the record's side (no source) must give its reference in 'ref'",
        "claims row 1: source_id '' names no row of sources",
    ]


def test_a_version_1_claim_without_a_source_names_no_source(small_store: Path, tmp_path: Path) -> None:
    v1 = version_1_copy(small_store, tmp_path)
    edit(v1, "update claims set source_id = ''; update events set certainty = 'exact'")
    assert row_problems(sqlite3.connect(v1), limit=None) == ["claims row 1: source_id '' names no row of sources"]


def test_version_2s_rules_leave_a_version_1_store_alone(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set layer = 'novel', date_basis = 'x', calendar = 'x', date_text = 'x'")
    conn.execute("update excerpts set voice = 'x'")
    conn.execute("update claims set voice = 'x'")
    assert len(row_problems(conn, limit=None)) == 2 * 4 + 3 + 1
    conn.execute("update meta set value = '1' where key = 'schema_version'")
    assert row_problems(conn, limit=None) == []


def test_a_historians_date_is_not_compared_with_dates_that_are_wrong_already(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set start = '1962-13', date_text = '1970' where id = 'massacre'")
    assert row_problems(conn, limit=None) == ["event 'massacre': dates: '1962-13' has no month 13"]


def test_a_store_without_periods_is_checked_without_them(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("drop table periods")
    assert row_problems(conn) == []


def test_a_store_without_outside_facts_checks_no_reference_to_them(small_store: Path, tmp_path: Path) -> None:
    v1 = version_1_copy(small_store, tmp_path)
    edit(v1, "update excerpts set source_id = 'nobody' where id = 1")
    assert row_problems(sqlite3.connect(v1)) == ["excerpts row 1: source_id 'nobody' names no row of sources"]


def _many_broken(conn: sqlite3.Connection, count: int) -> None:
    for n in range(count):
        conn.execute("insert into events (id, title, summary, start, [end], certainty, layer, date_basis, "
                     "calendar) values (?, 't', 's', '1962-13', '', 'likely', 'history', 'unknown', 'gregorian')",
                     (f"bad-{n:02d}",))


def test_each_rule_reports_at_most_the_limit_of_problems(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    _many_broken(conn, 25)
    problems = row_problems(conn)
    assert sum(p.endswith("has no month 13") for p in problems) == 20
    assert sum("certainty 'likely'" in p for p in problems) == 20
    problems = row_problems(conn, limit=3)
    assert len(problems) == 6
    assert len(row_problems(conn, limit=None)) == 50


def test_the_limit_applies_to_every_rule(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    for trigger in [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]:
        conn.execute(f"drop trigger [{trigger}]")
    for table in ("events", "places", "themes", "sources"):
        without_primary_keys(conn, table)
    statements = [
        "update events set id = 'Bad ' || id, layer = 'x', date_basis = 'x', calendar = 'x', date_text = '1970'",
        "insert into events select * from events", "update places set id = 'Bad'",
        "insert into places select * from places", "insert into places select * from places",
        "update themes set id = 'Bad ' || id", "insert into themes select * from themes",
        "update sources set id = 'Bad ' || id, published = 'x'", "insert into sources select * from sources",
        "update excerpts set voice = 'x'", "insert into commentary (event_id, source_id, voice) values ('a', 'b', 'x')",
        "insert into commentary (event_id, source_id, voice) values ('a', 'b', 'x')",
        "insert into claims (event_id, source_id, voice) values ('a', '', 'x')",
        "insert into periods values ('p', 'P', '1962-13', ''), ('q', 'Q', '1962-13', '')",
        "update outside_facts set event_id = 'gone'",
    ]
    for sql in statements:
        conn.execute(sql)
    everything = row_problems(conn, limit=None)
    capped = row_problems(conn, limit=1)
    assert len(capped) < len(everything)
    for kind in ("event id", "place id", "theme id", "source id"):
        assert sum(p.startswith(kind) and "is not a lowercase slug" in p for p in capped) == 1
        assert sum(p.startswith(kind) and "is used by" in p for p in capped) == 1
    for table in ("excerpts", "commentary", "claims"):
        assert sum(p.startswith(f"{table} row") and ": voice " in p for p in capped) == 1
    for marker in (": layer ", ": date_basis ", ": calendar ", ": date_text ", "published:", "period '",
                   "the record's side", "outside_facts row", "excerpts row 1: event_id", "commentary row 1: event_id"):
        assert sum(marker in p for p in capped) == 1, marker
