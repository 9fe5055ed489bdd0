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
from timeline_app.store.row_check import check_rows, check_rows_and_index, fresh_arrays
from timeline_app.store.timeline_index import TimelineArrays

Done = Callable[[list[str], TimelineArrays | None], None]
_CHILD = "from timeline_app.store.background_check import serve; serve()"


class RowCheck:
    """One check of the store at ``path`` against the arrays the window ``loaded``.

    :meth:`start` returns at once; ``on_done(problems, fresh)`` is later called on a worker
    thread with what :func:`~timeline_app.store.row_check.check_rows_and_index` found, unless
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


def serve() -> None:
    """The child's side: read (path, digest) on stdin, write (problems, arrays read afresh or None) on stdout."""
    path, digest = pickle.load(sys.stdin.buffer)  # from the parent process
    result = check_rows(Path(path), digest)
    sys.stdout.buffer.write(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
