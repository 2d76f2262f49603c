"""Korean numerals: native (한, 두, 열두) and Sino-Korean (일, 이, 삼십) words as regex fragments and values."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NATIVE_UNITS = {
    1: ("한", "하나"),
    2: ("두", "둘"),
    3: ("세", "셋", "석"),
    4: ("네", "넷", "넉"),
    5: ("다섯",),
    6: ("여섯",),
    7: ("일곱",),
    8: ("여덟", "여덜"),
    9: ("아홉",),
}
_SINO_DIGITS = ("", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구")


def _native() -> dict[str, int]:
    words: dict[str, int] = {}
    for n, forms in _NATIVE_UNITS.items():
        for f in forms:
            words[f] = n
            words["열" + f] = 10 + n
            words["스물" + f] = 20 + n  # "스물두 달": a toddler's months
    words["열"] = 10
    words["스물"] = words["스무"] = 20
    return words


def _sino() -> dict[str, int]:
    words: dict[str, int] = {}
    for n in range(1, 100):
        tens, ones = divmod(n, 10)
        head = "" if tens == 0 else ("십" if tens == 1 else _SINO_DIGITS[tens] + "십")
        words[head + _SINO_DIGITS[ones]] = n
    words["륙"] = 6
    return words


NATIVE: dict[str, int] = _native()
"""Native Korean number words 1-20 (counting years of age, hours)."""
SINO: dict[str, int] = _sino()
"""Sino-Korean number words 1-99 (months, minutes, grades, dates)."""


def alternation(words: dict[str, int]) -> str:
    """A regex alternation of the words, longest first so that 열두 wins over 열."""
    return "|".join(sorted(words, key=len, reverse=True))


def trie(words: Iterable[str]) -> str:
    """One pattern for many words, branching letter by letter: it finds the longest word at each place, as the
    words' alternation sorted longest first does, in half the time (the alternation tries every word in turn)."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(letter) + build(rest) for letter, rest in sorted(node.items()) if letter]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{group})?" if "" in node else group

    return build(root)


NATIVE_RE = trie(NATIVE)
SINO_RE = trie(SINO)
"""As tries: the ages pattern tries a numeral at every letter a numeral can start with (이, 사, 오, 하 ...), and
an alternation of 130 words costs a test per word there."""
FIRST_LETTERS = "".join(sorted({w[0] for w in (*NATIVE, *SINO)}))
"""The letters a numeral word can start with, for cheap first-letter tests in front of big patterns."""


def value(word: str) -> int | None:
    """The number a digit string or numeral word stands for; native wins where the two overlap (none do)."""
    if word.isascii() and word.isdigit():
        return int(word)
    word = word.replace(" ", "")
    if word in NATIVE:
        return NATIVE[word]
    return SINO.get(word)
