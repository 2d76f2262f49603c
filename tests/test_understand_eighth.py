"""Classes from the fresh sets of the seventh session: a carer's emergency told as happening now (today's), the word
사고 only as an accident, 응급실 as a workplace, a hospital stay said not to happen, a tired parent who "could
collapse", a 7-year-old at kindergarten, a consultation asked among service names, a whole day told about, care at
home with the child named in between, and days, hours and places told about someone else."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.reader_cases import KST, described, first_service

WED = datetime(2027, 3, 10, 14, 20, tzinfo=KST)
"""A Wednesday afternoon in term."""


def said(text: str, now: datetime = WED) -> dict:
    return described(text, now)


def first(text: str, now: datetime = WED) -> str | None:
    return first_service(text, now)


@pytest.mark.parametrize("text", [
    "시어머니가 갑자기 쓰러지셔서 병원 가는 중이에요 5살 딸 맡길 데요",
    "신랑이 작업하다 다쳐서 구급차 타고 갔어요 3살 아들 봐주실 분",
    "진통이 와서 지금 병원 가야 하는데 첫째 4살 맡길 곳 ㅠ",
    "친정아버지가 위독하시대요 당장 내려가야 돼요 6살 쌍둥이",
])
def test_a_carers_emergency_told_as_happening_now_is_todays(text: str) -> None:
    got = said(text)
    assert got["date"] == WED.date().isoformat() and got["urgent"], text
    assert got["services"][0] == "emergency-119", text


@pytest.mark.parametrize("text", [
    "다음 달에 수술 예정이라 4살 맡길 데 알아보고 있어요",
    "혹시 제가 입원하게 되면 6살 봐줄 곳 있나요",
    "작년에 남편이 응급실 갔었는데 그때 애 맡길 데가 없었어요 5살",
])
def test_a_planned_or_past_emergency_gets_no_day(text: str) -> None:
    assert said(text)["date"] is None, text


@pytest.mark.parametrize("text", [
    "저는 요양병원 간호사고 남편은 교대근무예요 4살 금요일 저녁 7시부터 11시까지",
    "과자 사고 올 동안 4살 딸 금요일 2시부터 4시까지 봐주실 분",
    "저희 부부 둘 다 응급실 근무라 주말에도 일해요 5살 토요일 9시부터 6시까지",
    "열이 나서 병원 갔는데 입원은 안 해도 된대요 4살 내일 9시부터 6시까지 집에서 봐주실 분",
    "애 셋 보다가 제가 먼저 쓰러질 것 같아요 토요일 10시부터 2시까지 5살 맡길 곳",
])
def test_words_of_another_sense_are_no_emergency(text: str) -> None:
    assert first(text) != "emergency-119", text


@pytest.mark.parametrize("text", [
    "남편이 교통사고가 나서 입원했어요 5살 맡길 곳 급해요",
    "애아빠가 출근길에 사고났대요 4살 봐줄 데",
    "할아버지가 위독하셔서 다들 병원이에요 6살 손녀 봐주실 곳",
    "아내가 계단에서 미끄러져서 병원이에요 3살 봐줄 곳",
])
def test_an_accident_or_a_critical_carer_is_an_emergency(text: str) -> None:
    assert first(text) == "emergency-119", text


@pytest.mark.parametrize(("text", "service"), [
    ("병설유치원 다니는 7살 아들 토요일 10시부터 3시까지 맡길 곳", "daycare-365"),
    ("7살 5살 둘 다 어린이집 다녀요 어린이날 9시부터 5시까지 부탁해요", "daycare-365"),
    ("7살 아들 학교 끝나고 3시부터 6시까지 봐줄 데", "after-school"),
])
def test_a_seven_year_old_at_kindergarten_is_preschool(text: str, service: str) -> None:
    assert first(text) == service, text


@pytest.mark.parametrize(("text", "service"), [
    ("다함께돌봄이랑 365어린이집이 뭐가 다른지 모르겠어요 저한테 맞는 걸로 상담받아 보고 싶어요", "mom-center"),
    ("육아휴직하고 온종일 아기랑만 있으니 우울하네요 엄마들 만날 수 있는 데 있나요", "mom-center"),
    ("하루 종일 애들이랑 집에 있으니 답답해요 다른 엄마들이랑 이야기 나눌 곳 있을까요", "mom-center"),
    ("시청에서 하는 어린이날 행사 몇 시부터예요? 6살이랑 가려고요", "other-dept"),
    ("임산부 교실 언제 열려요? 둘째 임신 중이에요", "other-dept"),
])
def test_what_the_parent_asks_about_comes_first(text: str, service: str) -> None:
    assert first(text) == service, text


@pytest.mark.parametrize("text", [
    "아이가 수두래요 어린이집에서 오지 말래요 4살 내일 9시부터 6시까지",
    "5살 독감 확진 받았어요 모레 8시부터 5시까지 봐주실 분",
    "돌쟁이 딸 다음 주 월요일 9시부터 4시까지 집에서 아기 봐주실 선생님 계세요?",
])
def test_sick_or_at_home_goes_to_home_visits(text: str) -> None:
    assert first(text) == "home-care", text


def test_a_family_member_caring_at_home_is_not_a_home_visit() -> None:
    assert first("할머니가 집에서 봐주시는데 목요일은 안 돼요 4살 9시부터 5시까지") == "daycare-365"


def test_a_day_someone_else_only_comes_on_is_not_the_care_day() -> None:
    got = said("남편은 모레나 올 수 있대요 오늘 밤 9살 아들 맡길 곳 있을까요", datetime(2027, 3, 10, 19, 0, tzinfo=KST))
    assert got["date"] == "2027-03-10"


def test_the_hour_the_parents_work_ends_past_is_not_the_start() -> None:
    got = said("금요일은 마감이라 밤 11시 넘어서 끝나요 6살 딸 금요일 저녁 6시부터 11시 반까지 맡기고 싶어요")
    assert (got["start"], got["end"]) == ("18:00", "23:30")


@pytest.mark.parametrize(("text", "place"), [
    ("저는 김천의료원에 입원해 있어요 내일부터 3살 봐줄 곳 필요해요 신음동이에요", "대신동"),
    ("시청에서 하는 부모교육 있나요", None),
])
def test_the_familys_place_not_a_hospital_or_a_programmes(text: str, place: str | None) -> None:
    assert said(text)["place"] == place, text


def test_native_month_counts_with_neok() -> None:
    assert said("넉 달 된 아기 다음 주 화요일 10시부터 1시까지")["age_months"] == 4
    assert said("넉넉하게 세 시간 정도 4살")["children"] == [{"age_months": 48, "school_grade": None}]


def test_today_is_the_pinned_clock() -> None:
    assert WED.date() == date(2027, 3, 10) and WED.weekday() == 2


@pytest.mark.parametrize("text", [
    "아내가 빙판에서 미끄러져서 병원 가봐야 되는데 4살 맡길 곳",
    "시아버지가 쓰러지셨다고 연락와서 내려가야 해요 6살 봐주실 곳",
    "경찰인데 비상 걸려서 출근해야 돼요 5살 아들",
])
def test_a_carers_emergency_calling_them_away_now_is_todays(text: str) -> None:
    got = said(text)
    assert got["date"] == WED.date().isoformat() and got["services"][0] == "emergency-119", text


@pytest.mark.parametrize(("text", "service"), [
    ("아이돌보미 쓰는데 금요일엔 선생님이 못 오신대요 4살 금요일 9시부터 5시까지", "daycare-365"),
    ("365어린이집 보내고 있는데 주말에 빌릴 장난감도 있나요 3살", "toy-library"),
    ("다함께돌봄센터 다니는 아들인데 부모 상담도 따로 받을 수 있나요", "mom-center"),
    ("이사 와서 김천 돌봄 서비스를 한번 안내받고 싶어요", "mom-center"),
])
def test_a_service_the_family_already_uses_is_not_what_is_asked(text: str, service: str) -> None:
    assert first(text) == service, text


def test_a_holiday_the_day_comes_after_is_not_the_care_day() -> None:
    got = said("어린이날 지나서 다음 주 화요일 5월 11일 저녁 9시까지 4살", datetime(2027, 5, 6, 10, 0, tzinfo=KST))
    assert got["date"] == "2027-05-11"


@pytest.mark.parametrize(("text", "months"), [
    ("조리원 나왔는데 아기 40일이에요 봐주실 분", 1),
    ("200일 막 지난 애기 화요일 오후 2시부터 5시까지", 6),
])
def test_days_of_life_after_the_baby_word_or_just_past(text: str, months: int) -> None:
    assert said(text)["age_months"] == months, text


def test_a_day_of_the_month_said_alone_is_no_age() -> None:
    got = said("15일이에요 4살 2시부터 6시까지")
    assert (got["age_months"], got["date"]) == (48, "2027-03-15")


@pytest.mark.parametrize("text", [
    "장염이라 어린이집에서 오지 말래요 내일 9시부터 6시까지 부탁해요",
    "저 지우 엄마예요 지우가 열이 나서 내일 등원 못해요 봐주실 분",
    "유치원 못 보내서 모레 10시부터 4시까지 집에서 봐주실 분",
])
def test_a_child_kept_from_daycare_goes_to_home_visits_and_is_counted(text: str) -> None:
    got = said(text)
    assert got["services"][:1] == ["home-care"] and len(got["children"]) == 1, text


def test_daycare_closed_for_the_holidays_is_not_a_sick_child() -> None:
    assert first("방학이라 어린이집 못 가요 4살 내일 9시부터 5시까지") == "daycare-365"


@pytest.mark.parametrize(("text", "service"), [
    ("지난번에 빌린 퍼즐 반납일 연장되나요", "toy-library"),
    ("쏘서 있어요? 5개월 아기", "toy-library"),
])
def test_toy_loans_asked_by_the_loan_or_the_toy(text: str, service: str) -> None:
    assert first(text) == service, text


@pytest.mark.parametrize(("text", "kids"), [
    ("만 3세 쌍둥이 토요일 10시부터 2시까지", [36, 36]),
    ("세쌍둥이 4살 금요일", [48, 48, 48]),
    ("돌 지난 아들(14개월) 내일 9시부터", [14]),
    ("첫째가 동생 보고 질투가 심해요 상담 받을 데 있나요", [None, None]),
])
def test_children_counted_beside_twins_brackets_and_siblings(text: str, kids: list[int | None]) -> None:
    assert [c["age_months"] for c in said(text)["children"]] == kids, text
