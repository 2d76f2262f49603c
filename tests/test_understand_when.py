"""Hours without 오전/오후, carried periods, days that never lie in the past, derived dates and birth dates."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER

KST = ZoneInfo("Asia/Seoul")
WED_1500 = datetime(2026, 11, 25, 15, 0, tzinfo=KST)
WED_0500 = datetime(2026, 11, 25, 5, 0, tzinfo=KST)
SUN_1000 = datetime(2026, 11, 29, 10, 0, tzinfo=KST)
SAT_2300 = datetime(2026, 11, 28, 23, 0, tzinfo=KST)
R = READER


def hours(text: str, now: datetime = WED_1500, hint: str | None = None) -> tuple[str | None, str | None]:
    need = R.read(text, now, hint).need

    def hm(m: int | None) -> str | None:
        return None if m is None else f"{m // 60:02d}:{m % 60:02d}"

    return hm(need.start), hm(need.end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # context words
        ("퇴근이 늦어서 7시부터 10시까지 봐주실 분", ("19:00", "22:00")),
        ("야근이라 8시부터 11시까지요", ("20:00", "23:00")),
        ("하원 후에 5시부터 7시까지", ("17:00", "19:00")),
        ("학교 끝나고 3시부터 6시까지", ("15:00", "18:00")),
        ("출근 전에 6시부터 8시까지 봐주세요", ("06:00", "08:00")),
        ("새벽에 5시부터 7시까지", ("05:00", "07:00")),
        ("아침 일찍 7시부터 9시까지요", ("07:00", "09:00")),
        # the order of a range and the hours people need care
        ("내일 4시부터 8시까지", ("16:00", "20:00")),
        ("내일 2시부터 5시까지", ("14:00", "17:00")),
        ("내일 9시부터 6시까지", ("09:00", "18:00")),
        ("내일 7시부터 밤 11시까지", ("19:00", "23:00")),
        ("내일 8시부터 20시까지", ("08:00", "20:00")),
        # an end said alone is the evening one
        ("내일 6시 반까지", (None, "18:30")),
        ("모레 9시까지 맡길 곳", (None, "21:00")),
        # a reading already over today
        ("오늘 9시부터 11시까지", ("21:00", "23:00")),
        ("오늘 7시에 맡기고 싶어요", ("19:00", None)),
    ],
)
def test_bare_hours_take_the_reading_a_parent_means(text: str, expected: tuple[str | None, str | None]) -> None:
    assert hours(text) == expected


def test_a_school_child_is_cared_for_after_school() -> None:
    assert hours("초5 딸 학원 가기 전 내일 4시부터 8시까지") == ("16:00", "20:00")
    assert hours("3학년 아들 내일 7시까지") == (None, "19:00")
    assert hours("10살 아이 모레 2시부터 7시까지") == ("14:00", "19:00")


def test_an_hour_past_this_morning_is_this_afternoon() -> None:
    assert hours("오늘 4시부터 9시까지") == ("16:00", "21:00")
    assert hours("오늘 6시부터", WED_0500) == ("06:00", None)  # still ahead this morning: ask


def test_a_truly_ambiguous_hour_is_flagged_for_two_buttons() -> None:
    u = R.read("6시에 맡기고 싶어요", WED_0500)
    assert u.ambiguous_hour == 6 and u.need.start == 6 * 60
    assert R.read("오늘 6시에 맡기고 싶어요", WED_0500).ambiguous_hour == 6
    assert R.read("내일 7시부터 10시까지", WED_1500).ambiguous_hour == 7
    # a word, the clock or the school decides: nothing to ask
    assert R.read("저녁 6시에 맡기고 싶어요", WED_0500).ambiguous_hour is None
    assert R.read("오늘 6시에 맡기고 싶어요", WED_1500).ambiguous_hour is None
    assert R.read("내일 9시부터 12시까지", WED_1500).ambiguous_hour is None
    assert R.read("내일 4시부터 8시까지", WED_1500).ambiguous_hour is None


def test_the_button_answer_is_a_hint_for_the_same_message() -> None:
    assert hours("내일 7시부터 10시까지", hint="pm") == ("19:00", "22:00")
    assert hours("내일 7시부터 10시까지", hint="am") == ("07:00", "10:00")
    assert R.read("내일 7시부터 10시까지", WED_1500, "pm").ambiguous_hour is None


def test_a_period_said_once_colours_the_next_message() -> None:
    first = R.read("내일 저녁에 맡기고 싶어요", WED_1500)
    assert first.period == "pm"
    assert hours("7시부터 10시까지", hint=first.period) == ("19:00", "22:00")
    assert R.read("내일 아침에 부탁드려요", WED_1500).period == "am"
    assert R.read("4살이에요", WED_1500).period is None
    # the message's own words win over a carried hint
    assert hours("아침 7시부터 9시까지", hint="pm") == ("07:00", "09:00")
    assert hours("새벽에 6시부터 8시까지", hint="pm") == ("06:00", "08:00")


def day(text: str, now: datetime = WED_1500) -> date | None:
    return R.read(text, now).need.day


def test_a_weekday_already_gone_this_week_is_next_weeks() -> None:
    assert day("이번 주 토요일에 맡기고 싶어요", SUN_1000) == date(2026, 12, 5)
    assert day("이번 주 금요일", SUN_1000) == date(2026, 12, 4)
    assert day("요번 주 수요일 오후", WED_1500) == date(2026, 11, 25)


def test_a_weekday_window_over_tonight_moves_a_week_on() -> None:
    u = R.read("이번주 토요일 밤 10시까지", SAT_2300)
    assert u.need.day == date(2026, 12, 5) and not u.past


def test_a_window_that_ended_today_is_dropped_and_flagged() -> None:
    u = R.read("4살 오늘 밤 10시까지 맡길 곳", SAT_2300)
    assert u.past and (u.need.start, u.need.end) == (None, None)
    assert u.need.day == date(2026, 11, 28)  # the day stays so the dialog asks only the hours
    assert not R.read("4살 오늘 밤 10시까지 맡길 곳", datetime(2026, 11, 28, 21, 0, tzinfo=KST)).past


def test_derived_dates() -> None:
    assert day("설 전날 맡기고 싶어요") == date(2027, 2, 6)
    assert day("추석 다음 날 아이 봐줄 곳") == date(2027, 9, 16)
    assert day("3일 뒤에 맡겨야 해요") == date(2026, 11, 28)
    assert day("이틀 후 오후 2시부터") == date(2026, 11, 27)
    assert day("2주 뒤 토요일이요") == date(2026, 12, 12)  # that Saturday, in the week two weeks on (not a Wednesday)
    assert day("12월 셋째 주 토요일") == date(2026, 12, 19)
    assert day("1월 첫째 주 월요일") == date(2027, 1, 4)
    assert day("크리스마스 이브에") == date(2026, 12, 24)


def test_a_birth_date_is_never_the_care_date() -> None:
    u = R.read("2023년 8월 15일생 아이 내일 맡기고 싶어요", WED_1500)
    assert u.need.day == date(2026, 11, 26) and u.need.child.age_months == 39
    assert day("8월 15일생이에요") is None
    assert day("생일이 12월 3일이에요 모레 맡길 곳") == date(2026, 11, 27)


def test_an_emergency_from_tonight_to_tomorrow_morning_keeps_tonights_date() -> None:
    need = R.read("남편이 입원해서 오늘 밤부터 내일 아침 8시까지 맡길 곳", WED_1500).need
    assert need.day == date(2026, 11, 25) and need.end == 32 * 60
    need = R.read("지금부터 내일 아침 7시까지 봐주실 분", WED_1500).need
    assert need.day == date(2026, 11, 25) and (need.start, need.end) == (15 * 60, 31 * 60)
    need = R.read("밤 10시부터 내일 아침 7시까지", WED_1500).need
    assert need.day == date(2026, 11, 25) and (need.start, need.end) == (22 * 60, 31 * 60)


def test_a_later_day_said_after_a_same_day_range_does_not_stretch_it() -> None:
    need = R.read("오늘 오전 10시부터 오후 3시까지 그리고 내일도요", WED_0500).need
    assert need.day == date(2026, 11, 25) and (need.start, need.end) == (10 * 60, 15 * 60)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("어린이날 전날 맡겨요", date(2027, 5, 4)),
        ("성탄절 전 날 저녁", date(2026, 12, 24)),
        ("크리스마스 다음 날 하루", date(2026, 12, 26)),
        ("신정 다음날", date(2027, 1, 2)),
        ("모래 종일 봐주실 분", date(2026, 11, 27)),  # 모레 typed as 모래 (sand)
        ("모래 하루만요", date(2026, 11, 27)),
        ("모래놀이 하는 곳", None),
        ("모래 장난 좋아해요", None),
        ("지금은 혁신도시 살아요", None),  # currently, not now
        ("지금은 평화동이에요", None),
        ("지금 바로 맡겨야 해요", date(2026, 11, 25)),
    ],
)
def test_days_around_fixed_holidays_sand_typos_and_currently(text: str, expected: date | None) -> None:
    assert R.read(text, WED_1500).need.day == expected


@pytest.mark.parametrize(
    ("text", "end", "day"),
    [
        ("오늘 밤 새벽 2시까지 봐주세요", 1440 + 120, date(2026, 11, 25)),  # tonight into the small hours
        ("오늘 밤 1시까지요", 1440 + 60, date(2026, 11, 25)),
        ("금요일 밤 새벽 4시까지", 1440 + 240, date(2026, 11, 27)),
    ],
)
def test_an_end_in_the_small_hours_after_tonight_is_next_morning(text: str, end: int, day: date) -> None:
    u = R.read(text, WED_1500)
    assert (u.need.end, u.need.day, u.past) == (end, day, False)


@pytest.mark.parametrize("text", ["센터에 보낼 수 있나요", "해낼 수 있을까요", "혼자 지낼 때가 많아요"])
def test_verbs_ending_in_nael_are_not_tomorrow(text: str) -> None:
    assert R.read(text, WED_1500).need.day is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("다음 달 20일에 맡겨요", date(2026, 12, 20)),  # said in November: next month, not this month's 20th
        ("담달 3일", date(2026, 12, 3)),
        ("이번 달 28일", date(2026, 11, 28)),
        ("27일 4살 아이", date(2026, 11, 27)),  # a bare day before an age
        ("30일 3시부터", date(2026, 11, 30)),
        ("12.24 저녁에", date(2026, 12, 24)),
        ("12월 마지막 주 토요일", date(2026, 12, 26)),
        ("1월 막주 금요일", date(2027, 1, 29)),
        ("3.5살이에요", None),
        ("하루 1일 2회 이용", None),
    ],
)
def test_days_of_next_month_last_weekdays_and_dotted_dates(text: str, expected: date | None) -> None:
    assert R.read(text, WED_1500).need.day == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("밤 10시부터 아침 6시까지요 금요일", date(2026, 11, 27)),  # the day said after the hours is the night's
        ("밤 11시부터 새벽 5시까지 필요해요 다음 주 월요일", date(2026, 11, 30)),
        ("밤 10시부터 토요일 아침 7시까지", date(2026, 11, 27)),  # a day between the hours is the morning's
    ],
)
def test_a_night_keeps_the_day_said_after_its_hours(text: str, day: date) -> None:
    assert R.read(text, WED_1500).need.day == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("이번 달 넷째 주 금요일", date(2026, 11, 27)),
        ("다음 달 첫째 주 화요일에", date(2026, 12, 1)),
        ("다음 주 화 목 저녁에 맡겨요", date(2026, 12, 1)),  # weekdays by their letter after 다음 주
        ("이번주 금, 토 이틀", date(2026, 11, 27)),
        ("다음주 목 3시부터", date(2026, 12, 3)),
        ("다음 주 일 끝나고 연락드릴게요", None),  # 일 = work, not Sunday
        ("현충일에 출근해요", date(2027, 6, 6)),
        ("한글날 전날", date(2027, 10, 8)),
        ("개천절 다음 날", date(2027, 10, 4)),
    ],
)
def test_this_months_nth_weekday_bare_weekday_letters_and_more_named_holidays(text: str, expected: date | None) -> None:
    assert R.read(text, WED_1500).need.day == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("어제 열이 나서 병원 갔는데 모레 아침 9시부터 맡겨야 해요", date(2026, 11, 27)),
        ("오늘 어린이집에서 연락 왔는데 내일 하루 봐주세요", date(2026, 11, 26)),
        ("오늘 밤부터 내일 아침까지", date(2026, 11, 25)),  # a range, not a past clause
    ],
)
def test_a_day_told_in_the_past_tense_is_not_the_care_day(text: str, expected: date) -> None:
    assert R.read(text, WED_1500).need.day == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("제가 데리러 갈 때까지요 7시 반쯤", (None, "19:30")),
        ("남편 올 때까지만 9시쯤?", (None, "21:00")),
        ("4시쯤 가서 남편 올 때까지", ("16:00", None)),  # the words come after the hour: it is the start
    ],
)
def test_until_said_in_words_before_its_hour_makes_that_hour_the_end(text: str, expected: tuple) -> None:
    assert hours(text) == expected


@pytest.mark.parametrize(("said", "now", "day"), [
    ("이번 주말 일요일 오후 1시부터 5시까지", "2027-04-06T10:00", "2027-04-11"),  # a Tuesday: that weekend's Sunday
    ("주말에 일요일 낮에만 봐주실 분", "2027-04-06T10:00", "2027-04-11"),
    ("다음 주말 일요일 2시부터", "2027-04-06T10:00", "2027-04-18"),
    ("다음 주말 토요일 2시부터", "2027-04-06T10:00", "2027-04-17"),
    ("이번 주말 일요일 3시부터", "2027-04-11T09:00", "2027-04-11"),  # said on that Sunday: today
])
def test_a_weekday_after_the_weekend_names_that_day_of_it(said: str, now: str, day: str) -> None:
    from routing.days import find_day

    today = datetime.fromisoformat(now).date()
    assert find_day(said, today) == date.fromisoformat(day)


@pytest.mark.parametrize(("said", "day"), [
    ("설 연휴 첫날 일하러 가야 해서 5살 맡길 곳", "2027-02-06"),  # Sat 6 to Tue 9 (the alternative holiday)
    ("설 연휴 마지막 날 오전에 4살", "2027-02-09"),
    ("추석 연휴 끝나면 바로 출근이라 추석 연휴 끝나고 다음 날 3살", "2027-09-17"),  # Tue 14 to Thu 16
    ("추석 연휴 지나고 첫 출근날 4살", "2027-09-17"),
    ("한글날 대체휴일 낮에 6살 봐주실 분", "2027-10-11"),  # Hangul Day 2027 is a Saturday
])
def test_days_named_by_a_holidays_run_of_days_off(said: str, day: str) -> None:
    from routing.days import find_day

    assert find_day(said, date(2027, 1, 20)) == date.fromisoformat(day)
