"""Care needs that are no sudden emergency (routing.planned covers a planned hospital stay): care on a run or list
of weekdays for a carer's treatment ("월수금 물리치료", "다음주 월~금 간병"), and a child who hurts other children
(the learned danger reader must not add an alarm there)."""

from __future__ import annotations

import re

from routing.planned import SUDDEN

RECURRING = re.compile(
    r"[월화수목금](?:요일)?(?:~|-|부터)[화수목금토일](?:요일)?|월수금|화목(?:토|요일|마다)|매주|통원치료|격일|주[1-5]회"
)
"""Care on a run or list of weekdays, or for outpatient treatment: booked ahead, not today's emergency."""
_EMERGENCY = "emergency"
HARMS_OTHERS = re.compile(
    r"(?:우리|울)?(?:애|아이|아들|딸|애기)(?:가|이가)(?:어린이집에서|유치원에서)?(?:자꾸|계속|맨날)?"
    r"(?:친구들?|다른(?:애|아이|친구)들?|동생)(?:을|를|한테|들을)?(?:자꾸|계속|맨날)?(?:때리|물|할퀴|밀|꼬집)"
)
"""The child as the one hitting or biting peers ("우리 애가 친구들을 자꾸 때리고 물고"): a worry for counselling."""


def routine_need(compact: str, situations: frozenset[str]) -> frozenset[str]:
    """``situations`` without the carer's emergency when care is asked on set weekdays for treatment or care
    booked ahead and nothing says it is sudden ("물리치료 받으러 가는 월수금 2시부터 4시까지")."""
    if _EMERGENCY not in situations or RECURRING.search(compact) is None or SUDDEN.search(compact) is not None:
        return situations
    return situations - {_EMERGENCY}


def harms_others(compact: str) -> bool:
    """Whether the message tells of the child hurting other children (no learned alarm then)."""
    return HARMS_OTHERS.search(compact) is not None
