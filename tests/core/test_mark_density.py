"""Density strips: marks per pixel column and row, counted directly for a layout's first frame, then by table."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_app.model.layout import Lane, TimelineLayout
from timeline_app.model.mark_density import MarkDensity


def layout_of(x0: list[float], rows: list[int], total_rows: int = 3) -> TimelineLayout:
    lanes = [Lane(f"l{r}", f"Lane {r}", "#000000", r, 1) for r in range(total_rows)]
    x = np.array(x0, dtype=float)
    return TimelineLayout(lanes, np.arange(len(x)), np.array(rows, dtype=np.int32), np.array(rows, dtype=np.int32),
                          x, x + 0.01)


def brute_force(layout: TimelineLayout, left: float, right: float, width: int) -> np.ndarray:
    out = np.zeros((layout.total_rows, width), dtype=np.int64)
    for x, row in zip(layout.x0.tolist(), layout.row.tolist(), strict=True):
        if left <= x <= right:
            out[row, min(int((x - left) / (right - left) * width), width - 1)] += 1
    return out


X0 = [1917.3, 1917.31, 1930.55, 1941.5, 1941.52, 1962.42, 1962.43, 1962.44, 1985.9, 1991.2]
ROWS = [0, 1, 2, 0, 0, 1, 1, 2, 0, 2]


@pytest.mark.parametrize(("left", "right", "width"), [(1917.0, 1992.0, 75), (1960.0, 1965.0, 10),
                                                      (1941.0, 1942.0, 4), (1800.0, 1900.0, 5),
                                                      (1941.5, 1962.42, 7)])  # marks on both edges
def test_the_first_view_counts_each_mark_in_view_once_in_its_column(left: float, right: float, width: int) -> None:
    layout = layout_of(sorted(X0), ROWS)
    density = MarkDensity(layout)
    assert np.array_equal(density.counts(left, right, width), brute_force(layout, left, right, width))
    assert "density" not in layout.cache  # no table for one frame


@pytest.mark.parametrize(("left", "right", "width"), [(1917.0, 1992.0, 75), (1960.0, 1965.0, 10),
                                                      (1941.0, 1942.0, 3)])
def test_later_views_count_from_a_table_made_once(left: float, right: float, width: int) -> None:
    layout = layout_of(sorted(X0), ROWS)
    density = MarkDensity(layout)
    density.counts(1900.0, 2000.0, 7)
    second = density.counts(left, right, width)
    assert "density" in layout.cache
    table = layout.cache["density"]
    assert np.array_equal(second, brute_force(layout, left, right, width))  # no mark on a column's edge here
    density.counts(1950.0, 1960.0, 3)
    assert layout.cache["density"] is table
    assert MarkDensity(layout).counts(left, right, width).tolist() == second.tolist()  # the layout keeps it


def test_a_table_s_bins_are_two_a_day_and_its_rows_are_the_layout_s() -> None:
    layout = layout_of(sorted(X0), ROWS)
    cumulative, low, step = MarkDensity(layout).table()
    assert low == pytest.approx(1917.3) and step == pytest.approx(1 / 730, rel=0.01)
    assert cumulative.shape[0] == 3 and cumulative[:, -1].tolist() == np.bincount(ROWS, minlength=3).tolist()


def test_a_big_layout_s_table_is_made_on_a_thread_after_its_first_frame() -> None:
    layout = layout_of(sorted(X0), ROWS)
    density = MarkDensity(layout, ahead_above=5)
    first = density.counts(1917.0, 1992.0, 75)
    assert density.making is not None
    density.making.join()
    assert "density" in layout.cache
    assert np.array_equal(density.counts(1917.0, 1992.0, 75), first)  # the same view from the table
    small = MarkDensity(layout_of(sorted(X0), ROWS), ahead_above=len(X0))
    small.counts(1917.0, 1992.0, 75)
    assert small.making is None and "density" not in small.layout.cache


def test_a_layout_of_few_enough_marks_is_counted_directly_at_every_view() -> None:
    layout = layout_of(sorted(X0), ROWS)
    density = MarkDensity(layout, ahead_above=len(X0), direct_up_to=len(X0))
    for left, right, width in ((1900.0, 2000.0, 7), (1917.0, 1992.0, 75), (1960.0, 1965.0, 10), (1941.0, 1942.0, 4)):
        assert np.array_equal(density.counts(left, right, width), brute_force(layout, left, right, width))
    assert "density" not in layout.cache and density.making is None  # no table made, here or on a thread
    more = MarkDensity(layout_of(sorted(X0), ROWS), direct_up_to=len(X0) - 1)
    more.counts(1900.0, 2000.0, 7)
    more.counts(1960.0, 1965.0, 10)
    assert "density" in more.layout.cache  # one mark more than that: a table from the second view on
