"""Paint the map with a QPainter, for the window and for picture exports alike.

The outlines are kept as paths in kilometres and mapped to device pixels for each view, so
lines stay lines in SVG and PDF. Marks and names are laid out by
:mod:`timeline_app.model.map_layout`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
)

from timeline_app.model.map_clip import clip_line, clip_ring
from timeline_app.model.map_geometry import Bounds, Outlines, PlacePoints
from timeline_app.model.map_layout import EMPTY_RADIUS, MAX_LABELS, dodge, mark_radii, place_labels

SQUARE_KINDS = ("country", "bloc")  # drawn as squares: the place is a whole country, not a spot
INSET_ROWS = 6


@dataclass(frozen=True)
class MapFrame:
    """Which kilometres fill which pixels: the view's centre, its scale, and the device rectangle."""

    cx: float
    cy: float
    km_per_px: float
    rect: QRectF

    @classmethod
    def fitting(cls, bounds: Bounds, rect: QRectF) -> MapFrame:
        """The frame that shows all of ``bounds`` in ``rect``, centred."""
        x0, y0, x1, y1 = bounds
        scale = max((x1 - x0) / max(rect.width(), 1.0), (y1 - y0) / max(rect.height(), 1.0), 1e-6)
        return cls((x0 + x1) / 2, (y0 + y1) / 2, scale, QRectF(rect))

    def to_device(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """Device pixels of map kilometres (north is up)."""
        centre = self.rect.center()
        return ((np.asarray(x) - self.cx) / self.km_per_px + centre.x(),
                (self.cy - np.asarray(y)) / self.km_per_px + centre.y())

    def to_map(self, px: float, py: float) -> tuple[float, float]:
        """Map kilometres of a device pixel."""
        centre = self.rect.center()
        return self.cx + (px - centre.x()) * self.km_per_px, self.cy - (py - centre.y()) * self.km_per_px

    def transform(self) -> QTransform:
        """Kilometres to device pixels, as a QTransform."""
        centre = self.rect.center()
        s = 1 / self.km_per_px
        return QTransform(s, 0, 0, -s, centre.x() - self.cx * s, centre.y() + self.cy * s)

    def bounds(self) -> Bounds:
        """The kilometres in view."""
        x0, y1 = self.to_map(self.rect.left(), self.rect.top())
        x1, y0 = self.to_map(self.rect.right(), self.rect.bottom())
        return x0, y0, x1, y1


@dataclass(frozen=True)
class MapLook:
    """The map's colours, for a light or a dark background."""

    sea: QColor
    land: QColor
    border: QColor
    coast: QColor
    ussr_fill: QColor
    ussr_edge: QColor
    text: QColor
    faded: QColor
    halo: QColor

    @classmethod
    def light(cls) -> MapLook:
        return cls(QColor("#e6eef4"), QColor("#fbfaf6"), QColor("#cdc8be"), QColor("#93a9ba"),
                   QColor(176, 64, 48, 20), QColor("#9c4334"), QColor("#1a1a1a"), QColor(110, 110, 110, 150),
                   QColor(251, 250, 246, 215))

    @classmethod
    def dark(cls) -> MapLook:
        return cls(QColor("#1b2228"), QColor("#2b2e32"), QColor("#4c4f55"), QColor("#5d7183"),
                   QColor(230, 120, 100, 22), QColor("#d9826f"), QColor("#e8e8e8"), QColor(170, 170, 170, 140),
                   QColor(43, 46, 50, 215))


@dataclass
class MapMarks:
    """What to mark: places, the events shown at each, their colours, and which are selected or filtered."""

    points: PlacePoints
    counts: np.ndarray  # per point
    colors: list[str]  # per point
    ringed: set[int] = field(default_factory=set)  # the selected event's places
    filtered: set[int] = field(default_factory=set)  # the place filter


@dataclass
class PaintedPlaces:
    """Where the last paint put each place, for clicks and tooltips."""

    index: np.ndarray
    x: np.ndarray
    y: np.ndarray
    r: np.ndarray
    labels: list[QRectF] = field(default_factory=list)
    label_of: dict[int, QRectF] = field(default_factory=dict)

    def at(self, px: float, py: float, slack: float = 3.0) -> int | None:
        """The place under a pixel (the nearest by its size, so a small mark on a big one wins), or None."""
        if len(self.index):
            reach = np.hypot(self.x - px, self.y - py) / (self.r + slack)
            k = int(np.argmin(reach))
            if reach[k] <= 1.0:
                return int(self.index[k])
        for index, rect in self.label_of.items():
            if rect.contains(QPointF(px, py)):
                return index
        return None


def _path(rings: list[np.ndarray], closed: bool) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in rings:
        polygon = QPolygonF([QPointF(float(x), float(y)) for x, y in ring.tolist()])
        if closed:
            path.addPolygon(polygon)
            path.closeSubpath()
        else:
            path.moveTo(polygon[0])
            for point in list(polygon)[1:]:
                path.lineTo(point)
    return path


class MapPainter:
    """Draws outlines, marks, names and the box of places beyond the map."""

    def __init__(self, outlines: Outlines) -> None:
        self.outlines = outlines
        self.land = _path(outlines.land, True)
        self.ussr = _path(outlines.ussr, True)
        self.borders = _path(outlines.borders, False)
        self.font = QFont("DejaVu Sans")
        self.font.setPixelSize(12)
        self._widths: dict[str, float] = {}  # names measured in this font

    # -- outlines ----------------------------------------------------------------------------------
    def paint_background(self, painter: QPainter, frame: MapFrame, look: MapLook) -> None:
        """Sea, land, today's borders, and the USSR's outline over them, within the frame."""
        painter.save()
        painter.setClipRect(frame.rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(frame.rect, look.sea)
        engine = painter.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Raster:
            # On screen and in PNGs the clip holds: map the whole paths (fast, in C++).
            to_device = frame.transform()
            land, ussr, borders = (to_device.map(p) for p in (self.land, self.ussr, self.borders))
            coast, ussr_edge = land, ussr
        else:
            # SVG ignores clips: cut the outlines to the frame first.
            land, coast = self._clipped(self.outlines.land, frame, True)
            ussr, ussr_edge = self._clipped(self.outlines.ussr, frame, True)
            borders = self._clipped(self.outlines.borders, frame, False)[1]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.land)
        painter.drawPath(land)
        painter.setBrush(look.ussr_fill)
        painter.drawPath(ussr)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(look.coast, 0.8))
        painter.drawPath(coast)
        painter.setPen(QPen(look.border, 0.7))
        painter.drawPath(borders)
        painter.setPen(QPen(look.ussr_edge, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(ussr_edge)
        painter.restore()

    @staticmethod
    def _clipped(rings: list[np.ndarray], frame: MapFrame, closed: bool) -> tuple[QPainterPath, QPainterPath]:
        """Device paths of ``rings`` cut to the frame: the fill (closed rings) and the lines to stroke."""
        r = frame.rect.adjusted(-2, -2, 2, 2)
        rect = (r.left(), r.top(), r.right(), r.bottom())
        fill, lines = [], []
        for ring in rings:
            x, y = frame.to_device(ring[:, 0], ring[:, 1])
            device = np.column_stack([x, y])
            if closed:
                part = clip_ring(device, rect)
                if part is not None:
                    fill.append(part)
            lines += clip_line(device, rect)
        return _path(fill, True), _path(lines, False)

    def _region_labels(self, frame: MapFrame, marks: list[tuple[float, float, float, float]]
                       ) -> list[tuple[str, QFont, QRectF]]:
        """The USSR's name: at the first of its spots inside the frame that covers no mark."""
        font = QFont(self.font)
        font.setPixelSize(int(np.clip(170 / frame.km_per_px, 13, 34)))
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 135)
        metrics = QFontMetricsF(font)
        placed = []
        for text, spots in self.outlines.labels:
            xs, ys = frame.to_device(spots[:, 0], spots[:, 1])
            for px, py in zip(xs.tolist(), ys.tolist(), strict=True):
                box = QRectF(0, 0, metrics.horizontalAdvance(text) + 4, metrics.height())
                box.moveCenter(QPointF(px, py))
                # a name cut by the frame would read as another word; one over a mark hides it
                if frame.rect.contains(box) and not any(box.intersects(QRectF(QPointF(m[0], m[1]),
                                                                                QPointF(m[2], m[3])))
                                                        for m in marks):
                    placed.append((text, font, box))
                    break
        return placed

    # -- marks -------------------------------------------------------------------------------------
    def paint_marks(self, painter: QPainter, frame: MapFrame, marks: MapMarks, look: MapLook,
                    inset: bool = True) -> PaintedPlaces:
        """Marks sized by their counts, rings, names that fit, and (``inset``) the places beyond the map."""
        points = marks.points
        counts = np.asarray(marks.counts)
        radii = mark_radii(counts)
        px, py = frame.to_device(points.x, points.y)
        rect = frame.rect
        visible = points.on_map & (px + radii >= rect.left()) & (px - radii <= rect.right()) \
            & (py + radii >= rect.top()) & (py - radii <= rect.bottom())
        # Busy places first: then small marks are drawn over big ones, and dodge keeps the big in place.
        order = np.flatnonzero(visible)
        order = order[np.lexsort((order, -counts[order]))]
        px, py = dodge(px, py, radii, order)
        painter.save()
        painter.setClipRect(rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        inset_rect, inset_places = self._inset_layout(rect, marks) if inset else (None, [])
        busy = order[counts[order] > 0]
        boxes = [(float(px[k] - radii[k]), float(py[k] - radii[k]), float(px[k] + radii[k]), float(py[k] + radii[k]))
                 for k in busy.tolist()]
        region_labels = self._region_labels(frame, boxes)
        for text, font, box in region_labels:
            color = QColor(look.ussr_edge)
            color.setAlpha(150)
            painter.setPen(color)
            painter.setFont(font)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
        for k in order.tolist():  # the busiest first: smaller marks stay visible on top
            self._mark(painter, marks, look, k, float(px[k]), float(py[k]), float(radii[k]), int(counts[k]))
        for k in order.tolist():  # the selected event's places, ringed over every mark
            if k in marks.ringed:
                self._ring(painter, marks, look, k, float(px[k]), float(py[k]), float(radii[k]), int(counts[k]))
        painter.setFont(self.font)
        metrics = QFontMetricsF(self.font)
        shown = order[counts[order] > 0]
        names = {k: short_name(points.names[k]) for k in shown[:MAX_LABELS * 3].tolist()}
        widths = np.zeros(len(points))
        for k, name in names.items():
            widths[k] = self._width(name, metrics) + 6
        reserved = [box for _text, _font, box in region_labels] + ([inset_rect] if inset_rect is not None else [])
        spots = place_labels(px, py, radii, widths, metrics.height() + 2, shown[:MAX_LABELS * 3],
                             (rect.left() + 2, rect.top() + 2, rect.right() - 2, rect.bottom() - 2),
                             obstacles=order[counts[order] > 0], reserved=[_tuple(r) for r in reserved])
        painted = PaintedPlaces(order, px[order], py[order], radii[order])
        for k, left, top in spots:
            box = QRectF(left, top, float(widths[k]), metrics.height() + 2)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(look.halo)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(look.text)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), names[k])
            painted.labels.append(box)
            painted.label_of[k] = box
        if inset_rect is not None:
            self._paint_inset(painter, look, marks, inset_rect, inset_places, painted)
        painter.restore()
        return painted

    def _mark(self, painter: QPainter, marks: MapMarks, look: MapLook, k: int, x: float, y: float, r: float,
              count: int) -> None:
        square = marks.points.kinds[k] in SQUARE_KINDS
        if count > 0:
            color = QColor(marks.colors[k])
            fill = QColor(color)
            fill.setAlpha(205)
            painter.setBrush(fill)
            painter.setPen(QPen(color.darker(170), 1.0))  # 1.1 px took Qt two and a half times as long to outline
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(look.faded, 1.0))
            r = EMPTY_RADIUS
        _shape(painter, square, x, y, r)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if k in marks.filtered:
            painter.setPen(QPen(look.text, 1.6, Qt.PenStyle.DashLine))
            _shape(painter, square, x, y, r + 2.5)

    @staticmethod
    def _ring(painter: QPainter, marks: MapMarks, look: MapLook, k: int, x: float, y: float, r: float,
              count: int) -> None:
        square = marks.points.kinds[k] in SQUARE_KINDS
        r = r if count > 0 else EMPTY_RADIUS
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(look.halo, 4.5))
        _shape(painter, square, x, y, r + 5)
        painter.setPen(QPen(look.text, 2.2))
        _shape(painter, square, x, y, r + 5)

    def _width(self, text: str, metrics: QFontMetricsF) -> float:
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = metrics.horizontalAdvance(text)
        return width

    # -- places beyond the map -----------------------------------------------------------------------
    def _inset_layout(self, rect: QRectF, marks: MapMarks) -> tuple[QRectF | None, list[int]]:
        """A box in the lower left corner for the places beyond the map with events shown (the busiest few)."""
        points, counts = marks.points, np.asarray(marks.counts)
        beyond = [k for k in range(len(points)) if not points.on_map[k] and counts[k] > 0]
        beyond.sort(key=lambda k: (-counts[k], points.names[k]))
        beyond = beyond[:INSET_ROWS]
        if not beyond:
            return None, []
        metrics = QFontMetricsF(self.font)
        width = min(max(metrics.horizontalAdvance(self._inset_text(points.names[k], int(counts[k])))
                        for k in beyond) + 34, rect.width() * 0.6)
        height = (len(beyond) + 1) * (metrics.height() + 3) + 6
        return QRectF(rect.left() + 6, rect.bottom() - height - 6, width, height), beyond

    @staticmethod
    def _inset_text(name: str, count: int) -> str:
        return f"{name[:40]}  {count}" if count else name[:40]

    def _paint_inset(self, painter: QPainter, look: MapLook, marks: MapMarks, box: QRectF, rows: list[int],
                     painted: PaintedPlaces) -> None:
        metrics = QFontMetricsF(self.font)
        line = metrics.height() + 3
        painter.setPen(QPen(look.border, 1))
        painter.setBrush(look.halo)
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(look.text)
        painter.drawText(QRectF(box.left() + 8, box.top() + 3, box.width() - 10, line),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         QCoreApplication.translate("MapPainter", "Beyond the map:"))
        counts = np.asarray(marks.counts)
        radii = np.minimum(mark_radii(counts), line / 2 - 1)
        xs, ys, rs = [], [], []
        for n, k in enumerate(rows):
            y = box.top() + 3 + (n + 1) * line + line / 2
            x = box.left() + 14
            self._mark(painter, marks, look, k, x, y, float(radii[k]), int(counts[k]))
            painter.setPen(look.text if counts[k] else look.faded)
            text_box = QRectF(x + 10, y - line / 2, box.width() - 26, line)
            painter.drawText(text_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             metrics.elidedText(self._inset_text(marks.points.names[k], int(counts[k])),
                                                Qt.TextElideMode.ElideRight, text_box.width()))
            xs.append(x)
            ys.append(y)
            rs.append(line / 2)
            painted.label_of[k] = QRectF(box.left(), y - line / 2, box.width(), line)
        painted.index = np.concatenate([np.array(rows, dtype=np.int64), painted.index])
        painted.x = np.concatenate([np.array(xs), painted.x])
        painted.y = np.concatenate([np.array(ys), painted.y])
        painted.r = np.concatenate([np.array(rs), painted.r])


def short_name(name: str) -> str:
    """A place's name as the map writes it: ``Soviet Russia (RSFSR, 1917-1922)`` as ``Soviet Russia``,
    ``Hønefoss, Norway`` as ``Hønefoss`` (the tooltip gives the whole name)."""
    return name.split(" (")[0].split(",")[0].strip()[:40] or name[:40]


def _tuple(rect: QRectF) -> tuple[float, float, float, float]:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def _shape(painter: QPainter, square: bool, x: float, y: float, r: float) -> None:
    if square:
        side = r * 1.77  # the same area as the circle of radius r
        painter.drawRect(QRectF(x - side / 2, y - side / 2, side, side))
    else:
        painter.drawEllipse(QPointF(x, y), r, r)
