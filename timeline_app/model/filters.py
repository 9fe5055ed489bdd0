"""The filter a person sets in the window, as a plain value, and how it selects events."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

import numpy as np

from timeline_app.model.catalog import EventCatalog

REVIEWER_CHOICES = ("any", "both", "only-one")  # or a source id: events that source discusses


@dataclass(frozen=True)
class FilterState:
    """Which events to show. Empty sets mean "any"; years are decimal years or None."""

    places: frozenset[str] = field(default_factory=frozenset)
    themes: frozenset[str] = field(default_factory=frozenset)
    reviewer: str = "any"
    disputed_only: bool = False
    search: str = ""
    year_from: float | None = None
    year_to: float | None = None

    def is_clear(self) -> bool:
        """True when nothing is filtered out."""
        return self == FilterState()

    def without_years(self) -> FilterState:
        """A copy with no year range (the range is shown apart, as the view's span)."""
        return replace(self, year_from=None, year_to=None)

    def with_(self, **changes) -> FilterState:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """A JSON-friendly dict (for settings and exports)."""
        data = asdict(self)
        data["places"] = sorted(self.places)
        data["themes"] = sorted(self.themes)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> FilterState:
        """Rebuild from :meth:`to_dict`; unknown or malformed keys are ignored."""
        clean: dict = {}
        for key in ("places", "themes"):
            if isinstance(data.get(key), list):
                clean[key] = frozenset(str(v) for v in data[key])
        if isinstance(data.get("reviewer"), str):
            clean["reviewer"] = data["reviewer"]
        if isinstance(data.get("disputed_only"), bool):
            clean["disputed_only"] = data["disputed_only"]
        if isinstance(data.get("search"), str):
            clean["search"] = data["search"]
        for key in ("year_from", "year_to"):
            if isinstance(data.get(key), int | float):
                clean[key] = float(data[key])
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
        if self.search.strip():
            parts.append(f'matching "{self.search.strip()}"')
        if self.year_from is not None or self.year_to is not None:
            low = int(self.year_from) if self.year_from is not None else "…"
            high = int(self.year_to) if self.year_to is not None else "…"
            parts.append(f"years {low}–{high}")
        return "; ".join(parts) if parts else "All events"


def facet_masks(
    catalog: EventCatalog, state: FilterState, search_hits: np.ndarray | None
) -> dict[str, np.ndarray]:
    """One boolean mask per active facet; an event is shown when every mask holds.

    ``search_hits`` is a mask of the events the full-text search matched (None: no search).
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
    if search_hits is not None:
        masks["search"] = search_hits
    if state.year_from is not None:
        masks["year_from"] = catalog.end_year >= state.year_from
    if state.year_to is not None:
        masks["year_to"] = catalog.start_year <= state.year_to
    return masks


YEAR_FACETS = ("year_from", "year_to")


def combine(size: int, masks: dict[str, np.ndarray], skip: tuple[str, ...] = ()) -> np.ndarray:
    """The events every mask in ``masks`` passes, ``skip`` aside."""
    mask = np.ones(size, dtype=bool)
    for name, part in masks.items():
        if name not in skip:
            mask &= part
    return mask


def filter_mask(catalog: EventCatalog, state: FilterState, search_hits: np.ndarray | None = None) -> np.ndarray:
    """Which events ``state`` shows, as a boolean mask over the catalog."""
    return combine(len(catalog), facet_masks(catalog, state, search_hits))


def facet_counts(
    catalog: EventCatalog, state: FilterState, search_hits: np.ndarray | None = None,
    masks: dict[str, np.ndarray] | None = None,
) -> dict[str, dict[str, int]]:
    """For each facet value, how many events it would show under the *other* active filters.

    This is how Datasette counts facets: ticking a theme does not zero the counts of the
    other themes, it shows what each would add. ``masks`` saves recomputing :func:`facet_masks`.
    """
    a, n = catalog.arrays, len(catalog)
    if masks is None:
        masks = facet_masks(catalog, state, search_hits)
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
    return result
