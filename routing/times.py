"""The start and end a message says: ranges, a start with a duration, lunch words, an end said alone."""

from __future__ import annotations

import re
from typing import NamedTuple

from routing.amend import LETTERS, amended_times, unhesitated
from routing.clocks import CLOCK_LETTERS, SHORT_RANGE, TIME, TIME_UNSPACED, Said, clock, day_hours, read_time, suffix
from routing.gaps import dawn_shift, drop_off, from_then, gap_between, now_clock, work_end_only, work_told
from routing.handover import (
    after_finish,
    back_then,
    drop_told,
    drop_told_start,
    drop_work_end,
    end_before,
    finish_then,
    hand_over,
    missed_pickup,
    shift_hours,
    until_then,
    work_over,
)
from routing.hours import HOURS_WORDS
from routing.need import tuple_maker
from routing.numbers import NATIVE

_DURATION = re.compile(
    rf"(?:(?<![0-9])(?P<h>[0-9]{{1,2}})|(?<![가-힣])(?P<hn>{HOURS_WORDS}))\s*시간(?:\s*(?P<half>반)|\s*(?P<mi>[0-9]{{1,2}})\s*분)?"
    r"|(?<![0-9시])(?<!시 )(?P<m>[0-9]{1,3})\s*분\s*(?:동안|정도|만|간)"
)
_LUNCH = re.compile(
    r"점심\s*(?:때|시간|쯤|무렵)?\s*(?:(?P<after>먹고|먹은\s*(?:뒤|후|다음)|먹이고|지나(?:서|고)?|(?:식사\s*)?(?:후|이후|뒤))"
    r"|부터|에서|(?P<until>까지|전까지|전에))"
)
"""Lunch said instead of a clock: from noon ("점심때부터"), after it 13:00 ("점심 먹고"), or until noon."""
_UNTIL = re.compile(r"때\s*까지|올\s*때까지|까지만|늦게\s*까지")
"""An end said in words before its hour ("데리러 갈 때까지만요, 8시쯤")."""
_REASON = re.compile(r"\s*(?:이니까|니까|이라서|라서|이라|라|인데|이거든|거든|여서|이어서)(?![가-힣])")
"""A time given as the reason for the hours ("퇴근이 7시니까 7시 반까지만")."""
_OPEN_HOURS = re.compile(
    r"\s*(?:까지|부터)\s*(?:도\s*)?(?:(?:운영|영업)?\s*(?:하는|하시는|여는|열려\s*있는|문\s*여는)\s*"
    r"(?:(?:거|건|게|지)?\s*(?:맞|있|아닌|인가|인지)|(?:곳|데)\s*(?:맞|아닌|인가|인지))|(?:운영|영업)?\s*(?:하나요|하죠|하시나요|하세요\s*[?？]|해요\s*[?？]|해\s*[?？]|여나요|열어요\s*[?？]"
    r"|한다던데|한다고|한다며|한다는데|하던데|한대서|한대요|연다고|연다던데))"
)
"""A service's hours asked or heard ("밤 12시까지 하는 거 맞나요?", "7시부터 한다던데", "2시부터라던데"): not the
care's hours, when the message says those too; a place asked for by them ("9시부터 6시까지 여는 데 있어요?") is.
Only a start is heard so: "야근 9시까지래요" is the parent's own end."""
_HEARD_START = re.compile(r"\s*부터\s*(?:이)?(?:라던데|라더라|래요|래서|라는데|라고\s*(?:하|들|했))")
_BETWEEN = re.compile(r"\s*(?:그\s*)?(?:중간|사이|동안|빈\s*시간)")
"""After two times given as reasons, the time between them is the care's ("하교가 1시 50분인데 퇴근이 7시라 중간에")."""
_GLUED = re.compile(r"(?:부터|까지)(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)\s*시")
"""An hour in words glued to the one before it in a message with spaces elsewhere ("두시부터여섯시까지")."""
_FROM_PICKUP = re.compile(
    r"(?:하원|하교)\s*(?:때|시간|하고|후)?\s*부터|데리러\s*갈\s*(?:사람|수가|분)이?\s*(?:이\s*)?없|픽업\s*(?:할|해줄)\s*사람"
)
_PICKUP_BEFORE = re.compile(r"(?:하원|하교)\s*(?:시간)?\s*(?:이|은|는)?\s*$")
_PICKUP_AFTER = re.compile(r"\s*(?:에\s*)?(?:하원|하교)")
_BACK_AFTER = re.compile(r"\s*(?:넘어야|넘어서야|지나야|돼야|되어야)\s*(?:와|오|들어|퇴근)")
"""A pickup time the care runs from, and a time someone is back only after: the care's start and end."""
_THEN_FROM = re.compile(r"\s*,?\s*그\s*(?:때|시간|시각)\s*(?:부터|에)")
_THEN_UNTIL = re.compile(r"그\s*(?:때|시간|시각)\s*(?:까지|전까지)")
"""An end said in words after its hour ("퇴근이 8시라 그때까지")."""
_FROM_THEN_UNTIL = re.compile(r"\s*(?:부터|에서)\s*,?\s*" + _THEN_UNTIL.pattern)


def _reason(text: str, s: Said) -> bool:
    """Whether a time is a reason ("퇴근이 7시니까"), not the start ("5시 반인데 그때부터", "유치원 끝나는게 7시라 그
    뒤로")."""
    why = _REASON.match(text, s.stop)
    return why is not None and _THEN_FROM.match(text, why.end()) is None and (
        "그" not in text or not finish_then(text, s.at, s.stop, why.end()))


def _end_after(start: int, start_mark: str | None, end: Said) -> tuple[int, bool]:
    """The end of a range and whether it is certain: it carries the start's marker, else reads as
    afternoon, else runs past midnight."""
    if end.mark is None and start_mark is not None:
        carried = clock(end.hour, end.minute, start_mark)
        if carried is not None and carried > start:
            return carried, True
    if end.minutes > start:
        return end.minutes, end.sure
    if end.mark is None and end.hour == 12 and start >= 720:
        return 1440 + end.minute, True  # "지금(19시)부터 12시까지": midnight, not tomorrow's noon
    if end.mark is None and 1 <= end.hour <= 11 and end.minutes + 720 > start:
        return end.minutes + 720, True
    return end.minutes + 1440, True


_DAWN_LAST = 6
_DAWN_AHEAD = 120
"""A bare start up to 6 o'clock, at most two hours before a 새벽 hour said earlier, is that dawn's."""


def _marked_before(said: list[Said]) -> list[Said]:
    """The times with a bare start said again after it was said with its half of the day ("새벽 5시에 출근이라
    5시부터 9시까지": 05:00), or said just before a dawn hour ("새벽 4시 반 출근이라 4시부터"), carrying that half (an
    end takes its half from its start)."""
    out = said  # copied on the first change only: most messages have none
    for i in range(1, len(said)):  # the first time said has none before it
        s = said[i]
        if s.role == "start" and s.mark is None and not s.sure:
            twin = next((t for t in said[:i] if t.mark is not None and (t.hour, t.minute) == (s.hour, s.minute)), None)
            if twin is None and s.hour <= _DAWN_LAST:
                # "새벽 4시 반 출근이라 4시부터 9시까지": a bare small hour just before a dawn hour said earlier
                twin = next((t for t in said[:i] if t.mark == "새벽" and 0 <= t.minutes - s.hour * 60 - s.minute
                             <= _DAWN_AHEAD), None)
            minutes = clock(s.hour, s.minute, twin.mark) if twin is not None else None
            if minutes is not None:
                out = list(out) if out is said else out
                out[i] = s._replace(minutes=minutes, mark=twin.mark, sure=True)  # type: ignore[union-attr]
    return out


def _from_pickup(text: str, said: list[Said]) -> list[Said]:
    """The times with the pickup time as the start when the care runs from it ("하원이 4시인데 … 하원부터 밤 8시까지",
    "5시 하원인데 데리러 갈 사람이 없어요"), and a time someone comes back only after as the end ("남편은 9시 넘어야
    오고요")."""
    if _FROM_PICKUP.search(text) is None:
        return said
    out = []
    until = any(s.role == "end" for s in said)  # "7시 넘어야 퇴근해요 하원부터 밤 8시까지": the end said is the end
    for s in said:
        if not s.role and (_PICKUP_BEFORE.search(text, max(0, s.at - 8), s.at) or _PICKUP_AFTER.match(text, s.stop)):
            s = s._replace(role="start")
        elif s.role != "end" and not until and _BACK_AFTER.match(text, s.stop):  # "9시 넘어야 오고요": back only then
            s = s._replace(role="end")
        out.append(s)
    return out


def _duration(text: str) -> int | None:
    m = _DURATION.search(text)
    if m is None:
        return None
    if m["m"]:
        return int(m["m"])
    hours = int(m["h"]) if m["h"] else NATIVE[m["hn"]]
    return hours * 60 + (30 if m["half"] else int(m["mi"] or 0))


class Times(NamedTuple):
    """The start and end a message says, where it says them and how sure their half of the day is (a tuple, as
    ``When``: a frozen dataclass takes four times as long to make, for nearly every message)."""

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
_TIMES = tuple_maker(Times)


def find_times(text: str, now_minutes: int | None, back: bool = False) -> Times:
    """Start and end in minutes; ``now_minutes`` is the start when the text says 지금 and names no start; ``back``: the
    clock now was told and the one time left is the parent's return, the end."""
    start: int | None = None
    start_mark: str | None = None
    start_sure = True
    start_at = -1
    end_said: Said | None = None
    bare = False
    short = SHORT_RANGE.search(text) if ("~" in text or "-" in text or "〜" in text or "–" in text) else None
    if short and short["bare"] is not None and (
        (not (1 <= int(short["a"]) <= 12 and 1 <= int(short["b"]) <= 12) and not day_hours(short))
        or (short.start() > 0 and text[short.start() - 1] in "0123456789:./-")
    ):
        short = None  # "12-25." or "3.5-6.": not a range of hours ("10~15" is: 10:00-15:00)
    if short:
        start_mark, start_at = short["mk"] or suffix(short["ap"]), short.start()
        a, b = int(short["a"]), int(short["b"])
        start = clock(a, 0, start_mark)
        start_sure = start_mark is not None or a == 0 or a >= 12
        end_mark = short["mk2"] or suffix(short["bp"])
        end_minutes = clock(b, 0, end_mark)
        bare = start_mark is None and end_mark is None and 1 <= a <= 11 and 1 <= b <= 12
        if end_minutes is not None:
            end_said = Said(end_minutes, b, 0, end_mark, "end", end_mark is not None or b >= 12, short.start())
    elif not CLOCK_LETTERS.search(text):
        # Most messages name no time: nothing below could find one.
        if now_minutes is None and "점심" not in text:
            return _NO_TIMES
    else:
        pattern = TIME if " " in text and ("부터" not in text or not _GLUED.search(text)) else TIME_UNSPACED
        if ".." in text or "…" in text:
            text = unhesitated(text)  # "밤.. 아 10시까지": 밤 10시
        said = [s for m in pattern.finditer(text) if (s := read_time(m, text))]
        if len(said) > 1 and LETTERS.search(text):
            said = amended_times(text, said)
        if len(said) > 2 and "까지" in text:
            said = work_told(text, said)
        if len(said) > 1:
            said = _marked_before(said)
        if ("하원" in text or "하교" in text) and len(said) > 1:
            said = _from_pickup(text, said)
        if "못" in text or "힘들" in text or "어렵" in text or "불가" in text or "안" in text:
            said = missed_pickup(text, said)
        if len(said) == 2 and "동안" in text and "출근" in text:
            said = shift_hours(text, said)
        if len(said) == 2 and ("나" in text or "출근" in text):
            said = hand_over(text, said)
        if len(said) == 2 and "지금" in text:
            said = now_clock(text, said)
        if len(said) == 2 and ("오" in text or "올" in text or "와" in text):
            said = back_then(text, said)
        if said and ("그" in text or "중간" in text or "야" in text):
            said = from_then(text, gap_between(text, said))
        if said and "새벽" in text:
            said = dawn_shift(text, said)
        if said and ("맡기" in text or "등원" in text or "보내" in text or "데려다" in text):
            said = drop_off(text, said)
        if len(said) == 1 and ("퇴근" in text or back):
            said = work_end_only(text, said, back)
        if said and ("끝" in text or "마" in text or "하원" in text or "하교" in text):
            said = after_finish(text, until_then(text, said))
        if len(said) > 2 and "까지" in text:
            said = drop_told(text, said)
        if len(said) > 1 and "부터" in text:
            said = drop_told_start(text, said)
        if len(said) > 2 and ("끝" in text or "마" in text or "퇴근" in text):
            said = drop_work_end(text, said)
        if len(said) > 1 and any(c in text for c in "하한열여연라래"):
            said = [s for s in said if _OPEN_HOURS.match(text, s.stop) is None and (
                _HEARD_START.match(text, s.stop) is None)] or said
        if len(said) == 2 and not said[0].role and not said[1].role and _reason(text, said[0]) and (
                _reason(text, said[1]) and _BETWEEN.match(text, _REASON.match(text, said[1].stop).end())):
            # "하교가 1시 50분인데 퇴근이 7시라 중간에": from the one to the other
            said = [said[0]._replace(role="start"), said[1]._replace(role="end")]
        first = next((s for s in said if s.role == "start"), None) or next(
            (s for s in said if s.role == "" and (s is said[-1] or not _reason(text, s))), None)
        if first is not None and first.role == "" and any(s.role == "end" for s in said[: said.index(first)]):
            first = None
        elif len(said) == 1 and first is not None and not first.role and (
            _UNTIL.search(text, 0, first.at) or ("그" in text and _THEN_UNTIL.search(text, first.at))
        ):
            first, end_said = None, first  # "데리러 갈 때까지요, 8시쯤": the one time said is the end
        elif len(said) == 1 and first is not None and not first.role and "점심" in text and (
            (lunch := _LUNCH.search(text, 0, first.at)) is not None and lunch["until"] is None
        ):
            first, end_said = None, first  # "점심때부터 저녁 7시": lunch is the start, the one time said the end
        elif len(said) == 1 and first is not None and ("끝" in text or "마" in text) and work_over(text, first):
            first, end_said = None, first  # "지금 나가야 돼요 새벽 두시쯤 끝날거 같아요": the one time said is the end
        if first is not None:
            start, start_mark, start_sure, start_at = first.minutes, first.mark, first.sure, first.at
            later = said[said.index(first) + 1 :]
            end_said = next((s for s in later if s.role == "end"), None) or next((s for s in later if not s.role), None)
            if end_said is None and first.role == "start":  # "7시반까지요! 시작은 1시": the end said first
                end_said = next((s for s in said[: said.index(first)] if s.role == "end"), None)
            if end_said is None and "그" in text and _FROM_THEN_UNTIL.match(text, first.stop):
                end_said = end_before(said, first)  # "7시 반까지 갈 수 있어요 5시부터 그때까지": the time before
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
                end_said = Said(720, 12, 0, "낮", "end", True, lunch.start())
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
        return _TIMES((start, end, start_sure or lifted or settled, end_sure, start_at, end_said.at, mark, bare))
    duration = _duration(text) if "시간" in text or "분" in text else None
    return Times(start, start + duration if duration else None, start_sure, start_sure, start_at)

