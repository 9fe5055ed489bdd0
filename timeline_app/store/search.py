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


def _rowids(conn: sqlite3.Connection, sql: str, params: tuple) -> np.ndarray:
    # One row of comma-separated rowids: hundreds of thousands of hits cost no Python object each.
    text = conn.execute(f"select group_concat(rowid) from ({sql})", params).fetchone()[0]
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)


def search_rowids(conn: sqlite3.Connection, text: str, cancelled: CancelCheck = never) -> np.ndarray | None:
    """Rowids of the events matching ``text`` (see the module's rule), ascending; None if ``text`` has no words.

    Raises :class:`~timeline_app.store.interrupt.Cancelled` soon after ``cancelled()`` holds
    (a newer keystroke), so a worker thread can drop a search nobody waits for.
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
            join = "" if table == "events" else f"join [{table}] t on t.event_id = e.id"
            row = "e" if table == "events" else "t"
            if set(columns) <= _fts_columns(conn, table, tables):
                sql = (f"select e.rowid as rowid from events e {join} join [{table}_fts] f on f.rowid = {row}.rowid "
                       f"where [{table}_fts] match ?")
                try:
                    found.append(_rowids(conn, sql, (query,)))
                    continue
                except sqlite3.Error:
                    stop_if(cancelled)
                    # a damaged or foreign index: the scan below gives the same answer, slower
            cells = ", ".join(f"{row}.[{c}]" for c in columns)
            sql = f"select e.rowid as rowid from events e {join} where tl_row_matches(?, {cells})"
            found.append(_rowids(conn, sql, (" ".join(words),)))
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)
