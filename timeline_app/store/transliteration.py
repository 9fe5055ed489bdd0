"""One Latin spelling for a Russian word however it is written: Cyrillic, or any usual transliteration.

Search compares words by :func:`latin_key`, so "Хрущёв", "Khrushchev", "Hrushchev" and
"Khrushchyov" are one word, as are "Достоевский", "Dostoevsky" and "Dostoyevskiy". The key
merges only the letters transliterations disagree on (kh/h, ye/e, yo/ё/e, ya/ia/ja, yu/iu/ju,
-iy/-ii/-y, x/ks); it is no fuzzy match. A spelling that differs by a letter of its own
("Novocherkask") is an alias of its place in the store (:mod:`.aliases`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Russian letters (and the few other Cyrillic ones in Soviet place names) as scholars transliterate them;
#: ь and ъ are left out, as most transliterations leave them (or write an apostrophe, a word break).
CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
})

_LATIN_DIACRITIC = re.compile(r"(?<=[a-z])[\u0300-\u036f](?![\u0300-\u036f])")
_CONSONANT = "bcdfghklmnpqrstvwxz"
#: In order: each rule sees what the rules before it made.
_RULES = (
    (re.compile("kh"), "h"),  # Khrushchev, Hrushchev
    (re.compile(f"(?<=[{_CONSONANT}])[yj]o"), "e"),  # Pyotr = Пётр, Khrushchyov = Хрущёв
    (re.compile("x"), "ks"),  # Alexei = Aleksei
    (re.compile("j"), "y"),  # Jakovlev = Yakovlev, -skij
    (re.compile("y"), "i"),  # ya = ia, yu = iu, -sky = -ski
    (re.compile("i+"), "i"),  # -skiy = -skii = -ski, Ilyich = Ilich
    (re.compile("(?:(?<=^)|(?<=[aeiou]))ie"), "e"),  # Yeltsin = Ельцин, Dostoyevsky = Достоевский
)


def fold(text: str) -> str:
    """Lower case without the diacritic of a Latin letter, as FTS5's unicode61 tokenizer compares words.

    Like the tokenizer (``remove_diacritics 1``), it keeps letters such as Russian й and ё, and a
    letter with two diacritics.
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", _LATIN_DIACRITIC.sub("", decomposed))


@lru_cache(maxsize=500_000)  # a store's vocabulary is keyed once, not at every search
def latin_key(word: str) -> str:
    """The key of one folded (lower-case) word: equal for the usual spellings of the same Russian word."""
    key = word.translate(CYRILLIC)
    for pattern, replacement in _RULES:
        key = pattern.sub(replacement, key)
    return key


def same_word_start(typed: str, word: str) -> bool:
    """Whether ``typed`` (a folded word) begins ``word`` (a folded word), as written or by :func:`latin_key`."""
    return word.startswith(typed) or latin_key(word).startswith(latin_key(typed))
