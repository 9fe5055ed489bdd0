"""The check of a large store's rows, run in a process of its own so the window never waits for it. No Qt.

The check is Python called row by row from SQLite: on a thread of the window's process it
would hold the interpreter lock for seconds and stall every frame. In a child process it runs
beside the window on a core of its own, and ending it (another store opened, the window closed)
is one signal, with nothing to join.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from timeline_app.store.index_proof import digest_of
from timeline_app.store.row_check import check_rows
from timeline_app.store.timeline_index import TimelineArrays, arrays_equal

Done = Callable[[list[str], TimelineArrays | None], None]
# The child imports only what the check needs (no numpy, no Qt): it starts sooner.
_CHILD = "from timeline_app.store.row_check import serve; serve()"


def check_rows_and_index(path: Path, loaded: TimelineArrays) -> tuple[list[str], TimelineArrays | None]:
    """Problems with the rows of the store at ``path`` (dates, references), and fresh arrays if
    the ones the window ``loaded`` (from the saved index) no longer match the tables.

    Opens a connection of its own, so it can run on a thread while the window stays responsive
    (SQLite releases the interpreter lock while it reads). Never raises: a failure is a problem.
    """
    problems, computed = check_rows(path, digest_of(loaded))
    return problems, fresh_arrays(computed, loaded)


def fresh_arrays(computed: TimelineArrays | None, loaded: TimelineArrays) -> TimelineArrays | None:
    """``computed`` if it differs from what the window ``loaded``, else None."""
    return None if computed is None or arrays_equal(computed, loaded) else computed


class RowCheck:
    """One check of the store at ``path`` against the arrays the window ``loaded``.

    :meth:`start` returns at once; ``on_done(problems, fresh)`` is later called on a worker
    thread with what :func:`check_rows_and_index` found, unless
    :meth:`cancel` came first: then it is never called, so a check made stale by a newer one
    cannot report.
    """

    def __init__(self, path: Path, loaded: TimelineArrays, on_done: Done) -> None:
        self.path, self.loaded, self.on_done = Path(path), loaded, on_done
        self.cancelled = threading.Event()
        self._child: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, daemon=True, name="row-check")

    def start(self) -> RowCheck:
        """Begin the check; return self."""
        self.thread.start()
        return self

    def cancel(self) -> None:
        """Stop the check; its result, if any, is dropped. Returns at once."""
        self.cancelled.set()
        with self._lock:
            if self._child is not None and self._child.poll() is None:
                self._child.kill()

    def _run(self) -> None:
        result = self._in_child()
        if result is None and not self.cancelled.is_set():
            result = check_rows_and_index(self.path, self.loaded)  # no child to be had: check here
        if result is not None and not self.cancelled.is_set():
            self.on_done(*result)

    def _in_child(self) -> tuple[list[str], TimelineArrays | None] | None:
        """The result from a child process; None if there is no child to be had or it failed."""
        if getattr(sys, "frozen", False):
            return None  # a bundled app cannot run ``python -c``
        with self._lock:
            if self.cancelled.is_set():
                return None
            try:
                self._child = subprocess.Popen([sys.executable, "-c", _CHILD], stdin=subprocess.PIPE,
                                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            except OSError:
                return None
        child = self._child
        # The child gets a digest of the arrays, not the arrays (a hundred megabytes at a million
        # events); it sends arrays back only when it had to read them afresh.
        request = (str(self.path), digest_of(self.loaded))
        try:
            output, _ = child.communicate(pickle.dumps(request, pickle.HIGHEST_PROTOCOL))
        except OSError:
            return None
        if child.returncode != 0 or not output:
            return None
        try:
            problems, computed = pickle.loads(output)  # our own child's answer
        except Exception:
            return None
        return problems, fresh_arrays(computed, self.loaded)

