"""A child's age said again more precisely ("돌 지난 아기.. 14개월이요", "1살은 14개월이에요"): one child, not two."""

from __future__ import annotations

import re

from routing.need import Child
from routing.numbers import value

_MONTHS = re.compile("개월|달")
_YEARS_BEFORE = re.compile(
    r"(?:(?<![0-9])(?P<n>[0-9]{1,2}|한|두|세)\s*(?:살|세)\s*(?:은|는|이면|이요)?"
    r"|(?:(?P<dn>두|세|[23])\s*)?(?<![가-힣])(?P<dol>돌)\s*(?:(?:이제\s*|막\s*|갓\s*)?(?:지난|된|지났|됐)"
    r"(?:어요|는데|고|구|음|습니다|네요|거든요)?)?\s*"
    r"(?:아기|애기|아가|딸|아들)?(?:은|는|이|요|예요|이요)?)\s*[.…~,!]*\s*$"
)
"""Right before the months: the age in whole years they restate ("1살은 14개월", "돌 지난 아기.. 14개월",
"돌 지났어요 13개월", "두 돌 지났는데 26개월")."""
_DAYS = re.compile(r"일\s*$")
"""A child's age said in days ("100일", "애기 50일"): months said after it restate it ("100일 지났는데 … 4개월")."""
_NAMES_ANOTHER = re.compile(r"\s*(?:짜리|된|되는)?\s*(?:아기|애기|아가|딸|아들|동생)?\s*(?:도|랑|이랑|하고|와|과)")
"""After the months: another child named with them ("14개월 아기도", "14개월이랑")."""
_REACH = 14


def restate(text: str, children: list[Child], orders: list[int | None], spans: list[tuple[int, int]]) -> None:
    """Merge, in place, an age in months said right after an age in whole years (살, 세, 돌) of the same year into
    the child named with those years earlier."""
    i = 1
    while i < len(children):
        c, d = spans[i]
        months = children[i].age_months
        if months is None or not _MONTHS.search(text, c, d) or _NAMES_ANOTHER.match(text, d):
            i += 1
            continue
        days = next((j for j in range(i) if _DAYS.search(text, *spans[j]) and children[j].age_months is not None
                     and 0 <= months - children[j].age_months <= 1), None)
        if days is not None:  # "애기 100일 지났는데 … 4개월이에요": the baby's age in days, then in months
            children[days] = Child(age_months=months)
            del children[i], orders[i], spans[i]
            continue
        said = _YEARS_BEFORE.search(text, max(0, c - _REACH), c)
        years = (value(said["dn"]) if said["dn"] else 1) if said is not None and said["dol"] else (
            value(said["n"]) if said is not None else None)
        if years is not None and months // 12 == years and (months % 12 or (said and said["dol"])):
            keep = next((j for j in range(i) if children[j].age_months == years * 12), None)
            if keep is not None:
                children[keep] = Child(age_months=months, school_grade=children[keep].school_grade)
                del children[i], orders[i], spans[i]
                continue
        i += 1
