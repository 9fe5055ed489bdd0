"""Which parts of a review the store uses, passage by passage and sentence by sentence. No Qt."""

from __future__ import annotations

import heapq
import itertools
import re
from dataclasses import dataclass

import numpy as np

from timeline_app.store.event_store import Quote

#: When passages overlap, the reader colours the overlap by the weightier kind.
KIND_ORDER = {"excerpt": 0, "commentary": 1, "claim": 2}

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")


@dataclass(frozen=True)
class Passage:
    """One quotation located in a review: its kind, its event and its offsets."""

    number: int
    kind: str
    event_id: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Segment:
    """A stretch of review text and the passages covering it, as the reader colours it.

    ``kind`` is the weightiest kind covering it (None: no passage uses it); ``passage``
    the passage a click there goes to (the one that started last, or the selected
    event's); ``selected`` whether a passage of the selected event covers it.
    """

    start: int
    end: int
    kind: str | None = None
    passage: int | None = None
    selected: bool = False


def passages_of(quotes: list[Quote], source_id: str) -> list[Passage]:
    """The located quotations of one source, in text order (unlocated ones are left out)."""
    spans = [(q, q.start, q.end) for q in quotes if q.source_id == source_id and q.start is not None and q.end]
    located = sorted(((q, int(s), int(e)) for q, s, e in spans if s is not None and e is not None),
                     key=lambda item: (item[1], -item[2], KIND_ORDER.get(item[0].kind, 0)))
    return [Passage(n, q.kind, q.event_id, s, e, q.quote) for n, (q, s, e) in enumerate(located)]


def segments(text: str, passages: list[Passage], selected_event: str | None = None) -> list[Segment]:
    """Split ``text`` at every passage boundary, in one sweep: fast even with many overlapping passages."""
    boundaries: dict[int, list[tuple[int, Passage]]] = {}
    for p in passages:
        boundaries.setdefault(p.start, []).append((1, p))
        boundaries.setdefault(p.end, []).append((-1, p))
    cuts = sorted({0, len(text), *boundaries})
    kinds = [0, 0, 0]  # active passages by kind
    chosen = 0  # active passages of the selected event
    latest: list[tuple[int, int, int]] = []  # (-start, -number, end): the active passage that began last
    mine: list[tuple[int, int]] = []  # (-start, number) of the selected event's active passages
    ends: dict[int, int] = {}
    result = []
    for start, end in itertools.pairwise(cuts):
        for step, p in boundaries.get(start, ()):
            kinds[KIND_ORDER.get(p.kind, 0)] += step
            if p.event_id == selected_event:
                chosen += step
            if step > 0:
                heapq.heappush(latest, (-p.start, -p.number, p.end))
                ends[p.number] = p.end
                if p.event_id == selected_event:
                    heapq.heappush(mine, (-p.start, p.number))
        while latest and latest[0][2] <= start:
            heapq.heappop(latest)
        while mine and ends[mine[0][1]] <= start:
            heapq.heappop(mine)
        if end <= start:
            continue
        if not any(kinds):
            result.append(Segment(start, end))
            continue
        kind = ("excerpt", "commentary", "claim")[max(k for k in range(3) if kinds[k])]
        passage = mine[0][1] if chosen and mine else -latest[0][1]
        result.append(Segment(start, end, kind, passage, chosen > 0))
    return result


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence: split after . ! ? … (and closing quotes) and at line breaks."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class Coverage:
    """How much of a review the store uses."""

    used: int
    total: int
    unused_spans: tuple[tuple[int, int], ...]

    @property
    def share(self) -> float:
        """The used share of sentences, 0 to 1."""
        return self.used / self.total if self.total else 0.0

    def describe(self) -> str:
        """E.g. ``41% of sentences used (23 of 56)``."""
        return f"{round(100 * self.share)}% of sentences used ({self.used} of {self.total})"


def coverage(text: str, passages: list[Passage]) -> Coverage:
    """A sentence counts as used when any passage overlaps it."""
    spans = sentences(text)
    if passages:
        order = sorted(passages, key=lambda p: p.start)
        starts = np.array([p.start for p in order])
        reach = np.maximum.accumulate(np.array([p.end for p in order]))  # furthest end so far
    used, unused = 0, []
    for start, end in spans:
        k = int(np.searchsorted(starts, end, side="left")) if passages else 0
        if k and reach[k - 1] > start:
            used += 1
        else:
            unused.append((start, end))
    return Coverage(used, used + len(unused), tuple(unused))
