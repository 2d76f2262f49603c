"""Danger lookalikes read from the twelfth session's dev rounds, and the dangers that share their words."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, WORDS, described

EVENING = datetime(2027, 2, 17, 19, 30, tzinfo=KST)


def danger(text: str) -> bool:
    return described(text, EVENING)["danger"]


@pytest.mark.parametrize(
    "text",
    [
        # a noun that starts with 애 names no child: the thing lost is the doll, the pet
        "애착인형 놔두고 왔어요 잃어버린줄 알았네요 어린이집에 있대요",
        "애착인형 어린이집에 두고왔는데 없어졌대요 어떡하죠",
        "애완견 산책시키다 놓쳤어요 없어졌어요",
        "애착이불 두고 나왔어요 안 보여요 어디 있을까요",
        # the abuse-report system asked about, not a child harmed
        "아동학대 신고전화가 112 맞나요? 애 학교 숙제에 나와서요",
        "아동학대 신고센터 번호 좀 알려주세요 교육 자료 만드는데 필요해서요",
        # noise from upstairs children at play
        "윗집 꼬맹이들이 밤마다 쿵쿵 뛰어다녀서 잠을 못자요 층간소음 어디다 얘기해요",
        "아랫집에서 쿵쿵 거린다고 올라왔어요 우리 애가 좀 뛰긴 해요",
    ],
)
def test_a_doll_a_reporting_number_and_children_jumping_upstairs_are_no_danger(text: str) -> None:
    assert not WORDS.read(text, EVENING).danger  # the YAML words alone, not only with the learned reader's veto
    assert not danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "애착인형 들고 놀이터 나갔는데 애가 30분째 안 보여요 5살이에요",
        "애가 애착인형 안고 자다가 갑자기 숨을 못 쉬어요",
        "아동학대 신고하려고요 옆집 애가 지금 맞고 있어요 비명 소리 나요",
        "윗집에서 쿵쿵 소리랑 애가 살려달라고 우는 소리가 계속 나요",
    ],
)
def test_the_same_words_beside_a_child_in_danger_now_are_still_danger(text: str) -> None:
    assert danger(text)
