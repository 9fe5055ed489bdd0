"""The event table: exactly the filtered events, sortable, in step with the timeline."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from timeline_app.catalog import EventCatalog
from timeline_app.dates import format_span

COLUMNS = ("Date", "Title", "Places", "Themes", "Sources")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


class EventTableModel(QAbstractTableModel):
    """Rows are catalog indices of the shown events."""

    def __init__(self) -> None:
        super().__init__()
        self.catalog: EventCatalog | None = None
        self.indices = np.zeros(0, dtype=np.int64)

    def set_rows(self, catalog: EventCatalog, indices: np.ndarray) -> None:
        """Show the events at these catalog indices."""
        self.beginResetModel()
        self.catalog, self.indices = catalog, indices
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt hook
        return 0 if parent.isValid() else len(self.indices)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt hook
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.catalog is None:
            return None
        c, i, column = self.catalog, int(self.indices[index.row()]), index.column()
        if role == ID_ROLE:
            return c.ids[i]
        if role == SORT_ROLE:
            if column == 0:
                return float(c.start_year[i])
            return str(self.data(index)).lower()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return format_span(c.starts[i], c.ends[i])
            if column == 1:
                return c.titles[i]
            if column == 2:
                return ", ".join(c.place_names.get(p, p) for p in c.places[i])
            if column == 3:
                return ", ".join(c.theme_names.get(t, t) for t in c.themes[i])
            return ", ".join(c.source_names.get(s, s) for s in c.sources[i])
        if role == Qt.ItemDataRole.DecorationRole and column == 3 and c.themes[i]:
            return QColor(c.theme_colors.get(c.themes[i][0], "#8c8c8c"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return c.titles[i]
        return None


class EventTable(QTableView):
    """Lists the shown events; selecting a row announces the event id.

    Signals:
      sigEventSelected(str): the id of the event whose row the user selected.
    """

    sigEventSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_model = EventTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._on_current)

    def set_rows(self, catalog: EventCatalog, indices: np.ndarray) -> None:
        """Show these events; the current sort order is kept."""
        self.source_model.set_rows(catalog, indices)
        self.setColumnWidth(0, 130)
        self.setColumnWidth(1, 260)
        self.setColumnWidth(2, 140)
        self.setColumnWidth(3, 190)

    def select_event(self, event_id: str | None) -> None:
        """Select the row of ``event_id`` without announcing it back."""
        self._quiet = True
        try:
            if event_id is None:
                self.clearSelection()
                return
            matches = self.proxy.match(self.proxy.index(0, 0), ID_ROLE, event_id, 1, Qt.MatchFlag.MatchExactly)
            if matches:
                flags = QItemSelectionModel.SelectionFlag
                self.selectionModel().setCurrentIndex(matches[0], flags.ClearAndSelect | flags.Rows)
                self.scrollTo(matches[0])
            else:
                self.clearSelection()
        finally:
            self._quiet = False

    def row_ids(self) -> list[str]:
        """Event ids in the order the table shows them."""
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.sigEventSelected.emit(current.data(ID_ROLE))
