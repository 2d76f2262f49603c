"""Danger in wordings nobody here had seen, by class: long negations, fall verbs, a cause then a state of
distress, a plea for help with a child in a bad state; and the lookalikes of each class (a long sleep, a child
waiting at the academy, a sunburn, a plea of a tired parent). Our batches of this pass: fixtures/danger_unseen.jsonl."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from knowledge.loader import load
from routing.understand import Understander
from routing.wordforms import long_negations

NOW = datetime(2026, 12, 9, 21, 40, tzinfo=ZoneInfo("Asia/Seoul"))  # a Wednesday night
READER = Understander(load())
BATCHES = Path(__file__).parent / "fixtures" / "danger_unseen.jsonl"
"""Our own batches of this pass, each measured once before any fix (figures in the README, part 3 "Danger")."""


def _danger(text: str) -> bool:
    return READER.read(text, NOW).danger


DANGER: dict[str, tuple[str, ...]] = {
    "a negation written long (일어나질 못해요, 받지 않아요)": (
        "애가 미끄럼틀에서 떨어졌는데 일어나질 못해요",
        "아기가 바닥에 떨어지고 나서 일어나지를 못해요",
        "딸이 숨을 쉬지 못해요 얼굴이 빨개요",
    ),
    "lost, with a thing named after it": (
        "마트에서 애를 잃어버린 지 30분 됐어요",
        "시장에서 애를 잃어버렸어요 가방만 남았어요",
    ),
}

LOOKALIKES: dict[str, tuple[str, ...]] = {
    "a negation written long, not a sign": (
        "아이가 아침에 일찍 일어나지 못해서 등원이 늦어요 봐주실 분",
        "애가 편식이 심해서 밥을 잘 먹지 않아요",
    ),
    "getting up in the morning": ("애가 아침에 잘 못 일어나서 지각해요", "아들이 아침마다 안 일어나서 전쟁이에요"),
    "the verb describes a thing after it (잃어버린 장난감)": (
        "애가 잃어버린 장난감 대신 빌릴 수 있는 곳 있나요",
        "아들이 부러진 킥보드를 자꾸 타요 새로 빌릴 수 있나요",
        "딸이 없어진 필통을 찾아 달래요",
    ),
    "an event told as over with relief (다행이에요)": (
        "애가 그저께 구슬 삼켜서 병원 갔었는데 변으로 나왔대요",
        "지난달에 애가 단추를 삼켰었는데 다 빠져나왔어요 다행이에요",
    ),
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts], ids=str)
def test_unseen_danger_of_each_class_is_caught(kind: str, text: str) -> None:
    assert _danger(text), f"{kind}: {text}"


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in LOOKALIKES.items() for t in texts], ids=str)
def test_unseen_lookalikes_of_each_class_stay_quiet(kind: str, text: str) -> None:
    assert not _danger(text), f"{kind}: {text}"


def test_a_short_negation_also_reads_long() -> None:
    assert long_negations("못일어나") == ["일어나지못", "일어나질못", "일어나지를못", "일어나지도못"]
    assert long_negations("전화를안받")[0] == "전화를받지않"
    assert long_negations("차안에") == [] and long_negations("못에찔") == [] and long_negations("다쳤") == []
