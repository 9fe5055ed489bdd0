"""Build an event store from the reviewable source file, all or nothing."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from timeline_app.ingest.source_file import StoreRows, read_source_file
from timeline_app.store.atomic_file import atomic_target
from timeline_app.store.schema import create_tables, enable_search
from timeline_app.store.timeline_index import compute_arrays, save_arrays

# Insert order respects foreign keys.
_TABLE_ORDER = (
    "sources", "places", "themes", "periods", "events", "event_places", "event_themes",
    "excerpts", "commentary", "claims",
)


def write_store(rows: StoreRows, target: Path) -> None:
    """Write ``rows`` as a new store at ``target``, replacing it only once the new store is complete.

    The store is written to a temporary file beside ``target`` and renamed into place,
    so a failure at any point leaves whatever was at ``target`` untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_target(target) as temp:
        temp.unlink()  # sqlite-utils creates the file itself
        db = sqlite_utils.Database(temp)
        try:
            create_tables(db)
            with db.conn:
                db["meta"].insert_all([{"key": k, "value": v} for k, v in rows.meta.items()])
                for table in _TABLE_ORDER:
                    db[table].insert_all(rows.tables.get(table, []))
            enable_search(db)
            with db.conn:
                save_arrays(db.conn, compute_arrays(db.conn))
            db.vacuum()
        finally:
            db.close()


def build_store(source: Path, target: Path) -> StoreRows:
    """Read ``source`` (TOML) and write the store it describes to ``target``.

    Raise :class:`~timeline_app.ingest.source_file.SourceFileError` listing every problem,
    leaving ``target`` as it was.
    """
    rows = read_source_file(Path(source))
    write_store(rows, Path(target))
    return rows
