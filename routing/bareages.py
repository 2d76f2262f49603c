"""Ages written as a bare number beside a word that says whose age it is ("나이 6", "아들(5)", "첫째 7 둘째 5"), as
"N살" for the age reader: parents filling in what a form would ask write them so."""

from __future__ import annotations

import re

_BARE = re.compile(
    r"(?:(?P<age>나이|연령)\s*(?:는|은|가|이|:)?"
    r"|(?<![가-힣])(?P<who>딸|아들|아기|애기|손녀|손자|조카|첫째|둘째|셋째|넷째|막내|큰애|작은애|큰아이|작은아이)"
    r"\s*(?:는|은|가|이|이는|:)?)"
    r"\s*(?P<open>\(\s*)?(?P<full>만\s*)?(?P<n>[0-9]{1,2})(?![0-9])"
    r"(?!\s*(?:[0-9:~\-.]|시|일|월|명|개|번|분|주|년|학년|살|세|쌀|돌|달|반|등|층|호|동|차|kg|cm|킬로|센티|%|프로))"
)
"""The word, then the number and nothing that makes it a time, a date, a count or a measure."""
_LETTERS = re.compile(r"나이|연령|딸|아들|아기|애기|손[녀자]|조카|째|막내|큰|작은")
"""A message without one of these words (nearly every one) has no bare age."""
_MAX = 13
_COUNTED = re.compile(
    r"(?:딸|아들|손녀|손자)\s*1(?![0-9])\s*(?:명)?\s*[,/]?\s*(?:딸|아들|손녀|손자)\s*[0-9]"
    r"|(?:딸|아들|손녀|손자)\s*[0-9]\s*(?:명)?\s*[,/]?\s*(?:딸|아들|손녀|손자)\s*1(?![0-9])"
)
"""Sons and daughters counted with digits, one of them 1 ("딸2 아들1", "아들 1 딸 1"): counts, not ages."""


def _years(m: re.Match[str]) -> str:
    n = int(m["n"])
    least = 1 if m["age"] or m["open"] else 2  # "아들1 딸1" counts children; "나이 1" and "아들(1)" are ages
    if not least <= n <= _MAX:
        return m.group()
    return f"{m.group()}살"


def spelled_ages(text: str) -> str:
    """The text with each bare age followed by 살 ("딸 5, 아들 3" -> "딸 5살, 아들 3살"); the text itself when it has
    none, or when its numbers count sons and daughters ("딸2 아들1")."""
    if _LETTERS.search(text) is None:
        return text
    if ("딸" in text or "손" in text) and _COUNTED.search(text):
        return text
    return _BARE.sub(_years, text)
