#!/usr/bin/env python3
"""Benchmark approximate, uncertain and open dates at scale: their index flags and their faded marks.

    python bench/vague_dates.py                 # 1M events (the synthetic store of bench/run.py)
    python bench/vague_dates.py --size 100000

Copies the synthetic store, gives it contract version 2's date columns with a third of the
events vague (``1930~``, ``1962-06?``, ``192X``, ``1985/..``), and prints: the time to compute
the timeline arrays with and without the date flags, the time to save and load them, and the
median paint time of frames of about a thousand marks with every mark vague, half, and none.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _vague_store(size: int, folder: Path) -> Path:
    from run import store_for

    path = folder / "vague.db"
    shutil.copy(store_for(size), path)
    conn = sqlite3.connect(path)
    with conn:
        have = {r[1] for r in conn.execute("pragma table_info(events)")}
        for column in ("date_text", "calendar"):
            if column not in have:
                conn.execute(f"alter table events add column {column} text")
        # A third of the events vague in one of four ways; the rest written as their start/end.
        conn.execute("update events set date_text = case rowid % 12 "
                     "when 0 then start || '~' when 1 then start || '?' when 2 then start || '/..' "
                     "when 3 then '../' || coalesce(nullif([end], ''), start) "
                     "else start || case when coalesce([end], '') != '' then '/' || [end] else '' end end")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--frames", type=int, default=30)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QGuiApplication, QImage, QPainter

    from timeline_app.gui.mark_painter import DeviceMap, MarkPainter
    from timeline_app.model.catalog import load_catalog
    from timeline_app.model.layout import lay_out
    from timeline_app.store.event_store import EventStore
    from timeline_app.store.timeline_index import compute_arrays, load_arrays, save_arrays

    app = QGuiApplication.instance() or QGuiApplication([])
    folder = Path(tempfile.mkdtemp())
    path = _vague_store(args.size, folder)
    conn = sqlite3.connect(path)
    begun = time.perf_counter()
    arrays = compute_arrays(conn)
    with_flags = time.perf_counter() - begun
    plain = sqlite3.connect(shutil.copy(path, folder / "plain.db"))
    with plain:
        plain.execute("alter table events drop column date_text")
    begun = time.perf_counter()
    compute_arrays(plain)
    without_flags = time.perf_counter() - begun
    with conn:
        begun = time.perf_counter()
        save_arrays(conn, arrays)
        saved = time.perf_counter() - begun
    begun = time.perf_counter()
    loaded_arrays = load_arrays(conn)
    loaded = time.perf_counter() - begun
    assert np.array_equal(loaded_arrays.date_flags, arrays.date_flags)
    conn.close()
    counts = np.bincount(arrays.date_flags, minlength=32)
    print(f"{args.size:,} events, {int((arrays.date_flags > 0).sum()):,} with vague or open ends "
          f"(flags {dict((k, int(v)) for k, v in enumerate(counts) if v)})")
    print(f"compute arrays: {with_flags:.2f} s with date flags, {without_flags:.2f} s without the column")
    print(f"save index: {saved:.2f} s; load index: {loaded * 1000:.0f} ms")

    store = EventStore(path, check_rows=False)
    catalog = load_catalog(store)
    layout = lay_out(catalog, np.ones(len(catalog), dtype=bool), "theme")
    image = QImage(1280, 600, QImage.Format.Format_ARGB32_Premultiplied)
    # Views holding just under the painter's density limit: the most marks ever drawn one by one.
    centre = float(np.median(catalog.start_year))
    probe = MarkPainter(catalog, layout)
    width = 0.001
    while len(probe.visible_marks(QRectF(centre - width / 2, 0, width * 1.3, layout.total_rows))) < 900 \
            and width < 80:
        width *= 1.3
    for label, share in (("all vague", 1.0), ("half vague", 0.5), ("none vague", 0.0)):
        flags = np.where(np.random.default_rng(1).random(len(catalog)) < share, 1 | 2 | 8, 0).astype(np.uint8)
        painter_obj = MarkPainter(catalog, layout)
        painter_obj.date_flags = flags
        times, shown = [], 0
        for k in range(args.frames):
            low = centre - width / 2 + (k - args.frames / 2) * width / 50
            view = QRectF(low, 0, width, layout.total_rows)
            device = DeviceMap(1280 / width, -low * 1280 / width, 600 / layout.total_rows, 0, view)
            image.fill(0)
            painter = QPainter(image)
            begun = time.perf_counter()
            painted = painter_obj.paint(painter, device)
            times.append((time.perf_counter() - begun) * 1000)
            painter.end()
            shown = max(shown, len(painted.events))
        print(f"paint, {label}: median {statistics.median(times):.1f} ms a frame (up to {shown} marks drawn)")
    store.close()
    del app
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
