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
:func:`row_matches`, which tokenises as FTS5's ``unicode61`` tokenizer does.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from timeline_app.store.aliases import ALIAS_TARGETS, Name, all_names
from timeline_app.store.interrupt import CancelCheck, cancellable, never, stop_if
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


_NONE = np.zeros(0, dtype=np.int64)


def _ints(text: str | None) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else _NONE


def _rowids(conn: sqlite3.Connection, sql: str, params: tuple) -> np.ndarray:
    """The ``rowid`` column of ``sql``, sorted and distinct.

    One row of comma-separated rowids: hundreds of thousands of hits cost no Python object each.
    """
    return _distinct(_ints(conn.execute(f"select group_concat(rowid) from ({sql})", params).fetchone()[0]))


def _distinct(values: np.ndarray) -> np.ndarray:
    if len(values) < 2:
        return values
    values = np.sort(values)
    # Not np.unique: it hashes, ten times slower than this on hundreds of thousands of rowids.
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def _json(values: np.ndarray) -> str:
    return "[" + ",".join(map(str, values.tolist())) + "]"


class QuoteOwners:
    """For one store, the event of every row of a searched table, read once and kept.

    A search then maps the rows its index found to their events with array operations, not
    with a join that looks each one up (seconds for hundreds of thousands of hits). Safe to
    share between threads; each brings its own connection.
    """

    def __init__(self) -> None:
        self._tables: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lock = threading.Lock()

    def events_of(self, conn: sqlite3.Connection, table: str, rowids: np.ndarray) -> np.ndarray:
        """The events' rowids of these rows of ``table`` (rows that no event owns are left out)."""
        rows, owners = self._read(conn, table)
        at = np.minimum(np.searchsorted(rows, rowids), max(len(rows) - 1, 0))
        known = rows[at] == rowids if len(rows) else np.zeros(len(rowids), dtype=bool)
        return owners[at[known]]

    def rows_of(self, conn: sqlite3.Connection, table: str, events: np.ndarray) -> np.ndarray:
        """The rows of ``table`` that belong to these events (rowids), ascending."""
        rows, owners = self._read(conn, table)
        return rows[np.isin(owners, events)]

    def prepare(self, conn: sqlite3.Connection, cancelled: CancelCheck = never) -> None:
        """Read every searched table's owners now (in a worker, before the first search needs them)."""
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
        with cancellable(conn, cancelled):
            for table, _columns in SEARCHED:
                if table in tables:
                    stop_if(cancelled)
                    self._read(conn, table)

    def _read(self, conn: sqlite3.Connection, table: str) -> tuple[np.ndarray, np.ndarray]:
        with self._lock:
            if table not in self._tables:
                if table == "events":
                    rows = owners = _rowids(conn, "select rowid from events", ())
                else:
                    pairs = conn.execute(f"select group_concat(t.rowid), group_concat(e.rowid) from [{table}] t "
                                         "join events e on e.id = t.event_id").fetchone()
                    rows, owners = _ints(pairs[0]), _ints(pairs[1])
                order = np.argsort(rows, kind="stable")
                self._tables[table] = rows[order], owners[order]
            return self._tables[table]


class _Searcher:
    """One search on one connection: rows matching each word, per table, by index or by scan.

    Rows and events are sorted arrays of rowids, so a word with hundreds of thousands of hits
    costs array operations, not a Python object per hit.
    """

    def __init__(self, conn: sqlite3.Connection, vocabularies: dict | None = None,
                 owners: QuoteOwners | None = None, cancelled: CancelCheck = never) -> None:
        self.conn = conn
        self.owners = owners
        self.cancelled = cancelled
        self.tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
        conn.create_function("tl_row_matches", -1, row_matches, deterministic=True)
        # Kept by the caller from one search to the next while no one writes the store (data_version).
        version = conn.execute("pragma data_version").fetchone()[0]
        shared = vocabularies if vocabularies is not None else {}
        if shared.get("data_version") != version:
            shared.clear()
            shared["data_version"] = version
        self._vocabulary: dict[str, tuple[list[str], list[str]] | None] = shared.setdefault("tables", {})
        self._rows: dict[tuple[str, str], np.ndarray] = {}

    def vocabulary(self, table: str) -> tuple[list[str], list[str]] | None:
        """The distinct words of ``table``'s FTS index by key: (keys, words), sorted by key; None if no index."""
        if table not in self._vocabulary:
            columns = dict(SEARCHED)[table]
            keyed = None
            if set(columns) <= _fts_columns(self.conn, table, self.tables):
                try:
                    self.conn.execute(f"create virtual table if not exists temp.[{table}_vocabulary] "
                                      f"using fts5vocab(main, '{table}_fts', 'row')")
                    terms = [r[0] for r in self.conn.execute(f"select term from temp.[{table}_vocabulary]")]
                    pairs = sorted((latin_key(t), t) for t in terms if isinstance(t, str))
                    keyed = ([k for k, _t in pairs], [t for _k, t in pairs])
                except sqlite3.Error:
                    stop_if(self.cancelled)
                    keyed = None  # a damaged or foreign index: the scan gives the same answer, slower
            self._vocabulary[table] = keyed
        return self._vocabulary[table]

    def rows(self, table: str, word: str) -> np.ndarray:
        """Rowids of ``table`` whose searched text has a word that ``word`` begins."""
        if (table, word) in self._rows:
            return self._rows[(table, word)]
        stop_if(self.cancelled)
        columns = dict(SEARCHED)[table]
        found: np.ndarray | None = None
        vocabulary = self.vocabulary(table)
        if vocabulary is not None:
            found = self._indexed_rows(table, word, vocabulary)
        if found is None:
            cells = ", ".join(f"[{c}]" for c in columns)
            found = _rowids(self.conn, f"select rowid from [{table}] where tl_row_matches(?, {cells})", (word,))
        self._rows[(table, word)] = found
        return found

    def _indexed_rows(self, table: str, word: str, vocabulary: tuple[list[str], list[str]]) -> np.ndarray | None:
        key = latin_key(word)
        keys, terms_by_key = vocabulary
        first, last = bisect_left(keys, key), bisect_left(keys, key + "\U0010ffff")
        # The prefix query finds every word written so; only the others are asked for one by one.
        others = [t for t in terms_by_key[first:last] if not t.startswith(word)]
        terms = [f'"{word}"*', *(f'"{t}"' for t in others)]
        found: list[np.ndarray] = []
        try:
            for start in range(0, len(terms), TERMS_PER_QUERY):
                stop_if(self.cancelled)
                query = " OR ".join(terms[start:start + TERMS_PER_QUERY])
                found.append(_rowids(self.conn, f"select rowid from [{table}_fts] where [{table}_fts] match ?",
                                     (query,)))
        except sqlite3.Error:
            stop_if(self.cancelled)
            return None
        return _distinct(np.concatenate(found)) if len(found) > 1 else found[0]

    def events_of(self, table: str, rows: np.ndarray) -> np.ndarray:
        """Event rowids of these rows of ``table``, sorted and distinct."""
        if table == "events" or not len(rows):
            return rows
        if self.owners is not None:
            return _distinct(self.owners.events_of(self.conn, table, rows))
        return _rowids(self.conn, f"select e.rowid as rowid from events e join [{table}] t on t.event_id = e.id "
                                  "where t.rowid in (select value from json_each(?))", (_json(rows),))

    def rows_of_events(self, table: str, events: np.ndarray) -> np.ndarray:
        """Rowids of the rows of ``table`` that belong to these events."""
        if table == "events" or not len(events):
            return events
        if self.owners is not None:
            return self.owners.rows_of(self.conn, table, events)
        return _rowids(self.conn, f"select t.rowid as rowid from [{table}] t join events e on e.id = t.event_id "
                                  "where e.rowid in (select value from json_each(?))", (_json(events),))

    def members(self, names: list[Name]) -> np.ndarray:
        """Rowids of the events at the places, or of the themes, these names name."""
        found = [_NONE]
        for kind, (link, column) in _MEMBERS.items():
            targets = sorted({n.target_id for n in names if n.kind == kind})
            if not targets or link not in self.tables:
                continue
            sql = (f"select e.rowid as rowid from events e join [{link}] l on l.event_id = e.id "
                   f"where l.[{column}] in (select value from json_each(?))")
            found.append(_rowids(self.conn, sql, (json.dumps(targets),)))
        return _distinct(np.concatenate(found))


def search_rowids(conn: sqlite3.Connection, text: str, cancelled: CancelCheck = never,
                  owners: QuoteOwners | None = None, vocabularies: dict | None = None) -> np.ndarray | None:
    """Rowids of the events matching ``text`` (see the module's rule), ascending; None if ``text`` has no words.

    Raises :class:`~timeline_app.store.interrupt.Cancelled` soon after ``cancelled()`` holds
    (a newer keystroke), so a worker thread can drop a search nobody waits for. ``owners`` and
    ``vocabularies`` (a dict), kept by the caller for a store between searches, make searches
    fast: the quote rows' events and the index's words are read once, not at every search.
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
        found = [_NONE]
        for table, _columns in SEARCHED:
            rows: np.ndarray | None = None
            for word in words:
                matched = [searcher.rows(table, word), searcher.rows_of_events(table, members[word])]
                matched += [_rows_naming(searcher, table, name) for name in named[word]]
                union = _distinct(np.concatenate(matched))
                rows = union if rows is None else np.intersect1d(rows, union, assume_unique=True)
                if not len(rows):
                    break
            found.append(searcher.events_of(table, rows if rows is not None else _NONE))
        return _distinct(np.concatenate(found))


def prepare_vocabularies(conn: sqlite3.Connection, vocabularies: dict, cancelled: CancelCheck = never) -> None:
    """Read and key the index's words into ``vocabularies`` now (in a worker, before the first search)."""
    with cancellable(conn, cancelled):
        searcher = _Searcher(conn, vocabularies, cancelled=cancelled)
        for table, _columns in SEARCHED:
            stop_if(cancelled)
            searcher.vocabulary(table)


def _rows_naming(searcher: _Searcher, table: str, name: Name) -> np.ndarray:
    """Rows of ``table`` with every word of ``name``."""
    rows: np.ndarray | None = None
    for token in dict.fromkeys(_name_words(name.name)):
        matched = searcher.rows(table, token)
        rows = matched if rows is None else np.intersect1d(rows, matched, assume_unique=True)
        if not len(rows):
            return _NONE
    return rows if rows is not None else _NONE
