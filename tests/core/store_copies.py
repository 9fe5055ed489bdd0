"""Copies of the small store broken or aged on purpose with plain SQL, for the store's rule tests."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

#: What contract version 2 added, undone: a store as timeline-app wrote it before version 2.
TO_VERSION_1 = """
    drop index if exists idx_outside_facts_event_id;
    drop table outside_facts;
    alter table events drop column layer;
    alter table events drop column date_basis;
    alter table events drop column date_text;
    alter table events drop column calendar;
    alter table excerpts drop column voice;
    alter table excerpts drop column speaker;
    alter table excerpts drop column note;
    alter table commentary drop column voice;
    alter table commentary drop column speaker;
    alter table commentary drop column note;
    alter table claims drop column voice;
    alter table claims drop column speaker;
    alter table claims drop column note;
    alter table claims drop column ref;
    alter table claims drop column start;
    alter table claims drop column [end];
    update meta set value = '1' where key = 'schema_version';
"""


def edit(store: Path, sql: str, params: tuple = ()) -> Path:
    """Run ``sql`` (a script, or one statement with ``params``) on ``store`` and commit."""
    conn = sqlite3.connect(store)
    try:
        if params:
            conn.execute(sql, params)
        else:
            conn.executescript(sql)
        conn.commit()
    finally:
        conn.close()
    return store


def edited_copy(store: Path, folder: Path, sql: str, params: tuple = (), name: str = "edited.db") -> Path:
    """A copy of ``store`` in ``folder`` with ``sql`` run on it."""
    copy = folder / name
    shutil.copy(store, copy)
    return edit(copy, sql, params)


def version_1_copy(store: Path, folder: Path, name: str = "v1.db") -> Path:
    """A copy of ``store`` as contract version 1 has it: no layers, bases, outside facts or voices."""
    copy = folder / name
    shutil.copy(store, copy)
    conn = sqlite3.connect(copy)
    try:
        for table in [r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")]:
            conn.execute(f"drop trigger [{table}]")  # full-text triggers name the columns being dropped
        for table in [r[0] for r in conn.execute("select name from sqlite_master where name like '%_fts'")]:
            conn.execute(f"drop table [{table}]")
        conn.executescript(TO_VERSION_1)
        conn.commit()
    finally:
        conn.close()
    return copy


def without_primary_keys(conn: sqlite3.Connection, table: str) -> None:
    """Rebuild ``table`` without its primary key, so it can hold duplicate ids as another tool's store might."""
    conn.execute(f"create table [{table}_copy] as select * from [{table}]")
    conn.execute(f"drop table [{table}]")
    conn.execute(f"alter table [{table}_copy] rename to [{table}]")
