"""Build synthetic event stores of any size with sqlite-utils, for the benchmark and its test.

Dates cluster where history does (the revolution, the terror, the war, 1956, 1962, 1968,
the late 1980s) over an even background; most events are known to the day, some only
to the month or year, and some last years. Every quote is a real slice of its source's
text, so the stores pass the same checks as the shipped one.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import sqlite_utils

from timeline_app.store.schema import create_tables, enable_search
from timeline_app.store.timeline_index import compute_arrays, save_arrays

CLUSTERS = ((1918.5, 1.5), (1937.5, 1.2), (1943.0, 2.0), (1956.5, 0.6), (1962.4, 0.4), (1968.6, 0.3),
            (1989.5, 1.2))
PALETTE = ("#56B4E9", "#D55E00", "#E69F00", "#009E73", "#CC79A7", "#0072B2", "#999999", "#B8860B",
           "#8C564B", "#17BECF", "#7F7F7F", "#BCBD22", "#1F77B4", "#9467BD", "#2CA02C", "#FF7F0E",
           "#E377C2", "#AEC7E8", "#98DF8A", "#FF9896")
WORDS = ("strike", "plant", "workers", "council", "party", "square", "army", "prices", "wages", "bread",
         "meeting", "letter", "archive", "trial", "camp", "railway", "miners", "press", "secret", "march")


def _iso(year: np.ndarray, day_of_year: np.ndarray, precision: np.ndarray) -> list[str]:
    out = []
    for y, d, p in zip(year.tolist(), day_of_year.tolist(), precision.tolist(), strict=True):
        date = np.datetime64(f"{y:04d}-01-01") + np.timedelta64(d, "D")
        text = str(date)
        out.append(text if p == 2 else text[:7] if p == 1 else text[:4])
    return out


def build_synthetic_store(path: Path, events: int, lanes: int = 12, seed: int = 1917) -> Path:
    """Write a store of ``events`` events in ``lanes`` themes to ``path`` (replaced if present)."""
    path = Path(path)
    path.unlink(missing_ok=True)
    rng = np.random.default_rng(seed)
    db = sqlite_utils.Database(path)
    db.conn.execute("pragma journal_mode = off")
    db.conn.execute("pragma synchronous = off")
    create_tables(db)
    text = " ".join(rng.choice(WORDS, 4000).tolist())
    sources = [{"id": f"source-{k}", "author": f"Author {k}", "title": f"Report {k}", "publication": "Synthetic",
                "published": "2021-02-09", "url": "", "stance": "Generated for benchmarks.", "text": text}
               for k in range(3)]
    places = [{"id": f"place-{k}", "name": f"Place {k:02d}", "kind": "city", "latitude": 40 + k % 20,
               "longitude": 30 + k % 40} for k in range(40)]
    themes = [{"id": f"theme-{k}", "name": f"Theme {k:02d}", "color": PALETTE[k % len(PALETTE)]}
              for k in range(lanes)]
    db["meta"].insert_all([{"key": "schema_version", "value": "1"},
                           {"key": "title", "value": f"Synthetic store, {events:,} events"},
                           {"key": "built_from", "value": "bench/synthetic.py"}])
    db["sources"].insert_all(sources)
    db["places"].insert_all(places)
    db["themes"].insert_all(themes)
    in_cluster = rng.random(events) < 0.55
    centres = rng.integers(0, len(CLUSTERS), events)
    years = np.where(in_cluster,
                     np.array([c[0] for c in CLUSTERS])[centres] + rng.normal(0, 1, events)
                     * np.array([c[1] for c in CLUSTERS])[centres],
                     rng.uniform(1917, 1992, events))
    years = np.clip(years, 1917, 1991.99)
    year = years.astype(int)
    day = ((years - year) * 365).astype(int)
    precision = rng.choice([2, 1, 0], events, p=[0.6, 0.25, 0.15])
    starts = _iso(year, day, precision)
    is_range = rng.random(events) < 0.15
    length = rng.exponential(730, events).astype(int) + 1
    end_years = years + length / 365
    end_year = np.clip(end_years, years, 1995).astype(int)
    end_day = ((np.clip(end_years, years, 1995.99) - end_year) * 365).astype(int)
    ends = _iso(end_year, end_day, np.full(events, 2))
    certainty = rng.choice(["exact", "approximate", "disputed"], events, p=[0.7, 0.25, 0.05])
    from timeline_app.store.dates import date_span

    batch = 50_000
    for lo in range(0, events, batch):
        hi = min(events, lo + batch)
        rows, links_t, links_p, excerpts = [], [], [], []
        for i in range(lo, hi):
            eid = f"event-{i:07d}"
            end = ends[i] if is_range[i] and ends[i] >= starts[i] else ""
            first, last = date_span(starts[i], end)
            rows.append({"id": eid, "title": f"{WORDS[i % 20].title()} event {i}", "summary": "Synthetic.",
                         "start": starts[i], "end": end, "certainty": str(certainty[i]),
                         "start_year": first, "end_year": last})
            theme = i * 7 % lanes
            links_t.append({"event_id": eid, "theme_id": f"theme-{theme}"})
            if i % 4 == 0:
                links_t.append({"event_id": eid, "theme_id": f"theme-{(theme + 1) % lanes}"})
            links_p.append({"event_id": eid, "place_id": f"place-{i * 13 % 40}"})
            offset = (i * 31) % (len(text) - 80)
            excerpts.append({"event_id": eid, "source_id": f"source-{i % 3}", "quote": text[offset:offset + 60],
                             "start": offset, "end": offset + 60})
        with db.conn:
            db["events"].insert_all(rows, batch_size=5000)
            db["event_themes"].insert_all(links_t, batch_size=5000)
            db["event_places"].insert_all(links_p, batch_size=5000)
            db["excerpts"].insert_all(excerpts, batch_size=5000)
    enable_search(db)
    with db.conn:  # as `timeline-app build` and `import` do, so the store opens fast
        save_arrays(db.conn, compute_arrays(db.conn))
    db.conn.execute("pragma journal_mode = delete")
    db.close()
    return path


def main() -> int:
    """``python bench/synthetic.py --events 1000000 --out PATH``: write a synthetic store to PATH."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Write a synthetic event store (for benchmarks and trials).")
    parser.add_argument("--events", type=int, required=True, help="how many events, e.g. 1000000")
    parser.add_argument("--out", type=Path, required=True, help="the store file to write (replaced if present)")
    parser.add_argument("--lanes", type=int, default=12, help="how many themes (lanes), default 12")
    parser.add_argument("--seed", type=int, default=1917, help="random seed; the same seed makes the same store")
    args = parser.parse_args()
    if args.events < 0 or args.lanes < 1:
        parser.error("--events must be 0 or more and --lanes 1 or more")
    started = time.perf_counter()
    temp = args.out.with_name(args.out.name + ".partial")
    build_synthetic_store(temp, args.events, args.lanes, args.seed)
    temp.replace(args.out)
    print(f"wrote {args.out} ({args.events:,} events) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
