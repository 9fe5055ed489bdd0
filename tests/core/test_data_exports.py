"""Every data export lists exactly the events the view shows, each field as the store holds it. No Qt.

Expected values come from the shipped store's own tables (plain SQL), so the tests follow its content.
"""

from __future__ import annotations

import csv
import html
import json
import re
import sqlite3
from pathlib import Path

import pytest

from conftest import SHIPPED_EVENTS, SHIPPED_STORE, shipped_rows
from timeline_app import __version__
from timeline_app.export.data_formats import (
    CSV_COLUMNS,
    events_document,
    timelinejs_document,
    write_csv,
    write_json,
    write_timelinejs,
)
from timeline_app.export.registry import EXPORTERS, ExportError, export, format_for
from timeline_app.export.view import ExportView, view_of_store
from timeline_app.model.filters import FilterState
from timeline_app.store.event_store import EventStore

ALL_YEARS = (1900.0, 2030.0)


sql = shipped_rows  # a query on the shipped store


@pytest.fixture(scope="module")
def shipped():
    store = EventStore(SHIPPED_STORE)
    yield store
    store.close()


def view(store: EventStore, years=ALL_YEARS, grouping: str = "theme", **filters) -> ExportView:
    return view_of_store(store, FilterState(**filters), grouping, years)


def csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def names(table: str, column: str = "name") -> dict[str, str]:
    return dict(sql(f"select id, {column} from {table}"))


def members(link: str, column: str, eid: str) -> set[str]:
    return {r[0] for r in sql(f"select {column} from {link} where event_id = ?", (eid,))}


# --- CSV -------------------------------------------------------------------------------------------------------


def test_csv_has_the_import_columns_first_and_one_row_per_event(shipped, tmp_path: Path) -> None:
    assert write_csv(view(shipped), tmp_path / "all.csv") == SHIPPED_EVENTS
    with open(tmp_path / "all.csv", encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert tuple(header) == CSV_COLUMNS
    assert header[:4] == ["id", "title", "start", "end"]
    assert len(csv_rows(tmp_path / "all.csv")) == SHIPPED_EVENTS


def test_every_csv_cell_is_the_stores_value(shipped, tmp_path: Path) -> None:
    write_csv(view(shipped), tmp_path / "all.csv")
    rows = {r["id"]: r for r in csv_rows(tmp_path / "all.csv")}
    places, themes, authors = names("places"), names("themes"), names("sources", "author")
    stored = sql("select id, title, start, [end], coalesce(date_text, ''), coalesce(calendar, ''), certainty, "
                 "coalesce(layer, 'history'), coalesce(date_basis, 'unknown'), coalesce(summary, '') from events")
    assert set(rows) == {s[0] for s in stored}
    for eid, title, start, end, date, calendar, certainty, layer, basis, summary in stored:
        row = rows[eid]
        assert (row["title"], row["start"], row["end"], row["date"], row["calendar"], row["certainty"],
                row["layer"], row["date_basis"], row["summary"]) == (
            title, start, end or "", date, calendar, certainty, layer, basis, summary), eid
        event_places, event_themes = members("event_places", "place_id", eid), members("event_themes", "theme_id", eid)
        assert set(row["places"].split(";")) - {""} == event_places
        assert set(row["themes"].split(";")) - {""} == event_themes
        assert set(row["place_names"].split("; ")) - {""} == {places[p] for p in event_places}
        assert set(row["theme_names"].split("; ")) - {""} == {themes[t] for t in event_themes}
        cited = {r[0] for r in sql("select source_id from excerpts where event_id = ? union "
                                   "select source_id from commentary where event_id = ? union "
                                   "select source_id from claims where event_id = ? and source_id != ''",
                                   (eid, eid, eid)) if r[0]}
        assert set(row["sources"].split("; ")) - {""} == {authors[s] for s in cited}, eid
        refs = sorted({r[0] for r in sql("select ref from outside_facts where event_id = ?", (eid,))})
        assert row["outside_references"] == "; ".join(refs), eid


def test_csv_keeps_a_julian_date_and_an_edtf_date_as_written(shipped, tmp_path: Path) -> None:
    write_csv(view(shipped), tmp_path / "all.csv")
    rows = {r["id"]: r for r in csv_rows(tmp_path / "all.csv")}
    assert rows["october-revolution"]["calendar"] == "julian"
    assert rows["civil-war"]["date"] == "1918~/1921~"
    assert rows["novocherkassk-massacre"]["certainty"] == "disputed"
    assert rows["film-lyudmila"]["layer"] == "film" and rows["film-lyudmila"]["date_basis"] == "film"
    assert rows["revolution-betrayed"]["date_basis"] == "review"


def test_csv_lists_the_filtered_years_places_and_themes_in_time_order(shipped, tmp_path: Path) -> None:
    count = write_csv(view(shipped, (1950.0, 1970.0), themes=frozenset({"protest"})), tmp_path / "v.csv")
    rows = csv_rows(tmp_path / "v.csv")
    expected = {r[0] for r in sql("select e.id from events e join event_themes t on t.event_id = e.id "
                                  "where t.theme_id = 'protest' and e.end_year >= 1950 and e.start_year <= 1970")}
    assert count == len(rows) == len(expected) > 0
    assert {r["id"] for r in rows} == expected
    starts = dict(sql("select id, start_year from events"))
    assert [starts[r["id"]] for r in rows] == sorted(starts[r["id"]] for r in rows)


def test_csv_of_no_events_is_the_header_alone(shipped, tmp_path: Path) -> None:
    assert write_csv(view(shipped, places=frozenset({"no-such-place"})), tmp_path / "none.csv") == 0
    assert (tmp_path / "none.csv").read_text(encoding="utf-8").splitlines() == [",".join(CSV_COLUMNS)]


def test_a_csv_cell_of_nothing_is_empty_and_numbers_are_text() -> None:
    from timeline_app.export.data_formats import csv_cell

    assert (csv_cell(None), csv_cell(1962), csv_cell(-3), csv_cell("@x"), csv_cell("x=1")) == (
        "", "1962", "'-3", "'@x", "x=1")


def test_progress_starts_at_nought_and_ends_at_the_count(shipped, tmp_path: Path) -> None:
    for writer in (write_csv, write_json, write_timelinejs):
        calls: list[tuple[int, int]] = []
        count = writer(view(shipped, themes=frozenset({"protest"})), tmp_path / "p",
                       lambda d, t, c=calls: c.append((d, t)))
        assert calls[0] == (0, count) and calls[-1] == (count, count), writer.__name__
        assert all(done <= total == count for done, total in calls)


# --- JSON ------------------------------------------------------------------------------------------------------


def test_json_carries_the_filter_the_years_and_who_made_it(shipped, tmp_path: Path) -> None:
    count = write_json(view(shipped, (1950.0, 1970.0), reviewer="both"), tmp_path / "v.json")
    document = json.loads((tmp_path / "v.json").read_text(encoding="utf-8"))
    assert count == len(document["events"]) > 0
    assert document["title"] == dict(sql("select key, value from meta"))["title"]
    assert document["exported_by"] == f"timeline-app {__version__}"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["exported"])
    assert document["filter"]["years"] == [1950.0, 1970.0]
    assert document["filter"]["reviewer"] == "both"
    assert document["filter_description"] == "discussed by both reviewers; years 1950–1970"


def test_json_events_have_every_field_of_the_store(shipped) -> None:
    document = events_document(view(shipped))
    events = {e["id"]: e for e in document["events"]}
    assert len(events) == SHIPPED_EVENTS
    stored = sql("select id, title, start, [end], coalesce(date_text, ''), coalesce(calendar, 'gregorian'), "
                 "certainty, coalesce(layer, 'history'), coalesce(date_basis, 'unknown'), coalesce(summary, '') "
                 "from events")
    for eid, title, start, end, date, calendar, certainty, layer, basis, summary in stored:
        event = events[eid]
        assert (event["title"], event["start"], event["end"], event["date"], event["calendar"], event["certainty"],
                event["layer"], event["date_basis"], event["summary"]) == (
            title, start, end or "", date, calendar, certainty, layer, basis, summary), eid
        assert set(event["places"]) == members("event_places", "place_id", eid)
        assert set(event["themes"]) == members("event_themes", "theme_id", eid)
        facts = sql("select fact, ref from outside_facts where event_id = ? order by id", (eid,))
        assert event["outside_facts"] == [{"fact": f, "ref": r, "citation": r} for f, r in facts]
        for table in ("excerpts", "commentary"):
            quotes = sql(f"select source_id, quote, start, [end], voice from {table} where event_id = ?", (eid,))
            assert sorted((q["source"], q["quote"], q["start"], q["end"], q["voice"]) for q in event[table]) == \
                sorted(quotes), (eid, table)
        claims = sql("select topic, value, coalesce(source_id, ''), coalesce(quote, '') from claims "
                     "where event_id = ?", (eid,))
        assert sorted((c["topic"], c["value"], c.get("source", ""), c.get("quote", "")) for c in event["claims"]) \
            == sorted(claims), eid


def test_json_passages_name_their_speaker_and_note_only_when_the_store_has_them(shipped) -> None:
    document = events_document(view(shipped))
    excerpts = [(e["id"], q) for e in document["events"] for q in e["excerpts"]]
    spoken = {r[:2]: r[2:] for r in sql("select event_id, quote, speaker, note from excerpts")}
    for eid, quote in excerpts:
        speaker, note = spoken[eid, quote["quote"]]
        assert quote.get("speaker", "") == (speaker or "")
        assert quote.get("note", "") == (note or "")
    assert any("speaker" in q for _e, q in excerpts) and any("speaker" not in q for _e, q in excerpts)
    assert any("note" in q for _e, q in excerpts) and any("note" not in q for _e, q in excerpts)


def test_json_cites_each_passage_and_gives_the_records_side_its_reference(shipped) -> None:
    document = events_document(view(shipped))
    citations = {s["id"]: s["citation"] for s in document["sources"]}
    assert all(c.startswith(("Doyle, Clare.", "Weiss, Clara.")) for c in citations.values())
    for event in document["events"]:
        for kind in ("excerpts", "commentary"):
            assert all(q["citation"] == citations[q["source"]] for q in event[kind])
        for claim in event["claims"]:
            if claim.get("source"):
                assert claim["citation"] == citations[claim["source"]] and claim["quote"]
            else:  # the record's side: only what it says and where that is written
                assert set(claim) == {"topic", "value", "ref", "citation"} and claim["citation"] == claim["ref"] != ""
    record = [c for e in document["events"] for c in e["claims"] if not c.get("source")]
    assert len(record) == sql("select count(*) from claims where coalesce(source_id, '') = ''")[0][0] > 0


def test_json_lists_only_the_sources_places_and_themes_the_shown_events_use(shipped) -> None:
    document = events_document(view(shipped, places=frozenset({"petrograd"})))
    shown = [e["id"] for e in document["events"]]
    assert shown and set(shown) == {r[0] for r in sql("select event_id from event_places where place_id = 'petrograd'")}
    assert {p["id"] for p in document["places"]} == {p for e in document["events"] for p in e["places"]}
    assert {t["id"] for t in document["themes"]} == {t for e in document["events"] for t in e["themes"]}
    assert len(document["themes"]) < len(sql("select id from themes"))
    cited = {q["source"] for e in document["events"] for k in ("excerpts", "commentary", "claims")
             for q in e[k] if q.get("source")}
    assert {s["id"] for s in document["sources"]} == cited
    place = next(p for p in document["places"] if p["id"] == "petrograd")
    assert place["name"] == names("places")["petrograd"]
    source = document["sources"][0]
    assert source["author"] == names("sources", "author")[source["id"]] and source["text"]


# --- TimelineJS ------------------------------------------------------------------------------------------------


def slides(store, **kwargs) -> dict[str, dict]:
    return {s["unique_id"]: s for s in timelinejs_document(view(store, **kwargs))["events"]}


def test_timelinejs_dates_keep_the_precision_of_the_store(shipped) -> None:
    by_id = slides(shipped)
    assert len(by_id) == SHIPPED_EVENTS
    assert by_id["stalin-death"]["start_date"] == {"year": 1953, "month": 3, "day": 5}
    assert "end_date" not in by_id["stalin-death"]
    assert by_id["left-opposition"]["start_date"] == {"year": 1923, "month": 10}
    assert by_id["left-opposition"]["end_date"] == {"year": 1927, "month": 12}
    assert by_id["great-terror"]["start_date"] == {"year": 1936}
    assert by_id["great-terror"]["end_date"] == {"year": 1938}
    ends = dict(sql("select id, [end] from events"))
    assert {eid for eid, s in by_id.items() if "end_date" in s} == {eid for eid, end in ends.items() if end}


def test_timelinejs_slides_tell_the_layer_the_date_basis_the_facts_and_the_excerpts(shipped) -> None:
    by_id = slides(shipped)
    film = by_id["film-lyudmila"]["text"]["text"]
    assert "A scene of the film, as the reviews retell it" in film and "Date from the film&#x27;s plot." in film
    reception = by_id["dear-comrades-venice"]["text"]["text"]
    assert "The film&#x27;s making and reception." in reception and "Date as a review gives it." in reception
    history = by_id["stalin-death"]["text"]["text"]
    assert "scene of the film" not in history and "making and reception" not in history
    assert "Date from outside the reviews." in history
    fact, ref = sql("select fact, ref from outside_facts where event_id = 'stalin-death'")[0]
    assert "From outside the reviews:" in history and f"<i>{ref}</i>".replace("'", "&#x27;") in history
    assert fact.split(" ")[0] in history
    summary = sql("select summary from events where id = 'stalin-death'")[0][0]
    assert history.startswith("<p>" + summary.replace("'", "&#x27;").replace('"', "&quot;")[:40])
    without_facts = sql("select id from events where id not in (select event_id from outside_facts)")
    assert without_facts and all("From outside the reviews" not in by_id[eid]["text"]["text"]
                                 for (eid,) in without_facts)
    speaker_excerpts = sql("select e.event_id, e.speaker, s.author, s.publication from excerpts e "
                           "join sources s on s.id = e.source_id where e.speaker != '' limit 1")
    eid, speaker, author, publication = speaker_excerpts[0]
    text = by_id[eid]["text"]["text"]
    assert "<blockquote>" in text and f"— {author} (" in text and f"<i>{publication}</i>" in text
    assert speaker.replace("'", "&#x27;")[:20] in text
    for eid, title in sql("select id, title from events"):
        assert by_id[eid]["text"]["headline"] == html.escape(title)


def test_timelinejs_groups_slides_as_the_timeline_groups_lanes(shipped) -> None:
    themes, places, authors = names("themes"), names("places"), names("sources", "author")
    for grouping, table, link, column in (("theme", themes, "event_themes", "theme_id"),
                                          ("place", places, "event_places", "place_id")):
        for eid, slide in slides(shipped, grouping=grouping).items():
            assert slide["group"] in {table[m] for m in members(link, column, eid)} | ({""} if not
                                                                                          members(link, column, eid)
                                                                                          else set())
    by_reviewer = slides(shipped, grouping="reviewer")
    assert {s["group"] for s in by_reviewer.values()} - {""} <= set(authors.values())
    assert by_reviewer["novocherkassk-massacre"]["group"] in set(authors.values())


def test_timelinejs_title_credits_the_sources_and_eras_are_the_leaders(shipped) -> None:
    document = timelinejs_document(view(shipped, (1950.0, 1970.0)))
    title = document["title"]["text"]
    assert title["headline"] == dict(sql("select key, value from meta"))["title"].replace("'", "&#x27;")
    citations = "; ".join(s["citation"] for s in events_document(view(shipped, (1950.0, 1970.0)))["sources"])
    assert "Doyle, Clare." in citations and "Weiss, Clara." in citations
    assert title["text"] == (f"<p>{html.escape(events_document(view(shipped, (1950.0, 1970.0)))['filter_description'])}"
                             f"</p><p><small>Sources: {html.escape(citations)}</small></p>")
    assert "years 1950–1970" in title["text"]
    periods = sql("select name, start, [end] from periods order by start")
    assert [e["text"]["headline"] for e in document["eras"]] == [p[0] for p in periods]
    assert document["eras"][0]["start_date"] == {"year": 1917, "month": 11}
    assert document["eras"][0]["end_date"] == {"year": 1924, "month": 1}


def test_timelinejs_escapes_store_text_as_html(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set title = '<script>x</script>', summary = 'a & <b>' where id = 'strike'")
    conn.execute("update themes set name = '<i>Strikes</i>' where id = 'protest'")
    conn.commit()
    conn.close()
    store = EventStore(small_store)
    try:
        document = timelinejs_document(view(store, grouping="theme"))
    finally:
        store.close()
    strike = next(s for s in document["events"] if s["unique_id"] == "strike")
    assert strike["text"]["headline"] == "&lt;script&gt;x&lt;/script&gt;"
    assert "<p>a &amp; &lt;b&gt;</p>" in strike["text"]["text"]
    assert strike["group"] == "&lt;i&gt;Strikes&lt;/i&gt;"
    assert "<script>" not in json.dumps(document)


# --- the registry ----------------------------------------------------------------------------------------------


def test_the_suffix_picks_the_format_and_an_explicit_one_wins(tmp_path: Path) -> None:
    assert format_for(tmp_path / "a.CSV") == "csv"
    assert format_for(tmp_path / "a.json") == "json"
    assert format_for(tmp_path / "a.json", "timelinejs") == "timelinejs"
    with pytest.raises(ExportError, match="unknown format 'xls'"):
        format_for(tmp_path / "a.csv", "xls")
    with pytest.raises(ExportError, match="cannot tell the format from 'no suffix'"):
        format_for(tmp_path / "a")
    assert {"csv", "json", "timelinejs"} <= set(EXPORTERS)
    assert not any(EXPORTERS[name].picture for name in ("csv", "json", "timelinejs"))


def test_export_writes_the_format_asked_and_says_how_many_events(shipped, tmp_path: Path) -> None:
    v = view(shipped, themes=frozenset({"protest"}))
    count = len(v.shown())
    assert export(v, tmp_path / "t.json", "timelinejs") == f"{count} events"
    assert set(json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))) == {"title", "events", "eras"}
    assert export(v, tmp_path / "d.json", "json") == f"{count} events"
    assert len(json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["events"]) == count
    with pytest.raises(ExportError, match="this is the open store"):
        export(v, SHIPPED_STORE, "csv")
    with pytest.raises(ExportError, match="unknown format 'xls'"):
        export(v, tmp_path / "x.xls", "xls")
    assert not (tmp_path / "x.xls").exists()


def test_the_windows_view_exports_what_the_window_shows() -> None:
    from timeline_app.export.view import view_of_state
    from timeline_app.model.explorer_state import ExplorerState

    state = ExplorerState()
    state.open_store(SHIPPED_STORE)
    try:
        state.set_filter(FilterState(themes=frozenset({"protest"})))
        state.set_view_range(1950, 1970)
        state.set_grouping("place")
        exported = view_of_state(state)
        assert exported.store is state.store and exported.grouping == "place"
        assert exported.view_range == state.view_range and exported.filter == state.filter
        assert [state.catalog.ids[i] for i in exported.shown()] == [state.catalog.ids[i] for i in
                                                                      state.shown_indices()]
        headless = view_of_store(state.store, state.filter, "place", state.view_range)
        assert exported.shown().tolist() == headless.shown().tolist()
        assert [lane.key for lane in exported.layout.lanes] == [lane.key for lane in headless.layout.lanes]
        assert {lane.key for lane in exported.layout.lanes} <= {p["id"] for p in state.store.places()}
        state.set_view_range(1917, 1930)  # the exported view is a copy: the window moves on alone
        assert [state.catalog.ids[i] for i in exported.shown()] != [state.catalog.ids[i] for i in
                                                                      state.shown_indices()]
        assert exported.title() == dict(sql("select key, value from meta"))["title"]
    finally:
        state.close_store()


def test_a_format_registered_later_is_offered_and_wins_its_name(shipped, tmp_path: Path, monkeypatch) -> None:
    from timeline_app.export import registry

    monkeypatch.setattr(registry, "EXPORTERS", dict(registry.EXPORTERS))
    written: list[int] = []

    def write(v, path, _options, _progress) -> str:
        path.write_text("tab", encoding="utf-8")
        written.append(len(v.shown()))
        return "a table"

    registry.register(registry.Exporter("tsv", "Tab-separated", ".tsv", False, write))
    assert format_for(tmp_path / "v.tsv") == "tsv"
    assert registry.export(view(shipped), tmp_path / "v.tsv", "tsv") == "a table"
    assert written == [SHIPPED_EVENTS] and (tmp_path / "v.tsv").read_text(encoding="utf-8") == "tab"
    registry.register(registry.Exporter("tsv", "Tab-separated, again", ".tab", False, write))
    assert registry.EXPORTERS["tsv"].label == "Tab-separated, again" and format_for(tmp_path / "v.tab") == "tsv"


def test_a_date_basis_the_slides_do_not_know_adds_no_note(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set date_basis = 'rumour' where id = 'strike'")
    conn.commit()
    conn.close()
    store = EventStore(small_store, check_rows=False)
    try:
        strike = next(s for s in timelinejs_document(view(store))["events"] if s["unique_id"] == "strike")
    finally:
        store.close()
    assert "<p><small></small></p>" in strike["text"]["text"] and "None" not in strike["text"]["text"]


def test_a_source_without_publication_or_author_still_exports_to_timelinejs(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update sources set publication = null, published = null, url = null")
    conn.execute("update sources set author = null where id = 'weiss-2021'")
    conn.commit()
    conn.close()
    store = EventStore(small_store)
    try:
        massacre = next(s for s in timelinejs_document(view(store))["events"] if s["unique_id"] == "massacre")
    finally:
        store.close()
    assert "— Clare Doyle, <i></i></blockquote>" in massacre["text"]["text"]
    assert "”<br>— , <i></i></blockquote>" in massacre["text"]["text"]


def test_each_slide_lists_every_fact_and_names_each_excerpts_reviewer(shipped) -> None:
    by_id = slides(shipped)
    facts = sql("select fact, ref from outside_facts where event_id = 'october-revolution' order by id")
    assert len(facts) > 1
    items = "".join(f"<li>{html.escape(f)} — <i>{html.escape(r)}</i></li>" for f, r in facts)
    text = by_id["october-revolution"]["text"]["text"]
    assert f"<p><small>From outside the reviews:</small></p><ul>{items}</ul>" in text
    quote, author, publication = sql("select e.quote, s.author, s.publication from excerpts e join sources s "
                                     "on s.id = e.source_id where e.event_id = 'october-revolution' "
                                     "and e.speaker = ''")[0]
    assert (f"<blockquote>“{html.escape(quote)}”<br>— {html.escape(author)}, <i>{html.escape(publication)}</i>"
            f"</blockquote>") in text
    assert text.endswith("</blockquote>") and "XXXX" not in text


def test_an_event_with_no_lane_has_no_group_and_an_open_era_ends_where_it_starts(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("delete from event_themes where event_id = 'strike'")
    conn.execute("insert into periods (id, name, start, [end]) values ('khrushchev', 'Khrushchev', '1953-09', '')")
    conn.commit()
    conn.close()
    store = EventStore(small_store)
    try:
        document = timelinejs_document(view(store, grouping="theme"))
    finally:
        store.close()
    groups = {s["unique_id"]: s["group"] for s in document["events"]}
    assert groups == {"strike": "", "massacre": groups["massacre"]} and groups["massacre"] in {
        "Terror and repression", "Strikes and uprisings"}
    assert document["eras"] == [{"start_date": {"year": 1953, "month": 9}, "end_date": {"year": 1953, "month": 9},
                                 "text": {"headline": "Khrushchev"}}]


def test_columns_left_null_export_as_their_defaults(small_store: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set layer = null, date_basis = null, date_text = null, calendar = null, "
                 "summary = null where id = 'strike'")
    conn.commit()
    conn.close()
    store = EventStore(small_store)
    try:
        write_csv(view(store), tmp_path / "v.csv")
        event = next(e for e in events_document(view(store))["events"] if e["id"] == "strike")
    finally:
        store.close()
    row = next(r for r in csv_rows(tmp_path / "v.csv") if r["id"] == "strike")
    assert (row["date"], row["calendar"], row["layer"], row["date_basis"], row["summary"]) == (
        "", "", "history", "unknown", "")
    assert (event["date"], event["calendar"], event["layer"], event["date_basis"], event["summary"]) == (
        "", "gregorian", "history", "unknown", "")
