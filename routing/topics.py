"""Which services a message names by their topic words, or by a service's name typed with one letter wrong."""

from __future__ import annotations

import re
from collections.abc import Iterable

from knowledge.schema import Service
from routing.gates import gated, two_letters
from routing.numbers import trie

_DESCRIBED = re.compile(r"(?:가정|층|자|가족)?(?:인데|이에요|이예요|예요|이라서|이라|라서|이고|입니다|이거든요|이어서)")
"""Right after a topic word: it says who the family is ("한부모인데", "조손가정이에요"), not what is asked."""
_USED_BEFORE = re.compile(
    r"[가-힣]{0,10}?(?:었었|았었|였었|했었|렀었|썼었|봤었|갔었)|(?:센터|에)?(?:다니는|다니고|다녀요|다녔)(?!지)"
    r"|(?:센터|서비스)?(?:에|를|을)?(?:보내고있|보내는데|보내고있는데|쓰는데|쓰고있|이용하는데|이용중|선생님오시던|선생님이오시던|오시던)"
)
"""Right after a topic word (spaces removed), a past perfect or the child attending it: the service was used before
("119돌봄센터 한번 이용했었는데요 이번엔 급한 건 아니고") or is where the child goes ("다함께돌봄센터 다니는 초3 딸인데
금요일엔 일찍 닫아서 … 집으로요", "다함께돌봄센터 보내고 있는데 맘지원센터 상담은"), not what is asked now."""
_OWN_TIME = re.compile(r"[가-힣]{0,3}?(?:을|를)?(?:듣게|다니게|배우게|받게|나가게)(?:돼|되|됐)")
"""Right after a topic word: the carer's own class or appointment, the reason care is needed ("복지관 수업을 듣게
돼서 … 맡길 데"), not what is asked."""
_MINE = "제내"
"""Right before a topic word: my own ("제 건강검진이 있어서"), with ``_REASON`` after it."""
_REASON = re.compile(
    r"(?:이|가)?(?:있어서|있는데|있거든|있어가지고|잡혀서|잡혀있어서|예약돼서|예약되어서|때문에|이라서|라서|받으러|받는동안)"
)
"""Right after a topic word said as the carer's own: the reason care is asked ("제 건강검진이 있어서 … 맡기고 싶어요"),
not what is asked."""
_ERRAND = re.compile(
    r"[가-힣]{0,2}?(?:을|를)?(?:받으러|하러|보러)\s*(?:가는데|가야|갈때|가서|가거든|가요)"
    r"|(?:예약|약속|일정)(?:이|을)?(?:있어서|있는데|있거든|잡혀서|잡혀있어서|돼서|되어서|했는데)"
)
"""Right after a topic word, with care asked in the message: the carer's own errand or appointment, the reason care
is needed ("건강검진 받으러 가는데 … 봐줄곳", "상담 예약이 있어서 … 봐주실곳"), not what is asked."""
_CARE = re.compile("맡길|맡겨야|맡아줄|봐줄|봐주실|봐주시|돌봐줄|돌봐주실")
_SQUABBLE = re.compile(
    r"(?:을|를|이|가|도|으로|로|때문에)?(?:뺏|빼앗|던지|던져|던졌|부수|부숴|부셔|망가뜨|가지고싸|갖고싸|싸우|싸워|싸움)")
"""Right after a topic word: a thing children fight over ("장난감 뺏고 밀치고"), not a loan asked about."""
_DECLINED = re.compile(
    r"(?:는|은|도|가|이|를|을|쓰기|쓰는건|쓰는거|부르기|부르는건)?(?:너무|좀|넘)?(?:부담|비싸|비쌀|비싼|감당이안|싫)"
)
"""Right after a topic word: the service is what the parent cannot afford or does not want ("민간 베이비시터는
부담돼요 무료로 맡길 곳"), not what is asked."""
_ASKED = re.compile(
    r"(?:도|은|는|이|가|을|를|만|같은거|같은것)?(?:좀|혹시)?"
    r"(?:되나|돼나|되요|돼요|되는지|될까|가능|있나|있을까|있는지|있어요|받을수|받고싶|받을데|받을곳|받아볼|받아보|신청|문의|할수있|알려"
    r")|(?:에서|에)(?:도|는)?(?:해요|하나요|하는지|하죠|하는거|하는것|운영하|있나|있어요|있는지|있죠)"
)
"""Right after a topic word: the question asks about it ("… 맘지원센터에서 해요?": what that place does)."""
_WHERE_TO_ASK = re.compile("물어|문의|어떤게있|어떤거있|어떤데|어떤곳|어디어디|뭐가있|뭐있|뭐뭐|몰라|이사")
"""In a topic word: it asks where to ask or what there is ("물어볼 데", "어디서 문의", "어떤데가 있어요"), or says the
family has just moved here, naming no subject of its own: beside a topic word, the topic is what is asked."""
_WHAT_TO_DO = re.compile(r"(?:뭐|뭘|무얼|무엇을)$")
"""Right before a topic word such as 할지고민: what to do with the children ("애들이랑 뭐할지 고민"), not which
service to choose: it names no subject of its own, so a topic said beside it comes first."""
_CHOOSING = re.compile(
    r"(?:(?<![뭐뭘얼엇])할|쓸|보낼|맡길)지(?:말지)?고민|(?:뭐가|어디가|어느게|어떤게)(?:나을|좋을|맞을)")
"""Choosing between services ("어린이집 보낼지 아이돌보미 쓸지 고민되는데"): the guidance hub first, the services named
after it."""
_START = re.compile(r"(?:어디서|어디|뭐|무엇|뭘)(?:부터|먼저)(?:물어|알아|문의|시작|해야|하)")
_MANY = re.compile(
    r"할(?:게|거|것|일)(?:이|도)?(?:너무|넘|엄청|진짜|참)?많|이것저것|여러가지|한두가지가아니|한둘이아니")
"""Where to start (``_START``) among several things to do ("어린이집 대기도 걸어야 되고 장난감 빌리는 데도 알아봐야 되고
할게 너무 많네요 어디서부터 물어봐야"): with the guide's word and another service's, the guide first."""
_GUIDE = "상담"
"""The topic word of the service that guides parents between services (mom-center's)."""
_NAME = re.compile(r"[0-9가-힣]+")
_SHORTEST_NAME = 5
"""Names this long or longer are found with one inner letter mistyped ("장냔감도서관"); a shorter one would take
other words for it."""


def _misspelt(services: Iterable[Service]) -> tuple[tuple[str, ...], re.Pattern[str] | None, dict[str, str]]:
    """Each service's name (up to a bracket or space) with any one inner syllable standing for another: the first
    and last letters stay, so a name can be found at all only where its first two or last two letters are."""
    names: dict[str, str] = {}
    for service in services:
        m = _NAME.match(service.name)
        if m is not None and len(m.group()) >= _SHORTEST_NAME:
            names.setdefault(m.group(), service.id)
    variants = [
        re.escape(name[:i]) + "[가-힣]" + re.escape(name[i + 1 :])
        for name in names for i in range(1, len(name) - 1) if "가" <= name[i] <= "힣"
    ]
    anchors = tuple({a for name in names for a in (name[:2], name[-2:])})
    return anchors, re.compile("|".join(variants)) if variants else None, names


class TopicFinder:
    """Compiled once per knowledge; ``find`` is a pure function of the message without spaces."""

    def __init__(self, services: Iterable[Service]) -> None:
        services = tuple(services)
        owners: dict[str, list[str]] = {}
        for service in services:
            for word in service.topics:
                owners.setdefault(word.replace(" ", ""), []).append(service.id)
        self._owners = owners
        # the hundred topic words' first-letter branches behind tests of four runs of them: a quarter faster; in
        # front, a test of a word's first two letters: most places of a message fail there (a quarter again)
        self._words = re.compile(two_letters(owners) + gated(re.compile(trie(owners)), per=128, within=32).pattern) \
            if owners else None
        self._anchors, self._names, self._name_owner = _misspelt(services)
        self._guide = owners[_GUIDE][0] if _GUIDE in owners else None

    def _matches(self, compact: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """(start, end, service ids) of every topic word and mistyped service name, in the message's order."""
        found = [(m.start(), m.end(), tuple(self._owners[m.group()]))
                 for m in self._words.finditer(compact)] if self._words is not None else []
        if self._names is not None and any(a in compact for a in self._anchors):
            typed = [(m.start(), m.end(), m.group()) for m in self._names.finditer(compact)]
            for start, end, name in typed:
                if name in self._name_owner or any(s < end and start < e for s, e, _ in found):
                    continue  # spelt right (its topic words find it), or inside a topic word found
                found.append((start, end, (self._name_owner[self._spelt(name)],)))
            found.sort()
        return found

    def _spelt(self, typed: str) -> str:
        return next(n for n in self._name_owner if len(n) == len(typed)
                    and sum(a != b for a, b in zip(n, typed, strict=True)) == 1)

    def find(self, compact: str) -> tuple[tuple[str, ...], bool]:
        """The services whose topics the message names, and whether every topic word only says who the family is
        ("한부모인데", "조손가정이에요"), asking nothing about it."""
        seen: dict[str, None] = {}
        asked: dict[str, None] = {}
        pointers: dict[str, None] = {}
        """Services named only by words asking where to ask or what there is ("물어볼 데", "어떤게 있는지")."""
        described = True
        for start, end, ids in self._matches(compact):
            if _USED_BEFORE.match(compact, end) is not None:
                continue  # "작년엔 아이돌보미 선생님 불렀었는데": a service used before, not what is asked now
            if _DECLINED.match(compact, end) is not None or _SQUABBLE.match(compact, end) is not None:
                continue  # "베이비시터는 부담돼요": turned down; "장난감 뺏고": fought over; not asked
            if _ERRAND.match(compact, end) is not None and _CARE.search(compact) is not None:
                continue  # "건강검진 받으러 가는데 … 봐줄곳": the carer's errand, the reason care is asked
            if _OWN_TIME.match(compact, end) is not None or (
                    compact[start - 1 : start] in _MINE and start and _REASON.match(compact, end) is not None):
                continue  # "복지관 수업을 듣게 돼서": the carer's own time, the reason care is asked
            described = described and _DESCRIBED.match(compact, end) is not None
            what_to_do = compact.startswith("할", start) and bool(_WHAT_TO_DO.search(compact, max(0, start - 4), start))
            where = what_to_do or _WHERE_TO_ASK.search(compact, start, end) is not None
            for sid in ids:
                if where and sid not in seen:
                    pointers.setdefault(sid, None)
                elif not where:
                    pointers.pop(sid, None)
                seen.setdefault(sid, None)
                if _ASKED.match(compact, end) and not where:
                    asked.setdefault(sid, None)
        if self._guide in seen and len(seen) > 1 and (_CHOOSING.search(compact) is not None or (
                _START.search(compact) is not None and (len(seen) > 2 or _MANY.search(compact) is not None))):
            return (self._guide, *(sid for sid in seen if sid != self._guide)), False
        if pointers and len(pointers) < len(seen):
            # "예방접종 언제 맞춰야 되는지 물어볼 데": the topic is what is asked; where to ask only says how
            rest = [sid for sid in seen if sid not in pointers]
            return (*(s for s in rest if s in asked), *(s for s in rest if s not in asked), *pointers), False
        if asked and len(seen) > 1:  # "장난감 뺏겨 울었는데 형제싸움도 상담 되나요": what the question asks comes first
            return (*asked, *(sid for sid in seen if sid not in asked)), False
        return tuple(seen), described and bool(seen) and not asked
