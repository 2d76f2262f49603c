"""A conversation's children: one typed child, and how the children one message names fold into those known."""

from __future__ import annotations

from dataclasses import dataclass

from routing.need import Child

SCHOOL_MONTHS = 7 * 12
"""The usual age at school (초1): a '9살' answer fills the school child's place, a '4살' the other's."""


@dataclass(frozen=True, slots=True)
class Kid:
    age_months: int | None = None
    school_grade: int | None = None
    label: str | None = None
    """How the parent put it when it was a bracket button (e.g. '3~5살')."""
    school: bool = False
    """At elementary school, the grade not said yet ('첫째는 초등학생'): the grade is asked."""
    twin: bool = False
    """One of twins whose age is not said yet ('쌍둥이예요'): one age answers for all of them."""

    def as_child(self) -> Child:
        return Child(self.age_months, self.school_grade)

    @property
    def known(self) -> bool:
        return self.age_months is not None or self.school_grade is not None


def age_rank(kid: Kid) -> int:
    """Months, a school grade read as its usual age (초1 = 7 years), for '큰애' and '막내'."""
    if kid.school_grade is not None:
        return (kid.school_grade + 6) * 12
    if kid.school:
        return SCHOOL_MONTHS
    return kid.age_months if kid.age_months is not None else -1


def marked(kids: tuple[Kid, ...], school: int, twins: bool) -> tuple[Kid, ...]:
    """The first ``school`` children without an age marked as at school; all of them as twins with ``twins``."""
    out = []
    for kid in kids:
        if not kid.known and school > 0:
            kid, school = Kid(label=kid.label, school=True, twin=kid.twin), school - 1
        if not kid.known and twins:
            kid = Kid(label=kid.label, school=kid.school, twin=True)
        out.append(kid)
    return tuple(out)


def filled(old: tuple[Kid, ...], new: tuple[Kid, ...], negated: bool = False) -> tuple[Kid, ...] | None:
    """``old`` with ``new`` put where an age is missing, when ``new`` answers for those children (a '아니' before
    it too: a child is never dropped while another's age is asked); a count ('애 셋이에요') after children already
    known adds the rest without losing them. None: ``new`` replaces."""
    holes = [i for i, k in enumerate(old) if not k.known]
    if negated and not holes:
        return None  # '아니 5살이요': a correction
    known = [i for i, k in enumerate(old) if k.known]
    if negated and len(new) == 1 and len(known) == 1 and new[0].known and not (
            any(old[i].school for i in holes) and age_rank(new[0]) >= SCHOOL_MONTHS):
        # '아이 둘이요 7살이랑' then '아 아니 8살이요': the age said is corrected, the other child still asked
        return old[:known[0]] + new + old[known[0] + 1:]
    if all(not k.known for k in new):
        if not old or len(new) <= len(old):
            return old or None  # '쌍둥이예요' said again, or the count of children already there
        known = [k for k in old if k.known]
        if len(known) == 1 and all(k.twin for k in new):
            return tuple(Kid(known[0].age_months, known[0].school_grade) for _ in new)  # '3살' then '쌍둥이예요'
        return old + new[len(old):]
    ages = {(k.age_months, k.school_grade) for k in new if k.known}
    if holes and len(ages) == 1 and len(new) <= len(holes) and all(old[i].twin for i in holes):
        # one age for the twins, '3살이요' or '둘 다 3살' (read as a 3-year-old and a child without an age)
        said = next(k for k in new if k.known)
        return tuple(Kid(said.age_months, said.school_grade, said.label) if k.twin and not k.known else k
                     for k in old)
    if not holes or any(not k.known for k in new) or len(new) > len(holes):
        return None
    kids = list(old)
    if len(new) == 1 and old[holes[0]].twin:  # one age for the twins
        return tuple(Kid(new[0].age_months, new[0].school_grade, new[0].label) if k.twin and not k.known else k
                     for k in old)
    for kid in new:
        at = next((i for i in holes if old[i].school == (age_rank(kid) >= SCHOOL_MONTHS)), holes[0])
        holes.remove(at)
        kids[at] = kid
    return tuple(kids)
