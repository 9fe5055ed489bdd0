"""``timeline-app export``: every option reaches the exported view, and bad values get one line. No Qt.

Data formats only (CSV and JSON draw no picture, so Qt never loads).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED_STORE
from timeline_app.cli import cli


def sql(query: str, params: tuple = ()) -> set:
    conn = sqlite3.connect(f"file:{SHIPPED_STORE}?mode=ro", uri=True)
    try:
        return {r[0] if len(r) == 1 else r for r in conn.execute(query, params).fetchall()}
    finally:
        conn.close()


def in_years(low: float, high: float) -> set[str]:
    return sql("select id from events where end_year >= ? and start_year <= ?", (low, high))


def export_json(tmp_path: Path, *args: str) -> dict:
    target = tmp_path / "v.json"
    result = CliRunner().invoke(cli, ["export", "-o", str(target), *args])
    assert result.exit_code == 0, result.output
    document = json.loads(target.read_text(encoding="utf-8"))
    assert result.output.strip() == f"wrote {target} (json: {len(document['events'])} events)"
    return document


def ids(document: dict) -> set[str]:
    return {e["id"] for e in document["events"]}


def test_the_default_years_are_the_soviet_union(tmp_path: Path) -> None:
    document = export_json(tmp_path)
    assert document["filter"]["years"] == [1917.0, 1992.0]
    assert document["filter"] == {"places": [], "themes": [], "reviewer": "any", "disputed_only": False,
                                  "search": "", "layers": [], "years": [1917.0, 1992.0]}
    assert ids(document) == in_years(1917.0, 1992.0)
    assert "dear-comrades-venice" not in ids(document) and "october-revolution" in ids(document)
    assert document["filter_description"] == "All events; years 1917–1992"


def test_from_and_to_choose_the_years(tmp_path: Path) -> None:
    document = export_json(tmp_path, "--from", "1956", "--to", "1957")
    assert document["filter"]["years"] == [1956.0, 1957.0]
    assert ids(document) == in_years(1956.0, 1957.0)
    assert "hungary-1956" in ids(document) and "stalin-death" not in ids(document)


def test_place_and_theme_are_repeatable_and_combine(tmp_path: Path) -> None:
    document = export_json(tmp_path, "--place", "petrograd", "--place", "novocherkassk", "--from", "1900",
                           "--to", "2030")
    at = sql("select event_id from event_places where place_id in ('petrograd', 'novocherkassk')")
    assert ids(document) == at and document["filter"]["places"] == ["novocherkassk", "petrograd"]
    document = export_json(tmp_path, "--place", "novocherkassk", "--theme", "repression", "--from", "1900",
                           "--to", "2030")
    both = sql("select p.event_id from event_places p join event_themes t on t.event_id = p.event_id "
               "where p.place_id = 'novocherkassk' and t.theme_id = 'repression'")
    assert ids(document) == both and 0 < len(both) < len(at)
    assert document["filter"]["themes"] == ["repression"]


def test_reviewer_and_disputed_narrow_the_events(tmp_path: Path) -> None:
    document = export_json(tmp_path, "--reviewer", "doyle-2021", "--from", "1900", "--to", "2030")
    by_doyle = sql("select event_id from excerpts where source_id = 'doyle-2021' union "
                   "select event_id from commentary where source_id = 'doyle-2021' union "
                   "select event_id from claims where source_id = 'doyle-2021'")
    assert ids(document) == by_doyle
    assert document["filter_description"] == "discussed by Clare Doyle; years 1900–2030"
    document = export_json(tmp_path, "--disputed", "--from", "1900", "--to", "2030")
    # disputed: the date is, or the reviews and the record make claims that differ
    assert ids(document) == sql("select id from events where certainty = 'disputed' union "
                                "select event_id from claims")
    assert document["filter"]["disputed_only"] is True


def test_search_finds_words_in_titles_and_quotes(tmp_path: Path) -> None:
    document = export_json(tmp_path, "--search", "Trotsky", "--from", "1900", "--to", "2030")
    assert document["filter"]["search"] == "Trotsky"
    assert "trotsky-murdered" in ids(document) and "stalin-death" not in ids(document)


def test_store_format_and_group_by_reach_the_file(tmp_path: Path, small_store: Path) -> None:
    target = tmp_path / "tl.json"
    result = CliRunner().invoke(cli, ["export", "-o", str(target), "--store", str(small_store), "--format",
                                      "timelinejs", "--group-by", "place", "--from", "1950", "--to", "1970"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {target} (timelinejs: 2 events)"
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["title"]["text"]["headline"] == "Small test store"
    assert {e["unique_id"] for e in document["events"]} == {"massacre", "strike"}
    assert {e["group"] for e in document["events"]} == {"Novocherkassk"}


def test_csv_export_of_another_store(tmp_path: Path, small_store: Path) -> None:
    target = tmp_path / "v.csv"
    result = CliRunner().invoke(cli, ["export", "-o", str(target), "--store", str(small_store)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {target} (csv: 2 events)"
    with open(target, encoding="utf-8", newline="") as handle:
        assert [r["id"] for r in csv.DictReader(handle)] == ["strike", "massacre"]


@pytest.mark.parametrize("args", [["--from", "1", "--to", "9999"], ["--from", "1917", "--to", "1917.5"]])
def test_the_widest_and_narrowest_years_are_accepted(tmp_path: Path, args: list[str]) -> None:
    export_json(tmp_path, *args)


@pytest.mark.parametrize("args,message", [
    (["--from", "0.5"], "--from 0.5 is not a year between 1 and 9999"),
    (["--to", "10000"], "--to 10000 is not a year between 1 and 9999"),
    (["--from", "1960", "--to", "1960"], "--to 1960 must be after --from 1960"),
])
def test_years_out_of_bounds_get_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "v.json"), *args])
    assert (result.exit_code, result.output.strip()) == (2, f"error: {message}")
    assert not (tmp_path / "v.json").exists()


@pytest.mark.parametrize("flag,value,lead,choices", [
    ("--place", "atlantis", "its places are: ", "Moscow"),  # places and themes by their names
    ("--theme", "sport", "its themes are: ", "Terror and repression"),
    ("--reviewer", "nobody", "choose from ", "any, both"),
])
def test_an_unknown_filter_value_is_named_with_the_choices(tmp_path: Path, flag: str, value: str, lead: str,
                                                           choices: str) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "v.json"), flag, value])
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith(f"error: {flag} '{value}' is not in ") and f"events.db; {lead}" in line
    assert choices in line and "\n" not in line
    assert not (tmp_path / "v.json").exists()


@pytest.mark.parametrize("reviewer", ["any", "both", "only-one", "weiss-2021"])
def test_every_documented_reviewer_choice_is_accepted(tmp_path: Path, reviewer: str) -> None:
    assert export_json(tmp_path, "--reviewer", reviewer)["filter"]["reviewer"] == reviewer


def test_an_unknown_format_is_refused_by_click(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "v.json"), "--format", "xls"])
    assert result.exit_code == 2 and "xls" in result.output
