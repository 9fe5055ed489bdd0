"""The picture formats (PNG, SVG, PDF), registered with the export registry.

Importing this module registers them; Qt itself loads only when a picture is written,
so ``timeline-app export -o data.csv`` never starts it.
"""

from __future__ import annotations

from pathlib import Path

from timeline_app.export.registry import Exporter, ExportOptions, Progress, register
from timeline_app.export.view import ExportView
from timeline_app.gui.translation import QT_TRANSLATE_NOOP, translate


def _snapshot(view: ExportView, options: ExportOptions):
    from timeline_app.gui.snapshot import Snapshot

    return Snapshot(view, options.width, with_map=options.map)


def _png(view: ExportView, path: Path, options: ExportOptions, _progress: Progress) -> str:
    from timeline_app.gui.snapshot_writers import write_png

    snapshot = _snapshot(view, options)
    scale = options.pixel_width / snapshot.size().width() if options.pixel_width else options.scale
    size = write_png(snapshot, path, scale)
    return translate("picture", "{width}x{height} pixels").format(width=size.width(), height=size.height())


def _svg(view: ExportView, path: Path, options: ExportOptions, _progress: Progress) -> str:
    from timeline_app.gui.snapshot_writers import write_svg

    size = write_svg(_snapshot(view, options), path)
    return translate("picture", "{width}x{height} (vector)").format(width=size.width(), height=size.height())


def _pdf(view: ExportView, path: Path, options: ExportOptions, _progress: Progress) -> str:
    from timeline_app.gui.snapshot import Snapshot
    from timeline_app.gui.snapshot_writers import page_aspect, write_pdf

    # A wide picture on a landscape page leaves its lower half empty: narrow the picture
    # (its height hardly changes) until it fills the page, never below 1000 pixels.
    snapshot = _snapshot(view, options)
    for _ in range(2):
        size = snapshot.size()
        beside = size.width() - snapshot.width  # the map's part, when there is one
        fitted = max(1000.0, min(options.width, size.height() / page_aspect(options.page) - beside))
        snapshot = Snapshot(view, fitted, with_map=options.map)
    write_pdf(snapshot, path, options.page)
    return translate("picture", "one {page} landscape page").format(page=options.page)


for _exporter in (
    # The labels are translated where they are shown (gui/core_words.py: core_word).
    Exporter("png", QT_TRANSLATE_NOOP("core", "PNG picture"), ".png", True, _png),
    Exporter("svg", QT_TRANSLATE_NOOP("core", "SVG picture (vector)"), ".svg", True, _svg),
    Exporter("pdf", QT_TRANSLATE_NOOP("core", "PDF page (vector)"), ".pdf", True, _pdf),
):
    register(_exporter)
