"""The ninth session's word classes for danger, each from a fresh set's false alarms, in new sentences: what is over
(멀쩡히, a child held at a police box), procedures and negations (수액 맞았어요, 발작 없어요), and a day named again
(what happened before "오늘" is that earlier day's; what happens after it is now). Read with the words alone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import WORDS

NOW = datetime(2027, 4, 14, 16, 0, tzinfo=ZoneInfo("Asia/Seoul"))

CASES = [
    # over, told with 멀쩡히/멀쩡하게
    ("애가 다리미에 손이 닿았는데 얼음 대고 나니 지금은 멀쩡히 블록 놀이해요", False),
    ("둘째가 식탁에서 떨어졌는데 멀쩡하게 밥 잘 먹고 있어요 그래도 병원 가봐야 하나요", False),
    ("애가 식탁에서 떨어졌는데 안 움직여요", True),
    # a child held safe by police or a shop
    ("마트에서 애를 잃어버렸는데 보안요원이 데리고 있다고 방송 나와서 지금 가는 중이에요", False),
    ("지구대에서 우리 딸 보호하고 있대요 길 잃었었나 봐요 지금 데리러 가요", False),
    ("마트에서 애를 잃어버렸어요 아무리 찾아도 없어요", True),
    # a drip or a jab is not a beating; a seizure denied is not one
    ("독감이라 응급실에서 링거 맞았어요 내일 아침부터 봐주실 분 구해요", False),
    ("장염이라 어제 수액을 맞았는데 오늘 어린이집을 못 가요 아이돌봄 되나요", False),
    ("열성경련 했던 아이인데 요즘은 경련 없어요 어린이집 다녀도 되나요", False),
    ("애가 아빠한테 또 맞았어요 얼굴이 부었어요", True),
    # yesterday's event, then today named again
    ("어제 놀이터에서 머리 박았는데 오늘은 유치원 잘 갔어요 병원 가봐야 할까요", False),
    ("어제 미끄럼틀에서 떨어졌는데 오늘 계속 토하고 어지럽대요", True),
    ("어제도 맞고 오늘 또 맞았다고 애가 울어요", True),
    # how it ended, told in other ways (the fresh v58/v60 sets' false alarms)
    ("옆집 꼬마가 혼자인 줄 알았는데 할아버지가 같이 계세요 괜찮대요", False),
    ("애가 체육 시간에 쓰러졌다는데 보건실에서 쉬고 기운 차렸대요", False),
    ("아들이 밤에 안 들어와서 애태웠는데 새벽에 지 발로 들어왔다 아이가", False),
    ("큰애가 작은애 찾으러 나갔다가 둘이 같이 들어왔어요 십년감수했네요", False),
    ("애가 무서운 꿈 꾸고 울길래 토닥였더니 다시 잠들었어요", False),
    ("손 데인 거 병원에서 드레싱 받고 왔어요 이번 주 집에서 봐줄 분 찾아요", False),
    ("애가 아직 학원에서 안 왔어요 오늘은 보강 있어서 7시에 와요", False),
    ("애가 학원에서 안 와요 전화도 안 받고 학원에선 벌써 나갔대요", True),
    # farm chemicals as a chore or a worry, a lost phone, a safety warning (the fresh v61-63 sets' false alarms)
    ("내일 과수원에 농약 치러 가야 해서 애 봐줄 데 찾아요 아포읍이요", False),
    ("농약 냄새가 집까지 나는데 애 괜찮을까요 창문 닫아놨어요", False),
    ("딸 핸드폰 분실신고 하려는데 대리점 가야 하나요", False),
    ("아기 이불 두꺼우면 질식위험 있다는데 몇 개월부터 써도 되나요", False),
    ("애가 라면 국물 쏟았는데 옷만 젖고 안 데었어요", False),
    ("애가 농약병을 열어서 마셨어요 입에서 냄새나요", True),
    # fumes of a coal stove or a loose flue, a baby shaken hard, a stranger grabbing or shutting a child in
    ("시골집 번개탄 피운 방에서 자던 애가 두통이 심하다고 하고 비틀거려요", True),
    ("연탄난로 쓰는 집인데 겨울에 애들 재워도 괜찮을까요", False),
    ("애 아빠가 화나서 아기를 막 흔들었는데 그 뒤로 축 늘어졌어요", True),
    ("아기를 안고 살살 흔들어 재우는데 몇 분이면 잠들어요", False),
    ("모르는 어른이 놀이터에서 우리 애 팔을 잡고 안 놔줘요", True),
    ("어떤 아저씨가 애한테 길을 물어봤대요 친절하게 알려줬대요", False),
    # seen only after the test sets' one measurement: a stranger pointed at, counselling asked, a lost thing
    ("저 남자가 우리 딸을 안고 가버렸어요 처음 보는 사람이에요", True),
    ("아이가 놀이터에서 형들한테 맞고 왔대요 이런 일 상담할 수 있는 곳 있을까요", False),
    ("유치원에 애 신발을 두고 왔는데 분실물은 어디서 찾아요", False),
    ("합기도에서 대련하다가 맞아서 코에 멍이 좀 들었대요 괜찮겠죠", False),
    ("아파트에 불이 났는데 애가 아직 방에서 못 나왔어요", True),
]


@pytest.mark.parametrize(("text", "danger"), CASES)
def test_the_ninth_sessions_danger_word_classes(text: str, danger: bool) -> None:
    assert WORDS.read(text, NOW).danger is danger, text
