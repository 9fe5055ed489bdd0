"""The timeline files people already have, from the command line and in the window.

Each format imports with ``timeline-app import``; a bad file gets one line naming it (no
traceback); exports to the new formats read back; a sheet of 1815-1985 opens fitted to it,
with its ungrouped events in the Unsorted lane and "No source passage" for each.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED_STORE
from timeline_app.cli import cli

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
SHEET = DATA / "revolutions-sheet.csv"
TIMELINE = DATA / "projects.timeline"
TIMELINEJS = {"title": {"text": {"headline": "Mine"}},
              "events": [{"unique_id": "one", "start_date": {"year": 1961}, "text": {"headline": "One"}}]}


def titles(store: Path) -> set[str]:
    conn = sqlite3.connect(store)
    try:
        return {t for (t,) in conn.execute("select title from events")}
    finally:
        conn.close()


@pytest.mark.parametrize(("name", "content", "added"), [
    ("sheet.csv", SHEET.read_text(), 6),
    ("projects.timeline", TIMELINE.read_text(), 4),
    ("timelinejs.json", json.dumps(TIMELINEJS), 1),
    ("edtf.csv", "title,date\nAbout 1930,1930~\nThe 1920s,192X\nSome years,1929/1933\nSince 1985,1985/..\n"
                 "June 1962?,1962-06?\n", 5),
])
def test_cli_imports_each_format(tmp_path: Path, name: str, content: str, added: int) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(source), "--into", str(tmp_path / "mine.db")])
    assert result.exit_code == 0, result.output
    assert f"added {added} events to {tmp_path / 'mine.db'}" in result.output
    check = CliRunner().invoke(cli, ["check", str(tmp_path / "mine.db")])
    assert check.exit_code == 0 and "no problems found" in check.output


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("bad.timeline", "<timeline>\n<events>\n<event>\n</timeline>",
     "bad.timeline: line 4: is not well-formed XML (mismatched tag)"),
    ("bomb.timeline", '<!DOCTYPE t [<!ENTITY a "aaaa">]><timeline/>', "declares a document type or entities"),
    ("bad.csv", "Year,Headline\n1815,Ok\n18x5,Bad\n", "line 3: row 3, field 'Year': '18x5' is not a whole number"),
])
def test_cli_names_a_bad_file_in_one_line_without_a_traceback(tmp_path: Path, name: str, content: str,
                                                              expected: str) -> None:
    source = tmp_path / name
    source.write_text(content)
    result = CliRunner().invoke(cli, ["import", str(source), "--into", str(tmp_path / "mine.db")])
    assert result.exit_code == 2
    assert expected in result.output and "Traceback" not in result.output
    assert not (tmp_path / "mine.db").exists()


@pytest.mark.parametrize(("fmt", "suffix"), [("timelinejs-sheet", ".csv"), ("timeline", ".timeline")])
def test_cli_exports_the_new_formats_over_the_stores_home_range(tmp_path: Path, fmt: str, suffix: str) -> None:
    store = tmp_path / "sheet.db"
    assert CliRunner().invoke(cli, ["import", str(SHEET), "--into", str(store)]).exit_code == 0
    out = tmp_path / f"out{suffix}"
    result = CliRunner().invoke(cli, ["export", "-o", str(out), "--store", str(store), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert f"({fmt}: 6 events)" in result.output  # no --from/--to: the store's years, 1815-1985
    again = tmp_path / "again.db"
    assert CliRunner().invoke(cli, ["import", str(out), "--into", str(again)]).exit_code == 0
    assert titles(again) == titles(store)


def test_the_window_opens_an_imported_sheet_fitted_to_its_years(qtbot, tmp_path: Path,
                                                                no_blocking_message_boxes: list[str]) -> None:
    from PySide6.QtCore import QSettings, Qt

    from timeline_app.gui.import_flow import import_into
    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    target = import_into(window, SHEET, tmp_path / "mine.db", SHIPPED_STORE)
    assert no_blocking_message_boxes == ["Added 6 events from revolutions-sheet.csv to mine.db."]
    assert window.open_store(target, quiet=True)
    window.show()
    qtbot.waitUntil(lambda: window.timeline.view_range()[0] < 1816)
    low, high = window.timeline.view_range()
    assert 1805 < low < 1815.46 and 1985.25 < high < 1995
    assert window.table.model().rowCount() == 6  # every event in view
    assert [lane.name for lane in window.state.layout.lanes][-1] == "Unsorted"
    window.timeline.zoom(0.1)
    assert window.timeline.view_range()[1] - window.timeline.view_range()[0] < 50
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert window.timeline.view_range() == pytest.approx((low, high), abs=0.01)
    window.state.select("collectivisation")
    text = window.excerpts.toPlainText()
    assert "No source passage" in text and "Collectivisation" in text
    assert window.windowTitle().startswith("Revolutions & Restorations")
