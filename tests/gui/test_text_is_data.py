"""Text from a store is shown as text in every widget and escaped in every format that would read it as markup."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from timeline_app.cli import cli
from timeline_app.gui.main_window import MainWindow

LINK = "<a href='file:///etc/passwd'>click</a>"
IMAGE = "<img src='/etc/hosts'>"
BOLD = "<b>bold</b>"


@pytest.fixture
def hostile_store(small_store: Path) -> Path:
    """The small store with markup in every text field a person reads."""
    conn = sqlite3.connect(small_store)
    conn.executescript(f"""
        update sources set author = "{LINK}", publication = "{IMAGE}", title = "{BOLD}" where id = 'doyle-2021';
        update events set title = "{LINK} title", summary = "{IMAGE} summary" where id = 'massacre';
        update places set name = "{BOLD} place" where id = 'novocherkassk';
        update themes set name = "{LINK} theme" where id = 'protest';
        update claims set value = "{IMAGE} value", topic = "{BOLD} topic";
        update meta set value = "{LINK} store" where key = 'title';
    """)
    conn.commit()
    conn.close()
    return small_store


@pytest.fixture
def window(qtbot, hostile_store: Path, tmp_path: Path) -> MainWindow:
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_store(hostile_store, quiet=True)
    win.show()
    win.state.select("massacre")
    return win


def test_no_label_renders_store_text_as_markup(window: MainWindow) -> None:
    for label in window.findChildren(QLabel):
        if label.textFormat() != Qt.TextFormat.PlainText:
            # Labels that show HTML on purpose must have escaped any store text in it.
            assert LINK not in label.text() and IMAGE not in label.text(), label.text()
    window.panes.setCurrentWidget(window.reader)
    window.reader.show_source("doyle-2021")
    header = window.reader.header
    assert header.textFormat() == Qt.TextFormat.RichText and "&lt;a href=" in header.text()


def test_the_panes_show_markup_as_the_words_it_is(window: MainWindow) -> None:
    excerpts = window.excerpts.toPlainText()
    assert LINK in excerpts and IMAGE in excerpts and BOLD in excerpts  # literally, as text
    assert not window.excerpts.document().toHtml().count("<img")
    commentary = window.commentary.toPlainText()
    assert f"{IMAGE} value" in commentary and f"{BOLD} topic" in commentary


def test_tooltips_of_the_table_and_sources_escape_store_text(window: MainWindow) -> None:
    model = window.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 2) == "massacre")
    tip = model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;a href=" in tip and "<a href" not in tip
    box = window.reader.source_box
    tips = [box.itemData(k, Qt.ItemDataRole.ToolTipRole) for k in range(box.count())]
    assert any("&lt;img" in (tip or "") for tip in tips) and not any("<img" in (tip or "") for tip in tips)


def test_the_about_box_escapes_the_sources(window: MainWindow) -> None:
    box = window.show_about()
    assert box.textFormat() == Qt.TextFormat.RichText
    assert "&lt;a" in box.text() and "<a " not in box.text() and "<img" not in box.text()
    box.close()


def test_an_error_box_shows_its_text_as_plain_text(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    seen: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: seen.append(self))
    odd = tmp_path / "<b>bold.db"
    odd.write_bytes(b"not a store at all" * 20)
    assert not window.open_store(odd)
    assert seen and seen[0].textFormat() == Qt.TextFormat.PlainText and "<b>bold.db" in seen[0].text()


def test_csv_json_timelinejs_and_svg_keep_markup_inert(hostile_store: Path, tmp_path: Path) -> None:
    for name in ("v.json", "tl.json", "v.svg"):
        fmt = ["--format", "timelinejs"] if name == "tl.json" else []
        result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / name), "--store", str(hostile_store),
                                          "--from", "1950", "--to", "1970", *fmt])
        assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "tl.json").read_text())
    texts = [document["title"]["text"]["headline"], document["title"]["text"]["text"]]
    for event in document["events"]:
        texts += [event["text"]["headline"], event["text"]["text"], event.get("group", "")]
    joined = " ".join(texts)
    assert "<a href" not in joined and "<img" not in joined and "&lt;a href=" in joined
    exported = json.loads((tmp_path / "v.json").read_text())
    assert any(e["title"] == f"{LINK} title" for e in exported["events"])  # JSON keeps the words as they are
    root = ET.parse(tmp_path / "v.svg").getroot()  # well-formed XML: the markup is escaped text
    svg_text = " ".join(el.text or "" for el in root.iter())
    assert f"{LINK} title"[:20] in svg_text or "click" in svg_text
    assert not any(el.tag.endswith(("}a", "}image")) for el in root.iter())


def test_a_ten_megabyte_title_in_one_word_opens_and_draws(qtbot, small_store: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(small_store)
    conn.execute("update events set title = ? where id = 'massacre'", ("x" * 10_000_000,))
    conn.commit()
    conn.close()
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_store(small_store, quiet=True)
    win.show()
    win.timeline.set_view_range(1962.3, 1962.6)
    win.timeline.plot.viewport().repaint()
    win.state.select("massacre")
    QApplication.processEvents()
    assert len(win.table.model().index(0, 1).data()) <= 1000
