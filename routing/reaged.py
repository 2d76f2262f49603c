"""A child's age corrected in the same message ("7살인가? … 만 6살이요", "26개월이라고 했는데 다시 세보니 28개월"):
one child, whose age is the last one said."""

from __future__ import annotations

import re

from routing.counts import SEPARATOR
from routing.need import Child

_DOUBTED = re.compile(r"\s*(?:이)?(?:인가|였나|이었나|였던가|이었던가|던가|일걸|일껄)(?!요)\s*[?.~…!]*")
"""Right after an age: the parent unsure of it ("일곱살인가?", "26개월이었나"); an age said after corrects it. Not
"3살인가요?" (a question to the service)."""
_REPORTED = re.compile(
    r"\s*(?:이)?라고\s*(?:했|말했|말씀\s*드렸|적었|썼|쓴|적은|그랬|얘기했|말한|한)"
    r"(?:었)?(?:는데|지만|던데|거|것)"
)
"""Right after an age: the age the parent said before ("26개월이라고 했는데"); an age said after corrects it."""
_OTHER_CHILD = re.compile(
    r"(?<![가-힣])(?:딸|아들|조카|손자|손녀|쌍둥이|남매|형제|자매)|(?:큰|작은|둘째|셋째|막내|동생)"
)
"""After the doubt, before the next age: another child named ("딸이 7살인가? 아들은 5살")."""
_NAMES_ANOTHER = re.compile(
    r"\s*(?:짜리|된)?\s*(?:아기|애기|아가|딸|아들|동생)?\s*(?:도|랑|이랑|하고|와|과)(?![가-힣])|\s*동생"
)
"""After the next age: another child ("5살 동생도", "5살도", "5살이랑")."""
_REACH = 32
"""The most letters between the age doubted and the one that corrects it."""


def corrected(text: str, children: list[Child], orders: list[int | None], spans: list[tuple[int, int]]) -> None:
    """Merge, in place, an age doubted or reported as said before into the next age said, which is the same
    child's: the later age wins."""
    i = 1
    while i < len(children):
        end, start = spans[i - 1][1], spans[i][0]
        prev, now = children[i - 1], children[i]
        if (
            prev.age_months is None
            or now.age_months is None
            or prev.school_grade is not None
            or now.school_grade is not None
            or start - end > _REACH
            or (cue := _DOUBTED.match(text, end) or _REPORTED.match(text, end)) is None
            or SEPARATOR.search(text[end:start].replace(",", " "))  # a comma alone: "26개월이라고 했는데, 28개월"
            or _OTHER_CHILD.search(text, cue.end(), start)
            or _NAMES_ANOTHER.match(text, spans[i][1])
        ):
            i += 1
            continue
        children[i - 1] = now
        orders[i - 1] = orders[i - 1] if orders[i - 1] is not None else orders[i]
        del children[i], orders[i], spans[i]
