"""Entry script of the PyInstaller bundle (scripts/bundle.sh): runs ``timeline_app.cli:main``.

The bundle holds the shipped files at ``sys._MEIPASS/timeline_app/data`` and
``sys._MEIPASS/timeline_app/resources`` (``dist/timeline-app/_internal/...``). A package that
finds them through ``importlib.resources.files("timeline_app.data")`` finds them there by
itself, and this does nothing. For a package that still looks beside its source tree
(``<repo>/data``, i.e. ``sys._MEIPASS/data`` in the bundle), it points ``paths`` at the bundled
folders before the command line reads them.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _point_at_bundled_files() -> None:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return
    from timeline_app.store import paths

    data = Path(bundle) / "timeline_app" / "data"
    store = getattr(paths, "SHIPPED_STORE", None)
    if isinstance(store, Path) and not store.exists() and (data / "events.db").exists():
        paths.DATA = data
        paths.SHIPPED_STORE = data / "events.db"
        paths.SHIPPED_SOURCE = data / "events.toml"
    resources = getattr(paths, "RESOURCES", None)
    if isinstance(resources, Path) and not resources.is_dir():
        paths.RESOURCES = Path(bundle) / "timeline_app" / "resources"


_point_at_bundled_files()

from timeline_app.cli import main  # noqa: E402 - after the shipped files are found

main()
