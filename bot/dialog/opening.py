"""Opening hours in words: which day type today is (Korean public holidays included), open now, weekly labels."""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

import holidays

from bot.dialog import wording as W
from knowledge.schema import DAY_KEYS, Ages, DayHours, Hours

_WEEK = DAY_KEYS[:7]
_ALL_DAY = DayHours(open=0, close=1440)


@lru_cache(maxsize=8)
def holiday_dates(year: int) -> frozenset[date]:
    """Korean public holidays of a year, lunar and substitute holidays included."""
    return frozenset(holidays.country_holidays("KR", years=[year]))


def day_key(day: date) -> str:
    """The ``hours`` key that applies on ``day``: Saturdays and Sundays keep their own keys (as the schema
    says), a public holiday on a weekday uses ``holiday``."""
    weekday = day.weekday()
    if weekday < 5 and day in holiday_dates(day.year):
        return "holiday"
    return _WEEK[weekday]


def minute_of(now: datetime) -> int:
    return now.hour * 60 + now.minute


def is_open(hours: Hours, now: datetime) -> bool:
    """Whether the place is open at ``now`` (wall-clock time of the city)."""
    span = hours.on(day_key(now.date()))
    return span is not None and span.open <= minute_of(now) < span.close


def today_label(hours: Hours, now: datetime) -> str:
    """E.g. '오늘(화) 10:00-17:00 · 지금 운영 중' or '오늘(공휴일) 휴무'."""
    key = day_key(now.date())
    head = W.TODAY.format(day=W.DAY_NAMES[key])
    span = hours.on(key)
    if span is None:
        return f"{head} {W.CLOSED}"
    state = W.OPEN_NOW if is_open(hours, now) else W.CLOSED_NOW
    return f"{head} {span.label()} · {state}"


def _run_name(first: int, last: int) -> str:
    if (first, last) == (0, 6):
        return W.EVERY_DAY
    if (first, last) == (0, 4):
        return W.ON_WEEKDAYS
    if (first, last) == (5, 6):
        return W.WEEKEND
    names = W.DAY_NAMES
    if first == last:
        return names[_WEEK[first]]
    joiner = "·" if last == first + 1 else "~"
    return f"{names[_WEEK[first]]}{joiner}{names[_WEEK[last]]}"


_LABELS: dict[int, tuple[Hours, str]] = {}
"""week_label per Hours object (by identity; the object is kept so its id cannot be reused): every
recommendation shows hours, and the knowledge holds only a few dozen of them."""


def week_label(hours: Hours) -> str:
    """E.g. '평일 07:30-24:00 · 토·일 09:00-18:00 · 공휴일 09:00-18:00'; days left out are closed."""
    known = _LABELS.get(id(hours))
    if known is not None and known[0] is hours:
        return known[1]
    if len(_LABELS) >= 512:  # hours of replaced knowledge versions
        _LABELS.clear()
    label = _week_label(hours)
    _LABELS[id(hours)] = (hours, label)
    return label


def _week_label(hours: Hours) -> str:
    if all(hours.on(k) == _ALL_DAY for k in DAY_KEYS):
        return W.ALWAYS
    parts: list[str] = []
    first = 0
    while first < len(_WEEK):
        span = hours.on(_WEEK[first])
        last = first
        while last + 1 < len(_WEEK) and hours.on(_WEEK[last + 1]) == span:
            last += 1
        if span is not None:
            parts.append(f"{_run_name(first, last)} {span.label()}")
        first = last + 1
    holiday = hours.on("holiday")
    parts.append(f"{W.DAY_NAMES['holiday']} {holiday.label() if holiday else W.CLOSED}")
    return " · ".join(parts)


def _age(months: int) -> str:
    return W.AGE_MONTHS.format(n=months) if months < 36 else W.AGE_YEARS.format(n=months // 12)


def ages_label(ages: Ages) -> str:
    """E.g. '6개월부터 초등학교 입학 전까지', '초등학생', '3개월부터 만 12세까지', '누구나'."""
    if ages.school == "only":
        return W.AGES_SCHOOL_ONLY
    upper = W.AGES_BEFORE_SCHOOL if ages.school == "never" else _age(ages.max_months)
    if ages.min_months == 0:
        return W.AGES_ANYONE if ages.school == "any" and ages.max_months >= 155 else W.AGES_UNTIL.format(age=upper)
    return W.AGES_FROM.format(age=_age(ages.min_months)) + " " + W.AGES_UNTIL.format(age=upper)
