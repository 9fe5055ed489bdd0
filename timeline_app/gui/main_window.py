"""The explorer's main window: wires the views to the shared state and keeps desktop habits."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QWidget,
)

from timeline_app.gui import help_dialogs
from timeline_app.gui.accessible_names import name_window
from timeline_app.gui.background_jobs import BackgroundJobs
from timeline_app.gui.commentary_pane import CommentaryPane
from timeline_app.gui.core_words import core_word
from timeline_app.gui.event_table import EventTable
from timeline_app.gui.excerpt_pane import ExcerptPane
from timeline_app.gui.export_actions import ExportActionsMixin
from timeline_app.gui.filter_panel import FilterPanel
from timeline_app.gui.filter_requests import FilterRequests
from timeline_app.gui.focus_order import FocusKeeper
from timeline_app.gui.import_flow import ask_and_import
from timeline_app.gui.map_pane import MapPane
from timeline_app.gui.plain_text import rich_label, show_message
from timeline_app.gui.review_reader import ReviewReader
from timeline_app.gui.store_watch import WATCH_MS, StoreWatchMixin
from timeline_app.gui.timeline_view import TimelineView
from timeline_app.gui.translated_dates import window_date_words
from timeline_app.gui.view_actions import ViewActionsMixin
from timeline_app.gui.window_settings import WindowSettings
from timeline_app.model.explorer_state import (
    ExplorerState,
    FilterChanged,
    GroupingChanged,
    LanesChanged,
    Notice,
    RangeChanged,
    SelectionChanged,
    ShownChanged,
    StoreChanged,
)
from timeline_app.model.layout import GROUPINGS
from timeline_app.sources.event_details import event_details
from timeline_app.store.event_store import StoreError
from timeline_app.store.paths import SHIPPED_STORE

DEFER_LISTS_ABOVE = 5_000
LISTS_AFTER_OPEN_MS = 1000  # unless the timeline's first frame comes sooner


class MainWindow(StoreWatchMixin, ExportActionsMixin, ViewActionsMixin, QMainWindow):
    """Timeline above, panes below, filters on the left; all views follow one :class:`ExplorerState`.

    Signals:
      sigStoreFailed(str): the message shown when a store could not be opened.
      sigRowsChecked(str, list, object, int): a large store's path, the problems its rows have,
        fresh timeline arrays if its saved index was stale, and the number of the check (from the
        background check; only the latest check's result counts).
    """

    sigStoreFailed = Signal(str)
    sigRowsChecked = Signal(str, list, object, int)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = WindowSettings(settings)
        self.keep_settings = True  # False for --screenshot: a picture must not change what the user sees next
        self.state = ExplorerState()
        self.sigRowsChecked.connect(self._on_background_check)
        self._row_check = None
        self._check_number = 0
        self._check_after_frame = False  # the store being opened is the one the command began reading
        self.quiet_errors = False
        self._counts: dict[str, dict[str, int]] | None = None  # the facet counts last shown
        self._lists_timer = QTimer(self, singleShot=True, interval=0)
        self._lists_timer.timeout.connect(self._refresh_lists)
        self._watched: tuple | None = None
        self._watch_timer = QTimer(self, interval=WATCH_MS)
        self._watch_timer.timeout.connect(self.check_for_outside_changes)
        self._watch_timer.start()
        self.setWindowTitle(self.tr("Soviet history timeline"))
        self.timeline = TimelineView()
        self.filters = FilterPanel()
        self.jobs = BackgroundJobs(self)
        self.requests = FilterRequests(self.state, self.jobs, self)
        self.table = EventTable(jobs=self.jobs)
        self.excerpts = ExcerptPane()
        self.commentary = CommentaryPane()
        self.panes = QTabWidget()
        self.panes.addTab(self.excerpts, self.tr("Excerpts"))
        self.panes.addTab(self.commentary, self.tr("What the reviewers made of it"))
        self.reader = ReviewReader(self.state)
        self.panes.addTab(self.reader, self.tr("Read the reviews"))
        # Its tool rows may squeeze on a small screen rather than push the window off it.
        self.reader.setMinimumSize(300, 120)
        self.lower_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.lower_splitter.addWidget(self.table)
        self.lower_splitter.addWidget(self.panes)
        self.map_pane = MapPane(self.state)  # beside the timeline, following it frame by frame
        self.map_pane.follow(self.timeline)
        self.top = QSplitter(Qt.Orientation.Horizontal)
        self.top.addWidget(self.timeline)
        self.top.addWidget(self.map_pane)
        self.top.setStretchFactor(0, 3)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.top)
        self.right.addWidget(self.lower_splitter)
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.filter_scroll = QScrollArea()  # on a small screen the filters scroll rather than push the window
        self.filter_scroll.setWidget(self.filters)
        self.filter_scroll.setWidgetResizable(True)
        self.filter_scroll.setMinimumWidth(210)
        self.main.addWidget(self.filter_scroll)
        self.main.addWidget(self.right)
        for splitter in (self.lower_splitter, self.right, self.main, self.top):
            splitter.setChildrenCollapsible(False)
        self.main.setStretchFactor(1, 1)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.lower_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main)
        self.setup_views()
        self._build_menus()
        self.state.subscribe(self._on_state_changed)
        self.timeline.sigEventClicked.connect(self.state.select)
        self.timeline.sigRangeChangeFinished.connect(self._on_view_settled)
        self.timeline.sigRangeChanged.connect(self.filters.show_years)
        self.table.sigEventSelected.connect(self.state.select)
        self.timeline.sigEventMenu.connect(self.show_event_menu)
        self.table.sigEventMenu.connect(self.show_event_menu)
        # A link: keeps the bar short.
        self.show_folder = rich_label("<a href='folder'>" + self.tr("Show in folder") + "</a>")
        self.show_folder.hide()
        self.show_folder.linkActivated.connect(lambda _link: self._open_export_folder())
        self.statusBar().addPermanentWidget(self.show_folder)
        self._exported: Path | None = None
        self.filters.sigFilterChanged.connect(self.requests.request)
        self.filters.sigYearsEdited.connect(self.timeline.set_view_range)
        self.excerpts.sigShowInReview.connect(self.show_in_review)
        self.reader.sigEventClicked.connect(self.state.select)
        self.reader.sigMessage.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.resize(1280, 800)
        self.main.setSizes([285, 995])
        self.right.setSizes([520, 280])
        self.lower_splitter.setSizes([520, 500])
        self.top.setSizes([700, 300])
        name_window(self)  # what a screen reader says for each control

    # -- menus ---------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&Open store…"), QKeySequence.StandardKey.Open, self.choose_store)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self._action(file_menu, self.tr("&Import events…"), "Ctrl+I", self.import_dialog)
        self._action(file_menu, self.tr("&Export…"), "Ctrl+E", self.export_dialog)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        view = self.menuBar().addMenu(self.tr("&View"))
        self._action(view, self.tr("&Find…"), QKeySequence.StandardKey.Find, self.focus_search)
        self._action(view, self.tr("Clear all &filters"), "Ctrl+Shift+L", self.requests.clear)
        view.addSeparator()
        self._action(view, self.tr("Zoom &in"), "Ctrl++", lambda: self.timeline.zoom(1 / 1.6))
        self._action(view, self.tr("Zoom &out"), "Ctrl+-", lambda: self.timeline.zoom(1.6))
        self._action(view, self.tr("&Home: the store's years"), "Ctrl+0", self.timeline.home)
        self._action(view, self.tr("Zoom to the &selected event"), "Ctrl+Return", self.timeline.keys.zoom_to_event)
        self._action(view, self.tr("Pan &back in time"), None, self.timeline.keys.pan_back)
        self._action(view, self.tr("Pan f&orward in time"), None, self.timeline.keys.pan_forward)
        self.add_view_actions(view)
        view.addSeparator()
        self._action(view, self.tr("&Next event"), "Ctrl+Down", lambda: self.state.step_selection(1))
        self._action(view, self.tr("&Previous event"), "Ctrl+Up", lambda: self.state.step_selection(-1))
        self.focus_keeper = FocusKeeper(self, view)  # Tab order, focus ring, View > Go to
        group = view.addMenu(self.tr("&Group lanes by"))
        self.grouping_actions = {}
        for key, label in GROUPINGS.items():
            action = group.addAction(core_word(label))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, k=key: self.state.set_grouping(k))
            self.grouping_actions[key] = action
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), QKeySequence.StandardKey.HelpContents,
                     self.show_shortcuts)
        self._action(help_menu, self.tr("Making a &store of your own"), None, self.show_store_format)
        help_menu.addSeparator()
        self._action(help_menu, self.tr("&About timeline-app"), None, self.show_about)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- store ---------------------------------------------------------------------------------------
    def open_store(self, path: Path | str, quiet: bool = False, check_rows: bool | None = None) -> bool:
        """Open ``path``; on failure show a message naming the file and the problem (unless ``quiet``).

        A large store shows at once and has its rows checked in the background; if they
        turn out broken, the message comes then and the store is closed.
        """
        self.quiet_errors = quiet
        previous = self.state.store.path if self.state.store is not None else None
        previous_view = self.state.view_state()
        self.jobs.hold()  # what makes later searches and sorts faster waits for a big store's check
        opened = False
        try:
            opened = self._open_store(path, quiet, check_rows, previous, previous_view)
        finally:
            if self._row_check is None or not opened:
                self.jobs.release()
        return opened

    def _open_store(self, path: Path | str, quiet: bool, check_rows: bool | None, previous, previous_view) -> bool:
        try:
            begun = self._read_store(path, check_rows)
        except StoreError as exc:
            message = str(exc)
            self.sigStoreFailed.emit(message)
            if not quiet:
                show_message(self, self.tr("Cannot open this store"), message)
            return False
        except Exception as exc:  # a store that passes the contract but still breaks: never crash
            message = self.tr("{file}: cannot be read ({problem})").format(file=path, problem=exc)
            self.sigStoreFailed.emit(message)
            if not quiet:
                show_message(self, self.tr("Cannot open this store"), message)
            return False
        self.stop_row_check()  # a check of the store shown before would be stale
        if previous is not None and self.keep_settings:
            self.settings.save_view(previous, previous_view)
        self._restore_view(Path(path))
        if self._lists_timer.isActive():
            # A large store: its first frame is drawn from the saved arrays; the table, the counts
            # and the map's outlines follow it (or a moment later, if the timeline is not on screen).
            self._lists_timer.start(LISTS_AFTER_OPEN_MS)
            self.timeline.after_next_frame(self._lists_after_frame)
            self.map_pane.hold()
        self._remember_recent(Path(path))
        lacks = self.state.store.lacks()
        if lacks:
            self.statusBar().showMessage(lacks[0].upper() + lacks[1:] + ".", 15000)
        if not self.state.store.rows_checked:
            self.statusBar().showMessage(self.tr("Checking every event of this large store in the background…"))
            self._start_row_check(self.state.store.path, self.state.catalog.arrays, begun)
        elif begun is not None:
            begun.cancel()  # checked as it was read, after all
        return True

    def choose_store(self) -> None:
        """Ask for a store file and open it."""
        start = str(self.state.store.path.parent) if self.state.store else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open event store"), start,
                                              self.tr("Event stores (*.db *.sqlite *.sqlite3);;All files (*)"))
        if path:
            self.open_store(path)

    def import_dialog(self) -> None:
        """File > Import: add the user's own events to a store of their own, then show it."""
        current = self.state.store.path if self.state.store else None
        target = ask_and_import(self, current, SHIPPED_STORE)
        if target is not None:
            self.open_store(target)

    def _restore_view(self, path: Path) -> None:
        """Bring back the view last used on this store; say what it named that the store lacks."""
        view = self.settings.view_of(path)
        notes = [*self.settings.warnings]
        self.settings.warnings.clear()
        if view is not None:
            dropped = self.state.restore(view)
            if dropped:
                notes.append(self.tr("the saved view named what this store lacks, left out: {names}").format(
                    names=", ".join(dropped)))
        if notes:
            self.statusBar().showMessage("; ".join(notes).capitalize() + ".", 10000)

    def _remember_recent(self, path: Path) -> None:
        if self.keep_settings:
            self.settings.remember_recent(path)
        self._fill_recent_menu()

    def recent_stores(self) -> list[str]:
        """Recently opened stores, newest first."""
        return self.settings.recent_stores()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_stores():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_store(p))
        self.recent_menu.setEnabled(bool(self.recent_stores()))

    # -- state changes -------------------------------------------------------------------------------
    def _on_state_changed(self, notice: Notice) -> None:
        state = self.state
        if isinstance(notice, StoreChanged):
            self.timeline.home_range = state.home_range
            self.requests.store_shown()
            self._counts = None
            self.filters.set_catalog(state.catalog)
            self.reader.reload()
            title = state.store.meta().get("title", self.tr("Timeline")) if state.store is not None else None
            self.setWindowTitle(self.tr("{title} — {file}").format(title=title, file=notice.path.name)
                                if notice.path is not None and title else self.tr("Soviet history timeline"))
        elif isinstance(notice, LanesChanged):
            self.timeline.set_content(state.catalog, notice.layout)
            self._follow_range(state.view_range)
        elif isinstance(notice, GroupingChanged):
            for key, action in self.grouping_actions.items():
                action.setChecked(key == notice.grouping)
        elif isinstance(notice, RangeChanged):
            self._follow_range(notice.view_range)
            self.filters.show_years(*notice.view_range)
        elif isinstance(notice, FilterChanged | ShownChanged):
            if len(state.catalog) > DEFER_LISTS_ABOVE:
                # On a large store the timeline repaints first; the table and the counts follow as
                # soon as the event loop is free, so the view never waits for them.
                self._lists_timer.start()
            else:
                self._refresh_lists()
        elif isinstance(notice, SelectionChanged):
            self._show_selection(notice.event_id)

    def _follow_range(self, view_range: tuple[float, float]) -> None:
        low, high = self.timeline.view_range()
        if abs(low - view_range[0]) > 1e-3 or abs(high - view_range[1]) > 1e-3:
            self.timeline.set_view_range(*view_range)

    def _lists_after_frame(self) -> None:
        if self._lists_timer.isActive():
            self._lists_timer.start(0)

    def _refresh_lists(self) -> None:
        self._lists_timer.setInterval(0)
        self.map_pane.release()
        state = self.state
        shown = state.shown_indices()
        self.table.set_rows(state.catalog, shown)
        self.table.select_event(state.selection)
        shown_filter = state.filter.with_(search=self.requests.shown_search())  # not undo what is being typed
        shown_count, total = len(shown), len(state.catalog)
        if self._counts is None:  # a store just opened: its counts at once, so the panel shows its filter
            self._counts = state.facet_counts()
            self.filters.show_state(shown_filter, self._counts, shown_count, total)
            return
        # The filter shows at once (with the counts last shown); on a large store its counts follow.
        self.filters.show_state(shown_filter, self._counts, shown_count, total)

        def show_counts(counts: dict[str, dict[str, int]]) -> None:
            self._counts = counts
            self.filters.show_state(state.filter.with_(search=self.requests.shown_search()), counts, shown_count, total)

        self.requests.count(show_counts)

    def _show_selection(self, event_id: str | None) -> None:
        index = self.state.catalog.index_of.get(event_id) if event_id else None
        self.timeline.set_selected(index)
        if index is not None:
            self.timeline.centre_on(index)
        self.table.select_event(event_id)
        store = self.state.store
        details = event_details(store, self.state.catalog, event_id, window_date_words()) \
            if event_id and store is not None else None
        self.excerpts.show_details(details)
        self.commentary.show_details(details)
        self.reader.show_event(event_id)

    def _on_view_settled(self, low: float, high: float) -> None:
        self.state.set_view_range(low, high)

    def focus_search(self) -> None:
        """Ctrl+F: find within the review when the reader has focus, else search the events."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.reader or self.reader.isAncestorOf(focus)):
            self.reader.start_find()
            return
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def show_in_review(self, source_id: str, start: int, end: int) -> None:
        """Show the whole review in the reader, scrolled to a passage."""
        self.panes.setCurrentWidget(self.reader)
        self.reader.show_passage(source_id, start, end)

    def show_about(self) -> QMessageBox:
        """Help > About: version, licence, both reviews cited, the libraries used."""
        sources = list(self.state.store.sources().values()) if self.state.store else []
        return help_dialogs.show_about(self, sources)

    def show_shortcuts(self) -> QDialog:
        """Help > Keyboard shortcuts."""
        return help_dialogs.show_shortcuts(self, self.findChildren(QAction))

    def show_store_format(self) -> QDialog:
        """Help > Store format."""
        return help_dialogs.show_store_format(self)

    # -- settings ------------------------------------------------------------------------------------
    def restore_settings(self) -> None:
        """Bring back geometry, splitters and the open tab from the last session (views are per store)."""
        for key, restore in (("geometry", self.restoreGeometry), ("main", self.main.restoreState),
                             ("right", self.right.restoreState), ("lower", self.lower_splitter.restoreState),
                             ("top", self.top.restoreState)):
            value = self.settings.bytes_of(key)
            if value is not None:
                restore(value)
        tab = self.settings.value("tab", 0)
        if isinstance(tab, int) and 0 <= tab < self.panes.count():
            self.panes.setCurrentIndex(tab)
        self.reader.unused.setChecked(self.settings.value("reader_unused", False) is True)
        self._fill_recent_menu()

    def save_settings(self) -> None:
        """Remember geometry, splitters, the open tab and the open store's view."""
        if not self.keep_settings:
            return
        self.settings.set_bytes("geometry", self.saveGeometry())
        self.settings.set_bytes("main", self.main.saveState())
        self.settings.set_bytes("right", self.right.saveState())
        self.settings.set_bytes("lower", self.lower_splitter.saveState())
        self.settings.set_bytes("top", self.top.saveState())
        self.settings.set_value("tab", self.panes.currentIndex())
        self.settings.set_value("reader_unused", self.reader.unused.isChecked())
        if self.state.store is not None:
            # What is on screen, settled or not; recorded as is, not set on the state: at a close,
            # recomputing what a new range shows would only delay the quit.
            low, high = self.timeline.view_range()
            view = replace(self.state.view_state(), view_range=(round(low, 4), round(high, 4)))
            self.settings.save_view(self.state.store.path, view)
        self.settings.sync()

    def background_busy(self) -> bool:
        """Whether a search or a sort is still being worked out in a worker thread."""
        return self.requests.pending() or self.requests.counting() or self.table.source_model.busy()

    def closeEvent(self, event) -> None:
        self.stop_row_check()  # nothing to wait for: the check runs in a process of its own
        self.save_settings()
        self.jobs.stop()
        super().closeEvent(event)
