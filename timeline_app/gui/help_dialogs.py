"""Help > About, Keyboard shortcuts and Store format."""

from __future__ import annotations

import html
import sqlite3
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline_app import __version__
from timeline_app.sources.citations import chicago_citation
from timeline_app.store.paths import RESOURCES

LIBRARIES = ("PySide6-Essentials", "pyqtgraph", "numpy", "sqlite-utils", "click", "edtf")
#: What the mouse does that the keys listed above also do.
MOUSE = (
    ("Zoom about the pointer", "mouse wheel"),
    ("Zoom to an event", "double-click"),
)


def _version_of(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def about_text(sources: list[dict]) -> str:
    """The About box as HTML we build on purpose: every piece of store text escaped."""
    e = html.escape
    cited = "".join(f"<li>{e(chicago_citation(s))}</li>" for s in sources)
    libraries = ", ".join(f"{name} {e(_version_of(name))}" for name in LIBRARIES)
    return (f"<h3>timeline-app {e(__version__)}</h3>"
            "<p>A timeline of Soviet history, 1917–1991, built from the exact words of two reviews of the film "
            "<i>Dear Comrades!</i> (dir. Andrei Konchalovsky, 2020):</p>"
            f"<ul>{cited}</ul>"
            "<p>Titles and summaries are the project's own words; every quotation is the reviewers'. Facts from "
            "outside the reviews carry their references.</p>"
            f"<p>Licence: MIT. Built with Python, Qt {e(_version_of('PySide6-Essentials'))}, "
            f"SQLite {e(sqlite3.sqlite_version)} and {libraries}.</p>"
            "<p>Map outlines: Natural Earth (public domain), naturalearthdata.com.</p>")


def show_about(parent: QWidget, sources: list[dict]) -> QMessageBox:
    """Help > About."""
    box = QMessageBox(QMessageBox.Icon.Information, "About timeline-app", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text(sources))
    box.open()
    return box


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) for every action with a shortcut, then the timeline's and the overview's own keys.

    Both come from what the window really binds (its actions, the timeline's key table), never a copy.
    """
    from timeline_app.gui.timeline_keys import overview_bindings, timeline_bindings

    rows = [(action.text().replace("&", "").rstrip("…"),
             action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for action in actions if not action.shortcut().isEmpty()]
    keys = [(binding.what, binding.shown) for binding in (*timeline_bindings(), *overview_bindings())]
    return rows + keys + list(MOUSE)


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> QDialog:
    """Help > Keyboard shortcuts: every shortcut in one table."""
    rows = shortcut_rows(actions)
    dialog = QDialog(parent)
    dialog.setWindowTitle("Keyboard shortcuts")
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels(["Action", "Keys"])
    for row, (what, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(what))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    _fill(dialog, table)
    dialog.resize(520, 520)
    dialog.open()
    return dialog


def show_store_format(parent: QWidget) -> QDialog:
    """Help > Store format: what a person needs to make a store of their own."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("Making a store of your own")
    text = QTextBrowser()
    text.setOpenExternalLinks(False)
    text.setMarkdown((RESOURCES / "help" / "store-format.md").read_text(encoding="utf-8"))
    _fill(dialog, text)
    dialog.resize(760, 640)
    dialog.open()
    return dialog


def _fill(dialog: QDialog, body: QWidget) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body)
    layout.addWidget(buttons)
