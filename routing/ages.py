"""The children a message describes, from its ages and grades ("4살", "18개월", "초2" in ``routing.agewords``): who is
one child, who is two, in which order."""

from __future__ import annotations

import re
from datetime import date

from routing.agewords import AGE, AGE_ALL, AGE_ALL_UNSPACED, AGE_UNSPACED, UNIT, mention
from routing.bareages import spelled_ages
from routing.birthorder import ORDINAL_AFTER, ordinal, said_orders
from routing.counts import (
    COUNT_LETTERS,
    NO_AGE,
    PRESCHOOL_CHILD,
    PRESCHOOLER,
    SEPARATOR,
    TWINS,
    add_preschoolers,
    cap_repeats,
    counted,
    kin_total,
)
from routing.counts import unnamed_children as unnamed_children  # read with the ages (routing.understand)
from routing.englishages import korean_ages
from routing.need import Child
from routing.rareages import RARE_LETTERS
from routing.reaged import corrected
from routing.restated import restate
from routing.schoolentry import entered_child
from routing.schoolyear import (
    BORN,
    ENTERED,
    LAST_YEAR,
    MARCH_SCHOOL,
    NEXT_AGE,
    NEXT_SCHOOL,
    born_grade,
    kindergartners,
    next_grade,
    preschool,
)

_KIN_BEFORE = re.compile(r"(?<![가-힣])(?:우리\s*|저희\s*)?(?:딸|아들|손녀|손자|조카)(?:\s*(?:은|는|이|이는|가))?\s*$")
"""A son or daughter named right before an age or grade: "딸 2학년 아들 7살" names two children, each before its
own age ("초2 아들 8살" stays one: the first mention has no name before it)."""
_FULL_AGE = re.compile(r"만\s*(?:으로|나이(?:로|는|론)?)(?:\s*(?:는|은|치면|하면|따지면))?\s*$")
"""Right before an age: the same child's age restated by 만 나이 ("5살인데 만으로는 4살")."""
_CHILDREN: dict[tuple[int | None, int | None], Child] = {}


def _child(months: int | None, grade: int | None) -> Child:
    """The Child of that age and grade, one for each (at most a few thousand): a Child is a value, and a frozen
    dataclass takes longer to build than to look up."""
    found = _CHILDREN.get((months, grade))
    if found is None:
        found = _CHILDREN[months, grade] = Child(months, grade)
    return found


_PUPIL = Child(school=True)
"""A school child with no age or grade said ("첫째는 초등학생")."""
_AGAIN = re.compile(
    r"\s*(?:(?:짜리|된)\s*(?:애|아이|아기|큰\s*애|큰\s*아이|작은\s*애|첫째|둘째|막내)(?:는|가|도|만|이|이는|이가)?(?![가-힣])"
    r"|(?:애|아이|아기|애기)(?:는|도|만)(?![가-힣])|(?:아들|딸|손자|손녀)(?:이|은|는)?만(?![가-힣])"
    r"|(?:짜리|된)?\s*(?:만|은|는|이는|이만|도|이도|인\s*(?:애|아이)(?:만|는|도)))"
)
"""After an age said again for a child already named: the same child ("4살만 맡길게요", "6개월도 받아주나요",
"6살짜리는", "6살 된 큰애는")."""
_DAYS_OLD = re.compile(
    r"[0-9]\s*일\s*(?:된|짜리|밖에|아기|아가|(?:막\s*|갓\s*)?(?:지난|넘은)\s*(?:아기|아가|애기)|이에요|이예요|이요|째|됐|이라|입니다"
    r"|(?:막\s*|갓\s*|좀\s*)?(?:지났|넘었|지난|넘은))"
)


_ASIDE_AGE = re.compile(r"\s*(?:딸|아들|아이|애|아기|애기|아가|손자|손녀)?\s*\(\s*")
"""Between an age and an age in brackets: the same child ("4살(48개월)", "돌 지난 딸(13개월)")."""
_PLURAL = re.compile(r"(?<![가-힣])(?:애들|아이들|애기들|아기들|얘들|손주들)")
"""Children said in the plural: a grade and an age side by side are two of them ("애들 아빠 … 초2 7살")."""
_JUST_BORN = re.compile(r"(둘|셋|넷)째\s*(?:를|을|가|이)?\s*(?:낳았|낳은|태어났)")
_RANK = {"둘": 2, "셋": 3, "넷": 4}
_LOWER_GRADES = re.compile(r"(?<![가-힣])저학년(?!\s*(?:때|시절|대상|용|들))")


def find_children(text: str, today: date | None = None) -> tuple[Child, ...]:
    """Every child the text mentions, in order of birth when the text says it (첫째, 둘째), else of mention;
    an age and a grade side by side describe one child. ``today`` turns birth dates and class names into
    months (without it they are left out). Children counted without ages who go to kindergarten or daycare are
    preschool children ("유치원 다니는 딸 둘")."""
    text = spelled_ages(korean_ages(text))  # "4 year old", "아들(5)": ages written in English or as a bare number
    found = _find_children(text, today)
    if "저학년" in text and all(c == NO_AGE for c in found) and _LOWER_GRADES.search(text):
        return tuple(_PUPIL for _ in found) or (_PUPIL,)  # "저학년 딸 (둘)": school children, grades not said
    if found and ("유치원" in text or "어린이집" in text or "미취학" in text) and all(c == NO_AGE for c in found) and (
        PRESCHOOLER.search(text)
    ):
        return tuple(PRESCHOOL_CHILD for _ in found)  # "유치원 다니는 딸 둘": both preschool, ages unknown
    return found


def _fits(months: int | None, grade: int | None) -> bool:
    """Whether an age and a grade said side by side can be one child: a grade-N pupil is 만 N+5 to N+6, said as up to
    N+7 in 한국 나이 ("초6 13살"); "둘째 4살이고 초1 딸" is two children."""
    return months is None or grade is None or (grade + 5) * 12 <= months < (grade + 8) * 12


def _find_children(text: str, today: date | None, merge: bool = True) -> tuple[Child, ...]:
    """``merge``: a grade and an age side by side describe one child ("초2 8살"); off when the count said shows
    they are two ("아이 셋 초3 초1 5살")."""
    if (
        not UNIT.search(text)
        and COUNT_LETTERS.search(text) is None
        and not ("일" in text and _DAYS_OLD.search(text))
        and not ("주" in text and RARE_LETTERS.search(text))
        and not (("딸" in text or "손" in text) and kin_total(text))
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
    rare = RARE_LETTERS.search(text) is not None
    pattern = (AGE_ALL if rare else AGE) if " " in text else (AGE_ALL_UNSPACED if rare else AGE_UNSPACED)
    for m in pattern.finditer(text):
        if rare and (m["by"] or m["bb"] or m["cls"]) and today is None:
            continue
        found = mention(m, text, today or date.min)
        if found is None:
            continue
        said_at.append((m.start(), m.end()))
        kind, n = found
        if kind == "age" and n and n >= 12 and ("내년" in text or "다음 해" in text) and NEXT_AGE.match(
            text, max(0, m.start() - 12), m.start()
        ):
            n -= 12  # "내년에 6살 되는 딸": five now
        if children and (
            (kind == "age" and any(c.age_months == n for c in children))
            or (kind == "grade" and any(c.school_grade == n for c in children))
        ) and _AGAIN.match(text, m.end()) and not (kin and _KIN_BEFORE.search(text, max(last_end, m.start() - 6),
                                                                               m.start())):
            # "4살이랑 2살 있어요, 4살만 맡길게요": the same child named again ("친구 딸 5살도" names another)
            last_end = m.end()
            continue
        if children and kind == "age" and "만" in text and _FULL_AGE.search(text, last_end, m.start()) and (
            not SEPARATOR.search(text, last_end, m.start())
        ):
            prev = children[-1]  # "4살.. 아 만으로는 3살이에요": the same child's age by 만 나이, which wins
            children[-1] = Child(age_months=n, school_grade=prev.school_grade)
            last_end = m.end()
            continue
        if children and not SEPARATOR.search(text, last_end, m.start()) and not (
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
            if kind == "age" and n is not None and prev.age_months is not None and abs(n - prev.age_months) < 12 and (
                _ASIDE_AGE.fullmatch(text, last_end, m.start())
            ):
                # "4살(48개월)", "돌 지난 딸(13개월)": the same child's age said again; the months say more
                months = n if m["md"] or m["mw"] else prev.age_months
                children[-1] = Child(age_months=months, school_grade=prev.school_grade)
                last_end = m.end()
                continue
            if kind == "grade" and prev.school_grade is not None and prev.age_months is not None and (
                BORN.search(text, max(0, last_end - 16), last_end)
            ):
                children[-1] = Child(age_months=prev.age_months, school_grade=n)  # "19년생 2학년": the grade said wins
                last_end = m.end()
                continue
            if kind == "grade" and prev.school_grade is None and merge and _fits(prev.age_months, n):
                if next_grade(text, m):
                    last_end = m.end()  # "7살인데 내년에 2학년": the grade is next year's; keep the age
                    continue
                children[-1] = Child(age_months=prev.age_months, school_grade=n)
                last_end, merges = m.end(), merges + 1
                continue
            if kind == "age" and prev.age_months is None and merge and _fits(n, prev.school_grade):
                children[-1] = Child(age_months=n, school_grade=prev.school_grade)
                last_end, merges = m.end(), merges + 1
                continue
        if kind == "grade" and next_grade(text, m):
            n -= 1  # "내년에 3학년": in 2nd grade now
            if n < 1:
                continue
        newborn, guessed = bool(m["newborn"]), kind == "upper"
        named = kin and _KIN_BEFORE.search(text, max(last_end, m.start() - 6), m.start()) is not None
        if kind == "age" and m["m"] and n is not None and n >= 36 + 1 and (m["yd"] or m["yn"]):
            mixed.append(len(children))  # "5살 7개월": an age and months, or two children (see below)
        order = ordinal(text, max(last_end, told, m.start() - 12), m.start()) if ranks else None
        if order is None and ranks and (after := ORDINAL_AFTER.match(text, m.end())) is not None:
            order, told = ordinal(text, after.start(), after.end()), after.end()  # "초1 큰애랑 다섯살 작은애"
        orders.append(order)
        born = born_grade(m, today) if rare and kind == "age" else None
        children.append(_child(None, n) if kind == "grade" else _PUPIL if n is None else _child(n, born))
        spans.append((m.start(), m.end()))
        last_end = m.end()
    if len(children) > 1 and ("개월" in text or "달" in text):
        restate(text, children, orders, spans)  # "돌 지난 아기.. 14개월이요": one child, said again
    if len(children) > 1:
        corrected(text, children, orders, spans)  # "7살인가? 아니 6살이요": one child, the last age said
    if len(children) > 1:
        cap_repeats(text, children, orders, spans)  # "애가 둘이고 6살 4살 … 6살 큰애는": the 6-year-old named again
    if children and ("유치원" in text or "어린이집" in text):
        add_preschoolers(text, children, orders, spans, said_at)  # "초2 딸이랑 유치원생 아들": two children
    if children and ("유치원" in text or "어린이집" in text or "반" in text):
        children = kindergartners(children, text)
    if ("중" in text or "졸업" in text) and LAST_YEAR.search(text):
        # "예비 중학생", "내년에 중학교 가는", "초등 졸업 앞둔": in sixth grade now, whatever age was said
        children[:1] = [_child(None, 6)]
        orders = orders or [None]
    # every match of the two has 학, 초 or 졸업 in it: 내 (내년) and 예비 alone (내일 …) need no search
    elif ("학" in text or "졸업" in text or "초1" in text or (("내" in text or "예비" in text) and "초" in text)) and (
        NEXT_SCHOOL.search(text) or (MARCH_SCHOOL.search(text) and (today is None or today.month != 3))
    ):
        children = preschool(children, today)
        orders = orders[: len(children)] + [None] * (len(children) - len(orders))
    elif ("입학" in text or "들어" in text) and (entered := ENTERED.search(text)):
        at = entered_child(text, entered, orders, spans, ranks)
        if at is None:  # "첫째는 이번에 초등학교 입학했고 둘째는 5살이에요": the first-grader is another child
            at = sum(1 for a, _ in spans if a < entered.start())
            children.insert(at, _child(None, 1))
            orders.insert(at, ordinal(text, max(0, entered.start() - 16), entered.start()) if ranks else None)
        elif children[at].school_grade is None:  # "이번에 초등학교 입학했어요 8살": in first grade now
            children[at] = Child(age_months=children[at].age_months, school_grade=1)
    twins = TWINS.search(text) if "쌍" in text or "둥이" in text else None
    if twins and children:
        at = next((i for i, c in enumerate(children) if c is not None), 0)
        extra = 2 if twins["n"] or twins["n3"] else 1
        children[at + 1 : at + 1] = [children[at]] * extra
        orders[at + 1 : at + 1] = [orders[at]] * extra
    elif twins:
        n = 3 if twins["n"] or twins["n3"] else 2
        children, orders = [NO_AGE] * n, [None] * n
    said = counted(text) if len(children) < 4 else 0
    if merges and (len(children) < said <= len(children) + merges or (
            not said and len(children) == 1 and "들" in text and _PLURAL.search(text))):
        return _find_children(text, today, merge=False)  # "아이 셋 초3 초1 5살", "애들 … 초2 7살": none merged
    if said == len(children) + 1 and mixed:
        # "애 둘 5살 7개월": one child more is counted than ages said, and nobody gives a five-year-old's age in
        # months: a five-year-old and a baby of seven months
        at = mixed[0]
        years, months = children[at].age_months // 12, children[at].age_months % 12  # type: ignore[operator]
        children[at : at + 1] = [Child(age_months=years * 12), Child(age_months=months)]
        orders[at + 1 : at + 1] = [None]
    if said > len(children):  # "애 둘", "초5 남매": more children than ages said; the others' ages are unknown
        orders += [None] * (said - len(children))
        children += [NO_AGE] * (said - len(children))
    if ranks and 0 < len(children) < 4 and (said_ranks := said_orders(text)) and len(children) < len(said_ranks):
        # "첫째는 5살이고 이번에 둘째를 낳았는데": a child named by birth order alone is a child too (the baby
        # just born first, as its age is the one least likely said)
        missing = sorted((r for r in said_ranks if r not in orders), key=lambda r: (not said_ranks[r], -r))
        extra = missing[: len(said_ranks) - len(children)]
        if extra and all(o is None and c.age_months is not None and c.age_months < 36
                         for o, c in zip(orders, children, strict=True)):
            extra = sorted(missing)[: len(extra)]  # "큰애는 데려가고 작은애만 … 17개월": the baby is the younger
        children += [NO_AGE] * len(extra)
        orders += extra
    if ("낳" in text or "태어" in text) and (born := _JUST_BORN.search(text)) and len(children) == _RANK[born[1]] - 1:
        children.append(_child(0, None))  # "지난주에 셋째 낳았어요 위에 애들은 7살 4살": the baby is the third
        orders.append(_RANK[born[1]])
    if orders.count(None) < len(orders):  # a rank said (as any(o is not None ...), without a generator)
        # "둘째가 백일이라 첫째 4살 맡기고 싶어요": the first child is the 첫째, wherever it is mentioned; a child
        # said with no rank takes the first rank nobody was given ("초1 딸 있고 둘째는 4살": the 초1 is the 첫째)
        free = iter(sorted(set(range(1, len(children) + 1)) - set(orders)) + [5] * len(children))
        ranks = [next(free) if o is None else o for o in orders]
        ranked = sorted(range(len(children)), key=lambda i: (ranks[i], i))
        return tuple(children[i] for i in ranked)
    return tuple(children)


