"""The event store's tables: contract version 1 (``shared/store-schema.md``) plus our additions.

Additions, which the contract allows: ``events.start_year`` and ``events.end_year``
(the decimal-year span the timeline draws, indexed so range queries stay fast on
large stores), a ``periods`` table (the leaders' eras drawn across the top of the
timeline) and full-text indexes on events and quotes.
"""

from __future__ import annotations

import sqlite_utils

SCHEMA_VERSION = "1"

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

CERTAINTIES = ("exact", "approximate", "disputed")
PLACE_KINDS = ("city", "region", "country", "bloc")
QUOTE_TABLES = ("excerpts", "commentary", "claims")


def create_tables(db: sqlite_utils.Database) -> None:
    """Create every table, index and full-text index of an empty store."""
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["sources"].create(
        {
            "id": str, "author": str, "title": str, "publication": str, "published": str,
            "url": str, "stance": str, "text": str,
        },
        pk="id",
    )
    db["places"].create(
        {"id": str, "name": str, "kind": str, "latitude": float, "longitude": float}, pk="id"
    )
    db["themes"].create({"id": str, "name": str, "color": str}, pk="id")
    db["events"].create(
        {
            "id": str, "title": str, "summary": str, "start": str, "end": str, "certainty": str,
            "start_year": float, "end_year": float,
        },
        pk="id",
        not_null={"title", "start", "certainty"},
    )
    db["event_places"].create(
        {"event_id": str, "place_id": str},
        pk=("event_id", "place_id"),
        foreign_keys=[("event_id", "events", "id"), ("place_id", "places", "id")],
    )
    db["event_themes"].create(
        {"event_id": str, "theme_id": str},
        pk=("event_id", "theme_id"),
        foreign_keys=[("event_id", "events", "id"), ("theme_id", "themes", "id")],
    )
    for table in ("excerpts", "commentary"):
        db[table].create(
            {"id": int, "event_id": str, "source_id": str, "quote": str, "start": int, "end": int},
            pk="id",
            foreign_keys=[("event_id", "events", "id"), ("source_id", "sources", "id")],
        )
    db["claims"].create(
        {
            "id": int, "event_id": str, "topic": str, "source_id": str, "quote": str, "value": str,
            "start": int, "end": int,
        },
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("source_id", "sources", "id")],
    )
    db["periods"].create({"id": str, "name": str, "start": str, "end": str}, pk="id")
    db["events"].create_index(["start_year"])
    db["event_places"].create_index(["place_id"])
    db["event_themes"].create_index(["theme_id"])
    for table in QUOTE_TABLES:
        db[table].create_index(["event_id"])


def enable_search(db: sqlite_utils.Database) -> None:
    """Full-text search on event titles and summaries and on every quote."""
    from timeline_app.store.search import SEARCHED

    for table, columns in SEARCHED:
        db[table].enable_fts(list(columns), create_triggers=True)
