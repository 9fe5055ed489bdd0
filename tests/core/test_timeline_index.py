"""The timeline's arrays: computed from the tables, saved in the store, loaded back, and checked against
plain Python models of what each event shows."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from old_stores import make_version_1

from conftest import SHIPPED_STORE
from timeline_app.store import timeline_index
from timeline_app.store.dates import date_span
from timeline_app.store.membership import Membership
from timeline_app.store.timeline_index import (
    INDEX_TABLE,
    TimelineArrays,
    arrays_equal,
    compute_arrays,
    fingerprint,
    load_arrays,
    position_lookup,
    save_arrays,
)

FIELDS = ("rowid", "start_year", "end_year", "exact_day", "is_range", "certainty", "has_claims", "layer")
MEMBERSHIPS = ("themes", "places", "sources")


def _copy(store: Path, tmp_path: Path, *statements: str, name: str = "copy.db") -> sqlite3.Connection:
    copy = tmp_path / name
    shutil.copy(store, copy)
    conn = sqlite3.connect(copy)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    return conn


def _never_computed(monkeypatch) -> None:
    def refuse(_conn):
        raise AssertionError("the arrays were computed, not loaded")
    monkeypatch.setattr(timeline_index, "compute_arrays", refuse)


def _assert_same(a: TimelineArrays, b: TimelineArrays) -> None:
    """Field by field, with dtypes, so a failure names what differs."""
    for name in FIELDS:
        x, y = np.asarray(getattr(a, name)), np.asarray(getattr(b, name))
        assert x.dtype == y.dtype, name
        assert np.array_equal(x, y), name
    for name in MEMBERSHIPS:
        ma, mb = getattr(a, name), getattr(b, name)
        assert ma.keys == mb.keys, name
        assert ma.size == mb.size == len(a), name
        assert np.array_equal(ma.event, mb.event) and np.array_equal(ma.value, mb.value), name
        assert [ma.of(i) for i in range(ma.size)] == [mb.of(i) for i in range(mb.size)], name


# -- a plain model of the arrays ----------------------------------------------------------------------


def _model(conn: sqlite3.Connection) -> dict:
    """What each event shows, read row by row, in start order (ties by rowid)."""
    columns = {r[1] for r in conn.execute("pragma table_info(events)")}
    layer = "layer" if "layer" in columns else "'history'"
    rows = conn.execute(f"select rowid, id, start, [end], certainty, {layer} from events").fetchall()
    events = []
    for rowid, event_id, start, end, certainty, layer_name in rows:
        first, last = date_span(start, end or "")
        events.append((first, rowid, event_id, last, start, end, certainty, layer_name))
    events.sort()
    ids = [e[2] for e in events]

    def links(sql: str) -> list[tuple[str, ...]]:
        found: dict[str, set[str]] = {i: set() for i in ids}
        for event_id, value in conn.execute(sql):
            if event_id in found:
                found[event_id].add(value)
        return [tuple(sorted(found[i])) for i in ids]

    quotes = " union all ".join(f"select event_id, source_id from [{t}]" for t in ("excerpts", "commentary", "claims"))
    claimed = {r[0] for r in conn.execute("select event_id from claims")}
    return {
        "rowid": [e[1] for e in events],
        "start_year": [e[0] for e in events],
        "end_year": [e[3] for e in events],
        "exact_day": [len(e[4]) == 10 for e in events],
        "is_range": [bool(e[5]) for e in events],
        "certainty": [{"exact": 0, "approximate": 1, "disputed": 2}.get(e[6], 3) for e in events],
        "layer": [{"history": 0, "film": 1, "reception": 2}.get(e[7], 0) for e in events],
        "has_claims": [i in claimed for i in ids],
        "themes": links("select l.event_id, l.theme_id from event_themes l join themes t on t.id = l.theme_id"),
        "places": links("select l.event_id, l.place_id from event_places l join places p on p.id = l.place_id"),
        "sources": links(f"select q.event_id, q.source_id from ({quotes}) q join sources s on s.id = q.source_id"),
        "keys": {name: [r[0] for r in conn.execute(f"select id from [{name}] order by id")] for name in MEMBERSHIPS},
    }


def _assert_matches_model(arrays: TimelineArrays, conn: sqlite3.Connection) -> None:
    model = _model(conn)
    for name in ("rowid", "exact_day", "is_range", "certainty", "layer", "has_claims"):
        assert np.asarray(getattr(arrays, name)).tolist() == model[name], name
    assert np.allclose(arrays.start_year, model["start_year"]) and np.allclose(arrays.end_year, model["end_year"])
    for name in MEMBERSHIPS:
        membership = getattr(arrays, name)
        assert membership.keys == model["keys"][name], name
        assert [membership.of(i) for i in range(len(arrays))] == model[name], name


def test_the_computed_arrays_are_what_each_event_of_the_shipped_store_shows() -> None:
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    _assert_matches_model(compute_arrays(conn), conn)


def test_the_computed_arrays_of_the_small_store(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    arrays = compute_arrays(conn)
    _assert_matches_model(arrays, conn)
    assert len(arrays) == 2
    assert arrays.certainty.tolist() == [1, 0]  # the strike starts earlier (June 1962) than the massacre
    assert arrays.exact_day.tolist() == [False, True]
    assert arrays.is_range.tolist() == [True, False]
    assert arrays.has_claims.tolist() == [False, True]
    assert arrays.themes.of(1) == ("protest", "repression")
    assert arrays.sources.of(1) == ("doyle-2021", "weiss-2021")
    assert arrays.layer.tolist() == [0, 0]


_ODD_ROWS = (  # on a version-1 store, as another tool might extend it: its own events get no layer
    "alter table events add column layer text",
    "insert into events (rowid, id, title, summary, start, [end], certainty, start_year, end_year, layer) values "
    "(40, 'film-scene', 'A scene', '', '1962-06-01', '1962-06-03', 'disputed', null, null, 'film')",
    "insert into events (rowid, id, title, summary, start, [end], certainty, layer) values "
    "(7, 'premiere', 'Premiere', '', '2020', null, 'odd', 'reception')",
    "insert into events (rowid, id, title, summary, start, [end], certainty, layer) values "
    "(9, 'same-start', 'Same start', '', '1962-06', '', 'exact', 'elsewhere')",
    "insert into event_themes values ('film-scene', 'repression')",
    "insert into event_places values ('premiere', 'novocherkassk')",
    "insert into commentary (event_id, source_id, quote) values ('film-scene', 'weiss-2021', 'q')",
    "insert into commentary (event_id, source_id, quote) values ('strike', 'doyle-2021', 'again')",
    "insert into claims (event_id, topic, source_id, quote, value) values ('premiere', 't', 'weiss-2021', 'q', 'v')",
)


def _odd(small_store: Path, tmp_path: Path) -> sqlite3.Connection:
    return _copy(make_version_1(small_store, tmp_path / "v1.db"), tmp_path, *_ODD_ROWS)


def test_layers_certainties_missing_years_and_ties_are_read_as_the_rows_say(small_store: Path, tmp_path: Path) -> None:
    conn = _odd(small_store, tmp_path)
    arrays = compute_arrays(conn)
    _assert_matches_model(arrays, conn)
    ids = dict(conn.execute("select rowid, id from events"))
    assert [ids[r] for r in arrays.rowid.tolist()] == ["strike", "same-start", "film-scene", "massacre", "premiere"]
    assert arrays.layer.tolist() == [0, 0, 1, 0, 2]
    assert arrays.certainty.tolist() == [1, 0, 2, 0, 3]


def test_a_store_without_the_year_columns_gives_the_same_arrays(small_store: Path, tmp_path: Path) -> None:
    conn = _odd(small_store, tmp_path)
    with_years = compute_arrays(conn)
    for sql in ("drop index if exists idx_events_start_year", "alter table events drop column start_year",
                "alter table events drop column end_year"):
        conn.execute(sql)
    _assert_same(compute_arrays(conn), with_years)


@pytest.mark.parametrize("column", ["start_year", "end_year"])
def test_a_store_lacking_one_year_column_reads_the_dates(small_store: Path, tmp_path: Path, column: str) -> None:
    conn = _odd(small_store, tmp_path)
    with_years = compute_arrays(conn)
    conn.execute("drop index if exists idx_events_start_year")
    conn.execute(f"alter table events drop column {column}")
    _assert_same(compute_arrays(conn), with_years)


def test_the_year_columns_are_used_when_every_event_has_them(small_store: Path, tmp_path: Path) -> None:
    # A large store opens before its rows are checked: a date written wrongly must not stop it opening
    conn = _copy(small_store, tmp_path, "update events set start = '2 June 1962' where id = 'massacre'")
    arrays = compute_arrays(conn)
    years = [r[0] for r in conn.execute("select start_year from events order by start_year")]
    assert arrays.start_year.tolist() == years
    conn.execute("update events set end_year = null where id = 'strike'")
    with pytest.raises(timeline_index.DateError):  # one event without years: every date is read from its text
        compute_arrays(conn)


def test_a_store_without_themes_places_or_sources(small_store: Path, tmp_path: Path) -> None:
    conn = _copy(small_store, tmp_path, *(f"delete from [{t}]" for t in (
        "event_themes", "event_places", "excerpts", "commentary", "claims", "themes", "places", "sources")))
    arrays = compute_arrays(conn)
    _assert_matches_model(arrays, conn)
    for name in MEMBERSHIPS:
        membership = getattr(arrays, name)
        assert membership.keys == [] and [membership.of(i) for i in range(2)] == [(), ()]
    assert arrays.has_claims.tolist() == [False, False]


def test_a_store_without_events(small_store: Path, tmp_path: Path) -> None:
    conn = _copy(small_store, tmp_path, *(f"delete from [{t}]" for t in (
        "event_themes", "event_places", "excerpts", "commentary", "claims", "events")))
    arrays = compute_arrays(conn)
    assert len(arrays) == 0 and arrays.themes.keys == ["protest", "repression"]
    save_arrays(conn, arrays)
    _assert_same(load_arrays(conn), arrays)


def test_a_connection_handing_back_rows_as_dicts_gives_the_same_arrays(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    plain = compute_arrays(conn)
    conn.row_factory = sqlite3.Row
    _assert_same(compute_arrays(conn), plain)


# -- saved and loaded ----------------------------------------------------------------------------


def test_the_saved_arrays_load_as_computed_without_computing(small_store: Path, monkeypatch) -> None:
    conn = sqlite3.connect(small_store)
    computed = compute_arrays(conn)
    _never_computed(monkeypatch)
    loaded = load_arrays(conn)
    _assert_same(loaded, computed)
    assert arrays_equal(loaded, computed)


def test_saved_layers_and_odd_rows_load_as_computed(small_store: Path, tmp_path: Path, monkeypatch) -> None:
    conn = _odd(small_store, tmp_path)
    computed = compute_arrays(conn)
    save_arrays(conn, computed)
    save_arrays(conn, computed)  # saving again replaces the index
    assert conn.execute(f"select count(*) from {INDEX_TABLE} where name = 'rowid'").fetchone()[0] == 1
    _never_computed(monkeypatch)
    _assert_same(load_arrays(conn), computed)


def test_the_shipped_store_loads_its_saved_arrays(monkeypatch) -> None:
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    computed = compute_arrays(conn)
    _never_computed(monkeypatch)
    _assert_same(load_arrays(conn), computed)


def test_an_index_saved_before_layers_loads_every_event_as_history(small_store: Path, monkeypatch) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute(f"delete from {INDEX_TABLE} where name = 'layer'")
    _never_computed(monkeypatch)
    arrays = load_arrays(conn)
    assert arrays.layer.tolist() == [0, 0]
    assert arrays.layer.dtype == np.int8


def test_a_store_without_an_index_is_computed(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    expected = compute_arrays(conn)
    conn.execute(f"drop table {INDEX_TABLE}")
    _assert_same(load_arrays(conn), expected)


_CHANGES = {
    "an event deleted": ("delete from excerpts where event_id = 'strike'",
                         "delete from event_places where event_id = 'strike'",
                         "delete from event_themes where event_id = 'strike'",
                         "delete from events where id = 'strike'"),
    "an event added": ("insert into events (id, title, start, certainty, start_year, end_year) "
                       "values ('new', 'New', '1970', 'exact', 1970, 1971)",),
    "a theme added to an event": ("insert into event_themes values ('strike', 'repression')",),
    "a theme taken from an event": ("delete from event_themes where event_id = 'massacre' and theme_id = 'protest'",),
    "a theme renamed": ("insert into themes (id, name, color) values ('strikes', 'Strikes', '#000000')",
                        "update event_themes set theme_id = 'strikes' where theme_id = 'protest'",
                        "delete from themes where id = 'protest'"),
    "a place added": ("insert into places (id, name, kind) values ('moscow', 'Moscow', 'city')",),
    "a place taken from an event": ("delete from event_places where event_id = 'strike'",),
    "a source added": ("insert into sources (id) values ('new-2022')",),
    "an excerpt added": ("insert into excerpts (event_id, source_id, quote) values ('strike', 'weiss-2021', 'q')",),
    "a commentary added": ("insert into commentary (event_id, source_id, quote) values ('strike', 'weiss-2021', 'q')",),
    "a claim deleted": ("delete from claims",),
    "a date moved": ("update events set start = '1962-07-01', start_year = {}, end_year = {} where id = 'massacre'"
                     .format(*date_span("1962-07-01")),),
    "a row replaced under a new rowid": ("delete from excerpts where rowid = 1",
                                         "insert into excerpts (event_id, source_id, quote) values "
                                         "('strike', 'weiss-2021', 'replaced')"),
}


@pytest.mark.parametrize("change", list(_CHANGES))
def test_a_changed_table_is_noticed_and_read_again(small_store: Path, tmp_path: Path, change: str) -> None:
    before = fingerprint(sqlite3.connect(small_store))
    conn = _copy(small_store, tmp_path, *_CHANGES[change])
    assert fingerprint(conn) != before
    loaded = load_arrays(conn)
    _assert_same(loaded, compute_arrays(conn))
    _assert_matches_model(loaded, conn)


def test_the_fingerprint_of_an_unchanged_store_stays_the_same(small_store: Path, tmp_path: Path) -> None:
    conn = _copy(small_store, tmp_path, "update events set title = 'Renamed' where id = 'strike'")
    assert fingerprint(conn) == fingerprint(sqlite3.connect(small_store))


def _damaged(small_store: Path, tmp_path: Path, *statements: str) -> sqlite3.Connection:
    return _copy(small_store, tmp_path, *statements, name="damaged.db")


_DAMAGE = {
    "a missing part": (f"delete from {INDEX_TABLE} where name = 'flags'",),
    "rowids cut short": (f"update {INDEX_TABLE} set data = substr(data, 1, 8) where name = 'rowid'",),
    "rowids cut mid-number": (f"update {INDEX_TABLE} set data = substr(data, 1, 12) where name = 'rowid'",),
    "start years cut short": (f"update {INDEX_TABLE} set data = substr(data, 1, 8) where name = 'start_year'",),
    "end years cut short": (f"update {INDEX_TABLE} set data = substr(data, 1, 8) where name = 'end_year'",),
    "certainty cut short": (f"update {INDEX_TABLE} set data = substr(data, 1, 1) where name = 'certainty'",),
    "layers cut short": (f"update {INDEX_TABLE} set data = substr(data, 1, 1) where name = 'layer'",),
    "flags cut short": (f"update {INDEX_TABLE} set data = substr(data, 1, 1) where name = 'flags'",),
    "theme values cut short": (f"update {INDEX_TABLE} set data = substr(data, 1, 4) where name = 'themes.value'",),
    "source events cut short": (f"update {INDEX_TABLE} set data = substr(data, 1, 8) where name = 'sources.event'",),
    "events beyond the last": (f"update {INDEX_TABLE} set data = x'00000000000000000900000000000000' "
                               "where name = 'places.event'",),
    "a part stored as text": (f"update {INDEX_TABLE} set data = 'text' where name = 'fingerprint'",),
    "keys that are not JSON": (f"update {INDEX_TABLE} set data = cast('[\"a' as blob) where name = 'themes.keys'",),
    "a fingerprint that is not text": (f"update {INDEX_TABLE} set data = x'ff' where name = 'fingerprint'",),
    "a table of another shape": (f"drop table {INDEX_TABLE}", f"create table {INDEX_TABLE} (x)"),
}


@pytest.mark.parametrize("damage", list(_DAMAGE))
def test_a_damaged_index_falls_back_to_the_tables(small_store: Path, tmp_path: Path, damage: str) -> None:
    conn = _damaged(small_store, tmp_path, *_DAMAGE[damage])
    loaded = load_arrays(conn)
    _assert_same(loaded, compute_arrays(conn))
    _assert_matches_model(loaded, conn)


def test_an_index_naming_rows_the_table_lacks_falls_back_to_the_tables(small_store: Path, tmp_path: Path) -> None:
    conn = _copy(small_store, tmp_path)
    saved = np.frombuffer(conn.execute(f"select data from {INDEX_TABLE} where name = 'rowid'").fetchone()[0],
                          dtype=np.int64)
    conn.execute(f"update {INDEX_TABLE} set data = ? where name = 'rowid'", ((saved + 1000).tobytes(),))
    conn.commit()  # as many rowids as rows, all different, none of them the table's
    loaded = load_arrays(conn)
    _assert_same(loaded, compute_arrays(conn))


# -- memberships ---------------------------------------------------------------------------------


@st.composite
def memberships(draw):
    size = draw(st.integers(0, 8))
    keys = draw(st.lists(st.text(alphabet="abcxyz", min_size=1, max_size=3), unique=True, max_size=5))
    pairs = draw(st.lists(st.tuples(st.integers(0, max(size - 1, 0)), st.integers(0, max(len(keys) - 1, 0))),
                          unique=True, max_size=20)) if size and keys else []
    pairs = draw(st.permutations(pairs))
    if draw(st.booleans()):  # as the tables often hand them back: in event order, values in any order
        pairs.sort(key=lambda p: p[0])
    event = np.array([p[0] for p in pairs], dtype=draw(st.sampled_from([np.int64, np.int32])))
    value = np.array([p[1] for p in pairs], dtype=draw(st.sampled_from([np.int32, np.int64])))
    return Membership(keys, event, value, size), keys, pairs, size


@settings(max_examples=100, deadline=None)
@given(memberships(), st.data())
def test_memberships_answer_as_their_pairs_say(case, data) -> None:
    membership, keys, pairs, size = case
    of = [tuple(sorted(keys[v] for e, v in pairs if e == i)) for i in range(size)]
    assert [membership.of(i) for i in range(size)] == of
    assert membership.per_event().tolist() == [len(x) for x in of]
    assert membership.first().tolist() == [min((v for e, v in pairs if e == i), default=-1) for i in range(size)]
    assert membership.first().dtype == np.int32
    wanted = data.draw(st.sets(st.sampled_from([*keys, "unknown"])))
    assert membership.has_any(wanted).tolist() == [any(k in wanted for k in x) for x in of]
    assert membership.has_any(wanted).dtype == bool  # a mask the filters combine and index with
    mask = np.array(data.draw(st.lists(st.booleans(), min_size=size, max_size=size)), dtype=bool)
    assert membership.counts(mask) == {k: sum(1 for i in range(size) if mask[i] and k in of[i]) for k in keys}
    assert membership.event.dtype == np.int64 and membership.value.dtype == np.int32
    assert membership.event.tolist() == sorted(membership.event.tolist())
    blobs = membership.to_arrays()
    again = Membership(list(keys), np.frombuffer(blobs["event"], dtype=np.int64),
                       np.frombuffer(blobs["value"], dtype=np.int32), size)
    assert [again.of(i) for i in range(size)] == of


def test_an_events_first_value_is_the_first_in_key_order_whatever_order_the_pairs_come_in() -> None:
    membership = Membership(["a", "b", "c"], np.array([0, 0, 1, 1]), np.array([2, 0, 1, 2]), 3)
    assert membership.first().tolist() == [0, 1, -1]
    assert membership.first() is membership.first()  # computed once


def test_pairs_in_event_order_with_values_out_of_order_in_a_later_event_are_sorted() -> None:
    membership = Membership(["a", "b", "c", "d"], np.array([0, 0, 1, 1]), np.array([0, 1, 3, 2]), 2)
    assert membership.first().tolist() == [0, 2]
    assert membership.value.tolist() == [0, 1, 2, 3]


def test_saved_memberships_are_used_in_place_not_copied(small_store: Path) -> None:
    # a million-event store opens in milliseconds because its saved arrays are not copied or sorted again
    arrays = compute_arrays(sqlite3.connect(small_store))
    blobs = arrays.sources.to_arrays()
    event, value = np.frombuffer(blobs["event"], dtype=np.int64), np.frombuffer(blobs["value"], dtype=np.int32)
    loaded = Membership(arrays.sources.keys, event, value, len(arrays))
    assert np.shares_memory(loaded.event, event) and np.shares_memory(loaded.value, value)


def test_a_store_whose_rows_come_in_start_order_colours_by_the_first_theme(small_store: Path, tmp_path: Path) -> None:
    # One event with two themes: the rows come back in event order, the themes in the order they were added
    conn = _copy(small_store, tmp_path, *_CHANGES["an event deleted"])
    arrays = compute_arrays(conn)
    assert arrays.themes.of(0) == ("protest", "repression")
    assert arrays.themes.first().tolist() == [arrays.themes.keys.index("protest")]


def test_a_value_past_sixteen_bits_of_codes_still_filters_its_own_events() -> None:
    # Codes sort as 16-bit numbers where they fit; a store of 40,000 places must not wrap them.
    keys = [f"place-{k}" for k in range(40_000)]
    membership = Membership(keys, np.array([0, 1, 2, 3]), np.array([39_999, 5, 32_768, 39_999]), 5)
    assert membership.has_any({"place-39999"}).tolist() == [True, False, False, True, False]
    assert membership.has_any({"place-32768", "place-5"}).tolist() == [False, True, True, False, False]
    assert membership.has_any({"place-0"}).tolist() == [False] * 5


def test_codes_naming_no_key_are_in_no_value_s_events() -> None:
    membership = Membership(["a", "b"], np.array([0, 1, 2, 3]), np.array([1, -1, 2, 0]), 4)
    assert membership.has_any({"a"}).tolist() == [False, False, False, True]
    assert membership.has_any({"b"}).tolist() == [True, False, False, False]
    assert membership.has_any({"a", "b"}).tolist() == [True, False, False, True]


def test_an_empty_membership() -> None:
    membership = Membership([], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32), 3)
    assert membership.of(1) == ()
    assert membership.first().tolist() == [-1, -1, -1]
    assert membership.has_any({"x"}).tolist() == [False] * 3
    assert membership.counts(np.ones(3, dtype=bool)) == {}
    assert membership.per_event().tolist() == [0, 0, 0]


# -- position lookup -----------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(st.one_of(
    st.lists(st.integers(0, 60), unique=True, max_size=30),  # dense, as SQLite hands rowids out
    st.lists(st.integers(-2**62, 2**62), unique=True, max_size=30),  # sparse, and negative
), st.lists(st.integers(-2**62, 2**62), max_size=10))
def test_rowids_map_to_their_positions(rowids, others) -> None:
    rowid = np.array(rowids, dtype=np.int64)
    lookup = position_lookup(rowid)
    assert lookup(rowid).tolist() == list(range(len(rowid)))
    if len(rowid):
        asked = np.array([*others, -1, int(rowid.max()) + 1, 2**62], dtype=np.int64)
        positions = lookup(asked)
        assert ((positions >= 0) & (positions < len(rowid))).all()  # some position; the caller checks it
        known = set(rowids)
        assert [p for a, p in zip(asked.tolist(), positions.tolist(), strict=True) if a in known] == \
            [rowids.index(a) for a in asked.tolist() if a in known]


def test_dense_rowids_with_gaps_map_to_their_positions() -> None:
    rowid = np.array([5, 1, 1000, 3, 2])
    lookup = position_lookup(rowid)
    assert lookup(np.array([1000, 1, 5, 2, 3])).tolist() == [2, 1, 0, 4, 3]
    assert 0 <= lookup(np.array([4]))[0] < 5
    assert 0 <= lookup(np.array([5000]))[0] < 5


def test_rowids_far_apart_need_no_table_as_big_as_the_largest() -> None:
    rowid = np.array([2**60, 3, 2**50])
    assert position_lookup(rowid)(np.array([3, 2**50, 2**60])).tolist() == [1, 2, 0]


def test_an_empty_catalog_looks_up_nothing() -> None:
    assert position_lookup(np.zeros(0, dtype=np.int64))(np.zeros(0, dtype=np.int64)).tolist() == []


# -- arrays_equal --------------------------------------------------------------------------------


def test_arrays_equal_notices_any_single_difference(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    base = compute_arrays(conn)
    assert arrays_equal(base, compute_arrays(conn))
    for name in FIELDS:
        changed = compute_arrays(conn)
        values = np.array(getattr(changed, name), copy=True)
        values[-1] = not values[-1] if values.dtype == bool else values[-1] + 1
        setattr(changed, name, values)
        assert not arrays_equal(base, changed), name
        assert not arrays_equal(changed, base), name
    for name in MEMBERSHIPS:
        for part in ("keys", "event", "value"):
            changed = compute_arrays(conn)
            membership = getattr(changed, name)
            if part == "keys":
                membership.keys = [*membership.keys[:-1], "other"]
            else:
                values = getattr(membership, part).copy()
                values[-1] = values[-1] - 1 if values[-1] else values[-1] + 1
                setattr(membership, part, values)
            assert not arrays_equal(base, changed), (name, part)


@pytest.mark.parametrize(("rowids", "different"), [
    ([3, 1, 2], True), ([1, 2, 2], False), ([0, 5, 0], False),  # dense, as SQLite hands rowids out
    ([5, 2**40, -7], True), ([2**40, 9, 2**40], False),  # sparse: a table as big as the largest would not do
])
def test_a_saved_index_naming_one_event_twice_is_not_plausible(rowids: list[int], different: bool) -> None:
    from timeline_app.store.timeline_index import _all_different

    assert _all_different(np.array(rowids, dtype=np.int64)) is different
