"""Which half of the day a bare hour means ("4시부터 8시까지" without 오전/오후), and whether doubt remains.

A bare hour 1-11 is read, in this order: by a period word in the message or carried from an earlier turn
(저녁, 퇴근, 학교 끝나고 -> afternoon; 새벽, 아침, 출근 전 -> morning); against a certain end ("7시부터 밤 10시까지");
1-5 as the afternoon (nobody asks for care from 4 in the morning without saying 새벽); a school child's
hours up to 8 as after school; a morning reading already over today as the afternoon; otherwise as written
(the morning), with 6-8 flagged as truly ambiguous so the dialog can ask 오전/오후 with two buttons (a 6-8 start
to a bare 10 or 11 is held as the evening meanwhile: dawn care ends when work begins, not at ten). A bare end
with no start ("6시 반까지") is the afternoon one unless a morning word says otherwise.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from routing.need import tuple_maker
from routing.numbers import NATIVE, alternation

Period = Literal["am", "pm"]
MARK = r"오전|오후|아침|점심|낮|저녁|저녘|밤|새벽|am|pm|AM|PM"
"""Words said before an hour that say its half of the day."""
HOURS_WORDS = alternation({w: n for w, n in NATIVE.items() if n <= 12})
"""Hours 1-12 in words (한, 두, … 열두)."""
_OVER = r"\s*(?:끝나|마치|마친|끝난)"
_UNTIL_IT = r"(?!\s*(?:[가-힣]{0,4}\s*때\s*)?(?:전\s*)?까지)"
"""After an evening word, "까지" makes it the end ("9시부터 퇴근할 때까지", "저녁까지"): the start's half is not
said."""
_PM = re.compile(
    rf"저녁{_UNTIL_IT}|저녘|(?<!어제\s)(?<!어제)(?<!어젯)(?<!지난\s)(?<!간)밤(?!톨|송이|나무|껍질|길){_UNTIL_IT}|야근|야간(?!\s*(?:근무\s*)?(?:끝|마치|마친|마쳐))|회식|퇴근{_UNTIL_IT}|오후|하원{_UNTIL_IT}|하교|방과\s*후|학교{_OVER}|학원{_OVER}|수업{_OVER}"
    rf"|유치원{_OVER}|어린이집{_OVER}|늦게(?!\s*(?:죄송|미안|연락|문자|톡|글))|늦은\s*시간(?!에\s*(?:죄송|미안|연락|문자|톡))"
    r"|나이트|이브닝|pm|PM"
)
"""Each branch starts with a letter (not a group): the regex engine then skips to those letters itself. Last night
("어제 밤부터 열이", "어젯밤", "간밤에") is gone, not the care's half of the day. "늦게 죄송해요"
is the hour of the message, not of the care; a night shift that ends ("야간 끝나고 9시에 와요") ends in the morning."""
_AM = re.compile(
    r"새벽|아침|오전|출근\s*(?:전|하기\s*전|길)|(?:등원|등교)\s*(?:전|까지)|학교\s*가기\s*전|일찍|am(?![a-z])|AM(?![A-Z])"
)
"""Morning words: "학교 가기 전까지" is before school leaves, the morning."""
_HALF = 720
_BEGUN = 30
"""A morning start this many minutes past when the parent asks is the evening one they mean."""
_LONG = 14 * 60
"""A morning start this long before a certain end is read as the evening one."""
_LATE_MORNING_ENDS = (10, 11)
"""A bare 6-8 start with one of these bare ends is held as the evening (18-22, 20-23) while the dialog asks."""
_DOUBTFUL = range(6, 9)
"""Bare hours whose morning and evening readings are both common care times."""


_SHIFT_OVER = re.compile(r"(?:야간|나이트)\s*(?:근무|일|조|당직)?\s*(?:끝나|끝난|마치|마친|마쳐)")
"""A night shift ending: the hand-over after it is in the morning, and someone late from it ("늦게 온대서") is late
in the morning."""


def period(text: str) -> Period | None:
    """The half of the day the message's words point at, or None when they point at neither (or both)."""
    pm, am = _PM.search(text) is not None, _AM.search(text) is not None
    if pm and ("야간" in text or "나이트" in text) and (over := _SHIFT_OVER.search(text)) is not None:
        rest = text[: over.start()] + " " * (over.end() - over.start()) + text[over.end() :]
        pm, am = _PM.search(rest.replace("늦게", "  ").replace("늦은", "  ")) is not None, True
    if pm == am:
        return None
    return "pm" if pm else "am"


class Settled(NamedTuple):
    """The hours after choosing halves of the day (a tuple: one is made for every message)."""

    start: int | None
    end: int | None
    start_sure: bool
    end_sure: bool
    ambiguous_hour: int | None = None
    """A bare hour (6-8) that may be morning or evening. start/end hold the reading taken: the morning for a
    start (as written) except before a bare 10 or 11 (the evening), the evening for an end said alone."""


_NOTHING = Settled(None, None, False, False)
_SETTLED = tuple_maker(Settled)


def settle(
    start: int | None,
    end: int | None,
    start_sure: bool,
    end_sure: bool,
    hint: Period | None,
    school: bool,
    now_minutes: int | None,
) -> Settled:
    """Choose the half of the day for bare hours. ``now_minutes`` is the minute of day when the care day is
    today (or not said), else None; ``hint`` is the message's own period word or one carried from before."""
    if start is None and end is None:
        return _NOTHING
    bare_start = start is not None and not start_sure and start < _HALF
    bare_end = end is not None and not end_sure and end < _HALF
    if bare_start and start is not None:
        if end is not None and not bare_end:
            # a certain end: the start is the reading before it that makes a day's care, not 15 hours of it
            # ("7시부터 밤 10시까지" -> 19:00, "7시부터 20시까지" -> 07:00)
            # (or the morning one is already over today: "7시 반부터 저녁 9시까지" said at 15:00)
            pm = start + _HALF < end and (hint == "pm" or (hint is None and (
                start < 360 or end - start >= _LONG or (now_minutes is not None and start <= now_minutes))))
            return Settled(start + _HALF if pm else start, end, True, True)
        hour = start // 60
        over = start if end is None else end
        if hint is not None:
            pm = hint == "pm"
        elif hour <= 5 or (school and hour <= 8) or (now_minutes is not None and (
                over <= now_minutes or start + _BEGUN <= now_minutes)):
            pm = True  # the morning hours are over, or began well before now ("오늘 7시부터 9시까지" at 08:00)
        elif hour in _DOUBTFUL and end is not None and bare_end and end // 60 in _LATE_MORNING_ENDS:
            # "7시부터 10시까지": still asked, but dawn care ends when work begins, not at ten: the evening is the
            # reading held meanwhile
            return Settled(start + _HALF, end + _HALF, False, False, hour)
        else:
            pm = False
            if hour in _DOUBTFUL:
                return Settled(start, end, False, False, hour)
        shift = _HALF if pm else 0
        return _SETTLED((start + shift, None if end is None else end + shift, True, True, None))
    if bare_end and end is not None and start is None:
        hour = end // 60
        if hint == "am":
            return Settled(None, end, False, True)
        doubt = hint is None and hour in _DOUBTFUL and now_minutes is not None and now_minutes < end
        return _SETTLED((None, end + _HALF, False, not doubt, hour if doubt else None))
    return _SETTLED((start, end, start_sure, end_sure, None))
