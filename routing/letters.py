"""The letters a match must start with: one `&` spares a regex call on a message without any of them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from re import _constants as c  # the parser's private modules, read only, as in routing.gates
from re import _parser
from typing import Any

ANY = 1
"""The bit every message's mask holds: the needs of a pattern that may start with any letter."""
Checked = tuple[tuple[re.Pattern[str], int, int], ...]
"""Patterns, each with two needs as bits of an ``Alphabet``: the letters its match starts with, and those the second
word of a pair starts with. A message whose mask misses either cannot match it: no call, the same answer."""


@lru_cache(maxsize=4096)
def first_letters(source: str, flags: int = 0) -> frozenset[str] | None:
    """The letters every match of ``source`` starts with, or None when a match may start with any letter (a
    category such as ``\\s``, a negated class, a dot), match nothing at all, or ignore case. Kept: pairs share their
    words' lists, and each reader compiled again (an engine per test) asks again."""
    if flags & re.IGNORECASE:
        return None
    found = _sequence(_parser.parse(source, flags).data)
    return None if found is None or found[1] else frozenset(found[0])


class Alphabet:
    """The letters patterns start with, one bit each, numbered as the patterns are compiled: whether a message holds
    one of a pattern's first letters is then one ``&`` (a set test is five times that, and a situation has dozens of
    patterns, most of whose letters a message misses)."""

    def __init__(self) -> None:
        self._bits: dict[str, int] = {}

    def bits(self, source: str | None, flags: int = 0) -> int:
        """The bits of the letters a match of ``source`` starts with; ``ANY`` for none said or any letter."""
        letters = first_letters(source, flags) if source else None
        if not letters:
            return ANY
        bits = 0
        for letter in letters:
            bit = self._bits.get(letter)
            if bit is None:
                bit = self._bits[letter] = 2 << len(self._bits)
            bits |= bit
        return bits

    def checked(self, patterns: Iterable[re.Pattern[str]]) -> Checked:
        return tuple((p, self.bits(p.pattern, p.flags), ANY) for p in patterns)

    def mask(self, text: str) -> int:
        """The bits of the letters in ``text``, with ``ANY``."""
        return sum(map(self._bits.get, set(text), repeat(0)), ANY)


def _sequence(items: Any) -> tuple[set[str], bool] | None:
    """The letters a sequence can start with and whether it can match nothing; None for any letter."""
    letters: set[str] = set()
    for op, av in items:
        found = _item(op, av)
        if found is None:
            return None
        letters |= found[0]
        if not found[1]:
            return letters, False
    return letters, True


def _item(op: Any, av: Any) -> tuple[set[str], bool] | None:
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        letters: set[str] = set()
        for kind, value in av:
            if kind is c.LITERAL:
                letters.add(chr(value))
            elif kind is c.RANGE:
                letters.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None  # a negated class or a category: any letter
        return letters, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True
    if op is c.SUBPATTERN:
        return _sequence(av[3].data)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        found = _sequence(av[2].data)
        return None if found is None else (found[0], found[1] or av[0] == 0)
    if op is c.BRANCH:
        letters, empty = set(), False
        for alternative in av[1]:
            found = _sequence(alternative.data)
            if found is None:
                return None
            letters |= found[0]
            empty = empty or found[1]
        return letters, empty
    return None
