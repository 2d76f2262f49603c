"""Korean particles (은/는, 이/가, 을/를, 과/와, 으로/로) chosen by how a word, number or name ends when read aloud."""

from __future__ import annotations

import re
from functools import lru_cache
from string import Formatter

PAIRS = {"은": ("은", "는"), "는": ("은", "는"), "이": ("이", "가"), "가": ("이", "가"), "을": ("을", "를"),
         "를": ("을", "를"), "과": ("과", "와"), "와": ("과", "와"), "으로": ("으로", "로"), "로": ("으로", "로"),
         "이에요": ("이에요", "예요"), "예요": ("이에요", "예요")}
"""Either form of a pair names it: the first is said after a final consonant, the second after a vowel."""
_DIGIT_CODA = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ", "7": "ㄹ", "8": "ㄹ", "9": ""}
"""영 일 이 삼 사 오 육 칠 팔 구: the final consonant of each digit read in Sino-Korean."""
_ZEROS_CODA = {1: "ㅂ", 2: "ㄱ", 3: "ㄴ"}
"""십 백 천; four or more zeros end in 만 (ㄴ)."""
_LATIN_CODA = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "ㄹ"}
_CODAS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_CLOCK = re.compile(r"\d:\d\d$")
_ASIDE = re.compile(r"\s*\([^()]*\)$")
_TRAILING = " \t'\")]}>.,!?·~…"


def coda(word: str) -> str:
    """The final consonant (jamo) of ``word`` as read aloud, '' after a vowel: '율곡동' -> 'ㅇ', '#21' -> 'ㄹ'."""
    body = word.rstrip(_TRAILING)
    if word.rstrip().endswith(")") and (inner := _ASIDE.search(word.rstrip())) and inner.start() > 0:
        # '두 아이(4살)가', '아이돌봄서비스 (돌보미 방문)는': a bracket is an aside, the word before it decides
        return coda(word.rstrip()[:inner.start()])
    if not body:
        return ""
    last = body[-1]
    if _CLOCK.search(body):  # 18:00 is read 열여덟 시, 18:30 열여덟 시 삼십 분
        return "" if body.endswith(":00") else "ㄴ"
    if "가" <= last <= "힣":
        return _CODAS[(ord(last) - 0xAC00) % 28].strip()
    if last.isdigit():
        digits = "".join(c for c in body if c.isdigit() or c == ",").replace(",", "")
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros and digits.strip("0"):
            return _ZEROS_CODA.get(zeros, "ㄴ")
        return _DIGIT_CODA[last]
    return _LATIN_CODA.get(last.lower(), "")


def particle(word: str, pair: str) -> str:
    """The form of ``pair`` (either form, or 'X/Y') that follows ``word``."""
    first, second = PAIRS[pair.split("/")[0]]
    end = coda(word)
    if first == "으로":
        return "로" if end in ("", "ㄹ") else "으로"
    return first if end else second


def attach(word: object, pair: str) -> str:
    text = str(word)
    return text + particle(text, pair)


class _Particles(Formatter):
    """``str.format`` where a field's spec names a particle: '{id:을} 열었어요' -> '21을 열었어요'."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.split("/")[0] in PAIRS:
            return attach(value, format_spec)
        return super().format_field(value, format_spec)


_FORMATTER = _Particles()


def ko(template: str, **values: object) -> str:
    parts = _parts(template)
    if parts is None:
        return _FORMATTER.format(template, **values)
    out = []
    for literal, name, spec in parts:
        out.append(literal)
        if name is not None:
            out.append(_FORMATTER.format_field(values[name], spec))
    return "".join(out)


@lru_cache(maxsize=512)
def _parts(template: str) -> tuple[tuple[str, str | None, str], ...] | None:
    """The template's (literal, field name, spec) pieces, parsed once: ``Formatter.format`` parses and walks them in
    Python on every call, a sixth of a correction turn. None when a field needs the rest of ``str.format``'s
    syntax (an attribute or index, a conversion, a nested spec); those templates go through the Formatter."""
    parts = []
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        if name is not None and (not name.isidentifier() or conversion or "{" in (spec or "")):
            return None
        parts.append((literal, name, spec or ""))
    return tuple(parts)
