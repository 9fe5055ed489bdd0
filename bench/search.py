#!/usr/bin/env python3
"""Time search on a synthetic store: Latin, Cyrillic and transliterated words, first search and later ones.

    python bench/search.py                  # 100,000 events (the store is built once, then reused)
    python bench/search.py --size 1000000
    python bench/search.py --store data/events.db
    python bench/search.py --worker --store bench/.cache/synthetic-1000000-v2.db

The first search on a store reads and keys the index's vocabulary; later ones reuse it until
the store is written. Each query is timed five times after that; the median is printed.

``--worker`` times what the window does on a large store instead: ``prepare_search`` once
(in a worker, after the store opens), then ``EventCatalog.search_mask`` on a connection of
its own, as the search worker calls it, for the window benchmark's words and the queries above.
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
#: The words bench/window.py types into the search box.
WINDOW_WORDS = ("strike", "plant", "secret trial", "event 4242")


def _median_ms(search, query: str) -> tuple[int, float]:
    times, found = [], 0
    for _ in range(5):
        begun = time.perf_counter()
        hits = search(query)
        times.append(1000 * (time.perf_counter() - begun))
        found = 0 if hits is None else int(hits.sum()) if hasattr(hits, "sum") else len(hits)
    return found, statistics.median(times)


def time_store(path: Path) -> None:
    """The store's own search (``EventStore.search``), as the command line and small stores use it."""
    from timeline_app.store.event_store import EventStore

    store = EventStore(path, check_rows=False)
    begun = time.perf_counter()
    store.search("strike")
    print(f"{path.name}: first search {1000 * (time.perf_counter() - begun):.0f} ms (reads the index's words)")
    print(f"{'query':16} {'events':>8} {'median ms':>10}")
    for query in QUERIES:
        found, median = _median_ms(store.search, query)
        print(f"{query:16} {found:8d} {median:10.1f}")


def time_worker(path: Path) -> None:
    """``search_mask`` as the window's search worker calls it, after ``prepare_search``."""
    from timeline_app.model.catalog import load_catalog
    from timeline_app.store.event_store import EventStore

    catalog = load_catalog(EventStore(path, check_rows=False))
    begun = time.perf_counter()
    catalog.prepare_search()
    seconds = time.perf_counter() - begun
    owners = catalog.quote_owners
    kept = [rows for table in ("events", "excerpts", "commentary", "claims")
            for rows in getattr(owners, "kept_words", lambda _t: {})(table).values()]
    print(f"{path.name}: prepare_search {seconds:.2f} s ({len(kept)} frequent words' rows kept, "
          f"{sum(r.nbytes for r in kept) / 2**20:.1f} MB)")
    print(f"{'query':16} {'events':>8} {'median ms':>10}")
    for query in dict.fromkeys((*WINDOW_WORDS, *QUERIES)):
        found, median = _median_ms(lambda text: catalog.search_mask(text, lambda: False, True), query)
        print(f"{query:16} {found:8d} {median:10.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--store", type=Path, help="time this store instead of a synthetic one")
    parser.add_argument("--worker", action="store_true", help="time the window's worker search (search_mask)")
    args = parser.parse_args()
    path = args.store or store_for(args.size)
    (time_worker if args.worker else time_store)(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
