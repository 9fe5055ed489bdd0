"""Text from a store or a file is shown as text: labels, message boxes and tooltips say so to Qt.

Qt guesses "rich text" for labels, message boxes and tooltips whose text looks like HTML, so a
source author of ``<a href=…>`` or ``<img src=…>`` would become a live link or load an image.
Every widget here is told its format; where HTML is built on purpose, store text is escaped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows ``text`` exactly as written."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def rich_label(markup: str = "", parent: QWidget | None = None) -> QLabel:
    """A label for HTML we build on purpose (any store text in it must be escaped first)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(False)
    label.setText(markup)
    return label


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…": Qt lays out one unbroken word of megabytes very slowly."""
    return text if len(text) <= limit else text[:limit] + "…"


def tooltip_text(text: str) -> str:
    """``text`` as a tooltip shows it literally (tooltips have no plain-text switch: escape it as HTML)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text[:2000]) + "</p>" if text else ""


def show_message(parent: QWidget | None, title: str, text: str, details: str = "",
                 icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> None:
    """A message box whose text (which may name a file or hold store text) is plain text."""
    box = QMessageBox(icon, title, "", parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.exec()
