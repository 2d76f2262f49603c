"""A carer's hospital stay planned days ahead (a caesarean booked for next Monday), or a birth over with the mother
in a postnatal care centre: not a sudden emergency when the care day is days ahead."""

from __future__ import annotations

import re
from datetime import date

PLANNED = re.compile(r"예정(?:된|되어|돼|되있|돼있|이라|이어서|이에요|이예요|입니다|이고|인데)|계획된|계획해둔")
"""The stay said to be planned ("예정된 제왕절개", "입원 예정이라"); not 예정일 (a due date: labour comes when it
comes)."""
AFTER_BIRTH = re.compile(r"조리원(?:에)?(?:있|가있|들어가|들어간|들어갈|가는|갈|인데|이라|이고|이어서)")
"""The mother in a postnatal care centre ("출산으로 조리원에 있어서", "조리원 있는 동안"): the birth is over or
booked, and care days ahead is for the family's other plans (a father's business trip booked next Wednesday)."""
SUDDEN = re.compile(
    r"갑자기|급하|급해|급히|당장|진통(?:이)?(?:와|왔|오|시작)|양수|예정(?:보다|일보다|에없|도없|에도없)|앞당|일찍|조산"
)
"""What makes it sudden after all ("예정보다 일찍 진통이 와서", "수술이 갑자기 앞당겨져서")."""
LEAD_DAYS = 2
"""A care day this many days ahead or more leaves time to book ordinary care."""
_EMERGENCY = "emergency"


def planned_stay(compact: str, situations: frozenset[str], day: date | None, today: date) -> frozenset[str]:
    """``situations`` without the carer's emergency when it is a planned stay with the care day ``LEAD_DAYS`` or
    more ahead: then ordinary care by age and hours comes first ("다음주 월요일 예정된 제왕절개라 8시부터 7시까지",
    "와이프가 출산으로 조리원에 있어서 … 다음 주 수요일에 출장이"),
    while a stay planned for tomorrow, one with no day said, or one that came early stays an emergency."""
    if (_EMERGENCY not in situations or day is None or (day - today).days < LEAD_DAYS
            or (PLANNED.search(compact) is None and AFTER_BIRTH.search(compact) is None)
            or SUDDEN.search(compact) is not None):
        return situations
    return situations - {_EMERGENCY}
