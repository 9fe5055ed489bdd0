"""Check entries (sources, places, themes, periods, events) read from a TOML, JSON or CSV file.

Every check adds a :class:`Problem` naming the entry, the field and what is wrong, so a
whole file's problems are reported at once; the rows that pass become store rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline_app.ingest.own_entries import dates_of_edtf, is_uncertain
from timeline_app.store.dates import DateError, date_span
from timeline_app.store.rules import (
    calendar_problem,
    certainty_problem,
    date_basis_problem,
    date_text_problem,
    dates_problem,
    id_problem,
    layer_problem,
    published_problem,
    voice_problem,
)
from timeline_app.store.schema import PLACE_KINDS

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass
class Problem:
    """One thing wrong with the source file, located as precisely as we can."""

    where: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        line = f"line {self.line}: " if self.line else ""
        return f"{line}{self.where}, field '{self.field}': {self.message}"


@dataclass
class StoreRows:
    """Rows ready to insert into a store, table by table."""

    meta: dict[str, str] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        """Append ``row`` to ``table``."""
        self.tables.setdefault(table, []).append(row)


class EntryReader:
    """Collects problems and rows while entries are read; knows how to find an entry's line."""

    def __init__(self, path: Path, text: str, lines: dict[str, int] | None = None) -> None:
        self.path = path
        self.text = text
        self.lines = lines or {}
        self.problems: list[Problem] = []
        self.rows = StoreRows()

    def problem(self, where: str, field_name: str, message: str, key: str | None = None) -> None:
        """Record a problem with ``where``'s ``field_name``; ``key`` locates its line."""
        self.problems.append(Problem(where, field_name, message, self.line_of(key)))

    def line_of(self, key: str | None) -> int | None:
        """The line of the entry ``key`` in the file, when it can be found."""
        # TOML and JSON parsers give no positions; find the line that names the entry instead.
        if not key:
            return None
        key = str(key)
        if key in self.lines:
            return self.lines[key]
        quoted = re.escape(key)
        for pattern in (rf'^\s*id\s*=\s*"{quoted}"', rf"^\s*\[\w+\.{quoted}\]", rf'"id"\s*:\s*"{quoted}"'):
            match = re.search(pattern, self.text, flags=re.MULTILINE)
            if match:
                return self.text.count("\n", 0, match.start()) + 1
        return None

    def text_field(self, entry: dict, name: str, where: str, key: str | None, required: bool = True) -> str:
        """The text in ``entry[name]``, with a problem if it is missing, not text, or HTML."""
        value = entry.get(name, "")
        if not isinstance(value, str):
            self.problem(where, name, f"must be text, not {type(value).__name__}", key)
            return ""
        if required and not value.strip():
            self.problem(where, name, "is missing or empty", key)
        if "<" in value and re.search(r"<[a-zA-Z/][^>]*>", value):
            self.problem(where, name, "contains HTML markup; write plain text", key)
        return value


def as_mapping(reader: EntryReader, value: object, where: str, key: str | None = None) -> dict:
    """``value`` if it is a table/object, else an empty one and a problem."""
    if isinstance(value, dict):
        return value
    reader.problem(where, "-", f"must be a table of fields, not {type(value).__name__}", key)
    return {}


def as_list(reader: EntryReader, value: object, where: str, field_name: str, key: str | None = None) -> list:
    """``value`` if it is a list, else an empty list and a problem."""
    if isinstance(value, list):
        return value
    reader.problem(where, field_name, f"must be a list, not {type(value).__name__}", key)
    return []


def check_source(reader: EntryReader, row: dict[str, Any], where: str) -> None:
    """Problems with a source row's id and publication date (the store's rules)."""
    sid = row.get("id")
    for field_name, why in (("id", id_problem(sid)), ("published", published_problem(row.get("published")))):
        if why:
            reader.problem(where, field_name, why, str(sid or ""))


def read_named(reader: EntryReader, entries: dict, table: str, own: bool = False) -> set[str]:
    """Read places or themes keyed by id; return the ids.

    ``own``: a user's own places, which may leave out the kind and the position (null), as places
    named in a CSV or sheet do; such a place is listed but not drawn on the map.
    """
    for key, raw in as_mapping(reader, entries, table).items():
        where = f"{table[:-1]} '{key}'"
        entry = as_mapping(reader, raw, where, key)
        why = id_problem(key)
        if why:
            reader.problem(where, "id", why, key)
        row: dict[str, Any] = {"id": key, "name": reader.text_field(entry, "name", where, key)}
        if table == "themes":
            color = entry.get("color", "")
            if not isinstance(color, str) or not _COLOR.match(color):
                reader.problem(where, "color", f"{color!r} is not a colour like #1f77b4", key)
            row["color"] = color
        else:
            kind = entry.get("kind", "")
            if own and kind is None:
                pass
            elif kind not in PLACE_KINDS:
                reader.problem(where, "kind", f"{kind!r} is not one of {', '.join(PLACE_KINDS)}", key)
            row["kind"] = kind
            for axis, limit in (("latitude", 90), ("longitude", 180)):
                value = entry.get(axis)
                if own and entry.get("latitude") is None and entry.get("longitude") is None:
                    pass  # no position at all: not on the map
                elif isinstance(value, bool) or not isinstance(value, int | float) or not -limit <= value <= limit:
                    reader.problem(where, axis, f"{value!r} is not a {axis} in degrees", key)
                row[axis] = value
        reader.rows.add(table, row)
        read_aliases(reader, entry, table[:-1], key, where)
    return set(entries) if isinstance(entries, dict) else set()


def read_aliases(reader: EntryReader, entry: dict, kind: str, key: str, where: str) -> None:
    """An entry's ``aliases``: its other names (Russian, other transliterations), each a line of text."""
    seen: set[str] = set()
    for alias in as_list(reader, entry.get("aliases", []), where, "aliases", key):
        if not isinstance(alias, str) or not alias.strip() or alias != alias.strip():
            reader.problem(where, "aliases", f"{alias!r} is not a name (text, no space around it)", key)
        elif alias not in seen:
            seen.add(alias)
            reader.rows.add("aliases", {"kind": kind, "target_id": key, "alias": alias})


def read_people(reader: EntryReader, entries: dict) -> None:
    """People by a slug of our own, with every name search should know them by (``aliases``)."""
    for key, raw in as_mapping(reader, entries, "people").items():
        where = f"person '{key}'"
        entry = as_mapping(reader, raw, where, key)
        why = id_problem(key)
        if why:
            reader.problem(where, "id", why, key)
        if not entry.get("aliases"):
            reader.problem(where, "aliases", "lists no names: add the names search should know", key)
        read_aliases(reader, entry, "person", key, where)


def read_periods(reader: EntryReader, entries: list) -> None:
    """Read the eras drawn across the top of the timeline."""
    for raw in as_list(reader, entries, "periods", "-"):
        entry = as_mapping(reader, raw, "period")
        pid = str(entry.get("id", ""))
        where = f"period '{pid}'"
        name = reader.text_field(entry, "name", where, pid)
        start, end = entry.get("start", ""), entry.get("end", "")
        why = dates_problem(start, end)
        if why:
            reader.problem(where, "start/end", why, pid)
        reader.rows.add("periods", {"id": pid, "name": name, "start": start, "end": end})


def read_events(
    reader: EntryReader, entries: list, sources: dict[str, str], places: set[str], themes: set[str],
    taken: frozenset[str] = frozenset(), own: bool = False,
) -> None:
    """Read event entries, checking each against the known sources, places and themes.

    ``sources`` maps source ids to their text; a quote must stand in it verbatim, except
    where the text is empty (a user's source registered without text), whose quotes are
    kept unverified, with no offsets. ``own``: a user's own events (an import), which may
    give an EDTF ``date`` instead of ``start``/``end``, leave out the certainty (read from
    the date), and have no place, theme or passage (then their date basis stays unknown).
    """
    seen: set[str] = set(taken)
    counters = {"excerpts": 0, "commentary": 0, "claims": 0}
    for index, raw in enumerate(as_list(reader, entries, "events", "-"), start=1):
        entry = as_mapping(reader, raw, f"event #{index}")
        raw_id = entry.get("id", "")
        eid = raw_id if isinstance(raw_id, str) else ""
        where = f"event '{eid}'" if eid else f"event #{index}"
        bad_id = id_problem(raw_id)
        if bad_id:
            reader.problem(where, "id", bad_id)
        elif eid in seen:
            already = "the store already has an event" if eid in taken else "another event already uses it"
            reader.problem(where, "id", f"duplicate id: {already}", eid)
        seen.add(eid)
        start, end = entry.get("start", ""), entry.get("end", "")
        if own and not start and not end and entry.get("date"):
            try:
                start, end = dates_of_edtf(entry["date"])
            except DateError as exc:
                reader.problem(where, "date", str(exc), eid)
                continue
        span: tuple[float | None, float | None] = (None, None)
        why = dates_problem(start, end)
        if why:
            field_name = "end" if "before start" in why or (end and dates_problem(end)) else "start"
            reader.problem(where, field_name, why, eid)
        else:
            span = date_span(start, end)
        start = start if isinstance(start, str) else repr(start)
        end = end if isinstance(end, str) else repr(end)
        certainty = entry.get("certainty", "")
        if own and not certainty:
            certainty = "approximate" if is_uncertain(str(entry.get("date") or "")) else "exact"
        values = {"certainty": certainty, "layer": entry.get("layer", "history"),
                  "date_basis": entry.get("date_basis", "unknown"), "calendar": entry.get("calendar", "gregorian")}
        for field_name, rule in (("certainty", certainty_problem), ("layer", layer_problem),
                                 ("date_basis", date_basis_problem), ("calendar", calendar_problem)):
            why = rule(values[field_name])
            if why:
                reader.problem(where, field_name, why, eid)
        date_text = entry.get("date", "") or (f"{start}/{end}" if end else start)
        if span[0] is not None:
            why = date_text_problem(date_text, start, end)
            if why:
                reader.problem(where, "date", why, eid)
        reader.rows.add("events", {
            "id": eid,
            "title": reader.text_field(entry, "title", where, eid),
            "summary": reader.text_field(entry, "summary", where, eid, required=not own),
            "start": start, "end": end, **values, "date_text": date_text,
            "start_year": span[0], "end_year": span[1],
        })
        for item in as_list(reader, entry.get("outside_facts", []), where, "outside_facts", eid):
            fact = as_mapping(reader, item, where, eid)
            reader.rows.add("outside_facts", {
                "event_id": eid,
                "fact": reader.text_field(fact, "fact", f"{where} outside fact", eid),
                "ref": reader.text_field(fact, "ref", f"{where} outside fact", eid),
            })
        for table, known, column, name in (
            ("event_places", places, "place_id", "places"), ("event_themes", themes, "theme_id", "themes"),
        ):
            kind = name[:-1]
            listed = as_list(reader, entry.get(name, []), where, name, eid)
            if not listed and not own:
                reader.problem(where, name, f"lists no {kind}", eid)
            for value in dict.fromkeys(str(v) for v in listed):
                if value not in known:
                    reader.problem(where, f"{kind}s", f"unknown {kind} {value!r}", eid)
                reader.rows.add(table, {"event_id": eid, column: value})
        if not entry.get("excerpts") and not (own and values["date_basis"] in ("unknown", None)):
            reader.problem(where, "excerpts", "has no excerpt: every event needs at least one" + (
                " (or a date basis of 'unknown': a user's own event with nothing said)" if own else ""), eid)
        for table in ("excerpts", "commentary", "claims"):
            for item in as_list(reader, entry.get(table, []), where, table, eid):
                counters[table] += 1
                row = _quote_row(reader, as_mapping(reader, item, where, eid), table, where, eid, sources)
                reader.rows.add(table, {"id": counters[table], "event_id": eid, **row})


def _quote_row(
    reader: EntryReader, item: dict, table: str, where: str, eid: str, sources: dict[str, str]
) -> dict[str, Any]:
    sid = str(item.get("source", ""))
    quote = item.get("quote", "")
    label = {"excerpts": "excerpt", "commentary": "commentary", "claims": "claim"}[table]
    voice = item.get("voice", "reviewer")
    row: dict[str, Any] = {
        "source_id": sid, "quote": quote, "start": None, "end": None, "voice": voice,
        "speaker": reader.text_field(item, "speaker", f"{where} {label}", eid, required=False),
        "note": reader.text_field(item, "note", f"{where} {label}", eid, required=False),
    }
    why = voice_problem(voice)
    if why:
        reader.problem(where, f"{label}.voice", why, eid)
    if table == "claims":
        row["topic"] = reader.text_field(item, "topic", f"{where} {label}", eid)
        row["value"] = reader.text_field(item, "value", f"{where} {label}", eid)
        row["ref"] = reader.text_field(item, "ref", f"{where} {label}", eid, required=False)
        if not sid:  # the historical record's side: a reference, no source and no quote
            if not row["ref"].strip():
                reader.problem(where, f"{label}.ref", "a claim with no source is the record's side and needs "
                               "the reference it rests on", eid)
            if quote:
                reader.problem(where, f"{label}.quote", "the record's side quotes no review; leave it out", eid)
            return {**row, "source_id": None, "quote": ""}
    if sid not in sources:
        reader.problem(where, f"{label}.source", f"unknown source {sid!r}", eid)
        return row
    if not isinstance(quote, str) or not quote.strip():
        reader.problem(where, f"{label}.quote", "is missing or empty", eid)
        return row
    if not sources[sid]:
        return row  # the source was registered without its text: the quote stays unverified
    offset = sources[sid].find(quote)
    if offset < 0:
        short = quote if len(quote) < 70 else quote[:67] + "..."
        reader.problem(where, f"{label}.quote", f"not found verbatim in {sid}: {short!r}", eid)
        return row
    row["start"], row["end"] = offset, offset + len(quote)
    return row
