"""Ages and grades said in English or mixed ("4 year old", "my 7yo", "18 months", "2nd grade") as the Korean words
the age reader knows: a parent writing English gets a Korean and English reply, and the child's age still counts."""

from __future__ import annotations

import re

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "eighteen": 18, "a": 1, "an": 1,
}
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_NUMBER = r"(?:[0-9]{1,2}(?:\.5)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_COUNT = r"(?:[0-9]{1,2}|" + "|".join(w for w in sorted(_NUMBER_WORDS, key=len, reverse=True) if len(w) > 2) + ")"
"""A number said alone ("my son is 4"): not "a"."""


def _unit(tag: str) -> str:
    return rf"(?:(?P<years{tag}>years?|yrs?|y\.\s?o\.?|y/o|yo)|(?P<months{tag}>months?|mos?|mths?|m/o))(?![a-z])"


_NOT_AGE_AFTER = (
    r"(?!\s*(?:pm|am|:|\.[0-9]|o'?clock|hours?|hrs?|days?|weeks?|minutes?|mins?|years?|yrs?|months?|mos?|yo)\b)"
)
"""After "my son is N": N is a time or a span, or a count the other forms read."""
_ENGLISH = re.compile(
    rf"""
    (?<![a-z0-9.])(?P<n1>{_NUMBER})\s*(?:,|&|and)\s*(?P<n>{_NUMBER})\s*-?\s*{_unit("")}(?P<old>\s*-?\s*old(?![a-z]))?
  | (?<![a-z0-9.])(?P<n0>{_NUMBER})(?P<half>\s+and\s+a\s+half)?\s*-?\s*{_unit("0")}
    (?!\s*(?:ago|later|before|after|from\s+now))(?P<old0>\s*-?\s*old(?![a-z]))?
  | (?<![a-z])(?:(?:son|daughter|kid|child|boy|girl|baby|toddler|he|she)(?:'s|\s+is)|aged?)\s+(?:only\s+|just\s+)?
      (?P<said>{_COUNT})(?![0-9a-z]){_NOT_AGE_AFTER}
      (?!\s+and\s+a\s+half|\s*(?:and|&|,)\s*{_COUNT}(?![a-z]))  # "3 and a half years", "5 and 8 years old"
  | (?<![a-z0-9])(?:(?P<g>[1-6])(?:st|nd|rd|th)|(?P<gw>first|second|third|fourth|fifth|sixth))
      \s*-?\s*grade(?:rs?)?(?![a-z])
  | (?<![a-z])grade\s*(?P<g2>[1-6])(?![0-9])
  | (?<![a-z])(?P<born>newborn|new-born)(?![a-z])
  | (?<![a-z])(?P<twins>twins)(?![a-z])
  | (?<![a-z])elementary\s+school(?:\s+(?:student|kid|child|pupil))?(?![a-z])
    """,
    re.VERBOSE | re.IGNORECASE,
)
_SPAN_BEFORE = re.compile(r"(?:for|in|every|past|last|over|next|within)\s+$", re.IGNORECASE)
"""Before a count of years or months: a span of time ("for 2 months"), unless "old" follows."""
_GATE = re.compile("[A-Za-z]")
"""Every English form has Latin letters: a message without them (nearly every one) skips the big pattern."""


def _number(word: str) -> int:
    word = word.lower()
    return int(word.split(".")[0]) if word[0].isdigit() else _NUMBER_WORDS[word]


def _korean(m: re.Match[str]) -> str:
    grade = m["g"] or m["g2"] or (_ORDINAL_WORDS[m["gw"].lower()] if m["gw"] else None)
    if grade:
        return f" {grade}학년 "
    if m["born"]:
        return " 신생아 "
    if m["twins"]:
        return " 쌍둥이 "
    if m["said"]:
        return f" {_number(m['said'])}살 "
    word = m["n"] or m["n0"]
    if word is None:
        return " 초등학생 "
    if not (m["old"] or m["old0"]) and _SPAN_BEFORE.search(m.string, max(0, m.start() - 8), m.start()):
        return m.group()  # "for 2 months": a span of time
    unit = "개월" if m["months"] or m["months0"] else "살"
    half = " 반" if unit == "살" and (m["half"] or word.endswith(".5")) else ""
    first = f"{_number(m['n1'])}{unit} " if m["n1"] else ""
    return f" {first}{_number(word)}{unit}{half} "


def korean_ages(text: str) -> str:
    """The text with each English age or grade in the Korean words for it (spaced apart from the words around it);
    the text itself when it has none."""
    if _GATE.search(text) is None:
        return text
    return _ENGLISH.sub(_korean, text)
