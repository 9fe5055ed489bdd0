"""One registry of export formats, shared by the window's Export dialog and ``timeline-app export``.

Every export writes to a temporary file beside the target and renames it into place,
so a failed export leaves nothing half-written; the open store is never a target.
Picture formats load Qt only when used, so data exports stay Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timeline_app.export.data_formats import Progress, write_csv, write_json, write_timelinejs
from timeline_app.export.view import ExportView
from timeline_app.store.atomic_file import atomic_target


class ExportError(Exception):
    """An export could not be made; the message names the file and the reason."""


@dataclass(frozen=True)
class ExportOptions:
    """Picture settings: logical ``width``, pixel ``scale`` (or an exact ``pixel_width``) and PDF ``page``."""

    width: float = 1600.0
    scale: float = 1.0
    pixel_width: int | None = None
    page: str = "A4"


@dataclass(frozen=True)
class Exporter:
    """A format: its name, a label for menus, the file suffix, and the function that writes it."""

    name: str
    label: str
    suffix: str
    picture: bool
    write: Callable[[ExportView, Path, ExportOptions, Progress], str]


def _snapshot(view: ExportView, options: ExportOptions):
    from timeline_app.gui.snapshot import Snapshot

    return Snapshot(view, options.width)


def _png(view: ExportView, path: Path, options: ExportOptions, _progress: Progress) -> str:
    from timeline_app.gui.snapshot_writers import write_png

    snapshot = _snapshot(view, options)
    scale = options.pixel_width / snapshot.size().width() if options.pixel_width else options.scale
    size = write_png(snapshot, path, scale)
    return f"{size.width()}x{size.height()} pixels"


def _svg(view: ExportView, path: Path, options: ExportOptions, _progress: Progress) -> str:
    from timeline_app.gui.snapshot_writers import write_svg

    size = write_svg(_snapshot(view, options), path)
    return f"{size.width()}x{size.height()} (vector)"


def _pdf(view: ExportView, path: Path, options: ExportOptions, _progress: Progress) -> str:
    from timeline_app.gui.snapshot import Snapshot
    from timeline_app.gui.snapshot_writers import page_aspect, write_pdf

    # A wide picture on a landscape page leaves its lower half empty: narrow the picture
    # (its height hardly changes) until it fills the page, never below 1000 pixels.
    snapshot = _snapshot(view, options)
    for _ in range(2):
        size = snapshot.size()
        fitted = max(1000.0, min(options.width, size.height() / page_aspect(options.page)))
        snapshot = Snapshot(view, fitted)
    write_pdf(snapshot, path, options.page)
    return f"one {options.page} landscape page"


def _rows(writer) -> Callable[[ExportView, Path, ExportOptions, Progress], str]:
    def write(view: ExportView, path: Path, _options: ExportOptions, progress: Progress) -> str:
        return f"{writer(view, path, progress)} events"
    return write


EXPORTERS: dict[str, Exporter] = {
    e.name: e for e in (
        Exporter("png", "PNG picture", ".png", True, _png),
        Exporter("svg", "SVG picture (vector)", ".svg", True, _svg),
        Exporter("pdf", "PDF page (vector)", ".pdf", True, _pdf),
        Exporter("csv", "CSV table of events", ".csv", False, _rows(write_csv)),
        Exporter("json", "JSON with excerpts, commentary and claims", ".json", False, _rows(write_json)),
        Exporter("timelinejs", "TimelineJS 3 JSON", ".json", False, _rows(write_timelinejs)),
    )
}


def format_for(path: Path, explicit: str | None = None) -> str:
    """The format named, or the one the file's suffix implies."""
    if explicit:
        if explicit not in EXPORTERS:
            raise ExportError(f"unknown format {explicit!r}; choose one of {', '.join(EXPORTERS)}")
        return explicit
    suffix = Path(path).suffix.lower()
    for exporter in EXPORTERS.values():
        if exporter.suffix == suffix:
            return exporter.name
    raise ExportError(f"{path}: cannot tell the format from '{suffix or 'no suffix'}'; "
                      f"use .png, .svg, .pdf, .csv or .json, or --format")


def export(view: ExportView, path: Path, fmt: str, options: ExportOptions = ExportOptions(),
           progress: Progress = lambda _d, _t: None) -> str:
    """Write ``view`` to ``path`` as ``fmt``; return a short description of what was written."""
    path = Path(path)
    if path.exists() and path.resolve() == view.store.path.resolve():
        raise ExportError(f"{path}: this is the open store; choose another file to export to")
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name")
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r}")
    try:
        with atomic_target(path) as temp:
            summary = EXPORTERS[fmt].write(view, temp, options, progress)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"{path}: cannot write here ({reason})") from None
    return summary
