"""Classes of the eighth session, with new sentences: a subject said after a clause of harm (the carer hurt, not the
child), what someone saw is not who was hurt, 경상도 얼라/알라 as one child, and a service's hours asked beside the
care's hours."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, READER, described, first_service

THU = datetime(2027, 5, 20, 9, 40, tzinfo=KST)
"""A Thursday morning."""


def said(text: str, now: datetime = THU) -> dict:
    return described(text, now)


CARER_HURT = [
    "빙판에 미끄러져서 제가 발목이 부었어요 내일 애 봐주실 분",
    "교통사고가 나서 남편이 입원했어요 애들 맡길 데가 없어요",
    "어깨를 다쳐가지고 제가 애를 못 안아요 도와주실 분 있을까요",
    "넘어져서 내가 꼼짝을 못하겠어요 6살 딸 하원 좀",
]
CHILD_HURT = [
    "머리를 부딪혀서 엄마가 업고 뛰어가는 중이에요",  # the one carried is hurt
    "미끄럼틀에서 떨어져서 제가 보니까 팔이 이상하게 꺾였어요",  # what the parent saw
    "다쳐서 아빠가 병원 데려가는 중인데 피가 안 멈춰요",
    "애가 넘어져서 제가 너무 놀랐어요 이마에서 피가 철철 나요",
]


@pytest.mark.parametrize(("text", "danger"), [(t, False) for t in CARER_HURT] + [(t, True) for t in CHILD_HURT])
def test_a_subject_said_after_the_clause_of_harm_is_who_was_hurt(text: str, danger: bool) -> None:
    assert READER.read(text, THU).danger is danger, text


def test_a_carer_hurt_with_the_subject_after_the_clause_is_still_an_emergency() -> None:
    assert "emergency" in READER.read(CARER_HURT[1], THU).need.situations


@pytest.mark.parametrize("text", [
    "우리 얼라 토요일에 좀 맡기고 싶은데예",
    "알라가 배가 아프다 캐서 어린이집 몬 보내요",
    "얼라를 누가 좀 봐줬으면 좋겠심더",
])
def test_a_child_called_eolla_is_one_child(text: str) -> None:
    assert len(said(text)["children"]) == 1, text


def test_a_word_that_starts_with_alla_is_no_child() -> None:
    assert said("알라딘 영화 같이 볼 사람")["children"] == []


@pytest.mark.parametrize(("text", "end"), [
    ("거기 밤 10시까지 하는 거 맞죠? 모레 9시까지만 맡길게요", "21:00"),
    ("장난감도서관 6시까지 한다던데 저는 5시까지 있을 거예요", "17:00"),
    ("365는 자정까지 운영하나요? 토요일 오후 3시부터 11시까지 부탁드려요", "23:00"),
])
def test_a_services_hours_asked_beside_the_cares_are_not_the_cares_end(text: str, end: str) -> None:
    assert said(text)["end"] == end, text


def test_a_services_hours_asked_alone_still_read_as_said() -> None:
    assert said("토요일에 오후 4시까지 하나요?")["end"] == "16:00"


SAT_EVE = datetime(2027, 9, 4, 21, 10, tzinfo=KST)
"""A Saturday night, ten days before 추석 2027 (14-16 September)."""


def test_a_day_with_its_own_hours_said_after_the_time_the_child_comes_home_stays() -> None:
    assert said("중2 딸 오늘 학원 끝나는 게 10시라 그때까지 같이 있어줄 분")["date"] == "2027-05-20"


def first(text: str, now: datetime = THU) -> str | None:
    return first_service(text, now)


def test_a_procedure_asked_now_is_no_care_starting_now() -> None:
    out = said("양육수당 아직 신청 안했는데 지금 신청해도 소급 되나요", datetime(2027, 5, 22, 1, 20, tzinfo=KST))
    assert (out["date"], out["start"]) == (None, None)


@pytest.mark.parametrize(("text", "start", "end"), [
    # an evening word said as the end says nothing of the start's half
    ("학교 재량휴업이라 아침 9시부터 퇴근할 때까지 초1 봐줄 곳", "09:00", None),
    ("내일 10시부터 저녁까지 다섯살 부탁드려요", "10:00", None),
    # two times given as reasons and the time between them
    ("하원이 3시 반인데 남편 퇴근이 8시라서 그 사이에 봐주실 분", "15:30", "20:00"),
    # a correction keeps the half of the day of the hours it replaces
    ("내일 4시부터 7시까지.. 아 아니 7시부터 10시까지요", "19:00", "22:00"),
])
def test_hours_of_the_eighth_session(text: str, start: str, end: str | None) -> None:
    out = said(text)
    assert (out["start"], out["end"]) == (start, end), text


def ages(text: str, now: datetime = THU) -> list[int | None]:
    return [c["age_months"] for c in said(text, now)["children"]]


@pytest.mark.parametrize(("text", "expected"), [
    # two days, or a child's parents, 둘 다 are no two children
    ("수요일이랑 목요일 둘 다 야근이에요 다섯살 딸 저녁에 봐주세요", [60]),
    ("손주 초2인데 지 에미 애비 둘 다 출장 가서 내가 봐야 된다", [None]),
    # a count corrected, with the ages after it: a year and months that are two children
    ("애 둘이요 아 아니 셋이에요 6살 4살 3개월", [72, 48, 3]),
    # 막내까지: the youngest counted, not a label of the next age
    ("막내까지 넷이에요 9살 7살 4살 1살", [108, 84, 48, 12]),
    # weeks of a baby named
    ("아기 6주인데 잠깐 봐주실 분 있나요", [1]),
    ("출산한 지 2주 됐어요 첫째 4살 어린이집 하원만 부탁드려요", [48, 0]),
    # the month of life said with 차
    ("18개월차 아들 영유아검진 어디서 해요", [18]),
    # an age in whole years said again in months: one child
    ("두돌 지난.. 아 아니 26개월이요 맡길 데", [26]),
    ("돌 된 아가요.. 15개월이요 내일 오전에 잠깐", [15]),
    ("5살 1살 둘이에요 1살은 17개월이고요", [60, 17]),
    # ...but months said of another child stay another child
    ("돌 지난 아기랑 15개월 아기 둘 다", [12, 15]),
])
def test_children_of_the_eighth_session(text: str, expected: list[int | None]) -> None:
    assert ages(text) == expected, text


def test_a_carer_taken_to_hospital_tonight_makes_the_care_today() -> None:
    late = datetime(2027, 5, 21, 2, 10, tzinfo=KST)
    assert said("밤늦게 죄송합니다 남편이 쓰러져서 119 불렀어요 다섯살 아들 맡길 데", late)["date"] == "2027-05-21"


@pytest.mark.parametrize(("text", "expected"), [
    # 둘 다 of the adults' work
    ("어린이날 저희 둘 다 출근해요 네살 딸 9시부터 6시까지", [48]),
    # children in the plural: a grade and an age are two of them
    ("애들 엄마가 입원해서요 내일 초3 8살 봐주실 곳", [None, 96]),
    # the same grade singled out again with 아들만
    ("중1 딸이랑 초2 아들 있어요 초2 아들만 토요일 낮에 맡길게요", [156, None]),
])
def test_children_of_the_eighth_sessions_later_classes(text: str, expected: list[int | None]) -> None:
    assert ages(text) == expected, text


@pytest.mark.parametrize(("text", "field", "value"), [
    ("할배다 우리 손자 다섯살 모레 저녁 여덟시꺼정 봐줄 데 있나", "end", "20:00"),
    ("금요일 6시 반까정 맡길 데 있능교 세살", "end", "18:30"),
    ("초1딸 모레 세시부터일곱시까지 맡길수 있나요", "end", "19:00"),
])
def test_hours_said_in_dialect_or_glued(text: str, field: str, value: str) -> None:
    assert said(text)[field] == value, text


def test_a_child_told_by_the_daycare_to_rest_is_one_child() -> None:
    assert len(said("수족구라서 어린이집에서 일주일 쉬라고 하네요 내일 9시부터 봐주실 분")["children"]) == 1


@pytest.mark.parametrize(("text", "field", "value"), [
    # care from the pickup time said before, to when someone is back
    ("유치원 하원이 2시 반인데 제가 6시 넘어야 와요 하원부터 저녁 7시까지요 다섯살", "start", "14:30"),
    ("어린이집 4시 하원인데 데리러 갈 사람이 없어요 남편은 8시 넘어야 오고요 세살", "end", "20:00"),
    # the parent's work hours are the care's when the only other time is a place's own hours
    ("일요일 새벽 5시부터 오후 1시까지 근무라 애 봐주실 분요 어린이집은 9시부터라 안 돼요 네살", "start", "05:00"),
    # a substitute holiday of Labor Day
    ("근로자의날 대체휴일에 출근해요 9시부터 6시까지 네살", "date", "2027-05-03"),
])
def test_hours_and_days_of_the_eighth_sessions_last_dev_set(text: str, field: str, value: str) -> None:
    assert said(text, datetime(2027, 4, 20, 13, 0, tzinfo=KST))[field] == value, text


@pytest.mark.parametrize(("text", "expected"), [
    ("부모급여 0세 금액이 얼마예요 5개월 아들", [5]),
    ("지난주에 셋째 낳았어요 위에 애들은 6살 3살이에요 하원만 부탁드려요", [72, 36, 0]),
])
def test_children_of_the_eighth_sessions_last_dev_set(text: str, expected: list[int | None]) -> None:
    assert ages(text) == expected, text


def test_months_in_native_numbers_past_twenty() -> None:
    assert ages("손주가 스물세 달이에요 내일 맡길 데") == [23]


@pytest.mark.parametrize(("text", "expected"), [
    ("지난달에 출산했어요 첫만남이용권 어디서 받나요", [None]),
    ("애 둘인데 아 아니 사촌까지 셋이에요 다 어린이집 다녀요", [None, None, None]),
])
def test_children_of_the_measured_sets_classes(text: str, expected: list[int | None]) -> None:
    assert ages(text, datetime(2027, 2, 10, 9, 0, tzinfo=KST)) == expected, text


def test_a_child_starting_school_next_month_is_preschool() -> None:
    out = said("다음달에 초등학교 입학하는 딸 이번주 금요일에 맡길게요", datetime(2027, 2, 10, 9, 0, tzinfo=KST))
    assert out["children"][0]["school_grade"] is None


@pytest.mark.parametrize(("text", "now", "field", "value"), [
    ("담임입니다 학생이 어제도 오늘도 엄마한테 맞았다고 하고 팔에 멍이 있어요", THU, "danger", True),
    ("추석 연휴 목요일 16일 아침 9시부터 세살", datetime(2027, 9, 1, 9, 0, tzinfo=KST), "date", "2027-09-16"),
    ("애기 100일 됐어요 다음주 화요일 오전에 맡길 수 있나요", THU, "children",
     [{"age_months": 3, "school_grade": None}]),
    ("첫만남이용권 어디서 받아요? 지난달에 낳은 아기에요", THU, "children",
     [{"age_months": None, "school_grade": None}]),
])
def test_the_last_measured_sets_classes(text: str, now: datetime, field: str, value: object) -> None:
    out = said(text, now)
    assert (out[field] if field != "danger" else READER.read(text, now).danger) == value, text


def test_a_holiday_named_beside_a_weekday_is_no_date_in_numbers() -> None:
    friday = datetime(2027, 2, 5, 14, 0, tzinfo=KST)
    assert said("설 연휴 월요일에 근무라서 초1 딸 9시부터 6시까지", friday)["date"] == "2027-02-08"


@pytest.mark.parametrize(("text", "now", "field", "value"), [
    ("모레는 쉬는날이고 21일 금요일 저녁 6시부터 9시까지 네살", datetime(2027, 5, 17, 9, 0, tzinfo=KST),
     "date", "2027-05-21"),
    ("내일 오후 2시부터 6시까지 봐주실 분 세살 감천", THU, "place", "감천면"),
    ("오늘 엄마 대신", THU, "place", None),
    ("딸이 팔 깁스를 해서 유치원 못 가요 내일 9시부터 5시까지 집에서 봐주실 분 다섯살", THU, "services", None),
])
def test_fields_of_the_last_two_sets(text: str, now: datetime, field: str, value: object) -> None:
    out = said(text, now)
    if field == "services":
        assert out["services"][0] == "home-care", text
    else:
        assert out[field] == value, text


FIRST_SERVICE = [
    # a growth check is a health service of another department
    ("딸이 또래보다 키가 작아서 성장검사 받아보고 싶은데 어디로 가요", "other-dept"),
    # a carer's parent dying: a sudden emergency
    ("시아버지 임종 지키러 지금 부산 가야 돼요 8살 딸 오늘 저녁까지 봐줄 곳", "emergency-119"),
    # sickness in more words: 앓다, 끙끙, 컨디션이 영
    ("둘째가 어제부터 끙끙 앓는데 내일 유치원 몬 보내요 다섯살 아침 9시부터 3시까지", "home-care"),
    ("딸래미 컨디션이 영 아니라서 내일 어린이집 안 보내려구요 세살 8시부터 5시", "home-care"),
    # the teacher is ill, not the child
    ("초4 아들 오늘 태권도 쌤이 아프셔서 수업이 없대요 3시부터 5시까지 맡길 데", "after-school"),
    # the birth already happened: a stay at the 조리원 is no emergency
    ("딸이 셋째 낳고 산후조리원에 있어서 제가 손주 보는데 금요일에 병원 예약이라 9시부터 1시까지 네살", "daycare-365"),
    # a benefit asked about: the city's other departments
    ("초등학교 입학 축하금 받을 수 있나요 내년에 입학하는 딸 7세반이에요", "other-dept"),
    # a last resort named for hours of a planned day is not first when a facility fits
    ("119돌봄센터에 맡겨도 되나요? 다음주 목요일 동창회라 낮 12시부터 5시까지 3살", "daycare-365"),
    # ...but asked about itself, it is
    ("119돌봄센터 주차 되나요?", "emergency-119"),
    # a carer's sudden back injury
    ("애 보다가 허리가 삐끗해서 일어나질 못해요 내일 하루 봐주실 분 네살", "emergency-119"),
    # the youngest singled out, the elder named without an age: the baby said is the younger
    ("큰애는 할머니댁 가고 작은애만 토요일 9시부터 5시까지 맡길게요 20개월", "daycare-365"),
    ("아파트에 불이 나서 다 대피했어요 다친 사람은 없는데 애들 6살 3살 맡길 데가 급해요", "emergency-119"),
    ("언어 발달 정밀검사 비용 지원 받을 수 있나요 4살", "other-dept"),
    # the emergency's service first, the care service named next
    ("시아버지가 오늘 입원하셔서 하원 시켜줄 사람이 없어요 4살 4시부터 7시까지", "emergency-119"),
    ("장난감도서관 6시까지죠? 지금 가면 5시 반쯤 도착하는데 대여할수 있나요 두살", "toy-library"),
    ("새벽에 애가 열나서 응급실 갔다가 방금 왔어요 내일 9시부터 봐주실분 세살", "home-care"),
    ("내일 밤 야근 8시~11시 막내 맡길 수 있나요 4살 큰애는 중1이라 집에 있어요", "daycare-365"),
    ("시외삼촌 상을 당해가 다들 상가 가야 된다 손녀 네살 오늘 밤 11시까지 봐줄 데 있나", "emergency-119"),
    ("친구 아버님 초상나서 내일 상갓집에 가야 돼요 손자 세살 아침 9시부터 저녁 6시까지", "emergency-119"),
    ("다음주 화요일 아침 7시부터 수요일 아침 9시까지 집에서 우리 딸 29개월 봐주실 분", "home-care"),
    ("입학식날 둘째 봐줄 사람이 없어요 둘째는 20개월 오전 9시부터 12시까지 첫째는 초1", "daycare-365"),
    ("애 넷인데 막내만 맡기고 싶어요 16개월 내일 10시부터 3시", "daycare-365"),
    ("애들 봐주시던 시어머니가 오늘 아침 계단에서 다치셨어요 4살 봐줄 곳", "emergency-119"),
]
"""Which service comes first, one line per class the fresh sets showed (a carer's emergency, sickness told in new
words, a last resort named for hours, the child cared for singled out, benefits, visits ...)."""


@pytest.mark.parametrize(("text", "service"), FIRST_SERVICE)
def test_which_service_comes_first_for_the_eighth_sessions_classes(text: str, service: str) -> None:
    assert first(text) == service, text


DANGER = [
    ("자고 나오니 현관문이 열려 있고 다섯살 딸이 집에 없어요", True),
    ("땡볕에 한참 있더니 애가 축 늘어져서 헛소리를 해요", True),
    ("모기 물린 데를 긁어서 피가 났어요 모기 기피제 나눠주나요", False),
    ("애 재우다가 저도 같이 쓰러져 잤어요 ㅎㅎ 내일 365 되나요", False),
    ("할머니 당뇨약 통이 열려 있고 애가 몇 알 먹은 것 같아요 세살", True),
    ("유치원에서 아빠가 데려갔다는데 애 아빠는 안 데려갔대요 누가 데려간건지 몰라요", True),
    ("놀이터에서 벌에 쏘였는데 입술이 부어오르고 숨을 힘들어해요 6살", True),
    ("연기가 자꾸 나요 애가 안에 있는데 문이 안 열려요", True),
    ("박스에 들어가서 놀다가 뚜껑이 안 열려요 소리가 점점 작아져요", True),
    ("승강기에 애 혼자 탔는데 층 사이에 멈춰서 갇혔어요", True),
    ("목욕물 받아놓고 잠깐 나왔는데 애가 엎드려있었어요", True),
    ("딸이 이웃 아저씨가 몰래 만졌다고 해요 지금 그 아저씨 집 앞에 있대요", True),
    ("병원 예약이랑 일정이 부딪혀서 수요일 하원을 못 해요", False),
    ("타요에서 버스가 물에 빠지는 장면 보고 애가 울었어요", False),
    ("애 로션 발라주면서 몸을 만지면 간지럽대요 ㅎㅎ", False),
    ("할배가 손자 보다가 미끄러져가 팔이 부러졌다 카네 애는 이웃집에 있다 오늘 저녁까지 봐줄 데", False),
    ("애가 자꾸 베란다 난간에 올라가서 안전망 설치지원 사업 있나요", False),
    ("애 안고 가다가 넘어졌는데 애가 안 울고 축 늘어져요", True),
    ("우리 아 어데 갔노 삼십분째 아파트 다 찾아봐도 없다 다섯살", True),
    ("이틀째 굶었다는 애가 편의점 앞에 혼자 있어요 얇은 옷 입고", True),
    ("옆집 애 셋만 지금 집에 있는데 부모랑 연락이 안 돼요 다 어려요", True),
    ("딸이 학원 끝났는데 집에 안 왔어요 전화도 안 받고 한 시간째예요", True),
    ("오늘 독감주사 맞고 와서 자는데 내일 유치원 보내도 되죠?", False),
    ("잃어버린 열쇠를 여기저기 찾아봐도 없어요", False),
    ("원장님이 애 팔을 세게 잡아끌고 때리는 걸 씨씨티비로 봤어요 애는 아직 그 어린이집에 있어요", True),
    ("애가 자꾸 삼켜서 걱정이에요 삼킴 방지 안전용품 정보 있을까요", False),
    ("애 떼어놓고 출근하려니 마음이 안 좋아요", False),
    ("빌린 그림책을 애가 잃어버렸어요 변상해야 하나요", False),
    ("옆 건물 2층 창틀에 아기가 올라가 있어요 안에 어른이 안 보여요", True),
    ("학원 선생님이 애 잡아끌고 때리는거 방금 봤어요", True),
    ("두살 아기가 화장실에 들어가서 문 잠그고 갇혀서 울어요", True),
    ("놀이터에 기저귀 찬 아기가 혼자 돌아다녀요 어른이 없어요", True),
    ("통학차에서 동생이랑 떨어져 앉혀도 되나요", False),
    ("초등학생 혼자 집에 있는 거 몇살부터 괜찮아요?", False),
]
"""Danger and its lookalikes, one line per class the fresh sets showed."""


@pytest.mark.parametrize(("text", "danger"), DANGER)
def test_danger_and_lookalikes_of_the_eighth_sessions_classes(text: str, danger: bool) -> None:
    assert READER.read(text, THU).danger is danger, text


DAYS_AND_FIELDS = [
    # a tilde range before a word: "10~4" is 10:00-16:00
    ("다섯살 모레 9~5 아포", THU, "start", "09:00"),
    ("다섯살 모레 9~5 아포", THU, "end", "17:00"),
    # a hyphen range before what is needed; lunch as the start before one clock; the hour work starts as a reason
    ("평일에 9-6 필요해요 3살", THU, "start", "09:00"),
    ("평일에 9-6 필요해요 3살", THU, "end", "18:00"),
    ("다음 주 화요일 점심때부터 저녁 6시 4살", THU, "start", "12:00"),
    ("다음 주 화요일 점심때부터 저녁 6시 4살", THU, "end", "18:00"),
    ("모레 아침 9시 출근이라 8시 반에 맡기고 싶어요 5살", THU, "start", "08:30"),
    # the nth weekday of a month without 주 ("7월 둘째 토요일")
    ("8월 셋째 금요일에 4살 맡기고 싶어요", THU, "date", "2027-08-20"),
    ("6월 둘째 화요일 오후 3시부터 6시", THU, "date", "2027-06-08"),
    # 지금 as the child's state, then a weekday named as when care is wanted: that day, not from now until it
    ("지금 아들이 독감이래요 유치원 못 가서 토요일에 와주실 분 구해요", THU, "date", "2027-05-22"),
    ("지금 둘째가 장염이라 월요일에 봐줄 사람 있을까요", THU, "date", "2027-05-24"),
    ("지금부터 토요일 아침까지 애 봐주실 분", THU, "date", "2027-05-20"),
    # 지금 as the state of the child, with its own start on the day named: not from now
    ("애가 지금 기침을 심하게 해서 모레 아침 9시부터 3시까지 와주실 분", THU, "date", "2027-05-22"),
    ("애가 지금 기침을 심하게 해서 모레 아침 9시부터 3시까지 와주실 분", THU, "start", "09:00"),
    # a bare start said before with its half of the day
    ("내일 새벽 6시에 나가야 돼서요 6시부터 10시까지 네살", THU, "start", "06:00"),
    ("내일 새벽 6시에 나가야 돼서요 6시부터 10시까지 네살", THU, "end", "10:00"),
    # 담날 after a holiday
    ("추석 담날 오전 10시부터 오후 5시까지", SAT_EVE, "date", "2027-09-16"),
    # the weekend day right after a holiday
    ("추석 지나고 토요일에 아홉시부터", SAT_EVE, "date", "2027-09-18"),
    # the week said a few words before a bare weekday
    ("다담주에는 목요일 오후 2시부터 봐주세요", SAT_EVE, "date", "2027-09-16"),
    ("담주에 혹시 화요일 저녁 7시부터 가능할까요", SAT_EVE, "date", "2027-09-07"),
    # a holiday named as what the calendar is, then the care day
    ("한글날 토요일이고 월요일이 대체휴일이잖아요 월요일 9시부터 6시", datetime(2027, 10, 6, 10, 0, tzinfo=KST),
     "date", "2027-10-11"),
    # the day help comes back is not the care day
    ("신랑이 출장 갔다가 목요일에 와요 그때까지 내일 저녁 6시부터 9시까지", THU, "date", "2027-05-21"),
    # 오늘 said after a run of holidays named as background is the care day
    ("추석 연휴인데 저 공장 출근이에요 오늘 8시부터 5시까지 다섯살", datetime(2027, 9, 14, 6, 30, tzinfo=KST),
     "date", "2027-09-14"),
    ("모레 10-4 여섯살 혁신도시 되나요", THU, "start", "10:00"),
    ("석가탄신일 전날 야간이라 저녁 7시부터 다음날 아침 7시까지 두살", datetime(2027, 5, 3, 9, 0, tzinfo=KST),
     "date", "2027-05-12"),
    ("한글날 대체휴일 다음 날에 9시부터 5시까지 네살", datetime(2027, 10, 1, 9, 0, tzinfo=KST), "date", "2027-10-12"),
    ("제헌절 지나서 월요일도 쉬죠? 그날 9시부터 3시까지 다섯살", datetime(2027, 7, 14, 9, 0, tzinfo=KST),
     "date", "2027-07-19"),
    ("남편이랑 주말부부라 혼자 봐요 목요일 저녁 6시부터 9시까지 네살", datetime(2027, 7, 13, 9, 0, tzinfo=KST),
     "date", "2027-07-15"),
    ("아들이 수두라 금요일까지 유치원에 못 가요 내일 8시부터 6시까지 봐주실 분", THU, "date", "2027-05-21"),
    # sent home sick from school now: today
    ("학교 보건실에서 열난다고 조퇴시킨대요 2학년 오후에 봐주실 분", THU, "date", "2027-05-20"),
    # the day before a holiday named, then the date with the hours
    ("설 전에 5일 금요일 저녁 6시부터 9시까지 세살", datetime(2027, 1, 25, 9, 0, tzinfo=KST), "date", "2027-02-05"),
    # a past clause in dialect (갔어예) is no care day
    ("열나가 오늘 어린이집 못갔어예 낼 하루 봐줄 사람 있습니꺼 4살", THU, "date", "2027-05-21"),
    # a day said as a whole day after leaving now
    ("시아버지 돌아가셨다고 연락와서 지금 내려가요 모레 하루 맡길 곳 두살", THU, "date", "2027-05-22"),
    # a day said with the reason care is needed, then tonight's hours
    ("낼 아침 시험이라 오늘 밤 10시부터 12시까지 봐주실 분 다섯살", THU, "date", "2027-05-20"),
    ("오늘 오후 4시부터 8시까지 두돌아기", THU, "children", [{"age_months": 24, "school_grade": None}]),
]
"""A field read from a message sent at ``now``, one line per class of days, hours and children the fresh sets showed."""


@pytest.mark.parametrize(("text", "now", "field", "value"), DAYS_AND_FIELDS)
def test_days_hours_and_children_of_the_eighth_sessions_classes(text: str, now: datetime, field: str,
                                                                 value: object) -> None:
    assert said(text, now)[field] == value, text
