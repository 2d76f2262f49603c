"""Hours told around the care (dev round 115): the gap between a child's day ending and the parent's return, a time
"그때부터" refers back to, a daycare drop-off in the morning, a dawn shift's small hours, a small hour said late at
night, the hour work ends when care runs from school's end."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from routing.command import describe
from tests.shipped import READER, SHIPPED

KST = ZoneInfo("Asia/Seoul")


def _read(text: str, now: datetime) -> dict:
    return describe(READER.read(text, now), SHIPPED)


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 8, hour, minute, tzinfo=KST)  # a Tuesday


@pytest.mark.parametrize(("text", "start", "end"), [
    ("유치원 5시에 끝나는데 남편 퇴근이 9시라 그 사이 봐주실 분 6살", "17:00", "21:00"),
    ("학원 끝나는 게 3시반이고 저 퇴근은 7시에요 그동안 맡길 곳 초3", "15:30", "19:00"),
    ("오늘 퇴근이 9시로 늦어졌어요 어린이집 끝나는 게 7시라 그 사이만요 3살", "19:00", "21:00"),
    ("하교가 1시 반인데 엄마 퇴근은 5시반 중간에 봐줄 데 있나요 1학년", "13:30", "17:30"),
])
def test_gap_between_the_childs_day_and_the_parents_return(text: str, start: str, end: str) -> None:
    got = _read(text, _at(10))
    assert (got["start"], got["end"]) == (start, end)


@pytest.mark.parametrize(("text", "start"), [
    ("내일 5시40분에 나가야 하는데 그때부터 등교까지 봐주세요 초1", "05:40"),
    ("8시 출근이라 7시 반에 집에서 나가요 그때부터 등원까지 4살", "07:30"),
])
def test_from_then_is_the_time_said_before_it(text: str, start: str) -> None:
    assert _read(text, _at(20))["start"] == start


@pytest.mark.parametrize(("text", "start", "end"), [
    ("저 새벽 근무라 3시부터 6시까지 애 봐주실분 10개월", "03:00", "06:00"),
    ("남편은 밤 근무고 저는 새벽 출근이에요 겹치는 2시부터 6시까지 18개월", "02:00", "06:00"),
])
def test_a_dawn_shift_makes_small_hours_the_dawns(text: str, start: str, end: str) -> None:
    got = _read(text, _at(20))
    assert (got["start"], got["end"]) == (start, end)


@pytest.mark.parametrize(("text", "now", "start", "end"), [
    ("어린이집 8시반에 맡기고 퇴근 후 7시반에 찾아요 2살", _at(13), "08:30", "19:30"),
    ("어린이집 7시반에 보내고 퇴근 후 8시에 데리러 가도 되나요 3살", _at(12, 30), "07:30", "20:00"),
])
def test_a_daycare_drop_off_is_the_morning(text: str, now: datetime, start: str, end: str) -> None:
    got = _read(text, now)
    assert (got["start"], got["end"]) == (start, end)


def test_a_range_after_a_morning_drop_off_stays_the_care() -> None:
    got = _read("7시반에 어린이집 맡기고 출근해요 4시부터 7시까지 부탁해요 3살", _at(7))
    assert (got["start"], got["end"]) == ("16:00", "19:00")


@pytest.mark.parametrize("text", [
    "이따 새벽 4시 출근인데 지금 맡길 곳 있을까요 4살",
    "이따 새벽 2시 비행기라 지금 봐주실분 6살",
])
def test_a_small_hour_said_late_at_night_is_the_nights_date(text: str) -> None:
    got = _read(text, _at(23, 10))
    assert got["date"] == "2026-12-09" and got["start"] is not None and got["start"] < "05:00"


def test_a_small_hour_beside_from_now_keeps_todays_date() -> None:
    got = _read("야근 끝나고 가면 새벽 2시쯤 될거같은데 지금부터 6살 딸 봐줄 사람", _at(22, 30))
    assert got["date"] == "2026-12-08"


@pytest.mark.parametrize(("text", "end"), [
    ("이번주 내내 9시 퇴근인데 초1 아들 학교 끝나고부터 봐줄 곳", "21:00"),
    ("11시 퇴근이라 어린이집 하원 후부터 맡길 데 있을까요 4살", "23:00"),
])
def test_work_ending_is_the_end_when_care_runs_from_the_childs_day(text: str, end: str) -> None:
    got = _read(text, _at(12))
    assert (got["start"], got["end"]) == (None, end)


def test_a_child_day_ending_alone_is_the_start() -> None:
    assert _read("어린이집 6시에 끝나요 그 시간에 데리러 갈 분 4살", _at(10))["start"] == "18:00"
