"""Children's ages and school grades in casual Korean ("4살", "18개월", "세 살 반", "초2", "초등학교 2학년")."""

from __future__ import annotations

import re
from datetime import date

from routing.need import Child
from routing.numbers import FIRST_LETTERS, NATIVE_RE, SINO_RE, value

MAX_YEARS = 18
"""A larger 'N살' is a parent's own age ("35살 엄마"), not a child's."""
MAX_MONTHS = 240
UPPER_FROM_YEARS = 12
"""A middle-school child in grade N is about 12 + N years old (a high-school one 15 + N): past every care
service's ages, which is all the reading needs to say ("중2 아들" is 168 months; an age said beside it wins)."""
PRESCHOOL_MONTHS = 83
"""The oldest a preschool child can be, in months (a child is at school from 84 months by default)."""

_MONTH = r"(?:개월|개얼|게월|깨월|개윌|달(?=\s*(?:된|짜리|아기|아가|이에요|이요|예요|인데|이고|$)))"
"""개월 and its common typos; 달 only where it says an age ("두 달 된 아기"), not a span ("한 달 동안")."""
_RARE = rf"""
      (?<![0-9])(?P<by>(?:19|20)?[0-9]{{2}})\s*(?:년|[.\-/])\s*(?:(?P<bm>[0-9]{{1,2}})\s*(?:월|[.\-/])?\s*
        (?:(?P<bd>[0-9]{{1,2}})\s*일?\s*)?)?(?:생(?!각|활|일)|출생|에\s*태어)
  | (?:생일|생년월일|출생일)\s*(?:은|는|이|:)?\s*(?<![0-9])(?P<bb>(?:19|20)?[0-9]{{2}})\s*(?:년|[.\-/])\s*
        (?P<bbm>[0-9]{{1,2}})\s*(?:월|[.\-/])?\s*(?:(?P<bbd>[0-9]{{1,2}})\s*일?)?
  | (?P<cm>만\s*)?(?<![0-9])(?P<cls>[0-7])\s*세\s*반(?!찬|대|드시)
  | (?<![0-9])(?P<ny>[0-9]{{1,2}}|(?<![가-힣])(?:한|두|세|네))\s*년\s*
        (?:(?P<nym>[0-9]{{1,2}}|{SINO_RE}|{NATIVE_RE})\s*{_MONTH}|(?P<nyh>반))(?!\s*(?:동안|간|째|후|뒤|전|만에|넘게|이상))
  | (?:(?P<dm_y>[0-9]{{1,2}}|(?<![가-힣])(?:두|세|네))\s*)?(?<![가-힣])돌\s*
        (?:지나고|지나서|지난\s*지|지나|하고|넘고)\s*
        (?P<dm>[0-9]{{1,2}}|{SINO_RE}|{NATIVE_RE})\s*(?:개월|달)
  | (?P<pre>예비\s*(?:초등학생|초등|초딩|초1|1\s*학년|일\s*학년))
  | (?:생후\s*)?(?<![0-9])(?P<ad>[0-9]{{1,3}})\s*일\s*
      (?=된|짜리|밖에|아기|아가|\s+(?:된|짜리|밖에|아기|아가)|(?:지난|넘은)\s*(?:아기|아가|애기))
  | (?<![가-힣])(?:(?P<up>중|고)(?:학교|등학교|등학생|학생|등)?\s*(?P<upn>[1-3])(?![0-9])
        (?!\s*(?:일|시|분|월|개|살|세|명|번|간|층|반|만))(?:\s*학년)?
      | (?P<upw>중학생|중딩|고등학생|고딩|중학교|고등학교)(?!\s*(?:[1-3]|[일이삼]\s*학년|때|시절|선생|교사|과정)))
  |"""
"""Birth dates, class names, years and months, months after a first birthday, middle and high school: few
messages hold them, so they are searched only when a letter they need is there (one pattern for all would slow
every message)."""
_RARE_LETTERS = re.compile(
    r"(?=[년생태세돌중고예일])(?:년|생|태어|세\s*반|돌\s*(?:지나|지난|하고|넘고)|중\s*[1-3]|중학|중딩|고\s*[1-3]|고등|고딩"
    r"|예비|일\s*(?:된|짜리|밖에|아기|아가|지난|넘은))"
)


def _age_pattern(rare: str, letters: str = "", left: str = "(?<![가-힣])") -> re.Pattern[str]:
    return re.compile(
        rf"""
    (?=[0-9만생신갓백돌초{letters}{FIRST_LETTERS}])  # cheap first-letter test: most positions fail here
    (?:
    {rare}
      (?:
        (?:만\s*)?(?<![0-9])(?P<yd>[0-9]{{1,2}})\s*(?:살|쌀|샬|세(?![대상금탁트계기무수입부미균]))
      | (?:만\s*)?{left}(?P<yn>{NATIVE_RE})(?:(?<![셋넷])|(?!\s*살(?:아|았|고|면|던)))\s*살  # "애 셋 살아요": lives
      | 만\s*(?P<ys>{SINO_RE})\s*세
    )
    (?:\s*(?P<m>[0-9]{{1,2}}|{SINO_RE})\s*{_MONTH} | \s*(?P<half>반)(?!에서|친구|애|아이))?
  | (?:생후\s*)?(?:(?<![0-9])(?P<md>[0-9]{{1,3}})|(?<![가-힣])(?P<mw>{SINO_RE}|{NATIVE_RE}))\s*{_MONTH}
    (?!\s*(?:동안|간|째|후|뒤|전|만에|마다|이상|이내|미만|이하|까지|넘게|정도\s*(?:이용|맡|다니)))
  | (?:(?<![0-9])(?P<dd>[0-9]{{1,2}})|(?<![가-힣])(?P<dn>{NATIVE_RE}))\s*돌(?![봄보아잔려리])
        (?!\s*(?:안\s*[된됐돼]|도\s*안|전|미만|까지))(?P<dhalf>\s*반(?!에서|친구|애|아이))?
  | (?P<newborn>신생아|갓난\s*아기|갓난쟁이)
  | (?P<hundred>백일)(?!\s*(?:동안|간|째))
  | (?<![가-힣])(?P<first>돌)(?:쟁이|(?:\s*(?:갓|막|이제|벌써))?\s*(?:지난|지났|된|됐|됬|되었)|\s*아기|\s+아가)
  | (?:초등(?:학교|학생)?|초딩|(?<![가-힣])초)\s*(?P<g1>[1-6])(?![0-9])
        (?!\s*(?:일(?!\s*요|욜)|시|분|월(?!\s*요|욜)|개|살|세|명|번))(?:\s*학년)?
  | (?<![가-힣0-9])(?:(?P<g2>[1-6])|(?P<g2s>[일이삼사오육]))\s*학년
  | (?P<pupil>초등학생|초등생|초딩|초등\s*(?:저학년|고학년))(?!\s*(?:때|시절|대상|용|들))
    )
    """,
        re.VERBOSE,
    )


_AGE = _age_pattern("")
_AGE_ALL = _age_pattern(_RARE, "중고예")
_UNSPACED = "(?:(?<![가-힣])|(?<=까지|부터|우리|저희|이랑|하고|인데|이고))"
"""Before an age in words in a message typed without spaces ("…여섯시까지네살딸")."""
_AGE_UNSPACED = _age_pattern("", "", _UNSPACED)
_AGE_ALL_UNSPACED = _age_pattern(_RARE, "중고예", _UNSPACED)
_SEPARATOR = re.compile(
    r"[,/+&·]|이랑|랑|하고|그리고|및|첫째|둘째|셋째|막내|큰\s*애|작은\s*애|동생|형|누나|언니|오빠"
    r"|(?<![가-힣])(?:하나|한\s*(?:명|놈|애)|다른\s*(?:하나|애|아이|한\s*명))\s*(?:은|는|이|가)(?![가-힣])"
)
"""Between two mentions, a new child ("하나는 초2고 하나는 4살": two; "4살 초2" alone is one child)."""
_KIN_BEFORE = re.compile(r"(?<![가-힣])(?:우리\s*|저희\s*)?(?:딸|아들|손녀|손자|조카)(?:\s*(?:은|는|이|이는|가))?\s*$")
"""A son or daughter named right before an age or grade: "딸 2학년 아들 7살" names two children, each before its
own age ("초2 아들 8살" stays one: the first mention has no name before it)."""
_FULL_AGE = re.compile(r"만\s*(?:으로|나이(?:로|는|론)?)(?:\s*(?:는|은|치면|하면|따지면))?\s*$")
"""Right before an age: the same child's age restated by 만 나이 ("5살인데 만으로는 4살")."""
_ORDINAL = re.compile(r"첫째|첫애|첫\s*아이|큰\s*애|큰\s*아이|큰\s*아들|큰\s*딸|둘째|셋째|넷째|작은\s*애|막내")
_ORDINAL_AFTER = re.compile(rf"\s*(?:인|이고|이요|짜리)?\s*(?:{_ORDINAL.pattern})")
"""A birth order said right after the age ("초1 큰애", "다섯살 작은애")."""
_ORDER = {"첫째": 1, "둘째": 2, "셋째": 3, "넷째": 4}
_UPPER_SCHOOL = re.compile(r"중학|중[1-3]|고등|고[1-3]|대학")
_UNIT = re.compile("[살쌀샬세개게깨달돌생갓백초학년중고]")
"""Every age or grade form holds one of these letters; without one the big pattern need not run."""


def _since(today: date, year: int, month: int | None, day: int | None) -> int | None:
    """Completed months from a birth date to ``today``; a month alone counts from its middle, a year alone
    from its middle (July)."""
    if year < 100:
        year += 2000 if 2000 + year <= today.year else 1900
    m = month or 7
    if not 1 <= m <= 12:
        return None
    months = (today.year - year) * 12 + today.month - m - (1 if today.day < (day or (15 if month else 1)) else 0)
    return months if 0 <= months <= MAX_MONTHS else None


def _class_months(today: date, n: int, full: bool) -> int:
    """A class name's age: daycare "만 N세반" (and 0-4세반) groups children born in year - N - 1; a
    kindergarten's "5·6·7세반" counts Korean age, born in year - N + 1. Preschool either way."""
    born = today.year - n - 1 if full or n <= 4 else today.year - n + 1
    return max(0, min((today.year - born) * 12 + today.month - 7, PRESCHOOL_MONTHS))


_GAP = re.compile(r"\s*(?:터울|차이|차(?![가-힣]))")


def _mention(m: re.Match[str], text: str, today: date) -> tuple[str, int | None] | None:
    """('age', months), ('grade', n) or ('upper', months guessed from a school, None when unknown) for one match,
    None when the match is not about a child."""
    g = m.groupdict()
    if ("터" in text or "차" in text) and _GAP.match(text, m.end()):
        return None  # "두 살 터울", "세 살 차이": the years between two children
    if g.get("pre"):
        return "upper", _class_months(today, 7, False)  # "예비 초등": a child who starts school next year
    if g.get("ad"):
        return "age", int(g["ad"]) // 30  # "50일 된 아기"
    if g.get("by"):
        months = _since(today, int(g["by"]), int(g["bm"]) if g["bm"] else None, int(g["bd"]) if g["bd"] else None)
        return None if months is None else ("age", months)
    if g.get("bb"):  # "생일이 2021년 3월 5일": the birth date said first
        months = _since(today, int(g["bb"]), int(g["bbm"]), int(g["bbd"]) if g["bbd"] else None)
        return None if months is None else ("age", months)
    if g.get("cls"):
        return "age", _class_months(today, int(g["cls"]), bool(g["cm"]))
    if g.get("ny"):
        years, more = value(g["ny"]), (6 if g["nyh"] else value(g["nym"] or ""))
        if years is None or more is None or years > MAX_YEARS or more > 11:
            return None
        return "age", years * 12 + more
    if g.get("dm"):
        years, more = value(g["dm_y"]) if g["dm_y"] else 1, value(g["dm"])
        if years is None or more is None or years > MAX_YEARS or more > 11:
            return None
        return "age", years * 12 + more
    years = g["yd"] or g["yn"] or g["ys"]
    if years:
        n = value(years)
        if n is None or n > MAX_YEARS:
            return None
        half = g["half"] and ("살" in m.group() or "쌀" in m.group())  # "7세반" is a class, not 7½
        extra = value(g["m"]) if g["m"] else (6 if half else 0)
        return "age", n * 12 + min(extra or 0, 11)
    months = g["md"] or g["mw"]
    if months:
        n = value(months)
        return ("age", n) if n is not None and n <= MAX_MONTHS else None
    dol = g["dd"] or g["dn"]
    if dol:
        n = value(dol)
        # "두 돌 반": two and a half years, as "두 살 반"
        return ("age", n * 12 + (6 if g["dhalf"] else 0)) if n is not None and n <= MAX_YEARS else None
    if g["newborn"]:
        return "age", 0
    if g["hundred"]:
        return "age", 3
    if g["first"]:
        return "age", 12
    if g["pupil"]:
        return "upper", None  # "첫째는 초등학생": a school child whose grade is not said yet
    word = g.get("up") or g.get("upw")
    if word:
        n = int(g["upn"]) if g["upn"] else 1
        return "upper", (UPPER_FROM_YEARS + n + (3 if word[0] == "고" else 0)) * 12
    grade = g["g1"] or g["g2"] or g["g2s"]
    if grade:
        if not g["g1"] and _UPPER_SCHOOL.search(text, max(0, m.start() - 8), m.start()):
            return None
        n = value(grade)
        return ("grade", n) if n is not None and 1 <= n <= 6 else None
    return None


_BORN = re.compile(r"생(?!각|활|일)|출생|태어")


def _born_grade(m: re.Match[str], today: date | None) -> int | None:
    """The school grade of a child whose birth year is said: Korean children start school in the March of the year
    they turn seven by Korean count, the year after the year they turn six ("19년생" in December 2026: first grade)."""
    year = m["by"] or m["bb"]
    if not year or today is None:
        return None
    born = int(year) + (0 if len(year) == 4 else 2000 if 2000 + int(year) <= today.year else 1900)
    grade = today.year - born - (6 if today.month >= 3 else 7)
    return grade if 1 <= grade <= 6 else None


def _ordinal(text: str, start: int, end: int) -> int | None:
    """The birth order said just before a mention (첫째 1, 둘째 2, 막내 9), if any."""
    found = None
    for m in _ORDINAL.finditer(text, start, end):
        found = m.group()
    if found is None:
        return None
    return _ORDER.get(found[:2], 1 if found[0] in "첫큰" else 9)


_NO_AGE = Child()
_PUPIL = Child(school=True)
"""A school child with no age or grade said ("첫째는 초등학생")."""
_AGAIN = re.compile(r"\s*(?:짜리)?(?:만|은|는|이는|이만|인\s*(?:애|아이)(?:만|는))")
_COUNT_LETTERS = re.compile(
    "(?=[둘셋넷명남형자쌍두세연삼])(?:둘|셋|넷|명|남매|형제|자매|쌍|삼둥|연년생|[두세]\\s*(?:아이|애|자녀|아들|딸|남매|형제|자매|손주))"
)
_DAYS_OLD = re.compile(r"[0-9]\s*일\s*(?:된|짜리|밖에|아기|아가|지난\s*(?:아기|아가|애기)|넘은\s*(?:아기|아가|애기))")
_COUNT = re.compile(
    r"(?=[애아얘자손딸남형쌍두세2-4둘셋연초삼사오])(?:"
    r"(?:애|아이|얘|애기|아기|자녀|손주|손자|손녀|딸|아들|애들|아이들|애기들|아기들|남매|형제|자매|쌍둥이|초딩|초등학생)"
    r"\s*(?:가|이|는|도|들|들이|들은|들도)?\s*(?P<a>둘|셋|넷|[2-4두세네]\s*명)(?!\s*[살쌀샬시째])(?![가-힣]*\s*중에?\s*(?:한|하나))"
    r"|(?<![가-힣0-9])(?P<b>[두세]|[2-4]\s*명의?)\s*(?:아이|애|자녀|아들|딸|남매|형제|자매|손주)"
    r"|(?P<d>둘|셋)\s*다|(?:(?<![가-힣])(?P<cn>삼|사|오))?(?P<c>남매|형제|자매|연년생))"
)
_ADULTS_BEFORE = re.compile(
    r"남편|아내|와이프|신랑|부부|엄마\s*아빠|저희\s*둘|저\s*$|저랑|저하고|제가|맞벌이|할머니|할아버지|조부모")
_COUNT_WORDS = {"둘": 2, "두": 2, "셋": 3, "세": 3, "넷": 4, "네": 4}
"""How many children a message says without their ages ("애 둘", "두 아이", "남매": two)."""


_KIN_COUNT = re.compile(
    r"(?<![가-힣])(?P<who>아들|딸|손자|손녀)\s*(?:이|은|는|도)?\s*(?P<n>하나|한\s*명|둘|두\s*명|셋|세\s*명|[1-3]\s*명)"
    r"(?![가-힣]*\s*중에?\s*(?:한|하나))"
)
_KIN_WORDS = {"하나": 1, "한": 1, "둘": 2, "두": 2, "셋": 3, "세": 3}


def _kin_total(text: str) -> int:
    """Sons and daughters counted apart ("아들 둘 딸 하나": three), 0 unless both kinds are counted."""
    counts: dict[str, int] = {}
    for m in _KIN_COUNT.finditer(text):
        word = m["n"].replace(" ", "").removesuffix("명")
        counts[m["who"]] = counts.get(m["who"], 0) + (_KIN_WORDS.get(word) or int(word))
    return sum(counts.values()) if len(counts) > 1 else 0


def _counted(text: str) -> int:
    """The largest number of children the text says there are, 0 when it says none."""
    most = _kin_total(text) if "딸" in text or "손" in text else 0
    if _COUNT_LETTERS.search(text) is None:
        return most
    for m in _COUNT.finditer(text):
        if m["d"] and _ADULTS_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue  # "남편이랑 저 둘 다 교대근무": the parents, not two children
        word = (m["a"] or m["b"] or m["d"] or "").replace(" ", "").removesuffix("의").removesuffix("명")
        n = {"삼": 3, "사": 4, "오": 5}.get(m["cn"] or "", 2) if m["c"] else (
            _COUNT_WORDS.get(word) or (int(word) if word.isdigit() else 0))
        most = max(most, n)
    return most


_TWINS = re.compile(r"(?P<n>세|삼)?\s*쌍둥이|쌍동이|(?P<n3>삼)둥이")
"""Twins are two children, triplets (세쌍둥이, 삼둥이) three."""
_NEXT_SCHOOL = re.compile(
    r"(?:내년|다음\s*해|내후년)\s*(?:에|이면|엔|부터)?\s*(?:초등\s*학교|초등|학교|초1|1\s*학년|일\s*학년)"
    r"|예비\s*(?:초등|초1|초딩|1학년)|(?:취학|입학)\s*(?:전|예정)|(?:학교|입학)\s*(?:가기|들어가기)\s*전"
    r"|(?:내년|다음\s*해|내후년)[^.?!\n]{0,12}?(?:입학|취학)|(?:초1|1\s*학년|일\s*학년)\s*(?:이|으로|로)?\s*(?:되는|될)"
)
_ENTERED = re.compile(
    r"(?:초등\s*학교|초등|학교)\s*(?:에\s*|을\s*)?입학\s*(?:했|한|하고|해서|해가)|(?:올해|이번에|올\s*봄|이번\s*봄)\s*입학\s*(?:했|한)"
)
"""A child who has just started school (past tense; "내년에 입학" is a preschool child)."""
_NEXT_AGE = re.compile(r".*(?:내년|다음\s*해)\s*(?:에|이면|엔|부터|되면)?\s*$", re.DOTALL)
"""Right before an age: the age is next year's ("내년에 6살")."""
_NEXT_GRADE = re.compile(
    r"(?:내년|다음\s*해|내년\s*3월)\s*(?:에|이면|엔|부터)?\s*(?:초등\s*(?:학교)?\s*|초)?([2-6])\s*(?:학년)?"
)


_BECOMES = re.compile(r"\s*(?:이|으로|로)?\s*(?:되는|될|올라가는|올라갈|올라가요|올라가고|진급하는|진급할)")
"""After a grade: the grade the child is about to reach ("3월에 6학년 되는 딸" is in 5th grade now)."""


def _next_grade(text: str, m: re.Match[str]) -> bool:
    """Whether the grade is next year's ("내년에 3학년", "6학년 되는")."""
    return (("내년" in text or "다음" in text) and _NEXT_GRADE.search(text, max(0, m.start() - 12), m.end()) is not None
            ) or _BECOMES.match(text, m.end()) is not None


_ONE_CHILD = re.compile(
    r"(?=[아애딸손꼬막남여외조])(?:(?<![가-힣])|(?<=우리)|(?<=저희))"
    r"(?P<who>아이|애기|아기|아가|애|딸아이|딸래미|딸내미|딸|아들래미|아들내미|아들|손녀|손자|손주|꼬맹이|막내|남자\s*아이|여자\s*아이"
    r"|외동(?:딸|아들|이)?|조카)"
    r"(?:가|는|이|를|을|도|랑|하고|한테|이가|이는|이를|이도|이랑|가요|예요|이에요|인데|요|이라서|이라|라서|라|이고|고)?"
    r"(?![가-힣])"
)
"""A child named without an age ("아들 독감", "아가 아파가"): one child. Not 아이들/애들 (how many is not said), not
아이돌봄 or 딸기 (other words)."""
_ONE_CHILD_LETTERS = re.compile("[아애딸손꼬막남여외조]")
_KIN = {w: "daughter" for w in ("딸", "딸아이", "딸래미", "딸내미", "외동딸", "손녀")} | {
    w: "son" for w in ("아들", "아들래미", "아들내미", "외동아들", "손자")}
"""A son and a daughter named apart are two children ("아들이랑 딸 내일 봐주세요")."""
_LOWER_GRADES = re.compile(r"(?<![가-힣])저학년(?!\s*(?:때|시절|대상|용|들))")
_PRESCHOOLER = re.compile(
    r"유치원생|(?:유치원|어린이집)\s*(?:에\s*|을\s*|를\s*)?(?:다니|다녀|다님|가는|가요|가고|갔|보내|보냄)|미취학"
)
_PRESCHOOL_CHILD = Child(school=False)
"""A child said to go to kindergarten or daycare, with no age: a preschool child."""


def find_children(text: str, today: date | None = None) -> tuple[Child, ...]:
    """Every child the text mentions, in order of birth when the text says it (첫째, 둘째), else of mention;
    an age and a grade side by side describe one child. ``today`` turns birth dates and class names into
    months (without it they are left out). Children counted without ages who go to kindergarten or daycare are
    preschool children ("유치원 다니는 딸 둘")."""
    found = _find_children(text, today)
    if not found and "저학년" in text and _LOWER_GRADES.search(text):
        return (_PUPIL,)  # "저학년 딸": a school child, grade not said
    if found and ("유치원" in text or "어린이집" in text or "미취학" in text) and all(c == _NO_AGE for c in found) and (
        _PRESCHOOLER.search(text)
    ):
        return tuple(_PRESCHOOL_CHILD for _ in found)  # "유치원 다니는 딸 둘": both preschool, ages unknown
    return found


_BARE_COUNT = re.compile(
    r"\W*(?:(?:아+|어+|음+|아니|아뇨|네|예)\s*[,.]*\s*)*(?P<n>둘|셋|넷)"
    r"(?=\s*(?:이에요|이예요|예요|이요|입니다|이야|이고|인데|이라서|이라|명))"
)
"""A count said alone, as the answer to "몇 명이에요?" ("아 아니 둘이에요"): that many children, ages unknown. The
dialog reads such answers itself (bot/dialog/children.py); here they are counted for `dolbom understand`."""


def unnamed_children(text: str) -> tuple[Child, ...]:
    """The children a text names without age, grade or count ("아들 독감 걸렸어요": one, "아들이랑 딸": two, "둘이에요":
    two), for a text where ``find_children`` found none; () when the text names no child."""
    bare = _BARE_COUNT.match(text) if ("둘" in text or "셋" in text or "넷" in text) else None
    if bare is not None:
        return (_NO_AGE,) * _COUNT_WORDS[bare["n"]]
    if ("유치원" in text or "어린이집" in text or "미취학" in text) and _PRESCHOOLER.search(text):
        return (_PRESCHOOL_CHILD,)
    if not _ONE_CHILD_LETTERS.search(text) or _ONE_CHILD.search(text) is None:
        return ()
    if ("아들" in text or "손자" in text) and ("딸" in text or "손녀" in text):
        kinds = {_KIN.get(m["who"], "") for m in _ONE_CHILD.finditer(text)}
        if {"son", "daughter"} <= kinds:
            return (_NO_AGE, _NO_AGE)
    return (_NO_AGE,)


def _find_children(text: str, today: date | None, merge: bool = True) -> tuple[Child, ...]:
    """``merge``: a grade and an age side by side describe one child ("초2 8살"); off when the count said shows
    they are two ("아이 셋 초3 초1 5살")."""
    if (
        not _UNIT.search(text)
        and _COUNT_LETTERS.search(text) is None
        and not ("일" in text and _DAYS_OLD.search(text))
        and not (("딸" in text or "손" in text) and _kin_total(text))
    ):
        return ()
    children: list[Child] = []
    orders: list[int | None] = []
    last_end = 0
    newborn = guessed = named = False
    told = 0
    """Where the last birth order said after its child's age ends (it is not the next child's)."""
    ranks = "째" in text or "큰" in text or "작은" in text or "첫" in text or "막내" in text
    kin = "딸" in text or "아들" in text or "손" in text or "조카" in text
    merges = 0
    spans: list[tuple[int, int]] = []
    said_at: list[tuple[int, int]] = []
    """Where every age or grade is said, the ones that describe a child already named too."""
    """Where each child's first mention is, to place a child named another way among them."""
    mixed: list[int] = []
    rare = _RARE_LETTERS.search(text) is not None
    pattern = (_AGE_ALL if rare else _AGE) if " " in text else (_AGE_ALL_UNSPACED if rare else _AGE_UNSPACED)
    for m in pattern.finditer(text):
        if rare and (m["by"] or m["bb"] or m["cls"]) and today is None:
            continue
        found = _mention(m, text, today or date.min)
        if found is None:
            continue
        said_at.append((m.start(), m.end()))
        kind, n = found
        if kind == "age" and n and n >= 12 and ("내년" in text or "다음 해" in text) and _NEXT_AGE.match(
            text, max(0, m.start() - 12), m.start()
        ):
            n -= 12  # "내년에 6살 되는 딸": five now
        if children and kind == "age" and any(c.age_months == n for c in children) and _AGAIN.match(text, m.end()):
            last_end = m.end()  # "4살이랑 2살 있어요, 4살만 맡길게요": the same child named again
            continue
        if children and kind == "age" and "만" in text and _FULL_AGE.search(text, last_end, m.start()) and (
            not _SEPARATOR.search(text, last_end, m.start())
        ):
            prev = children[-1]  # "4살.. 아 만으로는 3살이에요": the same child's age by 만 나이, which wins
            children[-1] = Child(age_months=n, school_grade=prev.school_grade)
            last_end = m.end()
            continue
        if children and not _SEPARATOR.search(text, last_end, m.start()) and not (
            named and _KIN_BEFORE.search(text, last_end, m.start())
        ):
            prev = children[-1]
            if kind == "upper" and (prev.age_months is not None or prev.school_grade is not None) and (
                n is None or prev.school_grade is None
            ):
                last_end = m.end()  # "14살 중학생": the age said is the child's
                continue
            if kind == "age" and guessed:
                children[-1] = Child(age_months=n)  # "중학생 14살": the age said beats the school's usual age
                guessed, last_end = False, m.end()
                continue
            if kind == "age" and (m["newborn"] or newborn) and prev.age_months is not None and prev.age_months <= 6:
                # "2개월 신생아", "신생아 2개월": one baby; the months say more than the word
                children[-1] = Child(age_months=prev.age_months if m["newborn"] else n)
                newborn, last_end = False, m.end()
                continue
            if kind == "age" and m.group().startswith("만") and m.start() - last_end <= 2:
                # "5살(만 4세)": the same child, and 만 나이 counts completed months
                children[-1] = Child(age_months=n, school_grade=prev.school_grade)
                last_end = m.end()
                continue
            if kind == "grade" and prev.school_grade is not None and prev.age_months is not None and (
                _BORN.search(text, max(0, last_end - 16), last_end)
            ):
                children[-1] = Child(age_months=prev.age_months, school_grade=n)  # "19년생 2학년": the grade said wins
                last_end = m.end()
                continue
            if kind == "grade" and prev.school_grade is None and merge:
                if _next_grade(text, m):
                    last_end = m.end()  # "7살인데 내년에 2학년": the grade is next year's; keep the age
                    continue
                children[-1] = Child(age_months=prev.age_months, school_grade=n)
                last_end, merges = m.end(), merges + 1
                continue
            if kind == "age" and prev.age_months is None and merge:
                children[-1] = Child(age_months=n, school_grade=prev.school_grade)
                last_end, merges = m.end(), merges + 1
                continue
        if kind == "grade" and _next_grade(text, m):
            n -= 1  # "내년에 3학년": in 2nd grade now
            if n < 1:
                continue
        newborn, guessed = bool(m["newborn"]), kind == "upper"
        named = kin and _KIN_BEFORE.search(text, max(last_end, m.start() - 6), m.start()) is not None
        if kind == "age" and m["m"] and n is not None and n >= 36 + 1 and (m["yd"] or m["yn"]):
            mixed.append(len(children))  # "5살 7개월": an age and months, or two children (see below)
        order = _ordinal(text, max(last_end, told, m.start() - 12), m.start()) if ranks else None
        if order is None and ranks and (after := _ORDINAL_AFTER.match(text, m.end())) is not None:
            order, told = _ordinal(text, after.start(), after.end()), after.end()  # "초1 큰애랑 다섯살 작은애"
        orders.append(order)
        born = _born_grade(m, today) if rare and kind == "age" else None
        children.append(Child(school_grade=n) if kind == "grade" else _PUPIL if n is None else Child(n, born))
        spans.append((m.start(), m.end()))
        last_end = m.end()
    if children and ("유치원" in text or "어린이집" in text):
        _add_preschoolers(text, children, orders, spans, said_at)  # "초2 딸이랑 유치원생 아들": two children
    if ("내" in text or "예비" in text or "학" in text) and _NEXT_SCHOOL.search(text):
        children = _preschool(children, today)
        orders = orders[: len(children)] + [None] * (len(children) - len(orders))
    elif "입학" in text and _ENTERED.search(text) and (not children or children[0].school_grade is None):
        first = children[0] if children else _NO_AGE  # "이번에 초등학교 입학했어요 8살": in first grade now
        children[:1] = [Child(age_months=first.age_months, school_grade=1)]
        orders = orders or [None]
    twins = _TWINS.search(text) if "쌍" in text or "둥이" in text else None
    if twins and children:
        at = next((i for i, c in enumerate(children) if c is not None), 0)
        extra = 2 if twins["n"] or twins["n3"] else 1
        children[at + 1 : at + 1] = [children[at]] * extra
        orders[at + 1 : at + 1] = [orders[at]] * extra
    elif twins:
        n = 3 if twins["n"] or twins["n3"] else 2
        children, orders = [_NO_AGE] * n, [None] * n
    said = _counted(text) if len(children) < 4 else 0
    if merges and len(children) < said <= len(children) + merges:
        return _find_children(text, today, merge=False)  # "아이 셋 초3 초1 5살": three children, none merged
    if said == len(children) + 1 and mixed:
        # "애 둘 5살 7개월": one child more is counted than ages said, and nobody gives a five-year-old's age in
        # months: a five-year-old and a baby of seven months
        at = mixed[0]
        years, months = children[at].age_months // 12, children[at].age_months % 12  # type: ignore[operator]
        children[at : at + 1] = [Child(age_months=years * 12), Child(age_months=months)]
        orders[at + 1 : at + 1] = [None]
    if said > len(children):  # "애 둘", "초5 남매": more children than ages said; the others' ages are unknown
        orders += [None] * (said - len(children))
        children += [_NO_AGE] * (said - len(children))
    if any(o is not None for o in orders):
        # "둘째가 백일이라 첫째 4살 맡기고 싶어요": the first child is the 첫째, wherever it is mentioned; a child
        # said with no rank takes the first rank nobody was given ("초1 딸 있고 둘째는 4살": the 초1 is the 첫째)
        free = iter(sorted(set(range(1, len(children) + 1)) - set(orders)) + [5] * len(children))
        ranks = [next(free) if o is None else o for o in orders]
        ranked = sorted(range(len(children)), key=lambda i: (ranks[i], i))
        return tuple(children[i] for i in ranked)
    return tuple(children)


_PRESCHOOL_NAMED = re.compile(r"유치원생|(?:유치원|어린이집)\s*(?:에\s*)?(?:다니는|가는)")
"""Naming a child (not saying where a named one goes: "4살은 어린이집 다녀요")."""
_NAMED_CHILD = re.compile(r"아들|딸|아이|애|손자|손녀")
_SIBLING = re.compile(r"\s*(?:동생|남동생|여동생|형|누나|언니|오빠|막내|둘째|셋째)")


def _add_preschoolers(
    text: str, children: list[Child], orders: list[int | None], spans: list[tuple[int, int]],
    said_at: list[tuple[int, int]],
) -> None:
    """A child named as a kindergartner or daycare child beside the children with ages ("초2 딸이랑 유치원생 아들"):
    one more preschool child, unless the words describe a child whose age is said next to them ("5살 유치원생")."""
    for m in _PRESCHOOL_NAMED.finditer(text):
        near = [(a, b) for a, b in said_at if not _SEPARATOR.search(text, min(b, m.end()), max(a, m.start()))
                and (a - m.end() <= 8 and m.start() - b <= 8)]
        # "초3 아들 어린이집 다니는 동생": one child named in full, then a sibling ("4살 유치원 다니는 동생": one)
        if near and not (_SIBLING.match(text, m.end()) and any(
                _NAMED_CHILD.search(text, b, m.start()) for a, b in near if b <= m.start())):
            continue
        at = sum(1 for a, _ in spans if a < m.start())
        children.insert(at, _PRESCHOOL_CHILD)
        orders.insert(at, None)
        spans.insert(at, (m.start(), m.end()))


def _preschool(children: list[Child], today: date | None) -> list[Child]:
    """A child who starts school next year is a preschool child now, whatever age was said."""
    if not children:
        if today is None:
            return []
        return [Child(age_months=_class_months(today, 7, False))]
    first = children[0]
    months = first.age_months if first.age_months is not None else (
        _class_months(today, 7, False) if today else None)
    months = None if months is None else min(months, PRESCHOOL_MONTHS)
    return [Child(age_months=months), *children[1:]]
