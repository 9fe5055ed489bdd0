"""The checks a large store gets after it is shown: every row, and its saved timeline index. No Qt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from timeline_app.store.dates import DateError
from timeline_app.store.event_store import StoreError, connect, explain
from timeline_app.store.rules import row_problems
from timeline_app.store.timeline_index import TimelineArrays, arrays_equal, compute_arrays


def check_rows_and_index(path: Path, loaded: TimelineArrays) -> tuple[list[str], TimelineArrays | None]:
    """Problems with the rows of the store at ``path`` (dates, references), and fresh arrays if
    the ones the window ``loaded`` (from the saved index) no longer match the tables.

    Opens a connection of its own, so it can run on a thread while the window stays responsive
    (SQLite releases the interpreter lock while it reads). Never raises: a failure is a problem.
    """
    try:
        conn = connect(path)
        try:
            problems = row_problems(conn)
            if problems:
                return problems, None
            computed = compute_arrays(conn)
            return [], None if arrays_equal(computed, loaded) else computed
        finally:
            conn.close()
    except StoreError as exc:
        return [exc.problem], None
    except DateError as exc:
        return [f"a date cannot be read: {exc}"], None
    except sqlite3.Error as exc:
        return [explain(exc)], None
    except Exception as exc:  # a thread must report, not raise
        return [f"cannot be read: {exc}"], None
