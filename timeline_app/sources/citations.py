"""Citations of the reviews in Chicago style, and quotes ready to paste. No Qt."""

from __future__ import annotations

import html

from timeline_app.store.dates import DateError, parse_date

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _chicago_date(iso: str) -> str:
    try:
        value = parse_date(iso)
    except DateError:
        return iso
    if value.month is None:
        return str(value.year)
    month = _MONTHS[value.month - 1]
    return f"{month} {value.day}, {value.year}" if value.day else f"{month} {value.year}"


def _inverted(author: str) -> str:
    parts = author.split()
    return f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else author


def _title_with_period(title: str) -> str:
    # Chicago puts the period inside the quotation marks unless the title ends in its own mark.
    return title if title.endswith(("!", "?", ".")) else f"{title}."


def chicago_citation(source: dict) -> str:
    """A Chicago-style bibliography entry for a web article, as plain text.

    >>> chicago_citation({"author": "Clara Weiss", "title": "A Film", "publication": "WSWS",
    ...                   "published": "2021-02-09", "url": "https://example.org/a"})
    'Weiss, Clara. “A Film.” WSWS, February 9, 2021. https://example.org/a.'
    """
    parts = [f"{_inverted(source.get('author') or 'Anonymous')}.", f"“{_title_with_period(source.get('title') or '')}”"]
    tail = ", ".join(p for p in (source.get("publication"), _chicago_date(source.get("published") or "")) if p)
    if tail:
        parts.append(f"{tail}.")
    if source.get("url"):
        parts.append(f"{source['url']}.")
    return " ".join(parts)


def chicago_citation_html(source: dict) -> str:
    """The same citation with the publication in italics, as HTML."""
    plain = chicago_citation(source)
    publication = source.get("publication") or ""
    escaped = html.escape(plain)
    if publication:  # the last "” publication": its name may also be in the title, never in the date or url
        head, _, tail = escaped.rpartition(f"” {html.escape(publication)}")
        escaped = f"{head}” <i>{html.escape(publication)}</i>{tail}"
    return escaped


def quoted_passage(quote: str, source: dict) -> str:
    """A quote a journalist can paste as is: the words in quotation marks, then the citation."""
    return f"“{quote.strip()}”\n\n{chicago_citation(source)}"
