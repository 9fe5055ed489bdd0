"""Search as a person types it: folded words, each a prefix, the same with or without the FTS index."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS, SMALL_SOURCE
from timeline_app.ingest.build import build_store
from timeline_app.store.event_store import EventStore
from timeline_app.store.search import SEARCHED, fold, fts_query, row_matches, search_rowids, search_words
from timeline_app.store.transliteration import latin_key

#: Rows a person might have added with another tool: a commentary, a claim whose value differs from
#: its quote, and an event written in Russian and with Latin diacritics.
EXTRA_ROWS = (
    "insert into commentary (event_id, source_id, quote) values "
    "('strike', 'doyle-2021', 'Khrushchev raised meat prices')",
    "update claims set value = 'eighty-one souls' where event_id = 'massacre'",
    "insert into events (id, title, summary, start, [end], certainty) values "
    "('zoya', 'Зойка и Ёлка на площади', 'Letters from Kraków to the école', '1962', '', 'exact')",
    "insert into events (id, title, summary, start, [end], certainty) values "
    "('quiet', 'Nothing much', null, '1963', '', 'approximate')",
)


def _without_index(store: Path, target: Path) -> Path:
    """A copy of ``store`` without its full-text indexes (and the triggers that fill them)."""
    shutil.copy(store, target)
    conn = sqlite3.connect(target)
    for (name,) in conn.execute("select name from sqlite_master where type = 'trigger'").fetchall():
        conn.execute(f"drop trigger [{name}]")
    for table, _columns in SEARCHED:
        conn.execute(f"drop table [{table}_fts]")
    conn.commit()
    conn.close()
    return target


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, EventStore]:
    """The small store with a few extra rows, with its FTS indexes and without them."""
    folder = tmp_path_factory.mktemp("search")
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "events.toml").write_text(SMALL_SOURCE, encoding="utf-8")
    indexed = folder / "indexed.db"
    build_store(folder / "events.toml", indexed)
    conn = sqlite3.connect(indexed)
    for sql in EXTRA_ROWS:
        conn.execute(sql)
    conn.commit()
    conn.close()
    plain = _without_index(indexed, folder / "plain.db")
    return {"indexed": EventStore(indexed), "plain": EventStore(plain)}


BOTH = pytest.mark.parametrize("kind", ["indexed", "plain"])


# -- folding and words ---------------------------------------------------------------------------


def test_folding_drops_case_and_latin_diacritics() -> None:
    assert fold("Kraków ÉCOLE Ñandú naïve") == "krakow ecole nandu naive"


def test_folding_keeps_letters_that_are_their_own_in_other_alphabets() -> None:
    assert fold("Зойка Ёлка") == "зойка ёлка"
    assert fold("ΆΘΗΝΑ") == "άθηνα"


def test_search_words_are_folded_and_query_syntax_is_just_words() -> None:
    assert search_words('"Dear" AND comrades* NEAR(Kraków, 3) -x ^y') == [
        "dear", "and", "comrades", "near", "krakow", "3", "x", "y"]
    assert search_words(" .,;! ") == []


def test_the_fts_query_asks_for_every_word_as_a_prefix() -> None:
    assert fts_query('say "hi" Ёлка') == '"say"* "hi"* "ёлка"*'
    assert fts_query("***") == ""


def test_a_row_matches_when_every_word_begins_one_of_its_words() -> None:
    assert row_matches("loc pla", "Strike at the locomotive plant")
    assert row_matches("strike", None, "Strike at the locomotive plant", "")
    assert not row_matches("ocomotive", "Strike at the locomotive plant")
    assert not row_matches("loc zebra", "Strike at the locomotive plant")
    assert row_matches("krakow", "Kraków")
    assert not row_matches("anything", None, None)
    assert row_matches("", "any text")


def test_words_of_a_row_may_come_from_any_of_its_values() -> None:
    assert row_matches("troops soldiers", "Troops fire", "Soldiers fire")
    assert not row_matches("troops soldiers", "Troops fire")


# -- searching a store ---------------------------------------------------------------------------


@BOTH
def test_a_word_prefix_finds_the_event(stores, kind: str) -> None:
    store = stores[kind]
    assert store.search("locomot") == {"strike"}
    assert store.search("LOCOMOTIVE") == {"strike"}
    assert store.search("ocomotive") == set()


@BOTH
def test_every_word_must_match(stores, kind: str) -> None:
    store = stores[kind]
    assert store.search("locomotive plant") == {"strike"}
    assert store.search("locomotive zebra") == set()
    assert store.search("demonstration") == {"massacre"}


@BOTH
def test_words_in_title_and_summary_of_the_same_event_combine(stores, kind: str) -> None:
    store = stores[kind]
    assert store.search("troops soldiers") == {"massacre"}  # title, then summary
    assert store.search("food locomotive") == {"strike"}  # summary, then title


@BOTH
def test_words_from_different_rows_do_not_combine(stores, kind: str) -> None:
    # "troops" is in the massacre's title, "wounded" in one of its quotes: neither row has both
    assert stores[kind].search("troops wounded") == set()


@BOTH
def test_quotes_find_their_event(stores, kind: str) -> None:
    store = stores[kind]
    assert store.search("wounded") == {"massacre"}  # an excerpt
    assert store.search("Khrushchev meat") == {"strike"}  # a commentary
    assert store.search("estimates deaths") == {"massacre"}  # a claim's quote


@BOTH
def test_a_claims_value_is_searchable_with_its_quote(stores, kind: str) -> None:
    store = stores[kind]
    assert store.search("souls") == {"massacre"}
    assert store.search("souls estimates") == {"massacre"}


@BOTH
def test_diacritics_and_case_do_not_matter_for_latin_letters(stores, kind: str) -> None:
    store = stores[kind]
    assert store.search("krakow ECOLE") == {"zoya"}
    assert store.search("Kraków école") == {"zoya"}


@BOTH
def test_a_russian_word_finds_its_event(stores, kind: str) -> None:
    store = stores[kind]
    assert store.search("Зойка") == {"zoya"}
    assert store.search("ёлка") == {"zoya"}
    assert store.search("площ") == {"zoya"}


@BOTH
def test_text_without_words_is_no_search(stores, kind: str) -> None:
    assert stores[kind].search("  ,.; ") is None
    assert search_rowids(stores[kind].conn, "") is None


@BOTH
def test_search_rowids_are_the_events_rowids(stores, kind: str) -> None:
    store = stores[kind]
    found = search_rowids(store.conn, "demonstration")
    rowid = store.conn.execute("select rowid from events where id = 'massacre'").fetchone()[0]
    assert found.dtype.name == "int64"
    assert found.tolist() == [rowid]
    assert search_rowids(store.conn, "zebra").tolist() == []


QUERY_SYNTAX = ['"', '""', "AND OR NOT", "NEAR(", "NEAR(a b, 2)", "title:*", "a* -b ^c", "'; drop table events; --",
                "(", ")", "*", "{title}: x", "+", "a OR", "NOT strike", "\\", "\x00", "%_"]


@BOTH
@pytest.mark.parametrize("text", QUERY_SYNTAX)
def test_query_syntax_never_fails(stores, kind: str, text: str) -> None:
    result = stores[kind].search(text)
    assert result is None or isinstance(result, set)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=20))
def test_no_typed_text_makes_search_fail(stores, text: str) -> None:
    assert stores["indexed"].search(text) == stores["plain"].search(text)


def test_the_index_answers_when_the_store_has_it(stores) -> None:
    store = stores["indexed"]
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        assert store.search("locomotive") == {"strike"}
    finally:
        store.conn.set_trace_callback(None)
    assert not [s for s in statements if "tl_row_matches" in s]
    # One query per table whose index holds a word "locomotive" begins (events' titles, the excerpts).
    assert len([s for s in statements if " match " in s]) == 2


def test_a_word_no_index_holds_asks_no_index(stores) -> None:
    store = stores["indexed"]
    store.search("locomotive")  # the index's words are read once
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        assert store.search("zebra") == set()
    finally:
        store.conn.set_trace_callback(None)
    assert not [s for s in statements if " match " in s or "tl_row_matches" in s]


def test_a_store_without_the_index_is_scanned(stores) -> None:
    store = stores["plain"]
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        assert store.search("locomotive") == {"strike"}
    finally:
        store.conn.set_trace_callback(None)
    assert len([s for s in statements if "tl_row_matches" in s]) == len(SEARCHED)


def _changed(stores, tmp_path: Path, *statements: str) -> EventStore:
    copy = tmp_path / "changed.db"
    shutil.copy(stores["indexed"].path, copy)
    conn = sqlite3.connect(copy)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    return EventStore(copy)


def test_a_foreign_table_named_like_the_index_is_scanned_instead(stores, tmp_path: Path) -> None:
    store = _changed(stores, tmp_path, "drop table excerpts_fts", "create table excerpts_fts (quote text)")
    assert store.search("wounded") == {"massacre"}
    assert store.search("Khrushchev") == {"strike"}


def test_an_index_lacking_a_column_is_scanned_instead(stores, tmp_path: Path) -> None:
    store = _changed(stores, tmp_path, "drop table claims_fts",
                     "create virtual table claims_fts using fts5(quote, content=[claims])",
                     "insert into claims_fts (claims_fts) values ('rebuild')")
    assert store.search("souls") == {"massacre"}
    assert store.search("estimates souls") == {"massacre"}


# -- the index and the scan agree ----------------------------------------------------------------


def _vocabulary() -> list[str]:
    text = " ".join([SMALL_SOURCE, *EXTRA_ROWS, "Зойка Ёлка площади Kraków école naïve"])
    return sorted(set(re.findall(r"\w+", text)))


VOCABULARY = _vocabulary()
_WORD = st.one_of(
    st.sampled_from(VOCABULARY),
    st.sampled_from(VOCABULARY).flatmap(lambda w: st.integers(1, len(w)).map(lambda n: w[:n])),  # a prefix
    st.text(alphabet="aeiloprstuéöЁёйи0189_", min_size=1, max_size=4),
)
_GLUE = st.sampled_from([" ", "  ", '"', " AND ", " OR ", " NOT ", " NEAR(", ")", "*", "-", ":", "^", ", "])


def _model(store: EventStore, text: str) -> set[str]:
    """Events some single row of which has every typed word as the start of one of its words (as written or
    transliterated), or that are at a place (or of a theme) whose every name word was typed.

    Words are runs of letters and digits, as FTS5's unicode61 tokenizer splits them.
    """
    words = re.findall(r"[^\W_]+", fold(text))
    rows = [(r["id"], r["title"], r["summary"]) for r in store.rows("select id, title, summary from events")]
    rows += [(q.event_id, q.quote, q.value) for q in store.quotes()]

    def begins(typed: str, token: str, short_exact: bool = False) -> bool:
        if short_exact and len(typed) < 3:
            return latin_key(typed) == latin_key(token)
        return token.startswith(typed) or latin_key(token).startswith(latin_key(typed))

    def tokens_of(*values: str | None) -> list[str]:
        return re.findall(r"[^\W_]+", fold(" ".join(v for v in values if v)))

    links = {("place", r["place_id"], r["event_id"]) for r in store.rows("select * from event_places")}
    links |= {("theme", r["theme_id"], r["event_id"]) for r in store.rows("select * from event_themes")}
    names = [("place", r["id"], r["name"]) for r in store.rows("select id, name from places")]
    names += [("theme", r["id"], r["name"]) for r in store.rows("select id, name from themes")]
    named: dict[str, list[tuple[str, str, str]]] = {}
    for word in words:
        named[word] = [n for n in names if any(begins(word, t, True) for t in tokens_of(n[2])) and all(
            any(begins(w, t, True) for w in words) for t in tokens_of(n[2]))]
    found = set()
    for event_id, *values in rows:
        tokens = tokens_of(*values)

        def matches(word: str, event_id: str = event_id, tokens: list[str] = tokens) -> bool:
            if any(begins(word, t) for t in tokens):
                return True
            for kind, target, _name in named[word]:
                if (kind, target, event_id) in links:
                    return True
                if any(all(any(begins(nt, t) for t in tokens) for nt in tokens_of(other))
                       for k, tid, other in names if (k, tid) == (kind, target)):
                    return True
            return False

        if all(matches(w) for w in words):
            found.add(event_id)
    return found


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_WORD, _GLUE), min_size=1, max_size=3))
def test_the_index_and_the_scan_find_the_same_events(stores, parts) -> None:
    text = "".join(word + glue for word, glue in parts)
    indexed, plain = stores["indexed"].search(text), stores["plain"].search(text)
    assert indexed == plain
    if indexed is not None:
        assert indexed == _model(stores["plain"], text)


@BOTH
def test_an_underscore_separates_words_as_the_index_does(stores, kind: str) -> None:
    assert search_words("locomotive_plant __") == ["locomotive", "plant"]
    assert stores[kind].search("locomotive_plant") == {"strike"}
    assert stores[kind].search("_") is None
