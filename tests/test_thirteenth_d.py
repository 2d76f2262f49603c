"""The thirteenth session's fourth look: a birth told as a year and month with 낳았어요 or 태어났어요; a younger
child named by birth order beside another; a benefit asked by who the family is; a child kept home to recover;
a sick child's care asked for tomorrow after today's early leave."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described, first_service

SEOUL = ZoneInfo("Asia/Seoul")
MONDAY = datetime(2027, 9, 6, 14, 0, tzinfo=SEOUL)
"""Monday 6 September 2027: tomorrow is the 7th."""


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2027년 3월에 낳았어요 아들이요 봐주실 분 찾아요", 5),  # born 15 March: five full months on 6 September
        ("우리 아들 2025년 1월 태어났어요 다음주 월요일 맡기고 싶어요", 31),
        ("2026년 6월에 태어났는데 어린이집 자리가 없어서요", 14),
        ("딸은 2024년 12월에 낳은 아이예요 토요일에 봐주세요", 32),
    ],
)
def test_birth_year_and_month_with_a_verb(text: str, months: int) -> None:
    seen = described(text, MONDAY)
    assert seen["age_months"] == months
    assert len(seen["children"]) == 1


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2027년 3월에 낳을 예정이에요 미리 알아보려고요", None),  # not born yet
        ("2025년 3월 이사 와서 아는 사람이 없어요 5살이에요", 60),  # a move, not a birth
    ],
)
def test_year_and_month_without_a_birth_is_no_age_from_it(text: str, months: int | None) -> None:
    assert described(text, MONDAY)["age_months"] == months
