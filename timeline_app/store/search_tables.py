"""What a search reads once per store: every searched table's rows, the event each belongs to, and frequent words.

A search works on boolean masks over a table's rows (by position, in rowid order): a word
with hundreds of thousands of hits costs a few array operations, not a sort or a Python
object per hit. :class:`QuoteOwners` keeps, per table, the rows and (for a quote table) the
event each belongs to, and the rows of the index's most frequent words, so that a search
does not read a doclist of hundreds of thousands of rows from the index again.
"""

from __future__ import annotations

import sqlite3
import threading

import numpy as np

from timeline_app.store.interrupt import CancelCheck, cancellable, never, stop_if

#: Tables whose rows a search maps to events; events are found through the quote tables' ``event_id``.
SEARCHED_TABLES = ("events", "excerpts", "commentary", "claims")

_NONE = np.zeros(0, dtype=np.int64)


def ints(text: str | None) -> np.ndarray:
    """The integers of a comma-separated list (as ``group_concat`` writes them)."""
    return np.fromstring(text, dtype=np.int64, sep=",") if text else _NONE


def rowids(conn: sqlite3.Connection, sql: str, params: tuple = ()) -> np.ndarray:
    """The ``rowid`` column of ``sql``, in the order the query yields it.

    One row of comma-separated rowids: hundreds of thousands of hits cost no Python object each.
    """
    return ints(conn.execute(f"select group_concat(rowid) from ({sql})", params).fetchone()[0])


def _narrow(values: np.ndarray) -> np.ndarray:
    """``values`` in 32 bits when every one fits, else as they are."""
    small = len(values) == 0 or (int(values.min()) >= -(2**31) and int(values.max()) < 2**31)
    return values.astype(np.int32) if small else values


class TableRows:
    """The rows of one table by position (ascending rowid), and for a quote table the position of each one's event.

    ``owners[i]`` is the position in ``events`` of row ``i``'s event, or -1 when no event owns it.
    """

    def __init__(self, rows: np.ndarray, owners: np.ndarray | None = None) -> None:
        order = np.argsort(rows)
        rows = rows[order]
        first = np.concatenate(([True], rows[1:] != rows[:-1])) if len(rows) else np.zeros(0, dtype=bool)
        # Kept for as long as the store is open, for four tables of a million rows or more:
        # 32 bits where the numbers fit, which halves the 100 MB they took at 1M events.
        self.rows = _narrow(rows[first])
        self.owners = _narrow(owners[order][first]) if owners is not None else None
        self._dense: np.ndarray | None = None
        if len(self.rows) and self.rows[0] >= 0 and self.rows[-1] <= 4 * len(self.rows) + 1000:
            # Rowids as SQLite hands them out are nearly dense: a position is one lookup, not a search.
            self._dense = np.full(int(self.rows[-1]) + 1, -1, dtype=np.int32 if len(self.rows) < 2**31 else np.int64)
            self._dense[self.rows] = np.arange(len(self.rows))

    def __len__(self) -> int:
        return len(self.rows)

    def position_each(self, rowids: np.ndarray) -> np.ndarray:
        """The position of each of ``rowids``, -1 for a rowid that is no row of the table."""
        if self._dense is not None:
            inside = (rowids >= 0) & (rowids < len(self._dense))
            found = np.full(len(rowids), -1, dtype=np.int64)
            found[inside] = self._dense[rowids[inside]]
            return found
        at = np.minimum(np.searchsorted(self.rows, rowids), max(len(self.rows) - 1, 0))
        known = self.rows[at] == rowids if len(self.rows) else np.zeros(len(rowids), dtype=bool)
        return np.where(known, at, -1)

    def mask(self, rowids: np.ndarray) -> np.ndarray:
        """Mask of the rows with these rowids (rowids of no row are left out)."""
        found = np.zeros(len(self.rows) + 1, dtype=bool)
        found[self.position_each(rowids)] = True  # -1 marks the spare last place
        return found[:-1]

    def events_of(self, rows: np.ndarray, events: int) -> np.ndarray:
        """Mask of the ``events`` events (by position) that own these rows (a mask of this table)."""
        if self.owners is None:
            return rows
        found = np.zeros(events + 1, dtype=bool)
        found[self.owners[rows]] = True
        return found[:-1]

    def rows_of(self, events: np.ndarray) -> np.ndarray:
        """Mask of the rows that belong to these events (a mask of the events table)."""
        if self.owners is None:
            return events
        return np.append(events, False)[self.owners]


class QuoteOwners:
    """For one store, every searched table's :class:`TableRows` and frequent words' rows, read once and kept.

    A search then maps the rows its index found to their events with array operations, not
    with a join that looks each one up (seconds for hundreds of thousands of hits). Safe to
    share between threads; each brings its own connection.
    """

    def __init__(self) -> None:
        self._tables: dict[str, TableRows] = {}
        self._words: dict[str, dict[str, np.ndarray]] = {}
        self._lock = threading.Lock()
        self._prepared = False

    def table(self, conn: sqlite3.Connection, table: str) -> TableRows:
        """The rows of ``table`` (read on first use)."""
        with self._lock:
            if "events" not in self._tables:
                self._tables["events"] = TableRows(rowids(conn, "select rowid from events"))
            if table not in self._tables:
                self._tables[table] = _read_quotes(conn, table, self._tables["events"])
            return self._tables[table]

    def prepare(self, conn: sqlite3.Connection, cancelled: CancelCheck = never) -> None:
        """Read every searched table's rows now (in a worker, before the first search needs them)."""
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
        with cancellable(conn, cancelled):
            for table in SEARCHED_TABLES:
                if table in tables:
                    stop_if(cancelled)
                    self.table(conn, table)
        self._prepared = True

    def ready(self) -> bool:
        """Whether :meth:`prepare` has read every table (a search using them then never waits or reads)."""
        return self._prepared

    def keep_word_rows(self, table: str, term: str, rows: np.ndarray) -> None:
        """Keep the rows (a mask) of ``table`` with the index's word ``term`` for later searches."""
        words = dict(self._words.get(table, {}))
        words[term] = np.packbits(rows)
        self._words[table] = words  # replaced whole: a search in another thread sees the old or the new

    def kept_words(self, table: str) -> dict[str, np.ndarray]:
        """The words of ``table`` whose rows are kept (each to its packed mask)."""
        return self._words.get(table, {})


def unpacked(packed: list[np.ndarray], size: int) -> np.ndarray:
    """The union of packed masks of ``size`` rows, as one mask."""
    return np.unpackbits(np.bitwise_or.reduce(packed), count=size).view(bool)


def _read_quotes(conn: sqlite3.Connection, table: str, events: TableRows) -> TableRows:
    found = conn.execute(f"select group_concat(t.rowid), group_concat(ifnull(e.rowid, 0)), "
                         f"group_concat(e.rowid is null) from [{table}] t "
                         "left join events e on e.id = t.event_id").fetchone()
    owners = events.position_each(ints(found[1]))
    owners[ints(found[2]) == 1] = -1
    return TableRows(ints(found[0]), owners)
