"""The core's words a person reads, translated where the window shows them.

The core imports no Qt, so its labels (lane groupings, layers, date bases, certainties, what an
old store lacks) are English there; this catalogue lists them for lupdate, keyed by the English
text, and :func:`core_word` looks them up. A test checks that every label the core defines is
listed, so a new one cannot slip past the translation. Error messages from the core (a store
that cannot be opened, a file with bad rows) stay English: they name files, lines and fields.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from timeline_app.model.layout import FILM_LANE, Lane
from timeline_app.sources.event_details import PassageView

CONTEXT = "core"

WORDS = (
    # model/layout.py GROUPINGS and FILM_LANE_NAME
    QT_TRANSLATE_NOOP("core", "Film scenes (not history)"),
    QT_TRANSLATE_NOOP("core", "Theme"),
    QT_TRANSLATE_NOOP("core", "Place"),
    QT_TRANSLATE_NOOP("core", "Reviewer"),
    # sources/event_details.py LAYERS
    QT_TRANSLATE_NOOP("core", "history"),
    QT_TRANSLATE_NOOP("core", "a scene of the film"),
    QT_TRANSLATE_NOOP("core", "the film's making and reception"),
    # model/filters.py LAYER_NAMES
    QT_TRANSLATE_NOOP("core", "film scenes"),
    QT_TRANSLATE_NOOP("core", "the film's reception"),
    # sources/event_details.py DATE_BASES
    QT_TRANSLATE_NOOP("core", "a passage of the reviews states the date"),
    QT_TRANSLATE_NOOP("core", "the date comes from outside the reviews"),
    QT_TRANSLATE_NOOP("core", "the film's plot dates it"),
    QT_TRANSLATE_NOOP("core", "where the date comes from is not recorded"),
    # store/schema.py CERTAINTIES
    QT_TRANSLATE_NOOP("core", "exact"),
    QT_TRANSLATE_NOOP("core", "approximate"),
    QT_TRANSLATE_NOOP("core", "disputed"),
    # export/registry.py EXPORTERS (the pictures' labels are marked in gui/picture_formats.py)
    QT_TRANSLATE_NOOP("core", "CSV table of events"),
    QT_TRANSLATE_NOOP("core", "JSON with excerpts, commentary and claims"),
    QT_TRANSLATE_NOOP("core", "TimelineJS 3 JSON"),
    QT_TRANSLATE_NOOP("core", "TimelineJS sheet (CSV)"),
    QT_TRANSLATE_NOOP("core", "Timeline (.timeline)"),
    # store/event_store.py EventStore.lacks()
    QT_TRANSLATE_NOOP("core", "this store follows contract version 1: it records no layers (history, film, "
                              "reception), date bases, outside facts or voices, so these show as unknown"),
)


def core_word(text: str) -> str:
    """``text`` from the core in the interface's language (itself if it is not in the catalogue)."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def lane_name(lane: Lane) -> str:
    """A lane's name as the timeline shows it: the store's theme, place or source name, or the film's lane."""
    return core_word(lane.name) if lane.key == FILM_LANE else lane.name


def voice_words(view: PassageView) -> str:
    """Who speaks in a passage, in words: "", "retelling the film: Lyuda", "quoting V. A. Kozlov"."""
    quote = view.quote
    if quote.voice == "film":
        if quote.speaker:
            return QCoreApplication.translate("core", "retelling the film: {speaker}").format(speaker=quote.speaker)
        return QCoreApplication.translate("core", "retelling the film")
    if quote.voice == "quoted":
        return QCoreApplication.translate("core", "quoting {speaker}").format(
            speaker=quote.speaker or QCoreApplication.translate("core", "someone else"))
    return quote.speaker
