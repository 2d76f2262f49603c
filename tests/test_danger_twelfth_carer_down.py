"""The adult looking after young children struck down or taken away (collapsed, ambulance, arrested, accident) while
the children are left with no adult now; a recorded event (cctv) is no story; dialect counts of children."""

from __future__ import annotations

from datetime import datetime

import pytest

from routing.counts import counted
from tests.reader_cases import KST, WORDS, described

EVENING = datetime(2027, 2, 17, 19, 30, tzinfo=KST)


def danger(text: str) -> bool:
    return described(text, EVENING)["danger"]


@pytest.mark.parametrize(
    "text",
    [
        "할머니가 애 보시다가 계단에서 넘어지셔서 구급차로 가셨어요 세살 애기 혼자 집에 있대요",
        "남편이 음주단속에 걸려서 경찰차 타고 갔대요 애들 4살 2살 집에 둘뿐이에요 저는 야간 근무 중이에요",
        "아내가 갑자기 피를 토해서 구급차에 실려 갔는데 애들 셋은 집에 남아 있어요 제일 큰애가 5살이에요",
        "언니가 교통사고로 응급실 실려갔는데 조카 둘이 집에 와 있대요 6살 4살 둘만",
        "아빠가 경찰한테 잡혀갔어요 저랑 동생만 집에 있어요 저 8살 동생 3살",
        "시터 선생님이 애 보다가 쓰러지셔서 구급차 왔는데 아이는 안 데려갔대요 2살이에요 저 회사예요",
        "애기 아빠가 공사장에서 사고 나서 병원 실려갔대요 애들 둘 집에 자고 있어요 3살 1살",
        "애들 봐주던 이모가 구급차 실려가셨대요 지금 애기 2명 집에 있어요 제가 가려면 한시간 걸려요",
    ],
)
def test_a_carer_struck_down_or_taken_with_young_children_left_alone_now_is_danger(text: str) -> None:
    assert WORDS.read(text, EVENING).danger  # the YAML words alone
    assert danger(text)


@pytest.mark.parametrize(
    "text",
    [
        # another adult is with the children now
        "할머니가 쓰러지셔서 구급차로 가셨는데 애들은 지금 이모가 와서 봐주고 있어요",
        "엄마가 쓰러져서 구급차 타고 갔는데 지금 옆집 아줌마가 와서 저랑 동생 봐주고 계세요",
        "시터 이모님이 넘어지셔서 병원 가셨는데 애는 제가 데리고 있어요 내일 봐줄 분 구해요",
        # the children are at daycare or at their grandparents'
        "남편이 응급실에 실려갔는데 애들은 어린이집에 있어요 저녁에 봐줄 곳 있을까요",
        "아빠가 사고나서 병원 갔는데 애들은 할머니 댁에 있어요 내일부터 맡길 곳 찾아요",
        # over, or a count told in passing
        "작년에 남편이 쓰러져서 구급차로 갔을 때 애들 둘만 집에 있었어요 그런 일 생기면 어디로 연락하나요",
        "할아버지가 쓰러지셨는데 금방 깨셔서 괜찮으시대요 애들이랑 집에 계세요",
        "남편이 사고가 나서 병원 가봐야 하는데 애가 둘이에요 다섯살 두살 좀 봐주세요",
    ],
)
def test_a_carer_struck_down_with_the_children_looked_after_or_safe_is_no_danger(text: str) -> None:
    assert not WORDS.read(text, EVENING).danger
    assert not danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "홈캠 보니까 시터가 애를 때리는 장면이 찍혔어요 지금도 애랑 같이 있어요",
        "어린이집 CCTV에 선생님이 애 뺨을 때리는 장면이 나와요 애는 아직 거기 있어요",
    ],
)
def test_a_recorded_scene_of_a_child_harmed_is_an_event_not_a_story(text: str) -> None:
    assert WORDS.read(text, EVENING).danger
    assert danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "애가 친구를 때리는 장면이 나오는 동화책을 읽었어요",
        "영화에서 애가 물에 빠지는 장면 보고 울어요",
    ],
)
def test_a_scene_in_a_story_is_still_no_danger(text: str) -> None:
    assert not WORDS.read(text, EVENING).danger


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("옆집 알라 둘은 지금 집에 있다", 2),
        ("얼라 셋 봐줄 사람 있능교", 3),
        ("손주 두놈이 집에 있다", 2),
        ("조카 셋이 집에 있대요", 3),
        ("아들놈 하나 봐주세요", 0),
    ],
)
def test_dialect_children_counted(text: str, n: int) -> None:
    assert counted(text) == n
