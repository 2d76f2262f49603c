"""Birth orders (첫째, 둘째, 큰애, 막내): the one said beside an age, and the children they name without ages."""

from __future__ import annotations

import re

BIRTH_ORDER = re.compile(
    r"(?<![가-힣])(?:첫째|첫애|첫\s*아이|큰\s*(?:애|아이|딸|아들)|큰놈|큰넘|둘째|셋째|넷째|작은\s*(?:애|아이|딸|아들)|작은놈|작은넘"
    r"|막내)"
    r"(?!들|\s*(?:주|날|달|[월화수목금토일]요일|로\s|이모|고모|삼촌|언니|누나|오빠|형님|며느리|사위|시누|동서))"
)
"""A birth order naming a child (경상도 큰놈 the eldest; not "둘째 주 토요일", "첫째로", "큰 아이들", "둘째 언니")."""
UNBORN = re.compile(
    r"\s*(?:을|를|이|가|는)?\s*(?:출산(?!\s*(?:했|한|후|하고|하자))|낳(?:으|을|아야|기|게|고\s*(?:싶|파|픈|말))|임신|가졌|가질|생겼|생기|예정"
    r"|계획|생각)"
)
"""After a birth order: a child not born yet ("둘째 출산 예정이라", "둘째 낳으러 가야 해서", "둘째 임신 중")."""
BORN = re.compile(r"\s*(?:을|를|이|가)?\s*(?:낳았|낳고|낳은|출산\s*(?:했|한|후|하고)|태어)")
"""After a birth order: a baby just born ("이번에 둘째를 낳았는데", "둘째 낳고 나서")."""
_SIBLING = re.compile(
    r"(?<!제\s)(?<!내\s)(?<!저희\s)(?<!남편\s)(?<!신랑\s)(?<!아내\s)(?<!와이프\s)(?<![가-힣])(?:남|여)?동생(?!네|분|님|\s*부부)"
    r"(?!\s*(?:을|를|이|가)?\s*(?:출산|낳으|낳을|임신|가질|가졌|생길|계획|예정))"
)
"""A younger sibling of the child said first ("큰애가 동생을 때려요"), born; not the parent's own (제 동생, 동생네)."""
NEW_BABY = re.compile(
    r"(?:아기|애기|아가|아이|애|동생)(?:를|을|가|이)?\s*(?:낳았|낳은\s*지|태어났|태어난\s*지)|출산(?:을\s*)?(?:했|한\s*지)"
    r"|조리원(?:인데|이에요|이예요|이라|에\s*있|에서\s*(?:지내|있))"
)
"""A baby born to the family already ("어제 애기 낳고 조리원인데요 큰애 3살"), beside a 큰애: a second child."""
_RANKS = {"첫": 1, "큰": 1, "둘": 2, "셋": 3, "넷": 4}
LATER = 9
"""작은애 and 막내: the last child, whatever its number."""


def said_orders(text: str) -> dict[int, bool]:
    """The birth orders of born children the text names, each with whether it is a baby just born; {} unless a first
    (첫째, 큰애) and a later child (둘째, 작은애, 막내) are both named ("둘째가 열나요" alone names one child). 작은애
    and 막내 are the child numbered last when a number is said ("첫째 둘째 막내" is not read as three)."""
    found: dict[int, bool] = {}
    for m in BIRTH_ORDER.finditer(text):
        if UNBORN.match(text, m.end()):
            continue  # "셋째 출산 예정이라": not born yet
        rank = _RANKS.get(m.group()[0], LATER)
        found[rank] = found.get(rank, False) or BORN.match(text, m.end()) is not None
    if found.keys() == {1} and "동생" in text and _SIBLING.search(text):
        found[LATER] = False  # "5살 큰애가 자꾸 동생을 때려요": the first child and the younger one
    elif found.keys() == {1} and ("낳" in text or "출산" in text or "태어" in text or "조리원" in text) and (
            NEW_BABY.search(text)):
        found[LATER] = True  # "애기 낳고 조리원인데 큰애 3살": the first child and the baby
    if 1 not in found or len(found) < 2:
        return {}
    if LATER in found and len(found) > 2:
        newborn = found.pop(LATER)
        top = max(found)
        found[top] = found[top] or newborn
    return found


_ORDINAL = re.compile(
    r"첫째|첫애|첫\s*아이|큰\s*애|큰\s*아이|큰\s*아들|큰\s*딸|큰놈|큰넘|둘째|셋째|넷째|작은\s*(?:애|아이)|작은놈|작은넘|막내")
ORDINAL_AFTER = re.compile(rf"\s*(?:인|짜리)?\s*(?:{_ORDINAL.pattern})(?!이?만)")
"""A birth order said right after the age ("초1 큰애", "다섯살 작은애", "5살인 첫째"; not "9살 6살 2살 막내만", which
singles one out, ``routing.selection``); after "이고"/"이요" it starts the
next child ("5살이고 둘째 2살")."""
_ORDER = {"첫째": 1, "둘째": 2, "셋째": 3, "넷째": 4}

_LINKED = re.compile(r"\s*(?:이랑|랑|하고|와|과|,|및)")
"""After a birth order: it names the child before ("6학년 되는 큰애랑 3살 둘째": the 큰애 is not the 3살)."""


def said_order(text: str, start: int, end: int) -> re.Match[str] | None:
    """The birth order said last between ``start`` and ``end``, unless it names the child before (``_LINKED``)."""
    found = None
    for m in _ORDINAL.finditer(text, start, end):
        found = m
    if found is not None and text.startswith("까지", found.end()):
        return None  # "막내까지 셋이에요": the youngest included in a count, no child's label
    return None if found is None or _LINKED.match(text, found.end(), end) else found


def ordinal(text: str, start: int, end: int) -> int | None:
    """The birth order said just before a mention (첫째 1, 둘째 2, 막내 9), if any."""
    found = said_order(text, start, end)
    if found is None:
        return None
    word = found.group()
    return _ORDER.get(word[:2], 1 if word[0] in "첫큰" else 9)
