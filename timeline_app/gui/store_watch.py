"""The window watches its store: another program's changes, and the rows of a large store checked off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer

from timeline_app.gui.plain_text import show_message
from timeline_app.model.store_opening import opening_started
from timeline_app.store.background_check import RowCheck

WATCH_MS = 2000  # how often the window looks whether another program changed the open store
#: A store file bigger than this has its rows checked from the moment the window begins to read
#: it (50,000 events, past which a store is checked after it is shown, take some 30 MB).
EARLY_CHECK_ABOVE_BYTES = 16_000_000
#: At launch the window's first frame comes first: a large store's check begins once that frame
#: is painted (its process and passes would take a core from it), or this long after the store
#: is read if no frame is painted meanwhile.
LAUNCH_CHECK_WITHIN_MS = 1000


def file_stamp(path: Path) -> tuple:
    """What changes when any program writes the store: size and time of the file and its write-ahead log."""
    stamps = []
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            info = name.stat()
            stamps.append((info.st_size, info.st_mtime_ns))
        except OSError:
            stamps.append(None)
    return tuple(stamps)  # past this, refreshing the table and counts costs more than a frame



class StoreWatchMixin:
    """Store watching for :class:`~timeline_app.gui.main_window.MainWindow` (uses its state, status bar,
    ``open_store`` and ``sigRowsChecked``)."""

    def check_for_outside_changes(self) -> bool:
        """If another program changed the open store, show it as it is now; return whether it had changed.

        A store changed under an open window would otherwise show stale rows (or fail on them);
        the view (filter, years, selection) is kept where the new content allows.
        """
        store = self.state.store
        if store is None:
            return False
        stamp = file_stamp(store.path)
        if self._watched is None or self._watched[0] != store.path:
            self._watched = (store.path, stamp)
            return False
        if stamp == self._watched[1]:
            return False
        self._watched = (store.path, stamp)
        view = self.state.view_state()
        if not self.open_store(store.path, quiet=self.quiet_errors):
            self.state.close_store()
            return True
        self.state.restore(view)
        self.statusBar().showMessage(QCoreApplication.translate(
            "StoreWatchMixin", "{file} was changed by another program; the window now shows it as it is.").format(
            file=store.path.name), 10000)
        return True

    def _read_store(self, path: Path | str, check_rows: bool | None) -> RowCheck | None:
        """Read the store at ``path`` into the state, raising what that raises; a large one's check
        begins beside the reading, and is returned (None if none began)."""
        # At launch the window's first frame comes first: the check of the store the command began
        # reading waits for it (:meth:`_start_row_check`).
        self._check_after_frame = self.isVisible() and not self.timeline.has_painted() and opening_started(path)
        begun = None if self._check_after_frame else self._begin_row_check(Path(path), check_rows)
        try:
            self.state.open_store(path, check_rows=check_rows)
        except BaseException:
            if begun is not None:
                begun.cancel()
            raise
        return begun

    def _begin_row_check(self, path: Path, check_rows: bool | None) -> RowCheck | None:
        """A check of a store that looks large (by its file), begun before it is read; None for others.

        The check's first passes need only the file, so they run while the window reads the
        arrays and draws them (:meth:`_start_row_check` hands it the arrays, or drops it).
        """
        try:
            big = check_rows is None and Path(path).stat().st_size > EARLY_CHECK_ABOVE_BYTES
        except OSError:
            return None
        return self._new_row_check(Path(path), None) if big else None

    def _start_row_check(self, path: Path, loaded, begun: RowCheck | None = None) -> None:
        self.stop_row_check()
        if begun is not None and begun.path == Path(path):
            begun.give(loaded)
            self._row_check = begun
            return
        if begun is not None:
            begun.cancel()
        if self._check_after_frame:
            self._check_after_first_frame(path, loaded)
            return
        self._row_check = self._new_row_check(path, loaded)

    def _check_after_first_frame(self, path: Path, loaded) -> None:
        store, begun = self.state.store, []

        def begin() -> None:
            # Once, and only if the store is still the one shown and no check began since.
            if not begun and self.state.store is store and self._row_check is None:
                begun.append(True)
                self._row_check = self._new_row_check(path, loaded)

        self.timeline.after_next_frame(begin)
        QTimer.singleShot(LAUNCH_CHECK_WITHIN_MS, begin)

    def _new_row_check(self, path: Path, loaded) -> RowCheck:
        """A check of ``path``, started; its answer reaches the window unless a newer check began."""
        self._check_number += 1
        number = self._check_number

        def done(problems: list, fresh) -> None:
            self.sigRowsChecked.emit(str(path), problems, fresh, number)  # queued to the window's thread

        return RowCheck(path, loaded, done).start()

    def stop_row_check(self) -> None:
        """End the background check, if one runs; what it would have found is dropped."""
        if self._row_check is not None:
            self._row_check.cancel()
            self._row_check = None
            self.jobs.release()  # the hold the check's store was opened with

    def _on_background_check(self, path: str, problems: list, fresh, number: int) -> None:
        store = self.state.store
        if number != self._check_number or store is None or str(store.path) != path:
            return  # a newer check was started, or another store opened, meanwhile: this result is stale
        self._row_check = None
        self.jobs.release()
        self.statusBar().clearMessage()
        if problems:
            more = self.tr(" (and %n more problem(s))", "", len(problems) - 1) if len(problems) > 1 else ""
            message = QCoreApplication.translate(
                "StoreWatchMixin", "{file}: is not a valid event store: {problem}{more}").format(
                file=path, problem=problems[0], more=more)
            self.state.close_store()
            self.sigStoreFailed.emit(message)
            if not self.quiet_errors:
                show_message(self, QCoreApplication.translate("StoreWatchMixin", "Cannot open this store"), message)
        elif fresh is not None:
            self.state.replace_arrays(fresh)
            self.statusBar().showMessage(QCoreApplication.translate(
                "StoreWatchMixin", "The store's timeline index was out of date; the timeline now shows its tables as "
                "they are."), 8000)

