"""Copy text to the clipboard, as plain text and (optionally) rich text, safely at exit."""

from __future__ import annotations

import atexit

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

_CLIPBOARD_HOOKED = False


def _release_clipboard_at_exit() -> None:
    # PySide6 6.10 crashes at interpreter exit if the clipboard still holds mime data we set
    # (seen here: a segmentation fault after the last line of output). Clearing it while the
    # application still exists avoids that; a clipboard manager has copied it by then.
    global _CLIPBOARD_HOOKED
    if _CLIPBOARD_HOOKED:
        return
    _CLIPBOARD_HOOKED = True

    def clear() -> None:
        if QGuiApplication.instance() is None:
            return
        clipboard = QGuiApplication.clipboard()
        # Only what is still ours: never wipe what another program copied since.
        if clipboard.ownsClipboard() or QGuiApplication.platformName() == "offscreen":
            clipboard.clear()

    atexit.register(clear)


def copy_to_clipboard(text: str, html: str | None = None) -> None:
    """Put ``text`` (and ``html``, if given) on the clipboard."""
    data = QMimeData()
    data.setText(text)
    if html is not None:
        data.setHtml(html)
    QGuiApplication.clipboard().setMimeData(data)
    _release_clipboard_at_exit()
