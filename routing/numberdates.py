"""Dates and birth years said in Sino-Korean number words (12월 이십구일, 삼월 오일, 이십육년 삼월생), written as
digits before anything reads the message, so that every reader of dates, ages and birth dates sees what a parent
who typed digits would have written.

Only forms that cannot be ordinary words are rewritten: a month word stands alone (not 매월, not "이 월요일"), a
day word follows a month or is twenty or more (이십구일에), a year is a child's birth year (10-29, 이천 optional)
followed by 생 or a month. Native numbers (세시, 네살) and grades (초삼) are read where hours and ages are.
"""

from __future__ import annotations

import re

from routing.numbers import SINO, SINO_RE, value

_MONTH = {**{w: n for w, n in SINO.items() if n <= 12}, "유": 6, "시": 10}
_MONTH_RE = "|".join(sorted(_MONTH, key=len, reverse=True))
_DAY_END = r"(?=$|[\s0-9,.!?~\-)]|에|부터|까지|날|이나|이면|이라|이에|이예|인데|은|도|쯤|경|엔|로|만|전|후|정도)"
"""After 일 of a date: the message goes on with a space, a sign or a particle (not 일조, 일요일, 일하다)."""
_MONTH_END = rf"""(?![요욜화수목금토])
    (?=(?:{SINO_RE})일|$|[\s0-9,.!?~\-)]|에|부터|까지|생|초|말|중|쯤|경|달|엔|은|도|이나|이면|이라|인데)"""
"""After 월 of a month: not a weekday (월요일, 월화수) and not the start of a longer word (월드, 월급)."""

_DATE = re.compile(
    rf"""
    (?<![가-힣0-9])(?:(?P<mw>{_MONTH_RE})|(?P<md>[0-9]{{1,2}}))월{_MONTH_END}
      (?:\s*(?P<dw>{SINO_RE})일{_DAY_END})?
  | (?<![가-힣0-9])(?P<lone>(?:이|삼)십(?:[일이삼사오육칠팔구])?)일{_DAY_END}
  | (?<![가-힣0-9])(?P<count>{SINO_RE})(?P<unit>일|주)(?=\s*(?:뒤|후|있다가|지나|만에|동안|간))
  | (?<![가-힣0-9])(?P<thousand>이천\s*)?(?P<y>(?:이)?십(?:[일이삼사오육칠팔구])?)\s*년
      (?=\s*(?:생|[0-9]|(?:{_MONTH_RE})월))
    """,
    re.VERBOSE,
)
_CANDIDATE = re.compile("[일이삼사오육유칠팔구시십][일이삼사오육칠팔구십천 ]*[월일주년]")
"""A numeral word before a date unit: a pattern that starts with a set of letters is scanned for fast, so this test
costs a fifth of running ``_DATE`` (whose look-behind comes first) over a message that has no such word."""


def _digits(m: re.Match[str]) -> str:
    if m["y"]:
        year = value(m["y"])
        if year is None or not 10 <= year <= 29:
            return m.group()
        return f"{2000 + year if m['thousand'] else year}년"
    if m["count"]:
        return f"{value(m['count'])}{m['unit']}"
    if m["lone"]:
        day = value(m["lone"])
        return m.group() if day is None or day > 31 else f"{day}일"
    month = _MONTH[m["mw"]] if m["mw"] else int(m["md"])
    if m["dw"] is None:
        return f"{month}월" if m["mw"] else m.group()
    day = value(m["dw"])
    if day is None or day > 31:
        return m.group()
    return f"{month}월 {day}일"


def with_digits(text: str) -> str:
    """``text`` with its Sino-Korean dates and birth years written in digits; unchanged when it has none."""
    return _DATE.sub(_digits, text) if _CANDIDATE.search(text) else text
