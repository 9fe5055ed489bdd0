"""Entry script of the PyInstaller bundle (scripts/bundle.sh): runs ``timeline_app.cli:main``.

In the bundle the shipped files sit under ``<bundle>/_internal/timeline_app/data`` (and
``.../timeline_app/resources``). If the package's own lookup of the shipped store does not find
it there, point it there before the command line reads it; once the package looks in
``sys._MEIPASS`` itself (or through importlib.resources), this does nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _point_at_bundled_data() -> None:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return
    data = Path(bundle) / "timeline_app" / "data"
    from timeline_app.store import paths

    store = getattr(paths, "SHIPPED_STORE", None)
    if isinstance(store, Path) and not store.exists() and (data / "events.db").exists():
        paths.DATA = data
        paths.SHIPPED_STORE = data / "events.db"
        paths.SHIPPED_SOURCE = data / "events.toml"


_point_at_bundled_data()

from timeline_app.cli import main  # noqa: E402 - after the shipped files are found

main()
