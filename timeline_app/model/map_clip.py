"""Cut outlines to a rectangle, as arrays: vector pictures (SVG) do not honour a painter's clip. No Qt.

Rings to fill are clipped by Sutherland-Hodgman (a ring stays one ring; where it leaves the
rectangle it runs along the edge, which a fill without a pen does not show); lines to stroke
by Liang-Barsky, split where they leave the rectangle.
"""

from __future__ import annotations

import numpy as np

Rect = tuple[float, float, float, float]  # left, top, right, bottom


def clip_ring(ring: np.ndarray, rect: Rect) -> np.ndarray | None:
    """The part of the closed ``ring`` ((n, 2) points) inside ``rect``, or None when nothing is."""
    left, top, right, bottom = rect
    points = ring[:-1] if len(ring) > 1 and (ring[0] == ring[-1]).all() else ring
    xs, ys = points[:, 0], points[:, 1]
    if xs.min() >= left and xs.max() <= right and ys.min() >= top and ys.max() <= bottom:
        return points
    if xs.max() < left or xs.min() > right or ys.max() < top or ys.min() > bottom:
        return None
    for axis, limit, keep_above in ((0, left, True), (0, right, False), (1, top, True), (1, bottom, False)):
        if len(points) < 3:
            return None
        points = _clip_side(points, axis, limit, keep_above)
    return points if len(points) >= 3 else None


def _clip_side(points: np.ndarray, axis: int, limit: float, keep_above: bool) -> np.ndarray:
    following = np.roll(points, -1, axis=0)
    inside = points[:, axis] >= limit if keep_above else points[:, axis] <= limit
    inside_next = np.roll(inside, -1)
    delta = following[:, axis] - points[:, axis]
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(delta != 0, (limit - points[:, axis]) / delta, 0.0)
    crossing = points + t[:, None] * (following - points)
    # For each edge: where it crosses, the crossing; where it ends inside, its end (after any crossing).
    first = np.where((inside != inside_next)[:, None], crossing, following)
    first_valid = inside | inside_next
    second_valid = ~inside & inside_next
    out = np.stack([first, following], axis=1).reshape(-1, 2)
    valid = np.stack([first_valid, second_valid], axis=1).ravel()
    return out[valid]


def clip_line(line: np.ndarray, rect: Rect) -> list[np.ndarray]:
    """The pieces of the polyline ``line`` ((n, 2) points) inside ``rect``."""
    left, top, right, bottom = rect
    if len(line) < 2:
        return []
    xs, ys = line[:, 0], line[:, 1]
    if xs.min() >= left and xs.max() <= right and ys.min() >= top and ys.max() <= bottom:
        return [line]
    if xs.max() < left or xs.min() > right or ys.max() < top or ys.min() > bottom:
        return []
    start, end = line[:-1], line[1:]
    d = end - start
    t0, t1 = np.zeros(len(d)), np.ones(len(d))
    rejected = np.zeros(len(d), dtype=bool)
    for p, q in ((-d[:, 0], start[:, 0] - left), (d[:, 0], right - start[:, 0]),
                 (-d[:, 1], start[:, 1] - top), (d[:, 1], bottom - start[:, 1])):
        parallel = p == 0
        rejected |= parallel & (q < 0)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            r = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        t0 = np.where(~parallel & (p < 0), np.maximum(t0, r), t0)
        t1 = np.where(~parallel & (p > 0), np.minimum(t1, r), t1)
    kept = ~rejected & (t0 <= t1)
    if not kept.any():
        return []
    a, b = start + t0[:, None] * d, start + t1[:, None] * d
    # A piece goes on while each kept segment starts where the last one ended, unclipped.
    joined = np.r_[False, kept[:-1] & kept[1:] & (t1[:-1] >= 1) & (t0[1:] <= 0)]
    following = np.r_[joined[1:], False]
    starts, ends = np.flatnonzero(kept & ~joined), np.flatnonzero(kept & ~following)
    return [np.vstack([a[s:s + 1], b[s:e + 1]]) for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
