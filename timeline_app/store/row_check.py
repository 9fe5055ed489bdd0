"""The checks a large store gets after it is shown: every row, and its saved timeline index. No Qt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from timeline_app.store.dates import DateError
from timeline_app.store.event_store import StoreError, connect, explain
from timeline_app.store.index_proof import ArraysDigest, IndexProof, digest_of
from timeline_app.store.rules import row_problems
from timeline_app.store.timeline_index import TimelineArrays, arrays_equal, compute_arrays


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


def check_rows(path: Path, digest: ArraysDigest | None) -> tuple[list[str], TimelineArrays | None]:
    """Problems with the rows of the store at ``path``, and, when there are none and the arrays
    with ``digest`` cannot be proved to still hold (:mod:`.index_proof`), the arrays read afresh.

    What the child process runs: it is handed a few integers, not the window's arrays. Never raises.
    """
    try:
        conn = connect(path)
        try:
            beside = connect(path)  # a second reader: some rules are checked on a thread beside the others
            try:
                proof = IndexProof(digest)
                problems = row_problems(conn, proof=proof, beside=beside)
            finally:
                beside.close()
            if problems:
                return problems, None
            return [], None if proof.holds() else compute_arrays(conn)
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
