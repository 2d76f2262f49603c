"""Ranking what parents write, read and ranked together: lead time with only an end, ages outside every
service, sick children in casual and dialect Korean, benefits and topics, school vacation hours."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from routing import texts
from routing.match import Ranking, rank
from tests.shipped import READER, SHIPPED

KST = ZoneInfo("Asia/Seoul")
SAT_2100 = datetime(2026, 11, 28, 21, 0, tzinfo=KST)
WED_1000 = datetime(2026, 11, 25, 10, 0, tzinfo=KST)
K = SHIPPED
R = READER


def ranked(text: str, now: datetime = WED_1000) -> Ranking:
    return rank(R.read(text, now).need, K)


def ids(text: str, now: datetime = WED_1000) -> list[str]:
    return [v.service.id for v in ranked(text, now).ranked]


def test_only_an_end_still_counts_the_booking_lead_time() -> None:
    r = ranked("4살 오늘 밤 10시까지 맡길 곳", SAT_2100)
    assert [v.service.id for v in r.ranked] == ["emergency-119"]
    assert r.ranked[0].reasons[0] == texts.LAST_RESORT_OFFERED
    home = next(v for v in r.rejected if v.service.id == "home-care")
    assert "최소 2시간 전에 예약해야 해서 지금 바로는 어렵습니다" in home.problems
    # with time to book, home visits come back and 119 is held back again
    later = ids("4살 내일 밤 10시까지 맡길 곳", SAT_2100)
    assert later[0] == "home-care" and "emergency-119" not in later


def test_a_fourteen_year_old_gets_one_clear_answer() -> None:
    r = ranked("14살 아이 내일 오후 3시부터 6시까지")
    assert r.outside_ages == "older" and [v.service.id for v in r.ranked] == ["other-dept"]
    assert r.ranked[0].reasons[0].startswith("만 14세(168개월) 아이는 이 돌봄 서비스들의 대상이 아닙니다")


def test_a_baby_under_three_months_is_told_no_service_takes_her() -> None:
    r = ranked("2개월 신생아 내일 오후 맡길 곳")
    assert r.outside_ages == "younger" and [v.service.id for v in r.ranked] == ["mom-center"]
    assert len(R.read("2개월 신생아 내일 오후 맡길 곳", WED_1000).children) == 1


@pytest.mark.parametrize(
    "text",
    [
        "애가 아파가 어린이집 못 보내요 4살",
        "4살 딸이 아프다 카네 내일 봐줄 사람",
        "몸이 안 좋아서 어린이집 못 가는 3살",
        "토해서 어린이집 못 가요 5살",
        "기침을 심하게 해서요 4살 아들",
        "장염이래요 3살",
        "수족구 걸렸어요 4살",
        "독감이라 등원 못해요 5살",
        "4살 열이 38도예요",
    ],
)
def test_a_sick_child_in_casual_words_goes_to_home_care_first(text: str) -> None:
    assert "sick" in R.read(text, WED_1000).need.situations
    assert ids(text)[0] == "home-care"


def test_apartment_is_not_a_sick_child() -> None:
    assert "sick" not in R.read("아파트 단지 안 어린이집", WED_1000).need.situations


@pytest.mark.parametrize(
    "text",
    ["부모급여 신청은 어디서 해요", "양육수당 문의", "아동수당 언제 나와요", "첫만남이용권 어떻게 써요",
     "국민행복카드 바우처 문의요", "영유아 건강검진 받는 곳", "아이 발달검사 받고 싶어요"],
)
def test_benefits_and_health_go_to_other_departments(text: str) -> None:
    assert ids(text)[0] == "other-dept"


def test_topics_inside_longer_phrases() -> None:
    assert ids("장난감을 빌리고 싶은데요")[0] == "toy-library"
    assert ids("육아 관련해서 상담을 좀 받고 싶어요")[0] == "mom-center"


def test_vacation_hours_reach_after_school_when_the_parent_says_vacation() -> None:
    term = ranked("초2 다음 주 화요일 오전 10시부터 오후 4시까지")
    assert "after-school" not in [v.service.id for v in term.ranked]
    vacation = ranked("방학 중에 초2 다음 주 화요일 오전 10시부터 오후 4시까지")
    assert vacation.ranked[0].service.id == "after-school"
    assert any("방학 중" in reason and "09:00-18:00" in reason for reason in vacation.ranked[0].reasons)


def test_a_parent_who_is_ill_is_not_a_sick_child() -> None:
    assert "sick" not in R.read("제가 몸이 안 좋아서 애 봐줄 분 찾아요", WED_1000).need.situations
    assert R.read("엄마가 아파서 입원했어요", WED_1000).need.situations == {"emergency"}
    assert "sick" in R.read("아이가 몸이 안 좋아서 못 가요", WED_1000).need.situations


def test_an_age_bound_is_not_an_age() -> None:
    """"6개월 미만" is a range (the dialog asks the months), not a six-month-old."""
    assert R.read("6개월 미만이에요", WED_1000).children == ()
    assert R.read("36개월 이하 아이", WED_1000).children == ()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("아이돌봄서비스 이용하고 싶어요", "home-care"),
        ("119돌봄 어떻게 맡겨요", "emergency-119"),
        ("365어린이집 보내고 싶어요 4살", "daycare-365"),
        ("다함께돌봄 보내려면 초2", "after-school"),
        ("다함께돌봄 보내려면 4살", "daycare-365"),  # named, but not for a preschool child
    ],
)
def test_a_service_named_comes_first_when_it_can_take_the_child(text: str, first: str) -> None:
    assert _first(text) == first


def test_an_elementary_grade_beats_an_age_given_in_korean_years() -> None:
    assert _first("초6 13살 딸 토요일 낮에") == "after-school"


def _first(text: str) -> str | None:
    found = ids(text)
    return found[0] if found else None


@pytest.mark.parametrize(
    "text",
    ["배탈이 나서 등원을 못 해요 3살", "눈병이라 어린이집 쉬래요 4살", "돌발진 같아요 14개월 내일 맡겨야 해요",
     "애가 아파가지고 어린이집 못 보내요 5살", "두드러기가 올라와서 등원 안 된대요 2살"],
)
def test_more_childhood_illnesses_go_to_home_care(text: str) -> None:
    assert _first(text) == "home-care"


@pytest.mark.parametrize(
    "text",
    ["4살 금요일 밤새 맡길 곳", "하룻밤 재워 주실 분 5살", "4살 내일 밤 9시부터 밤새",
     "평일 밤 10시부터 새벽 2시까지 4살", "외박해야 하는데 3살 애 맡길 데"],
)
def test_care_through_the_night_is_not_for_a_place_that_closes_at_midnight(text: str) -> None:
    assert _first(text) == "home-care"


def test_a_sudden_business_trip_is_an_emergency() -> None:
    assert _first("갑자기 출장이 잡혀서 내일 4살 맡길 곳") == "emergency-119"


def test_a_topic_asked_about_stays_first_for_a_baby_no_care_service_takes() -> None:
    assert ids("신생아인데 양육수당 신청은 어디서 해요")[0] == "other-dept"
    assert ids("생후 1개월 아기 맡길 곳")[0] == "mom-center"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("출근 전 6시부터 8시까지 초3 딸", "home-care"),  # no day said, but no day's after-school hours take it
        ("밤 11시부터 새벽 3시까지 5살", "home-care"),  # no day runs 365어린이집 past midnight
        ("오후 3시부터 6시까지 초3 딸", "after-school"),
    ],
)
def test_with_no_day_said_a_window_no_day_takes_is_rejected(text: str, first: str) -> None:
    assert _first(text) == first


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("누구한테 물어봐야 하나요 돌봄 신청", "mom-center"),
        ("어디서 문의하면 돼요?", "mom-center"),
        ("주민공간 예약 가능한가요", "mom-center"),
        ("모임 장소로 쓸 공간 빌릴 수 있어요?", "mom-center"),  # borrowing a room, not a toy
        ("한부모라서 받을 수 있는 지원 있나요", "other-dept"),
        ("차상위 가정 지원사업 알려주세요", "other-dept"),
        ("다문화가정 지원 있나요 5살", "other-dept"),
    ],
)
def test_where_to_ask_a_room_and_family_support_reach_their_service(text: str, first: str) -> None:
    assert _first(text) == first


@pytest.mark.parametrize(
    "text", ["집에 오셔서 봐주실 분 3살 내일 오후", "집으로 오실 수 있는 분 4살 토요일", "집에까지 와서 봐주나요 2살"]
)
def test_a_carer_coming_home_in_polite_forms_goes_to_home_care(text: str) -> None:
    assert _first(text) == "home-care"


def test_a_start_alone_needs_the_place_open_for_an_hour() -> None:
    wed_2350 = datetime(2026, 11, 25, 23, 50, tzinfo=KST)
    assert ids("지금 당장 맡겨야 돼요 6살 모암동", wed_2350) == ["emergency-119"]  # 365 closes in ten minutes
    assert _first("5살 저녁 7시부터") == "daycare-365"


@pytest.mark.parametrize(
    ("now", "first"),
    [
        (datetime(2026, 11, 28, 17, 30, tzinfo=KST), "emergency-119"),  # Saturday: 365 closes at 18:00
        (datetime(2026, 11, 29, 17, 55, tzinfo=KST), "emergency-119"),  # Sunday, five minutes before closing
        (datetime(2026, 11, 25, 22, 30, tzinfo=KST), "daycare-365"),  # a weekday: open 90 minutes more
        (datetime(2026, 11, 25, 23, 59, tzinfo=KST), "emergency-119"),
    ],
)
def test_care_from_now_with_no_end_is_not_sent_to_a_place_about_to_close(now: datetime, first: str) -> None:
    assert ids("네살 아이 바로 지금 맡길 데 있나요", now)[0] == first


@pytest.mark.parametrize(
    ("text", "first", "age"),
    [
        ("중1 딸이랑 초4 아들 내일 3시부터 7시까지", "after-school", 156),
        ("큰애 중2랑 다섯살 막내 모레 하루 맡길 곳", "daycare-365", 168),
        ("고1 아들하고 초2 딸 방과후 봐줄 곳", "after-school", 192),
        ("15살 형이랑 3살 동생 토요일 오전", "daycare-365", 180),
    ],
)
def test_with_several_children_the_recommendation_follows_the_child_care_here_takes(
    text: str, first: str, age: int
) -> None:
    u = R.read(text, WED_1000)
    assert u.children[0].age_months == age  # the first named stays first among the children
    assert ids(text)[0] == first


def test_the_first_child_named_is_still_reported_first() -> None:
    from routing.command import describe

    described = describe(R.read("중1 딸이랑 초4 아들 내일 오후", WED_1000), K)
    assert (described["age_months"], described["school_grade"]) == (156, None)
    assert described["services"][0] == "after-school"


@pytest.mark.parametrize(
    "text", ["상담원이랑 직접 통화하고 싶어요", "사람이랑 얘기하고 싶다고요", "직원하고 얘기할 수 있나요"]
)
def test_asking_for_a_person_is_consultation(text: str) -> None:
    assert _first(text) == "mom-center"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("학교가 일찍 끝나서 12시부터 5시까지 초2", "home-care"),  # after school means a school day, not Saturday
        ("아이돌봄 시간제로 쓰고 싶어요 5살 내일 오후 2시부터 5시", "home-care"),
        ("예방주사 어디서 맞혀요", "other-dept"),
        ("고뿔이 들어서 어린이집 못 가요 3살", "home-care"),
    ],
)
def test_school_day_words_part_time_care_shots_and_old_words_for_a_cold(text: str, first: str) -> None:
    assert _first(text) == first


@pytest.mark.parametrize(("said", "care"), [
    ("주민센터 문화강좌 들으러 가는 동안 4살 내일 오후 2시부터 5시까지 율곡동", "daycare-365"),
    ("양육수당 서류 내러 가야 해서 모레 10시부터 12시까지 세 살 봐줄 곳", "daycare-365"),
    ("예방주사 맞고 열나서 내일 9시부터 6시까지 집에서 봐주실 분 5살", "home-care"),
])
def test_a_topic_beside_hours_of_care_comes_after_the_care(said: str, care: str) -> None:
    found = ids(said)
    assert found[0] == care and "other-dept" in found


def test_a_topic_asked_alone_still_comes_first() -> None:
    assert ids("양육수당 신청은 어디서 해요? 아이 세 살")[0] == "other-dept"


@pytest.mark.parametrize(
    "text", ["초등학생 방학 동안 맡길 데 찾아요", "우리 애 초등학생인데 목요일 5시부터 7시", "초딩 아들 방과후 돌봄요"]
)
def test_a_school_child_without_age_or_grade_is_ranked_as_a_school_child(text: str) -> None:
    from routing.command import describe

    described = describe(R.read(text, WED_1000), K)
    assert (described["age_months"], described["school_grade"]) == (None, None)  # nothing is made up
    assert described["services"][0] == "after-school"
    assert "daycare-365" not in described["services"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("유치원 다니는 아들 금요일 저녁에 봐줄 데", 1),
        ("유치원생 딸 토요일 오전", 1),
        ("어린이집 다니는 쌍둥이 목요일 밤", 2),
        ("아들 하나 딸 하나 다 유치원 다녀요 금요일 저녁 8시까지", 2),
    ],
)
def test_a_child_at_kindergarten_or_daycare_without_age_is_a_preschool_child(text: str, count: int) -> None:
    from routing.command import describe

    u = R.read(text, WED_1000)
    kids = u.children or u.unnamed
    assert len(kids) == count and all(c.age_months is None and c.school is False for c in kids)
    assert describe(u, K)["children"] == [{"age_months": None, "school_grade": None}] * count
    assert ids(text)[0] == "daycare-365"


def test_a_daycare_mentioned_without_going_there_makes_no_child() -> None:
    u = R.read("어린이집 입소 대기 신청은 어디서 해요", WED_1000)
    assert u.children == () and u.unnamed == ()


@pytest.mark.parametrize(
    "text",
    [
        "아들이 장염이라 목요일에 못 보내요",
        "우리 딸 토요일에 봐줄 분",
        "손녀가 열이 나서 내일 집에서",
        "아가 맡길 데 있나",
        "외동딸이라 토요일에",
        "조카 좀 봐주실 분",
    ],
)
def test_a_child_named_without_age_is_one_child_whose_age_the_dialog_asks(text: str) -> None:
    from routing.command import describe

    u = R.read(text, WED_1000)
    assert u.children == () and len(u.unnamed) == 1  # the dialog's children stay unknown: it asks
    assert describe(u, K)["children"] == [{"age_months": None, "school_grade": None}]


@pytest.mark.parametrize(
    "text", ["아이돌봄서비스 신청하려고요", "딸기 농장 체험", "애들 봐줄 곳", "애매해서요 문의드려요"]
)
def test_words_that_are_not_one_child_make_no_child(text: str) -> None:
    assert R.read(text, WED_1000).unnamed == ()


def test_a_sick_child_at_short_notice_still_goes_to_home_care_with_the_lead_time_said() -> None:
    mon_0730 = datetime(2027, 1, 18, 7, 30, tzinfo=KST)
    r = ranked("아들이 새벽부터 열이 나서 오늘 9시부터 봐주실 분 4살", mon_0730)
    assert [v.service.id for v in r.ranked][:1] == ["home-care"]
    assert "최소 2시간 전에 예약해야 해서 지금 바로는 어렵습니다" in r.ranked[0].problems
    # a healthy child at the same short notice is not sent to home visits it cannot book in time
    assert ids("4살 오늘 9시부터 봐주실 분", mon_0730)[0] == "daycare-365"


@pytest.mark.parametrize(
    "text",
    ["육아 스트레스 때문에 하소연할 데가 없어요", "누구하고 얘기 좀 하고 싶어요 애 키우기 힘들어서", "산후우울 상담"],
)
def test_a_tired_parent_who_wants_to_talk_is_sent_to_consultation(text: str) -> None:
    assert _first(text) == "mom-center"


def test_a_tired_parent_who_asks_for_care_gets_care() -> None:
    assert _first("너무 지쳐서 내일 하루만 맡기고 싶어요 4살") == "daycare-365"


@pytest.mark.parametrize(
    "text",
    ["유아학비 얼마 나와요", "문화누리카드 신청", "다둥이카드 발급처", "산후조리비 지원 되나요", "학대예방 교육 신청"],
)
def test_more_benefits_and_programmes_reach_other_departments(text: str) -> None:
    assert _first(text) == "other-dept"


@pytest.mark.parametrize(
    "text", ["어떤 서비스가 있는지 알고 싶어요", "무슨 돌봄을 받을 수 있나요", "어린이집 고르는 게 어려워요"]
)
def test_asking_what_care_there_is_reaches_guidance(text: str) -> None:
    assert _first(text) == "mom-center"


def test_leave_and_many_children_said_beside_a_care_need_keep_care_first() -> None:
    assert _first("육아휴직 끝나고 복직해서 다음 주 월요일부터 4살") == "daycare-365"
    assert _first("다둥이라 힘들어요 토요일 4살 2살 맡길 곳") == "daycare-365"


@pytest.mark.parametrize(
    "text", ["베이비시터 구합니다 3살 금요일", "하원 도우미 있나요 5살", "학원 픽업해주실 분 초3 목요일 4시"]
)
def test_a_sitter_or_a_pickup_helper_is_home_care(text: str) -> None:
    assert _first(text) == "home-care"


@pytest.mark.parametrize("text", ["아들이랑 딸 토요일에 봐주실 분", "손녀하고 손자 봐줄 곳"])
def test_a_son_and_a_daughter_named_without_ages_are_two_children(text: str) -> None:
    assert len(R.read(text, WED_1000).unnamed) == 2


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("금요일 11시에 장난감 빌리러 가도 돼요?", "toy-library"),
        ("목요일 4시쯤 상담 받으러 가면 되나요", "mom-center"),
        # hours with a care word are care, whatever else the parent goes to do
        ("장난감 빌리러 가는 동안 목요일 4시부터 6시까지 4살", "daycare-365"),
    ],
)
def test_hours_for_visiting_the_service_asked_about_keep_it_first(text: str, first: str) -> None:
    assert _first(text) == first
