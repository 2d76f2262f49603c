"""Days and children from dev rounds 112-115: days of the month listed (the first to come is the care day), a
weekday named after 주말 (that weekday, not Saturday), a parent called away now with no day said (today), a grade
said by birth order for the child of a fitting age (one child, not two), and a corrected count."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described

WEDNESDAY = datetime(2027, 9, 8, 14, 0, tzinfo=KST)  # the 8th
SATURDAY = datetime(2027, 9, 11, 10, 0, tzinfo=KST)
LATE = datetime(2027, 9, 8, 22, 40, tzinfo=KST)


def _day(text: str, now: datetime = WEDNESDAY) -> str | None:
    return described(text, now)["date"]


def _kids(text: str, now: datetime = WEDNESDAY) -> list[tuple[int | None, int | None]]:
    return [(c["age_months"], c["school_grade"]) for c in described(text, now)["children"]]


@pytest.mark.parametrize("text, day", [
    ("교대 근무 날이 12일 20일 27일이라 그날 밤에 4살 봐주실 분 저녁 7시부터", "2027-09-12"),
    ("출장이 10일, 14일 이렇게 잡혔어요 초3 아들 아침 8시부터 저녁 6시까지", "2027-09-10"),
    ("2일 15일 22일 야간 근무에요 5살 밤 9시부터 아침 7시", "2027-09-15"),  # the 2nd is gone: the 15th first
    ("9일이랑 16일 오후에 병원 가요 3살 1시부터 5시까지", "2027-09-09"),
])
def test_the_first_day_of_a_list_of_days_to_come_is_the_care_day(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, day", [
    ("15일부터 17일까지 출장이라 6살 아침 8시부터 봐주세요", "2027-09-15"),  # a span starts at its first day
    ("20일 아니 13일이요 4살 오후 2시부터 6시", "2027-09-13"),  # a correction: the day after 아니
    ("12일 하루만 봐주세요 3살 10시부터 4시까지", "2027-09-12"),
])
def test_lookalikes_of_a_list_of_days_stay(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, day, now", [
    ("편의점 주말알바라 일요일 오전 10시부터 4시까지 5살 봐주실분", "2027-09-12", WEDNESDAY),
    ("주말출근이라서 일욜 9시~18시 애 봐줄 사람 3살", "2027-09-12", SATURDAY),
    ("식당 주말 근무라 일욜 11시부터 8시까지 초1", "2027-09-12", WEDNESDAY),
])
def test_a_weekday_named_after_the_weekend_is_that_day(text: str, day: str, now: datetime) -> None:
    assert _day(text, now) == day


@pytest.mark.parametrize("text, day, now", [
    ("주말에 봐줄 사람 구해요 토요일 10시부터 5시 4살", "2027-09-11", WEDNESDAY),
    ("이번 주말 오후 2시부터 6시까지 3살", "2027-09-11", WEDNESDAY),
])
def test_lookalikes_of_the_weekend_stay(text: str, day: str, now: datetime) -> None:
    assert _day(text, now) == day


@pytest.mark.parametrize("text", [
    "갑자기 병원에서 호출와서 나가봐야 돼요 5살 아들 혼자 두고 갈수가 없어요",
    "지금 밤 10시 반인데 급하게 회사 나가봐야 해서요 3살 딸",
    "기차가 연착돼서 집에 늦게 도착할 것 같아요 어린이집에 4살 있어요",
    "비행기 결항돼서 오늘 못 올라가요 초2 아들 학교 끝나고 봐주실 분",
])
def test_a_parent_called_away_now_with_no_day_said_is_today(text: str) -> None:
    assert _day(text, LATE) == "2027-09-08"


@pytest.mark.parametrize("text", [
    "만약에 제가 갑자기 호출받으면 애는 누가 봐주나요?",
    "응급실 간호사라 야간 근무 때 애 맡길 데 필요해요",
    "갑자기 호출 올때 맡길 곳 미리 알아두려구요 4살",
    "남편이 갑자기 출장이 잦아져서 평일 저녁마다 봐줄 사람 구해요",
])
def test_lookalikes_of_being_called_away_name_no_day(text: str) -> None:
    assert _day(text, LATE) is None


@pytest.mark.parametrize("text, kids", [
    ("5살 8살 애 둘인데 작은애는 유치원 다니고 큰애는 초2예요", [(96, 2), (60, None)]),
    ("3살 7살 아이 둘이고 첫째가 초1이에요 둘째는 어린이집", [(84, 1), (36, None)]),
    ("10살 4살 애 둘인데 큰애는 4학년 작은애는 어린이집", [(120, 4), (48, None)]),
])
def test_a_grade_said_by_birth_order_is_the_child_of_a_fitting_age(text: str, kids: list) -> None:
    assert _kids(text) == kids


@pytest.mark.parametrize("text, n", [
    ("5살 초1 둘이에요", 2),  # two children, no count beyond them
    ("아이 셋 초3 초1 5살", 3),
    ("7살 4살 그리고 초1 아들 셋이에요", 3),  # three counted: the first-grader is a third child
])
def test_lookalikes_of_a_grade_for_an_age_stay_children(text: str, n: int) -> None:
    assert len(_kids(text)) == n


@pytest.mark.parametrize("text, n", [
    ("애들 둘 아니고 셋이에요 막내 빼먹음", 3),
    ("아 애 셋 아니라 둘이요", 2),
    ("아이 두명 아니고 세명이에요", 3),
    ("애 둘 아니고 하나예요", 1),
])
def test_a_corrected_count_is_the_number_of_children(text: str, n: int) -> None:
    assert len(_kids(text)) == n


@pytest.mark.parametrize("text, n", [
    ("애 둘이에요 막내는 아니고 큰애만 맡겨요", 2),
    ("애들 셋인데 오늘은 둘만 봐주세요", 3),
])
def test_lookalikes_of_a_corrected_count_stay(text: str, n: int) -> None:
    assert len(_kids(text)) == n
