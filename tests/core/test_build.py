"""Building the store from the source file: all or nothing, with named errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED_SOURCE, SHIPPED_STORE
from timeline_app.cli import cli
from timeline_app.ingest.build import build_store
from timeline_app.ingest.source_file import SourceFileError


def table_contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (full-text shadow tables aside), sorted."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")
             if "_fts" not in r[0]]
    contents = {n: sorted(map(tuple, conn.execute(f"select * from [{n}]")), key=repr) for n in names}
    conn.close()
    return contents


def test_build_is_deterministic(tmp_path: Path) -> None:
    build_store(SHIPPED_SOURCE, tmp_path / "a.db")
    build_store(SHIPPED_SOURCE, tmp_path / "b.db")
    assert table_contents(tmp_path / "a.db") == table_contents(tmp_path / "b.db")


def test_committed_store_equals_a_fresh_build(tmp_path: Path) -> None:
    build_store(SHIPPED_SOURCE, tmp_path / "fresh.db")
    assert table_contents(SHIPPED_STORE) == table_contents(tmp_path / "fresh.db"), (
        "data/events.db is stale: run 'timeline-app build' and commit it"
    )


def test_offsets_index_the_quote_in_the_review_text(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    rows = conn.execute(
        "select s.text, e.quote, e.start, e.[end] from excerpts e join sources s on s.id = e.source_id"
    ).fetchall()
    assert len(rows) == 3
    for text, quote, start, end in rows:
        assert text[start:end] == quote


def test_weiss_layout_breaks_are_joined_and_doyle_page_furniture_is_cut(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    texts = dict(conn.execute("select id, text from sources"))
    assert "Communist Party Central Committee members" in texts["weiss-2021"]
    assert "as a director" in texts["weiss-2021"]
    assert "*" not in texts["weiss-2021"]
    assert texts["doyle-2021"].startswith("Film Review: Dear Comrades!")
    assert texts["doyle-2021"].endswith("Stalinists and capitalists alike.")
    assert "Donate" not in texts["doyle-2021"]
    assert "Click to enlarge" not in texts["doyle-2021"]


def test_fts_finds_events_by_title_and_quote(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    hits = conn.execute("select rowid from events_fts where events_fts match 'locomotive'").fetchall()
    assert len(hits) == 1
    hits = conn.execute("select rowid from excerpts_fts where excerpts_fts match 'wounded'").fetchall()
    assert len(hits) == 1


BAD_ENTRIES = [
    ('quote = "The uprising started with a strike at the electric locomotive plant"',
     'quote = "The uprising started with a picnic"', "event 'strike', field 'excerpt.quote': not found verbatim"),
    ('start = "1962-06"', 'start = "June 1962"', "event 'strike', field 'start'"),
    ('end = "1962-06-02"', 'end = "1961-01-01"', "event 'strike', field 'end': end '1961-01-01' is before start"),
    ('themes = ["protest"]', 'themes = ["sport"]', "event 'strike', field 'themes': unknown theme 'sport'"),
    ('places = ["novocherkassk"]\nthemes = ["protest"]', 'places = ["atlantis"]\nthemes = ["protest"]',
     "event 'strike', field 'places': unknown place 'atlantis'"),
    ('id = "strike"', 'id = "massacre"', "event 'massacre', field 'id': duplicate id"),
    ('certainty = "approximate"', 'certainty = "likely"', "field 'certainty'"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_ENTRIES, ids=[m[2][:40] for m in BAD_ENTRIES])
def test_bad_entry_names_its_problem_and_leaves_old_store(source_dir: Path, old: str, new: str, message: str) -> None:
    source = source_dir / "events.toml"
    target = source_dir / "events.db"
    build_store(source, target)
    before = target.read_bytes()
    text = source.read_text()
    assert old in text
    source.write_text(text.replace(old, new, 1))
    result = CliRunner().invoke(cli, ["build", str(source), str(target)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert target.read_bytes() == before
    assert [p.name for p in source_dir.iterdir() if ".tmp" in p.name] == []


def test_every_problem_is_listed_not_only_the_first(source_dir: Path) -> None:
    source = source_dir / "events.toml"
    text = source.read_text().replace('start = "1962-06"', 'start = "1962-13"')
    text = text.replace('themes = ["protest"]', 'themes = ["sport"]')
    source.write_text(text)
    with pytest.raises(SourceFileError) as caught:
        build_store(source, source_dir / "out.db")
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 2
    assert any("has no month 13" in m for m in messages)
    assert any("unknown theme 'sport'" in m for m in messages)
    assert all(m.startswith("line ") for m in messages)
    assert not (source_dir / "out.db").exists()


def test_malformed_toml_is_reported_with_its_line(source_dir: Path) -> None:
    source = source_dir / "events.toml"
    source.write_text(source.read_text() + "\n[[events]\n")
    result = CliRunner().invoke(cli, ["build", str(source), str(source_dir / "x.db")])
    assert result.exit_code == 2
    assert "is not valid TOML" in result.output
    assert "line" in result.output


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

toml_scalars = st.one_of(st.integers(), st.booleans(), st.text(max_size=15), st.floats(allow_nan=False))
toml_values = st.recursive(toml_scalars, lambda inner: st.lists(inner, max_size=3), max_leaves=10)


def _toml(value) -> str:
    import json as _json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    return _json.dumps(value)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.dictionaries(st.sampled_from(["id", "title", "start", "end", "certainty", "places", "themes",
                                               "summary", "excerpts"]), toml_values, max_size=9))
def test_no_event_entry_makes_the_build_crash_or_touch_the_store(source_dir: Path, fields: dict) -> None:
    source = source_dir / "events.toml"
    target = source_dir / "events.db"
    if not target.exists():
        build_store(source, target)
    before = target.read_bytes()
    original = source.read_text()
    entry = "\n".join(f"{key} = {_toml(value)}" for key, value in fields.items())
    source.write_text(original + "\n[[events]]\n" + entry + "\n")
    try:
        build_store(source, target)
    except SourceFileError:
        assert target.read_bytes() == before
    finally:
        source.write_text(original)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_no_text_makes_the_source_parser_crash(source_dir: Path, text: str) -> None:
    source = source_dir / "random.toml"
    source.write_text(text, encoding="utf-8", errors="replace")
    try:
        build_store(source, source_dir / "random.db")
    except SourceFileError:
        assert not (source_dir / "random.db").exists()


@pytest.mark.parametrize("value", ['["1962-06-02"]', '{ day = "1962-06-02" }', "1962"])
def test_a_historians_date_that_is_not_text_is_named_not_a_crash(source_dir: Path, value: str) -> None:
    source = source_dir / "events.toml"
    source.write_text(source.read_text().replace('start = "1962-06-02"', f'start = "1962-06-02"\ndate = {value}', 1))
    result = CliRunner().invoke(cli, ["build", str(source), str(source_dir / "out.db")])
    assert result.exit_code == 2
    assert "event 'massacre', field 'date'" in result.output and "is not a date in EDTF" in result.output
    assert "unexpected problem" not in result.output and "Traceback" not in result.output


def test_a_qualified_29_february_of_a_common_year_is_named_not_a_crash(source_dir: Path) -> None:
    source = source_dir / "events.toml"
    source.write_text(source.read_text().replace('start = "1962-06"\nend = "1962-06-02"',
                                                 'start = "1962-02"\nend = ""\ndate = "1962-02-29?"', 1))
    result = CliRunner().invoke(cli, ["build", str(source), str(source_dir / "out.db")])
    assert result.exit_code == 2
    assert "event 'strike', field 'date': '1962-02-29?' is not a day of the calendar" in result.output
    assert "unexpected problem" not in result.output


def test_a_season_is_a_historians_date_again(source_dir: Path) -> None:
    source = source_dir / "events.toml"
    source.write_text(source.read_text().replace('start = "1962-06"\nend = "1962-06-02"',
                                                 'start = "1962-03"\nend = "1962-05"\ndate = "1962-21"', 1))
    build_store(source, source_dir / "out.db")
    conn = sqlite3.connect(source_dir / "out.db")
    assert conn.execute("select date_text from events where id = 'strike'").fetchone() == ("1962-21",)
