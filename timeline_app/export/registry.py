"""One registry of export formats, shared by the window's Export dialog and ``timeline-app export``.

Every export writes to a temporary file beside the target and renames it into place,
so a failed export leaves nothing half-written; the open store is never a target.
The data formats register here; the picture formats are drawn by the window's code,
which registers them with :func:`register` (see :mod:`timeline_app.gui.picture_formats`),
so nothing here reaches up into ``gui/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from timeline_app.export.data_formats import Progress, write_csv, write_json, write_timelinejs
from timeline_app.export.timeline_files import write_timeline, write_timelinejs_sheet
from timeline_app.export.view import ExportView
from timeline_app.store.atomic_file import NotAFileError, atomic_target


class ExportError(Exception):
    """An export could not be made; the message names the file and the reason."""


@dataclass(frozen=True)
class ExportOptions:
    """Picture settings: logical ``width``, pixel ``scale`` (or an exact ``pixel_width``) and PDF ``page``.

    ``map``: the map of the events shown goes beside the timeline (the picture grows wider).
    """

    width: float = 1600.0
    scale: float = 1.0
    pixel_width: int | None = None
    page: str = "A4"
    map: bool = False


@dataclass(frozen=True)
class Exporter:
    """A format: its name, a label for menus, the file suffix, and the function that writes it."""

    name: str
    label: str
    suffix: str
    picture: bool
    write: Callable[[ExportView, Path, ExportOptions, Progress], str]


def _rows(writer) -> Callable[[ExportView, Path, ExportOptions, Progress], str]:
    def write(view: ExportView, path: Path, _options: ExportOptions, progress: Progress) -> str:
        return f"{writer(view, path, progress)} events"
    return write


EXPORTERS: dict[str, Exporter] = {
    e.name: e for e in (
        Exporter("csv", "CSV table of events", ".csv", False, _rows(write_csv)),
        Exporter("json", "JSON with excerpts, commentary and claims", ".json", False, _rows(write_json)),
        Exporter("timelinejs", "TimelineJS 3 JSON", ".json", False, _rows(write_timelinejs)),
        Exporter("timelinejs-sheet", "TimelineJS sheet (CSV)", ".csv", False, _rows(write_timelinejs_sheet)),
        Exporter("timeline", "Timeline (.timeline)", ".timeline", False, _rows(write_timeline)),
    )
}


def register(exporter: Exporter) -> None:
    """Offer ``exporter`` in the Export dialog and on the command line (a later one of the same name wins)."""
    EXPORTERS[exporter.name] = exporter


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
                      f"use {', '.join(sorted({e.suffix for e in EXPORTERS.values()}))}, or --format")


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
    except NotAFileError as exc:
        raise ExportError(str(exc)) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"{path}: cannot write here ({reason}); nothing was replaced") from None
    return summary
