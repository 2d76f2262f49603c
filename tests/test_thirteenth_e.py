"""Thirteenth session (e): an illness's blisters and a poor appetite are no danger, a child hurting peers gets no
learned alarm, and care on set weekdays for a carer's treatment or care booked ahead is no sudden emergency."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, WORDS, described, first_service

MORNING = datetime(2027, 3, 9, 8, 30, tzinfo=KST)


@pytest.mark.parametrize(
    "text",
    [
        "둘째가 수족구라 입안에 물집이 잡혀서 밥을 잘 못먹어요 내일 집에서 봐주실 분 있나요",
        "애가 구내염으로 입에 물집 생기고 밥도 잘 안먹어요 모레 오전에 와주실 분",
        "아기가 열나고 밥도 잘 못먹어서 어린이집 못가요 오늘 오후 집으로 와주실 분",
        "딸이 친구들을 자꾸 때리고 깨물어서 선생님이 상담 권하셨어요 어디로 가야 하나요",
        "우리 아들이 어린이집에서 친구를 할퀴고 물어요 오늘도 그랬대요 상담 받고 싶어요",
    ],
)
def test_an_illness_or_a_child_hurting_peers_is_no_danger(text: str) -> None:
    assert not described(text, MORNING)["danger"]


@pytest.mark.parametrize(
    "text",
    [
        "애가 삼일째 밥도 못먹고 굶고 있어요 엄마가 집에 안와요",
        "애가 어른 약을 잘못 먹었어요 어떡해요",
        "어린이집 친구들이 우리 애를 물고 때려서 애가 피가 나요",
    ],
)
def test_neglect_poison_and_a_child_bitten_stay_danger(text: str) -> None:
    assert described(text, MORNING)["danger"]


@pytest.mark.parametrize(
    "text",
    [
        "허리 다쳐서 물리치료 받으러 가는 화목마다 오후 3시부터 5시까지 5살 아이 봐줄 곳 있을까요",
        "다음주 월~금 오전에 시어머니 수술하셔서 간병 가야돼요 4살 맡길 데 있나요",
        "남편이 통원치료 받는 동안 수요일 오후 1시부터 4시까지 3살 아이 맡길 곳 찾아요",
    ],
)
def test_care_on_set_weekdays_for_treatment_is_not_an_emergency(text: str) -> None:
    assert first_service(text, MORNING) != "emergency-119"


@pytest.mark.parametrize(
    "text",
    [
        "남편이 갑자기 쓰러져서 수술 들어갔어요 월~금 봐줄 곳 급해요 4살이에요",
        "아내가 교통사고로 지금 응급실이에요 5살 아이 오늘 봐줄 곳 있나요",
    ],
)
def test_a_sudden_hospital_stay_stays_an_emergency(text: str) -> None:
    assert first_service(text, MORNING) == "emergency-119"


def test_the_words_alone_still_read_a_child_hurting_peers_as_no_danger() -> None:
    assert not WORDS.read("우리애가 친구들을 자꾸 때리고 물고 한대요 상담 받을 데 있을까요", MORNING).danger


@pytest.mark.parametrize(
    "text",
    [
        "남편이 쓰러져서 119 타고 병원 가는 중이에요 집에 애 둘 있는데 큰애가 중1이라 동생 보고 있어요 오늘 밤 맡길 곳",
        "아내가 응급실에 있어요 4살 딸은 집에 할머니랑 같이 있어요 내일 아침부터 봐줄 곳 찾아요",
        "애아빠가 퇴근하다가 넘어져서 다리가 부러졌대요 지금 병원이고 애들은 옆집이랑 있어요 오늘 저녁 맡길 데 있어요?",
        "신랑이 쓰러져서 입원했어요 2살 아기는 지금 이모가 봐주고 있어요 내일부터 봐줄 곳 급해요",
    ],
)
def test_children_with_someone_while_a_carer_is_taken_away_are_not_in_danger(text: str) -> None:
    assert not described(text, MORNING)["danger"]


@pytest.mark.parametrize(
    "text",
    [
        "남편이 쓰러져서 119 타고 병원 가는 중이에요 집에 5살 3살 애 둘만 있어요 어떡해요",
        "남편이 쓰러져서 병원 가는데 6살이랑 4살 애 둘이 집에 있어요 언니랑 둘이 있어요",
        "애아빠가 쓰러져서 지금 구급차 타고 가요 집에 아기 혼자 있어요",
    ],
)
def test_young_children_home_alone_while_a_carer_is_taken_away_stay_danger(text: str) -> None:
    assert described(text, MORNING)["danger"]
