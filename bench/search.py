#!/usr/bin/env python3
"""Time search on a synthetic store: Latin, Cyrillic and transliterated words, first search and later ones.

    python bench/search.py                  # 100,000 events (the store is built once, then reused)
    python bench/search.py --size 1000000
    python bench/search.py --store data/events.db

The first search on a store reads and keys the index's vocabulary; later ones reuse it until
the store is written. Each query is timed five times after that; the median is printed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from run import store_for  # noqa: E402

QUERIES = ("strike", "Strike plant", "стачка", "Khrushch", "Новочеркасск", "Novocherkask", "a", "zzzz")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="time this store instead of a synthetic one")
    args = parser.parse_args()
    from timeline_app.store.event_store import EventStore

    path = args.store or store_for(args.size)
    store = EventStore(path, check_rows=False)
    begun = time.perf_counter()
    store.search("strike")
    print(f"{path.name}: first search {1000 * (time.perf_counter() - begun):.0f} ms (reads the index's words)")
    print(f"{'query':16} {'events':>8} {'median ms':>10}")
    for query in QUERIES:
        times = []
        for _ in range(5):
            begun = time.perf_counter()
            found = store.search(query)
            times.append(1000 * (time.perf_counter() - begun))
        print(f"{query:16} {len(found or ()):8d} {statistics.median(times):10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
