#!/usr/bin/env python3
"""Benchmark the explorer on synthetic stores of 1k to 1M events, offscreen, and print medians.

    python bench/run.py                      # 1k, 10k, 100k and 1M events
    python bench/run.py --sizes 1000,10000   # some sizes only
    python bench/run.py --json               # one JSON object keyed by event count

Each size runs in a child process of its own, so peak memory (RSS) is that size's alone.
A frame is: set the view range, let Qt process events, and grab the timeline as a picture.
The naive drawing is what a plain pyqtgraph timeline does: one ScatterPlotItem per lane
holding every event, on the same data, in the same process, over the same frames; for
stores of up to 10k events a second naive drawing uses one graphics item per event.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
CACHE = HERE / ".cache"
GENERATOR_VERSION = "2"
SIZES = (1000, 10_000, 100_000, 1_000_000)


def store_for(size: int) -> Path:
    """A cached synthetic store of ``size`` events, built on first use."""
    from synthetic import build_synthetic_store

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"synthetic-{size}-v{GENERATOR_VERSION}.db"
    if not path.exists():
        started = time.perf_counter()
        build_synthetic_store(path.with_suffix(".tmp"), size)
        path.with_suffix(".tmp").rename(path)
        print(f"built {path.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def frame_ranges(count: int) -> list[tuple[float, float]]:
    """Zoom from 1917-1992 into June 1962, pan along, and zoom back out."""
    ranges, low, high = [], 1917.0, 1992.0
    third = count // 3
    for _ in range(third):
        centre = 1962.42
        span = (high - low) * 0.72
        low, high = centre - span * 0.55, centre + span * 0.45
        ranges.append((low, high))
    for _ in range(third):
        shift = (high - low) * 0.15
        low, high = low + shift, high + shift
        ranges.append((low, high))
    for _ in range(count - 2 * third):
        centre, span = (low + high) / 2, min((high - low) / 0.72, 75.0)
        low, high = max(1917.0, centre - span / 2), max(1917.0, centre - span / 2) + span
        ranges.append((low, high))
    return ranges


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def measure(size: int, path: Path, frames: int) -> dict:
    """Run every measurement for one store in this process."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from timeline_app.export.registry import export
    from timeline_app.export.view import view_of_state
    from timeline_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    settings_dir = tempfile.mkdtemp()
    window = MainWindow(QSettings(str(Path(settings_dir) / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    timeline = window.timeline

    started = time.perf_counter()
    window.open_store(path, quiet=True)
    timeline.home()
    app.processEvents()
    timeline.plot.grab()
    first_frame = time.perf_counter() - started

    checked = time.perf_counter()
    while window.statusBar().currentMessage():  # the background row check of a large store
        app.processEvents()
        time.sleep(0.01)
    background_check = time.perf_counter() - checked

    def frame(low: float, high: float) -> float:
        begun = time.perf_counter()
        timeline.set_view_range(low, high)
        app.processEvents()
        timeline.plot.grab()
        spent = time.perf_counter() - begun
        timeline._finished.stop()  # the view "settles" only once the user stops moving it
        return spent * 1000

    frame_times = [frame(*r) for r in frame_ranges(frames)]
    timeline.home()
    app.processEvents()

    state = window.state
    themes = list(state.catalog.theme_names)
    filter_times, lists_times = [], []
    for k in range(6):
        begun = time.perf_counter()
        state.set_filter(state.filter.with_(themes=frozenset(themes[k % len(themes):k % len(themes) + 2])
                                            if k % 2 == 0 else frozenset()))
        timeline.plot.grab()  # the timeline repainted with the new filter
        filter_times.append((time.perf_counter() - begun) * 1000)
        app.processEvents()  # then the table and the facet counts (deferred on large stores)
        app.processEvents()
        lists_times.append((time.perf_counter() - begun) * 1000)

    search_times = []
    for word in ("event 4242", "event 77", "event 123", "event 9", "event 31"):
        begun = time.perf_counter()
        hits = state.search_mask(word)
        search_times.append((time.perf_counter() - begun) * 1000)
    search_hits = int(hits.sum()) if hits is not None else 0

    target = Path(settings_dir) / "view.png"
    begun = time.perf_counter()
    export(view_of_state(state), target, "png")
    export_time = time.perf_counter() - begun

    naive = naive_frames(window, frames)
    result = {
        "events": size,
        "first_frame_s": round(first_frame, 3),
        "background_check_s": round(background_check, 3),
        "frame_ms_median": round(statistics.median(frame_times), 2),
        "frame_ms_p95": round(_p95(frame_times), 2),
        "filter_ms": round(statistics.median(filter_times), 2),
        "filter_lists_ms": round(statistics.median(lists_times), 2),
        "search_ms": round(statistics.median(search_times), 2),
        "search_hits_last": search_hits,
        "export_s": round(export_time, 3),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "naive_frame_ms_median": round(naive["scatter"], 2),
        "naive_ratio": round(statistics.median(frame_times) / naive["scatter"], 3),
    }
    if "items" in naive:
        result["naive_items_frame_ms_median"] = round(naive["items"], 2)
        result["naive_items_ratio"] = round(statistics.median(frame_times) / naive["items"], 3)
    return result


def naive_frames(window, frames: int) -> dict[str, float]:
    """Frame medians of plain pyqtgraph drawings of the same events over the same frames."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication, QGraphicsRectItem

    app = QApplication.instance()
    catalog = window.state.catalog
    layout = window.timeline.layout_
    plot = pg.PlotWidget()
    plot.resize(window.timeline.plot.size())
    plot.show()
    results = {}
    for lane_index in range(len(layout.lanes)):
        at = layout.lane == lane_index
        item = pg.ScatterPlotItem(x=layout.x0[at], y=layout.row[at].astype(float), size=8, pen=None,
                                  brush=pg.mkBrush(layout.lanes[lane_index].color))
        plot.addItem(item)
    results["scatter"] = _time_frames(app, plot, frames)
    if len(catalog) <= 10_000:
        plot.clear()
        for x0, x1, row in zip(layout.x0.tolist(), layout.x1.tolist(), layout.row.tolist(), strict=True):
            rect = QGraphicsRectItem(x0, row, max(x1 - x0, 0.05), 0.6)
            rect.setBrush(pg.mkBrush(100, 100, 200))
            plot.addItem(rect)
        results["items"] = _time_frames(app, plot, frames)
    plot.close()
    del np
    return results


def _time_frames(app, plot, frames: int) -> float:
    times = []
    for low, high in frame_ranges(frames):
        begun = time.perf_counter()
        plot.setXRange(low, high, padding=0)
        app.processEvents()
        plot.grab()
        times.append((time.perf_counter() - begun) * 1000)
    return statistics.median(times)


def print_table(results: dict[str, dict]) -> None:
    """The figures as a Markdown table (as the README quotes them)."""
    columns = (("events", "{:,}"), ("first_frame_s", "{:.2f}"), ("frame_ms_median", "{:.1f}"),
               ("frame_ms_p95", "{:.1f}"), ("filter_ms", "{:.1f}"), ("filter_lists_ms", "{:.1f}"),
               ("search_ms", "{:.1f}"),
               ("export_s", "{:.2f}"), ("rss_mb", "{:.0f}"), ("naive_frame_ms_median", "{:.1f}"),
               ("naive_ratio", "{:.2f}"), ("background_check_s", "{:.1f}"))
    print("| " + " | ".join(name for name, _ in columns) + " |")
    print("|" + "---|" * len(columns))
    for row in results.values():
        print("| " + " | ".join(fmt.format(row[name]) for name, fmt in columns) + " |")
    for row in results.values():
        if "naive_items_ratio" in row:
            print(f"{row['events']:,} events: one graphics item per event takes "
                  f"{row['naive_items_frame_ms_median']:.1f} ms a frame; ours is {row['naive_items_ratio']:.2f} of it")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated event counts")
    parser.add_argument("--json", action="store_true", help="print one JSON object keyed by event count")
    parser.add_argument("--frames", type=int, default=60, help="frames per pan/zoom sequence (at least 50)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, Path(args.store), max(args.frames, 50))))
        return 0
    results: dict[str, dict] = {}
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        path = store_for(size)
        child = subprocess.run([sys.executable, __file__, "--one", str(size), "--store", str(path),
                                "--frames", str(args.frames)], capture_output=True, text=True, check=False)
        if child.returncode != 0:
            print(f"{size} events: the measurement failed:\n{child.stderr[-2000:]}", file=sys.stderr)
            return 1
        results[str(size)] = json.loads(child.stdout.strip().splitlines()[-1])
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
