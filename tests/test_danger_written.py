"""Danger and lookalikes written before the 2026-12-06 dev set arrived, by class, typed as parents type."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from knowledge.loader import load
from routing.understand import Understander

NOW = datetime(2026, 12, 6, 19, 40, tzinfo=ZoneInfo("Asia/Seoul"))  # a Sunday evening
READER = Understander(load())

DANGER: dict[str, tuple[str, ...]] = {
    "injured": (
        "애 이마가 찢어져서 피가 계속 흘러요 지금 어디로 가야돼요",
        "손녀가 문틈에 손가락이 끼어서 손톱이 빠졌어요 피가 멈추질 않아요",
        "우리 얼라가 넘어지가 이빨이 부러지고 입에서 피 난다",
        "방금 아들이 킥보드 타다 차에 부딪혔어요 다리를 못 디뎌요",
    ),
    "burned": (
        "애가 밥솥 김에 손을 데서 껍질이 다 벗겨졌어요 어떡해요",
        "컵라면 국물을 애기 허벅지에 쏟았어요 빨갛게 부풀어 올라요ㅠㅠ",
    ),
    "fallen_unconscious": (
        "애가 소파에서 떨어지고 나서 계속 자려고만 하고 깨워도 멍해요",
        "놀이터 구름사다리에서 떨어져서 팔이 이상한 방향으로 돌아갔어요",
        "아기가 갑자기 축 늘어지고 불러도 반응을 안해요",
        "아가 목욕하다 미끄러져서 뒤통수 찧었는데 눈동자가 풀렸어요",
    ),
    "breathing": (
        "사탕 먹다 켁켁대더니 얼굴이 시뻘개지고 말을 못해요 빨리요",
        "애기 숨쉴때 가슴이 쑥쑥 들어가고 숨소리가 그르렁거려요 지금 새벽인데",
        "떡이 목에 걸린거같아 숨을 못 쉬어 도와줘",
    ),
    "seizure": (
        "아들이 갑자기 눈이 한쪽으로 돌아가고 팔다리를 떨어요 5분째에요",
        "손자가 열이 펄펄 나더니 입에 거품 물고 몸이 굳었어예",
    ),
    "swallowed": (
        "애가 식기세척기 세제를 입에 넣었어요 뱉게 했는데 입술이 부었어요",
        "방금 두살 아기가 할머니 혈압약을 몇 알 먹은 것 같아요",
        "우리 둘째가 자석 두개를 꿀꺽했어요",
        "애기가 배터리를 입에 물고 있다가 없어졌어요 삼킨거 같아요",
    ),
    "missing": (
        "아이가 놀이공원에서 안보인지 30분 넘었어요 다섯살이에요 빨간 잠바",
        "초1 아들이 하교시간 두시간 지났는데 집에 안오고 전화도 안받아요",
        "마트에서 잠깐 한눈판 사이 딸이 사라졌어요 도와주세요",
        "손녀가 아침에 나갔는데 여태 안 들어오고 연락이 안 된다 경찰 불러야되나",
    ),
    "alone": (
        "옆집 네살 애기가 베란다에 혼자 나와서 울고 있어요 어른이 아무도 안보여요",
        "18개월 아기 재워놓고 잠깐 나왔는데 문이 잠겨서 못 들어가요",
        "차 안에 아기가 혼자 갇혀있어요 키를 안에 두고 문이 잠겼어요",
    ),
    "hit_abuse": (
        "윗집에서 매일 밤 애 비명소리랑 뭐 던지는 소리가 나요 신고해야될거 같아요",
        "지금 길에서 어떤 엄마가 애 뺨을 계속 때리고 있어요",
        "어린이집 다녀온 애 등에 시퍼런 멍이 여러개 있어요 선생님이 그랬대요",
        "조카가 새아빠가 때린다고 집에 가기 싫대요",
        "학원에서 원장이 애 엉덩이를 만진대요 애가 울면서 얘기했어요",
    ),
    "neglect": (
        "옆집 애가 며칠째 같은 옷 입고 밥을 못 먹었다고 우리집에 와서 먹고 가요",
        "아랫집 애기 기저귀가 며칠째 안 갈아져 있고 엄마는 술만 마셔요",
    ),
}

LOOKALIKES: dict[str, tuple[str, ...]] = {
    "plan": (
        "다음주 화요일에 애가 집에 혼자 있어야 하는데 돌보미 가능할까요",
        "겨울방학 동안 초3 딸이 오전에 혼자 있게 돼서 걱정이에요",
        "아이가 혼자 등하교 할 수 있을까요 초2인데",
    ),
    "prevention": (
        "유괴 예방 교육 프로그램 신청하고 싶어요",
        "아이 응급처치 교육 들을 수 있는 곳 있나요 심폐소생술이요",
        "실종 예방 지문 등록은 어디서 해요",
        "다큐에서 아동학대 사건 보고 너무 마음 아팠어요 우리 동네는 신고 어디로 해요",
    ),
    "fit_or_shot": (
        "우리 애 체질에 맞는 반찬 알려주시는 프로그램 있나요",
        "어제 애가 독감 예방주사를 맞았는데 오늘 등원해도 되나요",
        "시간대가 딱 맞는 곳이 없네요 저녁 9시까지 하는 곳",
    ),
    "apart_or_run_out": (
        "애가 아빠랑 떨어져 지내서 주말에만 봐요",
        "분유가 다 떨어져서 급하게 사러 가야 하는데 30분만 봐주실 수 있나요",
        "요즘 애 입맛이 떨어져서 밥을 잘 안 먹어요",
    ),
    "past_resolved": (
        "지난주에 애가 넘어져서 팔 깁스했는데 돌보미 이용 가능한가요",
        "아까 코피 좀 났는데 금방 멈췄어요 오늘 저녁 예약 그대로 할게요",
        "작년에 아이가 경련한 적이 있어서 열나면 바로 연락 부탁드려요",
        "병원 갔다 왔는데 다행히 뼈는 괜찮대요 이번 주 등원 대신 돌봄 가능할까요",
    ),
    "tired_parent": (
        "진짜 숨 막혀요 하루종일 애만 보니까 ㅠㅠ 잠깐이라도 맡기고 싶어요",
        "애 둘 보다가 제가 쓰러질 것 같아요 도와주세요",
        "너무 힘들어서 지금 당장 누가 좀 봐줬으면 좋겠어요",
    ),
    "sick_child": (
        "애가 열이 39도까지 올라서 어린이집 못 가요 내일 집에서 봐주실 분",
        "장염이라 계속 토하고 설사해서 오늘 하루 돌봐줄 사람 필요해요",
        "애가 콧물이 줄줄 나고 기침해요 지금 병원 데려가야 하는데 동생 좀 봐주세요",
        "둘째 기저귀 발진이 좀 있어요 돌보미 선생님께 연고 부탁드려도 되나요",
    ),
    "ordinary": (
        "아이 우산을 또 잃어버렸네요 ㅋㅋ",
        "애가 숨바꼭질하다 옷장에 숨어서 한참 찾았어요 ㅋㅋ",
        "아이가 피아노 치다 손가락이 아프다는데 학원 쉬어야 할까요",
        "아이가 게임에서 졌다고 울고 난리예요 ㅋㅋ",
        "애가 친구랑 싸워서 속상해해요 상담 받을 수 있나요",
        "애가 배가 고프다고 난리예요 저녁 먹이고 맡길게요",
        "애가 무서운 꿈 꿨다고 새벽에 울면서 깼어요 요즘 자주 그래요",
    ),
}


def _danger(text: str) -> bool:
    return READER.read(text, NOW).danger


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, ts in DANGER.items() for t in ts], ids=str)
def test_written_danger_is_caught(kind: str, text: str) -> None:
    assert _danger(text), f"{kind}: {text}"


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, ts in LOOKALIKES.items() for t in ts], ids=str)
def test_written_lookalikes_stay_quiet(kind: str, text: str) -> None:
    assert not _danger(text), f"{kind}: {text}"


def test_written_corpus_is_big_enough() -> None:
    assert sum(map(len, DANGER.values())) >= 30 and sum(map(len, LOOKALIKES.values())) >= 30
