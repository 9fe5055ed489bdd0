"""Opening a store's file with SQLite, and saying in plain words why it cannot be. No numpy, no Qt."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote as url_quote

from timeline_app.store.file_checks import regular_file_problem

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(Exception):
    """A file cannot be used as an event store; the message names the file and the problem."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


def connect(path: Path | str, writable: bool = False) -> sqlite3.Connection:
    """Open ``path`` with SQLite; read-only (SQLite's ``mode=ro``) unless ``writable``.

    Raise :class:`StoreError` for a missing file, a folder, or a file SQLite cannot read.
    """
    path = Path(path)
    why = regular_file_problem(path)
    if why:
        raise StoreError(path, why.replace("a file", "an event store"))
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StoreError(path, f"cannot be read ({exc.strerror})") from None
    if not header:
        raise StoreError(path, "is empty (0 bytes), not an event store")
    if not header.startswith(SQLITE_HEADER):
        raise StoreError(path, "is not an SQLite database (the file is damaged or of another kind)")
    mode = "rw" if writable else "ro"
    uri = f"file:{url_quote(str(path.resolve()))}?mode={mode}"
    wal = len(header) > 19 and header[18] == 2
    if not writable and wal and not path.with_name(path.name + "-wal").exists():
        # A write-ahead-log store with nothing pending: immutable keeps SQLite from creating
        # -wal and -shm files beside it, so opening leaves the folder as it was.
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("select count(*) from sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(path, explain(exc)) from None
    return conn


#: How long to wait for another program that is writing the store.
BUSY_SECONDS = 5.0
#: No single read while opening a store may take longer than this (a store can hide an endless query).
OPENING_SECONDS = 30.0


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float) -> Iterator[None]:
    """Interrupt any statement on ``conn`` that runs past ``seconds`` (SQLite raises "interrupted")."""
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
    try:
        yield
    finally:
        conn.set_progress_handler(None, 0)


def explain(exc: sqlite3.Error) -> str:
    """A plain-English reason for an SQLite error."""
    text = str(exc)
    if "not a database" in text:
        return "is not an SQLite database (the file is damaged or of another kind)"
    if "locked" in text:
        return "is locked by another program; close it there and try again"
    if "unable to open" in text:
        return "cannot be opened (check that you may read it)"
    if "malformed" in text:
        return "is damaged (SQLite reports a malformed database)"
    if "interrupted" in text:
        return "takes too long to read (a table may hold an endless query); it was left alone"
    if "disk is full" in text or "disk I/O" in text:
        return "could not be written: the disk is full or failing"
    return f"cannot be read by SQLite: {text}"


__all__ = ["BUSY_SECONDS", "OPENING_SECONDS", "SQLITE_HEADER", "StoreError", "connect", "explain", "time_limit"]
