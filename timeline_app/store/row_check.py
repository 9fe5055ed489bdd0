"""The check a large store's rows get after it is shown, as the process of its own runs it
(:mod:`.background_check` starts it). No Qt, and no numpy until the arrays must be read
again: the process then starts in half the time (0.12 s, not 0.27).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import struct
import sys
import threading
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
    window = sys.stdin.fileno()
    path = read_message(window)
    result = check_rows(Path(str(path)), _DigestFromTheWindow(window))
    sys.stdout.buffer.write(pickle.dumps(result, pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def message(value: object) -> bytes:
    """``value`` as the window sends it to the child: its length, then its pickle."""
    data = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return struct.pack("<Q", len(data)) + data


def read_message(fd: int) -> object:
    """The next :func:`message` on ``fd``; EOFError if the sender went first.

    Read from the descriptor itself, not a buffered file: a thread may wait on it while the
    process ends, and a buffered file's lock would then abort the process.
    """
    (size,) = struct.unpack("<Q", _read_exactly(fd, 8))
    return pickle.loads(_read_exactly(fd, size))  # our own window's


def _read_exactly(fd: int, size: int) -> bytes:
    data = b""
    while len(data) < size:
        more = os.read(fd, size - len(data))
        if not more:
            raise EOFError("the window closed the pipe")
        data += more
    return data


class _DigestFromTheWindow:
    """The digest the window sends once it has read the arrays (calling waits for it).

    The window keeps its end of the pipe open until it has the answer: the pipe ending first
    means the window is gone (closed or killed), nobody waits for the answer, and the process
    ends at once rather than check on for seconds.
    """

    def __init__(self, fd: int) -> None:
        self._fd, self._arrived = fd, threading.Event()
        self._value: ArraysDigest | None = None
        threading.Thread(target=self._listen, daemon=True, name="window-watch").start()

    def _listen(self) -> None:
        try:
            value = read_message(self._fd)
            self._value = value if isinstance(value, ArraysDigest) else None
            self._arrived.set()
            while os.read(self._fd, 4096):
                pass  # nothing more is sent: this returns at the pipe's end
        except (EOFError, OSError, pickle.UnpicklingError):
            pass
        os._exit(0)  # the window is gone

    def __call__(self) -> ArraysDigest | None:
        self._arrived.wait()
        return self._value


__all__ = ["CHECK_NICENESS", "check_rows", "message", "read_message", "serve"]
