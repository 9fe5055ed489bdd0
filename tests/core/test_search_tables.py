"""What makes a big store's search fast changes no answer: the index's words by key, rows kept per word, masks."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import build_small_store
from timeline_app.model.catalog import load_catalog
from timeline_app.store import search, search_vocabulary
from timeline_app.store.event_store import EventStore
from timeline_app.store.interrupt import Cancelled
from timeline_app.store.search import QuoteOwners, prepare_vocabularies, search_rowids
from timeline_app.store.search_tables import TableRows
from timeline_app.store.search_vocabulary import Vocabulary, own_keys, read_vocabulary
from timeline_app.store.transliteration import latin_key, same_word_start

#: Rows that make the search's arrays meet their edge cases: an excerpt no event owns, an event far past
#: the others' rowids (so rowids are not dense), words only a transliteration finds, a number in many rows.
EXTRA_ROWS = (
    "insert into excerpts (event_id, source_id, quote) values ('nobody', 'doyle-2021', 'orphan zebra words')",
    "insert into events (rowid, id, title, summary, start, [end], certainty) values "
    "(1000000000, 'far', 'Хрущёв visits the zebra plant', 'Khrushchyov and Yeltsin', '1962', '', 'exact')",
    "insert into events (id, title, summary, start, [end], certainty) values "
    "('near', 'Plant 1917 strike', 'Ельцин 1917', '1963', '', 'exact')",
    "insert into events (rowid, id, title, summary, start, [end], certainty) values "
    "(0, 'zero', 'Rowid naught', null, '1964', '', 'exact')",
    # The place by a name of two words, and by one with none; a row with one word of the two does not name it.
    "insert into aliases values ('place', 'novocherkassk', 'Черкассы Донские')",
    "insert into aliases values ('place', 'novocherkassk', '—')",
    "insert into events (id, title, start, [end], certainty) values ('both', 'Черкассы Донские fair', '1965', '', "
    "'exact')",
    "insert into events (id, title, start, [end], certainty) values ('one', 'Донские songs', '1966', '', 'exact')",
    "insert into events (id, title, start, [end], certainty) values ('first', 'Черкассы market', '1966', '', 'exact')",
    # Enough events that a word of theirs takes more memory to keep than one of the few quotes.
    *(f"insert into events (id, title, start, [end], certainty) values ('filler-{n}', 'Filler', '1970', '', 'exact')"
      for n in range(20)),
    # A rare word that "fil" begins only by its key, beside the frequent "filler".
    "insert into events (id, title, start, [end], certainty) values ('hall', 'Филармония', '1971', '', 'exact')",
)
TYPED = ("fil", "strike", "plant", "zebra", "khrush", "хрущ", "yelts", "ельц", "1917", "19", "1", "pla str",
         "strike plant", "orphan", "novocherkassk", "a", "the", "soviet union", "ё", "zzz", "massacre wounded")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> EventStore:
    path = build_small_store(tmp_path_factory.mktemp("tables"))
    conn = sqlite3.connect(path)
    for sql in EXTRA_ROWS:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return EventStore(path, check_rows=False)


def _ids(store: EventStore, rowids: np.ndarray | None) -> set[str] | None:
    if rowids is None:
        return None
    return {store.conn.execute("select id from events where rowid = ?", (int(r),)).fetchone()[0] for r in rowids}


def _kept(store: EventStore, monkeypatch, rows: int, budget: int = 2**30) -> tuple[QuoteOwners, dict]:
    """Owners and vocabularies prepared with every word in at least ``rows`` rows kept."""
    monkeypatch.setattr(search_vocabulary, "FREQUENT_ROWS", rows)
    monkeypatch.setattr(search, "KEPT_BYTES", budget)
    owners, vocabularies = QuoteOwners(), {}
    owners.prepare(store.conn)
    prepare_vocabularies(store.conn, vocabularies, owners=owners)
    return owners, vocabularies


# -- words by key ------------------------------------------------------------------------------------

_LETTERS = "aeihjkoxyzs19ёхжщя"
_TERM = st.text(alphabet=_LETTERS, min_size=1, max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(_TERM, max_size=30, unique=True), _TERM)
def test_the_vocabulary_finds_the_words_a_typed_word_begins(terms, typed) -> None:
    written, others = Vocabulary(sorted(terms)).words(typed)
    assert sorted(written + others) == sorted(t for t in terms if same_word_start(typed, t))
    assert all(t.startswith(typed) for t in written) and not any(t.startswith(typed) for t in others)


_OWN_TERM = st.text(alphabet="aeksz19", min_size=1, max_size=4)  # words that are mostly their own key


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_OWN_TERM, _TERM), max_size=30, unique=True), st.one_of(_OWN_TERM, _TERM),
       st.integers(0, 6))
def test_a_big_index_s_packed_words_are_found_as_a_list_of_them_would_be(terms, typed, above) -> None:
    from unittest.mock import patch

    with patch.object(search_vocabulary, "PACK_ABOVE", above):  # packed past this many of their own key
        packed = Vocabulary(sorted(terms))
    listed = Vocabulary(sorted(terms))
    assert isinstance(listed.plain, list)
    assert packed.words(typed) == listed.words(typed)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=5).filter(lambda t: "\x01" not in t), unique=True, max_size=25),
       st.integers(-30, 30), st.integers(-30, 30))
def test_packed_words_index_and_slice_as_their_list_does(words, start, stop) -> None:
    from timeline_app.store.search_vocabulary import PackedWords

    words = sorted(words)
    packed = PackedWords(words)
    assert len(packed) == len(words) and list(packed) == words
    assert packed[start:stop] == words[start:stop]
    assert packed[start:stop:2] == words[start:stop:2] and packed[::-1] == words[::-1]
    for k in (start, stop):
        if -len(words) <= k < len(words):
            assert packed[k] == words[k]
        else:
            with pytest.raises(IndexError):
                packed[k]


def test_a_word_holding_the_separator_keeps_the_words_as_a_list(monkeypatch) -> None:
    from timeline_app.store.search_vocabulary import PackedWords

    with pytest.raises(ValueError):
        PackedWords(["a", "b\x01c"])
    monkeypatch.setattr(search_vocabulary, "own_keys", lambda terms: np.ones(len(terms), dtype=bool))
    monkeypatch.setattr(search_vocabulary, "PACK_ABOVE", 0)
    vocabulary = Vocabulary(["a", "b\x01c", "bd"])
    assert isinstance(vocabulary.plain, list) and vocabulary.words("b")[0] == ["b\x01c", "bd"]


@settings(max_examples=200, deadline=None)
@given(st.lists(_TERM, max_size=30))
def test_a_word_counted_as_its_own_key_is_its_own_key(terms) -> None:
    own = own_keys(terms)
    assert len(own) == len(terms)
    assert all(latin_key(t) == t for t, is_own in zip(terms, own, strict=True) if is_own)


def test_plain_words_and_numbers_are_their_own_keys_without_keying() -> None:
    assert own_keys(["1917", "strike", "plant", "abc", "bi"]).tolist() == [True] * 5
    assert own_keys(["khrushchev", "zoya", "ёлка", "taxi", "jazz", "ii", "ie"]).tolist() == [False] * 7
    assert own_keys([]).tolist() == []


def test_frequent_words_are_counted_most_frequent_first(monkeypatch) -> None:
    monkeypatch.setattr(search_vocabulary, "FREQUENT_ROWS", 5)
    vocabulary = Vocabulary(["a", "b", "c", "d"], np.array([5, 4, 9, 5]))
    assert vocabulary.frequent == [(9, "c"), (5, "d"), (5, "a")]
    assert Vocabulary(["a"]).frequent == []


# -- rows as masks -------------------------------------------------------------------------------------


@pytest.mark.parametrize("rowids", [[4, 1, 2, 2], [10**12, 5, -4, 5]])
def test_table_rows_find_their_positions_dense_or_not(rowids) -> None:
    rows = TableRows(np.array(rowids, dtype=np.int64), np.array([0, 1, -1, 1]))
    assert rows.rows.tolist() == sorted(set(rowids))
    assert len(rows) == 3
    asked = np.array([*sorted(set(rowids)), 7, -1, 10**13, 3, 0], dtype=np.int64)  # 3 and 0: gaps
    assert rows.position_each(asked).tolist() == [0, 1, 2, -1, -1, -1, -1, -1]
    assert rows.mask(asked).tolist() == [True, True, True]
    assert rows.mask(np.array([7], dtype=np.int64)).tolist() == [False, False, False]


def test_table_rows_map_rows_to_their_events_and_back() -> None:
    quotes = TableRows(np.array([1, 2, 3, 4]), np.array([2, -1, 0, 2]))  # row 2 has no event
    assert quotes.events_of(np.array([True, True, False, True]), 3).tolist() == [False, False, True]
    assert quotes.events_of(np.array([False, True, True, False]), 3).tolist() == [True, False, False]
    assert quotes.rows_of(np.array([False, False, True])).tolist() == [True, False, False, True]
    events = TableRows(np.array([1, 2, 3]))
    assert events.events_of(np.array([True, False, True]), 3).tolist() == [True, False, True]
    assert events.rows_of(np.array([False, True, False])).tolist() == [False, True, False]


def test_rows_are_read_once_per_table_and_events_first(store) -> None:
    owners = QuoteOwners()
    assert not owners.ready()
    excerpts = owners.table(store.conn, "excerpts")
    assert owners.table(store.conn, "excerpts") is excerpts
    count = store.conn.execute("select count(*) from excerpts").fetchone()[0]
    assert len(excerpts) == count and (excerpts.owners == -1).sum() == 1  # the orphan
    owners.prepare(store.conn)
    assert owners.ready() and owners.table(store.conn, "excerpts") is excerpts


# -- the same answers, however much is kept ------------------------------------------------------------


@pytest.mark.parametrize("text", TYPED)
def test_a_sparse_store_and_an_orphan_quote_are_searched_as_the_rule_says(store, text) -> None:
    found = store.search(text)
    if text in ("khrush", "хрущ", "yelts", "ельц"):
        assert "far" in found
    if text == "zebra":
        assert found == {"far"}  # not the excerpt no event owns
    if text == "1917":
        assert "near" in found
    if text == "fil":
        assert {"hall", "filler-0"} <= found
    if text == "novocherkassk":
        # A row names the place with every word of a name.
        assert "both" in found and "one" not in found and "first" not in found


def test_a_row_the_index_holds_but_the_table_lacks_is_not_found(store, tmp_path: Path, monkeypatch) -> None:
    copy = tmp_path / "ghost.db"
    shutil.copy(store.path, copy)
    conn = sqlite3.connect(copy)
    conn.execute("insert into events_fts (rowid, title, summary) values (99999, 'ghost', 'Filler')")
    conn.commit()
    conn.close()
    ghostly = EventStore(copy, check_rows=False)
    assert ghostly.search("ghost") == set()
    owners, vocabularies = _kept(ghostly, monkeypatch, 1)
    found = search_rowids(ghostly.conn, "ghost filler", owners=owners, vocabularies=vocabularies)
    assert found is not None and not len(found)


def test_the_vocabulary_reads_words_that_hold_its_separator() -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table events_fts using fts5(title, summary, tokenize=\"unicode61 tokenchars '\x01'\")")
    conn.execute("insert into events_fts values ('a\x01b khan', 'c')")
    vocabulary = read_vocabulary(conn, "events")
    assert vocabulary.words("a") == (["a\x01b"], [])
    assert vocabulary.words("kh") == (["khan"], []) and vocabulary.words("ha") == ([], ["khan"])
    assert vocabulary.plain == ["a\x01b", "c"] and vocabulary.frequent == []


@pytest.mark.parametrize("rows", [1, 2, 3])
@pytest.mark.parametrize("text", TYPED)
def test_kept_words_find_what_the_index_finds(store, monkeypatch, rows, text) -> None:
    owners, vocabularies = _kept(store, monkeypatch, rows)
    assert owners.kept_words("events")
    assert _ids(store, search_rowids(store.conn, text, owners=owners, vocabularies=vocabularies)) == store.search(text)


@pytest.mark.parametrize("text", TYPED)
def test_kept_words_with_many_others_ask_for_the_prefix(store, monkeypatch, text) -> None:
    owners, vocabularies = _kept(store, monkeypatch, 3)
    monkeypatch.setattr(search, "EXACT_WORDS", 0)
    assert _ids(store, search_rowids(store.conn, text, owners=owners, vocabularies=vocabularies)) == store.search(text)


def test_kept_words_spare_the_index_their_rows(store, monkeypatch) -> None:
    owners, vocabularies = _kept(store, monkeypatch, 1)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        found = search_rowids(store.conn, "zebra", owners=owners, vocabularies=vocabularies)
    finally:
        store.conn.set_trace_callback(None)
    assert _ids(store, found) == {"far"}
    assert not [s for s in statements if " match " in s or "tl_row_matches" in s]


def test_prepared_words_and_rows_are_not_read_again(store, monkeypatch) -> None:
    owners, vocabularies = _kept(store, monkeypatch, 1)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        search_rowids(store.conn, "strike", owners=owners, vocabularies=vocabularies)
    finally:
        store.conn.set_trace_callback(None)
    assert not [s for s in statements if "vocabulary" in s or "group_concat(t.rowid)" in s]


def test_preparing_a_store_without_an_index_keeps_nothing(tmp_path: Path, monkeypatch) -> None:
    path = build_small_store(tmp_path)
    conn = sqlite3.connect(path)
    for table in ("events", "excerpts", "commentary", "claims"):
        conn.execute(f"drop table [{table}_fts]")
    conn.commit()
    conn.close()
    plain = EventStore(path, check_rows=False)
    owners, _vocabularies = _kept(plain, monkeypatch, 1)
    assert not owners.kept_words("events")
    assert plain.search("strike") == {"strike"}


def test_preparing_stops_when_cancelled(store) -> None:
    with pytest.raises(Cancelled):
        prepare_vocabularies(store.conn, {}, lambda: True, QuoteOwners())
    owners = QuoteOwners()
    with pytest.raises(Cancelled):
        owners.prepare(store.conn, lambda: True)
    assert not owners.ready()


def test_words_are_kept_only_as_far_as_the_memory_allows(store, monkeypatch) -> None:
    owners, _vocabularies = _kept(store, monkeypatch, 1, budget=0)
    assert not owners.kept_words("events") and not owners.kept_words("excerpts")
    largest = max((len(owners.table(store.conn, t)) + 7) // 8 for t in ("events", "excerpts", "claims"))
    owners, _vocabularies = _kept(store, monkeypatch, 1, budget=largest)
    assert sum(len(owners.kept_words(t)) for t in ("events", "excerpts", "commentary", "claims")) == 1
    # The most frequent word (an event's "filler") does not fit: it is passed over, and a quote's word kept.
    assert (len(owners.table(store.conn, "excerpts")) + 7) // 8 < largest
    owners, _vocabularies = _kept(store, monkeypatch, 1, budget=(len(owners.table(store.conn, "excerpts")) + 7) // 8)
    assert not owners.kept_words("events") and len(owners.kept_words("excerpts")) == 1


def test_the_catalog_keeps_frequent_words_when_it_prepares_search(store, monkeypatch) -> None:
    monkeypatch.setattr(search_vocabulary, "FREQUENT_ROWS", 2)
    catalog = load_catalog(store)
    catalog.prepare_search()
    assert catalog.quote_owners.ready() and catalog.quote_owners.kept_words("events")
    mask = catalog.search_mask("plant", own_connection=True)
    assert {catalog.ids[i] for i in np.flatnonzero(mask)} == store.search("plant")


def test_a_write_by_another_program_is_searched_at_once(store, tmp_path: Path) -> None:
    copy = tmp_path / "written.db"
    shutil.copy(store.path, copy)
    written = EventStore(copy, check_rows=False)
    assert written.search("quagga") == set()
    conn = sqlite3.connect(copy)
    conn.execute("insert into events (id, title, start, [end], certainty) values ('q', 'Quagga', '1970', '', 'exact')")
    conn.execute("insert into excerpts (event_id, source_id, quote) values ('strike', 'doyle-2021', 'a quagga')")
    conn.commit()
    conn.close()
    assert written.search("quagga") == {"q", "strike"}



@pytest.mark.parametrize("far", [2**31 - 1, 2**31, 2**40])
def test_rows_and_owners_are_found_whatever_the_size_of_their_rowids(far: int) -> None:
    from timeline_app.store.search_tables import TableRows

    quotes = TableRows(np.array([9, far, 3, 9], dtype=np.int64), np.array([1, 0, -1, 1], dtype=np.int64))
    assert quotes.rows.tolist() == [3, 9, far]  # in rowid order, once each, none wrapped to 32 bits
    assert quotes.position_each(np.array([far, 3, 4, 9])).tolist() == [2, 0, -1, 1]
    assert quotes.events_of(np.array([True, True, True]), 2).tolist() == [True, True]
    assert quotes.events_of(np.array([True, False, False]), 2).tolist() == [False, False]  # row 3 is no event's
    assert quotes.rows_of(np.array([True, False])).tolist() == [False, False, True]
