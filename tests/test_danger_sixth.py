"""Danger by class, sixth pass: make-believe (a doll that bleeds, a hurt acted or drawn) and a limp child from heat or
a cold are not danger; a limp baby, a child limp all of a sudden or after being caught, shaken or shocked is. Each class
with our own sentences, dangers and lookalikes; fixtures/danger_fresh.jsonl is our batch written before the fixes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER

NOW = datetime(2026, 12, 7, 15, 0, tzinfo=ZoneInfo("Asia/Seoul"))  # a Monday afternoon
FRESH = Path(__file__).parent / "fixtures" / "danger_fresh.jsonl"
"""Our three batches of this pass (40 dangers and 40 lookalikes each), each measured once before its fixes: the first
(fresh3-*) written before reading the code, 36/40 caught and 0/40 false alarms; the second (fresh3b-*) written after
the first fixes, 36/40 and 1/40; the third (fresh3c-*) after the second, 32/40 and 0/40 (README, part 3, "Danger")."""


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
    "medicine taken all at once (한 병·한 통을 다 먹어버렸어요)": (
        "애가 시럽 감기약을 한꺼번에 다 마셔버렸어요",
        "아기가 해열제 한 통을 다 먹어버렸어요 15개월이에요",
        "딸이 엄마 영양제를 원샷했어요 한 통 다요",
        "아들이 물약을 벌컥벌컥 다 마셔버렸어요 어떡해요",
        "애기가 철분제를 한꺼번에 먹어버렸어요",
    ),
    "children by themselves, said without 만 (동생이랑 둘이 있는데)": (
        "엄마가 일 나가고 동생이랑 둘이 있는데 동생이 계속 울어요 저 초3이에요",
        "애 둘이 있는데 엄마는 연락이 안 돼요 다섯 살이랑 세 살이요",
        "저랑 동생 둘이 있는데 밖에서 누가 문을 두드려요",
        "아빠 나가고 누나랑 둘이 있는데 무서워요 저 7살",
    ),
    "one of the children gone (쌍둥이 중에 하나가)": (
        "쌍둥이 중에 하나가 안보여요 놀이터에서",
        "애들 중 한 명이 없어졌어요 캠핑장이에요",
        "삼남매 중에 막내가 안 보여요 시장이에요",
        "쌍둥이 중 하나가 베란다 난간에 매달려 있어요",
    ),
    "hitting still going on": (
        "우리 애가 맞았다고 해서 학교 갔더니 아직도 맞고 있대요",
    ),
    "a young child alone now, crying (우는)": (
        "아기 혼자 재워두고 나왔는데 문이 잠겼어요",
        "애가 혼자 방에서 우는데 아무도 없어요 저는 회사예요 4살이에요",
        "할아버지가 애 보시다 쓰러지셨는데 애기만 옆에 있대요",
        "남편이 갑자기 쓰러져서 구급차 불렀는데 옆에 애만 있어요 2살",
    ),
    "the carer struck down, only the baby beside": (
        "선생님인데요 우리 반 아이 팔에 멍이 있고 집에 가기 무섭다고 해요",
    ),
    "bruises and a child afraid to go home": (
        "조카 등에 피멍이 있어요 집에 안 가려고 해요",
        "아이가 집에 들어가기 싫다고 울어요 다리에 멍이 여러 군데 있어요",
        "자고 일어나보니 애가 없어요 현관문이 열려 있어요",
    ),
    "came back or woke up and the child is gone": (
        "화장실 갔다 왔더니 놀이터에 애가 없어요",
        "깨보니 네 살 딸이 없어요 신발도 없어요",
        "마트 계산하고 돌아보니 애가 없어요",
        "아기 몸이 너무 차갑고 울지도 않아요",
    ),
    "a cold, limp baby who does not cry or move": (
        "신생아 손발이 차갑고 축 처져요",
        "아기 체온이 34도예요 안 움직여요",
        "유치원 끝나고 애가 안 보여요 선생님은 엄마가 데려간 줄 알았대요",
    ),
    "missing, an adult only thought the child was fetched": (
        "꿈인 줄 알았는데 애가 진짜 없어졌어요",
    ),
    "hitting while adults pretend not to see (모른 척: 척 after another verb)": (
        "옆 반 애가 우리 애를 매일 때린다는데 선생님은 모른 척한대요 오늘도 맞고 왔어요",
        "삼촌이 애를 때리는데 다들 못 본 척해요 지금도 소리가 나요",
        "애가 넘어져서 피가 나는데 아빠는 모르는 척하고 게임만 해요",
        "이웃집 애가 맞는 소리가 나는데 다들 안 들리는 척해요",
    ),
    "choking without a cough or a sound": (
        "둘째가 밥 먹다가 갑자기 기침도 안 하고 얼굴이 시뻘게져서 버둥거려요",
        "사탕 먹다가 기침도 안 하고 소리도 안 나요",
        "애가 떡을 삼키다가 기침소리도 안 나고 목을 잡아요",
    ),
    "purple or dark spots spreading": (
        "딸내미 온몸에 자주색 점이 퍼지고 열이 펄펄 끓어요",
        "아들 다리에 자줏빛 점이 생기고 열나요",
        "애기 배에 검붉은 점이 번지고 처져요",
    ),
    "breathless and blue out of nothing": (
        "놀다가 갑자기 숨을 헐떡거리고 입술이 파래요",
    ),
    "a child writing that the parents went out and are not back": (
        "엄마가 아침에 나가서 안 들어와요 동생이 배고프다고 울어요 저 2학년이에요",
        "아빠가 어제 나가서 안 들어와요 저랑 동생만 있어요 저는 8살이에요",
        "엄마가 연락이 안 돼요 집에 저 혼자예요 저 초1이에요",
        "저 초2인데 엄마 아빠가 밤에 나갔는데 안 돌아와요 무서워요",
    ),
    "a neck caught in a net, a cord or a rail; a mark on the neck": (
        "애가 놀이터 그물에 목이 걸려서 매달려 있었어요",
        "커튼 끈에 아기 목이 감겨 있었어요 얼굴이 빨개요",
        "딸 목에 줄 자국이 선명하고 목소리가 안 나와요",
        "아들이 난간에 목이 끼어서 못 빼요",
    ),
    "eaten or drunk, then drooling or staggering (먹었는지)": (
        "조카가 화분 옆에 있던 약을 먹었는지 입 주변이 파랗고 침을 흘려요",
        "애가 세제 먹었는지 침을 줄줄 흘려요",
        "아기가 뭘 주워 먹었는지 비틀거려요",
    ),
    "the carer struck down, children at home": (
        "할머니가 계단에서 넘어지셔서 꼼짝을 못 하시는데 애 둘이 집에 있어요 저는 회사예요",
        "남편이 쓰러져서 실려 갔는데 집에 애만 있어요 3살이요",
        "엄마가 쓰러지셨는데 애들만 집에 있대요 저는 출장 중이에요",
    ),
    "blood in a baby's nappy": (
        "아기 기저귀 갈다 보니 피가 묻어 있고 아기가 자지러지게 울어요",
        "기저귀에 피가 잔뜩 묻어 있어요 8개월이에요",
    ),
    "an adult strikes the child as a habit (화나면·술만 먹으면), still going on": (
        "애 아빠가 화나면 애 머리를 벽에 박아요 오늘도 그랬어요",
        "술만 먹으면 애를 패요",
        "남편이 애 머리를 바닥에 찧었어요",
    ),
    "a child named only by age as subject, an adult's thing after (6살이 아빠 공구함)": (
        "6살이 아빠 공구함 열어서 못을 여러 개 삼킨 것 같아요",
        "5살이 엄마 화장대에서 매니큐어를 마셨어요",
        "초1이 할머니 약을 한 움큼 먹었어요",
    ),
    "gone into the water and not come out": (
        "초3 아들이 혼자 바다에 들어갔다가 안 나와요 튜브만 떠 있어요",
        "애가 수영장에 들어가서 안 보여요",
        "계곡에 들어간 애가 안 나와요 물살이 세요",
    ),
    "the child hit too (자기도 때린다고)": (
        "아이 담임인데 아이가 아빠가 엄마를 때리고 자기도 때린다고 해요 멍이 있어요",
        "남편이 저를 때리고 애도 때려요",
        "엄마가 술 마시면 애들도 때린대요",
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
    "a bottle finished over days, or taken well": (
        "해열제를 다 먹어서 약국 가야 하는데 30분 봐줄 분",
        "감기약 한 병 다 먹고 이제 다 나았어요 내일 어린이집 가요",
        "애가 물약을 잘 먹어서 다행이에요 주말 돌봄 문의",
        "영양제 한 통 다 먹어서 새로 샀어요 3살 돌봄 문의",
    ),
    "two children together in a plan or a routine": (
        "내일 동생이랑 둘이 있어야 하는데 봐줄 분 있을까요",
        "주말에 애 둘이 있을 때 같이 놀아줄 선생님 구해요",
        "동생이랑 둘이 있으면 싸워요 방과후 돌봄 따로 신청하려구요",
    ),
    "one of the things or one of the children, no danger": (
        "장난감 중에 하나가 안 보여요 장난감도서관 반납 어떻게 해요",
        "쌍둥이 중에 하나가 감기라 집으로 와주실 분",
        "애들 중 한 명이 편식이 심해요 영양 상담 있나요",
    ),
    "a fight an adult has settled (화해시켰대요, 중재해주셔서)": (
        "애가 친구랑 싸워서 맞았는데 선생님이 화해시켜 줬어요 내일 방과후 돌봄 돼요?",
        "아들이 형한테 맞았다고 울었는데 둘이 화해했어요 주말에 놀 곳",
        "어린이집에서 물렸다는데 선생님이 중재해주셔서 마무리됐어요 상담받을 곳",
        "딸이 친구한테 맞았다고 해서 담임선생님이 처리해주셨어요 예방 교육 있나요",
    ),
    "a parent alone putting a child to sleep (재우는, 씻기는: 우는 inside another verb)": (
        "애를 혼자 재우는게 힘들어요 밤에 도와줄 사람",
        "남편이 출장이라 애를 혼자 씻기고 재우는 게 벅차요 저녁 돌봄",
        "혼자 애 재우다가 제가 먼저 잠들어요 ㅠ 육아 상담 되나요",
        "애 혼자 키우는데 주말 돌봄 있나요",
        "애들 둘이 싸우는 소리에 정신이 없어요 주말 돌봄",
    ),
    "the carer hurt, care asked for tomorrow": (
        "할머니가 애 보시다 허리를 다치셔서 내일부터 봐줄 사람이 없어요",
    ),
    "a child who wants to play on, a bruise from sport": (
        "놀이터에서 더 놀고 싶다고 집에 가기 싫다고 울어요 주말 돌봄",
        "친구 집에서 놀다가 집에 가기 싫대요 ㅎㅎ 방과후 돌봄",
        "무릎에 멍이 들었는데 태권도 가기 싫대요 쉬는 날 돌봄",
    ),
    "came back and the child is out with family": (
        "퇴근하고 왔더니 애가 없어요 할머니가 데려갔대요",
        "일어나보니 애가 없어서 보니 할머니랑 산책 갔네요",
        "돌아왔더니 애가 없길래 봤더니 아빠가 데리고 나갔어요 놀이터에",
    ),
    "cold hands in winter": (
        "아기 손발이 좀 차가운데 양말 신겨야 하나요 밤 돌봄 문의",
        "겨울이라 애 손이 차가워요 장갑 대여 되나요",
    ),
    "a dream or a story the word describes (애 잃어버리는 꿈)": (
        "애 잃어버리는 꿈 꿔서 불안하네요 그냥 하소연",
        "애가 다치는 상상만 해도 무서워요 안전교육 있나요",
        "아이가 유괴되는 드라마 보고 무서워해요 상담 받을 곳",
        "애가 괴물한테 잡아먹히는 악몽을 꿨대요",
        "딸이 죽는 꿈을 꿨다고 울어요 오늘 저녁 돌봄",
    ),
    "eating without a cough in a cold getting better": (
        "감기인데 밥 먹다가 기침도 안 하고 잘 먹어요 내일 어린이집 가요",
        "약 먹고 나서 기침을 안 해요 다 나았나 봐요 돌봄 문의",
    ),
    "red spots from mosquitoes, freckles": (
        "애 얼굴에 빨간 점이 몇 개 났는데 모기 같아요 연고 발랐어요",
        "주근깨 같은 갈색 점이 생겼는데 피부과 상담 가능한가요",
    ),
    "out of breath after running or sport, resting": (
        "애가 달리기하고 와서 숨을 헐떡거려요 물 마시고 쉬고 있어요",
        "축구하고 와서 숨이 차대요 샤워하고 쉬고 있어요 저녁 돌봄 문의",
        "줄넘기해서 숨을 몰아쉬어요 ㅎㅎ 체육 프로그램 있나요",
        "계단 올라와서 숨을 헐떡여요 엘리베이터 없는 집이라 힘드네요",
    ),
    "a parent writing that the other parent is away (care asked)": (
        "애 아빠가 출장 가서 안 들어와요 주말에 애 봐줄 분 있나요 5살이에요",
        "남편이 야근이라 안 들어와요 밤 10시까지 봐줄 분 3살",
        "할머니가 시골 가셔서 안 오세요 다음주 돌봄 필요해요",
    ),
    "a scarf, a net playground, a necklace": (
        "목도리를 너무 좋아해서 여름에도 하고 다녀요 ㅎㅎ",
        "그물 놀이터 있는 공원 어디 있어요",
        "목걸이를 하고 싶다고 해서 사줬어요 6살 딸 주말 돌봄",
    ),
    "먹었는지 as a plain question; 더위 먹다 (heat), not eating": (
        "애가 점심을 먹었는지 모르겠어요 어린이집에 물어봐야 해요",
        "아이가 더위를 먹었는지 입맛이 없어요 오늘 집에서 봐주실 분",
        "약을 먹었는지 안 먹었는지 헷갈려요 돌보미 선생님께 알려드려야 할까요",
    ),
    "the carer hurt, care asked for later": (
        "할머니가 넘어지셔서 다음주부터 애 봐줄 사람이 없어요",
        "남편이 허리를 다쳐서 이번 주 등원을 도와줄 분 구해요",
    ),
    "a nappy rash, nappies to buy": (
        "기저귀 발진 때문에 피가 좀 비쳐요 연고 추천해 주세요",
        "기저귀가 다 떨어져서 사러 가는 동안 봐주실 분",
    ),
    "a child who bangs its own head": (
        "애가 화나면 머리를 벽에 박아요 발달 상담 받을 수 있나요",
        "애가 졸리면 머리를 바닥에 박고 잠들어요",
    ),
    "a child named by age using an adult's phone": (
        "7살이 아빠 휴대폰으로 게임만 해요 방과후 프로그램 있나요",
    ),
    "a child who will not leave the pool (a habit)": (
        "애가 수영장에 가면 안 나오려고 해요 ㅎㅎ 수영 강습 있나요",
        "바다에 들어가면 안 나와요 물을 너무 좋아해요",
    ),
    "a child who hits a friend and a sibling too (동생도 때려요)": (
        "애가 친구를 때리고 동생도 때려요 행동 상담 받을 곳",
        "동생이 형을 때리고 형도 때려요 형제 상담 있나요",
    ),
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in DANGER.items() for t in texts], ids=str)
def test_sixth_danger_of_each_class_is_caught(kind: str, text: str) -> None:
    assert _danger(text), kind


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, texts in LOOKALIKES.items() for t in texts], ids=str)
def test_sixth_lookalikes_of_each_class_stay_quiet(kind: str, text: str) -> None:
    assert not _danger(text), kind


def _fresh() -> list[tuple[str, str, bool]]:
    rows = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["id"], r["text"], r["expect"]["danger"]) for r in rows]


@pytest.mark.parametrize(("line", "text", "expected"), _fresh(), ids=str)
def test_sixth_our_fresh_batch_stays_right(line: str, text: str, expected: bool) -> None:
    assert _danger(text) is expected, text


def test_sixth_our_fresh_batch_has_both_sides() -> None:
    rows = _fresh()
    assert sum(e for *_, e in rows) == 120 and sum(not e for *_, e in rows) == 120


DOLL_HURT = (
    "애가 곰인형이 다쳤다고 붕대 감아줘요 토요일 돌봄 있나요",
    "캐릭터가 다쳤다고 울어요 만화 보고",
    "딸이 인형이 다쳐서 입원했다고 병원놀이해요 주말 돌봄",
)


@pytest.mark.parametrize("text", DOLL_HURT)
def test_sixth_a_dolls_hurt_is_no_emergency_either(text: str) -> None:
    assert "emergency" not in READER.read(text, NOW).need.situations


def test_sixth_a_carers_real_hurt_is_still_an_emergency() -> None:
    assert "emergency" in READER.read("엄마가 다쳐서 입원했어요 4살 맡길 곳", NOW).need.situations


LIMP_AFTER_CONTACT = [
    "애가 콘센트에 손 넣더니 갑작스레 말이 없고 축 늘어졌어",
    "전선 만지고 나서 우리 애가 축 처졌어요",
    "애기가 전선을 잡았는데 찌릿 했는지 축 늘어져 있어요",
]
LIMP_BESIDE_AN_OUTLET = [
    "콘센트 커버 사야겠어요 애가 요즘 축 처져 있어서 기운이 없네요",
    "충전기가 고장났는데 애가 감기 때문에 축 처져 있어요",
]


@pytest.mark.parametrize("text", LIMP_AFTER_CONTACT)
def test_limp_after_touching_an_outlet_or_a_wire_is_danger(text: str) -> None:
    assert _danger(text), text


@pytest.mark.parametrize("text", LIMP_BESIDE_AN_OUTLET)
def test_limp_beside_an_outlet_word_is_not_danger(text: str) -> None:
    assert not _danger(text), text
