"""Children and school entry: which child has just started school ("이번에 입학했어요"), and one about to start it."""

from __future__ import annotations

import re

from routing.birthorder import ordinal, said_order
from routing.counts import SEPARATOR
from routing.need import Child
from routing.schoolyear import MARCH_SCHOOL, NEXT_SCHOOL

AFTER_SCHOOL = re.compile(
    r"방과\s*후|학교\s*(?:가\s*)?(?:끝나고|끝나면|마치고|마치면|끝난\s*(?:뒤|후))|하교\s*(?:후|하고|하면)")
"""Words for the end of the school day."""
SOON = 60
"""Minutes before an after-school start within which a message with no day still means today."""


def after_school(compact: str, start: int | None, minute: int) -> bool:
    """Care after the school day with no day said ("방과후 3시부터 7시까지", "학교 끝나고 1시부터"): a school day's
    routine, not today's (said on a Sunday it is no Sunday care), unless it starts within the hour ("학교 마치고
    3시부터" said at 15:00 is today's)."""
    if AFTER_SCHOOL.search(compact) is None:
        return False
    return start is None or start - minute > SOON


def entered_child(text: str, m: re.Match[str], orders: list[int | None], spans: list[tuple[int, int]], ranks: bool
             ) -> int | None:
    """Which child has just started school (``ENTERED``): the one of the birth order said before it, else the first
    one; None for a child of its own, named by another birth order than the children with ages ("첫째는 이번에
    입학했고 둘째는 5살") or apart from all of them ("5살 딸이랑 이번에 입학한 아들")."""
    if not spans:
        return None
    start = m.start()
    said = said_order(text, max(0, start - 16), start) if ranks else None
    if said is not None:
        rank = ordinal(text, said.start(), said.end())
        if rank in orders:
            return orders.index(rank)
        if any(o is not None for o in orders):
            return None
        start = said.start()  # apart from the birth order on: "8살 5살인데 큰애가 이번에 입학했어요" is the 8살
    apart = all(SEPARATOR.search(text, b, start) if b <= start else SEPARATOR.search(text, m.end(), a)
                for a, b in spans)
    return None if apart else 0


def pupil_to_be(child: Child, text: str) -> Child:
    """The child a question about applying to a school children's service is ranked for: one who starts school
    next March ("3월에 입학하는 아들 방과후에 다함께돌봄 신청하려면") is asked about as the first-grader they will be;
    any other child as said."""
    if child.school_grade is not None or child.school is True or not ("학" in text or "학교" in text):
        return child
    if NEXT_SCHOOL.search(text) is None and MARCH_SCHOOL.search(text) is None:
        return child
    return Child(age_months=child.age_months, school_grade=1)
