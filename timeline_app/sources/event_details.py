"""Everything the panes show about one event, read once from the store as plain values. No Qt.

The excerpt and commentary panes draw an :class:`EventDetails`; none of them queries the store.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from timeline_app.model.catalog import EventCatalog
from timeline_app.model.date_words import ENGLISH, DateWords, date_words
from timeline_app.sources.passages import PassageInContext, paragraph_around
from timeline_app.store.event_store import EventStore, Quote

LAYERS = {"history": "history", "film": "a scene of the film", "reception": "the film's making and reception"}
DATE_BASES = {
    "review": "a passage of the reviews states the date",
    "outside": "the date comes from outside the reviews",
    "film": "the film's plot dates it",
    "unknown": "where the date comes from is not recorded",
}


@dataclass(frozen=True)
class SourceInfo:
    """A review as the panes name it."""

    id: str
    author: str
    title: str
    publication: str
    published: str  # as a person reads it: "9 February 2021"
    url: str


@dataclass(frozen=True)
class PassageView:
    """One passage (or a record-side claim) with what the panes need to show it."""

    quote: Quote
    context: PassageInContext | None  # the paragraph around it; None when it could not be verified

    @property
    def verified(self) -> bool:
        """Whether the quote was found at its offsets in its source's text."""
        return self.context is not None

    @property
    def voice_label(self) -> str:
        """Who speaks, in words: "", "retelling the film: Lyuda (fictional)", "quoting V. A. Kozlov (historian)"."""
        q = self.quote
        if q.voice == "film":
            return "retelling the film" + (f": {q.speaker}" if q.speaker else "")
        if q.voice == "quoted":
            return "quoting " + (q.speaker or "someone else")
        return q.speaker  # the reviewer, with "he = Mikoyan" where a pronoun needs it


@dataclass(frozen=True)
class EventDetails:
    """One event: its facts, its provenance, and its passages grouped as the panes show them."""

    id: str
    title: str
    when: str  # as a historian writes it: "c. 1930", "25 Oct (7 Nov) 1917"
    certainty: str
    places: list[str]
    themes: list[str]
    summary: str
    layer: str
    date_basis: str
    date_text: str
    calendar: str
    outside_facts: list[tuple[str, str]]
    sources: list[SourceInfo]
    excerpts: list[PassageView]
    commentary: dict[str, list[PassageView]] = field(default_factory=dict)  # by source id
    claims: dict[str, list[PassageView]] = field(default_factory=dict)  # by topic, topics sorted
    provenance_known: bool = True  # False for a version-1 store, which records no layer or date basis
    published_iso: dict[str, str] = field(default_factory=dict)  # each source's ISO publication date

    @property
    def discussing(self) -> list[str]:
        """Ids of the sources with any passage on this event, in the sources' order."""
        have = {p.quote.source_id for group in (self.excerpts, *self.commentary.values(), *self.claims.values())
                for p in group}
        return [s.id for s in self.sources if s.id in have]

    def source(self, source_id: str) -> SourceInfo:
        """The source ``source_id`` (a placeholder naming the id if the store lacks it)."""
        for info in self.sources:
            if info.id == source_id:
                return info
        return SourceInfo(source_id, source_id, "", "", "", "")


def _source_info(row: dict, words: DateWords) -> SourceInfo:
    published = row.get("published") or ""
    return SourceInfo(row["id"], row.get("author") or row["id"], row.get("title") or "",
                      row.get("publication") or "", date_words(published, words=words) if published else "",
                      row.get("url") or "")


def _view(quote: Quote, texts: dict[str, str]) -> PassageView:
    text = texts.get(quote.source_id, "")
    if quote.start is not None and quote.end is not None and text and text[quote.start:quote.end] == quote.quote:
        return PassageView(quote, paragraph_around(text, quote.start, quote.end))
    return PassageView(quote, None)


def event_details(store: EventStore, catalog: EventCatalog, event_id: str,
                  words: DateWords = ENGLISH) -> EventDetails | None:
    """The details of ``event_id``, or None if the store has no such event; dates written with ``words``."""
    index = catalog.index_of.get(event_id)
    row = store.event(event_id) if index is not None else None
    if row is None or index is None:
        return None
    sources = store.sources()
    texts = {sid: s.get("text") or "" for sid, s in sources.items()}
    excerpts: list[PassageView] = []
    commentary: dict[str, list[PassageView]] = defaultdict(list)
    claims: dict[str, list[PassageView]] = defaultdict(list)
    for quote in store.quotes(event_id):
        view = _view(quote, texts)
        if quote.kind == "excerpt":
            excerpts.append(view)
        elif quote.kind == "commentary":
            commentary[quote.source_id].append(view)
        else:
            claims[quote.topic].append(view)
    return EventDetails(
        id=event_id,
        title=row.get("title") or "",
        when=date_words(row.get("start") or "", row.get("end") or "", row.get("certainty") or "",
                        row.get("date_text") or "", row.get("calendar") or "gregorian", words),
        certainty=row.get("certainty") or "",
        places=[catalog.place_names.get(p, p) for p in catalog.places[index]],
        themes=[catalog.theme_names.get(t, t) for t in catalog.themes[index]],
        summary=row.get("summary") or "",
        layer=row.get("layer") or "history",
        date_basis=row.get("date_basis") or "unknown",
        date_text=row.get("date_text") or "",
        calendar=row.get("calendar") or "gregorian",
        outside_facts=store.outside_facts(event_id),
        sources=[_source_info(s, words) for s in sources.values()],
        excerpts=excerpts,
        commentary=dict(commentary),
        claims={topic: claims[topic] for topic in sorted(claims)},
        provenance_known="layer" in store.columns("events"),
        published_iso={sid: s.get("published") or "" for sid, s in sources.items()},
    )
