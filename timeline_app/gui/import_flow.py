"""File > Import: pick a timeline file (ours, TimelineJS, Timeline) and a store of the user's own, then import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from timeline_app.gui.plain_text import show_message
from timeline_app.gui.translation import TextContext
from timeline_app.ingest.import_file import ImportFileError
from timeline_app.ingest.store_writer import import_events
from timeline_app.store.event_store import StoreError

translate = QCoreApplication.translate
import_counts = TextContext("import_counts")  # messages with a count (lupdate reads plurals only from tr())


def ask_and_import(parent: QWidget, current: Path | None, shipped: Path) -> Path | None:
    """Ask for a file to import and the store to add it to; return the store on success.

    The open store of the user's own is offered first; another store (new or existing) can be
    chosen instead. The shipped store is never a target.
    """
    folder = str(current.parent) if current else str(Path.home())
    source, _ = QFileDialog.getOpenFileName(parent, translate("import", "Import events"), folder,
                                            translate("import",
                                                      "Timelines (*.csv *.json *.timeline *.xml);;All files (*)"))
    if not source:
        return None
    target = choose_target(parent, Path(source), current, shipped)
    return import_into(parent, Path(source), target, shipped) if target is not None else None


def choose_target(parent: QWidget, source: Path, current: Path | None, shipped: Path) -> Path | None:
    """Where to import: the open store (the default, when it is the user's own) or another one."""
    own = current if current is not None and current.resolve() != shipped.resolve() else None
    if own is not None:
        box = QMessageBox(QMessageBox.Icon.Question, translate("import", "Import events"),
                          translate("import", "Add the events of {file} to which store?").format(file=source.name),
                          parent=parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        into_open = box.addButton(translate("import", "Into the open store, {file}").format(file=own.name),
                                  QMessageBox.ButtonRole.AcceptRole)
        elsewhere = box.addButton(translate("import", "Into another store…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(into_open)
        box.exec()
        if box.clickedButton() is into_open:
            return own
        if box.clickedButton() is not elsewhere:
            return None
    folder = own.parent if own is not None else Path.home()
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("import", "Store to add the events to (new or existing)"), str(folder / "my-events.db"),
        translate("import", "Event stores (*.db)"), options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


def import_into(parent: QWidget, source: Path, target: Path, shipped: Path) -> Path | None:
    """Import ``source`` into ``target`` and report the outcome in a message box."""
    try:
        added = import_events(source, target, shipped=shipped)
    except ImportFileError as exc:
        summary = import_counts.tr("{file} has %n problem(s); {store} is unchanged.", None,
                                   len(exc.problems)).format(file=source.name, store=target.name)
        show_message(parent, translate("import", "Nothing was imported"), summary, details=exc.report())
        return None
    except (StoreError, OSError) as exc:
        show_message(parent, translate("import", "Nothing was imported"), str(exc))
        return None
    added_text = import_counts.tr("Added %n events from {file} to {store}.", None, added)
    show_message(parent, translate("import", "Import finished"), added_text.format(file=source.name, store=target.name),
                 icon=QMessageBox.Icon.Information)
    return target
