"""The tenth session's word classes for danger, each from a fresh round's misses or false alarms (v68-v75), in new
sentences: a search answered "not yet", gone long and unreachable, a deep cut told by what is seen, an adult
driving children drunk, a fall that leaves a neck stiff; lookalikes: a seizure in the past, a denial, a prevention
programme, news, a suspicion feared, a stuffy nose, scratching. Read with the words alone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import WORDS

NOW = datetime(2027, 5, 12, 17, 30, tzinfo=ZoneInfo("Asia/Seoul"))

CASES = [
    # a search answered "not yet", with no child named (a reply in the middle of a chat)
    ("아직도 못찾았어요 공원 화장실까지 다 봤어요", True),
    ("경비실에도 물어봤는데 아직도 안보여요", True),
    ("여태 못찾았심더 개울가 쪽으로 갔나 싶어서예", True),
    ("맡길 데를 아직 못찾았어요 내일 오전에 봐주실 분 있을까요", False),
    ("봐줄 사람을 아직 못 찾아서요 토요일 하루만요", False),
    # everything searched and not there
    ("아파트 놀이터 세 군데 다 돌아봤는데 없어요 여섯살이에요", True),
    ("동네 한바퀴 돌았는데 안보여요 자전거 타고 나갔어요", True),
    # gone long, and nobody answers
    ("애들 학원 간다고 나간지 한참됐는데 학원에선 안왔다카고 전화도 안받아요", True),
    # a deep cut told by what is seen
    ("아들이 커터칼 가지고 놀다가 손가락이 쩍 벌어졌어요", True),
    ("컵 깨트려서 발바닥이 찢어졌는데 바닥에 뚝뚝 떨어져요", True),
    # an adult who has been drinking drives off with the children
    ("삼촌이 술 마시고 애들 태우고 갔어요 말렸는데도요", True),
    # a neck that will not turn after a fall; a car that "only lightly" hit a child
    ("철봉에서 떨어졌는데 목을 못 움직이겠대요", True),
    ("골목에서 애가 차에 살짝 부딪혔는데 울기만 해요", True),
    # a baby not feeding since last night, limp
    ("5개월인데 어젯밤부터 분유를 안먹고 축 처져 있어요", True),
    # a febrile seizure in the past, told as why the parent worries
    ("돌 때 열경련 한번 했던 애라 지금 열 나니까 불안해요 내일 집에 와주실 분 구해요", False),
    # a denial, a suspicion feared, prevention, news
    ("아랫집 애들 맨날 울고 소리 지르는데 때리는건 아닌 것 같아요 그냥 시끄러워요", False),
    ("애가 놀다가 팔에 멍이 들었는데 선생님이 학대로 오해할까봐 미리 말해둬야 하나요", False),
    ("유치원에서 납치예방 교육 한다는데 집에서도 연습할 방법 있나요", False),
    ("어린이집 학대 뉴스에 나왔던데 우리 동네 어린이집은 어떻게 확인해요", False),
    # a stuffy nose's rattle, atopic scratching, rain on the windows, a news report
    ("코가 막혀서 그렁그렁 소리 나는데 감기 같아요 내일 아이돌봄 되나요", False),
    ("아토피라 밤마다 피나게 긁어요 상담 받을 데 있을까요", False),
    ("바람이 막 때려서 창문이 덜컹거리니까 애가 무서워해요", False),
    # smoke or a burning smell where the children are alone; "만나자 해서" is not self-harm (자해)
    ("아랫집에서 매캐한 연기가 올라와요 그 집 애들만 있는데 문을 안 열어요", True),
    ("가스 냄새 나길래 밸브 잠그고 환기했어요 애들만 있을 때는 불 쓰지 말라고 했어요", False),
    ("딸 친구가 자꾸 놀자해서 주말마다 와요 토요일 오후에 봐주실 분 있나요", False),
    ("게임에서 모르는 아저씨가 만나자 해서 차단했어요 학교에 알려야 하나요", False),
    # woke to find the child gone; hot water pulled over a baby
    ("낮잠 자고 눈떠보니 아들이 없어요 대문이 열려 있어요 세살이에요", True),
    ("애가 커피포트 잡아당겨서 끓는 물을 뒤집어썼어요", True),
    ("아이가 모래놀이하다 모래를 뒤집어썼어요 ㅋㅋ 씻길 데 있나요", False),
    # a plan to leave a child briefly, asked as a care request; a denial of neglect; treatment that goes on
    ("애 잠깐 혼자 두고 병원 가야 하는데 한 시간 와주실 분 있나요 5살", False),
    ("애가 말라서 방치하는거 아니냐는 소리 들어요 속상해요 식단 상담 받을 데 있나요", False),
    ("작년에 데인 흉터 때문에 아직 피부과 다녀요 치료비 지원 있나요", False),
    ("병원서 천식이라 카데예 약 묵고 지금은 괜찮심더 어린이집 보내도 되능교", False),
    ("넘어져서 머리 박아서 CT 찍었는데 아무 이상없대요 지금 집에서 뽀로로 봐요 내일 봐주실 분요", False),
    # hiding from violence at home; not at any place a child would be; asthma an inhaler does not ease
    ("삼촌이 술마시고 물건 부수고 있어서 누나랑 옷장에 숨어있어요", True),
    ("학원에도 없고 집에도 없어요 초1이에요 전화도 안받아요", True),
    ("천식 있는 애가 숨쉴때 어깨가 들썩거리고 흡입기를 해줘도 그대로예요", True),
    # siblings' fight written by a child; a seizure denied; a grandparent on screen time; a past incident investigated
    ("형이랑 싸웠는데 형이 먼저 때렸어요 엄마한테 이르면 저만 혼나요", False),
    ("독감이라 열이 40도까지 나는데 경기 같은건 없고 해열제 먹고 자요 내일 와주실 분", False),
    ("며느리가 애한테 폰만 쥐어주고 방치하는 거 같아서 속상하다 상담 같은거 받을 데 있나", False),
    ("옆 반 선생님이 애들 때렸다는 일이 있었어요 조사 끝났고 그만두셨대요 어린이집 옮기고 싶어요", False),
    # a stuffy nose told as hard to breathe; asking whether a short errand is all right
    ("비염 때문에 코가 꽉 막혀서 숨쉬기 힘들대요 내일 유치원 못가는데 봐주실분", False),
    ("자는 애 잠깐 집에 두고 마트 다녀와도 되나요? 10분이면 되는데", False),
    # what the child said was fine, but the child now limps; run and over
    ("애가 미끄럼틀에서 굴렀는데 좀 울더니 지금은 뛰어댕겨요 내일 봐주실 분요", False),
]


@pytest.mark.parametrize(("text", "danger"), CASES)
def test_the_tenth_sessions_danger_word_classes(text: str, danger: bool) -> None:
    assert WORDS.read(text, NOW).danger is danger, text
