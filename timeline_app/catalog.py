"""All events of a store as arrays the views can slice quickly, with no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from timeline_app.store import EventStore


@dataclass
class EventCatalog:
    """The events of one store, sorted by start, as parallel lists and numpy arrays.

    Index ``i`` names the same event in every field. Facet memberships (places,
    themes, sources) are tuples of ids so filters can test them without SQL.
    """

    ids: list[str]
    titles: list[str]
    starts: list[str]
    ends: list[str]
    certainty: list[str]
    start_year: np.ndarray
    end_year: np.ndarray
    places: list[tuple[str, ...]]
    themes: list[tuple[str, ...]]
    sources: list[tuple[str, ...]]
    disputed: np.ndarray
    theme_names: dict[str, str] = field(default_factory=dict)
    theme_colors: dict[str, str] = field(default_factory=dict)
    place_names: dict[str, str] = field(default_factory=dict)
    source_names: dict[str, str] = field(default_factory=dict)
    periods: list[dict] = field(default_factory=list)
    index_of: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def __post_init__(self) -> None:
        if not self.index_of:
            self.index_of = {eid: i for i, eid in enumerate(self.ids)}
        # Drawing needs these per frame; computing them once keeps frames free of string work.
        self.exact_day = np.fromiter((len(s) == 10 for s in self.starts), dtype=bool, count=len(self.starts))
        self.is_range = np.fromiter((bool(e) for e in self.ends), dtype=bool, count=len(self.ends))

    def extent(self) -> tuple[float, float]:
        """The earliest start and latest end, or 1917-1992 for an empty catalog."""
        if not len(self):
            return 1917.0, 1992.0
        return float(self.start_year.min()), float(self.end_year.max())


def _split(text: str | None) -> tuple[str, ...]:
    return tuple(sorted(text.split("\x1f"))) if text else ()


def load_catalog(store: EventStore) -> EventCatalog:
    """Read every event of ``store`` with its places, themes and sources, in start order."""
    quote_union = " union ".join(
        f"select event_id, source_id from {t}" for t in ("excerpts", "commentary", "claims")
    )
    has_years = {"start_year", "end_year"} <= {r[1] for r in store.conn.execute("pragma table_info(events)")}
    years = "e.start_year, e.end_year" if has_years else "null, null"
    # group_concat with a unit separator keeps ids with commas intact.
    sql = f"""
        select e.id, e.title, e.start, e.[end], e.certainty, {years},
          (select group_concat(place_id, char(31)) from event_places where event_id = e.id),
          (select group_concat(theme_id, char(31)) from event_themes where event_id = e.id),
          (select group_concat(source_id, char(31)) from ({quote_union}) q where q.event_id = e.id),
          exists(select 1 from claims c where c.event_id = e.id)
        from events e
    """
    rows = store.conn.execute(sql).fetchall()
    if not has_years or any(r[5] is None for r in rows):
        from timeline_app.dates import date_span

        rows = [(*r[:5], *date_span(r[2], r[3] or ""), *r[7:]) for r in rows]
    rows.sort(key=lambda r: (r[5], r[1]))
    themes = store.themes()
    return EventCatalog(
        ids=[r[0] for r in rows],
        titles=[r[1] or "" for r in rows],
        starts=[r[2] for r in rows],
        ends=[r[3] or "" for r in rows],
        certainty=[r[4] for r in rows],
        start_year=np.fromiter((r[5] for r in rows), dtype=float, count=len(rows)),
        end_year=np.fromiter((r[6] for r in rows), dtype=float, count=len(rows)),
        places=[_split(r[7]) for r in rows],
        themes=[tuple(t for t in _split(r[8])) for r in rows],
        sources=[_split(r[9]) for r in rows],
        disputed=np.fromiter((bool(r[10]) or r[4] == "disputed" for r in rows), dtype=bool, count=len(rows)),
        theme_names={t["id"]: t["name"] for t in themes},
        theme_colors={t["id"]: t["color"] for t in themes},
        place_names={p["id"]: p["name"] for p in store.places()},
        source_names={sid: s["author"] for sid, s in store.sources().items()},
        periods=store.periods(),
    )
