"""Which service comes first, and which day, from the thirteenth session's second look: a carer's own sudden fever
before the hospital; a hospital stay planned days ahead; a birth month said as 'N년 전'; where to start among several
needs; a late pick-up at the after-school centre past the parent's own overtime; a question about a programme or a
benefit that tells about today or a deadline, with no care asked."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described, first_service

SEOUL = ZoneInfo("Asia/Seoul")
SATURDAY = datetime(2027, 3, 13, 7, 50, tzinfo=SEOUL)
THURSDAY = datetime(2027, 3, 11, 16, 0, tzinfo=SEOUL)
TUESDAY = datetime(2027, 3, 9, 8, 30, tzinfo=SEOUL)
EVENING = datetime(2027, 3, 9, 21, 30, tzinfo=SEOUL)


@pytest.mark.parametrize(
    "text",
    [
        "제가 밤새 열이 나고 몸살이 심해서 병원 다녀올 동안 5살 딸 좀 봐주실 수 있나요",
        "아침부터 제가 고열에 오한이 와서 병원에 다녀올 동안만 4살 7살 맡길 데 있을까요",
        "남편 출장 갔는데 제가 몸살이 너무 심해요 병원 갔다올 동안 3살 아들 봐주세요 대곡동",
        "저도 열이 39도라 병원 좀 다녀와야 하는데 6살이랑 2살 봐주실 분 계세요",
    ],
)
def test_a_carer_too_ill_to_look_after_the_children_is_the_carers_emergency(text: str) -> None:
    assert first_service(text, SATURDAY) == "emergency-119"


@pytest.mark.parametrize(
    "text",
    [
        "애가 열이 39도라 병원 다녀올 동안 동생 4살 좀 봐주실 곳",
        "4살 딸이 밤새 열이 나서 어린이집 못 가요 오늘 집에서 봐주실 분",
    ],
)
def test_a_sick_child_still_goes_to_home_care(text: str) -> None:
    assert first_service(text, SATURDAY) == "home-care"


@pytest.mark.parametrize(
    "text",
    [
        "다음주 화요일에 예정된 수술로 입원해요 30개월 아들 화수목 9시부터 6시까지 맡길 데 있나요",
        "셋째 출산 예정이라 다음주 수요일에 입원해요 첫째 4살 평일 8시부터 7시까지 봐줄 곳",
        "다음주 월요일 계획된 제왕절개라 입원해요 2살 딸 월화 낮에 9시부터 5시까지 어린이집 같은데",
    ],
)
def test_a_hospital_stay_planned_days_ahead_is_no_sudden_emergency(text: str) -> None:
    assert first_service(text, THURSDAY) == "daycare-365"


@pytest.mark.parametrize(
    "text",
    [
        "내일 수술 예정이라 입원해요 3살 아들 내일 9시부터 6시까지 봐줄 곳",
        "예정보다 일찍 진통이 와서 다음주 월요일에 입원해요 첫째 3살 9시부터 6시까지 맡길 데",
        "다음주 월요일에 제가 수술이 잡혀서 입원해요 3일 동안 32개월 애기 봐줄데 있을까요",
    ],
)
def test_a_stay_tomorrow_an_early_one_or_one_not_said_planned_stays_an_emergency(text: str) -> None:
    assert first_service(text, THURSDAY) == "emergency-119"


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2년 전 3월에 태어났어요 다음주 월요일 1시부터 4시까지 봐주실 수 있나요", 23),
        ("우리 딸은 3년 전 5월에 태어났는데 토요일 10시부터 2시까지 맡길 데", 33),
        ("둘째만 봐주세요 둘째는 1년 전 1월에 태어났어요 내일 2시부터 5시", 13),
    ],
)
def test_a_birth_month_said_years_back_gives_the_age(text: str, months: int) -> None:
    assert described(text, THURSDAY)["age_months"] == months
    assert first_service(text, THURSDAY) == "daycare-365"


def test_years_back_with_no_birth_is_no_age() -> None:
    assert described("2년 전 9월에 이사 왔어요 내일 2시부터 5시까지 봐줄 데", THURSDAY)["age_months"] is None


@pytest.mark.parametrize(
    "text",
    [
        "이사 온 지 얼마 안 됐어요 어린이집도 알아봐야 되고 장난감도 빌려야 되고 할 게 많네요"
        " 어디서부터 물어봐야 할까요",
        "장난감 대여랑 예방접종이랑 이것저것 알아볼 게 많은데 뭐부터 알아봐야 하나요 28개월",
        "김천 처음이라 장난감 빌리는 거며 부모급여며 여러가지 궁금한데 어디서부터 물어봐야 될지",
    ],
)
def test_where_to_start_among_several_needs_is_the_hub(text: str) -> None:
    assert first_service(text, TUESDAY) == "mom-center"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("장난감도서관 회원 가입은 어디서 해요? 28개월", "toy-library"),
        ("3월 복직인데 뭐부터 해야될지.. 13개월 아기 평일 9시부터 6시까지 맡겨야 해요 백옥동", "daycare-365"),
    ],
)
def test_one_need_or_care_asked_keeps_its_service(text: str, first: str) -> None:
    assert first_service(text, TUESDAY) == first


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("오늘 제가 9시까지 야근이라 7시에 데리러 못 가요 9시 반까지 돌봄센터에 있어도 되나요 율곡 센터 초2", "21:30"),
        ("남편이 8시까지 근무라 오늘 6시에 데리러 못 가는데 8시 반까지 봐주실 수 있나요 율곡 다함께돌봄 초4", "20:30"),
        ("오늘 애 방학식은 다음주고요 제가 8시까지 야근이라 8시 반까지 율곡 돌봄센터에 있어도 되나요 초3", "20:30"),
    ],
)
def test_a_late_pickup_past_the_parents_overtime_stays_at_the_centre(text: str, end: str) -> None:
    d = described(text, TUESDAY)
    assert d["end"] == end
    assert first_service(text, TUESDAY) == "after-school"


def test_the_parents_own_overtime_alone_stays_the_end() -> None:
    assert described("오늘 8시까지 야근이라 초3 딸 그때까지 봐줄 데 있나요 율곡동", TUESDAY)["end"] == "20:00"


@pytest.mark.parametrize(
    "text",
    [
        "초1 아들이 말을 너무 안 들어요 오늘도 밥 먹다가 한참 울었네요 부모 상담 받을 수 있는 데 있나요",
        "오늘 문자 받고 알았는데 예방접종 이번달 안에 맞아야 하는 거 맞나요 14개월",
        "지금 초등학교 3학년인데 오늘도 게임 때문에 싸웠어요 부모 교육 프로그램 있나요",
        "양육수당 이번달 안에 신청해야 되죠? 오늘 알았어요 10개월",
    ],
)
def test_a_question_about_a_programme_with_no_care_asked_has_no_care_day(text: str) -> None:
    assert described(text, EVENING)["date"] is None


@pytest.mark.parametrize(
    "text",
    [
        "장난감도서관 이번주 토요일에도 여나요? 빌린거 반납하려구요",
        "장난감 빌리러 가려면 토요일은 몇시까지 가야돼요",
        "오늘 부모교육 받으러 가는데 그동안 5살 봐줄 데 있나요 7시부터 9시까지",
    ],
)
def test_a_visit_day_or_care_asked_keeps_its_day(text: str) -> None:
    assert described(text, TUESDAY)["date"] is not None
