"""The map beside the timeline in a picture export: the places of the events shown, as the pane draws them."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from timeline_app.export.view import ExportView
from timeline_app.gui.map_painter import MapFrame, MapLook, MapMarks, MapPainter, PaintedPlaces
from timeline_app.gui.map_pane import home_bounds, marks_for
from timeline_app.model.map_counts import map_counts
from timeline_app.model.map_geometry import Bounds, place_points, shipped_outlines

#: The map's share of the timeline's width, and its least width and aspect (height over width).
MAP_SHARE = 0.5
MIN_WIDTH = 460.0
MAP_ASPECT = 0.65


class MapPicture:
    """The map of one :class:`ExportView`: counts of the events it shows, fitted to their places."""

    def __init__(self, view: ExportView) -> None:
        self.view = view
        self.outlines = shipped_outlines()
        self.painter = MapPainter(self.outlines)
        catalog = view.catalog
        self.points = place_points(view.store.places(), list(catalog.arrays.places.keys))
        found = map_counts(catalog, view.mask)
        self.counts, self.colors = marks_for(catalog, self.points, found.counts, found.dominant, view.grouping)
        self.largest = int(self.counts.max(initial=0))
        busiest = int(np.argmax(self.counts)) if self.largest else None
        self.busiest = self.points.names[busiest] if busiest is not None else ""
        self.filtered = {k for k, pid in enumerate(self.points.ids) if pid in view.filter.places}
        self.painted: PaintedPlaces | None = None

    @staticmethod
    def width_for(timeline_width: float) -> float:
        """How wide the map is beside a timeline of ``timeline_width``."""
        return max(MIN_WIDTH, timeline_width * MAP_SHARE)

    def bounds(self, rect: QRectF) -> Bounds:
        """The kilometres shown in ``rect``: the places with events shown, or the USSR."""
        ussr = np.concatenate(self.outlines.ussr)
        ussr_bounds = (float(ussr[:, 0].min()), float(ussr[:, 1].min()), float(ussr[:, 0].max()),
                       float(ussr[:, 1].max()))
        return home_bounds(self.points, self.counts, self.outlines.bounds, ussr_bounds,
                           rect.width() / max(rect.height(), 1.0))

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the map into ``rect`` with a frame around it."""
        frame = MapFrame.fitting(self.bounds(rect), rect)
        look = MapLook.light()
        self.painter.paint_background(painter, frame, look)
        marks = MapMarks(self.points, self.counts, self.colors, set(), self.filtered)
        self.painted = self.painter.paint_marks(painter, frame, marks, look)
        painter.save()
        painter.setPen(QPen(QColor("#888888"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.restore()

    def key(self) -> str:
        """The map's line of the legend."""
        translate = QCoreApplication.translate
        largest = (translate("MapPicture", "the largest, {count} at {place}").format(
            count=self.largest, place=self.busiest[:60]) if self.largest else translate("MapPicture", "none shown"))
        return translate("MapPicture", "Map: area of a mark = events shown at the place ({largest}); ■ a whole country "
                                       "or bloc; ○ no events shown; colour: the theme most of them have").format(
            largest=largest)
