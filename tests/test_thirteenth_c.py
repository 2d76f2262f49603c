"""The thirteenth session's third look: today said as fine in more words and in dialect; a weekly routine's
exception in a week said on its own; children counted by kind and the eldest's school year; a trip or a birth
planned days ahead is not a carer's emergency."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described

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
