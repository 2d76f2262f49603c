"""Classes from the sixth held-out dev set and hand-checked batches: small hours said after they passed, loan
verbs, a carer's childbirth, family coming home, a child's hospital stay that is over."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from routing.command import describe
from tests.shipped import READER, SHIPPED

KST = ZoneInfo("Asia/Seoul")
KNOWLEDGE = SHIPPED
AFTERNOON = datetime(2026, 12, 8, 14, 0, tzinfo=KST)  # a Tuesday


def _read(text: str, now: datetime = AFTERNOON) -> dict:
    return describe(READER.read(text, now), KNOWLEDGE)


@pytest.mark.parametrize("text", [
    "오늘 새벽 2시까지 5살 아들 봐주실분",
    "새벽 3시까지 일해요 오늘 4살 딸 맡길 데",
    "새벽1시까지 오늘 애 좀 봐주세요 6살",
])
def test_small_hours_said_after_they_passed_today_are_tonights(text: str) -> None:
    got = _read(text)
    assert got["date"] == "2026-12-08" and got["end"] is not None and got["end"] < "04:00"
    assert got["services"][0] == "home-care"  # 365어린이집 closes at midnight


def test_small_hours_still_ahead_this_morning_stay_this_mornings() -> None:
    got = _read("오늘 새벽 3시까지 5살 아들 봐주실분", datetime(2026, 12, 8, 1, 0, tzinfo=KST))
    assert (got["date"], got["end"]) == ("2026-12-08", "03:00")
    assert READER.read("오늘 새벽 3시까지 5살", datetime(2026, 12, 8, 1, 0, tzinfo=KST)).need.end == 180


@pytest.mark.parametrize("text", [
    "아기 붕붕카 대여돼요?",
    "점퍼루 대여되나요 다수동",
    "쏘서 대여 가능한가요",
    "큰 장난감도 대여받을 수 있어요?",
])
def test_loan_verbs_in_any_form_ask_the_toy_library(text: str) -> None:
    assert _read(text)["services"][0] == "toy-library"


def test_a_toy_named_without_a_loan_is_not_a_loan() -> None:
    assert "toy-library" not in _read("보행기 타다 넘어졌어요 5개월")["services"]
    assert _read("공간 대여돼요? 엄마들 모임하려고")["services"][0] == "mom-center"


@pytest.mark.parametrize("text", [
    "아내가 진통이 와서 병원 가야해요 4살 첫째 봐주실분",
    "와이프 출산하러 가요 오늘 밤 5살 아이 맡길 곳",
    "애 낳으러 가야되는데 큰애 6살 어디 맡기죠",
    "집사람 양수가 터져서 병원가요 큰애 3살 봐줄사람",
    "둘째 출산 예정이라 다음주에 첫째 4살 맡길 곳",
])
def test_a_carers_childbirth_is_a_carers_emergency(text: str) -> None:
    assert _read(text)["services"][0] == "emergency-119"


@pytest.mark.parametrize("text", [
    "해열진통제 먹였는데 열이 안내려요 3살",
    "출산지원금 신청 어디서해요",
    "출산휴가 중인데 첫째 4살 어린이집 보내고 싶어요",
    "저출산 때문에 혜택 많다던데 부모급여 얼마에요",
])
def test_words_holding_childbirth_are_not_an_emergency(text: str) -> None:
    assert "emergency-119" not in _read(text)["services"][:1]


@pytest.mark.parametrize("text", [
    "아빠가 7시에 집에 와요 그때까지 4살 봐주세요",
    "우리 신랑이 6시면 집에 와여 그때까지만 5살",
    "남편 퇴근하고 집에 와야 애를 볼수있어서 그전까지 4살 봐주실분",
])
def test_family_coming_home_is_not_a_home_visit(text: str) -> None:
    assert "at_home" not in READER.read(text, AFTERNOON).need.situations


@pytest.mark.parametrize("text", [
    "남편이 출장이라 집으로 와서 봐주실 분 4살",
    "제가 야근이라 집에 와서 애 봐주실 분 있나요 5살",
    "집에 와주실 수 있는 선생님 계신가요 3살",
])
def test_a_helper_coming_to_the_home_is_still_a_home_visit(text: str) -> None:
    assert "at_home" in READER.read(text, AFTERNOON).need.situations


@pytest.mark.parametrize("text", [
    "아이가 지난주에 입원했었는데 퇴원하고 어린이집 다시 가기 전까지 봐주실 곳 4살",
    "애가 폐렴으로 입원했다가 어제 퇴원했어요 내일 9시부터 6시까지 5살",
    "아들 수술하고 퇴원했는데 아직 어린이집은 못가요 4살",
])
def test_a_childs_hospital_stay_that_is_over_is_not_a_carers_emergency(text: str) -> None:
    assert "emergency" not in READER.read(text, AFTERNOON).need.situations


@pytest.mark.parametrize("text", [
    "남편이 사고로 입원했어요 애 둘 4살 6살 봐줄 곳",
    "엄마가 입원했었는데 또 입원하게 됐어요 3살 맡길 곳",
    "큰애가 입원해서 병원에 있어야 해요 둘째 3살 봐줄곳",
])
def test_a_hospital_stay_now_is_still_an_emergency(text: str) -> None:
    assert "emergency" in READER.read(text, AFTERNOON).need.situations


@pytest.mark.parametrize("text", [
    "아가 몸이 쫌 안좋아가 어린이집 안보낼라꼬요 낼 3살",
    "애기 몸이 조금 안좋아서 내일 등원 못해요 2살",
])
def test_unwell_said_with_a_softener_is_a_sick_child(text: str) -> None:
    assert _read(text)["services"][0] == "home-care"


def test_the_home_care_service_asked_by_its_name() -> None:
    assert _read("아이돌봄 정부지원 신청은 어디서 해요")["services"][0] == "home-care"
    assert _read("아이 돌봄 가능한 곳 있나요 4살 내일")["services"][0] == "daycare-365"  # care sought, not the name


@pytest.mark.parametrize("text", ["돌 갓 지난 아기 내일 오전", "돌 막 지났어요 내일", "이제 돌 된 아기 내일"])
def test_just_past_the_first_birthday_is_twelve_months(text: str) -> None:
    assert _read(text)["age_months"] == 12


@pytest.mark.parametrize(("text", "start", "end"), [
    ("학교 끝나는 시간이 1시 반인데 그때부터 6시까지 초1", "13:30", "18:00"),
    ("유치원 끝나는 시간은 2시예요 2시부터 6시까지 6살", "14:00", "18:00"),
    ("끝나는 시간은 7시, 시작은 1시 4살 내일", "13:00", "19:00"),  # the care's own end, named
])
def test_when_school_ends_is_when_care_starts(text: str, start: str, end: str) -> None:
    got = _read(text)
    assert (got["start"], got["end"]) == (start, end)


@pytest.mark.parametrize(("text", "start", "end"), [
    ("내일 9-6 4살", "09:00", "18:00"),
    ("낼 10-4 3살 부탁해요", "10:00", "16:00"),
])
def test_a_bare_range_before_an_age_is_hours(text: str, start: str, end: str) -> None:
    got = _read(text)
    assert (got["start"], got["end"]) == (start, end)


def test_an_age_range_is_still_ages() -> None:
    got = _read("내일 3-5살 아이들")
    assert (got["start"], got["end"]) == (None, None)


@pytest.mark.parametrize(("text", "day"), [
    ("2주 뒤 토요일 10시부터 3살", "2026-12-26"),  # said on Monday 7 December: the Saturday of the week two weeks on
    ("일주일 후 금요일 저녁 4살", "2026-12-18"),
    ("두 주 뒤에 수요일 4살", "2026-12-23"),
    ("2주 뒤 4살", "2026-12-21"),  # no weekday: fourteen days
])
def test_weeks_later_and_a_weekday_name_that_weekday(text: str, day: str) -> None:
    assert _read(text, datetime(2026, 12, 7, 10, 0, tzinfo=KST))["date"] == day


@pytest.mark.parametrize(("text", "end"), [
    ("오늘 저녁 8시 쯤 까지 4살", "20:00"),
    ("내일 저녁 7시경까지 4살", "19:00"),
    ("내일 밤 9시 정도 까지 4살", "21:00"),
])
def test_an_end_with_about_before_until_is_an_end(text: str, end: str) -> None:
    got = _read(text)
    assert (got["start"], got["end"]) == (None, end)


def test_now_as_these_days_does_not_make_today_the_care_day() -> None:
    got = _read("그저께 열경련으로 응급실 다녀왔고 지금은 열도 내리고 잘 놀아요 근데 어린이집에서 며칠 쉬라 해서 "
                "내일 낮에 집에서 봐주실 분 구해요")
    assert (got["date"], got["start"], got["services"][0]) == ("2026-12-09", None, "home-care")
    assert _read("지금부터 내일 아침 8시까지 4살")["date"] == "2026-12-08"  # from now: today


def test_today_named_as_background_without_a_particle() -> None:
    got = _read("오늘 화요일이잖아요 다음주 월요일 오후 3시부터 7시까지 초3 딸이요")
    assert (got["date"], got["start"], got["end"]) == ("2026-12-14", "15:00", "19:00")


def test_a_count_before_the_verb_to_live_is_not_an_age() -> None:
    got = _read("할머니랑 저랑 애 셋 살아요 큰애 초4 둘째 초1 막내 5개월인데 막내만 내일 봐주실 분")
    assert len(got["children"]) == 3 and all(c["age_months"] != 36 for c in got["children"])


@pytest.mark.parametrize(("text", "first"), [
    ("초등학교 1학년 딸 있고 둘째는 4살 어린이집 다녀요", {"age_months": None, "school_grade": 1}),
    ("4살 딸이랑 둘째 2살 내일", {"age_months": 48, "school_grade": None}),
    ("막내 2살 그리고 6살 내일", {"age_months": 72, "school_grade": None}),
])
def test_a_child_said_without_a_rank_takes_the_rank_nobody_has(text: str, first: dict) -> None:
    assert _read(text)["children"][0] == first


@pytest.mark.parametrize(("text", "count"), [("삼둥이 키우는데 20개월이에요", 3), ("삼둥이 엄마예요 내일", 3)])
def test_samdungi_are_triplets(text: str, count: int) -> None:
    assert len(_read(text)["children"]) == count


@pytest.mark.parametrize(("text", "grade"), [
    ("3월에 6학년 되는 딸 개학하면 방과후 어디로 가야돼요", 5),
    ("2학년 올라갈 아들 방학에", 1),
    ("이번에 3학년 된 아들 내일", 3),  # already reached
])
def test_a_grade_about_to_be_reached_is_next_years(text: str, grade: int) -> None:
    assert _read(text)["school_grade"] == grade


def test_first_grade_about_to_be_reached_is_a_preschool_child() -> None:
    got = _read("3월에 1학년 되는 7살 딸 내일")
    assert got["school_grade"] is None and got["age_months"] <= 83


@pytest.mark.parametrize(("text", "first"), [
    ("엄마들끼리 독서모임 하려는데 빌릴수 있는 장소 있어요", "mom-center"),
    ("방학에 아이랑 들을만한 역사 체험교실 있나요", "other-dept"),
    ("장난감 빌릴 수 있는 곳", "toy-library"),
])
def test_what_is_borrowed_or_attended_names_the_service(text: str, first: str) -> None:
    assert _read(text)["services"][0] == first


@pytest.mark.parametrize(("text", "start", "end"), [
    ("어린이집 끝나고 6시부터 애 봐주실 분ㅠ 9시까지만요 아 아니다 10시까지 해주세요 27개월", "18:00", "22:00"),
    ("오늘 저녁 일곱시 반부터 열한시까지 맡길 수 있나요 아니 잠깐만 열시 반까지면 돼요 37개월", "19:30", "22:30"),
    ("오늘 밤 9시부터 12시까지는 아니고 11시까지요 20개월", "21:00", "23:00"),
    ("내일 오전 9시부터 12시까지 아니 11시까지 4살", "09:00", "11:00"),
    ("내일 밤 10시부터 새벽 2시 아니 3시까지 4살", "22:00", "03:00"),
])
def test_an_end_corrected_in_the_same_message_keeps_the_start(text: str, start: str, end: str) -> None:
    got = _read(text)
    assert (got["start"], got["end"]) == (start, end)


@pytest.mark.parametrize(("text", "day"), [
    ("외할머니 상 당해서 내일 모레 이틀 애들 봐주실분 5살 8살", "2026-12-09"),  # tomorrow and the day after
    ("낼모레 이틀간 4살", "2026-12-09"),
    ("내일모레 4살", "2026-12-10"),  # alone, 내일모레 is the day after tomorrow
])
def test_tomorrow_and_the_day_after_for_two_days_start_tomorrow(text: str, day: str) -> None:
    assert _read(text)["date"] == day


def test_past_midnight_names_which_hour_not_a_start() -> None:
    got = _read("지금 너무 급한데 아이 봐줄 곳 있을까요 3살 자정 넘어서 1시까지만",
                datetime(2026, 12, 8, 23, 30, tzinfo=KST))
    assert (got["start"], got["end"]) == ("23:30", "01:00")
    assert _read("오늘 밤 9시부터 자정까지 4살")["end"] == "00:00"


@pytest.mark.parametrize("text", [
    "애엄마가 계단에서 굴러서 발목이 부러졌대요 저도 병원 가봐야 해서 6살 아들 잠깐 맡길곳",
    "제가 다리 골절로 깁스해서 당분간 4살 등하원 도와주실분",
    "남편이 팔이 부러져서 수술해요 3살",
])
def test_a_carers_broken_bone_is_a_carers_emergency(text: str) -> None:
    assert _read(text)["services"][0] == "emergency-119"


def test_a_broken_thing_is_not_an_emergency() -> None:
    assert "emergency" not in READER.read("우산 부러져서 비맞고 왔어요 내일 4살 맡길곳", AFTERNOON).need.situations
