"""Dates in the window as a historian writes them, and vague dates drawn vague."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRectF, QSettings, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QToolTip

from conftest import build_small_store, event_entry
from timeline_app.gui import mark_painter
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.mark_painter import DeviceMap, MarkPainter
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.gui.vague_ends import OPEN_PX, VAGUE_PX
from timeline_app.model.catalog import load_catalog
from timeline_app.model.date_words import ENGLISH
from timeline_app.model.layout import lay_out
from timeline_app.store.event_store import EventStore

LABELLED = mark_painter.MAX_LABELLED_MARKS
EVENTS = [  # id, start, end, EDTF date, calendar
    ("circa", "1930", "", "1930~", ""),
    ("twenties", "1920", "1929", "192X", ""),
    ("slump", "1929", "1933", "", ""),
    ("open-end", "1985", "1986", "1985/..", ""),
    ("revolution", "1917-11-07", "", "", "julian"),
]


def _entry(eid: str, start: str, end: str, date_text: str, calendar: str) -> str:
    extra = (f'date = "{date_text}"\n' if date_text else "") + (f'calendar = "{calendar}"\n' if calendar else "")
    entry = event_entry(eid, start, end, themes=("repression",) if eid == "circa" else ("protest",))
    return entry.replace("certainty =", extra + "certainty =", 1)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return build_small_store(tmp_path_factory.mktemp("dates"), "".join(_entry(*e) for e in EVENTS))


def test_table_tooltip_and_panes_write_dates_as_historians_do(qtbot, tmp_path: Path, store_path: Path) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_store(store_path, quiet=True)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.timeline.set_view_range(1910, 1995)
    qtbot.waitUntil(lambda: window.table.source_model.rowCount() >= len(EVENTS))
    model = window.table.source_model
    cells = {model.index(r, 0).data(Qt.ItemDataRole.UserRole + 2): model.index(r, 0).data()
             for r in range(model.rowCount())}
    assert cells["circa"] == "c. 1930"
    assert cells["twenties"] == "1920s"
    assert cells["open-end"] == "after 1985"
    assert cells["revolution"] == "25 Oct (7 Nov) 1917"
    # The date column still sorts by the real dates, not the words: "c. 1930" after "1920s".
    order = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(model.rowCount())]
    assert order.index("revolution") < order.index("twenties") < order.index("circa") < order.index("open-end")
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    order = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) for r in range(model.rowCount())]
    assert order.index("open-end") < order.index("circa") < order.index("twenties") < order.index("revolution")

    window.state.select("revolution")
    assert "Date: 25 Oct (7 Nov) 1917 (approximate)" in window.excerpts.toPlainText()
    window.state.select("circa")
    assert "Date: c. 1930 (approximate)" in window.excerpts.toPlainText()

    window.timeline.set_view_range(1925, 1935)
    window.timeline.items.painted = None
    window.timeline.plot.viewport().repaint()
    qtbot.waitUntil(lambda: window.timeline.items.painted is not None)
    painted = window.timeline.items.painted
    k = list(painted.events).index(window.state.catalog.index_of["circa"])
    point = QPoint(int((painted.left[k] + painted.right[k]) / 2), int(painted.cy[k]))
    viewport = window.timeline.plot.viewport()
    window.activateWindow()
    QToolTip.hideText()
    qtbot.mouseMove(viewport, QPoint(2, 2))
    qtbot.wait(50)
    qtbot.mouseMove(viewport, point)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert "<br>c. 1930<br>" in QToolTip.text()


def _alpha_along(store_path: Path, event_id: str, low: float, high: float) -> tuple[np.ndarray, float, float]:
    """The alpha of the row through ``event_id``'s mark, painted over ``low``..``high`` at 1000 px, and its ends."""
    store = EventStore(store_path)
    catalog = load_catalog(store)
    layout = lay_out(catalog, np.ones(len(catalog), dtype=bool), "theme")
    painter_obj = MarkPainter(catalog, layout)
    painter_obj.grid = False
    mark_painter.MAX_LABELLED_MARKS = -1  # no labels over the fades (put back below)
    painter_obj.band_color.setAlpha(0)
    rows = layout.total_rows
    device = DeviceMap(1000 / (high - low), -low * 1000 / (high - low), 30.0, 0.0, QRectF(low, 0, high - low, rows))
    image = QImage(1000, int(30 * rows), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    try:
        painted = painter_obj.paint(painter, device)
    finally:
        painter.end()
        mark_painter.MAX_LABELLED_MARKS = LABELLED
    k = list(painted.events).index(catalog.index_of[event_id])
    y = int(painted.cy[k])
    alpha = np.array([image.pixelColor(x, y).alpha() for x in range(1000)])
    mark = np.flatnonzero(layout.event == catalog.index_of[event_id])[0]
    x0, x1 = device.x(layout.x0[mark]), device.x(layout.x1[mark])
    store.close()
    return alpha, x0, x1


def test_an_open_end_fades_out_past_its_last_date_and_a_sharp_one_stops(store_path: Path) -> None:
    alpha, _x0, x1 = _alpha_along(store_path, "open-end", 1980, 1995)
    past = alpha[int(x1) + 3:int(x1 + OPEN_PX) - 3]
    assert past.max() > 0 and past[0] > past[-1]  # fading, not stopping
    assert np.all(np.diff(past.astype(int)) <= 1)
    assert alpha[int(x1 + OPEN_PX) + 3:].max() == 0
    alpha, _x0, x1 = _alpha_along(store_path, "slump", 1925, 1940)
    assert alpha[int(x1) - 5] > 0 and alpha[int(x1) + 3:int(x1) + 30].max() == 0


def test_a_circa_year_fades_at_both_ends_and_a_decade_is_a_pale_span(store_path: Path) -> None:
    alpha, x0, x1 = _alpha_along(store_path, "circa", 1925, 1935)
    assert 0 < alpha[int(x0 - VAGUE_PX / 2)] < alpha[int(x0) + 3]
    assert 0 < alpha[int(x1 + VAGUE_PX / 2)] < alpha[int(x1) - 3]
    alpha, x0, x1 = _alpha_along(store_path, "twenties", 1915, 1940)
    slump, _a, _b = _alpha_along(store_path, "slump", 1915, 1940)  # a period of the same kind of years
    quarter = int(x0 + (x1 - x0) / 4)
    assert 0 < alpha[quarter] < 128 < slump[int(_a + 5)]


def test_the_window_words_are_english_without_a_translation() -> None:
    assert window_date_words() == ENGLISH
