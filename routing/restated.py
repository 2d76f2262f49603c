"""A child's age said again more precisely ("돌 지난 아기.. 14개월이요", "1살은 14개월이에요"): one child, not two."""

from __future__ import annotations

import re

from routing.need import Child
from routing.numbers import value

_MONTHS = re.compile("개월|달")
_YEARS_BEFORE = re.compile(
    r"(?:(?<![0-9])(?P<n>[0-9]{1,2}|한|두|세)\s*(?:살|세)\s*(?:은|는|이면|이요)?"
    r"|(?<![가-힣])(?P<dol>돌)\s*(?:지난|된|막\s*지난)?\s*(?:아기|애기|아가|딸|아들)?(?:은|는|이|요|예요|이요)?)\s*[.…~,]*\s*$"
)
"""Right before the months: the age in whole years they restate ("1살은 14개월", "돌 지난 아기.. 14개월")."""
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
        said = _YEARS_BEFORE.search(text, max(0, c - _REACH), c) if _MONTHS.search(text, c, d) else None
        years = (1 if said["dol"] else value(said["n"])) if said is not None else None
        if (years is not None and months is not None and months // 12 == years and months % 12
                and not _NAMES_ANOTHER.match(text, d)):
            keep = next((j for j in range(i) if children[j].age_months == years * 12), None)
            if keep is not None:
                children[keep] = Child(age_months=months, school_grade=children[keep].school_grade)
                del children[i], orders[i], spans[i]
                continue
        i += 1
