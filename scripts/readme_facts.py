#!/usr/bin/env python3
"""Write the shipped store's figures into README.md (between the facts markers), or --check them."""

from __future__ import annotations

import sys
from pathlib import Path

from timeline_app.store.facts import facts_markdown, replace_facts

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = replace_facts(text, facts_markdown(ROOT / "data" / "events.db"))
    if "--check" in sys.argv[1:]:
        if new != text:
            print("README.md: the figures differ from data/events.db; run scripts/readme_facts.py", file=sys.stderr)
            return 1
        return 0
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
