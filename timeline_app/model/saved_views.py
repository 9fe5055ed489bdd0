"""Views people come back to: named views kept in a file, a view as a short text to pass on, back and forward.

A view is :class:`~timeline_app.model.explorer_state.ViewState` (filter, grouping, years,
selection). :class:`SavedViews` keeps named ones in a JSON file in the user's config folder,
written whole through :mod:`~timeline_app.store.atomic_file`; :func:`view_text` and
:func:`view_from_text` turn one into ``tlview1:`` text and back; :class:`ViewHistory` is the
browser-like list that Back and Forward walk. No Qt.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from timeline_app.model.explorer_state import ViewState
from timeline_app.store.atomic_file import atomic_target

VIEW_TEXT_PREFIX = "tlview1:"
#: A pasted text is refused past this size, before or after it is unpacked: a view is a few hundred bytes.
MAX_VIEW_TEXT = 20_000
MAX_NAME = 80
VIEWS_ENV = "TIMELINE_APP_VIEWS"
HISTORY_LENGTH = 100
#: Years differing by less than this share of the span are the same view (a redraw's rounding, not a pan).
SAME_YEARS = 0.001


class ViewTextError(ValueError):
    """Pasted text is not a view; the message is one line saying why."""


class SavedViewsError(ValueError):
    """A name cannot be used (empty, too long, taken) or names no saved view; one line saying why."""


# -- a view as a short text ------------------------------------------------------------------------


def view_text(view: ViewState) -> str:
    """``view`` as ``tlview1:`` and URL-safe base64 of its compressed JSON: one line to paste anywhere."""
    data = json.dumps(view.to_dict(), separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    packed = base64.urlsafe_b64encode(zlib.compress(data.encode("utf-8"), 9)).decode("ascii")
    return VIEW_TEXT_PREFIX + packed.rstrip("=")


def view_from_text(text: str) -> ViewState:
    """The view in ``text`` (made by :func:`view_text`); raise :class:`ViewTextError` if it is not one."""
    text = "".join(text.split())  # a mail program may break the line or indent it
    if not text:
        raise ViewTextError("there is no text to read a view from; copy a view first (View > Copy view)")
    if not text.startswith(VIEW_TEXT_PREFIX):
        raise ViewTextError(f"this is not a view: a view's text starts with {VIEW_TEXT_PREFIX}")
    if len(text) > MAX_VIEW_TEXT:
        raise ViewTextError("this is not a view: the text is far too long for one")
    packed = text[len(VIEW_TEXT_PREFIX):]
    try:
        raw = base64.b64decode(packed + "=" * (-len(packed) % 4), altchars=b"-_", validate=True)
        unpacker = zlib.decompressobj()
        data = unpacker.decompress(raw, MAX_VIEW_TEXT)
        if unpacker.unconsumed_tail or not unpacker.eof:
            raise ViewTextError("this view's text is cut short or too large; copy it again, whole")
        value = json.loads(data.decode("utf-8"))
    except (binascii.Error, zlib.error, UnicodeDecodeError, ValueError) as exc:
        if isinstance(exc, ViewTextError):
            raise
        raise ViewTextError("this view's text is damaged (a character changed or missing); copy it again") from None
    view, damaged = ViewState.parse(value)
    if damaged:
        raise ViewTextError(f"this view's text is damaged ({', '.join(damaged)}); copy it again")
    return view


# -- named views in a file -------------------------------------------------------------------------


def default_views_file() -> Path:
    """Where saved views live: $TIMELINE_APP_VIEWS (tests), else the user's config folder."""
    named = os.environ.get(VIEWS_ENV)
    if named:
        return Path(named)
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        base = Path(os.environ["APPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "timeline-app" / "views.json"


@dataclass(frozen=True)
class SavedView:
    """A named view and the store it was saved on (None: not known)."""

    name: str
    view: ViewState
    store: str | None = None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a view, or None."""
    if not name.strip():
        return "a view needs a name"
    if len(name) > MAX_NAME:
        return f"a view's name is at most {MAX_NAME} characters"
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return "a view's name is one line of text"
    return None


class SavedViews:
    """Named views in a JSON file, in the order they were saved; every change is written at once.

    A damaged or unreadable file reads as no views, says so in ``warning``, and is kept beside the
    new file (``.damaged``) at the first change rather than lost.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_views_file()
        self.warning: str | None = None
        self._damaged = False
        self._views: list[SavedView] = self._read()

    def _read(self) -> list[SavedView]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as exc:
            return self._unreadable(f"cannot be read ({getattr(exc, 'strerror', None) or exc})")
        try:
            data = json.loads(text)
        except ValueError:
            return self._unreadable("is damaged (not JSON)")
        entries = data.get("views") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            return self._unreadable("is damaged (no list of views)")
        views: list[SavedView] = []
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or name_problem(entry["name"]):
                continue
            view, damaged = ViewState.parse(entry.get("view"))
            store = entry.get("store") if isinstance(entry.get("store"), str) else None
            if not damaged and self._find(views, entry["name"]) is None:
                views.append(SavedView(entry["name"], view, store))
        return views

    def _unreadable(self, why: str) -> list[SavedView]:
        self.warning = f"{self.path} {why}; saved views start afresh and the old file is kept"
        self._damaged = True
        return []

    @staticmethod
    def _find(views: list[SavedView], name: str) -> int | None:
        for i, saved in enumerate(views):
            if saved.name == name:
                return i
        folded = name.strip().casefold()
        matches = [i for i, saved in enumerate(views) if saved.name.casefold() == folded]
        return matches[0] if len(matches) == 1 else None

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._damaged and self.path.exists():
            self.path.replace(self.path.with_name(self.path.name + ".damaged"))
            self._damaged = False
        data = {"version": 1, "views": [{"name": s.name, "store": s.store, "view": s.view.to_dict()}
                                        for s in self._views]}
        with atomic_target(self.path) as temp:
            temp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    # -- reading -------------------------------------------------------------------------------------
    def names(self) -> list[str]:
        """The saved views' names, in the order they were saved."""
        return [s.name for s in self._views]

    def get(self, name: str) -> SavedView:
        """The view saved as ``name`` (exactly, or in another case if only one fits); raise if none."""
        index = self._find(self._views, name)
        if index is None:
            known = "; ".join(self.names()) or "none saved yet"
            raise SavedViewsError(f"no saved view is called {name!r}; the saved views are: {known}")
        return self._views[index]

    # -- changing ------------------------------------------------------------------------------------
    def save(self, name: str, view: ViewState, store: Path | str | None = None) -> None:
        """Save ``view`` as ``name``, replacing a view of that very name."""
        why = name_problem(name)
        if why:
            raise SavedViewsError(why)
        name = name.strip()
        entry = SavedView(name, view, str(store) if store is not None else None)
        existing = [i for i, s in enumerate(self._views) if s.name == name]
        if existing:
            self._views[existing[0]] = entry
        else:
            self._views.append(entry)
        self._write()

    def rename(self, old: str, new: str) -> None:
        """Call the view ``old`` ``new`` (refused if another view has that name)."""
        index = self._find(self._views, old)
        if index is None:
            raise SavedViewsError(f"no saved view is called {old!r}")
        why = name_problem(new)
        if why:
            raise SavedViewsError(why)
        new = new.strip()
        if any(s.name == new for i, s in enumerate(self._views) if i != index):
            raise SavedViewsError(f"a view is already called {new!r}")
        saved = self._views[index]
        self._views[index] = SavedView(new, saved.view, saved.store)
        self._write()

    def delete(self, name: str) -> None:
        """Forget the view ``name``."""
        index = self._find(self._views, name)
        if index is None:
            raise SavedViewsError(f"no saved view is called {name!r}")
        del self._views[index]
        self._write()


# -- back and forward ------------------------------------------------------------------------------


@dataclass
class ViewHistory:
    """The views a person went through, like a browser's: a new view after going back drops the forward ones.

    Record only views that settled (after a pause, or a discrete action), not every frame of a pan.
    """

    limit: int = HISTORY_LENGTH
    views: list[ViewState] = field(default_factory=list)
    position: int = -1

    def current(self) -> ViewState | None:
        """The view the history is at (None before the first)."""
        return self.views[self.position] if self.views else None

    @staticmethod
    def same(one: ViewState, other: ViewState) -> bool:
        """Whether two views show the same: equal but for years that differ by under a thousandth of the span."""
        if (one.filter, one.grouping, one.selection) != (other.filter, other.grouping, other.selection):
            return False
        span = max(one.view_range[1] - one.view_range[0], other.view_range[1] - other.view_range[0])
        return all(abs(a - b) <= span * SAME_YEARS for a, b in zip(one.view_range, other.view_range, strict=True))

    def record(self, view: ViewState) -> bool:
        """Remember ``view`` as the newest; False if it is the view the history is at already."""
        current = self.current()
        if current is not None and self.same(view, current):
            return False
        del self.views[self.position + 1:]
        self.views.append(view)
        if len(self.views) > self.limit:
            del self.views[0]
        self.position = len(self.views) - 1
        return True

    def can_go_back(self) -> bool:
        """Whether there is a view before this one."""
        return self.position > 0

    def can_go_forward(self) -> bool:
        """Whether there is a view after this one (the person went back)."""
        return self.position < len(self.views) - 1

    def back(self) -> ViewState | None:
        """Step back and return that view (None at the oldest)."""
        if not self.can_go_back():
            return None
        self.position -= 1
        return self.views[self.position]

    def forward(self) -> ViewState | None:
        """Step forward and return that view (None at the newest)."""
        if not self.can_go_forward():
            return None
        self.position += 1
        return self.views[self.position]

    def clear(self) -> None:
        """Forget every view (another store is shown)."""
        self.views.clear()
        self.position = -1


__all__ = ["MAX_NAME", "VIEW_TEXT_PREFIX", "SavedView", "SavedViews", "SavedViewsError", "ViewHistory",
           "ViewTextError", "default_views_file", "name_problem", "view_from_text", "view_text"]
