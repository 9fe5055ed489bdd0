"""At the deepest zoom of a crowded store the lanes are density strips: a click still picks an event there."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication

from conftest import build_small_store, event_entry
from timeline_app.gui import mark_painter
from timeline_app.gui.main_window import MainWindow


@pytest.fixture
def crowded(qtbot, tmp_path: Path, monkeypatch) -> MainWindow:
    """A window whose lanes are strips even at the deepest zoom (as a million-event store's are)."""
    store = build_small_store(tmp_path, event_entry("before", "1962-06-01") + event_entry("after", "1962-06-03"))
    monkeypatch.setattr(mark_painter, "DENSITY_LIMIT", 0)
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_store(store, quiet=True)
    window.timeline.set_view_range(1962.4082, 1962.4219)  # 30 May to 4 June 1962: a few days
    window.timeline.plot.grab()
    assert window.timeline.items.painted.density is not None  # strips, not marks
    return window


def _point_of(window: MainWindow, event_id: str, shift_px: float = 0.0) -> QPoint:
    """The middle of the event's day in its row of the protest lane, on the viewport (where its mark would be)."""
    QApplication.processEvents()  # a selection fills the panes below: let the layout settle first
    window.timeline.plot.grab()  # and paint the timeline as it is now
    layout = window.timeline.layout_
    index = window.state.catalog.index_of[event_id]
    protest = next(k for k, lane in enumerate(layout.lanes) if lane.key == "protest")
    mark = np.flatnonzero((layout.event == index) & (layout.lane == protest))[0]
    device = window.timeline.items.painted.density
    middle = device.x((layout.x0[mark] + layout.x1[mark]) / 2)
    return QPoint(int(middle + shift_px), int(device.y(layout.row[mark] + 0.5)))


def test_a_click_on_a_strip_selects_the_nearest_event_of_that_row(crowded: MainWindow, qtbot) -> None:
    viewport = crowded.timeline.plot.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_point_of(crowded, "after", shift_px=60))
    assert crowded.state.selection == "after"
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_point_of(crowded, "before", shift_px=-62))
    assert crowded.state.selection == "before"
    table = crowded.table
    assert table.currentIndex().data(Qt.ItemDataRole.UserRole + 2) == "before"


def test_a_click_on_an_empty_stretch_of_a_strip_selects_nothing(crowded: MainWindow, qtbot) -> None:
    point = _point_of(crowded, "before")
    device = crowded.timeline.items.painted.density
    far = QPoint(int(device.x(1962.4096)), point.y())  # 30 May, a day and a half before the first event
    qtbot.mouseClick(crowded.timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert crowded.state.selection is None
    late = QPoint(int(device.x(1962.4186)), point.y())  # most of a day after that event's day is over
    qtbot.mouseClick(crowded.timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=late)
    assert crowded.state.selection is None


def test_the_selected_event_is_marked_on_the_strips_and_the_overview(crowded: MainWindow, qtbot) -> None:
    viewport = crowded.timeline.plot.viewport()
    point = _point_of(crowded, "after")
    before = viewport.grab().toImage()
    crowded.state.select("after")
    crowded.timeline.plot.grab()
    after = viewport.grab().toImage()
    ratio = after.devicePixelRatio()
    changed = [(x, y) for x in range(point.x() - 14, point.x() + 15) for y in range(point.y() - 14, point.y() + 15)
               if before.pixel(int(x * ratio), int(y * ratio)) != after.pixel(int(x * ratio), int(y * ratio))]
    assert len(changed) > 20  # an outline drawn around the event on its strip
    far = QPoint(point.x() - 300, point.y())
    assert before.pixel(int(far.x() * ratio), int(far.y() * ratio)) == after.pixel(int(far.x() * ratio),
                                                                                     int(far.y() * ratio))
    marker = crowded.timeline.overview_selected
    assert marker.isVisible()
    assert marker.value() == pytest.approx(crowded.state.catalog.start_year[crowded.state.catalog.index_of["after"]])
    crowded.state.select(None)
    assert not marker.isVisible()
