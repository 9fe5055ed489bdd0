"""Check a large store's rows in the background, after the window already shows it."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from timeline_app.dates import DateError
from timeline_app.store import StoreError, connect, explain
from timeline_app.store_rules import row_problems
from timeline_app.timeline_arrays import TimelineArrays, arrays_equal, compute_arrays


class BackgroundStoreCheck(QObject):
    """Runs the row checks (dates, references) and recomputes the timeline arrays on a thread.

    Signals:
      sigFinished(str, list, object): the store's path, the problems found (empty if none)
        and, when the store's saved timeline index turned out stale, the fresh arrays (else None).
    """

    sigFinished = Signal(str, list, object)

    def start(self, path: Path, loaded: TimelineArrays) -> threading.Thread:
        """Begin checking ``path`` against the arrays the window ``loaded``; return the thread."""
        thread = threading.Thread(target=self._run, args=(Path(path), loaded), daemon=True,
                                  name="store-check")
        thread.start()
        return thread

    def _run(self, path: Path, loaded: TimelineArrays) -> None:
        # A connection of its own: SQLite releases the interpreter lock while it reads, so the
        # window stays responsive.
        problems: list[str] = []
        fresh: TimelineArrays | None = None
        try:
            conn = connect(path)
            try:
                problems = row_problems(conn)
                if not problems:
                    computed = compute_arrays(conn)
                    if not arrays_equal(computed, loaded):
                        fresh = computed
            finally:
                conn.close()
        except StoreError as exc:
            problems = [exc.problem]
        except DateError as exc:
            problems = [f"a date cannot be read: {exc}"]
        except Exception as exc:
            problems = [explain(exc) if hasattr(exc, "sqlite_errorcode") else f"cannot be read: {exc}"]
        self.sigFinished.emit(str(path), problems, fresh)
