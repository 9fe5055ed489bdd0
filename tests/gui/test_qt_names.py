"""Our widgets and items never hide a Qt method or attribute under one of their own names."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pyqtgraph as pg
from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtWidgets import QGraphicsItem

import timeline_app.gui
from conftest import SHIPPED_STORE
from timeline_app.gui.main_window import MainWindow

#: Qt's virtual methods that our classes override on purpose, as Qt intends.
OVERRIDES = {
    "boundingRect", "paint", "data", "rowCount", "columnCount", "headerData", "sort", "tickValues",
    "tickStrings", "keyPressEvent", "changeEvent", "closeEvent", "showEvent", "hideEvent", "resizeEvent",
    "mousePressEvent", "mouseReleaseEvent", "mouseMoveEvent", "wheelEvent", "event", "eventFilter",
    "focusInEvent", "focusOutEvent", "contextMenuEvent", "sizeHint", "minimumSizeHint", "flags",
    "viewportEvent", "paintEvent", "leaveEvent", "enterEvent", "setData", "accept", "reject", "mouseDoubleClickEvent",
}


def _qt_base(cls: type) -> type:
    return next(base for base in cls.__mro__ if base.__module__.startswith(("PySide6", "pyqtgraph")))


def _our_classes() -> list[type]:
    found = []
    for info in pkgutil.iter_modules(timeline_app.gui.__path__, "timeline_app.gui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, QObject | QGraphicsItem | pg.GraphicsObject):
                found.append(cls)
    return found


def _shadowed(names, base: type) -> set[str]:
    return {n for n in names if not n.startswith("_") and n not in OVERRIDES and n != "staticMetaObject"
            and hasattr(base, n)}


def test_no_method_of_ours_shadows_a_qt_method() -> None:
    classes = _our_classes()
    assert len(classes) >= 10
    # Signals are class attributes PySide itself copies onto our classes: not clashes.
    clashes = {f"{cls.__name__}.{name}" for cls in classes
               for name in _shadowed(vars(cls), _qt_base(cls)) if not isinstance(vars(cls)[name], Signal)}
    assert clashes == set()


def test_no_attribute_of_the_window_shadows_a_qt_method(qtbot, tmp_path) -> None:
    from PySide6.QtCore import QSettings

    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_store(SHIPPED_STORE, quiet=True)
    objects = [window, *window.findChildren(QObject), window.timeline.items, window.timeline.band]
    clashes = set()
    for obj in objects:
        if type(obj).__module__.startswith("timeline_app"):
            names = {n for n, v in vars(obj).items() if not isinstance(v, SignalInstance)}
            clashes |= {f"{type(obj).__name__}.{n}" for n in _shadowed(names, _qt_base(type(obj)))}
    assert clashes == set()
