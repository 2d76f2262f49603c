"""Care hours and days beside other hours, with new sentences: a start said as when the child's day finishes ("그
뒤로"), a pick-up clock deciding the range's half of the day, work and activity hours beside the care's, a correction
of the range's end, a daycare child named with a clause, the day the hours are said for after a list of days, and a
child taken to daycare before it opens."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described

TUE = datetime(2027, 5, 18, 10, 0, tzinfo=KST)
"""A Tuesday morning: evening hours are still ahead today."""
WED, THU, FRI, SAT = "2027-05-19", "2027-05-20", "2027-05-21", "2027-05-22"


def hours(text: str, now: datetime = TUE) -> tuple[str | None, str | None]:
    d = described(text, now)
    return d["start"], d["end"]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("어린이집 끝나는 게 6시라 그 뒤로 9시까지 봐주실 분 4살", "18:00", "21:00"),
    ("학교 끝나면 1시 반인데 그 다음부터 6시까지 초1 아들", "13:30", "18:00"),
    ("하원이 4시인데 그 뒤로 8시까지요 5살", "16:00", "20:00"),
    ("학원 끝나는 게 5시라 그 다음에 9시까지 초3", "17:00", "21:00"),
    ("유치원 마치는 게 3시라서 그 후로 7시까지 맡길 곳 6살", "15:00", "19:00"),
])
def test_a_childs_day_finishing_then_care_after_it_starts_the_care(text: str, start: str, end: str) -> None:
    assert hours(text) == (start, end), text


@pytest.mark.parametrize(("text", "start", "end"), [
    ("퇴근이 7시라 그 뒤로는 제가 봐요 내일 3시부터 7시까지 5살", "15:00", "19:00"),  # the parent's own: a start said
    ("출근이 8시라 그 뒤로는 남편이 봐요 6시까지만 봐주세요", None, "18:00"),  # work starting is no care's start
])
def test_then_after_a_parents_own_hour_is_no_start(text: str, start: str | None, end: str) -> None:
    assert hours(text) == (start, end), text


@pytest.mark.parametrize(("text", "start", "end"), [
    ("어린이집 6시에 끝나는데 6시부터 9시까지 봐주실 분 있나요 3살", "18:00", "21:00"),
    ("유치원 7시에 끝나요 7시부터 10시까지만 부탁드려요", "19:00", "22:00"),
    ("하원이 6시 반이라 6시 반부터 8시 반까지 4살", "18:30", "20:30"),
    ("어린이집 6시에 끝나는데 7시부터 9시까지 봐줄 데", "19:00", "21:00"),
])
def test_a_range_after_the_childs_finishing_clock_is_the_afternoons(text: str, start: str, end: str) -> None:
    assert hours(text) == (start, end), text


def test_the_range_after_a_finish_is_today_when_still_ahead() -> None:
    d = described("어린이집 6시에 끝나는데 6시부터 9시까지 봐주실 분 있나요 3살", TUE)
    assert d["date"] == "2027-05-18"


@pytest.mark.parametrize(("text", "start"), [
    ("아침 6시부터 9시까지 봐주실 분 4살", "06:00"),  # a real morning range
    ("새벽 6시에 끝나는 야간 근무라 6시부터 9시까지 4살", "06:00"),  # the finish said with its 새벽
    ("어린이집 9시에 시작하는데 7시부터 9시까지 봐주실 분", "07:00"),  # before daycare opens: no finish
])
def test_morning_ranges_stay_the_mornings(text: str, start: str) -> None:
    assert hours(text)[0] == start, text


@pytest.mark.parametrize(("text", "start", "end"), [
    ("내일 밤 1시 넘어서까지 근무해요 애 4살 밤 9시부터 새벽 2시까지", "21:00", "02:00"),
    ("수영이 3시부터 5시까지예요 수영 끝나고 5시부터 제가 오는 9시까지 봐주실 분 초2", "17:00", "21:00"),
    ("피아노 학원이 2시부터 3시까지고 3시부터 6시까지가 비어요 초1", "15:00", "18:00"),
    ("퇴근이 8시라 8시 반까진 데리러 갈 수 있어요 내일 6시부터 그때까지 4살", "18:00", "20:30"),
    ("남편이 9시에 와요 내일 4시부터 그때까지 맡길 곳 5살", "16:00", "21:00"),
    ("저 8시부터 5시까지 근무인데 애가 3시에 끝나요 3시부터 6시까지만 봐주실 분", "15:00", "18:00"),
])
def test_only_the_care_window_counts_beside_work_and_activity_hours(text: str, start: str, end: str) -> None:
    assert hours(text) == (start, end), text


def test_a_standing_work_range_beside_care_hours_names_no_day() -> None:
    d = described("저 8시부터 5시까지 근무인데 애가 3시에 끝나요 3시부터 6시까지만 봐주실 분", TUE)
    assert d["date"] is None and not d["date_assumed"]


@pytest.mark.parametrize(("text", "date", "start", "end"), [
    ("내일 8시부터 5시까지 근무라 4살 맡길 곳", WED, "08:00", "17:00"),  # the work range alone is the care's
    ("오늘 9시부터 6시까지 근무인데 4시부터 7시까지 5살 봐주실 분", "2027-05-18", "16:00", "19:00"),  # a day said
    ("태권도가 2시부터 4시까지에요 초1 아들 봐주실 분", "2027-05-18", "14:00", "16:00"),  # one range told
    ("오늘 밤 12시 넘어서까지 봐주실 분 5살", "2027-05-18", None, "00:00"),  # past midnight: an end
])
def test_a_range_said_alone_stays_the_care(text: str, date: str, start: str | None, end: str) -> None:
    d = described(text, TUE)
    assert (d["date"], d["start"], d["end"]) == (date, start, end), text


@pytest.mark.parametrize(("text", "date", "start", "end"), [
    ("금요일 4시부터 7시.. 아 7시 아니고 7시반이요 5살", FRI, "16:00", "19:30"),
    ("내일 저녁 6시부터 9시 아니 10시요 4살", WED, "18:00", "22:00"),
    ("토요일 10시부터 2시.. 아 10시 아니고 11시부터요 3살", SAT, "11:00", "14:00"),
    ("목요일 3시부터 6시 아니고 6시반까지요 초2", THU, "15:00", "18:30"),
    ("목요일 아니고 금요일 5시부터 8시까지 4살", FRI, "17:00", "20:00"),  # the day corrected, not the hours
])
def test_a_correction_inside_the_message_replaces_only_what_it_names(
        text: str, date: str, start: str, end: str) -> None:
    d = described(text, TUE)
    assert (d["date"], d["start"], d["end"]) == (date, start, end), text


@pytest.mark.parametrize(("text", "months"), [
    ("내일부터 아이 유치원 다니는데 제가 출근이 7시라 6시 반부터 유치원 갈 때까지 부탁드려요 시댁은 멀고 5살", 60),
    ("애기 어린이집 다니는데 남편이 출장이라 혼자예요 부모님도 지방에 계시고 28개월", 28),
    ("우리 애 유치원 가는데 친정은 멀어요 6살", 72),
])
def test_a_child_said_to_attend_daycare_with_a_clause_is_the_child_aged_later(text: str, months: int) -> None:
    d = described(text, TUE)
    assert len(d["children"]) == 1 and d["age_months"] == months, text


def test_the_start_before_daycare_is_kept_with_no_end() -> None:
    text = "내일부터 아이 유치원 다니는데 제가 출근이 7시라 6시 반부터 유치원 갈 때까지 부탁드려요 시댁은 멀고 5살"
    assert hours(text) == ("06:30", None)


@pytest.mark.parametrize("text", [
    "초2 딸이랑 어린이집 다니는 아들 내일 봐주세요",
    "7살 딸이랑 유치원 다니는 동생 봐주실 분",
])
def test_a_daycare_child_named_beside_another_is_a_second_child(text: str) -> None:
    assert len(described(text, TUE)["children"]) == 2, text


@pytest.mark.parametrize(("text", "date"), [
    ("금요일 토요일 둘 다 야간이에요 토요일 밤 10시부터 아침 6시까지 먼저요 4살", SAT),
    ("수요일이랑 목요일 다 늦게 끝나요 목요일 저녁 6시부터 10시까지 5살", THU),
    ("수요일 목요일 둘 다 출장이에요 목요일 9시부터 6시까지 먼저 부탁해요 3살", THU),
    ("토요일 금요일 둘다 출근이에요 금요일 아침 9시부터 오후 5시까지만 2살", FRI),
])
def test_the_day_named_again_before_the_hours_is_the_care_day(text: str, date: str) -> None:
    assert described(text, TUE)["date"] == date, text


@pytest.mark.parametrize(("text", "date"), [
    ("금요일 토요일 둘다 출근이에요 금요일 9시부터 5시까지 4살", FRI),  # the first named again
    ("금요일이랑 토요일 9시부터 5시까지 4살", FRI),  # two days, the hours for both
])
def test_the_first_day_stays_when_the_hours_are_its_own(text: str, date: str) -> None:
    assert described(text, TUE)["date"] == date, text


@pytest.mark.parametrize("text", [
    "내일 새벽 6시 출근이라 애 8시에 어린이집 데려다 주실 분 6시부터 8시까지요",
    "모레 5시 반 출근인데 유치원 등원 시켜주실 분 있나요 5시 반부터 8시 반까지",
    "애 유치원 데려다 줄 사람이 없어요 내일 아침 7시부터 9시까지",
])
def test_a_child_taken_to_daycare_before_it_opens_goes_to_home_care(text: str) -> None:
    d = described(text, TUE)
    assert d["services"][:1] == ["home-care"], (text, d["services"])
    assert len(d["children"]) == 1


_TENTH_NOW = datetime(2027, 5, 12, 9, 0, tzinfo=KST)  # a Wednesday morning


def test_a_missed_pickup_is_not_the_start_when_the_hours_are_said_after_it() -> None:
    # "6시반까지 못가요 5시부터 8시까지": the range said after the pick-up the parent cannot make is the care's
    got = described("엄마 대신 제가 데리러 가야 하는데 6시 반까지 못 가요 5시부터 8시까지 4살 봐주실 분", _TENTH_NOW)
    assert (got["start"], got["end"]) == ("17:00", "20:00")


def test_a_day_named_again_far_before_the_hours_and_turned_down_is_not_their_day() -> None:
    text = ("다음 주 화요일이랑 수요일에 출장이라서요 아 수요일은 할머니가 봐주신대서 화요일만요. "
            "시간은 아침 8시부터 저녁 7시까지고 애는 30개월이에요")
    assert described(text, _TENTH_NOW)["date"] == "2027-05-18"
