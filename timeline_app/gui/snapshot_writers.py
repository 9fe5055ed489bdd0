"""Write a :class:`Snapshot` as PNG, SVG (text kept as text) or PDF (vector, one landscape page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from timeline_app.gui.snapshot import Snapshot

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def render_image(snapshot: Snapshot, scale: float = 1.0) -> QImage:
    """The snapshot as an image, ``scale`` device pixels per logical pixel."""
    size = snapshot.size()
    image = QImage(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        snapshot.paint(painter)
    finally:
        painter.end()
    return image


def write_png(snapshot: Snapshot, path: Path, scale: float = 1.0) -> QSize:
    """Write a PNG; return its size in pixels."""
    image = render_image(snapshot, scale)
    if not image.save(str(path), "PNG"):
        raise OSError(f"{path}: the picture could not be written")
    return image.size()


def write_svg(snapshot: Snapshot, path: Path) -> QSize:
    """Write an SVG whose text stays text; return its logical size."""
    size = snapshot.size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(snapshot.view.title())
    generator.setDescription(snapshot.subtitle)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"{path}: the SVG could not be written")
    try:
        snapshot.paint(painter)
    finally:
        ended = painter.end()
    _require_complete(path, ended, b"</svg>", "SVG")
    return size


def _require_complete(path: Path, ended: bool, tail: bytes, kind: str) -> None:
    """Qt's SVG and PDF painters report a full disk only by what they leave: check the file's end."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 64))
            last = handle.read()
    except OSError as exc:
        raise OSError(f"{path}: the {kind} could not be written ({exc.strerror})") from None
    if not ended or tail not in last:
        raise OSError(f"{path}: the {kind} could not be written completely (is the disk full?)")


def _page_layout(page: str) -> QPageLayout:
    return QPageLayout(QPageSize(PAGE_SIZES[page]), QPageLayout.Orientation.Landscape,
                       QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)


def page_aspect(page: str) -> float:
    """Height over width of the printable area of a landscape ``page``."""
    area = _page_layout(page).paintRect(QPageLayout.Unit.Millimeter)
    return area.height() / area.width()


def write_pdf(snapshot: Snapshot, path: Path, page: str = "A4") -> QSize:
    """Write a one-page landscape PDF with the snapshot scaled to fit the page; return the page size in points."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(_page_layout(page))
    writer.setResolution(300)
    writer.setTitle(snapshot.view.title())
    writer.setCreator("timeline-app")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"{path}: the PDF could not be written")
    try:
        # Map the logical picture onto the printable area explicitly: QPdfWriter has no
        # sensible default mapping for a picture of arbitrary size.
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        size = snapshot.size()
        scale = min(area.width() / size.width(), area.height() / size.height())
        painter.translate((area.width() - size.width() * scale) / 2, 0)
        painter.scale(scale, scale)
        snapshot.paint(painter)
    finally:
        ended = painter.end()
    del writer  # closes the file
    _require_complete(path, ended, b"%%EOF", "PDF")
    full = _page_layout(page).fullRect(QPageLayout.Unit.Point)
    return QSize(round(full.width()), round(full.height()))
