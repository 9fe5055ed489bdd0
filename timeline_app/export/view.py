"""What an export shows: a store seen through a filter, a grouping and a range of years. No Qt.

The window builds one from its state and the command line from its flags, so both
export the same thing for the same view.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline_app.model.catalog import EventCatalog, load_catalog
from timeline_app.model.explorer_state import DEFAULT_RANGE, ExplorerState
from timeline_app.model.filters import FilterState, filter_mask
from timeline_app.model.layout import TimelineLayout, lay_out
from timeline_app.store.event_store import EventStore


@dataclass
class ExportView:
    """A store, the events a filter shows (``mask``), the lanes drawn, and the visible years."""

    store: EventStore
    catalog: EventCatalog
    filter: FilterState
    mask: np.ndarray  # every filter, years included: the events data exports list
    layout: TimelineLayout  # lanes of the events in view, so a picture has no empty lanes
    view_range: tuple[float, float]
    grouping: str = "theme"

    def shown(self) -> np.ndarray:
        """Catalog indices of the events exported as data, in time order."""
        return np.flatnonzero(self.mask)

    def title(self) -> str:
        """The store's title."""
        return self.store.meta().get("title", "Timeline")


def view_of_state(state: ExplorerState) -> ExportView:
    """The view the window shows now."""
    assert state.store is not None
    layout = lay_out(state.catalog, state.mask, state.grouping)
    return ExportView(state.store, state.catalog, state.filter, state.mask.copy(), layout, state.view_range,
                      state.grouping)


def view_of_store(
    store: EventStore, filter_state: FilterState, grouping: str = "theme",
    view_range: tuple[float, float] | None = None,
) -> ExportView:
    """The view the window would show for ``store`` with this filter, grouping and range.

    As in the window, the years of the filter are those of the range.
    """
    low, high = view_range or DEFAULT_RANGE
    state = filter_state.with_(year_from=float(low), year_to=float(high))
    catalog = load_catalog(store)
    mask = filter_mask(catalog, state, catalog.search_mask(state.search))
    layout = lay_out(catalog, mask, grouping)
    return ExportView(store, catalog, state, mask, layout, (float(low), float(high)), grouping)
