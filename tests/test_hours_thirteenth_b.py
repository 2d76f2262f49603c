"""Care hours from the thirteenth round, second pass: a child's place open until an hour told as the reason before
"그 사이", an end referred back to by "그때까지" before a start referred back to by "그때부터", last night told about
a fever (not the care's half of the day), someone looking after the child leaving at an hour ("그 이후로"), the clock
now told with the parent's return; night hours for a child whose age is not said still wait for the age."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described, first_service

MORNING = datetime(2027, 3, 9, 10, 30, tzinfo=KST)  # a Tuesday
EARLY = datetime(2027, 3, 9, 7, 30, tzinfo=KST)
EVENING = datetime(2027, 3, 9, 18, 0, tzinfo=KST)
NIGHT = datetime(2027, 3, 9, 19, 0, tzinfo=KST)


def _hours(text: str, now: datetime = MORNING) -> tuple[str | None, str | None]:
    got = described(text, now)
    return got["start"], got["end"]


@pytest.mark.parametrize("text, hours", [
    ("저 9시 퇴근이에요 어린이집 6시반까지라 그 사이만 봐주세요 4살", ("18:30", "21:00")),
    ("밤 9시 반에 퇴근인데 유치원이 7시까지라서 그 사이 봐줄 분 6살", ("19:00", "21:30")),
    ("어린이집 7시까지인데 남편 10시 퇴근이라 그 사이 3살 부탁해요", ("19:00", "22:00")),
    ("퇴근이 8시라 어린이집 6시까지라.. 그 사이 2시간만 봐주세요 5살", ("18:00", "20:00")),
])
def test_a_place_open_until_an_hour_starts_the_gap_to_the_return(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("어린이집 7시까지라 그 전에 데리러 가요 4살", (None, "19:00")),
    ("7시까지 봐주세요 4살", (None, "19:00")),
])
def test_a_place_open_until_an_hour_without_a_return_stays_an_end(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("금요일에 회식이 밤 10시쯤 끝나요 5살 딸 그때까지 봐줄 분 있나요? 제 퇴근이 6시라 그때부터요", ("18:00", "22:00")),
    ("토요일 결혼식이 밤 9시에 끝나요 그 시간까지 봐주세요 4살. 출발이 3시라 그때부터 부탁해요", ("15:00", "21:00")),
    ("내일 밤 11시에 들어와요 4살 그때까지 봐주실분 퇴근이 7시라 그때부터요", ("19:00", "23:00")),
])
def test_an_end_referred_back_to_before_a_start_referred_back_to(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


def test_a_start_referred_back_to_alone_has_no_end() -> None:
    assert _hours("퇴근 시간이 원래 6시라 그때부터요 4살") == ("18:00", None)


@pytest.mark.parametrize("text, start", [
    ("어젯밤부터 열나요ㅠ 출근해야 돼서 9시부터 봐주실분 4살", "09:00"),
    ("어제 밤부터 열이 나서 어린이집 못 보내요 지금 7시인데 9시부터 봐주실분 5살", "09:00"),
    ("간밤에 토했어요 오늘 11시부터 봐주세요 3살", "11:00"),
])
def test_last_night_told_is_not_the_cares_half_of_the_day(text: str, start: str) -> None:
    assert _hours(text, EARLY)[0] == start


@pytest.mark.parametrize("text, start", [
    ("밤에 9시부터 봐주세요 4살", "21:00"),
    ("오늘 밤 10시부터 봐주세요 4살", "22:00"),
])
def test_tonight_said_still_makes_the_evening(text: str, start: str) -> None:
    assert _hours(text, EARLY)[0] == start


@pytest.mark.parametrize("text, start", [
    ("할머니가 4시에 가셔야 해서 그 뒤로 봐주실분 5살", "16:00"),
    ("친정엄마가 2시에 나가셔야 한대서 그 이후로 봐줄 데 있어요? 4살", "14:00"),
    ("시어머니께서 5시에 가신대서 그 후로 좀 부탁드려요 3살", "17:00"),
    ("옆집 분이 1시에 나가야 한대요 그 뒤로 봐주실분 6살", "13:00"),
])
def test_a_carer_leaving_at_an_hour_starts_the_care_then(text: str, start: str) -> None:
    assert _hours(text)[0] == start


@pytest.mark.parametrize("text, start", [
    ("오늘 아침에 사고가 나서 병원 가는 중이에요 이웃분이 2시에 나가셔야 해서 그 이후로 봐줄 데 5살", "14:00"),
    ("아침부터 할머니가 봐주셨는데 할머니가 3시에 가셔야 해서 그 뒤로 봐주실분 4살", "15:00"),
])
def test_a_carer_leaving_is_the_afternoon_after_a_morning_told(text: str, start: str) -> None:
    assert _hours(text, EARLY)[0] == start


def test_a_carer_coming_at_an_hour_is_still_the_end() -> None:
    assert _hours("할머니가 4시에 오셔요 그때까지 봐주세요 5살") == (None, "16:00")


@pytest.mark.parametrize("text, hours", [
    ("지금 6시인데 9시 반에 들어가요 4살 봐주실분", ("18:00", "21:30")),
    ("지금 6시 반인데 9시쯤 도착해요 3살 부탁해요", ("18:00", "21:00")),
])
def test_the_clock_now_and_the_return_run_now_to_the_return(text: str, hours: tuple) -> None:
    assert _hours(text, EVENING) == hours


def test_the_clock_now_and_a_return_said_at_that_hour() -> None:
    assert _hours("지금 7시인데 10시에 퇴근해요 5살 봐주세요", NIGHT) == ("19:00", "22:00")


@pytest.mark.parametrize("text, hours", [
    ("9시 반에 들어가요 4살 봐주실분", ("21:30", None)),
    ("지금 6시인데 9시까지 봐주실분 4살", (None, "21:00")),
])
def test_a_return_without_the_clock_now_or_an_end_without_a_return_stay(text: str, hours: tuple) -> None:
    assert _hours(text, EVENING) == hours


@pytest.mark.parametrize("text, hours", [
    ("내일 새벽 5시부터 8시까지 애 봐줄분", ("05:00", "08:00")),
    ("내일 새벽 4시부터 7시까지 아이 봐주실 분 있나요", ("04:00", "07:00")),
])
def test_dawn_hours_for_a_child_without_an_age_are_read_and_the_age_is_awaited(text: str, hours: tuple) -> None:
    assert _hours(text, NIGHT) == hours  # which service fits depends on the age (365 or home care): asked first
    assert first_service(text, NIGHT) is None


@pytest.mark.parametrize("text", [
    "내일 오후 2시부터 5시까지 애 봐줄분",
    "밤에 애 봐줄분 있나요",
])
def test_day_hours_or_a_night_without_hours_still_wait_for_the_age(text: str) -> None:
    assert first_service(text, NIGHT) is None
