"""The check a large store's rows get after it is shown, as the process of its own runs it
(:mod:`.background_check` starts it). No Qt, and no numpy until the arrays must be read
again: the process then starts in half the time (0.12 s, not 0.27).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import sys
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from timeline_app.store.connection import StoreError, connect, explain
from timeline_app.store.dates import DateError
from timeline_app.store.index_proof import ArraysDigest, DigestGiven, IndexProof
from timeline_app.store.rules import row_problems

if TYPE_CHECKING:
    from timeline_app.store.timeline_index import TimelineArrays


def check_rows(path: Path, digest: DigestGiven) -> tuple[list[str], TimelineArrays | None]:
    """Problems with the rows of the store at ``path``, and, when there are none and the arrays
    with ``digest`` cannot be proved to still hold (:mod:`.index_proof`), the arrays read afresh.

    What the child process runs: it is handed a few integers, not the window's arrays, and may
    be handed them after it began (``digest`` is then called when the proof needs it). Never raises.
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
            if problems or proof.holds():
                return problems, None
            from timeline_app.store.timeline_index import compute_arrays  # numpy, only when it is needed

            return [], compute_arrays(conn)
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


#: How much lower the checking process runs than the window (nice levels): where both want a
#: core, the window's frames come first; the check takes whatever the window leaves.
CHECK_NICENESS = 5


def serve() -> None:
    """The child's side: read the store's path on stdin, then (when the proof needs it) the digest of
    the arrays the window shows; write (problems, arrays read afresh or None) on stdout.

    The window starts the check as it begins to open the store, and sends the digest once it
    has read the arrays: the check's first passes need only the path.
    """
    with suppress(AttributeError, OSError):  # not where processes have nice levels: as the window
        os.nice(CHECK_NICENESS)
    path = pickle.load(sys.stdin.buffer)  # from the parent process
    result = check_rows(Path(path), _sent_digest)
    sys.stdout.buffer.write(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def _sent_digest() -> ArraysDigest | None:
    try:
        return pickle.load(sys.stdin.buffer)  # our own window's: sent once it has read the arrays
    except (EOFError, pickle.UnpicklingError, OSError):
        return None  # the window sent none: the arrays cannot be proved, and are read afresh


__all__ = ["CHECK_NICENESS", "check_rows", "serve"]
