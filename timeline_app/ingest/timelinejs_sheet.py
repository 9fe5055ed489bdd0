"""Read a TimelineJS sheet saved as CSV (or a TimelineJS 3 JSON file) as entries of a user's own events.

The sheet's template columns are Year, Month, Day, Time, End Year, End Month, End Day, End Time,
Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group and
Background. A row of Type ``title`` names the store, rows of Type ``era`` become periods, every
other row an event: Headline its title, Text its summary (HTML turned into plain text), Group its
theme (created by name; an empty Group leaves the event unsorted). A Display Date written in EDTF
(``1930~``) is kept as the event's date; other display words are left to the window. Times of day
and media are not kept: the store knows days, and its passages are its media.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from timeline_app.ingest.entries import EntryReader
from timeline_app.ingest.html_text import plain_text
from timeline_app.ingest.own_entries import Ids, Named, is_uncertain, slug
from timeline_app.store.dates import DateError, parse_date
from timeline_app.store.rules import date_text_problem

#: The template's columns, in its order (the export writes exactly these).
SHEET_COLUMNS = ("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
                 "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
                 "Background")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def is_sheet_header(names: list[str]) -> bool:
    """Whether a CSV header is a TimelineJS sheet's (it has Year and Headline)."""
    have = {n.strip().casefold() for n in names}
    return {"year", "headline"} <= have


def _cell(row: dict[str, str], name: str) -> str:
    value = (row.get(name) or "").strip()
    # Our exports put ' before text a spreadsheet would run as a formula; a sheet typed by hand has none.
    return value[1:] if value.startswith("'") and value[1:].startswith(_FORMULA_START) else value


def _number(reader: EntryReader, text: str, key: str, field: str) -> int | None:
    """A whole number from a spreadsheet cell (``1848`` or ``1848.0``), or None and a problem."""
    cleaned = text[:-2] if text.endswith(".0") else text
    if cleaned.lstrip("-").isdigit():
        return int(cleaned)
    reader.problem(key, field, f"{text!r} is not a whole number", key)
    return None


def sheet_date(reader: EntryReader, parts: tuple[str, str, str], key: str, prefix: str = "") -> str | None:
    """ISO text from Year, Month and Day cells (``1848``, ``1848-02``, ``1848-02-24``), "" if they are empty.

    None, with a problem recorded, if they are not a date.
    """
    year_text, month_text, day_text = parts
    if not year_text:
        if month_text or day_text:
            reader.problem(key, f"{prefix}Year", "is empty, but a month or day is given", key)
            return None
        return ""
    year = _number(reader, year_text, key, f"{prefix}Year")
    month = _number(reader, month_text, key, f"{prefix}Month") if month_text else None
    day = _number(reader, day_text, key, f"{prefix}Day") if day_text else None
    if year is None or (month_text and month is None) or (day_text and day is None):
        return None
    if day is not None and month is None:
        reader.problem(key, f"{prefix}Month", "is empty, but a day is given", key)
        return None
    if not 1 <= year <= 9999:
        reader.problem(key, f"{prefix}Year", f"{year} is outside the years 1 to 9999 a store can hold", key)
        return None
    text = f"{year:04d}" + (f"-{month:02d}" if month is not None else "") + (f"-{day:02d}" if day is not None else "")
    try:
        parse_date(text)
    except DateError as exc:
        reader.problem(key, f"{prefix}Month" if day is None else f"{prefix}Day", str(exc), key)
        return None
    return text


class SheetReader:
    """Turns sheet rows (or TimelineJS slides) into the entries :func:`read_import` checks."""

    def __init__(self, reader: EntryReader, taken_events: set[str], themes: dict[str, str], colours: set[str],
                 taken_periods: set[str]) -> None:
        self.reader = reader
        self.events: list[dict[str, Any]] = []
        self.periods: list[dict[str, Any]] = []
        self.title = ""
        self.event_ids = Ids(taken_events, fallback="event")
        self.period_ids = Ids(taken_periods, fallback="era")
        self.themes = Named("themes", themes, colours)

    def add(self, key: str, kind: str, headline: str, text: str, start: str | None, end: str | None, display: str,
            group: str, wanted_id: str = "") -> None:
        """One row: ``kind`` is its Type (title, era, or anything else for an event); HTML in the text.

        ``start`` or ``end`` None: the row's dates were bad (and said so); the row is left out.
        """
        title, summary = plain_text(headline), plain_text(text)
        kind = kind.strip().casefold()
        if kind == "title":
            self.title = title or summary.split("\n")[0]
            return
        if start is None or end is None:
            return
        if not start:
            self.reader.problem(key, "Year", "is empty: every event and era needs a year", key)
            return
        if kind == "era":
            self.periods.append({"id": self.period_ids.new(title), "name": title or "Era", "start": start,
                                 "end": end})
            return
        title = title or summary.split("\n")[0][:80]
        eid = self.event_ids.new(wanted_id if wanted_id and slug(wanted_id) == wanted_id else title)
        self.reader.lines[eid] = self.reader.lines.get(key, 0)
        event: dict[str, Any] = {"id": eid, "title": title, "start": start, "end": end, "summary": summary,
                                 "certainty": "exact", "places": [],
                                 "themes": [self.themes.id_for(plain_text(group))] if plain_text(group) else []}
        display = plain_text(display)
        if display and date_text_problem(display, start, end) is None:  # the sheet writes the date in EDTF
            event["date"] = display
            if is_uncertain(display):
                event["certainty"] = "approximate"
        self.events.append(event)

    def data(self) -> dict[str, Any]:
        """The entries read, in the shape of our JSON import (with ``title`` and new themes)."""
        return {"title": self.title, "events": self.events, "periods": self.periods,
                "new_themes": self.themes.created}


def read_sheet(reader: EntryReader, text: str, sheet: SheetReader) -> dict[str, Any]:
    """Read a TimelineJS sheet saved as CSV into ``sheet``; problems go to ``reader`` with their lines."""
    rows = csv.DictReader(io.StringIO(text))
    columns = {name.strip().casefold(): name for name in rows.fieldnames or []}

    def cells(row: dict[str, str], *names: str) -> tuple[str, ...]:
        return tuple(_cell(row, columns.get(n.casefold(), n)) for n in names)

    try:
        for row in rows:
            key = f"row {rows.line_num}"
            reader.lines[key] = rows.line_num
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue  # a blank line of the sheet
            start = sheet_date(reader, cells(row, "Year", "Month", "Day"), key)  # type: ignore[arg-type]
            end = sheet_date(reader, cells(row, "End Year", "End Month", "End Day"), key, "End ")  # type: ignore[arg-type]
            kind, headline, body, display, group = cells(row, "Type", "Headline", "Text", "Display Date", "Group")
            sheet.add(key, kind, headline, body, start, end, display, group)
    except csv.Error as exc:
        reader.problem("file", "-", f"is not valid CSV: {exc}", f"row {rows.line_num}")
        reader.lines[f"row {rows.line_num}"] = rows.line_num
    return sheet.data()


def _slide_date(reader: EntryReader, value: object, key: str, prefix: str = "") -> str | None:
    if value is None or value == "":
        return ""
    if not isinstance(value, dict):
        reader.problem(key, f"{prefix}date", "must be an object with a year", key)
        return None
    parts = tuple("" if value.get(n) is None else str(value.get(n)).strip() for n in ("year", "month", "day"))
    return sheet_date(reader, parts, key, prefix)  # type: ignore[arg-type]


def read_slides(reader: EntryReader, document: dict, sheet: SheetReader) -> dict[str, Any]:
    """Read a TimelineJS 3 JSON document (title, events, eras) into ``sheet``."""

    def text_of(slide: dict) -> tuple[str, str]:
        given = slide.get("text")
        text = given if isinstance(given, dict) else {}
        return str(text.get("headline") or ""), str(text.get("text") or "")

    if isinstance(document.get("title"), dict):
        headline, body = text_of(document["title"])
        sheet.add("title", "title", headline, body, "", "", "", "")
    for kind, slides in (("era", document.get("eras")), ("", document.get("events"))):
        for index, slide in enumerate(slides if isinstance(slides, list) else [], start=1):
            key = str(slide.get("unique_id") or f"{kind or 'event'} #{index}") if isinstance(slide, dict) \
                else f"{kind or 'event'} #{index}"
            if not isinstance(slide, dict):
                reader.problem(key, "-", "must be an object", key)
                continue
            start = _slide_date(reader, slide.get("start_date"), key, "start_")
            end = _slide_date(reader, slide.get("end_date"), key, "end_")
            headline, body = text_of(slide)
            display = str(slide.get("display_date") or "")
            sheet.add(key, kind, headline, body, start, end, display, str(slide.get("group") or ""),
                      wanted_id=str(slide.get("unique_id") or "") if not kind else "")
    return sheet.data()
