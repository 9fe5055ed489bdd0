"""A window showing one review in full, scrolled to a passage."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from timeline_app.dates import format_date
from timeline_app.passages import marked_html

HIGHLIGHT = "background-color:#ffe08a; color:#111111;"


class ReviewDialog(QDialog):
    """The whole text of one review with one passage highlighted and scrolled into view."""

    def __init__(self, source: dict, start: int, end: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{source['author']}: {source['title']}")
        self.resize(760, 680)
        layout = QVBoxLayout(self)
        published = format_date(source["published"]) if source.get("published") else ""
        header = QLabel(
            f"<b>{html.escape(source['title'])}</b><br>{html.escape(source['author'])}, "
            f"{html.escape(source.get('publication') or '')}, {html.escape(published)}<br>"
            f"<span style='color:gray'>{html.escape(source.get('url') or '')}</span>"
        )
        header.setWordWrap(True)
        self.text = QTextBrowser()
        body = marked_html(source["text"], [(start, end, HIGHLIGHT)])
        # An anchor just before the passage lets the browser scroll to it.
        marker = '<span style="'
        at = body.find(marker)
        if at >= 0:
            body = body[:at] + '<a name="passage"></a>' + body[at:]
        self.text.setHtml(f"<div style='line-height:140%'>{body}</div>")
        self.text.scrollToAnchor("passage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(header)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.text.scrollToAnchor("passage")
