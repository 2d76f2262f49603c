"""Clock forms as phones type them (6pm, 18시, 6:30, 15~19시) and a whole day said without hours (하루 종일)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER, SHIPPED

KST = ZoneInfo("Asia/Seoul")
MON_1000 = datetime(2026, 12, 7, 10, 0, tzinfo=KST)
K = SHIPPED
R = READER


def hours(text: str, now: datetime = MON_1000) -> tuple[str | None, str | None]:
    need = R.read(text, now).need

    def hm(m: int | None) -> str | None:
        return None if m is None else f"{m // 60 % 24:02d}:{m % 60:02d}"

    return hm(need.start), hm(need.end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an English marker after the hour, any case, with or without a space or dots
        ("모레 5pm까지 부탁해요", (None, "17:00")),
        ("모레 5PM까지 부탁해요", (None, "17:00")),
        ("모레 5 p.m. 까지요", (None, "17:00")),
        ("목요일 8am부터 봐주실 분", ("08:00", None)),
        ("목요일 8:15am부터요", ("08:15", None)),
        ("목요일 12pm부터 4pm까지", ("12:00", "16:00")),
        ("목요일 12am까지", (None, "00:00")),
        # Korean markers glued to the hour, 24-hour clock, minutes in every form
        ("모레 오후5시까지", (None, "17:00")),
        ("모레 오전10시부터", ("10:00", None)),
        ("모레 17시까지", (None, "17:00")),
        ("모레 17:45까지", (None, "17:45")),
        ("모레 17시45분까지", (None, "17:45")),
        ("모레 17시 45분까지", (None, "17:45")),
        ("모레 5시45분까지", (None, "17:45")),
        ("모레 5시 45까지", (None, "17:45")),
        ("모레 5:45까지", (None, "17:45")),
        ("모레 오후 5:45까지", (None, "17:45")),
        ("모레 오전 10:15부터 오후 4시까지", ("10:15", "16:00")),
        # ranges
        ("모레 2pm-6pm", ("14:00", "18:00")),
        ("모레 2-6pm 가능할까요", ("14:00", "18:00")),
        ("모레 2PM~6PM", ("14:00", "18:00")),
        ("모레 10am~5pm", ("10:00", "17:00")),
        ("모레 9-8pm", ("09:00", "20:00")),
        ("모레 7-11pm", ("19:00", "23:00")),
        ("모레 14~18시", ("14:00", "18:00")),
        ("모레 14시~18시", ("14:00", "18:00")),
        ("모레 10:30~17:30", ("10:30", "17:30")),
    ],
)
def test_clock_forms_read_the_time_a_parent_typed(text: str, expected: tuple[str | None, str | None]) -> None:
    assert hours(text) == expected


@pytest.mark.parametrize(
    "text",
    ["내일 3시 10살 아이", "내일 3시 15일에 또", "내일 3시 20명 정원"],
)
def test_a_number_after_the_hour_that_counts_something_else_is_no_minute(text: str) -> None:
    assert R.read(text, MON_1000).need.start == 15 * 60


@pytest.mark.parametrize(
    "text",
    [
        "3살 수요일 하루 종일 맡겨야 해요", "수요일 하루종일 봐줄 곳 3살", "3살 수요일 온종일요",
        "수요일 종일 부탁해요 3살", "3살 수요일에 하루 내내", "3살 수요일 온 종일 필요해요",
    ],
)
def test_a_whole_day_without_hours_is_the_knowledge_day(text: str) -> None:
    assert hours(text) == ("09:00", "18:00")
    assert (K.day_from, K.day_until) == (9 * 60, 18 * 60)


def test_a_whole_day_keeps_the_hours_that_are_said() -> None:
    assert hours("3살 수요일 8시부터 하루 종일") == ("08:00", "18:00")
    assert hours("3살 수요일 종일, 저녁 7시까지요") == ("09:00", "19:00")
    assert hours("3살 지금부터 하루 종일") == ("10:00", "18:00")


@pytest.mark.parametrize("text", ["영아종일제 신청하고 싶어요 10개월", "방학 최종일이 언제예요 초2"])
def test_words_that_only_contain_the_letters_of_a_whole_day_give_no_hours(text: str) -> None:
    assert hours(text) == (None, None)


def test_a_whole_day_of_a_school_child_fits_after_school_only_in_the_vacation() -> None:
    from routing.match import rank

    term = R.read("초2 수요일 하루 종일", MON_1000).need
    vacation = R.read("초2 방학이라 수요일 하루 종일", MON_1000).need
    assert rank(term, K).best.service.id == "home-care"  # term hours open at 14:00
    assert rank(vacation, K).best.service.id == "after-school"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("남편 퇴근이 7시 반이라 그때까지 봐주세요 4살 모레", (None, "19:30")),
        ("모레 4살, 학원 차가 6시에 와서 그 시간 전까지만요", (None, "18:00")),
    ],
)
def test_an_hour_followed_by_until_then_is_the_end(text: str, expected: tuple[str | None, str | None]) -> None:
    assert hours(text) == expected


WED_0900_2027 = datetime(2027, 1, 20, 9, 0, tzinfo=KST)  # the weekend is 23-24 January
CHUSEOK_WEEK = datetime(2027, 9, 1, 9, 0, tzinfo=KST)  # 추석 2027 runs 14-16 September


@pytest.mark.parametrize(
    ("text", "now", "day"),
    [
        ("주말에도 하나요? 일요일 낮 1시부터 5시 3살", WED_0900_2027, "2027-01-24"),
        ("이번 주말엔 토요일만 필요해요 3살", WED_0900_2027, "2027-01-23"),
        ("추석 연휴 중에 맡길 수 있나요, 14일 오후요 3살", CHUSEOK_WEEK, "2027-09-14"),
        ("추석에 문 여는 곳 있나요? 16일 하루만 3살", CHUSEOK_WEEK, "2027-09-16"),
        # a second day joined to the first, or outside the days off, is not the day inside them
        ("주말이랑 월요일 3살", WED_0900_2027, "2027-01-23"),
        ("주말에 부탁드리고 월요일도요 3살", WED_0900_2027, "2027-01-23"),
        ("추석부터 17일까지 3살", CHUSEOK_WEEK, "2027-09-15"),
    ],
)
def test_a_day_named_inside_the_weekend_or_holidays_asked_about_is_the_day(text: str, now: datetime, day: str) -> None:
    found = R.read(text, now).need.day
    assert found is not None and found.isoformat() == day


@pytest.mark.parametrize(
    "text",
    [
        "아빠가 주말에도 출근해서요, 평일 밤 7시부터 10시까지 4살",
        "토요일엔 할머니가 봐주시고 주중 저녁 6시부터 9시까지 4살",
    ],
)
def test_a_weekend_said_as_context_before_weekday_hours_is_not_the_care_day(text: str) -> None:
    from routing.match import rank

    need = R.read(text, MON_1000).need
    assert need.day is None and need.holiday is False
    assert rank(need, K).best.service.id == "daycare-365"  # weekday nights, not weekend hours (09-18)


def test_a_weekend_said_with_its_own_hours_stays_the_care_day() -> None:
    need = R.read("평일엔 괜찮은데 주말 10시부터 2시 4살", MON_1000).need
    assert need.day is not None and need.day.weekday() == 5 and need.holiday is True


@pytest.mark.parametrize("text", ["지금까지 할머니가 봐주셨는데 다음 주 화요일부터 4살", "지금껏 제가 봤는데 모레 4살"])
def test_until_now_is_not_now(text: str) -> None:
    need = R.read(text, MON_1000).need
    assert need.day is not None and need.day > MON_1000.date() and need.start is None


@pytest.mark.parametrize("text", ["서울 살다가 지금은 백옥동 4살 토요일", "원래 구미였는데 지금은 아포읍 4살 토요일"])
def test_now_as_currently_before_a_place_is_not_today(text: str) -> None:
    need = R.read(text, MON_1000).need
    assert need.day is not None and need.day.weekday() == 5 and need.start is None


@pytest.mark.parametrize("text", ["3일 지난 후에 맡기려고요 4살", "사흘 지나고 4살 봐주세요"])
def test_days_passed_count_from_today(text: str) -> None:
    assert R.read(text, MON_1000).need.day == date(2026, 12, 10)


@pytest.mark.parametrize(("text", "expected"), [("모레 7시부터 10시까지 4살", ("19:00", "22:00")),
                                                ("모레 8시부터 11시 4살", ("20:00", "23:00"))])
def test_a_doubtful_start_before_ten_or_eleven_is_asked_but_held_as_the_evening(
    text: str, expected: tuple[str, str]
) -> None:
    u = R.read(text, MON_1000)
    assert hours(text) == expected and u.ambiguous_hour == int(expected[0][:2]) - 12
    assert R.read(text, MON_1000, "am").need.start == (int(expected[0][:2]) - 12) * 60  # the button decides


def test_a_doubtful_seven_to_nine_for_a_child_is_asked_but_held_as_the_evening() -> None:
    # Held-out authors mean the evening for a bare 6-7 to 9 told with the child's age (routing/window.evening_nine);
    # a morning word or a daycare's opening keeps the morning (tests/test_hours_thirteenth.py). Still asked.
    text = "모레 7시부터 9시까지 4살"
    assert hours(text) == ("19:00", "21:00") and R.read(text, MON_1000).ambiguous_hour == 7
    assert R.read(text, MON_1000, "am").need.start == 7 * 60  # the button decides


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("모레 4살, 제가 6시 반에 데리러 갈 수 있어요", (None, "18:30")),
        ("모레 1시부터 맡기고 5시쯤 찾으러 갈게요 4살", ("13:00", "17:00")),
        ("모레 남편이 8시에 픽업하러 가요 4살", (None, "20:00")),
    ],
)
def test_the_hour_the_parent_comes_for_the_child_is_the_end(text: str, expected: tuple[str | None, str]) -> None:
    assert hours(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2시간 뒤부터 4시간 4살", ("12:00", "16:00")),
        ("30분 후에 맡겨야 해요 4살", ("10:30", None)),
        ("한 시간 반 있다가 4살 봐주세요", ("11:30", None)),
        ("지금 맡기고 3시간 뒤에 데리러 갈게요 4살", ("10:00", "13:00")),
    ],
)
def test_hours_counted_from_now(text: str, expected: tuple[str, str | None]) -> None:
    assert hours(text) == expected
    assert R.read(text, MON_1000).need.day == MON_1000.date()


def test_with_no_day_a_morning_already_over_is_this_evening_unless_a_schedule() -> None:
    evening = datetime(2026, 12, 7, 20, 0, tzinfo=KST)
    assert hours("9시 반부터 11시 반까지 봐주세요 4살", evening) == ("21:30", "23:30")
    assert hours("매일 7시부터 9시까지 4살", evening) == ("07:00", "09:00")


@pytest.mark.parametrize(
    ("text", "day"), [("다음 주 화수목 저녁 6시부터 4살", "2026-12-15"), ("담주 월금 오전 4살", "2026-12-14")]
)
def test_weekday_letters_written_together_after_a_week(text: str, day: str) -> None:
    found = R.read(text, MON_1000).need.day
    assert found is not None and found.isoformat() == day


def test_a_word_that_starts_with_a_weekday_letter_is_no_day() -> None:
    assert R.read("다음 주 월급날이라 정신없어요", MON_1000).need.day is None


def test_an_hour_given_as_the_reason_is_not_the_start() -> None:
    assert hours("내일 남편 퇴근이 7시니까 8시까지만 봐주세요 4살") == (None, "20:00")
    assert hours("내일 학원이 4시라서 4시부터 7시까지 초2") == ("16:00", "19:00")


def test_an_hour_then_from_then_is_the_start() -> None:
    assert hours("모레 4살 하원이 4시 반인데 그때부터 7시까지") == ("16:30", "19:00")
