"""A time axis in decimal years that picks decades, years, months or days as you zoom."""

from __future__ import annotations

import pyqtgraph as pg

from timeline_app.gui.local_format import local_tick
from timeline_app.model.time_ticks import tick_label, tick_levels


class YearAxisItem(pg.AxisItem):
    """Ticks from :func:`~timeline_app.model.time_ticks.tick_levels`, labelled by ``tick_label``.

    Only ``tickValues`` and ``tickStrings`` are overridden, as pyqtgraph's DateAxisItem does.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, orientation="bottom", **kwargs)
        self._units: dict[float, str] = {}

    def tickValues(self, minVal: float, maxVal: float, size: float):
        levels = tick_levels(minVal, maxVal, size)
        self._units = {level.spacing: level.unit for level in levels}
        return [(level.spacing, level.values) for level in levels]

    def tickStrings(self, values, scale, spacing):
        unit = self._units.get(spacing, "year")
        return [local_tick(tick_label(value, unit)) for value in values]
