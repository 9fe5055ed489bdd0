"""Which themes, places or sources each event has: event and value pairs as numpy arrays. No Qt.

The timeline index saves one :class:`Membership` per kind; the filters, the lanes, the map and
the table's sorts all read them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np


@dataclass
class Membership:
    """Which values (themes, places or sources) each event has, as parallel arrays sorted by event.

    ``keys[value[k]]`` is a value of event ``event[k]``; ``indptr[i]:indptr[i + 1]`` slices
    event ``i``'s values.
    """

    keys: list[str]
    event: np.ndarray  # int64 catalog positions, ascending
    value: np.ndarray  # int32 codes into keys
    size: int  # number of events

    def __post_init__(self) -> None:
        e, v = self.event, self.value  # sorted by event, then value (so first() is in key order)
        if len(e) > 1 and not np.all((e[1:] > e[:-1]) | ((e[1:] == e[:-1]) & (v[1:] >= v[:-1]))):
            order = np.lexsort((self.value, self.event))
            self.event, self.value = self.event[order], self.value[order]
        self.event, self.value = self.event.astype(np.int64, copy=False), self.value.astype(np.int32, copy=False)
        # 32 bits hold any real store's memberships, and halve what a million events keep (4 MB each).
        self.indptr = np.zeros(self.size + 1, dtype=np.int32 if len(self.event) < 2**31 else np.int64)
        np.cumsum(np.bincount(self.event, minlength=self.size), out=self.indptr[1:])
        self.code = {key: n for n, key in enumerate(self.keys)}

    def of(self, index: int) -> tuple[str, ...]:
        """The values of event ``index``, sorted."""
        codes = self.value[self.indptr[index]:self.indptr[index + 1]]
        return tuple(sorted(self.keys[c] for c in codes.tolist()))

    def has_any(self, wanted) -> np.ndarray:
        """Mask of the events with at least one of the ``wanted`` values."""
        mask = np.zeros(self.size, dtype=bool)
        events, starts = self.by_value()
        for code in sorted({self.code[key] for key in wanted if key in self.code}):
            mask[events[starts[code]:starts[code + 1]]] = True  # only the value's own events are touched
        return mask

    def by_value(self) -> tuple[np.ndarray, np.ndarray]:
        """The events grouped by value, and where each value's group starts (made once).

        A filter by one value then marks that value's events alone, instead of looking at
        every membership (a million and more on a big store) at each click.
        """
        grouped = getattr(self, "_by_value", None)
        if grouped is None:
            events, values = self.event, self.value
            known = (values >= 0) & (values < len(self.keys))
            if not known.all():  # a code naming no key (a damaged index) is in no value's group
                events, values = events[known], values[known]
            # Codes fit 16 bits on any real store, and numpy sorts 16-bit keys by radix: 6x faster.
            order = np.argsort(values.astype(np.int16) if len(self.keys) < 2**15 else values, kind="stable")
            starts = np.zeros(len(self.keys) + 1, dtype=np.int64)
            np.cumsum(np.bincount(values, minlength=len(self.keys)), out=starts[1:])
            grouped = self._by_value = (events.take(order).astype(np.int32), starts)
        return grouped

    def per_event(self) -> np.ndarray:
        """How many values each event has."""
        return np.diff(self.indptr)

    def counts(self, mask: np.ndarray) -> dict[str, int]:
        """For each value, how many of the events in ``mask`` have it."""
        tally = np.bincount(self.value[mask[self.event]], minlength=len(self.keys))
        return {key: int(tally[n]) for n, key in enumerate(self.keys)}

    def first(self) -> np.ndarray:
        """Each event's first value code (in key order), or -1 (computed once)."""
        if getattr(self, "_first", None) is None:
            out = np.full(self.size, -1, dtype=np.int32)
            has = self.per_event() > 0
            out[has] = self.value[self.indptr[:-1][has]]
            self._first = out
        return self._first

    def to_arrays(self) -> dict[str, bytes]:
        """The BLOBs saved in the timeline index."""
        return {"event": self.event.astype(np.int64).tobytes(), "value": self.value.astype(np.int32).tobytes(),
                "keys": json.dumps(self.keys).encode()}
