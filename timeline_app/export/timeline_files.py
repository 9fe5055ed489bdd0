"""The filtered events as a TimelineJS sheet (CSV) and as a Timeline (thetimelineproj) ``.timeline`` file. No Qt.

Both are files other timeline tools open, and ``timeline-app import`` reads both back to the same
events: titles, dates, summaries and the theme (a sheet's Group, a Timeline category). What the
formats cannot hold is left out: places, passages and references (the JSON export keeps them).

The sheet has the TimelineJS template's columns: a ``title`` row with the store's title, an
``era`` row per period, and a row per event whose Group is its lane in the view's grouping.
Headline and Text are HTML-escaped (TimelineJS shows them as HTML) and cells a spreadsheet
would run as formulas are guarded. An uncertain or approximate date (``1930~``, ``192X``) is
written in EDTF as the Display Date, which the import reads back.

The ``.timeline`` file has a category per theme with its colour, an era per period, and an
event per event, fuzzy unless its certainty is exact; times run from the first day's start to
the last day's end. Text is escaped by the XML writer.
"""

from __future__ import annotations

import csv
import html
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

from timeline_app.export.data_formats import Progress, csv_cell, events_document
from timeline_app.export.view import ExportView
from timeline_app.ingest.timelinejs_sheet import SHEET_COLUMNS
from timeline_app.store.dates import DateError, parse_date

TIMELINE_VERSION = "2.4.0"  # the file format Timeline 2.4 and later read
_NEUTRAL = "200,200,200"


def _noop(_done: int, _total: int) -> None:
    pass


def _parts(iso: str) -> tuple[str, str, str]:
    if not iso:
        return "", "", ""
    value = parse_date(iso)
    return str(value.year), str(value.month or ""), str(value.day or "")


def _is_plain(date_text: str, start: str, end: str) -> bool:
    return date_text in ("", start, f"{start}/{end}")


def _group_of(view: ExportView, event: dict) -> str:
    c = view.catalog
    names = {"theme": c.theme_names, "place": c.place_names, "reviewer": c.source_names}[view.grouping]
    keys = {"theme": event["themes"], "place": event["places"],
            "reviewer": sorted({q["source"] for q in event["excerpts"]})}[view.grouping]
    return names.get(keys[0], keys[0]) if keys else ""


def _sheet_row(values: dict[str, str]) -> list[str]:
    return [csv_cell(values.get(column, "")) for column in SHEET_COLUMNS]


def write_timelinejs_sheet(view: ExportView, path: Path, progress: Progress = _noop) -> int:
    """The shown events as a TimelineJS sheet saved as CSV; return the event count."""
    document = events_document(view, progress)
    e = html.escape
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(SHEET_COLUMNS)
        writer.writerow(_sheet_row({"Type": "title", "Headline": e(document["title"]),
                                    "Text": e(document["filter_description"])}))
        for period in view.catalog.periods:
            year, month, day = _parts(period["start"])
            end_year, end_month, end_day = _parts(period["end"] or "")
            writer.writerow(_sheet_row({"Year": year, "Month": month, "Day": day, "End Year": end_year,
                                        "End Month": end_month, "End Day": end_day, "Type": "era",
                                        "Headline": e(period["name"])}))
        for event in document["events"]:
            year, month, day = _parts(event["start"])
            end_year, end_month, end_day = _parts(event["end"])
            display = "" if _is_plain(event["date"], event["start"], event["end"]) else event["date"]
            writer.writerow(_sheet_row({
                "Year": year, "Month": month, "Day": day, "End Year": end_year, "End Month": end_month,
                "End Day": end_day, "Display Date": display, "Headline": e(event["title"]),
                "Text": e(event["summary"]), "Group": e(_group_of(view, event)),
            }))
    return len(document["events"])


def _rgb(colour: str) -> str:
    text = (colour or "").lstrip("#")
    try:
        return ",".join(str(int(text[i:i + 2], 16)) for i in (0, 2, 4)) if len(text) == 6 else _NEUTRAL
    except ValueError:
        return _NEUTRAL


def _times(start: str, end: str) -> tuple[str, str]:
    """Timeline's start and end times: from the first day's start to the last day's last second."""
    first = parse_date(start).first_day()
    last = parse_date(end or start).last_day()
    return f"{_day(first)} 00:00:00", f"{_day(last)} 23:59:59"


def _day(value: date) -> str:
    return f"{value.year}-{value.month:02d}-{value.day:02d}"


def _from_decimal(year: float) -> date:
    whole = max(1, min(9999, int(year)))
    start = date(whole, 1, 1)
    length = (date(whole + 1, 1, 1) - start).days if whole < 9999 else 365
    return start + timedelta(days=int((year - whole) * length)) if year >= 1 else start


# Characters XML 1.0 cannot hold at all, escaped or not (control characters but tab and line ends).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _add(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    child = ET.SubElement(parent, tag)
    if text is not None:
        child.text = _NOT_XML.sub("\ufffd", text)
    return child


def timeline_tree(view: ExportView, progress: Progress = _noop) -> tuple[ET.ElementTree, int]:
    """The shown events as a Timeline XML tree, and the event count."""
    document = events_document(view, progress)
    root = ET.Element("timeline")
    _add(root, "version", TIMELINE_VERSION)
    _add(root, "timetype", "gregoriantime")
    eras = _add(root, "eras")
    for period in view.catalog.periods:
        try:
            start, end = _times(period["start"], period["end"] or "")
        except DateError:
            continue
        era = _add(eras, "era")
        for tag, text in (("name", period["name"]), ("start", start), ("end", end), ("color", _NEUTRAL),
                          ("ends_today", "False")):
            _add(era, tag, text)
    categories = _add(root, "categories")
    category_of: dict[str, str] = {}
    for theme in document["themes"]:
        name = theme["name"] if theme["name"] not in category_of.values() else f"{theme['name']} ({theme['id']})"
        category_of[theme["id"]] = name
        category = _add(categories, "category")
        for tag, text in (("name", name), ("color", _rgb(theme.get("color", ""))), ("font_color", "0,0,0")):
            _add(category, tag, text)
    events = _add(root, "events")
    for event in document["events"]:
        start, end = _times(event["start"], event["end"])
        title = event["title"]
        # Timeline reads a text opening with ( or [ as a subevent or container: it adds a space, so do we.
        title = " " + title if title.startswith(("(", "[")) else title
        element = _add(events, "event")
        for tag, text in (("start", start), ("end", end), ("text", title), ("progress", "0"),
                          ("fuzzy", str(event["certainty"] != "exact")), ("locked", "False"),
                          ("ends_today", "False")):
            _add(element, tag, text)
        if event["themes"] and event["themes"][0] in category_of:
            _add(element, "category", category_of[event["themes"][0]])
        if event["summary"]:
            _add(element, "description", event["summary"])
        _add(element, "default_color", _NEUTRAL)
    view_element = _add(root, "view")
    shown = _add(view_element, "displayed_period")
    low, high = view.view_range
    _add(shown, "start", f"{_day(_from_decimal(low))} 00:00:00")
    _add(shown, "end", f"{_day(_from_decimal(high))} 00:00:00")
    _add(view_element, "hidden_categories")
    ET.indent(root)
    return ET.ElementTree(root), len(document["events"])


def write_timeline(view: ExportView, path: Path, progress: Progress = _noop) -> int:
    """Write :func:`timeline_tree` as a ``.timeline`` file; return the event count."""
    tree, count = timeline_tree(view, progress)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return count
