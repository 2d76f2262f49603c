"""Which words gate a message before its situations are read: a situation's words and one side of each pair."""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.schema import Situation
from routing.wordforms import signs, syllable_forms

_CHILD = "{아이}"


def _cores(words: Iterable[str]) -> set[str]:
    """What must stand in a message for the word to be there: the word without its child noun, or, with the
    child inside it ("차에{아이}두고"), its longest piece, since the child's noun comes between the pieces."""
    return {max(w.replace(" ", "").split(_CHILD), key=len) for w in words} - {""}


def _starts(words: set[str]) -> set[str]:
    return {f for w in words for f in syllable_forms(w[0], len(w) == 1)}


_SHORT = 2
"""A trigger word this short (엄마, 목이, 애를) is in many messages that hold no situation."""


def _cost(side: set[str], cores: set[str], starts: set[str]) -> float:
    """What one side of a pair costs the trigger: new first letters, and short words that let ordinary
    messages through; a side with no words of its own ({아이} alone) cannot stand for the pair."""
    if not side:
        return float("inf")
    return len(_starts(side) - starts) + 2 * sum(1 for w in side - cores if len(w) <= _SHORT)


def trigger_words(s: Situation, cores: set[str] | None = None) -> set[str]:
    """Words one of which stands in every message the situation can be found in: its words without their
    child noun, and one side of each pair (signs that count only in an alarmed message pair with the alarm).
    Of a pair, the side adding fewer first letters (each letter that can start a word is a branch the regex
    engine tries wherever that letter stands: a third faster than all first words) and fewer short words
    (엄마, 애를: a side of those lets most messages through). ``cores``: words already chosen, grown."""
    cores = set() if cores is None else cores
    cores |= _cores((*signs((*s.words, *s.now_words, *s.with_child)), *s.exact))
    starts = _starts(cores)
    alarm = (_cores(s.urgent), _cores(signs(s.urgent_with_child)))
    for first, then in (alarm, *((_cores(signs(p.first)), _cores(signs(p.then))) for p in s.together)):
        side = first if _cost(first, cores, starts) <= _cost(then, cores, starts) else then
        cores |= side
        starts |= _starts(side)
    return cores
