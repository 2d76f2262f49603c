"""How parents restate and frame facts: a correction said mid-message, an age restated by 만 나이, a time named
as the start after the end, and a parent's own working hours beside the care's."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER

KST = ZoneInfo("Asia/Seoul")
MON_0830 = datetime(2026, 12, 7, 8, 30, tzinfo=KST)
R = READER


def hm(m: int | None) -> str | None:
    return None if m is None else f"{m % 1440 // 60:02d}:{m % 60:02d}"


def when(text: str, now: datetime = MON_0830) -> tuple[date | None, str | None, str | None]:
    need = R.read(text, now).need
    return need.day, hm(need.start), hm(need.end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("화요일이요 아 아니다 금요일 3시부터 6시까지", date(2026, 12, 11)),
        ("내일 아니지 모레 오전 10시부터", date(2026, 12, 9)),
    ],
)
def test_a_correction_with_아니다_or_아니지_replaces_the_day(text: str, expected: date) -> None:
    assert when(text)[0] == expected


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("애가 5살.. 아 만으로는 4살이에요", [48]),
        ("여섯살인데 만 나이로 치면 다섯살", [60]),
        ("큰애 7살 만으로 6살이고 작은애 3살", [72, 36]),
        ("첫째 7살이고 둘째는 만으로 4살", [84, 48]),  # another child, named: not a restatement
    ],
)
def test_an_age_restated_by_만_나이_is_the_same_child(text: str, months: list[int]) -> None:
    assert [c.age_months for c in R.read(text, MON_0830).children] == months


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("목요일 5시까지 말고 8시까지요! 시작은 2시", (date(2026, 12, 10), "14:00", "20:00")),
        ("내일 시작은 오후 1시고 끝나는 시간은 5시", (date(2026, 12, 8), "13:00", "17:00")),
    ],
)
def test_a_time_named_as_the_start_or_end(text: str, expected: tuple) -> None:
    assert when(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("제가 평일 9시~18시 근무라 수요일 오후 6시부터 9시까지 봐주실 분", (date(2026, 12, 9), "18:00", "21:00")),
        ("목요일이 나이트예요(밤 10시~아침 8시) 그날 저녁 9시부터 다음날 아침 9시까지",
         (date(2026, 12, 10), "21:00", "09:00")),
        ("남편 근무가 7시부터 4시까지라서 금요일 3시부터 7시까지만요", (date(2026, 12, 11), "15:00", "19:00")),
        # no other hours: the working hours are the hours care is needed
        ("제가 금요일 9시부터 6시까지 근무라 그 시간에 봐줄 곳", (date(2026, 12, 11), "09:00", "18:00")),
    ],
)
def test_a_parents_working_hours_are_not_the_care_hours(text: str, expected: tuple) -> None:
    assert when(text) == expected


@pytest.mark.parametrize(
    ("text", "now", "expected"),
    [
        ("추석 연휴 전날 9시부터 6시까지", datetime(2027, 9, 1, 10, 0, tzinfo=KST), date(2027, 9, 13)),
        ("설 연휴 하루 전 오후 2시부터", datetime(2027, 2, 1, 10, 0, tzinfo=KST), date(2027, 2, 5)),
        ("대체공휴일에도 여나요? 그날 10시부터 3시", datetime(2027, 2, 5, 10, 0, tzinfo=KST), date(2027, 2, 9)),
        ("딸 5살 tomorrow 2pm to 6pm 가능?", datetime(2026, 12, 14, 9, 0, tzinfo=KST), date(2026, 12, 15)),
        ("today 4pm until 8pm please 4살", datetime(2026, 12, 14, 9, 0, tzinfo=KST), date(2026, 12, 14)),
    ],
)
def test_days_around_holidays_and_in_english(text: str, now: datetime, expected: date) -> None:
    assert R.read(text, now).need.day == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("낼 6~9 저녁 4살", ("18:00", "21:00")),
        ("모레 8-11 밤에 부탁", ("20:00", "23:00")),
        ("낼 9~1 낮에", ("09:00", "13:00")),
    ],
)
def test_a_bare_range_before_a_period_word(text: str, expected: tuple[str, str]) -> None:
    assert when(text, datetime(2027, 2, 2, 22, 0, tzinfo=KST))[1:] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("초2 큰애랑 네살 작은애, 금요일", [(None, 2), (48, None)]),
        ("6살 둘째랑 첫째 9살", [(108, None), (72, None)]),
        ("첫째 8살 둘째 5살", [(96, None), (60, None)]),
    ],
)
def test_a_birth_order_said_after_the_age(text: str, expected: list) -> None:
    assert [(c.age_months, c.school_grade) for c in R.read(text, MON_0830).children] == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("감문면 개령면 사이인데 개령 쪽이 집이에요", "개령면"),
        ("회사는 대신동이고 지좌동 쪽이 집이에요", "지좌동"),
        ("아포읍에 집이 있고 직장은 율곡동", "아포읍"),
    ],
)
def test_where_the_home_is_said_among_two_places(text: str, place: str) -> None:
    assert R.read(text, MON_0830).need.area == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("낼오후세시부터일곱시까지다섯살아들맡길곳", (date(2026, 12, 18), "15:00", "19:00", 60)),
        ("모레저녁여섯시부터아홉시까지우리네살딸", (date(2026, 12, 19), "18:00", "21:00", 48)),
    ],
)
def test_a_message_typed_without_spaces(text: str, expected: tuple) -> None:
    u = R.read(text, datetime(2026, 12, 17, 10, 0, tzinfo=KST))
    assert (u.need.day, hm(u.need.start), hm(u.need.end), u.need.child.age_months) == expected


def test_words_before_a_native_number_still_need_a_boundary() -> None:
    assert R.read("있네 살짝 늦을거 같아요", MON_0830).children == ()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("평화시장 근처 살아요", "평화남산동"),
        ("구성초 다니는 딸 4살", "구성면"),
        ("부항댐 근처 마을이에요", "부항면"),
        ("예전엔 지좌동 시댁에 맡겼는데 지금 사는 데는 아포읍이에요", "아포읍"),
        ("대덕면 할머니댁에 맡기다가 이제 우리는 양금동", "양금동"),
        # the same words in other senses stay words
        ("제 대신 시장 좀 봐주실 분", None),
        ("대신 우체국도 가야 해서요", None),
    ],
)
def test_landmarks_after_a_place_word_and_the_home_among_places(text: str, place: str | None) -> None:
    assert R.read(text, MON_0830).need.area == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("새해 첫 월요일 9시부터", date(2027, 1, 4)),
        ("1월 첫 토요일 10시~2시", date(2027, 1, 2)),
        ("다음 달 마지막 금요일 오후", date(2027, 1, 29)),
        ("내년 첫 수요일에", date(2027, 1, 6)),
    ],
)
def test_the_first_or_last_weekday_of_a_month_without_주(text: str, expected: date) -> None:
    assert R.read(text, datetime(2026, 12, 16, 14, 0, tzinfo=KST)).need.day == expected


def test_first_payday_is_not_a_day() -> None:
    assert R.read("12월 첫 월급 받으면", datetime(2026, 11, 16, 14, 0, tzinfo=KST)).need.day is None


@pytest.mark.parametrize(
    "text",
    [
        "말이 좀 늦는 것 같아 걱정인데 검사 받을 수 있는 곳 있나요",
        "애가 발달이 느린 편이라 놀이치료 알아봐요",
        "부모 대상 응급처치교육이나 심폐소생술 배울 수 있나요",
        "방학에 아이랑 소방체험 같은 거 할 곳",
        "주말에 갈 만한 어린이 프로그램 있어요?",
    ],
)
def test_development_checks_safety_training_and_programmes_go_to_other_departments(text: str) -> None:
    from routing.command import describe

    assert describe(R.read(text, MON_0830), R.knowledge)["services"][0] == "other-dept"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9시부터 12시까지 밤에 봐줄 사람 목요일", ("21:00", "00:00")),
        ("저녁에 10~12 봐주세요 목요일", ("22:00", "00:00")),
        ("목요일 2~6 맡길 곳", ("14:00", "18:00")),
        # with no evening word a bare 12 is noon
        ("목요일 9시부터 12시까지", ("09:00", "12:00")),
    ],
)
def test_a_bare_12_is_midnight_in_the_evening_and_a_bare_range_before_the_ask(text: str, expected: tuple) -> None:
    assert when(text, datetime(2026, 12, 15, 11, 0, tzinfo=KST))[1:] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count said shows a grade and an age side by side are two children
        ("아이 셋 초3 초1 5살", [(None, 3, None), (None, 1, None), (60, None, None)]),
        ("아이 둘 초2 5살", [(None, 2, None), (60, None, None)]),
        ("초2 8살", [(96, 2, None)]),
        # a kindergartner or daycare child named beside a child with an age
        ("초등학교 2학년 딸이랑 유치원생 아들", [(None, 2, None), (None, None, False)]),
        ("초3 아들 어린이집 다니는 동생", [(None, 3, None), (None, None, False)]),
        ("5살 유치원생 딸", [(60, None, None)]),
        ("4살 유치원 다니는 동생", [(48, None, None)]),
    ],
)
def test_children_counted_and_named_by_school(text: str, expected: list) -> None:
    kids = R.read(text, MON_0830).children
    assert [(c.age_months, c.school_grade, c.school) for c in kids] == expected


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("엄마들 모임 할 장소 빌릴 수 있어요", "mom-center"),
        ("남매가 맨날 싸워서 고민이에요", "mom-center"),
        ("아이랑 볼 만한 공연 있나요", "other-dept"),
    ],
)
def test_meeting_places_sibling_fights_and_shows(text: str, first: str) -> None:
    from routing.command import describe

    assert describe(R.read(text, MON_0830), R.knowledge)["services"][0] == first


def test_the_weekends_saturday_named_with_it_is_the_day() -> None:
    now = datetime(2026, 12, 18, 9, 0, tzinfo=KST)
    assert R.read("주말 토요일이랑 일요일 둘 다 10시~4시", now).need.day == date(2026, 12, 19)
    assert R.read("주말에도 되나요? 일요일 10시부터", now).need.day == date(2026, 12, 20)


def test_counts_in_words_beside_work_are_not_working_hours() -> None:
    """Hour words need 시 on every one of them, not only the last ("두~세 번", "한두 번" are counts): a bare number
    word beside 알바 or 근무 is not a range of working hours to blank."""
    from routing.asides import work_hours

    assert work_hours("알바 두~세 번 하는데 4살 아이 내일 3시부터 6시까지 봐주세요") is None
    assert work_hours("근무 한-두 번 빠지고 아이 봐야 해요") is None
    blanked = work_hours("제가 아홉 시부터 여섯 시까지 근무라 그 뒤에 봐주세요")
    assert blanked is not None and "아홉" not in blanked
