"""Readings from dev rounds 116-119: a carer's emergency just heard of ("병원 가셨다 카네요", "입원하셨대요") is
today's; a sure small-hours start said late at night is the coming night's; the hour the parent comes back is the end
when only a start is said; today named as the reason ("남편이 오늘 당직이라") before tomorrow's hours leaves tomorrow
the day."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described

SEOUL = ZoneInfo("Asia/Seoul")
WEDNESDAY_AFTERNOON = datetime(2027, 3, 17, 14, 5, tzinfo=SEOUL)
THURSDAY_NIGHT = datetime(2027, 6, 10, 22, 30, tzinfo=SEOUL)
TUESDAY_EVENING = datetime(2027, 3, 16, 20, 15, tzinfo=SEOUL)


@pytest.mark.parametrize(
    "text",
    [
        "친정엄마가 애 보시다가 허리를 다치셔서 병원 가셨대요 저녁까지 봐줄 데 있나요 3살",
        "시어머니가 어지럽다고 하셔서 입원하셨어요 애 맡길 곳이 없네요 20개월",
        "할아버지가 쓰러지셔서 응급실 가셨다 카네요 애 봐줄 사람 필요해요 5살",
        "이모가 애 보다가 손목을 다쳐서 병원에 실려가셨대요 4살 아들 좀 봐주세요",
    ],
)
def test_carer_hurt_just_heard_is_today(text: str) -> None:
    assert read_day(text, WEDNESDAY_AFTERNOON) == "2027-03-17"


@pytest.mark.parametrize(
    "text",
    [
        "작년에 할머니가 입원하셨을 때 애 맡길 데가 없었어요 3살",
        "할머니가 입원하셨었는데 그때 돌봄센터 이용했어요 4살",
        "다음달에 할머니가 수술 예정이라 입원하셔야 해요 애 맡길 곳 5살",
    ],
)
def test_carer_in_hospital_told_or_planned_has_no_day(text: str) -> None:
    assert read_day(text, WEDNESDAY_AFTERNOON) is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("새벽 3시에 첫 비행기 타러 나가야 해서 아침까지 애 봐주실 분 6살", "03:00"),
        ("새벽 4시 출근이라 애 재워두고 나가는데 봐줄 분 있을까요 5살", "04:00"),
        ("새벽 1시에 장례식장 가봐야 돼서 아침까지 봐주세요 4살", "01:00"),
    ],
)
def test_small_hours_start_said_at_night_is_the_coming_night(text: str, start: str) -> None:
    got = read(text, THURSDAY_NIGHT)
    assert (got["date"], got["start"]) == ("2027-06-11", start)


def test_small_hours_in_a_schedule_has_no_day() -> None:
    # a habit (매일) is no coming night
    got = read("매일 새벽 2시에 출근해요 아침까지 봐줄 분 5살", THURSDAY_NIGHT)
    assert got["date"] is None


@pytest.mark.parametrize(
    ("text", "date", "start", "end"),
    [
        ("일요일에 동창 모임 갔다가 밤 10시쯤 올 거 같은데 5살 낮 12시부터 봐줄 곳", "2027-03-21", "12:00", "22:00"),
        ("금요일 저녁 8시에 돌아올게요 6살 딸 오후 2시부터 부탁드려요", "2027-03-19", "14:00", "20:00"),
        ("목요일에 서울 갔다가 저녁 7시쯤 들어올 거 같아요 3살 오전 10시부터 봐주세요", "2027-03-18", "10:00", "19:00"),
    ],
)
def test_return_hour_is_the_end(text: str, date: str, start: str, end: str) -> None:
    got = read(text, TUESDAY_EVENING)
    assert (got["date"], got["start"], got["end"]) == (date, start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # a return before the start is no end; a range said keeps its own end
        ("금요일 오전 11시에 들어올 거 같은데 오후 2시부터 봐주세요 5살", "14:00", None),
        ("금요일 밤 9시쯤 올 거 같은데 오후 1시부터 6시까지만 봐주세요 4살", "13:00", "18:00"),
    ],
)
def test_return_hour_lookalikes(text: str, start: str, end: str | None) -> None:
    got = read(text, TUESDAY_EVENING)
    assert (got["start"], got["end"]) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("애아빠가 오늘 야근이라 없는데 저 내일 아침 7시 출근이에요 4살 7시부터 9시까지 봐주실 분", "07:00", "09:00"),
        ("신랑이 오늘 출장이라 혼자예요 내일 아침 6시반부터 8시반까지 봐줄 데 있나요 2살", "06:30", "08:30"),
        ("할머니가 오늘 검진이라 못 오셔서 내일 오전 8시부터 10시까지 맡길 곳 5살", "08:00", "10:00"),
    ],
)
def test_today_as_reason_then_tomorrows_hours(text: str, start: str, end: str) -> None:
    got = read(text, TUESDAY_EVENING)
    assert (got["date"], got["start"], got["end"]) == ("2027-03-17", start, end)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # hours said right after 오늘: today's; a reason with no start after 내일: unchanged
        ("오늘 야근이라 밤 9시부터 내일 아침 7시까지 봐주세요 4살", "2027-03-16"),
        ("오늘 당직이라 9시부터 11시까지 봐주실 분 있나요 내일은 괜찮아요 5살", "2027-03-16"),
    ],
)
def test_today_as_reason_lookalikes(text: str, date: str) -> None:
    assert read(text, TUESDAY_EVENING)["date"] == date


def read(text: str, now: datetime) -> dict:
    return described(text, now)


def read_day(text: str, now: datetime) -> str | None:
    return read(text, now)["date"]
