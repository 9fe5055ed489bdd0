"""What a file must be before we read or replace it: a regular file of a bounded size.

A FIFO or a device given as a store or an import file would make a read block forever or
never end (``/dev/zero``); they are refused before anything is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: Import and source files larger than this are refused rather than read into memory.
MAX_TEXT_BYTES = 256 * 1024 * 1024


class FileProblem(OSError):
    """A file cannot be used; ``problem`` says why in words."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = Path(path)
        self.problem = problem


def regular_file_problem(path: Path | str) -> str | None:
    """Why ``path`` (followed through symlinks) is not a readable regular file, or None."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a device, pipe or socket cannot be used)"
    return None


def read_text(path: Path | str, limit: int = MAX_TEXT_BYTES) -> str:
    """The text of a regular file of at most ``limit`` bytes, as UTF-8 (a BOM is dropped).

    Raise :class:`FileProblem` naming the file and what is wrong.
    """
    why = regular_file_problem(path)
    if why:
        raise FileProblem(path, why)
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise FileProblem(path, f"cannot be read ({exc.strerror})") from None
    if len(data) > limit:
        raise FileProblem(path, f"is larger than {limit // (1024 * 1024)} MB; split it into smaller files")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem(path, f"is not UTF-8 text (byte {exc.start} cannot be read)") from None
