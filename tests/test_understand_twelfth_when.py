"""Days and hours from the twelfth round's dev sets: the Nth weekday of a month said with 번째 or 째, a past night told
before the care's hours, a night shift's hand-over in the morning, a half of the day said haltingly ("밤.. 아 10시"),
a hyphen range of bare hours after a day, the day after the family's trip, and an emergency of the small hours today."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described

AFTERNOON = datetime(2027, 3, 9, 14, 0, tzinfo=KST)  # a Tuesday
DAWN = datetime(2027, 3, 9, 5, 50, tzinfo=KST)
MORNING = datetime(2027, 3, 9, 7, 0, tzinfo=KST)


def _hours(text: str, now: datetime = AFTERNOON) -> tuple[str | None, str | None]:
    got = described(text, now)
    return got["start"], got["end"]


def _day(text: str, now: datetime = AFTERNOON) -> str | None:
    return described(text, now)["date"]


@pytest.mark.parametrize("text, day", [
    ("담달 두번째 수요일에 병원 예약이 있어서 오전 10시부터 2시까지 3살", "2027-04-14"),
    ("다음달 첫째 금요일 저녁 6시부터 9시까지 다섯살 아들", "2027-04-02"),
    ("5월 세번째 화요일날 수술이라 아침부터 두 아이 봐주실 분", "2027-05-18"),
    ("다음 달 네 번째 목요일에 출장이에요 4살 딸", "2027-04-22"),
    ("6월 첫번째 월요일 9시부터 4시 일곱살", "2027-06-07"),
    ("다음 달 셋째 토요일 결혼식이라 10시부터 여섯살", "2027-04-17"),
])
def test_the_nth_weekday_of_a_month_is_read(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, day", [
    ("다음달 둘째 주 토요일 10시부터 3시 네살", "2027-04-10"),
    ("첫째가 금요일에 소풍가요 9시부터 1시까지 둘째 봐주세요 3살", "2027-03-12"),
    ("두번째 상담은 목요일이에요 10시부터 4살", "2027-03-11"),
])
def test_lookalikes_of_the_nth_weekday_stay(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, hours", [
    ("새벽 세시까지 애가 울어서 한숨도 못 잤어요.. 목요일 1시부터 5시까지 4살 봐주세요", ("13:00", "17:00")),
    ("밤 열두시 넘어서 겨우 재웠어요. 내일 3시부터 7시 전까지 초2 아들", ("15:00", "19:00")),
    ("새벽 5시에 애가 깼어요 ㅠ 목요일 2시부터 6시까지 초1 딸 방과후", ("14:00", "18:00")),
])
def test_a_night_told_about_does_not_set_the_cares_half_of_the_day(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("저녁에 회식이 잡혔어요. 내일 7시부터 10시까지 5살", ("19:00", "22:00")),
    ("새벽 2시까지 일했어요. 내일 새벽 6시부터 9시까지 4살", ("06:00", "09:00")),
    ("내일 새벽 5시에 출근해요. 5시부터 9시까지 3살", ("05:00", "09:00")),
])
def test_lookalikes_of_a_night_told_about_stay(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("야간 근무 끝나고 남편이 늦게 온대요 7시부터 9시까지 3살", ("07:00", "09:00")),
    ("나이트 마치고 오는 아내가 오늘 늦게 온다고 해서 6시반부터 8시반까지 4살", ("06:30", "08:30")),
    ("남편이 야간근무 마치고 늦게 들어온대서 8시부터 10시까지 5살", ("08:00", "10:00")),
])
def test_the_hand_over_after_a_night_shift_is_in_the_morning(text: str, hours: tuple) -> None:
    assert _hours(text, DAWN) == hours


@pytest.mark.parametrize("text, hours", [
    ("남편이 오늘 늦게 온대서 7시부터 10시까지 4살", ("19:00", "22:00")),
    ("야간 근무라 밤 10시부터 아침 7시까지 4살", ("22:00", "07:00")),
])
def test_lookalikes_of_the_night_shift_hand_over_stay(text: str, hours: tuple) -> None:
    assert _hours(text, DAWN) == hours


@pytest.mark.parametrize("text, hours", [
    ("모레 아침 8시부터 저녁.. 아 7시까지요 4살", ("08:00", "19:00")),
    ("내일 오후 1시부터 밤… 음 9시까지 5살", ("13:00", "21:00")),
    ("토요일 오전 9시부터 저녁.. 어 6시반까지 3살", ("09:00", "18:30")),
])
def test_a_half_of_the_day_said_haltingly_is_the_hours(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("내일 5시부터 8시까지.. 아 9시까지 4살", ("17:00", "21:00")),
    ("내일 저녁.. 아 아니다 점심 12시부터 4살", ("12:00", None)),
])
def test_lookalikes_of_a_halting_half_of_the_day_stay(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text, hours", [
    ("모레 8-5 두돌 아포", ("08:00", "17:00")),
    ("토요일 10-4 평화동 다섯살", ("10:00", "16:00")),
    ("금요일 9-12 아기 남면", ("09:00", "12:00")),
])
def test_a_hyphen_range_of_bare_hours_after_a_day_is_read(text: str, hours: tuple) -> None:
    assert _hours(text) == hours


@pytest.mark.parametrize("text", [
    "크리스마스 12-24 아기 맡길 곳",
    "내일 3-4 시간 정도 4살",
    "연락처 010-1234-5678 내일 2-3 명 같이요",
])
def test_lookalikes_of_a_hyphen_range_have_no_hours(text: str) -> None:
    assert _hours(text) == (None, None)


@pytest.mark.parametrize("text, day", [
    ("지금 친정에 와 있는데 토요일에 시댁으로 내려가요. 일요일 10시부터 3살 봐주실분", "2027-03-14"),
    ("내일 친정에서 돌아와요! 모레 9시부터 4살 맡길 곳", "2027-03-11"),
    ("오늘 구미로 이사가요. 내일 아침부터 5살 맡길 곳", "2027-03-10"),
])
def test_the_care_day_is_after_the_familys_trip(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text, day", [
    ("내일 집으로 와주실 수 있나요? 모레도 가능하면 4살", "2027-03-10"),
    ("내일 병원으로 가야돼서 모레까지 봐주실분 4살", "2027-03-10"),
])
def test_lookalikes_of_the_familys_trip_stay(text: str, day: str) -> None:
    assert _day(text) == day


@pytest.mark.parametrize("text", [
    "새벽에 시어머님 돌아가셔서 장례식장 가야 돼요 4살 봐주실 분",
    "간밤에 친정아버지가 사고 당하셔서 내려가봐야해요 애들 봐줄 곳 5살",
    "새벽에 남편이 쓰러져서 응급실이에요 6살 봐주실 분",
])
def test_an_emergency_of_the_small_hours_is_today(text: str) -> None:
    assert _day(text, MORNING) == "2027-03-09"


@pytest.mark.parametrize("text, day", [
    ("새벽에 부친상 당해서요 다음주 월요일 애 맡길 곳 4살", "2027-03-15"),
    ("작년에 새벽에 부친상 당했을때 맡겼던 곳 4살", None),
])
def test_lookalikes_of_an_emergency_of_the_small_hours_stay(text: str, day: str | None) -> None:
    assert _day(text, MORNING) == day
