"""What the window remembers between sessions: its geometry and splitters, recent stores, and each
store's own view (filter, grouping, years, selection), kept apart so one store's filter never
lands on another.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from timeline_app.model.explorer_state import ViewState

MAX_RECENT = 8


def store_key(path: Path | str) -> str:
    """A settings key for the store at ``path`` (its resolved path, hashed: no slashes in keys)."""
    return hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:16]


class WindowSettings:
    """A thin layer over QSettings that never lets a damaged value stop the window from starting."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings
        self.warnings: list[str] = []

    def _json(self, key: str, default: object) -> object:
        raw = self.qsettings.value(key)
        if raw is None:
            return default
        try:
            return json.loads(raw) if isinstance(raw, str) else default
        except ValueError:
            self.warnings.append(QCoreApplication.translate(
                "WindowSettings", "the saved setting '{key}' was damaged and is ignored").format(key=key))
            return default

    # -- per store -------------------------------------------------------------------------------------
    def view_of(self, path: Path | str) -> ViewState | None:
        """The view last used on the store at ``path``, or None if there is none."""
        data = self._json(f"views/{store_key(path)}", None)
        if data is None:
            return None
        view, damaged = ViewState.parse(data)
        if damaged:
            self.warnings.append(QCoreApplication.translate(
                "WindowSettings", "the saved view was damaged ({parts}); that part is left out").format(
                parts=", ".join(damaged)))
        return view

    def save_view(self, path: Path | str, view: ViewState) -> None:
        """Remember ``view`` for the store at ``path``."""
        self.qsettings.setValue(f"views/{store_key(path)}", json.dumps(view.to_dict()))

    # -- recent stores ---------------------------------------------------------------------------------
    def recent_stores(self) -> list[str]:
        """Recently opened stores, newest first."""
        value = self._json("recent", [])
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    def remember_recent(self, path: Path) -> None:
        """Put ``path`` first among the recent stores."""
        resolved = str(Path(path).resolve())
        recent = [resolved, *(p for p in self.recent_stores() if p != resolved)]
        self.qsettings.setValue("recent", json.dumps(recent[:MAX_RECENT]))

    # -- window ----------------------------------------------------------------------------------------
    def bytes_of(self, key: str) -> QByteArray | None:
        """A saved geometry or splitter state."""
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray | bytes) else None

    def value(self, key: str, default: object) -> object:
        """A saved plain value (JSON), or ``default``."""
        return self._json(key, default)

    def set_value(self, key: str, value: object) -> None:
        """Save a plain value as JSON."""
        self.qsettings.setValue(key, json.dumps(value))

    def set_bytes(self, key: str, value: QByteArray) -> None:
        """Save a geometry or splitter state."""
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        """Write everything to disk now."""
        self.qsettings.sync()
