"""The years that fit a set of events: what View > Fit to shown events and ``export --fit`` show. No Qt."""

from __future__ import annotations

import numpy as np

from timeline_app.model.catalog import EventCatalog
from timeline_app.model.filters import Years

#: The margin on each side, as a share of the events' span, and at least this many years.
MARGIN_SHARE = 0.05
MIN_MARGIN = 0.5
FIRST_YEAR, LAST_YEAR = 1.0, 9999.0


def fitted_range(catalog: EventCatalog, mask: np.ndarray) -> Years | None:
    """From the first start to the last end of the events ``mask`` holds, with a small margin; None if none."""
    if len(catalog) == 0 or not mask.any():
        return None
    low = float(np.min(catalog.start_year[mask]))
    high = float(np.max(catalog.end_year[mask]))
    margin = max((high - low) * MARGIN_SHARE, MIN_MARGIN)
    return max(FIRST_YEAR, low - margin), min(LAST_YEAR, high + margin)
