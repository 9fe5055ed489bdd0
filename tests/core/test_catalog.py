"""The catalog: every event of a store in start order, its text read once and the same however it is read."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

import numpy as np
import pytest
from model_catalogs import Event, catalog_of

from conftest import SHIPPED_EVENTS, SHIPPED_STORE, build_small_store, event_entry
from timeline_app.model import catalog as catalog_module
from timeline_app.model.catalog import EventCatalog, TextColumn, empty_catalog, load_catalog
from timeline_app.store.event_store import EventStore
from timeline_app.store.membership import Membership
from timeline_app.store.timeline_index import TimelineArrays


@pytest.fixture
def shipped():
    store = EventStore(SHIPPED_STORE)
    yield store
    store.close()


@pytest.fixture
def thirteen(tmp_path):
    """A store of thirteen events: SMALL_SOURCE's two (1962) and eleven before them, a year apart from 1901."""
    extra = "".join(event_entry(f"numbered-{k:02d}", str(1900 + k)) for k in range(1, 12))
    store = EventStore(build_small_store(tmp_path, extra))
    yield store
    store.close()


def _rows(store: EventStore, sql: str) -> list[tuple]:
    return [tuple(r) for r in store.conn.execute(sql).fetchall()]


def _queries(store: EventStore) -> list[str]:
    """Start recording every SQL statement the store's connection runs."""
    seen: list[str] = []
    store.conn.set_trace_callback(seen.append)
    return seen


def test_events_come_in_start_order_with_their_text(shipped: EventStore) -> None:
    catalog = load_catalog(shipped)
    by_id = {r[0]: r[1:] for r in _rows(shipped, "select id, title, start, [end] from events")}
    assert len(catalog) == len(by_id) == SHIPPED_EVENTS
    assert sorted(catalog.ids) == sorted(by_id)
    assert np.all(np.diff(catalog.start_year) >= 0)
    for k, event_id in enumerate(catalog.ids):
        assert (catalog.titles[k], catalog.starts[k], catalog.ends[k]) == tuple(v or "" for v in by_id[event_id])
    assert catalog.ids[0] == "october-revolution" and catalog.ends[0] == ""


def test_the_names_and_eras_come_from_the_store(shipped: EventStore) -> None:
    catalog = load_catalog(shipped)
    assert catalog.theme_names["repression"] == "Terror and repression"
    assert catalog.theme_colors["repression"] == shipped.conn.execute(
        "select color from themes where id = 'repression'").fetchone()[0]
    assert catalog.place_names["novocherkassk"] == "Novocherkassk"
    assert catalog.source_names == {"weiss-2021": "Clara Weiss", "doyle-2021": "Clare Doyle"}
    assert catalog.periods[0]["name"] == "Lenin" and len(catalog.periods) == len(shipped.periods())


@pytest.mark.parametrize("block", [1, 4, 7, SHIPPED_EVENTS])
def test_text_read_lazily_in_blocks_is_the_same_as_read_all_at_once(shipped, monkeypatch, block: int) -> None:
    eager = load_catalog(shipped)
    monkeypatch.setattr(catalog_module, "EAGER_TEXT", 10)
    monkeypatch.setattr(catalog_module, "BLOCK", block)
    lazy = load_catalog(shipped)
    assert all(v is None for v in lazy.titles.values)  # a large store opens without reading its text
    # Read from the end backwards, a slice, then the rest: the same text in the same places.
    for k in reversed(range(0, len(lazy), 5)):
        assert lazy.titles[k] == eager.titles[k]
        assert lazy.ends[k] == eager.ends[k]
    assert lazy.starts[3:11:2] == [eager.starts[k] for k in range(3, 11, 2)]
    assert lazy.ids[-1] == eager.ids[-1] and lazy.ids[-3:] == eager.ids[-3:]
    assert list(lazy.titles) == list(eager.titles)
    assert list(lazy.ends) == list(eager.ends)
    assert len(lazy.titles) == len(eager.titles) == SHIPPED_EVENTS


def test_reading_one_title_reads_only_its_block(thirteen, monkeypatch) -> None:
    monkeypatch.setattr(catalog_module, "EAGER_TEXT", 10)
    monkeypatch.setattr(catalog_module, "BLOCK", 4)
    catalog = load_catalog(thirteen)
    assert len(catalog) == 13  # blocks 0-3, 4-7, 8-11, and 12 alone
    queries = _queries(thirteen)
    title = catalog.titles[9]
    known = [k for k, v in enumerate(catalog.titles.values) if v is not None]
    assert known == [8, 9, 10, 11] and len(queries) == 1
    assert title == _rows(thirteen, f"select title from events where rowid = {catalog.arrays.rowid[9]}")[0][0]
    queries.clear()
    assert catalog.titles[10] and catalog.titles[8] and queries == []  # kept: no second read
    catalog.titles[12]  # the last block is short
    assert [k for k, v in enumerate(catalog.titles.values) if v is not None] == [8, 9, 10, 11, 12]


def test_fetch_reads_only_the_positions_asked_for_and_only_once(shipped, monkeypatch) -> None:
    monkeypatch.setattr(catalog_module, "EAGER_TEXT", 10)
    catalog = load_catalog(shipped)
    eager = load_catalog(shipped)
    catalog.titles.fetch(np.array([3, 30, 31]))
    assert [k for k, v in enumerate(catalog.titles.values) if v is not None] == [3, 30, 31]
    assert [catalog.titles.values[k] for k in (3, 30, 31)] == [eager.titles[k] for k in (3, 30, 31)]
    queries = _queries(shipped)
    catalog.titles.fetch(np.array([30, 3]))
    assert queries == []
    catalog.titles.load_all()
    assert len(queries) == 1
    catalog.titles.load_all()
    list(catalog.titles)
    assert len(queries) == 1


def test_a_screenful_of_events_from_all_over_the_store_is_read_in_one_query_per_column(shipped, monkeypatch) -> None:
    monkeypatch.setattr(catalog_module, "EAGER_TEXT", 10)
    catalog, eager = load_catalog(shipped), load_catalog(shipped)
    positions = np.array([40, 2, 25, 61, 7])
    assert not any(catalog.titles.known(int(p)) for p in positions)
    queries = _queries(shipped)
    catalog.read_text(positions)
    assert len(queries) == 6  # id, title, start, end, date_text, calendar
    for column in ("ids", "titles", "starts", "ends", "date_texts", "calendars"):
        lazy, read = getattr(catalog, column), getattr(eager, column)
        assert [k for k, v in enumerate(lazy.values) if v is not None] == sorted(positions.tolist()), column
        assert [lazy[int(p)] for p in positions] == [read[int(p)] for p in positions], column
    queries.clear()
    assert [catalog.date_words(int(p)) for p in positions] == [eager.date_words(int(p)) for p in positions]
    assert queries == []  # everything a table row shows was read
    assert TextColumn(None, "title", np.arange(3)).known(1)  # a catalog without a store has nothing to read


def test_a_store_small_enough_has_its_text_read_on_opening(shipped, monkeypatch) -> None:
    monkeypatch.setattr(catalog_module, "EAGER_TEXT", SHIPPED_EVENTS)
    catalog = load_catalog(shipped)
    assert all(v is not None for v in catalog.titles.values)
    assert catalog.index_of.small is not None and isinstance(catalog.certainty, list)
    monkeypatch.setattr(catalog_module, "EAGER_TEXT", SHIPPED_EVENTS - 1)
    catalog = load_catalog(shipped)
    assert all(v is None for v in catalog.titles.values)
    assert catalog.index_of.small is None and not isinstance(catalog.certainty, list)


def _text_table(count: int) -> SimpleNamespace:
    conn = sqlite3.connect(":memory:")
    conn.execute("create table events (id text, title text)")
    conn.executemany("insert into events (rowid, id, title) values (?, ?, ?)",
                     [(10 * k + 7, f"e{k}", None if k % 5 == 0 else f"Title {k}") for k in range(count)])
    return SimpleNamespace(conn=conn)


def test_thousands_of_titles_are_read_in_chunks_sqlite_accepts() -> None:
    table = _text_table(2000)
    rowid = np.array([10 * k + 7 for k in reversed(range(2000))], dtype=np.int64)  # another order
    column = TextColumn(None, "title", rowid)
    column.store = table
    column.fetch(np.arange(2000))
    expected = ["" if k % 5 == 0 else f"Title {k}" for k in reversed(range(2000))]
    assert column.values == expected
    everything = TextColumn(table, "title", rowid)  # small: read at once
    assert everything.values == expected and everything[1999] == ""


def test_a_catalog_without_a_store_has_empty_text() -> None:
    catalog = catalog_of([Event(1960.0, 1960.0, frozenset(), frozenset(), frozenset(), 0, False, 0)])
    assert catalog.titles[0] == "" and list(catalog.ids) == [""] and catalog.starts[0:1] == [""]
    catalog.titles.fetch(np.array([0]))
    catalog.titles.load_all()
    assert catalog.search_mask("strike") is None
    assert catalog.index_of.get("anything", -1) == -1


# -- finding events by id and rowid -------------------------------------------------------------------

@pytest.mark.parametrize("eager", [True, False])
def test_index_of_finds_known_ids_and_not_unknown_ones(shipped, monkeypatch, eager: bool) -> None:
    if not eager:
        monkeypatch.setattr(catalog_module, "EAGER_TEXT", 10)
    catalog = load_catalog(shipped)
    ids = [r[0] for r in _rows(shipped, "select id from events")]
    reference = load_catalog(shipped) if eager else None
    for event_id in ids:
        position = catalog.index_of[event_id]
        assert catalog.ids[position] == event_id
        assert event_id in catalog.index_of
        if reference is not None:
            assert reference.index_of.get(event_id) == position
    assert catalog.index_of.get("no-such-event") is None
    assert catalog.index_of.get("no-such-event", -1) == -1
    assert catalog.index_of.get(None, 5) == 5
    assert "no-such-event" not in catalog.index_of and None not in catalog.index_of and 3 not in catalog.index_of
    with pytest.raises(KeyError, match="no-such-event"):
        catalog.index_of["no-such-event"]


def test_an_id_the_arrays_lack_is_not_found_even_if_the_store_has_it(shipped, monkeypatch) -> None:
    monkeypatch.setattr(catalog_module, "EAGER_TEXT", 10)
    full = load_catalog(shipped).arrays
    last = int(np.argmax(full.rowid))
    keep = np.flatnonzero(np.arange(len(full)) != last)
    missing_id = load_catalog(shipped).ids[last]
    catalog = EventCatalog(_take(full, keep), shipped)
    assert catalog.index_of.get(missing_id) is None and missing_id not in catalog.index_of
    assert catalog.ids[catalog.index_of["october-revolution"]] == "october-revolution"


def _take(a: TimelineArrays, keep: np.ndarray) -> TimelineArrays:
    def members(m: Membership) -> Membership:
        new = np.full(a.rowid.shape, -1)
        new[keep] = np.arange(len(keep))
        at = new[m.event] >= 0
        return Membership(m.keys, new[m.event][at], m.value[at], len(keep))
    return TimelineArrays(a.rowid[keep], a.start_year[keep], a.end_year[keep], a.exact_day[keep], a.is_range[keep],
                          a.certainty[keep], a.has_claims[keep], members(a.themes), members(a.places),
                          members(a.sources), a.layer[keep])


def test_mask_of_rowids_marks_known_events_and_ignores_unknown_ones(thirteen: EventStore) -> None:
    catalog = load_catalog(thirteen)
    rowid_of = {r[0]: r[1] for r in _rows(thirteen, "select id, rowid from events")}
    wanted = [rowid_of["massacre"], rowid_of["numbered-05"]]
    past_the_last = max(rowid_of.values()) + 1
    for given_as in ([*wanted, 9999, -4, 0], np.array([*wanted, past_the_last, 100000]), iter(wanted)):
        mask = catalog.mask_of_rowids(given_as)
        assert mask.dtype == bool and len(mask) == 13
        assert sorted(catalog.ids[k] for k in np.flatnonzero(mask)) == ["massacre", "numbered-05"]
    assert not catalog.mask_of_rowids([]).any()
    assert not catalog.mask_of_rowids(np.array([9999])).any()
    assert empty_catalog().mask_of_rowids([1, 2]).tolist() == []


def test_mask_of_rowids_with_sparse_rowids() -> None:
    catalog = catalog_of([Event(1960.0 + k, 1960.0 + k, frozenset(), frozenset(), frozenset(), 0, False, 0)
                          for k in range(3)])
    catalog.arrays.rowid[:] = [5000, 20, 90000]
    catalog.index_of = catalog_module.PositionIndex(None, catalog.arrays.rowid, catalog.ids)
    assert catalog.mask_of_rowids([90000, 21, 7, 5000]).tolist() == [True, False, True]


def test_search_marks_the_events_that_match(shipped: EventStore) -> None:
    catalog = load_catalog(shipped)
    mask = catalog.search_mask("Novocherkassk")
    assert mask is not None and mask.dtype == bool and len(mask) == SHIPPED_EVENTS
    assert mask.sum() == len(shipped.search_rowids("Novocherkassk")) and mask[catalog.index_of["news-blackout"]]
    assert catalog.search_mask("   ") is None


# -- extent, certainty, columns -----------------------------------------------------------------------

def test_extent_spans_the_earliest_start_to_the_latest_end() -> None:
    evs = [Event(1930.5, 1931.0, frozenset(), frozenset(), frozenset(), 0, False, 0),
           Event(1940.0, 1990.25, frozenset(), frozenset(), frozenset(), 0, False, 0),
           Event(1950.0, 1950.0, frozenset(), frozenset(), frozenset(), 0, False, 0)]
    assert catalog_of(evs).extent() == (1930.5, 1990.25)
    assert empty_catalog().extent() == (1917.0, 1992.0)
    assert len(empty_catalog()) == 0 and list(empty_catalog().titles) == []


@pytest.mark.parametrize("eager_limit", [20_000, 2])
def test_certainty_reads_as_words(monkeypatch, eager_limit: int) -> None:
    monkeypatch.setattr(catalog_module, "EAGER_TEXT", eager_limit)
    evs = [Event(1960.0 + k, 1960.0 + k, frozenset(), frozenset(), frozenset(), k, k == 1, 0) for k in range(4)]
    catalog = catalog_of(evs)
    assert [catalog.certainty[k] for k in range(4)] == ["exact", "approximate", "disputed", "unknown"]
    assert len(catalog.certainty) == 4
    assert catalog.disputed.tolist() == [False, True, True, False]


def test_places_themes_and_sources_read_per_event() -> None:
    evs = [Event(1960.0, 1960.0, frozenset({"dam", "army"}), frozenset({"omsk"}), frozenset(), 0, False, 0),
           Event(1961.0, 1961.0, frozenset(), frozenset(), frozenset({"s2", "s1"}), 0, False, 0)]
    catalog = catalog_of(evs)
    assert catalog.themes[0] == ("army", "dam") and catalog.themes[1] == ()
    assert catalog.places[:] == [("omsk",), ()]
    assert catalog.sources[np.int64(1)] == ("s1", "s2") and len(catalog.sources) == 2


def test_the_empty_catalog_has_arrays_shaped_like_a_stores(shipped: EventStore) -> None:
    empty, loaded = empty_catalog().arrays, load_catalog(shipped).arrays
    for name in ("rowid", "start_year", "end_year", "exact_day", "is_range", "certainty", "has_claims", "layer"):
        array = getattr(empty, name)
        assert array.shape == (0,) and array.dtype == getattr(loaded, name).dtype, name
    for name in ("themes", "places", "sources"):
        members = getattr(empty, name)
        assert members.keys == [] and members.size == 0 and members.per_event().tolist() == []
    catalog = empty_catalog()
    assert catalog.disputed.shape == (0,) and catalog.disputed.dtype == bool
    assert catalog.certainty == [] and catalog.store is None and catalog.theme_names == {}


def test_a_big_column_not_yet_read_indexes_like_a_list_of_nothing() -> None:
    from timeline_app.model.catalog import _Unread

    values = _Unread(4)
    assert len(values) == 4 and list(values) == [None] * 4
    values[np.int64(2)] = "b"
    values[-1] = "d"
    assert values[2] == "b" and values[-2] == "b" and values[3] == "d" and values[0] is None
    assert list(values) == [None, None, "b", "d"]
    for outside in (4, -5):
        with pytest.raises(IndexError):
            values[outside]


def test_filters_prepared_ahead_give_the_answers_a_first_click_would(shipped: EventStore) -> None:
    catalog = load_catalog(shipped)
    a = catalog.arrays
    stopped = load_catalog(shipped)
    stopped.prepare_filters(lambda: True)  # a cancelled preparation leaves the work to the first click
    assert getattr(stopped.arrays.themes, "_by_value", None) is None
    catalog.prepare_filters()
    for membership, column in ((a.themes, catalog.themes), (a.places, catalog.places), (a.sources, catalog.sources)):
        grouped = getattr(membership, "_by_value", None)
        assert grouped is not None and membership.by_value() is grouped  # made ahead, not again at the click
        for key in membership.keys:
            assert membership.has_any({key}).tolist() == [key in column[i] for i in range(len(catalog))]
