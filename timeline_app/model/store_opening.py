"""A store opened, and its events read and laid out, on a thread of its own while the window is built. No Qt.

At a million events the window's first frame needs a few tenths of a second of reading
(the saved arrays) and laying out (the lanes); loading Qt and pyqtgraph takes longer still
and leaves SQLite and most of numpy free to run beside it. So the ``timeline-app`` command
starts the store it will show here, before it imports the window, and the explorer state
takes the result when the window asks for that same store. Anything else (another path,
other checks, a failure) is dropped, and the window opens the store the usual way,
reporting any problem itself.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from timeline_app.model.catalog import EventCatalog, load_catalog
from timeline_app.model.layout import lay_out
from timeline_app.store.event_store import EventStore

Opened = tuple[EventStore, EventCatalog]


class StoreOpening:
    """Opens the store at ``path`` (with ``check_rows`` as :class:`EventStore` takes it) on a thread."""

    def __init__(self, path: Path | str, check_rows: bool | None = None, grouping: str = "theme") -> None:
        self.path, self.check_rows, self.grouping = Path(path), check_rows, grouping
        self._opened: Opened | None = None
        self._thread = threading.Thread(target=self._open, daemon=True, name="store-opening")

    def start(self) -> StoreOpening:
        """Begin; return self."""
        self._thread.start()
        return self

    def _open(self) -> None:
        try:
            store = EventStore(self.path, check_rows=self.check_rows)
        except Exception:
            return  # the window opens it again and says what is wrong
        try:
            catalog = load_catalog(store)
            lay_out(catalog, np.ones(len(catalog), dtype=bool), self.grouping)  # kept in the catalog
        except Exception:
            store.close()
            return
        self._opened = store, catalog

    def take(self, path: Path | str, check_rows: bool | None) -> Opened | None:
        """The opened store and its catalog if they are of ``path`` opened with ``check_rows``; else None.

        Waits for the thread. What is not taken is closed; a second call returns None.
        """
        self._thread.join()
        opened, self._opened = self._opened, None
        if opened is None:
            return None
        if Path(path).resolve() != self.path.resolve() or check_rows != self.check_rows:
            opened[0].close()
            return None
        return opened


#: The opening the ``timeline-app`` command started before loading the window, if any.
_started: list[StoreOpening] = []


def start_opening(path: Path | str, check_rows: bool | None = None) -> StoreOpening:
    """Start opening ``path`` for the window about to be shown (see :func:`take_opened`)."""
    opening = StoreOpening(path, check_rows).start()
    _started[:] = [opening]
    return opening


def opening_started(path: Path | str) -> bool:
    """Whether :func:`start_opening` began reading ``path`` and it has not been taken yet."""
    return bool(_started) and _started[-1].path.resolve() == Path(path).resolve()


def take_opened(path: Path | str, check_rows: bool | None) -> Opened | None:
    """The store :func:`start_opening` opened, if it is ``path`` with ``check_rows``; only once."""
    if not _started:
        return None
    return _started.pop().take(path, check_rows)
