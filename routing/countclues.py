"""Clues around a count of children: a count corrected ("둘 아니고 셋"), a count that takes in the parent ("저랑 애기
둘뿐"), 둘 다 after two days' hours (the days), children counted as the ones looked after ("셋을 혼자 보니까"), children
of different kinds counted one each ("애 하나 초등학생 하나"), and an illness only children get with care asked (one
child, no child word)."""

from __future__ import annotations

import re

_WORDS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4}
_RECOUNT = re.compile(
    r"(?:하나|둘|셋|넷|[1-4]\s*명|[한두세네]\s*명)\s*(?:이|이가|가)?\s*아니(?:고|구|라|라고|에요|예요|요)?[\s,.~]*"
    r"(?P<n>하나|둘|셋|넷|[1-4]\s*명|[한두세네]\s*명)(?=\s*(?:이에요|이예요|예요|에요|이요|요|입니다|이고|인데|이라|[.,!?~ㅠㅜ]|$))"
)
"""A count corrected ("애들 둘 아니고 셋이에요", "셋 아니라 둘이요"): the count said after 아니 is the number."""


def recounted(text: str) -> int:
    """The number of children a corrected count says, 0 when no count is corrected."""
    m = _RECOUNT.search(text) if "아니" in text else None
    if m is None:
        return 0
    word = m["n"].replace(" ", "").removesuffix("명")
    return int(word) if word.isdigit() else _WORDS[word]


_WITH_ME = re.compile(r"(?<![가-힣])(?:저|나)\s*(?:랑|하고|와)\s*(?:우리\s*)?$")
_ONLY_TWO = re.compile(r"\s*(?:뿐|밖에|이서|이\s*(?:살|지내|있))")
"""The parent and a baby counted together ("가족 구성이 저랑 애기 둘뿐이라", "저랑 아기 둘이서 살아요"): one child;
"저랑 애 둘뿐" is two children (애 둘)."""


def with_me(text: str, m: re.Match[str]) -> bool:
    """Whether the count 둘 said after a child word (group ``a`` of ``m``) counts the parent too."""
    baby = m["a"] == "둘" and text[m.start() : m.start() + 2] in ("애기", "아기")
    return baby and _WITH_ME.search(text, max(0, m.start() - 8), m.start()) is not None and (
        _ONLY_TWO.match(text, m.end("a")) is not None)


_DAYS = re.compile(r"[월화수목금토일]\s*(?:요일|욜)|오늘|내일|모레")
_SENTENCE = re.compile(r"[.?!\n]")


def days_both(text: str, at: int) -> bool:
    """Whether 둘 다 at ``at`` follows two different days named in its sentence ("수요일 오후 세시~일곱시, 목요일은
    오후 한시~다섯시 둘다 필요해요": both days)."""
    start = max(0, at - 50)
    for m in _SENTENCE.finditer(text, start, at):
        start = m.end()
    return len({"".join(m.group().split())[:1] for m in _DAYS.finditer(text, start, at)}) > 1


_CARED = re.compile(
    r"(?<![가-힣])(?P<n>둘|셋|넷)\s*(?:을|를)\s*(?:다\s*)?(?:혼자\s*|혼자서\s*|같이\s*|데리고\s*)?"
    r"(?:보|봐|키우|키워|데리|데려|맡기|맡길|맡겨|재우|재워|챙기|챙겨|돌보|돌봐)")
"""Children counted as the ones looked after ("셋을 혼자 보니까", "둘을 혼자 키우는데"): that many."""


def cared_count(text: str) -> int:
    """How many children the text says are looked after, 0 when it does not say so."""
    m = _CARED.search(text) if "을" in text or "를" in text else None
    return 0 if m is None else _WORDS[m["n"]]


_ONE_OF_A_KIND = re.compile(
    r"(?<![가-힣])(?P<who>애|아이|애기|아기|아가|얼라|초등학생|초딩|유치원생|유치원|어린이집생|중학생|중딩|초\s*[1-6]|[1-6]\s*학년)"
    r"\s*(?:이|은|는)?\s*하나(?=\s|$|[,.~!?]|고|요|이고|랑|이랑|하고|에)"
)
"""A child of one kind counted as one ("애 하나 초등학생 하나"): with another kind counted so, that many children."""


def one_each(text: str) -> int:
    """How many children of different kinds the text counts one each ("애 하나 초등학생 하나": two), 0 unless at
    least two kinds are ("애 하나 키우는데" is one child, counted elsewhere)."""
    found = [m["who"].replace(" ", "") for m in _ONE_OF_A_KIND.finditer(text)]
    return len(found) if len(set(found)) > 1 else 0


_CHILD_ILLNESS = re.compile(r"수족구|수두|구내염|돌발진|성홍열|로타|아데노|모세기관지염|크룹|볼거리|홍역")
_CARE_ASKED = re.compile(r"봐\s*주실|봐\s*줄|봐\s*주세요|맡길|맡아\s*주|돌봐|돌봄|등원|어린이집|유치원")


def sick_child(text: str) -> bool:
    """Whether the text names an illness only children get and asks for care ("수족구 걸려서 … 내일 집에서
    봐주실분"): the sick child is one child, though no child word is said."""
    return _CHILD_ILLNESS.search(text) is not None and _CARE_ASKED.search(text) is not None


OLDER_AND_YOUNGER = re.compile(
    r"(?<![가-힣])(?:애|아이)(?:가|는)\s+(?:[가-힣]{1,6}\s+){0,2}(?<!제\s)(?<!내\s)(?<!저희\s)"
    r"동생(?:을|를|한테|이랑|랑|하고|꺼|거|의)?(?![가-힣])"
    r"|(?<![가-힣])(?<!막내\s)(?<!둘째\s)(?<!작은\s)(?:아들|딸|형|누나|언니|오빠)(?:이|가)\s"
    r"[^.?!]{0,40}?(?<![가-힣])(?:막내|둘째|작은\s*애)(?:가|는|이는)\s*(?:아직\s*|이제\s*)?[0-9]"
)
"""A child said first and a younger one beside it: "애가 하루종일 떼쓰고 동생 괴롭혀서" (the sibling, not the
parent's: 제 동생), "아들이 내일 축구 경기라 … 막내가 아직 14개월" (the son and the youngest): two children."""
