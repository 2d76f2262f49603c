"""Finding the family's 읍면동 in a message: names, bare stems, legal dongs, aliases and small typos."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from knowledge.schema import Place
from routing.gates import gated, two_letters

SUFFIXES = "동읍면"
COMMON_WORDS = frozenset(
    {"자산", "구성", "대신", "황금", "평화", "다수", "성내", "신음", "대항", "남산", "양천", "증산", "감호", "교",
     "부항", "감천", "대덕"}
)
"""Stems that are also ordinary words or other towns' places (assets, composition, instead, gold, peace,
majority, moan, cupping, Busan's 감천 village, Daejeon's 대덕구, ...):
they name a place only with clear location words after them ("구성 살아요", "자산 쪽")."""
_LOOKALIKE = {"동": "둥똥덩뚱돔돈돋돟됭듕", "읍": "읖읏윱웁음흡", "면": "먼멘몀멱며"}
"""Suffix typos accepted when the stem is exact (율곡둥, 아포읖)."""

_AFTER_NAME = r"(?!생|물|안|시(?!청)|요일|화|원|기|작|창|료|력|결|맹|참|접|허|상|도시)"
"""What may not follow a full name: 동생, 동물, 동안, 동시, 면접, 면허 are other words."""
_PARTICLE = (
    r"(?=$|[^가-힣]|에|이(?!상|하|름|유|번|제|랑)|인|입|은|는|쪽|근처|부근|으로|로|도(?!시)|요|사는|살|주민|거주|의|"
    r"까지|랑|과|와|예|데이|라(?:예|고|서)|임|엔|동네|지역|읍내|면내|사무소|주민센터|행정|"
    r"초(?:등학교|교)?|중학교|고등학교|우체국|농협|파출소|지구대|보건|도서관|시장|마을|센터|분관|지점|점(?=$|[^가-힣]|이|에|은|요|으로|인|입|도))"
)
_CONTEXT = (
    r"(?=(?:시장|초등학교|초교|초(?![가-힣])|중학교|우체국|주민센터|행정복지센터|면사무소|동사무소|농협|파출소|지구대|보건지소|공원)"
    r"|\s*(?:에\s*(?:살|거주|있|사)|에서\s*(?:살|왔|연락|거주|문의)|쪽|근처|부근|사는|살아|살고|거주|주민|지역|동네)"
    r"|(?:이에요|이예요|이요|입니다|이라예|이라요)(?![가-힣])|(?<!대신)(?<!구성)(?<!자산)(?<!황금)(?<!평화)(?<!다수)(?<!신음)\s*[.!~]*\s*$)"
)
"""After a stem that is also a word: words about living there, or the message's end ("… 4살 감천")."""
_BOUNDARY = re.compile(_PARTICLE)
_LIVING = re.compile(
    r"\s*(?:에\s*(?:살|거주|있|사)|에서|쪽|근처|부근|사는|살아|살고|거주|주민|이에요|이예요|이요|입니다|인데"
    r"|이라(?:예|요|서)?|이고|임)"
)
_SAID_ALONE = re.compile(r"\s*(?:$|[,.!?~)/])")
"""A name said on its own (an answer: "개녕면", "개녕면, 4살"), not a verb's -면 inside a sentence ("지내면 3시간")."""
_LEFT = r"(?:(?<![가-힣])|(?<=[시천]))"
_HOME_BEFORE = re.compile(
    r"(?:집은|집이|집도|저희는|저흰|우리는|우린|사는\s*(?:곳|데|동네)\s*(?:은|는|가|이)?|지금은|현재는?|이제는?"
    r"|(?:지금|현재|현)\s*(?:위치|있는\s*(?:곳|데))\s*(?:은|는|가|이)?\s*:?)\s*$"
)
_HOME_WITH = re.compile(
    r"(?<![가-힣])(?<!할머니 )(?<!할아버지 )(?<!할매 )(?<!할배 )(?<!친정 )(?<!시댁 )(?<!외가 )(?<!본가 )(?<!처가 )"
    r"집\s*(?:이랑|하고|과|이나|도)\s*(?:애\s*|아이\s*)?[가-힣]{1,4}?\s*(?:은|는|도|이|가|다|둘\s*다|모두)\s*$"
)
"""The home said with another place ("집이랑 학교는 성내동"): still the home, though 학교는 alone would be away."""
_AWAY_BEFORE = re.compile(
    r"(?:회사|직장|일터|근무지|할머니|할머니댁|할머니\s*집|할아버지|할매|할배|친정|시댁|시가|외가|본가|처가|전에는?|전엔|예전에는?|예전엔"
    r"|원래는?"
    r"|어린이집은?|학교는?)\s*(?:은|는|이|가|도|댁|집|이랑|댁이|댁은)?\s*$"
)
_HOME_AFTER = re.compile(
    r"\s*(?:에|에서|으로|로)?\s*(?:살아|살고|삽니다|사는|거주|이사\s*(?:왔|온|와|했)|로\s*이사|으로\s*이사)"
    r"|\s*(?:쪽|근처|부근)?\s*(?:이|가|에)?\s*(?:저희|우리)?\s*집(?:이에요|이예요|이요|입니다|이고|인데|이라|임|있|이\s*있|(?![가-힣]))"
    r"|\s*(?:이에요|이예요|에요|예요|입니다|이요)\s*[.!~]*\s*$"
)
"""Living there: "…에 살아요", "증산 쪽이 집이에요", "율곡동에 집이 있어요", the message ending on "…백옥동이에요"."""
_AWAY_AFTER = re.compile(
    r"\s*(?:에|에서|으로|로|은|는|이|가)?\s*(?:살았|살던|살다가|이사\s*가|근무|출근|일해|일하|다녀요|직장|회사|에\s*있는\s*회사)"
    r"|\s*(?:에\s*(?:있는|사는|계신)\s*)?(?:할머니|할아버지|할매|할배|친정|시댁|외가|본가|처가)"
    r"|\s*(?:에|에서)\s*(?:입원|진료|치료|수술|검사)"
    r"|\s*(?:이|가)\s*(?:제일\s*|더\s*|좀\s*)?(?:가까워|가깝|가까운\s*편|멀어|멀긴)"
    r"|\s*에\s*(?:도|는|만)?\s*(?:있다던|있다는|있다고|있대|있던데|생겼다던|생겼다는|생겼대)"
    r"|\s*(?:에|으로|로)\s*(?:[가-힣]+\s+){0,2}?(?:맡기러|맡기려고|가다가|가던\s*길|가는\s*(?:길|중))"
)
"""Somewhere else: work, grandma's, a hospital, where they were on the way to ("봉산면에 애들 맡기러 가다가"), where a
service is said to be ("장난감 도서관 율곡동에 있다던데") and a place said to be near ("꿈자람이 가까워요 양금동")."""
_ME_BEFORE = re.compile(r"(?<![가-힣])저(?:는|도)?\s*$")
_ME_AFTER = re.compile(r"\s*(?:이라|라|인데|이에요|예요|에요|이요|이고|임|이거든요|거든요)(?![가-힣])|\s*(?:이라|라)서")
"""The parent's own place ("저 개령면이라 넘 멀어요", "저는 아포읍인데"), not 저 as "that" ("저 율곡동 가는 길")."""
_CARE_HERE = re.compile(
    r"\s*(?:쪽|근처|부근)?\s*(?:에|에서|으로|로)\s*(?:(?:애|아이|애기|아기|애들|아이들|딸|아들|애를|아이를|아기를|애기를|좀|잠깐|잠시"
    r"|하루|정도|오전|오후|낮|저녁|[0-9]{1,2}\s*(?:시간|살|개월))\s*)*"
    r"(?:맡기고\s*싶|맡길|맡기려는|맡기면|맡겨|봐\s*줄|봐\s*주실|봐\s*주시는|돌봐\s*줄)"
)
"""Where the parent wants the care ("혁신도시 쪽에 애 4시간 정도 맡길 수"; not "…에 맡기러 가다가", the way somewhere):
over a place merely passed through, not over the home unless the care is on the way ("출근하면서 혁신도시 쪽에")."""
_ON_THE_WAY = re.compile(r"(?:출근\s*하면서|출근\s*길에|출근하는\s*길에|가는\s*길에|가면서|내려서\s*(?:바로)?)\s*$")
"""Right before the place the care is wanted: on the parent's way there ("출근하면서", "역에서 내려서 바로")."""
_HELD_AT = re.compile(r"\s*(?:에서|서)\s*(?:하는|하던|열리는|열린|운영하는|진행하는|주최하는)")
"""Where a programme is held ("시청에서 하는 학습지원 프로그램"): the place of the programme, not the family's."""
_ASKED_ABOUT = re.compile(
    r"\s*(?:은|는|이|가)?\s*(?:몇\s*시|언제|위치|어디|전화\s*번호)|\s*(?:에서|서)\s*(?:도\s*)?(?:해요|하나요|하는지|하죠|해\s*[?？])"
    r"|\s*(?:에|으로|로)\s*(?:가려면|가는\s*길|어떻게\s*가)|\s*(?:지하\s*)?[0-9]{1,2}\s*층"
    r"|\s*(?:에|으로|로|을|를)?\s*(?:가야|가봐야|가면|방문해야|찾아가야)\s*(?:되|돼|하|할)(?:나|는지|죠|까|요\s*[?？])"
)
"""A landmark asked about as a service's place ("맘지원센터 몇시까지 해요?", "시청에서 해요?", "맘지원센터 가려면",
"시청 가야되나요?", "맘지원센터 2층에 있는거 맞죠?": a floor of the building):
where the parent would go, not where the family lives."""
_AT_SITE = re.compile(
    r"\s*(?:센터\s*)?(?:에서|에|은|는|도)?\s*(?:엄마들?\s*|애들?\s*|저희\s*)?"
    r"(?:모임|공간|자리|빈\s*자리|대기|빌리|빌릴|빌려|대여|예약|신청|등록|회원)"
)
"""A service site's name used to ask for its room or its places ("맘지원센터에서 모임 공간 빌릴수", "꿈자람 센터 자리
있나요"): where the parent would go, not where the family lives ("맘지원센터 근처 살아요" still is)."""
_AWAY_AFTER_MOVED = re.compile(r"(?:\s*[가-힣]{1,4}리)?\s*(?:에서|서)\s*(?:이사|왔|옮)")
_MOVED_FROM = re.compile(r"(?:\s*[가-힣]{1,4}리)?\s*(?:에서|서)\s*[가-힣]{2,5}\s*(?:으로|로)\s*(?:가|이사|옮)")
"""Moving from here to there ("남면 옥산리에서 율곡동으로 가요"), with 이사 said: the place they leave."""
_SUFFIX_LETTERS = re.compile(f"[{''.join(SUFFIXES + ''.join(_LOOKALIKE.values()))}]")
_CANDIDATE = re.compile(f"[가-힣]{{1,5}}[{SUFFIXES}{''.join(_LOOKALIKE.values())}]")


def _spaced(form: str) -> str:
    """A long alias may be typed with spaces inside ("김천 혁신도시"); short names may not ("제 대신 동")."""
    if len(form) >= 4:
        return r"\s?".join(re.escape(c) for c in form)
    return re.escape(form)


def _by_letter(forms: Iterable[str], render: Callable[[str], str] = re.escape) -> str:
    """The forms' alternation, in their order, behind one branch per first letter ("김(?:천역|천시)|율(?:곡동)"):
    two forms with different first letters never match at one place, so what is found is the same, but the regex
    engine tests each letter once at a place instead of every form in turn."""
    groups: dict[str, list[str]] = {}
    for form in forms:  # keyed lower-case: the pattern ignores case, and K and k must stay one branch
        head = re.escape(form[0])
        groups.setdefault(form[0].lower(), [head]).append(render(form)[len(head) :])
    return "|".join(f"{head}(?:{'|'.join(tails)})" for head, *tails in groups.values())


class PlaceFinder:
    """Compiled once per knowledge; ``find`` returns the canonical name of the first place the text names."""

    def __init__(self, places: Iterable[Place], sites: Iterable[str] = ()) -> None:
        """``sites``: the names of the services' sites ("다함께돌봄센터 꿈자람")."""
        self._canonical: dict[str, str] = {}
        owners: dict[str, set[str]] = {}
        places = list(places)
        self._landmarks = {re.sub(r"\s", "", a).upper() for place in places for a in place.aliases}
        """Aliases (complexes, schools, stations): said after an area name, a part of that area."""
        names = [re.sub(r"\s", "", site).upper() for site in sites]
        self._sites = {a for a in self._landmarks if any(a in name for name in names)}
        """Aliases that name a service's site (맘지원센터, 꿈자람)."""
        for place in places:
            for form in (place.name, *place.legal, *place.aliases):
                key = re.sub(r"\s", "", form)
                self._canonical[key] = place.name
                self._canonical[key.upper()] = place.name
                if key[-1] in SUFFIXES and len(key) >= 3:
                    owners.setdefault(key[:-1], set()).add(place.name)
        stems = {s: next(iter(o)) for s, o in owners.items() if len(o) == 1 and s not in self._canonical}
        self._canonical.update(stems)
        by_length = sorted(set(self._canonical) - set(stems), key=len, reverse=True)
        full = _by_letter((f for f in by_length if len(f) >= 3), _spaced)
        short = _by_letter(f for f in by_length if len(f) < 3)
        safe = _by_letter(s for s in sorted(stems, key=len, reverse=True) if s not in COMMON_WORDS)
        risky = _by_letter(s for s in sorted(stems, key=len, reverse=True) if s in COMMON_WORDS)
        parts = [f"(?:{full}){_AFTER_NAME}"]
        if short:
            parts.append(f"{_LEFT}(?:{short}){_PARTICLE}")
        if safe:
            parts.append(f"{_LEFT}(?:{safe}){_PARTICLE}")
        if risky:
            parts.append(f"{_LEFT}(?<!가족 )(?<!가족)(?:{risky}){_CONTEXT}")  # 가족 구성: a family, not 구성면
        # a name's first two letters tested first: most places of a message (아, 다, 시 ...) fail there
        front = two_letters(self._canonical, spaced=True)
        self._exact = gated(re.compile(f"{front}(?:{'|'.join(parts)})", re.IGNORECASE))
        targets = [f for f in by_length if len(f) >= 3 and f[-1] in SUFFIXES]
        self._typos = {t[:-1] + c: t for t in targets for c in _LOOKALIKE[t[-1]]}
        """Names with a mistyped suffix (율곡둥 -> 율곡동), looked up whole."""
        self._near: dict[tuple[int, str], list[str]] = {}
        """Names by (length, first letter): a short name's typo keeps its first letter (율콕동, 양곰동)."""
        self._near_verbs: dict[tuple[int, str], list[str]] = {}
        """Short 면 names: the -면 of 지내면, 어쩌면 sits one letter away from 지례면, 어모면, so their typos
        count only before words about living there ("감첨면에 살아요")."""
        for t in targets:
            index = self._near_verbs if len(t) < 4 and t[-1] == "면" else self._near
            index.setdefault((len(t), t[0]), []).append(t)
        self._lengths = sorted({len(t) for t in targets})
        self._by_length: dict[int, list[str]] = {}
        for t in targets:
            self._by_length.setdefault(len(t), []).append(t)

    def find(self, text: str) -> str | None:
        """The family's place: with several places named, the one they live in now (not the one they moved
        from, work in, or where grandma lives); ties go to the first named."""
        named: list[tuple[int, int, str]] = []
        for m in self._exact.finditer(text):
            n = self._name(m.group())
            if n is None or _HELD_AT.match(text, m.end()) is not None:
                continue
            key = "".join(m.group().split()).upper()
            if _ASKED_ABOUT.match(text, m.end()) and key in self._landmarks:
                continue  # a landmark asked about as a service's place; an area name so asked is still the family's
            if key in self._sites and _AT_SITE.match(text, m.end()):
                continue
            if named and not text[named[-1][1] : m.start()].strip() and "".join(m.group().split()).upper() in (
                    self._landmarks):
                # "혁신도시 센트럴자이", "부곡동 센트럴자이": an address from the area down, one place; the area the
                # parent names wins over the staff's alias (complexes of one brand stand in several areas)
                named[-1] = (named[-1][0], m.end(), named[-1][2])
                continue
            named.append((m.start(), m.end(), n))
        if not named:
            return self._fuzzy(text)
        if len(named) == 1 or all(n == named[0][2] for _, _, n in named):
            return named[0][2]
        return max(named, key=lambda found: self._score(text, found[0], found[1]))[2]  # max keeps the first of equals

    def _name(self, found: str) -> str | None:
        key = "".join(found.split())  # as re.sub(r"\s", "", found), in a fifth of the time
        return self._canonical.get(key.upper()) or self._canonical.get(key)

    @staticmethod
    def _score(text: str, start: int, end: int) -> int:
        """How surely the place named from ``start`` to ``end`` is the family's: +2 living there, +3 the care
        wanted there (+3 on the way), -2 elsewhere."""
        before = text[max(0, start - 12) : start]
        score = 0
        together = _HOME_WITH.search(text, max(0, start - 16), start) is not None
        mine = _ME_BEFORE.search(before) is not None and _ME_AFTER.match(text, end) is not None
        if together or mine or _HOME_BEFORE.search(before) or _HOME_AFTER.match(text, end):
            score += 2
        if _CARE_HERE.match(text, end):
            score += 3 if _ON_THE_WAY.search(before) else 1
        if ((_AWAY_BEFORE.search(before) and not together) or _AWAY_AFTER.match(text, end)
                or _AWAY_AFTER_MOVED.match(text, end) or ("이사" in text and _MOVED_FROM.match(text, end))):
            score -= 2
        return score

    def suggest(self, text: str, n: int = 5) -> list[str]:
        """Places whose names look most like the words of a message that named none, best first: choices to
        offer when a parent's answer could not be read as a place ("율곡똥네" -> 율곡동)."""
        words = [w for w in re.findall(r"[가-힣A-Za-z]{2,}", text)][:8]
        scored: dict[str, float] = {}
        for word in words:
            for form, score, _ in process.extract(word, list(self._canonical), scorer=fuzz.ratio, limit=n,
                                                  score_cutoff=50):
                name = self._canonical[form]
                scored[name] = max(scored.get(name, 0.0), score)
        return sorted(scored, key=lambda name: -scored[name])[:n]

    def _fuzzy(self, text: str) -> str | None:
        """Small typos in a name with its suffix: a mistyped suffix or one other letter."""
        if not _SUFFIX_LETTERS.search(text):
            return None
        for m in _CANDIDATE.finditer(text):
            if not _BOUNDARY.match(text, m.end()):
                continue
            word = m.group()
            living = _LIVING.match(text, m.end()) is not None or _SAID_ALONE.match(text, m.end()) is not None
            names: set[str] = set()
            for n in self._lengths:
                if len(word) < n:
                    break
                window = word[-n:]
                typo = self._typos.get(window)
                if typo is not None:
                    names.add(self._canonical[typo])
                    continue
                near = self._near.get((n, window[0]), [])
                if living:
                    near = near + self._near_verbs.get((n, window[0]), [])
                    if not near:  # "얌금동에 살아요": a first letter off too, but only before words about living
                        near = self._by_length.get(n, [])
                for t in near:
                    if t[-1] == window[-1] and Levenshtein.distance(window, t, score_cutoff=1) <= 1:
                        names.add(self._canonical[t])
            if len(names) == 1:
                return names.pop()
        return None
