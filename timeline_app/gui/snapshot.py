"""Draw a view as a self-contained picture: title, range, filters, timeline, legend and credits.

One :class:`Snapshot` paints onto any QPainter, so PNG, SVG and PDF (and the export
preview) all show the same picture, from the window or from the command line.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from timeline_app.export.view import ExportView
from timeline_app.gui.mark_painter import DeviceMap, MarkPainter
from timeline_app.gui.period_band import paint_periods, period_spans
from timeline_app.gui.snapshot_map import MAP_ASPECT, MapPicture
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.model.date_words import date_words
from timeline_app.model.layout import GROUPINGS
from timeline_app.model.time_ticks import from_decimal, tick_label, tick_levels
from timeline_app.sources.citations import chicago_citation

MARGIN = 28.0
ROW_PX = 20.0
BAND_PX = 24.0
AXIS_PX = 28.0
TEXT = QColor("#1a1a1a")
MUTED = QColor("#555555")
MAP_GAP = 24.0  # between the timeline and the map beside it


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _wrapped_height(text: str, font: QFont, width: float) -> float:
    rect = QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 10_000),
                                            int(Qt.TextFlag.TextWordWrap), text)
    return rect.height()


def _day_text(value: float) -> str:
    day = from_decimal(value)
    return date_words(f"{day.year:04d}-{day.month:02d}-{day.day:02d}", words=window_date_words())


@dataclass
class Snapshot:
    """The picture of one :class:`ExportView` at a logical ``width`` in pixels.

    ``with_map``: the map of the events shown goes to the right of the timeline, making the
    picture wider by :meth:`MapPicture.width_for` ``width``; legend and credits span both.
    """

    view: ExportView
    width: float = 1600.0
    with_map: bool = False

    def __post_init__(self) -> None:
        self.title_font, self.text_font, self.small_font = _font(22, True), _font(14), _font(12)
        self.lane_font = _font(13)
        c = self.view.catalog
        self.inner = self.width - 2 * MARGIN
        self.map = MapPicture(self.view) if self.with_map else None
        self.map_width = MapPicture.width_for(self.width) if self.map is not None else 0.0
        self.full = self.inner + (MAP_GAP + self.map_width if self.map is not None else 0.0)  # header and footer
        self.gutter = max((QFontMetricsF(self.lane_font).horizontalAdvance(lane.name)
                           for lane in self.view.layout.lanes), default=60.0) + 16
        low, high = self.view.view_range
        self.subtitle = (f"{_day_text(low)} – {_day_text(high)} · lanes grouped by "
                         f"{GROUPINGS[self.view.grouping].lower()} · {int(self.view.mask.sum())} of {len(c)} events")
        self.filters = f"Filters: {self.view.filter.describe(c)}"
        sources = self.view.store.sources().values()
        self.credit = "Sources: " + " ".join(chicago_citation(s) for s in sources) + (
            " Titles and summaries are the project's own words; quotations are the reviewers'.")
        if self.map is not None:
            self.credit += f" {self.map.outlines.credit}"
        self.header_h = 30 + 22 + _wrapped_height(self.filters, self.text_font, self.full) + 12
        self.plot_h = self.view.layout.total_rows * ROW_PX
        self.body_h = BAND_PX + self.plot_h + AXIS_PX
        if self.map is not None:
            self.body_h = max(self.body_h, self.map_width * MAP_ASPECT)
        self.legend_h = self._legend(None, 0.0)
        self.credit_h = _wrapped_height(self.credit, self.small_font, self.full)

    def size(self) -> QSize:
        """The picture's logical size."""
        height = MARGIN + self.header_h + self.body_h + 14 + self.legend_h + 10 + self.credit_h + MARGIN
        return QSize(int(self.full + 2 * MARGIN + 0.5), int(height + 0.5))

    def paint(self, painter: QPainter) -> None:
        """Paint the whole picture with its top-left corner at the painter's origin."""
        size = self.size()
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("white"))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        y = MARGIN
        painter.setPen(TEXT)
        painter.setFont(self.title_font)
        painter.drawText(QRectF(MARGIN, y, self.inner, 30), int(Qt.AlignmentFlag.AlignLeft), self.view.title())
        y += 30
        painter.setFont(self.text_font)
        painter.setPen(MUTED)
        painter.drawText(QRectF(MARGIN, y, self.inner, 22), int(Qt.AlignmentFlag.AlignLeft), self.subtitle)
        y += 22
        painter.drawText(QRectF(MARGIN, y, self.full, self.header_h), int(Qt.TextFlag.TextWordWrap), self.filters)
        y = MARGIN + self.header_h
        plot = QRectF(MARGIN + self.gutter, y + BAND_PX, self.inner - self.gutter, self.plot_h)
        low, high = self.view.view_range
        sx = plot.width() / (high - low)
        dx = plot.left() - low * sx
        paint_periods(painter, period_spans(self.view.catalog.periods), sx, dx,
                      QRectF(plot.left(), y, plot.width(), BAND_PX - 2), self.small_font)
        self._paint_axis(painter, plot, low, high, sx, dx)
        self._paint_lanes(painter, plot)
        painter.save()
        painter.setClipRect(plot)
        marks = MarkPainter(self.view.catalog, self.view.layout)
        marks.grid = False  # the snapshot draws its own grid with its axis
        marks.font = self.lane_font
        marks.text_color = TEXT
        marks.paint(painter, DeviceMap(sx, dx, ROW_PX, plot.top(),
                                       QRectF(low, 0, high - low, self.view.layout.total_rows)))
        painter.restore()
        painter.setPen(QPen(QColor("#888888"), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)
        if self.map is not None:
            self.map.paint(painter, QRectF(MARGIN + self.inner + MAP_GAP, MARGIN + self.header_h, self.map_width,
                                           self.body_h))
        y = MARGIN + self.header_h + self.body_h + 14
        self._legend(painter, y)
        y += self.legend_h + 10
        painter.setFont(self.small_font)
        painter.setPen(MUTED)
        painter.drawText(QRectF(MARGIN, y, self.full, self.credit_h + 4), int(Qt.TextFlag.TextWordWrap), self.credit)

    def _paint_axis(self, painter: QPainter, plot: QRectF, low: float, high: float, sx: float, dx: float) -> None:
        levels = tick_levels(low, high, plot.width())
        painter.setFont(self.small_font)
        metrics = QFontMetricsF(self.small_font)
        for depth, level in enumerate(levels[:2]):
            for value in level.values:
                x = value * sx + dx
                if not plot.left() <= x <= plot.right():
                    continue
                painter.setPen(QPen(QColor(0, 0, 0, 40 if depth == 0 else 18), 1))
                painter.drawLine(int(x), int(plot.top()), int(x), int(plot.bottom()))
                painter.setPen(QPen(MUTED, 1))
                painter.drawLine(int(x), int(plot.bottom()), int(x), int(plot.bottom() + (6 if depth == 0 else 3)))
                if depth == 0:
                    label = tick_label(value, level.unit)
                    half = metrics.horizontalAdvance(label) / 2
                    left = min(max(x - half, plot.left()), plot.right() - 2 * half)
                    painter.setPen(TEXT)
                    painter.drawText(QRectF(left, plot.bottom() + 7, 2 * half + 2, 18),
                                     int(Qt.AlignmentFlag.AlignLeft), label)

    def _paint_lanes(self, painter: QPainter, plot: QRectF) -> None:
        painter.setFont(self.lane_font)
        for lane in self.view.layout.lanes:
            top = plot.top() + lane.first_row * ROW_PX
            painter.setPen(QPen(QColor("#dddddd"), 1))
            painter.drawLine(int(MARGIN), int(top), int(plot.right()), int(top))
            painter.setPen(TEXT)
            painter.drawText(QRectF(MARGIN, top, self.gutter - 10, lane.rows * ROW_PX),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), lane.name)

    def _legend(self, painter: QPainter | None, top: float) -> float:
        """Lay out (and, given a painter, draw) the theme legend and mark key; return its height."""
        c = self.view.catalog
        used = {t for t, count in c.arrays.themes.counts(self.view.mask).items() if count} or set(c.theme_names)
        items = [(c.theme_colors.get(t, "#8c8c8c"), c.theme_names[t]) for t in sorted(used, key=c.theme_names.get)
                 if t in c.theme_names]
        key = ("◆ exact day   ◇ month or year only   ▬ period   ░ faded end: approximate, uncertain or open   "
               "▨ hatched: disputed   "
               "■ square, dotted lane: a scene of the film, not the record")
        metrics = QFontMetricsF(self.text_font)
        x, y, line = MARGIN, top, 22.0
        if painter is not None:
            painter.setFont(self.text_font)
        for color, name in items:
            width = 18 + metrics.horizontalAdvance(name) + 22
            if x + width > MARGIN + self.full:
                x, y = MARGIN, y + line
            if painter is not None:
                painter.fillRect(QRectF(x, y + 4, 12, 12), QColor(color))
                painter.setPen(TEXT)
                painter.drawText(QRectF(x + 18, y, width, line), int(Qt.AlignmentFlag.AlignLeft), name)
            x += width
        y += line
        if painter is not None:
            painter.setPen(MUTED)
            painter.drawText(QRectF(MARGIN, y, self.full, line), int(Qt.AlignmentFlag.AlignLeft), key)
        if self.map is not None:
            y += line
            if painter is not None:
                painter.drawText(QRectF(MARGIN, y, self.full, line), int(Qt.AlignmentFlag.AlignLeft), self.map.key())
        return y + line - top
