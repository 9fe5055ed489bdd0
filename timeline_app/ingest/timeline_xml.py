"""Read a Timeline (thetimelineproj) ``.timeline`` file as entries of a user's own events.

A ``.timeline`` file is XML: ``<timeline>`` holds ``<version>``, ``<timetype>`` (only
``gregoriantime`` can be read here), ``<eras>``, ``<categories>`` and ``<events>``. Categories
become themes with their colours (``r,g,b``; one without a colour gets one of ours), eras
become periods, events keep their text as title, their description as summary and their
category as theme; a fuzzy event is approximate (its EDTF date says so: ``1930~``). Times of
day are dropped: a store knows days, and dates covering whole months or years are written so.
Container and subevent prefixes (``[1]``, ``(1)``) are removed from the text, as Timeline does.

The XML is read with the standard library, refusing any document type declaration, so no
entity is ever expanded (no "billion laughs"), and nothing outside the file is fetched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

from timeline_app.ingest.entries import EntryReader
from timeline_app.ingest.own_entries import Ids, Named, hex_colour, iso_bounds

_TIME = re.compile(r"\s*(-?\d+)-(\d+)-(\d+)(?:[ T](\d+):(\d+):(\d+))?\s*")
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_PREFIX = re.compile(r"^[\[(]-?\d*[\])]")


class TimelineFileError(ValueError):
    """The file is not a ``.timeline`` file this reader can take; the message says why, ``line`` where."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def looks_like_timeline(text: str) -> bool:
    """Whether ``text`` is XML (it opens with ``<``): the import then reads it as a Timeline file."""
    return text.lstrip().startswith("<")


def parse_root(text: str) -> ET.Element:
    """The ``<timeline>`` element of ``text``; raise :class:`TimelineFileError` for anything else."""
    found = _DECLARATION.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise TimelineFileError("declares a document type or entities, which a Timeline file never does; "
                                "refused unread", line)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, _column = exc.position
        raise TimelineFileError(f"is not well-formed XML ({_reason(exc)})", line) from None
    if root.tag != "timeline":
        raise TimelineFileError(f"is XML with <{root.tag}> at its root, not a Timeline file (<timeline>)", 1)
    timetype = (root.findtext("timetype") or "gregoriantime").strip()
    if timetype != "gregoriantime":
        raise TimelineFileError(f"uses Timeline's {timetype!r} calendar; only gregoriantime can be imported")
    return root


def _reason(exc: ET.ParseError) -> str:
    return re.sub(r":\s*line \d+, column \d+$", "", str(exc))


def _day(reader: EntryReader, text: str | None, key: str, field: str) -> date | None:
    match = _TIME.fullmatch(text or "")
    if not match:
        reader.problem(key, field, f"{text!r} is not a Timeline time like 1962-06-02 00:00:00", key)
        return None
    year, month, day = (int(v) for v in match.groups()[:3])
    if year < 1:
        reader.problem(key, field, f"year {year} is before year 1, which a store cannot hold", key)
        return None
    try:
        return date(year, month, day)
    except ValueError:
        reader.problem(key, field, f"{text!r} is not a day of the calendar", key)
        return None


def _fuzzy(start: str, end: str) -> str:
    return f"{start}~/{end}~" if end else f"{start}~"


def read_timeline(reader: EntryReader, root: ET.Element, taken_events: set[str], themes: dict[str, str],
                  colours: set[str], taken_periods: set[str]) -> dict[str, Any]:
    """Events, categories and eras of a parsed ``.timeline`` file as entries; problems go to ``reader``."""
    named = Named("themes", themes, colours)
    by_category: dict[str, str] = {}
    new_themes: list[dict] = []
    for index, category in enumerate(root.iterfind("categories/category"), start=1):
        name = (category.findtext("name") or "").strip()
        if not name:
            reader.problem(f"category #{index}", "name", "is missing or empty")
            continue
        before = len(named.created)
        by_category[name] = named.id_for(name)
        if len(named.created) > before:  # a new theme: the file's colour, if it gives one
            row = named.created[-1]
            row["color"] = hex_colour(category.findtext("color") or "") or row["color"]
            new_themes.append(row)
    periods = []
    period_ids = Ids(taken_periods, fallback="era")
    for index, era in enumerate(root.iterfind("eras/era"), start=1):
        name = (era.findtext("name") or "").strip()
        key = f"era '{name}'" if name else f"era #{index}"
        first = _day(reader, era.findtext("start"), key, "start")
        last = _day(reader, era.findtext("end"), key, "end")
        if first is None or last is None:
            continue
        start, end = iso_bounds(first, last) if first <= last else (first.isoformat(), last.isoformat())
        periods.append({"id": period_ids.new(name), "name": name or "Era", "start": start, "end": end})
    events = []
    event_ids = Ids(taken_events, fallback="event")
    for index, element in enumerate(root.iterfind("events/event"), start=1):
        text = element.findtext("text") or ""
        title = _PREFIX.sub("", text, count=1).strip()
        key = f"event '{title}'" if title else f"event #{index}"
        first = _day(reader, element.findtext("start"), key, "start")
        last = _day(reader, element.findtext("end"), key, "end")
        category_name = (element.findtext("category") or "").strip()
        if category_name and category_name not in by_category:
            reader.problem(key, "category", f"names the category {category_name!r}, which the file does not define")
        if first is None or last is None:
            continue
        start, end = iso_bounds(first, last) if first <= last else (first.isoformat(), last.isoformat())
        fuzzy = (element.findtext("fuzzy") or "").strip() == "True"
        event: dict[str, Any] = {
            "id": event_ids.new(title), "title": title, "start": start, "end": end,
            "summary": (element.findtext("description") or "").strip(),
            "certainty": "approximate" if fuzzy else "exact", "places": [],
            "themes": [by_category[category_name]] if category_name in by_category else [],
        }
        if fuzzy:
            event["date"] = _fuzzy(start, end)
        events.append(event)
    return {"title": "", "events": events, "periods": periods, "new_themes": new_themes}
