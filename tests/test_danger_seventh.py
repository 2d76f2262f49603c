"""Danger, seventh pass: classes from the misses of one held-out set read after the session's fixes (a child not where
they said they would be, late; a weapon held over a child; a child kept outside in the cold; not knowing the parent
or not meeting their eyes when called, beside another grave sign), and their lookalikes (a child found right beside,
a child who will not come in, a threat in play, a child who will not go in, a child who avoids eye contact); then the
misses of two more held-out sets, read at the end of the session (a whole bottle of medicine, a caustic drunk or in the
eye, things thrown at a child; lookalikes: a fall feared, drowning prevention, a report made before, medicine used up,
and 세제가/해열제가 whose 제가 is no writer)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER

NOW = datetime(2027, 1, 13, 21, 0, tzinfo=ZoneInfo("Asia/Seoul"))  # a Wednesday night in winter

DANGER = [
    "딸이 학원 끝나고 친구네 간다더니 밤 10시인데 친구네도 안 왔대요",
    "아들이 도서관 간다고 했는데 도서관에도 없다고 하고 전화를 안 받아요",
    "작은애가 놀이터에서 논다더니 아무도 못 봤대요 연락이 안 돼요",
    "둘째가 칼 들고 언니 위협하고 있어요 고등학생이에요",
    "남편이 술 먹고 식칼 들고 애들 죽인다고 난리에요",
    "옆집 아저씨가 가위를 들고 애한테 달려들어요",
    "눈 오는데 윗집 애가 복도에서 한시간째 웅크려 있어요 집에 못 들어간대요",
    "이 추운데 초2 애가 비번 몰라서 못 들어가고 있대요",
    "영하인데 꼬마가 현관 밖에서 두 시간째 쪼그려 있어요",
    "애가 열이 40도인데 불러도 눈을 못 맞추고 축 늘어졌어요",
    "아기가 토하고 나서 엄마를 못 알아봐요",
    "경기하고 나서 애가 아빠도 못 알아보고 멍해요",
    "아빠가 술 마시고 애들한테 리모컨을 집어던지고 있어요",
    "남편이 애한테 소리 지르고 물건을 던져요",
    "딸이 감기약 시럽 한병을 다 마셔서 빈병만 굴러다녀요",
    "손주가 등유를 마신거같아요 기침을 해요",
    "동생이 장난치다 형 눈에 손소독제를 뿌렸어요 눈을 못떠요",
    "애 눈에 락스가 튀었어요 따갑대요",
    "작은애 눈에 세제가 튀어서 빨개요",
]
LOOKALIKES = [
    "시장에서 애가 잠깐 안 보였는데 바로 뒤 가게에 있었어요 식겁했네요",
    "마트에서 딸이 안 보여서 놀랐는데 장난감 코너에서 찾았어요",
    "친구네 간다더니 친구네서 자고 온대요 내일 봐줄 분",
    "칼 들고 요리 놀이 하는 거 위협적이라 장난감 칼 빌릴 수 있나요",
    "애가 밖에서 놀아요 들어오라 해도 안 들어와요",
    "우리 애가 눈을 잘 못 맞춰요 발달 상담 어디서 받나요",
    "추운데 애가 유치원 못 들어가겠다고 울어요 적응 상담",
    "애들한테 장난감 던지지 말라고 했는데 말을 안 들어요",
    "애한테 공을 던져요 캐치볼 하는데 재밌어해요",
    "빙초산 냄새가 싫어서 식초로 바꿨어요",
    "애가 계단에서 넘어질까 걱정돼서 안전문 빌려요",
    "해열제 한통 다 써서 사야돼요 밤에 여는 약국",
    "아기가 소파에서 떨어질까 봐 무서워서 매트 빌리고 싶어요",
    "물놀이 사고 예방하려고 생존수영 배우는 곳 있나요",
    "작년에 옆집 방임 신고했었는데 결과가 궁금해요",
]


@pytest.mark.parametrize("text", DANGER)
def test_the_seventh_pass_dangers_are_caught(text: str) -> None:
    assert READER.read(text, NOW).danger, text


@pytest.mark.parametrize("text", LOOKALIKES)
def test_the_seventh_pass_lookalikes_are_not_danger(text: str) -> None:
    assert not READER.read(text, NOW).danger, text


LAST_DANGERS = [
    "아들 폰 위치가 강가에서 안 잡혀요 친구네도 안 갔대요",
    "쓰레기 버리고 왔는데 아기가 집에 없어요 문이 열려 있어요",
    "새벽인데 윗집 애기 혼자 우는데 집에 아무도 없다고 경비실에서 그래요",
    "옆집 애들 집에 어른이 없대요 밤 10시인데 계속 울어요",
    "밤늦게 아랫집 꼬마가 엄마 부르면서 계단에서 울어요 집에 아무도 없대요",
]
LAST_LOOKALIKES = [
    "위치 추적 앱 끊겼다고 알림 왔는데 배터리가 없어서 그래요 지금 옆에 있어요",
    "애가 집에 없어요 할머니댁에 갔어요 그래서 오늘 맡길 필요 없어요",
]


@pytest.mark.parametrize("text", LAST_DANGERS)
def test_a_child_not_where_they_should_be_or_neighbours_children_alone_are_danger(text: str) -> None:
    assert READER.read(text, NOW).danger, text


@pytest.mark.parametrize("text", LAST_LOOKALIKES)
def test_a_location_alert_explained_or_a_child_away_on_purpose_is_not_danger(text: str) -> None:
    assert not READER.read(text, NOW).danger, text
