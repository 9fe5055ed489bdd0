"""Import writes inside the store, in one transaction: nothing another program wrote is lost, nothing half-done."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline_app.ingest.store_writer as store_writer
from conftest import ROOT
from timeline_app.cli import cli
from timeline_app.ingest.import_file import ImportFileError
from timeline_app.ingest.store_writer import import_events
from timeline_app.store.event_store import StoreError


def events_json(path: Path, prefix: str, count: int = 3) -> Path:
    """An import file of ``count`` new events whose ids start with ``prefix``."""
    events = [{"id": f"{prefix}-{k}", "title": f"Event {prefix} {k}", "summary": "Our own words.",
               "start": str(1900 + k % 90), "end": "", "certainty": "approximate", "places": ["novocherkassk"],
               "themes": ["protest"], "excerpts": [{"source": "mine", "quote": f"A line about {prefix} {k}."}]}
              for k in range(count)]
    places = [{"id": "novocherkassk", "name": "Novocherkassk", "kind": "city", "latitude": 47.42, "longitude": 40.09}]
    themes = [{"id": "protest", "name": "Strikes and uprisings", "color": "#E69F00"}]
    path.write_text(json.dumps({"sources": [{"id": "mine", "author": "Me", "title": "Notes"}], "places": places,
                                "themes": themes, "events": events}))
    return path


def ids(store: Path) -> set[str]:
    conn = sqlite3.connect(store)
    try:
        return {r[0] for r in conn.execute("select id from events")}
    finally:
        conn.close()


def test_import_keeps_what_another_program_committed_to_a_wal_store(small_store: Path, tmp_path: Path) -> None:
    other = sqlite3.connect(small_store)
    other.execute("pragma journal_mode = wal")
    other.execute("pragma wal_autocheckpoint = 0")  # the row below stays in the -wal file
    other.execute("update events set title = 'Edited elsewhere' where id = 'strike'")
    other.commit()
    assert Path(str(small_store) + "-wal").stat().st_size > 0
    try:
        assert import_events(events_json(tmp_path / "a.json", "a"), small_store) == 3
    finally:
        other.close()
    conn = sqlite3.connect(small_store)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select title from events where id = 'strike'").fetchone()[0] == "Edited elsewhere"
    conn.close()
    assert {"a-0", "a-1", "a-2", "strike", "massacre"} <= ids(small_store)


def test_two_imports_at_once_both_land(small_store: Path, tmp_path: Path) -> None:
    files = [events_json(tmp_path / f"{p}.json", p, 20) for p in ("left", "right")]
    runs = [subprocess.Popen([sys.executable, "-m", "timeline_app", "import", str(f), "--into", str(small_store)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    assert all("added 20 events" in out for out, _err in outputs)
    assert len([i for i in ids(small_store) if i.startswith(("left-", "right-"))]) == 40


def test_a_commit_made_while_an_import_waits_is_kept(small_store: Path, tmp_path: Path) -> None:
    # Another process holds the write lock for a moment and then commits: the import waits its turn.
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sqlite3, time, sys
        conn = sqlite3.connect({str(small_store)!r}, isolation_level=None)
        conn.execute("begin immediate")
        conn.execute("update events set title = 'Theirs' where id = 'massacre'")
        print("holding", flush=True)
        time.sleep(1.0)
        conn.execute("commit")
    """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "holding"
    assert import_events(events_json(tmp_path / "b.json", "b"), small_store) == 3
    holder.wait(timeout=30)
    conn = sqlite3.connect(small_store)
    assert conn.execute("select title from events where id = 'massacre'").fetchone()[0] == "Theirs"
    conn.close()
    assert {"b-0", "b-1", "b-2"} <= ids(small_store)


def test_a_store_held_too_long_gets_one_clear_line_and_stays_as_it_was(small_store: Path, tmp_path: Path,
                                                                         monkeypatch) -> None:
    monkeypatch.setattr(store_writer, "BUSY_SECONDS", 0.2)
    before = small_store.read_bytes()
    holder = sqlite3.connect(small_store, isolation_level=None)
    holder.execute("begin immediate")
    try:
        result = CliRunner().invoke(cli, ["import", str(events_json(tmp_path / "c.json", "c")),
                                          "--into", str(small_store)])
    finally:
        holder.execute("rollback")
        holder.close()
    assert result.exit_code == 2
    assert result.output.strip() == f"error: {small_store}: is being written by another program; try again"
    assert small_store.read_bytes() == before


def test_an_import_into_a_symlink_reaches_the_real_store(small_store: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(small_store)
    assert import_events(events_json(tmp_path / "d.json", "d"), link) == 3
    assert link.is_symlink() and link.resolve() == small_store.resolve()
    assert {"d-0", "d-1", "d-2"} <= ids(small_store)


def test_a_full_disk_rolls_everything_back_and_names_the_store(small_store: Path, tmp_path: Path,
                                                                monkeypatch) -> None:
    real_open = store_writer.open_for_writing

    def tiny(path: Path) -> sqlite3.Connection:
        conn = real_open(path)
        pages = conn.execute("pragma page_count").fetchone()[0]
        conn.execute(f"pragma max_page_count = {pages + 1}")  # room for almost nothing more
        return conn

    monkeypatch.setattr(store_writer, "open_for_writing", tiny)
    before = ids(small_store)
    with pytest.raises(StoreError) as caught:
        import_events(events_json(tmp_path / "e.json", "e", 200), small_store)
    assert str(small_store) in str(caught.value) and "disk is full" in str(caught.value)
    assert "nothing was imported" in str(caught.value)
    assert ids(small_store) == before
    conn = sqlite3.connect(small_store)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    conn.close()


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="needs root to mount a small tmpfs")
def test_a_real_full_disk_keeps_the_store_whole(small_store: Path, tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    size = small_store.stat().st_size + 24 * 1024
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        store = disk / "small.db"
        shutil.copy(small_store, store)
        filler = disk / "filler"
        with open(filler, "wb") as handle, contextlib.suppress(OSError):  # leave only a few pages free
            handle.write(b"\0" * (size - store.stat().st_size - 8 * 1024))
        before = ids(store)
        with pytest.raises(StoreError, match=r"disk is full|nothing was imported"):
            import_events(events_json(tmp_path / "f.json", "f", 500), store)
        assert ids(store) == before
    finally:
        subprocess.run(["umount", str(disk)])


def test_a_store_that_brings_its_own_triggers_is_refused_by_name(small_store: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("create table log (what text)")
    conn.execute("create trigger spy after insert on events begin insert into log values (new.id); end")
    conn.commit()
    conn.close()
    before = small_store.read_bytes()
    with pytest.raises(StoreError, match=r"has triggers of its own \(spy\)"):
        import_events(events_json(tmp_path / "g.json", "g"), small_store)
    assert small_store.read_bytes() == before


def test_importing_into_a_version_1_store_upgrades_it_in_the_same_transaction(small_store: Path,
                                                                              tmp_path: Path) -> None:
    v1 = tmp_path / "v1.db"
    _make_version_1(small_store, v1)
    bad = events_json(tmp_path / "bad.json", "bad")
    data = json.loads(bad.read_text())
    data["events"][0]["places"] = ["atlantis"]
    bad.write_text(json.dumps(data))
    with pytest.raises(ImportFileError):
        import_events(bad, v1)
    conn = sqlite3.connect(v1)
    assert conn.execute("select value from meta where key = 'schema_version'").fetchone()[0] == "1"
    conn.close()
    assert import_events(events_json(tmp_path / "h.json", "h"), v1) == 3
    conn = sqlite3.connect(v1)
    assert conn.execute("select value from meta where key = 'schema_version'").fetchone()[0] == "2"
    assert dict(conn.execute("select id, layer from events where id in ('strike', 'h-0')")) == {
        "strike": "history", "h-0": "history"}
    conn.close()


def _make_version_1(source: Path, target: Path) -> None:
    """A copy of ``source`` as version 1 of the contract had it (no provenance columns or tables)."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    for name, in conn.execute("select name from sqlite_master where type = 'trigger'").fetchall():
        conn.execute(f"drop trigger [{name}]")
    conn.execute("drop table outside_facts")
    conn.execute("drop table store_changes")
    for table, columns in (("events", ("layer", "date_basis", "date_text", "calendar")),
                           ("excerpts", ("voice", "speaker", "note")), ("commentary", ("voice", "speaker", "note")),
                           ("claims", ("voice", "speaker", "note", "ref"))):
        for column in columns:
            conn.execute(f"alter table {table} drop column {column}")
    conn.execute("update meta set value = '1' where key = 'schema_version'")
    conn.commit()
    conn.close()


def test_a_new_store_is_never_put_over_one_made_meanwhile(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "mine.db"
    real_add = store_writer._add_to

    def meanwhile(path: Path, source: Path, named: Path) -> int:
        added = real_add(path, source, named)
        target.write_bytes(b"someone else's file")
        return added

    monkeypatch.setattr(store_writer, "_add_to", meanwhile)
    with pytest.raises(StoreError, match="was created by another program meanwhile"):
        import_events(events_json(tmp_path / "i.json", "i"), target)
    assert target.read_bytes() == b"someone else's file"
    assert [p.name for p in tmp_path.iterdir() if "import-tmp" in p.name] == []
