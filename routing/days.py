"""Which day care is needed: relative days, weekdays, dates, named holidays, and Korean public holidays."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import holidays

from routing.numbers import NATIVE_RE

WEEKDAYS = "월화수목금토일"
_DAY = re.compile(
    r"""
    (?=[0-9내낼명모글오금이요다담월화수목토일주크성어신새추설])  # cheap first-letter test
    (?:
    (?P<ymd>(?<![0-9])(?P<y>20[0-9]{2})\s*[-./년]\s*(?P<ym>[0-9]{1,2})\s*[-./월]\s*(?P<yd>[0-9]{1,2})(?![0-9]))
  | (?<![0-9])(?P<mm>[0-9]{1,2})\s*월\s*(?P<md>[0-9]{1,2})\s*일
  | (?<![0-9:./])(?P<sm>[0-9]{1,2})\s*/\s*(?P<sd>[0-9]{1,2})(?![0-9/])
  | (?<![0-9])(?<!주)(?<!주\s)(?P<dd>[0-9]{1,2})\s*일(?!\s*(?:동안|간|째|정도|이상|이내|만에|치|씩|마다|분|[0-9]))
  | (?P<named>크리스마스(?!\s*이브)|성탄절|어린이날|신정|새해\s*첫날|추석|설날|설\s*당일)
  | (?P<rel>내일\s*모[레래]|낼\s*모[레래]|내일|낼(?![가-힣])|명일|모레|글피|오늘|오눌|금일
      |모래(?=\s*(?:$|[^가-힣\s]|에|는|도|부터|까지|오전|오후|아침|저녁|밤|낮|새벽|[0-9])))
  | (?:(?P<wp>이번|요번|금|다음|담|다다음|오는)\s*주\s*)?(?P<wd>[월화수목금토일])\s*(?:요일|욜)
  | (?:(?P<ep>이번|요번|다음|담|다다음|오는)\s*(?:주\s*)?)?(?P<weekend>주말)
    )
    """,
    re.VERBOSE,
)
_REL = {
    **{"오늘": 0, "오눌": 0, "금일": 0, "내일": 1, "낼": 1, "명일": 1},
    **{"모레": 2, "모래": 2, "내일모레": 2, "낼모레": 2, "내일모래": 2, "낼모래": 2, "글피": 3},
}
_DAY_LETTERS = re.compile("[0-9일욜말늘눌낼레래피스절날정석설]")
"""Every day form holds one of these letters."""
_NOW = re.compile(
    rf"지금(?!\s*(?:(?:[0-9]{{1,2}}|{NATIVE_RE})\s*(?:살|세|개월|돌)|초[0-9]|초등\s*[0-9]\s*학년)\s*(?:이|예|입|인|[.!?,~]|$)"
    r"|\s*(?:중학|고등|사는|살고|다니|은\s*괜찮))"
)
"""지금 as 'now', not as 'currently' in "지금 4살이에요" or "지금 사는 곳"."""
_TODAY = re.compile(r"당장|이따|있다가|이따가")


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[date]:
    """Korean public holidays (lunar ones and substitutes included), computed once per year."""
    return frozenset(holidays.country_holidays("KR", years=year))


def is_holiday(day: date) -> bool:
    return day.weekday() >= 5 or day in public_holidays(day.year)


_FIXED_DAYS = {"크리스마스": (12, 25), "성탄절": (12, 25), "어린이날": (5, 5), "신정": (1, 1), "새해첫날": (1, 1)}
_LUNAR_DAYS = {"추석": "Chuseok", "설날": "Korean New Year", "설당일": "Korean New Year"}
"""Names the holidays package gives the lunar holidays' main days."""


def _named_day(today: date, name: str) -> date | None:
    """The next occurrence of a named holiday (today included)."""
    if name in _FIXED_DAYS:
        return _month_day(today, *_FIXED_DAYS[name])
    wanted = _LUNAR_DAYS[name]
    for year in (today.year, today.year + 1):
        for day, label in sorted(_holiday_names(year)):
            if label == wanted and day >= today:
                return day
    return None


@lru_cache(maxsize=64)
def _holiday_names(year: int) -> tuple[tuple[date, str], ...]:
    return tuple(holidays.country_holidays("KR", years=year, language="en_US").items())


def _month_day(today: date, month: int, day: int) -> date | None:
    """The next occurrence of month/day from today (today included)."""
    for year in (today.year, today.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def _day_of_month(today: date, day: int) -> date | None:
    for k in range(3):
        month0 = today.month - 1 + k
        try:
            found = date(today.year + month0 // 12, month0 % 12 + 1, day)
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def _day(m: re.Match[str], today: date) -> date | None:
    g = m.groupdict()
    monday = today - timedelta(days=today.weekday())
    if g["ymd"]:
        try:
            return date(int(g["y"]), int(g["ym"]), int(g["yd"]))
        except ValueError:
            return None
    if g["mm"]:
        return _month_day(today, int(g["mm"]), int(g["md"]))
    if g["sm"]:
        return _month_day(today, int(g["sm"]), int(g["sd"]))
    if g["dd"]:
        return _day_of_month(today, int(g["dd"]))
    if g["named"]:
        return _named_day(today, re.sub(r"\s", "", g["named"]))
    if g["rel"]:
        return today + timedelta(days=_REL[re.sub(r"\s", "", g["rel"])])
    if g["wd"]:
        index = WEEKDAYS.index(g["wd"])
        weeks = {"이번": 0, "요번": 0, "금": 0, "다음": 1, "담": 1, "다다음": 2}.get(g["wp"] or "")
        if weeks is None:
            return today + timedelta(days=(index - today.weekday()) % 7 or 7)
        return monday + timedelta(days=7 * weeks + index)
    weeks = {"다음": 1, "담": 1, "다다음": 2}.get(g["ep"] or "")
    if weeks is None:
        return today + timedelta(days=(5 - today.weekday()) % 7)
    return monday + timedelta(days=7 * weeks + 5)


def find_day(text: str, today: date) -> date | None:
    """The first day the text names; 지금/당장/이따 mean today when nothing more exact is said."""
    if _DAY_LETTERS.search(text):
        for m in _DAY.finditer(text):
            found = _day(m, today)
            if found is not None:
                return found
    if _TODAY.search(text) or says_now(text):
        return today
    return None


def says_now(text: str) -> bool:
    """Whether 지금 means 'now' here, not 'currently' ("지금 4살이에요")."""
    return "지금" in text and _NOW.search(text) is not None
