"""Which of the days a message names is the care day, and whether that day is a day off."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

from routing.amend import AMENDED
from routing.days import Day
from routing.feasts import is_holiday
from routing.routine import routine_start, routine_week

_TODAY_IS = re.compile(
    r"오늘\s*(?:이|은)?\s*(?:[월화수목금토일]\s*(?:요일|욜)|[0-9]{1,2}\s*일|주말|평일|휴일|공휴일|쉬는\s*날)\s*"
    r"(?:이죠|이지요|이지|인데|이니까|이니|이라서|이라|이잖아요|이잖아|이에요|예요|이고|이구|이던데|이네요)"
)
"""Today named as the background ("오늘이 금요일이죠"), not as the care day, when another day follows."""
_PAST_CLAUSE = re.compile(
    r"(?:했|었|았|였|났|갔|왔|됐|쳤|렸|셨)(?:는데|어요|어예|어여|어서|고|지만|더니|다가|으니|다(?:카|고|네|더라|며))")
"""A day named with a verb in the past tense tells what happened ("오늘 등원 못했는데"), not when care is needed."""
_LEFT_WORK = re.compile(r"(?:조퇴|결근|반차|월차|연차)\s*(?:\.{2,}|…|[ㅠㅜ]+|했|하고|해서|냈|쓰고|써서)")
"""Today's early leave or day off told, its verb often dropped ("오늘 애 아파서 회사 조퇴.. 낼"): what happened."""
_COUNTED_FROM = re.compile(
    r"오늘\s*(?:로|으로)?\s*부터\s*(?:딱\s*|한\s*|정확히\s*)?(?:(?:[0-9]+|[일이삼사오육칠팔구십]|한|두|세|네)\s*(?:일|주일|주)"
    r"|이틀|사흘|나흘|닷새|엿새|이레|여드레|아흐레|열흘|보름)\s*(?:뒤|후|있다가|지나서|지나고|지나면)")
"""Today named as where a count of days starts ("오늘부터 일주일 뒤 목요일"), not as the care day."""
_SPANNED = re.compile(
    r"[가-힣]{1,6}?\s*(?:연휴\s*)?(?:을|를|이|가)?\s*(?:끼고|껴서|끼어서|끼워서|걸쳐서?|포함해서?|포함하고|껴\s*있어서)")
"""A holiday named as what a stretch of days takes in ("신정 끼고 31일 저녁부터 1월 2일 아침까지"), not its start."""
_KEPT_HOME = re.compile(
    r"[^.?!]{0,16}?(?:(?:못|몬|안)\s*(?:가|간|갈|보내|보낼|보낸|등원|등교)|휴원|휴교|개교기념일|재량휴업"
    r"|(?:어린이집|유치원|학교)\s*(?:이|가|은|는|도)?\s*(?:쉬|쉰|문\s*닫|안\s*해))"
)
"""After a later day: the child is kept home or the child's place is closed that day (the care day)."""
_FROM_DAY = re.compile(r"[^.?!]{0,12}?부터")
"""After the first day: the care runs from it ("오늘 밤부터 내일 아침까지")."""
_HOLIDAY_WORDS = re.compile(
    r"주말|휴일|공휴일|연휴|명절|추석|설날|설\s*연휴|빨간\s*날|크리스마스(?!\s*이브)|성탄절|어린이날"
)
_WORKDAY_WORDS = re.compile(
    r"평일|주중|(?:학교|수업)\s*(?:이\s*|가\s*)?(?:일찍\s*)?(?:끝나|마치|마친|끝난)|하교|방과\s*후"
)
"""Words for a working or school day when no day is named (after school is a weekday)."""
_PERIOD_DAYS = re.compile(
    r"(?:(?:이번|요번|다음|담|다다음|오는)\s*(?:주\s*)?)?(?:주말|[가-힣]{1,4}\s*연휴|추석|설날|설|구정|한가위)"
)
"""Names of a run of days off: a later day inside it names the care day."""
_JOINED = re.compile(r"\s*(?:에|엔|에는)?\s*(?:이랑|랑|하고|와|과|및|그리고|부터|에서|[~\-–〜·/]|까지|또는|이나|나)")
_NAMED_IN_PERIOD = re.compile(r"\s*(?:에|엔)?\s*[토일]\s*(?:요일|욜)")

_LISTED_DATE = re.compile(r"[0-9]{1,2}\s*일(?:\s*(?:[,·/]|이랑|랑|하고|및|과|와|이나|나|또는|그리고))*\s*")
"""A bare day of the month and what joins it to the next one of a list (not 부터/까지: a span)."""

_OPEN_ASKED = re.compile(
    r"(?:[월화수목금토일]\s*(?:요일|욜)|주말)\s*(?:에도|에는|엔|도|에|은|는)?\s*(?:문\s*(?:을\s*)?)?"
    r"(?:여나|열어|열려|여는|열리|하나(?![가-힣])|하나요|하나여|해요\s*[?？]|하세요\s*[?？]|하는지|운영|영업)"
)
"""A weekday asked about as an opening day ("토요일에도 여나요?", "일요일도 하나"), not a day care is needed; a day
named from this week ("이번주 토요일에도 여나요? 반납하려구요") starts with that word and is kept."""
_OPEN_LETTERS = re.compile("여나|열|여는|하나|해요|하세요|하는지|운영|영업")
_CLOCK_SAID = re.compile(r"(?:[0-9]|한|두|세|네|섯|곱|덟|홉|열)\s*시(?!간)")
"""Clock hours said: the weekday asked about is then the day they are wanted on ("토요일에도 하나요? 10시부터")."""
_BACKGROUND = re.compile(
    r"\S{1,8}?\s*(?:[월화수목금토일]\s*(?:요일|욜)\s*|(?:은|는)?\s*(?:쉬는\s*날|휴일|공휴일|빨간\s*날)\s*)?(?:이고|이구|이죠|이지요|이지|인데|이니까|이라서|이잖아요?|이던데)"
    r"(?![가-힣])"
)
"""A day named as what the calendar is, ending a clause ("광복절 일요일이고", "대체휴일이죠"), not as the care day."""
_KEPT_UNTIL = re.compile(
    r"[^,.?!\s]{1,6}(?:\s*[월화수목금토일]\s*(?:요일|욜))?\s*까지\s*[^,.?!]{0,14}?(?:못\s*가|못\s*나|쉬|격리|휴원|등원\s*못)"
)
"""A day said as how long a child is kept home ("다음주 월요일까지 학교를 못 가요"), not the care day."""
_REASON_DAY = re.compile(
    r"\S{1,3}\s*(?:새벽|아침|오전|오후|저녁|밤)?\s*[가-힣]{1,6}?(?:이라서|이라|라서|라)(?![가-힣])"
)
"""A day said with the reason care is needed ("낼 새벽 비행기라 오늘 밤 11시부터"): the day after is the care day."""
_TRAVELS = re.compile(r"[^.?!]{0,16}?(?:으로|로|에서|에)\s*(?:올라|내려|돌아|이사|출발)[가-힣]{0,4}\s*[.!?~]")
"""A day the family travels, a sentence of its own ("내일 율곡동 집으로 올라가요."): the care day is said after it."""
_MOVED = re.compile(
    r"[^,.?!]{0,9}?(?:요일|욜|일|말|날|레|래|피|늘|[월화수목금토])\s*(?:으로|로)\s*"
    r"(?:바꿔|바꾸|바꿀|바꿨|바뀌|바뀐|변경|옮겨|옮기|옮길|옮겼|미뤄|미루|미뤘|당겨|당기|당겼|연기|수정|정했|했어|했습)"
)
"""After the later day: the earlier one is moved to it ("목요일 예약을 금요일로 바꿔 주세요")."""
_COVERED = re.compile(
    r"오늘\s*(?:은|는)\s*[^.?!]{0,16}?(?<!못)(?<!못\s)(?<!안)(?<!안\s)(?:괜찮|괜찬|괘안|갠찮|멀쩡|쌩쌩|잘\s*(?:놀|먹|묵|자|잤)|봐\s*주(?:시고|시는데|셔서|고|기로|는데)"
    r"|보고(?![가-힣])|봐요|보는데|볼\s*수\s*있|데리고\s*있|집에\s*있|쉬는\s*날|쉬어서|쉬니까|휴가)")
"""Today said as covered or fine ("오늘은 괜찮아요", 경상도 "오늘은 괘안코", a child who "잘 놀고 밥도
잘묵는데", "오늘은 남편이 보고"): the later day named is the care day."""
_UNTIL_DAY = re.compile(r"\S{1,3}?\s*까지(?!\s*[0-9])")
"""A later day said as the end ("내일까지 맡길 데가 없어요"): care runs from the day before it, not from it."""
_SPAN = re.compile(r"부터|까지|[~〜]|(?:이랑|랑|하고|과|와|및|그리고|[,·/])\s*$")
"""Days said as a span or together ("목요일이랑 금요일로 했어요"), not one moved to the other."""


def _beside_date(text: str, day: Day, days: list[Day], i: int) -> bool:
    """Whether a weekday is said right beside a date in numbers ("월요일 11일", "11일 월요일"): the date names the
    day (a holiday named beside a weekday, "설 연휴 월요일", is not a date)."""
    return day.weekly and any(
        d.exact and text[d.at : d.at + 1].isdigit() and 0 < abs(d.at - day.at) <= 5
        for j, d in enumerate(days) if j != i)


def _amended(text: str, days: list[Day]) -> list[Day]:
    """The days from the last one a correction names on ("목요일 아니고 화요일로" -> 화요일)."""
    for i in range(len(days) - 1, 0, -1):
        between = text[days[i - 1].at : days[i].at]
        if AMENDED.search(between) or (_SPAN.search(between) is None and _MOVED.match(text, days[i].at)):
            old, new = days[i - 1], days[i]
            if old.weekly and new.weekly and text[new.at] in _WEEKDAY_LETTERS and text[old.at] not in _WEEKDAY_LETTERS:
                # "다음주 금요일 아 목요일이다": the weekday corrected, the week said with the first one kept
                moved = old.day + timedelta(days=new.day.weekday() - old.day.weekday())
                return [new._replace(day=moved), *days[i + 1 :]]
            return days[i:]
    return days


_WEEKDAY_LETTERS = "월화수목금토일"


def asked_open(text: str, days: list[Day]) -> list[Day]:
    """The weekdays asked about as a service's opening days ("토요일에도 여나요?", "일요일도 하나"): no care days."""
    if not days or _OPEN_LETTERS.search(text) is None or _CLOCK_SAID.search(text) is not None:
        return []
    return [d for d in days if d.weekly and _OPEN_ASKED.match(text, d.at)]


def _date_list(text: str, days: list[Day]) -> bool:
    """Whether the days are bare days of the month listed one after another ("3일 17일 24일", "25일, 26일")."""
    return all(_LISTED_DATE.fullmatch(text, a.at, b.at) for a, b in pairwise(days)) and (
        _LISTED_DATE.match(text, days[-1].at) is not None)


def care_days(text: str, today: date, days: list[Day]) -> list[Day]:
    """``_care_days``; a weekly routine starts on its first weekday that is no public holiday, or falls in the week
    said after it as its exception (``routing.routine``)."""
    return routine_week(text, routine_start(text, _care_days(text, today, days)), today) if days else days


def _care_days(text: str, today: date, days: list[Day]) -> list[Day]:
    """The days named, from the care day on: a day corrected, named as background or as the run of days off that
    holds the care day is dropped; of days of the month listed, the first to come is the care day."""
    if len(days) > 1 and days[0].exact and text[days[0].at].isdigit() and _date_list(text, days):
        return sorted(days, key=lambda d: d.day)  # "3일 17일 24일" said on the 10th: the 17th comes first
    if len(days) > 1 and ((amended := _amended(text, days)) is not days):
        days = amended
    if len(days) > 1 and any(d.weekly for d in days):
        days = [d for i, d in enumerate(days) if not _beside_date(text, d, days, i)] or days
    if len(days) > 1 and days[0].day == today and days[1].day > today and (
            covered := _COVERED.match(text, days[0].at)) is not None and covered.end() <= days[1].at:
        return days[1:]  # "오늘은 남편이 보고 내일 아침 8시부터": today is covered, tomorrow is the day
    if len(days) > 1 and days[1].day > days[0].day and (_PAST_CLAUSE.search(text, days[0].at, days[1].at) or (
            _LEFT_WORK.search(text, days[0].at, days[1].at))) and (
            _UNTIL_DAY.match(text, days[1].at) is None or _CLOCK_SAID.search(text, days[1].at) is not None):
        return days[1:]  # "오늘 등원 못했는데 내일도 못 갈 것 같아요": tomorrow is the day
    if len(days) > 1 and days[0].day == today and _COUNTED_FROM.match(text, days[0].at) is not None:
        return days[1:]  # "오늘부터 일주일 뒤 목요일에": today is where the count starts, not the care day
    if len(days) > 1 and days[0].day != days[1].day and _SPANNED.match(text, days[0].at) is not None:
        return days[1:]  # "신정 끼고 31일 목요일 저녁부터": the stretch starts at the day said after the holiday
    if len(days) > 1 and days[1].day > days[0].day and _KEPT_HOME.match(text, days[1].at) is not None and (
            _FROM_DAY.match(text, days[0].at, days[1].at) is None):
        return days[1:]  # "오늘 주사 맞고 와서 열이 나는데 내일 어린이집 못 보낼 거 같아요": the day kept home
    if len(days) > 1 and days[1].relative and (
        _HOLIDAY_WORDS.match(text, days[0].at) or (days[0].weekly and days[0].day == today)
    ):
        return days[1:]  # "설 연휴인데 내일", "토요일인데 내일" said on Saturday: the first is context, 내일 the day
    if len(days) > 1 and days[0].day == today and "오늘" in text and (
        said := _TODAY_IS.match(text, days[0].at)) is not None and days[-1].at >= said.end():
        return [d for d in days if d.at >= said.end()]  # "오늘이 금요일이죠, 다음주 수요일": today named as context
    if len(days) > 1 and days[1].day > days[0].day and (
            went := _TRAVELS.match(text, days[0].at)) is not None and went.end() <= days[1].at:
        return days[1:]  # "내일 집으로 올라가요. 모레 아침부터": the day after the trip
    if len(days) > 1 and days[1].day < days[0].day and (
            _KEPT_UNTIL.match(text, days[0].at) is not None or _REASON_DAY.match(text, days[0].at) is not None):
        return days[1:]  # "다음주 월요일까지 학교를 못 가요 내일 9시부터": how long, then the care day
    if len(days) > 1 and days[0].day == today and days[1].day > today and (
            why := _REASON_DAY.match(text, days[0].at)) is not None and why.end() <= days[1].at and (
            _CLOCK_SAID.search(text, days[0].at, days[1].at) is None and _START_SAID.search(text, days[1].at)):
        return days[1:]  # "남편이 오늘 당직이라 혼자인데 내일 … 6시부터": today's reason, tomorrow's hours
    if len(days) > 1 and (told := _background(text, days)) > 0:
        return days[told:]  # "개천절 일요일이고 월요일 대체휴일이죠? 월요일 10시부터": the days off are context
    if len(days) > 1 and _within(days[0], days[1], text):
        return days[1:]  # "주말 돌봄 되나요? 일요일 10시부터", "추석 연휴에 … 16일": the day inside the holidays
    return days


_HOURS_NEAR = 12
"""How close before the hours (letters, spaces counted) a day named again must be to be the day they are for."""


def hours_day(days: list[Day], hours_at: int) -> list[Day]:
    """The days from the one the hours are said for: a day named again right before them, after a list of days
    ("토요일 일요일 둘다 출근이에요 일요일 아침 9시부터": Sunday), when the first day named gets no hours."""
    if len(days) < 3 or hours_at < 0:
        return days
    before = [i for i, d in enumerate(days) if d.at < hours_at]
    at = before[-1] if before else 0
    if (at > 0 and days[at].day != days[0].day and any(d.day == days[at].day for d in days[:at])
            and hours_at - days[at].at <= _HOURS_NEAR):
        return days[at:]  # right before the hours, not "목요일은 남편이 쉰대서 수요일만요. 시간은 아침 8시부터"
    return days


def _background(text: str, days: list[Day]) -> int:
    """Where the days after those said as background start: a day off named with a copula that ends a clause
    ("광복절 일요일이고", "대체휴일이죠?", "현충일인데") before a later day; 0 when none is."""
    told = 0
    for i, d in enumerate(days[:-1]):
        if (is_holiday(d.day) or "쉬는" in text[d.at : d.at + 10]) and _BACKGROUND.match(text, d.at) is not None:
            told = i + 1
    return told if told < len(days) and any(d.day != days[told - 1].day for d in days[told:]) else 0


def _within(period: Day, day: Day, text: str) -> bool:
    """Whether ``day`` is one day of the run of days off named at ``period`` (not a second day joined to it)."""
    m = _PERIOD_DAYS.match(text, period.at)
    return (
        m is not None
        and -3 <= (day.day - period.day).days <= 6
        and is_holiday(day.day)
        and _JOINED.match(text, m.end()) is None
        # "주말 토요일이랑 일요일": the weekend's Saturday is said with it ("성탄절 연휴 토요일" is a day inside)
        and not (m.group().endswith("주말") and _NAMED_IN_PERIOD.match(text, m.end()))
    )


def holiday(text: str, day: date | None, time_at: int) -> bool | None:
    """Whether care is on a day off: a holiday word or the named day's kind (ranking then goes by the day),
    else, with both kinds of day said, the one said last before the hours ("남편은 주말에도 일하고 … 평일 저녁
    6시부터" is a weekday)."""
    off = _HOLIDAY_WORDS.search(text)
    if day is not None:  # the day named decides: "추석 잘 보내셨어요? … 다음주 수요일" is a weekday
        return is_holiday(day)
    work = _WORKDAY_WORDS.search(text)
    if off is None:
        return None if work is None else False
    if work is None:
        return True
    before = text[:time_at] if time_at >= 0 else text
    last_off = max((m.start() for m in _HOLIDAY_WORDS.finditer(before)), default=-1)
    last_work = max((m.start() for m in _WORKDAY_WORDS.finditer(before)), default=-1)
    return last_off > last_work if last_off != last_work else True


_NOW_AS_STATE = re.compile(r"지금\s*(?:은|는|도)")
"""지금 as 'these days' ("지금은 열도 내리고 잘 놀아요"): a state, not care starting now."""


_NOW_FROM = re.compile(r"지금\s*(?:부터|당장|바로|즉시|곧|나가|가야|출발)")
_UNTIL_AFTER = re.compile(r"[^.?!]{0,16}?까지")
"""From now, or until the day named: "지금부터 내일 아침까지" is care from now; "지금 38도 넘는데 … 내일 낮에" is a
state now and care tomorrow."""
_START_SAID = re.compile(r"[0-9]{1,2}\s*시\s*(?:반|[0-9]{1,2}\s*분)?\s*(?:부터|에서|~)")
"""A start said on the day named: the care begins then, not now ("지금 열이 나서 … 낼 아침 8시부터")."""


_WHOLE_DAY = re.compile(r"\S{1,4}\s*(?:하루|종일|하루\s*종일|낮\s*동안)")
"""The day named as a whole day ("지금 바로 내려가야 돼요 … 내일 하루"): care that day, not from now."""
_DAY_AS_WHEN = re.compile(r"[^\s까]{0,5}(?:요일|욜)\s*에(?!서)")
"""A weekday named as when care is wanted ("지금 애기가 수족구래요 … 월요일에 봐주실 분"): care that day, not from
now until it ("지금부터 월요일 아침까지")."""


def now_first(text: str, day_at: int) -> bool:
    """Whether 지금 is said before the day named at ``day_at`` ("지금부터 내일 아침까지": from now, today) and the
    day brings no start of its own."""
    at = text.find("지금")
    return (0 <= at < day_at and _NOW_AS_STATE.match(text, at) is None
            and (_NOW_FROM.match(text, at) is not None or _UNTIL_AFTER.match(text, day_at) is not None)
            and _START_SAID.search(text, day_at) is None and _WHOLE_DAY.match(text, day_at) is None
            and _DAY_AS_WHEN.match(text, day_at) is None)

