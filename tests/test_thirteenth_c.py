"""The thirteenth session's third look: today said as fine in more words and in dialect; a weekly routine's
exception in a week said on its own; children counted by kind and the eldest's school year; a trip or a birth
planned days ahead is not a carer's emergency."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described, first_service

SEOUL = ZoneInfo("Asia/Seoul")
WEDNESDAY = datetime(2027, 9, 1, 21, 0, tzinfo=SEOUL)
"""Wednesday 1 September 2027: tomorrow is the 2nd, Friday the 3rd, next week's Monday the 6th."""


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("어제 열이 나서 병원 갔다왔는데 오늘은 잘 놀고 있어요 그래도 내일 하루 집에서 봐주실 분", "2027-09-02"),
        ("오늘은 괘안은데 모레 아침 8시부터 저녁 6시까지 부탁드려요 5살", "2027-09-03"),
        ("오늘은 밥도 잘 묵고 잘 자는데 금요일에 병원 검사 있어서 그날 봐줄 사람", "2027-09-03"),
        ("오늘은 괜찬아요 다음주 화요일 저녁 7시부터 10시까지요 4살", "2027-09-07"),
    ],
)
def test_today_said_as_fine_leaves_the_later_day(text: str, day: str) -> None:
    assert described(text, WEDNESDAY)["date"] == day


@pytest.mark.parametrize(
    "text",
    [
        "오늘은 애가 밥을 잘 안 먹고 처져서 오늘 저녁에 봐주실 분 있을까요 내일은 제가 봐요",
        "오늘은 남편이 못 보고 내일은 제가 쉬어요 오늘 저녁 6시부터요",
    ],
)
def test_today_not_fine_stays_the_day(text: str) -> None:
    assert described(text, WEDNESDAY)["date"] == "2027-09-01"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("일요일마다 아빠한테 보내는데 다음주는 아빠가 출장이래요 그날 10시부터 5시까지", "2027-09-12"),
        ("매주 토요일 봐주시던 이모님이 담주엔 못 오신대요 그날 8시부터 2시까지 6살", "2027-09-11"),
        ("화요일마다 친정엄마가 오시는데 다다음주는 여행 가신대요 그날 저녁 6시부터", "2027-09-14"),
        ("금요일마다 시어머니가 봐주시는데 이번주는 병원 가신대요 9시부터 6시까지", "2027-09-03"),
        ("토요일마다 봐주실 분 찾아요 다음주부터요 5살", "2027-09-11"),
    ],
)
def test_a_routines_exception_falls_in_the_week_said(text: str, day: str) -> None:
    assert described(text, WEDNESDAY)["date"] == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("토요일마다 9시부터 6시까지 봐주실 분 찾아요", "2027-09-04"),
        ("이번주 토요일 10시부터 맡길 수 있나요", "2027-09-04"),
    ],
)
def test_a_routine_with_no_week_said_or_another_day_stays(text: str, day: str) -> None:
    assert described(text, WEDNESDAY)["date"] == day


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("애 하나 유치원생 하나 토요일에 봐주실 분 있을까요", 2),
        ("아기 하나 초등학생 하나 있어요 방학 동안 낮에 맡길 곳", 2),
        ("초3 하나 애기 하나요 토요일 9시부터", 2),
        ("애 하나 키우는 맞벌이인데 토요일 봐줄 곳 있나요", 1),
    ],
)
def test_children_of_different_kinds_counted_one_each(text: str, count: int) -> None:
    assert len(described(text, WEDNESDAY)["children"]) == count


@pytest.mark.parametrize(
    ("text", "grade", "count"),
    [
        ("큰놈이 초2 작은놈 5살 토요일에 맡길 곳 있나요", 2, 2),
        ("애가 둘인데 큰놈 초3 작은놈 4살이에요", 3, 2),
        ("머스마 셋인데 큰넘이 초5 둘째 6살 막내 2살", 5, 3),
        ("막내 3살 큰애 초1 둘이에요", 1, 2),
    ],
)
def test_the_eldest_said_as_keunnom_comes_first(text: str, grade: int, count: int) -> None:
    children = described(text, WEDNESDAY)["children"]
    assert len(children) == count
    assert children[0]["school_grade"] == grade


@pytest.mark.parametrize(
    "text",
    [
        "아내가 둘째 낳고 조리원에 있어서 제가 첫째 4살을 보는데 다음주 목요일 출장이 잡혀서 8시부터 8시까지 맡길 곳",
        "와이프가 셋째 출산으로 산후조리원에 있고 다음주 화요일에 회사 워크숍이라 9시부터 6시까지 큰애 3살 봐주실 곳",
        "5월에 출산 예정이라 조리원 들어가는 동안 첫째 30개월 맡길 곳 미리 찾아요 5월 10일부터 평일 낮에요",
    ],
)
def test_a_trip_or_a_birth_planned_days_ahead_is_ordinary_care(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "daycare-365"


@pytest.mark.parametrize(
    "text",
    [
        "와이프가 조리원에 있는데 갑자기 출장이 잡혀서 금요일 아침 7시부터 첫째 4살 맡길 곳",
        "진통이 와서 지금 병원 가요 첫째 3살 봐주실 분 급해요",
        "아내가 출산으로 조리원에 있는데 저도 내일 수술이라 첫째 4살 봐주실 곳",
    ],
)
def test_a_sudden_trip_labour_or_a_stay_tomorrow_stays_an_emergency(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "emergency-119"
