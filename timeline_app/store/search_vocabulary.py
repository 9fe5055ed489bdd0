"""The words of one table's FTS index, found by how a typed word begins them: as written or by its Latin key.

A million-event store's index has a million words (most of them numbers, whose key is the
word itself). Only the words the key changes are keyed and sorted apart; the others are
found in the index's own order, so reading the vocabulary costs a scan, not a million keys.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from collections.abc import Sequence
from contextlib import suppress

import numpy as np

from timeline_app.store.transliteration import latin_key

#: The letters of a word that is its own :func:`latin_key` (no Cyrillic, kh, [yj]o, x, j, y to rewrite), if it
#: has no "ii" or "ie" either.
_KEY_LETTERS = b"0123456789abcdefgiklmnopqrstuvwz"
#: Words in at least this many rows are "frequent": their rows may be kept between searches.
FREQUENT_ROWS = 2_000
#: Indexes with more words of their own key than this keep them packed (:class:`PackedWords`).
PACK_ABOVE = 10_000
_LAST = "\U0010ffff"


def own_keys(terms: list[str]) -> np.ndarray:
    """Whether each of ``terms`` is its own :func:`latin_key`, for a million words in a few array operations."""
    if not terms:
        return np.zeros(0, dtype=bool)
    data = np.frombuffer("\x01".join(terms).encode(), dtype=np.uint8)
    breaks = np.flatnonzero(data == 1)
    if len(breaks) != len(terms) - 1:  # another tokenizer's words may hold the separator
        return np.array([latin_key(t) == t for t in terms], dtype=bool)
    letters = np.zeros(256, dtype=bool)
    letters[list(_KEY_LETTERS)] = True
    changes = ~letters[data]
    changes[:-1] |= (data[:-1] == ord("i")) & ((data[1:] == ord("i")) | (data[1:] == ord("e")))
    changes[breaks] = False
    starts = np.concatenate(([0], breaks + 1))
    return np.add.reduceat(changes, starts) == 0


class PackedWords(Sequence[str]):
    """Sorted words kept as one UTF-8 buffer and where each begins; indexes like a list, so
    :func:`bisect.bisect_left` searches it. A million words take some 11 MB, not the 60 MB of as
    many Python strings, for as long as the store is open."""

    def __init__(self, words: list[str]) -> None:
        self.buffer = "\x01".join(words).encode()
        data = np.frombuffer(self.buffer, dtype=np.uint8)
        breaks = np.flatnonzero(data == 1)
        if words and len(breaks) != len(words) - 1:
            raise ValueError("a word holds the separator")
        wide = len(self.buffer) >= 2**31
        self.starts = np.concatenate(([0], breaks + 1, [len(self.buffer) + 1])).astype(np.int64 if wide else np.int32)
        self.size = len(words)

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index):
        if isinstance(index, slice):
            first, last, step = index.indices(self.size)
            if step != 1:
                return [self[k] for k in range(first, last, step)]
            if first >= last:
                return []
            # One decode for the run of words (a short prefix can begin a hundred thousand of them).
            return self.buffer[int(self.starts[first]):int(self.starts[last]) - 1].decode().split("\x01")
        if not -self.size <= index < self.size:
            raise IndexError(index)
        index %= self.size
        return self.buffer[int(self.starts[index]):int(self.starts[index + 1]) - 1].decode()


class Vocabulary:
    """The distinct words of an index, and how many rows hold each frequent one."""

    def __init__(self, terms: list[str], rows: np.ndarray | None = None) -> None:
        words = np.array(terms, dtype=object)
        own = own_keys(terms)
        plain = words[own].tolist()
        plain.sort()  # already in the index's order: sorting a sorted list is one pass
        keyed = sorted((latin_key(t), t) for t in words[~own].tolist())
        self.plain: Sequence[str] = plain
        if len(plain) > PACK_ABOVE:  # a big index's words are kept packed while the store is open
            with suppress(ValueError):  # a word holding the separator keeps the list
                self.plain = PackedWords(plain)
        self.keys = [k for k, _t in keyed]
        self.by_key = [t for _k, t in keyed]
        self.spelled = sorted(self.by_key)
        counts = rows if rows is not None else np.zeros(len(terms), dtype=np.int64)
        #: (row count, word) of the frequent words, most frequent first.
        self.frequent = sorted(((int(counts[i]), terms[i]) for i in np.flatnonzero(counts >= FREQUENT_ROWS)),
                               reverse=True)

    def words(self, typed: str) -> tuple[list[str], list[str]]:
        """The index's words that ``typed`` begins: (as written, only by key), each distinct."""
        key = latin_key(typed)
        written = _starting(self.plain, typed) + _starting(self.spelled, typed)
        others = [t for t in _starting(self.plain, key) + _between(self.keys, self.by_key, key)
                  if not t.startswith(typed)]
        return written, list(dict.fromkeys(others))


def _starting(words: Sequence[str], prefix: str) -> list[str]:
    return list(words[bisect_left(words, prefix):bisect_left(words, prefix + _LAST)])


def _between(keys: list[str], words: list[str], prefix: str) -> list[str]:
    return words[bisect_left(keys, prefix):bisect_left(keys, prefix + _LAST)]


def read_vocabulary(conn: sqlite3.Connection, table: str) -> Vocabulary:
    """The words of ``table``'s FTS index (``{table}_fts``) and their row counts; raises sqlite3.Error if unreadable."""
    conn.execute(f"create virtual table if not exists temp.[{table}_vocabulary] "
                 f"using fts5vocab(main, '{table}_fts', 'row')")
    count, terms, rows = conn.execute(f"select count(*), group_concat(term, char(1)), group_concat(doc) "
                                      f"from temp.[{table}_vocabulary]").fetchone()
    words = terms.split("\x01") if terms else []
    if len(words) != count:  # another tokenizer's word may hold the separator: read them one by one
        found = [(t, n) for t, n in conn.execute(f"select term, doc from temp.[{table}_vocabulary]")
                 if isinstance(t, str)]
        return Vocabulary([t for t, _n in found], np.array([n for _t, n in found], dtype=np.int64))
    return Vocabulary(words, np.fromstring(rows, dtype=np.int64, sep=",") if rows else None)
