"""Add imported rows to a store inside it, in one SQLite transaction: all or nothing, never a copy.

The import runs in ``BEGIN IMMEDIATE`` … ``COMMIT`` on the store itself, so another program's
commits, a write-ahead log and a symlinked store all stay as SQLite keeps them; two imports
at once take turns; any problem rolls everything back. A store whose tables carry triggers
of their own is refused: an import would run its code.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from timeline_app.ingest.import_file import Existing, read_import
from timeline_app.store.check import problems_of
from timeline_app.store.event_store import BUSY_SECONDS, StoreError, connect, explain
from timeline_app.store.file_checks import regular_file_problem
from timeline_app.store.rules import contract_problems, schema_version
from timeline_app.store.schema import (
    SCHEMA_VERSION,
    create_tables,
    enable_search,
    install_change_counter,
    upgrade_to_v2,
)
from timeline_app.store.timeline_index import compute_arrays, save_arrays

_ORDER = ("sources", "places", "themes", "periods", "events", "event_places", "event_themes", "excerpts", "commentary",
          "claims", "outside_facts")


def open_for_writing(path: Path) -> sqlite3.Connection:
    """A connection that writes ``path`` in transactions we begin and end ourselves."""
    conn = connect(path, writable=True)
    conn.isolation_level = None
    conn.execute(f"pragma busy_timeout = {int(BUSY_SECONDS * 1000)}")
    return conn


def _normal(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().lower()


def _known_triggers() -> set[tuple[str, str]]:
    """The triggers our own stores carry (change counter, full-text index), old and new, as (name, SQL)."""
    known: set[tuple[str, str]] = set()
    for claim_columns in (["quote", "value"], ["quote"]):
        import sqlite_utils  # here, not at the top: the window imports this module and starts faster without it
        db = sqlite_utils.Database(memory=True)
        create_tables(db)
        enable_search(db)
        if claim_columns == ["quote"]:  # stores built before claims' values were searchable
            db.table("claims").disable_fts()
            db.table("claims").enable_fts(claim_columns, create_triggers=True)
        known |= {(name, _normal(sql)) for name, sql in db.execute(
            "select name, sql from sqlite_master where type = 'trigger'").fetchall()}
        db.close()
    return known


def foreign_triggers(conn: sqlite3.Connection) -> list[str]:
    """Names of triggers in the store that are not ours (code the store brings)."""
    known = _known_triggers()
    return sorted(name for name, sql in conn.execute("select name, sql from sqlite_master where type = 'trigger'")
                  if (name, _normal(sql)) not in known)


def import_events(source: Path, target: Path, shipped: Path | None = None, allow_shipped: bool = False) -> int:
    """Add the events of ``source`` (any format :mod:`.import_file` reads) to the store ``target``.

    The store is created if needed.

    All or nothing, inside the store: see the module's notes. The shipped store is refused
    unless ``allow_shipped``. Returns the number of events added. Raise
    :class:`~timeline_app.ingest.import_file.ImportFileError` for a bad file and
    :class:`~timeline_app.store.event_store.StoreError` for a store that cannot take it.
    """
    source, target = Path(source), Path(target)
    if os.path.lexists(target):
        why = regular_file_problem(target)
        if why:
            raise StoreError(target, why + "; import into an event store file")
        if shipped is not None and target.resolve() == Path(shipped).resolve() and not allow_shipped:
            raise StoreError(target, "is the shipped store; import into a store of your own, "
                                     "or pass --allow-shipped-store to change it")
        return _add_to(target.resolve(), source, target)
    return _new_store(source, target)


def _add_to(path: Path, source: Path, named: Path) -> int:
    conn = open_for_writing(path)
    try:
        problems = contract_problems(conn)
        if problems:
            raise StoreError(named, f"is not a valid event store: {problems[0]}")
        foreign = foreign_triggers(conn)
        if foreign:
            raise StoreError(named, f"has triggers of its own ({', '.join(foreign)}) that an import would run; "
                                    "nothing was imported. Import into a store made by timeline-app")
        try:
            conn.execute("begin immediate")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError(named, "is being written by another program; try again") from None
            raise
        try:
            added = _add_rows(conn, source, named)
            conn.execute("commit")
            return added
        except BaseException:
            if conn.in_transaction:
                conn.execute("rollback")
            raise
    except sqlite3.Error as exc:
        raise StoreError(named, f"{explain(exc)}; nothing was imported") from None
    finally:
        conn.close()


def _add_rows(conn: sqlite3.Connection, source: Path, named: Path) -> int:
    tables, meta = read_import(source, Existing(conn))
    empty = conn.execute("select count(*) from events").fetchone()[0] == 0
    if empty and meta.get("title"):  # a store with no events yet takes the file's title (a TimelineJS title row)
        conn.execute("insert or replace into meta (key, value) values ('title', ?)", (meta["title"],))
    if tables.get("periods") and not conn.execute("select 1 from sqlite_master where name = 'periods'").fetchone():
        conn.execute("create table periods (id text primary key, name text, start text, [end] text)")
    if schema_version(conn) == "1":
        upgrade_to_v2(conn)  # in the same transaction: a failure leaves it version 1
    install_change_counter(conn)
    for table in _ORDER:
        rows = tables.get(table)
        if not rows:
            continue
        have = {r[1] for r in conn.execute(f"pragma table_info([{table}])")}
        columns = [c for c in rows[0] if c in have]
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({marks})",
                         ([row.get(c) for c in columns] for row in rows))
    save_arrays(conn, compute_arrays(conn))
    problems = problems_of(conn)
    if problems:
        raise StoreError(named, f"the import would break the store: {problems[0]}; nothing was imported")
    return len(tables.get("events", []))


def _new_store(source: Path, target: Path) -> int:
    """Make a new store beside ``target``, fill it, and put it in place only if nothing is there yet."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise StoreError(target, f"{folder} is not a folder")
    temp = folder / f".{target.name}.{os.getpid()}.import-tmp"
    try:
        import sqlite_utils  # here, not at the top: the window imports this module and starts faster without it
        db = sqlite_utils.Database(temp)
        try:
            with db.conn:
                create_tables(db)
                enable_search(db)
                db.table("meta").insert_all([{"key": "schema_version", "value": SCHEMA_VERSION},
                                             {"key": "title", "value": f"Events imported from {source.name}"},
                                             {"key": "built_from", "value": source.name}])
        finally:
            db.close()
        added = _add_to(temp, source, target)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(temp, target)  # unlike a rename, never replaces a store made meanwhile
        except FileExistsError:
            raise StoreError(target, "was created by another program meanwhile; try again") from None
        return added
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            leftover.unlink(missing_ok=True)
