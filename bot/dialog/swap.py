"""A day corrected by naming the day it replaces ('수요일 말고 목요일로', '화요일을 금요일로 바꿔 주세요'): that day
gives way, whether it is the first day of care or one added to it, and the days stay in order."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from bot.dialog.intake import Intake
from bot.dialog.turn import Turn
from routing.days import Day, find_days

_INSTEAD = re.compile(r"(?:말고|대신|아니고|아니라|아닌|아니에요|아니야|빼고|취소하고)")
"""Between the day replaced and the new one: '화요일 말고', '화요일 대신', '화요일이 아니라'."""
_FROM = re.compile(r"(?:에서|을|를|은|는)\s")
"""Between them when the new day ends in '로': '화요일을 목요일로 바꿔', '화요일에서 금요일로'."""
_TO = re.compile(r"\S{1,8}?(?:으로|로)(?:요|바꿔|변경|해|옮|[\s.!?~]|$)")
"""The new day said as where the day goes: '목요일로 바꿔 주세요', '금요일로요'."""


def replaced(t: Turn, before: Intake) -> tuple[date, date] | None:
    """(the day held that the message replaces, the day it puts there), or None when the message names no day held
    as the one it replaces."""
    held = before.care_days
    if not held:
        return None
    for old, new in pairwise(find_days(t.text, t.now.date())):
        between = t.text[old.at:new.at]
        if _INSTEAD.search(between) is None and (_FROM.search(between) is None
                                                 or _TO.match(t.text, new.at) is None):
            continue
        day = _held(old, held)
        if day is not None and new.day != day:
            return day, new.day
    return None


def _held(said: Day, held: tuple[date, ...]) -> date | None:
    """The day held that ``said`` names: the same date, or the one held of that weekday ('수요일' said today for
    next week's Wednesday)."""
    if said.day in held:
        return said.day
    same = [d for d in held if d.weekday() == said.day.weekday()] if said.weekly else []
    return same[0] if len(same) == 1 else None


def swap(t: Turn, before: Intake, after: Intake) -> Intake:
    """``after`` (the message folded in) with the replaced day, first or added, given way to the new one, and the
    earliest day first. Hours said with it go with the new day; days of the first day's hours keep sharing them."""
    found = replaced(t, before)
    if found is None and before.also and before.day is not None and after.day not in (None, before.day):
        found = (before.day, after.day)  # '날짜를 금요일로' with days added: the first moves, the days stay in order
    if found is None:
        return after
    old, new = found
    n = t.u.need
    said = (n.start, n.end) if n.start is not None or n.end is not None else None
    first = (after.start, after.end) if old == before.day else (before.start, before.end)
    # every window with its hours written out (an added day without its own hours has the first day's)
    windows = [(before.day, *first), *((d, *(hours if (hours := (s, e)) != (None, None) else first))
                                       for d, s, e in before.also)]
    moved: dict[date, tuple[date, int | None, int | None]] = {}
    for d, s, e in windows:
        if d == old:
            d, s, e = new, *(said if said and old != before.day else (s, e))
        moved.setdefault(d, (d, s, e))
    (day, start, end), *rest = sorted(moved.values(), key=lambda w: w[0])
    also = tuple((d, None, None) if (s, e) == (start, end) else (d, s, e) for d, s, e in rest)
    return after.evolve(day=day, start=start, end=end, also=also, holiday=None,
                        urgent=day == t.now.date() or (before.urgent and day == before.day))
