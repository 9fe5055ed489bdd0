"""The commentary pane: what each reviewer made of the event, side by side, and where the sources disagree."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline_app.gui.plain_text import clip
from timeline_app.sources.event_details import EventDetails, PassageView

DISAGREE = "background-color:#fde2e1; color:#111111; border:1px solid #c0392b;"
RECORD = "the historical record"


def _e(text: str) -> str:
    return html.escape(clip(text, 20_000))


def _said(view: PassageView) -> str:
    who = f"<br><span style='color:#555'>({_e(view.voice_label)})</span>" if view.voice_label else ""
    note = f"<br><span style='font-style:italic'>Editor's note: {_e(view.quote.note)}</span>" if view.quote.note else ""
    return f"“{_e(view.quote.quote)}”{who}{note}"


def commentary_html(details: EventDetails) -> str:
    """The reviewers' judgements in one column each, then one block per disputed point with every side."""
    sources = details.sources
    parts: list[str] = []
    discussing = details.discussing
    if len(discussing) == 1 and len(sources) > 1:
        parts.append(f"<p><b>Only {_e(details.source(discussing[0]).author)} discusses this event.</b></p>")
    width = 100 // max(1, len(sources))
    cells = []
    for source in sources:
        cell = [f"<h3 style='margin-bottom:0'>{_e(source.author)}</h3>",
                f"<p style='margin-top:0; font-style:italic'>{_e(source.publication)}</p>"]
        comments = details.commentary.get(source.id, [])
        if comments:
            cell += [f"<p>{_said(view)}</p>" for view in comments]
        elif source.id in discussing:
            cell.append("<p style='font-style:italic'>Reports the event without comment.</p>")
        else:
            cell.append(f"<p style='font-style:italic'>{_e(source.author)} does not mention this event.</p>")
        cells.append(f"<td width='{width}%' valign='top' style='padding:4px 10px'>{''.join(cell)}</td>")
    parts.append(f"<table width='100%' cellspacing='0'><tr>{''.join(cells)}</tr></table>")
    for topic, views in details.claims.items():
        parts.append(_dispute_html(details, topic, views))
    return "".join(parts)


def _dispute_html(details: EventDetails, topic: str, views: list[PassageView]) -> str:
    record = [v for v in views if not v.quote.source_id]
    columns: list[tuple[str, list[PassageView]]] = [(s.author, [v for v in views if v.quote.source_id == s.id])
                                                    for s in details.sources]
    if record:
        columns.append((RECORD, record))
    sides = []
    for name, mine in columns:
        if mine:
            text = "".join(f"<p><b>{_e(v.quote.value)}</b><br>"
                           + (f"<i>Rests on: {_e(v.quote.ref)}</i>" if not v.quote.source_id else _said(v))
                           + "</p>" for v in mine)
        else:
            text = "<p style='color:#444'>Makes no claim on this point.</p>"
        sides.append(f"<td width='{100 // len(columns)}%' valign='top' style='padding:4px 10px'>"
                     f"<i>{_e(name[:1].upper() + name[1:])}</i>{text}</td>")
    claimants = {v.quote.source_id or RECORD for v in views}
    if len(claimants) > 1:
        heading = f"Sources disagree: {topic}"
    else:
        only = RECORD if not views[0].quote.source_id else details.source(views[0].quote.source_id).author
        heading = f"Only {only} makes a claim: {topic}"
    return (f"<table width='100%' cellspacing='0' style='{DISAGREE} margin-top:8px'>"
            f"<tr><td colspan='{len(columns)}' style='padding:4px 10px'><b>⚠ {_e(heading)}</b></td></tr>"
            f"<tr>{''.join(sides)}</tr></table>")


class CommentaryPane(QTextBrowser):
    """Two columns, one per reviewer, with a block for each disputed point where every side stands."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.show_details(None)

    def show_details(self, details: EventDetails | None) -> None:
        """Fill the pane for an event (None: a hint)."""
        if details is None:
            self.setHtml("<p style='font-style:italic'>What each reviewer made of the selected event appears here, "
                         "side by side.</p>")
            return
        self.setHtml(commentary_html(details))
