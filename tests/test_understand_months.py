"""Months said the native way (일곱 달, 한 달 반) are ages; 달 as a month of the calendar or a span is not, nor is the
time since something happened (이사 온 지 석 달)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from routing.need import Child
from tests.test_understand_ages import kids as children_of

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))
kids = partial(children_of, now=NOW)
"""The children read from a message sent at NOW (the reader shared with tests/test_understand_ages.py)."""


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("여덟달이라 어린이집 알아보고 있어요", 8),
        ("우리 애기 다섯 달 됐어요", 5),
        ("열한 달짜리 아들 맡길 곳", 11),
        ("두 달 반 된 딸이에요", 2),
        ("네 달 아기 내일 오후에 봐주실 분", 4),
        ("아기가 여섯 달인데 밤에 맡길 수 있나요", 6),
        ("열달 됐는데 돌봄 되나요", 10),
        ("9달 된 아기", 9),
        ("태어난 지 석 달 된 아기예요", 3),
    ],
)
def test_native_month_counts_are_ages(text: str, months: int) -> None:
    assert kids(text) == (Child(months),)


@pytest.mark.parametrize(
    "text",
    [
        "이번 달 말에 맡길 곳 찾아요",
        "다음 달부터 주 3회 맡기려고요",
        "달마다 한 번씩 봐주실 분",
        "세 달 동안만 맡기고 싶어요",
        "한 달이라도 괜찮아요",
        "이 달 안에 신청하려면",
        "석 달 뒤에 복직해요",
    ],
)
def test_a_month_of_the_calendar_or_a_span_is_no_age(text: str) -> None:
    assert kids(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("이사 온 지 3개월 됐어요 5살 아이", (Child(60),)),
        ("복직한지 두 달 됐는데 4살 딸 봐줄 곳", (Child(48),)),
        ("여기 산 지 1년 2개월인데 7살 아들", (Child(84),)),
        ("이사온지 일곱달이라 동네를 잘 몰라요", ()),
    ],
)
def test_the_time_since_an_event_is_no_age(text: str, expected: tuple[Child, ...]) -> None:
    assert kids(text) == expected


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("생후 5개월째 남아예요", 5),
        ("10개월차 아기 내일 봐주실 분", 10),
        ("세 달째예요 우리 아가", 3),
        ("8개월째인데 어린이집 되나요", 8),
    ],
)
def test_the_month_of_life_a_baby_is_in_is_its_age(text: str, months: int) -> None:
    assert kids(text) == (Child(months),)


@pytest.mark.parametrize("text", ["두 달째 맡기고 있어요 4살", "석 달째 대기 중인데 4살", "3개월 차이 나는 4살 아이"])
def test_a_count_of_months_that_is_a_span_stays_no_age(text: str) -> None:
    assert kids(text) == (Child(48),)


@pytest.mark.parametrize(("text", "months"), [("생후 3주 아기", 0), ("5주 된 아가", 1), ("2주차 신생아", 0)])
def test_a_baby_counted_in_weeks_is_its_months(text: str, months: int) -> None:
    assert kids(text) == (Child(months),)


def test_weeks_that_are_a_span_or_the_week_are_no_age() -> None:
    assert kids("3주 동안 맡길 곳 5살") == (Child(60),)
    assert kids("다음 주 월요일에 5살") == (Child(60),)
