"""Exports replace only complete, regular files, keep the user's permissions, and leave no temporaries."""

from __future__ import annotations

import csv
import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline_app.export.data_formats as data_formats
from conftest import ROOT, SHIPPED_STORE
from timeline_app.cli import cli
from timeline_app.export.registry import ExportError, export
from timeline_app.export.view import view_of_store
from timeline_app.model.filters import FilterState
from timeline_app.store.atomic_file import remove_stale_temporaries
from timeline_app.store.event_store import EventStore


@pytest.fixture
def view():
    store = EventStore(SHIPPED_STORE)
    yield view_of_store(store, FilterState())
    store.close()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "tmp" in p.name)


def test_a_device_is_never_replaced(view, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is not a regular file"):
        export(view, Path("/dev/null"), "csv")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_is_refused_by_name(view, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        export(view, tmp_path, "csv")


def test_a_symlink_is_written_through_and_stays_a_symlink(view, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    export(view, link, "csv")
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8").startswith("id,title,start")


def test_a_symlink_to_nothing_is_refused(view, tmp_path: Path) -> None:
    link = tmp_path / "dangling.csv"
    link.symlink_to(tmp_path / "nowhere" / "x.csv")
    with pytest.raises(ExportError, match="does not exist"):
        export(view, link, "csv")
    assert link.is_symlink()


def test_a_new_file_gets_the_users_usual_permissions(view, tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        export(view, tmp_path / "v.json", "json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "v.json").st_mode) == 0o640


def test_a_replaced_file_keeps_its_permissions(view, tmp_path: Path) -> None:
    target = tmp_path / "v.csv"
    target.write_text("old")
    os.chmod(target, 0o604)
    export(view, target, "csv")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o604


def test_a_write_that_fails_part_way_keeps_the_old_file_and_leaves_nothing(view, tmp_path: Path,
                                                                             monkeypatch) -> None:
    target = tmp_path / "v.csv"
    target.write_text("the good old file")

    def disk_full(_view, path: Path, _progress=None) -> int:
        Path(path).write_text("half a fi")
        raise OSError(errno.ENOSPC, "No space left on device")

    import dataclasses

    import timeline_app.export.registry as registry

    failing = dataclasses.replace(registry.EXPORTERS["csv"], write=lambda v, p, _o, _prog: f"{disk_full(v, p)}")
    monkeypatch.setitem(registry.EXPORTERS, "csv", failing)
    with pytest.raises(ExportError, match="No space left on device"):
        export(view, target, "csv")
    assert target.read_text() == "the good old file"
    assert leftovers(tmp_path) == []


def test_temporaries_of_a_killed_export_are_removed_by_the_next(view, tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = tmp_path / f".v.csv.{dead}.abc123.timeline-tmp.csv"
    stale.write_text("left by a killed run")
    mine = tmp_path / f".v.csv.{os.getpid()}.zzz999.timeline-tmp.csv"  # a live process's: not touched
    mine.write_text("in use")
    export(view, tmp_path / "v.csv", "csv")
    assert not stale.exists() and mine.exists()
    assert remove_stale_temporaries(tmp_path / "v.csv") == []


def test_a_killed_export_process_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "v.json"
    target.write_text("the good old file")
    run = subprocess.Popen([sys.executable, "-c", f"""
import os, signal
import timeline_app.export.data_formats as d
real = d._write_document
def die(document, path):
    open(path, "w").write("{{")
    os.kill(os.getpid(), signal.SIGKILL)
d._write_document = die
from timeline_app.cli import cli
cli(["export", "-o", {str(target)!r}, "--store", {str(SHIPPED_STORE)!r}])
"""], cwd=ROOT)
    run.wait(timeout=60)
    assert run.returncode == -9
    assert target.read_text() == "the good old file"
    CliRunner().invoke(cli, ["export", "-o", str(target)])  # the next run cleans up for good
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("args,message", [
    (["--from", "nan"], "--from nan is not a year between 1 and 9999"),
    (["--from", "-1e12"], "--from -1e+12 is not a year between 1 and 9999"),
    (["--to", "inf"], "--to inf is not a year between 1 and 9999"),
    (["--from", "1970", "--to", "1960"], "--to 1960 must be after --from 1970"),
])
def test_years_no_calendar_has_get_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "v.csv"), *args])
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {message}"


def test_an_unknown_suffix_names_the_formats(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "v.txt")])
    assert result.exit_code == 2
    line = result.output.strip()
    assert "\n" not in line and "cannot tell the format from '.txt'" in line
    assert all(suffix in line for suffix in (".csv", ".json", ".png", ".svg", ".pdf"))


def test_csv_cells_never_run_as_formulas_and_come_back_the_same(tmp_path: Path, small_store: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(small_store)
    conn.execute("update events set title = '=HYPERLINK(\"http://x\",\"click\")', summary = '+1+2' "
                 "where id = 'strike'")
    conn.commit()
    conn.close()
    CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "v.csv"), "--store", str(small_store)])
    with open(tmp_path / "v.csv", encoding="utf-8") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    assert rows["strike"]["title"] == "'=HYPERLINK(\"http://x\",\"click\")"
    assert rows["strike"]["summary"] == "'+1+2"
    for row in rows.values():
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    assert data_formats.csv_cell("-3") == "'-3" and data_formats.csv_cell("a=b") == "a=b"
