"""First-letter tests in front of each alternative of a big pattern: the same matches, found in less time."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from re import _constants as c  # the parser's private modules, read only: which letters start each alternative
from re import _parser
from typing import Any

_NAMED = {c.CATEGORY_SPACE: r"\s", c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w"}


def gated(pattern: re.Pattern[str], per: int = 1, within: int = 0) -> re.Pattern[str]:
    """``pattern`` with a test of the letters each alternative of its main alternation can start with put in
    front of it. The regex engine enters every alternative at every place where the pattern's own first-letter
    test passes; an alternative that starts with a group or a look-behind costs several steps there even when
    its first letter is not there, a test one. Alternatives that could start with any letter, or with none, are
    left as they are; so is a pattern without one main alternation. ``per`` alternatives in a row share one test:
    a long list of words branching by first letter (``wordforms.grouped``) is fastest in groups of about 64;
    ``within`` splits each group again behind tests of its own (a hundred words or more: each group's engine then
    tries a few tests and one small group instead of all its words)."""
    source = _gated(pattern.pattern, pattern.flags, per, within)
    return pattern if source is None else re.compile(source, pattern.flags)


def two_letters(words: Iterable[str], spaced: bool = False) -> str:
    """A test for the front of a pattern of plain words (written as they are, longest match at each place): a word's
    first letter, then (after at most one whitespace when ``spaced``: long names may be typed with spaces) a word's
    second letter; a one-letter word needs its letter only. Common letters that start a word (아, 다, 시 ...) are
    rarely followed by one that goes on one, and fail here in one test instead of entering the word lists."""
    firsts: set[str] = set()
    seconds: set[str] = set()
    alone: set[str] = set()
    for word in words:
        if len(word) > 1:
            firsts.add(word[0])
            seconds.add(word[1])
        elif word:
            alone.add(word)
    gap = "\\s?" if spaced else ""
    either = [f"[{re.escape(''.join(sorted(firsts)))}]{gap}[{re.escape(''.join(sorted(seconds)))}]"] if firsts else []
    either += [f"[{re.escape(''.join(sorted(alone)))}]"] if alone else []
    return f"(?={'|'.join(either)})" if either else "(?!)"


@lru_cache(maxsize=64)
def _gated(source: str, flags: int, per: int, within: int) -> str | None:
    """``gated``'s new source (None: as it is), kept for the next reader compiled from the same words (an engine
    per test, a knowledge edit): taking each alternative apart costs a tenth of a second for the long lists."""
    spans = _alternatives(source, bool(flags & re.VERBOSE))
    if spans is None:
        return None
    close = "\n)" if flags & re.VERBOSE else ")"  # a comment at an alternative's end must not hide the ")"
    parts = []
    for k in range(0, len(spans), per):
        sources = [source[start:end] for start, end in spans[k : k + per]]
        firsts = [_first(_parser.parse(s, flags).data) for s in sources]
        if all(f is not None and f[0] and not f[1] for f in firsts):
            if within and len(sources) > within:
                cuts = range(0, len(sources), within)
                inner = (_test(firsts[i : i + within], "|".join(sources[i : i + within]) + close) for i in cuts)
                parts.append(_test(firsts, "|".join(inner) + ")"))
            else:
                parts.append(_test(firsts, "|".join(sources) + close))
        else:
            parts += sources
    return source[: spans[0][0]] + "|".join(parts) + source[spans[-1][1] :]


def _test(firsts: list[Any], body: str) -> str:
    """``body`` (alternatives and the closing parenthesis) behind a test of the letters they start with."""
    return f"(?=[{''.join(dict.fromkeys(x for f in firsts for x in f[0]))}])(?:{body}"


def _alternatives(source: str, verbose: bool) -> list[tuple[int, int]] | None:
    """Where the alternatives of the main alternation are: at the top, or in the one group after a first-letter
    test (``(?=[...])(?:a|b|c)``)."""
    cuts: dict[int, list[int]] = {}
    opened: list[int] = []
    groups: list[tuple[int, int, int]] = []
    i, depth, n = 0, 0, len(source)
    while i < n:
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
            continue
        if verbose and ch == "#":
            i = source.find("\n", i)
            i = n if i < 0 else i
            continue
        if ch == "(":
            opened.append(i)
            depth += 1
        elif ch == ")":
            depth -= 1
            groups.append((opened.pop(), i, depth))
        elif ch == "|":
            cuts.setdefault(depth, []).append(i)
        i += 1
    if cuts.get(0):
        return _spans(0, n, cuts[0])
    outer = [(a, b) for a, b, d in groups if d == 0]
    if outer == [(0, n - 1)] and source.startswith("(?:") and cuts.get(1):
        return _spans(3, n - 1, [k for k in cuts[1] if k < n - 1])  # "(?:a|b|c)": one group holds it all
    if len(outer) != 2 or not source.startswith("(?=", outer[0][0]) or not source.startswith("(?:", outer[1][0]):
        return None
    a, b = outer[1]
    inner = [k for k in cuts.get(1, []) if a < k < b]
    return _spans(a + 3, b, inner) if inner else None


def _spans(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    edges = [start - 1, *cuts, end]
    return [(edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)]


def _class_end(source: str, i: int) -> int:
    """Where the character class opened at ``i`` ends (after its ``]``)."""
    i += 1
    if source.startswith("^", i):
        i += 1
    if source.startswith("]", i):
        i += 1
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1


def _first(items: list[Any]) -> tuple[list[str], bool] | None:
    """The letters (as class items) a sequence can start with and whether it can match nothing; None for any."""
    letters: list[str] = []
    for op, av in items:
        found = _first_item(op, av)
        if found is None:
            return None
        letters += found[0]
        if not found[1]:
            return letters, False
    return letters, True


def _first_item(op: Any, av: Any) -> tuple[list[str], bool] | None:
    if op is c.LITERAL:
        return [re.escape(chr(av))], False
    if op is c.IN:
        return _class(av)
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return [], True
    if op is c.SUBPATTERN:
        return _first(av[3].data)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, sub = av
        found = _first(sub.data)
        return None if found is None else (found[0], found[1] or low == 0)
    if op is c.BRANCH:
        letters, empty = [], False
        for alternative in av[1]:
            found = _first(alternative.data)
            if found is None:
                return None
            letters += found[0]
            empty = empty or found[1]
        return letters, empty
    return None


def _class(items: list[Any]) -> tuple[list[str], bool] | None:
    out = []
    for op, av in items:
        if op is c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _NAMED:
            out.append(_NAMED[av])
        else:
            return None  # a negated class or another category: any letter
    return out, False
