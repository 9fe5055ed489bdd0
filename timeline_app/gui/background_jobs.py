"""Work off the window's thread: a search or a sort runs in a thread pool and hands its answer back.

Each job carries a :class:`~timeline_app.model.latest.Ticket`; the answer is delivered on
the GUI thread, and the caller drops it unless the ticket is still current, so a slow old
answer never overwrites a newer one. A job stopped by its ticket delivers nothing.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from timeline_app.model.latest import Ticket
from timeline_app.store.interrupt import CancelCheck, Cancelled

Work = Callable[[CancelCheck], Any]
TRIM_AFTER_MS = 1000
#: How much lower a preparation's thread runs than the window's (Linux nice levels): on a
#: contended core the window's thread then gets some nine tenths of it, not half.
AHEAD_NICENESS = 10


def _libc_trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc: its allocator returns memory in its own way
        return None


_TRIM = _libc_trim()


def return_freed_memory() -> None:
    """Hand the memory a finished job freed back to the system.

    Sorting a million titles or opening a big store frees hundreds of megabytes that glibc
    would otherwise keep (worker threads have heaps of their own), so the window would
    stay as big as its busiest moment.
    """
    if _TRIM is not None:
        _TRIM(0)


_this_thread = threading.local()


def yield_to_the_window() -> None:
    """Lower this thread's priority below the window's, once and for good: it only prepares
    what makes later answers faster. Where the system cannot (not Linux), it keeps the window's.
    """
    if getattr(_this_thread, "lowered", False):
        return
    _this_thread.lowered = True
    with suppress(AttributeError, OSError):
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + AHEAD_NICENESS))


class _Relay(QObject):
    """Lives on the GUI thread: a signal emitted from a worker reaches it through the event loop."""

    sigFinished = Signal(int, object, str)  # job number, result, error ("" if none)


class _Job(QRunnable):
    def __init__(self, number: int, ticket: Ticket, work: Work, relay: _Relay, trim: bool, ahead: bool) -> None:
        super().__init__()
        self.number, self.ticket, self.work, self.relay, self.trim = number, ticket, work, relay, trim
        self.ahead = ahead

    def run(self) -> None:
        if self.ahead:  # a thread of the preparations' own pool: lowered once, it stays so
            yield_to_the_window()
        try:
            result, error = self.work(self.ticket.cancelled), ""
        except Cancelled:
            result, error = None, ""
        except Exception as exc:
            result, error = None, str(exc) or type(exc).__name__
        if self.trim:  # here, on the worker: what the job freed goes back before the next one
            return_freed_memory()
        with suppress(RuntimeError):  # the window closed meanwhile: nobody waits for the answer
            self.relay.sigFinished.emit(self.number, result, error)


class BackgroundJobs(QObject):
    """A small thread pool whose answers come back on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        # Preparations run one at a time on a thread of their own that gives way to the window.
        self.ahead_pool = QThreadPool(self)
        self.ahead_pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.sigFinished.connect(self._deliver)
        self._waiting: dict[int, tuple[Ticket, Callable[[Any], None], Callable[[str], None] | None]] = {}
        self._count = 0
        self._stopped = False
        # Returning memory can take milliseconds on a big heap: done once the window is quiet,
        # not as each answer comes in (a search would wait for it).
        self._trim = QTimer(self, singleShot=True, interval=TRIM_AFTER_MS)
        self._trim.timeout.connect(self._quiet_trim)
        self._trim_due = False
        self._holds = 0
        self._after_hold: list[Callable[[], None]] = []

    def hold(self) -> None:
        """Keep work that only makes later answers faster (:meth:`after_hold`) from starting until
        :meth:`release`: while a big store's rows are checked, the cores are the check's."""
        self._holds += 1

    def release(self) -> None:
        """End one :meth:`hold`; when none is left, start what waited, in the order it came."""
        self._holds = max(0, self._holds - 1)
        while not self._holds and self._after_hold:
            self._after_hold.pop(0)()

    def after_hold(self, start: Callable[[], None]) -> None:
        """Call ``start()`` now, or when the holds are released."""
        if self._holds:
            self._after_hold.append(start)
        else:
            start()

    def run(self, ticket: Ticket, work: Work, on_done: Callable[[Any], None],
            on_error: Callable[[str], None] | None = None, trim: bool = False, ahead: bool = False) -> None:
        """Run ``work(cancelled)`` in the pool; call ``on_done(result)`` on the GUI thread unless cancelled.

        ``trim``: the work frees much memory (a preparation, a sort of every title): it goes back
        to the system after the job and once the window is quiet. Not after a facet count or a
        search: the pages given back would be asked for again, a fault each, at the next click
        (1,250 faults, 6-10 ms, on a theme click after a search at a million events).
        ``ahead``: nobody waits for it yet (a preparation): it runs at a lower priority, so the
        window's own work, searches and counts go first on a busy machine.
        """
        if self._stopped:
            return
        self._count += 1
        try:
            (self.ahead_pool if ahead else self.pool).start(_Job(self._count, ticket, work, self._relay, trim, ahead))
        except RuntimeError:
            return  # the window is being deleted
        self._trim_due |= trim
        self._waiting[self._count] = (ticket, on_done, on_error)

    def busy(self) -> bool:
        """Whether any job has not delivered yet."""
        return bool(self._waiting)

    def stop(self, wait_ms: int = 3000) -> None:
        """Drop queued jobs, wait for running ones (cancelled, they stop at their next check); start no more."""
        self._stopped = True
        for ticket, _done, _error in self._waiting.values():
            ticket.stop.set()
        for pool in (self.pool, self.ahead_pool):
            pool.clear()
        for pool in (self.pool, self.ahead_pool):
            pool.waitForDone(wait_ms)
        self._waiting.clear()

    def _quiet_trim(self) -> None:
        self._trim_due = False
        return_freed_memory()

    def _deliver(self, number: int, result: object, error: str) -> None:
        ticket, on_done, on_error = self._waiting.pop(number, (None, None, None))
        if not self._waiting and self._trim_due and not self._trim.isActive():
            self._trim.start()  # not restarted by each answer: a busy window is trimmed too
        if ticket is None or ticket.cancelled():
            return
        if error:
            if on_error is not None:
                on_error(error)
            return
        if on_done is not None:
            on_done(result)
