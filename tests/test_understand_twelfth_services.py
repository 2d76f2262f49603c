"""Which service comes first, from the twelfth session's service misses: the city's children's classes, handouts and
events asked about (other-dept); a named service asked about by its everyday name or a loan's trouble (toy-library,
home-care); where to start or whom to ask, in dialect too (mom-center); a carer wanted at home in other words and a
trip away that takes the nights (home-care); a funeral at home and a carer suddenly short of breath (119)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described, first_service

SEOUL = ZoneInfo("Asia/Seoul")
TUESDAY = datetime(2027, 4, 13, 10, 0, tzinfo=SEOUL)
FRIDAY_EARLY = datetime(2027, 4, 16, 6, 40, tzinfo=SEOUL)
SUNDAY_NIGHT = datetime(2027, 4, 18, 2, 30, tzinfo=SEOUL)


@pytest.mark.parametrize(
    "text",
    [
        "여름에 계곡 가기 전에 생존수영 배울 수 있는 데 있어요? 초3이에요",
        "시에서 애들 수영교실 같은 거 하나요",
        "미아방지 팔찌 시에서 무료로 나눠준다던데 맞나요",
        "주말에 애들이랑 갈만한 시 행사 있나요",
        "이번 달에 아이들 데리고 갈만한 행사 있을까요 6살",
    ],
)
def test_city_classes_handouts_and_events_are_other_departments(text: str) -> None:
    assert first_service(text, TUESDAY) == "other-dept"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # care asked for hours while the city's event is the reason: the care first
        ("시 행사 있어서 도우미 가는데 내일 10시부터 3시까지 5살 맡길 곳", "daycare-365"),
    ],
)
def test_events_beside_care_or_danger_stay_as_they_were(text: str, service: str) -> None:
    assert first_service(text, TUESDAY) == service


def test_a_child_lost_at_an_event_is_danger_not_a_question_about_events() -> None:
    text = "어린이날 행사장에서 딸이 안 보여요 지금 십분째 찾고 있어요 4살"
    assert described(text, TUESDAY)["danger"] is True
    assert first_service(text, TUESDAY) != "other-dept"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("장난감 도서관 반납일 좀 미룰 수 있나요? 빌린거 금요일까지예요", "toy-library"),
        ("붕붕카 빌렸는데 바퀴가 빠졌어요 변상해야 돼요?", "toy-library"),
        ("퍼즐 빌렸는데 한 조각 잃어버렸어요 어떡하죠", "toy-library"),
        ("대여기간 연장 가능한가요 다음주 수요일까지인데", "toy-library"),
        ("옆집 엄마가 아이돌봄 좋다던데 시간당 얼마예요?", "home-care"),
        ("아이돌봄 써보신 분 계세요? 야간도 되나요", "home-care"),
    ],
)
def test_a_named_service_asked_about_comes_first(text: str, service: str) -> None:
    assert first_service(text, TUESDAY) == service


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # care extended at a daycare is care, not a loan's dates
        ("어린이집 저녁 8시까지 연장 되나요? 4살", "daycare-365"),
        # 아이 돌봄 said as care wanted, with hours: the facility first as before
        ("내일 2시부터 6시까지 아이 돌봄 가능한 곳 5살", "daycare-365"),
    ],
)
def test_lookalikes_of_named_services_stay(text: str, service: str) -> None:
    assert first_service(text, TUESDAY) == service


@pytest.mark.parametrize(
    "text",
    [
        "김천 온 지 한 달 됐는데 애 맡길 데가 어떤데가 있나요",
        "새로 이사와서 돌봄 어떤 곳이 있는지 하나도 몰라요",
        "아가 어린이집 적응을 못해서 아침마다 울어요 어데 물어봐야 되노",
        "유치원 적응이 안 돼서 걱정인데 오데서 물어보믄 되능교",
    ],
)
def test_where_to_start_or_whom_to_ask_is_the_guidance_centre(text: str) -> None:
    assert first_service(text, TUESDAY) == "mom-center"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # a benefit asked by a family that has just moved: the benefit first, the guidance after it
        ("이사온지 얼마 안됐는데 아동수당 신청 어디서 해요", "other-dept"),
        # newly moved with hours of care: the care first
        ("이사온지 얼마 안돼서요 4살 내일 1시부터 5시까지 맡길 곳", "daycare-365"),
    ],
)
def test_a_topic_beside_the_newcomer_stays_first(text: str, service: str) -> None:
    assert first_service(text, TUESDAY) == service


@pytest.mark.parametrize(
    "text",
    [
        "집으로 오시는 선생님 있을까요 20개월 월수금 10시부터 2시",
        "오늘 밤 9시부터 와주실분 찾아요 남편 야간이라서요 5살",
        "다음주 월요일부터 수요일까지 출장이라 밤에도 애 봐줄 사람 필요해요 초2",
        "하원 도우미 그런거도 있나요 오후 4시부터 6시까지 어린이집에서 데려와서 집에서 봐주는거",
    ],
)
def test_care_at_home_in_other_words_is_home_care(text: str) -> None:
    assert first_service(text, FRIDAY_EARLY) == "home-care"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # nobody to help is the family's lot, not a carer asked to come: the facility first
        ("친정이 멀어서 도와주실 분이 없어요 다음주 화요일 9시부터 5시까지 3살", "daycare-365"),
        # a trip in the day with the hours said: after-school care covers it
        ("출장이라 다음주 화요일 3시부터 7시까지 초2 봐줄 곳", "after-school"),
        # a grandmother coming home is no carer wanted at home
        ("할머니가 집에 오시는 날이 7시라 다음주 화요일 3시부터 7시까지 4살 맡길 곳", "daycare-365"),
    ],
)
def test_lookalikes_of_care_at_home_stay(text: str, service: str) -> None:
    assert first_service(text, FRIDAY_EARLY) == service


@pytest.mark.parametrize(
    "text",
    [
        "친정에 상이 나서 삼일장 치러야 하는데 6살 봐줄 데요",
        "시댁 3일장이라 내려가야 되는데 초1 아들 맡길 곳 있나요",
        "새벽에 죄송합니다 남편이 갑자기 숨을 못쉬어서 응급실 가야 해요 4살 자고 있어요",
        "할배가 숨을 잘 못쉬셔서 병원 가야되는데 애가 둘이에요 3살 5살",
        "며느리가 갑자기 수술하게 돼서 손주 초3 이번 주말에 봐주실 곳",
    ],
)
def test_a_carers_emergency_is_the_emergency_centre(text: str) -> None:
    assert first_service(text, SUNDAY_NIGHT) == "emergency-119"
    assert described(text, SUNDAY_NIGHT)["danger"] is False
