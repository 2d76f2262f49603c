"""A danger word said otherwise: as a comparison of how a child cries or wakes ("경기하듯이 깨서 울어요"), or denied
right after it ("삼킨 건 아니고"). Neither tells what happened; a real sign told beside them, a suspicion and a
comparison with no ordinary doing after it stay danger."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, WORDS, described

AFTERNOON = datetime(2027, 3, 9, 15, 0, tzinfo=KST)


def danger(text: str) -> bool:
    return described(text, AFTERNOON)["danger"]


@pytest.mark.parametrize(
    "text",
    [
        "아기가 경기하듯이 자지러지게 울어요 배앓이인가요",
        "애가 자다가 경련하듯 깨서 울어요 악몽 꿨나봐요",
        "아기가 숨 넘어가듯이 울어서 달래느라 힘들었어요",
        "애가 경기하는 것처럼 놀라서 깨요 예민한가요",
        "아기가 숨이 넘어갈 것처럼 울어요 배고파서 그런가봐요",
        "애가 경기 일으키듯 떼를 써요",
    ],
)
def test_a_danger_word_compared_with_how_a_child_cries_or_wakes_is_no_danger(text: str) -> None:
    assert not WORDS.read(text, AFTERNOON).danger
    assert not danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "아이 머리를 때린 게 아니라 쓰다듬었어요",
        "애가 세제를 마신 게 아니라 냄새만 맡았어요 주말에 맡길 곳 있나요",
        "아기가 물에 빠진 건 아니고 발만 젖었어요",
        "딸이 화상 입은 건 아니고 놀라기만 했어요",
        "애가 피가 난 건 아니고 빨갛게 긁혔어요",
        "애가 경련한 건 아니고 추워서 떨었어요",
    ],
)
def test_a_danger_word_denied_right_after_it_is_no_danger(text: str) -> None:
    assert not WORDS.read(text, AFTERNOON).danger
    assert not danger(text)


@pytest.mark.parametrize(
    "text",
    [
        # a real sign beside or after a comparison
        "아기가 경기를 하는데 숨을 안 쉬는 것 같아요",
        "애가 죽을 것처럼 숨을 헐떡여요",
        "애가 경기하듯이 울다가 입술이 파래졌어요",
        # a comparison with no ordinary doing after it: the sign itself
        "아기가 경기하듯 몸을 떨면서 눈이 돌아가요",
        "아기가 경련하듯 팔다리를 떨어요",
        "아기가 숨 넘어갈 것처럼 기침해요",
        # a suspicion, not a denial
        "애가 동전을 삼킨 것 같아요",
        "애가 동전을 삼킨 게 아닌가 싶어요 자꾸 침을 흘려요",
        "아기가 뭘 삼킨 거 아니에요? 숨소리가 이상해요",
        "애가 약을 삼킨 건지 모르겠어요 자꾸 졸려 해요",
        "애가 물에 빠진 거 아닌지 모르겠어요 안 보여요",
    ],
)
def test_a_real_sign_a_suspicion_or_a_comparison_with_no_ordinary_doing_stays_danger(text: str) -> None:
    assert WORDS.read(text, AFTERNOON).danger
    assert danger(text)
