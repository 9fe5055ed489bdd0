"""Full-text search of a store: what a person types, matched the same way with or without an FTS index.

A search is a list of words; an event matches when every word begins a word of its title,
summary, any of its quotes or any of its claims' values (all of one row: one event's
title and summary, or one quote). Words are compared as written and by their
:func:`~timeline_app.store.transliteration.latin_key`, so a Latin word finds Cyrillic text
and the other way round, whatever the transliteration ("Khrushch" finds "Хрущёв").

Words that name a place, person or theme (its own name or an alias in the store, :mod:`.aliases`:
each word of the name begun by a typed word) also find every row that mentions that target by
any of its names, and, for a place or theme, every event there or of that theme: "Новочеркасск"
and "Novocherkask" find Novocherkassk's events.

The store's FTS5 indexes answer this quickly (their vocabulary is compared by key, once per
word); a store without them (or with one that is damaged or lacks a column) is scanned with
:func:`row_matches`, which tokenises as FTS5's ``unicode61`` tokenizer does. How it is made fast
changes no answer: rows are masks (:mod:`.search_tables`), the index's words are found by key
(:mod:`.search_vocabulary`), and the rows of its most frequent words, read once after a large
store opens (:func:`prepare_vocabularies`), are not read from the index again.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from timeline_app.store.aliases import ALIAS_TARGETS, Name, all_names
from timeline_app.store.interrupt import CancelCheck, cancellable, never, stop_if
from timeline_app.store.search_tables import QuoteOwners, TableRows, rowids, unpacked
from timeline_app.store.search_vocabulary import Vocabulary, read_vocabulary
from timeline_app.store.transliteration import fold, latin_key, same_word_start

#: (table, searched columns); events are found through the quote tables' ``event_id``.
SEARCHED = (
    ("events", ("title", "summary")),
    ("excerpts", ("quote",)),
    ("commentary", ("quote",)),
    ("claims", ("quote", "value")),
)
#: Shorter words find a name only when they are one of its words, so two letters do not bring in a place.
NAME_PREFIX_LENGTH = 3
#: Words of the index's vocabulary asked for in one FTS query.
TERMS_PER_QUERY = 300
#: A typed word that begins a frequent word (whose rows are kept) and at most this many others asks the index
#: for those others by name; beginning more, it asks for its prefix (which reads the frequent word's rows again).
EXACT_WORDS = 2 * TERMS_PER_QUERY
#: Memory for the rows of frequent words kept between searches (a bit per row of the table per word).
KEPT_BYTES = 64 * 2**20

_WORD = re.compile(r"[^\W_]+")  # letters and digits: unicode61 splits words at "_" too
__all__ = ["SEARCHED", "QuoteOwners", "fold", "fts_query", "names_of", "prepare_vocabularies", "row_matches",
           "search_rowids", "search_words"]
_MEMBERS = {"place": ("event_places", "place_id"), "theme": ("event_themes", "theme_id")}


def search_words(text: str) -> list[str]:
    """The words of what a person typed, folded; query syntax (quotes, AND, NEAR, *) is just words."""
    return _WORD.findall(fold(text))


def fts_query(text: str) -> str:
    """A safe FTS5 query for ``text``: every word must match, as a prefix; no input can make it fail."""
    return " ".join(f'"{w}"*' for w in search_words(text))


def row_matches(words: str, *values: str | None) -> bool:
    """Whether every word of ``words`` (space-separated, folded) begins a word of ``values`` (or its key)."""
    tokens = search_words(" ".join(v for v in values if v))
    return all(any(same_word_start(word, token) for token in tokens) for word in words.split())


def _begins(typed: str, token: str) -> bool:
    """A typed word begins a word of a name; a short one only when it is that word."""
    if len(typed) < NAME_PREFIX_LENGTH:
        return typed == token or latin_key(typed) == latin_key(token)
    return same_word_start(typed, token)


def names_of(word: str, words: list[str], names: Iterable[Name]) -> list[Name]:
    """The names that ``word`` finds: it begins one of their words, and every word of the name is typed.

    So "Soviet" alone does not bring in the Soviet Union's events, "Soviet Union" does.
    """
    found = []
    for name in names:
        tokens = _name_words(name.name)
        if tokens and any(_begins(word, token) for token in tokens) and all(
                any(_begins(typed, token) for typed in words) for token in tokens):
            found.append(name)
    return found


@lru_cache(maxsize=20_000)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(search_words(name))


def _fts_columns(conn: sqlite3.Connection, table: str, tables: set[str]) -> set[str]:
    if f"{table}_fts" not in tables:
        return set()
    return {r[1] for r in conn.execute(f"pragma table_info([{table}_fts])")}


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class _Searcher:
    """One search on one connection: the rows matching each word, per table, by index or by scan.

    Rows are boolean masks over a table's rows (:class:`~.search_tables.TableRows`), so a word
    with hundreds of thousands of hits costs array operations, not a Python object per hit.
    """

    def __init__(self, conn: sqlite3.Connection, vocabularies: dict | None = None,
                 owners: QuoteOwners | None = None, cancelled: CancelCheck = never) -> None:
        self.conn = conn
        self.cancelled = cancelled
        self.tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
        conn.create_function("tl_row_matches", -1, row_matches, deterministic=True)
        # Kept by the caller from one search to the next while no one writes the store: not another
        # connection (data_version) nor this one (total_changes).
        version = (conn.execute("pragma data_version").fetchone()[0], conn.total_changes)
        shared = vocabularies if vocabularies is not None else {}
        if shared.get("data_version") != version:
            shared.clear()
            shared["data_version"] = version
        self._vocabulary: dict[str, Vocabulary | None] = shared.setdefault("tables", {})
        self.owners: QuoteOwners = owners if owners is not None else shared.setdefault("owners", QuoteOwners())
        self._rows: dict[tuple[str, str], np.ndarray] = {}

    def vocabulary(self, table: str) -> Vocabulary | None:
        """The words of ``table``'s FTS index; None if it has none (or a damaged or foreign one)."""
        if table not in self._vocabulary:
            keyed = None
            if set(dict(SEARCHED)[table]) <= _fts_columns(self.conn, table, self.tables):
                try:
                    keyed = read_vocabulary(self.conn, table)
                except sqlite3.Error:
                    stop_if(self.cancelled)
                    keyed = None  # a damaged or foreign index: the scan gives the same answer, slower
            self._vocabulary[table] = keyed
        return self._vocabulary[table]

    def table_rows(self, table: str) -> TableRows:
        return self.owners.table(self.conn, table)

    def rows(self, table: str, word: str) -> np.ndarray:
        """Mask of the rows of ``table`` whose searched text has a word that ``word`` begins."""
        if (table, word) in self._rows:
            return self._rows[(table, word)]
        stop_if(self.cancelled)
        found: np.ndarray | None = None
        vocabulary = self.vocabulary(table)
        if vocabulary is not None:
            found = self._indexed_rows(table, word, vocabulary)
        if found is None:
            cells = ", ".join(f"[{c}]" for c in dict(SEARCHED)[table])
            sql = f"select rowid from [{table}] where tl_row_matches(?, {cells})"
            found = self.table_rows(table).mask(rowids(self.conn, sql, (word,)))
        self._rows[(table, word)] = found
        return found

    def _indexed_rows(self, table: str, word: str, vocabulary: Vocabulary) -> np.ndarray | None:
        written, others = vocabulary.words(word)
        frequent = self.owners.kept_words(table)
        kept = [t for t in others if t in frequent]
        asked = [_phrase(t) for t in others if t not in frequent]
        kept_written = [t for t in frequent if t.startswith(word)]
        if kept_written and len(written) - len(kept_written) <= EXACT_WORDS:
            # A frequent word's rows are kept: ask the index only for the other words written so.
            kept += kept_written
            asked += [_phrase(t) for t in written if t not in frequent]
        elif written:
            asked.insert(0, f'"{word}"*')  # the prefix finds every word written so
        table_rows = self.table_rows(table)
        found = unpacked([frequent[t] for t in kept], len(table_rows)) if kept else np.zeros(len(table_rows), bool)
        try:
            for start in range(0, len(asked), TERMS_PER_QUERY):
                stop_if(self.cancelled)
                query = " OR ".join(asked[start:start + TERMS_PER_QUERY])
                sql = f"select rowid from [{table}_fts] where [{table}_fts] match ?"
                found |= table_rows.mask(rowids(self.conn, sql, (query,)))
        except sqlite3.Error:
            stop_if(self.cancelled)
            return None
        return found

    def members(self, names: list[Name]) -> np.ndarray:
        """Mask of the events at the places, or of the themes, these names name."""
        events = self.table_rows("events")
        found = np.zeros(len(events), dtype=bool)
        for kind, (link, column) in _MEMBERS.items():
            targets = sorted({n.target_id for n in names if n.kind == kind})
            if not targets or link not in self.tables:
                continue
            sql = (f"select e.rowid as rowid from events e join [{link}] l on l.event_id = e.id "
                   f"where l.[{column}] in (select value from json_each(?))")
            found |= events.mask(rowids(self.conn, sql, (json.dumps(targets),)))
        return found


def search_rowids(conn: sqlite3.Connection, text: str, cancelled: CancelCheck = never,
                  owners: QuoteOwners | None = None, vocabularies: dict | None = None) -> np.ndarray | None:
    """Rowids of the events matching ``text`` (see the module's rule), ascending; None if ``text`` has no words.

    Raises :class:`~timeline_app.store.interrupt.Cancelled` soon after ``cancelled()`` holds
    (a newer keystroke), so a worker thread can drop a search nobody waits for. ``owners`` and
    ``vocabularies`` (a dict), kept by the caller for a store between searches, make searches
    fast: the rows' events and the index's words are read once, not at every search
    (without ``owners``, ``vocabularies`` keeps them).
    """
    words = list(dict.fromkeys(search_words(text)))
    if not words:
        return None
    with cancellable(conn, cancelled):
        searcher = _Searcher(conn, vocabularies, owners, cancelled)
        names = all_names(conn) if set(ALIAS_TARGETS.values()) <= searcher.tables else []
        # Each word: the targets it names, every name of those targets, and the events linked to them.
        named = {}
        for word in words:
            targets = {(n.kind, n.target_id) for n in names_of(word, words, names)}
            named[word] = [n for n in names if (n.kind, n.target_id) in targets]
        members = {word: searcher.members(named[word]) for word in words}
        events = searcher.table_rows("events")
        found = np.zeros(len(events), dtype=bool)
        for table, _columns in SEARCHED:
            table_rows = searcher.table_rows(table)
            rows: np.ndarray | None = None
            for word in words:
                union = searcher.rows(table, word) | table_rows.rows_of(members[word])
                for name in named[word]:
                    union |= _rows_naming(searcher, table, name)
                rows = union if rows is None else rows & union
                if not rows.any():
                    break
            if rows is not None:
                found |= table_rows.events_of(rows, len(events))
        return events.rows[found].astype(np.int64)  # rowids, as SQLite hands them out


def prepare_vocabularies(conn: sqlite3.Connection, vocabularies: dict, cancelled: CancelCheck = never,
                         owners: QuoteOwners | None = None) -> None:
    """Read the index's words into ``vocabularies`` now (in a worker, before the first search).

    With ``owners``, also keep there the rows of the index's most frequent words (those in
    hundreds of thousands of rows, whose doclists are the slow part of a search), as many as
    fit in :data:`KEPT_BYTES`.
    """
    with cancellable(conn, cancelled):
        searcher = _Searcher(conn, vocabularies, owners, cancelled)
        for table, _columns in SEARCHED:
            stop_if(cancelled)
            searcher.vocabulary(table)
        if owners is None:
            return
        budget = KEPT_BYTES
        frequent = sorted((n, table, term) for table, _columns in SEARCHED
                          for n, term in getattr(searcher.vocabulary(table), "frequent", []))
        for n, table, term in reversed(frequent):
            size = len(searcher.table_rows(table))
            cost = (size + 7) // 8
            if n < size // 256 or cost > budget:
                continue  # its rows as a list of rowids are smaller than a mask: the index answers it quickly
            stop_if(cancelled)
            if term not in owners.kept_words(table):
                sql = f"select rowid from [{table}_fts] where [{table}_fts] match ?"
                owners.keep_word_rows(table, term, searcher.table_rows(table).mask(
                    rowids(conn, sql, (_phrase(term),))))
            budget -= cost


def _rows_naming(searcher: _Searcher, table: str, name: Name) -> np.ndarray:
    """Mask of the rows of ``table`` with every word of ``name`` (none if it has no words)."""
    rows = np.zeros(len(searcher.table_rows(table)), dtype=bool)
    for n, token in enumerate(dict.fromkeys(_name_words(name.name))):
        rows = searcher.rows(table, token) if n == 0 else rows & searcher.rows(table, token)
        if not rows.any():
            break
    return rows
