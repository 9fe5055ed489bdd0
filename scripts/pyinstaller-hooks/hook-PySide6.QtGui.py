"""PyInstaller hook for PySide6.QtGui that collects only the Qt plugins timeline-app needs.

The stock hook collects every QtGui plugin folder (Wayland, EGLFS, GTK themes, TIFF, ...) and,
with them, the libraries they link (GTK, cairo, pango, Kerberos via QtNetwork, ...). This one
keeps, by plugin folder, what the app uses offscreen and on an X11 (or XWayland) desktop.
Used by scripts/timeline-app.spec through ``hookspath``; user hooks take priority over stock ones.
"""

from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

# Plugin folder -> plugin files kept ("*": the whole folder). Folders not named are left out.
KEEP_PLUGINS = {
    "platforms": {"libqoffscreen.so", "libqxcb.so"},
    "xcbglintegrations": {"*"},      # GL on xcb, if pyqtgraph ever draws with OpenGL
    "imageformats": {"libqsvg.so"},  # PNG is built into QtGui
    "iconengines": {"libqsvgicon.so"},
    "platforminputcontexts": {"*"},  # compose key and input methods in the search box
}


def keep(source: str, dest: str) -> bool:
    parts = Path(dest).parts
    if "plugins" not in parts:
        return True
    folder = "/".join(parts[parts.index("plugins") + 1:])
    wanted = KEEP_PLUGINS.get(folder)
    return wanted is not None and ("*" in wanted or Path(source).name in wanted)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, dest) for source, dest in binaries if keep(source, dest)]
