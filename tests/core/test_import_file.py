"""Importing a user's own CSV or JSON: every field lands as written, problems name file, line and field. No Qt."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import QUOTES
from timeline_app.cli import cli
from timeline_app.ingest.import_file import ImportFileError, read_import
from timeline_app.ingest.store_writer import import_events
from timeline_app.model.catalog import load_catalog
from timeline_app.store.check import store_problems
from timeline_app.store.event_store import EventStore, StoreError

HEADER = "id,title,start,end,certainty,places,themes,summary,date,calendar,layer,date_basis,source,quote\n"
DOYLE = QUOTES["doyle-2021"]


def rows(path: Path, query: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def write_json(folder: Path, data: dict, name: str = "mine.json") -> Path:
    return write(folder, name, json.dumps(data, indent=2))


def json_event(eid: str = "plant-stops", **fields) -> dict:
    event = {"id": eid, "title": "The plant stops", "start": "1962-06-01", "end": "", "certainty": "exact",
             "places": ["novocherkassk"], "themes": ["protest"], "summary": "Work stops at the plant.",
             "excerpts": [{"source": "doyle-2021", "quote": DOYLE}]}
    return event | fields


# --- CSV -------------------------------------------------------------------------------------------------------


def test_a_csv_row_lands_with_every_field_as_written(small_store: Path, tmp_path: Path) -> None:
    csv_file = write(tmp_path, "mine.csv", HEADER + (
        f" second-strike , A second strike ,1962-06-03,1962-06-05,approximate, novocherkassk ; ;, protest;repression ,"
        f"Workers strike again.,1962-06-03/1962-06-05,julian,film,film,doyle-2021, {DOYLE} \n"))
    assert import_events(csv_file, small_store) == 1
    assert rows(small_store, "select id, title, summary, start, [end], certainty, layer, date_basis, date_text, "
                             "calendar from events where id = 'second-strike'") == [
        ("second-strike", "A second strike", "Workers strike again.", "1962-06-03", "1962-06-05", "approximate",
         "film", "film", "1962-06-03/1962-06-05", "julian")]
    assert rows(small_store, "select place_id from event_places where event_id = 'second-strike'") == \
        [("novocherkassk",)]
    assert sorted(rows(small_store, "select theme_id from event_themes where event_id = 'second-strike'")) == \
        [("protest",), ("repression",)]
    source_text = rows(small_store, "select text from sources where id = 'doyle-2021'")[0][0]
    start, end, quote = rows(small_store, "select start, [end], quote from excerpts "
                                          "where event_id = 'second-strike'")[0]
    assert quote == DOYLE and source_text[start:end] == DOYLE
    assert store_problems(small_store) == []


def test_a_csv_row_without_the_optional_columns_gets_the_defaults(small_store: Path, tmp_path: Path) -> None:
    csv_file = write(tmp_path, "mine.csv", "id,title,start,end,certainty,places,themes,summary,source,quote\n"
                                           f"later,Later,1963,1964,exact,novocherkassk,protest,S.,doyle-2021,{DOYLE}\n")
    assert import_events(csv_file, small_store) == 1
    assert rows(small_store, "select layer, date_basis, calendar, date_text, start_year, end_year from events "
                             "where id = 'later'") == [("history", "unknown", "gregorian", "1963/1964", 1963.0, 1965.0)]


def test_imported_events_appear_in_the_timeline_at_once(small_store: Path, tmp_path: Path) -> None:
    csv_file = write(tmp_path, "mine.csv", HEADER + f"later,Later,1970,,exact,novocherkassk,protest,S.,,,,,"
                                                    f"doyle-2021,{DOYLE}\n")
    import_events(csv_file, small_store)
    store = EventStore(small_store)
    try:
        catalog = load_catalog(store)
        assert "later" in list(catalog.ids) and len(catalog) == 3
        assert catalog.start_year[list(catalog.ids).index("later")] == 1970.0
    finally:
        store.close()


def test_a_guarded_formula_cell_comes_back_as_the_text_but_other_quotes_stay(small_store: Path,
                                                                             tmp_path: Path) -> None:
    csv_file = write(tmp_path, "mine.csv", HEADER + (
        f"a,'=1+2,1963,,exact,novocherkassk,protest,'-minus,,,,,doyle-2021,{DOYLE}\n"
        f"b,'quoted,1963,,exact,novocherkassk,protest,'@at,,,,,doyle-2021,{DOYLE}\n"))
    import_events(csv_file, small_store)
    assert dict(rows(small_store, "select id, title from events where id in ('a', 'b')")) == {
        "a": "=1+2", "b": "'quoted"}
    assert dict(rows(small_store, "select id, summary from events where id in ('a', 'b')")) == {
        "a": "-minus", "b": "@at"}


def test_a_bad_csv_row_is_named_by_its_line_and_field(small_store: Path, tmp_path: Path) -> None:
    before = small_store.read_bytes()
    csv_file = write(tmp_path, "mine.csv", HEADER + (
        f"good,Good,1963,,exact,novocherkassk,protest,S.,,,,,doyle-2021,{DOYLE}\n"
        f"bad,Bad,1963-13,,exact,novocherkassk,protest,S.,,,,,doyle-2021,{DOYLE}\n"
        f"worse,Worse,1963,,sure,novocherkassk,protest,S.,,,,,doyle-2021,{DOYLE}\n"))
    with pytest.raises(ImportFileError) as caught:
        import_events(csv_file, small_store)
    report = caught.value.report().splitlines()
    assert report[0].startswith(f"{csv_file}: line 3: event 'bad', field 'start': ")
    assert report[1].startswith(f"{csv_file}: line 4: event 'worse', field 'certainty': ")
    assert len(report) == 2 and str(caught.value).endswith("(and 1 more)")
    assert small_store.read_bytes() == before


def test_one_problem_has_no_count_of_more(small_store: Path, tmp_path: Path) -> None:
    csv_file = write(tmp_path, "mine.csv", HEADER + f"x,X,1963,,sure,novocherkassk,protest,S.,,,,,doyle-2021,{DOYLE}\n")
    with pytest.raises(ImportFileError) as caught:
        import_events(csv_file, small_store)
    assert str(caught.value).startswith(f"{csv_file}: line 2: event 'x', field 'certainty': ")
    assert "more)" not in str(caught.value) and caught.value.path == csv_file


def test_a_csv_row_without_a_quote_is_an_event_with_no_passage(small_store: Path, tmp_path: Path) -> None:
    csv_file = write(tmp_path, "mine.csv", HEADER + "x,X,1963,,exact,novocherkassk,protest,S.,,,,,doyle-2021,  \n")
    assert import_events(csv_file, small_store) == 1  # a user's own events need no source passage
    conn = sqlite3.connect(small_store)
    assert conn.execute("select title from events where id = 'x'").fetchall() == [("X",)]
    assert conn.execute("select count(*) from excerpts where event_id = 'x'").fetchone() == (0,)


def test_a_broken_csv_is_named_with_its_line(small_store: Path, tmp_path: Path) -> None:
    csv_file = write(tmp_path, "mine.csv", HEADER + "x,X,1963\n" + "Y" * 200_000 + ",1963\n")
    with pytest.raises(ImportFileError, match="line 3: file, field '-': is not valid CSV: field larger"):
        import_events(csv_file, small_store)


def test_a_file_is_read_by_its_content_whatever_its_name(small_store: Path, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"mine\.txt: file, field 'events': holds no events to import"):
        import_events(write(tmp_path, "mine.txt", HEADER), small_store)
    assert import_events(write(tmp_path, "UPPER.CSV", HEADER + f"u,U,1963,,exact,novocherkassk,protest,S.,,,,,"
                                                                f"doyle-2021,{DOYLE}\n"), small_store) == 1


# --- JSON ------------------------------------------------------------------------------------------------------


def test_json_that_is_not_an_object_is_named(small_store: Path, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="must hold a JSON object with a list 'events'"):
        import_events(write(tmp_path, "mine.json", "[1, 2]"), small_store)
    with pytest.raises(ImportFileError, match="holds no events to import"):
        import_events(write_json(tmp_path, {"events": []}), small_store)


def test_json_adds_new_sources_places_and_themes_with_their_fields(small_store: Path, tmp_path: Path) -> None:
    data = {
        "sources": [{"id": "my-diary", "author": "A. Reader", "title": "My notes", "publication": "Notebook",
                     "published": "2024-05-01", "url": "https://example.org", "stance": "Personal.",
                     "text": "On the first of June the plant stopped. Nobody spoke of it."},
                    {"id": "tape", "author": "Someone", "title": "Interview", "publication": "Tape",
                     "published": "1990"}],
        "places": [{"id": "rostov", "name": "Rostov-on-Don", "kind": "city", "latitude": 47.23, "longitude": 39.72}],
        "themes": [{"id": "memory", "name": "Memory", "color": "#336699"}],
        "events": [json_event(places=["rostov", "novocherkassk"], themes=["memory"], excerpts=[
            {"source": "my-diary", "quote": "Nobody spoke of it.", "voice": "quoted", "speaker": "a neighbour",
             "note": "Heard later."},
            {"source": "tape", "quote": "We were told to forget."}],
            commentary=[{"source": "my-diary", "quote": "On the first of June"}],
            claims=[{"topic": "day", "value": "1 June", "source": "my-diary", "quote": "On the first of June"},
                    {"topic": "day", "value": "1 June 1962", "ref": "Baron (2001)"}],
            outside_facts=[{"fact": "It was a Friday", "ref": "A calendar"}])],
    }
    assert import_events(write_json(tmp_path, data), small_store) == 1
    assert rows(small_store, "select author, title, publication, published, url, stance from sources "
                             "where id = 'my-diary'") == [
        ("A. Reader", "My notes", "Notebook", "2024-05-01", "https://example.org", "Personal.")]
    assert rows(small_store, "select name, kind, latitude, longitude from places where id = 'rostov'") == [
        ("Rostov-on-Don", "city", 47.23, 39.72)]
    assert rows(small_store, "select name, color from themes where id = 'memory'") == [("Memory", "#336699")]
    excerpts = rows(small_store, "select source_id, quote, start, [end], voice, speaker, note from excerpts "
                                 "where event_id = 'plant-stops' order by id")
    text = "On the first of June the plant stopped. Nobody spoke of it."
    assert excerpts == [("my-diary", "Nobody spoke of it.", text.index("Nobody"), len(text), "quoted",
                         "a neighbour", "Heard later."),
                        ("tape", "We were told to forget.", None, None, "reviewer", "", "")]
    assert rows(small_store, "select source_id, quote, start, [end] from commentary "
                             "where event_id = 'plant-stops'") == [("my-diary", "On the first of June", 0, 20)]
    assert rows(small_store, "select topic, value, source_id, quote, ref from claims where event_id = 'plant-stops' "
                             "order by id") == [("day", "1 June", "my-diary", "On the first of June", ""),
                                                ("day", "1 June 1962", None, "", "Baron (2001)")]
    assert rows(small_store, "select fact, ref from outside_facts where event_id = 'plant-stops'") == [
        ("It was a Friday", "A calendar")]
    assert store_problems(small_store) == []


def test_imported_passages_are_numbered_after_the_stores_own(small_store: Path, tmp_path: Path) -> None:
    before = rows(small_store, "select id, event_id, quote from excerpts order by id")
    import_events(write_json(tmp_path, {"events": [json_event("one"), json_event("two")]}), small_store)
    after = rows(small_store, "select id, event_id, quote from excerpts order by id")
    assert after[:len(before)] == before
    assert [r[1] for r in after[len(before):]] == ["one", "two"]
    assert len({r[0] for r in after}) == len(after)


def test_a_place_or_theme_the_store_has_keeps_the_stores_definition(small_store: Path, tmp_path: Path) -> None:
    data = {"places": [{"id": "novocherkassk", "name": "Renamed", "kind": "city", "latitude": 0, "longitude": 0}],
            "themes": [{"id": "protest", "name": "Renamed", "color": "#000000"}], "events": [json_event()]}
    assert import_events(write_json(tmp_path, data), small_store) == 1
    assert rows(small_store, "select name from places where id = 'novocherkassk'") == [("Novocherkassk",)]
    assert rows(small_store, "select name from themes where id = 'protest'") == [("Strikes and uprisings",)]


def test_a_source_the_store_has_is_accepted_only_if_it_is_the_same(small_store: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.row_factory = sqlite3.Row
    doyle = dict(conn.execute("select * from sources where id = 'doyle-2021'").fetchone())
    conn.close()
    data = {"sources": [doyle], "events": [json_event()]}
    assert import_events(write_json(tmp_path, data), small_store) == 1
    assert rows(small_store, "select count(*) from sources") == [(2,)]
    data = {"sources": [doyle | {"stance": "Another view."}], "events": [json_event("other")]}
    with pytest.raises(ImportFileError, match="source 'doyle-2021', field 'id': another source already uses this id"):
        import_events(write_json(tmp_path, data), small_store)


def test_a_source_listed_twice_in_one_file_is_refused(small_store: Path, tmp_path: Path) -> None:
    tape = {"id": "tape", "author": "Someone", "title": "Interview", "publication": "Tape", "published": "1990"}
    data = {"sources": [tape, tape], "events": [json_event(excerpts=[{"source": "tape", "quote": "Words."}])]}
    with pytest.raises(ImportFileError, match="source 'tape', field 'id': another source already uses this id"):
        import_events(write_json(tmp_path, data), small_store)


def test_a_source_needs_an_author_and_a_title_but_no_url(small_store: Path, tmp_path: Path) -> None:
    bare = {"id": "tape", "author": "", "title": "", "publication": "Tape", "published": "1990"}
    data = {"sources": [bare], "events": [json_event(excerpts=[{"source": "tape", "quote": "Words."}])]}
    with pytest.raises(ImportFileError) as caught:
        import_events(write_json(tmp_path, data), small_store)
    fields = [(p.where, p.field) for p in caught.value.problems]
    assert fields == [("source 'tape'", "author"), ("source 'tape'", "title")]


def test_read_import_leaves_the_store_to_number_passages(small_store: Path, tmp_path: Path) -> None:
    from timeline_app.ingest.import_file import Existing

    conn = sqlite3.connect(small_store)
    try:
        tables, meta = read_import(write_json(tmp_path, {"events": [json_event()]}), Existing(conn))
    finally:
        conn.close()
    assert meta == {"built_from": "mine.json"}
    assert [e["id"] for e in tables["events"]] == ["plant-stops"]
    assert all("id" not in row for row in tables["excerpts"])


# --- the store written -----------------------------------------------------------------------------------------


def test_a_new_store_is_made_titled_after_the_file(tmp_path: Path) -> None:
    data = {"sources": [{"id": "tape", "author": "Someone", "title": "Interview", "publication": "Tape",
                         "published": "1990"}],
            "places": [{"id": "rostov", "name": "Rostov", "kind": "city", "latitude": 47.2, "longitude": 39.7}],
            "themes": [{"id": "memory", "name": "Memory", "color": "#336699"}],
            "events": [json_event(places=["rostov"], themes=["memory"],
                                  excerpts=[{"source": "tape", "quote": "Words."}])]}
    target = tmp_path / "new.db"
    assert import_events(write_json(tmp_path, data), target) == 1
    meta = dict(rows(target, "select key, value from meta"))
    assert meta["title"] == "Events imported from mine.json" and meta["built_from"] == "mine.json"
    assert meta["schema_version"] == "2"
    assert store_problems(target) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json", "new.db"]  # no temporary left


def test_a_failed_new_store_leaves_nothing(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError):
        import_events(write_json(tmp_path, {"events": [json_event()]}), tmp_path / "new.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.json"]


def test_a_store_in_a_missing_folder_or_a_folder_is_refused(small_store: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path, {"events": [json_event()]})
    with pytest.raises(StoreError, match="is not a folder"):
        import_events(source, tmp_path / "nowhere" / "new.db")
    with pytest.raises(StoreError, match="import into an event store file"):
        import_events(source, tmp_path)


def test_a_file_that_is_not_a_store_is_refused_and_kept(tmp_path: Path) -> None:
    target = write(tmp_path, "notes.db", "")
    conn = sqlite3.connect(target)
    conn.execute("create table notes (x)")
    conn.commit()
    conn.close()
    before = target.read_bytes()
    with pytest.raises(StoreError, match="is not a valid event store"):
        import_events(write_json(tmp_path, {"events": [json_event()]}), target)
    assert target.read_bytes() == before


def test_the_shipped_store_is_written_only_when_allowed(small_store: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path, {"events": [json_event()]})
    with pytest.raises(StoreError, match="is the shipped store"):
        import_events(source, small_store, shipped=small_store)
    assert import_events(source, small_store, shipped=small_store, allow_shipped=True) == 1
    assert import_events(write_json(tmp_path, {"events": [json_event("again")]}), small_store,
                         shipped=tmp_path / "elsewhere.db") == 1


# --- the command line ------------------------------------------------------------------------------------------


def test_the_import_command_says_how_many_events_it_added(small_store: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path, {"events": [json_event("one"), json_event("two")]})
    result = CliRunner().invoke(cli, ["import", str(source), "--into", str(small_store)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"added 2 events to {small_store}"


def test_the_import_command_lists_every_problem_and_exits_2(small_store: Path, tmp_path: Path) -> None:
    source = write_json(tmp_path, {"events": [json_event("one", start="1962-13"), json_event("two", certainty="x")]})
    result = CliRunner().invoke(cli, ["import", str(source), "--into", str(small_store)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines[0] == f"error: {source}: 2 problem(s); {small_store} left unchanged"
    assert lines[1].startswith(f"{source}: line ") and "event 'one', field 'start'" in lines[1]
    assert "event 'two', field 'certainty'" in lines[2] and len(lines) == 3


def test_a_problem_with_the_whole_file_is_one_line(small_store: Path, tmp_path: Path) -> None:
    source = write(tmp_path, "mine.json", "[]")
    result = CliRunner().invoke(cli, ["import", str(source), "--into", str(small_store)])
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {source}: must hold a JSON object with a list 'events'; "
                                     f"{small_store} left unchanged")
