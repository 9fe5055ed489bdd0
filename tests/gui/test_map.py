"""The map pane: follows the timeline frame by frame, filters by a click, rings the selection, exports beside it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QImage

from conftest import SHIPPED_STORE
from timeline_app.cli import cli
from timeline_app.gui.main_window import MainWindow
from timeline_app.model.map_geometry import PROJECTION


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_store(SHIPPED_STORE, quiet=True)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.map_pane.canvas.grab()  # a paint: the pane counts and lays out its marks
    return win


def sql(query: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def per_place(low: float, high: float) -> dict[str, int]:
    return dict(sql("select p.place_id, count(*) from event_places p join events e on e.id = p.event_id "
                    "where e.end_year >= ? and e.start_year <= ? group by p.place_id", (low, high)))


def drawn_counts(window: MainWindow) -> dict[str, int]:
    pane = window.map_pane
    return {pid: int(n) for pid, n in zip(pane.points.ids, pane.canvas.marks.counts, strict=True) if n}


def centre_of(window: MainWindow, place: str) -> QPoint:
    canvas = window.map_pane.canvas
    painted = canvas.painted
    k = int(np.flatnonzero(painted.index == window.map_pane.points.ids.index(place))[0])
    return QPoint(round(float(painted.x[k])), round(float(painted.y[k])))


def test_the_window_shows_the_map_beside_the_timeline_at_1366_by_768(window: MainWindow) -> None:
    pane, timeline = window.map_pane, window.timeline
    assert pane.isVisible() and pane.width() >= 250 and pane.canvas.height() >= 250
    assert timeline.width() >= 600  # the timeline keeps most of the room
    assert pane.mapTo(window, QPoint(0, 0)).x() > timeline.mapTo(window, QPoint(0, 0)).x() + 500
    assert drawn_counts(window) == per_place(1917, 1992)
    assert "at 19 places" in pane.canvas.caption


def test_marks_follow_the_timeline_at_every_frame_not_only_when_it_settles(window: MainWindow) -> None:
    window.timeline.set_view_range(1962.3, 1962.6)  # no event loop: the view has not settled
    assert window.state.view_range == (1917.0, 1992.0)
    window.map_pane.canvas.grab()
    assert drawn_counts(window) == per_place(1962.3, 1962.6)
    assert drawn_counts(window)["novocherkassk"] > 0
    assert drawn_counts(window)["moscow"] < per_place(1917, 1992)["moscow"]
    window.timeline.set_view_range(1930.0, 1940.0)
    window.map_pane.canvas.grab()
    assert drawn_counts(window) == per_place(1930.0, 1940.0)


def test_a_click_on_a_place_filters_by_it_and_a_second_click_or_esc_clears(window: MainWindow, qtbot) -> None:
    canvas = window.map_pane.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre_of(window, "moscow"))
    assert window.state.filter.places == {"moscow"}
    moscow = {r[0] for r in sql("select p.event_id from event_places p join events e on e.id = p.event_id "
                                "where p.place_id = 'moscow' and e.end_year >= 1917 and e.start_year <= 1992")}
    assert set(window.table.row_ids()) == moscow
    places = window.filters.places
    checked = [places.item(k).data(Qt.ItemDataRole.UserRole) for k in range(places.count())
               if places.item(k).checkState() == Qt.CheckState.Checked]
    assert checked == ["moscow"]
    canvas.grab()
    assert window.map_pane.points.ids.index("moscow") in canvas.marks.filtered
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre_of(window, "moscow"))
    assert window.state.filter.places == frozenset()
    canvas.grab()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=centre_of(window, "novocherkassk"))
    assert window.state.filter.places == {"novocherkassk"}
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert window.state.filter.places == frozenset()


def test_a_drag_pans_and_does_not_filter(window: MainWindow, qtbot) -> None:
    canvas = window.map_pane.canvas
    before = canvas.current_frame()
    start = centre_of(window, "moscow")
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(60, 30))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 30))
    after = canvas.current_frame()
    assert window.state.filter.places == frozenset()
    assert after.cx == pytest.approx(before.cx - 60 * before.km_per_px)
    assert after.cy == pytest.approx(before.cy + 30 * before.km_per_px)


def test_selecting_an_event_rings_its_places(window: MainWindow) -> None:
    event, places = sql("select event_id, group_concat(place_id) from event_places group by event_id "
                        "having count(*) >= 2 limit 1")[0]
    window.state.select(event)
    window.map_pane.canvas.grab()
    pane = window.map_pane
    assert {pane.points.ids[k] for k in pane.canvas.marks.ringed} == set(places.split(","))
    window.state.select(None)
    pane.canvas.grab()
    assert pane.canvas.marks.ringed == set()


def test_known_cities_land_on_their_pixels(window: MainWindow) -> None:
    canvas, pane = window.map_pane.canvas, window.map_pane
    frame = canvas.current_frame()
    for place, lon_lat in (("moscow", (37.6173, 55.7558)), ("novocherkassk", (40.0939, 47.4222))):
        x, y = PROJECTION.forward(*lon_lat)
        px, py = frame.to_device(x, y)
        k = pane.points.ids.index(place)
        assert float(pane.points.x[k]) == pytest.approx(float(x), abs=0.5)
        drawn = centre_of(window, place)
        if place == "moscow":  # Moscow keeps its spot; Soviet Russia, at the same coordinates, moves aside
            assert (drawn.x(), drawn.y()) == (round(float(px)), round(float(py)))
    moscow, novocherkassk, paris = (centre_of(window, p) for p in ("moscow", "novocherkassk", "paris"))
    assert paris.x() < moscow.x() and novocherkassk.y() > moscow.y() + 20
    # On screen, Moscow's pixel lies inside the drawn USSR and Paris's outside it.
    ussr = canvas.map_painter.ussr
    for city, inside in ((moscow, True), (paris, False)):
        assert ussr.contains(QPointF(*frame.to_map(city.x(), city.y()))) is inside


def test_hover_names_the_place_its_count_and_dates_escaped(window: MainWindow) -> None:
    pane = window.map_pane
    k = pane.points.ids.index("moscow")
    text = pane.tooltip(k)
    count = per_place(1917, 1992)["moscow"]
    assert "<b>Moscow</b>" in text and f"{count} events in view" in text
    first = sql("select min(start) from events e join event_places p on p.event_id = e.id "
                "where p.place_id = 'moscow'")[0][0]
    assert first[:4] in text
    pane.points.names[k] = "<img src=x>Moscow"
    assert "<img" not in pane.tooltip(k) and "&lt;img src=x&gt;Moscow" in pane.tooltip(k)
    beyond = pane.points.ids.index("new-york")
    assert "beyond the map" in pane.tooltip(beyond)


def test_wheel_zoom_home_and_keys(window: MainWindow, qtbot) -> None:
    canvas = window.map_pane.canvas
    start = canvas.current_frame().km_per_px
    canvas.zoom(0.5, QPointF(centre_of(window, "moscow")))
    assert canvas.current_frame().km_per_px == pytest.approx(start / 2)
    canvas.grab()
    assert abs(centre_of(window, "moscow").x() - canvas.current_frame().to_device(
        *PROJECTION.forward(37.6173, 55.7558))[0]) < 1
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.current_frame().km_per_px == pytest.approx(start, rel=0.01)
    window.timeline.set_view_range(1962.3, 1962.6)
    canvas.grab()
    qtbot.keyClick(canvas, Qt.Key.Key_Home)  # home now fits the few places of June 1962
    assert canvas.current_frame().km_per_px < start


def run_export(*args: str) -> None:
    result = CliRunner().invoke(cli, ["export", *args])
    assert result.exit_code == 0, result.output


def test_map_export_is_wider_and_shows_the_map(tmp_path: Path) -> None:
    run_export("-o", str(tmp_path / "plain.png"))
    run_export("-o", str(tmp_path / "map.png"), "--map")
    plain, with_map = QImage(str(tmp_path / "plain.png")), QImage(str(tmp_path / "map.png"))
    assert with_map.width() > plain.width() + 400
    # The map's part: sea, land and the USSR's outline colour, none of which the timeline uses.
    part = with_map.copy(plain.width() + 10, 150, with_map.width() - plain.width() - 40, 400)
    colors = {part.pixelColor(x, y).name() for x in range(0, part.width(), 3) for y in range(0, part.height(), 3)}
    assert "#e6eef4" in colors  # sea
    assert any(_close(c, "#9c4334") for c in colors)  # the USSR's outline
    run_export("-o", str(tmp_path / "map.svg"), "--map", "--from", "1962", "--to", "1963")
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert ">Novocherkassk<" in svg and "Natural Earth" in svg and "Map: area of a mark" in svg
    run_export("-o", str(tmp_path / "map.pdf"), "--map")
    assert (tmp_path / "map.pdf").read_bytes()[:5] == b"%PDF-"


def _close(name: str, target: str) -> bool:
    a = [int(name[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(target[i:i + 2], 16) for i in (1, 3, 5)]
    return sum(abs(p - q) for p, q in zip(a, b, strict=True)) < 30


def test_about_credits_natural_earth(window: MainWindow) -> None:
    assert "Natural Earth" in window.show_about().text()


def test_the_export_dialog_offers_the_map(window: MainWindow, tmp_path: Path) -> None:
    dialog = window.export_dialog()
    plain = dialog.preview.pixmap().width(), dialog.info.text()
    dialog.with_map.setChecked(True)
    assert dialog.options().map
    assert dialog.info.text() != plain[1]  # the size said grows
    assert dialog.export_to(tmp_path / "d.png")
    assert QImage(str(tmp_path / "d.png")).width() > 2000
    dialog.close()


def test_on_a_big_store_the_map_counts_once_its_sorting_is_done_and_only_for_the_store_shown(
        qtbot, tmp_path: Path, small_store: Path, monkeypatch) -> None:
    from timeline_app.gui import map_pane

    monkeypatch.setattr(map_pane, "SORT_AWAY_ABOVE", 0)  # treat the stores as big: sort on a thread
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    canvas = win.map_pane.canvas
    assert win.open_store(small_store, quiet=True)
    canvas.grab()  # the first paint starts the sorting and draws no marks yet
    assert canvas.marks is None and "Counting" in canvas.caption
    qtbot.waitUntil(lambda: canvas.grab() is not None and canvas.marks is not None, timeout=30_000)
    assert drawn_counts(win) == {"novocherkassk": 2}
    sorted_catalogs: list = []
    win.map_pane.sigSorted.connect(sorted_catalogs.append)
    assert win.open_store(SHIPPED_STORE, quiet=True)
    shipped = win.state.catalog
    canvas.grab()
    assert win.open_store(small_store, quiet=True)  # a third store while the second one's sorting runs
    canvas.grab()
    qtbot.waitUntil(lambda: canvas.grab() is not None and canvas.marks is not None, timeout=30_000)
    qtbot.waitUntil(lambda: shipped in sorted_catalogs, timeout=30_000)  # the second store's sorting reports late
    canvas.grab()
    assert drawn_counts(win) == {"novocherkassk": 2}


def test_on_a_big_store_a_filter_s_counts_are_made_on_a_thread_and_then_drawn(qtbot, tmp_path: Path,
                                                                               monkeypatch) -> None:
    from timeline_app.gui import map_pane

    monkeypatch.setattr(map_pane, "SORT_AWAY_ABOVE", 0)
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_store(SHIPPED_STORE, quiet=True)
    canvas, state = win.map_pane.canvas, win.state
    qtbot.waitUntil(lambda: canvas.grab() is not None and canvas.marks is not None, timeout=30_000)
    low, high = state.view_range
    assert drawn_counts(win) == per_place(low, high)
    threads: list = []
    win.map_pane.sigCounted.connect(threads.append)
    theme = "repression"
    state.set_filter(state.filter.with_(themes=frozenset({theme})))
    canvas.grab()
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=30_000)
    canvas.grab()
    wanted = dict(sql("select p.place_id, count(*) from event_places p join events e on e.id = p.event_id "
                      "join event_themes t on t.event_id = e.id where t.theme_id = ? and e.end_year >= ? "
                      "and e.start_year <= ? group by p.place_id", (theme, low, high)))
    assert wanted and wanted != per_place(low, high)
    assert drawn_counts(win) == wanted
