"""Passages in their context: the paragraph around a quote, and HTML that marks it. No Qt."""

from __future__ import annotations

import html
from dataclasses import dataclass


@dataclass(frozen=True)
class PassageInContext:
    """A quote with the paragraph it stands in; ``start``/``end`` index the quote in ``paragraph``."""

    paragraph: str
    start: int
    end: int


def paragraph_around(text: str, start: int, end: int) -> PassageInContext:
    """The paragraph (blank-line separated) of ``text`` holding ``text[start:end]``."""
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", end)
    right = len(text) if right < 0 else right
    return PassageInContext(text[left:right], start - left, end - left)


def marked_html(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` as HTML with each ``(start, end, style)`` span wrapped in a styled ``<span>``.

    Spans may not overlap; overlapping ones after the first are left unmarked. Everything
    is escaped, so text that looks like markup shows as text.
    """
    out: list[str] = []
    cursor = 0
    for start, end, style in sorted(spans):
        if start < cursor or end <= start:
            continue
        out.append(html.escape(text[cursor:start]))
        out.append(f'<span style="{style}">{html.escape(text[start:end])}</span>')
        cursor = end
    out.append(html.escape(text[cursor:]))
    return "".join(out).replace("\n", "<br>")
