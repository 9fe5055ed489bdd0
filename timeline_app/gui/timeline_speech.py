"""What a screen reader hears from the timeline: the event the keys are on, and each change of selection.

The timeline is a drawing, so it has no items a screen reader could walk; instead its accessible
name and description always tell the selected event (title, date, places, whether disputed,
whether a scene of the film), and each change is sent as a name change and, where Qt has it, an
announcement. The event table stays the full list of what is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from timeline_app.model.catalog import EventCatalog
from timeline_app.model.layout import FILM_CODE
from timeline_app.store.dates import format_span

RECEPTION_CODE = 2
MAX_TITLE_CHARS = 200  # a store may hold a title of megabytes; nobody wants it read out


def _tr(text: str) -> str:
    return QCoreApplication.translate("TimelineSpeech", text)


def event_speech(catalog: EventCatalog, index: int, lane: str | None = None) -> tuple[str, str]:
    """(name, description) of the event at catalog ``index`` as a screen reader should say them."""
    title = catalog.titles[index][:MAX_TITLE_CHARS]
    when = format_span(catalog.starts[index], catalog.ends[index])
    places = ", ".join(catalog.place_names.get(p, p) for p in catalog.places[index])
    facts = [_tr("Places: {places}").format(places=places) if places else _tr("No place given")]
    if bool(catalog.disputed[index]):
        facts.append(_tr("Disputed by the reviewers (drawn hatched)"))
    layer = int(catalog.arrays.layer[index])
    if layer == FILM_CODE:
        facts.append(_tr("A scene of the film, not the historical record (drawn as a square)"))
    elif layer == RECEPTION_CODE:
        facts.append(_tr("The film's reception"))
    if lane:
        facts.append(_tr("Lane: {lane}").format(lane=lane))
    return _tr("Timeline: {title}, {when}").format(title=title, when=when), ". ".join(facts) + "."


def keys_hint() -> str:
    """How to move on the timeline with the keyboard, for its description."""
    return _tr("Left and right arrows: previous and next event in the lane; up and down: the nearest event in the "
               "lane above or below; Shift with arrows: pan; plus and minus: zoom; Enter: zoom to the event; "
               "Home: the whole span; the menu key: the event's menu.")


class TimelineSpeech:
    """Keeps ``widget``'s accessible name and description on the selected event and announces changes."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.spoken = ""  # the last announcement, for tests and for not repeating oneself
        self.show_nothing()

    def show_nothing(self) -> None:
        """No event selected: say how to pick one."""
        self._set(_tr("Timeline, no event selected"),
                  _tr("Events in lanes along the years; press an arrow key to go to the first event in view. ")
                  + keys_hint())

    def show_event(self, catalog: EventCatalog, index: int, lane: str | None, position: str = "") -> None:
        """Tell the event at catalog ``index``; announce it unless an item view (which speaks its rows) has focus."""
        name, description = event_speech(catalog, index, lane)
        if position:
            description = f"{description} {position}"
        changed = name != self.widget.accessibleName()
        self._set(name, f"{description} {keys_hint()}")
        if changed and not isinstance(QApplication.focusWidget(), QAbstractItemView):
            self.announce(f"{name}. {description}")

    def announce(self, text: str) -> None:
        """Have a screen reader say ``text`` now (Qt 6.8+ announcement; a name change before that)."""
        self.spoken = text
        try:
            from PySide6.QtGui import QAccessibleAnnouncementEvent
        except ImportError:  # older Qt: the name change sent by _set is all a reader gets
            return
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.widget, text))

    def _set(self, name: str, description: str) -> None:
        # Qt sends the name- and description-changed events itself.
        self.widget.setAccessibleName(name)
        self.widget.setAccessibleDescription(description)
