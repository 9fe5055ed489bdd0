"""The window's export actions: File > Export, exporting one event, and an event's right-click menu."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMenu

from timeline_app.export.view import view_of_state
from timeline_app.gui.event_menu import build_event_menu
from timeline_app.gui.export_dialog import ExportDialog
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.model.layout import lay_out
from timeline_app.sources.event_details import event_details


class ExportActionsMixin:
    """Export and the event menu for :class:`~timeline_app.gui.main_window.MainWindow` (uses its state,
    settings, timeline, status bar and ``show_folder`` link)."""

    def export_dialog(self) -> ExportDialog | None:
        """File > Export: the current view as a picture or the filtered events as data."""
        if self.state.store is None:
            return None
        dialog = ExportDialog(view_of_state(self.state), self, remembered=self.settings)
        dialog.sigExported.connect(self._on_exported)
        dialog.show()
        return dialog

    def export_event(self, event_id: str) -> ExportDialog | None:
        """Export one event: the export dialog on a view that shows only it."""
        if self.state.store is None or event_id not in self.state.catalog.index_of:
            return None
        view = view_of_state(self.state)
        view.mask = np.zeros_like(view.mask)
        view.mask[self.state.catalog.index_of[event_id]] = True
        view.layout = lay_out(self.state.catalog, view.mask, self.state.grouping)
        dialog = ExportDialog(view, self, remembered=self.settings)
        dialog.setWindowTitle("Export this event")
        dialog.sigExported.connect(self._on_exported)
        dialog.show()
        return dialog

    def _on_exported(self, path: str, summary: str) -> None:
        self._exported = Path(path)
        self.statusBar().showMessage(f"Exported to {path} ({summary})", 20000)
        self.show_folder.show()
        QTimer.singleShot(20000, self.show_folder.hide)

    def _open_export_folder(self) -> None:
        if self._exported is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._exported.parent)))

    def show_event_menu(self, event_id: str, where: QPoint) -> QMenu | None:
        """The right-click menu of an event: select, zoom to, copy, export."""
        store = self.state.store
        details = event_details(store, self.state.catalog, event_id, window_date_words()) if store is not None else None
        if details is None:
            return None
        menu = build_event_menu(self, details, {
            "select": self.state.select,
            "zoom": lambda eid: (self.state.select(eid),
                                 self.timeline.zoom_to(self.state.catalog.index_of[eid])),
            "export": self.export_event,
        })
        menu.popup(where)
        return menu

