"""More classes of the tenth field round, with new sentences: children counted by 하나 and a count in 명 said alone,
a pick-up the parent cannot make before the care's end, the 365어린이집 named loosely or by its hours, parents'
groups, months after a second birthday, and a 큰애 beside a baby just born."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, READER, described

TUE = datetime(2027, 3, 9, 15, 0, tzinfo=KST)
"""A Tuesday afternoon."""


def said(text: str, now: datetime = TUE) -> dict:
    return described(text, now)


def kids(text: str) -> list[tuple[int | None, int | None]]:
    return [(c["age_months"], c["school_grade"]) for c in said(text)["children"]]


def hours(text: str, now: datetime) -> tuple[str | None, str | None, str | None]:
    got = said(text, now)
    return got["date"], got["start"], got["end"]


def topics(text: str) -> tuple[str, ...]:
    return READER.read(text, TUE).need.topics


@pytest.mark.parametrize(("text", "children"), [
    ("초등 2학년 하나 어린이집 다니는 애 하나 있어요", [(None, 2), (None, None)]),
    ("유치원생 하나 초등 4학년 하나요 목요일 저녁", [(None, None), (None, 4)]),  # the first one named first
    ("초5 하나 6살 하나 봐줄 곳", [(None, 5), (72, None)]),
    ("초등학생 하나 유치원생 하나 맡길 수 있나요", [(None, None), (None, None)]),
])
def test_children_counted_by_hana_are_one_each(text: str, children: list) -> None:
    assert kids(text) == children, text


@pytest.mark.parametrize(("text", "children"), [
    ("초2 딸 하나 있어요", [(None, 2)]),  # one child counted as one
    ("아들 하나 7살이에요", [(84, None)]),  # one son, his age said after
    ("초등 2학년 8살", [(96, 2)]),  # a grade and an age side by side: one child
])
def test_one_child_counted_by_hana_stays_one(text: str, children: list) -> None:
    assert kids(text) == children, text


@pytest.mark.parametrize(("text", "n"), [("두명이요", 2), ("아 세명이에요", 3), ("2명입니다", 2), ("네 명이요", 4)])
def test_a_count_in_myeong_said_alone_is_that_many_children(text: str, n: int) -> None:
    assert len(said(text)["children"]) == n, text


@pytest.mark.parametrize("text", ["두 명이 같이 일해서요", "두명 다 근무예요"])
def test_two_people_working_are_no_children(text: str) -> None:
    assert said(text)["children"] == [], text


MORNING = datetime(2027, 3, 9, 9, 0, tzinfo=KST)


@pytest.mark.parametrize(("text", "window"), [
    ("오늘 5시 반까지 도저히 못 데리러 가요 7시 반까지 맡길 수 있을까요 4살", ("17:30", "19:30")),
    ("6시까지 퇴근 못 할 것 같아요 9시까지 봐주실 분 있나요 5살", ("18:00", "21:00")),
    ("7시까지 하원 못 시켜요 10시까지 가능한가요 3살", ("19:00", "22:00")),
])
def test_a_pickup_the_parent_cannot_make_starts_the_care(text: str, window: tuple[str, str]) -> None:
    assert hours(text, MORNING) == ("2027-03-09", *window), text


@pytest.mark.parametrize(("text", "end"), [
    ("6시 반까지 데리러 못 가요 6시반까지만 봐주세요 3살", "18:30"),  # the same time again: the end
    ("6시까지 데리러 갈게요 3살", "18:00"),  # a pick-up the parent makes
    ("오늘 6시까지 봐주세요 3살", "18:00"),
])
def test_an_end_the_parent_makes_stays_the_end(text: str, end: str) -> None:
    assert hours(text, MORNING) == ("2027-03-09", None, end), text


@pytest.mark.parametrize("text", [
    "자산동에 365라는 어린이집 있던데 주말에도 해요?",
    "그 365인가 거기 신청 어떻게 해요",
    "밤 10시까지 맡아주는 어린이집 혹시 개령면에도 있나요",
    "밤에도 봐주는 어린이집이 있다고 들었어요",
    "주말에도 하는 어린이집 있을까요",
])
def test_the_365_daycare_named_loosely_or_by_its_hours(text: str) -> None:
    assert topics(text) == ("daycare-365",), text
    assert said(text)["services"][0] == "daycare-365", text


@pytest.mark.parametrize("text", [
    "365일 24시간 돌봐주는 곳 있나요",  # every day of the year, no daycare named
    "1년 365일 일하는 자영업자예요 4살 맡길 곳",
    "어린이집 4시까지만 봐줘서 그 뒤에 봐줄 분 구해요",  # the child's own daycare
    "어린이집 다니는 4살인데 6시까지 봐주세요",
])
def test_365_days_and_the_childs_own_daycare_name_no_service(text: str) -> None:
    assert topics(text) == (), text


@pytest.mark.parametrize("text", [
    "다둥이 엄마들 자조모임 있나요",
    "아빠들끼리 모일 만한 곳 있을까요",
    "엄마모임 할 공간 있나요",
    "육아동아리 같은 거 김천에도 있어요?",
])
def test_parents_groups_go_to_the_hub(text: str) -> None:
    assert topics(text) == ("mom-center",), text
    assert said(text)["services"][0] == "mom-center", text


def test_a_school_parents_meeting_is_no_parents_group() -> None:
    assert topics("학부모 모임 때문에 저녁에 맡길 곳") == ()


@pytest.mark.parametrize(("text", "children"), [
    ("두돌 지나고 넉달 됐어요", [(28, None)]),
    ("세돌 지나고 두달 된 딸", [(38, None)]),
    ("돌 지나고 석달이요", [(15, None)]),
])
def test_months_after_a_birthday_are_one_child(text: str, children: list) -> None:
    assert kids(text) == children, text


@pytest.mark.parametrize(("text", "children"), [
    ("두돌이랑 5개월 아기 있어요", [(24, None), (5, None)]),
    ("두 돌 된 딸이랑 석 달 된 아들", [(24, None), (3, None)]),
])
def test_a_birthday_and_months_of_two_children_stay_two(text: str, children: list) -> None:
    assert kids(text) == children, text


@pytest.mark.parametrize(("text", "first"), [
    ("지난주에 출산했는데 큰애 4살 봐줄 곳 있나요", 48),
    ("둘째 낳고 조리원이에요 첫째 5살 맡기고 싶어요", 60),
    ("조리원에 있는데 큰아이 6살 어린이집 하원 후 봐주실 분", 72),
])
def test_a_big_child_beside_a_baby_just_born_is_first_of_two(text: str, first: int) -> None:
    got = said(text)
    assert (got["age_months"], len(got["children"])) == (first, 2), text


@pytest.mark.parametrize("text", ["다음달 둘째 출산 예정이라 큰애 3살 맡길 데", "큰애 4살이에요"])
def test_a_big_child_with_no_baby_born_is_one(text: str) -> None:
    assert len(said(text)["children"]) == 1, text
