"""Finding situations (danger, emergency, sick child, care at home) in a message: words, lookalikes, plans, subjects.

A situation's words come from the knowledge YAML so staff can extend them. Matching runs on the message
without spaces. Lookalike phrases (``unless``) are blanked out first, so "학대예방" hides its 학대 and
"주사맞았" its 맞았. A word whose nearest subject before it is another person ("엄마가 다쳐서") is about
that person. ``now_words`` (a child alone) count only when the message is about now, not a plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge.schema import Situation

CHILD_NOUNS = (
    "아이들", "아이", "애기", "아기", "아가", "애들", "애", "얘", "딸래미", "딸내미", "딸", "아들", "막내", "첫째",
    "둘째", "동생", "손주", "조카", "꼬맹이", "녀석",
)
"""What ``{아이}`` in a word stands for, with its particle."""
_PARTICLES = "(?:이가|가|이|를|을|는|은|도|만|한테|랑)?"
CHILD_RE = "(?:" + "|".join(CHILD_NOUNS) + ")" + _PARTICLES
_CHILD_MENTION = re.compile("|".join(CHILD_NOUNS))
_SUBJECT_WINDOW = 20
"""How far back (letters, spaces removed) the subject of a word is looked for."""
_BLANK = "|"


def _alternation(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the words, longest first; ``{아이}`` expands to a child noun with its particle."""
    forms = sorted({w.replace(" ", "") for w in words if w.strip()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile("|".join(re.escape(f).replace(re.escape("{아이}"), CHILD_RE) for f in forms))


class _Compiled:
    __slots__ = ("now", "now_words", "others", "plans", "unless", "words")

    def __init__(self, s: Situation) -> None:
        self.words = _alternation(s.words)
        self.now_words = _alternation(s.now_words)
        self.plans = _alternation(s.plans)
        self.now = _alternation(s.now)
        self.unless = _alternation(s.unless)
        self.others = _alternation(s.not_after)


def _about_someone_else(compact: str, at: int, others: re.Pattern[str] | None) -> bool:
    """Whether the nearest subject before ``at`` is another person, not a child."""
    if others is None:
        return False
    window = compact[max(0, at - _SUBJECT_WINDOW) : at]
    last_other = max((m.end() for m in others.finditer(window)), default=-1)
    if last_other < 0:
        return False
    last_child = max((m.end() for m in _CHILD_MENTION.finditer(window)), default=-1)
    return last_other > last_child


def _counts(pattern: re.Pattern[str] | None, compact: str, others: re.Pattern[str] | None) -> bool:
    if pattern is None:
        return False
    return any(not _about_someone_else(compact, m.start(), others) for m in pattern.finditer(compact))


class SituationFinder:
    """Compiled once per knowledge; ``find`` is a pure function of the message."""

    def __init__(self, situations: Mapping[str, Situation]) -> None:
        self._compiled = tuple(
            (sid, _Compiled(s)) for sid, s in situations.items() if s.words or s.now_words
        )

    def find(self, compact: str, later: bool = False) -> frozenset[str]:
        """Situation ids in the message (``compact``: spaces removed); ``later`` when it names a later day."""
        found = []
        for sid, c in self._compiled:
            text = c.unless.sub(_BLANK, compact) if c.unless is not None else compact
            if _counts(c.words, text, c.others) or (
                c.now_words is not None and self._now(c, text, later) and _counts(c.now_words, text, c.others)
            ):
                found.append(sid)
        return frozenset(found)

    @staticmethod
    def _now(c: _Compiled, text: str, later: bool) -> bool:
        """Whether the message is about now: no later day, and no plan word unless a now word overrides it."""
        if later:
            return False
        if c.plans is None or c.plans.search(text) is None:
            return True
        return c.now is not None and c.now.search(text) is not None
