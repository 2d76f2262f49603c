"""Danger, thirteenth session (second helper): dialect beating (패뿌네), a blister after hot soup spilled, children
on cracking ice, a child with a knife saying he will die, a stranger telling children to get into a car, fire
spreading with children unable to get out, a young child inside with the door locked, smoke said without 가 with a
child alone; and lookalikes: a rash red as if burnt, seizure medicine named, stuck in a lift and out again, a
rumour of an accident, a head-banging habit, phones collected on a school trip, still asleep after a late night,
an x-ray that was fine, a scratch only, a question about safety-net support, a hoarse voice after a danger."""

from __future__ import annotations

import pytest

from tests.test_danger_thirteenth import danger, words_danger  # the same clock and readers as the first module


@pytest.mark.parametrize(
    "text",
    [
        # 경상도 말 패뿌네 (패 버리네)
        "삼촌이 술 묵고 애를 막 패뿌네요 우짜면 좋노",
        "할매요 아빠가 아를 또 패뿌고 있어예",
        # 뜨거운 국·물을 쏟고 물집
        "라면 국물 쏟아서 애 다리에 물집 잡혔어요",
        "끓는 물 엎질러서 손등에 물집이 올라와요",
        # 금이 가는 얼음 위의 아이들
        "저수지 얼음판에 애들 둘이 서 있는데 금이 가고 있어요",
        # 칼을 들고 죽겠다는 아이
        "중1 딸이 부엌에서 칼 들고 죽어버릴거라고 소리쳐요",
        # 차에 타라는 낯선 사람
        "놀이터에 낯선 아저씨가 애들한테 차에 타라고 하고 있어요",
        "사탕 준다고 우리 애한테 차 타라는 사람이 있어요 지금",
        # 불이 번져 못 나감
        "아랫집 불이 번져서 연기가 올라와요 애들이랑 못나가요",
        # 어린아이가 안에 있는데 문이 잠김
        "애기 차 안에 있는데 문 잠겼어요 키도 안에 있어요",
        "돌쟁이 아기가 안에 있는데 문이 잠겨버렸어요",
        # 아이 혼자, 연기 나요
        "애 혼자 집에 있는데 부엌에서 연기 나요 저는 밖이에요",
        # 연탄·가스에 아이와 어른이 함께 아픔
        "번개탄 냄새 나는데 애기랑 남편이 어지러워하고 토했어요",
        "가스냄새 나고 애들이랑 저 모두 머리가 아파요",
        # 얼굴이 묻힌 채 숨이 끊김
        "아기가 베개에 얼굴이 파묻혀서 숨이..",
        # 아이가 쓴 글: 모르는 형들이 못 나가게 함
        "아빠 나 놀이터인데 동네 형들이 돈 내놓으라고 못가게 해",
    ],
)
def test_the_thirteenth_b_dangers_are_danger(text: str) -> None:
    assert words_danger(text)
    assert danger(text)


@pytest.mark.parametrize(
    "text",
    [
        "게임에서 계속 실패뿐이라 애가 속상해해요 주말에 봐주실 분",
        "운동화가 새거라 애 발뒤꿈치에 물집 잡혔어요 내일 등원 가능할까요",
        "얼음판 위에서 썰매 타는 체험 있나요 초등학생이에요",
        "아들이 요리 수업에서 칼 쓰는 거 배우고 싶대요",
        "딸이 엉덩이에 발진이 화상 입은 거처럼 올라왔는데 어떤 연고 발라요",
        "경기약 먹는 다섯살도 돌봄 신청할 수 있나요",
        "엘리베이터에 갇혔다가 나왔는데 애 데리러 가는 게 늦어요 30분만 봐주세요",
        "애 반 친구가 다쳤다는 소문이 있었는데 아니래요 그래도 걱정돼요",
        "애가 졸리면 벽에 머리를 쿵 박는 습관이 있어요 괜찮을까요",
        "수련회 가서 연락이 안 돼요 폰을 걷어서 그렇대요",
        "아이가 아직 안 깼어요 어제 늦게 자서 그래요 조금 있다 보낼게요",
        "고양이가 애 팔 할퀴었는데 긁힌 정도라 연고 발랐어요",
        "손녀 방 창문에 방범창 다는 거 지원해주는 곳 있나요",
        # found again in the same message, or only asked the way
        "애가 안 보여서 놀랐는데 옆 동 친구네 가있었대요 이제 집에 왔어요",
        "시장에서 애 잃어버렸다 찾았어요 놀랐네요",
        "모르는 아저씨가 아들한테 길을 물어봤대요 별일 없었고 하원 도우미 구해요",
        "연탄난로 피워놨더니 애도 저도 머리가 아팠는데 환기하니 괜찮아졌어요",
        "어떤 형들이 우리 애랑 잘 놀아줬대요 술래잡기 했대요",
        "떡 먹다 목에 걸렸다고 울더니 물 마시니 내려갔다카네 이제 괜찮다",
    ],
)
def test_the_thirteenth_b_lookalikes_are_no_danger(text: str) -> None:
    assert not words_danger(text)


@pytest.mark.parametrize(
    "text",
    [
        # a hoarse voice is no sign that the danger is over
        "땅콩 먹고 애 입술이 붓고 목소리가 쉬었어요 숨쉬기 힘들어해요",
        "아기가 자다가 숨을 안 쉬다가 다시 쉬었어요 지금 또 그래요",
    ],
)
def test_a_voice_gone_hoarse_or_breath_coming_back_once_is_still_danger(text: str) -> None:
    assert words_danger(text)


def test_resting_after_running_out_of_breath_is_no_danger() -> None:
    assert not words_danger("애가 뛰다가 숨이 차서 벤치에서 좀 쉬었어요 이제 잘 놀아요")
