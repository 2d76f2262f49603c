"""Days on the calendar by name: Korean public holidays, named holidays and the run of days off around them."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    """Korean public holidays (lunar ones and substitutes included), computed once per year."""
    return frozenset(holidays.country_holidays("KR", years=year))


def is_holiday(day: date) -> bool:
    return day.weekday() >= 5 or day in public_holidays(day.year)


FIXED_DAYS = {
    "크리스마스": (12, 25), "성탄절": (12, 25), "크리스마스이브": (12, 24), "어린이날": (5, 5), "신정": (1, 1),
    "새해첫날": (1, 1), "삼일절": (3, 1), "3.1절": (3, 1), "현충일": (6, 6), "광복절": (8, 15), "개천절": (10, 3),
    "한글날": (10, 9),
    # days every parent knows that are not days off (a Saturday's 어버이날 is still a Saturday)
    "어버이날": (5, 8), "스승의날": (5, 15), "식목일": (4, 5), "제헌절": (7, 17), "국군의날": (10, 1),
    "근로자의날": (5, 1), "노동절": (5, 1),
}
_LUNAR_DAYS = {
    "추석": "Chuseok", "한가위": "Chuseok", "설날": "Korean New Year", "설": "Korean New Year",
    "설당일": "Korean New Year", "구정": "Korean New Year", "부처님오신날": "Buddha's Birthday",
    "석가탄신일": "Buddha's Birthday",
}
"""Names the holidays package gives the lunar holidays' main days."""


def named_day(today: date, name: str) -> date | None:
    """The next occurrence of a named holiday (today included)."""
    if name in FIXED_DAYS:
        return month_day(today, *FIXED_DAYS[name])
    wanted = _LUNAR_DAYS[name]
    for year in (today.year, today.year + 1):
        for day, label in sorted(holiday_names(year)):
            if label == wanted and day >= today:
                return day
    return None


def around_holiday(today: date, name: str, block: str, alternative: bool) -> date | None:
    """The first or last day of a holiday's run of days off (its holidays and the weekend they touch: "설 연휴
    첫날"), the day after it ("추석 연휴 끝나고 다음 날"), or its alternative holiday ("한글날 대체휴일")."""
    main = named_day(today - timedelta(days=4), name)  # a run that began a few days ago still counts
    if main is None:
        return None
    days_off = {d for y in (main.year - 1, main.year, main.year + 1) for d, _ in holiday_names(y)}

    def off(d: date) -> bool:
        return d in days_off or d.weekday() >= 5

    if alternative:
        found = next((d for d, label in holiday_names(main.year)
                      if label.startswith("Alternative holiday") and 0 < (d - main).days <= 7), None)
    else:
        first = last = main
        while off(first - timedelta(days=1)):
            first -= timedelta(days=1)
        while off(last + timedelta(days=1)):
            last += timedelta(days=1)
        if block.startswith(("전", "하루전", "시작전")):
            found = first - timedelta(days=1)  # "설 연휴 전날": the working day before the run of days off
        elif block.startswith(("첫", "마지막")):
            found = first if block.startswith("첫") else last
        else:
            found = last + timedelta(days=1)
    return found if found is not None and found >= today else None


def after_days_off(today: date, weekday: int | None = None) -> date | None:
    """The first working day (or the first ``weekday``) after the run of days off around the next public holiday
    that is not a weekend's ("연휴 끝나고 첫 출근날"): a run begun a few days ago counts, one over a month away not."""
    for year in (today.year, today.year + 1):
        for day, _ in sorted(holiday_names(year)):
            if not -4 <= (day - today).days <= 45 or day.weekday() >= 5:
                continue
            after = day + timedelta(days=1)
            while is_holiday(after):
                after += timedelta(days=1)
            if after < today:
                continue
            return after if weekday is None else after + timedelta(days=(weekday - after.weekday()) % 7)
    return None


@lru_cache(maxsize=64)
def holiday_names(year: int) -> tuple[tuple[date, str], ...]:
    return tuple(holidays.country_holidays("KR", years=year, language="en_US").items())


def month_day(today: date, month: int, day: int) -> date | None:
    """The next occurrence of month/day from today (today included)."""
    for year in (today.year, today.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None
