"""Places from the thirteenth session's misses: the home said beside the place of work ("집이랑 학교는 X"), the
parent's own place beside where a service is said to be ("저 X라"), a service site named in a question, and the
townships' landmarks (청암사, 사명대사공원)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described

SEOUL = ZoneInfo("Asia/Seoul")
TUESDAY = datetime(2027, 5, 11, 10, 0, tzinfo=SEOUL)
"""Tuesday 11 May 2027."""


def place(text: str) -> str | None:
    return described(text, TUESDAY)["place"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("청암사 근처 살아요 3살 내일 오전에 봐주실 분", "증산면"),
        ("청암사 아래 마을이라 어린이집이 멀어요 20개월", "증산면"),
        ("사명대사공원 근처에서 식당 해요 6살 딸 주말에", "대항면"),
        ("사명대사 공원 앞 살아요 초2 방학 때 봐줄 곳", "대항면"),
        # lookalikes: the landmark already there, and a home said beside a landmark
        ("직지사 근처예요 4살", "대항면"),
        ("청암사 놀러 왔다가 생각나서요 집은 율곡동 5살", "율곡동"),
    ],
)
def test_a_townships_landmark_names_the_township(text: str, where: str) -> None:
    assert place(text) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("직장은 아포읍이고 집하고 어린이집은 대곡동 4살", "대곡동"),
        ("남편 회사는 대신동, 집이랑 애 학교는 양금동이에요 초1", "양금동"),
        ("집이랑 회사 둘 다 율곡동인데 할머니는 개령면 4살", "율곡동"),
        ("근무지는 지좌동 집이랑 유치원은 감호동이에요 6살 저녁에", "자산동"),
        # lookalikes: grandma's home is not the family's; a school said alone is still away
        ("할머니 집이랑 학교는 개령면인데 저희는 율곡동 살아요 초3", "율곡동"),
        ("회사랑 학교는 율곡동이고 집은 아포읍 4살", "아포읍"),
    ],
)
def test_the_home_said_beside_another_place_is_the_home(text: str, where: str) -> None:
    assert place(text) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("365어린이집 대곡동에 있대서요 저는 아포읍인데 너무 멀죠 4살", "아포읍"),
        ("밤에 하는 데가 율곡동에도 있다고 하던데 저 감문면이라 갈 수 있을까요 3살", "감문면"),
        ("다함께돌봄 황산에 생겼다던데 저 구성면이에요 초2", "구성면"),
        ("저 아포읍이라 율곡동에 맡길 수 있나요 4살", "아포읍"),
        # lookalikes: a service said to be somewhere, with no other place, still names it; 저 as "that" is no home
        ("장난감 도서관 율곡동에 있다던데 맞나요 4살", "율곡동"),
        ("저 율곡동 가는 길인데 개령면 살아요 4살", "개령면"),
    ],
)
def test_the_parents_own_place_over_where_a_service_is_said_to_be(text: str, where: str) -> None:
    assert place(text) == where


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("꿈자람에 자리 남았어요? 초2", None),
        ("맘지원센터에서 엄마들 모임 할 수 있어요?", None),
        ("맘지원센터 회원 가입 어떻게 해요", None),
        ("꿈자람 대기 걸어놨는데 언제 연락와요 초3", None),
        ("꿈자람이 가까워요 양금동 초4", "양금동"),
        # lookalikes: living by the site, the area said with it, care wanted there, an apartment complex
        ("맘지원센터 근처 살아요 모임 공간 있나요", "대곡동"),
        ("다수동 꿈자람 센터 자리 있나요 초1", "대곡동"),
        ("꿈자람에 맡기고 싶어요 초2", "대곡동"),
        ("센트럴자이 살아요 4살", "대곡동"),
    ],
)
def test_a_service_site_named_to_ask_for_its_room_or_places_is_not_the_familys_place(
        text: str, where: str | None) -> None:
    assert place(text) == where
