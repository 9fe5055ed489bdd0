"""The explorer window as a user meets it: filters, selection, panes, keys, settings, bad stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt

from conftest import SHIPPED_STORE
from timeline_app.gui.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings: QSettings) -> MainWindow:
    win = MainWindow(settings)
    qtbot.addWidget(win)
    assert win.open_store(SHIPPED_STORE, quiet=True)
    win.restore_settings()
    win.show()
    qtbot.waitExposed(win)
    return win


def sql(query: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def in_view(low: float = 1917, high: float = 1992) -> set[str]:
    """Ids of the events any part of which lies in the years ``low``..``high``."""
    return {r[0] for r in sql("select id from events where end_year >= ? and start_year <= ?", (low, high))}


def test_window_draws_every_event_and_lists_those_in_view_on_open(window: MainWindow) -> None:
    total = sql("select count(*) from events")[0][0]
    listed = in_view()
    assert 0 < len(listed) < total  # the shipped store has events after 1992
    assert set(window.table.row_ids()) == listed  # at once: no waiting for the view to settle
    drawn = set(window.timeline.layout_.event.tolist())
    assert len(drawn) == total
    marks = sql("select count(*) from event_themes")[0][0]
    assert len(window.timeline.layout_.event) == marks  # an event with two themes shows in both lanes
    assert window.filters.shown.text() == f"Showing {len(listed)} of {total} events"


def test_theme_filter_changes_what_is_listed_and_drawn(window: MainWindow, qtbot) -> None:
    item = next(window.filters.themes.item(k) for k in range(window.filters.themes.count())
                if window.filters.themes.item(k).data(Qt.ItemDataRole.UserRole) == "repression")
    item.setCheckState(Qt.CheckState.Checked)
    expected = {r[0] for r in sql("select event_id from event_themes where theme_id = 'repression'")}
    assert set(window.table.row_ids()) == expected
    assert {window.state.catalog.ids[i] for i in window.timeline.layout_.event} == expected
    # Datasette-style: other themes still count what they would show on their own
    economy = sql("select count(*) from event_themes where theme_id = 'economy'")[0][0]
    labels = [window.filters.themes.item(k).text() for k in range(window.filters.themes.count())]
    assert f"Economy and living standards ({economy})" in labels


def test_place_and_disputed_filters_match_sql(window: MainWindow) -> None:
    state = window.state.filter.with_(places=frozenset({"novocherkassk"}), disputed_only=True)
    window.state.set_filter(state)
    expected = {r[0] for r in sql(
        "select ep.event_id from event_places ep join events e on e.id = ep.event_id "
        "where ep.place_id = 'novocherkassk' and (e.certainty = 'disputed' "
        "or e.id in (select event_id from claims))")}
    assert expected
    assert set(window.table.row_ids()) == expected


def test_reviewer_filter_both_and_only_one(window: MainWindow) -> None:
    per_event = sql("select event_id, count(distinct source_id) from (select event_id, source_id from excerpts "
                    "union select event_id, source_id from commentary union select event_id, source_id from claims) "
                    "group by event_id")
    window.state.set_filter(window.state.filter.with_(reviewer="both"))
    assert set(window.table.row_ids()) == {e for e, n in per_event if n == 2} & in_view()
    window.state.set_filter(window.state.filter.with_(reviewer="only-one"))
    assert set(window.table.row_ids()) == {e for e, n in per_event if n == 1} & in_view()


def test_search_box_uses_full_text_search(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.filters.search, "Krasnodar")
    qtbot.keyClick(window.filters.search, Qt.Key.Key_Return)
    ids = set(window.table.row_ids())
    assert "krasnodar-uprising" in ids
    assert "october-revolution" not in ids
    window.filters.clear.click()
    assert set(window.table.row_ids()) == in_view()
    assert window.filters.search.text() == ""


def test_search_with_query_syntax_shows_no_error(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.filters.search, '"NEAR( <b>x</b> OR *')
    qtbot.keyClick(window.filters.search, Qt.Key.Key_Return)
    assert window.table.model().rowCount() == 0


def test_selecting_a_row_fills_the_panes_with_verbatim_text(window: MainWindow, qtbot) -> None:
    window.table.select_event("novocherkassk-massacre")
    window.state.select("novocherkassk-massacre")
    text = window.excerpts.toPlainText()
    for (quote,) in sql("select quote from excerpts where event_id = 'novocherkassk-massacre'"):
        assert quote in text
    assert "Show in review" in text
    commentary = window.commentary.toPlainText()
    assert "Sources disagree: death toll" in commentary
    for (quote,) in sql("select quote from claims where event_id = 'novocherkassk-massacre'"):
        assert quote in commentary


def test_event_only_one_reviewer_mentions_says_so(window: MainWindow) -> None:
    window.state.select("krasnodar-uprising")
    assert "Only Clare Doyle makes a claim: second uprising" in window.commentary.toPlainText() or \
        "Sources disagree: second uprising" in window.commentary.toPlainText()
    single = sql("select event_id from excerpts group by event_id having count(distinct source_id) = 1 "
                 "and event_id not in (select event_id from commentary union select event_id from claims) limit 1")
    window.state.select(single[0][0])
    assert "discusses this event." in window.commentary.toPlainText()


def test_clicking_a_mark_on_the_timeline_selects_it_and_the_table_follows(window: MainWindow, qtbot) -> None:
    window.timeline.zoom_to(window.state.catalog.index_of["novocherkassk-massacre"])
    qtbot.wait(50)
    window.timeline.plot.viewport().repaint()
    painted = window.timeline.items.painted
    assert window.state.catalog.index_of["october-revolution"] not in painted.events  # zoomed to 1962
    target = window.state.catalog.index_of["novocherkassk-massacre"]
    k = list(painted.events).index(target)
    point = QPoint(int((painted.left[k] + painted.right[k]) / 2), int(painted.cy[k]))
    qtbot.mouseClick(window.timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.state.selection == "novocherkassk-massacre"
    current = window.table.currentIndex()
    assert current.data(Qt.ItemDataRole.UserRole + 2) == "novocherkassk-massacre"


def test_keyboard_zooms_pans_and_goes_home(window: MainWindow, qtbot) -> None:
    view = window.timeline
    view.setFocus()
    low, high = view.view_range()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    zoomed = view.view_range()
    assert zoomed[1] - zoomed[0] < (high - low) * 0.7
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    panned = view.view_range()
    assert panned[0] > zoomed[0]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.view_range() == pytest.approx((1917, 1992), abs=0.01)
    for _ in range(40):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    low, high = view.view_range()
    assert (high - low) * 365 == pytest.approx(1.5, rel=0.05)  # stops at about a day


def test_keyboard_steps_through_events_in_time_order(window: MainWindow) -> None:
    window.state.select(None)
    window.state.step_selection(1)
    first = window.state.selection
    window.state.step_selection(1)
    assert window.state.selection == window.state.catalog.ids[1]
    assert first == window.state.catalog.ids[0]
    window.state.step_selection(-1)
    assert window.state.selection == first


def test_settings_come_back_on_the_next_start(qtbot, settings: QSettings, window: MainWindow) -> None:
    window.state.set_filter(window.state.filter.with_(themes=frozenset({"protest"}), disputed_only=True))
    window.state.set_grouping("place")
    window.timeline.set_view_range(1950, 1970)
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.restore_settings()
    again.open_store(SHIPPED_STORE, quiet=True)
    assert again.state.filter.themes == frozenset({"protest"})
    assert again.state.filter.disputed_only
    assert again.state.grouping == "place"
    assert again.timeline.view_range() == pytest.approx((1950, 1970), abs=0.01)
    assert str(SHIPPED_STORE.resolve()) in again.recent_stores()


def test_grouping_by_reviewer_makes_one_lane_per_reviewer(window: MainWindow) -> None:
    window.state.set_grouping("reviewer")
    names = [lane.name for lane in window.timeline.layout_.lanes]
    assert names == ["Clara Weiss", "Clare Doyle", "Film scenes (not history)"]  # the film apart, last


def test_a_bad_store_shows_a_message_and_keeps_the_window(window: MainWindow, tmp_path: Path,
                                                          no_blocking_message_boxes: list[str]) -> None:
    shown = no_blocking_message_boxes
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"\x00garbage" * 300)
    assert not window.open_store(junk)
    assert shown and str(junk) in shown[0] and "not an SQLite database" in shown[0]
    assert window.state.store.path == SHIPPED_STORE  # the open store stays
    assert window.table.model().rowCount() > 0


def test_table_and_year_boxes_follow_the_view_while_lanes_hold_still(window: MainWindow, qtbot) -> None:
    lanes_before = [lane.name for lane in window.timeline.layout_.lanes]
    window.timeline.set_view_range(1960, 1965)
    qtbot.waitUntil(lambda: window.state.view_range == pytest.approx((1960, 1965), abs=0.01), timeout=2000)
    assert set(window.table.row_ids()) == in_view(1960, 1965)
    assert (window.filters.year_from.value(), window.filters.year_to.value()) == (1960, 1965)
    assert [lane.name for lane in window.timeline.layout_.lanes] == lanes_before
    window.filters.year_from.setValue(1950)
    assert window.timeline.view_range()[0] == pytest.approx(1950, abs=0.01)
    qtbot.waitUntil(lambda: window.state.view_range[0] == pytest.approx(1950, abs=0.01), timeout=2000)
    window.filters.clear.click()
    assert window.state.view_range[0] == pytest.approx(1950, abs=0.01)  # clearing keeps the view's years


def test_table_sorts_by_title_both_ways(window: MainWindow) -> None:
    titles = sorted((r[0] for r in sql("select title from events where end_year >= 1917 and start_year <= 1992")),
                    key=str.lower)
    window.state.set_view_range(1917, 1992)
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    shown = [window.table.model().index(r, 1).data() for r in range(window.table.model().rowCount())]
    assert shown == titles
    window.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    shown = [window.table.model().index(r, 1).data() for r in range(window.table.model().rowCount())]
    assert shown == titles[::-1]
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first = window.table.model().index(0, 1).data()
    assert first == sql("select title from events order by start_year limit 1")[0][0]


def test_double_click_zooms_to_the_event(window: MainWindow, qtbot) -> None:
    window.timeline.set_view_range(1955, 1970)
    qtbot.wait(20)
    window.timeline.plot.viewport().repaint()
    painted = window.timeline.items.painted
    target = window.state.catalog.index_of["novocherkassk-massacre"]
    k = list(painted.events).index(target)
    point = QPoint(int((painted.left[k] + painted.right[k]) / 2), int(painted.cy[k]))
    viewport = window.timeline.plot.viewport()
    # As the system sends a double click: press, release, double-click, release.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point)
    low, high = window.timeline.view_range()
    assert high - low < 0.5  # from fifteen years to weeks around 2 June 1962
    assert low < 1962.42 < high


def test_dragging_the_overview_window_moves_the_timeline(window: MainWindow, qtbot) -> None:
    window.timeline.overview_window.setRegion((1940, 1950))
    assert window.timeline.view_range() == pytest.approx((1940, 1950), abs=0.01)
    window.timeline.set_view_range(1960, 1965)
    qtbot.waitUntil(lambda: window.timeline.overview_window.getRegion() == pytest.approx((1960, 1965), abs=0.01),
                    timeout=1000)


def test_the_timeline_shows_every_lane_row_as_filters_add_and_remove_lanes(window: MainWindow) -> None:
    state, box = window.state, window.timeline.box

    def rows_shown() -> tuple[float, float]:
        low, high = box.viewRange()[1]
        return round(low, 3), round(high, 3)

    everything = state.layout.total_rows
    assert rows_shown() == (0, everything)
    state.set_filter(state.filter.with_(themes=frozenset({"repression"})))
    fewer = state.layout.total_rows
    assert fewer < everything and rows_shown() == (0, fewer)
    state.set_filter(state.filter.with_(themes=frozenset({"repression", "protest"})))
    assert fewer < state.layout.total_rows < everything and rows_shown() == (0, state.layout.total_rows)
    state.clear_filter()
    assert rows_shown() == (0, everything)
