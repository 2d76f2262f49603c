"""Hours that hand care over from something else: the hour a child's day finishes as the care's start and half of the
day, an activity's or a schedule's range told as a fact before the care's own range, an end referred back to."""

from __future__ import annotations

import re

from routing.clocks import Said, clock

_FINISH_BEFORE = re.compile(r"(?:끝나|끝난|끝날|마치|마친|마쳐|하원|하교)[가-힣]{0,4}\s*(?:[가-힣]{1,3}\s*)?$")
"""Before a time: the child's day finishing ("유치원 끝나는게 7시라", "하원이 4시인데")."""
_THEN_AFTER = re.compile(r"\s*,?\s*그\s*(?:뒤|다음|담|후|이후)\s*(?:로부터|로|부터|부턴|에는|에|엔)?(?![가-힣])")
"""After a finish given as the reason: care runs from then ("끝나는게 7시라 그 뒤로 10시까지")."""
_FINISH_AFTER = re.compile(r"\s*(?:에|쯤|쯤에|이면|되면)?\s*(?:끝나|끝난|끝날|마치|마친|마쳐|하원|하교)")
CHILD_DAY = re.compile(r"어린이집|유치원|학교|학원|수업|방과\s*후|돌봄\s*(?:교실|센터)|아동\s*센터|하원|하교|등원")
"""Whose day finishes: a child's place or its pick-up (a parent's 퇴근 may be at any hour)."""
_LATEST_FINISH = 8
"""A bare hour a child's day finishes at, up to this one, is the afternoon's (nobody's daycare ends at 6 a.m.)."""
_TOLD = re.compile(
    r"\s*까지\s*(?:이에요|에요|예요|이예요|이고|고|인데|이라서|이라|라서|라|이거든요|거든요|있고|있어요|있는데|있어서"
    r"|해요|하고|하는데|하거든요|다니고|다녀요|가고|가요|가는데)(?![가-힣])"
)
"""After a range's end: the range is told as a fact ("태권도가 2시부터 4시까지에요"), not asked for."""
_MISSED = re.compile(
    r"\s*(?:까지는|까진|까지|전까지|전에|에는|엔|에)\s*(?:(?:도저히|절대|아무래도|제가|저도|저는|남편도|남편이|아빠도|아빠가|애\s*아빠가)\s*)*"
    r"(?:못\s*(?:데리러|데려|픽업|하원|가|와|오|도착|들어|퇴근|맞춰)"
    r"|(?:데리러|데리고|픽업하러|하원하러|하원|픽업|도착|퇴근)\s*(?:가기|오기|하기|갈\s*수|올\s*수|할\s*수)?\s*(?:는|가|도)?\s*"
    r"(?:힘들|어렵|못|불가|안\s*(?:돼|되|될)))"
)
"""After a time: the parent cannot make a pick-up by then ("6시 20분까지 못 데리러 갈 것 같아요"): care starts there."""


def finish_then(text: str, begin: int, stop: int, after: int) -> bool:
    """Whether the time said at ``begin``-``stop`` is when the child's day finishes and care runs from it: "유치원
    끝나면 2시인데 그 뒤로 7시까지" (``after``: where the reason's words end)."""
    return _THEN_AFTER.match(text, after) is not None and (
        _FINISH_BEFORE.search(text, max(0, begin - 16), begin) is not None
        or _FINISH_AFTER.match(text, stop) is not None)


def finishes(text: str, s: Said) -> bool:
    """Whether a bare time without 오전/오후 is when a child's day finishes ("어린이집 6시에 끝나는데", "학교 끝나면 2시
    반")."""
    return s.mark is None and not s.sure and 1 <= s.hour <= _LATEST_FINISH and bool(
        _FINISH_AFTER.match(text, s.stop) or (
            s.role != "start" and _FINISH_BEFORE.search(text, max(0, s.at - 16), s.at))) and (
        CHILD_DAY.search(text, max(0, s.at - 20), s.stop + 8) is not None)


_UNTIL_THEN = re.compile(r"[^0-9]{0,12}?그\s*(?:때|시간|시각)\s*(?:까지|전까지)")
"""After a time: the care runs until it ("데리러 가면 8시 반쯤 되는데 그때까지")."""


def until_then(text: str, said: list[Said]) -> list[Said]:
    """Two times, an end (까지, or referred to by "그때까지") and when the child's day finishes, in either order:
    "퇴근하고 데리러 가면 8시 반쯤 되는데 그때까지 … 학교 끝나면 2시 반이에요" is care from 14:30 to 20:30, "수요일마다
    6시까지 봐줄 곳 … 학교 끝나면 2시 반이에요" from 14:30 to 18:00."""
    if len(said) != 2 or any(s.role == "start" for s in said):
        return said
    for end, start in (said, said[::-1]):
        if not start.role and finishes(text, start) and (
                end.role == "end" or (not end.role and _UNTIL_THEN.match(text, end.stop))):
            return ranged(start, end)
    return said


_GO_TO_WORK = re.compile(r"\s*(?:에\s*)?(?:출근|일\s*(?:나가|시작)|근무\s*시작)")
_WORK_ENDS = re.compile(
    r"\s*(?:에\s*|쯤\s*|쯤에\s*)?(?:끝나|끝난|마치|마쳐|퇴근)[가-힣]{0,4}\s*(?:그\s*(?:동안|사이|시간)|동안)"
)
"""The hours of a shift told, then 그동안: "10시 출근해서 담날 7시에 끝나요 그동안 애기 좀 봐주실분" is care for the
shift."""


def shift_hours(text: str, said: list[Said]) -> list[Said]:
    """Two times, when the parent goes to work and when the work ends with 그동안 after it: the care's start and end."""
    if len(said) == 2 and not any(s.role for s in said) and _GO_TO_WORK.match(text, said[0].stop) and (
            _WORK_ENDS.match(text, said[1].stop)):
        return [said[0]._replace(role="start"), said[1]._replace(role="end")]
    return said


def after_finish(text: str, said: list[Said]) -> list[Said]:
    """The times with a bare hour the child's day finishes at ("어린이집 6시에 끝나는데") read as the afternoon's, and a
    bare start said after it from that hour on ("6시부터 9시까지") with it: care runs on from the finish."""
    if CHILD_DAY.search(text) is None:
        return said  # most messages: no child's day said to finish
    out = said
    finish: Said | None = None
    for i, s in enumerate(said):
        if finish is None:
            if finishes(text, s):
                finish = s
                if s.hour > 5:  # 1-5 already read as the afternoon's
                    out = list(out) if out is said else out
                    out[i] = afternoon(s)
            continue
        if s.role == "start" and s.mark is None and not s.sure and finish.hour <= s.hour <= 11:
            out = list(out) if out is said else out
            out[i] = afternoon(s)
    return out


def afternoon(s: Said) -> Said:
    """The time read as the afternoon's (hours 1-11 without 오전/오후)."""
    minutes = clock(s.hour, s.minute, "오후")
    return s if minutes is None else s._replace(minutes=minutes, mark="오후", sure=True)


def ranged(start: Said, end: Said) -> list[Said]:
    """A child's day finishing at ``start`` and care to ``end``, in the order said; 6-11 read as the afternoon's (1-5
    already are)."""
    start = afternoon(start) if start.hour > 5 else start
    ordered = (start._replace(role="start"), end._replace(role="end"))
    return list(ordered if start.at < end.at else ordered[::-1])


def drop_told(text: str, said: list[Said]) -> list[Said]:
    """The times without a range told as a fact when a start is said after it: "태권도가 2시부터 4시까지에요 …
    4시부터 8시까지가 문제라서요" is care from 4 to 8."""
    for i in range(len(said) - 2):
        s, e = said[i], said[i + 1]
        if s.role == "start" and e.role == "end" and _TOLD.match(text, e.stop) and any(
                t.role == "start" for t in said[i + 2 :]):
            return [*said[:i], *said[i + 2 :]]
    return said


def end_before(said: list[Said], first: Said) -> Said | None:
    """The time said last before the start, which "그때까지" after the start refers back to ("7시 반까지는 데리러 갈 수
    있어요 내일 5시부터 그때까지")."""
    at = said.index(first)
    return said[at - 1] if at > 0 else None


def missed_pickup(text: str, said: list[Said]) -> list[Said]:
    """The times with a pick-up the parent cannot make as the care's start, read as the afternoon's when bare: "오늘
    6시 20분까지 못 데리러 갈 거 같아요 8시까지 봐주실 수 있나요" is care from 18:20 to 20:00, not until 18:20 (with
    no other end said, the time stays the end: whether it is the hour the parent comes is not said)."""
    out = said
    for i, s in enumerate(said):
        if s.role != "start" and _MISSED.match(text, s.stop) is not None and any(
                t.role != "start" and (t.hour, t.minute) != (s.hour, s.minute) for t in said[i + 1 :]) and all(
                t.role != "start" for t in said[i + 1 :]):
            # only with another end said after it: "6시 반까지 데리러 못 가요 … 6시반까지만 봐주세요" keeps it the end;
            # and with no start of its own said after it ("6시반까지 못가요 5시부터 8시까지": 17:00-20:00)
            out = list(out) if out is said else out
            late = afternoon(s) if s.mark is None and 1 <= s.hour <= 11 else s
            out[i] = late._replace(role="start")
    return out


_FROM_TOLD = re.compile(
    r"\s*부터\s*(?:(?:이)?(?:라\s*(?:카|캐|고|던|네|는데|하)|래|랍니다|라서|라(?!도)|예요|에요|이에요|인데|이니까|니까)"
    r"|(?:문\s*(?:을\s*)?)?(?:열어|여니까|여는데|연대|연다|열거든|열고)|운영|(?:한대|한다|하는데|한다던데|하던데))"
)
"""After a start: the start is told as a fact or heard ("어린이집은 7시반부터라 카대요", "유치원이 9시부터 문
열어서"), a service's or a job's, not the care's when a start is said after it."""


def drop_told_start(text: str, said: list[Said]) -> list[Said]:
    """The times without a start told as a fact when a start is said after it: "어린이집은 7시반부터라 카대요 6시부터
    8시반까지" is care from 6 to 8:30."""
    for i, s in enumerate(said[:-1]):
        if s.role == "start" and _FROM_TOLD.match(text, s.stop) and any(t.role == "start" for t in said[i + 1 :]):
            return [*said[:i], *said[i + 1 :]]
    return said


_ENDS_THEN = re.compile(
    r"\s*(?:넘어서|넘어야|지나서|지나야|쯤|쯤에|에|에나|이나)?\s*(?:[가-힣]{1,3}\s*(?:이|가|은|는)?\s*)?"
    r"(?:끝나|끝난|끝날|마치|마쳐|마칠|퇴근)"
)
"""After a time: something (the parent's work) ends then ("밤 9시 넘어서 일 끝나는데")."""


def drop_work_end(text: str, said: list[Said]) -> list[Said]:
    """The times without one read as a start that is when work ends, when a range of care is said after it: "밤 9시
    넘어서 일 끝나는데 … 8시부터 10시까지" is care from 8 to 10 (the evening's, by 밤), not from 9."""
    for i, s in enumerate(said[:-2]):
        if s.role == "start" and _ENDS_THEN.match(text, s.stop) and any(
                t.role == "start" and any(e.role == "end" for e in said[j + 1 :])
                for j, t in enumerate(said[i + 1 :], i + 1)):
            return [*said[:i], *said[i + 1 :]]
    return said


_LEAVES = re.compile(
    r"\s*(?:쯤|정도|경)?\s*(?:에|엔)?\s*(?:는\s*)?(?:집에서\s*)?(?:나가야|나가요|나가는데|나갈|나가니까|나서야|출근해야"
    r"|출근이라|출근인데|출근해요|출근하는데|출근하니까)"
)
_COMES = re.compile(
    r"\s*(?:쯤|정도|경)?\s*(?:에|엔|이면|되면|넘어서|넘어야|지나서)?\s*(?:들어\s*(?:와|오|올)|돌아\s*(?:와|오|올)|도착|와요|오는데"
    r"|오니까|오고|온대|온다|올\s*(?:거|게|께)|와야)"
)
"""A time the parent leaves at, and a time the other parent (or another carer) comes at: the care runs between them
("애 아빠 8시에 오는데 저는 6시반에 나가야돼요")."""


def hand_over(text: str, said: list[Said]) -> list[Said]:
    """Two times, when the parent leaves and when someone else comes (in either order): the care's start and end."""
    if len(said) != 2 or any(s.role for s in said):
        return said
    for leave, come in (said, said[::-1]):
        if _LEAVES.match(text, leave.stop) and _COMES.match(text, come.stop):
            start, end = leave._replace(role="start"), come._replace(role="end")
            return [start, end] if start.at < end.at else [end, start]
    return said


_WORK_OVER = re.compile(r"\s*(?:쯤|정도|경)?\s*(?:에|이면|되면)?\s*(?:끝날|끝나|마칠|마치|마쳐)")
"""After a time: something ends then ("새벽 두시쯤 끝날거 같아요")."""


def work_over(text: str, s: Said) -> bool:
    """Whether the one time said, with no role, is when the parent's work ends: the care's end ("지금 나가야되는데 새벽
    두시쯤 끝날거 같아요"); a child's day finishing ("유치원 2시에 끝나요") is when care starts instead."""
    return not s.role and _WORK_OVER.match(text, s.stop) is not None and (
        CHILD_DAY.search(text, max(0, s.at - 20), s.stop + 8) is None)


def back_then(text: str, said: list[Said]) -> list[Said]:
    """The times with the hour the parent comes back as the end, when only a start is said with it: "밤 9시쯤 올거
    같은데 오후 1시부터 봐줄 곳" is care from 13:00 to 21:00 (a return before the start is no end)."""
    if len(said) != 2 or any(s.role == "end" for s in said) or sum(s.role == "start" for s in said) != 1:
        return said
    start = next(s for s in said if s.role == "start")
    back = next(s for s in said if s is not start)
    if _COMES.match(text, back.stop) is None or not back.sure or back.minutes <= start.minutes:
        return said
    return [start, back._replace(role="end")] if start.at < back.at else [back._replace(role="end"), start]
