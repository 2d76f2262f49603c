"""Care hours from the twelfth round of dev sets: hours counted from now to when the parent is back, a range said
after a service's or a job's start told in passing, a hand-over between the parent who leaves and the one who comes,
and the hour the parent's work ends as the care's end."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described

AFTERNOON = datetime(2027, 3, 9, 14, 0, tzinfo=KST)  # a Tuesday
EVENING = datetime(2027, 3, 9, 21, 40, tzinfo=KST)
DAWN = datetime(2027, 3, 9, 5, 50, tzinfo=KST)


def _hours(text: str, now: datetime = AFTERNOON) -> tuple[str | None, str | None]:
    got = described(text, now)
    return got["start"], got["end"]


@pytest.mark.parametrize("text, end", [
    ("2시간 뒤에 퇴근하는데 그때까지만 4살 아들 봐주실 분", "16:00"),
    ("회의가 한 시간 후에 끝나요 그때까지 여섯살 딸 부탁드려요", "15:00"),
    ("세시간 반 뒤에 갈 수 있어요 그때까지 3살 맡길 데 있나요", "17:30"),
    ("두시간 후면 남편이 와요 그 전까지만 5살 봐주세요", "16:00"),
    ("40분 뒤에 도착해요 7살 잠깐 봐주실 분", "14:40"),
])
def test_hours_counted_to_when_the_parent_is_back_are_the_end(text: str, end: str) -> None:
    assert _hours(text) == ("14:00", end)


@pytest.mark.parametrize("text, hours", [
    ("1시간 뒤부터 세시간 4살 봐주세요", ("15:00", "18:00")),
    ("30분 후에 나가야 해요 2시간 정도 5살 봐주실 분", ("14:30", "16:30")),
    ("한 시간 뒤에 출근해야 하는데 6살 봐주실 분", ("15:00", None)),
])
def test_hours_counted_to_when_the_parent_leaves_stay_the_start(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("내일 어린이집은 8시부터래요 저는 6시반부터 8시반까지 맡겨야 돼요 네살", ("06:30", "08:30")),
    ("모레 유치원이 9시부터 문 열어서 7시부터 9시까지 봐주실 분 6살", ("07:00", "09:00")),
    ("목요일에 원이 7시반부터라고 하던데 저는 6시부터 8시까지 필요해요 3살", ("06:00", "08:00")),
    ("내일 아침 출근이 7시부터라서 6시부터 9시까지 봐주세요 5살", ("06:00", "09:00")),
])
def test_a_range_said_after_a_start_told_in_passing_is_the_cares(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("내일 어린이집은 9시에 문 열어서 7시부터 9시까지 봐주실 분 4살", ("07:00", "09:00")),
    ("내일 아침 7시반부터 9시까지 봐주세요 4살", ("07:30", "09:00")),
    ("내일 어린이집이 7시반부터라 카대요 4살", ("07:30", None)),
])
def test_lookalikes_of_a_start_told_in_passing_stay(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours, now", [
    ("남편이 야간 끝나고 9시에 오는데 저는 7시에 나가야 해요 3살 좀 봐주세요", ("07:00", "09:00"), DAWN),
    ("저는 6시반에 출근해야 되고 할머니가 8시 반에 와요 4살", ("06:30", "08:30"), DAWN),
    ("오늘 저는 5시에 나가야 하고 신랑이 7시 반에 와요 그 사이 3살", ("17:00", "19:30"), AFTERNOON),
    ("오늘 아빠가 11시에 들어오는데 엄마는 9시에 나가요 6살 봐주실분", ("21:00", "23:00"), AFTERNOON),
])
def test_the_parent_leaving_and_the_other_coming_bound_the_care(text: str, hours: tuple, now: datetime) -> None:
    assert _hours(text, now) == hours


@pytest.mark.parametrize("text, hours, now", [
    ("오늘 남편이 9시에 나가요 저는 6시에 퇴근해요 3살", ("09:00", "18:00"), DAWN),
    ("오늘 6시에 나가야 하는데 9시까지 봐주세요 4살", ("18:00", "21:00"), AFTERNOON),
])
def test_lookalikes_of_a_hand_over_stay(text: str, hours: tuple, now: datetime) -> None:
    assert _hours(text, now) == hours


@pytest.mark.parametrize("text, end", [
    ("지금 공장 들어가야 돼요 새벽 세시쯤 끝날 것 같아요 5살 혼자 있어요", "03:00"),
    ("갑자기 야근이라 지금 가야해요 11시 반쯤 마칠 거 같아요 6살", "23:30"),
    ("지금 나가봐야 되는데 일이 밤 12시쯤 끝나요 4살 봐주실분", "00:00"),
])
def test_the_hour_the_parents_work_ends_is_the_end(text: str, end: str) -> None:
    got = described(text, EVENING)
    assert (got["date"], got["start"], got["end"]) == ("2027-03-09", "21:40", end)


def test_a_childs_day_finishing_stays_the_start() -> None:
    assert _hours("내일 유치원 2시에 끝나요 봐주실 분 6살") == ("14:00", None)
    assert _hours("내일 어린이집 6시에 끝나는데 9시까지 봐주세요 4살") == ("18:00", "21:00")
