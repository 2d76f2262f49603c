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
    ],
)
def test_on_the_way_with_the_child_looked_after_or_care_for_later_is_no_danger(text: str) -> None:
    assert not words_danger(text)
    assert not danger(text)
