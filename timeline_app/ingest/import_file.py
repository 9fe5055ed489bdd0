"""Read a user's own events from any file timeline-app imports and check them against a store, all or nothing.

The format is told by the file's content, whatever its name: a Timeline (thetimelineproj)
``.timeline`` file is XML (:mod:`.timeline_xml`); JSON is ours, or TimelineJS 3's when its events
carry ``start_date`` (:mod:`.timelinejs_sheet`); CSV is a TimelineJS sheet when its header has Year
and Headline, ours otherwise.

Our JSON has the shape of the JSON export: optional lists ``sources``, ``places``, ``themes`` and
``periods`` (new ones to add), and a list ``events`` whose entries are like those of
``data/events.toml``. Our CSV has one event per line: ``title`` and ``start`` (or ``date`` in
EDTF: ``1930~``, ``192X``, ``1929/1933``, ``1985/..``), and optionally ``id`` (else made from the
title), ``end``, ``certainty`` (else read from the date), ``places`` and ``themes`` (separated by
``;``: ids of the store, or names, which create places and themes the store lacks; with
``place_names``/``theme_names`` beside them, as the CSV export writes, new ones keep the exported
id and name), ``summary``, ``calendar``, ``layer``, ``date_basis``, and ``source`` and ``quote``
for one excerpt. A user's own event needs no place, theme or passage; a row without a passage
says nothing of where its date comes from (``date_basis`` unknown, whatever the column says): the
passages and references that back a date are not in a CSV (the JSON export carries them).

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
    read_periods,
)
from timeline_app.ingest.own_entries import Ids, Named
from timeline_app.ingest.timeline_xml import TimelineFileError, looks_like_timeline, parse_root, read_timeline
from timeline_app.ingest.timelinejs_sheet import SheetReader, is_sheet_header, read_sheet, read_slides
from timeline_app.store.file_checks import FileProblem, read_text
from timeline_app.store.rules import id_problem

CSV_COLUMNS = ("id", "title", "start", "end", "certainty", "places", "themes", "summary")
_OPTIONAL_CSV = ("date", "calendar", "layer", "date_basis")
FORMATS = "our CSV or JSON, a TimelineJS sheet (CSV) or TimelineJS JSON, or a Timeline .timeline file"
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


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(";") if v.strip()]


def _resolve(values: list[str], names: list[str], named: Named) -> list[str]:
    """Ids for the ``values`` of a places or themes cell: the store's ids kept, names looked up or created."""
    paired = len(names) == len(values)
    found = []
    for at, value in enumerate(values):
        if paired and id_problem(value) is None:
            found.append(named.keep(value, names[at]))  # an export's id and name: the same place again
        elif value in named.ids.taken:
            found.append(value)
        else:
            found.append(named.id_for(value))
    return found


def _read_csv(path: Path, text: str, existing: Existing) -> tuple[dict, dict[str, int]]:
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    missing = [c for c in ("title",) if c not in header]
    if "start" not in header and "date" not in header:
        missing.append("start (or date)")
    if missing:
        raise _fail(path, f"the header lacks the column(s) {', '.join(missing)}", 1)
    events: list[dict[str, Any]] = []
    lines: dict[str, int] = {}
    places = Named("places", existing.place_names)
    themes = Named("themes", existing.theme_names, set(existing.theme_colours.values()))
    try:
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error as exc:
        # DictReader's own line_num moves only after a good row; its reader's counts the bad one too.
        raise _fail(path, f"is not valid CSV: {exc}", reader.reader.line_num) from None
    given = {cell.strip() for _line, row in rows if isinstance(cell := row.get("id"), str)}
    ids = Ids(existing.events | given, fallback="event")
    for line, row in rows:
        entry: dict[str, Any] = {k: _unguard(v).strip() for k in CSV_COLUMNS if isinstance(v := row.get(k) or "", str)}
        entry.update({k: _unguard(v).strip() for k in _OPTIONAL_CSV if isinstance(v := row.get(k), str) and v.strip()})
        if not entry.get("id") and entry.get("title"):
            entry["id"] = ids.new(entry["title"])  # a sheet of one's own need not make up ids
        lines.setdefault(entry.get("id", ""), line)
        for key, named in (("places", places), ("themes", themes)):
            names = row.get(f"{key[:-1]}_names")
            entry[key] = _resolve(_split(entry.get(key, "")), _split(_unguard(names) if isinstance(names, str) else ""),
                                  named)
        if not entry.get("certainty"):
            entry.pop("certainty", None)  # read from the date
        quote, source = row.get("quote"), row.get("source")
        if isinstance(quote, str) and quote.strip():
            entry["excerpts"] = [{"source": source.strip() if isinstance(source, str) else "", "quote": quote.strip()}]
        elif entry.get("date_basis"):
            # What backs the date (passages, references) is not in a CSV; the JSON export carries it.
            entry["date_basis"] = "unknown"
        events.append(entry)
    return {"events": events, "new_places": places.created, "new_themes": themes.created}, lines


def _format_of(text: str) -> str:
    """``timeline``, ``json`` or ``csv``, from the file's first characters."""
    if looks_like_timeline(text):
        return "timeline"
    if text.lstrip().startswith(("{", "[")):
        return "json"
    return "csv"


def _is_timelinejs(document: dict) -> bool:
    events = document.get("events")
    slides = [e for e in events if isinstance(e, dict)] if isinstance(events, list) else []
    return any("start_date" in e for e in slides) or (
        isinstance(document.get("title"), dict) and "text" in document["title"])


def _read_any(path: Path, text: str, reader: EntryReader, existing: Existing) -> dict:
    """The entries of ``path`` in the shape of our JSON, whatever its format (see the module's notes)."""
    if not text.strip():
        raise _fail(path, f"is empty; import {FORMATS}")
    kind = _format_of(text)
    themes, colours = existing.theme_names, set(existing.theme_colours.values())
    if kind == "timeline":
        try:
            root = parse_root(text)
        except TimelineFileError as exc:
            raise _fail(path, str(exc), exc.line) from None
        return read_timeline(reader, root, set(existing.events), themes, colours, existing.periods)
    if kind == "json":
        data = _read_json(path, text)
        if _is_timelinejs(data):
            return read_slides(reader, data, SheetReader(reader, set(existing.events), themes, colours,
                                                        existing.periods))
        return {k: v for k, v in data.items() if not k.startswith("new_")}  # those are the readers' own
    first = next(csv.reader(io.StringIO(text)), [])
    if is_sheet_header(first):
        return read_sheet(reader, text, SheetReader(reader, set(existing.events), themes, colours, existing.periods))
    data, lines = _read_csv(path, text, existing)
    reader.lines.update(lines)
    return data


def _add_named(reader: EntryReader, rows: list, table: str, known: set[str]) -> None:
    """Places or themes an import creates by name: their ids and names are checked like any other."""
    for row in rows:
        where = f"{table[:-1]} '{row['id']}'"
        why = id_problem(row["id"])
        if why:
            reader.problem(where, "id", why, row["id"])
        reader.text_field(row, "name", where, row["id"])
        reader.rows.add(table, row)
        known.add(row["id"])


def read_import(path: Path, existing: Existing) -> tuple[dict[str, list[dict]], dict]:
    """Check ``path`` against what a store already holds (``existing``); return the rows to add and meta.

    Raise :class:`ImportFileError` listing every problem.
    """
    path = Path(path)
    try:
        text = read_text(path)
    except FileProblem as exc:
        raise _fail(path, exc.problem) from None
    reader = EntryReader(path, text)
    data = _read_any(path, text, reader, existing)
    sources = dict(existing.sources)
    for raw in as_list(reader, data.get("sources", []), "sources", "-"):
        # A store made by another tool may leave a source's field NULL; our JSON export writes it as null.
        entry = {k: "" if v is None else v for k, v in as_mapping(reader, raw, "source").items()}
        sid = str(entry.get("id", ""))
        where = f"source '{sid}'"
        known = sid in existing.sources  # compared with the store's row below, as the store has it
        row: dict[str, Any] = {"id": sid, **{c: reader.text_field(entry, c, where, sid,
                                                                   required=c in ("author", "title") and not known)
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
        named[table] = read_named(reader, entries, table, own=True) | have
        _add_named(reader, as_list(reader, data.get(f"new_{table}", []), table, "-"), table, named[table])
    read_periods(reader, data.get("periods", []))
    read_events(reader, data.get("events", []), sources, named["places"], named["themes"],
                taken=frozenset(existing.events), own=True)
    if not reader.rows.tables.get("events") and not reader.problems:
        reader.problem("file", "events", "holds no events to import")
    if reader.problems:
        raise ImportFileError(path, reader.problems)
    for table in ("excerpts", "commentary", "claims"):
        for row in reader.rows.tables.get(table, []):
            row.pop("id", None)  # the store numbers them after its own
    meta = {"built_from": path.name}
    title = data.get("title")
    if isinstance(title, str) and title.strip():
        meta["title"] = title.strip()
    return reader.rows.tables, meta


class Existing:
    """What a store already holds that an import must not clash with."""

    def __init__(self, conn: sqlite3.Connection | None = None) -> None:
        self.sources: dict[str, str] = {}
        self.source_rows: dict[str, dict] = {}
        self.places: set[str] = set()
        self.themes: set[str] = set()
        self.events: set[str] = set()
        self.periods: set[str] = set()
        self.place_names: dict[str, str] = {}
        self.theme_names: dict[str, str] = {}
        self.theme_colours: dict[str, str] = {}
        if conn is None:
            return
        columns = ", ".join(f"coalesce([{c}], '')" for c in ("id", *_SOURCE_COLUMNS, "text"))
        for row in conn.execute(f"select {columns} from sources"):
            sid, *fields, text = (str(v) for v in row)
            self.sources[sid] = text
            self.source_rows[sid] = {"id": sid, **dict(zip(_SOURCE_COLUMNS, fields, strict=True)), "text": text}
        self.place_names = {str(r[0]): str(r[1] or r[0]) for r in conn.execute("select id, name from places")}
        self.places = set(self.place_names)
        for tid, name, color in conn.execute("select id, name, color from themes"):
            self.theme_names[str(tid)] = str(name or tid)
            self.theme_colours[str(tid)] = str(color or "")
        self.themes = set(self.theme_names)
        if conn.execute("select 1 from sqlite_master where name = 'periods'").fetchone():
            self.periods = {str(r[0]) for r in conn.execute("select id from periods")}
        self.events = {r[0] for r in conn.execute("select id from events")}
