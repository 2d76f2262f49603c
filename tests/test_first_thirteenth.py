"""Which service comes first, from the thirteenth session's misses: after-school care with no day is a school day's
routine; a weekday list whose first day is over today; a trip of several nights; someone to come home asked in more
words; the carer's errand or mood as the reason for care; a child's past visit to the emergency room; a child about
to enter school; a daycare child known by its closing hour; eligibility by income or assets; "what is there"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described, first_service
from tests.shipped import READER

SEOUL = ZoneInfo("Asia/Seoul")
SUNDAY = datetime(2027, 3, 14, 10, 30, tzinfo=SEOUL)
MONDAY = datetime(2027, 3, 15, 9, 0, tzinfo=SEOUL)
TUESDAY_NIGHT = datetime(2027, 3, 16, 21, 0, tzinfo=SEOUL)
WEDNESDAY = datetime(2027, 3, 17, 11, 0, tzinfo=SEOUL)
FEBRUARY = datetime(2027, 2, 10, 10, 0, tzinfo=SEOUL)


@pytest.mark.parametrize(
    "text",
    [
        "초3 딸 방과후 2시부터 6시까지 맡길 데 있나요 신음동",
        "초1 아들 학교 마치고 2시부터 5시까지 봐줄곳 찾아요",
        "4학년 아들 하교 후 3시부터 7시까지 있을 데 있을까요 교동",
        "초2 딸래미 학교 끝나면 2시부터 6시 반까지 봐줄데요 양천동",
    ],
)
def test_after_school_care_with_no_day_is_a_school_days_routine(text: str) -> None:
    for now in (SUNDAY, MONDAY):
        assert described(text, now)["date"] is None
        assert first_service(text, now) == "after-school"


def test_after_school_care_starting_within_the_hour_is_today() -> None:
    now = datetime(2027, 3, 15, 14, 40, tzinfo=SEOUL)
    assert described("초3 딸 학교 마치고 3시부터 7시까지 봐줄데 있나요", now)["date"] == "2027-03-15"


@pytest.mark.parametrize(
    "text",
    [
        "초2 아들 다음주 화요일 학교 끝나고 3시부터 6시까지 맡길 데",
        "초4 딸 내일 방과후 2시부터 7시까지 봐줄곳",
    ],
)
def test_after_school_care_on_a_day_said_keeps_the_day(text: str) -> None:
    assert described(text, MONDAY)["date"] is not None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("초4 아들 학원 없는 화목 3시부터 6시까지 봐줄 데 있나요", "2027-03-18"),
        ("초3 딸 화금 4시부터 7시까지 맡길 곳", "2027-03-19"),
        ("초5 아들 월화수 2시부터 5시까지 봐줄데요", "2027-03-17"),
    ],
)
def test_a_weekday_list_whose_first_day_is_over_today_goes_to_the_next_listed_day(text: str, day: str) -> None:
    assert described(text, TUESDAY_NIGHT)["date"] == day
    assert first_service(text, TUESDAY_NIGHT) == "after-school"


def test_one_weekday_over_today_is_still_next_week() -> None:
    assert described("초4 아들 화요일 3시부터 6시까지 봐줄데", TUESDAY_NIGHT)["date"] == "2027-03-23"


@pytest.mark.parametrize(
    "text",
    [
        "다음주 수요일부터 2박3일 출장인데 초3 아들 봐주실 분 있나요",
        "금요일부터 3박4일 지방 출장이에요 초5 딸 밤까지 맡아주실 분",
        "2박 3일 출장 가요 초6 아들 봐주실 분 계세요",
    ],
)
def test_a_trip_of_several_nights_is_care_at_home_through_the_night(text: str) -> None:
    assert described(text, MONDAY)["services"][0] == "home-care"


@pytest.mark.parametrize(
    "text",
    [
        "초5 아들 저녁 9시부터 11시까지 집에 혼자라서 누가 좀 와줬으면 해요",
        "애 둘이랑 있는데 제가 너무 아파서요 오늘 저녁에 집에 와줄 사람 없을까요",
        "대덕면 사는데 아이돌봄 선생님 대덕까지도 와주나요?",
        "증산면인데 돌보미 선생님 거기까지 오나요?",
        "생후 4개월인데 육아우울증이 심해서 낮에 집으로 와서 도와주실분 찾아요",
    ],
)
def test_someone_to_come_home_asked_in_more_words_is_home_care(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "home-care"


@pytest.mark.parametrize(
    "text",
    [
        "친정이 멀어서 도와줄 사람이 없어요 내일 9시부터 6시까지 3살 맡길 곳",
        "남편이 야근이라 도와줄 분이 없어요 모레 10시부터 4시까지 20개월",
    ],
)
def test_no_one_to_help_is_the_familys_situation_not_a_home_visit(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "daycare-365"


def test_the_carers_mood_asked_about_alone_is_still_the_guidance_hub() -> None:
    assert first_service("산후우울증 때문에 너무 힘들어요 어디서 상담받을 수 있나요", WEDNESDAY) == "mom-center"


@pytest.mark.parametrize(
    "text",
    [
        "그저께 놀이터에서 넘어져서 응급실 갔었는데 괜찮대요 오늘은 집에서 쉬게 하고 싶어서 집에 와서 봐주실 분",
        "지난주에 응급실 다녀왔었는데 다 나았어요 그래도 이번주는 집으로 와서 봐주실 분 구해요 4살",
    ],
)
def test_a_childs_past_visit_to_the_emergency_room_is_no_carers_emergency(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "home-care"


def test_a_carer_taken_to_the_emergency_room_now_is_still_an_emergency() -> None:
    assert first_service("남편이 갑자기 응급실에 실려갔어요 4살 지금 봐줄 곳", WEDNESDAY) == "emergency-119"


def test_sudden_work_stays_an_emergency_as_the_domain_lists_it() -> None:
    # DOMAIN.md lists sudden work among the 119 centre's emergencies; the policy keeps it first
    morning = datetime(2027, 3, 17, 8, 30, tzinfo=SEOUL)
    assert first_service("오늘 갑자기 출근하래요 10시부터 6시까지 3살 율곡동", morning) == "emergency-119"


@pytest.mark.parametrize(
    "text",
    [
        "다음주에 건강검진 받으러 가는데 3시간 정도 18개월 아기 봐줄곳 있을까요",
        "금요일에 보험 상담 예약이 있어서 두돌 아기 맡길 데 찾아요",
        "내일 오전에 치과 검진 받으러 가야 해서 2살 봐주실 곳",
    ],
)
def test_the_carers_errand_is_the_reason_for_care_not_the_topic(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "daycare-365"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("영유아검진 받으러 가는데 뭐 챙겨가야 돼요?", "other-dept"),
        ("육아상담 예약이 있어서 가는데 몇시까지 해요?", "mom-center"),
    ],
)
def test_an_errand_with_no_care_asked_stays_the_topic(text: str, service: str) -> None:
    assert first_service(text, WEDNESDAY) == service


@pytest.mark.parametrize(
    "text",
    [
        "형이 동생 장난감 자꾸 뺏어서 맨날 싸워요 어떻게 해야 할지 상담받고 싶어요",
        "장난감 가지고 싸우는 남매 어떻게 해요 육아상담 되나요",
        "둘째가 첫째 장난감 던지고 부수고 난리예요 형제싸움 상담",
    ],
)
def test_toys_fought_over_are_a_parenting_question_not_a_loan(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "mom-center"


def test_a_toy_loan_stays_the_toy_library() -> None:
    assert first_service("3살 아기 장난감 빌리고 싶어요 어디로 가요", WEDNESDAY) == "toy-library"


@pytest.mark.parametrize(
    "text",
    [
        "3월에 입학하는 아들 학교 끝나고 2시부터 6시까지 어디 맡겨요? 율곡동",
        "내년에 초1 되는 딸 입학하면 방과후 2시부터 7시까지 돌봄 있나요",
        "이번 3월부터 초1 되는 아들 학교 마치고 2시부터 5시까지 봐줄 곳",
    ],
)
def test_a_child_about_to_enter_school_asked_after_school_care_is_a_first_grader(text: str) -> None:
    assert first_service(text, FEBRUARY) == "after-school"


def test_a_preschool_child_after_kindergarten_stays_a_preschool_child() -> None:
    assert first_service("6살 딸 유치원 끝나고 2시부터 6시까지 봐줄 곳", FEBRUARY) == "daycare-365"


@pytest.mark.parametrize(
    "text",
    [
        "어린이집이 7시에 끝나서요 9시까지 봐주는데 있을까요 율곡동",
        "퇴근이 늦는데 어린이집은 6시반에 끝나니까 8시까지 맡길 데",
        "유치원이 4시에 끝나는데 7시까지 봐줄 곳 대곡동",
    ],
)
def test_a_child_whose_daycare_closes_is_a_preschool_child(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "daycare-365"


@pytest.mark.parametrize(
    "text",
    [
        "재산 얼마 이하면 지원받을 수 있는지 궁금해요 애 둘",
        "소득이 얼마 이하면 셋째 지원 대상인지 알고 싶어요",
        "자산 얼마 이하여야 해요? 아이 둘 키우는데",
    ],
)
def test_eligibility_by_income_or_assets_is_the_other_departments(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "other-dept"
    assert described(text, WEDNESDAY)["place"] is None


def test_a_service_asked_about_beside_an_asset_rule_stays_that_service() -> None:
    assert first_service("자산 기준 때문에 지원 못 받는대요 아이돌봄 본인부담 얼마예요", WEDNESDAY) == "home-care"


def test_no_one_to_help_or_a_tired_wish_for_help_is_no_home_visit() -> None:
    assert "at_home" not in _situations("친정이 멀어서 도와줄 사람이 없어요 내일 3살 맡길 곳")
    assert "at_home" not in _situations("밤마다 혼자 애 둘 재우는데 누가 좀 도와줬으면")
    assert "at_home" in _situations("등원 좀 도와줄 분 필요해요 4살")


def _situations(text: str) -> frozenset[str]:
    return READER.read(text, WEDNESDAY).need.situations


def test_jasan_dong_named_as_a_place_is_still_the_place() -> None:
    assert described("자산동 사는데 4살 내일 맡길 곳 있나요", WEDNESDAY)["place"] == "자산동"


@pytest.mark.parametrize(
    "text",
    [
        "김천에 아이 맡길 수 있는 곳이 뭐뭐 있어요?",
        "애 맡길만한 데가 뭐뭐 있는지 한눈에 보고 싶어요",
        "아이 돌봄 되는 곳 한번에 보고 싶은데요",
    ],
)
def test_what_there_is_all_at_once_is_the_guidance_hub(text: str) -> None:
    assert first_service(text, WEDNESDAY) == "mom-center"
