"""Cut the review proper out of a saved seed document.

A seed is a saved web page or a Markdown file. The store's ``sources.text`` holds
only the review itself, so that excerpt offsets index into prose a reader would
recognise: page furniture before and after is cut, Markdown emphasis markers are
dropped, and the few line breaks that page layout put inside sentences are
joined with a single space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class ReviewTextError(ValueError):
    """The seed text does not contain what its source entry says it does."""


@dataclass(frozen=True)
class ReviewCut:
    """How to cut the review proper out of one seed document.

    ``begin`` and ``end`` are the first and last words of the review proper;
    ``drop`` lists whole lines of page furniture inside it (captions, bylines
    repeated by the page); ``join_after`` lists the words that end a paragraph
    which page layout broke in the middle of a sentence.
    """

    begin: str
    end: str
    drop: tuple[str, ...] = field(default_factory=tuple)
    join_after: tuple[str, ...] = field(default_factory=tuple)
    markdown: bool = False


def _strip_markdown(text: str) -> str:
    # Headings and emphasis are typography, not words; a quote must not need them.
    text = re.sub(r"^#+\s+", "", text, flags=re.MULTILINE)
    text = text.replace("\\$", "$").replace("*", "")
    return text


def _fold_spaces(text: str) -> str:
    # Saved pages mix no-break and runs of spaces; a reader sees one space.
    return re.sub(r"[^\S\n]+", " ", text).strip()


def cut_review(raw: str, cut: ReviewCut) -> str:
    """Return the review proper of ``raw`` as plain paragraphs separated by blank lines."""
    text = raw.replace("\r\n", "\n")
    begin = text.find(cut.begin)
    if begin < 0:
        raise ReviewTextError(f"the review's first words {cut.begin!r} are not in the seed")
    end = text.find(cut.end, begin)
    if end < 0:
        raise ReviewTextError(f"the review's last words {cut.end!r} are not in the seed")
    text = text[begin : end + len(cut.end)]
    if cut.markdown:
        text = _strip_markdown(text)
    drop = {_fold_spaces(line) for line in cut.drop}
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_fold_spaces(line) for line in block.split("\n")]
        lines = [line for line in lines if line and line not in drop]
        if not lines:
            continue
        paragraph = "\n".join(lines)
        if paragraphs and any(paragraphs[-1].endswith(word) for word in cut.join_after):
            paragraphs[-1] = f"{paragraphs[-1]} {paragraph}"
        else:
            paragraphs.append(paragraph)
    folded = _fold_spaces(raw)
    for line in cut.drop:
        if _fold_spaces(line) not in folded:
            raise ReviewTextError(f"the line to drop {line!r} is not in the seed")
    return "\n\n".join(paragraphs)
