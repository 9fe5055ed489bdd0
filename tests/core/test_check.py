"""`timeline-app check` on good and broken stores, and the shared excerpt checker."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT, SHIPPED_STORE
from timeline_app.cli import cli


def test_check_passes_the_shipped_store_and_prints_a_summary() -> None:
    result = CliRunner().invoke(cli, ["check", str(SHIPPED_STORE)])
    assert result.exit_code == 0, result.output
    assert "Per decade:" in result.output
    assert "1960s" in result.output
    assert "death toll" in result.output
    assert "no problems found" in result.output


def test_shared_excerpt_checker_passes_the_shipped_store() -> None:
    checker = ROOT.parent / "shared" / "tools" / "check_excerpts.py"
    if not checker.exists():
        import pytest

        pytest.skip("shared/tools is not beside this checkout")
    result = subprocess.run([sys.executable, str(checker), str(SHIPPED_STORE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert " quotations verbatim" in result.stdout


def _broken(small_store: Path, tmp_path: Path, sql: str) -> Path:
    copy = tmp_path / "broken.db"
    shutil.copy(small_store, copy)
    conn = sqlite3.connect(copy)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    return copy


def test_check_names_a_quote_whose_offsets_are_wrong(small_store: Path, tmp_path: Path) -> None:
    store = _broken(small_store, tmp_path, "update excerpts set start = start + 3 where id = 1;")
    result = CliRunner().invoke(cli, ["check", str(store)])
    assert result.exit_code == 1
    assert "excerpts row 1: offsets" in result.output


def test_check_names_every_problem(small_store: Path, tmp_path: Path) -> None:
    store = _broken(small_store, tmp_path, """
        update events set [end] = '1900' where id = 'strike';
        update event_themes set theme_id = 'sport' where event_id = 'strike';
    """)
    result = CliRunner().invoke(cli, ["check", str(store)])
    assert result.exit_code == 1
    assert "event 'strike': dates: end '1900' is before start '1962-06'" in result.output
    assert "theme_id 'sport' names no row of themes" in result.output
    assert "2 problem(s)" in result.output


def test_check_names_a_missing_column(small_store: Path, tmp_path: Path) -> None:
    store = _broken(small_store, tmp_path, "alter table places drop column kind;")
    result = CliRunner().invoke(cli, ["check", str(store)])
    assert result.exit_code == 1
    assert "table 'places' has no column 'kind'" in result.output


def test_check_on_a_file_that_is_not_a_store_is_one_line_and_status_2(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    result = CliRunner().invoke(cli, ["check", str(junk)])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "junk.db: is not an SQLite database" in result.output


def test_the_readmes_figures_are_the_shipped_stores() -> None:
    from timeline_app.store.facts import BEGIN, END, facts_markdown

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(BEGIN):readme.index(END) + len(END)]
    assert block == facts_markdown(SHIPPED_STORE), "run scripts/readme_facts.py"
    events = sqlite3.connect(SHIPPED_STORE).execute("select count(*) from events").fetchone()[0]
    assert f"**{events} events**" in block
