"""Which day care is needed: relative days, weekdays, dates and named holidays as parents write them."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise
from typing import NamedTuple

from routing.feasts import FIXED_DAYS, after_days_off, around_holiday, holiday_names, month_day, named_day
from routing.feasts import is_holiday as is_holiday
from routing.feasts import public_holidays as public_holidays
from routing.gates import gated
from routing.monthdays import day_of_month, month_word, nth_weekday
from routing.nowsaid import says_now
from routing.pastdays import may_tell, told

WEEKDAYS = "월화수목금토일"
_DAY = gated(re.compile(
    r"""
    (?=[내낼명모글오금이요다담월화수목토일주크성어신새추설구한사나닷열두삼현광석대스식제국근노엿여아보연]|부처|개천
      |[0-9][0-9]{0,3}\s*[일주월년/.\-]|[0-9]{1,2}(?:\s+|\s*[,·~]\s*)[0-9])  # before a unit, or a run of days
    (?:
    (?P<run>(?<![0-9.:/\-~])[0-9]{1,2}(?![0-9])(?:\s*[,·~\-]?\s*[0-9]{1,2}(?![0-9])){1,6})
    (?:\s*일(?!\s*(?:정도|이상|이내|만에|째|치|씩|마다|분|된|짜리|밖에))|(?=\s*(?:이틀|사흘|나흘|닷새|엿새|이레)))
  | (?<![가-힣])연휴\s*(?:가\s*|이\s*)?(?:끝나고|끝나면|지나고|지나면|끝난\s*(?:뒤|후|다음)에?)\s*(?:바로\s*)?
    (?:(?P<offwd>[월화수목금토일])\s*(?:요일|욜)|(?P<offday>첫\s*(?:출근\s*날|출근일|날|평일|근무일|등원\s*날|등교\s*날)
      |다음\s*날|담\s*날|이튿날))?
  | (?P<ymd>(?<![0-9])(?P<y>20[0-9]{2})\s*[-./년]\s*(?P<ym>[0-9]{1,2})\s*[-./월]\s*(?P<yd>[0-9]{1,2})(?![0-9]))
  | (?P<after>(?<![0-9])(?P<an>[0-9]{1,2})\s*(?P<au>일|주일?)
      |(?P<aw>이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|(?<!대)보름|일주일|한\s*주|두\s*주))
    \s*(?:뒤|후|있다가|지나서|지나고|지나면|지난\s*(?:뒤|후|다음))(?:\s*(?:에|의)?\s*(?P<awd>[월화수목금토일])\s*(?:요일|욜))?
  | (?:(?<![0-9])(?P<nm>[0-9]{1,2})\s*월
      |(?P<nmw>이번\s*달|이달|요번\s*달|다음\s*달|담\s*달|새해|내년\s*(?=첫|마지막)))\s*
    (?:(?:의\s*)?(?P<last>마지막\s*날|말일|막\s*날)|(?P<nth>(?:[첫두둘세셋네넷]|다섯|[1-5])\s*(?:번\s*)?째|첫|마지막|막)\s*주\s*
    (?P<nwd>[월화수목금토일])(?:\s*(?:요일|욜))?
    |(?P<nth1>(?:[첫두둘세셋네넷]|다섯|[1-5])\s*(?:번\s*)?째|첫|마지막)\s*(?P<nwd1>[월화수목금토일])\s*(?:요일|욜))
  | (?<![0-9])(?P<mm>[0-9]{1,2})\s*월\s*(?P<md>[0-9]{1,2})\s*일
  | (?<![0-9:./\-])(?P<sm>[0-9]{1,2})\s*[/.]\s*(?P<sd>[0-9]{1,2})(?![0-9./])
    (?!\s*(?:살|세|개월|시간|kg|km|도|키로|%|배))
  | (?<![0-9])(?<!주)(?<!주\s)(?<!박)(?<!박\s)(?P<dd>[0-9]{1,2})\s*일
    (?!\s*(?:동안|간|째|정도|이상|이내|만에|치|씩|마다|분|된|짜리|밖에|아기|아가|[0-9]+\s*(?:회|번|시간|개|명|주)))
  | (?P<hol>추석|설날|설|구정|한가위|크리스마스|성탄절|어린이날|신정|삼일절|현충일|광복절|개천절|한글날|노동절
      |근로자의\s*날|부처님\s*오신\s*날|석가\s*탄신일|제헌절)
    \s*(?:(?:연휴\s*)?(?P<endw>끝나고|끝나면|지나고|지나면|지나서|끝난\s*(?:뒤|후|다음)에?)\s*(?:바로\s*)?(?:첫\s*)?
        (?P<hwd>[월화수목금토일])\s*(?:요일|욜)
      |(?P<hn>이틀|사흘|나흘|닷새|엿새|열흘|보름|[1-9]\s*일)\s*(?P<hdir>전|후|뒤|지나서)
      |연휴\s*(?P<block>첫\s*(?:째\s*)?날|마지막\s*날|전\s*날|전일|하루\s*전|시작\s*전\s*날|다음\s*날|담\s*날|이튿날
        |(?:끝나고|끝나면|지나고|지나면|끝난\s*뒤|끝난\s*다음)\s*(?:바로\s*)?(?:다음\s*날|이튿날)?)
      |(?P<alt>대체\s*(?:공휴일|휴일|휴무일?))(?:\s*(?P<altshift>다음\s*날|담\s*날|전\s*날))?
      |(?P<shift>전\s*날|전일|다음\s*날|담\s*날|이튿날|당일|연휴))
  | (?<![가-힣])(?P<subst>대체\s*(?:공휴일|휴일|휴무일?))
  | (?P<named>크리스마스\s*이브|크리스마스|성탄절|어린이날|신정|새해\s*첫날|추석|설날|설\s*당일|한가위|구정
      |삼일절|3\.1절|현충일|광복절|개천절|한글날|부처님\s*오신\s*날|석가\s*탄신일
      |어버이\s*날|스승의\s*날|식목일|국군의\s*날|근로자의\s*날|노동절|제헌절)
  | (?P<rel>내일\s*모[레래]|낼\s*모[레래]|내일|(?<![가-힣])낼(?:(?![가-힣])|(?=오전|오후|아침|저녁|밤|낮|새벽|점심
        |(?:부터|은|도|까지|이나|이랑|하고|만)(?![가-힣])))
      |명일|모레|글피|오늘|오눌|금일
      |모래(?!\s*(?:놀이|사장|밭|성|장난|알|시계|주머니|바람|폭풍|먼지|바닥|위|속|가(?![가-힣])|를|로(?![가-힣])|처럼|같|투성|더미|찜|묻|놀|만지|파|쌓)))
  | (?:(?P<wp>이번|요번|금|다음|담|다다음|다담|오는)\s*주\s*)?(?P<wd>[월화수목금토일])\s*(?:요일|욜)
  | (?P<wp2>이번|요번|다음|담|다다음|다담)\s*주\s*(?P<wd2>[월화수목금토])
    (?=\s*(?:$|[,·/~\-]|[월화수목금토일]{1,6}(?:[\s,·/~\-]|$|에|부터|까지|요일|욜)|에|부터|까지|오전|오후|저녁|밤|아침|낮|새벽|점심|[0-9]))
  | (?<![가-힣])(?P<wl>[월화수목금토일](?:[,·/]?[월화수목금토일]){1,4})
    (?=\s|$|[,.!?~]|만|에|마다|부터|은|는|도|요일|욜|[0-9])
  | (?:(?P<ep>이번|요번|다음|담|다다음|다담|오는)\s*(?:주\s*)?)?(?P<weekend>주말)(?!\s*부부)
    (?:\s*(?:에|엔)?\s*(?P<wew>[토일])\s*(?:요일|욜))?
    )
    """,
    re.VERBOSE,
))
"""Every form of a day; ``gated`` tests each alternative's first letters before entering it. A form starting with
digits has 일 주 월 년 / . - after them (3일 뒤, 2주 후, 12/24, 3.1절): an hour or an age costs one test there."""
_NEXT_MONTH = re.compile(r"(?:다음|담)\s*달\s*$")
_BIRTH = re.compile(r"\s*일?\s*(?:생(?!각|활|겨|기|일)|출생|에\s*태어|태어|출산|예정일|돌잔치|백일)")
"""After a date: a birth (or due) date, never the care date."""
_LATER = re.compile(
    "내일|낼|오늘|모[레래]|글피|다음|월|화|수|목|금|토|일요|일욜|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|보름|"
    + "|".join(d + r"\s*일" for d in "0123456789"))
"""A later day said; each digit a branch of its own: all starting with a letter, the engine skips to them."""
_BIRTH_LETTERS = re.compile("[생출태예돌백]")
_BIRTH_BEFORE = re.compile(
    r"(?:생일|생년월일|출생일|출생|예정일)\s*(?:은|는|이|이요|:)?\s*(?:(?:19|20)?[0-9]{2}\s*[년.\-/]\s*)?$"
)
_AFTER_WORDS = {
    "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "여드레": 8, "아흐레": 9, "열흘": 10, "보름": 15,
    "일주일": 7, "한주": 7, "두주": 14,
}
"""Days counted in native Korean words (열흘 뒤: ten days on, 보름 후: fifteen)."""
_NTH = {"첫": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "네": 4, "넷": 4, "다섯": 5, "마지막": -1, "막": -1}
"""Ordinals before a weekday, read without 번/째 ("두번째", "셋째", "첫 번째")."""
_SHIFT = {"전날": -1, "전일": -1, "다음날": 1, "담날": 1, "이튿날": 1, "당일": 0, "연휴": 0}
_REL = {
    **{"오늘": 0, "오눌": 0, "금일": 0, "내일": 1, "낼": 1, "명일": 1},
    **{"모레": 2, "모래": 2, "내일모레": 2, "낼모레": 2, "내일모래": 2, "낼모래": 2, "글피": 3},
}
_WEEKS = {"이번": 0, "요번": 0, "금": 0, "다음": 1, "담": 1, "다다음": 2, "다담": 2}
"""Weeks on from this one, by the word before 주 (오는 주 and none: the next such day)."""
_WEEK_BEFORE = re.compile(
    r"(?P<w>다다음|다담|다음|담)\s*주(?!\s*말)(?!\s*[월화수목금토일])(?:에는|에|엔|는|도)?[^0-9월화수목금토일,.?!]{0,12}$"
)
"""A week named a few words before a bare weekday, with no day between: the weekday is in it."""
_WEEK_DAY_BEFORE = re.compile(r"(?P<w>다다음|다담|다음|담)\s*주\s*[월화수목금토일]\s*(?:요일|욜)?[^0-9주,.?!]{0,12}$")
_TWO_DAYS = re.compile(r"\s*(?:이틀|양일|2\s*일\s*(?:간|동안)|[,·]?\s*글피)")
"""After 내일모레: a run of days from tomorrow ("내일 모레 이틀", "내일 모레 글피 사흘간"); alone, 내일모레 is 모레."""
_DAY_LETTERS = re.compile("[0-9일욜말늘눌낼레래피스절날정석설흘새위브정주름휴]|[월화수목금토][,·/]?[화수목금토]")
"""Every day form holds one of these letters, or two weekday letters in a row ("화목만", "월,수,금")."""
TODAY = re.compile(r"당장|이따|있다가|이따가")
_NEXT_SAID = re.compile(r"(?<![가-힣])(?:다음|담|오는)\s*$")
"""Right before a weekday without 주: the next such day, never today ("다음 토요일" said on a Saturday)."""


def _listed(m: re.Match[str], today: date) -> date | None:
    """The first care day of weekdays listed in one word ("월수금", "화목만", "목,금"): in the week named a few words
    before, its first listed day; else the nearest listed day from today. Not letters out of weekday order (일월,
    금일 as words)."""
    order = [WEEKDAYS.index(c) for c in m["wl"] if c in WEEKDAYS]
    if any(b <= a for a, b in pairwise(order)):
        return None
    week = _WEEK_BEFORE.search(m.string, max(0, m.start() - 20), m.start()) if "주" in m.string else None
    if week is None:
        return today + timedelta(days=min((i - today.weekday()) % 7 for i in order))
    found = today + timedelta(days=7 * _WEEKS[week["w"]] + order[0] - today.weekday())
    return found if found >= today else found + timedelta(days=7)


def next_listed(text: str, at: int, day: date) -> date:
    """The next care day after ``day`` (whose window is over) of a weekday list said at ``at`` ("화목" said on a
    Tuesday evening: Thursday), or the same weekday next week for one weekday."""
    run = _RUN.match(text, at)
    order = [WEEKDAYS.index(c) for c in run.group() if c in WEEKDAYS] if run is not None else []
    return day + timedelta(days=min(((i - day.weekday() - 1) % 7) + 1 for i in order) if len(order) > 1 else 7)


_RUN = re.compile(r"[월화수목금토일](?:[,·/]?[월화수목금토일]){1,4}")


def _day(m: re.Match[str], today: date) -> date | None:
    g = m  # read by name from the match: its groupdict() builds all 38 groups for the two or three read here
    if g["run"]:  # "14 15 16 사흘 동안", "14~16일": a run of days of the month starts at its first
        said = [int(n) for n in re.findall("[0-9]+", g["run"])]
        return day_of_month(today, said[0]) if all(a < b for a, b in pairwise(said)) else None
    if m.group().startswith("연휴"):  # "연휴 끝나고 첫 출근날": the first working day after the coming run of days off
        return after_days_off(today, None if g["offwd"] is None else WEEKDAYS.index(g["offwd"]))
    if g["ymd"]:
        try:
            return date(int(g["y"]), int(g["ym"]), int(g["yd"]))
        except ValueError:
            return None
    if g["after"]:
        if g["aw"]:
            later = today + timedelta(days=_AFTER_WORDS["".join(g["aw"].split())])
        else:
            later = today + timedelta(days=int(g["an"]) * (7 if g["au"].startswith("주") else 1))
        if g["awd"] and (later - today).days % 7 == 0:  # "2주 뒤 토요일": that weekday in the week two weeks on
            return later + timedelta(days=WEEKDAYS.index(g["awd"]) - later.weekday())
        return later
    if (g["nm"] or g["nmw"]) and not g["last"]:
        said = g["nth"] or g["nth1"]  # "12월 둘째 주 토요일", "1월 첫 월요일", "7월 둘째 토요일"
        nth = _NTH.get(re.sub(r"[\s번째]", "", said)) or int(re.sub(r"[^0-9]", "", said) or 0)
        month = int(g["nm"]) if g["nm"] else month_word(today, g["nmw"])
        weekday = WEEKDAYS.index(g["nwd"] or g["nwd1"])
        return nth_weekday(today, month, nth, weekday) if -1 <= nth <= 5 and nth else None
    if g["mm"]:
        return month_day(today, int(g["mm"]), int(g["md"]))
    if g["sm"]:
        return month_day(today, int(g["sm"]), int(g["sd"]))
    if g["dd"]:
        if _NEXT_MONTH.search(m.string, max(0, m.start() - 7), m.start()):  # 다음 달 20일: never this month's
            month0 = today.month
            return month_day(date(today.year + month0 // 12, month0 % 12 + 1, 1), month0 % 12 + 1, int(g["dd"]))
        return day_of_month(today, int(g["dd"]))
    if g["last"]:  # "12월 마지막 날", "이번 달 말일"
        month = int(g["nm"]) if g["nm"] else month_word(today, g["nmw"])
        if not 1 <= month <= 12:
            return None
        year = today.year + (1 if month < today.month else 0)
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    if g["hol"]:  # a holiday named, with what says the day around it (looked up only then)
        hol = "".join(g["hol"].split())  # "부처님 오신 날": the name as the calendar knows it
        if g["hwd"]:  # "추석 끝나고 금요일": the first such weekday after the run of days off
            if g["hwd"] in "토일" or hol in FIXED_DAYS:  # "제헌절 지나서 월요일": after the day itself
                main = named_day(today - timedelta(days=4), hol)
                after = None if main is None else main + timedelta(days=1)
            else:
                after = around_holiday(today, hol, "끝나고", False)
            found = None if after is None else after + timedelta(
                days=(WEEKDAYS.index(g["hwd"]) - after.weekday()) % 7)
            return found if found is not None and found >= today else None
        if g["hn"]:  # "추석 이틀 전", "설 3일 뒤"
            n = _AFTER_WORDS.get(g["hn"]) or int(re.sub(r"[^0-9]", "", g["hn"]))
            shift = -n if g["hdir"] == "전" else n
            main = named_day(today - timedelta(days=shift), hol)
            return None if main is None else main + timedelta(days=shift)
        if g["block"] or g["alt"]:
            found = around_holiday(today, hol, "".join((g["block"] or "").split()), bool(g["alt"]))
            if found is not None and g["altshift"]:  # "한글날 대체휴일 다음 날"
                found += timedelta(days=-1 if g["altshift"].startswith("전") else 1)
            return found
        shift = _SHIFT["".join(g["shift"].split())]
        main = named_day(today - timedelta(days=shift), hol)
        return None if main is None else main + timedelta(days=shift)
    if g["named"]:
        return named_day(today, "".join(g["named"].split()))
    if g["subst"]:  # "대체공휴일에도 하나요? 그날": the next alternative holiday
        return next((d for y in (today.year, today.year + 1) for d, label in sorted(holiday_names(y))
                     if label.startswith("Alternative holiday") and d >= today), None)
    if g["rel"]:
        said = "".join(g["rel"].split())
        if len(said) > 2 and _TWO_DAYS.match(m.string, m.end()):
            said = said[:-2]  # "내일 모레 이틀": tomorrow and the day after, from tomorrow (alone, 내일모레 is 모레)
        return today + timedelta(days=_REL[said])
    if g["wd"] or g["wd2"]:
        index = WEEKDAYS.index(g["wd"] or g["wd2"])
        weeks = _WEEKS.get(g["wp"] or g["wp2"] or "")
        if weeks is None and "주" in m.string and (
                week := _WEEK_BEFORE.search(m.string, max(0, m.start() - 20), m.start())) is not None:
            weeks = _WEEKS[week["w"]]  # "다음주 연휴 끝나고 금요일": the week said a few words before
        if weeks is None and "주" in m.string and (
                week := _WEEK_DAY_BEFORE.search(m.string, max(0, m.start() - 24), m.start())) is not None:
            weeks = _WEEKS[week["w"]]  # "다음주 금요일 아 목요일이다", "다음주 화요일이랑 목요일": that week's
        if weeks is None:  # today's own weekday is today; find_when moves it a week on when today is over
            ahead = (index - today.weekday()) % 7 or (7 if _NEXT_SAID.search(m.string, max(0, m.start() - 4),
                                                                             m.start()) else 0)
            return today + timedelta(days=ahead)  # "다음 토요일" said on a Saturday: not today, a week on
        found = today + timedelta(days=7 * weeks + index - today.weekday())  # from this week's Monday
        return found if found >= today else found + timedelta(days=7)  # "이번 주 토요일" said on Sunday
    if g["wl"]:
        return _listed(m, today)
    weeks = _WEEKS.get(g["ep"] or "") if g["ep"] not in ("이번", "요번") else None
    sunday = 1 if g["wew"] == "일" else 0  # "이번 주말 일요일": the weekend's Sunday, not its Saturday
    if weeks is None:
        if sunday and today.weekday() == 6:
            return today
        return today + timedelta(days=(5 - today.weekday()) % 7 + sunday)
    return today + timedelta(days=7 * weeks + 5 + sunday - today.weekday())


class Day(NamedTuple):
    """A day named in a message (a tuple: several are made for every message that names days)."""

    day: date
    at: int
    """Where in the text the day is named."""
    weekly: bool
    """Named by weekday or weekend: a window over today means the same day next week."""
    exact: bool
    """Named as a date or 오늘: a window over is a past, not a different day."""
    relative: bool = False
    """Named relative to today (오늘, 내일, 모레): it beats a holiday named as context ("설 연휴인데 내일")."""
    told: str = ""
    """"gone" (지난주 토요일) or "story" (토요일에 맡겼던): a day told about, not a care day (``routing.pastdays``)."""


def find_days(text: str, today: date, stories: bool = False) -> list[Day]:
    """Every care day the text names, in order; birth and due dates are left out, and so are days told about
    (지난주 토요일, 토요일에 봐주셨던) unless ``stories`` asks for them too (marked in ``Day.told``)."""
    found: list[Day] = []
    if _DAY_LETTERS.search(text):
        birth = _BIRTH_LETTERS.search(text) is not None
        story = may_tell(text)
        for m in _DAY.finditer(text):
            if birth and (
                _BIRTH.match(text, m.end()) or _BIRTH_BEFORE.search(text, max(0, m.start() - 14), m.start())
            ):
                continue
            day = _day(m, today)
            if day is not None:
                weekly = bool(m["wd"] or m["wd2"] or m["weekend"] or m["wl"])
                how = told(text, m.start(), m.end(), bool(
                    m["rel"] or m["wp"] or m["wp2"] or m["ep"] or m["after"])) if story else ""
                if how and not stories:
                    continue
                found.append(Day(day, m.start(), weekly, not weekly and not m["after"], m["rel"] is not None, how))
                if how:
                    continue  # a day told about: the care day may come after it ("작년 추석에 … 올해 추석 전날")
                if len(found) == 3 or _LATER.search(text, m.end()) is None:
                    break  # a second day matters only when it is a later one ("오늘 밤부터 내일 아침까지")
    return found


def find_day(text: str, today: date) -> date | None:
    """The first day the text names; 지금/당장/이따 mean today when nothing more exact is said."""
    days = find_days(text, today)
    if days:
        return days[0].day
    if TODAY.search(text) or says_now(text):
        return today
    return None
