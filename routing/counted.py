"""Hours counted from now ("1시간 뒤부터", "30분 후에", "3시간 뒤에 퇴근인데 그때까지"): where they are said, how far
ahead, and whether they are when care begins or when it ends."""

from __future__ import annotations

import re

from routing.clocks import END_ROLE
from routing.hours import HOURS_WORDS
from routing.numbers import NATIVE

_FROM_NOW = re.compile(
    rf"(?:(?:(?<![0-9])(?P<h>[0-9]{{1,2}})|(?<![가-힣])(?P<hn>{HOURS_WORDS}))\s*시간\s*(?P<half>반)?"
    r"|(?<![0-9시])(?<!시 )(?P<m>[0-9]{1,3})\s*분)"
    r"\s*(?:뒤|후|있다가|이따가?)(?:\s*(?:에|부터|쯤|정도))*"
)
"""A time counted from now ("1시간 뒤부터", "30분 후에")."""
_WHO = r"(?:(?:제가|저는|저도|전|남편이|남편은|남편도|신랑이|신랑은|아빠가|아빠는|엄마가|애\s*아빠가|할머니가)\s*)?"
_ENDS_THEN = re.compile(
    rf"\s*(?:면|이면)?\s*{_WHO}(?:퇴근|끝나|끝날|끝난|마치|마칠|마쳐|도착|(?:데리러\s*)?갈\s*수|올\s*수"
    r"|돌아\s*(?:와|오|올)|들어\s*(?:와|오|올)|와요|온대|온다|올\s*(?:거|게|께)|오니까|오는데)"
    r"|[^0-9시]{0,16}?그\s*(?:때|시간|시각)\s*(?:까지|전까지)"
)
"""After the time counted: the parent (or another carer) is back then, so care runs until it ("3시간 뒤에 퇴근인데
그때까지만", "두 시간 후에 끝나요", "한시간 반 뒤에 갈 수 있어요"), not from it ("30분 후에 나가야 해요")."""


def counted(text: str) -> re.Match[str] | None:
    """Where the message counts hours from now, if it does."""
    if ("시간" in text or "분" in text) and ("뒤" in text or "후" in text or "있다" in text):
        return _FROM_NOW.search(text)
    return None


def ends_then(text: str, later: re.Match[str]) -> bool:
    """Whether the time counted from now is when care ends: "3시간 뒤에 데리러 가요", "두 시간 후에 끝나요"."""
    return END_ROLE.match(text, later.end()) is not None or _ENDS_THEN.match(text, later.end()) is not None


def offset(m: re.Match[str]) -> int:
    """Minutes from now of a ``counted`` match."""
    if m["m"]:
        return int(m["m"])
    return (int(m["h"]) if m["h"] else NATIVE[m["hn"]]) * 60 + (30 if m["half"] else 0)
