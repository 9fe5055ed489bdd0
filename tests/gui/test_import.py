"""Importing a user's own events: all or nothing, errors naming file, line and field."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHIPPED_STORE
from timeline_app.cli import cli
from timeline_app.ingest.import_file import ImportFileError
from timeline_app.ingest.store_writer import import_events
from timeline_app.store.check import store_problems

CSV_HEADER = "id,title,start,end,certainty,places,themes,summary,source,quote\n"
GOOD_ROW = ("second-strike,A second strike,1962-06-03,,approximate,novocherkassk,protest;repression,"
            "Workers strike again.,doyle-2021,The uprising started with a strike at the electric locomotive plant\n")

MY_JSON = {
    "sources": [{"id": "my-diary", "author": "A. Reader", "title": "My notes", "publication": "Notebook",
                 "published": "2024-05-01", "url": "", "stance": "Personal notes.",
                 "text": "On the first of June the plant stopped. Nobody spoke of it for years."},
                {"id": "oral-history", "author": "An interviewee", "title": "Interview", "publication": "Tape",
                 "published": "1990", "url": "", "stance": "Memory."}],
    "places": [{"id": "rostov", "name": "Rostov-on-Don", "kind": "city", "latitude": 47.23, "longitude": 39.72}],
    "themes": [{"id": "memory", "name": "Memory", "color": "#336699"}],
    "events": [
        {"id": "plant-stops", "title": "The plant stops", "start": "1962-06-01", "end": "", "certainty": "exact",
         "places": ["rostov"], "themes": ["memory"], "summary": "Work stops at the plant.",
         "excerpts": [{"source": "my-diary", "quote": "On the first of June the plant stopped."}]},
        {"id": "remembered", "title": "Remembered years later", "start": "1990", "end": "", "certainty": "approximate",
         "places": ["rostov"], "themes": ["memory"], "summary": "A witness speaks.",
         "excerpts": [{"source": "oral-history", "quote": "We were told to forget."}]},
    ],
}


def count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"select count(*) from [{table}]").fetchone()[0]
    finally:
        conn.close()


def test_csv_rows_are_added_to_an_existing_store(small_store: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(CSV_HEADER + GOOD_ROW)
    result = CliRunner().invoke(cli, ["import", str(csv_file), "--into", str(small_store)])
    assert result.exit_code == 0, result.output
    assert "added 1 events" in result.output
    assert count(small_store, "events") == 3
    assert count(small_store, "event_themes") == 5
    assert store_problems(small_store) == []
    conn = sqlite3.connect(small_store)
    hits = conn.execute("select rowid from events_fts where events_fts match 'second'").fetchall()
    assert len(hits) == 1  # new events are searchable


def test_json_creates_a_new_store_with_new_sources_places_and_themes(tmp_path: Path) -> None:
    json_file = tmp_path / "mine.json"
    json_file.write_text(json.dumps(MY_JSON, indent=2))
    target = tmp_path / "mine.db"
    assert import_events(json_file, target) == 2
    assert store_problems(target) == []
    conn = sqlite3.connect(target)
    verified = conn.execute("select start, [end] from excerpts where event_id = 'plant-stops'").fetchone()
    assert verified == (0, len("On the first of June the plant stopped."))
    unverified = conn.execute("select start from excerpts where event_id = 'remembered'").fetchone()
    assert unverified == (None,)


def test_a_bad_row_rejects_the_whole_file_and_names_line_and_field(small_store: Path, tmp_path: Path) -> None:
    before = small_store.read_bytes()
    bad = "bad-one,Bad,1962-02-30,,exact,novocherkassk,protest,Bad date.,doyle-2021,The uprising started\n"
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(CSV_HEADER + GOOD_ROW + bad)
    result = CliRunner().invoke(cli, ["import", str(csv_file), "--into", str(small_store)])
    assert result.exit_code == 2
    assert f"{csv_file}: line 3: event 'bad-one', field 'start': '1962-02-30' is not a day of the calendar" in (
        result.output)
    assert small_store.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp.db")] == []


def test_a_quote_not_in_the_registered_text_is_rejected(tmp_path: Path) -> None:
    data = json.loads(json.dumps(MY_JSON))
    data["events"][0]["excerpts"][0]["quote"] = "On the second of June"
    json_file = tmp_path / "mine.json"
    json_file.write_text(json.dumps(data, indent=2))
    with pytest.raises(ImportFileError, match="not found verbatim in my-diary") as caught:
        import_events(json_file, tmp_path / "mine.db")
    lines = json_file.read_text().splitlines()
    expected = next(n for n, line in enumerate(lines, 1) if '"id": "plant-stops"' in line)
    assert caught.value.problems[0].line == expected  # the line of the event's id in the JSON
    assert not (tmp_path / "mine.db").exists()


def test_an_event_id_already_in_the_store_is_refused(small_store: Path, tmp_path: Path) -> None:
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(CSV_HEADER + GOOD_ROW.replace("second-strike", "massacre", 1))
    with pytest.raises(ImportFileError, match="duplicate id: the store already has an event"):
        import_events(csv_file, small_store)


def test_the_shipped_store_is_refused_unless_asked(tmp_path: Path) -> None:
    before = SHIPPED_STORE.read_bytes()
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(CSV_HEADER + GOOD_ROW)
    result = CliRunner().invoke(cli, ["import", str(csv_file), "--into", str(SHIPPED_STORE)])
    assert result.exit_code == 2
    assert "is the shipped store" in result.output
    assert SHIPPED_STORE.read_bytes() == before


@pytest.mark.parametrize(("content", "message"), [
    ("id,title\nx,y\n", "the header lacks the column(s) start (or date)"),
    (CSV_HEADER, "holds no events to import"),
])
def test_malformed_csv_is_named(small_store: Path, tmp_path: Path, content: str, message: str) -> None:
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(content)
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_events(csv_file, small_store)


def test_malformed_json_names_its_line(tmp_path: Path) -> None:
    json_file = tmp_path / "mine.json"
    json_file.write_text('{\n  "events": [\n    {"id": "x",,}\n  ]\n}')
    with pytest.raises(ImportFileError, match="line 3: file, field '-': is not valid JSON"):
        import_events(json_file, tmp_path / "x.db")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)
event_like = st.fixed_dictionaries(
    {"id": st.text(max_size=12), "start": st.text(max_size=12), "certainty": st.sampled_from(["exact", "x", ""])},
    optional={"places": json_values, "themes": json_values, "title": json_values, "end": json_values,
              "excerpts": json_values, "summary": json_values},
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(json_values, st.fixed_dictionaries({"events": st.lists(event_like, max_size=4)},
                                                           optional={"places": json_values, "sources": json_values})))
def test_no_json_makes_the_importer_crash_or_write_partially(small_store: Path, tmp_path: Path, data) -> None:
    before = small_store.read_bytes()
    json_file = tmp_path / "fuzz.json"
    json_file.write_text(json.dumps(data))
    try:
        import_events(json_file, small_store)
    except ImportFileError:
        assert small_store.read_bytes() == before
    else:
        assert store_problems(small_store) == []
        small_store.write_bytes(before)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(max_size=300))
def test_no_csv_makes_the_importer_crash_or_write_partially(small_store: Path, tmp_path: Path, body: str) -> None:
    before = small_store.read_bytes()
    csv_file = tmp_path / "fuzz.csv"
    csv_file.write_text(CSV_HEADER + body, encoding="utf-8", errors="replace")
    try:
        import_events(csv_file, small_store)
    except ImportFileError:
        assert small_store.read_bytes() == before
    else:
        assert store_problems(small_store) == []
        small_store.write_bytes(before)


def test_window_import_adds_events_and_shows_unverified_quotes(qtbot, tmp_path: Path,
                                                               no_blocking_message_boxes: list[str]) -> None:
    from PySide6.QtCore import QSettings

    from timeline_app.gui.import_flow import import_into
    from timeline_app.gui.main_window import MainWindow

    told = no_blocking_message_boxes
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    json_file = tmp_path / "mine.json"
    json_file.write_text(json.dumps(MY_JSON))
    target = import_into(window, json_file, tmp_path / "mine.db", SHIPPED_STORE)
    assert target == tmp_path / "mine.db"
    assert told == ["Added 2 events from mine.json to mine.db."]
    assert window.open_store(target, quiet=True)
    window.state.select("remembered")
    text = window.excerpts.toPlainText()
    assert "We were told to forget." in text
    assert "Unverified" in text
    window.state.select("plant-stops")
    assert "Unverified" not in window.excerpts.toPlainText()


def _answer_import(monkeypatch, source: Path, button: str, save_as: Path | None = None) -> list[str]:
    """Answer File > Import's questions: the file, then the choice of store (by the button's words)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(save_as or ""), ""))

    def choose(box: QMessageBox) -> None:
        asked.append(box.text())
        if box.buttons() and box.icon() == QMessageBox.Icon.Question:
            wanted = next(b for b in box.buttons() if button in b.text())
            box.clickedButton = lambda: wanted  # as if the user clicked it
            asked.append(" | ".join(b.text() for b in box.buttons()))
    monkeypatch.setattr(QMessageBox, "exec", choose)
    return asked


def test_file_import_asks_which_store_with_the_open_one_first(qtbot, tmp_path: Path, small_store: Path,
                                                              monkeypatch) -> None:
    from PySide6.QtCore import QSettings

    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_store(small_store, quiet=True)
    window.state.set_view_range(1950, 1970)
    json_file = tmp_path / "mine.json"
    json_file.write_text(json.dumps(MY_JSON))
    asked = _answer_import(monkeypatch, json_file, "another store", tmp_path / "other.db")
    window.import_dialog()
    assert any("Into the open store, small.db" in a for a in asked)
    assert (tmp_path / "other.db").exists() and window.state.store.path == tmp_path / "other.db"
    before = small_store.read_bytes()
    assert before  # the open store was not touched by an import elsewhere
    assert window.open_store(small_store, quiet=True)
    asked = _answer_import(monkeypatch, json_file, "Into the open store")
    window.import_dialog()
    ids = set(window.table.row_ids())
    in_years = {i for i in ids if 1950 <= window.state.catalog.start_year[window.state.catalog.index_of[i]] <= 1970}
    assert ids == in_years  # the table keeps the view's years at once after the import
    assert window.filters.shown.text().startswith(f"Showing {len(ids)} of ")
