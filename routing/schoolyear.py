"""The school year: months since a birth date, class names, the grade of a birth year, grades about to be
reached and children starting school next year."""

from __future__ import annotations

import re
from datetime import date

from routing.need import Child

MAX_MONTHS = 240
PRESCHOOL_MONTHS = 83
"""The oldest a preschool child can be, in months (a child is at school from 84 months by default)."""


def since(today: date, year: int, month: int | None, day: int | None) -> int | None:
    """Completed months from a birth date to ``today``; a month alone counts from its middle, a year alone
    from its middle (July)."""
    if year < 100:
        year += 2000 if 2000 + year <= today.year else 1900
    m = month or 7
    if not 1 <= m <= 12:
        return None
    months = (today.year - year) * 12 + today.month - m - (1 if today.day < (day or (15 if month else 1)) else 0)
    return months if 0 <= months <= MAX_MONTHS else None


def class_months(today: date, n: int, full: bool) -> int:
    """A class name's age: daycare "만 N세반" (and 0-4세반) groups children born in year - N - 1; a
    kindergarten's "5·6·7세반" counts Korean age, born in year - N + 1. Preschool either way."""
    born = today.year - n - 1 if full or n <= 4 else today.year - n + 1
    return max(0, min((today.year - born) * 12 + today.month - 7, PRESCHOOL_MONTHS))


BORN = re.compile(r"생(?!각|활|일)|출생|태어")


def born_grade(m: re.Match[str], today: date | None) -> int | None:
    """The school grade of a child whose birth year is said: Korean children start school in the March of the year
    they turn seven by Korean count, the year after the year they turn six ("19년생" in December 2026: first grade)."""
    year = m["by"] or m["bb"]
    if not year or today is None:
        return None
    born = int(year) + (0 if len(year) == 4 else 2000 if 2000 + int(year) <= today.year else 1900)
    grade = today.year - born - (6 if today.month >= 3 else 7)
    return grade if 1 <= grade <= 6 else None


NEXT_SCHOOL = re.compile(
    r"(?:내년|다음\s*해|내후년)\s*(?:에|이면|엔|부터)?\s*(?:초등\s*학교|초등|학교|초1|1\s*학년|일\s*학년)"
    r"|예비\s*(?:초등|초1|초딩|1학년)|(?:취학|입학)\s*(?:전|예정)|(?:취학|입학)\s*(?:을|이)?\s*(?:앞둔|앞두고|앞둬|앞뒀|준비\s*중)|(?:학교|입학)\s*들어가기\s*전|학교\s*가기\s*전(?!\s*(?:까지|에\s*(?:아침|[0-9]|잠깐|잠시|한\s*시간|두\s*시간)))"
    r"|학교\s*(?:는|엔|에는)?\s*아직\s*(?:이고|이에요|이예요|이요|인데|이라|안\s*(?:다녀|다니|들어가|들어갔))"
    r"|아직\s*학교\s*(?:는\s*|를\s*)?안\s*(?:다녀|다니|들어가|들어갔)"
    r"|(?:내년|다음\s*해|내후년)[^.?!\n]{0,12}?(?:입학|취학|학교\s*(?:에\s*)?(?:들어가|들어갈|가요|가는|갈|간대|간다))|(?:초1|1\s*학년|일\s*학년)\s*(?:이|으로|로)?\s*(?:되는|될"
    r"|올라가는|올라갈|올라가요|들어가는|들어갈|들어가요)"
    r"|(?:다음\s*달|담\s*달)\s*(?:에|부터)?\s*(?:초1|초등\s*학교|초등|학교|1\s*학년)\s*(?:에\s*)?(?:입학|들어가)"
    r"|(?:유치원|어린이집)\s*(?:을\s*)?(?:졸업반|졸업\s*(?:하고|하면|앞둔|앞두고|예정))"
)
"""A child not at school yet ("내년에 학교 가요", "학교는 아직이고", "학교 들어가기 전"); "학교 가기 전까지",
"학교 가기 전에 아침 7시부터" are before school today."""
MARCH_SCHOOL = re.compile(
    r"(?:3\s*월|삼\s*월)\s*(?:에|부터|이면)?\s*(?:초등\s*학교|초등|학교)\s*(?:에\s*)?(?:들어가|들어갈|가요|가는|갈|간대|간다|입학)"
    r"|(?:3\s*월|삼\s*월)\s*(?:에)?\s*입학\s*(?:하는|할|해요|예정)"
)
"""A child who starts school in March ("3월에 학교 가는 7살"): preschool until then, said in any month but March."""
LAST_YEAR = re.compile(
    r"예비\s*(?:중학생|중딩|중1|중등)|초등\s*(?:학교)?\s*(?:을\s*)?졸업\s*(?:앞둔|앞두고|예정|반|을\s*앞)"
    r"|(?:내년|다음\s*해)\s*(?:에|이면|엔|부터|3월에)?\s*(?:중학교|중학생|중1|중등)\s*(?:에\s*|을\s*|이\s*)?(?:가|들어|입학|되|올라)"
)
"""A child in the last year of elementary school (6th grade), said by the school that comes next."""
ENTERED = re.compile(
    r"(?:초등\s*학교|초등|학교)\s*(?:에\s*|을\s*)?(?:입학\s*(?:했|한|하고|해서|해가)|들어\s*(?:갔|간(?!\s*지)))|(?:올해|이번에|올\s*봄|이번\s*봄)\s*입학\s*(?:했|한)"
)
"""A child who has just started school (past tense; "내년에 입학" is a preschool child)."""
NEXT_AGE = re.compile(r".*(?:내년|다음\s*해)\s*(?:에|이면|엔|부터|되면)?\s*$", re.DOTALL)
"""Right before an age: the age is next year's ("내년에 6살")."""
_NEXT_GRADE = re.compile(
    r"(?:내년|다음\s*해|내년\s*3월)\s*(?:에|이면|엔|부터)?\s*(?:초등\s*(?:학교)?\s*|초)?([2-6])\s*(?:학년)?"
)


_BECOMES = re.compile(r"\s*(?:이|으로|로)?\s*(?:되는|될|올라가는|올라갈|올라가요|올라가고|진급하는|진급할)")
"""After a grade: the grade the child is about to reach ("3월에 6학년 되는 딸" is in 5th grade now)."""


def next_grade(text: str, m: re.Match[str]) -> bool:
    """Whether the grade is next year's ("내년에 3학년", "6학년 되는")."""
    return (("내년" in text or "다음" in text) and _NEXT_GRADE.search(text, max(0, m.start() - 12), m.end()) is not None
            ) or _BECOMES.match(text, m.end()) is not None


def preschool(children: list[Child], today: date | None) -> list[Child]:
    """A child who starts school next year is a preschool child now, whatever age was said."""
    if not children:
        if today is None:
            return []
        return [Child(age_months=class_months(today, 7, False))]
    first = children[0]
    months = first.age_months if first.age_months is not None else (
        class_months(today, 7, False) if today else None)
    months = None if months is None else min(months, PRESCHOOL_MONTHS)
    return [Child(age_months=months), *children[1:]]


_KINDERGARTEN = re.compile(r"유치원|어린이집|[5-7]\s*세\s*반|[5-7]\s*살\s*반")
_AT_SCHOOL = re.compile(r"초등|초딩|초[1-6]|학년|학교|하교|방과\s*후|돌봄\s*교실|입학")
"""A school named: a 7-year-old may then be either, and the words that place the child there decide (ENTERED, ...)."""
_ONLY_PUPILS = re.compile(r"초등(?:학생|생)?\s*(?:만|대상|이상|부터)")
"""A service's eligibility asked ("다함께돌봄센터 초등학생만 되나요? 7살인데 유치원 다녀요"): no school named for the
child."""


def kindergartners(children: list[Child], text: str) -> list[Child]:
    """"유치원 다니는 7살 딸", "7살 4살 남매인데 둘 다 유치원 어린이집 다녀요": a 7-year-old (84-95 months by the
    N×12 convention) in a message that places the children at kindergarten or daycare and names no school is a
    preschool child, at most ``PRESCHOOL_MONTHS``; so is a child whose birth year alone made a first-grader ("20년생
    아들 유치원 다녀요": the FORMAT conventions' 유치원 child, whatever the school year says)."""
    if _KINDERGARTEN.search(text) is None or _AT_SCHOOL.search(_ONLY_PUPILS.sub(" ", text)) is not None:
        return children
    return [Child(age_months=min(c.age_months or 0, PRESCHOOL_MONTHS)) if _seven(c) else c for c in children]


def _seven(c: Child) -> bool:
    if c.school is True:
        return False
    if c.school_grade == 1:  # a first grade with an age beside it comes from a birth year (a grade said has none)
        return c.age_months is not None and c.age_months < 96
    return c.school_grade is None and PRESCHOOL_MONTHS < (c.age_months or 0) < 96
