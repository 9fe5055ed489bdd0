"""The excerpt pane: the selected event, where its date comes from, and every passage behind it."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline_app.gui.plain_text import clip
from timeline_app.sources.event_details import DATE_BASES, LAYERS, EventDetails, PassageView
from timeline_app.sources.passages import marked_html

HIGHLIGHT = "background-color:#ffe08a; color:#111111;"
NO_PASSAGE = "No source passage"
FILM_BANNER = "background-color:#e8e0f5; color:#2b1d4a; padding:4px;"


def _e(text: str, limit: int = 20_000) -> str:
    return html.escape(clip(text, limit))


def provenance_html(details: EventDetails) -> str:
    """Where the event and its date come from, and every outside fact with its reference."""
    parts = []
    if details.layer != "history":
        layer = LAYERS.get(details.layer, details.layer)
        parts.append(f"<p style='{FILM_BANNER}'><b>▣ Not the historical record:</b> {_e(layer)} as the reviews "
                     "tell it.</p>")
    basis = DATE_BASES.get(details.date_basis, details.date_basis) if details.provenance_known else \
        "this store (contract version 1) does not record where dates come from"
    parts.append(f"<p style='margin-top:0'><b>Date:</b> {_e(details.when)} ({_e(details.certainty)}); {_e(basis)}.</p>")
    if details.outside_facts:
        items = "".join(f"<li>{_e(fact)} <i>— {_e(ref)}</i></li>" for fact, ref in details.outside_facts)
        parts.append(f"<p style='margin-bottom:0'><b>From outside the reviews:</b></p>"
                     f"<ul style='margin-top:0'>{items}</ul>")
    return "".join(parts)


def passage_html(view: PassageView, details: EventDetails) -> str:
    """One passage: who says it (and in whose voice), the paragraph around it, and a link into the review."""
    q = view.quote
    source = details.source(q.source_id)
    heading = f"{source.author} — {source.publication}, {source.published}".rstrip(", ")
    voice = f" <span style='color:#555'>({_e(view.voice_label)})</span>" if view.voice_label else ""
    parts = [f"<p style='margin-bottom:2px'><b>{_e(heading)}</b>{voice}</p>"]
    if view.verified and view.context is not None:
        context = view.context
        if len(context.paragraph) > 20_000:  # show the quote itself, not a paragraph of megabytes
            context = type(context)(context.paragraph[context.start:context.end][:20_000], 0,
                                    min(context.end - context.start, 20_000))
        body = marked_html(context.paragraph, [(context.start, context.end, HIGHLIGHT)])
        link = f"review:{q.source_id}:{q.start}:{q.end}"
        parts.append(f"<blockquote style='margin-top:0'>{body}<br><a href='{link}'>Show in review</a>")
    else:
        parts.append(f"<blockquote>{_e(q.quote)}<br><i>Unverified: this source was registered without its text, "
                     "so the quotation could not be checked.</i>")
    if q.note:
        parts.append(f"<br><span style='font-style:italic'>Editor's note: {_e(q.note)}</span>")
    parts.append("</blockquote>")
    return "".join(parts)


class ExcerptPane(QTextBrowser):
    """Shows the selected event's summary, provenance and excerpts, each with its reviewer and voice.

    Signals:
      sigShowInReview(str, int, int): source id and the passage's offsets, when "Show in review" is clicked.
    """

    sigShowInReview = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.show_details(None)

    def show_details(self, details: EventDetails | None) -> None:
        """Fill the pane for an event (None: a hint to select one)."""
        if details is None:
            self.setHtml("<p style='font-style:italic'>Select an event on the timeline or in the table to read "
                         "the passages behind it.</p>")
            return
        parts = [
            f"<h2 style='margin-bottom:2px'>{_e(details.title, 500)}</h2>",
            f"<p style='margin:0'>{_e(', '.join(details.places), 2000)} · {_e(', '.join(details.themes), 2000)}</p>",
            provenance_html(details),
            f"<p>{_e(details.summary)}</p>",
            f"<h3>Passages ({len(details.excerpts)})</h3>" if details.excerpts else
            f"<p style='color:gray'><b>{_e(NO_PASSAGE)}</b>: an event of your own that no passage of a "
            "source backs.</p>",
            *(passage_html(view, details) for view in details.excerpts),
        ]
        self.setHtml("".join(parts))

    def _on_link(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 4 and parts[0] == "review" and parts[2].isdigit() and parts[3].isdigit():
            self.sigShowInReview.emit(parts[1], int(parts[2]), int(parts[3]))
