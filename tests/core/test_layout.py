"""Timeline lanes and rows: every shown event in each of its lanes, rows closed up, labels that never collide."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from model_catalogs import THEMES, Event, catalog_of, events

from timeline_app.model.catalog import empty_catalog
from timeline_app.model.layout import (
    FILM_COLOR,
    FILM_LANE,
    FILM_LANE_NAME,
    MAX_ROWS_PER_LANE,
    STACK_SPAN,
    TimelineLayout,
    label_room,
    lay_out,
)
from timeline_app.store.timeline_index import LAYER_CODES

NAMES = {
    "theme_names": {"army": "Red Army", "bread": "bread riots", "church": "Church", "dam": "Dnieper dam"},
    "theme_colors": {"army": "#aa0000", "bread": "#00aa00", "kiev": "#0000aa"},
    "place_names": {"kiev": "Kyiv", "minsk": "Minsk"},
    "source_names": {"s1": "Weiss", "s2": "doyle", "s3": "Another"},
}
VALUES = {"theme": "themes", "place": "places", "reviewer": "sources"}
NAME_TABLE = {"theme": "theme_names", "place": "place_names", "reviewer": "source_names"}


def _event(start: float, end: float | None = None, themes=("army",), places=(), sources=()) -> Event:
    return Event(start, start if end is None else end, frozenset(themes), frozenset(places), frozenset(sources),
                 0, False, 0)


def _lanes_of(evs: list[Event], k: int, group_by: str) -> list[str]:
    if LAYER_CODES[evs[k].layer] == "film":
        return [FILM_LANE]  # a film scene is drawn apart from the record, whatever the grouping
    return sorted(getattr(evs[k], VALUES[group_by])) or [""]


def _rows_in_lane(layout: TimelineLayout) -> dict[tuple[int, str], int]:
    """Each mark's row within its lane, keyed by (event, lane key)."""
    return {(int(e), layout.lanes[int(ln)].key): int(r) - layout.lanes[int(ln)].first_row
            for e, ln, r in zip(layout.event, layout.lane, layout.row, strict=True)}


def check_layout(evs: list[Event], mask: np.ndarray, group_by: str, full: TimelineLayout) -> TimelineLayout:
    """Lay out ``mask`` and check it against what a person would expect, event by event."""
    catalog = catalog_of(evs, **NAMES)
    layout = lay_out(catalog, mask, group_by)
    names = NAMES[NAME_TABLE[group_by]]
    # Marks are sorted by start and sit where their events are, in whole rows.
    assert np.all(np.diff(layout.x0) >= 0)
    assert layout.row.dtype.kind == "i" and layout.event.dtype.kind == "i"
    assert layout.x0.tolist() == [evs[int(e)].start for e in layout.event]
    assert layout.x1.tolist() == [evs[int(e)].end for e in layout.event]
    # Every shown event once in each of its lanes ("Unsorted" when it has none, the film scenes' lane when it is
    # one), nothing else.
    expected = sorted((k, key) for k in range(len(evs)) if mask[k] for key in _lanes_of(evs, k, group_by))
    marks = sorted((int(e), layout.lanes[int(ln)].key) for e, ln in zip(layout.event, layout.lane, strict=True))
    assert marks == expected
    # Lanes: those with a shown mark, by name (case aside), then "Unsorted", then the film scenes' lane; each
    # named and coloured.
    keys = {key for _k, key in expected}
    order = sorted(keys, key=lambda key: (key == FILM_LANE, key == "", names.get(key, key).lower()))
    assert [lane.key for lane in layout.lanes] == order
    for lane in layout.lanes:
        if lane.key == FILM_LANE:
            assert (lane.name, lane.color) == (FILM_LANE_NAME, FILM_COLOR)
            continue
        assert lane.name == ("Unsorted" if lane.key == "" else names.get(lane.key, lane.key))
        theme_color = NAMES["theme_colors"].get(lane.key, "#8c8c8c")
        assert lane.color == (theme_color if group_by == "theme" else "#8c8c8c")
    # Rows: lanes stacked without gaps, none taller than MAX_ROWS_PER_LANE, no row left empty.
    top = 0
    for number, lane in enumerate(layout.lanes):
        assert lane.first_row == top and 1 <= lane.rows <= MAX_ROWS_PER_LANE
        used = {int(r) for r, ln in zip(layout.row, layout.lane, strict=True) if ln == number}
        assert used == set(range(lane.first_row, lane.first_row + lane.rows))
        top += lane.rows
    assert layout.total_rows == max(top, 1)
    # A filter closes rows up but keeps the marks' order: each keeps its rank among the rows still used.
    in_full, in_shown = _rows_in_lane(full), _rows_in_lane(layout)
    for (k, key), row in in_shown.items():
        still_used = sorted({r for (j, other), r in in_full.items() if other == key and mask[j]})
        assert row == still_used.index(in_full[(k, key)])
    return layout


def check_stacking(evs: list[Event], layout: TimelineLayout) -> None:
    """Marks of a lane share a row only when every row already holds a mark still running."""
    busy_until: dict[tuple[int, int], float] = {}  # (lane, row) -> when its marks so far have all ended
    for k in range(len(layout.event)):
        e, lane, row = evs[int(layout.event[k])], int(layout.lane[k]), int(layout.row[k])
        first = layout.lanes[lane].first_row
        free = [r for r in range(MAX_ROWS_PER_LANE) if busy_until.get((lane, first + r), -np.inf) <= e.start]
        if free:
            assert row - first == free[0], "a mark skipped a free row or overlaps a running one"
        busy_until[(lane, row)] = max(busy_until.get((lane, row), -np.inf), e.end, e.start + STACK_SPAN)


@st.composite
def layouts(draw):
    evs = draw(events())
    bits = draw(st.integers(0, (1 << len(evs)) - 1))
    mask = np.array([bool(bits >> k & 1) for k in range(len(evs))], dtype=bool)
    return evs, mask, draw(st.sampled_from(sorted(VALUES)))


@settings(max_examples=100, deadline=None)
@given(layouts())
def test_every_shown_event_is_in_each_of_its_lanes_and_rows_close_up(case) -> None:
    evs, mask, group_by = case
    catalog = catalog_of(evs, **NAMES)
    full = lay_out(catalog, np.ones(len(evs), dtype=bool), group_by)
    check_layout(evs, np.ones(len(evs), dtype=bool), group_by, full)
    check_layout(evs, mask, group_by, full)
    # The same catalog, laid out under a filter after the unfiltered layout was kept, agrees too.
    again = lay_out(catalog, mask, group_by)
    assert sorted(again.event.tolist()) == sorted(int(e) for e in np.flatnonzero(mask)
                                                 for _ in _lanes_of(evs, int(e), group_by))
    # "N events shown": an event drawn in two lanes counts once, told by the layout and by a count of its marks
    assert again.events_drawn() == len(set(again.event.tolist())) == int(mask.sum())
    counted = TimelineLayout(again.lanes, again.event, again.lane, again.row, again.x0, again.x1)
    assert counted.events_drawn() == int(mask.sum())


@settings(max_examples=100, deadline=None)
@given(events(max_events=14))
def test_a_mark_takes_the_top_free_row_of_its_lane(evs: list[Event]) -> None:
    if not evs:
        return
    full = lay_out(catalog_of(evs), np.ones(len(evs), dtype=bool), "theme")
    check_stacking(evs, full)


def test_an_event_with_two_themes_is_drawn_in_both_lanes_and_one_with_none_last() -> None:
    evs = [_event(1960.0, themes=("army", "bread")), _event(1961.0, themes=()), _event(1962.0, themes=("dam",))]
    layout = lay_out(catalog_of(evs, **NAMES), np.ones(3, dtype=bool), "theme")
    assert [(lane.key, lane.name) for lane in layout.lanes] == [
        ("bread", "bread riots"), ("dam", "Dnieper dam"), ("army", "Red Army"), ("", "Unsorted")]
    assert layout.event.tolist() == [0, 0, 1, 2]
    assert sorted(layout.lane[layout.event == 0].tolist()) == [0, 2]
    assert layout.row.tolist() == [layout.lanes[k].first_row for k in layout.lane.tolist()]
    assert [lane.color for lane in layout.lanes] == ["#00aa00", "#8c8c8c", "#aa0000", "#8c8c8c"]


def test_lanes_group_by_theme_unless_told_otherwise() -> None:
    evs = [_event(1960.0, themes=("army",), places=("kiev",)), _event(1961.0, themes=("bread",))]
    layout = lay_out(catalog_of(evs, **NAMES), np.ones(2, dtype=bool))
    assert [(lane.key, lane.color) for lane in layout.lanes] == [("bread", "#00aa00"), ("army", "#aa0000")]


def test_lanes_sort_by_name_whatever_the_case_and_punctuation() -> None:
    names = {"army": "new_york", "bread": "Newark", "church": "NEW-HAVEN", "dam": "newt"}
    evs = [_event(1960.0, themes=THEMES)]
    layout = lay_out(catalog_of(evs, theme_names=names), np.ones(1, dtype=bool))
    assert [lane.name for lane in layout.lanes] == ["NEW-HAVEN", "new_york", "Newark", "newt"]


def test_lanes_by_place_or_reviewer_are_grey_and_use_their_names() -> None:
    evs = [_event(1960.0, places=("kiev", "omsk"), sources=("s2",)), _event(1961.0, sources=("s1", "s3"))]
    catalog = catalog_of(evs, **NAMES)
    by_place = lay_out(catalog, np.ones(2, dtype=bool), "place")
    assert [(lane.name, lane.color) for lane in by_place.lanes] == [
        ("Kyiv", "#8c8c8c"), ("omsk", "#8c8c8c"), ("Unsorted", "#8c8c8c")]
    by_reviewer = lay_out(catalog, np.ones(2, dtype=bool), "reviewer")
    assert [lane.name for lane in by_reviewer.lanes] == ["Another", "doyle", "Weiss"]


def test_short_events_a_year_apart_share_a_row_closer_ones_do_not() -> None:
    evs = [_event(1960.0), _event(1961.0), _event(1961.5), _event(1962.4)]
    layout = lay_out(catalog_of(evs), np.ones(4, dtype=bool), "theme")
    assert layout.row.tolist() == [0, 0, 1, 0]


def test_a_mark_starting_as_the_row_frees_takes_that_row() -> None:
    evs = [_event(1960.0, 1962.0), _event(1962.0, 1963.0), _event(1962.5)]
    layout = lay_out(catalog_of(evs), np.ones(3, dtype=bool), "theme")
    assert layout.row.tolist() == [0, 0, 1]


def test_a_crowded_lane_puts_the_overflow_in_the_row_that_frees_first() -> None:
    ends = [1990.0, 1970.0, 1965.0, 1980.0]
    evs = [_event(1960.0 + k / 4, end) for k, end in enumerate(ends)] + [_event(1961.5), _event(1961.75)]
    layout = lay_out(catalog_of(evs), np.ones(len(evs), dtype=bool), "theme")
    assert layout.row.tolist() == [0, 1, 2, 3, 2, 2]
    assert layout.lanes[0].rows == MAX_ROWS_PER_LANE


def test_a_filter_closes_up_empty_rows_keeping_the_order() -> None:
    evs = [_event(1960.0, 1970.0), _event(1960.25, 1970.0), _event(1960.5, 1970.0), _event(1960.75, 1970.0)]
    catalog = catalog_of(evs)
    assert lay_out(catalog, np.ones(4, dtype=bool), "theme").row.tolist() == [0, 1, 2, 3]
    layout = lay_out(catalog, np.array([False, True, False, True]), "theme")
    assert layout.row.tolist() == [0, 1]
    assert layout.lanes[0].rows == 2 and layout.total_rows == 2


def test_nothing_shown_means_no_lanes_and_one_empty_row() -> None:
    catalog = catalog_of([_event(1960.0, themes=("army", "dam"))])
    layout = lay_out(catalog, np.zeros(1, dtype=bool), "theme")
    assert layout.lanes == [] and len(layout.event) == 0 and layout.total_rows == 1
    assert layout.longest == 0.0
    assert lay_out(empty_catalog(), np.zeros(0, dtype=bool), "place").lanes == []


def test_the_unfiltered_layout_is_kept_and_a_filtered_one_never_replaces_it() -> None:
    evs = [_event(1960.0), _event(1961.0, themes=("dam",))]
    catalog = catalog_of(evs)
    everything = lay_out(catalog, np.ones(2, dtype=bool), "theme")
    assert lay_out(catalog, np.ones(2, dtype=bool), "theme") is everything
    filtered = lay_out(catalog, np.array([False, True]), "theme")
    assert filtered is not everything and [lane.key for lane in filtered.lanes] == ["dam"]
    assert lay_out(catalog, np.array([True, False]), "theme").event.tolist() == [0]
    assert lay_out(catalog, np.ones(2, dtype=bool), "theme") is everything
    assert lay_out(catalog, np.ones(2, dtype=bool), "place") is not everything


@pytest.mark.parametrize(("count", "stacked"), [(50_000, True), (50_001, False)])
def test_past_the_stack_limit_rows_are_spread_evenly(count: int, stacked: bool) -> None:
    # Events a year apart would all sit in the top row when stacked one by one.
    evs = [_event(1000.0 + k) for k in range(count)]
    layout = lay_out(_fast_catalog(evs), np.ones(count, dtype=bool), "theme")
    expected = np.zeros(count, dtype=np.int64) if stacked else np.arange(count) % MAX_ROWS_PER_LANE
    assert np.array_equal(layout.row, expected)
    assert layout.lanes[0].rows == (1 if stacked else MAX_ROWS_PER_LANE)


def _fast_catalog(evs: list[Event]):
    """The catalog of many one-theme events, built without a Python loop per membership."""
    from timeline_app.model.catalog import EventCatalog
    from timeline_app.store.timeline_index import Membership, TimelineArrays

    n = len(evs)
    starts = np.array([e.start for e in evs])
    none = Membership([], np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32), n)
    themes = Membership(list(THEMES), np.arange(n, dtype=np.int64), np.zeros(n, dtype=np.int32), n)
    arrays = TimelineArrays(np.arange(1, n + 1), starts, starts.copy(), np.zeros(n, bool), np.zeros(n, bool),
                            np.zeros(n, np.int8), np.zeros(n, bool), themes, none, none)
    return EventCatalog(arrays)


# -- finding marks in view ----------------------------------------------------------------------------

@st.composite
def mark_sets(draw):
    count = draw(st.integers(0, 15))
    x0 = [draw(st.integers(0, 80)) / 4 for _ in range(count)]
    x1 = [x + draw(st.sampled_from([0, 0, 1, 4, 40])) / 4 for x in x0]
    rows = [draw(st.integers(0, 6)) for _ in range(count)]
    left = draw(st.integers(-10, 90)) / 4
    right = left + draw(st.integers(0, 40)) / 4
    top = draw(st.sampled_from([-np.inf, -1.0, 0.0, 1.5, 3.0]))
    bottom = draw(st.sampled_from([np.inf, 0.0, 2.0, 2.5, 5.0]))
    return x0, x1, rows, left, right, top, bottom


def _layout_of(x0: list[float], x1: list[float], rows: list[int]) -> TimelineLayout:
    n = len(x0)
    return TimelineLayout([], np.arange(n), np.zeros(n, dtype=np.int32), np.array(rows, dtype=np.int64),
                          np.array(x0, dtype=float), np.array(x1, dtype=float))


@settings(max_examples=100, deadline=None)
@given(mark_sets())
def test_marks_in_view_are_those_a_scan_finds(case) -> None:
    x0, x1, rows, left, right, top, bottom = case
    layout = _layout_of(x0, x1, rows)
    # Marks come sorted by start, each keeping its own event, row and end.
    order = sorted(range(len(x0)), key=lambda k: x0[k])
    assert layout.event.tolist() == order
    assert layout.x1.tolist() == [x1[k] for k in order] and layout.row.tolist() == [rows[k] for k in order]
    in_years = {k for k in range(len(x0)) if x0[k] <= right and x1[k] >= left}
    assert set(layout.event[layout.marks_in(left, right)].tolist()) == in_years
    in_rows = {k for k in in_years if rows[k] + 1 >= top and rows[k] <= bottom}
    found = layout.marks_in(left, right, top, bottom)
    assert sorted(found.tolist()) == found.tolist()
    assert set(layout.event[found].tolist()) == in_rows
    assert set(layout.event[layout.marks_in(left, right, top=top)].tolist()) == {
        k for k in in_years if rows[k] + 1 >= top}
    assert set(layout.event[layout.marks_in(left, right, bottom=bottom)].tolist()) == {
        k for k in in_years if rows[k] <= bottom}
    assert layout.count_starting(left, right) == sum(left <= x <= right for x in x0)


def test_a_long_bar_starting_far_left_of_the_view_is_still_drawn() -> None:
    layout = _layout_of([1900.0, 1950.0, 1955.0], [1930.0, 1950.0, 1955.0], [0, 1, 2])
    assert layout.longest == 30.0
    assert layout.marks_in(1929.0, 1940.0).tolist() == [0]
    assert layout.marks_in(1930.0, 1940.0).tolist() == [0]  # its end touches the view
    assert layout.marks_in(1930.25, 1950.0).tolist() == [1]
    # Row r fills r..r+1 on the vertical axis.
    assert layout.marks_in(1950.0, 1955.0, 1.5, 9.0).tolist() == [1, 2]
    assert layout.marks_in(1950.0, 1955.0, 2.5, 9.0).tolist() == [2]
    assert layout.marks_in(1950.0, 1955.0, 2.0, 9.0).tolist() == [1, 2]
    assert layout.marks_in(1950.0, 1955.0, -9.0, 1.0).tolist() == [1]
    assert layout.marks_in(1950.0, 1955.0, -9.0, 0.5).tolist() == []
    assert layout.count_starting(1900.0, 1950.0) == 2
    assert layout.count_starting(1900.25, 1954.75) == 1


def test_total_rows_adds_up_the_lanes() -> None:
    from timeline_app.model.layout import Lane
    lanes = [Lane("a", "A", "#000", 0, 3), Lane("b", "B", "#000", 3, 2)]
    layout = TimelineLayout(lanes, *(np.zeros(0) for _ in range(5)))
    assert layout.total_rows == 5 and layout.cache == {}


# -- labels ---------------------------------------------------------------------------------------------

@st.composite
def label_cases(draw):
    count = draw(st.integers(0, 12))
    lefts = [float(draw(st.integers(-100, 200))) for _ in range(count)]  # marks may start left of the view
    text_x = [x + draw(st.sampled_from([0.0, 4.0, 10.0, 30.0])) for x in lefts]
    rows = [draw(st.integers(0, 3)) for _ in range(count)]
    return np.array(text_x), np.array(lefts), np.array(rows, dtype=np.int64), float(draw(st.integers(50, 250)))


@settings(max_examples=100, deadline=None)
@given(label_cases())
def test_labels_never_overlap_and_stop_before_the_next_mark_of_their_row(case) -> None:
    text_x, lefts, rows, right = case
    room = label_room(text_x, lefts, rows, right)
    n = len(text_x)
    for i in range(n):
        # The next mark of the row: by left edge, ties in the order given.
        after = sorted((lefts[j], j) for j in range(n) if rows[j] == rows[i] and (lefts[j], j) > (lefts[i], i))
        expected = right - text_x[i]
        if after:
            expected = min(expected, after[0][0] - text_x[i] - 8.0)
        assert room[i] == pytest.approx(expected)
    shown = [i for i in range(n) if room[i] > 0]
    for i in shown:
        assert text_x[i] + room[i] <= right
        for j in range(n):
            if j != i and rows[j] == rows[i] and (lefts[j], j) > (lefts[i], i):
                assert text_x[i] + room[i] <= lefts[j], "a label runs into a later mark of its row"
                if j in shown:
                    assert text_x[i] + room[i] <= text_x[j], "two labels overlap"


def test_label_room_with_a_gap_of_our_choosing() -> None:
    room = label_room(np.array([10.0, 50.0, 20.0]), np.array([5.0, 45.0, 15.0]), np.array([0, 0, 1]), 100.0, gap=2)
    assert room.tolist() == [33.0, 50.0, 80.0]
    assert label_room(np.zeros(0), np.zeros(0), np.zeros(0, dtype=np.int64), 100.0).tolist() == []
    # Pixels left of the origin count like any others.
    assert label_room(np.array([-30.0]), np.array([-40.0]), np.array([2]), 50.0).tolist() == [80.0]
