"""More classes of the twelfth session's rounds, with new sentences: a birth month in a year said from today (작년
10월생), a birthday coming (다음주에 돌), a 돌 not reached beside the months, a count after the ages (초1 6살 둘이요), a
7-year-old not at school yet and a school child before school today, the place the care is wanted on the way, and
the hour the parent comes for the child past it (7시 넘어서 데리러)."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described, first_service

TUE = datetime(2027, 3, 9, 15, 0, tzinfo=KST)
"""A Tuesday afternoon."""


def kids(text: str, now: datetime = TUE) -> list[tuple[int | None, int | None]]:
    return [(c["age_months"], c["school_grade"]) for c in described(text, now)["children"]]


@pytest.mark.parametrize(("text", "children"), [
    ("작년 11월생 딸 목요일 오전에 맡길 곳 있나요", [(3, None)]),
    ("재작년 5월생 아들이에요 금요일 9시부터 4시", [(21, None)]),
    ("작년 8월 2일생 아기 내일 오후 봐주실 분", [(7, None)]),
    ("올해 1월생인데 토요일에 잠깐 맡길 수 있을까요", [(1, None)]),
    # lookalikes: a month in a past year that is no birth
    ("작년 10월에 이사 왔어요 4살 딸 내일", [(48, None)]),
    ("22년 3월생 아들", [(59, None)]),
])
def test_a_birth_month_in_a_year_said_from_today(text: str, children: list) -> None:
    assert kids(text) == children


@pytest.mark.parametrize(("text", "children"), [
    ("다음 달이면 돌이라 이번주 금요일 맡길 곳", [(11, None)]),
    ("담주가 돌이에요 목요일 오후 봐주실 분", [(11, None)]),
    ("낼모레 세 돌인데 내일 하루 맡기고 싶어요", [(35, None)]),
    ("다음주 두 돌이에요 금요일 10시부터", [(23, None)]),
    # lookalikes: a first birthday past, a party, a care word
    ("두 돌 된 아들 내일 오전에", [(24, None)]),
    ("다음주 돌잔치 가야 해서 4살 맡길 곳", [(48, None)]),
    ("돌 지난 아기 금요일에 맡겨요", [(12, None)]),
    ("다음주 돌봄 필요해요 3살", [(36, None)]),
])
def test_a_birthday_coming_is_a_month_short_of_it(text: str, children: list) -> None:
    assert kids(text) == children


@pytest.mark.parametrize(("text", "children"), [
    ("아기 2돌 안 됐는데 20개월이에요 금요일 맡길 곳", [(20, None)]),
    ("애기 세 돌 안됐고 33개월이요 토요일", [(33, None)]),
    ("딸 3돌 안됐어요 34개월 내일 오후", [(34, None)]),
    # lookalikes: a 돌 said as the age, bare ages after kin words
    ("아기 2돌이에요 내일 맡겨요", [(24, None)]),
    ("아들 5 딸 3 내일 봐주세요", [(60, None), (36, None)]),
])
def test_a_dol_not_reached_beside_the_months_is_one_child(text: str, children: list) -> None:
    assert kids(text) == children


@pytest.mark.parametrize(("text", "children"), [
    ("초2 7살 둘이에요 토요일 9시부터", [(None, 2), (84, None)]),
    ("초3 5살 둘이요 금요일 저녁", [(None, 3), (60, None)]),
    ("6살 4살 둘이요 내일", [(72, None), (48, None)]),
    # lookalikes: one child counted, an age and a grade of one child
    ("초2 8살 딸 하나요 내일", [(96, 2)]),
    ("초1 7살이에요 금요일", [(84, 1)]),
])
def test_a_count_after_the_ages_counts_them_apart(text: str, children: list) -> None:
    assert kids(text) == children


@pytest.mark.parametrize(("text", "children"), [
    ("7살인데 학교는 아직이에요 유치원 다니고 토요일 오전", [(83, None)]),
    ("7살 아들 아직 학교 안 다녀요 내일 맡길 곳", [(83, None)]),
    ("7살 딸 학교 들어가기 전이에요 금요일", [(83, None)]),
    # a school child before school leaves today; one whose school day is not over
    ("초2 아들 학교 가기 전까지만 봐주세요 내일 7시부터", [(None, 2)]),
    ("초1 딸 학교 가기 전에 아침 7시부터 봐주세요", [(None, 1)]),
    ("8살 초2 학교는 아직 안 끝났어요 3시에 끝나요", [(96, 2)]),
])
def test_not_at_school_yet_and_before_school_today(text: str, children: list) -> None:
    assert kids(text) == children


def test_before_school_today_is_the_morning() -> None:
    assert described("초2 아들 학교 가기 전까지만 봐주세요 내일 7시부터", TUE)["start"] == "07:00"
    assert described("초2 아들 내일 학교 끝나고 3시부터 7시까지", TUE)["start"] == "15:00"  # after school stays


def test_a_seven_year_old_not_at_school_yet_goes_to_the_daycare() -> None:
    text = "7살인데 학교는 아직이고 어린이집 다녀요 다음주 화요일 저녁 8시까지 봐줄 곳"
    assert first_service(text, TUE) == "daycare-365"


@pytest.mark.parametrize(("text", "place"), [
    ("집은 봉산면인데 출근하면서 율곡동 쪽에 맡기고 싶어요 4살", "율곡동"),
    ("김천역에서 내려서 바로 지좌동 쪽에 애 3시간 맡길 수 있나요 5살", "지좌동"),
    ("집은 아포인데 회사 가는 길에 혁신도시에 맡기고 싶어요 3살", "율곡동"),
    # lookalikes: the home said and the work place named, the way to drop them, the home alone
    ("아포 사는데 회사가 율곡동이라 율곡동 쪽에 맡기고 싶어요 3살", "아포읍"),
    ("율곡동 살아요 남면에 애들 맡기러 가다가 사고 났어요", "율곡동"),
    ("집은 아포인데 회사가 혁신도시예요 4살", "아포읍"),
])
def test_the_place_the_care_is_wanted_on_the_way(text: str, place: str) -> None:
    assert described(text, TUE)["place"] == place


@pytest.mark.parametrize(("text", "end"), [
    ("내일 8시 넘어서 데리러 갈 것 같은데 어린이집 4살 몇시까지 해요", "20:00"),
    ("금요일 6시 지나서 데리러 가요 유치원 5살", "18:00"),
    ("목요일 7시쯤 데리러 가요 5살", "19:00"),
])
def test_the_hour_the_parent_comes_past_it_ends_the_care(text: str, end: str) -> None:
    assert described(text, TUE)["end"] == end


def test_a_pickup_past_seven_keeps_the_daycare_first() -> None:
    text = "낼 애 맡기려는데 7시 넘어서 데리러 갈 거 같아요 몇시까지 해요? 어린이집 4살"
    assert first_service(text, TUE) == "daycare-365"
