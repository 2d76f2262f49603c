"""Hours told around the care rather than as its range: the gap between a child's day ending and the parent's return,
a time referred to by "그때부터", a morning drop-off, a dawn shift's small hours, the hour work ends as the end, the
clock said as the time now, the parent's own working hours told before the care's."""

from __future__ import annotations

import re

from routing.clocks import Said, clock
from routing.handover import CHILD_DAY, afternoon, finishes, ranged

_GAP = re.compile(r"그\s*(?:사이|동안|새|시간|중간)|중간\s*(?:에|이|시간)|빈\s*시간")
"""After both times: the time between them ("어린이집 6시에 끝나는데 그 사이", "그동안 봐줄 데")."""
_RETURN_BEFORE = re.compile(r"(?:퇴근|귀가|도착)\s*(?:이|은|는|시간(?:이|은)?)?\s*$")
_RETURN_AFTER = re.compile(r"\s*(?:쯤|정도|경)?\s*(?:에|엔)?\s*(?:퇴근|귀가|도착|들어\s*(?:와|오|올|가|갈))")
"""Around a time: the parent is back then ("퇴근이 8시반으로 밀렸어요", "제 퇴근은 6시", "7시에 퇴근")."""
_ONLY_BY = re.compile(
    r"\s*(?:쯤|정도|경)?\s*(?:이나|나|은|는|이\s*|가\s*)?\s*(?:돼야|되야|되어야|넘어야|넘어서야|지나야|지나서야)\s*"
    r"(?:[가-힣]{1,3}\s*)?(?:갈|가|도착|와|오|올|들어|퇴근|데리러|픽업)"
)
"""After a time: the parent gets there only then ("8시나 돼야 갈수있어요", "9시 넘어야 도착해요"): with a child's day
finishing before it, the care fills the gap without "그 사이" said."""


def _returns(text: str, s: Said) -> bool:
    return bool(_RETURN_BEFORE.search(text, max(0, s.at - 8), s.at) or _RETURN_AFTER.match(text, s.stop))


_DAY_UNTIL = re.compile(r"\s*까지\s*(?:이라서|이라|라서|라|인데|이거든요|거든요|이고|고)(?![가-힣])")
"""After an end: a child's place is open until then, told as a reason ("어린이집 7시반까지라")."""


def _day_until(text: str, s: Said) -> bool:
    """Whether an end said as a bare hour is when a child's place closes, told as a reason: the care starts there."""
    return s.role == "end" and s.mark is None and not s.sure and 1 <= s.hour <= 8 and bool(
        _DAY_UNTIL.match(text, s.stop)) and CHILD_DAY.search(text, max(0, s.at - 12), s.at) is not None


def gap_between(text: str, said: list[Said]) -> list[Said]:
    """Two times, when a child's day finishes and when the parent is back (in either order), then "그 사이": the
    care runs from the one to the other ("퇴근이 8시반으로 밀렸어요 어린이집 6시에 끝나는데 그 사이" is 18:00-20:30);
    without "그 사이" when the parent gets there only at the other ("하원 6시인데 8시나 돼야 갈수있어요" is
    18:00-20:00)."""
    if len(said) != 2 or any(s.role and (s.role != "start" or not _ONLY_BY.match(text, s.stop)) and not _day_until(
            text, s) for s in said):
        return said  # "7시 넘어야 도착해요": read as a start (넘어), but only when the parent gets there
    gap = _GAP.search(text, max(s.stop for s in said)) is not None
    for start, end in (said, said[::-1]):
        if (finishes(text, start) or _day_until(text, start)) and not finishes(text, end) and end.role != "end" and (
                (gap and _returns(text, end)) or _ONLY_BY.match(text, end.stop)):
            return ranged(start, end)
    return said


_FROM_THEN = re.compile(r"[^0-9]{0,14}?그\s*(?:때|시간|시각)\s*(?:부터|부턴)")
"""After a time, with no other time between: care runs from it ("6시40분에 나가야되는데 그때부터 등원까지만요")."""


_CARER = re.compile(
    r"(?:이웃|옆집|할머니|할아버지|친정\s*엄마|친정\s*어머니|시어머니|시엄마|어머님|이모|고모|삼촌|시터|도우미|남편|애\s*아빠)"
    r"\s*(?:분|님)?\s*(?:도|이|가|께서|은|는)?\s*$"
)
_CARER_LEAVES = re.compile(
    r"\s*(?:쯤|정도|경)?\s*(?:에|엔)?\s*(?:나가셔야|나가야|가셔야|가야|나가신대|나가신다|가신대|가신다|출근하셔야|출근해야)"
    r"[가-힣]{0,4}\s*(?:[가-힣]{1,3}\s*)?\s*그\s*(?:뒤|다음|담|후|이후|때)\s*(?:로부터|로|부터|부턴|에는|에|엔)?(?![가-힣])"
)
"""Before and after a time: someone looking after the child now leaves then, and care is asked from then ("이웃분도
3시에 나가셔야 한대서 그 이후로")."""


def _carer_leaves(text: str, said: list[Said]) -> list[Said]:
    """The times with the hour the one looking after the child now leaves as the start (a bare 1-6 the afternoon's)."""
    for i, s in enumerate(said):
        if not s.role and _CARER.search(text, max(0, s.at - 12), s.at) and _CARER_LEAVES.match(text, s.stop):
            s = afternoon(s) if s.mark is None and 1 <= s.hour <= 6 else s
            return [*said[:i], s._replace(role="start"), *said[i + 1 :]]
    return said


_UNTIL_THEN = re.compile(r"그\s*(?:때|시간|시각)\s*(?:까지|전까지)")


def from_then(text: str, said: list[Said]) -> list[Said]:
    """The times with the one "그때부터" refers back to as the start, when no other is one; an earlier time with no
    role is the end when "그때까지" refers back to it before the start is said ("밤 11시쯤 끝날 것 같아요 … 그
    시간까지 봐줄 곳 … 퇴근 시간이 원래 6시라 그때부터요" is 18:00-23:00)."""
    if any(s.role == "start" for s in said):
        return said
    if (said := _carer_leaves(text, said)) and any(s.role == "start" for s in said):
        return said
    for i, s in enumerate(said):
        if not s.role and _FROM_THEN.match(text, s.stop):
            if i == 1 and not said[0].role and _UNTIL_THEN.search(text, said[0].stop, s.at):
                return [said[0]._replace(role="end"), s._replace(role="start"), *said[2:]]
            return [*said[:i], s._replace(role="start"), *said[i + 1 :]]
    return said


_DROP_OFF = re.compile(r"\s*(?:쯤|정도|경)?\s*(?:에|엔)?\s*(?:맡기|등원|보내|데려다)")
_DROP_PLACE = re.compile(r"어린이집|유치원")
_AFTER_WORK = re.compile(r"퇴근\s*(?:후|하고|해서|하면|하구)\s*(?:에\s*)?$")
"""A bare hour a child is left at daycare at is the morning's ("어린이집 7시반에 맡기고"); a bare hour right after
"퇴근 후" is the evening's ("퇴근 후 9시에 찾아도")."""


def drop_off(text: str, said: list[Said]) -> list[Said]:
    """The times with a daycare drop-off as the morning start and a pick-up after work as the evening."""
    out = said
    for i, s in enumerate(said):
        if s.mark is not None or s.sure:
            continue
        if i == 0 and s.role != "end" and 6 <= s.hour <= 10 and _DROP_OFF.match(text, s.stop) and _DROP_PLACE.search(
                text, max(0, s.at - 12), s.at):
            minutes = clock(s.hour, s.minute, "오전")
            out = list(out) if out is said else out
            out[i] = s._replace(minutes=minutes or s.minutes, mark="오전", sure=True, role="start")
        elif i > 0 and out is not said and 1 <= s.hour <= 11 and _AFTER_WORK.search(text, max(0, s.at - 10), s.at):
            out[i] = afternoon(s)._replace(role=s.role or "end")
    return out


_DAWN_WORK = re.compile(r"새벽\s*(?:근무|출근|일|알바|교대|조|타임|당직)(?!\s*(?:끝|마치|마친|마쳐|후|하고|하구|뒤))")
"""The parent's own dawn shift ("저 새벽 근무"): a bare small hour of care is then the dawn's."""
_DAWN_LAST = 5


def dawn_shift(text: str, said: list[Said]) -> list[Said]:
    """The times with a bare start up to 5 o'clock read as the dawn's when the parent works a dawn shift ("저 새벽
    근무ㅠ 겹치는 4시부터 7시까지" is 04:00-07:00, not the afternoon)."""
    if _DAWN_WORK.search(text) is None:
        return said
    out = said
    for i, s in enumerate(said):
        if s.role != "end" and s.mark is None and not s.sure and 1 <= s.hour <= _DAWN_LAST:
            out = list(out) if out is said else out
            out[i] = s._replace(mark="새벽", sure=True)
            break
    return out


_WORK_END = re.compile(r"\s*(?:쯤|정도|경)?\s*(?:에|엔)?\s*퇴근")
_FROM_CHILD_END = re.compile(
    r"(?:끝나고|끝나면|마치고|마치면|끝난\s*(?:후|뒤|다음))\s*(?:나서\s*)?부터|(?:하원|하교)\s*(?:후|하고)?\s*부터"
)
"""One time, when the parent's work ends, with care said to run from a child's day ending: that time is the end ("10시
퇴근이에요 초2 아이 학교 끝나고부터")."""


def work_end_only(text: str, said: list[Said], back: bool = False) -> list[Said]:
    """The one time said as the end when it is when work ends and care runs from the child's day ending, or when the
    parent is back then and the clock now was told (``back``: "지금 6시인데 9시 반에 들어가요" is 18:00-21:30)."""
    if len(said) != 1 or said[0].role:
        return said
    if back and _returns(text, said[0]):
        return [said[0]._replace(role="end")]
    if "퇴근" not in text or not _WORK_END.match(text, said[0].stop):
        return said
    m = _FROM_CHILD_END.search(text)
    if m is None or CHILD_DAY.search(text, max(0, m.start() - 12), m.end()) is None:
        return said
    return [said[0]._replace(role="end")]


_NOW_BEFORE = re.compile(r"지금\s*(?:은|이|막|벌써)?\s*$")
_NOW_AFTER = re.compile(r"\s*(?:이에요|에요|예요|이요|요|인데|이라|라|이니까|니까|넘었|다\s*됐|됐|[.!?~,ㅠㅜ]|$)")
"""Around a time: it is the time now, told in passing ("그때까지 초2 애 좀.. 지금 6시", "지금 6시인데")."""


def now_clock(text: str, said: list[Said]) -> list[Said]:
    """The times with one told as the time now as the start, and the one other time without a role as the end
    ("오늘밤 11시에 들어와요 그때까지 초2 애 좀.. 지금 6시" is 18:00-23:00)."""
    if len(said) != 2 or any(s.role == "start" for s in said):
        return said
    for i, s in enumerate(said):
        if not s.role and _NOW_BEFORE.search(text, max(0, s.at - 8), s.at) and _NOW_AFTER.match(text, s.stop):
            other = said[1 - i]
            if other.role:
                return said
            pair = [s._replace(role="start"), other._replace(role="end")]
            return pair if i == 0 else pair[::-1]
    return said


_WORK_UNTIL = re.compile(
    r"\s*까지\s*(?:야근|근무|일|회의|출근|교육|출장|회식|당직|수업|알바)\s*(?:이|을|해야)?\s*"
    r"(?:이라서|이라|라서|라|인데|이거든요|거든요|이어서|여서|해서|하거든요|하는데|있어서|있는데)(?![가-힣])"
)
"""After an end: the parent's work lasts until then, a reason ("9시까지 야근이라"), not the care's end."""


def work_told(text: str, said: list[Said]) -> list[Said]:
    """The times without an end told as the parent's work when the care's own end is said after it ("9시까지
    야근이라 6시에 하원하고 나서 9시 반까지 봐주세요" is 18:00-21:30)."""
    for i, s in enumerate(said[:-1]):
        if s.role == "end" and _WORK_UNTIL.match(text, s.stop) and any(t.role == "end" for t in said[i + 1 :]):
            return [*said[:i], *said[i + 1 :]]
    return said
