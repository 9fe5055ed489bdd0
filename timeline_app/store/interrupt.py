"""Stopping a long read when its answer is no longer wanted (a newer keystroke, another sort). No Qt."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: Asked now and then during long work; True means stop.
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The work was stopped because its answer is no longer wanted."""


def never() -> bool:
    """A cancel check for work nobody will stop."""
    return False


def stop_if(cancelled: CancelCheck) -> None:
    """Raise :class:`Cancelled` if ``cancelled()`` says so."""
    if cancelled():
        raise Cancelled


@contextmanager
def cancellable(conn: sqlite3.Connection, cancelled: CancelCheck) -> Iterator[None]:
    """Interrupt any statement on ``conn`` once ``cancelled()`` holds, raising :class:`Cancelled`."""
    if cancelled is never:
        yield
        return
    conn.set_progress_handler(lambda: 1 if cancelled() else 0, 20_000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if cancelled() and "interrupt" in str(exc):
            raise Cancelled from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
