#!/usr/bin/env python3
"""Plant bugs by hand in the GUI's table and panes, one at a time, and report which the tests catch.

    scripts/gui_mutants.py                 # every planted bug, against tests/gui/test_table_and_panes.py
    scripts/gui_mutants.py tests/gui/...   # against other tests

mutmut cannot fork a Qt test run, so the GUI gets these hand-written mutants instead: off-by-one
row counts, wrong columns, wrong sort keys, missing plain text, the wrong event or side shown.
Each file is restored after its run, whatever happens.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUI = ROOT / "timeline_app" / "gui"
TESTS = ["tests/gui/test_table_and_panes.py"]

#: (module under timeline_app/gui, text as written, the bug planted in its place)
BUGS = [
    ('event_table', 'return 0 if parent.isValid() else len(self.rows)',
     'return 0 if parent.isValid() else len(self.rows) - 1'),
    ('event_table', '        return len(COLUMNS)',
     '        return len(COLUMNS) - 1'),
    ('event_table', 'return format_span(c.starts[position], c.ends[position])',
     'return format_span(c.starts[position], "")'),
    ('event_table', '        if column == 1:\n            return c.titles',
     '        if column == 2:\n            return c.titles'),
    ('event_table', '(c.place_names, c.theme_names, c.source_names)[column - 2]',
     '(c.theme_names, c.place_names, c.source_names)[column - 2]'),
    ('event_table', '0 <= int(c.arrays.layer[position]) < 3',
     '0 <= int(c.arrays.layer[position]) < 2'),
    ('event_table', '            order = order[::-1]',
     '            order = order'),
    ('event_table', 'texts = [self.text(int(p), self.sort_column).lower() for p in rows]',
     'texts = [self.text(int(p), self.sort_column) for p in rows]'),
    ('event_table', 'else np.argsort(rows, kind="stable")',
     'else np.argsort(-rows, kind="stable")'),
    ('event_table', 'self.text(position, column)[:MAX_CELL_CHARS]',
     'self.text(position, column)[:MAX_CELL_CHARS - 1]'),
    ('event_table', '            return self.catalog.ids[position]',
     '            return self.catalog.ids[index.row()]'),
    ('event_table', 'np.flatnonzero(self.rows == position)',
     'np.flatnonzero(self.rows == position + 1)'),
    ('event_table', '        self._quiet = True\n',
     '        self._quiet = False\n'),
    ('event_table', 'return tooltip_text(self.text(position, column))',
     'return tooltip_text(self.text(position, 1))'),
    ('event_table', 'self.rows = self._sorted(np.asarray(positions, dtype=np.int64))',
     'self.rows = np.asarray(positions, dtype=np.int64)'),
    ('event_table', 'role == Qt.ItemDataRole.DecorationRole and column == 3',
     'role == Qt.ItemDataRole.DecorationRole and column == 2'),
    ('excerpt_pane', 'if details.layer != "history":',
     'if details.layer == "film":'),
    ('excerpt_pane', 'DATE_BASES.get(details.date_basis, details.date_basis)',
     'DATE_BASES.get(details.certainty, details.date_basis)'),
    ('excerpt_pane', ' ({_e(details.certainty)});',
     ';'),
    ('excerpt_pane', '<li>{_e(fact)} <i>— {_e(ref)}</i></li>',
     '<li>{_e(ref)} <i>— {_e(fact)}</i></li>'),
    ('excerpt_pane', 'Passages ({len(details.excerpts)})',
     'Passages ({len(details.excerpts) - 1})'),
    ('excerpt_pane', 'f"{source.author} — {source.publication}, {source.published}"',
     'f"{source.author}, {source.published}"'),
    ('excerpt_pane', 'link = f"review:{q.source_id}:{q.start}:{q.end}"',
     'link = f"review:{q.source_id}:{q.start}:{q.start}"'),
    ('excerpt_pane', '    if q.note:',
     '    if not q.note:'),
    ('excerpt_pane', '{_e(details.title, 500)}',
     '{_e(details.summary, 500)}'),
    ('excerpt_pane', 'self.sigShowInReview.emit(parts[1], int(parts[2]), int(parts[3]))',
     'self.sigShowInReview.emit(parts[1], int(parts[3]), int(parts[2]))'),
    ('excerpt_pane', '    return html.escape(clip(text, limit))',
     '    return clip(text, limit)'),
    ('excerpt_pane', "{_e(', '.join(details.places), 2000)}",
     "{_e(', '.join(details.themes), 2000)}"),
    ('excerpt_pane', 'if view.voice_label else ""',
     'if not view.voice_label else ""'),
    ('excerpt_pane', 'if view.verified and view.context is not None:',
     'if view.context is not None and len(details.excerpts) > 1:'),
    ('excerpt_pane', '    if details.outside_facts:',
     '    if not details.outside_facts:'),
    ('excerpt_pane', 'if details.provenance_known else',
     'if not details.provenance_known else'),
    ('commentary_pane', 'if len(discussing) == 1 and len(sources) > 1:',
     'if len(discussing) == 1 and len(sources) > 2:'),
    ('commentary_pane', 'width = 100 // max(1, len(sources))',
     'width = 100 // max(1, len(sources) + 1)'),
    ('commentary_pane', 'elif source.id in discussing:',
     'elif source.id not in discussing:'),
    ('commentary_pane', 'comments = details.commentary.get(source.id, [])',
     'comments = details.commentary.get(sources[0].id, [])'),
    ('commentary_pane', 'record = [v for v in views if not v.quote.source_id]',
     'record = [v for v in views if v.quote.source_id]'),
    ('commentary_pane', '    if record:\n',
     '    if not record:\n'),
    ('commentary_pane', 'f"<i>Rests on: {_e(v.quote.ref)}</i>"',
     'f"<i>Rests on: {_e(v.quote.value)}</i>"'),
    ('commentary_pane', 'if len(claimants) > 1:',
     'if len(claimants) >= 1:'),
    ('commentary_pane', 'only = RECORD if not views[0].quote.source_id else',
     'only = RECORD if views[0].quote.source_id else'),
    ('commentary_pane', '{_e(name[:1].upper() + name[1:])}',
     '{_e(name)}'),
    ('commentary_pane', '    return html.escape(clip(text, 20_000))',
     '    return clip(text, 20_000)'),
    ('commentary_pane', 'if view.quote.note else ""',
     'if not view.quote.note else ""'),
    ('commentary_pane', '<p><b>{_e(v.quote.value)}</b><br>',
     '<p><b>{_e(v.quote.topic)}</b><br>'),
    ('commentary_pane', '[v for v in views if v.quote.source_id == s.id]',
     '[v for v in views if v.quote.source_id != s.id]'),
    ('commentary_pane', '        text = "<p style=\'color:#444\'>Makes no claim on this point.</p>"',
     '        text = ""'),
]


def caught(module: str, old: str, new: str, tests: list[str]) -> bool:
    """Whether ``tests`` fail with ``old`` replaced by ``new`` in ``module``."""
    path = GUI / f"{module}.py"
    text = path.read_text(encoding="utf-8")
    if text.count(old) != 1:
        raise SystemExit(f"{path}: the text to replace is not there once: {old!r}")
    path.write_text(text.replace(old, new), encoding="utf-8")
    try:
        run = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                              *tests], cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                             capture_output=True, text=True, check=False)
    finally:
        path.write_text(text, encoding="utf-8")
    return run.returncode != 0


def main() -> int:
    tests = sys.argv[1:] or TESTS
    missed = 0
    for module, old, new in BUGS:
        ok = caught(module, old, new, tests)
        missed += not ok
        print(f"{'caught' if ok else 'MISSED'}  {module}: {old.strip()[:60]!r} -> {new.strip()[:60]!r}", flush=True)
    print(f"{len(BUGS) - missed} of {len(BUGS)} planted bugs caught")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
