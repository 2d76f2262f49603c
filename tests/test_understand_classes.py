"""Classes found on the second held-out set: month ends, days counted from a holiday, birth years as grades."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from routing.days import find_day
from tests.shipped import READER

KST = ZoneInfo("Asia/Seoul")


@pytest.mark.parametrize(("said", "today", "day"), [
    ("11월 마지막 날 오후에 3살", date(2027, 11, 2), date(2027, 11, 30)),
    ("이달 말일에 봐주실 분", date(2027, 2, 3), date(2027, 2, 28)),
    ("다음 달 말일 4살", date(2027, 12, 10), date(2028, 1, 31)),
    ("1월 마지막날 아침", date(2027, 12, 10), date(2028, 1, 31)),  # January is past this year: next year's
])
def test_the_last_day_of_a_month(said: str, today: date, day: date) -> None:
    assert find_day(said, today) == day


@pytest.mark.parametrize(("said", "day"), [
    ("설 이틀 전에 맡기고 싶어요", date(2027, 2, 5)),  # 설날 2027 is Sunday 7 February
    ("추석 사흘 뒤 4살", date(2027, 9, 18)),  # 추석 is Wednesday 15 September
    ("크리스마스 2일 전 저녁", date(2027, 12, 23)),
    ("설 끝나고 수요일 오후 2시부터", date(2027, 2, 10)),  # the run of days off is 6-9 February
    ("추석 연휴 지나고 첫 월요일 3살", date(2027, 9, 20)),
])
def test_days_counted_from_a_holiday(said: str, day: date) -> None:
    assert find_day(said, date(2027, 1, 20)) == day


@pytest.mark.parametrize(("text", "now", "grade"), [
    ("18년생 아들 방과 후에", datetime(2026, 12, 1, 10, tzinfo=KST), 2),
    ("18년생 아들 방과 후에", datetime(2027, 3, 2, 10, tzinfo=KST), 3),  # school years start in March
    ("2020년생 딸이요", datetime(2027, 4, 1, 10, tzinfo=KST), 1),
    ("21년생 딸이요", datetime(2027, 4, 1, 10, tzinfo=KST), None),  # starts school next year: preschool
    ("17년생 초등 5학년", datetime(2027, 4, 1, 10, tzinfo=KST), 5),  # the grade said beats the year's
])
def test_a_birth_year_gives_the_school_grade(text: str, now: datetime, grade: int | None) -> None:
    children = READER.read(text, now).children
    assert len(children) == 1 and children[0].school_grade == grade


@pytest.mark.parametrize("text", ["막내가 돌 됐어요", "아기 돌 되었는데 맡길 데", "딸 돌 됬어요"])
def test_a_first_birthday_said_in_the_past_tense(text: str) -> None:
    assert [c.age_months for c in READER.read(text, datetime(2027, 4, 1, 10, tzinfo=KST)).children] == [12]


def first_service(text: str) -> str | None:
    from routing.command import describe

    services = describe(READER.read(text, datetime(2027, 4, 1, 10, tzinfo=KST)), READER.knowledge)["services"]
    return services[0] if services else None


@pytest.mark.parametrize(("text", "service"), [
    ("애 키우는 게 지쳐서 요즘 밤마다 눈물이 나네요", "mom-center"),  # the parent's own strain
    ("애가 편식이 너무 심한데 어디 물어볼 데 없을까요", "mom-center"),
    ("남매싸움이 너무 잦은데 이런 것도 상담이 되나요", "mom-center"),
    ("장난감 때문에 매일 싸우는 형제 상담 되나요", "mom-center"),  # the question asks for 상담, not toys
    ("장난감 대여 신청 어떻게 해요", "toy-library"),
    ("구청에서 하는 과학교실 같은 거 있어요?", "other-dept"),
    ("초등학생 독서교실 신청은 어디서 해요", "other-dept"),
])
def test_what_a_parent_asks_about_comes_first(text: str, service: str) -> None:
    assert first_service(text) == service


def clock_range(text: str, now: datetime) -> tuple[str | None, str | None, date | None]:
    need = READER.read(text, now).need

    def hm(m: int | None) -> str | None:
        return None if m is None else f"{m % 1440 // 60:02d}:{m % 60:02d}"

    return hm(need.start), hm(need.end), need.day


@pytest.mark.parametrize(("text", "now", "expected"), [
    # the time now, said as a reason, is not the care's hours
    ("지금 새벽 1시인데 오늘 아침 8시부터 10시까지 2살", datetime(2027, 5, 4, 1, 0, tzinfo=KST),
     ("08:00", "10:00", date(2027, 5, 4))),
    ("벌써 밤 10시가 넘었는데 내일 7시부터 9시까지 아침에", datetime(2027, 5, 4, 22, 5, tzinfo=KST),
     ("07:00", "09:00", date(2027, 5, 5))),
    # the end's own 저녁 says nothing about a bare start before it
    ("오늘 8시부터 저녁 7시까지 5살", datetime(2027, 5, 4, 6, 0, tzinfo=KST), ("08:00", "19:00", date(2027, 5, 4))),
    ("오늘 8시부터 저녁 10시까지", datetime(2027, 5, 4, 16, 0, tzinfo=KST), ("20:00", "22:00", date(2027, 5, 4))),
    # a bare range of hours standing alone
    ("모레 / 4살 / 10-5 / 율곡동", datetime(2027, 5, 4, 9, 0, tzinfo=KST), ("10:00", "17:00", date(2027, 5, 6))),
    ("토요일 8-6까지 가능할까요", datetime(2027, 5, 4, 9, 0, tzinfo=KST), ("08:00", "18:00", date(2027, 5, 8))),
    ("3-5살 아이들 프로그램", datetime(2027, 5, 4, 9, 0, tzinfo=KST), (None, None, None)),  # ages, not hours
    ("5-13.", datetime(2027, 5, 4, 9, 0, tzinfo=KST), (None, None, None)),
])
def test_hours_read_from_what_surrounds_them(text: str, now: datetime, expected: tuple) -> None:
    assert clock_range(text, now) == expected


@pytest.mark.parametrize(("text", "ages"), [
    ("아이 둘이에요 4살 5개월", [48, 5]),  # two counted, one age said with months: a four-year-old and a baby
    ("6살 3개월 딸 하나", [75]),  # one child: the months are the child's
    ("애 둘 2살 6개월", [30, None]),  # a toddler's months are ordinary; the other's age is not said
])
def test_years_and_months_beside_a_count_of_two(text: str, ages: list) -> None:
    assert [c.age_months for c in READER.read(text, datetime(2027, 4, 1, 10, tzinfo=KST)).children] == ages
