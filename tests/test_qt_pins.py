"""Guards for the pinned Qt stack: upgrades that broke things on this kind of machine fail here first.

PySide6 6.12 crashed Python 3.11 after about a thousand pyqtgraph TextItems, and pyqtgraph
0.14's SVG exporter fails with PySide6 6.11 and later (shared/notes/qt-platform.md).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import SVGExporter


def test_a_thousand_text_items_do_not_crash(qtbot) -> None:
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    items = []
    for k in range(1000):
        item = pg.TextItem(f"label {k}")
        item.setPos(k, k % 17)
        plot.addItem(item)
        items.append(item)
    plot.grab()
    for item in items:
        plot.removeItem(item)
    assert len(plot.getPlotItem().items) == 0


def test_pyqtgraph_svg_export_works(qtbot, tmp_path: Path) -> None:
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.plot([1, 3, 2, 4], pen="r", fillLevel=0, brush=(0, 0, 255, 80))
    SVGExporter(plot.getPlotItem()).export(str(tmp_path / "plot.svg"))
    root = ET.parse(tmp_path / "plot.svg").getroot()
    assert root.tag.endswith("svg")
