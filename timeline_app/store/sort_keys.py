"""Keys that sort text as a reader expects, and the events' titles in that order, computed in bulk. No Qt.

A key ignores case and the accents of Latin letters, puts Russian ё with е, and compares the
numbers in a text by value ("Event 2" before "Event 10"). Keys are made for many texts at
once with numpy, and a million titles are sorted by SQLite in a temporary table, so no
per-title Python runs and the GIL is held only briefly at a time: a window stays responsive
while a worker thread sorts.
"""

from __future__ import annotations

import sqlite3
import unicodedata

import numpy as np

from timeline_app.store.interrupt import CancelCheck, cancellable, never, stop_if

#: Titles are compared on this many characters at most: a store may hold a title of megabytes.
KEY_CHARS = 200
CHUNK = 50_000
RENUMBER_SLICE = 1 << 20  # characters renumbered at a time
_YO = str.maketrans({"ё": "е"})
#: A number of n digits (leading zeros aside) is preceded by chr(0x30 + n): shorter numbers sort first.
_DIGIT_MARK = 0x30


def _key_codes(joined: str) -> np.ndarray:
    """The code points of the keys of ``joined`` (texts between line breaks), line breaks kept."""
    codes = _folded_codes(joined)
    digit = ((codes >= 0x30) & (codes <= 0x39)).astype(np.int8)
    edges = np.diff(np.concatenate(([0], digit, [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    # A number is compared from its first digit other than 0: "02" sorts as 2.
    significant = np.flatnonzero(digit.astype(bool) & (codes != 0x30))
    at = np.searchsorted(significant, starts)
    first = np.append(significant, len(codes))[at]
    first = np.where(first < ends, first, ends)
    marks = (_DIGIT_MARK + np.minimum(ends - first, 0x10000)).astype("<u4")
    # The zeros before a number's first other digit go.
    leading = np.bincount(starts, minlength=len(codes) + 1) - np.bincount(first, minlength=len(codes) + 1)
    keep = np.cumsum(leading[:-1]) == 0
    return np.insert(codes, starts, marks)[np.insert(keep, starts, True)]


def _joined(texts: list[str]) -> str | None:
    joined = "\n".join(texts)
    return joined if joined.count("\n") == len(texts) - 1 else None


def natural_keys(texts: list[str]) -> list[str]:
    """One sort key per text (see the module's rule); equal texts get equal keys."""
    if not texts:
        return []
    joined = _joined(texts)
    if joined is None:  # a text holding a line break: line breaks count as spaces
        joined = "\n".join(t.replace("\n", " ") for t in texts)
    return _key_codes(joined).tobytes().decode("utf-32-le").split("\n")


class KeyColumn:
    """Many texts' sort keys as one array of 16-bit codes, for ranking them with array operations."""

    def __init__(self) -> None:
        self.parts: list[np.ndarray] = []
        self.lengths: list[np.ndarray] = []

    def add(self, texts: list[str]) -> None:
        """Append the keys of ``texts`` (none may hold a line break)."""
        if not texts:
            return
        joined = _joined(texts)
        if joined is None:
            raise ValueError("a text holds a line break")
        codes = _key_codes(joined)
        breaks = np.flatnonzero(codes == 0x0A)
        bounds = np.concatenate(([-1], breaks, [len(codes)]))
        self.lengths.append(np.diff(bounds) - 1)
        self.parts.append(np.minimum(np.delete(codes, breaks), 0xFFFF).astype(np.uint16))

    def ranks(self, cancelled: CancelCheck = never) -> np.ndarray:
        """For each text added, how many texts have a smaller key (equal keys, equal ranks)."""
        lengths = np.concatenate(self.lengths) if self.lengths else np.zeros(0, dtype=np.int64)
        if len(lengths) < 2:
            return np.zeros(len(lengths), dtype=np.int64)
        # Positions in 32 bits while they fit: the arrays below are as long as the texts are many,
        # and a million texts' worth of temporaries in 64 bits would double the peak memory.
        index = np.int32 if int(lengths.sum()) + len(lengths) < 2 ** 31 - 1 else np.int64
        lengths = lengths.astype(index)
        ranks = np.zeros(len(lengths), dtype=index)
        # One array of every key's characters; the parts go as it is made (a million titles'
        # characters are tens of megabytes, and each copy kept would add as much again).
        wide = np.empty(sum(len(p) for p in self.parts), dtype=np.uint16)
        at = 0
        while self.parts:
            part = self.parts.pop(0)
            wide[at:at + len(part)] = part
            at += len(part)
        # Characters renumbered 1, 2, ... in their order (0: past a key's end), so that a 64-bit
        # word holds as many characters as the few distinct ones need bits.
        present = np.zeros(0x10000, dtype=bool)
        present[wide] = True
        dense = np.cumsum(present)
        bits = max(1, int(dense[-1]).bit_length())
        codes = np.zeros(len(wide) + 1, dtype=np.uint8 if bits <= 8 else np.uint16)  # the last 0: something to index
        renumbered = dense.astype(codes.dtype)
        piece = wide[:0]
        for lo in range(0, len(wide), RENUMBER_SLICE):  # in slices: numpy widens indices to 64 bits
            piece = wide[lo:lo + RENUMBER_SLICE]
            codes[lo:lo + len(piece)] = renumbered[piece]
        del wide, piece  # a slice left alive would keep all of wide
        per_word, shift = 64 // bits, np.uint64(bits)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(index)
        active = np.arange(len(lengths), dtype=index)
        step = 0
        # Compare a word of characters at a time, only among texts still tied with another.
        while len(active) > 1:
            stop_if(cancelled)
            at, left = starts[active] + per_word * step, lengths[active] - per_word * step
            word = np.zeros(len(active), dtype=np.uint64)
            for k in range(per_word):
                inside = left > k
                np.left_shift(word, shift, out=word)
                np.bitwise_or(word, np.where(inside, codes[np.where(inside, at + k, 0)], 0), out=word,
                              casting="unsafe")
            order = np.lexsort((word, ranks[active]))
            active, word, left = active[order], word[order], left[order]
            old = ranks[active]
            new_group = np.concatenate(([True], old[1:] != old[:-1]))
            new_run = new_group | np.concatenate(([True], word[1:] != word[:-1]))
            place = np.arange(len(active), dtype=index)
            group_start = np.maximum.accumulate(np.where(new_group, place, 0))
            run_start = np.maximum.accumulate(np.where(new_run, place, 0))
            ranks[active] = old + (run_start - group_start)
            # Still tied: a run of two or more whose texts go on past this word.
            run_id = np.cumsum(new_run) - 1
            size = np.bincount(run_id)
            longer = np.bincount(run_id, weights=left > per_word) > 0
            active = active[(size[run_id] > 1) & longer[run_id]]
            step += 1
        return ranks.astype(np.int64)


def _folded_codes(text: str) -> np.ndarray:
    """The code points of ``text`` folded as :func:`~timeline_app.store.search.fold` does, ё as е."""
    if text.isascii():
        return np.frombuffer(text.lower().encode("ascii"), dtype=np.uint8).astype("<u4")
    # fold()'s regular expression, as array operations: 10 times faster on a big text.
    codes = np.frombuffer(unicodedata.normalize("NFD", text.lower()).encode("utf-32-le"), dtype="<u4")
    mark = (codes >= 0x300) & (codes <= 0x36F)
    after_latin = np.concatenate(([False], (codes[:-1] >= 0x61) & (codes[:-1] <= 0x7A)))
    before_mark = np.concatenate((mark[1:], [False]))
    codes = codes[~(mark & after_latin & ~before_mark)]
    text = unicodedata.normalize("NFC", codes.tobytes().decode("utf-32-le")).translate(_YO)
    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4")


def _ints(text: str | None) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)


def title_ranks(conn: sqlite3.Connection, cancelled: CancelCheck = never) -> tuple[np.ndarray, np.ndarray]:
    """Rowids of all events and, for each, the rank of its title's key (equal titles share a rank).

    Raises :class:`~timeline_app.store.interrupt.Cancelled` soon after ``cancelled()`` holds.
    """
    keys, rowids = KeyColumn(), []
    last = -(2 ** 63)
    with cancellable(conn, cancelled):
        while True:
            stop_if(cancelled)
            chunk, titles = conn.execute(
                "select group_concat(rowid), group_concat(title, char(10)) from ("
                f"select rowid, replace(substr(coalesce(title, ''), 1, {KEY_CHARS}), char(10), ' ') as title "
                "from events where rowid > ? order by rowid limit ?)", (last, CHUNK)).fetchone()
            if chunk is None:
                break
            rowids.append(_ints(chunk))
            keys.add(titles.split("\n"))
            last = int(rowids[-1][-1])
    ranks = keys.ranks(cancelled)
    found = np.concatenate(rowids) if rowids else np.zeros(0, dtype=np.int64)
    if len(found) != len(ranks):  # cannot happen: line breaks were replaced above
        raise ValueError("titles and rowids out of step")
    return found, ranks
