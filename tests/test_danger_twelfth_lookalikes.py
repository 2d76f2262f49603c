"""False danger alarms from the twelfth session's dev rounds (a scare that was wrong, a worry, a question, a child who
hurts others, a child already seen at the ER or by a doctor), and the dangers that share their words."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, WORDS, described, first_service

AFTERNOON = datetime(2027, 3, 9, 15, 0, tzinfo=KST)


def danger(text: str) -> bool:
    return described(text, AFTERNOON)["danger"]


@pytest.mark.parametrize(
    "text",
    [
        # "…(ㄴ/은) 줄 알고/알았는데": a belief that turned out wrong
        "애 잃어버린 줄 알고 식겁했어요 화장실에 있었더라고요 토요일 오후에 맡길 곳 있나요",
        "아기가 물티슈 먹은 줄 알고 놀랐는데 바닥에 그대로 있었어요 주말 돌봄 문의해요",
        "우리 애가 락스 마신 줄 알았어요 냄새만 맡았대요 다음주 오전에 봐줄 분 찾아요",
        "딸이 동전 삼킨 줄 알고 난리쳤는데 주머니에 있더라구요 내일 하원 도와주실 분",
        # a habit of mouthing things and a worry about what may happen
        "아기가 구슬을 자꾸 입에 넣어요 삼킬까봐 무서워요",
        "애가 단추를 맨날 입에 넣어서 걱정이에요 삼키면 어쩌죠",
        "애가 자꾸 입으로 레고를 가져가요 삼키면 큰일인데 어떡하나요",
        # whether a child may stay alone, asked ahead; "…건데 여섯살" holds no 데여(scalded)
        "시장 다녀올건데 여섯살 딸 혼자 집에 있어도 되나요? 안되면 봐줄 곳 있나요",
        "저녁에 약속 있는데 여덟살 아들 혼자 둬도 돼요? 아니면 맡길 데 알려주세요",
        "은행 다녀올건데 여섯시 전에 애 맡길 데 있나요",
        # the child hurts other children; the parent asks for counselling
        "세살 아들이 어린이집에서 친구들 물고 때려서 육아상담 받고 싶어요",
        "네살 딸이 동생을 밀고 때려요 상담 받아보고 싶어요",
        "아기가 자꾸 친구 할퀴고 때려서 선생님이 상담 권하셨어요",
        # at the ER, the child told fine: what it was is a diagnosis heard after the fact
        "지금 애 데리고 응급실 왔는데 애는 괜찮대요 경련이었대요 내일 하루 집으로 와주실 분 있나요",
        "아기 업고 응급실인데 아기는 괜찮대요 열경기였대요 내일 오전에 집에서 봐주실 분 구해요",
        # a knock at play, already taken to a doctor
        "어린이집에서 애가 친구랑 부딪혀서 이마에 혹 났대요 선생님이 병원 같이 가주셨대요",
        "유치원에서 놀다가 넘어져서 무릎 까졌대요 선생님이 병원 데려가 주셨대요 괜찮겠죠?",
        "킥보드 타다 넘어져서 멍들었는데 병원에서 진료 받았어요 이번주 토요일 봐주실 분",
    ],
)
def test_a_wrong_scare_a_worry_a_question_a_child_who_hurts_others_or_one_seen_by_a_doctor_is_no_danger(
    text: str,
) -> None:
    assert not WORDS.read(text, AFTERNOON).danger  # the YAML words alone, not only with the learned reader's veto
    assert not danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "지금 애 데리고 응급실 왔는데 애는 괜찮대요 경련이었대요 내일 하루 집으로 와주실 분 있나요",
        "아기 업고 응급실인데 아기는 괜찮대요 열경기였대요 내일 오전에 집에서 봐주실 분 구해요",
        "응급실인데 애는 괜찮대요 열이 높아서 그랬대요 모레 하루 집에서 봐줄 분 있을까요",
    ],
)
def test_a_child_at_the_er_and_fine_is_no_carers_emergency(text: str) -> None:
    assert first_service(text, AFTERNOON) == "home-care"


@pytest.mark.parametrize(
    "text",
    [
        "애가 락스를 마셨어요 지금 기침을 계속해요",
        "아기가 세제를 먹었어요 입에서 거품이 나요",
        "애가 마트에서 없어졌어요 30분째 못 찾고 있어요",
        "아들이 놀이터에서 안 보여요 한시간째 찾고 있어요",
        "아기가 동전을 삼켰어요 숨을 이상하게 쉬어요",
        "아기가 건전지를 입에 넣었어요 빼려니까 울어요",
        "다섯살 애가 지금 집에 혼자 있어요 연락이 안돼요",
        "세살 아기 혼자 두고 나왔는데 문이 잠겼어요",
        "회사 왔는데 여섯살 애가 지금 혼자 집에 있대요 전화를 안 받아요",
        "어린이집 친구들이 우리 애를 물고 때려서 애가 피가 나요",
        "형이 동생을 밀고 때려서 동생이 머리에서 피가 나요",
        "애 데리고 응급실 왔는데 숨을 잘 못 쉬어요",
        "애가 경련이 멈추질 않아요 눈이 돌아가요",
        "어린이집에서 애가 머리 부딪혔는데 계속 토해요",
        "애가 넘어져서 이마가 찢어졌어요 피가 안 멈춰요",
        "애가 차에 치였대요 지금 병원 가고 있어요",
        "하원할 때 애가 안 보였대요 아직 연락이 없어요",
        "뜨거운 물에 데여서 물집 생겼어요",
        "선생님 병원 데려가 주세요 애가 머리 부딪혀서 토해요",
    ],
)
def test_the_same_words_about_a_child_in_danger_now_are_still_danger(text: str) -> None:
    assert WORDS.read(text, AFTERNOON).danger
    assert danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "애 데리고 응급실 왔는데 숨을 잘 못 쉬어요",
        "애가 열경기해요 지금 응급실 가는 중이에요",
        "남편이 다쳐서 응급실인데 애는 괜찮대요 애 봐줄 사람 필요해요",
    ],
)
def test_a_child_in_danger_at_the_er_or_a_carer_hurt_is_still_the_emergencys(text: str) -> None:
    assert first_service(text, AFTERNOON) == "emergency-119"
