"""False danger alarms from dev rounds 115-119: a request for someone to fetch a sick child (누가 대신 데려가 주실
수 있나요), a missing child found (옆집에 가 있었어요), a worry checked and unfounded (할머니가 계시더라고요 괜히
걱정했네요), and a parent's own exasperation in a message about the day's errands (숨넘어가요 하원은 4시인데);
and the dangers that share their words."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, WORDS, described

AFTERNOON = datetime(2027, 3, 9, 15, 0, tzinfo=KST)


@pytest.mark.parametrize(
    "text",
    [
        # someone asked to take the child in the parent's place: a request, not a child taken
        "유치원에서 애가 토했다고 데려가래요 저 출근해서 누가 대신 데려가 주실 수 있나요 5살",
        "아기가 어린이집에서 설사해서 데려가라는데 누가 대신 데려가줄 사람 없을까요",
        "누가 애 좀 데려가 줄 수 있나요 오늘 야근이에요 6살",
        "보건실에서 열난다고 연락왔어요 누가 좀 데려가서 봐주실 분 있나요 초1",
        # a missing child found where they had gone
        "아까 마트에서 딸이 안 보여서 식겁했는데 장난감 코너에 가 있었어요 ㅠ",
        "어젯밤 아들이 사라져서 온 동네 뒤졌는데 친구네 가있었더라고요 십년 감수했어요",
        "놀이터에서 애가 없어져서 놀랐는데 미끄럼틀 밑에 숨어있었어요",
        # a worry about a neighbour's child, checked and unfounded
        "윗집 애가 혼자 우는 거 같아서 올라가 봤는데 엄마가 계시더라고요 괜한 걱정이었어요",
        "아랫집 꼬마가 혼자 있는 거 같아서 벨 눌렀는데 아빠가 계셨어요 괜히 걱정했네",
        "놀이터에 아기가 혼자 있길래 지켜봤는데 할머니가 오시더라고요 괜히 놀랐네요",
        # the parent breathless at the day's errands, no child named
        "아 숨넘어가 등원은 8시인데 출근이 7시반이에요 ㅠ 아침에 봐주실 분",
        "진짜 숨 넘어가요 퇴근은 7시인데 유치원이 5시에 끝나요",
        "숨넘어가요 야근 때문에 하원 픽업을 못해요 6시부터 봐주실 분",
    ],
)
def test_a_request_a_child_found_a_worry_unfounded_or_a_parents_exasperation_is_no_danger(text: str) -> None:
    assert not WORDS.read(text, AFTERNOON).danger
    assert not described(text, AFTERNOON)["danger"]


@pytest.mark.parametrize(
    "text",
    [
        "누가 애를 데려갔어요 어린이집에서 모르는 사람이 데려갔대요",
        "놀이터에서 모르는 아저씨가 애를 데려가려고 했어요",
        "모르는 아저씨가 엄마 대신 데리러 왔다고 애를 데려가려고 했어요",
        "누가 우리 애 데려가서 안 보여요 지금",
        "애가 없어졌어요 옆집에도 없어요",
        "아이가 안 보여요 방금까지 놀이터에 있었는데 지금 없어요",
        "딸이 없어졌어요 아까 놀이터에 가있었는데 거기도 없어요",
        "애가 안 보여요 아까까지 마트에 있었는데 어디에도 없어요",
        "옆집 애가 혼자 있는데 계속 울어요 어른이 안 계신 거 같아요",
        "옆집 아기가 몇 시간째 혼자 울어요 아무도 안 계시더라고요",
        "애가 숨넘어가요 빨리요",
        "초등학생 딸이 없어졌어요 방에 죽고 싶다는 쪽지가 있었어요",
        "아기가 숨넘어가게 울어요 얼굴이 파래요",
        "애가 기침을 숨넘어가게 해요 입술이 파래요",
        "숨이 넘어가요 우리 딸이 기침하다가",
        "우리 아들 지금 숨넘어가요 하원하고 오는 길인데",
        "숨넘어가요 하원하고 왔는데 애가 기침을 멈추질 않아요",
        "하원하고 왔는데 아기가 숨이 넘어가요 입술이 파래요",
        "숨막혀요 퇴근하고 왔더니 딸이 목을 잡고 컥컥거려요",
    ],
)
def test_dangers_sharing_those_words_stay_danger(text: str) -> None:
    assert WORDS.read(text, AFTERNOON).danger
    assert described(text, AFTERNOON)["danger"]
