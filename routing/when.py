"""When care is needed: the day, clock times and ranges, night, holiday and urgency words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from routing.asides import in_korean, time_now, work_hours
from routing.days import TODAY, Day, find_days, is_holiday, says_now
from routing.hours import HOURS_WORDS, MARK, Period, Settled, period, settle
from routing.numbers import NATIVE

_HOURS_RE = HOURS_WORDS
_MARK = MARK
_AFTERNOON = frozenset({"오후", "저녁", "저녘", "밤", "pm", "PM"})
_NOON_PM = frozenset({"오후", "pm", "PM"})
"""오후 12시 and 12pm are noon; 밤 12시 is midnight."""
_MIDDAY = frozenset({"낮", "점심"})
_MORNING = frozenset({"오전", "아침", "새벽", "am", "AM"})
_LONG_BEGUN = 120
"""Minutes a bare morning start lies behind now before its evening reading is asked about (still running)."""
_NOT_CLOCK = r"(?!간|적|작|청|험|계|각|즌|설|민|골|도\s*때)"
"""시 starting another word: 2시간 (a duration), 한시적, 시청."""

_MINUTES = (
    r"(?:\s*(?P<half>반)(?!찬)|\s*(?P<mi>[0-9]{1,2}(?=\s*분)|[0-5][0-9](?![0-9]|\s*(?:살|세|개월|명|일|월|시|년|학년|%)))\s*분?)?"
)
"""반, N분, or two digits without 분 ("6시30까지")."""
_UNSPACED = r"(?:(?<![가-힣])|(?<=오전|오후|저녁|아침|새벽|부터|까지|내일|모레|오늘)|(?<=밤|낮|낼))"
"""Before a number said in words: a word boundary, or a word it follows in a message typed without spaces
("낼오후두시부터여섯시까지")."""
def _time_pattern(left: str) -> re.Pattern[str]:
    return re.compile(
        rf"""
    (?=[0-9오아점낮저밤새aApP한두세네다여일열정자])  # cheap first-letter test
    (?:(?P<mk>{_MARK})\s*(?:에|쯤|께)?\s*)?
    (?:
        (?<![0-9])(?P<h>[0-9]{{1,2}})\s*시{_NOT_CLOCK}{_MINUTES}
      | {left}(?P<hn>{_HOURS_RE})\s*시{_NOT_CLOCK}{_MINUTES.replace("half", "half2").replace("mi", "mi2")}
      | (?<![0-9:])(?P<ph>[0-9]{{1,2}})(?::(?P<pmi>[0-9]{{2}}))?\s*(?P<ap>[aApP])\.?\s*[mM]\.?(?![a-zA-Z])
      | (?<![0-9])(?P<hh>[0-9]{{1,2}}):(?P<mm>[0-9]{{2}})(?![0-9])
      | (?P<noon>정오)
      | (?P<midnight>자정)
    )
    """,
        re.VERBOSE,
    )


_TIME = _time_pattern("(?<![가-힣])")
_TIME_UNSPACED = _time_pattern(_UNSPACED)
"""For a message with no space at all: the slower left edge is paid only there."""
_CLOCK_LETTERS = re.compile("[시:정자mM]")
_SHORT_RANGE = re.compile(
    rf"(?:(?P<mk>{_MARK})\s*)?(?<![0-9:])(?P<a>[0-9]{{1,2}})(?:\s*(?P<ap>[aApP])\.?\s*[mM]\.?)?"
    rf"\s*[~\-–〜]\s*(?:(?P<mk2>{_MARK})\s*)?"
    rf"(?P<b>[0-9]{{1,2}})\s*(?:시{_NOT_CLOCK}|(?P<bp>[aApP])\.?\s*[mM]\.?(?![a-zA-Z])"
    r"|(?<=[0-9])(?P<bare>(?=\s*(?:까지|[.,!?/|)\n]|$))"
    r"|(?=\s+(?:저녁|오후|오전|아침|밤|새벽|낮)(?:에|엔|이요|요)?(?![가-힣])(?!\s*[0-9]{1,2}\s*시))"
    r"|(?=\s*(?:봐\s*주|봐줄|맡|부탁|가능|돌봐|정도|쯤|사이|동안))))"
)
"""3~7시, 15-19시, 3pm-7pm, 3-7pm, and a bare "9-6." standing alone, before a period word ("7~10 저녁") or before
the care asked ("10~12 봐주세요"; both hours 1-12; "3-4살" is ages)."""
_END_ROLE = re.compile(
    r"\s*(?:까지|전에|전까지|이전|안에|정도까지|쯤까지"
    r"|(?:쯤|정도)?\s*(?:에|이면|되면)?\s*(?:제가\s*|남편이\s*|아빠가\s*|엄마가\s*)?(?:데리러|데릴러|픽업\s*(?:할|하러|가)|찾으러|데려\s*(?:갈|올)))"
)
"""An end: 까지, or the hour the parent comes for the child ("7시에 데리러 가요")."""
_NAMED_ROLE = re.compile(
    r"(?:(?P<s>시작(?:\s*시간|\s*시각)?)|끝(?:\s*시간|\s*시각|나는\s*(?:건|거|시간))?)\s*(?:은|는|이|:)\s*(?:{mark}\s*)?$".format(
        mark="(?:오전|오후|아침|낮|저녁|밤|새벽)")
)
"""A time introduced by what it is ("시작은 1시", "끝나는 시간은 7시")."""
_START_ROLE = re.compile(r"\s*(?:부터|에서|이후|넘어|지나|쯤부터|[~\-–〜])")
_DURATION = re.compile(
    rf"(?:(?<![0-9])(?P<h>[0-9]{{1,2}})|(?<![가-힣])(?P<hn>{_HOURS_RE}))\s*시간(?:\s*(?P<half>반)|\s*(?P<mi>[0-9]{{1,2}})\s*분)?"
    r"|(?<![0-9시])(?<!시 )(?P<m>[0-9]{1,3})\s*분\s*(?:동안|정도|만|간)"
)
_LUNCH = re.compile(
    r"점심\s*(?:때|시간|쯤|무렵)?\s*(?:(?P<after>먹고|먹은\s*(?:뒤|후|다음)|먹이고|지나(?:서|고)?|(?:식사\s*)?(?:후|이후|뒤))"
    r"|부터|에서|(?P<until>까지|전까지|전에))"
)
"""Lunch said instead of a clock: from noon ("점심때부터"), after it 13:00 ("점심 먹고"), or until noon."""
_NIGHT_WORDS = re.compile(r"밤(?!톨|송이|나무|껍질|길)|야간|심야|새벽")
_OVERNIGHT = re.compile(r"밤\s*새|밤샘|하룻\s*밤|외박|(?<![0-9])1\s*박|일\s*박|재워|자고\s*(?:와|오|가|올)|아침\s*까지")
"""Through the night to the morning: 밤새 (not 밤 10시), 하룻밤, 외박, "자고 와야 해요", "아침까지"."""
_OVERNIGHT_LETTERS = re.compile("[밤박재자침]")
_UNTIL = re.compile(r"때\s*까지|올\s*때까지|까지만")
"""An end said in words before its hour ("데리러 갈 때까지만요, 8시쯤")."""
_REASON = re.compile(r"\s*(?:이니까|니까|이라서|라서|이라|라|인데|이거든|거든|여서|이어서)(?![가-힣])")
"""A time given as the reason for the hours ("퇴근이 7시니까 7시 반까지만")."""
_THEN_FROM = re.compile(r"\s*,?\s*그\s*(?:때|시간|시각)\s*(?:부터|에)")
_THEN_UNTIL = re.compile(r"그\s*(?:때|시간|시각)\s*(?:까지|전까지)")
"""An end said in words after its hour ("퇴근이 8시라 그때까지")."""
_TODAY_IS = re.compile(
    r"오늘\s*(?:이|은)\s*(?:[월화수목금토일]\s*(?:요일|욜)|[0-9]{1,2}\s*일|주말|평일|휴일|공휴일|쉬는\s*날)\s*"
    r"(?:이죠|이지요|이지|인데|이니까|이니|이라서|이라|이잖아요|이잖아|이에요|예요|이고|이구|이던데|이네요)"
)
"""Today named as the background ("오늘이 금요일이죠"), not as the care day, when another day follows."""
_PAST_CLAUSE = re.compile(r"(?:했|었|았|였|났|갔|왔|됐|쳤|렸|셨)(?:는데|어요|어서|고|지만|더니|다가|으니)")
"""A day named with a verb in the past tense tells what happened ("오늘 등원 못했는데"), not when care is needed."""
_NIGHT_ONLY = re.compile(r"밤(?!톨|송이|나무|껍질|길)|야간|심야")
_DAY_WORDS = re.compile(r"낮(?!잠|은|게|아|춰|추)|오전|점심|오후")
_HOLIDAY_WORDS = re.compile(
    r"주말|휴일|공휴일|연휴|명절|추석|설날|설\s*연휴|빨간\s*날|크리스마스(?!\s*이브)|성탄절|어린이날"
)
_WHOLE_DAY = re.compile(r"(?<!최)종일(?!제)|하루\s*(?:내내|꼬박)|꼬박\s*하루")
"""A whole day of care: 하루 종일, 온종일, 종일 (not 최종일, 영아종일제), 하루 내내."""
WHOLE_DAY = (9 * 60, 18 * 60)
"""The knowledge's default day (services.yaml ``day_from``, ``day_until``)."""
_FROM_NOW = re.compile(
    rf"(?:(?<![0-9])(?P<h>[0-9]{{1,2}})|(?<![가-힣])(?P<hn>{_HOURS_RE}))\s*시간\s*(?P<half>반)?"
    r"|(?<![0-9시])(?<!시 )(?P<m>[0-9]{1,3})\s*분"
).pattern
_FROM_NOW = re.compile(rf"(?:{_FROM_NOW})\s*(?:뒤|후|있다가|이따가?)(?:\s*(?:에|부터|쯤|정도))*")
"""A start counted from now ("1시간 뒤부터", "30분 후에")."""
_WEEKDAYS_SAID = re.compile("평일|주중")
_RECURRING = re.compile("평일|주중|매일|날마다|매주|주말|방학|월\\s*[~-]\\s*금")
"""A schedule, not one day: a morning hour in it is not moved to tonight because this morning is over."""
_HALF = 12 * 60
_LATE = 17 * 60
"""A start from here with no end said could run into the night, whatever 오후 suggests."""
_WORKDAY_WORDS = re.compile(
    r"평일|주중|(?:학교|수업)\s*(?:이\s*|가\s*)?(?:일찍\s*)?(?:끝나|마치|마친|끝난)|하교|방과\s*후"
)
"""Words for a working or school day when no day is named (after school is a weekday)."""
_URGENT = re.compile(
    r"(?<![월고초중등특진발보지수공상학봉])급(?:해|하|한|히|합|함|ㅠ)|긴급|응급|당장|지금\s*바로|갑자기|빨리|얼른|서둘|SOS|sos"
)


class When(NamedTuple):
    """Everything a message says about time (a tuple: one is made for every message)."""

    day: date | None = None
    start: int | None = None
    end: int | None = None
    night: bool | None = None
    holiday: bool | None = None
    urgent: bool = False
    period: Period | None = None
    """The half of the day the message's own words point at (저녁 -> pm), for the dialog to carry."""
    ambiguous_hour: int | None = None
    """A bare hour that may be morning or evening (ask 오전/오후)."""
    past: bool = False
    """The day and hours said have already ended: they were dropped, the dialog should ask again."""
    overnight: bool = False
    """Care through the night into the next morning (밤새, 하룻밤, 외박) with no end said."""


def clock(hour: int, minute: int, mark: str | None) -> int | None:
    """Minutes from midnight for an hour said with an optional 오전/오후-style marker; 24:00 is 1440."""
    if hour > 24 or minute > 59:
        return None
    if mark == "밤" and 1 <= hour <= 5:
        pass  # 밤 1시 is one in the morning, nobody's 13:00
    elif mark in _AFTERNOON:
        hour = hour + 12 if 1 <= hour <= 11 else (24 if hour == 12 and mark not in _NOON_PM else hour)
    elif mark in _MIDDAY:
        hour = hour + 12 if 1 <= hour <= 6 else hour
    elif mark in _MORNING and hour == 12:
        hour = 0
    return hour * 60 + minute


@dataclass(frozen=True, slots=True)
class _Said:
    minutes: int
    hour: int
    minute: int
    mark: str | None
    role: str
    """'start', 'end' or '' when the words around the time do not say."""
    sure: bool
    """False for a bare hour 1-11 without 오전/오후: as written, but it may mean the afternoon."""
    at: int = -1
    """Where in the text the time is said."""
    stop: int = -1
    """Where in the text the time's words end."""


def _said(m: re.Match[str], text: str) -> _Said | None:
    g = m.groupdict()
    mark = g["mk"]
    if g["noon"]:
        hour, minute = 12, 0
    elif g["midnight"]:
        hour, minute, mark = 24, 0, None
    elif g["hh"]:
        hour, minute = int(g["hh"]), int(g["mm"])
    elif g["ph"]:
        hour, minute = int(g["ph"]), int(g["pmi"] or 0)
        mark = _suffix(g["ap"])  # "6pm", "7:30 AM": the marker after the hour
    else:
        hour = int(g["h"]) if g["h"] else NATIVE[g["hn"]]
        half, mi = (g["half"], g["mi"]) if g["h"] else (g["half2"], g["mi2"])
        minute = 30 if half else int(mi or 0)
    minutes = clock(hour, minute, mark)
    if minutes is None:
        return None
    role = "end" if _END_ROLE.match(text, m.end()) else "start" if _START_ROLE.match(text, m.end()) else ""
    if not role and ("시작" in text or "끝" in text) and (
        named := _NAMED_ROLE.search(text, max(0, m.start() - 10), m.start())
    ):
        role = "start" if named["s"] else "end"  # "시작은 1시", "끝나는 건 7시"
    return _Said(minutes, hour, minute, mark, role, mark is not None or hour == 0 or hour >= 12, m.start(), m.end())


def _reason(text: str, at: int) -> bool:
    """Whether a time ending at ``at`` is a reason ("퇴근이 7시니까"), not the start ("5시 반인데 그때부터")."""
    why = _REASON.match(text, at)
    return why is not None and _THEN_FROM.match(text, why.end()) is None


def _suffix(letter: str | None) -> str | None:
    """The marker of "7pm" or "9 a.m." from its first letter."""
    return None if letter is None else "pm" if letter in "pP" else "am"


def _end_after(start: int, start_mark: str | None, end: _Said) -> tuple[int, bool]:
    """The end of a range and whether it is certain: it carries the start's marker, else reads as
    afternoon, else runs past midnight."""
    if end.mark is None and start_mark is not None:
        carried = clock(end.hour, end.minute, start_mark)
        if carried is not None and carried > start:
            return carried, True
    if end.minutes > start:
        return end.minutes, end.sure
    if end.mark is None and 1 <= end.hour <= 11 and end.minutes + 720 > start:
        return end.minutes + 720, True
    return end.minutes + 1440, True


def _duration(text: str) -> int | None:
    m = _DURATION.search(text)
    if m is None:
        return None
    if m["m"]:
        return int(m["m"])
    hours = int(m["h"]) if m["h"] else NATIVE[m["hn"]]
    return hours * 60 + (30 if m["half"] else int(m["mi"] or 0))


@dataclass(frozen=True, slots=True)
class Times:
    start: int | None = None
    end: int | None = None
    start_sure: bool = False
    """Whether the start is free of 오전/오후 doubt (a bare "3시" is 03:00 as written, but maybe 15:00)."""
    end_sure: bool = False
    start_at: int = -1
    """Where in the text the start is said (-1: not said there, e.g. 지금)."""
    end_at: int = -1
    """Where in the text the end is said (-1: not said)."""
    end_mark: str | None = None
    """The end's own 오전/오후-style word, said right at ``end_at`` ("저녁 8시까지": 저녁)."""
    bare: bool = False
    """Start and end were both said as bare hours (1-11, the end up to 12; no 오전/오후): both may be the evening's."""


_NO_TIMES = Times()


def find_times(text: str, now_minutes: int | None) -> Times:
    """Start and end in minutes; ``now_minutes`` is the start when the text says 지금 and names no start."""
    start: int | None = None
    start_mark: str | None = None
    start_sure = True
    start_at = -1
    end_said: _Said | None = None
    bare = False
    short = _SHORT_RANGE.search(text) if ("~" in text or "-" in text or "〜" in text or "–" in text) else None
    if short and short["bare"] is not None and (
        not 1 <= int(short["a"]) <= 12 or not 1 <= int(short["b"]) <= 12
        or (short.start() > 0 and text[short.start() - 1] in "0123456789:./-")
    ):
        short = None  # "12-25." or "3.5-6.": not a range of hours
    if short:
        start_mark, start_at = short["mk"] or _suffix(short["ap"]), short.start()
        a, b = int(short["a"]), int(short["b"])
        start = clock(a, 0, start_mark)
        start_sure = start_mark is not None or a == 0 or a >= 12
        end_mark = short["mk2"] or _suffix(short["bp"])
        end_minutes = clock(b, 0, end_mark)
        bare = start_mark is None and end_mark is None and 1 <= a <= 11 and 1 <= b <= 12
        if end_minutes is not None:
            end_said = _Said(end_minutes, b, 0, end_mark, "end", end_mark is not None or b >= 12, short.start())
    elif not _CLOCK_LETTERS.search(text):
        # Most messages name no time: nothing below could find one.
        if now_minutes is None and "점심" not in text:
            return _NO_TIMES
    else:
        pattern = _TIME if " " in text else _TIME_UNSPACED
        said = [s for m in pattern.finditer(text) if (s := _said(m, text))]
        first = next((s for s in said if s.role == "start"), None) or next(
            (s for s in said if s.role == "" and (s is said[-1] or not _reason(text, s.stop))), None)
        if first is not None and first.role == "" and any(s.role == "end" for s in said[: said.index(first)]):
            first = None
        elif len(said) == 1 and first is not None and not first.role and (
            _UNTIL.search(text, 0, first.at) or ("그" in text and _THEN_UNTIL.search(text, first.at))
        ):
            first, end_said = None, first  # "데리러 갈 때까지요, 8시쯤": the one time said is the end
        if first is not None:
            start, start_mark, start_sure, start_at = first.minutes, first.mark, first.sure, first.at
            later = said[said.index(first) + 1 :]
            end_said = next((s for s in later if s.role == "end"), None) or next((s for s in later if not s.role), None)
            if end_said is None and first.role == "start":  # "7시반까지요! 시작은 1시": the end said first
                end_said = next((s for s in said[: said.index(first)] if s.role == "end"), None)
            bare = end_said is not None and not first.sure and (
                not end_said.sure or (end_said.mark is None and end_said.hour == 12))  # "9시부터 12시까지"
        elif end_said is None:
            end_said = next((s for s in said if s.role == "end"), None)
    if (start is None or end_said is None) and "점심" in text:
        lunch = _LUNCH.search(text)
        if lunch is not None and lunch["until"] is None and start is None:
            start, start_mark, start_sure, start_at = 780 if lunch["after"] else 720, "낮", True, lunch.start()
        elif lunch is not None and lunch["until"] is not None and end_said is None:
            if start is None:
                return Times(None, 720, False, True, -1, lunch.start())
            if start < 720 and lunch.start() > start_at:  # "아침 7시 반부터 점심 전까지": until noon
                end_said = _Said(720, 12, 0, "낮", "end", True, lunch.start())
    if start is None and now_minutes is not None:
        start = now_minutes
    if start is None:
        return Times(None, end_said.minutes, False, end_said.sure) if end_said else _NO_TIMES
    if end_said is not None:
        end, end_sure = _end_after(start, start_mark, end_said)
        # "9시부터 6시까지" reads as 09:00-18:00: once the end is lifted to the afternoon the range is settled.
        lifted = end_said.mark is None and end == end_said.minutes + 720
        # "10:00-18:00": an evening start would come after a certain end, so the start is the morning one
        settled = end_sure and start + 720 >= end
        mark = end_said.mark if short is None else None
        return Times(start, end, start_sure or lifted or settled, end_sure, start_at, end_said.at, mark, bare)
    duration = _duration(text) if "시간" in text or "분" in text else None
    return Times(start, start + duration if duration else None, start_sure, start_sure, start_at)


def find_when(
    text: str,
    now: datetime,
    night_from: int = 19 * 60 + 30,
    night_until: int = 7 * 60 + 30,
    hint: Period | None = None,
    school: bool = False,
    whole_day: tuple[int, int] = WHOLE_DAY,
) -> When:
    """Everything the text says about time, relative to ``now`` (Asia/Seoul). ``hint`` is a period word carried
    from an earlier message (see ``routing.hours``); ``school`` says the child is at school (after-school hours);
    ``whole_day`` is the window "하루 종일" means (the knowledge's ``day_from``-``day_until``)."""
    today = now.date()
    said_now = False
    if "지금" in text or "벌써" in text or "현재" in text:  # most messages say none of these: no call
        text, said_now = time_now(text)
    if "o" in text:
        text = in_korean(text)
    blanked = work_hours(text) if ("근" in text or "트" in text or "업" in text or "교대" in text or "일" in text
                                   or "알바" in text) else None
    if blanked is not None and _CLOCK_LETTERS.search(blanked):
        left = find_times(blanked, None)
        if left.start is not None or left.end is not None:
            text = blanked  # "제가 8시~17시 근무라 … 9시부터 5시까지": the other hours are the care's
    days = find_days(text, today) if text else []
    if len(days) > 1 and days[1].day > days[0].day and _PAST_CLAUSE.search(text, days[0].at, days[1].at):
        days = days[1:]  # "오늘 등원 못했는데 내일도 못 갈 것 같아요": tomorrow is the day
    elif len(days) > 1 and days[1].relative and (
        _HOLIDAY_WORDS.match(text, days[0].at) or (days[0].weekly and days[0].day == today)
    ):
        days = days[1:]  # "설 연휴인데 내일", "토요일인데 내일" said on Saturday: the first is context, 내일 the day
    elif len(days) > 1 and days[0].day == today and "오늘" in text and (
        said := _TODAY_IS.match(text, days[0].at)) is not None and days[-1].at >= said.end():
        days = [d for d in days if d.at >= said.end()]  # "오늘이 금요일이죠, 다음주 수요일": today named as context
    elif len(days) > 1 and _within(days[0], days[1], text):
        days = days[1:]  # "주말 돌봄 되나요? 일요일 10시부터", "추석 연휴에 … 16일": the day inside the holidays
    first = days[0] if days else None
    day = first.day if first else None
    now_said = says_now(text)
    if now_said and first is not None and day != today and _now_first(text, first.at):
        day, days = today, [Day(today, -1, False, False), *days]  # "지금부터 내일 아침까지": from now, today
        first = days[0]
    now_said = now_said and day in (None, today)
    now_minutes = now.hour * 60 + now.minute
    later = None
    if ("시간" in text or "분" in text) and ("뒤" in text or "후" in text or "있다" in text) and day in (None, today):
        later = _FROM_NOW.search(text)
    if later is not None:  # "1시간 뒤부터 3시간": from an hour from now, today; the rest is read without it
        until = _END_ROLE.match(text, later.end()) is not None  # "3시간 뒤에 데리러 가요": that is the end
        now_said, now_minutes = True, now_minutes + (0 if until else _offset(later))
        text = text[: later.start()] + " " * (later.end() - later.start()) + text[later.end() :]
    if day is None and (now_said or TODAY.search(text)):
        day = today
    clock_now = day is None and said_now  # "지금 10시인데 11시부터": tonight, unless a day is named
    times = find_times(text, now_minutes if now_said else None)
    if later is not None and until and times.end is None and times.start is not None:
        end = times.start + _offset(later)
        times = Times(times.start, end, times.start_sure, True, times.start_at, later.start())
    now_minutes = now.hour * 60 + now.minute
    if first is not None and first.weekly and day is not None and day.weekday() >= 5 and (
        _WEEKDAYS_SAID.search(text, first.at + 1, times.start_at if times.start_at > first.at else len(text))
    ):
        first, day, days = None, None, []  # "남편은 주말에도 일하고 … 평일 저녁 6시부터": the weekend is context
    own = period(text)
    around = own
    if times.end_mark and not times.start_sure and 0 <= times.start_at < times.end_at and own is not None:
        # "7시 반부터 저녁 8시까지": 저녁 is the end's own word; it says nothing about the bare start
        around = period(text[: times.end_at] + text[times.end_at + len(times.end_mark) :])
    # with no day said, a morning already over today is tonight's too, unless the hours are a schedule or start
    # at a doubtful 6-8 (tomorrow's dawn is as likely as tonight: asked)
    today_said = day == today or (
        day is None and times.start is not None and not 360 <= times.start < 540 and not _RECURRING.search(text))
    settled = settle(times.start, times.end, times.start_sure, times.end_sure, around or hint, school,
                     now_minutes if today_said else None)
    start, end = settled.start, settled.end
    if times.bare and end == _HALF and start is not None and start < _HALF and (around or hint) == "pm":
        # "9시부터 12시까지 밤에": the evening one to midnight (a bare 12 is noon or midnight)
        start, end = start + _HALF, 2 * _HALF
        settled = Settled(start, end, True, True)
    if times.bare and start is not None and end is not None and start < _HALF and (day == today or (
        day is None and today_said and start + _HALF <= now_minutes + 120)) and _over(
            today, start, end, now, today) and start + _HALF > now_minutes - 60:
        # "지금 11시부터 1시까지" at 23:00, "오늘 10시부터 2시까지" at 21:00: the morning reading is over, the
        # evening one (to past midnight) is about to start; an evening one long begun is asked again as before.
        # With no day said, only when tonight's start is near (at 14:00 "10시부터 2시까지" may be any day's)
        start, end = start + _HALF, end + _HALF
        settled = Settled(start, end, True, True)
    elif (times.bare and start is not None and end is not None and start < _HALF and day == today
          and (around or hint) != "am" and start + _LONG_BEGUN <= now_minutes < start + _HALF
          and start < end <= start + _HALF and not _over(today, start, end, now, today)):
        # "오늘 9시부터 7시까지" said at 14:00: care is asked for ahead, not hours into it, so tonight's reading
        # (21:00 to 07:00) is as likely as this morning's: held while the dialog asks, taken when the evening is said
        start, end = start + _HALF, end + _HALF
        sure = (around or hint) == "pm"
        settled = Settled(start, end, sure, sure, None if sure else start // 60)
    if (start is None or end is None) and ("종일" in text or "하루" in text) and _WHOLE_DAY.search(text):
        start, end = _whole_day(start, end, whole_day)
        if start is not None and end is not None:
            settled = Settled(start, end, True, True)
    if first is not None and day is not None and end is not None:
        later = next((d for d in days[1:] if d.day > day and d.at > max(first.at, times.start_at)), None)
        if later is not None and (start is None or end % 1440 <= start):
            end = end % 1440 + (later.day - day).days * 1440  # "오늘 밤부터 내일 아침 8시까지"
        elif 0 <= times.start_at < first.at < times.end_at and end > 1440 and day > today:
            day -= timedelta(days=1)  # "밤 10시부터 내일 아침 7시까지": the night before that morning
    if start is None and end is not None and end < night_until and _NIGHT_ONLY.search(text):
        end += 1440  # "오늘 밤 새벽 3시까지": the small hours after tonight, not this morning's
    if first is not None and first.weekly and day == today and start is None and end is None and (
        now_minutes >= whole_day[1] and not now_said and "오늘" not in text and TODAY.search(text) is None
    ):
        day += timedelta(days=7)  # "화요일에" said on a Tuesday evening, no hours: the next one (README)
    if clock_now and (start is not None or end is not None) and not _over(today, start, end, now, today):
        day = today  # "지금 10시인데 11시부터 새벽 1시까지": the time now said, tonight's hours
    past = False
    if day is not None and _over(day, start, end, now, today):
        if first is not None and first.weekly:
            day += timedelta(days=7)  # "이번 주 토요일" said on Saturday night: the next one
        else:
            past, start, end = True, None, None  # ended already: the dialog asks again
            settled = Settled(None, None, False, False)
            if day < today:
                day = None
    night: bool | None = None
    night_time = (settled.start_sure and start is not None and (start >= night_from or start < night_until)) or (
        settled.end_sure and end is not None and (end % 1440 > night_from or end % 1440 <= night_until or end > 1440)
    )
    if night_time or _NIGHT_WORDS.search(text):
        night = True
    elif settled.start_sure and settled.end_sure and start is not None and end is not None:
        night = False
    elif end is None and (start is None or start < _LATE) and "저녁" not in text and _DAY_WORDS.search(text):
        night = False  # "일요일 낮에", "오후 3시에"; but "오후 6시 반부터" may well run into the night
    holiday = _holiday(text, day, times.start_at if times.start_at >= 0 else times.end_at)
    urgent = day == today or _URGENT.search(text) is not None
    overnight = end is None and _OVERNIGHT_LETTERS.search(text) is not None and _OVERNIGHT.search(text) is not None
    if overnight:
        night = True
    return When(day, start, end, night, holiday, urgent, own, settled.ambiguous_hour, past, overnight)


def _whole_day(start: int | None, end: int | None, day: tuple[int, int]) -> tuple[int | None, int | None]:
    """The hours a whole day fills in: all of it, from a start said to the day's end, or to an end said."""
    if start is None and end is None:
        return day
    if end is None and start is not None and start < day[1]:
        return start, day[1]
    if start is None and end is not None and end > day[0]:
        return day[0], end
    return start, end


_PERIOD_DAYS = re.compile(
    r"(?:(?:이번|요번|다음|담|다다음|오는)\s*(?:주\s*)?)?(?:주말|[가-힣]{1,4}\s*연휴|추석|설날|설|구정|한가위)"
)
"""Names of a run of days off: a later day inside it names the care day."""
_JOINED = re.compile(r"\s*(?:에|엔|에는)?\s*(?:이랑|랑|하고|와|과|및|그리고|부터|에서|[~\-–〜·/]|까지|또는|이나|나)")


def _offset(m: re.Match[str]) -> int:
    if m["m"]:
        return int(m["m"])
    return (int(m["h"]) if m["h"] else NATIVE[m["hn"]]) * 60 + (30 if m["half"] else 0)


_NAMED_IN_PERIOD = re.compile(r"\s*(?:에|엔)?\s*[토일]\s*(?:요일|욜)")


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


def _holiday(text: str, day: date | None, time_at: int) -> bool | None:
    """Whether care is on a day off: a holiday word or the named day's kind (ranking then goes by the day),
    else, with both kinds of day said, the one said last before the hours ("남편은 주말에도 일하고 … 평일 저녁
    6시부터" is a weekday)."""
    off = _HOLIDAY_WORDS.search(text)
    if day is not None:
        return True if off is not None else is_holiday(day)
    work = _WORKDAY_WORDS.search(text)
    if off is None:
        return None if work is None else False
    if work is None:
        return True
    before = text[:time_at] if time_at >= 0 else text
    last_off = max((m.start() for m in _HOLIDAY_WORDS.finditer(before)), default=-1)
    last_work = max((m.start() for m in _WORKDAY_WORDS.finditer(before)), default=-1)
    return last_off > last_work if last_off != last_work else True


def _now_first(text: str, day_at: int) -> bool:
    at = text.find("지금")
    return 0 <= at < day_at


def _over(day: date, start: int | None, end: int | None, now: datetime, today: date) -> bool:
    """Whether the care window has ended by ``now`` (a start alone counts as one hour)."""
    if day < today:
        return True
    if day > today or (start is None and end is None):
        return False
    last = end if end is not None else start + 60  # type: ignore[operator]
    return last <= now.hour * 60 + now.minute
