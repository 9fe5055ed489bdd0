"""The map counts, per place, exactly the events the filter shows in a window of years, as a hand count does."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from model_catalogs import PLACES, THEMES, catalog_of, events, subsets

from conftest import SHIPPED_STORE
from timeline_app.model.catalog import empty_catalog, load_catalog
from timeline_app.model.filters import FilterState, filter_mask
from timeline_app.model.map_counts import NEUTRAL, PlaceCounter, map_counts, place_colors, place_span, window_mask
from timeline_app.store.event_store import EventStore


def brute(evs, base: list[bool], years) -> tuple[list[int], list[int], int]:
    """Per place: events shown, their most common first theme (-1: none); and the events shown, each once."""
    counts, firsts, shown = [0] * len(PLACES), [[0] * len(THEMES) for _ in PLACES], 0
    for e, ok in zip(evs, base, strict=True):
        if not ok or not (e.end >= years[0] and e.start <= years[1]):
            continue
        shown += 1
        first = min((THEMES.index(t) for t in e.themes), default=None)
        for p in e.places:
            counts[PLACES.index(p)] += 1
            if first is not None:
                firsts[PLACES.index(p)][first] += 1
    dominant = [max(range(len(THEMES)), key=lambda t, row=row: (row[t], -t)) if any(row) else -1 for row in firsts]
    return counts, dominant, shown


@st.composite
def cases(draw):
    evs = draw(events(14))
    state = FilterState(places=draw(subsets(PLACES, 1)), themes=draw(subsets(THEMES, 2)))
    # Windows whose edges fall exactly on events' starts and ends, where off-by-one errors live.
    edges = sorted({e.start for e in evs} | {e.end for e in evs} | {1890.0, 2010.0})
    low = draw(st.sampled_from(edges))
    high = draw(st.sampled_from([v for v in edges if v >= low] + [low + 0.3]))
    return evs, state, (low, high)


@settings(max_examples=200, deadline=None)
@given(cases())
def test_counts_per_place_match_a_hand_count_for_any_filter_and_window(case) -> None:
    evs, state, years = case
    catalog = catalog_of(evs)
    base = filter_mask(catalog, state)
    counts, dominant, shown = brute(evs, base.tolist(), years)
    fast = PlaceCounter(catalog, base).counts(years)
    plain = map_counts(catalog, base & window_mask(catalog, years))
    for found in (fast, plain):
        assert found.counts.tolist() == counts
        assert found.dominant.tolist() == dominant
    assert PlaceCounter(catalog, base).shown(years) == shown


@settings(max_examples=100, deadline=None)
@given(cases())
def test_first_and_last_event_per_place(case) -> None:
    evs, state, years = case
    catalog = catalog_of(evs)
    mask = filter_mask(catalog, state) & window_mask(catalog, years)
    for code, place in enumerate(PLACES):
        here = [k for k, e in enumerate(evs) if mask[k] and place in e.places]
        span = place_span(catalog, mask, code)
        if not here:
            assert span is None
            continue
        first, last = span
        assert evs[first].start == min(evs[k].start for k in here)
        assert evs[last].end == max(evs[k].end for k in here)
        assert PlaceCounter(catalog, filter_mask(catalog, state)).span(code, years) == span


def test_one_counter_serves_every_window_of_a_filter() -> None:
    store = EventStore(SHIPPED_STORE)
    try:
        catalog = load_catalog(store)
        state = FilterState(themes=frozenset({"protest", "repression"}))
        base = filter_mask(catalog, state)
        counter = PlaceCounter(catalog, base)
        assert counter.indexed
        for years in ((1917.0, 1992.0), (1962.4, 1962.5), (1930.0, 1945.0), (1800.0, 1900.0), (1991.9, 2030.0)):
            expected = map_counts(catalog, filter_mask(catalog, state, years=years))
            found = counter.counts(years)
            assert found.counts.tolist() == expected.counts.tolist()
            assert counter.shown(years) == int(filter_mask(catalog, state, years=years).sum())
        # the table's place counts (no place filter) are the map's counts
        facet = catalog.arrays.places.counts(filter_mask(catalog, state, years=(1917.0, 1992.0)))
        found = counter.counts((1917.0, 1992.0)).counts
        assert {key: int(found[k]) for k, key in enumerate(catalog.arrays.places.keys)} == facet
        rows = store.conn.execute(
            "select p.place_id, count(*) from event_places p join events e on e.id = p.event_id "
            "join event_themes t on t.event_id = e.id and t.theme_id in ('protest', 'repression') "
            "where e.end_year >= 1917 and e.start_year <= 1992 group by p.place_id").fetchall()
    finally:
        store.close()
    # an event with both themes counts once at its place
    assert sum(found) <= sum(n for _p, n in rows)
    assert all(found[catalog.arrays.places.keys.index(p)] <= n for p, n in rows)


def test_colours_follow_the_grouping() -> None:
    store = EventStore(SHIPPED_STORE)
    try:
        catalog = load_catalog(store)
    finally:
        store.close()
    counts = map_counts(catalog, np.ones(len(catalog), dtype=bool))
    by_theme = place_colors(catalog, counts, "theme")
    novocherkassk = catalog.arrays.places.keys.index("novocherkassk")
    theme = catalog.arrays.themes.keys[counts.dominant[novocherkassk]]
    assert by_theme[novocherkassk] == catalog.theme_colors[theme]
    assert place_colors(catalog, counts, "reviewer") == by_theme  # marks keep their themes' colours
    assert set(place_colors(catalog, counts, "place")) == {NEUTRAL}


def test_an_empty_catalog_counts_nothing() -> None:
    catalog = empty_catalog()
    base = np.zeros(0, dtype=bool)
    assert PlaceCounter(catalog, base).counts((1917.0, 1992.0)).counts.tolist() == []
    assert map_counts(catalog, base).largest == 0
    assert PlaceCounter(catalog, base).shown((1917.0, 1992.0)) == 0
