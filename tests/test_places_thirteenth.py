"""Places from the thirteenth session's misses: the home said beside the place of work ("집이랑 학교는 X"), the
parent's own place beside where a service is said to be ("저 X라"), a service site named in a question, and the
townships' landmarks (청암사, 사명대사공원)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described

SEOUL = ZoneInfo("Asia/Seoul")
TUESDAY = datetime(2027, 5, 11, 10, 0, tzinfo=SEOUL)
"""Tuesday 11 May 2027."""


def place(text: str) -> str | None:
    return described(text, TUESDAY)["place"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("청암사 근처 살아요 3살 내일 오전에 봐주실 분", "증산면"),
        ("청암사 아래 마을이라 어린이집이 멀어요 20개월", "증산면"),
        ("사명대사공원 근처에서 식당 해요 6살 딸 주말에", "대항면"),
        ("사명대사 공원 앞 살아요 초2 방학 때 봐줄 곳", "대항면"),
        # lookalikes: the landmark already there, and a home said beside a landmark
        ("직지사 근처예요 4살", "대항면"),
        ("청암사 놀러 왔다가 생각나서요 집은 율곡동 5살", "율곡동"),
    ],
)
def test_a_townships_landmark_names_the_township(text: str, where: str) -> None:
    assert place(text) == where
