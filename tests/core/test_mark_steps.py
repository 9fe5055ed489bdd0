"""The timeline's arrow keys: along a lane in time, across lanes to the nearest mark, stopping at the edges."""

from __future__ import annotations

import numpy as np

from timeline_app.model.layout import Lane, TimelineLayout
from timeline_app.model.mark_steps import first_mark_in_view, mark_of_event, step_across_lanes, step_along_lane


def layout() -> TimelineLayout:
    """Three lanes; the middle one empty. Marks (sorted by start):

    mark 0: event 10, lane 0, 1920     mark 3: event 13, lane 2, 1950
    mark 1: event 11, lane 2, 1930     mark 4: event 11, lane 0, 1960 (event 11 again, in lane 0)
    mark 2: event 12, lane 0, 1940     mark 5: event 14, lane 2, 1980
    """
    lanes = [Lane("a", "A", "#000000", 0, 2), Lane("b", "B", "#000000", 2, 1), Lane("c", "C", "#000000", 3, 1)]
    return TimelineLayout(
        lanes=lanes,
        event=np.array([10, 11, 12, 13, 11, 14]),
        lane=np.array([0, 2, 0, 2, 0, 2]),
        row=np.array([0, 3, 1, 3, 0, 3]),
        x0=np.array([1920.0, 1930, 1940, 1950, 1960, 1980]),
        x1=np.array([1921.0, 1931, 1945, 1951, 1961, 1981]),
    )


def test_right_and_left_walk_a_lane_in_time_and_stop_at_its_ends() -> None:
    lay = layout()
    assert step_along_lane(lay, 0, 1) == 2
    assert step_along_lane(lay, 2, 1) == 4
    assert step_along_lane(lay, 4, 1) == 4  # the lane's last mark: no wrap into another lane
    assert step_along_lane(lay, 4, -1) == 2
    assert step_along_lane(lay, 0, -1) == 0
    assert step_along_lane(lay, 1, 1) == 3 and step_along_lane(lay, 3, 1) == 5


def test_up_and_down_skip_empty_lanes_to_the_mark_nearest_in_time() -> None:
    lay = layout()
    assert step_across_lanes(lay, 2, 1) == 1  # 1940 in lane A: 1930 is nearer than 1950 in lane C
    assert step_across_lanes(lay, 4, 1) == 3  # 1960: 1950 is nearest
    assert step_across_lanes(lay, 5, -1) == 4  # 1980 up to A: 1960
    assert step_across_lanes(lay, 0, -1) == 0  # the top lane: stays
    assert step_across_lanes(lay, 5, 1) == 5  # the bottom lane: stays


def test_an_event_drawn_in_two_lanes_is_found_in_the_lane_asked_for() -> None:
    lay = layout()
    assert mark_of_event(lay, 11) == 1
    assert mark_of_event(lay, 11, lane=0) == 4
    assert mark_of_event(lay, 11, lane=1) == 1  # not in that lane: its first mark
    assert mark_of_event(lay, 99) is None


def test_the_keys_start_at_the_earliest_mark_of_the_top_lane_in_view() -> None:
    lay = layout()
    assert first_mark_in_view(lay, 1935, 1990) == 4  # row 0 in view: 1960 (1940 is row 1)
    assert first_mark_in_view(lay, 1925, 1935) == 1
    assert first_mark_in_view(lay, 2000, 2010) == 0  # nothing in view: the very first
    empty = TimelineLayout(lanes=[], event=np.zeros(0, np.int64), lane=np.zeros(0, np.int64),
                           row=np.zeros(0, np.int64), x0=np.zeros(0), x1=np.zeros(0))
    assert first_mark_in_view(empty, 1900, 2000) is None
