"""A child called by an endearment or a name (우리 똥강아지, 하윤이): a child where the message tells of one."""

from __future__ import annotations

import re

from knowledge.situation import ChildWords

_CHILD = "아이"
_MINE = "(?:우리|울|내|저희)"
"""Said before an endearment: 우리 공주. Not 우리집 (우리집 강아지 is the family's dog)."""
_ALWAYS = ("똥강아지", "똥깡아지")
"""Endearments said without 우리 too (똥강아지가 안 보여요)."""
_ANIMALS = ("강아지", "강생이")
"""Endearments that are also animals: a child only where the message tells of one (우리 강아지 4살이에요)."""
_TOLD = re.compile(
    "[0-9]{1,2}(?:살|세|개월)|[한두세네]살|다섯살|여섯살|일곱살|유치원|어린이집|학교|학원|놀이터|키즈카페|등원|하원|"
    "등교|하교|초등|[1-6]학년|눈돌린|한눈판|한눈팔|눈을뗀|눈뗀|잠깐사이|잠깐새|미아"
)
"""What tells of a child (an age, a school, a playground, a carer's glance away): a name or an endearment is one."""
_GONE = "(?=없어졌|없어져|없어짐|없어젔|안보여|안보이|안보임|안보인|사라졌|사라져)"
_PARTICLES = ("이가", "이는", "이", "가", "는")
_NAME = re.compile(
    f"([가-힣])([가-힣])(?:{'|'.join(_PARTICLES)}|(?<=^..))(?:또|좀|갑자기|지금|방금|어디)?{_GONE}"
)
"""A name with its particle, or without one at the start of a message (은우 안 보여요), then gone."""
_NAME_ENDS = frozenset(
    "윤준우아서민현은원진연인희호수율훈린유경빈온환혁정영성석재주하예나지솔결찬한담별슬완규후도오리라미혜기운람언겸웅용범태열채"
)
"""Last syllables of most given names (하윤, 서준, 지우, 민서): 지갑, 남편, 택배 end otherwise."""
_NOT_NAMES = frozenset((
    "사람", "자리", "반지", "수건", "우리", "저희", "너희", "소리", "기운", "여유", "이유", "할미", "생리", "사진",
    "고양", "아지", "토끼", "선물", "인형", "안경", "모자", "우산", "카드", "열쇠", "차키", "도장", "서류", "통장",
    "동전", "기저", "장난", "감기", "방학", "교재", "배터", "건전", "리모", "자석", "구슬", "단추", "연필", "하나",
    "우미", "보미", "비원", "직원", "점원", "주인", "아재", "회원", "사원", "요원", "대원", "연인",
))
"""Two syllables before a particle that are words, not names, or the end of one (고양이가, 도우미가, 경비원이)."""


class Nicknames:
    """The knowledge's endearments and pet words, compiled once."""

    def __init__(self, words: ChildWords) -> None:
        names = sorted(words.endearments, key=len, reverse=True)
        self._endeared = re.compile(f"{_MINE}(?:{'|'.join(names)})|{'|'.join(_ALWAYS)}") if names else None
        self._pets = re.compile("|".join(sorted(words.pets, key=len, reverse=True))) if words.pets else None

    def as_children(self, compact: str, age_months: int | None) -> str:
        """``compact`` with a child called by an endearment or a name written 아이, where the message tells of a
        child (an age, a school, a playground) and of no pet (햄스터, 산책, 동물병원); else as it is."""
        if self._endeared is None:
            return compact
        endeared = self._endeared.search(compact)
        named = _NAME.search(compact) if "없" in compact or "보" in compact or "사라" in compact else None
        if endeared is None and named is None:
            return compact
        if self._pets is not None and self._pets.search(self._endeared.sub("", compact)):
            return compact  # 강아지 산책시키다가 우리 강아지가 안 보여요: the dog
        told = age_months is not None or _TOLD.search(compact) is not None
        if endeared is not None and (told or not endeared.group().endswith(_ANIMALS)
                                     or endeared.group().endswith(_ALWAYS)):
            compact = self._endeared.sub(_CHILD, compact)
        return _NAME.sub(_child, compact) if told and named is not None else compact


def _child(m: re.Match[str]) -> str:
    """The name and its particle as 아이가, with what followed the particle (또, 갑자기)."""
    if m.group(2) not in _NAME_ENDS or m.group(1) + m.group(2) in _NOT_NAMES:
        return m.group()
    rest = m.group()[2:]
    for particle in _PARTICLES:
        if rest.startswith(particle):
            return _CHILD + "가" + rest[len(particle) :]
    return _CHILD + "가" + rest
