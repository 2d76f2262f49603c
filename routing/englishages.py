"""Ages and grades said in English or mixed ("4 year old", "my 7yo", "18 months", "2nd grade") as the Korean words
the age reader knows: a parent writing English gets a Korean and English reply, and the child's age still counts."""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "eighteen": 18, "a": 1, "an": 1,
}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_NUMBER = r"[0-9]{1,2}(?:\.5)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_ENGLISH = re.compile(
    rf"""
    (?<!for\s)(?<!in\s)(?<!every\s)(?<!past\s)(?<!last\s)(?<!over\s)(?<!next\s)  # "for 2 months": a span
    (?<![a-z0-9.])(?P<n>{_NUMBER})(?P<half>\s+and\s+a\s+half)?\s*-?\s*
    (?:(?P<years>years?|yrs?|y\.\s?o\.?|y/o|yo)|(?P<months>months?|mos?|mths?|m/o))(?![a-z])
    (?!\s*(?:ago|later|before|after|from\s+now))(?:\s*-?\s*old(?![a-z]))?
  | (?<![a-z0-9])(?:(?P<g>[1-6])(?:st|nd|rd|th)|(?P<gw>first|second|third|fourth|fifth|sixth))
      \s*-?\s*grade(?:rs?)?(?![a-z])
  | (?<![a-z])grade\s*(?P<g2>[1-6])(?![0-9])
  | (?<![a-z])(?P<born>newborn|new-born)(?![a-z])
  | (?<![a-z])(?P<twins>twins)(?![a-z])
  | (?<![a-z])elementary\s+school(?:\s+(?:student|kid|child|pupil))?(?![a-z])
    """,
    re.VERBOSE | re.IGNORECASE,
)
_GATE = re.compile(r"[yY]|[mM][oOtT/]|[gG]rade|[bB]orn|[tT]wins|[eE]lementary")
"""Every English form holds one of these: a Korean message without them skips the big pattern."""


def _korean(m: re.Match[str]) -> str:
    grade = m["g"] or m["g2"] or (_ORDINAL_WORDS[m["gw"].lower()] if m["gw"] else None)
    if grade:
        return f" {grade}학년 "
    if m["born"]:
        return " 신생아 "
    if m["twins"]:
        return " 쌍둥이 "
    if m["n"] is None:
        return " 초등학생 "
    word = m["n"].lower()
    half = bool(m["half"]) or word.endswith(".5")
    n = int(word.split(".")[0]) if word[0].isdigit() else _NUMBER_WORDS[word]
    if m["months"]:
        return f" {n}개월 "
    return f" {n}살{' 반' if half else ''} "


def korean_ages(text: str) -> str:
    """The text with each English age or grade in the Korean words for it (spaced apart from the words around it);
    the text itself when it has none."""
    if _GATE.search(text) is None:
        return text
    return _ENGLISH.sub(_korean, text)
