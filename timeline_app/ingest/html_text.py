"""HTML from a TimelineJS sheet as the plain text a store keeps: tags dropped, entities decoded, links kept.

TimelineJS shows Headline and Text as HTML; a store holds plain text (text is data, and the window
shows it as such). A link stays readable as its words followed by its address in brackets,
unless the words already are the address. Reading is the standard library's HTML parser, which
copes with the broken markup people paste into spreadsheets.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Tags that end a line of text where they open or close.
_BREAKS = frozenset({"br", "p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
                     "tr", "table", "section", "article", "hr"})
#: Tags whose content is not text a person reads.
_HIDDEN = frozenset({"script", "style", "template"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[tuple[str, int]] = []  # (address, where its words begin in parts)
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BREAKS:
            self.parts.append("\n")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BREAKS:
            self.parts.append("\n")
        elif tag == "a" and self.links:
            address, begin = self.links.pop()
            words = "".join(self.parts[begin:]).strip()
            if address and address.strip() != words and not address.startswith(("#", "javascript:")):
                self.parts.append(f" ({address.strip()})" if words else address.strip())

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def plain_text(markup: str) -> str:
    """``markup`` as plain text: ``<b>Tom</b> &amp; <a href="u">Jerry</a>`` is ``Tom & Jerry (u)``.

    Runs of spaces become one space and each line is trimmed; paragraphs and line breaks
    become single line breaks.
    """
    if "<" not in markup and "&" not in markup:
        return _tidy(markup)
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return _tidy("".join(collector.parts))


def _tidy(text: str) -> str:
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
