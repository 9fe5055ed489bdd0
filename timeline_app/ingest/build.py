"""Build an event store from the reviewable source file, all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from timeline_app.ingest.source_file import Problem, SourceFileError, StoreRows, read_source_file
from timeline_app.store.atomic_file import atomic_target
from timeline_app.store.check import store_problems
from timeline_app.store.event_store import StoreError, connect
from timeline_app.store.schema import create_tables, enable_search
from timeline_app.store.timeline_index import compute_arrays, save_arrays

# Insert order respects foreign keys.
_TABLE_ORDER = (
    "sources", "places", "themes", "periods", "events", "event_places", "event_themes",
    "excerpts", "commentary", "claims", "outside_facts", "aliases",
)


def write_store(rows: StoreRows, target: Path, source: Path) -> None:
    """Write ``rows`` as a new store at ``target``, replacing it only once the new store is complete and sound.

    The store is written to a temporary file beside ``target``, checked against every rule of
    the contract (:func:`~timeline_app.store.check.store_problems`), and renamed into place,
    so a failure at any point leaves whatever was at ``target`` untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _refuse_foreign_store(target, source)
    with atomic_target(target) as temp:
        temp.unlink()  # sqlite-utils creates the file itself
        import sqlite_utils  # here, not at the top: the window imports this module and starts faster without it
        db = sqlite_utils.Database(temp)
        try:
            create_tables(db)
            with db.conn:
                db.table("meta").insert_all([{"key": k, "value": v} for k, v in rows.meta.items()])
                for table in _TABLE_ORDER:
                    db.table(table).insert_all(rows.tables.get(table, []))
            enable_search(db)
            with db.conn:
                save_arrays(db.conn, compute_arrays(db.conn))
            db.vacuum()
        finally:
            db.close()
        problems = store_problems(temp)
        if problems:
            raise SourceFileError(source, [Problem("store", "-", problem) for problem in problems])


def _refuse_foreign_store(target: Path, source: Path) -> None:
    """A build replaces a store built from the same file, never a store of other events (a user's own)."""
    if not target.exists():
        return
    try:
        conn = connect(target)
        try:
            built_from = conn.execute("select value from meta where key = 'built_from'").fetchone()
        finally:
            conn.close()
    except (StoreError, sqlite3.Error):
        built_from = None
    if built_from is None or built_from[0] != Path(source).name:
        raise StoreError(target, f"was not built from {Path(source).name}; the build would replace its events. "
                                 "Choose another file, or remove this one first")


def build_store(source: Path, target: Path) -> StoreRows:
    """Read ``source`` (TOML) and write the store it describes to ``target``.

    Raise :class:`~timeline_app.ingest.source_file.SourceFileError` listing every problem,
    leaving ``target`` as it was.
    """
    rows = read_source_file(Path(source))
    write_store(rows, Path(target), Path(source))
    return rows
