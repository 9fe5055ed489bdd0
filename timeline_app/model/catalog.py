"""All events of a store, in start order, for the views: numbers as arrays, text fetched as needed. No Qt.

Position ``i`` names the same event everywhere. The numbers (dates, flags, memberships)
come from :mod:`timeline_app.store.timeline_index`; the text (ids, titles, dates as written) is
read from the store in blocks when first asked for, so a million-event store opens
without reading a million titles.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from timeline_app.model.date_words import ENGLISH, DateWords, date_words
from timeline_app.store.event_store import EventStore, connect
from timeline_app.store.interrupt import CancelCheck, never
from timeline_app.store.membership import Membership
from timeline_app.store.search import QuoteOwners, prepare_vocabularies, search_rowids
from timeline_app.store.timeline_index import CERTAINTY_CODES, TimelineArrays, load_arrays, position_lookup

BLOCK = 512
#: Stores up to this size have all their text read at once: simpler and still instant.
EAGER_TEXT = 20_000


class _Unread:
    """A big column's values, most not read yet: a dict of those read (a list of a million
    Nones per column would cost 8 MB each before anything is shown). Indexes like a list."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.read: dict[int, str] = {}

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index: int) -> str | None:
        index = int(index)
        if not -self.size <= index < self.size:
            raise IndexError(index)
        return self.read.get(index % self.size)

    def __setitem__(self, index: int, value: str) -> None:
        self.read[int(index) % self.size] = value

    def __iter__(self) -> Iterator[str | None]:
        return (self.read.get(k) for k in range(self.size))


class TextColumn(Sequence):
    """One text column of ``events`` by catalog position, read in blocks and kept."""

    def __init__(self, store: EventStore | None, column: str, rowid: np.ndarray) -> None:
        self.store, self.column, self.rowid = store, column, rowid
        self.values: list[str | None] | _Unread = [None] * len(rowid) if len(rowid) <= EAGER_TEXT \
            else _Unread(len(rowid))
        if store is not None and len(rowid) <= EAGER_TEXT:
            self.load_all()

    def __len__(self) -> int:
        return len(self.rowid)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        value = self.values[index]
        if value is None:
            start = (index // BLOCK) * BLOCK
            self.fetch(np.arange(start, min(len(self), start + BLOCK)))
            value = self.values[index]
        return value if value is not None else ""

    def fetch(self, positions: np.ndarray) -> None:
        """Read the values at these positions that are not yet known."""
        if self.store is None:
            return
        missing = [int(p) for p in positions if self.values[int(p)] is None]
        position_of = {int(self.rowid[p]): p for p in missing}
        for lo in range(0, len(missing), 900):  # stay under SQLite's variable limit
            chunk = list(position_of)[lo:lo + 900]
            marks = ",".join("?" * len(chunk))
            for rowid, value in self.store.conn.execute(
                    f"select rowid, [{self.column}] from events where rowid in ({marks})", chunk):
                self.values[position_of[rowid]] = value or ""

    def known(self, index: int) -> bool:
        """Whether the value at ``index`` has been read."""
        return self.store is None or self.values[index] is not None

    def load_all(self) -> None:
        """Read the whole column in one query."""
        if self.store is None or all(v is not None for v in self.values):
            return
        self.values = list(self.values)  # every value, soon: a list is the smaller then
        lookup = position_lookup(self.rowid)
        rows = self.store.conn.execute(f"select rowid, [{self.column}] from events").fetchall()
        rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        for position, (_rowid, value) in zip(lookup(rowids).tolist(), rows, strict=True):
            self.values[position] = value or ""

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return (v or "" for v in self.values)


class MemberColumn(Sequence):
    """Per event, the tuple of value ids of a :class:`Membership`."""

    def __init__(self, membership: Membership) -> None:
        self.membership = membership

    def __len__(self) -> int:
        return self.membership.size

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self.membership.of(int(index))


class PositionIndex:
    """Event id to catalog position, looked up in the store (or a dict for small stores)."""

    def __init__(self, store: EventStore | None, rowid: np.ndarray, ids: TextColumn) -> None:
        self.store, self.lookup = store, position_lookup(rowid)
        self.rowid = rowid
        self.small = {eid: n for n, eid in enumerate(ids)} if len(rowid) <= EAGER_TEXT else None

    def get(self, event_id: str | None, default: int | None = None) -> int | None:
        """The position of ``event_id``, or ``default``."""
        if event_id is None:
            return default
        if self.small is not None:
            return self.small.get(event_id, default)
        if self.store is None:
            return default
        row = self.store.conn.execute("select rowid from events where id = ?", (event_id,)).fetchone()
        if row is None:
            return default
        position = int(self.lookup(np.array([row[0]]))[0])
        return position if self.rowid[position] == row[0] else default

    def __getitem__(self, event_id: str) -> int:
        position = self.get(event_id)
        if position is None:
            raise KeyError(event_id)
        return position

    def __contains__(self, event_id: object) -> bool:
        return isinstance(event_id, str) and self.get(event_id) is not None


@dataclass
class EventCatalog:
    """Every event of one store in start order: arrays for drawing and filtering, text on demand."""

    arrays: TimelineArrays
    store: EventStore | None = None
    theme_names: dict[str, str] = field(default_factory=dict)
    theme_colors: dict[str, str] = field(default_factory=dict)
    place_names: dict[str, str] = field(default_factory=dict)
    source_names: dict[str, str] = field(default_factory=dict)
    periods: list[dict] = field(default_factory=list)

    def __post_init__(self) -> None:
        a = self.arrays
        self.start_year, self.end_year = a.start_year, a.end_year
        self.exact_day, self.is_range = a.exact_day, a.is_range
        self.disputed: np.ndarray = (a.certainty == 2) | a.has_claims
        self.ids = TextColumn(self.store, "id", a.rowid)
        self.titles = TextColumn(self.store, "title", a.rowid)
        self.starts = TextColumn(self.store, "start", a.rowid)
        self.ends = TextColumn(self.store, "end", a.rowid)
        # Version 2's dates as written (EDTF) and calendars; a version-1 store reads as empty text.
        has = self.store.columns("events") if self.store is not None else set()
        self.date_texts = TextColumn(self.store if "date_text" in has else None, "date_text", a.rowid)
        self.calendars = TextColumn(self.store if "calendar" in has else None, "calendar", a.rowid)
        self.date_flags = a.date_flags
        self.certainty = [CERTAINTY_CODES[c] if c < 3 else "unknown" for c in a.certainty.tolist()] \
            if len(a) <= EAGER_TEXT else _CertaintyColumn(a.certainty)
        self.places = MemberColumn(a.places)
        self.themes = MemberColumn(a.themes)
        self.sources = MemberColumn(a.sources)
        self.index_of = PositionIndex(self.store, a.rowid, self.ids)
        self.quote_owners = QuoteOwners()  # read on the first search, kept for the next ones
        # The index's words by key, per kind of connection (the store's own; a worker's own).
        self.search_vocabularies: tuple[dict, dict] = ({}, {})

    def __len__(self) -> int:
        return len(self.arrays)

    def read_text(self, positions: np.ndarray) -> None:
        """Read the ids, titles and dates of the events at ``positions`` now, a query per column.

        A table sorted or filtered shows events from all over the store: read one by one,
        each would read the block of events around it.
        """
        for column in (self.ids, self.titles, self.starts, self.ends, self.date_texts, self.calendars):
            column.fetch(np.asarray(positions, dtype=np.int64))

    def date_words(self, index: int, words: DateWords = ENGLISH) -> str:
        """The date of the event at ``index`` as a historian writes it: "c. 1930", "25 Oct (7 Nov) 1917"."""
        return date_words(self.starts[index], self.ends[index], self.certainty[index], self.date_texts[index],
                          self.calendars[index], words)

    def search_mask(self, text: str, cancelled: CancelCheck = never, own_connection: bool = False) -> np.ndarray | None:
        """Mask of the events whose title, summary, quotes or claim values match ``text``; None if it has no words.

        A worker thread passes ``own_connection`` (SQLite connections are not shared between
        threads) and a ``cancelled`` check that stops a search a newer keystroke made stale.
        """
        if self.store is None:
            return None
        if not own_connection:
            # The window's own thread uses the owners only once a worker has read them all.
            owners = self.quote_owners if self.quote_owners.ready() else None
            rowids = search_rowids(self.store.conn, text, cancelled, owners, self.search_vocabularies[0])
        else:
            conn = connect(self.store.path)
            try:
                rowids = search_rowids(conn, text, cancelled, self.quote_owners, self.search_vocabularies[1])
            finally:
                conn.close()
        return None if rowids is None else self.mask_of_rowids(rowids)

    def prepare_search(self, cancelled: CancelCheck = never) -> None:
        """Read what makes searches with many hits fast, on this thread's own connection."""
        if self.store is None:
            return
        conn = connect(self.store.path)
        try:
            self.quote_owners.prepare(conn, cancelled)
            prepare_vocabularies(conn, self.search_vocabularies[1], cancelled, self.quote_owners)
        finally:
            conn.close()

    def prepare_filters(self, cancelled: CancelCheck = never) -> None:
        """Group each facet's events by value now (a worker's job, some 30 ms at a million events),
        so the first click on a theme, place or reviewer costs what the next ones do."""
        for membership in (self.arrays.themes, self.arrays.places, self.arrays.sources):
            if cancelled():
                return
            membership.by_value()

    def mask_of_rowids(self, rowids) -> np.ndarray:
        """Mask of the events with these ``events`` rowids."""
        mask = np.zeros(len(self), dtype=bool)
        wanted = np.fromiter(rowids, dtype=np.int64) if not isinstance(rowids, np.ndarray) else rowids
        if len(wanted) and len(self):
            positions = self.index_of.lookup(wanted)
            mask[positions[self.arrays.rowid[positions] == wanted]] = True
        return mask

    def extent(self) -> tuple[float, float]:
        """The earliest start and latest end, or 1917-1992 for an empty catalog."""
        if not len(self):
            return 1917.0, 1992.0
        if "_extent" not in self.__dict__:  # a pass over every date: every filter change asks for it
            self._extent = float(self.start_year.min()), float(self.end_year.max())
        return self._extent


class _CertaintyColumn(Sequence):
    def __init__(self, codes: np.ndarray) -> None:
        self.codes = codes

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, index):
        code = int(self.codes[index])
        return CERTAINTY_CODES[code] if code < 3 else "unknown"


def load_catalog(store: EventStore) -> EventCatalog:
    """Read the events of ``store`` (from its timeline index when it has a current one)."""
    themes = store.themes()
    return EventCatalog(
        load_arrays(store.conn),
        store,
        theme_names={t["id"]: t["name"] for t in themes},
        theme_colors={t["id"]: t["color"] for t in themes},
        place_names={p["id"]: p["name"] for p in store.places()},
        source_names={sid: s["author"] for sid, s in store.sources().items()},
        periods=store.periods(),
    )


def empty_catalog() -> EventCatalog:
    """A catalog with no events, for a window with no store open."""
    empty = np.zeros(0)
    none = Membership([], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32), 0)
    arrays = TimelineArrays(np.zeros(0, dtype=np.int64), empty, empty.copy(), np.zeros(0, bool), np.zeros(0, bool),
                            np.zeros(0, np.int8), np.zeros(0, bool), none, none, none)
    return EventCatalog(arrays)
