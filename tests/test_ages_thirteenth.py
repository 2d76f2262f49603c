"""Ages and dates from the thirteenth session's dev rounds: an age doubted or reported wrong, then said again (one
child, the last age), a weekly routine whose next weekday is a public holiday (the next ordinary one), and a weekday
said after refusing tomorrow when tomorrow is that weekday (the one after)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from routing.ages import find_children
from tests.reader_cases import KST, described

TODAY = date(2027, 9, 8)


def _months(text: str) -> list[int | None]:
    return [c.age_months for c in find_children(text, TODAY)]


@pytest.mark.parametrize("text, months", [
    ("4살인가? 아 올해 5살이네요 내일 10시부터 봐주실 분", [60]),
    ("18개월이라고 했는데 다시 보니 20개월이에요", [20]),
    ("딸 14개월이라고 말씀드렸는데 잘못 알았어요 15개월", [15]),
    ("8살이었나? 생일 지나서 9살이에요", [108]),
    ("아들 30개월이라고 했는데, 32개월이네요", [32]),  # a comma between
])
def test_an_age_doubted_or_reported_wrong_then_said_again_is_one_child(text: str, months: list[int]) -> None:
    assert _months(text) == months


@pytest.mark.parametrize("text, months", [
    ("딸이 7살인가? 아들은 5살이고", [84, 60]),  # another child named after the doubt
    ("7살이라고 했는데 5살 동생도 같이 돼요?", [84, 60]),
    ("3살인가요? 5살도 받아주나요", [36, 60]),  # a question to the service
    ("첫째가 7살이라고 했는데 둘째는 5살이에요", [84, 60]),
    ("4살 아들이랑 6살 딸", [48, 72]),
])
def test_lookalikes_of_an_age_corrected_stay_two_children(text: str, months: list[int]) -> None:
    assert _months(text) == months


def test_the_corrected_age_is_read_as_one_child() -> None:
    said = described("애 나이를 잘못 말했어요 30개월이라고 했는데 다시 세보니 33개월이네요 금요일 2시부터 6시",
                     datetime(2027, 9, 8, 10, 0, tzinfo=KST))
    assert (said["age_months"], len(said["children"])) == (33, 1)


BEFORE_CHILDRENS_DAY = datetime(2027, 4, 30, 12, 0, tzinfo=KST)  # a Friday; 5 May 2027 (어린이날) is a Wednesday
BEFORE_CHUSEOK = datetime(2027, 9, 10, 12, 0, tzinfo=KST)  # a Friday; 추석 days off are the 14th to the 16th
BEFORE_OCTOBER = datetime(2027, 10, 1, 12, 0, tzinfo=KST)  # a Friday; the 4th and the 11th are substitute holidays


@pytest.mark.parametrize("text, now, day", [
    ("초3 아들 수요일마다 저녁 7시까지 돌봄 되나요", BEFORE_CHILDRENS_DAY, "2027-05-12"),
    ("매주 화요일 4시부터 7시까지 초2 딸", BEFORE_CHUSEOK, "2027-09-21"),
    ("목욜마다 2시부터 6시 4살 맡길 곳", BEFORE_CHUSEOK, "2027-09-23"),
    ("매주 월요일 오후 3시부터 6시 5살", BEFORE_OCTOBER, "2027-10-18"),  # two Mondays off in a row
])
def test_a_weekly_routine_starts_on_the_next_ordinary_weekday(text: str, now: datetime, day: str) -> None:
    said = described(text, now)
    assert (said["date"], said["holiday"]) == (day, False)


@pytest.mark.parametrize("text, now, day", [
    ("초3 아들 수요일 저녁 7시까지 돌봄 되나요", BEFORE_CHILDRENS_DAY, "2027-05-05"),  # one day: the holiday
    ("어린이날 10시부터 4시까지 5살", BEFORE_CHILDRENS_DAY, "2027-05-05"),
    ("이번주 화요일 4시부터 7시까지 초2 딸", BEFORE_CHUSEOK, "2027-09-14"),
    ("수요일마다 2시부터 6시 4살", datetime(2027, 9, 20, 12, 0, tzinfo=KST), "2027-09-22"),  # an ordinary one
])
def test_lookalikes_of_a_weekly_routine_keep_their_day(text: str, now: datetime, day: str) -> None:
    assert described(text, now)["date"] == day


SATURDAY = datetime(2027, 10, 16, 10, 0, tzinfo=KST)
WEDNESDAY = datetime(2027, 10, 20, 10, 0, tzinfo=KST)
FRIDAY = datetime(2027, 10, 15, 10, 0, tzinfo=KST)


@pytest.mark.parametrize("text, now, day", [
    ("내일 말고 다음 일요일 10시부터 3시 4살", SATURDAY, "2027-10-24"),
    ("낼 말고 담 일요일 오전 9시부터 12시", SATURDAY, "2027-10-24"),
    ("내일 말고 다음 목요일 9시부터 1시 5살", WEDNESDAY, "2027-10-28"),
    ("내일은 아니고 다음 일요일 1시부터 5시", SATURDAY, "2027-10-24"),
])
def test_a_weekday_said_after_refusing_tomorrow_that_is_it_is_the_one_after(text: str, now: datetime, day: str) -> None:
    assert described(text, now)["date"] == day


@pytest.mark.parametrize("text, now, day", [
    ("내일.. 아 토요일이요 10시부터 4시 5살", FRIDAY, "2027-10-16"),  # a restatement, not a refusal
    ("내일 말고 모레 10시부터 4시 5살", SATURDAY, "2027-10-18"),
    ("토요일 아니고 일요일 10시부터 4시", WEDNESDAY, "2027-10-24"),
    ("이번주 금요일 말고 다음주 금요일 10시부터 2시", WEDNESDAY, "2027-10-29"),
    ("다음 일요일 10시부터 3시 4살", SATURDAY, "2027-10-17"),
])
def test_lookalikes_of_tomorrow_refused_keep_their_day(text: str, now: datetime, day: str) -> None:
    assert described(text, now)["date"] == day
