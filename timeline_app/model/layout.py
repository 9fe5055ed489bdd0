"""Timeline layout maths: lanes, rows within lanes, and which labels fit. No Qt here.

Everything works on numpy arrays so the same code serves ten events and a million.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline_app.model.catalog import EventCatalog
from timeline_app.store.membership import Membership

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
        if len(self.x0) > 1 and not np.all(self.x0[1:] >= self.x0[:-1]):
            order = np.argsort(self.x0, kind="stable")
            for name in ("event", "lane", "row", "x0", "x1"):
                setattr(self, name, getattr(self, name)[order])
        self.longest = float((self.x1 - self.x0).max()) if len(self.x0) else 0.0
        self.cache: dict = {}  # drawing aids derived from this layout (density tables), kept with it

    def count_starting(self, left: float, right: float) -> int:
        """How many marks start within ``left``..``right`` (two binary searches, no pass over marks)."""
        return int(np.searchsorted(self.x0, right, side="right") - np.searchsorted(self.x0, left, side="left"))

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

    def events_drawn(self) -> int:
        """How many events the marks draw (an event in two lanes counts once)."""
        if "events_drawn" not in self.cache:  # lay_out knows it; a mask pass otherwise (np.unique: seconds at 1M)
            seen = np.zeros(int(self.event.max()) + 1 if len(self.event) else 0, dtype=bool)
            seen[self.event] = True
            self.cache["events_drawn"] = int(np.count_nonzero(seen))
        return self.cache["events_drawn"]

    @property
    def total_rows(self) -> int:
        """Rows in all lanes together."""
        return sum(lane.rows for lane in self.lanes) or 1


_NEUTRAL = "#8c8c8c"
#: The lane that holds the film's scenes, whatever the grouping; a key no theme, place or source can have.
FILM_LANE = "film:scenes"
FILM_LANE_NAME = "Film scenes (not history)"
FILM_COLOR = "#7b5ea7"
FILM_CODE = 1  # the film layer's code in the timeline arrays
#: The lane of events with no theme (or place, or reviewer): a user's own events need none.
UNSORTED_LANE_NAME = "Unsorted"


def _membership(catalog: EventCatalog, group_by: str) -> tuple[Membership, dict[str, str]]:
    a = catalog.arrays
    if group_by == "place":
        return a.places, catalog.place_names
    if group_by == "reviewer":
        return a.sources, catalog.source_names
    return a.themes, catalog.theme_names


#: Up to this many marks, rows are stacked one by one; past it they are spread evenly (fast, and
#: at that density the timeline draws lanes as density strips anyway).
STACK_LIMIT = 50_000


def _all_marks(catalog: EventCatalog, group_by: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Every (event, lane code, row in lane) of a grouping, unfiltered, in start order; cached per catalog.

    Stacking once for the whole store keeps a filter change cheap and keeps marks where
    they were when other events are filtered out.
    """
    cache = catalog.__dict__.setdefault("_stacking", {})
    if group_by in cache:
        return cache[group_by]
    members, _names = _membership(catalog, group_by)
    events, codes = members.event, members.value.astype(np.int64)
    keys = list(members.keys)
    orphans = np.flatnonzero(members.per_event() == 0)
    film = np.asarray(catalog.arrays.layer) == FILM_CODE
    if film.any():
        # Scenes of the film are drawn apart from the record, in a lane of their own.
        keep = ~film[events]
        events, codes = events[keep], codes[keep]
        orphans = orphans[~film[orphans]]
    extra = [("", orphans), (FILM_LANE, np.flatnonzero(film))]
    for key, added in extra:
        if len(added):
            keys.append(key)
            events = np.concatenate([events, added])
            codes = np.concatenate([codes, np.full(len(added), len(keys) - 1, dtype=np.int64)])
    if len(events) > 1 and not np.all(events[1:] >= events[:-1]):
        order = np.argsort(events, kind="stable")
        events, codes = events[order], codes[order]
    if len(events) <= STACK_LIMIT:
        rows = np.zeros(len(events), dtype=np.int64)
        for code in np.flatnonzero(np.bincount(codes)).tolist():  # np.unique would load numpy.ma (50 ms) at startup
            at = np.flatnonzero(codes == code)
            rows[at] = _stack_rows(catalog.start_year[events[at]], catalog.end_year[events[at]], STACK_SPAN)
    else:
        rows = events % MAX_ROWS_PER_LANE
    # 32 bits are plenty for positions, lane codes and rows, and halve what a million marks keep.
    cache[group_by] = (events.astype(np.int32), codes.astype(np.int32), rows.astype(np.int32), keys)
    return cache[group_by]


#: Short events closer than this (in years) share no row of their lane.
STACK_SPAN = 0.9


def lay_out(catalog: EventCatalog, mask: np.ndarray, group_by: str = "theme") -> TimelineLayout:
    """Put the events ``mask`` selects into lanes grouped by ``group_by``, stacked so marks rarely touch.

    An event with two themes (or places, or reviewers) is drawn in both lanes; one with
    none goes to the lane "Unsorted" (:data:`UNSORTED_LANE_NAME`). Rows come from :func:`_all_marks`;
    rows a filter leaves empty are closed up, so a lane is never taller than what it shows.
    """
    everything = bool(mask.all())
    full = catalog.__dict__.setdefault("_full_layouts", {})
    if everything and group_by in full:
        return full[group_by]  # unfiltered: the same lanes as last time, density tables and all
    _members, names = _membership(catalog, group_by)
    all_events, all_codes, all_rows, keys = _all_marks(catalog, group_by)
    chosen = np.flatnonzero(mask.take(all_events))  # once: three boolean selections would each find them again
    events, codes, rows_in_lane = all_events.take(chosen), all_codes.take(chosen), all_rows.take(chosen)
    present = np.flatnonzero(np.bincount(codes, minlength=len(keys)))
    ordered = sorted(present.tolist(), key=lambda c: (keys[c] == FILM_LANE, keys[c] == "",
                                                      names.get(keys[c], keys[c]).lower()))
    lane_of_code = np.full(len(keys), -1, dtype=np.int64)
    lane_of_code[ordered] = np.arange(len(ordered))
    lane = lane_of_code[codes]
    # Close up rows that no shown mark uses: rank the used rows of each lane.
    cells = max(len(ordered), 1) * MAX_ROWS_PER_LANE
    used_rows = (np.bincount(lane * MAX_ROWS_PER_LANE + rows_in_lane, minlength=cells) > 0).reshape(
        -1, MAX_ROWS_PER_LANE)
    if not used_rows[:len(ordered)].all():  # skip the remap when every row is used (the common big case)
        rank = np.cumsum(used_rows, axis=1) - 1
        rows_in_lane = rank[lane, rows_in_lane]
    used = np.maximum(used_rows.sum(axis=1), 1)[:len(ordered)]
    first_rows = np.concatenate([[0], np.cumsum(used)[:-1]]).astype(np.int32)
    lanes = []
    for lane_index, code in enumerate(ordered):
        key = keys[code]
        color = catalog.theme_colors.get(key, _NEUTRAL) if group_by == "theme" else _NEUTRAL
        name = names.get(key, key) if key else UNSORTED_LANE_NAME
        if key == FILM_LANE:
            color, name = FILM_COLOR, FILM_LANE_NAME
        lanes.append(Lane(key, name, color, int(first_rows[lane_index]), int(used[lane_index])))
    row = first_rows[lane] + rows_in_lane if len(lanes) else rows_in_lane
    layout = TimelineLayout(lanes, events, lane.astype(np.int32), row, catalog.start_year.take(events),
                            catalog.end_year.take(events))
    layout.cache["events_drawn"] = int(np.count_nonzero(mask))  # every event has a lane (Unsorted at least)
    if everything:
        full[group_by] = layout
    return layout


def _stack_rows(starts: np.ndarray, ends: np.ndarray, min_span: float) -> np.ndarray:
    """Greedy rows: each mark takes the first row free by its start, else the one free soonest."""
    rows = [0] * len(starts)
    free_at = [-np.inf] * MAX_ROWS_PER_LANE
    for k, (start, end) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        for target in range(MAX_ROWS_PER_LANE):
            if free_at[target] <= start:
                break
        else:
            target = free_at.index(min(free_at))
        rows[k] = target
        free_at[target] = max(end, start + min_span)
    return np.array(rows, dtype=np.int64)


def label_room(text_x: np.ndarray, lefts: np.ndarray, rows: np.ndarray, right_px: float,
               gap: float = 8.0) -> np.ndarray:
    """Pixels free for each label: from where it starts (``text_x``) to the left edge of the next
    mark in its row (``lefts``, in pixels) or the view's right edge.

    A label longer than its room is shortened or hidden, so labels never overlap a mark
    or each other.
    """
    room = np.full(len(text_x), float(right_px), dtype=float) - text_x
    if not len(text_x):
        return room
    order = np.lexsort((lefts, rows))
    sorted_rows = rows[order]
    same_row_next = np.r_[sorted_rows[1:] == sorted_rows[:-1], False]
    next_left = np.r_[lefts[order][1:], right_px]
    limit = np.where(same_row_next, next_left - text_x[order] - gap, right_px - text_x[order])
    room[order] = np.minimum(limit, right_px - text_x[order])
    return room
