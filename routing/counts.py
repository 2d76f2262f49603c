"""Children counted or named without ages: "애 둘", "남매", "아들 둘 딸 하나", twins, "둘이에요", "유치원생 아들"."""

from __future__ import annotations

import re

from routing.birthorder import NEW_BABY, UNBORN
from routing.countclues import OLDER_AND_YOUNGER, cared_count, days_both, one_each, recounted, sick_child, with_me
from routing.need import Child

SEPARATOR = re.compile(
    r"[,/+&·]|이랑|랑|하고|그리고|및|첫째|둘째|셋째|막내|큰\s*애|작은\s*애|동생|형|누나|언니|오빠"
    r"|(?<![가-힣])(?:하나|한\s*(?:명|놈|애)|다른\s*(?:하나|애|아이|한\s*명))\s*(?:은|는|이|가)(?![가-힣])"
    r"|(?<![가-힣])하나(?:고|요|씩)?(?![가-힣])"
)
"""Between two mentions, a new child ("하나는 초2고 하나는 4살": two; "4살 초2" alone is one child); a child counted
as one ("초3 하나 유치원생 하나") ends its mention."""
NO_AGE = Child()
COUNT_LETTERS = re.compile(
    "둘|셋|넷|명|[두세네]\\s*놈|남매|형제|자매|쌍|삼둥|연년생|두\\s*(?:아이|애|자녀|아들|딸|남매|형제|자매|손주)|세\\s*(?:아이|애|자녀|아들|딸|남매|형제|자매|손주)"
)
_COUNT = re.compile(
    r"(?=[애아얘자손딸남형쌍두세2-4둘셋연초삼사오유알얼조])(?:"
    r"(?:애|아이|얘|애기|아기|자녀|손주|손자|손녀|딸|아들|애들|아이들|애기들|아기들|남매|형제|자매|쌍둥이|초딩|초등학생|알라|얼라|조카"
    r"|유치원생)"
    r"\s*(?:가|이|는|도|들|들이|들은|들도)?\s*(?P<a>둘|셋|넷|[2-4두세네]\s*[명놈])(?!\s*[살쌀샬시째])(?![가-힣]*\s*중에?\s*(?:한|하나))"
    r"|(?<![가-힣0-9])(?P<b>[두세]|[2-4]\s*명의?)\s*(?:아이|애|자녀|아들|딸|남매|형제|자매|손주)"
    r"|(?P<d>둘|셋)\s*다|(?:(?<![가-힣])(?P<cn>삼|사|오))?(?P<c>남매|형제|자매|연년생))"
)
_ADULTS_BEFORE = re.compile(
    r"남편|아내|와이프|신랑|부부|엄마\s*아빠|저희\s*둘|저\s*$|저랑|저하고|제가|맞벌이|할머니|할아버지|조부모|애미|애비|에미|에비"
    r"|[월화수목금토일]\s*(?:요일|욜)|[월화수목금토일]\s*[월화수목금토일]\s*$|주말|평일|이틀|양일|휴일")
"""Right before 둘 다: two adults ("남편이랑 저 둘 다"), or two days ("토요일 일요일 둘 다")."""
_ADULTS_AGO = re.compile(
    r"(?:남편|아내|와이프|신랑|애\s*아빠|애\s*엄마|아빠|엄마)\s*(?:도|이랑|랑|하고|와|과|이나|나)(?![가-힣])|부부|맞벌이")
"""Earlier in the sentence: two adults ("남편도 같은 회사라 둘 다 가야 하는데": the parents)."""
_ADULTS_DO = re.compile(r"\s*(?:근무|출근|야근|일해|일하|일을|직장|회사|교대|출장|맞벌이)")
"""Right after 둘 다: what adults do ("둘다 근무라"), not children."""
_SENTENCE = re.compile(r"[.?!\n]")
_UPTO = re.compile(r"(?<![0-9]시)까지\s*(?:다\s*)?(?P<n>둘|셋|넷)\s*(?:이네|이에|이요|명)")
_AGES_AFTER = re.compile(r"[0-9]\s*(?:살|세|개월)")
_AGES_COUNTED = re.compile(
    r"(?:[0-9]\s*(?:살|세|개월)|초\s*[1-6]|[1-6]\s*학년)\s*(?:이렇게\s*)?(?P<n>둘|셋|넷)"
    r"(?=\s*(?:이에요|이예요|예요|이요|입니다|이고|이구|이라|인데|[.,!?~]|$)|\s+(?!다(?![가-힣])))"
)
"""A count right after the ages it sums up ("초1 6살 둘이요": a first-grader and a six-year-old, not one child)."""
_COUNT_WORDS = {"둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4}
"""How many children a message says without their ages ("애 둘", "두 아이", "남매": two)."""


_KIN_COUNT = re.compile(
    r"(?<![가-힣])(?P<who>아들|딸|손자|손녀)\s*(?:이|은|는|도)?\s*(?P<n>하나|한\s*명|둘|두\s*명|셋|세\s*명|[1-3]\s*명)"
    r"(?![가-힣]*\s*중에?\s*(?:한|하나))"
)
_KIN_WORDS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3}


def kin_total(text: str) -> int:
    """Sons and daughters counted apart ("아들 둘 딸 하나": three), 0 unless both kinds are counted."""
    counts: dict[str, int] = {}
    for m in _KIN_COUNT.finditer(text):
        word = m["n"].replace(" ", "").removesuffix("명")
        counts[m["who"]] = counts.get(m["who"], 0) + (_KIN_WORDS.get(word) or int(word))
    return sum(counts.values()) if len(counts) > 1 else 0


_SIBLINGS = re.compile(
    r"(?<![가-힣])(?:형|누나|언니|오빠|아들|딸|큰\s*애|첫째)(?:이|가|은|는|도|랑|이랑|하고)?\s+(?:[가-힣]{1,6}\s+)?"
    r"동생(?:이|을|를|은|는|도|한테|이랑|랑|하고|꺼|거|의)?(?![가-힣])"
)
"""An older child and the younger one ("형이 동생 목을 조르고 있어요", "아들이 자꾸 동생 장난감 뺏고"): two children."""


def counted(text: str) -> int:
    """The largest number of children the text says there are, 0 when it says none; a corrected count wins."""
    if recount := recounted(text):
        return recount
    most = kin_total(text) if "딸" in text or "손" in text else 0
    if ("동생" in text and _SIBLINGS.search(text) is not None) or (
            ("동생" in text or "막내" in text or "둘째" in text or "작은" in text) and OLDER_AND_YOUNGER.search(text)):
        most = max(most, 2)  # "형이 동생 목을 조르고", "애가 … 동생 괴롭혀서", "아들이 … 막내가 아직 14개월"
    if "하나" in text:
        most = max(most, one_each(text))  # "애 하나 초등학생 하나": two
    words = "둘" in text or "셋" in text or "넷" in text  # _UPTO and _BARE_COUNT need one (까지 is in most hours)
    if words and "까지" in text and (upto := _UPTO.search(text)) is not None:
        most = max(most, _COUNT_WORDS[upto["n"]])  # "조카까지 셋이네요": the children counted with one more
    if (words or "명" in text) and (bare := _BARE_COUNT.match(text)) is not None and _AGES_AFTER.search(
            text, bare.end()):
        most = _bare(bare)  # "(애 둘.. 아니) 셋이요 5살 3살 10개월": the count corrected to, with ages
    if words and (summed := _AGES_COUNTED.search(text)) is not None:
        most = max(most, _COUNT_WORDS[summed["n"]])
    if words and (cared := cared_count(text)):
        most = max(most, cared)  # "셋을 혼자 보니까": three looked after
    if COUNT_LETTERS.search(text) is None:
        return most
    for m in _COUNT.finditer(text):
        if m["d"] and (_ADULTS_BEFORE.search(text, max(0, m.start() - 10), m.start()) or _adults(text, m.start())
                       or _ADULTS_DO.match(text, m.end()) or days_both(text, m.start())):
            continue  # "남편이랑 저 둘 다 교대근무": the parents, not two children; "수요일 …, 목요일 … 둘다": days
        if m["a"] and with_me(text, m):
            most = max(most, 1)
            continue  # "저랑 애기 둘뿐이라": the parent and one child
        word = (m["a"] or m["b"] or m["d"] or "").replace(" ", "").removesuffix("의").rstrip("명놈")
        n = {"삼": 3, "사": 4, "오": 5}.get(m["cn"] or "", 2) if m["c"] else (
            _COUNT_WORDS.get(word) or (int(word) if word.isdigit() else 0))
        most = max(most, n)
    return most


def _adults(text: str, at: int) -> bool:
    """Whether the sentence before ``at`` names two adults ("남편도 같은 회사라 둘 다")."""
    start = max(0, at - 30)
    for m in _SENTENCE.finditer(text, start, at):
        start = m.end()
    return _ADULTS_AGO.search(text, start, at) is not None


TWINS = re.compile(r"(?:(?<![0-9])(?P<n>세|삼))?\s*쌍둥이|쌍동이|(?P<n3>삼)둥이")
"""Twins are two children, triplets (세쌍둥이, 삼둥이) three; "2세 쌍둥이" is twins of two."""
_ONE_CHILD = re.compile(
    r"(?=[아애딸손꼬막남여외조얼알])(?:(?<![가-힣])|(?<=우리)|(?<=저희))"
    r"(?P<who>아이|애기|아기|아가|애|얼라|알라|딸아이|딸래미|딸내미|딸|아들래미|아들내미|아들|손녀|손자|손주|꼬맹이|막내|남자\s*아이|여자\s*아이"
    r"|외동(?:딸|아들|이)?|조카|아\s*-+(?=(?:가|는|를|도|랑|하고|한테)(?![가-힣])))"
    r"(?:가|는|이|를|을|도|랑|하고|한테|이가|이는|이를|이도|이랑|가요|예요|에요|이에요|인데|요|이라서|이라|라서|라|이고|고)?"
    r"(?:좀|쫌|좀만)?(?![가-힣])"
)
"""A child named without an age ("아들 독감", "아가 아파가", 경상도 "얼라가", "애좀", "아-가" with the vowel drawn out):
one child. Not 아이들/애들 (how many is not said), not 아이돌봄 or 딸기 (other words)."""
_DIALECT_CHILD = re.compile(
    r"(?<=[가-힣])\s+아\s+(?:좀\s*)?(?:봐\s*줄|봐\s*주|봐\s*달|맡길|맡기|맡겨|데리고|데리러|데려|재워|재울|키우|씻기|밥\s*먹)"
)
"""경상도 "아" for the child, mid-sentence before what a carer does with it ("오늘 밤에 아 봐줄 사람 있능교"); the
interjection "아" starts a sentence or stands before a pause ("아 봐주세요", "아, 맡길 데가 없네")."""
_ONE_CHILD_LETTERS = re.compile("[아애딸손꼬막남여외조얼알]")
_KIN = {w: "daughter" for w in ("딸", "딸아이", "딸래미", "딸내미", "외동딸", "손녀")} | {
    w: "son" for w in ("아들", "아들래미", "아들내미", "외동아들", "손자")}
"""A son and a daughter named apart are two children ("아들이랑 딸 내일 봐주세요")."""
PRESCHOOLER = re.compile(
    r"유치원생|(?:유치원|어린이집)\s*(?:에\s*|을\s*|를\s*|까지\s*)?(?:다니|다녀|다님|가는|가요|가고|갔|보내|보냄|데려다|등원|끝나고|끝나면|마치고|마치면)"
    r"|미취학|(?:유치원|어린이집)\s*(?:은|이|는)?\s*[0-9]{1,2}\s*시\s*(?:반|[0-9]{1,2}\s*분)?\s*(?:에|면)?\s*(?:끝나서|끝나는데|끝나니까)"
)
PRESCHOOL_CHILD = Child(school=False)
"""A child said to go to kindergarten or daycare, with no age: a preschool child."""


_BARE_COUNT = re.compile(
    r"\W*(?:(?:아+|어+|음+|아니|아뇨|네|예)\s*[,.]*\s*)*(?:(?P<n>둘|셋|넷)"
    r"(?=\s*(?:이에요|이예요|예요|이요|입니다|이야|이고|인데|이라서|이라|명))"
    r"|(?P<m>[두세네2-4])\s*명(?=\s*(?:이에요|이예요|예요|이요|입니다|이고|인데|이라서|이라|요)))"
)
"""A count said alone, as the answer to "몇 명이에요?" ("아 아니 둘이에요"): that many children, ages unknown. The
dialog reads such answers itself (bot/dialog/children.py); here they are counted for `dolbom understand`. So is a
count in 명 ("두명이요", "3명이에요")."""


def _bare(m: re.Match[str]) -> int:
    word = m["n"] or m["m"]
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


_BIRTH_ORDER = re.compile(
    r"(?<![가-힣])(?:첫째|첫애|큰\s*(?:애|아이|딸|아들)|둘째|셋째|넷째|작은\s*(?:애|아이|딸|아들)|막내)"
)
_RANKS = {
    "첫째": "1", "첫애": "1", "큰애": "1", "큰아": "1", "큰딸": "1", "큰 ": "1", "둘째": "2", "셋째": "3", "넷째": "4",
}
"""A birth order's rank: 큰애 is the first (as 첫째), 작은애 and 막내 stand for themselves."""


def unnamed_children(text: str) -> tuple[Child, ...]:
    """The children a text names without age, grade or count ("아들 독감 걸렸어요": one, "아들이랑 딸": two, "둘이에요":
    two), for a text where ``find_children`` found none; () when the text names no child."""
    bare = _BARE_COUNT.match(text) if ("둘" in text or "셋" in text or "넷" in text or "명" in text) else None
    if bare is not None:
        return (NO_AGE,) * _bare(bare)
    if recount := recounted(text):
        return (NO_AGE,) * recount  # "애들 둘 아니고 셋이에요 막내 빼먹음": three
    ranks: set[str] = set()
    if "째" in text or "큰" in text or "작은" in text:
        ranks = {
            _RANKS.get(m.group()[:2]) or m.group()[0]
            for m in _BIRTH_ORDER.finditer(text)
            if not UNBORN.match(text, m.end())  # "둘째 출산하러 가야 해서 큰애 맡길 곳": one child born
        }
        if ranks == {"1"} and ("동생" in text or NEW_BABY.search(text)):
            ranks.add("2")  # "첫째가 동생 생기고 나서", "출산했는데 큰애": the first and the sibling born after
        if len(ranks) > 1:  # "첫째랑 둘째 맡길 곳", "큰애랑 막내", "둘째가 … 어린이집 못 가요 첫째는 유치원 가고요"
            return (NO_AGE,) * len(ranks)
    if ("유치원" in text or "어린이집" in text or "미취학" in text) and PRESCHOOLER.search(text):
        return (PRESCHOOL_CHILD,)
    if ("유치원" in text or "어린이집" in text or "등원" in text) and _KEPT_HOME.search(text):
        return (PRESCHOOL_CHILD,)  # "수족구래요 담주 어린이집 못 가는데": the child who cannot go
    if ranks:  # "둘째만 맡길게요": one
        return (NO_AGE,)
    if ("출산" in text or "낳" in text) and _BORN_NOW.search(text):
        return (NO_AGE,)  # "이번달에 출산했는데 부모급여": the baby
    if sick_child(text):
        return (NO_AGE,)  # "수족구 걸려서 … 봐주실분": the sick child
    if not _ONE_CHILD_LETTERS.search(text) or (_ONE_CHILD.search(text) is None and _DIALECT_CHILD.search(text) is None):
        return ()
    if ("아들" in text or "손자" in text) and ("딸" in text or "손녀" in text):
        kinds = {_KIN.get(m["who"], "") for m in _ONE_CHILD.finditer(text)}
        if {"son", "daughter"} <= kinds:
            return (NO_AGE, NO_AGE)
    return (NO_AGE,)


_BORN_NOW = re.compile(r"(?:출산했|출산을\s*했|(?:아기|애기|애|아이)를?\s*낳았)(?:는데|어요|습니다|고|다)")
_KEPT_HOME = re.compile(
    r"(?:유치원|어린이집)\s*(?:에|을|를)?\s*(?:못|안)\s*(?:가|보내)|(?:유치원|어린이집)\s*(?:에서)?\s*(?:등원\s*(?:하지\s*말|중지|금지)|오지\s*말|데려가)"
    r"|등원\s*(?:을\s*)?(?:못|중지|금지|하지\s*말)|(?:유치원|어린이집)에서[^.?!\n]{0,16}?(?:쉬라|쉬래|쉬어야|쉬고\s*오라)"
)
"""A child kept from daycare or kindergarten (ill, told to stay home): one child, preschool."""
_PRESCHOOL_NAMED = re.compile(r"유치원생|(?:유치원|어린이집)\s*(?:에\s*)?(?:다니는|가는)(?!데|지|\s*길)")
"""Naming a child (not saying where a named one goes: "4살은 어린이집 다녀요", "아이 어린이집 다니는데"; not the way
there: "어린이집 가는 길에 넘어져서")."""
_ONE_NAMED = re.compile(
    r"\s*(?:우리\s*|저희\s*)?(?:애|아이|아기|애기|아가|딸|아들)(?:가|는|이|를|을|도|요|만)?(?![가-힣])")
"""After 어린이집 다니는: one child named in the singular ("어린이집 다니는 애 … 3살": the same child as the age)."""
_PRESCHOOL_AGE = 84
_ONE_COUNTED = re.compile(r"(?<![0-9])1\s*명|한\s*명")
"""Between an age and the kindergartner: the first child counted ("초2 1명 유치원생 1명"), so the other is another."""
_NAMED_CHILD = re.compile(r"아들|딸|아이|애|손자|손녀")
_SIBLING = re.compile(r"\s*(?:동생|남동생|여동생|형|누나|언니|오빠|막내|둘째|셋째)")


def add_preschoolers(
    text: str, children: list[Child], orders: list[int | None], spans: list[tuple[int, int]],
    said_at: list[tuple[int, int]],
) -> None:
    """A child named as a kindergartner or daycare child beside the children with ages ("초2 딸이랑 유치원생 아들"):
    one more preschool child, unless the words describe a child whose age is said next to them ("5살 유치원생")."""
    for m in _PRESCHOOL_NAMED.finditer(text):
        near = [(a, b) for a, b in said_at if not SEPARATOR.search(text, min(b, m.end()), max(a, m.start()))
                and (a - m.end() <= 8 and m.start() - b <= 8)
                and not _ONE_COUNTED.search(text, min(b, m.end()), max(a, m.start()))]
        # "초3 아들 어린이집 다니는 동생": one child named in full, then a sibling ("4살 유치원 다니는 동생": one)
        if near and not (_SIBLING.match(text, m.end()) and any(
                _NAMED_CHILD.search(text, b, m.start()) for a, b in near if b <= m.start())):
            continue
        if len(children) == 1 and _one_child(text, m, children[0], spans[0]):
            continue
        at = sum(1 for a, _ in spans if a < m.start())
        children.insert(at, PRESCHOOL_CHILD)
        orders.insert(at, None)
        spans.insert(at, (m.start(), m.end()))


def _one_child(text: str, m: re.Match[str], child: Child, span: tuple[int, int]) -> bool:
    """Whether the one child with an age is the daycare child named in the singular apart from it ("어린이집 다니는 애
    오늘만 … 3살"): a preschool age, nothing between that starts another child, no more children counted."""
    if child.school_grade is not None or child.school or child.age_months is None or (
            child.age_months >= _PRESCHOOL_AGE) or _ONE_NAMED.match(text, m.end()) is None:
        return False
    low, high = (m.end(), span[0]) if m.end() <= span[0] else (span[1], m.start())
    return SEPARATOR.search(text, low, high) is None and counted(text) < 2


def cap_repeats(text: str, children: list[Child], orders: list[int | None], spans: list[tuple[int, int]]) -> None:
    """When the text says how many children there are ("애가 둘", "두 아이", "남매", "쌍둥이") and more ages are
    read, an age said again for a child already named is that child, not another one."""
    twins = TWINS.search(text) if "쌍" in text or "둥이" in text else None
    total = 1 if twins else counted(text)  # twins: the age is said once for all of them (added below)
    if total and len(children) > total:
        _grade_to_age(children, orders, spans)
    at = len(children) - 1
    while total and len(children) > total and at > 0:
        if children[at] in children[:at]:
            first = children.index(children[at])
            if orders[first] is None:
                orders[first] = orders[at]  # "6살 된 큰애": the rank said with the age again is the child's
            del children[at], orders[at], spans[at]
        at -= 1


def _grade_to_age(children: list[Child], orders: list[int | None], spans: list[tuple[int, int]]) -> None:
    """More children read than counted: a grade said apart (by birth order) for the one child of an age that fits it
    ("4살 7살 애 둘인데 … 첫째는 초1": the 7-year-old is in first grade), is that child."""
    for at in range(len(children) - 1, 0, -1):
        pupil = children[at]
        if pupil.age_months is not None or pupil.school_grade is None:
            continue
        low, high = (pupil.school_grade + 5) * 12, (pupil.school_grade + 8) * 12
        fits = [i for i, c in enumerate(children[:at])
                if c.school_grade is None and c.age_months is not None and low <= c.age_months < high]
        if len(fits) != 1:
            continue
        i = fits[0]
        children[i] = Child(age_months=children[i].age_months, school_grade=pupil.school_grade)
        if orders[i] is None:
            orders[i] = orders[at]
        del children[at], orders[at], spans[at]
        return
