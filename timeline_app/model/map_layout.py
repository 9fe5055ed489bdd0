"""Where the map's marks and names go on screen: sizes, marks apart, names that do not overlap. No Qt.

Everything here is in device pixels, computed from arrays, so the window and a picture
export lay out the map alike.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MIN_RADIUS = 4.0
MAX_RADIUS = 20.0
EMPTY_RADIUS = 3.0
MAX_LABELS = 24
LABEL_GAP = 3.0
MUST_LABEL = 3  # the busiest places are named even where a name must cover a mark


def mark_radii(counts: np.ndarray, largest: int | None = None) -> np.ndarray:
    """Pixel radius per place: area grows with the count, the busiest place gets :data:`MAX_RADIUS`.

    A place with nothing shown gets :data:`EMPTY_RADIUS` (drawn faded).
    """
    counts = np.asarray(counts, dtype=float)
    top = float(largest if largest is not None else counts.max(initial=0))
    if top <= 0:
        return np.full(len(counts), EMPTY_RADIUS)
    radii = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * np.sqrt(np.clip(counts, 0, None) / top)
    return np.where(counts > 0, radii, EMPTY_RADIUS)


def dodge(x: np.ndarray, y: np.ndarray, r: np.ndarray, order: np.ndarray, near: float = 4.0, gap: float = 2.0
          ) -> tuple[np.ndarray, np.ndarray]:
    """Move apart marks that fall within ``near`` pixels of one another, so each can be seen and clicked.

    Marks are taken in ``order`` (the largest first); one that lands on a mark already placed
    moves beside it: to the right, then below, left, above and the diagonals.
    """
    x, y = np.array(x, dtype=float), np.array(y, dtype=float)
    cell = 2 * near
    grid: dict[tuple[int, int], list[int]] = {}
    guests: dict[int, int] = {}  # per host, how many marks moved beside it
    directions = ((1, 0), (0, 1), (-1, 0), (0, -1), (0.7, 0.7), (-0.7, 0.7), (-0.7, -0.7), (0.7, -0.7))
    for k in order.tolist():
        cx, cy = int(x[k] // cell), int(y[k] // cell)
        host = next((h for dx in (-1, 0, 1) for dy in (-1, 0, 1) for h in grid.get((cx + dx, cy + dy), ())
                     if abs(x[h] - x[k]) < near and abs(y[h] - y[k]) < near), None)
        if host is not None:
            step = guests.get(host, 0)
            guests[host] = step + 1
            dx, dy = directions[step % len(directions)]
            distance = r[host] + r[k] + gap + (step // len(directions)) * (2 * r[k] + gap)
            x[k], y[k] = x[host] + dx * distance, y[host] + dy * distance
        grid.setdefault((int(x[k] // cell), int(y[k] // cell)), []).append(k)
    return x, y


def place_labels(x: np.ndarray, y: np.ndarray, r: np.ndarray, widths: np.ndarray, height: float,
                 order: np.ndarray, frame: tuple[float, float, float, float], limit: int = MAX_LABELS,
                 obstacles: np.ndarray | None = None, reserved: Sequence[tuple[float, float, float, float]] = (),
                 must: int = MUST_LABEL) -> list[tuple[int, float, float]]:
    """Names that fit: ``(index, left, top)`` for the places in ``order`` (most events first).

    A name goes right of its mark, else left, above or below; it never overlaps another name,
    another mark, or leaves ``frame`` (left, top, right, bottom). Marks in ``obstacles``
    (indices) are kept clear; by default all marks in ``order``. ``reserved`` rectangles (left, top,
    right, bottom) take no name either. The first ``must`` places get their name even over other
    marks (the spot covering fewest), as long as it overlaps no other name.
    """
    left_f, top_f, right_f, bottom_f = frame
    # Plain Python over a few dozen marks: numpy's cost per call is more than the work here.
    xs, ys, rs = x.tolist(), y.tolist(), r.tolist()
    blockers = [(int(b), xs[b] - rs[b], ys[b] - rs[b], xs[b] + rs[b], ys[b] + rs[b])
                for b in (order if obstacles is None else obstacles).tolist()]
    taken = [tuple(float(v) for v in box) for box in reserved]
    chosen: list[tuple[int, float, float]] = []
    for rank, k in enumerate(order.tolist()):
        if len(chosen) >= limit:
            break
        w, h, radius, xk, yk = float(widths[k]), height, rs[k], xs[k], ys[k]
        spots = ((xk + radius + LABEL_GAP, yk - h / 2), (xk - radius - LABEL_GAP - w, yk - h / 2),
                 (xk - w / 2, yk - radius - LABEL_GAP - h), (xk - w / 2, yk + radius + LABEL_GAP))
        best: tuple[int, float, float] | None = None  # fewest marks covered, for the busiest places
        for left, top in spots:
            right, bottom = left + w, top + h
            if left < left_f or top < top_f or right > right_f or bottom > bottom_f:
                continue
            if any(t0 < right and t2 > left and t1 < bottom and t3 > top for t0, t1, t2, t3 in taken):
                continue
            covered = sum(1 for b, b0, b1, b2, b3 in blockers
                          if b0 < right and b2 > left and b1 < bottom and b3 > top and b != k)
            if best is None or covered < best[0]:
                best = (covered, left, top)
            if covered == 0:
                break
        if best is not None and (best[0] == 0 or rank < must):
            chosen.append((k, best[1], best[2]))
            taken.append((best[1], best[2], best[1] + w, best[2] + h))
    return chosen
