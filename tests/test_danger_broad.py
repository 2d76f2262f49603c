"""Broad danger words in their harmless senses, by class: a child's thing that broke, a head put down, a battery to
buy, a child tired and limp after a cause nobody fears, a child slow to wake after a long nap; and the danger in
the same words, which must stay caught."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER

NOW = datetime(2026, 12, 7, 14, 0, tzinfo=ZoneInfo("Asia/Seoul"))  # a Monday afternoon


def _danger(text: str) -> bool:
    return READER.read(text, NOW).danger


BROKEN_THINGS = (
    "장난감이 부러졌어요",
    "우산이 부러졌어요 비 오는데 애 데리러 가줄 분 있을까요",
    "애 안경다리가 부러졌어요 안경점 다녀오는 동안 봐주실 분",
    "아이 크레파스가 다 부러졌다고 울어요 주말 돌봄 문의",
    "장난감 칼이 부러진 거 같아요 새로 사야겠어요 5살 돌봄",
    "의자 다리가 부러져서 새로 사러 가요 4살 잠깐 맡길 곳",
    "애 옷이 다 늘어졌어요 새로 사러 가는 동안 봐줄 분",
    "우산 부러져서 애 데리러 가야 해요",
    "장난감 블록 다리가 부러졌다고 아들이 속상해요 저녁 돌봄 필요해요",
)
BROKEN_BONES = (
    "애가 넘어져서 팔이 부러졌어요",
    "아기 다리가 부러진 것 같아요 만지면 자지러져요",
    "애가 미끄럼틀에서 떨어졌는데 부러졌어요 어떡해요",
    "아이가 넘어져서 앞니가 부러졌어요 피가 나요",
    "애가 쇄골이 부러진 거 같아요",
    "아들 손가락이 문에 껴서 부러진 것 같아요",
    "애가 자전거 타다가 부러졌어요 팔이 이상해요",
    "아이가 계단에서 굴러서 다리가 부러졌어요 제발 도와주세요",
    "애가 블록 밟고 넘어져서 다리가 부러졌어요",
)


@pytest.mark.parametrize("text", BROKEN_THINGS)
def test_broad_a_broken_thing_is_not_danger(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", BROKEN_BONES)
def test_broad_a_broken_bone_is_danger(text: str) -> None:
    assert _danger(text)


BATTERIES_AROUND = (
    "건전지를 사러 가야 하는데 애 봐줄 곳",
    "건전지를 사러 마트 가야 하는데 30분만 애 봐줄 곳",
    "리모컨 건전지를 갈아야 하는데 애가 자꾸 따라다녀요 토요일 돌봄",
    "장난감에 건전지를 넣어줬더니 잘 놀아요 3살 내일 어린이집 끝나고 돌봄",
)
BATTERIES_IN_A_CHILD = (
    "아기가 건전지를 삼켰어요",
    "두 살 애가 동전 건전지를 입에 넣었는데 안 보여요",
    "애가 건전지를 빨아서 입 안이 까매요",
    "아기가 건전지를 입에 물고 있어요",
    "애가 건전지를 핥았어요",
    "아기가 건전지를 씹었어요",
)


@pytest.mark.parametrize("text", BATTERIES_AROUND)
def test_broad_a_battery_bought_or_changed_is_not_danger(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", BATTERIES_IN_A_CHILD)
def test_broad_a_battery_in_a_childs_mouth_is_danger(text: str) -> None:
    assert _danger(text)


LIMP_AND_TIRED = (
    "더워서 애가 축처져 있어요 낮잠 재우려구요",
    "놀이터에서 많이 놀아서 애가 축처져 있어요 오늘 일찍 재울게요",
    "감기 때문에 아이가 축 처져서 어린이집 못 보내요 내일 집에서 봐주실 분",
    "애가 점심 먹고 나서 축 처져서 낮잠 자요",
)
LIMP_AND_IN_DANGER = (
    "아기가 축 처졌어요",
    "아기가 갑자기 축 처져서 불러도 반응이 없어요",
    "애가 경기하고 나서 축 처졌어요 빨리요",
    "아기가 갑자기 축 처졌어요 어떡해요",
    "물에 빠진 애를 건졌는데 축 처져 있어요",
    "애가 머리 부딪히고 축 처져서 낮잠 재우려구요",
    "아기가 침대에서 떨어지고 축 처졌어요",
    "애가 약 먹고 나서 축 처졌어요",
    "애가 축 처져서 눈을 못 떠요",
)


@pytest.mark.parametrize("text", LIMP_AND_TIRED)
def test_broad_a_tired_limp_child_is_not_danger(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", LIMP_AND_IN_DANGER)
def test_broad_a_limp_baby_or_a_limp_child_with_another_sign_is_danger(text: str) -> None:
    assert _danger(text)


HEAD_PUT_DOWN = (
    "애가 책상에 머리박고 잠들었어요",
    "애가 책상에 머리 박고 잠들었어요 숙제하다가요",
    "딸이 이불에 머리 박고 울어요 엄마 보고 싶다고 오늘 저녁 돌봄 가능한가요",
    "아들이 머리박고 공부만 해요 초3 방과후 돌봄 찾아요",
)
HEAD_KNOCKED = (
    "애기가 식탁에서 떨어졌는데 머리를 박았어요",
    "아기가 머리 박았어요",
    "애가 벽에 머리를 세게 박고 울지도 않아요",
    "아기가 넘어지면서 머리 박고 토해요",
    "애가 미끄럼틀에서 떨어져서 머리 박고 울다가 지금 멍해요",
    "애가 식탁 모서리에 머리박고 나서 눈이 풀렸어요",
    "아이가 수영장에서 미끄러져 머리 박고 정신이 없대요",
)


@pytest.mark.parametrize("text", HEAD_PUT_DOWN)
def test_broad_a_head_put_down_is_not_danger(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", HEAD_KNOCKED)
def test_broad_a_head_knocked_is_danger(text: str) -> None:
    assert _danger(text)


SLOW_TO_WAKE = (
    "낮잠 오래 자서 깨워도 잘 안 일어나요",
    "낮잠 오래 자서 깨워도 잘 안 일어나요 저녁 돌봄 몇 시까지 되나요",
    "아침에 깨워도 잘 안 일어나서 등원이 늦어요 7시 등원 돌봄 있나요",
)
NOT_WAKING = (
    "애가 깨워도 안 일어나요 숨은 쉬어요",
    "약 먹은 뒤로 아이가 깨워도 일어나질 못해요",
    "애기가 깨워도 반응이 없어요",
    "아기가 깨워도 꿈쩍도 안 해요",
    "애가 넘어지고 나서 깨워도 계속 자요",
    "애가 넘어지고 나서 깨워도 잘 안 일어나요",
    "아기가 머리 부딪히고 잘 안 깨요",
    "애를 흔들어도 안 깨요",
    "아기가 숨을 잘 못 쉬어요",
)


@pytest.mark.parametrize("text", SLOW_TO_WAKE)
def test_broad_slow_to_wake_after_a_long_sleep_is_not_danger(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", NOT_WAKING)
def test_broad_a_child_who_does_not_wake_is_danger(text: str) -> None:
    assert _danger(text)


OTHER_SENSES = (
    "애 우산이 꺾였어요 비 맞고 왔네요 내일 하교 돌봄 돼요?",
    "애가 비 맞고 와서 열이 나요",
    "휴대폰 떨어뜨려서 액정이 깨졌어요 애 데리러 못 가는데 대신 가줄 분",
    "딸이 꿈에서 엄마를 잃어버렸다고 울면서 깼어요 낮에 돌봄 가능할까요",
    "드라마에서 아이가 유괴되는 장면 보고 불안해서 초1 하교 돌봄 신청하려구요",
    "작년에 팔 부러졌던 7살 아들 방과후 돌봄 찾아요",
    "아기가 숨을 안 쉬면 어떻게 해야 하는지 심폐소생술 배우고 싶어요",
    "아이가 약을 삼키면 어떻게 해야 하나요 미리 알아두려고요",
    "아들이 게임에서 캐릭터가 죽었다고 울고불고해요 저녁에 봐주실 분",
    "애가 인형이 다쳤다고 밴드 붙여주고 있어요 5살 어린이집 끝나고 돌봄",
    "만약에 아이가 길을 잃으면 어디로 연락해야 하나요",
)
"""Our first batch of the same words in other senses (objects, games, TV, dreams, past, prevention, "if")."""


@pytest.mark.parametrize("text", OTHER_SENSES)
def test_broad_danger_words_in_other_senses_are_not_danger(text: str) -> None:
    assert not _danger(text)


def test_broad_being_hit_is_still_danger_when_rain_is_not_the_cause() -> None:
    assert _danger("애가 학교에서 맞고 왔어요 멍이 들었어요")
