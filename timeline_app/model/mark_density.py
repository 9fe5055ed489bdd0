"""How many marks start in each pixel column of each row: the timeline's density strips, in numpy. No Qt.

When a view holds more marks than can be told apart, each lane row is drawn as a strip whose
shade says how many marks start under each pixel. The first frame of a layout counts the
marks in view directly (one pass over them); from a second view on, a table of running counts
over fine time bins, made once per layout and kept in its cache, answers each frame with a
lookup per pixel column, whatever the number of marks, so a zoom stays smooth.
"""

from __future__ import annotations

import threading

import numpy as np

from timeline_app.model.layout import TimelineLayout

BINS_PER_YEAR = 730  # two per day
MAX_BINS = 400_000


class MarkDensity:
    """Density counts of one layout's marks."""

    def __init__(self, layout: TimelineLayout, ahead_above: int | None = None, direct_up_to: int = 0) -> None:
        """``ahead_above``: for layouts of more marks than this, the table is made on a thread as
        soon as the first frame is counted, so the first step of a zoom finds it ready.
        ``direct_up_to``: layouts of this many marks or fewer are counted directly at every view
        and get no table (a pass over 400,000 marks costs a millisecond or two; making the table
        costs several, beside the window's own work just after a filter changes)."""
        self.layout = layout
        self.direct_up_to = direct_up_to
        self._asked = False  # the table is built when a second view asks for counts
        self.ahead = ahead_above is not None and len(layout.x0) > ahead_above
        self.making: threading.Thread | None = None

    def counts(self, left: float, right: float, width: int) -> np.ndarray:
        """Marks starting in each of ``width`` equal columns of the years ``left``..``right``, per row."""
        if "density" not in self.layout.cache and (not self._asked or len(self.layout.x0) <= self.direct_up_to):
            # These lanes' first frame (a filter or a search just changed them), or few enough marks:
            # one pass over those in view costs less than the table, which pays off only over the
            # frames of a zoom through very many marks.
            first, self._asked = not self._asked, True
            counted = self._counted_directly(left, right, width)
            if first and self.ahead:
                self.making = threading.Thread(target=self.table, daemon=True, name="density-table")
                self.making.start()
            return counted
        cumulative, low, step = self.table()
        edges = left + (np.arange(width + 1) / width) * (right - left)
        at = np.clip(np.ceil((edges - low) / step - 1e-9).astype(np.int64), 0, cumulative.shape[1] - 1)
        return np.diff(cumulative[:, at], axis=1)

    def table(self) -> tuple[np.ndarray, float, float]:
        """Cumulative mark counts per row over fine time bins (made once per layout), the first bin's
        year and the bins' width in years."""
        if "density" not in self.layout.cache:
            lay = self.layout
            low, high = float(lay.x0.min()), float(lay.x0.max()) + 1e-6
            bins = int(min(BINS_PER_YEAR * (high - low) + 1, MAX_BINS))
            step = (high - low) / bins
            column = np.minimum(((lay.x0 - low) / step).astype(np.int64), bins - 1)
            counts = np.bincount(lay.row.astype(np.int64) * bins + column, minlength=lay.total_rows * bins)
            cumulative = np.zeros((lay.total_rows, bins + 1), dtype=np.int32)  # half the memory; counts fit
            np.cumsum(counts.reshape(lay.total_rows, bins), axis=1, out=cumulative[:, 1:])
            # One assignment: a frame asking meanwhile makes its own table, never sees half of one.
            self.layout.cache.setdefault("density", (cumulative, low, step))
        return self.layout.cache["density"]

    def _counted_directly(self, left: float, right: float, width: int) -> np.ndarray:
        lay = self.layout
        lo, hi = int(np.searchsorted(lay.x0, left, side="left")), int(np.searchsorted(lay.x0, right, side="right"))
        column = ((lay.x0[lo:hi] - left) * (width / (right - left))).astype(np.int64)
        np.clip(column, 0, width - 1, out=column)
        cells = np.bincount(lay.row[lo:hi].astype(np.int64) * width + column, minlength=lay.total_rows * width)
        return cells.reshape(lay.total_rows, width)
