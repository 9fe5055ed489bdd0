"""The filtered events as CSV, JSON (importable again) and TimelineJS 3 JSON. No Qt."""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from timeline_app import __version__
from timeline_app.export.view import ExportView
from timeline_app.sources.citations import chicago_citation
from timeline_app.store.dates import parse_date

Progress = Callable[[int, int], None]


def _noop(_done: int, _total: int) -> None:
    pass


def write_csv(view: ExportView, path: Path, progress: Progress = _noop) -> int:
    """One row per shown event: id, start, end, title, places, themes, sources. Returns the row count."""
    c = view.catalog
    shown = view.shown()
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "start", "end", "certainty", "title", "places", "themes", "sources"])
        for n, i in enumerate(shown.tolist()):
            writer.writerow([
                c.ids[i], c.starts[i], c.ends[i], c.certainty[i], c.titles[i],
                "; ".join(c.place_names.get(p, p) for p in c.places[i]),
                "; ".join(c.theme_names.get(t, t) for t in c.themes[i]),
                "; ".join(c.source_names.get(s, s) for s in c.sources[i]),
            ])
            if n % 5000 == 0:
                progress(n, len(shown))
    progress(len(shown), len(shown))
    return len(shown)


def events_document(view: ExportView, progress: Progress = _noop) -> dict:
    """The shown events with their excerpts, commentary and claims, and the sources they cite.

    The shape is the one ``timeline-app import`` reads, so an export can be imported again.
    """
    c, store = view.catalog, view.store
    shown = view.shown().tolist()
    wanted = {c.ids[i] for i in shown}
    summaries = {r["id"]: r["summary"] for r in store.rows("select id, summary from events")
                 if r["id"] in wanted}
    quotes: dict[str, dict[str, list]] = {eid: {"excerpts": [], "commentary": [], "claims": []} for eid in wanted}
    kinds = {"excerpt": "excerpts", "commentary": "commentary", "claim": "claims"}
    all_sources = store.sources()
    citations = {sid: chicago_citation(s) for sid, s in all_sources.items()}
    for quote in store.quotes():
        if quote.event_id not in wanted:
            continue
        item = {"source": quote.source_id, "quote": quote.quote, "start": quote.start, "end": quote.end,
                "citation": citations.get(quote.source_id, "")}
        if quote.kind == "claim":
            item = {"topic": quote.topic, "value": quote.value, **item}
        quotes[quote.event_id][kinds[quote.kind]].append(item)
    events = []
    for n, i in enumerate(shown):
        eid = c.ids[i]
        events.append({
            "id": eid, "title": c.titles[i], "start": c.starts[i], "end": c.ends[i], "certainty": c.certainty[i],
            "places": list(c.places[i]), "themes": list(c.themes[i]), "summary": summaries.get(eid, ""),
            **quotes[eid],
        })
        if n % 5000 == 0:
            progress(n, len(shown))
    cited = {s for e in events for kind in ("excerpts", "commentary", "claims") for q in e[kind] for s in [q["source"]]}
    used_places = {p for e in events for p in e["places"]}
    used_themes = {t for e in events for t in e["themes"]}
    sources = [{**s, "citation": citations[sid]} for sid, s in all_sources.items() if sid in cited]
    progress(len(shown), len(shown))
    return {
        "title": view.title(),
        "exported": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "exported_by": f"timeline-app {__version__}",
        "filter": {**view.filter.to_dict(), "years": list(view.view_range)},
        "filter_description": f"{view.filter.describe(c)}; years {view.view_range[0]:.0f}–{view.view_range[1]:.0f}",
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


def timelinejs_document(view: ExportView, progress: Progress = _noop) -> dict:
    """The shown events in Knight Lab's TimelineJS 3 JSON format, grouped as on the timeline.

    Each slide's text gives our summary, then every excerpt with its reviewer, and the
    eras band carries the leaders' periods.
    """
    document = events_document(view, progress)
    sources = {s["id"]: s for s in document["sources"]}
    c = view.catalog
    group_names = {"theme": c.theme_names, "place": c.place_names, "reviewer": c.source_names}[view.grouping]
    events = []
    for event in document["events"]:
        key = {"theme": event["themes"], "place": event["places"],
               "reviewer": sorted({q["source"] for q in event["excerpts"]})}[view.grouping]
        body = [f"<p>{html.escape(event['summary'])}</p>"]
        for quote in event["excerpts"]:
            source = sources.get(quote["source"], {})
            body.append(f"<blockquote>“{html.escape(quote['quote'])}”<br>— {html.escape(source.get('author', ''))}, "
                        f"<i>{html.escape(source.get('publication', ''))}</i></blockquote>")
        slide = {
            "unique_id": event["id"],
            "start_date": _tl_date(event["start"]),
            "text": {"headline": html.escape(event["title"]), "text": "".join(body)},
            "group": group_names.get(key[0], key[0]) if key else "",
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
