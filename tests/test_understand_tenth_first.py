"""Which service comes first, from the tenth session's misses: an emergency that is over or the child's own is no
carer's emergency, a carer's sudden illness is one, a service named (even mistyped) is what is asked, a child kept
home sick after a shot needs care, other departments' support, and 365어린이집 where its hours and ages fit."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from routing.command import describe
from tests.reader_cases import first_service
from tests.shipped import READER, SHIPPED

SEOUL = ZoneInfo("Asia/Seoul")
WEDNESDAY = datetime(2027, 4, 14, 11, 0, tzinfo=SEOUL)
SATURDAY = datetime(2027, 4, 17, 15, 0, tzinfo=SEOUL)
FEBRUARY = datetime(2027, 2, 10, 11, 0, tzinfo=SEOUL)
K = SHIPPED
R = READER


def read(text: str, now: datetime = WEDNESDAY) -> dict:
    return describe(R.read(text, now), K)


def first(text: str, now: datetime = WEDNESDAY) -> str | None:
    return first_service(text, now)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("그저께 애가 놀이터에서 떨어져서 응급실 다녀왔는데 이상 없대요 오늘 집에서 봐주실 분 4살", "home-care"),
        ("딸이 장염으로 입원했다가 어제 퇴원했어요 이번주는 집에서 쉬어야 해서 봐주실 분 구해요 6살", "home-care"),
        ("아들이 팔에 깁스를 해서 돌봄교실은 못 간대요 내일 2시부터 6시까지 집에서 봐주실 분 초2", "home-care"),
        ("둘째가 발목 깁스 중이라 어린이집을 못 가요 내일 낮에 봐줄 분 있나요 3살", "home-care"),
    ],
)
def test_the_childs_own_hospital_stay_or_cast_is_no_carers_emergency(text: str, service: str) -> None:
    assert first(text) == service


@pytest.mark.parametrize(
    "text",
    [
        "큰애가 폐렴으로 입원해서 제가 병원에 있어야 돼요 작은애 4살 오늘 저녁 봐줄 곳",
        "할머니가 애 보다가 넘어지셔서 병원에 계세요 5살 오늘 맡길 곳",
        "애가 둘인데 남편이 갑자기 입원해서 내일 봐줄 곳 5살",
    ],
)
def test_a_carer_kept_at_the_hospital_is_still_an_emergency(text: str) -> None:
    assert first(text) == "emergency-119"


def test_a_child_hurt_now_is_both_danger_and_emergency() -> None:
    u = R.read("애가 다쳐서 피가 나요", WEDNESDAY)
    assert u.danger and "emergency" in u.need.situations


@pytest.mark.parametrize(
    "text",
    [
        "새벽부터 제가 배가 너무 아파서 응급실 가봐야 할 것 같아요 3살 4살 오늘 봐줄 분",
        "남편이 열이 펄펄 나고 숨이 차서 병원 가야 되는데 저도 따라가야 해요 5살 맡길 곳",
        "제가 갑자기 어지럽고 토해서 병원 가려는데 2살 봐주실 분",
    ],
)
def test_a_carers_sudden_illness_is_an_emergency(text: str) -> None:
    assert first(text) == "emergency-119"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("제가 감기 몸살이라 내일 하루 애 봐줄 사람 구해요 4살", "daycare-365"),
        ("제가 요즘 어지러워서 다음달에 병원 검사 예약했어요 그날 3살 맡길 곳", "daycare-365"),
        ("할매가 보는데 손주 열이 나서 내가 병원 데려가야 되가 2시부터 봐줄 사람 5살", "home-care"),
    ],
)
def test_a_carer_unwell_with_no_hospital_or_a_sick_child_is_no_emergency(text: str, service: str) -> None:
    assert first(text) == service


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("장남감도서관 회원증 어디서 만들어요 2살", "toy-library"),
        ("장난감도사관 이번주 토요일에 열어요?", "toy-library"),
        ("맘지언센터 육아 상담 예약하고 싶어요", "mom-center"),
        ("다함께돌봄쎈터 신청 서류 뭐 필요해요 초3", "after-school"),
        ("다함께돌봄센터 다니는 초3 딸인데 맘지원센터 부모교육 상담은 어떻게 받아요", "mom-center"),
    ],
)
def test_a_service_named_even_mistyped_is_what_is_asked(text: str, service: str) -> None:
    assert first(text) == service


def test_a_name_like_a_service_is_not_taken_for_it() -> None:
    assert read("가족지원센터 위치 알려주세요")["services"] == []


def test_a_child_starting_school_in_march_is_asked_about_as_a_pupil() -> None:
    assert first("3월에 학교 들어가는 딸 다함께돌봄 신청 어떻게 해요", FEBRUARY) == "after-school"
    # care wanted before school starts is for the preschool child
    assert first("3월에 입학하는 7살 아들 내일 2시부터 6시까지 맡길 곳", FEBRUARY) == "daycare-365"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("어제 예방접종 맞았는데 밤새 열이 나서 오늘 어린이집 못 보내요 3살", "home-care"),
        ("독감주사 맞고 열나서 유치원 못 가요 5살 내일 봐주실 분", "home-care"),
        ("예방접종 맞고 열이 나는데 해열제 먹여도 되나요 2살", "other-dept"),
        ("예방접종 다음 차수는 언제 맞아요 12개월", "other-dept"),
    ],
)
def test_a_child_kept_home_sick_after_a_shot_needs_care(text: str, service: str) -> None:
    assert first(text) == service


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("애가 화상 흉터가 있는데 치료비 지원 같은 거 있나요", "other-dept"),
        ("창문 방범창 설치 지원 시에서 해주나요 아기가 있어서요", "other-dept"),
        ("카시트 구입 지원 같은 것도 있나요", "other-dept"),
        ("맞벌이라 돌봄 지원 같은 거 있나요 5살", "daycare-365"),
        ("아이돌봄 지원 같은거 받을 수 있나요 3살", "home-care"),
    ],
)
def test_other_departments_support_but_not_care_support(text: str, service: str) -> None:
    assert first(text) == service


def test_a_weekday_said_in_a_schedule_on_that_day_keeps_its_morning() -> None:
    said = read("주말마다 일요일 9시부터 5시 6살", SATURDAY)
    assert (said["start"], said["end"], said["services"][0]) == ("09:00", "17:00", "daycare-365")
    said = read("매주 토요일 10시부터 4시까지 4살 맡길 곳", SATURDAY)
    assert (said["start"], said["end"], said["services"][0]) == ("10:00", "16:00", "daycare-365")
    # today's hours long begun are still asked about as before (held as tonight's)
    assert read("오늘 9시부터 5시까지 4살", SATURDAY)["start"] == "21:00"


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("돌보미는 비싸서 부담돼요 무료로 봐주는 곳 있나요 2살 오늘 저녁 6시부터 9시", "daycare-365"),
        ("시터 쓰기 부담스러워서요 내일 저녁 7시부터 10시 3살 맡길 곳", "daycare-365"),
        ("아이돌보미 신청하고 싶어요 3살 내일 2시부터 6시", "home-care"),
    ],
)
def test_a_service_turned_down_is_not_asked(text: str, service: str) -> None:
    assert first(text) == service


def test_a_child_born_in_a_school_year_who_goes_to_kindergarten_is_preschool() -> None:
    said = read("21년생 딸 유치원 다니는데 내일 8시부터 7시까지 맡길 곳")
    assert (said["school_grade"], said["services"][0]) == (None, "daycare-365")
    said = read("20년생 아들 유치원 다니는데 내일 2시부터 6시까지")
    assert (said["school_grade"], said["age_months"], said["services"][0]) == (None, 81, "daycare-365")
    said = read("20년생 아들 학교 끝나고 내일 2시부터 6시까지")
    assert (said["school_grade"], said["services"][0]) == (1, "after-school")
