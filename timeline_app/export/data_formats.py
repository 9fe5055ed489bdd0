"""The filtered events as CSV, JSON and TimelineJS 3 JSON, each carrying provenance. No Qt.

CSV and JSON have the columns and fields ``timeline-app import`` reads, so an export can be
imported again. Text from the store is data: CSV cells that a spreadsheet would run as a
formula are guarded, and TimelineJS text is HTML-escaped.
"""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from timeline_app import __version__
from timeline_app.export.view import ExportView
from timeline_app.model.date_words import date_words
from timeline_app.sources.citations import chicago_citation
from timeline_app.store.dates import parse_date
from timeline_app.store.event_store import Quote

Progress = Callable[[int, int], None]

#: The CSV columns: first those ``timeline-app import`` reads, then the date as a historian writes it
#: ("c. 1930", "25 Oct (7 Nov) 1917"), names and references for people.
CSV_COLUMNS = ("id", "title", "start", "end", "date", "calendar", "certainty", "layer", "date_basis", "places",
               "themes", "summary", "display_date", "place_names", "theme_names", "sources", "outside_references")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _noop(_done: int, _total: int) -> None:
    pass


def csv_cell(value: object) -> str:
    """``value`` as a CSV cell no spreadsheet runs as a formula: a leading ``= + - @``, tab or CR gets a ``'``."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _event_rows(view: ExportView) -> dict[str, dict]:
    """The shown events' own columns (summary, provenance), read once."""
    wanted = {view.catalog.ids[i] for i in view.shown().tolist()}
    rows: dict[str, dict] = {}
    for row in view.store.event_rows():
        if row["id"] in wanted:
            rows[row["id"]] = row
    return rows


def _display_date(view: ExportView, index: int, row: dict) -> str:
    """The event's date as a historian writes it, from the row already read (no query per event)."""
    c = view.catalog
    return date_words(c.starts[index], c.ends[index], c.certainty[index], row.get("date_text") or "",
                      row.get("calendar") or "gregorian")


def write_csv(view: ExportView, path: Path, progress: Progress = _noop) -> int:
    """One row per shown event with the columns of :data:`CSV_COLUMNS`; return the row count."""
    c = view.catalog
    shown = view.shown()
    rows = _event_rows(view)
    facts = view.store.all_outside_facts()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for n, i in enumerate(shown.tolist()):
            eid = c.ids[i]
            row = rows.get(eid, {})
            writer.writerow([csv_cell(v) for v in (
                eid, c.titles[i], c.starts[i], c.ends[i], row.get("date_text") or "", row.get("calendar") or "",
                c.certainty[i], row.get("layer") or "history", row.get("date_basis") or "unknown",
                ";".join(c.places[i]), ";".join(c.themes[i]), row.get("summary") or "", _display_date(view, i, row),
                "; ".join(c.place_names.get(p, p) for p in c.places[i]),
                "; ".join(c.theme_names.get(t, t) for t in c.themes[i]),
                "; ".join(c.source_names.get(s, s) for s in c.sources[i]),
                "; ".join(sorted({ref for _fact, ref in facts.get(eid, [])})),
            )])
            if n % 5000 == 0:
                progress(n, len(shown))
    progress(len(shown), len(shown))
    return len(shown)


def _passage(quote: Quote, citation: str) -> dict:
    item: dict = {"source": quote.source_id, "quote": quote.quote, "start": quote.start, "end": quote.end,
                  "voice": quote.voice}
    for name in ("speaker", "note"):
        if getattr(quote, name):
            item[name] = getattr(quote, name)
    if quote.kind == "claim":
        item = {"topic": quote.topic, "value": quote.value, **item}
        if not quote.source_id:  # the record's side: its citation is its reference, not a review
            return {"topic": quote.topic, "value": quote.value, "ref": quote.ref, "citation": quote.ref}
    item["citation"] = citation
    return item


def events_document(view: ExportView, progress: Progress = _noop) -> dict:
    """The shown events with provenance, passages and claims, and the sources, places and themes they use.

    The shape is the one ``timeline-app import`` reads, so an export can be imported again.
    """
    c, store = view.catalog, view.store
    shown = view.shown().tolist()
    rows = _event_rows(view)
    facts = store.all_outside_facts()
    quotes: dict[str, dict[str, list]] = {eid: {"excerpts": [], "commentary": [], "claims": []} for eid in rows}
    kinds = {"excerpt": "excerpts", "commentary": "commentary", "claim": "claims"}
    all_sources = store.sources()
    citations = {sid: chicago_citation(s) for sid, s in all_sources.items()}
    for quote in store.quotes():
        if quote.event_id in quotes:
            quotes[quote.event_id][kinds[quote.kind]].append(_passage(quote, citations.get(quote.source_id, "")))
    events = []
    for n, i in enumerate(shown):
        eid = c.ids[i]
        row = rows.get(eid, {})
        events.append({
            "id": eid, "title": c.titles[i], "start": c.starts[i], "end": c.ends[i],
            "date": row.get("date_text") or "", "calendar": row.get("calendar") or "gregorian",
            "display_date": _display_date(view, i, row), "certainty": c.certainty[i],
            "layer": row.get("layer") or "history",
            "date_basis": row.get("date_basis") or "unknown",
            "places": list(c.places[i]), "themes": list(c.themes[i]), "summary": row.get("summary") or "",
            "outside_facts": [{"fact": fact, "ref": ref, "citation": ref} for fact, ref in facts.get(eid, [])],
            **quotes.get(eid, {"excerpts": [], "commentary": [], "claims": []}),
        })
        if n % 5000 == 0:
            progress(n, len(shown))
    cited = {q["source"] for e in events for kind in ("excerpts", "commentary", "claims") for q in e[kind]
             if q.get("source")}
    used_places = {p for e in events for p in e["places"]}
    used_themes = {t for e in events for t in e["themes"]}
    sources = [{**s, "citation": citations[sid]} for sid, s in all_sources.items() if sid in cited]
    progress(len(shown), len(shown))
    low, high = view.view_range
    return {
        "title": view.title(),
        "exported": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": f"timeline-app {__version__}",
        "filter": {**view.filter.to_dict(), "years": [low, high]},
        "filter_description": f"{view.filter.describe(c)}; years {low:.0f}–{high:.0f}",
        "sources": sources,
        "places": [p for p in store.places() if p["id"] in used_places],
        "themes": [t for t in store.themes() if t["id"] in used_themes],
        "events": events,
    }


def _write_document(document: dict, path: Path) -> int:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=2)
    return len(document["events"])


def write_json(view: ExportView, path: Path, progress: Progress = _noop) -> int:
    """Write :func:`events_document` as JSON; return the event count."""
    return _write_document(events_document(view, progress), path)


def _tl_date(iso: str) -> dict:
    value = parse_date(iso)
    date = {"year": value.year}
    if value.month:
        date["month"] = value.month
    if value.day:
        date["day"] = value.day
    return date


_LAYER_NOTE = {"film": "A scene of the film, as the reviews retell it: not the historical record.",
               "reception": "The film's making and reception."}
_BASIS_NOTE = {"review": "Date as a review gives it.", "outside": "Date from outside the reviews.",
               "film": "Date from the film's plot.", "unknown": "Where the date comes from is not recorded."}


def _slide_text(event: dict, sources: dict[str, dict]) -> str:
    e = html.escape
    body = []
    if event["layer"] in _LAYER_NOTE:
        body.append(f"<p><b>{e(_LAYER_NOTE[event['layer']])}</b></p>")
    body.append(f"<p>{e(event['summary'])}</p>")
    body.append(f"<p><small>{e(_BASIS_NOTE.get(event['date_basis'], ''))}</small></p>")
    if event["outside_facts"]:
        items = "".join(f"<li>{e(f['fact'])} — <i>{e(f['ref'])}</i></li>" for f in event["outside_facts"])
        body.append(f"<p><small>From outside the reviews:</small></p><ul>{items}</ul>")
    for quote in event["excerpts"]:
        source = sources.get(quote["source"], {})
        who = f" ({e(quote['speaker'])})" if quote.get("speaker") else ""
        body.append(f"<blockquote>“{e(quote['quote'])}”<br>— {e(source.get('author', ''))}{who}, "
                    f"<i>{e(source.get('publication', ''))}</i></blockquote>")
    return "".join(body)


def timelinejs_document(view: ExportView, progress: Progress = _noop) -> dict:
    """The shown events in Knight Lab's TimelineJS 3 JSON format, grouped as on the timeline.

    Each slide gives the event's layer and date basis, our summary, its outside facts with their
    references and every excerpt with its reviewer; the eras band carries the leaders' periods.
    All store text is HTML-escaped: TimelineJS shows it as HTML.
    """
    document = events_document(view, progress)
    sources = {s["id"]: s for s in document["sources"]}
    c = view.catalog
    group_names = {"theme": c.theme_names, "place": c.place_names, "reviewer": c.source_names}[view.grouping]
    events = []
    for event in document["events"]:
        key = {"theme": event["themes"], "place": event["places"],
               "reviewer": sorted({q["source"] for q in event["excerpts"]})}[view.grouping]
        slide = {
            "unique_id": event["id"],
            "start_date": _tl_date(event["start"]),
            "text": {"headline": html.escape(event["title"]), "text": _slide_text(event, sources)},
            "group": html.escape(group_names.get(key[0], key[0])) if key else "",
            "display_date": html.escape(event["display_date"]),
        }
        if event["end"]:
            slide["end_date"] = _tl_date(event["end"])
        events.append(slide)
    eras = [{"start_date": _tl_date(p["start"]), "end_date": _tl_date(p["end"] or p["start"]),
             "text": {"headline": html.escape(p["name"])}} for p in c.periods]
    credit = "; ".join(s["citation"] for s in document["sources"])
    return {
        "title": {"text": {"headline": html.escape(document["title"]),
                           "text": f"<p>{html.escape(document['filter_description'])}</p>"
                                   f"<p><small>Sources: {html.escape(credit)}</small></p>"}},
        "events": events,
        "eras": eras,
    }


def write_timelinejs(view: ExportView, path: Path, progress: Progress = _noop) -> int:
    """Write :func:`timelinejs_document` as JSON; return the event count."""
    return _write_document(timelinejs_document(view, progress), path)
