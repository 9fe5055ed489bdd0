"""Read a user's own events from CSV or JSON and check them against a store, all or nothing.

JSON has the shape of the JSON export: optional lists ``sources``, ``places`` and
``themes`` (new ones to add), and a list ``events`` whose entries are like those of
``data/events.toml``. CSV has one event per line with the columns ``id``, ``title``,
``start``, ``end``, ``certainty``, ``places`` and ``themes`` (ids separated by ``;``),
``summary``, optionally ``date`` (EDTF), ``calendar``, ``layer`` and ``date_basis``, and
``source`` and ``quote`` for one excerpt; its places, themes and sources must already be
in the store or in the same import. The CSV export writes exactly these columns.

A source registered with its text has its quotes checked against that text; one
registered without text keeps its quotes unverified, and the panes say so. Writing the
rows into the store is :mod:`timeline_app.ingest.store_writer`'s job.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

from timeline_app.ingest.entries import (
    EntryReader,
    Problem,
    as_list,
    as_mapping,
    check_source,
    read_events,
    read_named,
)
from timeline_app.store.file_checks import FileProblem, read_text

CSV_COLUMNS = ("id", "title", "start", "end", "certainty", "places", "themes", "summary")
_OPTIONAL_CSV = ("date", "calendar", "layer", "date_basis")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
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
    except RecursionError:
        raise _fail(path, "nests lists or objects too deeply to be an events file") from None
    if not isinstance(data, dict):
        raise _fail(path, "must hold a JSON object with a list 'events'")
    return data


def _unguard(cell: str) -> str:
    """A cell without the ``'`` our CSV export puts before text a spreadsheet would run as a formula."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def _read_csv(path: Path, text: str) -> tuple[dict, dict[str, int]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise _fail(path, f"the header lacks the column(s) {', '.join(missing)}", 1)
    events: list[dict[str, Any]] = []
    lines: dict[str, int] = {}
    try:
        for row in reader:
            eid = (row.get("id") or "").strip()
            lines.setdefault(eid, reader.line_num)
            entry: dict[str, Any] = {k: _unguard(row.get(k) or "").strip() for k in CSV_COLUMNS}
            entry.update({k: _unguard(row[k]).strip() for k in _OPTIONAL_CSV if (row.get(k) or "").strip()})
            for key in ("places", "themes"):
                entry[key] = [v.strip() for v in entry[key].split(";") if v.strip()]
            if (row.get("quote") or "").strip():
                entry["excerpts"] = [{"source": (row.get("source") or "").strip(), "quote": row["quote"].strip()}]
            events.append(entry)
    except csv.Error as exc:
        # DictReader's own line_num moves only after a good row; its reader's counts the bad one too.
        raise _fail(path, f"is not valid CSV: {exc}", reader.reader.line_num) from None
    return {"events": events}, lines


def read_import(path: Path, existing: Existing) -> tuple[dict[str, list[dict]], dict]:
    """Check ``path`` against what a store already holds (``existing``); return the rows to add and meta.

    Raise :class:`ImportFileError` listing every problem.
    """
    path = Path(path)
    try:
        text = read_text(path)
    except FileProblem as exc:
        raise _fail(path, exc.problem) from None
    lines: dict[str, int] = {}
    if path.suffix.lower() == ".csv":
        data, lines = _read_csv(path, text)
    elif path.suffix.lower() == ".json":
        data = _read_json(path, text)
    else:
        raise _fail(path, "is neither .csv nor .json")
    reader = EntryReader(path, text, lines)
    sources = dict(existing.sources)
    for raw in as_list(reader, data.get("sources", []), "sources", "-"):
        entry = as_mapping(reader, raw, "source")
        sid = str(entry.get("id", ""))
        where = f"source '{sid}'"
        row: dict[str, Any] = {"id": sid, **{c: reader.text_field(entry, c, where, sid,
                                                                   required=c in ("author", "title"))
                                             for c in _SOURCE_COLUMNS}}
        row["text"] = entry.get("text") if isinstance(entry.get("text"), str) else ""
        check_source(reader, row, where)
        if sid in sources:
            if sid not in existing.sources or existing.source_rows.get(sid) != row:
                reader.problem(where, "id", "another source already uses this id", sid)
            continue
        sources[sid] = row["text"]
        reader.rows.add("sources", row)
    named = {}
    for table in ("places", "themes"):
        have = existing.places if table == "places" else existing.themes
        entries = {}
        for raw in as_list(reader, data.get(table, []), table, "-"):
            entry = as_mapping(reader, raw, table[:-1])
            key = str(entry.get("id", ""))
            if key in have:
                continue  # already in the store: the store's definition stands
            entries[key] = entry
        named[table] = read_named(reader, entries, table) | have
    read_events(reader, data.get("events", []), sources, named["places"], named["themes"],
                taken=frozenset(existing.events))
    if not reader.rows.tables.get("events") and not reader.problems:
        reader.problem("file", "events", "holds no events to import")
    if reader.problems:
        raise ImportFileError(path, reader.problems)
    for table in ("excerpts", "commentary", "claims"):
        for row in reader.rows.tables.get(table, []):
            row.pop("id", None)  # the store numbers them after its own
    return reader.rows.tables, {"built_from": path.name}


class Existing:
    """What a store already holds that an import must not clash with."""

    def __init__(self, conn: sqlite3.Connection | None = None) -> None:
        self.sources: dict[str, str] = {}
        self.source_rows: dict[str, dict] = {}
        self.places: set[str] = set()
        self.themes: set[str] = set()
        self.events: set[str] = set()
        if conn is None:
            return
        columns = ", ".join(f"coalesce([{c}], '')" for c in ("id", *_SOURCE_COLUMNS, "text"))
        for row in conn.execute(f"select {columns} from sources"):
            sid, *fields, text = (str(v) for v in row)
            self.sources[sid] = text
            self.source_rows[sid] = {"id": sid, **dict(zip(_SOURCE_COLUMNS, fields, strict=True)), "text": text}
        self.places = {r[0] for r in conn.execute("select id from places")}
        self.themes = {r[0] for r in conn.execute("select id from themes")}
        self.events = {r[0] for r in conn.execute("select id from events")}
