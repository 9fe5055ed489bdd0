"""Titles and quotes with odd text show as plain text and never break a query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from timeline_app.gui.main_window import MainWindow

ODD_TITLES = {
    "massacre": "<b>Bold?</b> <script>alert(1)</script> & friends",
    "strike": "إضراب في نوفوتشركاسك 🚂🔥 " + "very long title " * 40,
}


@pytest.fixture
def odd_store(small_store: Path) -> Path:
    conn = sqlite3.connect(small_store)
    for eid, title in ODD_TITLES.items():
        conn.execute("update events set title = ? where id = ?", (title, eid))
    conn.execute("update events set summary = ? where id = 'massacre'", ("'; drop table events; -- <i>x</i>",))
    conn.commit()
    conn.close()
    return small_store


def test_odd_titles_show_as_plain_text(qtbot, odd_store: Path, tmp_path: Path) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    assert window.open_store(odd_store, quiet=True)
    window.restore_settings()
    window.show()
    qtbot.waitExposed(window)
    shown = {window.table.model().index(r, 1).data() for r in range(window.table.model().rowCount())}
    assert set(ODD_TITLES.values()) == shown
    window.state.select("massacre")
    text = window.excerpts.toPlainText()
    assert ODD_TITLES["massacre"] in text
    assert "'; drop table events; -- <i>x</i>" in text
    window.state.select("strike")
    assert "إضراب في نوفوتشركاسك 🚂🔥" in window.excerpts.toPlainText()
    window.timeline.plot.viewport().repaint()  # drawing long right-to-left labels must not fail


@pytest.mark.parametrize("typed", ["<b>Bold", "drop table", "🚂", "NEAR(a b)", '"unterminated', "*", "a OR"])
def test_search_for_odd_text_never_fails(qtbot, odd_store: Path, tmp_path: Path, typed: str) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_store(odd_store, quiet=True)
    window.filters.search.setText(typed)
    qtbot.keyClick(window.filters.search, Qt.Key.Key_Return)
    assert window.table.model().rowCount() <= 2
    if typed == "<b>Bold":
        assert window.table.row_ids() == ["massacre"]
