"""File > Import: pick a CSV or JSON file and a store of the user's own, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from timeline_app.ingest.import_file import ImportFileError
from timeline_app.ingest.store_writer import import_events
from timeline_app.store.event_store import StoreError


def ask_and_import(parent: QWidget, current: Path | None, shipped: Path) -> Path | None:
    """Ask for a file to import and a store to add it to; return the store on success.

    The shipped store is never offered as the target: the user picks or names a store of
    their own, which is created if it does not exist.
    """
    folder = str(current.parent) if current else str(Path.home())
    source, _ = QFileDialog.getOpenFileName(parent, "Import events", folder, "Events (*.csv *.json);;All files (*)")
    if not source:
        return None
    target = current if current and current.resolve() != shipped.resolve() else None
    if target is None:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Store to add the events to (new or existing)", str(Path.home() / "my-events.db"),
            "Event stores (*.db)", options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None
        target = Path(name)
    return import_into(parent, Path(source), target, shipped)


def import_into(parent: QWidget, source: Path, target: Path, shipped: Path) -> Path | None:
    """Import ``source`` into ``target`` and report the outcome in a message box."""
    try:
        added = import_events(source, target, shipped=shipped)
    except ImportFileError as exc:
        summary = f"{source.name} has {len(exc.problems)} problem(s); {target.name} is unchanged."
        box = QMessageBox(QMessageBox.Icon.Warning, "Nothing was imported", summary, parent=parent)
        box.setDetailedText(exc.report())
        box.exec()
        return None
    except (StoreError, OSError) as exc:
        QMessageBox.warning(parent, "Nothing was imported", str(exc))
        return None
    QMessageBox.information(parent, "Import finished", f"Added {added} events from {source.name} to {target.name}.")
    return target
