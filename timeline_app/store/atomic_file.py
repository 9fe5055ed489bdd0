"""Write files so that a failure never leaves a half-written one behind, nor anything but a file replaced.

The new content goes to a temporary file beside the target, is flushed to disk, and only then
renamed over the target. Only a regular file (or nothing) is replaced: a device, a folder or
a pipe is refused, and a symlink is written through to the file it names. The result has the
permissions the user's umask gives (or the replaced file's), not a temporary file's 0600.
Temporary files a killed run left behind are removed by the next write to the same target.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SUFFIX = ".timeline-tmp"


class NotAFileError(OSError):
    """The target exists but is not a regular file (or is a symlink to nothing)."""


def writable_target(target: Path) -> Path:
    """The file a write to ``target`` must replace: ``target`` itself, or what its symlink names.

    Raise :class:`NotAFileError` if that exists and is not a regular file.
    """
    target = Path(target)
    if target.is_symlink():
        real = target.resolve()
        if not real.exists():
            raise NotAFileError(f"{target}: is a symlink to {real}, which does not exist")
        target = real
    if target.exists():
        mode = os.stat(target).st_mode
        if stat.S_ISDIR(mode):
            raise NotAFileError(f"{target}: is a folder; give a file name")
        if not stat.S_ISREG(mode):
            raise NotAFileError(f"{target}: is not a regular file (a device, pipe or socket); give a file name")
    return target


def _umask() -> int:
    try:
        status = Path("/proc/self/status").read_text()
        match = re.search(r"^Umask:\s*([0-7]+)", status, flags=re.MULTILINE)
        if match:
            return int(match.group(1), 8)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporary files that a killed write to ``target`` left (their process is gone)."""
    removed = []
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(\d+)\.[^.]+{re.escape(_SUFFIX)}(\.[A-Za-z0-9]+)?$")
    folder = target.parent if str(target.parent) else Path(".")
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            match = pattern.match(entry.name)
            if match and not _alive(int(match.group(1))):
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(entry)
    return removed


@contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; put it in place of ``target`` if the block succeeds.

    On any error the temporary file is removed and ``target`` is left as it was.
    """
    real = writable_target(Path(target))
    folder = real.parent if str(real.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"{folder}: no such folder")
    remove_stale_temporaries(real)
    handle, name = tempfile.mkstemp(prefix=f".{real.name}.{os.getpid()}.", suffix=_SUFFIX + real.suffix, dir=folder)
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        mode = stat.S_IMODE(os.stat(real).st_mode) if real.exists() else 0o666 & ~_umask()
        os.chmod(temp, mode)
        with open(temp, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temp, real)
        _sync_folder(folder)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
