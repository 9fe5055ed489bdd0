"""The review reader: passages linked both ways to the timeline, coverage, find and citations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QGuiApplication, QTextCursor

from conftest import SHIPPED_STORE
from timeline_app.cli import cli
from timeline_app.gui.main_window import MainWindow

DOYLE_CITATION = ("Doyle, Clare. “Film Review: Dear Comrades!” The Socialist (Socialist Party, England and Wales), "
                  "February 17, 2021. https://www.socialistparty.org.uk/articles/32053/17-02-2021/"
                  "film-review-dear-comrades.")
WEISS_CITATION = ("Weiss, Clara. “Dear Comrades: Russian film about the 1962 Novocherkassk massacre.” "
                  "World Socialist Web Site, February 9, 2021. "
                  "https://www.wsws.org/en/articles/2021/02/10/novo-f10.html.")


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.open_store(SHIPPED_STORE, quiet=True)
    win.restore_settings()
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    win.panes.setCurrentWidget(win.reader)
    return win


def _cursor_for(window: MainWindow, words: str) -> QTextCursor:
    cursor = window.reader.text.document().find(words)
    assert not cursor.isNull(), words
    return cursor


def test_clicking_a_passage_selects_its_event(window: MainWindow, qtbot) -> None:
    reader = window.reader
    reader.show_source("weiss-2021")
    quote = "Seven young workers were accused"
    expected = next(p.event_id for p in reader.passages if quote in p.quote)
    cursor = _cursor_for(window, quote)
    cursor.setPosition(cursor.selectionStart() + 3)
    reader.text.setTextCursor(cursor)
    reader.text.ensureCursorVisible()
    point = reader.text.cursorRect(cursor).center()
    qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.state.selection == expected
    assert window.table.currentIndex().data(Qt.ItemDataRole.UserRole + 2) == expected
    assert window.timeline.items.selected == window.state.catalog.index_of[expected]


def test_selecting_an_event_scrolls_to_and_highlights_its_passages(window: MainWindow) -> None:
    reader = window.reader
    reader.show_source("weiss-2021")
    window.state.select("miners-strikes-1989")  # only Doyle tells of it, near the end of her review
    assert reader.source_id == "doyle-2021"
    passage = next(p for p in reader.passages if p.event_id == "miners-strikes-1989")
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(_cursor_for(window, passage.quote[:40]).selectionStart() + 1)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    assert reader.text.verticalScrollBar().value() > 0
    other = next(p for p in reader.passages if p.event_id != "miners-strikes-1989")
    cursor.setPosition(_cursor_for(window, other.quote[:40]).selectionStart() + 1)
    assert cursor.charFormat().fontWeight() != QFont.Weight.Bold


def test_show_in_review_lands_in_the_reader(window: MainWindow) -> None:
    window.panes.setCurrentWidget(window.excerpts)
    window.state.select("novocherkassk-massacre")
    quote = next(q for q in window.state.store.quotes("novocherkassk-massacre") if q.source_id == "doyle-2021")
    window.show_in_review(quote.source_id, quote.start, quote.end)
    assert window.panes.currentWidget() is window.reader
    assert window.reader.source_id == "doyle-2021"
    assert window.reader.passages[window.reader.current].quote == quote.quote


def _count_used_sentences(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    # An independent count: walk the text, cutting a sentence after . ! ? (and closing quotes) or a line break.
    sentences, start, k = [], 0, 0
    while k < len(text):
        if text[k] == "\n":
            sentences.append((start, k))
            start = k + 1
        elif text[k] in ".!?…":
            j = k + 1
            while j < len(text) and text[j] in "\"'”’)":
                j += 1
            if j < len(text) and text[j] in " \t":
                sentences.append((start, j))
                start = j + 1
                k = j
        k += 1
    sentences.append((start, len(text)))
    sentences = [(a, b) for a, b in sentences if text[a:b].strip()]
    used = sum(1 for a, b in sentences if any(s < b and e > a for s, e in spans))
    return used, len(sentences)


@pytest.mark.parametrize("source_id", ["doyle-2021", "weiss-2021"])
def test_the_used_share_matches_a_count_made_here(window: MainWindow, source_id: str) -> None:
    reader = window.reader
    reader.show_source(source_id)
    store = window.state.store
    text = store.sources()[source_id]["text"]
    spans = [(q.start, q.end) for q in store.quotes() if q.source_id == source_id and q.start is not None]
    used, total = _count_used_sentences(text, spans)
    assert reader.figure.text() == f"{round(100 * used / total)}% of sentences used ({used} of {total})"
    reader.unused.setChecked(True)
    unused_sentence = next(text[a:b] for a, b in reader.coverage.unused_spans if b - a > 20)
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(_cursor_for(window, unused_sentence[:20]).selectionStart() + 1)
    assert cursor.charFormat().background().color().name() == "#e4e4e4"


@pytest.mark.parametrize(("source_id", "citation"), [("doyle-2021", DOYLE_CITATION), ("weiss-2021", WEISS_CITATION)])
def test_copy_citation_puts_the_passage_and_chicago_citation_on_the_clipboard(
    window: MainWindow, source_id: str, citation: str
) -> None:
    reader = window.reader
    reader.show_source(source_id)
    reader.go_to(0, announce=False)
    quote = reader.passages[0].quote
    reader.copy_citation()
    data = QGuiApplication.clipboard().mimeData()
    assert data.text() == f"“{quote}”\n\n{citation}"
    assert "<i>" in data.html() and citation.split("”")[0] in data.html()


def test_copy_citation_of_selected_text(window: MainWindow, qtbot) -> None:
    reader = window.reader
    reader.show_source("weiss-2021")
    reader.text.setFocus()
    reader.text.setTextCursor(_cursor_for(window, "the real number was never established"))
    qtbot.keyClick(reader.text, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == f"“the real number was never established”\n\n{WEISS_CITATION}"


def test_find_within_the_review_and_step_through_passages(window: MainWindow, qtbot) -> None:
    reader = window.reader
    reader.show_source("doyle-2021")
    reader.text.setFocus()
    window.focus_search()  # Ctrl+F while the reader has focus finds in the review
    assert reader.find_box.hasFocus()
    qtbot.keyClicks(reader.find_box, "Krasnodar")
    qtbot.keyClick(reader.find_box, Qt.Key.Key_Return)
    assert reader.text.textCursor().selectedText() == "Krasnodar"
    first = reader.text.textCursor().position()
    assert reader.find_next()
    assert reader.text.textCursor().position() > first
    reader.current = None
    reader.step(1)
    assert window.state.selection == reader.passages[0].event_id
    reader.step(1)
    assert reader.current == 1
    reader.step(-1)
    assert reader.current == 0
    window.filters.search.setFocus()
    window.focus_search()
    assert window.filters.search.hasFocus()


def test_json_export_carries_the_same_citations(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "v.json"), "--from", "1900", "--to", "2030"])
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "v.json").read_text())
    citations = {s["id"]: s["citation"] for s in document["sources"]}
    assert citations == {"doyle-2021": DOYLE_CITATION, "weiss-2021": WEISS_CITATION}
    excerpt = document["events"][0]["excerpts"][0]
    assert excerpt["citation"] == citations[excerpt["source"]]
