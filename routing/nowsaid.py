"""지금 in a parent's message: 'now' (care from now, today), or 'currently' (a state, a routine, where the family
lives), which says nothing about when care is needed."""

from __future__ import annotations

import re

from routing.numbers import NATIVE_RE

_NOW = re.compile(
    rf"지금(?!\s*까지|껏)(?!\s*(?:(?:[0-9]{{1,2}}|{NATIVE_RE})\s*(?:살|세|개월|돌)|초[0-9]|초등\s*[0-9]\s*학년)\s*(?:이|예|입|인|[.!?,~]|$)"
    r"|\s*(?:중학|고등|사는|살고|다니|은\s*괜찮)"
    r"|\s*(?:은|는|도)?\s*(?:[가-힣]{1,4}\s*)?(?:(?:멈췄|멎었|그쳤)(?!는데|지만)|내렸|열\s*(?:이\s*)?없"
    r"|(?:괜찮아|멀쩡)(?![가-힣]{0,2}\s*보)|나았|잘\s*(?:놀|자|먹))"
    r"|\s*(?:은|는|도)?\s*열\s*(?:이|도|은)?\s*(?:좀\s*|다\s*)?(?:내리|내렸|떨어)"
    r"|\s*(?:은|는)\s*[가-힣]{1,5}(?:동|읍|면|도시)(?![가-힣])"
    r"|\s*(?:은|는)?\s*[가-힣]{1,6}?(?:동|읍|면|도시|아파트|자이)\s*(?:에\s*|에서\s*|으로\s*|로\s*)?"
    r"(?:살|사|거주|이에요|이요|입니다|이사)"
    r"|\s*(?:신청|접수|등록|가입)\s*(?:해도|하면|해야|하려|할\s*수)|\s*(?:해도|하면)\s*(?:되|돼|소급|늦지|받을))"
)
"""지금 as 'now', not 'currently' ("지금 4살이에요", "지금 사는 곳", "지금은 부곡동", "지금은 혁신도시 30개월"), nor a
calm state told ("지금은 멈췄고 멀쩡해요", "지금 잘 놀아요", "지금은 열도 내리고"; not a hedge:
"지금은 멈췄는데 안 깨어나요", "멀쩡해 보이긴 하는데"),
'until now' (지금까지) nor a procedure asked about ("지금 신청해도 되나요")."""


_DOING = re.compile(
    r"(?:봐|돌봐|맡아)\s*주(?:시)?는데(?!\s*(?:있|없|찾|알|좀|가능|구))|맡기고\s*있|보내고\s*있|봐\s*주(?:시)?고\s*있"
    r"|(?P<goes>다니는데|다니고\s*있)"
)
_ROUTINE_SAID = re.compile(r"\s*(?:은|는)|.*(?:어린이집|유치원|학교|학원|[0-9]\s*시)", re.DOTALL)


def _routine(text: str, at: int) -> bool:
    """Whether 지금 said before ``at`` tells what is done these days: 지금은 …, or an institution or hours, then what
    is done ("지금은 할머니가 3시부터 7시까지 봐주시는데", "지금 어린이집에서 9시부터 4시까지 봐주는데", "지금 유치원
    다니는데"), not care now ("할머니가 지금 봐주시는데 가셔야 해서", "지금 봐주는데 있나요")."""
    doing = _DOING.search(text, at, at + 40)
    if doing is None:
        return False
    between = text[at : doing.start()]
    if "." in between or "?" in between or "!" in between:
        return False
    return doing["goes"] is not None or _ROUTINE_SAID.match(between) is not None


def says_now(text: str) -> bool:
    """Whether 지금 means 'now' here, not 'currently' ("지금 4살이에요", "지금 할머니가 봐주시는데")."""
    if "지금" not in text:
        return False
    return any(not _routine(text, m.end()) for m in _NOW.finditer(text))
