"""Start the Qt application: a window, or an offscreen screenshot of it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

SETTINGS_ENV = "TIMELINE_APP_SETTINGS"


def make_settings():
    """The settings store: an INI file named by $TIMELINE_APP_SETTINGS (tests), else Qt's per-user default."""
    from PySide6.QtCore import QSettings

    path = os.environ.get(SETTINGS_ENV)
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("timeline-app", "timeline-app")


def app_icon():
    """The application's icon at every size shipped (the window, the task bar and the dock show it)."""
    from PySide6.QtGui import QIcon

    from timeline_app.store.paths import RESOURCES

    icon = QIcon()
    icons = RESOURCES / "icons"
    for png in sorted((icons / "hicolor").glob("*/apps/timeline-app.png")):
        icon.addFile(str(png))
    if icon.isNull() and (icons / "timeline-app.svg").exists():
        icon.addFile(str(icons / "timeline-app.svg"))
    return icon


def run_window(store: Path, screenshot: Path | None = None, size: tuple[int, int] | None = None,
               select: str | None = None, view=None, language: str | None = None) -> int:
    """Open the explorer on ``store``; with ``screenshot``, render offscreen, save a PNG and return.

    ``view`` (a :class:`~timeline_app.model.explorer_state.ViewState`) is shown instead of the store's last view.
    ``language`` ("en" or "ru") is the interface's; by default the system's.

    Returns the exit status: 0, or 2 when a screenshot was asked for and the store or picture failed.
    Without ``screenshot`` it does not return: the process ends when the window closes.
    """
    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.main_window import MainWindow
    from timeline_app.gui.translation import choose_language, use_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("timeline-app")
    app.setOrganizationName("timeline-app")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("io.github.timeline_app")  # Wayland finds the icon and name through it
    use_language(choose_language(language), app)  # before any widget, so every string is translated
    from timeline_app.gui.color_scheme import follow_color_scheme

    follow_color_scheme(app)
    window = MainWindow(make_settings())
    if screenshot is not None:
        window.keep_settings = False
        return _screenshot(app, window, store, screenshot, size or (1600, 1000), select, view)
    sys.excepthook = _report_unexpected(window)
    window.restore_settings()
    window.show()
    if window.open_store(store) and view is not None:
        window.show_view(view)
    end_process(app.exec())


def end_process(status: int) -> NoReturn:
    """End the process at once after the window has closed (and saved its settings).

    Freeing a big store's objects one by one would keep a person waiting for a process they
    have already left: seconds at a million events.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _report_unexpected(window):
    """An exception hook that tells the user in one line and a message box, never a traceback."""
    from PySide6.QtCore import QCoreApplication

    from timeline_app.gui.plain_text import show_message

    def hook(kind, value, _traceback) -> None:
        message = f"{kind.__name__}: {value}"
        print(QCoreApplication.translate("app", "error: unexpected problem ({problem}); please report it")
              .format(problem=message), file=sys.stderr)
        show_message(window, QCoreApplication.translate("app", "Something went wrong"),
                     QCoreApplication.translate(
                         "app", "An unexpected problem occurred and that action was not completed:\n\n{problem}\n\n"
                         "Your store was not changed. Please report this.").format(problem=message))
    return hook


def _screenshot(app, window, store: Path, target: Path, size: tuple[int, int], select: str | None, view) -> int:
    from PySide6.QtCore import QCoreApplication

    errors: list[str] = []
    window.sigStoreFailed.connect(errors.append)
    window.resize(*size)
    if not window.open_store(store, quiet=True, check_rows=True):
        print(QCoreApplication.translate("app", "error: {problem}").format(problem=errors[0] if errors else store),
              file=sys.stderr)
        return 2
    window.state.set_view_range(*window.state.home_range)
    if view is not None:
        window.show_view(view)
    if select is not None:
        if select not in window.state.catalog.index_of:
            print(QCoreApplication.translate("app", "error: {store}: no event with id {event}").format(
                store=store, event=repr(select)), file=sys.stderr)
            return 2
        window.state.select(select)
    window.show()
    for _ in range(5):
        app.processEvents()
    picture = window.grab()
    window.close()  # the picture is taken: no window stays behind
    window.deleteLater()
    from timeline_app.store.atomic_file import atomic_target

    try:
        with atomic_target(Path(target)) as temp:
            if not picture.save(str(temp), "PNG"):
                raise OSError(QCoreApplication.translate("app", "{file}: could not write the picture").format(
                    file=target))
    except OSError as exc:
        print(QCoreApplication.translate("app", "error: {problem}").format(problem=exc), file=sys.stderr)
        return 2
    print(QCoreApplication.translate("app", "wrote {file} ({width}x{height})").format(
        file=target, width=picture.width(), height=picture.height()))
    return 0
