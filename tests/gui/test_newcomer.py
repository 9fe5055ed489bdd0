"""The window as a newcomer finds it: labels on their marks, bands that line up, tips that stay, views that hold."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtWidgets import QToolTip

from conftest import SHIPPED_STORE
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.mark_painter import MARKER_PX


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_store(SHIPPED_STORE, quiet=True)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    return win


def painted_at(window: MainWindow, low: float, high: float):
    window.timeline.set_view_range(low, high)
    window.timeline.plot.viewport().repaint()
    return window.timeline.items.painted


def mark_of(window: MainWindow, painted, event_id: str) -> int:
    return list(painted.events).index(window.state.catalog.index_of[event_id])


@pytest.mark.parametrize("low,high,event_id", [
    (1962.410, 1962.425, "novocherkassk-massacre"),  # day zoom: 2 June 1962 is about 150 px wide
    (1962.40, 1962.52, "novocherkassk-strike"),
])
def test_a_label_starts_right_after_its_own_mark(window: MainWindow, low: float, high: float, event_id: str) -> None:
    painted = painted_at(window, low, high)
    k = mark_of(window, painted, event_id)
    assert not np.isnan(painted.label_left[k]), "the event's label was left out"
    centre = (painted.left[k] + painted.right[k]) / 2
    assert 0 < painted.label_left[k] - centre <= MARKER_PX + 6


def test_an_event_known_to_the_month_is_labelled_when_zoomed_into_that_month(window: MainWindow) -> None:
    c = window.state.catalog
    month_only = [i for i in range(len(c)) if len(c.starts[i]) == 7 and not c.ends[i]]
    assert month_only
    index = month_only[0]
    start, end = float(c.start_year[index]), float(c.end_year[index])
    painted = painted_at(window, start - 0.01, end + 0.01)
    k = list(painted.events).index(index)
    assert not np.isnan(painted.label_left[k])
    assert painted.label_left[k] < window.timeline.plot.viewport().width()


def test_the_era_band_and_overview_share_the_plots_left_edge_whatever_the_lane_names(window: MainWindow) -> None:
    def x_of(plot, year: float) -> float:
        view = plot.getPlotItem().getViewBox()
        return plot.mapTo(window.timeline, plot.mapFromScene(view.mapViewToScene(QPointF(year, 0)))).x()

    for grouping in ("theme", "place", "reviewer", "theme"):
        window.state.set_grouping(grouping)
        window.timeline.set_view_range(1930, 1960)
        window.timeline.overview.setXRange(1930, 1960, padding=0)
        for year in (1930, 1945):
            assert x_of(window.timeline.band_plot, year) == pytest.approx(x_of(window.timeline.plot, year), abs=1.5)
            assert x_of(window.timeline.overview, year) == pytest.approx(x_of(window.timeline.plot, year), abs=1.5)


def test_the_lane_names_beside_the_timeline_follow_the_filter(window: MainWindow) -> None:
    def names() -> list[str]:
        axis = window.timeline.plot.getPlotItem().getAxis("left")
        return [name for _row, name in axis._tickLevels[0]]  # what setTicks gave the axis to write

    everything = names()
    assert len(everything) >= 5
    theme = next(iter(window.state.catalog.theme_names))
    window.state.set_filter(window.state.filter.with_(themes=frozenset({theme})))
    assert names() == [lane.name for lane in window.state.layout.lanes] and len(names()) < len(everything)
    window.state.clear_filter()
    assert names() == everything


def test_selecting_a_long_period_at_day_zoom_keeps_the_view(window: MainWindow) -> None:
    window.timeline.set_view_range(1962.410, 1962.425)
    before = window.timeline.view_range()
    period = next(e for e in ("khrushchev-era", "thaw") if e in window.state.catalog.index_of)
    window.state.select(period)
    assert window.timeline.view_range() == pytest.approx(before)


def test_a_timeline_tooltip_stays_while_the_pointer_rests_on_its_mark(window: MainWindow, qtbot) -> None:
    painted = painted_at(window, 1962.35, 1962.50)
    k = mark_of(window, painted, "novocherkassk-massacre")
    point = QPoint(int((painted.left[k] + painted.right[k]) / 2), int(painted.cy[k]))
    viewport = window.timeline.plot.viewport()
    window.activateWindow()
    QToolTip.hideText()
    qtbot.mouseMove(viewport, QPoint(2, 2))  # from elsewhere, so the move onto the mark is a real move
    qtbot.wait(50)
    qtbot.mouseMove(viewport, point)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    first = QToolTip.text()
    for step in range(8):  # the pointer rests, trembling by a pixel, for two seconds
        qtbot.mouseMove(viewport, point + QPoint(step % 2, 0))
        qtbot.wait(250)
    assert QToolTip.isVisible() and QToolTip.text() == first
    assert "Novocherkassk" in first


def test_clicking_a_theme_name_toggles_its_filter(window: MainWindow, qtbot) -> None:
    themes = window.filters.themes
    item = next(themes.item(k) for k in range(themes.count()) if themes.item(k).data(Qt.ItemDataRole.UserRole)
                == "repression")
    rect = themes.visualItemRect(item)
    qtbot.mouseClick(themes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(rect.width() // 4, 0))
    assert window.state.filter.themes == frozenset({"repression"})
    qtbot.mouseClick(themes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(rect.width() // 4, 0))
    assert window.state.filter.themes == frozenset()


def test_the_window_fits_small_screens(window: MainWindow) -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 40  # a 1366x768 screen with a panel
    assert hint.width() <= 960 and hint.height() <= 540 - 20  # a 1920x1080 screen at 2x scaling
    window.panes.setCurrentWidget(window.reader)
    assert window.minimumSizeHint().width() <= 960


def test_a_right_click_on_a_mark_or_row_offers_the_events_actions(window: MainWindow, qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    painted = painted_at(window, 1962.35, 1962.50)
    k = mark_of(window, painted, "novocherkassk-massacre")
    shown = []
    window.timeline.sigEventMenu.connect(lambda eid, _where: shown.append(eid))
    point = QPoint(int((painted.left[k] + painted.right[k]) / 2), int(painted.cy[k]))
    qtbot.mouseClick(window.timeline.plot.viewport(), Qt.MouseButton.RightButton, pos=point)
    assert shown == ["novocherkassk-massacre"]
    menu = window.show_event_menu("novocherkassk-massacre", QPoint(10, 10))
    labels = [a.text() for a in menu.actions() if a.text()]
    assert labels == ["Select", "Zoom to this event", "Copy title and date", "Copy citation", "Export this event…"]
    next(a for a in menu.actions() if a.text() == "Copy title and date").trigger()
    assert QApplication.clipboard().text().endswith("(2 June 1962)")
    next(a for a in menu.actions() if a.text() == "Copy citation").trigger()
    assert "Weiss, Clara." in QApplication.clipboard().text() or "Doyle, Clare." in QApplication.clipboard().text()
    next(a for a in menu.actions() if a.text() == "Zoom to this event").trigger()
    low, high = window.timeline.view_range()
    assert window.state.selection == "novocherkassk-massacre" and high - low < 0.5
    menu.close()
    table = window.table
    rows = []
    table.sigEventMenu.connect(lambda eid, _where: rows.append(eid))
    table.customContextMenuRequested.emit(table.visualRect(table.model().index(0, 1)).center())
    assert rows == [table.model().index(0, 0).data(Qt.ItemDataRole.UserRole + 2)]


def test_export_remembers_folder_and_format_says_where_and_previews_data(window: MainWindow, tmp_path: Path) -> None:
    dialog = window.export_dialog()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.previews.currentWidget() is dialog.data_preview
    assert dialog.data_preview.toPlainText().startswith("id,title,start,end,date")
    assert dialog.export_to(tmp_path / "view.csv")
    assert str(tmp_path / "view.csv") in window.statusBar().currentMessage()
    assert window.show_folder.isVisibleTo(window)
    again = window.export_dialog()
    assert again.format.currentData() == "csv"
    assert window.settings.value("export_folder", "") == str(tmp_path)
    again.close()
    one = window.export_event("novocherkassk-massacre")
    assert int(one.view.mask.sum()) == 1
    one.close()
