"""Danger told through the adults and places around a child: a child who never arrived, a child shut in, something
sexual shown or asked of a child, a carer struck down or taken away with young children left; and their lookalikes.

Classes the second held-out test set (2026-12-06) showed missing; every sentence here is written apart from it.
The hour matters for some (a parent at the emergency room at 02:00): each sentence carries the hour it is sent.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER

DAY = datetime(2026, 12, 7, 0, 0, tzinfo=ZoneInfo("Asia/Seoul"))  # a Monday


def _danger(text: str, hour: int = 20) -> bool:
    return READER.read(text, DAY.replace(hour=hour)).danger


# Written before the class fixes were tried on them (first measurement: 29/30 caught, 1/30 false alarm).
WRITTEN_DANGER: dict[str, tuple[tuple[int, str], ...]] = {
    "on_the_way": (  # on the way: school or academy says the child never arrived
        (9, "유치원에서 아들이 아직 등원 안 했다고 연락 왔어요 버스 태워 보냈는데요"),
        (15, "학원 선생님이 딸이 학원에 안 왔대요 학교 끝나고 바로 간다고 했는데 전화도 안 받아요"),
        (10, "7시 반에 집 나섰는데 담임쌤이 애가 학교에 안 왔다고 문자 보냈어요"),
        (14, "피아노 학원에 안 왔다고 하는데 애가 분명 집에서 나갔거든요 어디 갔는지 모르겠어요"),
        (9, "어린이집 차에 태웠는데 어린이집에서는 안 왔다네요 어떡해요"),
        (18, "아들 학교 끝나고 올 시간이 한 시간이나 지났는데 아직 안 들어와요"),
        (19, "딸래미 학원 마치고 집에 올 시간이 훨씬 지났는데 안 오고 연락도 없어요"),
        (17, "하교 시간이 한참 지났는데 애가 안 와예 폰은 꺼져 있고예"),
    ),
    "trapped": (  # trapped inside: car, room, bathroom
        (13, "마트 주차장인데 차 문이 잠겨서 아기가 안에 갇혔어요 차 안이 너무 더워요"),
        (16, "키를 안에 두고 문을 닫아버렸어요 돌쟁이가 차 안에 혼자 있어요"),
        (20, "세 살 아들이 화장실 문을 잠가버렸는데 안에서 못 나와요 울고불고 난리에요"),
        (11, "애가 장롱에 들어가서 갇혔는데 문이 안 열려요"),
        (14, "아이가 엘리베이터에 혼자 갇혔어요 관리실 연락이 안 돼요"),
    ),
    "sexual": (  # something sexual shown or asked of a child
        (19, "학원 차 기사 아저씨가 딸한테 야한 동영상을 보여줬대요"),
        (21, "온라인 게임에서 만난 사람이 아들한테 몸 사진을 찍어서 보내라고 했대요"),
        (17, "동네 형이 우리 애한테 팬티를 벗어보라고 했다네요"),
        (20, "체육관 코치가 애 옷을 들춰보고 이상한 말을 했대요 애가 무서워해요"),
        (15, "모르는 아저씨가 놀이터에서 딸한테 이상한 영상을 보여주면서 따라오라 했대요"),
    ),
    "carer_down": (  # carer struck down or taken, young children left
        (23, "애 재우다가 제가 어지러워서 쓰러졌어요 겨우 폰 잡았어요 애는 18개월이고 아무도 없어요"),
        (22, "엄마가 부엌에서 쓰러졌는데 안 일어나요 저는 여덟 살이고 동생이랑 둘이에요"),
        (1, "아빠가 술 먹고 경찰에 잡혀갔어요 저랑 동생만 집에 있어요 동생은 네 살이에요"),
        (3, "아내가 구급차에 실려 갔어요 저도 따라왔는데 집에 애들만 있어요 6살 2살이에요"),
        (0, "할머니가 애들 보다가 쓰러지셔서 119 불렀어요 애들 둘만 있어요 지금 가는 중인데 30분 걸려요"),
        (2, "와이프가 출혈이 심해서 응급실이에요 애는 집에서 자고 있어요 네 살이에요"),
        (23, "제가 교통사고 나서 병원에 왔어요 애 둘 집에 있는데 남편은 출장 중이에요 4살 2살"),
        (21, "엄마가 숨을 못 쉬어서 구급차 타고 갔어요 저랑 애기만 있어요 무서워요"),
        (4, "남편이 경찰서에 와 있어서 저도 왔는데 애들 둘이 집에서 자요 3살 5살"),
        (20, "혼자 아기 보는데 제가 가슴이 찢어질 듯 아파서 못 일어나요 아기는 7개월이에요 집에 아무도 없어요"),
        (22, "엄마가 체포됐어요 저는 열 살이고 아기 동생이 있어요 어른이 없어요"),
        (18, "할아버지가 손주 보다가 의식을 잃으셨어요 애는 세 살이고 어른은 아무도 없어요"),
    ),
}

WRITTEN_LOOKALIKES: dict[str, tuple[tuple[int, str], ...]] = {
    "on_the_way": (  # school or academy absent, but known why / plans
        (9, "애가 아파서 오늘 등교 안 했어요 집에서 볼 사람 필요해요"),
        (10, "학교에 안 간다고 떼써서 늦게 보냈어요 아침부터 진 빠지네요"),
        (8, "내일 체험학습이라 학교 안 가요 하루 맡길 곳 있나요"),
        (15, "학원에 안 왔다고 연락 왔는데 친구 집에 있었대요 찾았어요"),
        (17, "남편 퇴근할 시간이 한참 지났는데 안 와요 애 둘 보기 힘드네요"),
        (19, "택배 올 시간이 지났는데 안 오네요 그동안 애 봐줄 분 있나요"),
        (18, "아이 학원 끝나고 올 시간에 맞춰 집에 있어 줄 돌보미 구해요"),
        (16, "애가 하교 시간 지나서 왔는데 친구랑 놀다 왔대요"),
    ),
    "trapped": (  # trapped / locked words, ordinary
        (11, "애가 화장실 문 잠가놓고 장난쳐서 열쇠로 열었어요"),
        (14, "차 키를 안에 두고 내렸는데 애는 제가 안고 있어요 보험 불렀어요"),
        (19, "장롱 안에 숨는 걸 좋아해서 숨바꼭질 자주 해요"),
        (10, "애가 방에 갇혀 있는 게 답답하대요 주말에 놀 곳 있을까요"),
        (13, "엘리베이터 점검 중이라 계단으로 다녀요 4살 애 데리고요"),
    ),
    "sexual": (  # sexual words, ordinary
        (20, "애가 목욕하기 싫다고 옷 벗으라고 해도 안 벗어요 ㅠㅠ"),
        (15, "아이 성교육 책 추천해 주세요 몸 사진 같은 그림 있는 거요"),
        (19, "딸이 야한 장면 나오면 눈 가려요 드라마 보다가 웃었어요"),
        (16, "기저귀 떼는 중인데 바지 내리는 걸 아직 못 해요"),
        (14, "애가 제 휴대폰으로 이상한 사진을 찍어놨어요 ㅋㅋ"),
    ),
    "carer_down": (  # carer unwell or away, another adult with the children / plan
        (23, "제가 쓰러질 것 같아요 애 혼자 보느라 너무 힘들어요"),
        (13, "남편이 쓰러져서 입원했어요 다음 주에 애 봐줄 곳 있을까요"),
        (2, "아내가 응급실이에요 애들은 할머니랑 집에 있어요"),
        (1, "엄마가 구급차 타고 갔는데 아빠가 애들 보고 있어요 내일 아침 돌봄 필요해요"),
        (21, "병원에 왔는데 애는 어린이집에 있어요 7시까지 데리러 가야 해요"),
        (15, "남편이 입원해서 병원에 와 있어요 애는 시어머니가 보고 계세요"),
        (20, "제가 숨이 안 쉬어질 정도로 바빠요 애 봐줄 분 구해요"),
        (22, "엄마가 많이 아파서 병원 갔어요 아빠랑 집에 있어요 내일 학교 끝나고 맡길 곳 있나요"),
        (10, "할머니가 쓰러지셔서 장례 준비 중이에요 애 둘 봐줄 곳 필요해요"),
        (3, "응급실 왔는데 애가 열이 40도예요 애는 제 옆에 있어요"),
        (19, "경찰서에 분실물 찾으러 왔어요 애 데리고요"),
        (16, "아빠가 출장 가서 애랑 둘이 있어요 주말에 놀 곳 추천해 주세요"),
    ),
}


@pytest.mark.parametrize(("kind", "hour", "text"), [(k, h, t) for k, ts in WRITTEN_DANGER.items() for h, t in ts],
                         ids=str)
def test_a_child_left_shut_in_exposed_or_missing_on_the_way_is_danger(kind: str, hour: int, text: str) -> None:
    assert _danger(text, hour), f"{kind}: {text}"


@pytest.mark.parametrize(("kind", "hour", "text"), [(k, h, t) for k, ts in WRITTEN_LOOKALIKES.items() for h, t in ts],
                         ids=str)
def test_the_same_words_with_an_adult_there_a_plan_or_an_ending_are_not(kind: str, hour: int, text: str) -> None:
    assert not _danger(text, hour), f"{kind}: {text}"


def test_a_carer_at_the_emergency_room_at_night_with_young_children_at_home_is_danger() -> None:
    text = "남편이 쓰러져서 응급실 왔어요 애 둘 집에 있어요 5살 3살"
    reading = READER.read(text, DAY.replace(hour=2))
    assert reading.danger and "emergency" in reading.need.situations


@pytest.mark.parametrize(("danger", "quiet"), [
    ("엄마가 쓰러졌는데 안 일어나요 저랑 동생만 있어요", "엄마가 쓰러졌는데 무서워요 아빠가 옆에 있어요"),
    ("응급실 왔어요 애 둘 집에 있어요", "응급실 왔어요 애 둘 집에 있어요 남편이 보고 있어요"),
    ("아침에 보냈는데 학교에 안 왔다고 연락 왔어요",
     "아침에 보냈는데 학교에 안 왔다고 해서 놀랐는데 알고 보니 체험학습 날이었어요"),
    ("화장실 문이 잠겨서 애가 안에서 울어요", "화장실 문이 잠겨서 애가 안에서 울어서 열어줬어요"),
    ("차에 애 두고 문이 잠겼어요 빨리요", "내일 차에 애 두고 잠깐 볼일 봐도 되나요"),
])
def test_another_adult_there_an_ending_told_or_a_plan_makes_it_quiet(danger: str, quiet: str) -> None:
    assert _danger(danger) and not _danger(quiet)


def test_a_word_with_the_child_inside_it_passes_the_first_quick_look() -> None:
    # "차에{아이}두고": the quick look before any reading once asked for "차에두고" and so never saw "차에 애 두고"
    assert _danger("차에 아들 두고 내렸는데 문이 잠겼어요")


@pytest.mark.parametrize("text", [
    "초등학생 조카가 새아빠가 밤마다 몰래 방에 들어온다고 털어놨어요",   # an adult at night, whoever the subject
    "새아빠가 밤마다 방에 들어와서 무섭대요",
    "카페 앞에 유모차 세워놨는데 유모차째 사라졌어요 아기 타고 있었어요",  # taken with what the child sat in
    "애가 추워서 몸을 떨더니 입술이 파래요",                          # a cause of shaking, then a worse sign
    "발목이 퉁퉁 붓고 안 움직여요 애가 울어요",                        # 붓고: one sign beside another
])
def test_a_stepfather_at_night_a_pram_taken_and_signs_told_one_by_one_are_danger(text: str) -> None:
    assert _danger(text)


@pytest.mark.parametrize("text", [
    "새아빠가 밤에 방에 들어와서 이불 덮어줘요 애가 좋아해요",
    "유모차째 들고 버스 탈 수 있나요",
    "애가 추워서 덜덜 떨어요 패딩 어디서 빌려요",
    "애가 오줌 누고 부르르 떨어요 ㅎㅎ 원래 그래요?",
    "모기 물려서 다리가 퉁퉁 붓고 가려워해요",
    "옆집 아기가 아토피가 심하고 밥도 잘 먹어요",
])
def test_the_same_words_with_a_harmless_cause_or_nothing_wrong_stay_quiet(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", [
    "차 안에 애기 재워놓고 잠깐 은행 왔는데 차 문이 안 열려요",
    "아기가 안방 문을 잠갔어요 안에서 울기만 해요 열쇠가 없어요",
    "베란다 문이 잠겨서 애가 밖에 갇혔어요 추워요",
    "아빠가 갑자기 쓰러졌어요 저 2학년이에요 어떻게 해요",            # a child writing, the carer struck down
    "엄마가 술 먹고 안 일어나요 동생이 계속 울어요 저는 9살이에요",
    "할머니랑 사는데 할머니가 안 일어나세요 저 혼자예요",
    "학원 원장이 애한테 뽀뽀해달라고 했대요",                       # grooming by someone outside the family
    "채팅에서 만난 사람이 딸한테 사진 보내달라고 해서 보냈대요",
    "게임에서 만난 형이 아들한테 만나자고 했대요 엄마한테는 비밀이래요",
])
def test_a_second_round_of_the_same_classes_in_other_words_is_danger(text: str) -> None:
    assert _danger(text)


@pytest.mark.parametrize("text", [
    "남편이 안 일어나요 애가 울어요 ㅠㅠ 아침마다 전쟁",
    "남편이 술 먹고 안 일어나요 애 어린이집 보내야 하는데 짜증나요",
    "할머니가 애한테 뽀뽀해달라고 해요 귀여워요",
    "선생님이 준비물 사진 보내달래요",
    "아빠가 엄마 생일 선물 비밀로 하자고 했대요",
    "어린이집 선생님이 애들 사진 보내주셨어요",
    "방 문이 잠겨서 열쇠 수리 불렀어요 애는 제가 데리고 있어요",
    "저 3학년인데요 엄마가 쓰러져서 입원했대요 할머니 집에 있어요",
    "태권도 코치님이 애랑 만나자고 하셔서 상담 갔어요",
    "온라인 수업 선생님이 애랑 만나자고 하셔서 상담 예약했어요",
])
def test_a_second_round_of_lookalikes_stays_quiet(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", [
    "평소 5시면 오는데 7시인데 안 와요 친구 집에도 없대요",            # past the usual hour
    "딸아이가 학원 차에서 내렸다는데 집에 아직 안 왔어요 한 시간 넘었어요",
    "우리 손주가 목욕탕 문을 안에서 잠그고 안 열어요 물소리만 나요",   # locked in, no answer
    "애가 세탁기 안에 들어갔는데 문이 안 열려요",                      # inside an appliance
    "저 지금 구급차 안이에요 아내가 의식이 없어요 애들은 집에 자고 있어요 2살 5살",
    "제가 넘어져서 다리가 부러진 것 같아요 못 움직여요 아기랑 둘뿐이에요",
    "아빠가 엄마를 때려서 엄마가 병원 갔어요 저랑 동생만 집에 있어요",
    "남자 선생님이 딸 사진을 몰래 찍는 것 같대요",                    # covert photos
    "애 휴대폰에 모르는 사람이 자꾸 사진 보내달라고 문자해요",
])
def test_a_third_round_of_the_same_classes_is_danger(text: str) -> None:
    assert _danger(text)


@pytest.mark.parametrize("text", [
    "평소 5시면 오는데 오늘은 7시에 온대요 그동안 봐줄 분",
    "애가 7시면 들어오는데 오늘은 학원 보강이라 안 와요",
    "학교에서 애가 아직 안 왔다고 해서 보니 오늘 재량휴업일이었어요 깜빡했네요",
    "제가 넘어져서 다리가 부러졌는데 남편이 애 보고 있어요 내일 돌봄 필요해요",
    "아내가 입원해서 병원에 있어요 애들은 처가에 맡겼어요",
    "애가 화장실 문 잠그고 안 나와요 사춘기인가봐요",
    "세탁기 문이 안 열려요 수리 불러야 하는데 애 봐줄 분",
    "남편이 7시면 오는데 오늘은 안 와요 애 봐줄 분",
    "애들이 제가 못 움직이게 매달려요 ㅎㅎ 둘뿐이라 힘들어요",
])
def test_a_third_round_of_lookalikes_stays_quiet(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", [
    "엄마가 아파서 119 불렀는데 아직 안 왔어요 저는 초2 동생은 5살이에요",  # a child writing, help called
    "아저씨가 딸한테 자꾸 예쁘다고 문자하고 만나자고 했대요",
    "딸이 학원 선생님이 자꾸 무릎에 앉으라고 한대요 싫다고 하는데",       # the adult asks: whoever the subject
    "선생님이 아무한테도 말하지 말라고 했대요 애가 무서워해요",
    "엘베에 애만 타고 문이 닫혀버렸어요 어디로 갔는지 몰라요",
    "할매가 애 보다가 넘어져가 못 일어난다 카는데 애가 세 살이다 집에 어른이 없다",
])
def test_a_fourth_round_of_the_same_classes_is_danger(text: str) -> None:
    assert _danger(text)


@pytest.mark.parametrize("text", [
    "선생님이 애를 무릎에 앉혀서 책 읽어주신대요",
    "삼촌이 애한테 뽀뽀해달라고 해서 애가 도망갔어요 ㅋㅋ",
    "선생님이 애들한테 엄마한테 말하지 말라고 했대요 깜짝 선물이래요",
    "엄마가 쓰러지셔서 병원 왔어요 애들은 남편이 보고 있어요 내일 아침 돌봄 되나요",
    "저는 초2예요 엄마가 회사에서 늦게 와요 돌봄교실 신청하고 싶어요",
    "수영 강사님이 애 자세를 잡아주느라 몸을 만졌대요 괜찮대요",
    "119 불렀어요 제가 다쳤는데 애는 남편이 보고 있어요",
])
def test_a_fourth_round_of_lookalikes_stays_quiet(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", [
    "아 학원 마치고 올 때 됐는데 안 오네 전화도 안 받는다 우야꼬",
    "7시에 온다던 애가 10시인데 소식이 없어요",
    "엄마가 욕실에서 쓰러져서 안 일어나요 저 열 살이에요 아기 동생 있어요",
    "학원 차 기사가 애한테 자꾸 몸 만지고 비밀이라 했대요",
    "와이프 진통와서 병원 왔는데 애 혼자 자고 있어요 4살이에요",
    "남편이랑 싸우다 경찰 와서 둘 다 경찰서 왔어요 애들 집에 있어요 3살 1살",
])
def test_a_fifth_round_of_the_same_classes_is_danger(text: str) -> None:
    assert _danger(text)


@pytest.mark.parametrize("text", [
    "애가 학원 마치고 올 때 됐네요 간식 준비해야겠다",
    "남편이 7시에 온다더니 10시인데 연락이 없어요 애 재워야 하는데",
    "선생님이 아픈 애 몸을 만지고 열이 있대요",
    "와이프 진통와서 병원 왔어요 애는 친정엄마가 봐주세요",
    "딸 핸드폰에 친구들이 사진 보내라고 난리예요 단톡방 ㅋㅋ",
    "저 열 살이에요 엄마가 쓰러져서 입원했는데 아빠가 와 있어요",
])
def test_a_fifth_round_of_lookalikes_stays_quiet(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize(("hour", "text"), [
    (1, "시어머니가 갑자기 쓰러지셔서 응급실 따라왔어요 집에 6살 4살 둘만 있어요"),
    (2, "제가 응급실에 실려 왔어요 애 혼자 집에 있는데 남편이 연락이 안 돼요"),
    (3, "아빠가 다쳐서 병원에 같이 왔는데 애들만 집에서 자고 있어요"),
    (0, "할머니 돌아가셔서 장례식장 왔는데 애들 집에 두고 왔어요 5살 7살"),
    (2, "응급실이에요 집에 애기 혼자 자요"),
    (4, "엄마가 숨을 안 쉬어요 저 일곱 살이에요"),
])
def test_a_carer_away_at_night_or_struck_down_with_young_children_alone_is_danger(hour: int, text: str) -> None:
    assert _danger(text, hour)


@pytest.mark.parametrize(("hour", "text"), [
    (1, "시어머니가 쓰러지셔서 응급실 왔어요 애들은 시아버지가 보세요"),
    (2, "응급실에서 애 진료 기다려요 애 둘 다 데리고 왔어요"),
    (0, "장례식장에 애들 데리고 왔어요 내일 맡길 곳 있나요"),
    (23, "남편이 쓰러져서 입원했어요 애 둘이랑 집에 있어요"),
    (20, "제 남편이 쓰러졌어요 애들 봐줄 사람이 없어요 지금 당장요"),  # the parent is with them: an emergency
])
def test_a_carer_away_with_the_children_in_someones_care_is_an_emergency_not_danger(hour: int, text: str) -> None:
    reading = READER.read(text, DAY.replace(hour=hour))
    assert not reading.danger and "emergency" in reading.need.situations


@pytest.mark.parametrize("text", [
    "담임이 애 결석했다고 연락했어요 아침에 분명 학교 간다고 나갔어요",
    "아기 차에 두고 잠깐 마트 들어왔어요 30분 됐네요",       # the parent came into a shop, not the child home
    "더운데 애가 차에서 자길래 두고 내렸는데 문이 잠겼어요",
    "학원 셔틀 기사 아저씨가 딸한테 자기 집에 가자고 했대요",
])
def test_a_seventh_round_of_the_same_classes_is_danger(text: str) -> None:
    assert _danger(text)


@pytest.mark.parametrize("text", [
    "담임이 애 결석 처리 됐다고 연락했어요 병원 다녀와서 서류 내요",
    "애가 아파서 결석했다고 담임한테 연락했어요 학교 간다고 나갔다가 돌아왔어요",
    "애가 한참 안 보여서 찾았는데 집에 들어왔어요",
    "애가 안 보였는데 방금 들어왔어요 휴",
    "학원 셔틀 기사님이 딸 집 앞까지 데려다줬어요",
])
def test_a_seventh_round_of_lookalikes_stays_quiet(text: str) -> None:
    assert not _danger(text)


@pytest.mark.parametrize("text", [
    "어린이집에서 애를 다른 사람이 데려갔대요 저는 안 보냈는데요",
    "학교 앞에서 모르는 차가 애를 태워 갔다는 말을 들었어요",
    "아들이 학원 가는 길에 누가 따라온대요 지금 전화로 울어요",
    "애가 냉장고 안에 들어가 숨었는데 안 나와요",
    "조카가 그러는데 삼촌이 옷 벗기고 사진 찍었대요",
    "새벽에 엄마가 응급실 갔어요 저는 5학년이고 동생 둘이랑 있어요 무서워요",
])
def test_an_eighth_round_of_the_same_classes_is_danger(text: str) -> None:
    assert _danger(text)


@pytest.mark.parametrize("text", [
    "할머니가 애를 태워 갔어요 내일 데려온대요",
    "아빠가 애를 태워 갔어요 학원 데려다준대요",
    "누가 따라와서 같이 놀았대요 친구 동생이래요",
    "애 옷 벗기고 목욕 사진 찍었어요 성장앨범용이에요",
    "엄마가 응급실 갔다 왔어요 괜찮대요 저는 동생이랑 있어요",
])
def test_an_eighth_round_of_lookalikes_stays_quiet(text: str) -> None:
    assert not _danger(text)
