"""The event table: exactly the filtered events, sortable, in step with the timeline."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from timeline_app.gui.background_jobs import BackgroundJobs
from timeline_app.gui.plain_text import tooltip_text
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.model.catalog import EventCatalog, empty_catalog
from timeline_app.model.latest import Latest, Ticket
from timeline_app.model.table_order import DATE, KIND, PLACES, SOURCES, THEMES, TITLE, TableOrder, cell_text

COLUMNS = (QT_TRANSLATE_NOOP("EventTable", "Date"), QT_TRANSLATE_NOOP("EventTable", "Title"),
           QT_TRANSLATE_NOOP("EventTable", "Places"), QT_TRANSLATE_NOOP("EventTable", "Themes"),
           QT_TRANSLATE_NOOP("EventTable", "Sources"), QT_TRANSLATE_NOOP("EventTable", "Kind"))
#: model/table_order.py's KINDS, as the table shows them (translated); sorting follows the English ones.
KINDS = (QT_TRANSLATE_NOOP("EventTable", "History"), QT_TRANSLATE_NOOP("EventTable", "Film scene"),
         QT_TRANSLATE_NOOP("EventTable", "Reception"))
ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: The roles the table answers. A view asks each cell for about ten on every paint; the others
#: are turned away before any lookup (most of a filter's repaint was spent on them at 1M events).
_ANSWERED_ROLES = frozenset({ID_ROLE, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.DecorationRole})
MAX_CELL_CHARS = 1000  # a cell shows no more: a store may hold a title of megabytes
READ_AHEAD_ROWS = 120  # more than a tall window shows: one read per screenful, not per row
#: Above this many events a column is sorted in a worker thread, and every column is sorted
#: in advance soon after a store opens, so a click on a header finds its order ready.
BACKGROUND_ABOVE = 20_000
PREPARE_AFTER_MS = 500


class EventTableModel(QAbstractTableModel):
    """Rows are catalog positions of the shown events, in the order of the sorted column.

    Each column's order is computed once per store (:class:`TableOrder`), so a sort or a new
    filter only picks the shown rows out of it, and only the rows on screen are ever asked
    for their text. On a large store that order is computed in a worker thread: until it is
    ready the rows stay as they were and ``sorting`` is True.
    """

    def __init__(self, jobs: BackgroundJobs | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog: EventCatalog = empty_catalog()
        self.order = TableOrder(self.catalog)
        self.shown = np.zeros(0, dtype=np.int64)
        self.rows = np.zeros(0, dtype=np.int64)
        self.sort_column, self.sort_order = 0, Qt.SortOrder.AscendingOrder
        self.kind_names = KINDS
        self.disputed_kind = "{kind}, disputed"
        self.sorting = False
        self.jobs = jobs
        self.background_above = BACKGROUND_ABOVE
        self._sorts, self._prepares = Latest(), Latest()
        self._computing: dict[int, Ticket] = {}  # column: the ticket of the job computing its order
        self._prepare_timer = QTimer(self, singleShot=True, interval=PREPARE_AFTER_MS)
        self._prepare_timer.timeout.connect(self._prepare)

    def set_rows(self, catalog: EventCatalog, positions: np.ndarray) -> None:
        """Show the events at these catalog positions, in the current sort order."""
        if catalog is not self.catalog:
            self._sorts.cancel()
            self._prepares.cancel()
            self._computing.clear()
            self.sorting = False
            self.catalog, self.order = catalog, TableOrder(catalog)
            if self._in_background():
                self._prepare_timer.start()
        self.beginResetModel()
        # Looked up once, not per cell: sorting a million rows by kind asks for every row's text.
        self.kind_names = tuple(QCoreApplication.translate("EventTable", kind) for kind in KINDS)
        self.disputed_kind = QCoreApplication.translate("EventTable", "{kind}, disputed")
        self.shown = np.asarray(positions, dtype=np.int64)
        self.rows = self._arranged(None)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt hook
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt hook
        return len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("EventTable", COLUMNS[section])
        return None

    def text(self, position: int, column: int) -> str:
        """What the table shows for the event at ``position`` in ``column``."""
        if column == KIND:  # the kind in the interface's language (the core words it in English)
            c = self.catalog
            layer = int(c.arrays.layer[position])
            kind = self.kind_names[layer] if 0 <= layer < len(self.kind_names) else ""
            return self.disputed_kind.format(kind=kind) if bool(c.disputed[position]) else kind
        return cell_text(self.catalog, position, column, window_date_words())

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        position, column = int(self.rows[index.row()]), index.column()
        if not self.catalog.titles.known(position):
            self.catalog.read_text(self.rows[index.row():index.row() + READ_AHEAD_ROWS])  # this screenful
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
        rows = self._arranged(self.rows)
        if rows is self.rows:
            return
        self.layoutAboutToBeChanged.emit()
        self.rows = rows
        self.layoutChanged.emit()

    def _in_background(self) -> bool:
        return self.jobs is not None and len(self.catalog) > self.background_above

    def _arranged(self, meanwhile: np.ndarray | None) -> np.ndarray:
        """The shown rows in the sort order; while that order is computed in a worker, ``meanwhile``
        (None: in start order)."""
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        rows = self.order.rows(self.sort_column, descending, self.shown)
        if rows is not None:
            self.sorting = False
            return rows
        if not self._in_background():
            self.order.compute(self.sort_column)
            return self.order.rows(self.sort_column, descending, self.shown)
        self.sorting = True
        if not self._being_computed(self.sort_column):
            self._compute(self.sort_column, self._sorts.start())
        if meanwhile is None:
            return self.order.rows(DATE, False, self.shown)
        return meanwhile

    def _being_computed(self, column: int) -> bool:
        ticket = self._computing.get(column)
        return ticket is not None and not ticket.cancelled()

    def _compute(self, column: int, ticket: Ticket, then: tuple[int, ...] = (), ahead: bool = False) -> None:
        """Compute ``column``'s order in a worker, then the columns in ``then``; re-sort when it is ready.

        ``ahead``: no click waits for it yet (a preparation).
        """
        assert self.jobs is not None
        order = self.order
        self._computing[column] = ticket

        def done(_result: object) -> None:
            if order is not self.order:
                return
            self._computing.pop(column, None)
            if self.sorting and order.known(self.sort_column):
                self.sort(self.sort_column, self.sort_order)
            following = [c for c in then if not order.known(c) and not self._being_computed(c)]
            if following:
                self._compute(following[0], ticket, tuple(following[1:]), ahead)

        def failed(_error: str) -> None:
            self._computing.pop(column, None)
            self.sorting = False

        self.jobs.run(ticket, lambda cancelled: order.compute(column, cancelled), done, failed, trim=True, ahead=ahead)

    def _prepare(self) -> None:
        """Sort every column in advance (one at a time, in a worker) so a click finds its order ready."""
        if self.jobs is not None and self._in_background():
            self.jobs.after_hold(self._prepare_now)

    def _prepare_now(self) -> None:
        if not self._in_background():
            return
        waiting = [c for c in (TITLE, PLACES, THEMES, SOURCES, KIND) if not self.order.known(c)]
        if waiting:
            self._compute(waiting[0], self._prepares.start(), tuple(waiting[1:]), ahead=True)

    def busy(self) -> bool:
        """Whether a sort is still being worked out."""
        return self.sorting

    def row_of(self, position: int) -> int | None:
        """The table row showing catalog ``position``, if any."""
        found = np.flatnonzero(self.rows == position)
        return int(found[0]) if len(found) else None


class EventTable(QTableView):
    """Lists the shown events; selecting a row announces the event id.

    Signals:
      sigEventSelected(str): the id of the event whose row the user selected.
      sigEventMenu(str, QPoint): the id of the event whose row the user right-clicked, and where (global).
    """

    sigEventSelected = Signal(str)
    sigEventMenu = Signal(str, QPoint)

    def __init__(self, parent: QWidget | None = None, jobs: BackgroundJobs | None = None) -> None:
        super().__init__(parent)
        self.source_model = EventTableModel(jobs, self)
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
        for column, width in enumerate((180, 260, 140, 190)):  # dates as words: "c. May 1918 – March 1921"
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
