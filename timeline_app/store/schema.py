"""The event store's tables: contract versions 1 and 2 (``shared/store-schema.md``) plus our additions.

Additions, which the contract allows: an ``aliases`` table (other names of places, people and
themes, :mod:`.aliases`; optional: older stores open without it), ``events.start_year`` and ``events.end_year``
(the decimal-year span the timeline draws, indexed so range queries stay fast on
large stores), a ``periods`` table (the leaders' eras drawn across the top of the
timeline), ``note`` on every passage (an editor's note on an error in a quote),
full-text indexes on events and quotes, and a change counter that triggers bump on
every write, so anything derived from the tables can tell it is out of date.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from timeline_app.store.aliases import create_aliases_table

if TYPE_CHECKING:  # only builders pass a Database: the window and the check's child start faster without it
    import sqlite_utils

SCHEMA_VERSION = "2"
READABLE_VERSIONS = ("1", "2")

#: Contract columns that every version-1 store must have, table by table.
CONTRACT: dict[str, tuple[str, ...]] = {
    "meta": ("key", "value"),
    "sources": ("id", "author", "title", "publication", "published", "url", "stance", "text"),
    "events": ("id", "title", "summary", "start", "end", "certainty"),
    "places": ("id", "name", "kind", "latitude", "longitude"),
    "themes": ("id", "name", "color"),
    "event_places": ("event_id", "place_id"),
    "event_themes": ("event_id", "theme_id"),
    "excerpts": ("id", "event_id", "source_id", "quote", "start", "end"),
    "commentary": ("id", "event_id", "source_id", "quote", "start", "end"),
    "claims": ("id", "event_id", "topic", "source_id", "quote", "value"),
}

#: What version 2 adds: provenance and dates as historians write them.
CONTRACT_V2: dict[str, tuple[str, ...]] = {
    "events": ("layer", "date_basis", "date_text", "calendar"),
    "outside_facts": ("id", "event_id", "fact", "ref"),
    "excerpts": ("voice", "speaker"),
    "commentary": ("voice", "speaker"),
    "claims": ("voice", "speaker", "ref"),
}

CERTAINTIES = ("exact", "approximate", "disputed")
LAYERS = ("history", "film", "reception")
DATE_BASES = ("review", "outside", "film", "unknown")
CALENDARS = ("gregorian", "julian")
VOICES = ("reviewer", "film", "quoted")
PLACE_KINDS = ("city", "region", "country", "bloc")
QUOTE_TABLES = ("excerpts", "commentary", "claims")

#: Tables whose writes bump the change counter: everything the timeline index is read from.
COUNTED_TABLES = ("events", "event_places", "event_themes", "places", "themes", "sources", *QUOTE_TABLES)
CHANGES_TABLE = "store_changes"

def create_tables(db: sqlite_utils.Database) -> None:
    """Create every table and index of an empty version-2 store."""
    db.execute("create table meta (key text primary key, value text)")
    db.execute("create table sources (id text primary key, author text, title text, publication text, "
               "published text, url text, stance text, text text)")
    db.execute("create table places (id text primary key, name text, kind text, latitude float, longitude float)")
    db.execute("create table themes (id text primary key, name text, color text)")
    db.execute("create table events (id text primary key, title text not null, summary text, start text not null, "
               "[end] text, certainty text not null, start_year float, end_year float, layer text, "
               "date_basis text, date_text text, calendar text)")
    db.execute("create table event_places (event_id text references events(id), place_id text references places(id), "
               "primary key (event_id, place_id))")
    db.execute("create table event_themes (event_id text references events(id), theme_id text references themes(id), "
               "primary key (event_id, theme_id))")
    for table in ("excerpts", "commentary"):
        db.execute(f"create table {table} (id integer primary key, event_id text references events(id), "
                   "source_id text references sources(id), quote text, start integer, [end] integer, "
                   "voice text, speaker text, note text)")
    db.execute("create table claims (id integer primary key, event_id text references events(id), topic text, "
               "source_id text references sources(id), quote text, value text, start integer, [end] integer, "
               "voice text, speaker text, note text, ref text)")
    db.execute("create table outside_facts (id integer primary key, event_id text references events(id), "
               "fact text, ref text)")
    db.execute("create table periods (id text primary key, name text, start text, [end] text)")
    create_aliases_table(db.conn)
    _create_indexes(db.conn)
    install_change_counter(db.conn)


def _create_indexes(conn: sqlite3.Connection) -> None:
    conn.execute("create index if not exists idx_events_start_year on events (start_year)")
    conn.execute("create index if not exists idx_event_places_place_id on event_places (place_id)")
    conn.execute("create index if not exists idx_event_themes_theme_id on event_themes (theme_id)")
    for table in (*QUOTE_TABLES, "outside_facts"):
        conn.execute(f"create index if not exists idx_{table}_event_id on {table} (event_id)")


def enable_search(db: sqlite_utils.Database) -> None:
    """Full-text search on event titles and summaries, every quote and every claim's value."""
    from timeline_app.store.search import SEARCHED

    for table, columns in SEARCHED:
        db.table(table).enable_fts(list(columns), create_triggers=True)


def install_change_counter(conn: sqlite3.Connection) -> None:
    """A counter that every insert, update and delete on the counted tables bumps (idempotent)."""
    conn.execute(f"create table if not exists {CHANGES_TABLE} (id integer primary key check (id = 1), "
                 "counter integer not null)")
    conn.execute(f"insert or ignore into {CHANGES_TABLE} (id, counter) values (1, 0)")
    for table in COUNTED_TABLES:
        for action in ("insert", "update", "delete"):
            conn.execute(f"create trigger if not exists {_counter_trigger(table, action)}")


def _counter_trigger(table: str, action: str) -> str:
    return (f"[{table}_{action}_counts] after {action} on [{table}] "
            f"begin update {CHANGES_TABLE} set counter = counter + 1 where id = 1; end")


def counter_triggers_intact(conn: sqlite3.Connection) -> bool:
    """Whether every trigger that bumps the change counter is there as installed.

    A tool that rebuilds a table (sqlite-utils ``transform``, a GUI's column editor) drops its
    triggers; the counter then stops counting that table's changes.
    """
    found = {(table, sql) for table, sql in conn.execute(
        "select tbl_name, sql from sqlite_master where type = 'trigger' and name like '%\\_counts' escape '\\'")}
    return all((table, f"CREATE TRIGGER {_counter_trigger(table, action)}") in found
               for table in COUNTED_TABLES for action in ("insert", "update", "delete"))


def change_counter(conn: sqlite3.Connection) -> int | None:
    """The store's change counter, or None if it has none (a store another tool made)."""
    try:
        row = conn.execute(f"select counter from {CHANGES_TABLE} where id = 1").fetchone()
    except sqlite3.Error:
        return None
    return int(row[0]) if row and isinstance(row[0], int) else None


def upgrade_to_v2(conn: sqlite3.Connection) -> None:
    """Add what version 2 adds to a version-1 store, inside the caller's transaction.

    Existing events read as history with an unknown date basis; passages as the reviewer's voice.
    """
    def columns(table: str) -> set[str]:
        return {r[1] for r in conn.execute(f"pragma table_info([{table}])")}

    for column in ("layer", "date_basis", "date_text", "calendar"):
        if column not in columns("events"):
            conn.execute(f"alter table events add column {column} text")
    conn.execute("update events set layer = coalesce(layer, 'history'), date_basis = coalesce(date_basis, "
                 "'unknown'), calendar = coalesce(calendar, 'gregorian')")
    for table in QUOTE_TABLES:
        wanted = ["voice", "speaker", "note", *(["ref", "start", "end"] if table == "claims" else [])]
        for column in wanted:
            if column not in columns(table):
                kind = "integer" if column in ("start", "end") else "text"
                conn.execute(f"alter table {table} add column [{column}] {kind}")
        conn.execute(f"update {table} set voice = coalesce(voice, 'reviewer')")
    conn.execute("create table if not exists outside_facts (id integer primary key, "
                 "event_id text references events(id), fact text, ref text)")
    _create_indexes(conn)
    conn.execute("update meta set value = '2' where key = 'schema_version'")


__all__ = ["CALENDARS", "CERTAINTIES", "CHANGES_TABLE", "CONTRACT", "CONTRACT_V2", "DATE_BASES", "LAYERS",
           "PLACE_KINDS", "QUOTE_TABLES", "READABLE_VERSIONS", "SCHEMA_VERSION", "VOICES", "change_counter",
           "counter_triggers_intact", "create_tables", "enable_search", "install_change_counter", "upgrade_to_v2"]
