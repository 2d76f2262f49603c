"""Dates and birth years in Sino-Korean number words read as the same dates in digits (routing.numberdates)."""

from __future__ import annotations

from datetime import datetime

import pytest

from routing.numberdates import with_digits
from tests.reader_cases import KST, described

SUNDAY_NIGHT = datetime(2026, 12, 13, 21, 40, tzinfo=KST)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("1월 이십칠일 낮에", "1월 27일 낮에"),
        ("시월 삼일부터", "10월 3일부터"),
        ("유월에 동생 태어나요", "6월에 동생 태어나요"),
        ("십이월이십육일 토요일", "12월 26일 토요일"),
        ("이십팔일에 되나요", "28일에 되나요"),
        ("오일 뒤에", "5일 뒤에"),
        ("삼주 후부터", "3주 후부터"),
        ("이십오년 팔월생", "25년 8월생"),
        ("이천이십삼년 일월생", "2023년 1월생"),
    ],
)
def test_a_date_count_or_birth_year_in_words_is_written_in_digits(text: str, written: str) -> None:
    assert with_digits(text) == written


@pytest.mark.parametrize(
    "text",
    [
        "이 월요일에 맡겨요",  # "this Monday", not February
        "일월화 다 돼요",  # weekdays listed
        "매월 말에",  # every month
        "오월드 놀러가요",  # a park's name
        "이월금 정산",  # carried over
        "십일조 내는 날",  # a tithe
        "삼일장이라",  # a three-day funeral
        "일주일 내내",  # a week
        "이주 여성 상담",  # migrant
        "사일구 기념",  # a holiday's name in letters, no 일 after it
    ],
)
def test_words_that_only_look_like_dates_stay_as_they_are(text: str) -> None:
    assert with_digits(text) == text


@pytest.mark.parametrize(
    ("text", "day", "age_months"),
    [
        ("1월 이십일일 목요일 아침 9시부터 5살 아들", "2027-01-21", 60),
        ("이십육년 일월생 아기 내일 오전에 봐주실 분", "2026-12-14", 10),  # born on the 15th, as 26년 1월생
        ("사일 뒤 오후에 초1 딸 맡길 데 있나요", "2026-12-17", None),
        ("삼월 이일 입학식이라 그날 오전만 여섯살 동생 봐주세요", "2027-03-02", 72),
    ],
)
def test_a_care_day_and_a_birth_month_in_words_read_as_in_digits(text: str, day: str, age_months: int | None) -> None:
    said = described(text, SUNDAY_NIGHT)
    assert said["date"] == day
    if age_months is not None:
        assert said["age_months"] == age_months
