"""The event table's row orders: each column sorted once per store, any filter's rows in that order at once.

Sorting a million rows on every click costs seconds; here each column's order (catalog
positions, ties in start order) is computed once per catalog, and the rows a filter
shows are then picked out of it in one array pass. The text a column is sorted by is
the text the table shows (:func:`cell_text`), compared with
:func:`~timeline_app.store.sort_keys.natural_keys`. No Qt.
"""

from __future__ import annotations

import threading

import numpy as np

from timeline_app.model.catalog import EventCatalog
from timeline_app.model.date_words import ENGLISH, DateWords
from timeline_app.store.event_store import connect
from timeline_app.store.interrupt import CancelCheck, never, stop_if
from timeline_app.store.membership import Membership
from timeline_app.store.sort_keys import natural_keys, title_ranks
from timeline_app.store.timeline_index import position_lookup

DATE, TITLE, PLACES, THEMES, SOURCES, KIND = range(6)
KINDS = ("History", "Film scene", "Reception")


def kind_text(code: int) -> str:
    """The name of layer ``code`` as the table shows it."""
    return KINDS[code] if 0 <= code < len(KINDS) else ""


def member_text(names: dict[str, str], values) -> str:
    """The names of ``values`` (ids) as one cell shows them."""
    return ", ".join(names.get(v, v) for v in values)


def cell_text(catalog: EventCatalog, position: int, column: int, words: DateWords = ENGLISH) -> str:
    """What the table shows for the event at ``position`` in ``column`` (dates in ``words``)."""
    c = catalog
    if column == DATE:
        return c.date_words(position, words)
    if column == TITLE:
        return c.titles[position]
    if column == KIND:
        layer = c.arrays.layer
        kind = kind_text(int(layer[position]) if layer is not None else 0)
        # The timeline hatches a disputed event; the list says it in words.
        return f"{kind}, disputed" if bool(c.disputed[position]) else kind
    names = (c.place_names, c.theme_names, c.source_names)[column - PLACES]
    values = (c.places, c.themes, c.sources)[column - PLACES][position]
    return member_text(names, values)


def _dense_ranks(keys: list[str]) -> np.ndarray:
    """For each key, its rank among the distinct keys (equal keys, equal ranks)."""
    distinct = sorted(set(keys))
    rank = {key: n for n, key in enumerate(distinct)}
    return np.fromiter((rank[k] for k in keys), dtype=np.int64, count=len(keys))


def _member_ranks(m: Membership, names: dict[str, str]) -> np.ndarray:
    """Per event, the rank of its cell text; events share a rank when they have the same values.

    Events are grouped by their set of values with array operations, so only the distinct
    sets (a few hundred, not a million) are turned into text.
    """
    per_event = m.per_event()
    groups: list[tuple[np.ndarray, np.ndarray]] = []
    texts: list[str] = [""]  # the cell of an event without values
    sizes = np.flatnonzero(np.bincount(per_event)) if m.size else np.zeros(0, dtype=np.int64)
    for count in sizes[sizes > 0].tolist():
        events = np.flatnonzero(per_event == count)
        codes = m.value[m.indptr[events][:, None] + np.arange(count)].astype(np.int64)
        base = len(m.keys) + 1
        if base ** count < 2 ** 62:  # one number per set of values: a plain sort, not a sort of rows
            number = codes @ (base ** np.arange(count, dtype=np.int64))
            _distinct, first, inverse = np.unique(number, return_index=True, return_inverse=True)
            distinct = codes[first]
        else:
            distinct, inverse = np.unique(codes, axis=0, return_inverse=True)
        groups.append((events, len(texts) + inverse.reshape(-1)))
        texts.extend(member_text(names, sorted(m.keys[c] for c in row)) for row in distinct.tolist())
    text_rank = _dense_ranks(natural_keys(texts))
    ranks = np.full(m.size, text_rank[0], dtype=np.int64)
    for events, text in groups:
        ranks[events] = text_rank[text]
    return ranks


def both_orders(ranks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions by ascending and by descending rank; equal ranks in position order both ways."""
    small = np.uint16 if len(ranks) == 0 or ranks.max() < 2 ** 16 else np.int32  # 16 bits: a radix sort
    ascending = np.argsort(ranks.astype(small), kind="stable").astype(np.int32)
    # Descending: the runs of equal rank in reverse order, each run kept as it is.
    sorted_ranks = ranks[ascending]
    run_start = np.flatnonzero(np.concatenate(([True], sorted_ranks[1:] != sorted_ranks[:-1])))
    run_length = np.diff(np.append(run_start, len(ranks)))
    new_start = np.concatenate(([0], np.cumsum(run_length[::-1])[:-1]))[::-1]
    run_of = np.repeat(np.arange(len(run_start)), run_length)
    descending = np.empty_like(ascending)
    descending[new_start[run_of] + np.arange(len(ranks)) - run_start[run_of]] = ascending
    return ascending, descending


class TableOrder:
    """For one catalog, each column's order once computed; safe to compute from a worker thread."""

    def __init__(self, catalog: EventCatalog) -> None:
        self.catalog = catalog
        n = len(catalog)
        positions = np.arange(n, dtype=np.int32)
        self._orders: dict[int, tuple[np.ndarray, np.ndarray]] = {DATE: (positions, positions[::-1])}
        self._lock = threading.Lock()

    def known(self, column: int) -> bool:
        """Whether ``column``'s order is ready (then :meth:`rows` is instant)."""
        return column in self._orders

    def compute(self, column: int, cancelled: CancelCheck = never) -> None:
        """Work out ``column``'s order (seconds for titles at a million events; run it off the GUI thread).

        Raises :class:`~timeline_app.store.interrupt.Cancelled` soon after ``cancelled()`` holds.
        """
        if self.known(column):
            return
        ranks = self._ranks(column, cancelled)
        stop_if(cancelled)
        orders = both_orders(ranks)
        with self._lock:
            self._orders[column] = orders

    def _ranks(self, column: int, cancelled: CancelCheck) -> np.ndarray:
        c, a = self.catalog, self.catalog.arrays
        if column == TITLE:
            return self._title_ranks(cancelled)
        if column == KIND:
            layer = np.clip(np.asarray(a.layer, dtype=np.int64), 0, len(KINDS))
            # Sorted by the text the cell shows: the kind, then ", disputed" after it.
            texts = [kind_text(k) + (", disputed" if d else "") for k in range(len(KINDS) + 1) for d in (0, 1)]
            kind_rank = _dense_ranks(natural_keys(texts))
            return kind_rank[layer * 2 + c.disputed.astype(np.int64)] if len(layer) else layer
        membership, names = {PLACES: (a.places, c.place_names), THEMES: (a.themes, c.theme_names),
                             SOURCES: (a.sources, c.source_names)}[column]
        return _member_ranks(membership, names)

    def _title_ranks(self, cancelled: CancelCheck) -> np.ndarray:
        c = self.catalog
        ranks = np.zeros(len(c), dtype=np.int64)
        if c.store is None or not len(c):
            return ranks
        conn = connect(c.store.path)  # this thread's own connection
        try:
            rowids, title_rank = title_ranks(conn, cancelled)
        finally:
            conn.close()
        positions = position_lookup(c.arrays.rowid)(rowids) if len(rowids) else rowids
        known = c.arrays.rowid[positions] == rowids if len(rowids) else np.zeros(0, dtype=bool)
        ranks[positions[known]] = title_rank[known]
        return ranks

    def rows(self, column: int, descending: bool, positions: np.ndarray) -> np.ndarray | None:
        """``positions`` (catalog positions, any order) in ``column``'s order; None until it is computed."""
        with self._lock:
            orders = self._orders.get(column)
        if orders is None:
            return None
        order = orders[1] if descending else orders[0]
        if column == DATE and (len(positions) < 2 or bool(np.all(positions[1:] > positions[:-1]))):
            return positions[::-1].astype(np.int64) if descending else positions.astype(np.int64, copy=False)
        if len(positions) == len(order):
            return order.astype(np.int64)
        chosen = np.zeros(len(order), dtype=bool)
        chosen[positions] = True
        return order[chosen[order]].astype(np.int64)
