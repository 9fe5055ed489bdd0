"""Where the shipped files are: package data, wherever the app is installed (a clone, a wheel, a bundle)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _package_folder(package: str) -> Path:
    # Installed packages are plain folders on disk (pip, pipx, the PyInstaller bundle), so the
    # resource's path is usable as is: SQLite needs a real file to open.
    return Path(str(files(package)))


DATA = _package_folder("timeline_app.data")
RESOURCES = _package_folder("timeline_app.resources")
SHIPPED_STORE = DATA / "events.db"
SHIPPED_SOURCE = DATA / "events.toml"
