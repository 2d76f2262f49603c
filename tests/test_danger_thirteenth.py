"""Danger, thirteenth session: a carer being taken away right now with a young child alone; a baby shaken hard by
a carer, seen live; prevention questions (handouts, rentals, where to get a tag) and habits; a scare taken back
in the same message; a worry explained (teething); a symptom asked about as normal; news about other children;
a date word (글피) that holds a danger letter."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, WORDS, described

AFTERNOON = datetime(2027, 4, 14, 15, 20, tzinfo=KST)


def danger(text: str) -> bool:
    return described(text, AFTERNOON)["danger"]


def words_danger(text: str) -> bool:
    return WORDS.read(text, AFTERNOON).danger


@pytest.mark.parametrize(
    "text",
    [
        "남편이 쓰러져서 구급차 타고 병원 가는 중이에요 집에 세살 딸이 혼자 있는데 봐줄 사람이 없어요",
        "할머니가 계단에서 구르셔서 실려가는 중이래요 애기가 집에 혼자 있어요 맡길 데가 없어요",
        "아내가 응급실로 이송 중인데 다섯살 아들이 집에 혼자 있어요 봐줄 사람 아무도 없어요",
        "시어머니 모시고 병원 가는 도중인데 두살 애가 집에 혼자 있어요 문이 잠겨서 못 들어가요",
    ],
)
def test_a_carer_on_the_way_to_hospital_now_with_a_young_child_alone_is_danger(text: str) -> None:
    assert words_danger(text)
    assert danger(text)


@pytest.mark.parametrize(
    "text",
    [
        # the child is with someone, or the care is for later
        "남편이 구급차 타고 가는 중이에요 애는 제가 데리고 있어요 내일 봐줄 사람 있을까요",
        "엄마가 병원 가는 중이라 애는 옆집 언니가 봐주고 있어요 저녁에 봐줄 분 구해요",
        "친정엄마 모시고 병원 가는 중인데 다음주에 애 봐줄 사람이 없어요 세살이에요",
        # an older child
        "저 지금 병원 가는 중인데 중학생 아들 혼자 집에 있어요 저녁 좀 챙겨주실 분 계세요",
        # the parent on the way to work, the care for the holidays
        "출근하러 가는 중인데 애가 방학이라 혼자 있어야 해요 돌봄 신청 어떻게 해요",
    ],
)
def test_on_the_way_with_the_child_looked_after_or_care_for_later_is_no_danger(text: str) -> None:
    assert not words_danger(text)
    assert not danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "베이비캠 보니까 돌보미가 아기를 세게 흔들고 있어요 저 회사예요",
        "할머니가 우는 애기를 심하게 흔들어요 말려도 안 들으세요",
        "남자친구가 애를 막 흔들어대요 애가 자지러지게 울어요",
        "시터가 아이를 거칠게 흔들고 소리 질러요 홈캠으로 보고 있어요",
    ],
)
def test_an_adult_shaking_a_baby_hard_is_danger(text: str) -> None:
    assert words_danger(text)
    assert danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "아기를 안고 살살 흔들어 재우면 금방 자요",
        "애기를 막 흔들어 재우는 건 안 좋다던데 맞나요",
        "아기 흔들침대 빌릴 수 있나요 8개월이에요",
        "아이 이가 막 흔들려서 곧 빠질 것 같아요",
        "아기가 졸리면 자꾸 고개를 흔들어요 버릇인가요",
    ],
)
def test_rocking_a_baby_or_a_loose_tooth_is_no_danger(text: str) -> None:
    assert not words_danger(text)
    assert not danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "애가 자꾸 없어져서 무서워요 위치 알려주는 시계 같은 거 어디서 받아요?",
        "놀이터만 가면 애가 자꾸 사라져요 이름표 같은 거 구청에서 나눠주나요",
        "애가 침대에서 자꾸 떨어져요 낙상방지 가드 대여 되나요",
        "혼자 있는 아이들 돌봄공백 지원 구청에서 하는 거 있나요",
        "아이 혼자 차에 두지 말자는 안내문 어린이집에 붙이고 싶어요",
    ],
)
def test_a_prevention_question_or_a_habit_is_no_danger(text: str) -> None:
    assert not words_danger(text)
    assert not danger(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same words with something happening now
        "지금 마트에서 애가 없어졌어요 미아방지 팔찌 차고 있어요 어디서 도움 받아요",
        "애가 차에 혼자 있는데 문이 잠겼어요 지금 어떡해요",
        "애가 없어졌어요 아까 놀이터에 있었는데 지금 안 보여요",
        "지금 애가 경기하는 것 같아요 눈이 돌아가고 몸이 뻣뻣해요",
    ],
)
def test_the_same_words_with_a_child_at_risk_now_stay_danger(text: str) -> None:
    assert words_danger(text)
    assert danger(text)


@pytest.mark.parametrize(
    "text",
    [
        # a scare taken back in the same message
        "애가 안보여요!! 아 베란다에 있었네요 식겁했어요",
        "아들이 없어졌어요 ㅠㅠ 아 잠깐만요 이불 속에서 자고 있었네요",
        # a worry explained
        "밤새 옆집 아기가 우는 소리가 나서 걱정했는데 이앓이라고 하더라고요",
        # a symptom asked about as normal
        "아기가 자면서 팔을 떠는데 경련하는 건 아니죠? 정상인가요",
        # news about other children, and a child who cannot talk yet
        "뉴스에 어린이집 선생님이 애들 때리는 영상 보고 무서워요 우리 애는 말을 아직 못해서 걱정이에요",
        # 글피 is a day, not blood
        "모레 글피 사흘 동안 아침 8시부터 저녁 6시까지 4살 아이 맡길 곳 있어요?",
    ],
)
def test_a_scare_taken_back_a_worry_explained_or_a_question_is_no_danger(text: str) -> None:
    assert not words_danger(text)
    assert not danger(text)
