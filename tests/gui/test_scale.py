"""The benchmark's store generator, and the timeline's switch between marks and density."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from conftest import ROOT
from timeline_app.store.check import store_problems, store_summary

sys.path.insert(0, str(ROOT / "bench"))
from synthetic import build_synthetic_store

from timeline_app.gui.mark_painter import DENSITY_LIMIT


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory) -> Path:
    return build_synthetic_store(tmp_path_factory.mktemp("bench") / "s.db", 6000, lanes=9)


def test_the_generator_makes_a_valid_store_with_clustered_dates(synthetic_store: Path) -> None:
    assert store_problems(synthetic_store) == []
    summary = store_summary(synthetic_store)
    assert "6000 events" in summary
    assert "Timeline index: current" in summary
    import sqlite3

    conn = sqlite3.connect(synthetic_store)
    years = np.array([r[0] for r in conn.execute("select start_year from events")])
    assert years.min() >= 1917 and years.max() < 1992
    in_1962 = ((years >= 1962) & (years < 1963)).sum()
    in_1975 = ((years >= 1975) & (years < 1976)).sum()
    assert in_1962 > 3 * in_1975  # history clusters: 1962 is busier than a quiet year
    lanes = conn.execute("select count(distinct theme_id) from event_themes").fetchone()[0]
    assert lanes == 9


def test_crowded_views_draw_density_and_close_views_draw_marks(qtbot, synthetic_store: Path, tmp_path: Path) -> None:
    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_store(synthetic_store, quiet=True)
    timeline = window.timeline
    timeline.home()
    timeline.plot.grab()
    layout = timeline.layout_
    assert layout.count_starting(1917, 1992) > DENSITY_LIMIT
    assert len(timeline.items.painted.events) == 0  # too many to tell apart: density strips
    painter = timeline.items.marks
    counts = painter.density_counts(1917.0, 1992.0, 500)
    inside = (layout.x0 >= 1917.0) & (layout.x0 <= 1992.0)
    assert counts.sum() == inside.sum()  # every mark lands in exactly one column
    per_row = np.bincount(layout.row[inside], minlength=layout.total_rows)
    assert np.array_equal(counts.sum(axis=1), per_row)
    from timeline_app.gui.mark_painter import MarkPainter

    fresh = MarkPainter(window.state.catalog, layout.__class__(layout.lanes, layout.event, layout.lane, layout.row,
                                                               layout.x0, layout.x1))
    first = fresh.density_counts(1917.0, 1992.0, 500)  # counted directly: a new layout's first frame
    assert first.sum() == inside.sum() and np.array_equal(first.sum(axis=1), per_row)
    # The table's columns differ only at their edges: marks on an edge may fall on either side of it.
    _pairs, sharing = np.unique(np.column_stack([layout.row, layout.x0]), axis=0, return_counts=True)
    assert np.abs(np.cumsum(first - counts, axis=1)).max() <= sharing.max()
    assert "density" not in layout.cache  # the window's 7,500 marks are counted directly at every frame
    fresh.density.direct_up_to = 0  # as a layout of more marks than DENSITY_AHEAD_ABOVE is counted:
    later = fresh.density_counts(1930.05, 1950.05, 400)  # a second view from the table
    assert "density" in fresh.layout.cache
    between = (layout.x0 >= 1930.05) & (layout.x0 <= 1950.05)
    assert later.sum() == between.sum()
    timeline.set_view_range(1962.40, 1962.43)
    timeline.plot.grab()
    visible = layout.marks_in(1962.40, 1962.43)
    assert 0 < len(visible) <= DENSITY_LIMIT
    assert sorted(timeline.items.painted.events.tolist()) == sorted(layout.event[visible].tolist())


def test_on_a_large_store_the_table_and_counts_follow_the_timeline(qtbot, synthetic_store: Path,
                                                                    tmp_path: Path) -> None:
    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_store(synthetic_store, quiet=True)
    state = window.state
    state.set_filter(state.filter.with_(themes=frozenset({"theme-2"})))
    expected = int(state.mask.sum())
    assert 0 < expected < len(state.catalog)
    qtbot.waitUntil(lambda: window.table.model().rowCount() == expected, timeout=3000)
    assert window.filters.shown.text() == f"Showing {expected:,} of {len(state.catalog):,} events"


def test_on_a_large_store_the_map_draws_its_outlines_after_the_timeline_s_first_frame(
        qtbot, synthetic_store: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor

    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    canvas = window.map_pane.canvas
    window.open_store(synthetic_store, quiet=True)
    first = canvas.grab().toImage()  # painted with the timeline's first frame: the sea alone
    sea = QColor(canvas.look.sea).rgb()
    assert canvas.outlines is None
    assert {first.pixel(x, y) for x in range(0, first.width(), 17) for y in range(0, first.height(), 17)} == {sea}
    qtbot.waitUntil(lambda: window.table.model().rowCount() > 0, timeout=5000)  # the lists follow…
    later = canvas.grab().toImage()  # …and the map with them: land, borders and the counts' marks
    assert canvas.outlines is not None and (canvas.marks is not None or "Counting" in canvas.caption)
    assert len({later.pixel(x, y) for x in range(0, later.width(), 17) for y in range(0, later.height(), 17)}) > 3


def test_work_waiting_for_the_timeline_s_next_frame_runs_once_after_it(qtbot, synthetic_store: Path,
                                                                       tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_store(synthetic_store, quiet=True)
    called: list[int] = []
    window.timeline.after_next_frame(lambda: called.append(1))
    QApplication.processEvents()
    assert called == []  # nothing painted yet: the window is not on screen
    window.timeline.plot.grab()
    qtbot.waitUntil(lambda: called == [1], timeout=3000)
    window.timeline.plot.grab()
    QApplication.processEvents()
    assert called == [1]
