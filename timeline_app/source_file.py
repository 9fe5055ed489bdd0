"""Read and check the reviewable source file (``data/events.toml``).

The source file is what people edit and review; the store is built from it.
Reading collects every problem it finds, each naming the entry, the field and
what is wrong, so a curator can fix a whole batch in one pass.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from timeline_app.dates import DateError, date_span
from timeline_app.review_text import ReviewCut, ReviewTextError, cut_review
from timeline_app.store_schema import CERTAINTIES, PLACE_KINDS

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_SOURCE_FIELDS = ("author", "title", "publication", "published", "url", "stance", "seed", "begin", "end")


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


class SourceFileError(ValueError):
    """The source file has problems; ``problems`` lists every one found."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        first = problems[0] if problems else "unknown problem"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{path}: {first}{more}")

    def report(self) -> str:
        """Every problem, one per line, each prefixed by the file name."""
        return "\n".join(f"{self.path}: {p}" for p in self.problems)


@dataclass
class StoreRows:
    """Rows ready to insert into a store, table by table."""

    meta: dict[str, str] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: dict[str, Any]) -> None:
        """Append ``row`` to ``table``."""
        self.tables.setdefault(table, []).append(row)


class _Reader:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []
        self.rows = StoreRows()

    def problem(self, where: str, field_name: str, message: str, key: str | None = None) -> None:
        self.problems.append(Problem(where, field_name, message, self.line_of(key)))

    def line_of(self, key: str | None) -> int | None:
        # tomllib gives no positions; find the line that names the entry instead.
        if not key:
            return None
        for pattern in (rf'^\s*id\s*=\s*"{re.escape(key)}"', rf"^\s*\[\w+\.{re.escape(key)}\]"):
            match = re.search(pattern, self.text, flags=re.MULTILINE)
            if match:
                return self.text.count("\n", 0, match.start()) + 1
        return None

    def text_field(self, entry: dict, name: str, where: str, key: str | None, required: bool = True) -> str:
        value = entry.get(name, "")
        if not isinstance(value, str):
            self.problem(where, name, f"must be text, not {type(value).__name__}", key)
            return ""
        if required and not value.strip():
            self.problem(where, name, "is missing or empty", key)
        if "<" in value and re.search(r"<[a-zA-Z/][^>]*>", value):
            self.problem(where, name, "contains HTML markup; write plain text", key)
        return value


def read_source_file(path: Path) -> StoreRows:
    """Read ``path`` and return the rows of the store it describes.

    Raise :class:`SourceFileError` listing every problem if anything is wrong.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceFileError(path, [Problem("file", "-", f"cannot be read: {exc}")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceFileError(path, [Problem("file", "-", f"is not valid TOML: {exc}")]) from None
    reader = _Reader(path, text)
    reader.rows.meta = {
        "schema_version": "1",
        "title": str(data.get("meta", {}).get("title", "Event store")),
        "built_from": path.name,
    }
    sources = _read_sources(reader, data.get("sources", {}))
    places = _read_named(reader, data.get("places", {}), "places")
    themes = _read_named(reader, data.get("themes", {}), "themes")
    _read_periods(reader, data.get("periods", []))
    _read_events(reader, data.get("events", []), sources, places, themes)
    if reader.problems:
        raise SourceFileError(path, reader.problems)
    return reader.rows


def _read_sources(reader: _Reader, entries: dict) -> dict[str, str]:
    texts: dict[str, str] = {}
    for sid, entry in entries.items():
        where = f"source '{sid}'"
        values = {name: reader.text_field(entry, name, where, sid) for name in _SOURCE_FIELDS}
        seed_path = reader.path.parent / values["seed"]
        try:
            raw = seed_path.read_text(encoding="utf-8")
            cut = ReviewCut(
                values["begin"], values["end"], tuple(entry.get("drop", ())),
                tuple(entry.get("join_after", ())), bool(entry.get("markdown", False)),
            )
            review = cut_review(raw, cut)
        except OSError as exc:
            reader.problem(where, "seed", f"cannot read {seed_path}: {exc.strerror}", sid)
            continue
        except ReviewTextError as exc:
            reader.problem(where, "begin/end", str(exc), sid)
            continue
        texts[sid] = review
        row = {name: values[name] for name in ("author", "title", "publication", "published", "url", "stance")}
        reader.rows.add("sources", {"id": sid, **row, "text": review})
    return texts


def _read_named(reader: _Reader, entries: dict, table: str) -> set[str]:
    for key, entry in entries.items():
        where = f"{table[:-1]} '{key}'"
        row: dict[str, Any] = {"id": key, "name": reader.text_field(entry, "name", where, key)}
        if table == "themes":
            color = entry.get("color", "")
            if not isinstance(color, str) or not _COLOR.match(color):
                reader.problem(where, "color", f"{color!r} is not a colour like #1f77b4", key)
            row["color"] = color
        else:
            kind = entry.get("kind", "")
            if kind not in PLACE_KINDS:
                reader.problem(where, "kind", f"{kind!r} is not one of {', '.join(PLACE_KINDS)}", key)
            row["kind"] = kind
            for axis, limit in (("latitude", 90), ("longitude", 180)):
                value = entry.get(axis)
                if not isinstance(value, int | float) or not -limit <= value <= limit:
                    reader.problem(where, axis, f"{value!r} is not a {axis} in degrees", key)
                row[axis] = value
        reader.rows.add(table, row)
    return set(entries)


def _read_periods(reader: _Reader, entries: list) -> None:
    for entry in entries:
        pid = str(entry.get("id", ""))
        where = f"period '{pid}'"
        name = reader.text_field(entry, "name", where, pid)
        start, end = entry.get("start", ""), entry.get("end", "")
        try:
            date_span(start, end)
        except DateError as exc:
            reader.problem(where, "start/end", str(exc), pid)
        reader.rows.add("periods", {"id": pid, "name": name, "start": start, "end": end})


def _read_events(
    reader: _Reader, entries: list, sources: dict[str, str], places: set[str], themes: set[str]
) -> None:
    seen: set[str] = set()
    counters = {"excerpts": 0, "commentary": 0, "claims": 0}
    for index, entry in enumerate(entries, start=1):
        eid = entry.get("id", "")
        where = f"event '{eid}'" if eid else f"event #{index}"
        if not isinstance(eid, str) or not _SLUG.match(eid):
            reader.problem(where, "id", f"{eid!r} is not a lowercase slug like novocherkassk-massacre")
        elif eid in seen:
            reader.problem(where, "id", "duplicate id: another event already uses it", eid)
        seen.add(eid)
        start, end = entry.get("start", ""), entry.get("end", "")
        span = (None, None)
        try:
            span = date_span(start, end)
        except DateError as exc:
            field_name = "end" if "before start" in str(exc) or (end and _bad(end)) else "start"
            reader.problem(where, field_name, str(exc), eid)
        certainty = entry.get("certainty", "")
        if certainty not in CERTAINTIES:
            reader.problem(where, "certainty", f"{certainty!r} is not one of {', '.join(CERTAINTIES)}", eid)
        reader.rows.add("events", {
            "id": eid,
            "title": reader.text_field(entry, "title", where, eid),
            "summary": reader.text_field(entry, "summary", where, eid),
            "start": start, "end": end, "certainty": certainty,
            "start_year": span[0], "end_year": span[1],
        })
        for table, known, column, values in (
            ("event_places", places, "place_id", entry.get("places", [])),
            ("event_themes", themes, "theme_id", entry.get("themes", [])),
        ):
            kind = table.split("_")[1][:-1]
            if not values:
                reader.problem(where, f"{kind}s", f"lists no {kind}", eid)
            for value in dict.fromkeys(values):
                if value not in known:
                    reader.problem(where, f"{kind}s", f"unknown {kind} {value!r}", eid)
                reader.rows.add(table, {"event_id": eid, column: value})
        if not entry.get("excerpts"):
            reader.problem(where, "excerpts", "has no excerpt: every event needs at least one", eid)
        for table in ("excerpts", "commentary", "claims"):
            for item in entry.get(table, []):
                counters[table] += 1
                row = _quote_row(reader, item, table, where, eid, sources)
                reader.rows.add(table, {"id": counters[table], "event_id": eid, **row})


def _bad(text: str) -> bool:
    try:
        date_span(text)
    except DateError:
        return True
    return False


def _quote_row(
    reader: _Reader, item: dict, table: str, where: str, eid: str, sources: dict[str, str]
) -> dict[str, Any]:
    sid = item.get("source", "")
    quote = item.get("quote", "")
    label = {"excerpts": "excerpt", "commentary": "commentary", "claims": "claim"}[table]
    row: dict[str, Any] = {"source_id": sid, "quote": quote, "start": None, "end": None}
    if table == "claims":
        row["topic"] = reader.text_field(item, "topic", f"{where} {label}", eid)
        row["value"] = reader.text_field(item, "value", f"{where} {label}", eid)
    if sid not in sources:
        reader.problem(where, f"{label}.source", f"unknown source {sid!r}", eid)
        return row
    if not isinstance(quote, str) or not quote.strip():
        reader.problem(where, f"{label}.quote", "is missing or empty", eid)
        return row
    offset = sources[sid].find(quote)
    if offset < 0:
        short = quote if len(quote) < 70 else quote[:67] + "..."
        reader.problem(where, f"{label}.quote", f"not found verbatim in {sid}: {short!r}", eid)
        return row
    row["start"], row["end"] = offset, offset + len(quote)
    return row
