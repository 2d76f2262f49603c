"""Danger by class from the heldout11 dev set's misses, each class in our own sentences: a missing child told by an
endearment, a name, a separation, a bus or a lift; a young child alone in the street; locked out in the cold;
swallowed things told by what went missing; run over; a disclosed undressing; danger after a preamble. Lookalikes:
pets, medicine a child cannot swallow, stories, being apart, plans and fears, endearments in ordinary requests."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from knowledge.loader import load
from knowledge.schema import Situation
from routing.nicknames import Nicknames
from tests.shipped import READER

NOW = datetime(2026, 12, 9, 16, 20, tzinfo=ZoneInfo("Asia/Seoul"))  # a Wednesday afternoon
BATCH = Path(__file__).parent / "fixtures" / "danger_v11_batch.jsonl"
"""Our fresh batch of this pass (40 danger, 40 lookalikes), written before it was scored (README, part 3 "Danger")."""


def _danger(text: str) -> bool:
    return READER.read(text, NOW).danger


DANGER: dict[str, tuple[str, ...]] = {
    "missing, an endearment with an age or a school": (
        "우리 똥강아지 어디 갔는지 안 보여요 유치원 다녀요",
        "울 공주가 사라졌어요 다섯 살이에요",
        "우리 왕자님이 백화점에서 없어졌어요 4살",
        "내 새끼가 안 보여요 놀이터 다 찾아봤어요 여섯살",
        "우리 강아지가 어린이집 앞에서 없어졌어요 세 살이에요",
        "똥강아지가 없어졌어요 아파트 놀이터에서 놀고 있었는데",
    ),
    "missing, a given name": (
        "지우가 없어졌어요 어린이집 마당에서 놀고 있었는데",
        "서준이가 안 보여요 키즈카페에서 잠깐 한눈판 사이에",
        "하린이 사라졌어요 놀이터에서요 5살",
        "예준이가 갑자기 없어졌어요 학원 앞에서 기다리랬는데",
        "은우 안보여요 잠깐 사이에 마트에서 7살",
    ),
    "separated from the child and not found": (
        "터미널에서 딸이랑 떨어졌어요 찾아도 안 보여요",
        "놀이공원에서 아들하고 헤어졌는데 어디 있는지 모르겠어요",
        "장날이라 사람이 많아서 손주랑 떨어졌는데 못 찾겠어요",
        "지하철 타다가 애랑 떨어졌어요 도와주세요",
        "애가 안 보여요 시장 다 뒤졌는데 없어요",
        "애를 아무리 찾아도 없어요 마트에서요",
        "손주를 한 시간째 찾는데 안 보여예",
    ),
    "a bus or a lift takes the child away": (
        "어린이집 차에서 애가 안 내렸다는데 차 안에도 없대요",
        "학원 버스 기사님이 애가 안 내리고 어디 갔는지 없대요",
        "세 살 아들이 혼자 엘리베이터 타고 문이 닫혀서 올라가 버렸어요",
        "애기만 엘베에 타고 문 닫혀서 내려가버렸어요",
        "4살 딸이 혼자 엘리베이터 탔는데 문이 닫혔어요 몇 층인지 몰라요",
    ),
    "a young child alone in the street": (
        "두 살쯤 된 아기가 혼자 찻길 옆을 걸어가요 보호자가 안 보여요",
        "아파트 주차장에 네 살 애가 혼자 돌아다녀요 부모가 안 보여요",
        "잠옷 바람에 맨발로 애기가 혼자 길에 서 있어요",
        "마트 앞 도로에 꼬마가 혼자 헤매고 있어요 어른이 안 보여요",
        "세 살쯤 된 애가 기저귀 바람으로 혼자 큰길가에 있어요",
    ),
    "locked out in the cold": (
        "7살 딸이 비밀번호를 까먹어서 현관 앞에서 덜덜 떨고 있대요",
        "초1 아들이 열쇠가 없어서 못 들어가고 밖에서 추워서 울고 있대요",
        "애가 문이 잠겨서 집에 못 들어가고 영하인데 밖에 있대요",
        "애가 집 앞에서 두 시간째 떨고 있대요 비번을 몰라요",
        "여섯 살 아이가 비번을 잊어버려서 못 들어가고 손이 얼었대요",
    ),
    "something swallowed, told by what went missing or what was seen": (
        "애기가 김 봉지 방습제를 뜯어서 먹었어요",
        "18개월 아기가 제습제 알갱이를 입에 넣고 씹었어요",
        "레고 하나가 없어졌는데 애가 입에 넣는 걸 봤어요",
        "단추 건전지가 하나 모자라요 아기가 입에 물고 있었는데",
        "병원 가야 하나요? 애가 자석 갖고 놀다가 하나가 사라졌어요 입에 넣는 거 봤어요",
        "이거 괜찮은 건가요 아기가 좀약을 빨아먹었어요",
    ),
    "run over by a vehicle": (
        "오토바이가 딸 치고 도망갔어요 애가 피 흘려요",
        "트럭이 아들을 치고 갔어요 애가 안 움직여요",
        "골목에서 차가 애를 받았어요 애가 바닥에 누워 있어요",
        "버스가 손주를 치었어요 우짜노",
        "애가 차에 치여서 도로에 누워서 꼼짝을 안 해요",
    ),
    "a child tells of an adult undressing or touching": (
        "딸이 학원 선생님이 팬티를 내렸다고 했어요",
        "아들이 태권도 코치가 바지 속에 손을 넣었대요",
        "애가 과외선생님이 자기 몸 만지게 했대요",
        "유치원 차 기사님이 애 치마를 들췄다고 애가 말해요",
        "애가 할아버지가 옷을 벗기고 만졌다고 울어요",
    ),
    "a rider or a driver as the subject": (
        "킥보드 탄 중학생이 애를 박고 도망갔어요",
        "횡단보도에서 버스가 아이를 들이받았어요",
        "트럭이 후진하다 애를 밟고 지나갔어요",
    ),
    "locked out and shivering, beside a routine word": (
        "아들이 학원 끝나고 열쇠를 잃어버려서 못 들어가고 추워서 떨고 있대요",
        "애가 현관 비번을 까먹어서 밖에서 한 시간 넘게 기다렸대요 손이 꽁꽁 얼었대요",
    ),
    "swallowed by mistake, chewed or held in the mouth then gone": (
        "애가 캡슐약 잘못 삼켰다고 켁켁거려요",
        "애가 건전지를 잘못 삼켰어요",
        "아기가 초록색 방습제 씹고 있었어요",
        "동전 하나가 없어졌어요 애가 입에 물고 있는 걸 봤어요",
    ),
    "danger after a preamble": (
        "다음 주 수요일 방과후 돌봄 궁금해서요 어 잠깐만요 애가 경기를 해요",
        "아이돌보미 시간당 요금이 궁금합니다 잠시만요 애가 계단에서 굴렀어요 피가 나요",
        "장난감 대여 교육 있나요? 아 잠깐만 애가 동전을 삼켰어요",
        "부모교육 강의 궁금해서 왔는데 잠깐만요 애기 입술이 파래요",
        "어린이집 입소 대기 문의드려요 잠깐만요 애가 숨을 못 쉬어요",
    ),
}

LOOKALIKES: dict[str, tuple[str, ...]] = {
    "a pet hurt, missing or not breathing": (
        "우리집 강아지가 숨을 헐떡여요 애들이 걱정해요",
        "햄스터가 안 움직여요 애가 계속 울어요 어떻게 말해 주죠",
        "고양이가 차에 치였어요 애가 봤어요 마음 상담 받을 곳 있나요",
        "강아지 초코가 계단에서 굴렀어요 동물병원 여는 곳 있나요",
        "우리 강아지 산책하다가 없어졌어요 애들이 찾고 있어요",
        "앵무새가 창밖으로 날아가서 사라졌어요 애가 속상해해요",
        "강아지가 차에 치여서 피를 흘려요 애가 옆에서 울어요",
        "애가 키우는 햄스터가 경기를 해요",
    ),
    "medicine a child cannot swallow": (
        "애가 알약을 잘 못 삼켜서 가루로 빻아 줘요 아픈 애도 돌봄 되나요",
        "약을 잘 못 삼켜요 시럽으로 바꿔야 할까요",
        "아이가 캡슐을 잘 못 삼켜서 병원에서 가루약으로 받았어요",
        "물약을 잘 안 삼키고 뱉어서 고민이에요 감기 걸렸어요",
        "알약 잘 못 삼키는 애들은 어떻게 먹여요",
    ),
    "a story, a film or a game": (
        "동화에서 아이가 숲에서 길을 잃는 장면을 보고 애가 무섭대요",
        "애니에서 주인공이 물에 빠지는 내용 보고 애가 울었어요",
        "길을 잃은 아기 오리 이야기 책 빌릴 수 있나요",
        "애들이 경찰 도둑 납치 놀이를 해요 괜찮은 건가요",
        "영화에서 아이가 차에 치이는 장면을 봤어요 애가 자꾸 물어봐요",
    ),
    "apart from the child, not lost": (
        "애랑 떨어져 있는 게 처음이라 불안해요 상담 되나요",
        "출장 때문에 애랑 떨어지게 돼서 일주일 돌봄 알아봐요",
        "애가 엄마랑 떨어지기 싫어해서 어린이집 적응이 힘들어요",
        "딸이랑 떨어져 산 지 한 달인데 보고 싶어요",
        "아들이랑 헤어질 때마다 울어서 등원이 힘들어요",
    ),
    "plans and fears about buses, lifts, keys and streets": (
        "애가 엘리베이터에 혼자 타는 걸 무서워해요",
        "6살 아이 혼자 엘리베이터 타도 되는 나이인가요",
        "통학버스에서 애가 자꾸 안 내린다고 해서 기사님이 곤란해하세요",
        "애가 비번을 자주 까먹어서 추운 날 밖에서 떨까 봐 걱정이에요",
        "초3 아들이 혼자 길 건너는 연습을 하고 있어요",
        "애가 혼자 돌아다니는 걸 좋아해서 걱정이에요 5살",
    ),
    "an endearment or a name in an ordinary request": (
        "우리 공주 5살인데 내일 오후 2시부터 6시까지 맡길 곳 있나요",
        "우리 똥강아지 감기 걸려서 집에서 봐줄 분 구해요 3살이에요",
        "서준이 동생이 태어나서 평일 오후 돌봄이 필요해요",
        "지우가 어린이집에 안 보여서 전화해 보니 할머니 댁에 갔대요 알고 보니 제가 깜빡했어요",
        "우리 왕자 장난감 빌리고 싶어요 네 살이에요",
    ),
    "a vehicle near the child, nobody hurt": (
        "차가 애 앞에서 급정거해서 놀랐어요 다친 데는 없어요",
        "애가 자동차 장난감으로 블록을 치고 놀아요",
        "자전거가 애 옆을 스쳐서 깜짝 놀랐는데 괜찮아요",
    ),
    "names that are carers' words or things": (
        "5살 딸 어린이집 수첩이 없어졌어요 어디서 다시 받나요",
        "놀이터 그네가 없어졌어요 애들이 아쉬워해요",
        "우리 공주 요즘 입맛이 없어졌어요 5살",
        "7살 딸 학원 셔틀 시간이 안 보여요 어디서 확인하나요",
    ),
    "a near miss or a resolved lift ride": (
        "차가 애를 치고 갈 뻔했어요 너무 놀랐어요",
        "우리 애가 엘리베이터 혼자 타고 올라가버렸는데 할머니가 위에서 받았대요",
        "애가 혼자 엘베 타고 내려가서 경비실에 있대요 찾았어요",
        "버스에서 안 내리고 한 정거장 더 갔대요 지금 걸어오고 있대요",
    ),
    "alone or undressed, but not in the street": (
        "3살 딸이 혼자 걸어다니기 시작했어요 너무 귀여워요",
        "애가 혼자 돌아다녀서 미아방지 목걸이 사려고요 4살",
        "속옷 바람으로 혼자 돌아다니는 애 때문에 웃겨요",
        "보호자가 안 계셔도 어린이집 하원 가능한가요",
        "부모가 근처에 없어서 급하게 돌봄 필요해요 5살",
    ),
    "a child searching for a thing": (
        "애가 방 다 뒤졌는데 숙제가 없대요",
        "딸이 서랍 다 뒤져도 없대요 머리끈이",
    ),
    "an interruption at the start of a message is no sign of now": (
        "아 잠시만요 애가 예전에 경기한 적 있는데 교육 받을 수 있나요",
        "잠깐만요 다음 주에 애 혼자 있을 때 맡길 곳 찾아요",
        "잠깐만요 작년에 애가 다쳤던 거 보험 되나요",
    ),
    "undressing for a doctor": (
        "의사 선생님이 애 옷을 벗기고 진찰했대요",
        "선생님이 애 바지를 벗기고 주사 놨대요 예방접종이요",
    ),
    "undressing for a change of clothes": (
        "선생님이 애가 물놀이하다 젖어서 옷을 벗기고 갈아입혔대요",
        "어린이집에서 쉬를 해서 바지를 벗기고 갈아입혀 주셨대요",
    ),
}


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, ts in DANGER.items() for t in ts], ids=str)
def test_v11_danger_of_each_class_is_caught(kind: str, text: str) -> None:
    assert _danger(text), f"{kind}: {text}"


@pytest.mark.parametrize(("kind", "text"), [(k, t) for k, ts in LOOKALIKES.items() for t in ts], ids=str)
def test_v11_lookalikes_of_each_class_stay_quiet(kind: str, text: str) -> None:
    assert not _danger(text), f"{kind}: {text}"


def _batch() -> list[tuple[str, str, bool]]:
    rows = [json.loads(line) for line in BATCH.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(row["id"], row["text"], row["expect"]["danger"]) for row in rows]


@pytest.mark.parametrize(("line", "text", "expected"), _batch(), ids=str)
def test_v11_our_fresh_batch_stays_right(line: str, text: str, expected: bool) -> None:
    assert _danger(text) is expected, text


def test_v11_fresh_batch_holds_forty_of_each_side() -> None:
    rows = _batch()
    assert len(rows) == 80 and sum(e for _, _, e in rows) == 40


def test_v11_a_block_adds_its_lists_to_the_situations_own() -> None:
    s = Situation.model_validate({
        "label": "x", "words": ["다쳤"], "unless": ["다쳐도"], "kinds": {"넘어짐": ["자빠지"]},
        "blocks": {"갈래": {"words": ["@넘어짐"], "unless": ["놀이"], "together": [{"first": ["피"], "then": ["나"]}]}},
    })
    assert s.words == ("다쳤", "자빠지") and s.unless == ("다쳐도", "놀이") and s.together[0].first == ("피",)


def test_v11_a_block_cannot_add_to_a_single_value_nor_an_unknown_list() -> None:
    with pytest.raises(ValidationError, match="'label' is not a list a block can add to"):
        Situation.model_validate({"label": "x", "words": ["a"], "blocks": {"b": {"label": ["y"]}}})
    with pytest.raises(ValidationError, match="'wrods' is not a list a block can add to"):
        Situation.model_validate({"label": "x", "words": ["a"], "blocks": {"b": {"wrods": ["y"]}}})


def test_v11_an_endearment_is_a_child_only_where_the_message_tells_of_one() -> None:
    nicknames = Nicknames(load().children)
    assert nicknames.as_children("우리강아지가안보여요4살이에요", 48) == "아이가안보여요4살이에요"
    assert nicknames.as_children("우리강아지가안보여요", None) == "우리강아지가안보여요"  # a dog, or not said
    assert nicknames.as_children("우리강아지가산책하다안보여요4살", 48) == "우리강아지가산책하다안보여요4살"
    assert nicknames.as_children("우리공주가안보여요", None) == "아이가안보여요"


def test_v11_a_name_is_a_child_where_an_age_or_a_place_of_children_is_said() -> None:
    nicknames = Nicknames(load().children)
    assert nicknames.as_children("하윤이없어졌어요놀이터에서", None) == "아이가없어졌어요놀이터에서"
    assert nicknames.as_children("하윤이없어졌어요", None) == "하윤이없어졌어요"
    assert nicknames.as_children("지갑이없어졌어요놀이터에서", None) == "지갑이없어졌어요놀이터에서"
    assert nicknames.as_children("남편이안보여요5살애랑", 60) == "남편이안보여요5살애랑"
