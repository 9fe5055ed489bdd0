"""Random small catalogs built straight from arrays, and plain-Python models of what they should show.

The models loop over events one by one, the way a person would check by hand; the code under
test works on whole arrays. Hypothesis draws the catalogs, so every combination gets tried.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

from timeline_app.model.catalog import EventCatalog
from timeline_app.store.membership import Membership
from timeline_app.store.timeline_index import LAYER_CODES, TimelineArrays

THEMES = ("army", "bread", "church", "dam")
PLACES = ("kiev", "minsk", "omsk")
SOURCES = ("s1", "s2", "s3")


@dataclass
class Event:
    """One event as a plain record: what the model loops over."""

    start: float
    end: float
    themes: frozenset[str]
    places: frozenset[str]
    sources: frozenset[str]
    certainty: int
    has_claims: bool
    layer: int

    @property
    def disputed(self) -> bool:
        return self.certainty == 2 or self.has_claims


def membership(keys: tuple[str, ...], values: list[frozenset[str]]) -> Membership:
    pairs = [(i, keys.index(v)) for i, vs in enumerate(values) for v in sorted(vs)]
    events = np.array([p[0] for p in pairs], dtype=np.int64)
    codes = np.array([p[1] for p in pairs], dtype=np.int32)
    return Membership(list(keys), events, codes, len(values))


def catalog_of(events: list[Event], **names) -> EventCatalog:
    """A catalog (no store) holding ``events`` in the order given (callers sort them by start)."""
    n = len(events)
    arrays = TimelineArrays(
        np.arange(1, n + 1, dtype=np.int64),
        np.array([e.start for e in events], dtype=float),
        np.array([e.end for e in events], dtype=float),
        np.zeros(n, dtype=bool), np.array([e.end > e.start for e in events], dtype=bool),
        np.array([e.certainty for e in events], dtype=np.int8),
        np.array([e.has_claims for e in events], dtype=bool),
        membership(THEMES, [e.themes for e in events]),
        membership(PLACES, [e.places for e in events]),
        membership(SOURCES, [e.sources for e in events]),
        layer=np.array([e.layer for e in events], dtype=np.int8),
    )
    return EventCatalog(arrays, **names)


def subsets(pool: tuple[str, ...], max_size: int | None = None):
    return st.frozensets(st.sampled_from(pool), max_size=max_size)


LENGTHS = (0.0, 0.0, 0.1, 0.5, 1.0, 3.0, 30.0, 0.0)


def _decode(start: int, bits: int) -> Event:
    """An event from two integers (few draws keep Hypothesis fast; 0 shrinks to a plain event)."""
    def take(width: int) -> int:
        nonlocal bits
        value, bits = bits & ((1 << width) - 1), bits >> width
        return value

    def pick(pool: tuple[str, ...]) -> frozenset[str]:
        chosen = take(len(pool))
        return frozenset(v for k, v in enumerate(pool) if chosen >> k & 1)

    year = 1900 + start / 4
    themes, places, sources = pick(THEMES), pick(PLACES), pick(SOURCES)
    certainty, claims, layer = take(2), bool(take(1)), take(2) % 3
    return Event(year, year + LENGTHS[take(3)], themes, places, sources, certainty, claims, layer)


def events(max_events: int = 12):
    """Up to ``max_events`` events sorted by start, as a catalog holds them."""
    return st.lists(st.tuples(st.integers(0, 399), st.integers(0, (1 << 18) - 1)), max_size=max_events).map(
        lambda pairs: sorted((_decode(*p) for p in pairs), key=lambda e: e.start))


def _reviewer_passes(reviewer: str, sources: frozenset[str]) -> bool:
    if reviewer == "any":
        return True
    if reviewer == "both":
        return len(sources) >= 2
    if reviewer == "only-one":
        return len(sources) == 1
    return reviewer in sources


def brute_mask(evs: list[Event], state, hits: list[bool] | None, years) -> list[bool]:
    """Which events ``state`` shows, decided event by event."""
    shown = []
    for k, e in enumerate(evs):
        ok = True
        if state.places and not (e.places & state.places):
            ok = False
        if state.themes and not (e.themes & state.themes):
            ok = False
        if not _reviewer_passes(state.reviewer, e.sources):
            ok = False
        if state.disputed_only and not e.disputed:
            ok = False
        if state.layers and LAYER_CODES[e.layer] not in state.layers:
            ok = False
        if hits is not None and not hits[k]:
            ok = False
        if years is not None and not (e.end >= years[0] and e.start <= years[1]):
            ok = False
        shown.append(ok)
    return shown


def brute_counts(evs: list[Event], state, hits: list[bool] | None, years) -> dict[str, dict[str, int]]:
    """Datasette-style counts: each facet's values counted under every *other* active filter."""
    def without(**facet) -> list[Event]:
        kept = state.with_(**facet)
        return [e for e, ok in zip(evs, brute_mask(evs, kept, hits, years), strict=True) if ok]

    by_place, by_theme = without(places=frozenset()), without(themes=frozenset())
    by_reviewer, by_disputed = without(reviewer="any"), without(disputed_only=False)
    by_layer = without(layers=frozenset())
    reviewer = {"any": len(by_reviewer), "both": sum(len(e.sources) >= 2 for e in by_reviewer),
                "only-one": sum(len(e.sources) == 1 for e in by_reviewer)}
    reviewer.update({s: sum(s in e.sources for e in by_reviewer) for s in SOURCES})
    return {
        "places": {p: sum(p in e.places for e in by_place) for p in PLACES},
        "themes": {t: sum(t in e.themes for e in by_theme) for t in THEMES},
        "reviewer": reviewer,
        "disputed": {"yes": sum(e.disputed for e in by_disputed)},
        "layers": {code: sum(e.layer == k for e in by_layer) for k, code in enumerate(LAYER_CODES)},
    }
