"""First service and false alarms from dev rounds 112-115: a child's own cast or past ER visit is no carer's
emergency; the carer's own check-up is the reason, not the topic; a family away from home has someone come to
them; a child said to leave daycare is preschool; 동안 오후 is no child not coming."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import first_service
from tests.shipped import READER

SEOUL = ZoneInfo("Asia/Seoul")
WEDNESDAY = datetime(2027, 4, 14, 11, 0, tzinfo=SEOUL)


def _first(text: str, now: datetime = WEDNESDAY) -> str | None:
    return first_service(text, now)


def _danger(text: str, now: datetime = WEDNESDAY) -> bool:
    return READER.read(text, now).danger


@pytest.mark.parametrize(
    "text",
    [
        "지난주에 미끄럼틀에서 넘어져서 다리 깁스했어요 당분간 유치원 못가서 집에서 봐주실분 5살",
        "손목 골절로 깁스해서 한달간 등원을 못해요 집에서 돌봐주실 분 7살",
        "발가락 부러져서 어린이집 못 보내는데 집에서 봐줄 분 있나요 4살",
        "이마 꿰매서 이번주 등원 못해요 집에서 봐주실분 구해요 3살",
    ],
)
def test_a_childs_own_injury_kept_from_daycare_goes_home_care(text: str) -> None:
    understanding = READER.read(text, WEDNESDAY)
    assert "emergency" not in understanding.need.situations
    assert _first(text) == "home-care"


@pytest.mark.parametrize(
    "text",
    [
        "제가 팔이 부러져서 깁스했어요 애 어린이집 못 데려다줘서 봐주실 분 4살",
        "남편이 다리 골절로 입원해서 애 어린이집 등원을 못 시켜요 4살",
        "엄마가 다쳐서 응급실이에요 애 어린이집 못가요 5살",
    ],
)
def test_a_carers_injury_stays_an_emergency(text: str) -> None:
    assert "emergency" in READER.read(text, WEDNESDAY).need.situations


@pytest.mark.parametrize(
    "text",
    [
        "그제 애가 구슬 삼켜서 응급실 다녀왔는데 괜찮대요 오늘은 집에서 쉬게하려고 봐줄분 구해요",
        "어제 열이 나서 오늘은 집에서 쉬게 하려고 봐주실 분 필요해요 4살",
    ],
)
def test_resting_at_home_after_a_scare_is_home_care(text: str) -> None:
    assert "at_home" in READER.read(text, WEDNESDAY).need.situations


@pytest.mark.parametrize(
    "text",
    [
        "모레 제 건강검진이 있어서 오전에 잠깐 맡기고 싶어요 30개월",
        "제 치과치료 받으러 가는데 두시간만 맡길 곳 4살",
        "내 건강검진 때문에 금요일 오전에 애 맡길 데 있나요 3살",
    ],
)
def test_the_carers_own_appointment_is_no_topic(text: str) -> None:
    assert "other-dept" not in READER.read(text, WEDNESDAY).need.topics


@pytest.mark.parametrize(
    "text",
    [
        "영유아 건강검진 어디서 받아요? 30개월",
        "우리 애 건강검진 받을 수 있는 곳 알려주세요",
    ],
)
def test_a_check_up_asked_about_is_still_the_topic(text: str) -> None:
    assert "other-dept" in READER.read(text, WEDNESDAY).need.topics


@pytest.mark.parametrize(
    "text",
    [
        "김천 리조트에 여행왔는데 밤에 잠깐 애 봐주실분 있을까요 5살",
        "캠핑왔는데 저녁에 두시간 아이 봐줄 사람 구해요 4살 6살",
        "펜션에 놀러와 있는데 애기 돌봐주는 서비스 있나요 3살",
    ],
)
def test_a_family_away_from_home_has_someone_come(text: str) -> None:
    assert "at_home" in READER.read(text, WEDNESDAY).need.situations


@pytest.mark.parametrize(
    "text",
    [
        "친정에 놀러왔는데 근처 어린이집 있나요 4살",
        "리조트 직원인데 야간근무라 애 맡길 곳 4살",
    ],
)
def test_travel_words_without_someone_to_look_after_are_no_visit(text: str) -> None:
    assert "at_home" not in READER.read(text, WEDNESDAY).need.situations


@pytest.mark.parametrize(
    "text",
    [
        "어린이집 끝나고 저녁 8시부터 10시까지 봐주실 곳 주3일",
        "유치원 마치고 밤 9시까지 맡길 곳 있나요 평일",
    ],
)
def test_a_child_leaving_daycare_is_a_preschooler(text: str) -> None:
    assert READER.read(text, WEDNESDAY).need.child.school is False


@pytest.mark.parametrize(
    "text",
    [
        "초5 큰애랑 초1 작은애 여름방학동안 오후에 맡길 곳",
        "3살 둘째 방학동안 오전에만 봐주실 분",
    ],
)
def test_during_then_an_hour_is_no_child_not_coming(text: str) -> None:
    assert not _danger(text)


def test_a_child_not_coming_home_is_still_danger() -> None:
    assert _danger("7살 애가 학원 끝났는데 두시간째 집에 안오고 전화도 안받아요")
