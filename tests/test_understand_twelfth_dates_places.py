"""Readings from the twelfth session's misses: days counted in native Korean words (열흘 뒤, 보름 후), a run of days
said from tomorrow (내일 모레 글피), a holiday a stretch of days takes in (신정 끼고 31일부터); a service site named
after an area (율곡센터, 아포지점), where the family is now rather than where they were going, and the place they
move to rather than the one they leave."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described

SEOUL = ZoneInfo("Asia/Seoul")
FRIDAY_NOON = datetime(2027, 4, 2, 12, 0, tzinfo=SEOUL)
"""Friday 2 April 2027."""


def read(text: str, now: datetime = FRIDAY_NOON) -> dict:
    return described(text, now)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("오늘부터 열흘 뒤에 입원해요 그날 9시부터 6시까지 4살 봐주실 분", "2027-04-12"),
        ("보름 후에 출장 잡혔어요 아침 9시부터 5살 아들", "2027-04-17"),
        ("오늘부터 사흘 뒤 10시부터 4시까지 3살 맡길 곳", "2027-04-05"),
        ("나흘 뒤에 병원 예약이라 2시부터 5시까지 26개월", "2027-04-06"),
        ("엿새 후 오전에 세 살 딸 봐주세요", "2027-04-08"),
        ("이레 지나서 교육 들어가요 4살 8시부터 6시", "2027-04-09"),
        ("여드레 뒤에 수술이에요 6살 하루 종일", "2027-04-10"),
    ],
)
def test_days_counted_in_native_korean_words(text: str, day: str) -> None:
    assert read(text)["date"] == day


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("오늘 저녁 7시부터 10시까지 4살 열흘 동안 부탁해요", "2027-04-02"),
        ("정월 대보름 행사 가는데 오늘 3시부터 5시까지 4살", "2027-04-02"),
        ("내일 9시부터 6시까지 5살 보름 정도 다닐 곳 찾아요", "2027-04-03"),
    ],
)
def test_a_native_count_that_is_no_day_after_leaves_the_day_said(text: str, day: str) -> None:
    """열흘 동안 is how long, 대보름 a feast: the day said stays the care day."""
    assert read(text)["date"] == day


TUESDAY_NIGHT = datetime(2027, 6, 1, 22, 0, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("내일 모레 글피 사흘간 출장이에요 저녁 6시부터 9시까지 5살 봐주세요", "2027-06-02"),
        ("낼모레글피 밤 근무라 초3 딸 저녁 7시부터 봐주실 분", "2027-06-02"),
        ("내일 모레, 글피 야근해요 4살 6시부터 10시까지", "2027-06-02"),
        # lookalikes: 내일모레 alone is the day after tomorrow; 모레 글피 starts at 모레
        ("내일모레 저녁 6시부터 10시까지 4살", "2027-06-03"),
        ("모레 글피 이틀 동안 6살 아침 9시부터", "2027-06-03"),
    ],
)
def test_a_run_of_days_starts_at_its_first(text: str, day: str) -> None:
    assert read(text, TUESDAY_NIGHT)["date"] == day


NEW_YEARS_EVE_EVE = datetime(2026, 12, 30, 16, 0, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("신정 끼고 31일 저녁부터 1월 2일 아침까지 4살 봐주실 분", "2026-12-31"),
        ("새해 연휴 앞인데 신정을 끼고 목요일부터 토요일까지 출장이에요 초2", "2026-12-31"),
        ("신정 포함해서 31일부터 3일간 5살 맡길 곳 있나요", "2026-12-31"),
        # lookalikes: the holiday is the care day when nothing else is said, or when it is said alone
        ("신정에 출근해요 9시부터 6시까지 4살", "2027-01-01"),
        ("신정 끼고 2박 3일 여행가는데 강아지는 아니고 4살 봐줄 곳", "2027-01-01"),
    ],
)
def test_a_holiday_a_stretch_takes_in_is_not_its_start(text: str, day: str) -> None:
    assert read(text, NEW_YEARS_EVE_EVE)["date"] == day


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("다함께돌봄 아포센터 오늘 자리 있나요 초3", "아포읍"),
        ("지좌센터요 초2 오늘 4시부터 7시까지", "지좌동"),
        ("농협 개령지점 옆에 살아요 4살", "개령면"),
        ("율곡점이요 5살 오늘 3시부터", "율곡동"),
        # lookalikes: 점 before a longer word is not a site
        ("율곡점심 먹고 4살", None),
    ],
)
def test_a_service_site_named_after_an_area(text: str, place: str | None) -> None:
    assert read(text)["place"] == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("할매댁 감문면에 애 맡기러 가다가 차가 고장났어요 지금 위치 개령면 쪽이에요 4살 오늘 5시까지", "개령면"),
        ("친정 봉산면 가는 길인데 현재 위치는 어모면이요 3살", "어모면"),
        ("대항면으로 가다가 사고났어요 지금 있는 곳 구성면 근처예요 5살", "구성면"),
        ("다음주 이사하는데 아포읍 국사리에서 율곡동으로 가요 그 근처 어린이집 2살", "율곡동"),
        ("이사 날이라 지좌동에서 대곡동으로 옮겨요 새집 근처에 4살 맡길 데", "대곡동"),
        # lookalikes: home said outright wins; going somewhere for work is no move
        ("율곡동에 살고 아포읍으로 가는 중이에요 4살 오늘 6시까지", "율곡동"),
        ("아포읍에서 율곡동으로 출근해요 4살 오늘 7시까지", "아포읍"),
        ("아포읍에 사는데 할매가 봉산면 계세요 4살", "아포읍"),
    ],
)
def test_where_the_family_is_now_and_where_they_move_to(text: str, place: str) -> None:
    assert read(text)["place"] == place
