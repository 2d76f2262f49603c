"""Classes of the eighth session, with new sentences: a subject said after a clause of harm (the carer hurt, not the
child), what someone saw is not who was hurt, 경상도 얼라/알라 as one child, and a service's hours asked beside the
care's hours."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.loader import load
from routing.command import describe
from routing.understand import Understander

KNOWLEDGE = load()
READER = Understander(KNOWLEDGE)
KST = ZoneInfo("Asia/Seoul")
THU = datetime(2027, 5, 20, 9, 40, tzinfo=KST)
"""A Thursday morning."""


def said(text: str, now: datetime = THU) -> dict:
    return describe(READER.read(text, now), KNOWLEDGE)


CARER_HURT = [
    "빙판에 미끄러져서 제가 발목이 부었어요 내일 애 봐주실 분",
    "교통사고가 나서 남편이 입원했어요 애들 맡길 데가 없어요",
    "어깨를 다쳐가지고 제가 애를 못 안아요 도와주실 분 있을까요",
    "넘어져서 내가 꼼짝을 못하겠어요 6살 딸 하원 좀",
]
CHILD_HURT = [
    "머리를 부딪혀서 엄마가 업고 뛰어가는 중이에요",  # the one carried is hurt
    "미끄럼틀에서 떨어져서 제가 보니까 팔이 이상하게 꺾였어요",  # what the parent saw
    "다쳐서 아빠가 병원 데려가는 중인데 피가 안 멈춰요",
    "애가 넘어져서 제가 너무 놀랐어요 이마에서 피가 철철 나요",
]


@pytest.mark.parametrize(("text", "danger"), [(t, False) for t in CARER_HURT] + [(t, True) for t in CHILD_HURT])
def test_a_subject_said_after_the_clause_of_harm_is_who_was_hurt(text: str, danger: bool) -> None:
    assert READER.read(text, THU).danger is danger, text


def test_a_carer_hurt_with_the_subject_after_the_clause_is_still_an_emergency() -> None:
    assert "emergency" in READER.read(CARER_HURT[1], THU).need.situations


@pytest.mark.parametrize("text", [
    "우리 얼라 토요일에 좀 맡기고 싶은데예",
    "알라가 배가 아프다 캐서 어린이집 몬 보내요",
    "얼라를 누가 좀 봐줬으면 좋겠심더",
])
def test_a_child_called_eolla_is_one_child(text: str) -> None:
    assert len(said(text)["children"]) == 1, text


def test_a_word_that_starts_with_alla_is_no_child() -> None:
    assert said("알라딘 영화 같이 볼 사람")["children"] == []


@pytest.mark.parametrize(("text", "end"), [
    ("거기 밤 10시까지 하는 거 맞죠? 모레 9시까지만 맡길게요", "21:00"),
    ("장난감도서관 6시까지 한다던데 저는 5시까지 있을 거예요", "17:00"),
    ("365는 자정까지 운영하나요? 토요일 오후 3시부터 11시까지 부탁드려요", "23:00"),
])
def test_a_services_hours_asked_beside_the_cares_are_not_the_cares_end(text: str, end: str) -> None:
    assert said(text)["end"] == end, text


def test_a_services_hours_asked_alone_still_read_as_said() -> None:
    assert said("토요일에 오후 4시까지 하나요?")["end"] == "16:00"
