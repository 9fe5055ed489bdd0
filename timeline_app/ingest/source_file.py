"""Read and check the reviewable source file (``data/events.toml``).

The source file is what people edit and review; the store is built from it.
Reading collects every problem it finds, each naming the entry, the field and
what is wrong, so a curator can fix a whole batch in one pass.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from timeline_app.ingest.entries import (
    EntryReader,
    Problem,
    StoreRows,
    as_list,
    as_mapping,
    check_source,
    read_events,
    read_named,
    read_people,
    read_periods,
)
from timeline_app.ingest.review_text import ReviewCut, ReviewTextError, cut_review
from timeline_app.store.home_range import home_range_problem
from timeline_app.store.schema import SCHEMA_VERSION

__all__ = ["Problem", "SourceFileError", "StoreRows", "read_source_file"]

_SOURCE_FIELDS = ("author", "title", "publication", "published", "url", "stance", "seed", "begin", "end")


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
    reader = EntryReader(path, text)
    meta = as_mapping(reader, data.get("meta", {}), "meta")
    reader.rows.meta = {
        "schema_version": SCHEMA_VERSION,
        "title": str(meta.get("title", "Event store")),
        "built_from": path.name,
    }
    if "home_range" in meta:  # the years the window opens on (else the data's extent)
        why = home_range_problem(meta["home_range"])
        if why:
            reader.problem("meta", "home_range", why)
        reader.rows.meta["home_range"] = str(meta["home_range"])
    sources = _read_sources(reader, data.get("sources", {}))
    places = read_named(reader, data.get("places", {}), "places")
    themes = read_named(reader, data.get("themes", {}), "themes")
    read_people(reader, data.get("people", {}))
    read_periods(reader, data.get("periods", []))
    read_events(reader, data.get("events", []), sources, places, themes)
    for event in reader.rows.tables.get("events", []):
        if event.get("date_basis") == "unknown":  # a user's own store may say nothing; the shipped one may not
            reader.problem(f"event '{event['id']}'", "date_basis", "must say where the date comes from: review, "
                           "outside or film", event["id"])
    if not reader.rows.tables.get("events") and not reader.problems:
        reader.problem("file", "events", "holds no events: add at least one [[events]] entry")
    if reader.problems:
        raise SourceFileError(path, reader.problems)
    return reader.rows


def _read_sources(reader: EntryReader, entries: dict) -> dict[str, str]:
    texts: dict[str, str] = {}
    for sid, raw_entry in as_mapping(reader, entries, "sources").items():
        where = f"source '{sid}'"
        entry = as_mapping(reader, raw_entry, where, sid)
        values = {name: reader.text_field(entry, name, where, sid) for name in _SOURCE_FIELDS}
        if not values["seed"] or not values["begin"] or not values["end"]:
            continue
        lists = {name: [str(v) for v in as_list(reader, entry.get(name, []), where, name, sid)]
                 for name in ("drop", "join_after")}
        seed_path = reader.path.parent / values["seed"]
        try:
            raw = seed_path.read_text(encoding="utf-8")
            cut = ReviewCut(values["begin"], values["end"], tuple(lists["drop"]), tuple(lists["join_after"]),
                            entry.get("markdown") is True)
            review = cut_review(raw, cut)
        except (OSError, UnicodeDecodeError) as exc:
            reader.problem(where, "seed", f"cannot read {seed_path}: {getattr(exc, 'strerror', None) or exc}", sid)
            continue
        except ReviewTextError as exc:
            reader.problem(where, "begin/end", str(exc), sid)
            continue
        texts[sid] = review
        row = {"id": sid, **{name: values[name] for name in ("author", "title", "publication", "published", "url",
                                                              "stance")}}
        check_source(reader, row, where)
        reader.rows.add("sources", {**row, "text": review})
    return texts


