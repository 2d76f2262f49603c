"""A weekday said as a routine ("수요일마다", "매주 토요일"): its care starts on the next such weekday that is no
public holiday. A routine is not a holiday request: the 어린이날 Wednesday is not the first of "수요일마다"."""

from __future__ import annotations

import re
from datetime import timedelta

from routing.days import Day
from routing.feasts import public_holidays

_ONE_WEEKDAY = re.compile(
    r"[월화수목금토일]\s*(?:요일|욜)(?!\s*(?:[,·/~\-]|이랑|랑|하고|과|와|및|이나|나|또는|부터|까지))|[월화수목금토일](?=\s*마다)"
)
"""One weekday, not a list or a span ("화목마다", "월요일부터 금요일까지" are left as they are)."""
_EVERY_AFTER = re.compile(r"\s*(?:에|엔)?\s*마다")
_EVERY_BEFORE = re.compile(r"(?:매주|매\s+주|격주|주말마다)\s*(?:에|엔)?\s*$")
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
