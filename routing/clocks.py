"""One clock time as a parent writes it: 3시 반, 15:30, 7pm, 두시, 정오, with its 오전/오후 word and its role."""

from __future__ import annotations

import re
from typing import NamedTuple

from routing.hours import HOURS_WORDS, MARK
from routing.need import tuple_maker
from routing.numbers import NATIVE

_AFTERNOON = frozenset({"오후", "저녁", "저녘", "밤", "pm", "PM"})
_NOON_PM = frozenset({"오후", "pm", "PM"})
"""오후 12시 and 12pm are noon; 밤 12시 is midnight."""
_MIDDAY = frozenset({"낮", "점심"})
_MORNING = frozenset({"오전", "아침", "새벽", "am", "AM"})
_NOT_CLOCK = r"(?!간|적|작|청|험|계|각|즌|설|민|골|도\s*때)"
"""시 starting another word: 2시간 (a duration), 한시적, 시청."""

_MINUTES = (
    r"(?:\s*(?P<half>반)(?!찬)|\s*(?P<mi>[0-9]{1,2}(?=\s*분)|[0-5][0-9](?![0-9]|\s*(?:살|세|개월|명|일|월|시|년|학년|%)))\s*분?)?"
)
"""반, N분, or two digits without 분 ("6시30까지")."""
_UNSPACED = r"(?:(?<![가-힣])|(?<=오전|오후|저녁|아침|새벽|부터|까지|내일|모레|오늘)|(?<=밤|낮|낼))"
"""Before a number said in words: a word boundary, or a word it follows in a message typed without spaces
("낼오후두시부터여섯시까지")."""
_LEFT = "(?:(?<![가-힣])|(?<=오전|오후|저녁|저녘|아침|새벽|점심)|(?<=밤|낮))"
"""Before a number said in words in a spaced message: a word boundary, or a half-of-day word it is typed onto
("아침여덟시부터", "오후두시", "밤열시")."""


def _start(left: str) -> str:
    """The tests in front of a time: a cheap first-letter one, then what the forms need after it: a marker word
    (오후 ...), 정오 or 자정, digits with 시, : or am/pm right after them, or an hour word (behind ``left`` in a spaced
    message) with 시 within three letters. The 오 of 오늘, the 아 of 아이 and the digits of dates and ages then fail
    there instead of entering the marker and the forms."""
    after_space = "(?<![가-힣].)" if left == _LEFT else ""
    return (
        "(?=[0-9오아점낮저밤새aApP한두세네다여일열정자])"
        f"(?={MARK}|정오|자정|[0-9][0-9]?\\s*[시:aApP]|[한두세네다여일열아]{after_space}[가-힣]{{0,2}}\\s*시)"
    )


def _time_pattern(left: str) -> re.Pattern[str]:
    return re.compile(
        rf"""
    {_start(left)}
    (?:(?P<mk>{MARK})\s*(?:에|쯤|께)?\s*)?
    (?:
        (?<![0-9])(?P<h>[0-9]{{1,2}})\s*시{_NOT_CLOCK}{_MINUTES}
      | {left}(?P<hn>{HOURS_WORDS})\s*시{_NOT_CLOCK}{_MINUTES.replace("half", "half2").replace("mi", "mi2")}
      | (?<![0-9:])(?P<ph>[0-9]{{1,2}})(?::(?P<pmi>[0-9]{{2}}))?\s*(?P<ap>[aApP])\.?\s*[mM]\.?(?![a-zA-Z])
      | (?<![0-9])(?P<hh>[0-9]{{1,2}}):(?P<mm>[0-9]{{2}})(?![0-9])
      | (?P<noon>정오)
      | (?P<midnight>자정)
    )
    """,
        re.VERBOSE,
    )


TIME = _time_pattern(_LEFT)
TIME_UNSPACED = _time_pattern(_UNSPACED)
"""For a message with no space at all: the slower left edge is paid only there."""
CLOCK_LETTERS = re.compile("[시:정자mM]")
def day_hours(short: re.Match[str]) -> bool:
    """A bare ``SHORT_RANGE`` with a tilde on the 24-hour clock ("10~15", "9~18"): hours of a day, not a date."""
    a, b = int(short["a"]), int(short["b"])
    return 6 <= a < b <= 24 and b >= 13 and ("~" in short.group() or "〜" in short.group())


SHORT_RANGE = re.compile(
    rf"(?:(?P<mk>{MARK})\s*)?(?<![0-9:])(?P<a>[0-9]{{1,2}})(?:\s*(?P<ap>[aApP])\.?\s*[mM]\.?)?"
    rf"\s*[~\-–〜]\s*(?:(?P<mk2>{MARK})\s*)?"
    rf"(?P<b>[0-9]{{1,2}})\s*(?:시{_NOT_CLOCK}|(?P<bp>[aApP])\.?\s*[mM]\.?(?![a-zA-Z])"
    r"|(?<=[0-9])(?P<bare>(?=\s*(?:까지|[.,!?/|)\n]|$)|\s+(?:[0-9]{1,2}|한|두|세|네|다섯|여섯|일곱|여덟|아홉)\s*(?:살|세|개월))"
    r"|(?:(?<=~[0-9])|(?<=~[0-9]{2})|(?<=[일늘레낼]\s[0-9]-[0-9])|(?<=[일늘레낼]\s[0-9]{2}-[0-9])"
    r"|(?<=[일늘레낼]\s[0-9]-[0-9]{2}))"
    r"(?=\s+(?!살|세|개월|명|개(?!령)|월|일|학년|시간|분|번|주|년|층|동|호|평(?![가-힣]))[가-힣])"
    r"|(?=\s+(?:저녁|오후|오전|아침|밤|새벽|낮)(?:에|엔|이요|요)?(?![가-힣])(?!\s*[0-9]{1,2}\s*시))"
    r"|(?=\s*(?:봐\s*주|봐줄|맡|부탁|가능|돌봐|정도|쯤|사이|동안|필요|희망|원해|원합))))"
)
"""3~7시, 15-19시, 3pm-7pm, 3-7pm, and a bare "9-6." standing alone or before an age ("9-6 4살"), before a period
word ("7~10 저녁") or before the care asked ("10~12 봐주세요", "9-6 필요합니다"; both hours 1-12; "3-4살" is
ages), or with a tilde before a word ("10~4 율곡"), or with a hyphen before a word right after a day ("내일 9-6 개령";
not "12-24", "010-1234", "3-4 시간")."""
END_ROLE = re.compile(
    r"\s*(?:까지|까진|전에|전\s*까지|이전|안에|(?:정도|쯤|경|넘어서|넘어|지나서)\s*까지"
    r"|(?:쯤|정도|넘어서|넘어|지나서)?\s*(?:에|이면|되면)?\s*(?:제가\s*|남편이\s*|아빠가\s*|엄마가\s*)?(?:데리러|데릴러|픽업\s*(?:할|하러|가)|찾으러|데려\s*(?:갈|올)))"
)
"""An end: 까지 (까진, "12시 넘어서까지"), or the hour the parent comes for the child ("7시에 데리러 가요")."""
_NAMED_ROLE = re.compile(
    r"(?:(?P<s>시작(?:\s*시간|\s*시각)?)|끝(?:\s*시간|\s*시각|나는\s*(?:건|거|시간))?)\s*(?:은|는|이|:)\s*(?:{mark}\s*)?$".format(
        mark="(?:오전|오후|아침|낮|저녁|밤|새벽)")
)
"""A time introduced by what it is ("시작은 1시", "끝나는 시간은 7시")."""
_SCHOOL_ENDS = re.compile(r"(?:학교|수업|유치원|어린이집|학원|방과\s*후)\s*(?:이|가|은|는|도)?\s*$")
"""A named end that is school's, not the care's: care starts then ("학교 끝나는 시간이 1시 반")."""
_PAST_MIDNIGHT = re.compile(r"\s*(?:넘어|지나)[서고면]?\s*(?:새벽\s*)?(?=[0-9한두세])")
_START_ROLE = re.compile(r"\s*(?:부터|에서|이후|넘어|지나|쯤부터|[~\-–〜])")
_EVENT_PAST = re.compile(r"\s*(?:넘어|지나)[서고]?\s*(?:끝나|끝난|끝날|마치|마쳐|퇴근|와요|와서|들어와|들어오|도착)")
"""A time past which something else happens ("마감조라서 밤 10시 넘어서 끝나요"): when the work ends, not a start."""


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


class Said(NamedTuple):
    """One clock time said (a tuple: one or two are made for most messages)."""

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


_SAID = tuple_maker(Said)


def read_time(m: re.Match[str], text: str) -> Said | None:
    g = m  # read by name from the match: groupdict() would build every group for the few read here
    mark = g["mk"]
    if g["noon"]:
        hour, minute = 12, 0
    elif g["midnight"]:
        if _PAST_MIDNIGHT.match(text, m.end()):
            return None  # "자정 넘어서 1시까지": it says which 1시, it is not a time of its own
        hour, minute, mark = 24, 0, None
    elif g["hh"]:
        hour, minute = int(g["hh"]), int(g["mm"])
    elif g["ph"]:
        hour, minute = int(g["ph"]), int(g["pmi"] or 0)
        mark = suffix(g["ap"])  # "6pm", "7:30 AM": the marker after the hour
    else:
        hour = int(g["h"]) if g["h"] else NATIVE[g["hn"]]
        half, mi = (g["half"], g["mi"]) if g["h"] else (g["half2"], g["mi2"])
        minute = 30 if half else int(mi or 0)
    minutes = clock(hour, minute, mark)
    if minutes is None:
        return None
    role = "end" if END_ROLE.match(text, m.end()) else "start" if _START_ROLE.match(text, m.end()) else ""
    if role == "start" and ("넘" in text or "지나" in text) and _EVENT_PAST.match(text, m.end()):
        role = ""
    if not role and ("시작" in text or "끝" in text) and (
        named := _NAMED_ROLE.search(text, max(0, m.start() - 10), m.start())
    ) and (named["s"] or not _SCHOOL_ENDS.search(text, max(0, named.start() - 8), named.start())):
        role = "start" if named["s"] else "end"  # "시작은 1시", "끝나는 건 7시"
    return _SAID((minutes, hour, minute, mark, role, mark is not None or hour == 0 or hour >= 12, m.start(), m.end()))


def suffix(letter: str | None) -> str | None:
    """The marker of "7pm" or "9 a.m." from its first letter."""
    return None if letter is None else "pm" if letter in "pP" else "am"

