"""The right-click menu of an event, on a timeline mark or a table row."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from timeline_app.gui.clipboard import copy_to_clipboard
from timeline_app.sources.citations import quoted_passage
from timeline_app.sources.event_details import EventDetails


def event_text(details: EventDetails) -> str:
    """"Title (date)", as a person pastes it."""
    return f"{details.title} ({details.when})"


def event_citation(details: EventDetails) -> str:
    """The event's first verified passage with its Chicago citation (or its title and date, if it has none)."""
    for view in details.excerpts:
        if view.verified:
            source = details.source(view.quote.source_id)
            return quoted_passage(view.quote.quote, {"author": source.author, "title": source.title,
                                                     "publication": source.publication,
                                                     "published": view_published(details, view.quote.source_id),
                                                     "url": source.url})
    return event_text(details)


def view_published(details: EventDetails, source_id: str) -> str:
    """The ISO publication date the citation wants (the details hold it as people read it)."""
    return details.published_iso.get(source_id, "")


def build_event_menu(parent: QWidget, details: EventDetails, actions: dict) -> QMenu:
    """Select, zoom to, copy title and date, copy citation, export this event.

    ``actions`` maps "select", "zoom" and "export" to callables taking the event id.
    """
    menu = QMenu(parent)
    translate = QCoreApplication.translate
    menu.addAction(translate("EventMenu", "Select"), lambda: actions["select"](details.id))
    menu.addAction(translate("EventMenu", "Zoom to this event"), lambda: actions["zoom"](details.id))
    menu.addSeparator()
    menu.addAction(translate("EventMenu", "Copy title and date"), lambda: copy_to_clipboard(event_text(details)))
    menu.addAction(translate("EventMenu", "Copy citation"), lambda: copy_to_clipboard(event_citation(details)))
    menu.addSeparator()
    menu.addAction(translate("EventMenu", "Export this event…"), lambda: actions["export"](details.id))
    return menu
