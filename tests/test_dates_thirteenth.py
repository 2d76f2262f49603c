"""Dates and children from the thirteenth session's dev rounds: today said as covered (the later day is the care
day), 다음 + a weekday said on that weekday (a week on), a run of bare days of the month (its first), the first working
day after an unnamed run of days off, a later day said as the end (care from today); counts below."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described

WEDNESDAY = datetime(2027, 9, 8, 14, 0, tzinfo=KST)  # the 8th
DAWN = datetime(2027, 9, 8, 6, 30, tzinfo=KST)
SATURDAY = datetime(2027, 9, 11, 10, 0, tzinfo=KST)
BEFORE_CHUSEOK = datetime(2027, 9, 12, 19, 0, tzinfo=KST)  # a Sunday; 추석 days off are the 14th to the 16th
AFTER_CHUSEOK = datetime(2027, 9, 17, 14, 40, tzinfo=KST)  # the Friday after


def _day(text: str, now: datetime = WEDNESDAY) -> str | None:
    return described(text, now)["date"]


@pytest.mark.parametrize("text, day", [
    ("오늘은 친정엄마가 봐주시고 내일 오전 9시부터 오후 3시까지 5살 봐주실 분", "2027-09-09"),
    ("오늘은 제가 쉬는 날이라 괜찮은데 모레 아침 8시부터 4살", "2027-09-10"),
    ("감기 기운 있었는데 오늘은 멀쩡해요 그래도 내일 하루 집에서 봐주세요 3살", "2027-09-09"),
    ("오늘은 남편이 데리고 있어서 금요일 10시부터 6살", "2027-09-10"),
])
def test_today_said_as_covered_leaves_the_later_day(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, day", [
    ("오늘은 남편이 못 보고 내일은 제가 쉬어요 저녁 7시부터 4살", "2027-09-08"),  # today not covered
    ("오늘 밤부터 내일 아침까지 봐주실 분 5살", "2027-09-08"),
    ("오늘은 봐줄 사람이 없어요 내일까지 맡길 곳 3살", "2027-09-08"),
])
def test_lookalikes_of_a_covered_today_stay(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, day, now", [
    ("다음 토요일 오전 10시부터 2시까지 4살", "2027-09-18", SATURDAY),
    ("오는 토요일 오후에 5살 봐주실 분", "2027-09-18", SATURDAY),
    ("담 토요일 9시부터 12시 3살", "2027-09-18", SATURDAY),
])
def test_next_weekday_said_on_that_weekday_is_a_week_on(text: str, day: str, now: datetime) -> None:
    assert _day(text, now) == day


@pytest.mark.parametrize("text, day, now", [
    ("토요일 오후 2시부터 5시 4살", "2027-09-11", SATURDAY),  # today's own weekday, hours ahead: today
    ("다음 토요일 오전 10시부터 2시까지 4살", "2027-09-11", WEDNESDAY),  # this coming one
    ("다음주 토요일 오전 10시부터 4살", "2027-09-18", WEDNESDAY),
])
def test_lookalikes_of_next_weekday_stay(text: str, day: str, now: datetime) -> None:
    assert _day(text, now) == day


@pytest.mark.parametrize("text, day", [
    ("20 21 22 사흘 동안 출장이에요 6살 8시부터 7시", "2027-09-20"),
    ("13~15일 야간근무 4살", "2027-09-13"),
    ("27, 28일 이틀 3살 봐주세요", "2027-09-27"),
])
def test_a_run_of_bare_days_starts_at_its_first(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, day", [
    ("2 3일 정도 봐주실 분 4살", None),  # a count of days, no date
    ("15일부터 17일까지 출장이라 6살 아침 8시부터 봐주세요", "2027-09-15"),
    ("오후 3시~6시 3 4살 둘", "2027-09-08"),  # hours and ages, no run of days
])
def test_lookalikes_of_a_run_of_days_stay(text: str, day: str | None) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, day", [
    ("연휴 끝나고 첫 출근날 8시부터 5살", "2027-09-17"),
    ("연휴 지나고 다음날 오후 2시 3살", "2027-09-17"),
    ("연휴 끝나면 월요일부터 4살", "2027-09-20"),
])
def test_the_day_after_an_unnamed_run_of_days_off(text: str, day: str) -> None:
    assert _day(text, BEFORE_CHUSEOK) == day


@pytest.mark.parametrize("text, day", [
    ("추석 연휴 끝나고 다음날 4살", "2027-09-17"),
    ("연휴 동안 봐주실 분 4살", None),
])
def test_lookalikes_of_the_day_after_days_off_stay(text: str, day: str | None) -> None:
    assert _day(text, BEFORE_CHUSEOK) == day


@pytest.mark.parametrize("text", [
    "오늘 새벽에 친정아버지가 쓰러지셨어요 병원 가야되는데 4살 모레까지 맡길 데가 없어요",
    "오늘 아침에 남편이 다쳤는데 내일까지 봐주실 분 6살",
    "오늘 새벽에 시어머니 돌아가셨어요 초2 내일까지만 봐주세요",
])
def test_a_later_day_said_as_the_end_keeps_today(text: str) -> None:
    assert _day(text, DAWN) == "2027-09-08"


@pytest.mark.parametrize("text, day", [
    ("오늘 등원 못했는데 내일도 못 갈 것 같아요 4살", "2027-09-09"),
    ("오늘 독감 판정 받았어요 내일 9시부터 5시까지 봐주실 분 4살", "2027-09-09"),
])
def test_lookalikes_of_a_day_said_as_the_end_stay(text: str, day: str) -> None:
    assert _day(text, DAWN) == day


def _count(text: str, now: datetime = WEDNESDAY) -> int:
    return len(described(text, now)["children"])


@pytest.mark.parametrize("text, n", [
    ("저랑 아기 둘뿐이라 입원하면 봐줄 사람이 없어요 18개월", 1),  # the parent and the baby
    ("집에 저랑 애기 둘밖에 없어서 금요일에 맡길 곳 2살", 1),
    ("월요일 오후 2시~6시, 화요일은 오전 9시~1시 둘다 필요해요 5살", 1),  # both days
    ("오늘이랑 내일 둘 다 봐주실 분 초3", 1),
    ("쌍둥이 아니고 연년생인데 셋을 혼자 키우려니 힘들어요 토요일에 맡길 곳", 3),
    ("둘을 혼자 보니까 너무 힘들어요 주말에 몇시간만", 2),
    ("5살 8개월 둘 맡길 곳 급해요", 2),  # a count after ages: a five-year-old and a baby
    ("수두 걸려서 어린이집 못 가요 내일 봐주실 분", 1),  # an illness only children get, care asked
])
def test_counts_read_from_what_is_said_around_them(text: str, n: int) -> None:
    assert _count(text) == n


@pytest.mark.parametrize("text, n", [
    ("가족 구성원이 저랑 애 둘뿐인 한부모예요 토요일 맡길 곳", 2),  # 애 둘: two children
    ("남편이랑 저 둘 다 출근해요 4살", 1),
    ("3살 6개월이에요 토요일 맡길 곳", 1),  # one child of 42 months
    ("5살 3살 둘 다 독감이에요", 2),
    ("독감 걸려서 내일 봐주실 분 구해요", 0),  # an illness adults get too: no child said
])
def test_lookalikes_of_counts_stay(text: str, n: int) -> None:
    assert _count(text) == n


@pytest.mark.parametrize("text, now, day, off", [
    ("추석 잘 쇠셨어요? 다음주 화요일 2시부터 5시까지 3살 부탁해요", AFTER_CHUSEOK, "2027-09-21", False),
    ("명절 끝나고 금요일 출근이라 8시부터 6시까지 4살 맡길 곳", BEFORE_CHUSEOK, "2027-09-17", False),
    ("연휴 동안 애가 감기 걸렸는데 다음주 월요일 9시부터 1시까지 5살", AFTER_CHUSEOK, "2027-09-20", False),
    ("추석 당일 아침 9시부터 저녁 6시까지 4살", BEFORE_CHUSEOK, "2027-09-15", True),
    ("이번 주 토요일 10시부터 2시까지 2살", AFTER_CHUSEOK, "2027-09-18", True),
])
def test_a_named_day_decides_whether_care_is_on_a_day_off(text: str, now: datetime, day: str, off: bool) -> None:
    got = described(text, now)
    assert (got["date"], got["holiday"]) == (day, off)
