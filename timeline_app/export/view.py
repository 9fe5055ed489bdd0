"""What an export shows: a store seen through a filter, a grouping and a range of years. No Qt.

The window builds one from its state and the command line from its flags, so both
export the same thing for the same view.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from timeline_app.model.catalog import EventCatalog, load_catalog
from timeline_app.model.explorer_state import ExplorerState, home_of
from timeline_app.model.filters import FilterState, Years, filter_mask
from timeline_app.model.layout import TimelineLayout, lay_out
from timeline_app.model.view_fit import fitted_range
from timeline_app.store.event_store import EventStore


@dataclass
class ExportView:
    """A store, the events a filter shows in the view's years (``mask``), the lanes drawn, and the years."""

    store: EventStore
    catalog: EventCatalog
    filter: FilterState
    mask: np.ndarray  # every filter, years included: the events data exports list
    layout: TimelineLayout  # lanes of the events in view, so a picture has no empty lanes
    view_range: Years
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
    store: EventStore, filter_state: FilterState, grouping: str = "theme", view_range: Years | None = None,
    fit: bool = False,
    catalog: EventCatalog | None = None,
) -> ExportView:
    """The view the window would show for ``store`` with this filter, grouping and range of years.

    With no range, the store's home range: the years the window opens on. ``fit``: the years of
    the events the filter shows instead (with a small margin), as View > Fit to shown events does;
    the range stays if the filter shows none.
    """
    catalog = catalog if catalog is not None else load_catalog(store)
    low, high = view_range or home_of(store, catalog)
    years = (float(low), float(high))
    hits = catalog.search_mask(filter_state.search)
    if fit:
        years = fitted_range(catalog, filter_mask(catalog, filter_state, hits)) or years
    mask = filter_mask(catalog, filter_state, hits, years)
    return ExportView(store, catalog, filter_state, mask, lay_out(catalog, mask, grouping), years, grouping)
