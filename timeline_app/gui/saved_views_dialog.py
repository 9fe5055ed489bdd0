"""View > Saved views > Manage: the saved views in a list, to open, rename or delete."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.model.saved_views import SavedViews, SavedViewsError


class SavedViewsDialog(QDialog):
    """A list of the saved views with Open, Rename and Delete.

    Signals:
      sigOpen(str): the name of the view to show.
    """

    sigOpen = Signal(str)

    def __init__(self, views: SavedViews, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views = views
        self.setWindowTitle(self.tr("Saved views"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Saved views"))
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.open_button = QPushButton(self.tr("&Open"))
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button.clicked.connect(self.ask_and_rename)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QVBoxLayout()
        for button in (self.open_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(close)
        self.refresh()

    def refresh(self, current: str | None = None) -> None:
        """Show the saved views' names (keeping ``current`` selected)."""
        self.list.clear()
        names = self.views.names()
        self.list.addItems(names)
        if names:
            self.list.setCurrentRow(names.index(current) if current in names else 0)
        if not names:
            self._say(self.tr("No views are saved yet: View > Saved views > Save this view (Ctrl+D)."))
        self._update_buttons()

    def selected(self) -> str | None:
        """The name of the selected view."""
        item = self.list.currentItem()
        return item.text() if item is not None else None

    def _update_buttons(self) -> None:
        for button in (self.open_button, self.rename_button, self.delete_button):
            button.setEnabled(self.selected() is not None)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def open_selected(self) -> None:
        """Show the selected view in the window."""
        name = self.selected()
        if name is not None:
            self.sigOpen.emit(name)

    def ask_and_rename(self) -> None:
        """Ask for a new name of the selected view."""
        name = self.selected()
        if name is None:
            return
        new, ok = QInputDialog.getText(self, self.tr("Rename view"), self.tr("New name:"), text=name)
        if ok:
            self.rename(name, new)

    def rename(self, name: str, new: str) -> bool:
        """Rename the view ``name``; say why not below the list if it cannot be."""
        try:
            self.views.rename(name, new)
        except (SavedViewsError, OSError) as exc:
            self._say(str(exc))
            return False
        self._say("")
        self.refresh(new.strip())
        return True

    def delete_selected(self) -> bool:
        """Delete the selected view."""
        name = self.selected()
        if name is None:
            return False
        try:
            self.views.delete(name)
        except (SavedViewsError, OSError) as exc:
            self._say(str(exc))
            return False
        self._say("")
        self.refresh()
        return True
