"""The table's sort orders: as a reader expects (numbers by value, any case, Cyrillic), right after any filter."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import build_small_store, event_entry
from timeline_app.model.catalog import load_catalog
from timeline_app.model.latest import Latest
from timeline_app.model.table_order import (
    DATE,
    KIND,
    PLACES,
    SOURCES,
    THEMES,
    TITLE,
    TableOrder,
    both_orders,
    cell_text,
)
from timeline_app.store.event_store import EventStore, connect
from timeline_app.store.interrupt import Cancelled
from timeline_app.store.search import QuoteOwners, search_rowids
from timeline_app.store.sort_keys import KeyColumn, natural_keys, title_ranks

READER_ORDER = ["", "1917", "Arbat 2", "arbat 10", "Émile", "emu", "Event 1", "event 02", "Event 3b", "Event 10",
                "Event 100", "x 99", "x 100 y 3", "x 100 y 20", "Zorro", "Арбуз", "Ёлка", "Ель", "яблоко"]


def reader_sorted(texts: list[str]) -> list[str]:
    keys = natural_keys(texts)
    return [texts[k] for k in sorted(range(len(texts)), key=lambda k: (keys[k], k))]


def test_keys_sort_numbers_by_value_case_and_accents_aside_and_russian_alphabetically() -> None:
    shuffled = READER_ORDER[::-1][5:] + READER_ORDER[::-1][:5]
    assert reader_sorted(shuffled) == READER_ORDER


def test_keys_treat_equal_texts_alike_whatever_their_case_or_e_with_diaeresis() -> None:
    keys = natural_keys(["Ёлка 7", "елка 07", "ЁЛКА 7", "Ёлка 70"])
    assert keys[0] == keys[1] == keys[2] != keys[3]
    assert natural_keys(["a\nb"]) == natural_keys(["a b"])
    assert natural_keys([]) == []


TEXTS = st.lists(st.text(alphabet="ab AB1020яЯёé\u0301", max_size=14), max_size=30)


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.integers(0, 30), st.sampled_from([1, 3, 1 << 20]))
def test_ranks_by_array_operations_agree_with_sorting_the_keys(texts: list[str], split: int, piece: int) -> None:
    from timeline_app.store import sort_keys

    column = KeyColumn()
    column.add(texts[:split])
    column.add(texts[split:])
    keys = natural_keys(texts)
    kept, sort_keys.RENUMBER_SLICE = sort_keys.RENUMBER_SLICE, piece  # characters renumbered a few at a time
    try:
        assert column.ranks().tolist() == [sum(other < key for other in keys) for key in keys]
    finally:
        sort_keys.RENUMBER_SLICE = kept


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=40))
def test_both_directions_keep_equal_ranks_in_start_order(ranks: list[int]) -> None:
    ascending, descending = both_orders(np.array(ranks, dtype=np.int64))
    positions = range(len(ranks))
    assert ascending.tolist() == sorted(positions, key=lambda p: (ranks[p], p))
    assert descending.tolist() == sorted(positions, key=lambda p: (-ranks[p], p))


TITLES = {"e10": "Event 10", "e2": "event 2", "e1": "Event 1", "yolka": "Ёлка у Кремля", "elka": "елка",
          "arbuz": "Арбуз", "yabloko": "Яблоко", "emile": "Émile", "zebra": "zebra", "e02b": "Event 02b"}


@pytest.fixture(scope="module")
def titled_store(tmp_path_factory) -> Path:
    extra = '\n[places.moscow]\nname = "Moscow"\nkind = "city"\nlatitude = 55.75\nlongitude = 37.62\n'
    for n, (eid, title) in enumerate(TITLES.items()):
        place = ("novocherkassk",) if n % 2 else ("moscow",)
        entry = event_entry(eid, f"19{30 + n}-05-01", places=place, themes=("protest",) if n % 3 else ("repression",))
        extra += entry.replace(f'title = "Event {eid}"', f'title = "{title}"')
    return build_small_store(tmp_path_factory.mktemp("titled"), extra)


@pytest.fixture(scope="module")
def catalog(titled_store: Path):
    store = EventStore(titled_store)
    yield load_catalog(store)
    store.close()


@pytest.mark.parametrize("column", [DATE, TITLE, PLACES, THEMES, SOURCES, KIND])
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_lists_the_chosen_events_in_the_order_of_its_text(catalog, column: int, descending: bool) -> None:
    order = TableOrder(catalog)
    order.compute(column)
    chosen = np.array([p for p in range(len(catalog)) if p % 3 != 1], dtype=np.int64)
    rows = order.rows(column, descending, chosen).tolist()
    assert sorted(rows) == chosen.tolist()  # exactly the chosen events, each once
    texts = [cell_text(catalog, p, column) for p in chosen.tolist()]
    keys = dict(zip(chosen.tolist(), natural_keys(texts), strict=True))
    if column == DATE:
        expected = sorted(chosen.tolist(), reverse=descending)
    else:  # equal texts stay in start order both ways
        expected = sorted(chosen.tolist(), key=lambda p: (keys[p], p))
        if descending:
            expected = sorted(chosen.tolist(), key=lambda p: (keys[p], -p), reverse=True)
    assert rows == expected


def test_titles_sort_as_a_reader_expects(catalog) -> None:
    order = TableOrder(catalog)
    order.compute(TITLE)
    ours = [cell_text(catalog, p, TITLE) for p in order.rows(TITLE, False, np.arange(len(catalog))).tolist()
            if catalog.ids[p] in TITLES]
    assert ours == ["Émile", "Event 1", "event 2", "Event 02b", "Event 10", "zebra", "Арбуз", "елка", "Ёлка у Кремля",
                    "Яблоко"]


def test_an_order_is_unknown_until_computed_and_the_date_order_needs_no_work(catalog) -> None:
    order = TableOrder(catalog)
    assert order.rows(TITLE, False, np.arange(3)) is None
    assert order.rows(DATE, True, np.arange(3)).tolist() == [2, 1, 0]


def test_sorting_titles_stops_when_cancelled(titled_store: Path) -> None:
    conn = connect(titled_store)
    try:
        with pytest.raises(Cancelled):
            title_ranks(conn, lambda: True)
        rowids, ranks = title_ranks(conn)  # and the connection still works afterwards
        assert len(rowids) == len(ranks) == conn.execute("select count(*) from events").fetchone()[0]
    finally:
        conn.close()


def test_searching_with_kept_owners_finds_the_same_events(titled_store: Path) -> None:
    conn = connect(titled_store)
    owners = QuoteOwners()
    try:
        for text in ("strike", "locomotive plant", "Ёлка", "demonstration", "zzz"):
            assert search_rowids(conn, text, owners=owners).tolist() == search_rowids(conn, text).tolist()
        with pytest.raises(Cancelled):
            search_rowids(conn, "strike", lambda: True)
        prepared = QuoteOwners()
        assert not prepared.ready()
        prepared.prepare(conn)
        assert prepared.ready()
        assert search_rowids(conn, "plant", owners=prepared).tolist() == search_rowids(conn, "plant").tolist()
    finally:
        conn.close()


def test_only_the_newest_ticket_is_current() -> None:
    latest = Latest()
    assert not latest.pending()
    first = latest.start()
    second = latest.start()
    assert first.cancelled() and not latest.is_current(first)
    assert latest.is_current(second) and latest.pending()
    latest.cancel()
    assert second.cancelled() and not latest.is_current(second) and not latest.pending()
