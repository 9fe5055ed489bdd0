"""Approximate, uncertain, open and Old Style dates, from the source file through the store to what people read."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import build_small_store, event_entry
from timeline_app.export.data_formats import CSV_COLUMNS, events_document, timelinejs_document, write_csv
from timeline_app.export.view import view_of_store
from timeline_app.ingest.store_writer import import_events
from timeline_app.model.catalog import load_catalog
from timeline_app.model.filters import FilterState
from timeline_app.sources.event_details import event_details
from timeline_app.store.check import store_problems
from timeline_app.store.event_store import EventStore
from timeline_app.store.timeline_index import (
    INDEX_TABLE,
    OPEN_END,
    OPEN_START,
    UNSPECIFIED_YEARS,
    VAGUE_END,
    VAGUE_START,
    compute_arrays,
    load_arrays,
)

#: id, start, end, EDTF date, calendar, the words people read, the date flags the timeline draws from.
VAGUE = [
    ("circa", "1930", "", "1930~", "", "c. 1930", VAGUE_START | VAGUE_END),
    ("twenties", "1920", "1929", "192X", "", "1920s", UNSPECIFIED_YEARS),
    ("uncertain-month", "1962-06", "", "1962-06?", "", "June 1962 (uncertain)", VAGUE_START | VAGUE_END),
    ("both", "1962-06", "", "1962-06%", "", "c. June 1962 (uncertain)", VAGUE_START | VAGUE_END),
    ("slump", "1929", "1933", "1929/1933", "", "1929–1933", 0),
    ("open-end", "1985", "", "1985/..", "", "after 1985", OPEN_END),
    ("open-start", "1917", "", "../1917", "", "before 1917", OPEN_START),
    ("war", "1918", "1921", "1918~/1921~", "", "c. 1918 – c. 1921", VAGUE_START | VAGUE_END),
    ("silence", "1962-06", "1992", "1962-06/1992?", "", "June 1962 – 1992 (uncertain)", VAGUE_END),
    ("days", "1962-06-01", "1962-06-03", "", "", "1–3 June 1962", 0),
    ("revolution", "1917-11-07", "", "", "julian", "25 Oct (7 Nov) 1917", 0),
    ("decree", "1917-11-08", "1917-11-09", "", "julian", "26–27 Oct (8–9 Nov) 1917", 0),
]


def _entry(eid: str, start: str, end: str, date_text: str, calendar: str) -> str:
    extra = (f'date = "{date_text}"\n' if date_text else "") + (f'calendar = "{calendar}"\n' if calendar else "")
    return event_entry(eid, start, end).replace("certainty =", extra + "certainty =", 1)


@pytest.fixture(scope="module")
def vague_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("vague")
    return build_small_store(folder, "".join(_entry(*row[:5]) for row in VAGUE))


def test_edtf_dates_and_old_style_build_and_pass_check(vague_store: Path) -> None:
    assert store_problems(vague_store) == []
    conn = sqlite3.connect(vague_store)
    rows = dict(conn.execute("select id, date_text || ' ' || calendar from events"))
    assert rows["circa"] == "1930~ gregorian"
    assert rows["revolution"] == "1917-11-07 julian"  # the store keeps the Gregorian day


def test_every_view_writes_the_date_as_a_historian_would(vague_store: Path) -> None:
    store = EventStore(vague_store)
    catalog = load_catalog(store)
    for eid, *_cols, written, _flags in VAGUE:
        assert catalog.date_words(catalog.index_of[eid]) == written, eid
        details = event_details(store, catalog, eid)
        assert details is not None and details.when == written, eid
    store.close()


def test_the_timeline_knows_which_ends_are_vague(vague_store: Path) -> None:
    store = EventStore(vague_store)
    catalog = load_catalog(store)
    for eid, *_cols, _written, flags in VAGUE:
        assert int(catalog.date_flags[catalog.index_of[eid]]) == flags, eid
    assert int(catalog.date_flags[catalog.index_of["strike"]]) == 0
    store.close()


def test_the_saved_flags_are_those_the_tables_give(vague_store: Path) -> None:
    conn = sqlite3.connect(vague_store)
    saved, computed = load_arrays(conn), compute_arrays(conn)
    assert np.array_equal(saved.date_flags, computed.date_flags)
    assert saved.date_flags.any()


def test_an_index_saved_before_dates_had_flags_still_gives_them(vague_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "old-index.db"
    copy.write_bytes(vague_store.read_bytes())
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute(f"delete from {INDEX_TABLE} where name = 'date_flags'")
    assert np.array_equal(load_arrays(conn).date_flags, compute_arrays(conn).date_flags)


def test_a_date_edited_by_another_program_is_drawn_as_it_now_is(vague_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "edited.db"
    copy.write_bytes(vague_store.read_bytes())
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute("update events set date_text = '1930' where id = 'circa'")
    store = EventStore(copy)
    catalog = load_catalog(store)
    assert int(catalog.date_flags[catalog.index_of["circa"]]) == 0
    assert catalog.date_words(catalog.index_of["circa"]) == "1930"
    store.close()


def _view(path: Path):
    store = EventStore(path)
    return view_of_store(store, FilterState(), view_range=(1900.0, 2000.0))


def test_csv_export_has_a_display_date_beside_the_machine_dates(vague_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "view.csv"
    write_csv(_view(vague_store), target)
    with open(target, encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert "display_date" in CSV_COLUMNS
    for eid, start, end, date_text, calendar, written, _flags in VAGUE:
        assert rows[eid]["display_date"] == written
        assert (rows[eid]["start"], rows[eid]["end"]) == (start, end)
        assert rows[eid]["date"] == (date_text or (f"{start}/{end}" if end else start))
        assert rows[eid]["calendar"] == (calendar or "gregorian")


def test_json_export_has_a_display_date_and_reads_back_with_the_same_dates(vague_store: Path,
                                                                           tmp_path: Path) -> None:
    document = events_document(_view(vague_store))
    events = {e["id"]: e for e in document["events"]}
    for eid, *_cols, written, _flags in VAGUE:
        assert events[eid]["display_date"] == written
    target = tmp_path / "view.json"
    target.write_text(json.dumps(document), encoding="utf-8")
    import_events(target, tmp_path / "again.db")
    store = EventStore(tmp_path / "again.db")
    catalog = load_catalog(store)
    for eid, *_cols, written, _flags in VAGUE:
        assert catalog.date_words(catalog.index_of[eid]) == written, eid
    store.close()


def test_timelinejs_slides_carry_the_display_date(vague_store: Path) -> None:
    slides = {s["unique_id"]: s for s in timelinejs_document(_view(vague_store))["events"]}
    assert slides["circa"]["display_date"] == "c. 1930"
    assert slides["revolution"]["display_date"] == "25 Oct (7 Nov) 1917"
    assert slides["revolution"]["start_date"] == {"year": 1917, "month": 11, "day": 7}  # placed New Style
