"""Timeline layout maths: lanes, rows within lanes, and which labels fit. No Qt here.

Everything works on numpy arrays so the same code serves ten events and a million.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline_app.catalog import EventCatalog
from timeline_app.timeline_arrays import Membership

GROUPINGS = {"theme": "Theme", "place": "Place", "reviewer": "Reviewer"}
MAX_ROWS_PER_LANE = 4


@dataclass(frozen=True)
class Lane:
    """A horizontal band of the timeline holding the events of one theme, place or reviewer."""

    key: str
    name: str
    color: str
    first_row: int
    rows: int


@dataclass
class TimelineLayout:
    """Where every drawn mark goes. An event in two lanes is drawn twice, so ``event`` may repeat."""

    lanes: list[Lane]
    event: np.ndarray  # catalog index of each mark
    lane: np.ndarray  # lane index of each mark
    row: np.ndarray  # absolute row (0 at the top) of each mark
    x0: np.ndarray  # decimal-year start of each mark; marks are sorted by it
    x1: np.ndarray  # decimal-year end of each mark

    def __post_init__(self) -> None:
        order = np.argsort(self.x0, kind="stable")
        for name in ("event", "lane", "row", "x0", "x1"):
            setattr(self, name, getattr(self, name)[order])
        self.longest = float((self.x1 - self.x0).max()) if len(self.x0) else 0.0

    def marks_in(self, left: float, right: float, top: float = -np.inf, bottom: float = np.inf) -> np.ndarray:
        """Indices of the marks overlapping years ``left``..``right`` and rows ``top``..``bottom``.

        Marks are sorted by start, so a binary search finds the candidates without a pass
        over every mark.
        """
        lo = int(np.searchsorted(self.x0, left - self.longest, side="left"))
        hi = int(np.searchsorted(self.x0, right, side="right"))
        candidates = np.arange(lo, hi)
        keep = self.x1[lo:hi] >= left
        if top > -np.inf or bottom < np.inf:
            rows = self.row[lo:hi]
            keep &= (rows + 1 >= top) & (rows <= bottom)
        return candidates[keep]

    @property
    def total_rows(self) -> int:
        """Rows in all lanes together."""
        return sum(lane.rows for lane in self.lanes) or 1


_NEUTRAL = "#8c8c8c"


def _membership(catalog: EventCatalog, group_by: str) -> tuple[Membership, dict[str, str]]:
    a = catalog.arrays
    if group_by == "place":
        return a.places, catalog.place_names
    if group_by == "reviewer":
        return a.sources, catalog.source_names
    return a.themes, catalog.theme_names


def lay_out(catalog: EventCatalog, mask: np.ndarray, group_by: str = "theme", min_span: float = 0.9) -> TimelineLayout:
    """Put the events ``mask`` selects into lanes grouped by ``group_by``, stacked so marks rarely touch.

    An event with two themes (or places, or reviewers) is drawn in both lanes; one with
    none goes to a lane "(none)". Within a lane, each mark takes the first row whose
    previous mark ended ``min_span`` years before it starts (so short events close in
    time stack rather than overlap), up to :data:`MAX_ROWS_PER_LANE` rows.
    """
    members, names = _membership(catalog, group_by)
    chosen = mask[members.event]
    events = members.event[chosen]
    codes = members.value[chosen].astype(np.int64)
    orphans = np.flatnonzero(mask & (members.per_event() == 0))
    keys = list(members.keys)
    if len(orphans):
        keys.append("")
        events = np.concatenate([events, orphans])
        codes = np.concatenate([codes, np.full(len(orphans), len(keys) - 1, dtype=np.int64)])
    present = np.unique(codes)
    ordered = sorted(present.tolist(), key=lambda c: (keys[c] == "", names.get(keys[c], keys[c]).lower()))
    lane_of_code = np.full(len(keys), -1, dtype=np.int64)
    lane_of_code[ordered] = np.arange(len(ordered))
    lane = lane_of_code[codes]
    order = np.lexsort((events, lane))  # by lane, then by start (positions are in start order)
    events, lane = events[order], lane[order]
    bounds = np.searchsorted(lane, np.arange(len(ordered) + 1))
    stack_each = len(events) <= 50_000  # stacking one by one is a Python loop; past this, spread evenly
    lanes: list[Lane] = []
    row = np.zeros(len(events), dtype=np.int64)
    first_row = 0
    for lane_index, code in enumerate(ordered):
        lo, hi = bounds[lane_index], bounds[lane_index + 1]
        idx = events[lo:hi]
        if stack_each:
            rows = _stack_rows(catalog.start_year[idx], catalog.end_year[idx], min_span)
        else:
            rows = np.arange(hi - lo, dtype=np.int64) % MAX_ROWS_PER_LANE
        used = int(rows.max()) + 1 if len(rows) else 1
        key = keys[code]
        color = catalog.theme_colors.get(key, _NEUTRAL) if group_by == "theme" else _NEUTRAL
        lanes.append(Lane(key, names.get(key, key) if key else "(none)", color, first_row, used))
        row[lo:hi] = rows + first_row
        first_row += used
    return TimelineLayout(lanes, events, lane.astype(np.int32), row, catalog.start_year[events],
                          catalog.end_year[events])


def _stack_rows(starts: np.ndarray, ends: np.ndarray, min_span: float) -> np.ndarray:
    rows = np.zeros(len(starts), dtype=np.int64)
    free_at = [-np.inf] * MAX_ROWS_PER_LANE
    for k, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        target = next((r for r, t in enumerate(free_at) if t <= start), None)
        if target is None:
            target = int(np.argmin(free_at))
        rows[k] = target
        free_at[target] = max(end, start + min_span)
    return rows


def label_room(x_px: np.ndarray, rows: np.ndarray, right_px: float, gap: float = 8.0) -> np.ndarray:
    """Pixels free to the right of each mark before the next mark in its row (or the view's edge).

    A label longer than its room is shortened or hidden, so labels never overlap.
    """
    room = np.full(len(x_px), float(right_px), dtype=float) - x_px
    if not len(x_px):
        return room
    order = np.lexsort((x_px, rows))
    sorted_rows = rows[order]
    sorted_x = x_px[order]
    same_row_next = np.r_[sorted_rows[1:] == sorted_rows[:-1], False]
    next_x = np.r_[sorted_x[1:], right_px]
    limit = np.where(same_row_next, next_x - sorted_x - gap, right_px - sorted_x)
    room[order] = limit
    return room
