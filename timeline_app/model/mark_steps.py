"""Moving from mark to mark on the timeline with the keyboard: along a lane, and across lanes.

Marks are the drawn positions of a :class:`TimelineLayout` (an event in two lanes has two), so the
keys move through what the eye sees: left and right along a lane in time, up and down to the
mark of the neighbouring lane nearest in time.
"""

from __future__ import annotations

import numpy as np

from timeline_app.model.layout import TimelineLayout


def mark_of_event(layout: TimelineLayout, event: int, lane: int | None = None) -> int | None:
    """The mark of catalog index ``event``: in ``lane`` if it has one there, else its first; None if not drawn."""
    marks = np.flatnonzero(layout.event == event)
    if not len(marks):
        return None
    if lane is not None:
        in_lane = marks[layout.lane[marks] == lane]
        if len(in_lane):
            return int(in_lane[0])
    return int(marks[0])


def first_mark_in_view(layout: TimelineLayout, low: float, high: float) -> int | None:
    """Where the keys start: the earliest mark in view, in the topmost lane that has one; else the first mark."""
    if not len(layout.x0):
        return None
    shown = layout.marks_in(low, high)
    if not len(shown):
        return 0
    top = shown[layout.row[shown] == layout.row[shown].min()]
    return int(top[0])


def step_along_lane(layout: TimelineLayout, mark: int, step: int) -> int:
    """The mark ``step`` places later (negative: earlier) in ``mark``'s lane; the lane's end stops it."""
    lane_marks = np.flatnonzero(layout.lane == layout.lane[mark])
    position = int(np.searchsorted(lane_marks, mark))
    return int(lane_marks[max(0, min(len(lane_marks) - 1, position + step))])


def step_across_lanes(layout: TimelineLayout, mark: int, step: int) -> int:
    """The mark nearest in time to ``mark`` in the next lane down (``step`` > 0) or up that has any marks.

    Stays on ``mark`` at the top or bottom lane.
    """
    lane = int(layout.lane[mark])
    direction = 1 if step > 0 else -1
    lanes = len(layout.lanes)
    when = float(layout.x0[mark])
    target = lane + direction
    while 0 <= target < lanes:
        candidates = np.flatnonzero(layout.lane == target)
        if len(candidates):
            return int(candidates[np.argmin(np.abs(layout.x0[candidates] - when))])
        target += direction
    return mark
