"""Full-text search of a store: what a person types, matched the same way with or without an FTS index.

A search is a list of words; an event matches when every word begins a word of its title,
summary, any of its quotes or any of its claims' values (all of one row: one event's
title and summary, or one quote). The store's FTS5 indexes answer this quickly; a store
without them (or with one that is damaged or lacks a column) is scanned with
:func:`row_matches`, which tokenises as FTS5's ``unicode61`` tokenizer does.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata

import numpy as np

from timeline_app.store.interrupt import CancelCheck, cancellable, never, stop_if

#: (table, searched columns); events are found through the quote tables' ``event_id``.
SEARCHED = (
    ("events", ("title", "summary")),
    ("excerpts", ("quote",)),
    ("commentary", ("quote",)),
    ("claims", ("quote", "value")),
)

_WORD = re.compile(r"[^\W_]+")  # letters and digits: unicode61 splits words at "_" too
_LATIN_DIACRITIC = re.compile(r"(?<=[a-z])[\u0300-\u036f](?![\u0300-\u036f])")


def fold(text: str) -> str:
    """Lower case without the diacritic of a Latin letter, as FTS5's unicode61 tokenizer compares words.

    Like the tokenizer (``remove_diacritics 1``), it keeps letters such as Russian й and ё, and a
    letter with two diacritics.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", _LATIN_DIACRITIC.sub("", decomposed))


def search_words(text: str) -> list[str]:
    """The words of what a person typed, folded; query syntax (quotes, AND, NEAR, *) is just words."""
    return _WORD.findall(fold(text))


def fts_query(text: str) -> str:
    """A safe FTS5 query for ``text``: every word must match, as a prefix; no input can make it fail."""
    return " ".join(f'"{w}"*' for w in search_words(text))


def row_matches(words: str, *values: str | None) -> bool:
    """Whether every word of ``words`` (space-separated, folded) begins a word of ``values``."""
    tokens = search_words(" ".join(v for v in values if v))
    return all(any(token.startswith(word) for token in tokens) for word in words.split())


def _fts_columns(conn: sqlite3.Connection, table: str, tables: set[str]) -> set[str]:
    if f"{table}_fts" not in tables:
        return set()
    return {r[1] for r in conn.execute(f"pragma table_info([{table}_fts])")}


def _ints(text: str | None) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)


def _rowids(conn: sqlite3.Connection, sql: str, params: tuple) -> np.ndarray:
    # One row of comma-separated rowids: hundreds of thousands of hits cost no Python object each.
    return _ints(conn.execute(f"select group_concat(rowid) from ({sql})", params).fetchone()[0])


class QuoteOwners:
    """For one store, the event of every row of a searched table, read once and kept.

    A search then maps the rows its index found to their events with array operations, not
    with a join that looks each one up (seconds for hundreds of thousands of hits). Safe to
    share between threads; each brings its own connection.
    """

    def __init__(self) -> None:
        self._tables: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lock = threading.Lock()
        self._prepared = False

    def events_of(self, conn: sqlite3.Connection, table: str, rowids: np.ndarray) -> np.ndarray:
        """The events' rowids of these rows of ``table`` (rows that no event owns are left out)."""
        rows, owners = self._read(conn, table)
        at = np.minimum(np.searchsorted(rows, rowids), max(len(rows) - 1, 0))
        known = rows[at] == rowids if len(rows) else np.zeros(len(rowids), dtype=bool)
        return owners[at[known]]

    def prepare(self, conn: sqlite3.Connection, cancelled: CancelCheck = never) -> None:
        """Read every searched table's owners now (in a worker, before the first search needs them)."""
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
        with cancellable(conn, cancelled):
            for table, _columns in SEARCHED:
                if table in tables:
                    stop_if(cancelled)
                    self._read(conn, table)
        self._prepared = True

    def ready(self) -> bool:
        """Whether :meth:`prepare` has read every table (a search using them then never waits or reads)."""
        return self._prepared

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


def search_rowids(conn: sqlite3.Connection, text: str, cancelled: CancelCheck = never,
                  owners: QuoteOwners | None = None) -> np.ndarray | None:
    """Rowids of the events matching ``text`` (see the module's rule), ascending; None if ``text`` has no words.

    Raises :class:`~timeline_app.store.interrupt.Cancelled` soon after ``cancelled()`` holds
    (a newer keystroke), so a worker thread can drop a search nobody waits for. ``owners``
    (kept for a store between searches) makes a search with many hits fast.
    """
    words = search_words(text)
    if not words:
        return None
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
    conn.create_function("tl_row_matches", -1, row_matches, deterministic=True)
    query = fts_query(text)
    found: list[np.ndarray] = []
    with cancellable(conn, cancelled):
        for table, columns in SEARCHED:
            stop_if(cancelled)
            join = "" if table == "events" else f"join [{table}] t on t.event_id = e.id"
            row = "e" if table == "events" else "t"
            if set(columns) <= _fts_columns(conn, table, tables):
                try:
                    if owners is not None:
                        hits = _rowids(conn, f"select rowid from [{table}_fts] where [{table}_fts] match ?", (query,))
                        found.append(owners.events_of(conn, table, hits))
                    else:
                        found.append(_rowids(conn, f"select e.rowid as rowid from events e {join} join [{table}_fts] f "
                                                   f"on f.rowid = {row}.rowid where [{table}_fts] match ?", (query,)))
                    continue
                except sqlite3.Error:
                    stop_if(cancelled)
                    # a damaged or foreign index: the scan below gives the same answer, slower
            cells = ", ".join(f"{row}.[{c}]" for c in columns)
            sql = f"select e.rowid as rowid from events e {join} where tl_row_matches(?, {cells})"
            found.append(_rowids(conn, sql, (" ".join(words),)))
    rowids = np.sort(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
    # Not np.unique: it hashes, ten times slower than this on hundreds of thousands of rowids.
    return rowids[np.concatenate(([True], rowids[1:] != rowids[:-1]))] if len(rowids) else rowids
