"""Add a user's own events from CSV or JSON to a store of their own, all or nothing.

JSON has the shape of the JSON export: optional lists ``sources``, ``places`` and
``themes`` (new ones to add), and a list ``events`` whose entries are like those of
``data/events.toml``. CSV has one event per line with the columns ``id``, ``title``,
``start``, ``end``, ``certainty``, ``places`` and ``themes`` (ids separated by ``;``),
``summary``, and optionally ``source`` and ``quote`` for one excerpt; its places,
themes and sources must already be in the store or in the same import.

A source registered with its text has its quotes checked against that text; one
registered without text keeps its quotes unverified, and the panes say so.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import sqlite_utils

from timeline_app.ingest.entries import (
    EntryReader,
    Problem,
    as_list,
    as_mapping,
    check_source,
    read_events,
    read_named,
)
from timeline_app.store.atomic_file import atomic_target
from timeline_app.store.check import store_problems
from timeline_app.store.event_store import EventStore, StoreError
from timeline_app.store.schema import create_tables, enable_search
from timeline_app.store.timeline_index import compute_arrays, save_arrays

CSV_COLUMNS = ("id", "title", "start", "end", "certainty", "places", "themes", "summary")
_SOURCE_COLUMNS = ("author", "title", "publication", "published", "url", "stance")


class ImportFileError(ValueError):
    """The import file has problems; nothing was written. ``problems`` lists them all."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{path}: {problems[0]}{more}")

    def report(self) -> str:
        """Every problem, one per line, each prefixed by the file name."""
        return "\n".join(f"{self.path}: {p}" for p in self.problems)


def _fail(path: Path, message: str, line: int | None = None) -> ImportFileError:
    return ImportFileError(path, [Problem("file", "-", message, line)])


def _read_json(path: Path, text: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(path, f"is not valid JSON: {exc.msg}", exc.lineno) from None
    if not isinstance(data, dict):
        raise _fail(path, "must hold a JSON object with a list 'events'")
    return data


def _read_csv(path: Path, text: str) -> tuple[dict, dict[str, int]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise _fail(path, f"the header lacks the column(s) {', '.join(missing)}", 1)
    events, lines = [], {}
    try:
        for row in reader:
            eid = (row.get("id") or "").strip()
            lines.setdefault(eid, reader.line_num)
            entry = {k: (row.get(k) or "").strip() for k in CSV_COLUMNS}
            for key in ("places", "themes"):
                entry[key] = [v.strip() for v in entry[key].split(";") if v.strip()]
            if (row.get("quote") or "").strip():
                entry["excerpts"] = [{"source": (row.get("source") or "").strip(), "quote": row["quote"].strip()}]
            events.append(entry)
    except csv.Error as exc:
        raise _fail(path, f"is not valid CSV: {exc}", reader.line_num) from None
    return {"events": events}, lines


def read_import(path: Path, store: EventStore | None) -> tuple[dict[str, list[dict]], dict]:
    """Check ``path`` against ``store`` (None: a new, empty store); return the rows to add and meta.

    Raise :class:`ImportFileError` listing every problem.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot be read: {getattr(exc, 'strerror', None) or exc}") from None
    lines: dict[str, int] = {}
    if path.suffix.lower() == ".csv":
        data, lines = _read_csv(path, text)
    elif path.suffix.lower() == ".json":
        data = _read_json(path, text)
    else:
        raise _fail(path, "is neither .csv nor .json")
    reader = EntryReader(path, text, lines)
    existing = _existing(store)
    sources = dict(existing["sources"])
    for raw in as_list(reader, data.get("sources", []), "sources", "-"):
        entry = as_mapping(reader, raw, "source")
        sid = str(entry.get("id", ""))
        where = f"source '{sid}'"
        row = {"id": sid, **{c: reader.text_field(entry, c, where, sid, required=c in ("author", "title"))
                             for c in _SOURCE_COLUMNS}}
        row["text"] = entry.get("text") if isinstance(entry.get("text"), str) else ""
        check_source(reader, row, where)
        if sid in sources:
            if sid not in existing["sources"] or existing["source_rows"].get(sid) != row:
                reader.problem(where, "id", "another source already uses this id", sid)
            continue
        sources[sid] = row["text"]
        reader.rows.add("sources", row)
    named = {}
    for table in ("places", "themes"):
        entries = {}
        for raw in as_list(reader, data.get(table, []), table, "-"):
            entry = as_mapping(reader, raw, table[:-1])
            key = str(entry.get("id", ""))
            if key in existing[table]:
                continue  # already in the store: the store's definition stands
            entries[key] = entry
        named[table] = read_named(reader, entries, table) | existing[table]
    read_events(reader, data.get("events", []), sources, named["places"], named["themes"],
                taken=frozenset(existing["events"]))
    if not reader.rows.tables.get("events") and not reader.problems:
        reader.problem("file", "events", "holds no events to import")
    if reader.problems:
        raise ImportFileError(path, reader.problems)
    for table in ("excerpts", "commentary", "claims"):
        for row in reader.rows.tables.get(table, []):
            row.pop("id", None)  # the store numbers them after its own
    return reader.rows.tables, {"built_from": path.name}


def _existing(store: EventStore | None) -> dict:
    if store is None:
        return {"sources": {}, "source_rows": {}, "places": set(), "themes": set(), "events": set()}
    sources = store.sources()
    return {
        "sources": {sid: s.get("text") or "" for sid, s in sources.items()},
        "source_rows": {sid: {"id": sid, **{c: s.get(c) or "" for c in _SOURCE_COLUMNS}, "text": s.get("text") or ""}
                        for sid, s in sources.items()},
        "places": {p["id"] for p in store.places()},
        "themes": {t["id"] for t in store.themes()},
        "events": {r[0] for r in store.conn.execute("select id from events")},
    }


_ORDER = ("sources", "places", "themes", "events", "event_places", "event_themes", "excerpts", "commentary", "claims")


def import_events(source: Path, target: Path, shipped: Path | None = None, allow_shipped: bool = False) -> int:
    """Add the events of ``source`` (CSV or JSON) to the store ``target``, creating it if needed.

    All or nothing: the import is made on a copy that replaces ``target`` only once it is
    complete and checked. The shipped store is refused unless ``allow_shipped``.
    Returns the number of events added.
    """
    source, target = Path(source), Path(target)
    if shipped is not None and target.exists() and target.resolve() == Path(shipped).resolve() and not allow_shipped:
        raise StoreError(target, "is the shipped store; import into a store of your own, "
                                 "or pass --allow-shipped-store to change it")
    store = EventStore(target) if target.exists() else None
    try:
        tables, meta = read_import(source, store)
    finally:
        if store is not None:
            store.close()
    with atomic_target(target) as temp:
        if target.exists():
            shutil.copyfile(target, temp)
        else:
            temp.unlink()
        db = sqlite_utils.Database(temp)
        try:
            if "meta" not in db.table_names():
                create_tables(db)
                enable_search(db)
                db["meta"].insert_all([{"key": "schema_version", "value": "1"},
                                       {"key": "title", "value": f"Events imported from {source.name}"},
                                       {"key": "built_from", "value": meta["built_from"]}])
            for table in _ORDER:
                if tables.get(table):
                    db[table].insert_all(tables[table])
            with db.conn:
                save_arrays(db.conn, compute_arrays(db.conn))
        finally:
            db.close()
        problems = store_problems(temp)
        if problems:
            raise StoreError(target, f"the import would break the store: {problems[0]}")
    return len(tables.get("events", []))
