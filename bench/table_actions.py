"""Time the table, search and facet actions in the real window on synthetic stores, offscreen.

    python bench/table_actions.py --sizes 10000,1000000 [--repeat 5]

Each action is a real input event (a click on a header, keys typed in the search box, a click
on a theme, a click on a row); it is timed until its result shows (the table lists the new
rows, the filter holds) and nothing is left to do, with the longest the GUI thread was busy at
once meanwhile. Prints one JSON object keyed by size, with medians in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from run import store_for  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,1000000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    results = {}
    for size in (int(s) for s in args.sizes.split(",")):
        results[str(size)] = measure(store_for(size), args.repeat)
        print(json.dumps({size: results[str(size)]}), file=sys.stderr)
    print(json.dumps(results, indent=1))


def measure(path: Path, repeat: int) -> dict:
    from PySide6.QtCore import QPoint, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(QSettings(str(Path("/tmp") / f"table-bench-{os.getpid()}.ini"), QSettings.Format.IniFormat))
    window.keep_settings = False
    window.resize(1280, 800)
    window.show()
    window.open_store(path, quiet=True)
    table, model, panel = window.table, window.table.source_model, window.filters

    def idle() -> bool:
        busy = getattr(window, "background_busy", lambda: False)()
        return not busy and not window._lists_timer.isActive() and not panel._search_timer.isActive()

    def run(action, done, limit: float = 60.0) -> tuple[float, float]:
        """Milliseconds from the action to ``done()`` and idle, and the longest single stall."""
        started = time.perf_counter()
        action()  # what the input event runs at once counts as a stall too
        stall, last = time.perf_counter() - started, time.perf_counter()
        while True:
            app.processEvents()
            now = time.perf_counter()
            stall, last = max(stall, now - last), now
            if done() and idle():
                break
            if now - started > limit:
                print("timed out", file=sys.stderr)
                break
            time.sleep(0.0005)
        return (time.perf_counter() - started) * 1000, stall * 1000

    run(lambda: None, lambda: True, 30)  # let the window settle (first paint, background work)
    time.sleep(1.0)
    run(lambda: None, lambda: True, 30)
    figures: dict[str, list[float]] = {}

    def record(name: str, timing: tuple[float, float]) -> None:
        figures.setdefault(f"{name}_ms", []).append(timing[0])
        figures.setdefault(f"{name}_stall_ms", []).append(timing[1])

    header = table.horizontalHeader()

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))

    def sorted_by(column: int):
        return lambda: model.sort_column == column and not getattr(model, "sorting", False)

    for k in range(repeat):
        record("sort_title", run(lambda: click_header(1), sorted_by(1)))
        record("sort_places", run(lambda: click_header(2), sorted_by(2)))
        record("sort_date", run(lambda: click_header(0), sorted_by(0)))
        if k == 0:
            figures["rss_after_sorts_mb"] = [rss_mb()]

    def typed(text: str):
        def action() -> None:
            panel.search.setFocus()
            panel.search.selectAll()
            QTest.keyClicks(panel.search, text)
        return action

    def searched(text: str):
        return lambda: window.state.filter.search == text and model.rowCount() == window.state.shown_count()

    for _k in range(repeat):
        record("search", run(typed("strike"), searched("strike")))
        hits = window.state.shown_count()
        record("search_clear", run(typed("x"), searched("x")))
    figures["search_hits"] = [hits]
    panel.search.clear()
    run(lambda: panel._emit(), searched(""))

    def facet_click() -> None:
        item = panel.themes.item(0)
        rect = panel.themes.visualItemRect(item)
        QTest.mouseClick(panel.themes.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def theme_count_is(n: int):
        return lambda: len(window.state.filter.themes) == n and model.rowCount() == window.state.shown_count()

    for _k in range(repeat):
        record("facet", run(facet_click, theme_count_is(1)))
        record("facet_off", run(facet_click, theme_count_is(0)))

    def select_row(row: int):
        def action() -> None:
            rect = table.visualRect(model.index(row, 1))
            QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        return action

    def selected(row: int):
        return lambda: window.state.selection == model.data(model.index(row, 0), Qt.ItemDataRole.UserRole + 2)

    for k in range(repeat):
        row = 2 + k % 3
        record("select", run(select_row(row), selected(row)))
    out: dict[str, float] = {k: round(statistics.median(v), 1) for k, v in figures.items()}
    out["rss_mb"] = round(rss_mb(), 1)
    out["load_1min"] = os.getloadavg()[0]
    window.close()
    window.deleteLater()
    return out


if __name__ == "__main__":
    main()
