"""Which parts of a review the store uses, passage by passage and sentence by sentence. No Qt."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from timeline_app.store import Quote

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
    """A stretch of review text, with the passages (numbers) that cover it; none if unused."""

    start: int
    end: int
    passages: tuple[int, ...]


def passages_of(quotes: list[Quote], source_id: str) -> list[Passage]:
    """The located quotations of one source, in text order (unlocated ones are left out)."""
    located = sorted((q for q in quotes if q.source_id == source_id and q.start is not None and q.end),
                     key=lambda q: (q.start, -q.end, KIND_ORDER.get(q.kind, 0)))
    return [Passage(n, q.kind, q.event_id, q.start, q.end, q.quote) for n, q in enumerate(located)]


def segments(text: str, passages: list[Passage]) -> list[Segment]:
    """Split ``text`` at every passage boundary; each segment knows which passages cover it."""
    cuts = sorted({0, len(text), *(p.start for p in passages), *(p.end for p in passages)})
    result = []
    for start, end in itertools.pairwise(cuts):
        if end <= start:
            continue
        covering = tuple(p.number for p in passages if p.start < end and p.end > start)
        result.append(Segment(start, end, covering))
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
    used, unused = 0, []
    for start, end in sentences(text):
        if any(p.start < end and p.end > start for p in passages):
            used += 1
        else:
            unused.append((start, end))
    return Coverage(used, used + len(unused), tuple(unused))
