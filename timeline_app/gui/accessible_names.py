"""Accessible names and descriptions for the window's controls: what a screen reader says for each.

A control whose visible text says it all (a check box, a button with words) keeps that text as its
name and only gets a description; one without words (a search box, a spin box, a list) is named
here. The timeline names itself as its selection moves (:mod:`timeline_speech`); the map names
itself after what it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QToolButton, QWidget

if TYPE_CHECKING:
    from timeline_app.gui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("AccessibleNames", text)


def _name(widget: QWidget, name: str | None, description: str) -> None:
    if name is not None:
        widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def name_window(window: MainWindow) -> None:
    """Name and describe every control of ``window`` a person can reach."""
    filters, reader, timeline = window.filters, window.reader, window.timeline
    for line_edit in window.findChildren(QLineEdit):
        for button in line_edit.findChildren(QToolButton):  # the clear button Qt adds
            _name(button, _tr("Clear"), _tr("Empties the box."))
    _name(window.filter_scroll, _tr("Filters"), _tr("What the timeline, the map and the event list show."))
    _name(filters, _tr("Filters"), "")
    _name(filters.search, _tr("Search events"),
          _tr("Shows only events whose title, summary or quoted passages contain these words."))
    _name(filters.reviewer, _tr("Reviewer"),
          _tr("Shows the events any reviewer, one reviewer, both or only one of them mentions; "
              "the number of events is in brackets."))
    _name(filters.year_from, _tr("From year"), _tr("The first year the timeline shows."))
    _name(filters.year_to, _tr("To year"), _tr("The last year the timeline shows."))
    _name(filters.disputed, None,
          _tr("Shows only events whose facts the reviewers dispute; the timeline draws them hatched."))
    for box in filters.layer_boxes.values():
        _name(box, None, _tr("Shows or hides this kind of event: the historical record, scenes of the film, "
                             "or the film's reception."))
    _name(filters.themes, _tr("Themes"),
          _tr("Tick themes to show only their events; Space ticks the current one. "
              "The number of events is in brackets."))
    _name(filters.places, _tr("Places"),
          _tr("Tick places to show only their events; Space ticks the current one. "
              "The number of events is in brackets."))
    _name(filters.clear, None, _tr("Shows every event again (the years in view stay)."))
    _name(filters.shown, None, _tr("How many events the filters show."))
    _name(timeline.overview, _tr("Overview of all years"),
          _tr("Bars count the events of each year; the shaded window is the span the timeline shows. "
              "Left and right arrows move it, plus and minus narrow or widen it, Home resets it."))
    _name(timeline.band_plot, _tr("Leaders' periods"), _tr("Who led the Soviet Union in the years shown."))
    _name(timeline.legend, None, _tr("The key to the timeline's marks and its keys."))
    _name(window.map_pane.canvas, None,
          _tr("Where the events in view happened: circles sized by the number of events; click a place "
              "or use the place filter. Arrows pan, plus and minus zoom, Home fits the places, Escape "
              "clears the place filter."))
    _name(window.map_pane.legend, None, _tr("The key to the map."))
    _name(window.table, _tr("Events shown"),
          _tr("Every event the filters show in the years in view, one per row: date, title, places, themes, "
              "sources and kind (history, film scene or reception; disputed events say so). Arrows move "
              "and select; the menu key opens the event's menu."))
    _name(window.table.horizontalHeader(), _tr("Columns"), _tr("Click a column's title to sort by it."))
    _name(window.panes, _tr("About the selected event"),
          _tr("Its excerpts, what the reviewers made of it, and the reviews in full."))
    _name(window.excerpts, _tr("Excerpts"),
          _tr("The selected event's summary, where its facts come from, and the passages of the reviews "
              "behind it; Tab goes to each 'Show in review' link."))
    _name(window.commentary, _tr("What the reviewers made of it"),
          _tr("Each reviewer's comments on the selected event, side by side, and where they disagree."))
    _name(reader, _tr("Read the reviews"), "")
    _name(reader.source_box, _tr("Review"), _tr("Which review to read."))
    _name(reader.unused, None, _tr("Marks the review's text that no event quotes."))
    _name(reader.text, _tr("Review text"),
          _tr("The review in full; passages the store quotes are highlighted and named by kind."))
    _name(reader.find_box, _tr("Find in this review"), _tr("Enter finds the next match."))
    _name(reader.previous_button, _tr("Previous passage"), _tr("Goes to the previous passage the store uses."))
    _name(reader.next_button, _tr("Next passage"), _tr("Goes to the next passage the store uses."))
    _name(reader.copy_button, None, _tr("Copies the selected text, or the current passage, with a "
                                        "Chicago-style citation (Ctrl+Shift+C)."))
    _name(reader.legend, _tr("Highlight colours: excerpt, commentary, claim, not used"), "")
