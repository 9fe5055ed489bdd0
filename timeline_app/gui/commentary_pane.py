"""The commentary pane: what each reviewer made of the event, side by side, and where they disagree."""

from __future__ import annotations

import html
from collections import defaultdict

from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline_app.model.explorer_state import ExplorerState

DISAGREE = "background-color:#fde2e1; color:#111111; border:1px solid #c0392b;"


class CommentaryPane(QTextBrowser):
    """Two columns, one per reviewer, with a "Reviewers disagree" block for each disputed point."""

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setOpenLinks(False)
        self.show_event(None)

    def show_event(self, event_id: str | None) -> None:
        """Fill the pane for ``event_id`` (None: a hint)."""
        store = self.state.store
        if event_id is None or store is None or event_id not in self.state.catalog.index_of:
            self.setHtml("<p style='color:gray'>What each reviewer made of the selected event appears here, "
                         "side by side.</p>")
            return
        sources = store.sources()
        quotes = store.quotes(event_id)
        by_source: dict[str, list] = defaultdict(list)
        for quote in quotes:
            by_source[quote.source_id].append(quote)
        discussing = [sid for sid in sources if by_source.get(sid)]
        parts: list[str] = []
        if len(discussing) == 1:
            who = sources[discussing[0]]["author"]
            parts.append(f"<p><b>Only {html.escape(who)} discusses this event.</b></p>")
        width = 100 // max(1, len(sources))
        cells = []
        for sid, source in sources.items():
            cell = [f"<h3 style='margin-bottom:0'>{html.escape(source['author'])}</h3>",
                    f"<p style='margin-top:0; color:gray'>{html.escape(source['publication'] or '')}</p>"]
            comments = [q for q in by_source.get(sid, []) if q.kind == "commentary"]
            if comments:
                cell += [f"<p>“{html.escape(q.quote)}”</p>" for q in comments]
            elif by_source.get(sid):
                cell.append("<p style='color:gray'>Reports the event without comment.</p>")
            else:
                cell.append(f"<p style='color:gray'>{html.escape(source['author'])} does not mention this event."
                            "</p>")
            cells.append(f"<td width='{width}%' valign='top' style='padding:4px 10px'>{''.join(cell)}</td>")
        parts.append(f"<table width='100%' cellspacing='0'><tr>{''.join(cells)}</tr></table>")
        claims: dict[str, list] = defaultdict(list)
        for quote in quotes:
            if quote.kind == "claim":
                claims[quote.topic].append(quote)
        for topic, rows in sorted(claims.items()):
            sides = []
            for sid, source in sources.items():
                mine = [q for q in rows if q.source_id == sid]
                if mine:
                    text = "".join(f"<p><b>{html.escape(q.value)}</b><br>“{html.escape(q.quote)}”</p>" for q in mine)
                else:
                    text = "<p style='color:#444'>Makes no claim on this point.</p>"
                sides.append(f"<td width='{width}%' valign='top' style='padding:4px 10px'>"
                             f"<i>{html.escape(source['author'])}</i>{text}</td>")
            claimants = {q.source_id for q in rows}
            if len(claimants) > 1:
                heading = f"Reviewers disagree: {topic}"
            else:
                heading = f"Only {sources.get(rows[0].source_id, {}).get('author', 'one reviewer')} claims: {topic}"
            parts.append(
                f"<table width='100%' cellspacing='0' style='{DISAGREE} margin-top:8px'>"
                f"<tr><td colspan='{len(sources)}' style='padding:4px 10px'><b>⚠ {html.escape(heading)}"
                f"</b></td></tr><tr>{''.join(sides)}</tr></table>"
            )
        self.setHtml("".join(parts))
