"""The excerpt pane: every verbatim passage behind the selected event, in its paragraph."""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline_app.model.explorer_state import ExplorerState
from timeline_app.sources.passages import marked_html, paragraph_around
from timeline_app.store.dates import format_date, format_span

HIGHLIGHT = "background-color:#ffe08a; color:#111111;"


class ExcerptPane(QTextBrowser):
    """Shows the selected event's summary and its excerpts, each with reviewer, publication and date.

    Signals:
      sigShowInReview(str, int, int): source id and the passage's offsets, when "Show in review" is clicked.
    """

    sigShowInReview = Signal(str, int, int)

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_link)
        self.show_event(None)

    def show_event(self, event_id: str | None) -> None:
        """Fill the pane for ``event_id`` (None: a hint to select an event)."""
        store, catalog = self.state.store, self.state.catalog
        if event_id is None or store is None or event_id not in catalog.index_of:
            self.setHtml("<p style='color:gray'>Select an event on the timeline or in the table to read "
                         "the passages behind it.</p>")
            return
        i = catalog.index_of[event_id]
        sources = store.sources()
        summary = store.rows("select summary from events where id = ?", (event_id,))[0]["summary"] or ""
        places = ", ".join(catalog.place_names.get(p, p) for p in catalog.places[i])
        themes = ", ".join(catalog.theme_names.get(t, t) for t in catalog.themes[i])
        parts = [
            f"<h2 style='margin-bottom:2px'>{html.escape(catalog.titles[i])}</h2>",
            f"<p style='margin-top:0'><b>{html.escape(format_span(catalog.starts[i], catalog.ends[i]))}</b>"
            f" ({html.escape(catalog.certainty[i])}) · {html.escape(places)} · {html.escape(themes)}</p>",
            f"<p>{html.escape(summary)}</p>",
        ]
        excerpts = [q for q in store.quotes(event_id) if q.kind == "excerpt"]
        parts.append(f"<h3>Passages ({len(excerpts)})</h3>")
        for quote in excerpts:
            source = sources.get(quote.source_id, {})
            heading = (f"{source.get('author', quote.source_id)} — {source.get('publication', '')}, "
                       f"{format_date(source['published']) if source.get('published') else ''}")
            parts.append(f"<p style='margin-bottom:2px'><b>{html.escape(heading)}</b></p>")
            text = source.get("text") or ""
            if quote.start is not None and text[quote.start:quote.end] == quote.quote:
                context = paragraph_around(text, quote.start, quote.end)
                body = marked_html(context.paragraph, [(context.start, context.end, HIGHLIGHT)])
                link = f"review:{quote.source_id}:{quote.start}:{quote.end}"
                parts.append(f"<blockquote style='margin-top:0'>{body}<br>"
                             f"<a href='{link}'>Show in review</a></blockquote>")
            else:
                parts.append(f"<blockquote>{html.escape(quote.quote)}<br><i>Unverified: this source was "
                             "registered without its text, so the quotation could not be checked.</i></blockquote>")
        self.setHtml("".join(parts))

    def _on_link(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 4 and parts[0] == "review":
            self.sigShowInReview.emit(parts[1], int(parts[2]), int(parts[3]))
