"""Danger by class, sixth pass: make-believe (a doll that bleeds, a hurt acted or drawn) and a limp child from heat or
a cold are not danger; a limp baby, a child limp all of a sudden or after being caught, shaken or shocked is. Each class
with our own sentences, dangers and lookalikes; fixtures/danger_fresh.jsonl is our batch written before the fixes."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.loader import load
from routing.understand import Understander

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=ZoneInfo("Asia/Seoul"))  # a Monday afternoon
READER = Understander(load())


def _danger(text: str) -> bool:
    return READER.read(text, NOW).danger


DANGER: dict[str, tuple[str, ...]] = {
    "a real hurt in the middle of play": (
        "인형놀이 하다가 동생이 계단에서 굴러서 피가 나요",
        "애가 인형 안고 자다가 숨을 안 쉬어요",
        "곰인형 주우려다 애가 베란다 난간에 매달렸어요",
        "장난치는 줄 알았는데 진짜로 숨을 안 쉬어요",
        "다친 척하는 줄 알았는데 애가 안 일어나요",
        "애가 공룡 장난감을 삼켰어요",
        "병원놀이 하다가 애가 체온계를 깨물어서 입에서 피가 나요",
        "인형이 피 나는 흉내 내다가 진짜 가위에 손가락을 베였어요 피가 안 멈춰요",
    ),
    "a limp baby, or limp all of a sudden": (
        "아기가 축 늘어져서 불러도 반응이 없어요",
        "6개월 아기가 갑자기 축 늘어졌어요",
        "신생아가 축 늘어지고 숨을 약하게 쉬어요",
        "애가 갑자기 축 늘어져요 어떡해요",
        "아기가 더위 먹었는지 축 늘어져서 눈을 못 떠요",
        "애기가 분유 먹다가 축 처졌어요",
    ),
    "limp after being caught, shaken or shocked, or with another grave sign": (
        "애가 문에 끼어서 축 늘어졌어요",
        "아기를 세게 흔들었더니 축 늘어졌어요",
        "애가 감전되고 나서 축 늘어져 있어요",
        "애가 축 늘어지고 입술이 파래요",
        "애가 온몸이 불덩이인데 축 처져서 불러도 쳐다보지도 않아요",
        "세 살 조카 손목을 잡아당겼더니 팔을 축 늘어뜨리고 울어요",
    ),
}

LOOKALIKES: dict[str, tuple[str, ...]] = {
    "a doll or a character hurt in play": (
        "인형이 피 난다고 빨간 펜으로 칠해요",
        "애가 곰인형이 다쳤다고 붕대 감아줘요 토요일 돌봄 있나요",
        "아들이 로봇이 부러졌다고 울어요",
        "캐릭터가 다쳤다고 울어요 만화 보고",
        "아기인형 목이 부러졌다고 딸이 울어요",
        "딸이 인형한테 주사 놓고 피 난다고 밴드 붙여줘요 병원놀이 좋아해요",
    ),
    "a hurt acted or drawn": (
        "딸이 병원놀이 하면서 동생이 숨을 안 쉬는 척해요 놀이 프로그램 있나요",
        "애가 공룡이 피를 흘린다고 그림을 그렸어요 미술 수업 있나요",
        "애가 넘어지는 흉내를 내면서 놀아요 5살 놀이터 어디 있어요",
        "좀비 놀이하다가 물린 척하고 쓰러지는 연기를 해요 ㅠ 7살 돌봄",
        "애가 죽은 척하고 누워있어요 학원 끝나고 돌봄",
        "아들이 다친 척하면서 학교 안 가겠대요 초2 오후 돌봄 돼요?",
        "애가 할로윈이라고 얼굴에 피 나는 분장 해달래요",
    ),
    "a limp child from heat, a cold or a long day, care asked": (
        "더위 먹었는지 축 늘어져서 집에서 봐줄 사람",
        "애가 더위를 먹었는지 축 늘어져 있어요 오늘 집에서 봐주실 분",
        "감기 기운에 애가 하루 종일 늘어져 있어요 내일 어린이집 못 가서 봐줄 분",
        "물놀이하고 와서 애가 피곤한지 축 늘어졌어요 저녁에 맡길 곳",
        "아들이 열이 좀 있어서 늘어져 있네요 집으로 와주는 돌봄 되나요",
        "더워서 그런지 애가 축 늘어져서 밥도 안 먹어요 내일 봐주실 분",
        "장염 끝나고 애가 기운 없이 축 늘어져 있어요 이번 주 집으로 와주실 분",
    ),
    "a sound of someone, a relative (척 in other words)": (
        "옆집 애기가 잠깐 울다가 그쳤어요 엄마 기척이 들려요 층간소음 상담 되나요",
        "애가 넘어져서 친척한테 맡기려다 내일 돌봄 신청해요 괜찮아요",
    ),
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts], ids=str)
def test_sixth_danger_of_each_class_is_caught(kind: str, text: str) -> None:
    assert _danger(text), kind


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in LOOKALIKES.items() for t in texts], ids=str)
def test_sixth_lookalikes_of_each_class_stay_quiet(kind: str, text: str) -> None:
    assert not _danger(text), kind
