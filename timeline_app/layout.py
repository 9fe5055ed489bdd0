"""Timeline layout maths: lanes, rows within lanes, and which labels fit. No Qt here.

Everything works on numpy arrays so the same code serves ten events and a million.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline_app.catalog import EventCatalog

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


def _memberships(catalog: EventCatalog, group_by: str) -> tuple[list[tuple[str, ...]], dict[str, str]]:
    if group_by == "place":
        return catalog.places, catalog.place_names
    if group_by == "reviewer":
        return catalog.sources, catalog.source_names
    return catalog.themes, catalog.theme_names


def lay_out(catalog: EventCatalog, mask: np.ndarray, group_by: str = "theme", min_span: float = 0.9) -> TimelineLayout:
    """Put the events ``mask`` selects into lanes grouped by ``group_by``, stacked so marks rarely touch.

    Within a lane, each mark takes the first row whose previous mark ended ``min_span``
    years before it starts (so short events that are close in time stack rather than
    overlap), up to :data:`MAX_ROWS_PER_LANE` rows.
    """
    members, names = _memberships(catalog, group_by)
    chosen = np.flatnonzero(mask)
    by_lane: dict[str, list[int]] = {}
    for i in chosen:
        for key in members[i] or ("",):
            by_lane.setdefault(key, []).append(int(i))
    keys = sorted(by_lane, key=lambda k: (k == "", names.get(k, k).lower()))
    lanes: list[Lane] = []
    event_parts, lane_parts, row_parts = [], [], []
    first_row = 0
    for lane_index, key in enumerate(keys):
        idx = np.asarray(by_lane[key], dtype=np.int64)  # already in start order: the catalog is sorted
        rows = _stack_rows(catalog.start_year[idx], catalog.end_year[idx], min_span)
        used = int(rows.max()) + 1 if len(rows) else 1
        color = catalog.theme_colors.get(key, _NEUTRAL) if group_by == "theme" else _NEUTRAL
        name = names.get(key, key) if key else "(none)"
        lanes.append(Lane(key, name, color, first_row, used))
        event_parts.append(idx)
        lane_parts.append(np.full(len(idx), lane_index, dtype=np.int32))
        row_parts.append(rows + first_row)
        first_row += used
    if event_parts:
        event = np.concatenate(event_parts)
        lane = np.concatenate(lane_parts)
        row = np.concatenate(row_parts)
    else:
        event = np.zeros(0, dtype=np.int64)
        lane = np.zeros(0, dtype=np.int32)
        row = np.zeros(0, dtype=np.int64)
    return TimelineLayout(lanes, event, lane, row, catalog.start_year[event], catalog.end_year[event])


def _stack_rows(starts: np.ndarray, ends: np.ndarray, min_span: float) -> np.ndarray:
    rows = np.zeros(len(starts), dtype=np.int64)
    if len(starts) > 20_000:
        # Too many to stack one by one: spread round-robin, which is what density drawing needs.
        return np.arange(len(starts), dtype=np.int64) % MAX_ROWS_PER_LANE
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
