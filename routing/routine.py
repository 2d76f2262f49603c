"""A weekday said as a routine ("수요일마다", "매주 토요일"): its care starts on the next such weekday that is no
public holiday. A routine is not a holiday request: the 어린이날 Wednesday is not the first of "수요일마다"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from routing.days import Day
from routing.feasts import public_holidays

_ONE_WEEKDAY = re.compile(
    r"[월화수목금토일]\s*(?:요일|욜)(?!\s*(?:[,·/~\-]|이랑|랑|하고|과|와|및|이나|나|또는|부터|까지))|[월화수목금토일](?=\s*마다)"
)
"""One weekday, not a list or a span ("화목마다", "월요일부터 금요일까지" are left as they are)."""
_EVERY_AFTER = re.compile(r"\s*(?:에|엔)?\s*마다")
_EVERY_BEFORE = re.compile(r"(?:매주|매\s+주|격주|주말마다)\s*(?:에|엔)?\s*$")
_WEEK_SAID = re.compile(
    r"(?P<week>다음|담|다다음|이번|요번)\s*주\s*(?:에는|에도|엔|는|은|만|부터|에)(?!\s*[월화수목금토일]\s*(?:요일|욜))(?!(?<!부터)[가-힣])"
)
"""A week said on its own as the routine's exception ("토요일마다 넘겨주는데 다음주는 못 온대요 그날") or start
("토요일마다 … 다음주부터요"): the routine's weekday in that week is the day; a week said with a weekday
("다음주 수요일") is a day of its own."""
_WEEKS = 8
"""The most weeks looked ahead (public holidays never fall on one weekday that many weeks running)."""


def _off(day: Day) -> bool:
    return day.day in public_holidays(day.day.year)


def routine_start(text: str, days: list[Day]) -> list[Day]:
    """The days, the first moved on by weeks when it is a weekday said as a routine that falls on a public holiday."""
    first = days[0] if days else None
    if first is None or not first.weekly or not _off(first) or (one := _ONE_WEEKDAY.match(text, first.at)) is None:
        return days
    every = _EVERY_AFTER.match(text, one.end()) or _EVERY_BEFORE.search(text, max(0, first.at - 8), first.at)
    if every is None:
        return days
    moved = first
    for _ in range(_WEEKS):
        moved = moved._replace(day=moved.day + timedelta(days=7))
        if not _off(moved):
            return [moved, *days[1:]]
    return days


def routine_week(text: str, days: list[Day], today: date) -> list[Day]:
    """The days, the routine's weekday moved into the week said after it when that is the only day named
    ("토요일마다 애 넘겨주는데 다음주는 전남편이 못 온대요 그날 9시부터": next week's Saturday)."""
    if len(days) != 1 or not days[0].weekly or (one := _ONE_WEEKDAY.match(text, days[0].at)) is None:
        return days
    first = days[0]
    if (_EVERY_AFTER.match(text, one.end()) or _EVERY_BEFORE.search(text, max(0, first.at - 8), first.at)) is None:
        return days
    week = _WEEK_SAID.search(text, one.end())
    if week is None:
        return days
    ahead = {"다음": 1, "담": 1, "다다음": 2}.get(week.group("week"), 0)
    monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * ahead)
    moved = monday + timedelta(days=first.day.weekday())
    return days if moved < today else [first._replace(day=moved)]
