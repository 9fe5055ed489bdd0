"""File > Import: pick a timeline file (ours, TimelineJS, Timeline) and a store of the user's own, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from timeline_app.gui.plain_text import show_message
from timeline_app.ingest.import_file import ImportFileError
from timeline_app.ingest.store_writer import import_events
from timeline_app.store.event_store import StoreError


def ask_and_import(parent: QWidget, current: Path | None, shipped: Path) -> Path | None:
    """Ask for a file to import and the store to add it to; return the store on success.

    The open store of the user's own is offered first; another store (new or existing) can be
    chosen instead. The shipped store is never a target.
    """
    folder = str(current.parent) if current else str(Path.home())
    source, _ = QFileDialog.getOpenFileName(parent, "Import events", folder,
                                            "Timelines (*.csv *.json *.timeline *.xml);;All files (*)")
    if not source:
        return None
    target = choose_target(parent, Path(source), current, shipped)
    return import_into(parent, Path(source), target, shipped) if target is not None else None


def choose_target(parent: QWidget, source: Path, current: Path | None, shipped: Path) -> Path | None:
    """Where to import: the open store (the default, when it is the user's own) or another one."""
    own = current if current is not None and current.resolve() != shipped.resolve() else None
    if own is not None:
        box = QMessageBox(QMessageBox.Icon.Question, "Import events",
                          f"Add the events of {source.name} to which store?", parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        into_open = box.addButton(f"Into the open store, {own.name}", QMessageBox.ButtonRole.AcceptRole)
        elsewhere = box.addButton("Into another store…", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(into_open)
        box.exec()
        if box.clickedButton() is into_open:
            return own
        if box.clickedButton() is not elsewhere:
            return None
    folder = own.parent if own is not None else Path.home()
    name, _ = QFileDialog.getSaveFileName(
        parent, "Store to add the events to (new or existing)", str(folder / "my-events.db"),
        "Event stores (*.db)", options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


def import_into(parent: QWidget, source: Path, target: Path, shipped: Path) -> Path | None:
    """Import ``source`` into ``target`` and report the outcome in a message box."""
    try:
        added = import_events(source, target, shipped=shipped)
    except ImportFileError as exc:
        summary = f"{source.name} has {len(exc.problems)} problem(s); {target.name} is unchanged."
        show_message(parent, "Nothing was imported", summary, details=exc.report())
        return None
    except (StoreError, OSError) as exc:
        show_message(parent, "Nothing was imported", str(exc))
        return None
    show_message(parent, "Import finished", f"Added {added} events from {source.name} to {target.name}.",
                 icon=QMessageBox.Icon.Information)
    return target
