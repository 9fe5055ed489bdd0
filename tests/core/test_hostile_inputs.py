"""Hostile or odd stores and inputs end quickly with one line naming the file; one date rule everywhere."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SMALL_SOURCE
from timeline_app.cli import cli
from timeline_app.ingest.import_file import ImportFileError
from timeline_app.ingest.source_file import SourceFileError, read_source_file
from timeline_app.ingest.store_writer import import_events
from timeline_app.store.check import store_problems
from timeline_app.store.dates import DateError, parse_date
from timeline_app.store.event_store import EventStore, StoreError
from timeline_app.store.rules import dates_problem

pytestmark = pytest.mark.timeout(60)  # each of these must end within seconds, never hang


def one_line_error(args: list[str]) -> str:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "unexpected problem" not in lines[0] and "Traceback" not in result.output
    return lines[0]


def test_a_store_whose_events_is_an_endless_view_is_refused_at_once(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.executescript("""
        alter table events rename to events_real;
        create view events as with recursive n(x) as (select 1 union all select x + 1 from n)
            select 'e' || x as id, 't' as title, '' as summary, '1962' as start, '' as [end],
                   'exact' as certainty from n;
    """)
    conn.close()
    with pytest.raises(StoreError, match="'events' is a view, not a table"):
        EventStore(small_store)
    result = CliRunner().invoke(cli, ["check", str(small_store)])
    assert result.exit_code == 1 and "'events' is a view, not a table" in result.output
    assert "Traceback" not in result.output
    assert "'events' is a view" in one_line_error(["export", "-o", str(small_store.with_suffix(".csv")),
                                                   "--store", str(small_store)])


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.db"
    os.mkfifo(path)
    return path


def test_a_pipe_given_as_a_store_is_refused_without_reading(fifo: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is not a regular file"):
        EventStore(fifo)
    assert "is not a regular file" in one_line_error(["check", str(fifo)])
    assert "is not a regular file" in one_line_error(["export", "-o", str(tmp_path / "v.csv"), "--store", str(fifo)])


def test_a_pipe_as_an_import_target_or_file_is_refused(fifo: Path, tmp_path: Path) -> None:
    data = tmp_path / "e.json"
    data.write_text("{}")
    assert "is not a regular file" in one_line_error(["import", str(data), "--into", str(fifo)])
    feeder = threading.Thread(target=lambda: None)  # nobody writes the pipe: reading it would block forever
    feeder.start()
    with pytest.raises(ImportFileError, match="is not a regular file"):
        import_events(fifo, tmp_path / "mine.db")
    feeder.join()


def test_an_endless_import_file_is_refused(tmp_path: Path) -> None:
    line = one_line_error(["import", "/dev/zero", "--into", str(tmp_path / "mine.db")])
    assert "/dev/zero" in line and "is not a regular file" in line
    assert not (tmp_path / "mine.db").exists()


def test_a_huge_import_file_is_refused_by_size(tmp_path: Path, monkeypatch) -> None:
    import timeline_app.ingest.import_file as import_file

    big = tmp_path / "big.json"
    big.write_text(json.dumps({"events": [], "padding": "x" * 5000}))
    monkeypatch.setattr(import_file, "read_text", lambda p: __import__(
        "timeline_app.store.file_checks", fromlist=["read_text"]).read_text(p, limit=1024))
    with pytest.raises(ImportFileError, match="is larger than"):
        import_events(big, tmp_path / "mine.db")


def test_deeply_nested_json_gets_one_line(tmp_path: Path) -> None:
    nested = tmp_path / "deep.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    line = one_line_error(["import", str(nested), "--into", str(tmp_path / "mine.db")])
    assert "nests lists or objects too deeply" in line or "too deeply" in line


def test_deeply_nested_toml_gets_one_line(source_dir: Path) -> None:
    (source_dir / "events.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000)
    result = CliRunner().invoke(cli, ["build", str(source_dir / "events.toml"), str(source_dir / "out.db")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "unexpected problem" not in result.output
    assert not (source_dir / "out.db").exists()


BAD_DATES = ["1962-02-30", "0000", "١٩٦٢", "１９６２", " 1962-06-02", "1962-06-02 ", "1962-6-2", "1962-13",
             "June 1962", "", "1962-06-02T00:00"]


@pytest.mark.parametrize("bad", BAD_DATES)
def test_one_date_rule_build_import_open_and_check_all_refuse(bad: str, source_dir: Path, small_store: Path,
                                                                 tmp_path: Path) -> None:
    toml = source_dir / "events.toml"
    toml.write_text(SMALL_SOURCE.replace('start = "1962-06-02"', f"start = {json.dumps(bad)}", 1))
    with pytest.raises(SourceFileError, match="field 'start'"):
        read_source_file(toml)
    row = {"id": "odd", "title": "Odd", "start": bad, "end": "", "certainty": "approximate",
           "places": ["novocherkassk"], "themes": ["protest"], "summary": "x",
           "excerpts": [{"source": "doyle-2021", "quote": "The true number of dead"}]}
    (tmp_path / "odd.json").write_text(json.dumps({"events": [row]}))
    before = small_store.read_bytes()
    with pytest.raises(ImportFileError, match="field 'start'"):
        import_events(tmp_path / "odd.json", small_store)
    assert small_store.read_bytes() == before
    copy = tmp_path / "edited.db"
    shutil.copy(small_store, copy)
    conn = sqlite3.connect(copy)
    conn.execute("update events set start = ? where id = 'massacre'", (bad,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="event 'massacre': dates"):
        EventStore(copy)
    assert any(p.startswith("event 'massacre': dates") for p in store_problems(copy))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=14), st.from_regex(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", fullmatch=True)))
def test_the_rule_in_sql_and_in_python_agree(small_store: Path, text: str) -> None:
    try:
        parse_date(text)
        python_ok = True
    except DateError:
        python_ok = False
    assert (dates_problem(text) is None) == python_ok
    conn = sqlite3.connect(small_store)
    try:
        conn.execute("update events set start = ?, [end] = '' where id = 'massacre'", (text,))
        from timeline_app.store.rules import row_problems

        sql_ok = not any(p.startswith("event 'massacre': dates") for p in row_problems(conn))
    finally:
        conn.rollback()
        conn.close()
    assert sql_ok == python_ok


def test_year_zero_is_named_not_an_unexpected_problem(small_store: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set start = '0000' where id = 'massacre'")
    conn.commit()
    conn.close()
    result = CliRunner().invoke(cli, ["check", str(small_store)])
    assert result.exit_code == 1
    assert "'0000' has year 0000" in result.output and "unexpected" not in result.output
