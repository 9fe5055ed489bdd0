"""Whatever we export, the import reads back to the same events, as far as the format holds them.

Every data format round trips: the shipped store (every event, every year) and a store of odd
events of one's own (formula-like and bracketed titles, ampersands, EDTF dates, no theme) are
exported, imported into a new store, and compared field by field.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from conftest import SHIPPED_STORE
from timeline_app.export.registry import EXPORTERS, export, format_for
from timeline_app.export.view import view_of_store
from timeline_app.ingest.store_writer import import_events
from timeline_app.model.filters import FilterState
from timeline_app.store.check import store_problems
from timeline_app.store.dates import parse_date
from timeline_app.store.event_store import EventStore

ODD_CSV = """title,date,certainty,places,themes,summary
=1+1 is not a formula,1930~,,,Odd & ends,"A summary, with a comma and ""quotes""."
(Aside) in brackets,192X,,Moscow,,Bracketed.
[1] Square brackets,1929/1933,exact,,Odd & ends,
Tom & Jerry <3,1962-06-02,exact,Moscow,Cartoons,Cat & mouse.
-minus first,1985/..,,,,Open ended.
Октябрьская революция,1917-11-07,exact,,,Non-Latin title.
"""

#: What each format holds of an event, besides its title.
HOLDS = {
    "csv": ("start", "end", "date_text", "certainty", "layer", "summary", "places", "themes"),
    "json": ("start", "end", "date_text", "certainty", "layer", "date_basis", "summary", "places", "themes",
             "passages"),
    "timelinejs": ("start", "end", "first_theme"),
    "timelinejs-sheet": ("start", "end", "uncertain_date", "summary", "first_theme"),
    "timeline": ("days", "summary", "first_theme", "exact"),
}


def _days(start: str, end: str) -> tuple[date, date]:
    return parse_date(start).first_day(), parse_date(end or start).last_day()


def events_of(store: Path) -> dict[str, dict]:
    """Per title, every field a format might hold."""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        found = {}
        for eid, title, start, end, date_text, certainty, layer, basis, summary in conn.execute(
                "select id, title, start, [end], date_text, certainty, layer, date_basis, coalesce(summary, '') "
                "from events"):
            themes = [n for (n,) in conn.execute(
                "select t.name from event_themes et join themes t on t.id = et.theme_id where et.event_id = ? "
                "order by et.rowid", (eid,))]
            places = sorted(n for (n,) in conn.execute(
                "select p.name from event_places ep join places p on p.id = ep.place_id where ep.event_id = ?",
                (eid,)))
            passages = sum(conn.execute(f"select count(*) from [{t}] where event_id = ?", (eid,)).fetchone()[0]
                           for t in ("excerpts", "commentary", "claims"))
            plain = date_text in (start, f"{start}/{end}")
            found[title] = {
                "id": eid, "start": start, "end": end, "date_text": date_text, "certainty": certainty,
                "layer": layer, "date_basis": basis, "summary": summary, "places": places,
                "themes": sorted(themes), "first_theme": themes[0] if themes else None, "passages": passages,
                "days": _days(start, end), "exact": certainty == "exact",
                "uncertain_date": None if plain else date_text,
            }
        return found
    finally:
        conn.close()


@pytest.fixture(scope="module")
def odd_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("odd")
    (folder / "odd.csv").write_text(ODD_CSV, encoding="utf-8")
    import_events(folder / "odd.csv", folder / "odd.db")
    return folder / "odd.db"


def _round_trip(store: Path, fmt: str, folder: Path) -> Path:
    exported = folder / f"export{EXPORTERS[fmt].suffix}"
    event_store = EventStore(store)
    try:
        view = view_of_store(event_store, FilterState(), "theme", (1000.0, 3000.0))
        export(view, exported, fmt)
    finally:
        event_store.close()
    again = folder / "again.db"
    import_events(exported, again)
    assert store_problems(again) == []
    return again


@pytest.mark.parametrize("fmt", sorted(HOLDS))
@pytest.mark.parametrize("which", ["shipped", "odd"])
def test_an_export_imports_back_to_the_same_events(fmt: str, which: str, odd_store: Path, tmp_path: Path) -> None:
    store = SHIPPED_STORE if which == "shipped" else odd_store
    before, after = events_of(store), events_of(_round_trip(store, fmt, tmp_path))
    assert sorted(after) == sorted(before)
    for title, event in before.items():
        fields = [name for name in HOLDS[fmt] if name != "first_theme"]
        assert {name: after[title][name] for name in fields} == {name: event[name] for name in fields}, title
        if "first_theme" in HOLDS[fmt]:  # a format of one theme per event keeps one of the event's themes
            assert after[title]["themes"] == event["themes"][:1] or (
                len(after[title]["themes"]) == 1 and after[title]["themes"][0] in event["themes"]), title
    if fmt in ("csv", "json", "timelinejs"):  # the formats that carry our ids
        assert {t: e["id"] for t, e in after.items()} == {t: e["id"] for t, e in before.items()}


def test_every_data_format_has_a_round_trip() -> None:
    data_formats = {name for name, exporter in EXPORTERS.items() if not exporter.picture}
    assert data_formats == set(HOLDS)


def test_the_new_formats_are_registered_by_suffix_and_name() -> None:
    assert format_for(Path("x.timeline")) == "timeline"
    assert format_for(Path("x.csv")) == "csv"  # our own CSV stays the default for .csv
    assert format_for(Path("x.csv"), "timelinejs-sheet") == "timelinejs-sheet"


def test_the_timelinejs_json_keeps_the_field_names_timelinejs_reads(tmp_path: Path) -> None:
    # TimelineJS 3's JSON format: title and events are slides (start_date, end_date, text with headline
    # and text, group, unique_id, display_date: the date in words); eras have start_date, end_date and text;
    # dates have year, month, day.
    exported = tmp_path / "tl.json"
    event_store = EventStore(SHIPPED_STORE)
    try:
        export(view_of_store(event_store, FilterState(), "theme", (1900.0, 2030.0)), exported, "timelinejs")
    finally:
        event_store.close()
    document = json.loads(exported.read_text())
    assert set(document) == {"title", "events", "eras"}
    assert set(document["title"]["text"]) == {"headline", "text"}
    for slide in document["events"]:
        assert set(slide) <= {"unique_id", "start_date", "end_date", "text", "group", "display_date"}
        assert isinstance(slide.get("display_date", ""), str)
        assert set(slide["start_date"]) <= {"year", "month", "day"} and isinstance(slide["start_date"]["year"], int)
        assert set(slide["text"]) == {"headline", "text"}
    assert len({s["unique_id"] for s in document["events"]}) == len(document["events"])
    for era in document["eras"]:
        assert set(era) == {"start_date", "end_date", "text"} and "headline" in era["text"]


def test_the_sheet_guards_formulas_and_escapes_html(odd_store: Path, tmp_path: Path) -> None:
    exported = tmp_path / "sheet.csv"
    event_store = EventStore(odd_store)
    try:
        export(view_of_store(event_store, FilterState(), "theme", (1000.0, 3000.0)), exported, "timelinejs-sheet")
    finally:
        event_store.close()
    text = exported.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("Year,Month,Day,Time,End Year")
    assert "'=1+1 is not a formula" in text and "'-minus first" in text
    assert "Tom &amp; Jerry &lt;3" in text and "Tom & Jerry" not in text


@pytest.mark.parametrize(("grouping", "groups"), [
    ("theme", {"Odd & ends", "Cartoons", ""}),
    ("place", {"Moscow", ""}),
    ("reviewer", {""}),  # the events of one's own quote no source
])
def test_the_sheets_group_is_the_views_lane(odd_store: Path, tmp_path: Path, grouping: str, groups: set) -> None:
    import csv

    exported = tmp_path / "sheet.csv"
    heard: list[tuple[int, int]] = []
    event_store = EventStore(odd_store)
    try:
        view = view_of_store(event_store, FilterState(), grouping, (1000.0, 3000.0))
        EXPORTERS["timelinejs-sheet"].write(view, exported, None, lambda done, total: heard.append((done, total)))
    finally:
        event_store.close()
    with open(exported, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if not r["Type"]]
    assert {r["Group"].replace("&amp;", "&") for r in rows} == groups
    assert heard[-1] == (6, 6)  # the dialog's progress bar reaches the end


def test_a_source_with_empty_fields_survives_a_json_round_trip(small_store: Path, tmp_path: Path) -> None:
    # Another tool may leave a source's publication, url or stance NULL; the export writes null.
    conn = sqlite3.connect(small_store)
    conn.execute("update sources set publication = null, url = null")
    conn.commit()
    conn.close()
    exported = tmp_path / "view.json"
    event_store = EventStore(small_store)
    try:
        export(view_of_store(event_store, FilterState(), "theme", (1900.0, 2030.0)), exported, "json")
    finally:
        event_store.close()
    copy = tmp_path / "copy.db"
    assert import_events(exported, copy) == len(json.loads(exported.read_text())["events"])
    rows = sqlite3.connect(copy).execute("select coalesce(publication, ''), coalesce(url, '') from sources").fetchall()
    assert rows and all(r == ("", "") for r in rows)
