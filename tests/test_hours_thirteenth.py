"""Care hours from the thirteenth round of dev sets: a drop-off said with 데려다 (not a correction), the gap between a
child's day ending and the parent arriving, the current clock said in passing, the parent's work told before the
care's own hours, a bare evening range for a small child, a place asked for by its opening hours, and a service's
hours told as hearsay."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described

MORNING = datetime(2027, 3, 9, 10, 30, tzinfo=KST)  # a Tuesday
AFTERNOON = datetime(2027, 3, 9, 14, 0, tzinfo=KST)


def _hours(text: str, now: datetime = MORNING) -> tuple[str | None, str | None]:
    got = described(text, now)
    return got["start"], got["end"]


@pytest.mark.parametrize("text, hours", [
    ("2시에 데려다 줄게요 7시까지 5살 부탁해요", ("14:00", "19:00")),
    ("4시에 데려다 줄 테니 8시까지만 봐주세요 6살", ("16:00", "20:00")),
    ("낮잠 재우고 1시에 데려다 드릴게요 6시까지 4살", ("13:00", "18:00")),
])
def test_a_drop_off_with_deryeoda_is_the_start_not_a_correction(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("3시 하려다가 4시부터 8시까지로 할게요 5살", ("16:00", "20:00")),
    ("5시 아니 6시부터 9시까지 4살 봐주세요", ("18:00", "21:00")),
])
def test_a_real_correction_still_replaces_the_hour(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("토요일에 일하는데 아침 8시부터 저녁 7시까지 여는 데 있어요? 5살", ("08:00", "19:00")),
    ("오전 10시부터 오후 5시까지 하는 곳 있나요 4살", ("10:00", "17:00")),
    ("설날에 근무라 9시부터 6시까지 여는데 있을까요 세살", ("09:00", "18:00")),
])
def test_a_place_asked_for_by_its_opening_hours_keeps_those_hours(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("학교 끝나는게 1시던데 그때부터 봐줄 데 있나요? 돌봄교실은 3시부터라던데 초1", ("13:00", None)),
    ("1시 반부터 6시까지 봐주세요 학원은 4시부터래요 초2", ("13:30", "18:00")),
    ("끝나는게 12시인데 그때부터 맡길 곳 있나요 지역아동센터는 2시부터라고 하던데 초1", ("12:00", None)),
])
def test_a_services_start_told_as_hearsay_is_not_the_care_start(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("밤 12시까지 하는 거 맞나요? 지금부터 5살 맡기려고요", ("14:00", "00:00")),
    ("6시 반인데 못 가요 야근 9시까지래요 5살", (None, "21:00")),
])
def test_a_service_asked_about_and_the_parents_own_end_stay(text: str, hours: tuple) -> None:
    assert _hours(text, AFTERNOON) == hours


@pytest.mark.parametrize("text, hours", [
    ("어린이집 5시에 끝나는데 7시나 돼야 데리러 갈 수 있어요 4살", ("17:00", "19:00")),
    ("하원이 4시 반인데 저는 7시 넘어야 도착해요 6살", ("16:30", "19:00")),
    ("8시는 돼야 갈 수 있는데 유치원이 6시에 끝나요 5살", ("18:00", "20:00")),
    ("지역아동센터가 7시에 끝난대요 9시 넘어서야 들어가요 초3", ("19:00", "21:00")),
])
def test_the_gap_from_a_childs_day_ending_to_when_the_parent_gets_there(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("하원 6시인데 6시부터 8시까지 봐주세요 4살", ("18:00", "20:00")),
    ("학원 끝나는게 5시인데 그 사이 7시까지 봐주세요 초2", ("17:00", "19:00")),
    ("퇴근이 8시반으로 밀렸어요 어린이집 6시에 끝나는데 그 사이 4살", ("18:00", "20:30")),
])
def test_hours_said_otherwise_around_a_late_arrival_stay(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, now, hours", [
    ("밤 10시에 퇴근해요 그때까지 6살 좀 봐주세요 지금 5시", 17, ("17:00", "22:00")),
    ("남편이 9시에 와요 그때까지만 초1 봐주실 분 지금 7시요", 19, ("19:00", "21:00")),
    ("9시 반에 들어가요 그때까지 4살 부탁드려요 지금 6시", 18, ("18:00", "21:30")),
])
def test_the_clock_told_as_the_time_now_is_the_start(text: str, now: int, hours: tuple) -> None:
    assert _hours(text, MORNING.replace(hour=now, minute=0)) == hours


@pytest.mark.parametrize("text, now, hours", [
    ("지금 6시부터 9시까지 5살 가능한가요", 17, ("18:00", "21:00")),
    ("6시에 하원하는데 지금부터 8시까지 봐주세요 4살", 15, ("18:00", "20:00")),
])
def test_hours_said_around_now_otherwise_stay(text: str, now: int, hours: tuple) -> None:
    assert _hours(text, MORNING.replace(hour=now, minute=0)) == hours


@pytest.mark.parametrize("text, hours", [
    ("8시까지 회의라서 5시에 하원하고 나서 8시 반까지 봐주세요 4살", ("17:00", "20:30")),
    ("10시까지 근무인데 4시 하교 후부터 10시 반까지 부탁해요 초2", ("16:00", "22:30")),
    ("밤 9시까지 야근이라 6시부터 9시 반까지 봐주실 분 5살", ("18:00", "21:30")),
])
def test_the_parents_work_told_before_the_cares_own_end_is_not_the_end(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("9시까지 야근이라 그때까지 봐주세요 6살", (None, "21:00")),
    ("6시부터 9시까지 봐주세요 야근이라서요 4살", ("18:00", "21:00")),
])
def test_the_parents_work_as_the_only_end_stays_the_end(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text", [
    "다음주 목요일 6시~9시 4살",
    "7시부터 9시까지 부탁해요 2살",
    "7시부터 9시까지 애기 봐주실 분",
    "모레 6시 반부터 9시까지 5살 봐줄 곳",
])
def test_a_bare_six_or_seven_to_nine_is_held_as_the_evening(text: str) -> None:
    start, end = _hours(text)
    assert (start[:2], end) == ("18", "21:00") or (start[:2], end) == ("19", "21:00")


@pytest.mark.parametrize("text, hours", [
    ("내일 출근이 빨라서 7시부터 9시까지 4살", ("07:00", "09:00")),
    ("다음주 월요일 6시 반부터 9시 등원 전까지 3살", ("06:30", "09:00")),
    ("모레 8시부터 9시까지 5살", ("08:00", "09:00")),
    ("평일 6시부터 9시까지 4살", ("06:00", "09:00")),
    ("내일 유치원 문 여는 게 9시라서 7시부터 9시까지 5살", ("07:00", "09:00")),
])
def test_a_morning_duty_or_a_start_at_eight_keeps_the_morning(text: str, hours: tuple) -> None:
    assert _hours(text) == hours
