"""The numbers the timeline needs for every event, as numpy arrays, and a saved copy in the store.

Reading a million rows through Python's sqlite3 costs seconds; reading the same numbers
from a few BLOBs costs milliseconds. So a store we build or import into carries a
``timeline_index`` table: the arrays, sorted by start, with a fingerprint of the tables
they came from. A store without one, or whose fingerprint no longer matches (someone
edited it with another tool), is read the slow way, with the same result. No Qt.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from timeline_app.store.dates import DateError, date_span
from timeline_app.store.index_sql import (
    CERTAINTY_CODES,
    LAYER_CODES,
    OPEN_END,
    OPEN_START,
    UNSPECIFIED_YEARS,
    VAGUE_END,
    VAGUE_START,
    counted_key,
    date_flags_sql,
    event_flags_sql,
    fingerprint,
    index_key,
)
from timeline_app.store.membership import Membership
from timeline_app.store.schema import QUOTE_TABLES

INDEX_TABLE = "timeline_index"
_LINKS = {
    "themes": ("event_themes", "theme_id", "themes"),
    "places": ("event_places", "place_id", "places"),
}


@dataclass
class TimelineArrays:
    """Per-event numbers in start order, and memberships."""

    rowid: np.ndarray
    start_year: np.ndarray
    end_year: np.ndarray
    exact_day: np.ndarray
    is_range: np.ndarray
    certainty: np.ndarray  # 0 exact, 1 approximate, 2 disputed, 3 anything else
    has_claims: np.ndarray
    themes: Membership
    places: Membership
    sources: Membership
    layer: np.ndarray | None = None  # 0 history, 1 film, 2 reception (version 2; a version-1 store is history)
    date_flags: np.ndarray | None = None  # uint8 bits VAGUE_START...UNSPECIFIED_YEARS, from date_text (version 2)
    key: str | None = None  # the change counter's index key the arrays were read at (None: not known)

    def __post_init__(self) -> None:
        if self.layer is None:
            self.layer = np.zeros(len(self.rowid), dtype=np.int8)
        if self.date_flags is None:
            self.date_flags = np.zeros(len(self.rowid), dtype=np.uint8)

    def __len__(self) -> int:
        return len(self.rowid)


def arrays_equal(a: TimelineArrays, b: TimelineArrays) -> bool:
    """Whether two sets of arrays describe the same events in the same way."""
    for name in ("rowid", "start_year", "end_year", "exact_day", "is_range", "certainty", "has_claims", "layer",
                 "date_flags"):
        if not np.array_equal(getattr(a, name), getattr(b, name)):
            return False
    for name in ("themes", "places", "sources"):
        ma, mb = getattr(a, name), getattr(b, name)
        if ma.keys != mb.keys or not np.array_equal(ma.event, mb.event) or not np.array_equal(ma.value, mb.value):
            return False
    return True


def _column(conn: sqlite3.Connection, sql: str, dtype, count: int) -> np.ndarray:
    # One column streamed straight into an array: no list of a million row tuples in memory.
    return np.fromiter((r[0] for r in conn.execute(sql)), dtype=dtype, count=count)


def compute_arrays(conn: sqlite3.Connection) -> TimelineArrays:
    """Read the arrays with plain SQL; slower on huge stores, but needs nothing beyond the contract.

    Each column is streamed on its own, so memory stays near the arrays' own size.
    Raise :class:`~timeline_app.store.dates.DateError` for a date that cannot be read.
    """
    key = counted_key(conn)  # read before the tables: a write meanwhile makes it stale, never too new
    n = conn.execute("select count(*) from events").fetchone()[0]
    columns = {r[1] for r in conn.execute("pragma table_info(events)")}
    flags = ", ".join(event_flags_sql(columns))
    missing_years = "start_year" not in columns or "end_year" not in columns or conn.execute(
        "select count(*) from events where start_year is null or end_year is null").fetchone()[0]
    plain = conn.cursor()
    plain.row_factory = None  # numpy wants tuples, whatever the connection's row factory
    rows: Iterable[tuple]
    if missing_years:
        rows = ((r, *date_span(a, b or ""), *f) for r, a, b, *f in
                plain.execute(f"select rowid, start, [end], {flags} from events"))
    else:
        rows = plain.execute(f"select rowid, start_year, end_year, {flags} from events")
    # One pass, streamed into a structured array: no list of a million row tuples in memory.
    table = np.fromiter(rows, dtype=[("rowid", np.int64), ("start", float), ("end", float), ("exact", bool),
                                     ("range", bool), ("certainty", np.int8), ("layer", np.int8),
                                     ("date_flags", np.uint8)], count=n)
    rowid, start, end = table["rowid"], table["start"], table["end"]
    exact, is_range, certainty = table["exact"], table["range"], table["certainty"]
    order = np.lexsort((rowid, start))
    rowid, start, end, exact, is_range, certainty, layer_code, date_flags = (
        a[order] for a in (rowid, start, end, exact, is_range, certainty, table["layer"], table["date_flags"]))
    position = position_lookup(rowid)

    def membership(target: str, pairs_sql: str) -> Membership:
        # Codes follow the targets' ids in sorted order; SQL hands back the targets' rowids.
        targets = plain.execute(f"select rowid, id from [{target}] order by id").fetchall()
        keys = [t[1] for t in targets]
        code_of_rowid = np.full(max((t[0] for t in targets), default=0) + 1, -1, dtype=np.int32)
        for code, (target_rowid, _key) in enumerate(targets):
            code_of_rowid[target_rowid] = code
        found = np.fromiter(plain.execute(pairs_sql), dtype=[("event", np.int64), ("target", np.int64)])
        return Membership(keys, position(found["event"]), code_of_rowid[found["target"]], n)

    members = {
        name: membership(target, f"select e.rowid, t.rowid from [{table}] l join events e on e.id = l.event_id "
                                 f"join [{target}] t on t.id = l.[{column}]")
        for name, (table, column, target) in _LINKS.items()
    }
    union = " union ".join(f"select event_id, source_id from [{t}]" for t in QUOTE_TABLES)
    members["sources"] = membership("sources", f"select e.rowid, s.rowid from ({union}) q join events e "
                                               "on e.id = q.event_id join sources s on s.id = q.source_id")
    claimed = np.zeros(n, dtype=bool)
    claim_rows = _column(conn, "select e.rowid from (select distinct event_id from claims) c "
                               "join events e on e.id = c.event_id", np.int64, -1)
    claimed[position(claim_rows)] = True
    return TimelineArrays(rowid, start, end, exact, is_range, certainty, claimed, members["themes"],
                          members["places"], members["sources"], layer=layer_code, date_flags=date_flags, key=key)


def position_lookup(rowid: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    """A function from ``events`` rowids to positions in ``rowid`` (the catalog's start order).

    A rowid that is not in ``rowid`` maps to some position: callers that may pass one check
    that ``rowid[position]`` is the rowid they asked for.
    """
    if len(rowid) and rowid.min() >= 0 and rowid.max() <= 4 * len(rowid) + 1000:
        # Rowids are nearly dense (as SQLite hands them out): an inverse table is one pass.
        table = np.zeros(int(rowid.max()) + 1, dtype=np.int64)
        table[rowid] = np.arange(len(rowid))

        def dense(rowids: np.ndarray) -> np.ndarray:
            return table[np.clip(rowids, 0, len(table) - 1)]
        return dense
    order = np.argsort(rowid, kind="stable")
    sorted_rowids = rowid[order]

    def lookup(rowids: np.ndarray) -> np.ndarray:
        found = np.searchsorted(sorted_rowids, rowids)
        return order[np.clip(found, 0, max(len(order) - 1, 0))]
    return lookup


def save_arrays(conn: sqlite3.Connection, arrays: TimelineArrays) -> None:
    """Store ``arrays`` and the current fingerprint in the ``timeline_index`` table (replacing it)."""
    conn.execute(f"drop table if exists {INDEX_TABLE}")
    conn.execute(f"create table {INDEX_TABLE} (name text primary key, data blob)")
    blobs = {
        "key": index_key(conn).encode(),
        "rowid": arrays.rowid.astype(np.int64).tobytes(),
        "start_year": arrays.start_year.astype(np.float64).tobytes(),
        "end_year": arrays.end_year.astype(np.float64).tobytes(),
        "flags": (arrays.exact_day.astype(np.uint8) | arrays.is_range.astype(np.uint8) << 1
                  | arrays.has_claims.astype(np.uint8) << 2).tobytes(),
        "certainty": arrays.certainty.astype(np.int8).tobytes(),
        "layer": np.asarray(arrays.layer, dtype=np.int8).tobytes(),
        "date_flags": np.asarray(arrays.date_flags, dtype=np.uint8).tobytes(),
    }
    for name in ("themes", "places", "sources"):
        for part, blob in getattr(arrays, name).to_arrays().items():
            blobs[f"{name}.{part}"] = blob
    conn.executemany(f"insert into {INDEX_TABLE} (name, data) values (?, ?)", blobs.items())


def load_arrays(conn: sqlite3.Connection) -> TimelineArrays:
    """The saved arrays if the store has a current index, else :func:`compute_arrays`."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    if INDEX_TABLE in tables:
        try:
            blobs = dict(conn.execute(f"select name, data from {INDEX_TABLE}").fetchall())
            key = bytes(blobs["key"]).decode()
            if key == index_key(conn):
                arrays = _from_blobs(blobs)
                arrays.key = key if key.startswith("counter ") else None
                if "date_flags" not in blobs:  # an index saved before dates had flags: read just those
                    arrays.date_flags = _date_flags(conn, arrays.rowid)
                if _plausible(arrays, conn):
                    return arrays
        except (KeyError, ValueError, TypeError, sqlite3.Error):
            pass  # a damaged index is no worse than none: read the tables
    return compute_arrays(conn)


def _date_flags(conn: sqlite3.Connection, rowid: np.ndarray) -> np.ndarray:
    columns = {r[1] for r in conn.execute("pragma table_info(events)")}
    flags = np.zeros(len(rowid), dtype=np.uint8)
    plain = conn.cursor()
    plain.row_factory = None
    found = np.fromiter(plain.execute(f"select rowid, {date_flags_sql(columns)} from events"),
                        dtype=[("rowid", np.int64), ("flags", np.uint8)])
    position = position_lookup(rowid)(found["rowid"])
    flags[position] = found["flags"]
    return flags


def _plausible(arrays: TimelineArrays, conn: sqlite3.Connection) -> bool:
    """Whether saved arrays can describe the events table as it is (a damaged blob cannot)."""
    n = len(arrays)
    # max(rowid) alone is a lookup in the table's b-tree; a sum would read every row of a big store.
    count = conn.execute("select count(*) from events").fetchone()[0]
    largest = conn.execute("select max(rowid) from events").fetchone()[0]
    if n != count or (n and int(arrays.rowid.max()) != largest):
        return False
    if n and (not _all_different(arrays.rowid) or np.any(np.diff(arrays.start_year) < 0)
              or np.any(arrays.end_year < arrays.start_year) or not np.all(np.isfinite(arrays.start_year))):
        return False
    for members in (arrays.themes, arrays.places, arrays.sources):
        if len(members.event) and (members.event.min() < 0 or members.event.max() >= n or members.value.min() < 0
                                   or members.value.max() >= len(members.keys)):
            return False
    return True


def _all_different(rowid: np.ndarray) -> bool:
    """Whether no rowid repeats: one pass over a table of seen rowids when they are nearly dense
    (as SQLite hands them out), else a sort."""
    if rowid.min() >= 0 and rowid.max() <= 4 * len(rowid) + 1000:
        seen = np.zeros(int(rowid.max()) + 1, dtype=bool)
        seen[rowid] = True
        return int(np.count_nonzero(seen)) == len(rowid)
    return int(np.unique(rowid).size) == len(rowid)


def _from_blobs(blobs: dict[str, bytes]) -> TimelineArrays:
    rowid = np.frombuffer(blobs["rowid"], dtype=np.int64)
    n = len(rowid)
    flags = np.frombuffer(blobs["flags"], dtype=np.uint8)
    members = {}
    for name in ("themes", "places", "sources"):
        members[name] = Membership(json.loads(bytes(blobs[f"{name}.keys"]).decode()),
                                   np.frombuffer(blobs[f"{name}.event"], dtype=np.int64),
                                   np.frombuffer(blobs[f"{name}.value"], dtype=np.int32), n)
    arrays = TimelineArrays(
        rowid, np.frombuffer(blobs["start_year"], dtype=np.float64), np.frombuffer(blobs["end_year"], dtype=np.float64),
        (flags & 1).astype(bool), (flags & 2).astype(bool), np.frombuffer(blobs["certainty"], dtype=np.int8),
        (flags & 4).astype(bool), members["themes"], members["places"], members["sources"],
        layer=np.frombuffer(blobs["layer"], dtype=np.int8) if "layer" in blobs else None,
        date_flags=np.frombuffer(blobs["date_flags"], dtype=np.uint8) if "date_flags" in blobs else None,
    )
    parts = (arrays.start_year, arrays.end_year, arrays.exact_day, arrays.certainty, arrays.layer, arrays.date_flags)
    if not all(a is not None and len(a) == n for a in parts) or any(
            len(m.event) != len(m.value) for m in members.values()):
        raise ValueError("timeline index arrays disagree in length")
    return arrays


__all__ = [
    "CERTAINTY_CODES",
    "LAYER_CODES",
    "OPEN_END",
    "OPEN_START",
    "UNSPECIFIED_YEARS",
    "VAGUE_END",
    "VAGUE_START",
    "DateError",
    "Membership",
    "TimelineArrays",
    "arrays_equal",
    "compute_arrays",
    "counted_key",
    "date_flags_sql",
    "event_flags_sql",
    "fingerprint",
    "index_key",
    "load_arrays",
    "position_lookup",
    "save_arrays",
]
