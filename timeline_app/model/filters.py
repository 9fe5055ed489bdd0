"""The filter a person sets in the window, as a plain value, and how it selects events. No Qt.

The years shown are not part of the filter: they are the view's range, which the explorer
state owns, and :func:`facet_masks` takes them apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from timeline_app.model.catalog import EventCatalog
from timeline_app.store.timeline_index import LAYER_CODES

LAYER_NAMES = {"history": "history", "film": "film scenes", "reception": "the film's reception"}

Years = tuple[float, float]


@dataclass(frozen=True)
class FilterState:
    """Which events to show. Empty sets mean "any".

    ``reviewer`` is ``any``, ``both``, ``only-one`` or a source id (the events that source discusses);
    ``layers`` names the layers shown (``history``, ``film``, ``reception``; empty: all).
    """

    places: frozenset[str] = field(default_factory=frozenset)
    themes: frozenset[str] = field(default_factory=frozenset)
    reviewer: str = "any"
    disputed_only: bool = False
    search: str = ""
    layers: frozenset[str] = field(default_factory=frozenset)

    def with_(self, **changes) -> FilterState:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """A JSON-friendly dict (for settings and exports)."""
        return {"places": sorted(self.places), "themes": sorted(self.themes), "reviewer": self.reviewer,
                "disputed_only": self.disputed_only, "search": self.search, "layers": sorted(self.layers)}

    @classmethod
    def from_dict(cls, data: object) -> FilterState:
        """Rebuild from :meth:`to_dict`; unknown or malformed keys are ignored."""
        if not isinstance(data, dict):
            return cls()
        clean: dict = {}
        for key in ("places", "themes", "layers"):
            if isinstance(data.get(key), list):
                clean[key] = frozenset(str(v) for v in data[key] if isinstance(v, str))
        if isinstance(data.get("reviewer"), str):
            clean["reviewer"] = data["reviewer"]
        if isinstance(data.get("disputed_only"), bool):
            clean["disputed_only"] = data["disputed_only"]
        if isinstance(data.get("search"), str):
            clean["search"] = data["search"]
        return cls(**clean)

    def describe(self, catalog: EventCatalog) -> str:
        """The active filters in words, e.g. ``Themes: Terror and repression; only disputed events``."""
        parts: list[str] = []
        if self.themes:
            parts.append("Themes: " + ", ".join(sorted(catalog.theme_names.get(t, t) for t in self.themes)))
        if self.places:
            parts.append("Places: " + ", ".join(sorted(catalog.place_names.get(p, p) for p in self.places)))
        if self.reviewer == "both":
            parts.append("discussed by both reviewers")
        elif self.reviewer == "only-one":
            parts.append("discussed by one reviewer only")
        elif self.reviewer != "any":
            parts.append(f"discussed by {catalog.source_names.get(self.reviewer, self.reviewer)}")
        if self.disputed_only:
            parts.append("only disputed events")
        if self.layers:
            parts.append("Layers: " + ", ".join(LAYER_NAMES.get(k, k) for k in LAYER_CODES if k in self.layers))
        if self.search.strip():
            parts.append(f'matching "{self.search.strip()}"')
        return "; ".join(parts) if parts else "All events"


#: The facet that holds the view's years; the timeline's lanes leave it out.
YEARS = "years"


def facet_masks(
    catalog: EventCatalog, state: FilterState, search_hits: np.ndarray | None, years: Years | None = None,
) -> dict[str, np.ndarray]:
    """One boolean mask per active facet; an event is shown when every mask holds.

    ``search_hits`` is a mask of the events the full-text search matched (None: no search);
    ``years`` the view's range: an event is in it when any part of it is.
    """
    a = catalog.arrays
    masks: dict[str, np.ndarray] = {}
    if state.places:
        masks["places"] = a.places.has_any(state.places)
    if state.themes:
        masks["themes"] = a.themes.has_any(state.themes)
    if state.reviewer != "any":
        sizes = a.sources.per_event()
        if state.reviewer == "both":
            masks["reviewer"] = sizes >= 2
        elif state.reviewer == "only-one":
            masks["reviewer"] = sizes == 1
        else:
            masks["reviewer"] = a.sources.has_any({state.reviewer})
    if state.disputed_only:
        masks["disputed"] = catalog.disputed
    if state.layers:
        chosen = np.array([code in state.layers for code in LAYER_CODES] + [False])
        masks["layers"] = chosen[np.asarray(a.layer, dtype=np.int64)]
    if search_hits is not None:
        masks["search"] = search_hits
    if years is not None:
        masks[YEARS] = years_mask(catalog, years)
    return masks


def years_mask(catalog: EventCatalog, years: Years) -> np.ndarray:
    """The events with any part in ``years``, read-only; the last range's is kept, as a filter
    click asks again for the same years (three passes over every date at a million events)."""
    kept = catalog.__dict__.get("_years_mask")
    if kept is not None and kept[0] == tuple(years):
        return kept[1]
    mask = (catalog.end_year >= years[0]) & (catalog.start_year <= years[1])
    mask.flags.writeable = False
    catalog.__dict__["_years_mask"] = (tuple(years), mask)
    return mask


def combine(size: int, masks: dict[str, np.ndarray], skip: tuple[str, ...] = ()) -> np.ndarray:
    """The events every mask in ``masks`` passes, ``skip`` aside."""
    mask = np.ones(size, dtype=bool)
    for name, part in masks.items():
        if name not in skip:
            mask &= part
    return mask


def filter_mask(catalog: EventCatalog, state: FilterState, search_hits: np.ndarray | None = None,
                years: Years | None = None) -> np.ndarray:
    """Which events ``state`` shows within ``years``, as a boolean mask over the catalog."""
    return combine(len(catalog), facet_masks(catalog, state, search_hits, years))


def facet_counts(
    catalog: EventCatalog, state: FilterState, search_hits: np.ndarray | None = None,
    years: Years | None = None, masks: dict[str, np.ndarray] | None = None,
) -> dict[str, dict[str, int]]:
    """For each facet value, how many events it would show under the *other* active filters.

    This is how Datasette counts facets: ticking a theme does not zero the counts of the
    other themes, it shows what each would add. ``masks`` saves recomputing :func:`facet_masks`.
    """
    a, n = catalog.arrays, len(catalog)
    if masks is None:
        masks = facet_masks(catalog, state, search_hits, years)
    result: dict[str, dict[str, int]] = {
        "places": a.places.counts(combine(n, masks, ("places",))),
        "themes": a.themes.counts(combine(n, masks, ("themes",))),
    }
    base = combine(n, masks, ("reviewer",))
    sizes = a.sources.per_event()
    reviewer = {"any": int(base.sum()), "both": int((base & (sizes >= 2)).sum()),
                "only-one": int((base & (sizes == 1)).sum())}
    reviewer.update(a.sources.counts(base))
    result["reviewer"] = reviewer
    result["disputed"] = {"yes": int((combine(n, masks, ("disputed",)) & catalog.disputed).sum())}
    per_layer = np.bincount(np.asarray(a.layer, dtype=np.int64)[combine(n, masks, ("layers",))],
                            minlength=len(LAYER_CODES))
    result["layers"] = {code: int(per_layer[k]) for k, code in enumerate(LAYER_CODES)}
    return result
