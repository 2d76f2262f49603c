"""Make-believe in a message: a doll or a character as the one hurt, a hurt acted or drawn; not a child in danger."""

from __future__ import annotations

import re

from knowledge.situation import Pretend
from routing.subjects import ADNOMINAL, WINDOW, Children
from routing.wordforms import grouped

_MARK = "(?:이가|가|이|은|는|도|만|한테|에게|의|랑)"
"""A toy named as subject, or as the one something is done to in play ("인형한테 주사 놓고 피 난대요")."""

_BEFORE_A_TALE = ADNOMINAL.replace("친", "")
"""The ending before a tale ("다치는 척", "잃어버리는 꿈"), not the 친 of 친척 (a relative: "다쳐서 친척한테")."""


class MakeBelieve:
    """A situation's ``pretend`` words, compiled once."""

    __slots__ = ("_acts", "_beings", "_kids", "_reach", "_real", "_tales")

    def __init__(self, p: Pretend, kids: Children) -> None:
        self._beings = re.compile(f"(?:{grouped(sorted(p.beings), stems=False)}){_MARK}") if p.beings else None
        self._acts = re.compile(grouped(sorted(p.acts))) if p.acts else None
        tales = grouped(sorted(p.tales), stems=False)
        self._tales = re.compile(f"((?:[가-힣]?[{_BEFORE_A_TALE}])?)(?:{tales})") if p.tales else None
        self._real = re.compile(grouped(sorted(p.real), stems=False)) if p.real else None
        self._reach = p.reach
        self._kids = kids

    def read(self, compact: str) -> MakeBelieve | None:
        """Itself for a message where make-believe may hide a word; None where there is none to look for or a
        ``real`` word says it really happened ("장난인 줄 알았는데 진짜로 숨을 안 쉬어요")."""
        if self._beings is None and self._acts is None and self._tales is None:
            return None
        return None if self._real is not None and self._real.search(compact) else self

    def pretended(self, compact: str, end: int, verb: int) -> bool:
        """Whether the word ending at ``end``, telling what happened at ``verb``, is make-believe: it describes a
        pretence, a dream or a story right after it ("다친 척해요", "애 잃어버리는 꿈"), drawing follows within
        reach ("피 난다고 빨간 펜으로 칠해요"), or a toy is the nearest one named before it, with no child named
        between ("인형이 피 난다고")."""
        if self._tales is not None:
            m = self._tales.match(compact, end)
            if m is not None and (m.group(1) or compact[end - 1] in ADNOMINAL):
                return True
        if self._acts is not None and self._acts.search(compact, end, end + self._reach) is not None:
            return True
        if self._beings is None:
            return False
        toys = list(self._beings.finditer(compact, max(0, verb - WINDOW), verb))
        return bool(toys) and not self._kids.mentioned(compact, toys[-1].end(), verb)
