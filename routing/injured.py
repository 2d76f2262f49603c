"""A child's own injury told with no other subject: a child kept from daycare with a cast is no carer's emergency."""

from __future__ import annotations

import re
from collections.abc import Iterable

_INJURY = re.compile(r"깁스|부러|뿌러|골절|꿰매|다쳐|다쳤|응급실")
"""The emergency words of an injury (not a funeral, a birth or a sudden shift)."""
_KEPT_HOME = re.compile(
    r"(?:어린이집|유치원|학교)(?:에|은|는|도|을|를)?(?:못|몬)(?:보내|보낼|가|갈|다니)|등원(?:을|도|은|이)?(?:못|몬|안되|안돼)"
)
"""The child cannot go to daycare or school ("이번주 어린이집 못가는데", "2주 동안 등원을 못해서")."""
_EMERGENCY = "emergency"


def childs_injury(compact: str, situations: frozenset[str], carers: Iterable[str]) -> frozenset[str]:
    """``situations`` without the carer's emergency when its only reason is an injury told with no carer named and
    the child cannot go to daycare: the injury is the child's ("팔 부러져서 깁스했어요 등원을 못해서 집에서 봐주실
    분"), who is cared for at home, not a carer in hospital ("제가 팔이 부러져서 어린이집 못 데려다줘요" keeps it)."""
    if (_EMERGENCY not in situations or _KEPT_HOME.search(compact) is None or _INJURY.search(compact) is None
            or any(word in compact for word in carers)):
        return situations
    return situations - {_EMERGENCY}
