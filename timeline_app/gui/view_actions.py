"""Views people come back to, in the window: fit to the shown events, saved views, a view as text, Back and Forward.

The model part (:mod:`timeline_app.model.saved_views`) keeps the views; this mixin only wires
it to the View menu, the clipboard and the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu

from timeline_app.gui.plain_text import show_message
from timeline_app.gui.saved_views_dialog import SavedViewsDialog
from timeline_app.model.explorer_state import (
    FilterChanged,
    GroupingChanged,
    Notice,
    RangeChanged,
    SelectionChanged,
    StoreChanged,
    ViewState,
)
from timeline_app.model.saved_views import (
    MAX_NAME,
    SavedViews,
    SavedViewsError,
    ViewHistory,
    ViewTextError,
    view_from_text,
    view_text,
)

#: A view is remembered for Back once it has stayed this long (a pan or a typed search settles first).
SETTLE_MS = 700


def _tr(text: str) -> str:
    return QCoreApplication.translate("ViewActions", text)


class ViewActionsMixin:
    """View > Fit, Back, Forward, Saved views, Copy view and Paste view for the main window.

    Uses the window's ``state``, ``timeline`` and status bar; call :meth:`setup_views` before the
    menus are built and :meth:`add_view_actions` to put the entries in the View menu.
    """

    def setup_views(self, saved_views: SavedViews | None = None) -> None:
        """Start the history and read the saved views (from the user's config folder by default)."""
        self.history = ViewHistory()
        self.saved_views = saved_views if saved_views is not None else SavedViews()
        self._walking_history = False
        self.history_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self.history_timer.timeout.connect(self.record_view)
        self.state.subscribe(self._on_view_notice)

    def add_view_actions(self, menu: QMenu) -> None:
        """The entries of the View menu this mixin owns."""
        self.fit_action = self._action(menu, _tr("Fit to &shown events"), "Ctrl+Shift+F", self.fit_to_shown)
        menu.addSeparator()
        self.back_action = self._action(menu, _tr("&Back"), "Alt+Left", self.go_back)
        self.forward_action = self._action(menu, _tr("F&orward"), "Alt+Right", self.go_forward)
        self.saved_menu = menu.addMenu(_tr("Saved &views"))
        self.saved_menu.aboutToShow.connect(self._fill_saved_menu)
        self.save_view_action = self._action(menu, _tr("&Save this view…"), QKeySequence("Ctrl+D"),
                                             self.ask_and_save_view)
        menu.removeAction(self.save_view_action)  # lives in the submenu; added to the window for its shortcut
        self.addAction(self.save_view_action)
        self._action(menu, _tr("&Copy view as text"), "Ctrl+Alt+C", self.copy_view)
        self._action(menu, _tr("&Paste view"), "Ctrl+Alt+V", self.paste_view)
        self._fill_saved_menu()
        self._update_history_actions()

    # -- fit -----------------------------------------------------------------------------------------
    def fit_to_shown(self) -> None:
        """View > Fit to shown events: the years of the events the filter shows, with a small margin."""
        if not self.state.fit_to_shown():
            self.statusBar().showMessage(_tr("No events are shown, so there is nothing to fit."), 5000)
        self.record_view()

    # -- back and forward ----------------------------------------------------------------------------
    def _on_view_notice(self, notice: Notice) -> None:
        if isinstance(notice, StoreChanged):
            self.history.clear()
            self.history_timer.start()
        elif isinstance(notice, FilterChanged | GroupingChanged | RangeChanged | SelectionChanged) and (
                not self._walking_history):
            self.history_timer.start()
        self._update_history_actions()

    def record_view(self) -> None:
        """Remember the view on screen for Back (once it has settled, or after a discrete action)."""
        self.history_timer.stop()
        if self.state.store is not None and not self._walking_history:
            self.history.record(self.state.view_state())
        self._update_history_actions()

    def go_back(self) -> None:
        """Alt+Left: the view before this one."""
        if self._unsettled():
            self.record_view()  # so Forward comes back to the view on screen
        self._walk(self.history.back())

    def go_forward(self) -> None:
        """Alt+Right: the view gone back from."""
        self._walk(self.history.forward())

    def _unsettled(self) -> bool:
        """Whether the view on screen is newer than the history's newest (it has not settled yet)."""
        current = self.history.current()
        return current is not None and not self.history.can_go_forward() and not self.history.same(
            current, self.state.view_state())

    def _walk(self, view: ViewState | None) -> None:
        if view is None:
            return
        self._walking_history = True
        try:
            self.state.restore(view)
        finally:
            self._walking_history = False
            self.history_timer.stop()
        self._update_history_actions()

    def _update_history_actions(self) -> None:
        if hasattr(self, "back_action"):
            self.back_action.setEnabled(self.history.can_go_back() or self._unsettled())
            self.forward_action.setEnabled(self.history.can_go_forward())

    # -- saved views ---------------------------------------------------------------------------------
    def _fill_saved_menu(self) -> None:
        menu = self.saved_menu
        menu.clear()
        menu.addAction(self.save_view_action)
        menu.addAction(_tr("&Manage saved views…"), self.manage_saved_views)
        if self.saved_views.warning:
            self.statusBar().showMessage(self.saved_views.warning, 10000)
        names = self.saved_views.names()
        if names:
            menu.addSeparator()
        for name in names:
            action = QAction(name, menu)
            action.triggered.connect(lambda _checked=False, n=name: self.open_saved_view(n))
            menu.addAction(action)

    def ask_and_save_view(self) -> None:
        """View > Saved views > Save this view: ask for a name and save the view on screen."""
        if self.state.store is None:
            return
        low, high = self.timeline.view_range()
        suggestion = f"{self.state.filter.describe(self.state.catalog)}, {low:.0f}–{high:.0f}"[:MAX_NAME]
        name, ok = QInputDialog.getText(self, _tr("Save this view"), _tr("Name of the view:"),
                                        QLineEdit.EchoMode.Normal, suggestion)
        if ok:
            self.save_current_view(name)

    def save_current_view(self, name: str) -> bool:
        """Save the view on screen as ``name``; say why not in the status bar if it cannot be."""
        self.state.set_view_range(*self.timeline.view_range())
        replacing = name.strip() in self.saved_views.names()
        try:
            self.saved_views.save(name, self.state.view_state(), self.state.store.path if self.state.store else None)
        except (SavedViewsError, OSError) as exc:
            show_message(self, _tr("Cannot save the view"), str(exc))
            return False
        message = _tr("Replaced the saved view “{0}”.") if replacing else _tr("Saved the view “{0}”.")
        self.statusBar().showMessage(message.format(name.strip()), 5000)
        self._fill_saved_menu()
        return True

    def open_saved_view(self, name: str) -> bool:
        """Show the saved view ``name`` (on the store open now)."""
        try:
            saved = self.saved_views.get(name)
        except SavedViewsError as exc:
            show_message(self, _tr("Cannot open the view"), str(exc))
            return False
        self.show_view(saved.view)
        return True

    def manage_saved_views(self) -> SavedViewsDialog:
        """View > Saved views > Manage: list, open, rename and delete the saved views."""
        dialog = SavedViewsDialog(self.saved_views, self)
        dialog.sigOpen.connect(self.open_saved_view)
        dialog.finished.connect(lambda _result: self._fill_saved_menu())
        dialog.open()
        return dialog

    def show_view(self, view: ViewState) -> list[str]:
        """Show ``view``; say in the status bar what it names that this store lacks. Returns that."""
        dropped = self.state.restore(view)
        if dropped:
            self.statusBar().showMessage(
                _tr("The view names what this store lacks, left out: {0}").format(", ".join(dropped)), 10000)
        self.record_view()
        return dropped

    # -- a view as text ------------------------------------------------------------------------------
    def copy_view(self) -> str:
        """View > Copy view as text: a short text anyone can paste to see the same view."""
        self.state.set_view_range(*self.timeline.view_range())
        text = view_text(self.state.view_state())
        QApplication.clipboard().setText(text)
        self.statusBar().showMessage(_tr("Copied this view as text: paste it in a message; "
                                         "View > Paste view shows it."), 8000)
        return text

    def paste_view(self) -> bool:
        """View > Paste view: show the view whose text is on the clipboard; one line if it is not one."""
        try:
            view = view_from_text(QApplication.clipboard().text())
        except ViewTextError as exc:
            self.statusBar().showMessage(_tr("Cannot paste a view: {0}").format(exc), 10000)
            return False
        self.show_view(view)
        return True
