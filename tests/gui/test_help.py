"""Help: every shortcut listed, the store format explained, About names version, licence, reviews, libraries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableWidget, QTextBrowser

from conftest import SHIPPED_STORE
from timeline_app import __version__
from timeline_app.gui.main_window import MainWindow


def make(qtbot, tmp_path: Path) -> MainWindow:
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_store(SHIPPED_STORE, quiet=True)
    return win


def test_every_menu_shortcut_is_listed_under_help(qtbot, tmp_path: Path) -> None:
    win = make(qtbot, tmp_path)
    dialog = win.show_shortcuts()
    table = dialog.findChild(QTableWidget)
    listed = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    with_keys = [a for a in win.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 10
    for action in with_keys:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert any(k == keys for _w, k in listed), action.text()
    # The timeline's own keys come from the very table its key handler reads.
    from timeline_app.gui.timeline_keys import overview_bindings, timeline_bindings

    for binding in (*timeline_bindings(), *overview_bindings()):
        assert (binding.what, binding.shown) in listed
    assert ("Next event in the lane (timeline focused)", "→") in listed
    dialog.close()


def test_the_store_format_tells_how_to_make_a_store(qtbot, tmp_path: Path) -> None:
    win = make(qtbot, tmp_path)
    dialog = win.show_store_format()
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "timeline-app import my-events.csv --into my-events.db" in text
    for column in ("id", "title", "start", "certainty", "places", "themes", "summary", "date_basis"):
        assert column in text
    dialog.close()


def test_about_names_version_licence_both_reviews_and_libraries(qtbot, tmp_path: Path) -> None:
    win = make(qtbot, tmp_path)
    text = win.show_about().text()
    assert f"timeline-app {__version__}" in text and "MIT" in text
    assert "Weiss, Clara" in text and "Doyle, Clare" in text
    for library in ("pyqtgraph", "numpy", "sqlite-utils", "edtf", "SQLite"):
        assert library in text
