#!/usr/bin/env python3
"""Time the background check of a store's rows and saved index, part by part, and print JSON figures.

    python bench/check.py --store /tmp/s1m.db          # medians of 3 runs, in milliseconds
    python bench/check.py --store S.db --runs 5

What the window waits for (``check_s`` in bench/window.py) is ``background_ms``: a RowCheck
from start to answer, child process included. Its parts: ``child_start_ms`` (a Python child
importing the check and exiting), ``digest_ms`` (the window's arrays summed for the child),
``pickle_ms`` (what travels to the child and back), ``in_process_ms`` (check_rows_and_index
in this process), which is ``row_problems_ms`` (each SQL statement it runs, in ``statements``;
the index proof among them, also timed alone as ``proof_ms``) +
``compute_arrays_ms`` (0 when the proof holds) + ``compare_ms``. The ``_cpu_ms`` figures are
processor time (of this process, or of the child), steadier than wall time on a busy machine. The store is opened
read-only and left as it is. ``compute_arrays_alone_ms`` is what reading the arrays afresh
costs, for comparison.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from timeline_app.store import background_check, rules  # noqa: E402
from timeline_app.store.background_check import RowCheck  # noqa: E402
from timeline_app.store.event_store import connect  # noqa: E402
from timeline_app.store.index_proof import IndexProof, digest_of  # noqa: E402
from timeline_app.store.timeline_index import arrays_equal, compute_arrays, load_arrays  # noqa: E402


def _label(sql: str) -> str:
    """A short name for one statement of the row check: its rule function, or what it looks up."""
    table = re.search(r"from \[?(\w+)\]?", sql)
    name = table.group(1) if table else "?"
    function = re.search(r"tl_\w+", sql)
    if function:
        return f"{function.group(0)} {name}"
    if "group by id having" in sql:
        return f"duplicate ids {name}"
    reference = re.search(r"select rowid, \[(\w+)\] from \[(\w+)\]", sql)
    if reference:
        return f"references {reference.group(2)}.{reference.group(1)}"
    return " ".join(sql.split())[:60]


class _TimedConnection:
    """A connection whose every statement is run to its end and timed (by label)."""

    def __init__(self, conn: sqlite3.Connection, times: dict[str, float]) -> None:
        self._conn, self._times = conn, times

    def execute(self, sql: str, *args: Any) -> Any:
        begun = time.perf_counter()
        rows = self._conn.execute(sql, *args).fetchall()
        self._times[_label(sql)] += time.perf_counter() - begun
        return _Rows(rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class _Rows(list):
    def fetchone(self) -> Any:
        return self[0] if self else None

    def fetchall(self) -> list:
        return list(self)


def _ms(seconds: float) -> float:
    return round(1000 * seconds, 1)


def one_run(path: Path, loaded) -> dict[str, Any]:
    """Each part of the check once."""
    figures: dict[str, Any] = {}
    begun = time.perf_counter()
    digest = digest_of(loaded)
    figures["digest_ms"] = _ms(time.perf_counter() - begun)
    conn = connect(path)
    try:
        times: dict[str, float] = defaultdict(float)
        begun = time.perf_counter()
        IndexProof(digest).examine(conn)
        figures["proof_ms"] = _ms(time.perf_counter() - begun)
        proof = IndexProof(digest)
        begun = time.perf_counter()
        problems = rules.row_problems(_TimedConnection(conn, times), proof=proof)  # type: ignore[arg-type]
        figures["row_problems_ms"] = _ms(time.perf_counter() - begun)
        figures["statements"] = {label: _ms(t) for label, t in sorted(times.items(), key=lambda kv: -kv[1])}
        figures["problems"] = len(problems)
        figures["proof_holds"] = proof.holds()
        begun = time.perf_counter()
        computed = None if proof.holds() else compute_arrays(conn)
        figures["compute_arrays_ms"] = _ms(time.perf_counter() - begun)
        begun = time.perf_counter()
        figures["index_holds"] = computed is None or arrays_equal(computed, loaded)
        figures["compare_ms"] = _ms(time.perf_counter() - begun)
        begun = time.perf_counter()
        compute_arrays(conn)
        figures["compute_arrays_alone_ms"] = _ms(time.perf_counter() - begun)
    finally:
        conn.close()
    begun = time.perf_counter()
    for message in ((str(path), digest), (problems, computed)):
        pickle.loads(pickle.dumps(message, pickle.HIGHEST_PROTOCOL))
    figures["pickle_ms"] = _ms(time.perf_counter() - begun)
    begun = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import timeline_app.store.background_check"], check=True)
    figures["child_start_ms"] = _ms(time.perf_counter() - begun)
    begun, cpu = time.perf_counter(), time.process_time()
    result = background_check.check_rows_and_index(path, loaded)
    figures["in_process_ms"] = _ms(time.perf_counter() - begun)
    figures["in_process_cpu_ms"] = _ms(time.process_time() - cpu)
    figures["in_process_problems"] = len(result[0])
    done = threading.Event()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    begun = time.perf_counter()
    check = RowCheck(path, loaded, lambda *_: done.set()).start()
    done.wait(600)
    figures["background_ms"] = _ms(time.perf_counter() - begun)
    check.thread.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the child: what the check costs whatever else the machine is doing
    figures["background_child_cpu_ms"] = _ms(after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime)
    return figures


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per figure, the median over the runs (statements too); other values from the first run."""
    out: dict[str, Any] = {}
    for key, value in runs[0].items():
        if key == "statements":
            out[key] = {label: statistics.median(r[key].get(label, 0.0) for r in runs) for label in value}
        elif key.endswith("_ms"):
            out[key] = statistics.median(r[key] for r in runs)
        else:
            out[key] = value
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    conn = connect(args.store)
    try:
        events = conn.execute("select count(*) from events").fetchone()[0]
        begun = time.perf_counter()
        loaded = load_arrays(conn)
        load_ms = _ms(time.perf_counter() - begun)
    finally:
        conn.close()
    runs = [one_run(args.store, loaded) for _ in range(args.runs)]
    print(json.dumps({"store": str(args.store), "events": events, "runs": args.runs, "load_arrays_ms": load_ms,
                      **median_of(runs)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
