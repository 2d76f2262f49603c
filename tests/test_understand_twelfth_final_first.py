"""Classes from dev rounds 116-119: children said in dialect or as counted kinds, an age beside a job word, topic
words for a place to go, a culture centre and whether a daycare opens, "what to do" beside a real topic, and a
service's floor that is not the family's place."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described, first_service

NOW = datetime(2027, 6, 23, 14, 0, tzinfo=KST)  # a Wednesday


def _children(text: str) -> list[dict]:
    return described(text, NOW)["children"]


@pytest.mark.parametrize("text", [
    "아-가 열이 나서 어린이집 못 보내요 내일 집에 와주실 분",
    "아-는 할머니가 봐주시다가 못 보게 됐어예",
    "아-를 맡길 데가 없어가 우야노",
])
def test_a_child_said_with_the_vowel_drawn_out_is_one_child(text: str) -> None:
    assert len(_children(text)) == 1


@pytest.mark.parametrize("text", ["아-- 진짜 힘드네요 맡길 곳 있나요", "아- 모르겠다 오늘 저녁 7시부터"])
def test_a_drawn_out_interjection_is_no_child(text: str) -> None:
    assert _children(text) == []


@pytest.mark.parametrize(("text", "months"), [
    ("밤에 봐주실 분 18개월 간호사라 야간 근무해요", 18),
    ("20개월 간호사 엄마인데 3교대라 맡길 곳", 20),
    ("14개월 간식 챙겨주실 분 오후 2시부터 6시", 14),
])
def test_months_before_a_word_starting_with_gan_are_an_age(text: str, months: int) -> None:
    assert described(text, NOW)["age_months"] == months


@pytest.mark.parametrize("text", ["6개월간 다녔는데 이사 왔어요 4살", "3개월 간 맡길 곳 찾아요 5살"])
def test_months_as_a_span_stay_no_age(text: str) -> None:
    assert described(text, NOW)["age_months"] == (48 if "4살" in text else 60)


@pytest.mark.parametrize("text", [
    "초등학생 2학년 1명 유치원생 1명이요 저녁 6시부터",
    "초1 한명 유치원생 한명 봐주세요 내일",
    "초3 1명이랑 유치원생 1명 토요일에",
])
def test_a_counted_pupil_and_a_counted_kindergartner_are_two(text: str) -> None:
    assert len(_children(text)) == 2


@pytest.mark.parametrize("text", ["5살 유치원생 1명이요", "7살 유치원생 딸 내일 봐주세요"])
def test_an_age_beside_kindergartner_is_one_child(text: str) -> None:
    assert len(_children(text)) == 1


@pytest.mark.parametrize("text", [
    "아이랑 같이 갈만한 공간 있나요 비오는날",
    "애기랑 놀만한 공간 있을까요 대곡동",
    "아기랑 갈만한 장소 있어요? 집에만 있으니 답답해서",
])
def test_a_place_to_go_with_the_child_is_the_mom_center(text: str) -> None:
    assert first_service(text, NOW) == "mom-center"


@pytest.mark.parametrize("text", [
    "손자가 3살인데 문화센터 같은데 다닐만한거 있나요",
    "문화센터 유아 수업 시에서 하는거 있어요?",
])
def test_a_culture_centre_is_another_department(text: str) -> None:
    assert first_service(text, NOW) == "other-dept"


@pytest.mark.parametrize("text", [
    "어린이날에도 어린이집 하나요 9시부터 5시까지",
    "광복절에도 어린이집 여나요? 10시부터 3시",
    "토요일에 어린이집 운영하나요 아침 9시부터",
])
def test_asking_whether_a_daycare_opens_is_the_365_daycare(text: str) -> None:
    assert first_service(text, NOW) == "daycare-365"


@pytest.mark.parametrize(("text", "first"), [
    ("주말에 애들이랑 뭐할지 고민.. 장난감 대여 주말에도 되나요", "toy-library"),
    ("애들이랑 뭐할지 고민인데 문화센터 같은거 있나요", "other-dept"),
    ("어린이집 보낼지 아이돌보미 쓸지 고민이에요", "mom-center"),
])
def test_what_to_do_is_no_choosing_between_services(text: str, first: str) -> None:
    assert first_service(text, NOW) == first


@pytest.mark.parametrize("text", [
    "장난감도서관이 맘지원센터 2층에 있는거 맞죠?",
    "맘지원센터 3층에 모임방 있나요",
])
def test_a_service_buildings_floor_is_not_the_familys_place(text: str) -> None:
    assert described(text, NOW)["place"] is None


@pytest.mark.parametrize(("text", "place"), [("맘지원센터 근처 살아요 4살 내일 오후", "대곡동"),
                                             ("다수초 앞인데 초2 아들 오늘 저녁", "대곡동")])
def test_a_landmark_where_the_family_lives_stays_their_place(text: str, place: str) -> None:
    assert described(text, NOW)["place"] == place
