"""Help > About, Keyboard shortcuts and Store format."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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
from timeline_app.gui.translation import current_language
from timeline_app.sources.citations import chicago_citation
from timeline_app.store.paths import RESOURCES

LIBRARIES = ("PySide6-Essentials", "pyqtgraph", "numpy", "sqlite-utils", "click", "edtf")
#: What the mouse does that the keys listed above also do.
MOUSE = (
    (QT_TRANSLATE_NOOP("help", "Zoom about the pointer"), QT_TRANSLATE_NOOP("help", "mouse wheel")),
    (QT_TRANSLATE_NOOP("help", "Zoom to an event"), QT_TRANSLATE_NOOP("help", "double-click")),
)
translate = QCoreApplication.translate


def _version_of(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version  # for About only: it costs the launch 80 ms

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def about_text(sources: list[dict]) -> str:
    """The About box as HTML we build on purpose: every piece of store text escaped."""
    e = html.escape
    cited = "".join(f"<li>{e(chicago_citation(s))}</li>" for s in sources)
    libraries = ", ".join(f"{name} {e(_version_of(name))}" for name in LIBRARIES)
    return (f"<h3>timeline-app {e(__version__)}</h3><p>"
            + translate("help", "A timeline of Soviet history, 1917–1991, built from the exact words of two reviews "
                                "of the film <i>Dear Comrades!</i> (dir. Andrei Konchalovsky, 2020):")
            + f"</p><ul>{cited}</ul><p>"
            + translate("help", "Titles and summaries are the project's own words; every quotation is the reviewers'. "
                                "Facts from outside the reviews carry their references.")
            + "</p><p>"
            + translate("help", "Licence: MIT. Built with Python, Qt {qt}, SQLite {sqlite} and {libraries}.").format(
                qt=e(_version_of("PySide6-Essentials")), sqlite=e(sqlite3.sqlite_version), libraries=libraries)
            + "</p><p>"
            + translate("help", "Map outlines: Natural Earth (public domain), naturalearthdata.com.")
            + "</p>")


def show_about(parent: QWidget, sources: list[dict]) -> QMessageBox:
    """Help > About."""
    box = QMessageBox(QMessageBox.Icon.Information, translate("help", "About timeline-app"), "", parent=parent)
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
    return rows + keys + [(translate("help", what), translate("help", how)) for what, how in MOUSE]


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> QDialog:
    """Help > Keyboard shortcuts: every shortcut in one table."""
    rows = shortcut_rows(actions)
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("help", "Keyboard shortcuts"))
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels([translate("help", "Action"), translate("help", "Keys")])
    table.setAccessibleName(translate("help", "Keyboard shortcuts"))
    table.setTabKeyNavigation(False)  # Tab goes on to the Close button
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


def store_format_file() -> Path:
    """The store-format help in the interface's language (``store-format.ru.md``), else in English."""
    translated = RESOURCES / "help" / f"store-format.{current_language()}.md"
    return translated if translated.exists() else RESOURCES / "help" / "store-format.md"


def show_store_format(parent: QWidget) -> QDialog:
    """Help > Store format: what a person needs to make a store of their own."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("help", "Making a store of your own"))
    text = QTextBrowser()
    text.setOpenExternalLinks(False)
    text.setMarkdown(store_format_file().read_text(encoding="utf-8"))
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
