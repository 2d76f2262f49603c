"""Danger classes of the seventh session, with new sentences: a child not where they said they would be, left without a
parent, unable to move, tied up, or hit with an intensifier before the blow is danger; a neighbour's home with nobody in
it (no child named), a child apart from a parent (떨어지다 = to be apart), traffic and tied hair are not."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER

NOW = datetime(2027, 4, 14, 16, 0, tzinfo=ZoneInfo("Asia/Seoul"))

DANGER = [
    "딸이 친구네 간다고 나갔는데 친구 엄마가 안 왔다고 해요 전화도 꺼져 있어요",
    "아들이 도서관 간다고 나갔는데 사서 선생님이 못 봤대요",
    "윗집 애기 둘이 사흘째 엄마도 없이 지내는 거 같아요",
    "공원에서 아빠랑 떨어졌는데 애가 안 보여요 어떡해요",
    "놀이터 그네에서 떨어져서 애가 허리가 아프다고 움직이지 못해요",
    "옆집 사람이 애 손을 기둥에 묶어 놨어요 지금 울고 있어요",
    "아랫집 남자가 애를 마구 패는 소리가 나요 지금도",
    "삼촌이 조카를 세게 때려요 말려도 안 들어요",
]
LOOKALIKES = [
    "윗집은 주말마다 아무도 없어요 조용해서 좋아요",
    "아랫집 애 아빠가 없대요 이혼했다고",
    "아빠랑 떨어져 지내서 애가 요즘 기운이 없어요",
    "할머니랑 떨어져서 손주가 시무룩하게 축 처져 있네요",
    "퇴근길 차가 막혀서 못 움직여요 애 하원 좀 대신 해주실 분",
    "딸 머리 양갈래로 묶어 놨더니 너무 귀여워요",
]


@pytest.mark.parametrize(("text", "danger"), [(t, True) for t in DANGER] + [(t, False) for t in LOOKALIKES])
def test_the_seventh_sessions_danger_classes_and_lookalikes(text: str, danger: bool) -> None:
    assert READER.read(text, NOW).danger is danger, text
