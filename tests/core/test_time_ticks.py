"""The time axis adapts to the zoom and its labels never overlap."""

from __future__ import annotations

import pytest

from timeline_app.model.time_ticks import tick_label, tick_levels

CHAR_PX = 7  # a generous average width of a label character


@pytest.mark.parametrize(("low", "high", "unit"), [
    (1917, 1992, "year"), (1960, 1965, "year"), (1962.0, 1962.6, "month"), (1962.41, 1962.43, "day"),
])
def test_unit_follows_the_zoom(low: float, high: float, unit: str) -> None:
    major = tick_levels(low, high, 1000)[0]
    assert major.unit == unit
    assert len(major.values) >= 2


@pytest.mark.parametrize("span", [120, 75, 20, 5, 1, 0.3, 0.08, 0.02, 0.005])
@pytest.mark.parametrize("pixels", [500, 1000, 1800])
def test_major_labels_never_overlap(span: float, pixels: float) -> None:
    low, high = 1930.0, 1930.0 + span
    major = tick_levels(low, high, pixels)[0]
    xs = [(v - low) / span * pixels for v in major.values]
    widths = [len(tick_label(v, major.unit)) * CHAR_PX for v in major.values]
    for (x0, w0), (x1, w1) in zip(zip(xs, widths, strict=True), zip(xs[1:], widths[1:], strict=True), strict=False):
        assert x1 - x0 >= (w0 + w1) / 2, (span, pixels, major.unit)


def test_labels_read_as_dates() -> None:
    assert tick_label(1962.0, "year") == "1962"
    assert tick_label(1962 + 151 / 365, "month") == "Jun 1962"
    assert tick_label(1962 + 152 / 365, "day") == "2 Jun"
    assert tick_label(1962 + 151 / 365, "day") == "1 Jun 1962"
