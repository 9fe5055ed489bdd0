"""The event table: exactly the filtered events, sortable, in step with the timeline."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from timeline_app.gui.plain_text import tooltip_text
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.model.catalog import EventCatalog, empty_catalog

COLUMNS = ("Date", "Title", "Places", "Themes", "Sources", "Kind")
KINDS = ("History", "Film scene", "Reception")
ID_ROLE = Qt.ItemDataRole.UserRole + 2
MAX_CELL_CHARS = 1000  # a cell shows no more: a store may hold a title of megabytes


class EventTableModel(QAbstractTableModel):
    """Rows are catalog positions of the shown events, sorted by the model itself.

    Sorting here rather than through a proxy keeps a million-row table cheap: only the
    rows on screen are ever asked for their text.
    """

    def __init__(self) -> None:
        super().__init__()
        self.catalog: EventCatalog = empty_catalog()
        self.rows = np.zeros(0, dtype=np.int64)
        self.sort_column, self.sort_order = 0, Qt.SortOrder.AscendingOrder

    def set_rows(self, catalog: EventCatalog, positions: np.ndarray) -> None:
        """Show the events at these catalog positions, in the current sort order."""
        self.beginResetModel()
        self.catalog = catalog
        self.rows = self._sorted(np.asarray(positions, dtype=np.int64))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt hook
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt hook
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def text(self, position: int, column: int) -> str:
        """What the table shows for the event at ``position`` in ``column``."""
        c = self.catalog
        if column == 0:
            return c.date_words(position, window_date_words())
        if column == 1:
            return c.titles[position]
        if column == 5:
            kind = KINDS[int(c.arrays.layer[position])] if 0 <= int(c.arrays.layer[position]) < 3 else ""
            # The timeline hatches a disputed event; the list says it in words.
            return f"{kind}, disputed" if bool(c.disputed[position]) else kind
        names = (c.place_names, c.theme_names, c.source_names)[column - 2]
        values = (c.places, c.themes, c.sources)[column - 2][position]
        return ", ".join(names.get(v, v) for v in values)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        position, column = int(self.rows[index.row()]), index.column()
        if role == ID_ROLE:
            return self.catalog.ids[position]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(position, column)[:MAX_CELL_CHARS]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(self.text(position, column))
        if role == Qt.ItemDataRole.DecorationRole and column == 3:
            themes = self.catalog.themes[position]
            return QColor(self.catalog.theme_colors.get(themes[0], "#8c8c8c")) if themes else None
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self.rows = self._sorted(self.rows)
        self.layoutChanged.emit()

    def _sorted(self, rows: np.ndarray) -> np.ndarray:
        if self.sort_column == 0:
            # Positions are in start order already: a sort would only cost time on big stores.
            order = np.arange(len(rows)) if np.all(rows[1:] >= rows[:-1]) else np.argsort(rows, kind="stable")
        else:
            if self.sort_column == 1 and len(rows) > 5000:
                self.catalog.titles.load_all()
            texts = [self.text(int(p), self.sort_column).lower() for p in rows]
            order = np.argsort(np.array(texts, dtype=object), kind="stable") if texts else np.zeros(0, np.int64)
        if self.sort_order == Qt.SortOrder.DescendingOrder:
            order = order[::-1]
        return rows[order]

    def row_of(self, position: int) -> int | None:
        """The table row showing catalog ``position``, if any."""
        found = np.flatnonzero(self.rows == position + 1)
        return int(found[0]) if len(found) else None


class EventTable(QTableView):
    """Lists the shown events; selecting a row announces the event id.

    Signals:
      sigEventSelected(str): the id of the event whose row the user selected.
      sigEventMenu(str, QPoint): the id of the event whose row the user right-clicked, and where (global).
    """

    sigEventSelected = Signal(str)
    sigEventMenu = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_model = EventTableModel()
        self.setModel(self.source_model)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move within it
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._quiet = False
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_menu)

    def set_rows(self, catalog: EventCatalog, positions: np.ndarray) -> None:
        """Show these events; the current sort order is kept."""
        self.source_model.set_rows(catalog, positions)
        for column, width in enumerate((130, 260, 140, 190)):
            self.setColumnWidth(column, width)

    def select_event(self, event_id: str | None) -> None:
        """Select the row of ``event_id`` without announcing it back."""
        self._quiet = True
        try:
            position = self.source_model.catalog.index_of.get(event_id) if event_id else None
            row = self.source_model.row_of(position) if position is not None else None
            if row is None:
                self.clearSelection()
                return
            index = self.source_model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self.scrollTo(index)
        finally:
            self._quiet = False

    def row_ids(self) -> list[str]:
        """Event ids in the order the table shows them."""
        return [self.source_model.catalog.ids[int(p)] for p in self.source_model.rows]

    def _on_menu(self, position: QPoint) -> None:
        index = self.indexAt(position)
        if index.isValid():
            self.sigEventMenu.emit(index.data(ID_ROLE), self.viewport().mapToGlobal(position))

    def focusInEvent(self, event) -> None:
        # Tabbing through the window must not change the selection: Qt makes the first row
        # current on entry; only a move the user makes inside the table selects.
        self._quiet = True
        try:
            super().focusInEvent(event)
        finally:
            self._quiet = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet and current.isValid():
            self.sigEventSelected.emit(current.data(ID_ROLE))
