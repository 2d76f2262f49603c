"""The age and grade words one by one: the patterns that find "4살", "18개월", "초2", "21년생" ... in a message, and
what each match says (an age in months, a grade, a middle or high school)."""

from __future__ import annotations

import re
from datetime import date

from routing.gates import gated
from routing.numbers import FIRST_LETTERS, NATIVE_RE, SINO_RE, value
from routing.rareages import COMMON, MAX_YEARS, MONTH, NTH_MONTH, RARE, rare_mention, since_event
from routing.schoolyear import MAX_MONTHS, class_months

_LEFT = "(?<![가-힣])"
_UNITS = "살쌀샬세개게깨달돌학"
"""The letter right after the number of every common form (4살, 6세, 18개월, 두 달, 두 돌, 2학년)."""


_JOINED_CHILD = (
    rf"(?:이랑|랑|하고|이고|고)\s*(?:(?:{NATIVE_RE}|{SINO_RE}|[0-9]{{1,2}})\s*(?:살|개월)|초\s*[1-6일이삼사오육]"
    r"|(?:남|여)?동생|딸|아들|아기|애기|유치원|어린이집)"
)
"""After a grade in Sino-Korean letters, a particle and another child ("초삼이랑 다섯살", "초이랑 여섯살 동생"):
still the grade; "초이랑 놀아요" (a name) is not."""


def _start(rare: str, letters: str, left: str) -> str:
    """The test in front of the forms: where one can start. A rare form (birth dates, class names, middle school)
    starts with a first letter of its own; a common one starts with one of its words (만, 생후, 신생아, 백일, 돌, 초),
    or with a number, digits or a numeral word (after a space, in a spaced message), followed within a few letters by
    its unit. Most digits (hours, dates) and numeral letters (the 이 of 아이, the 오 of 오늘) fail here in one test
    instead of entering the nine forms: a third of the ages' time."""
    if rare:
        return f"(?=[0-9만생신갓백돌초{letters}{FIRST_LETTERS}])"
    after_space = "(?<![가-힣].)" if left == _LEFT else ""
    return (f"(?=[만생신갓백돌초]|[0-9][0-9]{{0,2}}\\s*[{_UNITS}]"
            f"|[{FIRST_LETTERS}]{after_space}[가-힣]{{0,3}}\\s*[살개게깨달돌학])")


def _age_pattern(rare: str, letters: str = "", left: str = _LEFT) -> re.Pattern[str]:
    return gated(re.compile(
        rf"""
    {_start(rare, letters, left)}
    (?:
    {rare}
      (?:
        (?:만\s*)?(?<![0-9])(?P<yd>[0-9]{{1,2}})\s*(?:살|쌀|샬|세(?![대상금탁트계기무수입부미균]))
      | (?:만\s*)?{left}(?P<yn>{NATIVE_RE})(?:(?<![셋넷])|(?!\s*살(?:아|았|고|면|던)))\s*살  # "애 셋 살아요": lives
      | 만\s*(?P<ys>{SINO_RE})\s*세
    )
    (?:\s*(?P<m>[0-9]{{1,2}}|{SINO_RE})\s*{MONTH} | \s*(?P<half>반)(?!에서|친구|애|아이))?
  | (?:생후\s*)?(?:(?<![0-9])(?P<md>[0-9]{{1,3}})|(?<![가-힣])(?P<mw>{SINO_RE}|{NATIVE_RE}))\s*{MONTH}
    (?!\s*(?:동안|간(?![호식병])|째(?!{NTH_MONTH})|후|뒤|전|만에|마다|이상|이내|미만|이하|까지|넘게|정도\s*(?:이용|맡|다니)))
  | (?:(?<![0-9])(?P<dd>[0-9]{{1,2}})|(?<![가-힣])(?P<dn>{NATIVE_RE}))\s*돌(?![봄보잔려리])(?!아(?!기))
        (?!\s*(?:안\s*[된됐돼]|도\s*안|전|미만|까지))(?P<dhalf>\s*반(?!에서|친구|애|아이))?
  | (?P<newborn>신생아|갓난\s*아기|갓난쟁이)
  | (?P<hundred>백일)(?!\s*(?:동안|간|째))
  | (?<![가-힣])(?P<first>돌)(?:쟁이|(?:\s*(?:이|은|도)(?=\s*(?:갓|막|이제|벌써|지나|지났)))?
        (?:\s*(?:갓|막|이제|벌써))?\s*(?:지난|지났|된|됐|됬|되었)|\s*아기|\s+아가)
  | (?:초등(?:학교|학생)?|초딩|(?<![가-힣])초)\s*(?P<g1>[1-6])(?![0-9])
        (?!\s*(?:일(?!\s*요|욜|곱)|시|분|월(?!\s*요|욜)|개|살|세(?!\s+(?:아이|애|자녀|명|남매|형제|자매))|명|번))(?:\s*학년)?
  | (?<![가-힣0-9])(?:(?P<g2>[1-6])|(?P<g2s>[일이삼사오육]))\s*학년
  | (?<![가-힣])초\s*(?P<g3>[일이삼사오육])(?:(?![가-힣0-9])|(?={_JOINED_CHILD}))
  | (?P<pupil>초등학생|초등생|초딩|초등\s*(?:저학년|고학년))(?!\s*(?:때|시절|대상|용|들))
    )
    """,
        re.VERBOSE,
    ))


AGE = _age_pattern("")
AGE_ALL = _age_pattern(RARE, "중고예애작올재지금다담이곧내낼모며")
_UNSPACED = "(?:(?<![가-힣])|(?<=까지|부터|우리|저희|이랑|하고|인데|이고))"
"""Before an age in words in a message typed without spaces ("…여섯시까지네살딸")."""
AGE_UNSPACED = _age_pattern("", "", _UNSPACED)
AGE_ALL_UNSPACED = _age_pattern(RARE, "중고예애작올재지금다담이곧내낼모며", _UNSPACED)

_UPPER_SCHOOL = re.compile(r"중학|중[1-3]|고등|고[1-3]|대학")
UNIT = re.compile("[살쌀샬세개게깨달돌생갓백초학년중고졸]")
"""Every age or grade form holds one of these letters; without one the big pattern need not run."""

_GAP = re.compile(rf"\s*(?:터울|차이|차(?![가-힣])(?!{NTH_MONTH}))")
"""The years between two children ("두 살 터울", "세 살 차이"); "7개월차 아기", "24개월차 검진": the month of life."""
_BOUND = re.compile(r"\s*(?:때(?!문)|적에|적엔|적부터|무렵|이하|미만|이상|초과)")
"""After an age: when the child was that age ("3살 때부터"), or a bound a service sets ("6세 이하"), not a child."""
_ATTENDS = re.compile(r"\s*(?:에|을|를)?\s*(?:다니|다녀|다닙|다녔)")
"""After "N살반": the class a child attends ("일곱살반 다니는 딸"), not N and a half years."""


def mention(m: re.Match[str], text: str, today: date) -> tuple[str, int | None] | None:
    """('age', months), ('grade', n) or ('upper', months guessed from a school, None when unknown) for one match,
    None when the match is not about a child."""
    if ("터" in text or "차" in text) and (gap := _GAP.match(text, m.end())) and not (
            gap.group().strip() == "차" and ("개월" in m.group() or "달" in m.group())):
        return None  # "두 살 터울", "세 살 차이": the years between two children
    if _BOUND.match(text, m.end()):
        return None  # "3살 때부터 다녔는데", "5살 이하만 되나요": a past age or a bound, not a child
    if m.re.groups > AGE.groups:  # the rare forms' groups exist only in the patterns for texts with their letters
        rare = rare_mention(m, today)
        if rare is not COMMON:
            return rare
    g = m  # read by name from the match: its groupdict() builds every group for the few read here
    years = g["yd"] or g["yn"] or g["ys"]
    if years:
        n = value(years)
        if n is None or n > MAX_YEARS or n == 0:
            return None  # "부모급여 0세 100만원": a benefit's age band; nobody calls a baby "0살"
        half = g["half"] and ("살" in m.group() or "쌀" in m.group())  # "7세반" is a class, not 7½
        if half and n <= 7 and _ATTENDS.match(text, m.end()):
            return "age", class_months(today, n, False)  # "일곱살반 다니는 딸": the class, as "7세반"
        extra = value(g["m"]) if g["m"] else (6 if half else 0)
        return "age", n * 12 + min(extra or 0, 11)
    months = g["md"] or g["mw"]
    if months:
        n = value(months)
        return ("age", n) if n is not None and n <= MAX_MONTHS and not since_event(text, m.start()) else None
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
    grade = g["g1"] or g["g2"] or g["g2s"] or g["g3"]  # g3: "초삼", a grade in Sino-Korean letters
    if grade:
        if not (g["g1"] or g["g3"]) and _UPPER_SCHOOL.search(text, max(0, m.start() - 8), m.start()):
            return None
        n = value(grade)
        return ("grade", n) if n is not None and 1 <= n <= 6 else None
    return None

