"""Days a message tells about, not asks for: 지난주 토요일, 작년 추석, "토요일에 봐주셨던 분" are a story."""

from __future__ import annotations

import re

_PAST = "".join(
    chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 20 and chr(c) not in "있겠"
)
"""Syllables ending in ㅆ, the past tense (했, 셨, 겼, 었 …); 있 (to be) and 겠 (will) are not past."""
_GONE_BEFORE = re.compile(
    r"(?<![0-9])(?<![0-9]\s)(?<![주일달])(?<![주일달]\s)"
    r"(?:지지난|지난|저저번|저번|지난번|재작년|작년|지난해)\s*(?:주|달|번|해)?"
    r"\s*(?:에|의|엔|에는)?\s*$"
)
"""Said right before a day, the day is gone ("지난주 토요일", "저번 금요일", "지난달 15일"; not "2주 지난")."""
_TOLD_AFTER = re.compile(
    rf"(?:이었|였)|[^.?!\n]{{0,16}}?(?:(?<!기로)(?<!기로\s)(?<!려고)(?<!려고\s)[{_PAST}](?:던|었)"
    r"|(?:맡겼|봐\s*주셨|봐\s*줬|봐\s*주었|돌봐\s*주셨|돌봐\s*줬|이용했|보냈|다녀왔|갔었|왔었|다녔)"
    r"(?:는데|어요|고|지만|습니다|더니|으니|어서)"
    r"|(?:전화|연락|문의|통화|상담)\s*(?:했|드렸|했었)(?:는데|어요|고|지만|습니다|더니)"
    r"|(?:맡긴|봐\s*주신|봐\s*준|돌봐\s*주신|돌봐\s*준|이용한|다녀온|보낸)\s*(?:분|곳|데|선생님|시터|거|것|집))"
)
"""After a day in its clause, what happened then ("토요일에 봐주셨던", "맡겼었는데", "토요일이었는데"); a plan made
before ("토요일에 봐주기로 했던 할머니가") is about the day ahead."""
_ARRIVES = re.compile(r"(?:이나|나|에나|에야|이\s*돼야|이\s*되어야)\s*(?:올|와|오|돌아|도착|퇴원)")
"""Right after a day, someone comes only then ("남편은 내일이나 올 수 있어요"): when help arrives, not the care day."""
_UNTIL_THEN = re.compile(
    r"\s*(?:날|에|날에|쯤|쯤에)?\s*(?:(?:돌아|다시|집에|집으로|내려|올라)\s*)?"
    r"(?:(?:오세요|오셔요|오신대요|오신다고|오시니까|오시는데|와요|온대요|온다고|오니까|오는데|와서)\s*[,.]?\s*"
    r"(?:그\s*때\s*까지|그\s*전\s*까지)|(?:오실|올)\s*때\s*까지)"
)
"""Right after a day, the care runs until it ("토요일날 오세요 그때까지 봐줄 데"): the day help comes back, not the
care day."""
_PASSED = re.compile(
    r"\s*(?:이|가|은|는)?\s*(?:지나서|지나고|지나면|끝나고|끝나면|이후에?|전에|앞두고)(?=\s*[^\s월화수목금토일])"
)
"""Right after a day, a day it is after ("현충일 지나서 담주 월요일 6월 14일"): a landmark, not the care day; a weekday
right after it ("추석 지나고 월요일") is read with it (routing.days)."""
_LETTERS = re.compile(f"[난번년긴신준용온낸나야지끝후때{_PAST}]")
"""Every story mark holds one of these letters (이용한 its 용, 내일이나 its 나: 한 and 전 of 오전 are everywhere): most
messages hold none and are not looked at again."""


def may_tell(text: str) -> bool:
    """Whether the text could tell of a day gone (cheap; ``told`` says which day)."""
    return _LETTERS.search(text) is not None


def told(text: str, start: int, end: int, ahead: bool) -> str:
    """How the day said at ``start:end`` is told: "gone" (a past day named so: 지난주 토요일), "story" (with what
    happened then: 토요일에 맡겼던), or "" (a day care may be wanted on). ``ahead`` is a day said as this or next week
    (이번 주, 다음 주), which never is gone."""
    if (_ARRIVES.match(text, end) is not None or _PASSED.match(text, end) is not None
            or ("때" in text and _UNTIL_THEN.match(text, end) is not None)):
        return "story"
    if ahead:
        return ""
    story = _TOLD_AFTER.match(text, end) is not None
    if _GONE_BEFORE.search(text, max(0, start - 10), start):
        return "story" if story else "gone"
    return "story" if story else ""
