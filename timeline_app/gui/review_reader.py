"""The review reader: either review in full, every passage the store uses highlighted and linked."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from timeline_app.gui.clipboard import copy_to_clipboard
from timeline_app.gui.plain_text import clip, plain_label, rich_label, tooltip_text
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.model.date_words import date_words
from timeline_app.model.explorer_state import ExplorerState
from timeline_app.sources.citations import chicago_citation_html, quoted_passage
from timeline_app.sources.review_coverage import Passage, coverage, passages_of, segments

KIND_COLORS = {"excerpt": "#ffe08a", "commentary": "#b9dcff", "claim": "#ffc2c2"}
KIND_NAMES = {"excerpt": "excerpt", "commentary": "commentary", "claim": "claim"}
UNUSED = "#e4e4e4"
#: Each kind also has a type style, so colour is not the only thing that tells them apart.
KIND_STYLES = {"excerpt": "", "commentary": "font-style:italic;", "claim": "text-decoration:overline;"}


class ReviewReader(QWidget):
    """Shows one review at a time with its passages highlighted by kind.

    Signals:
      sigEventClicked(str): the event of a passage the user clicked or stepped to.
      sigMessage(str): a short note for the status bar (a citation was copied).
    """

    sigEventClicked = Signal(str)
    sigMessage = Signal(str)

    def __init__(self, state: ExplorerState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.source_id: str | None = None
        self.passages: list[Passage] = []
        self._loaded, self._stale = False, False
        self._pending_event: str | None = None
        self.current: int | None = None
        self.source_box = QComboBox()
        self.source_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.source_box.setMinimumContentsLength(14)  # an author's name stays whole in a narrow pane
        self.unused = QCheckBox("Mark text no event uses")
        self.figure = plain_label()
        self.find_box = QLineEdit(placeholderText="Find in this review")
        self.find_box.setClearButtonEnabled(True)
        self.previous_button = QPushButton("◂ Previous")
        self.previous_button.setToolTip("Go to the previous passage the store uses")
        self.next_button = QPushButton("Next ▸")
        self.next_button.setToolTip("Go to the next passage the store uses")
        self.copy_button = QPushButton("Copy citation")
        self.copy_button.setToolTip("Copy the selected text, or the current passage, with a Chicago-style "
                                    "citation (Ctrl+Shift+C)")
        legend = "   ".join(f"<span style='background:{color}; color:#111; {KIND_STYLES[k]}'>"
                            f"&nbsp;{KIND_NAMES[k]}&nbsp;</span>" for k, color in KIND_COLORS.items())
        unused = f"<span style='background:{UNUSED}; color:#111'>&nbsp;not used&nbsp;</span>"
        self.legend = rich_label(f"{legend}   {unused}")
        self.header = rich_label()
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Two short rows rather than one long one: the pane must fit beside the table on a small screen.
        bar = QHBoxLayout()
        for widget in (self.source_box, self.unused):
            bar.addWidget(widget)
        bar.addStretch(1)
        key = QHBoxLayout()
        key.addWidget(self.legend)
        key.addStretch(1)
        key.addWidget(self.figure)
        self.figure.setWordWrap(True)
        tools = QHBoxLayout()
        for widget in (self.find_box, self.previous_button, self.next_button, self.copy_button):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(key)
        layout.addWidget(self.header)
        layout.addWidget(self.text, 1)
        layout.addLayout(tools)
        self.copy_action = QAction("Copy citation", self)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_citation)
        self.addAction(self.copy_action)
        self.source_box.currentIndexChanged.connect(lambda _i: self.show_source(self.source_box.currentData()))
        self.unused.toggled.connect(lambda _on: self.redraw_text())
        self.text.anchorClicked.connect(self._on_link)
        self._focus_click = False
        self.text.viewport().installEventFilter(self)
        self.text.customContextMenuRequested.connect(self._context_menu)
        self.find_box.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(lambda: self.step(1))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.copy_button.clicked.connect(self.copy_citation)

    # -- content -------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Offer the sources of the open store and show the first."""
        self.source_box.blockSignals(True)
        self.source_box.clear()
        if self.state.store is not None:
            for sid, source in self.state.store.sources().items():
                self.source_box.addItem(source["author"], sid)
                self.source_box.setItemData(self.source_box.count() - 1,
                                            tooltip_text(source["publication"] or ""), Qt.ItemDataRole.ToolTipRole)
        self.source_box.blockSignals(False)
        self.show_source(self.source_box.currentData())

    def show_source(self, source_id: str | None) -> None:
        """Show the review ``source_id`` in full (read and laid out once the reader is on screen)."""
        self.source_id, self.current, self.passages, self._loaded = source_id, None, [], False
        if source_id is not None and self.source_box.currentData() != source_id:
            self.source_box.setCurrentIndex(self.source_box.findData(source_id))
            return  # the combo box's signal comes back here
        store = self.state.store
        if store is None or source_id is None:
            self.text.clear()
            return
        self.source = store.sources()[source_id]
        published = self.source.get("published") or ""
        published = date_words(published, words=window_date_words()) if published else ""
        self.header.setText(
            f"<b>{html.escape(self.source['title'])}</b> — {html.escape(self.source['author'])}, "
            f"<i>{html.escape(self.source.get('publication') or '')}</i>, {html.escape(published)}<br>"
            f"<span style='font-style:italic'>{html.escape(self.source.get('url') or '')}</span>")
        self.redraw_text()

    def _ensure_loaded(self) -> None:
        # Only this source's passages, and only when shown: a large store has many.
        if self._loaded or not self.source_id or self.state.store is None:
            return
        self.passages = passages_of(self.state.store.quotes(source_id=self.source_id), self.source_id)
        self.coverage = coverage(self.source["text"] or "", self.passages)
        self.figure.setText(self.coverage.describe())
        self._loaded = True

    def redraw_text(self) -> None:
        """Redraw the text: passages coloured by kind, the selected event's in bold, unused text if asked.

        While the reader is hidden this only notes that it must redraw when shown: a long
        review with many passages costs a moment to lay out.
        """
        if not self.source_id:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._ensure_loaded()
        text = self.source["text"] or ""
        unused = self.coverage.unused_spans if self.unused.isChecked() else ()
        out: list[str] = []
        for segment in segments(text, self.passages, self.state.selection):
            chunk = html.escape(text[segment.start:segment.end]).replace("\n", "<br>")
            if segment.kind is None:
                if any(s < segment.end and e > segment.start for s, e in unused):
                    chunk = self._mark_unused(text, segment.start, segment.end, unused)
                out.append(chunk)
                continue
            style = (f"background-color:{KIND_COLORS[segment.kind]}; color:#111111; text-decoration:none; "
                     f"{KIND_STYLES[segment.kind]}")
            current = self.current is not None and self.passages[self.current].start <= segment.start \
                and segment.end <= self.passages[self.current].end
            if segment.selected or current:
                style += " font-weight:bold; text-decoration:underline;"
            out.append(f'<a href="passage:{segment.passage}" style="{style}">{chunk}</a>')
        position = self.text.verticalScrollBar().value()
        self.text.setHtml(f"<div style='line-height:140%'>{''.join(out)}</div>")
        self.text.verticalScrollBar().setValue(position)  # marking unused text must not jump to the top

    def showEvent(self, event) -> None:
        super().showEvent(event)
        pending, self._pending_event = self._pending_event, None
        if pending is not None:
            self.show_event(pending)
        elif self._stale:
            self.redraw_text()
            if self.current is not None:
                QTimer.singleShot(0, lambda: self.current is not None and self._scroll_to(self.current))

    def _scroll_to(self, number: int) -> None:
        # Scroll by character position (no anchor per passage needed in the document) so that the
        # passage's first line sits a quarter down the view, never cut at its edge.
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(min(self.passages[number].start, self.text.document().characterCount() - 1))
        self.text.setTextCursor(cursor)
        top = self.text.cursorRect(cursor).top()
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.value() + top - self.text.viewport().height() // 4)

    def scrolled_passage_top(self) -> int | None:
        """Where the current passage's first line is in the view, in pixels from its top (None: none)."""
        if self.current is None:
            return None
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(min(self.passages[self.current].start, self.text.document().characterCount() - 1))
        return self.text.cursorRect(cursor).top()

    @staticmethod
    def _mark_unused(text: str, start: int, end: int, unused) -> str:
        pieces, cursor = [], start
        for s, e in unused:
            s, e = max(s, start), min(e, end)
            if s >= e:
                continue
            pieces.append(html.escape(text[cursor:s]))
            pieces.append(f"<span style='background-color:{UNUSED}; color:#111111'>{html.escape(text[s:e])}</span>")
            cursor = e
        pieces.append(html.escape(text[cursor:end]))
        return "".join(pieces).replace("\n", "<br>")

    # -- navigation ----------------------------------------------------------------------------------
    def show_event(self, event_id: str | None) -> None:
        """Scroll to the first passage of ``event_id``, switching review if only the other one has it.

        While the reader is hidden this is remembered and done when it is shown.
        """
        if not self.isVisible():
            self._pending_event, self._stale = event_id, True
            return
        if event_id is None or self.state.store is None:
            self.redraw_text()
            return
        quotes = [q for q in self.state.store.quotes(event_id) if q.start is not None]
        if quotes and self.source_id not in {q.source_id for q in quotes}:
            self.show_source(quotes[0].source_id)
        self._ensure_loaded()
        mine = [p for p in self.passages if p.event_id == event_id]
        if mine:
            self.go_to(mine[0].number, announce=False)
        else:
            self.redraw_text()

    def show_passage(self, source_id: str, start: int, end: int) -> None:
        """Show the passage at these offsets ("Show in review" lands here)."""
        self.show_source(source_id)
        self._ensure_loaded()
        match = next((p for p in self.passages if p.start == start and p.end == end), None)
        if match is not None:
            self.go_to(match.number, announce=False)

    def go_to(self, number: int, announce: bool = True) -> None:
        """Make passage ``number`` current, scroll to it, and (if ``announce``) select its event."""
        self.current = number
        if announce:
            self.sigEventClicked.emit(self.passages[number].event_id)
        self.redraw_text()
        if self.isVisible():
            self._scroll_to(number)
            QTimer.singleShot(0, lambda: self.current == number and self._scroll_to(number))  # once laid out

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) passage in text order."""
        self._ensure_loaded()
        if not self.passages:
            return
        if self.current is None:
            target = 0 if direction > 0 else len(self.passages) - 1
        else:
            target = (self.current + direction) % len(self.passages)
        self.go_to(target)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.text.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            # A click that only brings focus to the text must not select an event and move the timeline.
            self._focus_click = not self.text.hasFocus()
        return super().eventFilter(watched, event)

    def _on_link(self, url: QUrl) -> None:
        if self._focus_click:
            self._focus_click = False
            return
        kind, _, number = url.toString().partition(":")
        if kind == "passage" and number.isdigit() and int(number) < len(self.passages):
            self.go_to(int(number))

    def start_find(self) -> None:
        """Put the cursor in the find box."""
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> bool:
        """Find the next occurrence of the find box's text, wrapping round at the end."""
        words = self.find_box.text()
        if not words:
            return False
        if self.text.find(words):
            return True
        self.text.moveCursor(QTextCursor.MoveOperation.Start)
        return self.text.find(words, QTextDocument.FindFlag(0))

    # -- citations -----------------------------------------------------------------------------------
    def citation_text(self) -> tuple[str, str] | None:
        """(plain, html) for the selected text, or else the current passage, with its citation."""
        if not self.source_id:
            return None
        selected = self.text.textCursor().selectedText().replace("\u2029", "\n").strip()
        if not selected and self.current is not None:
            selected = self.passages[self.current].quote
        if not selected:
            return None
        plain = quoted_passage(selected, self.source)
        rich = f"<p>“{html.escape(selected)}”</p><p>{chicago_citation_html(self.source)}</p>"
        return plain, rich

    def copy_citation(self) -> None:
        """Put the passage and its citation on the clipboard, as rich text and as plain text."""
        texts = self.citation_text()
        if texts is None:
            self.figure.setText("Select text or a passage first, then copy its citation.")
            return
        copy_to_clipboard(texts[0], texts[1])
        words = texts[0].split("\n", 1)[0]
        self.sigMessage.emit(f"Copied {clip(words, 60)} with its citation")

    def _context_menu(self, position) -> None:
        menu = self.text.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addAction(self.copy_action)
        menu.exec(self.text.viewport().mapToGlobal(position))
