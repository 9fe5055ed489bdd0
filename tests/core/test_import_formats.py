"""Importing the timeline files people already have: TimelineJS sheets and JSON, Timeline files, our CSV with EDTF.

The format is told by the content; odd sheets (a missing month, an End Year alone, HTML and
entities, an era row, an empty Group) and odd Timeline files (a category with no colour, fuzzy
dates, container prefixes) come in as a person would expect; bad ones are refused with one line
naming the file, the line and the field.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from timeline_app.ingest.import_file import ImportFileError
from timeline_app.ingest.store_writer import import_events
from timeline_app.model.catalog import load_catalog
from timeline_app.model.explorer_state import ExplorerState
from timeline_app.model.layout import UNSORTED_LANE_NAME, lay_out
from timeline_app.store.check import store_problems
from timeline_app.store.event_store import EventStore

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
SHEET = DATA / "revolutions-sheet.csv"
TIMELINE = DATA / "projects.timeline"


def rows(store: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def events_of(store: Path) -> dict[str, tuple]:
    """Per event title: start, end, date_text, certainty, summary."""
    return {r[0]: r[1:] for r in rows(store, "select title, start, [end], date_text, certainty, summary from events")}


def themes_of(store: Path) -> dict[str, list[str]]:
    """Per event title: the names of its themes."""
    found: dict[str, list[str]] = {}
    for title, name in rows(store, "select e.title, t.name from events e join event_themes et on et.event_id = e.id "
                                   "join themes t on t.id = et.theme_id order by t.name"):
        found.setdefault(title, []).append(name)
    return found


@pytest.fixture(scope="module")
def sheet_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("sheet") / "sheet.db"
    import_events(SHEET, store)
    return store


@pytest.fixture(scope="module")
def timeline_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("timeline") / "timeline.db"
    import_events(TIMELINE, store)
    return store


# -- TimelineJS sheets ---------------------------------------------------------------------------------

def test_the_sheets_title_row_names_the_store_and_its_era_row_becomes_a_period(sheet_store: Path) -> None:
    assert dict(rows(sheet_store, "select key, value from meta"))["title"] == "Revolutions & Restorations"
    assert rows(sheet_store, "select name, start, [end] from periods") == [("The Restoration", "1815", "1848")]
    assert "The Restoration" not in events_of(sheet_store) and "Revolutions & Restorations" not in events_of(
        sheet_store)
    assert store_problems(sheet_store) == []


def test_sheet_dates_keep_the_precision_written(sheet_store: Path) -> None:
    events = events_of(sheet_store)
    assert events["Battle of Waterloo"][:4] == ("1815-06-18", "", "1815-06-18", "exact")
    assert events["Revolutions of 1848"][:2] == ("1848", "")  # no month: the year
    assert events["Franco-Prussian War"][:3] == ("1870", "1871", "1870/1871")  # End Year alone
    assert events["Gorbachev comes to power"][:2] == ("1985-03", "")
    # A Display Date in EDTF is the date; an approximate one makes the event approximate.
    assert events["Collectivisation"][:4] == ("1930", "", "1930~", "approximate")


def test_html_in_headline_and_text_becomes_plain_text_with_links_kept(sheet_store: Path) -> None:
    events = events_of(sheet_store)
    assert "October Revolution" in events  # <i>October</i> Revolution
    assert events["Battle of Waterloo"][4] == ("Napoleon is defeated near Waterloo "
                                               "(https://en.wikipedia.org/wiki/Waterloo).")
    assert events["Revolutions of 1848"][4] == "Across Europe — «the springtime of peoples»."
    assert events["October Revolution"][4] == "Tom & Jerry: 3 < 4 > 2"  # entities decoded, not taken for tags


def test_group_becomes_a_theme_and_an_empty_group_leaves_the_event_unsorted(sheet_store: Path) -> None:
    themes = themes_of(sheet_store)
    assert themes["Battle of Waterloo"] == ["War"] and themes["Franco-Prussian War"] == ["War"]
    assert themes["Revolutions of 1848"] == ["Revolution"]
    assert "Collectivisation" not in themes and "Gorbachev comes to power" not in themes
    colours = [c for (c,) in rows(sheet_store, "select color from themes")]
    assert len(colours) == len(set(colours)) == 2 and all(c.startswith("#") and len(c) == 7 for c in colours)
    store = EventStore(sheet_store)
    try:
        catalog = load_catalog(store)
        layout = lay_out(catalog, np.ones(len(catalog), dtype=bool))
        names = [lane.name for lane in layout.lanes]
        assert names == ["Revolution", "War", UNSORTED_LANE_NAME]
        unsorted = {catalog.titles[i] for i in layout.event[layout.lane == names.index(UNSORTED_LANE_NAME)]}
        assert unsorted == {"Collectivisation", "Gorbachev comes to power"}
    finally:
        store.close()


def test_a_sheet_of_1815_to_1985_opens_fitted_to_those_years(sheet_store: Path) -> None:
    state = ExplorerState()
    state.open_store(sheet_store)
    low, high = state.view_range
    assert state.home_range == state.view_range
    assert 1805 < low <= 1815.46 and 1985.25 <= high < 1995  # the data, with a small margin
    assert state.shown_count() == len(state.catalog) == 6
    state.close_store()


@pytest.mark.parametrize(("line", "message"), [
    ("18x5,,,,,,,,,Bad year,,,,,,,,", "line 2: row 2, field 'Year': '18x5' is not a whole number"),
    ("1815,13,,,,,,,,Bad month,,,,,,,,", "line 2: row 2, field 'Month': '1815-13' has no month 13"),
    ("1815,,3,,,,,,,Day without month,,,,,,,,", "line 2: row 2, field 'Month': is empty, but a day is given"),
    (",,,,,,,,,No year,,,,,,,,", "line 2: row 2, field 'Year': is empty: every event and era needs a year"),
    ("1815,,,,1814,,,,,Ends first,,,,,,,,", "line 2: event 'ends-first', field 'end': end '1814' is before start"),
    ("1815,,,,,3,,,,End month alone,,,,,,,,", "line 2: row 2, field 'End Year': is empty, but a month or day"),
])
def test_a_bad_sheet_row_is_named_by_line_and_field(tmp_path: Path, line: str, message: str) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text(SHEET.read_text().splitlines()[0] + "\n" + line + "\n")
    with pytest.raises(ImportFileError) as caught:
        import_events(sheet, tmp_path / "bad.db")
    assert message in caught.value.report()
    assert not (tmp_path / "bad.db").exists()


# -- Timeline (.timeline) files ------------------------------------------------------------------------

def test_timeline_events_categories_and_eras_come_in(timeline_store: Path) -> None:
    events = events_of(timeline_store)
    # Times of day are dropped; whole months and years are written as such.
    assert events["First Five-Year Plan"] == ("1928-10", "1932-12", "1928-10/1932-12", "exact",
                                              "Heavy industry first.")
    assert events["A container's first day"][:2] == ("1931-05-03", "")  # the [1] container prefix removed
    assert events["(Aside) a dam is begun"][4] == "Dnieper & more."  # Timeline's added space removed
    assert rows(timeline_store, "select name, start, [end] from periods") == [("Planning years", "1928-10", "1932-12")]
    colours = dict(rows(timeline_store, "select name, color from themes"))
    assert colours["Industry"] == "#ff8000"  # the category's colour
    assert colours["Uncoloured"].startswith("#") and colours["Uncoloured"] != "#ff8000"  # none given: one of ours
    assert themes_of(timeline_store) == {"First Five-Year Plan": ["Industry"], "Magnitogorsk is built": ["Uncoloured"]}
    assert store_problems(timeline_store) == []


def test_fuzzy_timeline_dates_come_in_as_approximate(timeline_store: Path) -> None:
    events = events_of(timeline_store)
    assert events["Magnitogorsk is built"][:4] == ("1930", "", "1930~", "approximate")
    assert events["(Aside) a dam is begun"][:4] == ("1931-06-01", "1931-07-15", "1931-06-01~/1931-07-15~",
                                                    "approximate")


@pytest.mark.parametrize(("text", "message"), [
    ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;">\n]>\n'
     "<timeline><events/></timeline>", "line 2: file, field '-': declares a document type or entities"),
    ("<timeline>\n<events>\n<event><start>1930</event>\n</timeline>", "line 3: file, field '-': is not well-formed"),
    ("<svg></svg>", "is XML with <svg> at its root, not a Timeline file"),
    ("<timeline><timetype>bosparaniantime</timetype></timeline>", "uses Timeline's 'bosparaniantime' calendar"),
    ("<timeline><categories/><events><event><start>1930-02-30 00:00:00</start><end>1930-03-01 00:00:00</end>"
     "<text>Leap</text></event></events></timeline>",
     "event 'Leap', field 'start': '1930-02-30 00:00:00' is not a day"),
    ("<timeline><categories/><events><event><start>1930-01-01 00:00:00</start><end>1930-01-01 00:00:00</end>"
     "<text>Lost</text><category>Nowhere</category></event></events></timeline>",
     "event 'Lost', field 'category': names the category 'Nowhere', which the file does not define"),
])
def test_a_bad_timeline_file_is_refused_in_one_line(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.timeline"
    bad.write_text(text)
    with pytest.raises(ImportFileError) as caught:
        import_events(bad, tmp_path / "bad.db")
    assert message in caught.value.report()
    assert len(caught.value.problems) == 1
    assert not (tmp_path / "bad.db").exists()


def test_the_format_is_told_by_content_not_by_name(tmp_path: Path) -> None:
    sheet, timeline = tmp_path / "sheet.txt", tmp_path / "timeline.xml"
    shutil.copy(SHEET, sheet)
    shutil.copy(TIMELINE, timeline)
    assert import_events(sheet, tmp_path / "a.db") == 6
    assert import_events(timeline, tmp_path / "b.db") == 4
    empty = tmp_path / "empty.csv"
    empty.write_text("  \n")
    with pytest.raises(ImportFileError, match="is empty; import our CSV or JSON, a TimelineJS sheet"):
        import_events(empty, tmp_path / "c.db")


def test_timelinejs_json_comes_in_with_its_ids_title_groups_and_eras(tmp_path: Path) -> None:
    document = {
        "title": {"text": {"headline": "My <b>story</b>", "text": "<p>Told by me.</p>"}},
        "events": [
            {"unique_id": "dam", "start_date": {"year": "1927"}, "end_date": {"year": 1932, "month": 5},
             "text": {"headline": "Dnieper dam", "text": "<p>Built &amp; opened.</p>"}, "group": "Industry"},
            {"start_date": {"year": 1961, "month": 4, "day": 12}, "text": {"headline": "Gagarin"},
             "display_date": "April 1961"},
        ],
        "eras": [{"start_date": {"year": 1928}, "end_date": {"year": 1932}, "text": {"headline": "Plan"}}],
    }
    source = tmp_path / "story.json"
    source.write_text(json.dumps(document))
    store = tmp_path / "story.db"
    assert import_events(source, store) == 2
    assert rows(store, "select id, title, start, [end], summary from events order by start") == [
        ("dam", "Dnieper dam", "1927", "1932-05", "Built & opened."), ("gagarin", "Gagarin", "1961-04-12", "", "")]
    assert dict(rows(store, "select key, value from meta"))["title"] == "My story"
    assert rows(store, "select name, start, [end] from periods") == [("Plan", "1928", "1932")]
    assert themes_of(store) == {"Dnieper dam": ["Industry"]}


# -- our CSV: EDTF dates, places and themes by name ----------------------------------------------------

@pytest.mark.parametrize(("edtf", "start", "end", "certainty"), [
    ("1930~", "1930", "", "approximate"),
    ("192X", "1920", "1929", "approximate"),
    ("1929/1933", "1929", "1933", "exact"),
    ("1985/..", "1985", "", "approximate"),
    ("1962-06?", "1962-06", "", "approximate"),
    ("1962-06-02", "1962-06-02", "", "exact"),
])
def test_a_csv_date_column_in_edtf_stands_for_start_and_end(tmp_path: Path, edtf: str, start: str, end: str,
                                                            certainty: str) -> None:
    source = tmp_path / "mine.csv"
    source.write_text(f"title,date\nSomething happened,{edtf}\n")
    store = tmp_path / "mine.db"
    assert import_events(source, store) == 1
    assert rows(store, "select id, start, [end], date_text, certainty, date_basis from events") == [
        ("something-happened", start, end, edtf, certainty, "unknown")]
    assert store_problems(store) == []


@pytest.mark.parametrize(("cells", "message"), [
    ("Bad,1930~~", "line 2: event 'bad', field 'date': '1930~~' is not a date in EDTF"),
    ("Reversed,1933/1929", "line 2: event 'reversed', field 'date': '1933/1929' ends before it starts"),
])
def test_a_bad_edtf_date_is_named_by_line_and_field(tmp_path: Path, cells: str, message: str) -> None:
    source = tmp_path / "mine.csv"
    source.write_text(f"title,date\n{cells}\n")
    with pytest.raises(ImportFileError) as caught:
        import_events(source, tmp_path / "mine.db")
    assert message in caught.value.report()


def test_a_csv_names_new_places_and_themes_and_reuses_the_stores(small_store: Path, tmp_path: Path) -> None:
    source = tmp_path / "mine.csv"
    source.write_text("title,start,places,themes,summary\n"
                      "Riot in town,1962-06-03,Novocherkassk;Rostov-on-Don,Strikes and uprisings;Memory,Again.\n"
                      "A second one,1963,rostov-on-don,memory;protest,\n")
    assert import_events(source, small_store) == 2
    assert rows(small_store, "select id, name, kind, latitude from places where id = 'rostov-on-don'") == [
        ("rostov-on-don", "Rostov-on-Don", None, None)]
    assert rows(small_store, "select place_id from event_places where event_id = 'riot-in-town' order by 1") == [
        ("novocherkassk",), ("rostov-on-don",)]  # the store's Novocherkassk found by its name
    assert rows(small_store, "select theme_id from event_themes where event_id = 'a-second-one' order by 1") == [
        ("memory",), ("protest",)]
    assert rows(small_store, "select count(*) from themes where name = 'Memory'") == [(1,)]
    assert store_problems(small_store) == []


def test_own_events_need_no_passage_but_a_claimed_basis_does(tmp_path: Path) -> None:
    data = {"events": [{"id": "bare", "title": "Bare", "start": "1900", "certainty": "approximate"},
                       {"id": "claims", "title": "Claims", "start": "1901", "certainty": "approximate",
                        "date_basis": "review", "places": [], "themes": []}]}
    source = tmp_path / "mine.json"
    source.write_text(json.dumps(data, indent=1))
    with pytest.raises(ImportFileError) as caught:
        import_events(source, tmp_path / "mine.db")
    assert [p.field for p in caught.value.problems] == ["excerpts"]
    assert "event 'claims'" in str(caught.value.problems[0])
    data["events"].pop()
    source.write_text(json.dumps(data, indent=1))
    assert import_events(source, tmp_path / "mine.db") == 1
    assert store_problems(tmp_path / "mine.db") == []
