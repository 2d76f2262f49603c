"""Danger right now, in casual and dialect Korean, and the lookalikes that are not danger (plans, prevention
programmes, other senses of the same verbs, tired parents, an adult's own accident)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.loader import load
from routing.understand import Understander

NOW = datetime(2026, 12, 5, 20, 30, tzinfo=ZoneInfo("Asia/Seoul"))  # a Saturday evening
UNDERSTANDER = Understander(load())

DANGER: dict[str, tuple[str, ...]] = {
    "injured": (
        "아이가 넘어져서 머리에서 피가 나요",
        "애가 칼에 베여서 피가 안 멈춰요",
        "우리 애기 머리 부딪혀서 자꾸 토해요 어떡해요",
        "딸이 다쳤어예 피가 마이 나예",
        "아들 팔이 부러진 거 같아요",
        "아가 계단에서 굴러서 다쳤다 카네",
    ),
    "burned": (
        "애기가 뜨거운 물에 데였어요",
        "아이 손에 화상 입었어요 물집이 잡혔어요",
        "끓는 물 쏟아서 애 다리 빨개요ㅠㅠ",
    ),
    "fallen": (
        "아이가 침대에서 떨어졌는데 안 움직여요",
        "애가 미끄럼틀에서 떨어져서 정신을 잃었어요",
        "놀이터에서 넘어지고 나서 축 처져 있어요 반응이 없어요",
        "베란다에서 떨어졌어요 빨리요",
    ),
    "breathing": (
        "아기가 숨을 잘 못 쉬어요",
        "애기 입술이 파래지고 숨을 헐떡여요",
        "사탕이 목에 걸렸나봐 숨을 못쉬노",
        "아이가 숨을 안 쉬어요 제발",
    ),
    "seizure": (
        "애가 열 나다가 갑자기 경기를 해요",
        "아이가 경련을 일으켜요",
        "우리 아 경끼한다 우짜노",
        "딸래미가 눈이 돌아가고 몸이 뻣뻣해요",
    ),
    "swallowed": (
        "애기가 동전을 삼켰어요",
        "아이가 건전지를 삼킨 것 같아요",
        "세제를 먹었어요 애가",
        "약통 열어서 약을 잔뜩 먹어버렸어요",
    ),
    "missing": (
        "아이가 없어졌어요 마트에서",
        "애가 안 보여요 놀이터에서 한참 찾았는데",
        "아들을 잃어버렸어요 도와주세요",
        "딸이 학원 끝나고 집에 안 들어왔어요 연락도 안돼요",
        "우리 애 안보인다 카이 어데 갔노",
    ),
    "alone": (
        "3살 아이를 집에 혼자 두고 나왔어요",
        "애기 혼자 집에 있는데 저 지금 못 가요",
        "5살 애가 지금 집에 혼자 있어여 ㅠㅠ",
        "애들끼리만 집에 있어요 밤새 아무도 없어요",
    ),
    "hit": (
        "아이가 맞고 있어요 도와주세요",
        "옆집에서 애 때리는 소리가 계속 나요",
        "남편이 애를 때려요",
        "어린이집에서 맞고 온 것 같아요 멍이 들었어요",
        "애가 자꾸 맞고 와예",
    ),
    "abuse": (
        "학대가 의심돼요",
        "아동학대 신고하고 싶어요",
        "조카가 학대당하는 것 같아요",
    ),
    "neglect": (
        "옆집 애가 며칠째 밥도 못 먹고 방치돼 있어요",
        "이웃집 아이가 맨날 굶고 있어요",
        "아랫집 애기가 하루종일 혼자 울고 있어요",
    ),
}

LOOKALIKES: dict[str, tuple[str, ...]] = {
    "plan": (
        "다음 주에 한 시간 정도 혼자 있어요 초4라서",
        "초3 아이가 방과후에 2시간 혼자 있어야 해요",
        "내일 아이가 혼자 있게 될까봐 걱정이에요",
        "아이 혼자 두기 싫어서 돌봄 찾아요",
        "애를 혼자 둘 수 없어서 맡길 곳 찾아요",
        "방학 때 애가 낮에 혼자 있어요 돌봄 신청하고 싶어요",
    ),
    "prevention": (
        "아동학대 예방 교육 일정 알려주세요",
        "학대 예방 프로그램 있나요",
        "안전사고 예방 교육 받고 싶어요",
        "폭력 예방 교육은 어디서 하나요",
    ),
    "fit_or_shot": (
        "네 맞아요",
        "시간이 맞으면 보내고 싶어요",
        "어제 예방접종 맞았어요",
        "독감 주사 맞고 열이 나요",
        "아이한테 딱 맞는 곳 찾고 있어요",
        "운영 시간이 잘 맞네예",
    ),
    "apart_or_run_out": (
        "엄마랑 떨어지기 싫어해요",
        "기저귀가 다 떨어졌어요",
        "어린이집 입소 대기에서 떨어졌어요",
        "열이 좀 떨어졌어요",
        "아이가 엄마랑 떨어져 본 적이 없어요",
    ),
    "other_sense": (
        "경기도에서 이사 왔어요",
        "축구 경기가 있어서 주말에 맡기고 싶어요",
        "경기가 안 좋아서 맞벌이해요",
        "화상 상담 되나요?",
        "장난감이 없어졌어요",
        "아이 가방을 잃어버렸어요",
        "자리가 없어졌다고 연락 왔어요",
        "숨바꼭질 좋아해요",
        "학원은 안 보내고 싶어요",
        "감기라서 약 먹고 있어요",
        "피아노 학원 끝나고 7시까지 맡기고 싶어요",
        "애가 혼자서도 잘 놀아요",
    ),
    "tired_parent": (
        "너무 지쳐서 쓰러질 것 같아요",
        "애 보다가 숨 돌릴 틈도 없어요",
        "독박육아라 힘들어 죽겠어요",
        "밤에 잠을 못 자서 미치겠어요",
        "회사 때려치고 싶어요 ㅠ",
    ),
    "carer_event": (
        "엄마가 다쳐서 입원했어요 아이 맡길 곳",
        "남편이 교통사고로 다쳤어요 애 봐줄 곳",
        "제가 계단에서 떨어져서 다리를 다쳤어요",
        "할머니가 쓰러지셔서 병원에 있어요",
    ),
}

# Written after the lists above were tuned and never tuned on: the honest measure of unseen messages.
HELD_OUT_DANGER = (
    "아이 머리에 피가 나요 빨리요",
    "애가 경기를 일으켰어요",
    "얘가 단추를 삼켰나 봐요",
    "마트에서 아이를 잃어버렸어요",
    "4살짜리가 혼자 집에 있어요 지금",
    "아이가 뜨거운 국에 데었어요",
    "아기가 숨을 안쉬어여",
    "옆집 애가 맞는 소리가 나요",
    "애가 계단에서 굴러떨어졌어요",
    "아이가 다쳤다 카네 피도 나고",
    "아동 학대 같아요 신고하려구요",
    "애기가 갑자기 경련해요",
    "우리 딸이 안 보여요 어데 갔노",
    "아이가 칼에 손을 베었어요 피가 철철",
    "아들이 맞고 있어예",
)
HELD_OUT_LOOKALIKES = (
    "다음 달부터 아이가 오후에 혼자 있어요",
    "학대 예방 캠페인 참여하고 싶어요",
    "코로나 백신 맞았어요",
    "사이즈가 맞을까요",
    "아빠랑 떨어지면 울어요",
    "우유가 떨어졌어요",
    "경기도 사람인데 김천으로 이사했어요",
    "지갑을 잃어버렸어요",
    "제가 너무 피곤해서요",
    "엄마가 다쳐서 아이 봐줄 사람이 없어요",
    "아이 혼자 두면 안 되니까 돌봄 신청해요",
    "방학 동안 혼자 있을 아이 맡길 곳",
    "주사 맞는 걸 무서워해요",
    "야구 경기 보러 가요",
    "화상 회의 때문에 애 봐주실 분",
)


def _danger(text: str) -> bool:
    return UNDERSTANDER.read(text, NOW).danger


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts], ids=str)
def test_danger_right_now_is_caught(kind: str, text: str) -> None:
    assert _danger(text), f"{kind}: {text}"


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in LOOKALIKES.items() for t in texts], ids=str)
def test_lookalikes_are_not_danger(kind: str, text: str) -> None:
    assert not _danger(text), f"{kind}: {text}"


def test_corpus_is_big_enough() -> None:
    assert sum(map(len, DANGER.values())) >= 40 and sum(map(len, LOOKALIKES.values())) >= 40


def test_unseen_messages_meet_the_issue_target() -> None:
    """Every danger caught, at most one false alarm in twenty."""
    missed = [t for t in HELD_OUT_DANGER if not _danger(t)]
    alarms = [t for t in HELD_OUT_LOOKALIKES if _danger(t)]
    assert missed == []
    assert len(alarms) * 20 <= len(HELD_OUT_LOOKALIKES), alarms


def test_a_plan_on_a_later_day_is_not_danger_but_the_same_words_now_are() -> None:
    assert _danger("애가 집에 혼자 있어요")
    assert not _danger("12월 12일에 애가 집에 혼자 있어요")


def test_danger_and_the_carer_emergency_are_told_apart() -> None:
    u = UNDERSTANDER.read("엄마가 다쳐서 입원했어요", NOW)
    assert not u.danger and "emergency" in u.need.situations
    u = UNDERSTANDER.read("애가 다쳐서 피가 나요", NOW)
    assert u.danger and "emergency" in u.need.situations
