"""Findings of the dialog review: today's own weekday, children told apart by 하나는, a count said alone, lunch."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from routing.command import describe
from tests.shipped import READER, SHIPPED

KST = ZoneInfo("Asia/Seoul")
KNOWLEDGE = SHIPPED
TUE_0900 = datetime(2027, 3, 2, 9, 0, tzinfo=KST)
TUE_2000 = datetime(2027, 3, 2, 20, 0, tzinfo=KST)
TUESDAY, NEXT_TUESDAY = date(2027, 3, 2), date(2027, 3, 9)


@pytest.mark.parametrize(("text", "now", "day"), [
    ("화요일이니까 오늘 3살 봐주실 분", TUE_2000, TUESDAY),  # 오늘 said: today even in the evening
    ("화요일 6살 맡기고 싶어요", TUE_0900, TUESDAY),  # the day's hours still ahead: today
    ("화욜 오후 2시부터 5시까지", TUE_0900, TUESDAY),
    ("화요일 아침 7시부터 8시까지", TUE_0900, NEXT_TUESDAY),  # those hours are over today: next week
    ("화요일에 2살 부탁해요", TUE_2000, NEXT_TUESDAY),  # evening, no hours: the day's care is over
    ("화요일 밤 9시부터 11시까지", TUE_2000, TUESDAY),  # tonight's hours are still ahead
    ("다음 주 화요일 5살", TUE_0900, NEXT_TUESDAY),
    ("수요일 4살", TUE_2000, date(2027, 3, 3)),
    ("화요일인데 내일 봐주실 분", TUE_0900, date(2027, 3, 3)),  # today's weekday as context, 내일 the day
    ("화요일이라 모레 4살", TUE_0900, date(2027, 3, 4)),
])
def test_todays_own_weekday_is_today_while_its_hours_are_ahead(text: str, now: datetime, day: date) -> None:
    assert READER.read(text, now).need.day == day


def ages(text: str) -> list[tuple[int | None, int | None]]:
    return [(c.age_months, c.school_grade) for c in READER.read(text, TUE_0900).children]


@pytest.mark.parametrize(("text", "expected"), [
    ("하나는 초3이고 하나는 6살이에요", [(None, 3), (72, None)]),
    ("한 명은 7살 다른 애는 2살", [(84, None), (24, None)]),
    ("하나는 두 살, 하나는 초1", [(24, None), (None, 1)]),
    ("9살 초3 딸이에요", [(108, 3)]),  # an age and a grade side by side stay one child
])
def test_children_told_apart_by_hana_are_two(text: str, expected: list) -> None:
    assert ages(text) == expected


@pytest.mark.parametrize(("text", "count"), [
    ("음 셋이요", 3),
    ("아뇨 넷이에요", 4),
    ("둘인데 나이는 나중에 말씀드릴게요", 2),
    ("아이가 넷이에요", 4),
    ("둘이서 다녀올게요", 0),  # 둘이서: the parent and someone, not a count of children
    ("애 넷살이에요", 1),  # 넷살 is a typo of 네 살: an age, one child
])
def test_a_count_said_alone_gives_children_of_unknown_age(text: str, count: int) -> None:
    kids = describe(READER.read(text, TUE_0900), KNOWLEDGE)["children"]
    assert len(kids) == count
    assert count != 4 or all(k["age_months"] is None for k in kids)


@pytest.mark.parametrize(("text", "expected"), [
    ("점심시간부터 봐주세요", ("12:00", None)),
    ("점심 먹이고 나서 4시까지", ("13:00", "16:00")),
    ("점심 식사 후부터 가능할까요", ("13:00", None)),
    ("점심 전까지만 봐주세요", (None, "12:00")),
    ("점심 먹고 2시 반부터 5시까지", ("14:30", "17:00")),  # the clock said beats lunch
    ("낮 열두 시부터요", ("12:00", None)),
    ("낮12시~4시", ("12:00", "16:00")),
])
def test_lunch_said_instead_of_a_clock(text: str, expected: tuple) -> None:
    d = describe(READER.read(text, TUE_0900), KNOWLEDGE)
    assert (d["start"], d["end"]) == expected
