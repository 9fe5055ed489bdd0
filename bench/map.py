#!/usr/bin/env python3
"""Benchmark the map pane on a synthetic store (1M events by default), offscreen, and print medians.

    python bench/map.py                  # 1,000,000 events (the store is built once, then reused)
    python bench/map.py --size 100000
    python bench/map.py --json

A map update is what each frame of a timeline pan or zoom costs the map: the new years are
handed to the pane, which counts per place (aggregation) and repaints its marks over the
outlines it keeps (a grab of the map forces the paint). The frames are bench/run.py's: zoom
into June 1962, pan along, zoom back out.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from run import _p95, frame_ranges, store_for  # noqa: E402


def measure(path: Path, frames: int) -> dict:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.main_window import MainWindow
    from timeline_app.model.map_counts import PlaceCounter

    app = QApplication.instance() or QApplication([])
    window = MainWindow(QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    window.open_store(path, quiet=True)
    app.processEvents()
    pane, state = window.map_pane, window.state

    begun = time.perf_counter()
    pane.canvas.grab()
    first_paint = (time.perf_counter() - begun) * 1000  # the catalog's memberships were sorted when it showed

    def update(low: float, high: float) -> float:
        begun = time.perf_counter()
        pane.show_years(low, high)
        pane.canvas.grab()
        return (time.perf_counter() - begun) * 1000

    ranges = frame_ranges(frames)
    updates = [update(*r) for r in ranges]
    counter = pane.counter
    aggregation = []
    for low, high in ranges:
        begun = time.perf_counter()
        counter.counts((low, high))
        counter.shown((low, high))
        aggregation.append((time.perf_counter() - begun) * 1000)

    themes = list(state.catalog.theme_names)
    filters = []
    for k in range(6):
        state.set_filter(state.filter.with_(themes=frozenset(themes[k:k + 2]) if k % 2 == 0 else frozenset()))
        begun = time.perf_counter()
        PlaceCounter(state.catalog, state.timeline_mask).counts(state.view_range)
        filters.append((time.perf_counter() - begun) * 1000)

    timeline = window.timeline

    def frames(with_map: bool) -> list[float]:
        """bench/run.py's frame (set the years, let Qt paint, grab the timeline), with the map beside or hidden."""
        pane.setVisible(with_map)
        app.processEvents()
        spent = []
        for low, high in ranges:
            begun = time.perf_counter()
            timeline.set_view_range(low, high)
            app.processEvents()  # paints the map too when it is shown
            timeline.plot.grab()
            spent.append((time.perf_counter() - begun) * 1000)
            timeline._finished.stop()  # the view "settles" only once the user stops moving it
        return spent

    alone, both = frames(False), frames(True)
    catalog = state.catalog
    catalog.__dict__.pop("_map_counts", None)
    begun = time.perf_counter()
    PlaceCounter(catalog, state.timeline_mask)
    catalog_sort = (time.perf_counter() - begun) * 1000
    return {
        "events": len(state.catalog),
        "places": len(pane.points),
        "map_update_ms_median": round(statistics.median(updates), 2),
        "map_update_ms_p95": round(_p95(updates), 2),
        "aggregation_ms_median": round(statistics.median(aggregation), 3),
        "first_paint_ms": round(first_paint, 1),
        "catalog_sort_ms": round(catalog_sort, 1),
        "new_filter_ms_median": round(statistics.median(filters), 1),
        "timeline_frame_ms_median": round(statistics.median(alone), 2),
        "timeline_and_map_frame_ms_median": round(statistics.median(both), 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="events in the synthetic store")
    parser.add_argument("--frames", type=int, default=60, help="frames of the pan and zoom sequence")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = measure(store_for(args.size), max(args.frames, 12))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['events']:,} events at {result['places']} places: a map update (aggregation + repaint) "
              f"takes {result['map_update_ms_median']:.1f} ms median ({result['map_update_ms_p95']:.1f} ms p95)")
        print(f"  aggregation alone {result['aggregation_ms_median']:.2f} ms; a frame of the timeline "
              f"{result['timeline_frame_ms_median']:.1f} ms, of timeline and map together "
              f"{result['timeline_and_map_frame_ms_median']:.1f} ms; a new filter "
              f"{result['new_filter_ms_median']:.0f} ms; sorting a store's place memberships, once when it "
              f"opens, {result['catalog_sort_ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
