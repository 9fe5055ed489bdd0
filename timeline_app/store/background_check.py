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
from contextlib import suppress
from pathlib import Path

from timeline_app.store.index_proof import digest_of
from timeline_app.store.row_check import check_rows, message
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
    thread with what :func:`check_rows_and_index` found, unless :meth:`cancel` came first: then
    it is never called, so a check made stale by a newer one cannot report. ``loaded`` may
    come later (:meth:`give`): the check begins as the window begins to read the store, and
    needs the arrays only to prove them current.
    """

    def __init__(self, path: Path, loaded: TimelineArrays | None, on_done: Done) -> None:
        self.path, self.loaded, self.on_done = Path(path), loaded, on_done
        self.cancelled = threading.Event()
        self._given = threading.Event()
        if loaded is not None:
            self._given.set()
        self._child: subprocess.Popen | None = None
        self._lock = threading.Lock()
        self.thread = threading.Thread(target=self._run, daemon=True, name="row-check")

    def start(self) -> RowCheck:
        """Begin the check; return self."""
        self.thread.start()
        return self

    def give(self, loaded: TimelineArrays) -> None:
        """The arrays the window shows, if they were not known when the check began."""
        self.loaded = loaded
        self._given.set()

    def cancel(self) -> None:
        """Stop the check; its result, if any, is dropped. Returns at once."""
        self.cancelled.set()
        self._given.set()  # nobody waits for arrays that will never come
        with self._lock:
            if self._child is not None and self._child.poll() is None:
                self._child.kill()

    def _arrays(self) -> TimelineArrays | None:
        """The arrays once given (None if cancelled first)."""
        self._given.wait()
        return None if self.cancelled.is_set() else self.loaded

    def _run(self) -> None:
        result = self._in_child()
        if result is None and not self.cancelled.is_set():
            loaded = self._arrays()
            if loaded is None:
                return
            result = check_rows_and_index(self.path, loaded)  # no child to be had: check here
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
        assert child.stdin is not None and child.stdout is not None
        loaded, output = None, b""
        try:
            # The path at once; the digest of the arrays (not the arrays: a hundred megabytes at a
            # million events) once they are read. The child sends arrays back only when it had to
            # read them afresh. Its input stays open until the answer is in: its end tells the
            # child that the window is gone.
            child.stdin.write(message(str(self.path)))
            child.stdin.flush()
            loaded = self._arrays()
            if loaded is not None:
                child.stdin.write(message(digest_of(loaded)))
                child.stdin.flush()
        except OSError:
            pass  # the child ended early (a problem found, or cancelled): its answer says which
        try:
            output = child.stdout.read()
            child.wait()
        except OSError:
            return None
        finally:
            with suppress(OSError):
                child.stdin.close()
        if child.returncode != 0 or not output or loaded is None:
            return None
        try:
            problems, computed = pickle.loads(output)  # our own child's answer
        except Exception:
            return None
        return problems, fresh_arrays(computed, loaded)
