"""Marks on the map are sized by their counts, kept apart, and named without names overlapping."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.model.map_layout import EMPTY_RADIUS, MAX_RADIUS, MUST_LABEL, dodge, mark_radii, place_labels


def test_area_grows_with_the_count_and_the_busiest_is_largest() -> None:
    radii = mark_radii(np.array([0, 1, 4, 16]))
    assert radii[0] == EMPTY_RADIUS and radii[3] == MAX_RADIUS
    assert radii[1] < radii[2] < radii[3]
    base = radii[1] - (radii[2] - radii[1])  # equal steps in the square root of the count
    assert radii[3] - base == 4 * (radii[1] - base)  # sixteen times the area: four times the radius
    assert mark_radii(np.zeros(3)).tolist() == [EMPTY_RADIUS] * 3


def test_marks_on_the_same_spot_move_apart_and_the_largest_stays() -> None:
    x, y = np.array([100.0, 100.0, 100.5, 300.0]), np.array([50.0, 50.0, 50.0, 50.0])
    r = np.array([12.0, 5.0, 4.0, 6.0])
    nx, ny = dodge(x, y, r, np.array([0, 1, 2, 3]))
    assert (nx[0], ny[0]) == (100.0, 50.0) and (nx[3], ny[3]) == (300.0, 50.0)
    for a, b in ((0, 1), (0, 2), (1, 2)):
        assert np.hypot(nx[a] - nx[b], ny[a] - ny[b]) >= r[a] + r[b] - 1e-9


@st.composite
def scenes(draw):
    n = draw(st.integers(0, 40))
    xs = draw(st.lists(st.floats(0, 400), min_size=n, max_size=n))
    ys = draw(st.lists(st.floats(0, 300), min_size=n, max_size=n))
    counts = draw(st.lists(st.integers(0, 50), min_size=n, max_size=n))
    widths = draw(st.lists(st.floats(20, 160), min_size=n, max_size=n))
    return np.array(xs), np.array(ys), np.array(counts), np.array(widths)


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@settings(max_examples=150, deadline=None)
@given(scenes())
def test_names_never_overlap_each_other_nor_leave_the_frame(scene) -> None:
    x, y, counts, widths = scene
    r = mark_radii(counts)
    order = np.flatnonzero(counts > 0)
    order = order[np.argsort(-counts[order], kind="stable")]
    frame = (0.0, 0.0, 400.0, 300.0)
    reserved = [(0.0, 250.0, 120.0, 300.0)]
    spots = place_labels(x, y, r, widths, 14.0, order, frame, reserved=reserved)
    boxes = [(left, top, left + widths[k], top + 14.0) for k, left, top in spots]
    assert len({k for k, _l, _t in spots}) == len(spots)
    for n, box in enumerate(boxes):
        assert frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1] and box[3] <= frame[3]
        assert not overlap(box, reserved[0])
        assert not any(overlap(box, other) for other in boxes[n + 1:])
    # beyond the busiest few, a name covers no other mark
    rank = {k: n for n, k in enumerate(order.tolist())}
    for (k, _left, _top), box in zip(spots, boxes, strict=True):
        if rank[k] >= MUST_LABEL:
            for j in order.tolist():
                if j != k:
                    assert not overlap(box, (x[j] - r[j], y[j] - r[j], x[j] + r[j], y[j] + r[j]))


def test_the_busiest_places_are_named_first() -> None:
    x, y = np.array([100.0, 130.0, 300.0]), np.array([100.0, 100.0, 100.0])
    r = np.array([10.0, 5.0, 5.0])
    spots = place_labels(x, y, r, np.array([60.0, 60.0, 60.0]), 14.0, np.array([0, 1, 2]), (0, 0, 400, 300))
    assert [k for k, _l, _t in spots][:1] == [0]
    assert {k for k, _l, _t in spots} == {0, 1, 2}
    assert place_labels(x, y, r, np.array([60.0] * 3), 14.0, np.array([0, 1, 2]), (0, 0, 400, 300), limit=1) \
        == spots[:1]


def _numpy_place_labels(x: np.ndarray, y: np.ndarray, r: np.ndarray, widths: np.ndarray, height: float,
                 order: np.ndarray, frame: tuple[float, float, float, float], limit: int = 24,
                 obstacles: np.ndarray | None = None, reserved: Sequence[tuple[float, float, float, float]] = (),
                 must: int = MUST_LABEL) -> list[tuple[int, float, float]]:
    # As first written, in numpy; the window now does it in plain Python, which must agree.
    left_f, top_f, right_f, bottom_f = frame
    blockers = order if obstacles is None else obstacles
    bx0, by0 = x[blockers] - r[blockers], y[blockers] - r[blockers]
    bx1, by1 = x[blockers] + r[blockers], y[blockers] + r[blockers]
    taken = np.array(list(reserved), dtype=float).reshape(-1, 4)
    chosen: list[tuple[int, float, float]] = []
    for rank, k in enumerate(order.tolist()):
        if len(chosen) >= limit:
            break
        w, h, radius = float(widths[k]), height, float(r[k])
        spots = ((x[k] + radius + 3.0, y[k] - h / 2), (x[k] - radius - 3.0 - w, y[k] - h / 2),
                 (x[k] - w / 2, y[k] - radius - 3.0 - h), (x[k] - w / 2, y[k] + radius + 3.0))
        best: tuple[float, float, float] | None = None  # fewest marks covered, for the busiest places
        for left, top in spots:
            right, bottom = left + w, top + h
            if left < left_f or top < top_f or right > right_f or bottom > bottom_f:
                continue
            if ((taken[:, 0] < right) & (taken[:, 2] > left) & (taken[:, 1] < bottom) & (taken[:, 3] > top)).any():
                continue
            covered = int(((bx0 < right) & (bx1 > left) & (by0 < bottom) & (by1 > top) & (blockers != k)).sum())
            if best is None or covered < best[0]:
                best = (covered, left, top)
            if covered == 0:
                break
        if best is not None and (best[0] == 0 or rank < must):
            chosen.append((k, best[1], best[2]))
            taken = np.vstack([taken, [best[1], best[2], best[1] + w, best[2] + h]])
    return chosen



@settings(max_examples=200, deadline=None)
@given(scenes(), st.integers(0, 4), st.integers(1, 30), st.booleans())
def test_names_go_where_the_numpy_rule_put_them(scene, must, limit, all_obstacles) -> None:
    x, y, counts, widths = scene
    r = mark_radii(counts)
    order = np.flatnonzero(counts > 0)
    order = order[np.argsort(-counts[order], kind="stable")]
    obstacles = None if all_obstacles else np.arange(len(x))
    args = (x, y, r, widths, 14.0, order, (0.0, 0.0, 400.0, 300.0))
    options = {"limit": limit, "obstacles": obstacles, "reserved": [(0.0, 250.0, 120.0, 300.0)], "must": must}
    assert place_labels(*args, **options) == _numpy_place_labels(*args, **options)
