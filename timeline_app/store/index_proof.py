"""Whether the arrays a window loaded still describe the store's tables, without reading them all again. No Qt.

Recomputing the arrays of a million events costs seconds. Three things together stand in for it:
the store's change counter is where it was when the arrays were read (every insert, update and
delete on the tables they come from bumps it); the triggers that bump it are all there as
installed (a tool that rebuilds a table drops them, and its writes then go uncounted); and a
digest of the arrays equals the same digest taken from the tables in SQL. The digest sums, per
event keyed by its rowid, the dates and every flag the arrays hold, and counts the links of each
theme and place, so a write that went round the counter (triggers switched off) still shows.
Which event a link belongs to, and the passages' sources, rest on the counter alone. Any doubt
answers "does not hold", and the arrays are read again. The proof decides only that: every
rule, references included, is checked whatever it says.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from timeline_app.store.index_sql import counted_key, event_flags_sql
from timeline_app.store.rule_scan import values_counted
from timeline_app.store.schema import counter_triggers_intact

if TYPE_CHECKING:
    from timeline_app.store.membership import Membership
    from timeline_app.store.timeline_index import TimelineArrays

_WEIGHT, _MOD, _SCALE = 997, 65521, 100000  # small enough that no sum of a billion rows overflows
#: The links the arrays hold by value: (table, column, table of the values).
LINKS = (("event_themes", "theme_id", "themes"), ("event_places", "place_id", "places"))


@dataclass(frozen=True)
class ArraysDigest:
    """What :class:`IndexProof` compares with the tables: a few integers, cheap to send to a child process."""

    key: str
    events: tuple[int, int]  # see event_sums_sql
    links: tuple[tuple[tuple[str | None, int], ...], ...]  # per link table of LINKS: (target id, links to it)
    keys: tuple[tuple[str, ...], ...]  # the ids of themes, places and sources, in code order
    claimed: int


def digest_of(arrays: TimelineArrays) -> ArraysDigest | None:
    """The digest of ``arrays``, or None if they cannot be proved current (no change counter key,
    or not in the order the tables would give)."""
    import numpy as np  # the window's side only: the process that examines the store never imports numpy

    if arrays.key is None:
        return None
    rowid, start = arrays.rowid.astype(np.int64), arrays.start_year
    if len(rowid) > 1 and not np.all((start[1:] > start[:-1]) | ((start[1:] == start[:-1]) & (rowid[1:] > rowid[:-1]))):
        return None
    with np.errstate(invalid="ignore", over="ignore"):
        starts = (start * float(_SCALE)).astype(np.int64)
        ends = (arrays.end_year * float(_SCALE)).astype(np.int64)
    code = (arrays.exact_day.astype(np.int64) + 2 * arrays.is_range.astype(np.int64)
            + 4 * arrays.certainty.astype(np.int64) + 16 * np.asarray(arrays.layer, dtype=np.int64)
            + 64 * np.asarray(arrays.date_flags, dtype=np.int64))
    checksum = rowid % 1000003 + (rowid % _WEIGHT + 1) * ((starts + 3 * ends + 7 * code) % _MOD)
    events = (len(rowid), int(checksum.sum(dtype=np.int64)))
    links = tuple(_link_digest(getattr(arrays, name)) for name in ("themes", "places"))
    keys = tuple(tuple(getattr(arrays, name).keys) for name in ("themes", "places", "sources"))
    return ArraysDigest(arrays.key, events, links, keys, int(np.count_nonzero(arrays.has_claims)))


def _link_digest(members: Membership) -> tuple[tuple[str | None, int], ...]:
    import numpy as np

    counts = np.bincount(members.value, minlength=len(members.keys)).tolist() if len(members.value) else []
    keys = members.keys
    return tuple((keys[code] if code < len(keys) else None, n) for code, n in enumerate(counts) if n)


def event_sums_sql(columns: set[str]) -> str:
    """SQL aggregates over ``events`` giving :attr:`ArraysDigest.events`: the count, and a sum over
    every event of its rowid, dates and flags, each weighted by the rowid (a NULL year leaves it out)."""
    exact, is_range, certainty, layer, flags = event_flags_sql(columns)
    if "date_text" in columns:  # the same 0 for most events, without the string work
        flags = f"(case when date_text is null then 0 else {flags} end)"
    starts, ends = f"cast(start_year * {_SCALE} as integer)", f"cast(end_year * {_SCALE} as integer)"
    code = f"(({exact}) + 2 * ({is_range}) + 4 * ({certainty}) + 16 * ({layer}) + 64 * ({flags}))"
    # One weight over one sum of the row's values: each operation costs SQLite as much as reading a column.
    checksum = f"rowid % 1000003 + (rowid % {_WEIGHT} + 1) * (({starts} + 3 * {ends} + 7 * {code}) % {_MOD})"
    return f"count(*), coalesce(sum({checksum}), 0)"


#: A digest known now, none, or one still on its way (called when it is needed; it may wait for it).
DigestGiven = ArraysDigest | None | Callable[[], ArraysDigest | None]


class IndexProof:
    """Whether the arrays with ``digest`` describe the tables: :meth:`examine` looks, :meth:`holds` answers."""

    def __init__(self, digest: DigestGiven) -> None:
        self.digest = digest
        self._holds = self._linked = False

    def examine(self, conn: sqlite3.Connection) -> bool:
        """Look at the store on ``conn`` (one pass over the events); return whether the proof holds.

        A digest still on its way is asked for after the pass over the events, which needs none.
        """
        columns = {r[1] for r in conn.execute("pragma table_info(events)")}
        sums = self._event_sums(conn, columns) if callable(self.digest) and "start_year" in columns else None
        if not self.examine_the_rest(conn):
            return False
        return self.compare(sums if sums is not None else self._event_sums(conn, columns),
                            [values_counted(conn, table, column) for table, column, _target in LINKS])

    def examine_the_rest(self, conn: sqlite3.Connection) -> bool:
        """Look at all but what a caller reads along with its own passes and hands to
        :meth:`compare`: the sums over the events (:func:`event_sums_sql`) and the links counted
        by theme and place (:func:`~timeline_app.store.rule_scan.values_counted` on each of
        :data:`LINKS`). Returns False if the proof already fails.

        Asks for a digest still on its way (and waits for it).
        """
        if callable(self.digest):
            self.digest = self.digest()
        self._holds = False
        self._linked = self.digest is not None and self._unchanged(conn, self.digest)
        return self._linked

    def compare(self, sums: tuple, link_counts: list[dict[Any, int]]) -> bool:
        """Whether the proof holds, given the sums over the events and the links counted (see
        :meth:`examine_the_rest`) once it has looked at the rest."""
        digest = self.digest
        self._holds = self._linked and isinstance(digest, ArraysDigest) and tuple(sums) == digest.events and \
            all(counts == dict(expected) for counts, expected in zip(link_counts, digest.links, strict=True))
        return self._holds

    @staticmethod
    def _event_sums(conn: sqlite3.Connection, columns: set[str]) -> tuple:
        return tuple(conn.execute(f"select {event_sums_sql(columns)} from events").fetchone())

    def _unchanged(self, conn: sqlite3.Connection, digest: ArraysDigest) -> bool:
        if counted_key(conn) != digest.key or not counter_triggers_intact(conn):
            return False
        if "start_year" not in {r[1] for r in conn.execute("pragma table_info(events)")}:
            return False
        for target, keys in zip(("themes", "places", "sources"), digest.keys, strict=True):
            if tuple(r[0] for r in conn.execute(f"select id from [{target}] order by id")) != keys:
                return False
        claimed = conn.execute("select count(*) from (select distinct event_id from claims) c "
                               "join events e on e.id = c.event_id").fetchone()[0]
        return bool(claimed == digest.claimed)

    def holds(self) -> bool:
        """Whether the digested arrays describe the tables as they are (False until examined)."""
        return self._holds


__all__ = ["LINKS", "ArraysDigest", "DigestGiven", "IndexProof", "digest_of", "event_sums_sql"]
