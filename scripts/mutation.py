#!/usr/bin/env python3
"""Plant small bugs in the core with mutmut and report, per module, how many the tests catch.

    scripts/mutation.py                      # every core module (slow: tens of minutes)
    scripts/mutation.py store.dates model.filters   # one module or a few
    scripts/mutation.py --report             # only print the table of the last run
    scripts/mutation.py --survivors store.dates     # also show the diff of each surviving mutant

The core is what ``[tool.mutmut]`` in pyproject.toml names (no Qt: forking a Qt test run is not
safe); its tests are tests/core. A mutant that survives is a missing test, or an equivalent
mutant (one that changes nothing a user could notice): kill the first, note the second.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = [sys.executable, "-m", "mutmut"]
_LINE = re.compile(r"^\s*(timeline_app\.[\w.]+?)\.(x[_ǁ][^:]*): (.+)$")


def results() -> dict[str, Counter]:
    """Mutant statuses of the last run, per module."""
    out = subprocess.run([*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True).stdout
    per_module: dict[str, Counter] = defaultdict(Counter)
    for line in out.splitlines():
        match = _LINE.match(line)
        if match:
            per_module[match.group(1)][match.group(3).strip()] += 1
    return per_module


def survivors(module: str) -> list[str]:
    """Names of the mutants of ``module`` that no test caught."""
    out = subprocess.run([*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True).stdout
    return [line.split(":")[0].strip() for line in out.splitlines()
            if line.strip().startswith(module + ".") and line.rstrip().endswith(("survived", "no tests"))]


def report(modules: list[str] | None) -> float:
    """Print killed/checked per module; return the overall kill rate."""
    table = results()
    total_killed = total_checked = 0
    print(f"{'module':45} {'killed':>7} {'checked':>8} {'rate':>6}")
    for module in sorted(table):
        if modules and not any(module.endswith(m) for m in modules):
            continue
        counts = table[module]
        checked = sum(n for status, n in counts.items() if status != "not checked")
        if not checked:
            continue
        killed = counts["killed"] + counts["timeout"]
        total_killed, total_checked = total_killed + killed, total_checked + checked
        print(f"{module:45} {killed:7d} {checked:8d} {100 * killed / checked:5.1f}%")
    rate = 100 * total_killed / total_checked if total_checked else 0.0
    print(f"{'all':45} {total_killed:7d} {total_checked:8d} {rate:5.1f}%")
    return rate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help="modules under timeline_app, e.g. store.dates (default: all)")
    parser.add_argument("--report", action="store_true", help="only print the last run's table")
    parser.add_argument("--survivors", action="store_true", help="show the diff of every surviving mutant")
    args = parser.parse_args()
    if not args.report:
        patterns = [f"timeline_app.{m}*" for m in args.modules] or []
        subprocess.run([*MUTMUT, "run", *patterns], cwd=ROOT, check=False)
    report(args.modules or None)
    if args.survivors:
        for module in args.modules:
            for name in survivors(f"timeline_app.{module}"):
                print(subprocess.run([*MUTMUT, "show", name], cwd=ROOT, capture_output=True, text=True).stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
