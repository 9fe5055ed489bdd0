"""The ``timeline-app`` command: when it is about to show a store, start reading it before loading Qt.

Importing Qt, pyqtgraph and the window takes most of a second; the store's arrays and lanes
can be read meanwhile on a thread (:mod:`timeline_app.model.store_opening`). Only the plain
ways of opening a window are recognised here (``timeline-app``, ``timeline-app MY.db``,
``timeline-app open MY.db``, with ``--lang``); with any other option the command line runs as
it would, and reads the store when it gets to it.
"""

from __future__ import annotations

import sys
from pathlib import Path

STORE_SUFFIXES = (".db", ".sqlite", ".sqlite3")


def store_to_open(args: list[str]) -> Path | None:
    """The store these command-line arguments open a window on without other options, if they do."""
    from timeline_app.store.paths import SHIPPED_STORE

    rest = list(args)
    if rest[:1] == ["--lang"]:
        rest = rest[2:]
    elif rest[:1] and rest[0].startswith("--lang="):
        rest = rest[1:]
    if rest[:1] == ["open"]:
        rest = rest[1:]
        if len(rest) != 1 or rest[0].startswith("-"):
            return None
    if not rest:
        return SHIPPED_STORE
    if len(rest) == 1 and Path(rest[0]).is_file() and (
            Path(rest[0]).suffix.lower() in STORE_SUFFIXES or len(Path(rest[0]).parts) > 1):
        return Path(rest[0])  # not a word that could be a command ("check" beside a file named so)
    return None


def main() -> None:
    """Entry point of ``timeline-app`` and ``python -m timeline_app``."""
    path = store_to_open(sys.argv[1:])
    if path is not None:
        from timeline_app.model.store_opening import start_opening

        start_opening(path)
    from timeline_app.cli import main as run_command_line

    run_command_line()
