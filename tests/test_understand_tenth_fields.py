"""Classes of the tenth field round, with new sentences: a baby's age in days with 지났어요, a first birthday
restated in months, a 큰애 with a younger sibling, a weekday asked about as an opening day, an area said before an
apartment complex, and the first service for questions (newcomers, where to ask, night extension, home visits,
parents' counselling)."""

from __future__ import annotations

from datetime import datetime

import pytest

from routing.places import PlaceFinder
from tests.reader_cases import KNOWLEDGE, KST, described, first_service

TUE = datetime(2027, 3, 9, 15, 0, tzinfo=KST)
"""A Tuesday afternoon."""


def said(text: str, now: datetime = TUE) -> dict:
    return described(text, now)


def first(text: str, now: datetime = TUE) -> str | None:
    return first_service(text, now)


def ages(text: str) -> list[int | None]:
    return [c["age_months"] for c in said(text)["children"]]


@pytest.mark.parametrize(("text", "months"), [
    ("애기 100일 막 지났는데 목요일에 봐주실 분", [3]),
    ("아기가 벌써 70일 넘었어요 집에 와주실 선생님 있을까요", [2]),
    ("우리 애기 45일 좀 지났어요", [1]),
    ("애기 80일 지났어요 2개월 좀 넘었어요", [2]),  # the months said after: the same baby
    ("애기 백일 지났는데 4개월이에요", [4]),  # the months said after restate the same baby
    ("아기 95일 됐어요 3개월이고요 월요일 오전에 봐주세요", [3]),
])
def test_a_babys_age_in_days_is_one_child_of_full_months(text: str, months: list[int]) -> None:
    assert ages(text) == months, text


@pytest.mark.parametrize(("text", "day"), [
    ("10일 뒤에 맡길 수 있을까요 4살", "2027-03-19"),  # days to wait: a date
    ("애기 3일에 맡길 수 있나요", "2027-04-03"),  # the 3rd of the month
])
def test_days_to_wait_and_a_day_of_the_month_stay_dates(text: str, day: str) -> None:
    assert said(text)["date"] == day, text


def test_days_said_of_something_else_are_no_age() -> None:
    assert ages("이사 온 지 100일 지났어요 4살 아들") == [48]
    assert ages("신청한 지 10일 지났는데 연락이 없어요") == []


@pytest.mark.parametrize(("text", "months"), [
    ("우리 딸 돌 지났어요 14개월! 금요일에 맡길 데", [14]),
    ("아들 두 돌 지났는데 27개월이라 말이 늦어요", [27]),
    ("아기 돌 됐어요 12개월 토요일 오전에요", [12]),
])
def test_a_first_birthday_restated_in_months_is_one_child(text: str, months: list[int]) -> None:
    assert ages(text) == months, text


@pytest.mark.parametrize(("text", "months"), [
    ("큰애 돌 지났고 13개월 동생도 있어요", [12, 13]),  # 동생도: another child
    ("돌 지난 아들이랑 15개월 조카 같이 봐주실 분", [12, 15]),
])
def test_months_said_of_another_child_stay_another_child(text: str, months: list[int]) -> None:
    assert ages(text) == months, text


@pytest.mark.parametrize(("text", "months"), [
    ("6살 큰애가 동생 장난감을 자꾸 뺏어요", [72, None]),
    ("큰애 4살인데 동생한테 질투가 심해서 상담받고 싶어요", [48, None]),
    ("7살 첫째가 여동생을 꼬집어요 어떡하죠", [84, None]),
])
def test_a_big_child_and_a_younger_sibling_are_two_children(text: str, months: list[int | None]) -> None:
    assert ages(text) == months, text


@pytest.mark.parametrize("text", [
    "5살 큰애를 제 동생이 봐주기로 했어요",  # the parent's own sibling
    "큰애 4살인데 동생 낳을 예정이라 맡길 곳 찾아요",  # not born yet
    "큰애 6살 금요일에 동생네 집들이 가야 해서요",
])
def test_the_parents_sibling_or_an_unborn_one_is_no_second_child(text: str) -> None:
    assert len(said(text)["children"]) == 1, text


@pytest.mark.parametrize("text", [
    "장난감도서관 금요일에도 문 여나요?",
    "365어린이집 일요일에도 해요? 몇시에 닫는지 궁금해요",
    "맘센터 토요일은 운영 안 하나요",
    "장난감 반납하려는데 월요일도 하나",
])
def test_a_weekday_asked_about_as_an_opening_day_is_no_care_date(text: str) -> None:
    assert said(text)["date"] is None, text


@pytest.mark.parametrize(("text", "day"), [
    ("장난감도서관 이번주 토요일에도 여나요? 그날 반납하려구요", "2027-03-13"),  # a day of this week, named
    ("토요일에도 하나요? 4살 10시부터 2시까지 부탁드려요", "2027-03-13"),  # care hours said: the day they are for
    ("토요일에 5살 맡길 곳 있나요", "2027-03-13"),
])
def test_a_weekday_named_for_care_stays_the_date(text: str, day: str) -> None:
    assert said(text)["date"] == day, text


def test_a_weekday_asked_about_keeps_its_kind_of_day() -> None:
    assert said("장난감도서관 토요일도 하나요?")["holiday"] is True


PLACES = PlaceFinder(KNOWLEDGE.places)


@pytest.mark.parametrize(("text", "place"), [
    ("김천 혁신도시 센트럴자이 살아요", "율곡동"),  # the area named before the complex
    ("율곡동 센트럴자이 사는데요", "율곡동"),
    ("부곡동 센트럴자이 살아요", "대곡동"),
    ("센트럴자이 살아요", "대곡동"),  # the complex alone: the staff's alias
    ("혁신도시 살다가 센트럴자이로 이사왔어요", "대곡동"),  # not one address: where they live now
    ("자산동 율곡동 중에 가까운 데", "자산동"),  # two areas side by side: neither is a part of the other
])
def test_an_area_said_before_a_complex_names_where_it_is(text: str, place: str) -> None:
    assert PLACES.find(text) == place, text


@pytest.mark.parametrize(("text", "service"), [
    ("대구에서 이사왔는데 여기 돌봄은 어디서 알아봐요?", "mom-center"),
    ("이번에 김천 와서요 돌봄 뭐가 있는지 하나씩 알려주세요 5살 초2", "mom-center"),
    ("독감 예방주사 어디서 맞는지 물어볼 곳 있나요", "other-dept"),  # the topic, not where to ask
    ("부모급여 신청 어디에 문의해요", "other-dept"),
    ("365 야간연장 신청은 어떻게 해요", "daycare-365"),
    ("밤에 애 봐주는 분 집으로 방문해서 봐주시기도 하나요?", "home-care"),
    ("요즘 육아가 너무 힘든데 엄마들 상담 프로그램도 하나요", "mom-center"),
    ("아이돌봄 어디서 신청해요?", "home-care"),  # the service named
    ("방과후 돌봄 어디서 해요? 3학년", "after-school"),
])
def test_the_first_service_for_questions(text: str, service: str) -> None:
    assert first(text) == service, text


@pytest.mark.parametrize(("text", "service"), [
    ("물어볼 데가 없어서요 4살이 편식이 심해요", "mom-center"),  # the worry is the mom-center's own
    ("장난감 어떤게 있는지 알려주세요", "toy-library"),
    ("어린이집 야간연장 되는 데 있나요 4살 오늘 밤 9시까지", "daycare-365"),
])
def test_lookalikes_keep_their_service(text: str, service: str) -> None:
    assert first(text) == service, text
