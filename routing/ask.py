"""The need in the terms the per-service checks use: which kinds of day, which window, how long until it starts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from knowledge.schema import Knowledge
from routing import texts
from routing.need import Need

SEOUL = ZoneInfo("Asia/Seoul")
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKEND_KEYS = ("sat", "sun", "holiday")
ALL_KEYS = (*WEEK, "holiday")
END_ONLY_CARE = 60
"""With only an end said, care is taken to begin this many minutes before it, for lead-time checks."""
START_ONLY_CARE = 60
"""With only a start said, care is taken to last at least this long: a place closing sooner cannot take it."""
_KR_HOLIDAYS = holidays.country_holidays("KR")


@lru_cache(maxsize=4096)
def day_key(day: date) -> str:
    """The ``hours`` key for a date: ``holiday`` on Korean public holidays, else mon..sun."""
    return "holiday" if day in _KR_HOLIDAYS else WEEK[day.weekday()]




@dataclass(frozen=True, slots=True)
class Ask:
    """The need reduced to what the checks use, computed once per ranking."""

    school: bool | None
    keys: tuple[str, ...] | None
    """Day types to check (any may fit); None when the day is unknown."""
    label: str | None
    """Name for several day types at once (주말·공휴일, 평일)."""
    next_key: str | None
    win: tuple[int, int] | None
    start: int | None
    end: int | None
    night_only: bool
    left: float | None
    """Minutes from need.now to the start."""
    vacation: bool = False

    @property
    def hours_key(self) -> tuple:
        return (self.keys, self.label, self.next_key, self.win, self.start, self.end, self.night_only, self.vacation)


def minutes_left(need: Need) -> float | None:
    """Minutes from ``need.now`` to the start (Asia/Seoul; a naive ``now`` is taken as Seoul time). With only an
    end known, care must begin at least an hour before it: "오늘 밤 10시까지" at 21:00 leaves no time to book."""
    if need.now is None or need.day is None or (need.start is None and need.end is None):
        return None
    now = need.now if need.now.tzinfo else need.now.replace(tzinfo=SEOUL)
    day = need.day
    begin = need.start if need.start is not None else need.end - END_ONLY_CARE  # type: ignore[operator]
    left = ((datetime(day.year, day.month, day.day, tzinfo=SEOUL) - now).total_seconds()) / 60 + begin
    return left if need.start is not None else max(left, 0.0)


def ask(need: Need, knowledge: Knowledge, left: float | None) -> Ask:
    child, day, start, end = need.child, need.day, need.start, need.end
    school = True if child.school_grade is not None else (
        child.school if child.age_months is None else child.age_months >= knowledge.school_from_months)
    if start is not None and start >= 1440 and day is not None:  # "내일 새벽 2시" given as today + 26:00
        day, start, end = day + timedelta(days=1), start - 1440, None if end is None else end - 1440
    if start is not None and end is not None and end <= start:
        end += 1440
    keys: tuple[str, ...] | None = None
    label = next_key = None
    if day is not None:
        keys, next_key = (day_key(day),), day_key(day + timedelta(days=1))
    elif need.holiday is not None:
        keys = WEEKEND_KEYS if need.holiday else WEEK[:5]
        label = texts.WEEKEND_LABEL if need.holiday else texts.WEEKDAYS_LABEL
    elif need.overnight:  # no day said, but a place that never runs through the night cannot take it on any day
        keys, label = ALL_KEYS, texts.ANY_DAY_LABEL
    if need.overnight and end is None:  # through the night: to the next morning's end of night
        begin = start if start is not None else knowledge.night_from
        win = (begin, 1440 + knowledge.night_until)
        if start is not None:
            end = win[1]
    elif start is not None:  # a start alone needs the place open for a while, not a minute ("지금 당장" at 23:50)
        win = (start, end if end is not None else start + START_ONLY_CARE)
    elif end is not None:
        win = (min(end - 1, 1439), end)
    else:
        win = (knowledge.night_from, knowledge.night_from + 60) if need.night else None
    night_only = win is not None and start is None and end is None
    return Ask(school, keys, label, next_key, win, start, end, night_only, left, need.vacation)

