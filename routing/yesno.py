"""A yes or a no a message opens with ("네", "아니요, 5살이에요", "아 그냥 동의할게요"), and where the rest starts."""

from __future__ import annotations

import re

from routing.letters import first_letters

_NO = re.compile(
    r"(?:아니요|아니오|아뇨|아녜요|아니에요|아닙니다|아니야|아입니더|아입니다|아니라예|아니예|아니|싫어요|싫어|싫습니다"
    r"|비동의|노노|ㄴㄴ|nope|no|n"
    r"|동의\s*안\s*(?:함|해요|합니다|할게요|할래요)?|동의\s*하지\s*않|동의\s*못)"
    r"(?=$|[\s,.!?~^;:)ㅎㅋㅠㅜ]|[0-9])",
    re.IGNORECASE,
)
_YES = re.compile(
    r"(?:네+|넹|넵|예+|응+|웅|ㅇㅇ|ㅇㅋ|오케이|오키|okay|ok|yes|y|좋아요|좋아|좋습니다|좋네요|좋죠|그래|그렇죠|그렇습니다"
    r"|동의(?:합니다|해요|함|할게요|할래요)?|맞아요|맞아|맞습니다|맞네요|맞죠|맞다|맞심더|그래요|그럼요|알겠습니다|알겠어요"
    r"|콜)"
    r"(?=$|[\s,.!?~^;:)ㅎㅋㅠㅜ])",
    re.IGNORECASE,
)
_ANSWER_LETTERS = (first_letters(_NO.pattern) or frozenset()) | (first_letters(_YES.pattern) or frozenset())
"""Letters an answer word starts with; read without IGNORECASE, so only for Hangul and digits, which have no case."""
_COUNTED = re.compile(r"\s*(?:살|시|명|개월|번|째|돌|분|달|주|세)")
"""'네 살', '예 시' (four years old, ...): a number, not an answer."""
_LEAD = " \t\"'([{<-~.,!?·*"
_FILLER = re.compile(r"(?:(?:아+|어+|음+|흠+|으음|그냥|그럼|그러면|뭐|저기|저|일단)(?:\s+|\s*[,.~]+\s*))+")
_FILLER_LETTERS = frozenset("아어음흠으그뭐저일")


def answer(text: str) -> tuple[bool | None, int]:
    """(yes, where the rest starts) when the message opens with an answer word, else (None, 0)."""
    body = text.lstrip(_LEAD)
    if body[:1] in _FILLER_LETTERS:
        filler = _FILLER.match(body)
        if filler:
            body = body[filler.end() :]  # "아 그냥 동의할게요": the filler is not the answer
    offset = len(text) - len(body)
    if body[:1] not in _ANSWER_LETTERS and ("가" <= body[:1] <= "힣" or "0" <= body[:1] <= "9"):
        return None, 0  # "4살 …", "오늘 …": no answer word starts so (letters with no case: the test is exact)
    m = _NO.match(body)
    if m:
        return False, offset + m.end()
    m = _YES.match(body)
    if m and not _COUNTED.match(body, m.end()) and body[m.end() : m.end() + 1] != "?":  # "네?" asks back
        return True, offset + m.end()
    return None, 0
