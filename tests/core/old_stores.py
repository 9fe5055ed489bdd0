"""Stores as older versions of the contract had them, made from a store built today."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from timeline_app.store.schema import CHANGES_TABLE

#: What version 2 added to version 1, table by table (the contract's columns and our ``note``).
VERSION_2_COLUMNS = {
    "events": ("layer", "date_basis", "date_text", "calendar"),
    "excerpts": ("voice", "speaker", "note"),
    "commentary": ("voice", "speaker", "note"),
    "claims": ("voice", "speaker", "note", "ref"),
}


def make_version_1(source: Path, target: Path) -> Path:
    """A copy of ``source`` as version 1 of the contract had it: ``schema_version`` '1', no provenance
    columns, no ``outside_facts`` and no change counter (its full-text indexes and triggers stay)."""
    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    counting = [name for name, sql in conn.execute("select name, sql from sqlite_master where type = 'trigger'")
                if CHANGES_TABLE in sql]
    for name in counting:
        conn.execute(f"drop trigger [{name}]")
    conn.execute(f"drop table {CHANGES_TABLE}")
    conn.execute("drop table outside_facts")
    for table, columns in VERSION_2_COLUMNS.items():
        for column in columns:
            conn.execute(f"alter table [{table}] drop column [{column}]")
    conn.execute("update meta set value = '1' where key = 'schema_version'")
    conn.commit()
    conn.close()
    return target
