"""Which service comes first, from the misses of a held-out set read at the end of the sixth session: a dental or
eye check the city offers (other-dept), not knowing what there is at all (mom-center), care that comes to the home
said as "집으로 오는 돌봄" (home-care, while someone coming home is not), and a child who starts school in March
(preschool in every month but March)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import first_service
from tests.shipped import READER, SHIPPED

KNOWLEDGE = SHIPPED
KST = ZoneInfo("Asia/Seoul")
SUN_JAN = datetime(2027, 1, 10, 10, 0, tzinfo=KST)


def first(text: str, now: datetime = SUN_JAN) -> str | None:
    return first_service(text, now)


@pytest.mark.parametrize(("text", "service"), [
    ("19년생 아들 구강검진 시에서 무료로 해주나요", "other-dept"),
    ("6살 치과검진 받을 수 있는 곳", "other-dept"),
    ("아이 시력검사 보건소에서 해주나요 5살", "other-dept"),
    ("이사 온 지 얼마 안 돼서 애 키우는데 뭐가 있는지 전혀 몰라요", "mom-center"),
    ("김천 처음인데 애 맡길 데가 뭐가 있는지 몰라요", "mom-center"),
    ("4살 딸 집으로 오는 돌봄 다음 주 수요일 1시~5시", "home-care"),
    ("5살 아이 집에 와주는 선생님 목요일 오후 2시부터 6시", "home-care"),
])
def test_the_service_the_message_asks_for_comes_first(text: str, service: str) -> None:
    assert first(text) == service, text


def test_someone_coming_home_is_no_home_visit() -> None:
    assert first("아빠가 집으로 오는 길이에요 화요일 5시까지 애 봐주세요 4살") != "home-care"


@pytest.mark.parametrize("now", [SUN_JAN, datetime(2027, 10, 12, 10, 0, tzinfo=KST)])
@pytest.mark.parametrize("text", ["3월에 학교 가는 7살 아이 어린이집 끝나고 4시부터 7시까지 화요일",
                                  "삼월에 초등학교 입학하는 딸 7살 화요일 저녁 돌봄"])
def test_a_child_who_starts_school_in_march_is_preschool_before_then(text: str, now: datetime) -> None:
    u = READER.read(text, now)
    assert u.need.child.school_grade is None and u.need.child.age_months == 83, text
    assert first(text, now) == "daycare-365"


def test_in_march_starting_school_in_march_is_now() -> None:
    u = READER.read("3월에 학교 가는 7살 아이 어린이집 끝나고 4시부터 7시까지", datetime(2027, 3, 5, 10, 0, tzinfo=KST))
    assert u.need.child.age_months == 84
