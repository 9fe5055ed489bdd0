"""Exports: pictures that open and show the view, data that matches the filter, and safe writes."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage

from conftest import SHIPPED_STORE
from timeline_app.cli import cli
from timeline_app.export.registry import ExportError, ExportOptions, export
from timeline_app.export.view import view_of_state, view_of_store
from timeline_app.ingest.store_writer import import_events
from timeline_app.model.filters import FilterState
from timeline_app.store.event_store import EventStore


def run(*args: str):
    result = CliRunner().invoke(cli, ["export", *args])
    assert result.exit_code == 0, result.output
    return result


def sql(query: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def non_white_share(image: QImage) -> float:
    small = image.scaled(200, 100)
    pixels = [small.pixelColor(x, y) for x in range(200) for y in range(100)]
    return sum(1 for p in pixels if p.lightness() < 240) / len(pixels)


def test_png_has_the_size_asked_and_is_not_blank(tmp_path: Path) -> None:
    run("-o", str(tmp_path / "a.png"), "--width", "1200")
    run("-o", str(tmp_path / "b.png"), "--width", "1200", "--scale", "2")
    one, two = QImage(str(tmp_path / "a.png")), QImage(str(tmp_path / "b.png"))
    assert one.width() == 1200 and one.height() > 500
    assert (two.width(), two.height()) == (2400, 2 * one.height())
    assert non_white_share(one) > 0.05


def test_svg_parses_and_keeps_visible_titles_as_text(tmp_path: Path) -> None:
    run("-o", str(tmp_path / "v.svg"), "--from", "1955", "--to", "1970", "--theme", "eastern-bloc")
    tree = ET.parse(tmp_path / "v.svg")
    texts = {"".join(t.itertext()).strip() for t in tree.iter() if t.tag.endswith("text")}
    titles = [r[0] for r in sql("select e.title from events e join event_themes t on t.event_id = e.id "
                                "where t.theme_id = 'eastern-bloc' and e.start_year between 1955 and 1970")]
    assert len(titles) == 3
    for title in titles:  # each label is there as text, whole or shortened to fit
        assert title in texts or any(t.endswith("…") and title.startswith(t[:-1]) for t in texts), title
    assert sum(title in texts for title in titles) >= 2
    assert any(t.startswith("Sources: Weiss, Clara.") for t in texts) or any("Weiss, Clara" in t for t in texts)


def test_pdf_is_one_landscape_page(tmp_path: Path) -> None:
    run("-o", str(tmp_path / "v.pdf"), "--page", "Letter")
    data = (tmp_path / "v.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
    assert box and (round(float(box.group(1))), round(float(box.group(2)))) == (792, 612)


def test_csv_rows_equal_the_filtered_count(tmp_path: Path) -> None:
    run("-o", str(tmp_path / "v.csv"), "--place", "novocherkassk", "--from", "1900", "--to", "2030")
    with open(tmp_path / "v.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    expected = sql("select count(*) from event_places where place_id = 'novocherkassk'")[0][0]
    assert len(rows) == expected
    assert all("novocherkassk" in row["places"].split(";") for row in rows)  # ids, as import reads them
    assert all("Novocherkassk" in row["place_names"] for row in rows)  # and names, for people


def test_json_round_trips_through_import(tmp_path: Path) -> None:
    run("-o", str(tmp_path / "v.json"), "--from", "1900", "--to", "2030", "--reviewer", "both")
    document = json.loads((tmp_path / "v.json").read_text())
    assert document["filter_description"] == "discussed by both reviewers; years 1900–2030"
    assert document["filter"]["years"] == [1900, 2030]
    assert all(s["citation"].startswith(("Doyle, Clare.", "Weiss, Clara.")) for s in document["sources"])
    assert import_events(tmp_path / "v.json", tmp_path / "again.db") == len(document["events"])
    again = EventStore(tmp_path / "again.db")
    try:
        for event in document["events"]:
            quotes = {(q.kind, q.quote, q.value, q.ref) for q in again.quotes(event["id"])}
            assert quotes == {(kind.rstrip("s") if kind != "commentary" else kind, q.get("quote", ""),
                               q.get("value", ""), q.get("ref", ""))
                              for kind in ("excerpts", "commentary", "claims") for q in event[kind]}
            row = again.rows("select title, start, [end] from events where id = ?", (event["id"],))[0]
            assert (row["title"], row["start"], row["end"]) == (event["title"], event["start"], event["end"])
    finally:
        again.close()


def test_timelinejs_has_knight_labs_shape(tmp_path: Path) -> None:
    run("-o", str(tmp_path / "tl.json"), "--format", "timelinejs", "--theme", "protest")
    document = json.loads((tmp_path / "tl.json").read_text())
    assert set(document) == {"title", "events", "eras"}
    assert document["title"]["text"]["headline"]
    events = document["events"]
    assert events and all({"start_date", "text", "group", "unique_id"} <= set(e) for e in events)
    assert all(isinstance(e["start_date"]["year"], int) for e in events)
    assert {e["group"] for e in events} <= {"Strikes and uprisings", "Terror and repression", "Eastern Bloc",
                                            "Economy and living standards", "Party and leadership", "Truth and memory"}
    massacre = next(e for e in events if e["unique_id"] == "novocherkassk-massacre")
    assert massacre["start_date"] == {"year": 1962, "month": 6, "day": 2}
    assert "<blockquote>" in massacre["text"]["text"]
    assert [era["text"]["headline"] for era in document["eras"]][:2] == ["Lenin", "Stalin"]


def test_window_and_headless_exports_of_the_same_view_agree(qtbot, tmp_path: Path) -> None:
    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_store(SHIPPED_STORE, quiet=True)
    window.state.set_grouping("place")
    window.state.set_filter(window.state.filter.with_(themes=frozenset({"repression", "protest"})))
    window.state.set_view_range(1950, 1970)
    dialog = window.export_dialog()
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    dialog.width_box.setValue(1400)
    assert dialog.export_to(tmp_path / "window.png") is not None
    run("-o", str(tmp_path / "cli.png"), "--theme", "repression", "--theme", "protest", "--group-by", "place",
        "--from", "1950", "--to", "1970", "--width", "1400")
    window_image, cli_image = QImage(str(tmp_path / "window.png")), QImage(str(tmp_path / "cli.png"))
    assert window_image.size() == cli_image.size()
    assert window_image == cli_image
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.export_to(tmp_path / "window.csv")
    run("-o", str(tmp_path / "cli.csv"), "--theme", "repression", "--theme", "protest", "--from", "1950",
        "--to", "1970")
    assert (tmp_path / "window.csv").read_text() == (tmp_path / "cli.csv").read_text()


def test_the_open_store_is_never_a_target(tmp_path: Path) -> None:
    store = EventStore(SHIPPED_STORE)
    try:
        view = view_of_store(store, FilterState())
        before = SHIPPED_STORE.read_bytes()
        with pytest.raises(ExportError, match="this is the open store"):
            export(view, SHIPPED_STORE, "csv")
        assert SHIPPED_STORE.read_bytes() == before
    finally:
        store.close()


def test_an_unwritable_path_gets_a_clear_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "missing" / "v.csv")])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {tmp_path / 'missing' / 'v.csv'}: cannot write here " \
                                    f"({tmp_path / 'missing'}: no such folder); nothing was replaced"


def test_a_failed_export_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch) -> None:
    import timeline_app.export.data_formats as data_export

    target = tmp_path / "v.csv"
    target.write_text("old contents")

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(data_export.csv, "writer", broken)
    store = EventStore(SHIPPED_STORE)
    try:
        with pytest.raises(ExportError, match="No space left on device"):
            export(view_of_store(store, FilterState()), target, "csv")
    finally:
        store.close()
    assert target.read_text() == "old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.csv"]


def test_unknown_filter_values_are_named(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "v.png"), "--theme", "sport"])
    assert result.exit_code == 2
    assert "--theme 'sport' is not in" in result.output
    assert not (tmp_path / "v.png").exists()


def test_window_state_view_matches_what_the_table_lists(qtbot, tmp_path: Path) -> None:
    from timeline_app.gui.main_window import MainWindow

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_store(SHIPPED_STORE, quiet=True)
    window.state.set_view_range(1960, 1965)
    view = view_of_state(window.state)
    ids = [window.state.catalog.ids[i] for i in view.shown()]
    assert sorted(ids) == sorted(window.table.row_ids())
    assert ExportOptions().width == 1600


def test_search_flag_filters_exports_like_the_search_box(tmp_path: Path) -> None:
    run("-o", str(tmp_path / "v.csv"), "--search", "Krasnodar", "--from", "1900", "--to", "2030")
    with open(tmp_path / "v.csv", encoding="utf-8") as handle:
        ids = {row["id"] for row in csv.DictReader(handle)}
    store = EventStore(SHIPPED_STORE)
    try:
        assert ids == store.search("Krasnodar")
    finally:
        store.close()
    assert "krasnodar-uprising" in ids and "october-revolution" not in ids
