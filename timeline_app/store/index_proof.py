"""Whether the arrays a window loaded still describe the store's tables, without reading them all again. No Qt.

Recomputing the arrays of a million events costs seconds. Three things together stand in for it:
the store's change counter is where it was when the arrays were read (every insert, update and
delete on the tables they come from bumps it); the triggers that bump it are all there as
installed (a tool that rebuilds a table drops them, and its writes then go uncounted); and a
digest of the arrays equals the same digest taken from the tables in SQL. The digest sums, per
event keyed by its rowid, the dates and every flag the arrays hold, and per theme or place link
its target, so a write that went round the counter (triggers switched off) still shows. It
covers what a rowid-keyed sum can: which event a link belongs to, and the passages' sources,
rest on the counter alone. Any doubt answers "does not hold", and the arrays are recomputed.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np

from timeline_app.store.rule_scan import unique_by_constraint
from timeline_app.store.schema import counter_triggers_intact
from timeline_app.store.timeline_index import Membership, TimelineArrays, counted_key, event_flags_sql

_WEIGHT, _MOD, _SCALE = 997, 65521, 100000  # small enough that no sum of a billion rows overflows 64 bits
_LINKS = (("event_themes", "theme_id", "themes"), ("event_places", "place_id", "places"))


@dataclass(frozen=True)
class ArraysDigest:
    """What :class:`IndexProof` compares with the tables: a few integers, cheap to send to a child process."""

    key: str
    events: tuple[int, ...]  # see event_sums_sql
    links: tuple[tuple[int, int], ...]  # per link table of _LINKS: (entries, sum of their targets' hashes)
    keys: tuple[tuple[str, ...], ...]  # the ids of themes, places and sources, in code order
    claimed: int


def _key_hash(key: object) -> int:
    # length, first and last character: what SQL computes as _hash_sql (a non-text key never matches)
    if not isinstance(key, str):
        return -1
    return len(key) + 7 * ord(key[0]) + 131 * ord(key[-1]) if key else 0


def _hash_sql(column: str) -> str:
    return f"coalesce(length([{column}]) + 7 * unicode([{column}]) + 131 * unicode(substr([{column}], -1)), 0)"


def digest_of(arrays: TimelineArrays) -> ArraysDigest | None:
    """The digest of ``arrays``, or None if they cannot be proved current (no change counter key,
    or not in the order the tables would give)."""
    if arrays.key is None:
        return None
    rowid, start = arrays.rowid.astype(np.int64), arrays.start_year
    if len(rowid) > 1 and not np.all((start[1:] > start[:-1]) | ((start[1:] == start[:-1]) & (rowid[1:] > rowid[:-1]))):
        return None
    weight = rowid % _WEIGHT + 1
    with np.errstate(invalid="ignore", over="ignore"):
        starts = (start * float(_SCALE)).astype(np.int64)
        ends = (arrays.end_year * float(_SCALE)).astype(np.int64)
    code = (arrays.exact_day.astype(np.int64) + 2 * arrays.is_range.astype(np.int64)
            + 4 * arrays.certainty.astype(np.int64) + 16 * np.asarray(arrays.layer, dtype=np.int64)
            + 64 * np.asarray(arrays.date_flags, dtype=np.int64))

    def total(values: np.ndarray) -> int:
        return int(values.sum(dtype=np.int64))

    events = (len(rowid), total(rowid % 1000003), total(starts % 1000003), total(ends % 1000003),
              total(weight * (starts % _MOD)), total(weight * (ends % _MOD)), total(code), total(weight * code), 0)
    links = tuple(_link_digest(getattr(arrays, name)) for name in ("themes", "places"))
    keys = tuple(tuple(getattr(arrays, name).keys) for name in ("themes", "places", "sources"))
    return ArraysDigest(arrays.key, events, links, keys, int(np.count_nonzero(arrays.has_claims)))


def _link_digest(members: Membership) -> tuple[int, int]:
    hashes = np.array([_key_hash(k) for k in members.keys], dtype=np.int64)
    return len(members.event), int(hashes[members.value].sum(dtype=np.int64)) if len(members.value) else 0


def event_sums_sql(columns: set[str]) -> str:
    """SQL aggregates over ``events`` giving :attr:`ArraysDigest.events` (the last: rows without years)."""
    exact, is_range, certainty, layer, flags = event_flags_sql(columns)
    weight = f"(rowid % {_WEIGHT} + 1)"
    starts, ends = f"cast(start_year * {_SCALE} as integer)", f"cast(end_year * {_SCALE} as integer)"
    code = f"(({exact}) + 2 * ({is_range}) + 4 * ({certainty}) + 16 * ({layer}) + 64 * ({flags}))"
    sums = (f"rowid % 1000003", f"{starts} % 1000003", f"{ends} % 1000003", f"{weight} * ({starts} % {_MOD})",
            f"{weight} * ({ends} % {_MOD})", code, f"{weight} * {code}", "start_year is null or end_year is null")
    return ", count(*)" + "".join(f", coalesce(sum({s}), 0)" for s in sums)


class IndexProof:
    """The proof for one connection and one digest; :meth:`holds` once :meth:`take_event_sums` had its values.

    The events' sums come from the caller's own pass over ``events`` (:func:`event_sums_sql`),
    so proving costs no extra pass over the largest table.
    """

    def __init__(self, conn: sqlite3.Connection, digest: ArraysDigest | None) -> None:
        self.conn, self.digest = conn, digest
        self.event_sums: tuple[int, ...] | None = None
        self.possible = digest is not None and self._unchanged_and_linked(digest)

    def _unchanged_and_linked(self, digest: ArraysDigest) -> bool:
        conn = self.conn
        if counted_key(conn) != digest.key or not counter_triggers_intact(conn):
            return False
        if "start_year" not in {r[1] for r in conn.execute("pragma table_info(events)")}:
            return False
        for (table, column, target), expected in zip(_LINKS, digest.links, strict=True):
            found = conn.execute(f"select count(*), coalesce(sum({_hash_sql(column)}), 0) from [{table}]").fetchone()
            if tuple(found) != expected:
                return False
        for target, keys in zip(("themes", "places", "sources"), digest.keys, strict=True):
            if tuple(r[0] for r in conn.execute(f"select id from [{target}] order by id")) != keys:
                return False
        claimed = conn.execute("select count(*) from (select distinct event_id from claims) c "
                               "join events e on e.id = c.event_id").fetchone()[0]
        return claimed == digest.claimed

    def event_sql(self, columns: set[str]) -> str:
        """What to add to the caller's pass over ``events`` ("" when the proof cannot hold anyway)."""
        return event_sums_sql(columns) if self.possible else ""

    def take_event_sums(self, values: tuple) -> None:
        """The values :meth:`event_sql` added to the pass, in order."""
        self.event_sums = tuple(int(v) for v in values) if values else None

    def holds(self) -> bool:
        """Whether the digested arrays describe the tables as they are."""
        return self.possible and self.digest is not None and self.event_sums == self.digest.events

    def links_resolve(self, table: str) -> bool:
        """Whether every row of the link ``table`` names an existing event and target: so when the
        proof holds, as the arrays hold one entry per link row and are read with an inner join."""
        for link, _column, target in _LINKS:
            if link == table:
                return self.holds() and unique_by_constraint(self.conn, "events", "id") and \
                    unique_by_constraint(self.conn, target, "id") and not self._collations(table, target)
        return False

    def _collations(self, *tables: str) -> bool:
        # The arrays join with the target's collation, the reference rule compares with the link's.
        marks = ", ".join("?" for _ in ("events", *tables))
        return bool(self.conn.execute(f"select count(*) from sqlite_master where name in ({marks}) "
                                      "and sql like '%collate%'", ("events", *tables)).fetchone()[0])


__all__ = ["ArraysDigest", "IndexProof", "digest_of", "event_sums_sql"]
