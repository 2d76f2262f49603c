"""Days told as a story (지난주 토요일, 토요일에 맡겼던) are never the care day; hours asked for a day gone are past."""

from __future__ import annotations

from datetime import date, datetime
from itertools import product
from zoneinfo import ZoneInfo

import pytest

from routing.days import find_days
from tests.shipped import READER

KST = ZoneInfo("Asia/Seoul")
TUE_1100 = datetime(2026, 12, 8, 11, 0, tzinfo=KST)  # a Tuesday
R = READER
GONE = ["지난주", "저번 주", "지난", "저번에", "지지난주"]
DAYS = {"토요일": date(2026, 12, 12), "금욜": date(2026, 12, 11), "주말": date(2026, 12, 12)}
STORY = ["에 봐주셨던 선생님 또 부탁해요", "에 맡겼는데 애가 좋아했어요", "에 이용했던 곳이요",
         " 봐주신 분 다시 오실 수 있나요"]


@pytest.mark.parametrize(("gone", "day", "tail"), list(product(GONE, DAYS, STORY)))
def test_a_day_said_gone_is_no_care_day(gone: str, day: str, tail: str) -> None:
    u = R.read(f"{gone} {day}{tail}", TUE_1100)
    assert u.need.day is None and not u.past


@pytest.mark.parametrize(("day", "tail"), list(product(["토요일", "금요일", "15일", "크리스마스"], [
    "에 봐주셨던 분이 좋았어요", "에 맡겼었는데 또 맡기고 싶어요", "에 이용한 곳 다시 되나요",
    "이었는데 그때 선생님 또 부탁해요"])))
def test_a_day_told_with_what_happened_then_is_a_story(day: str, tail: str) -> None:
    assert R.read(f"{day}{tail}", TUE_1100).need.day is None


@pytest.mark.parametrize(("gone", "day", "care", "expected"), [
    (g, d, c, e) for g, d in product(["지난주", "저번"], ["토요일", "주말"]) for c, e in [
        ("이번 주 토요일", date(2026, 12, 12)), ("다음 주 일요일", date(2026, 12, 20)), ("내일", date(2026, 12, 9)),
        ("목요일", date(2026, 12, 10))]])
def test_the_care_day_beside_a_day_gone_stands(gone: str, day: str, care: str, expected: date) -> None:
    for text in (f"{gone} {day}처럼 {care}에도 4살 봐주세요", f"{gone} {day}에 맡겼던 곳 {care}에도 되나요"):
        assert R.read(text, TUE_1100).need.day == expected, text


@pytest.mark.parametrize("text", ["지난주 토요일 오후 2시부터 5시까지요", "저번 금요일 10시부터 12시까지 가능할까요",
                                  "지난달 5일 오후 3시부터"])
def test_hours_asked_for_a_day_gone_are_over(text: str) -> None:
    u = R.read(text, TUE_1100)
    assert u.past and u.need.day is None and u.need.start is None and u.need.end is None


@pytest.mark.parametrize(("text", "expected"), [
    ("이번 주 토요일에 맡길 곳 찾아요", date(2026, 12, 12)),
    ("토요일에 갑자기 출장이 잡혔는데 봐주실 분", date(2026, 12, 12)),  # the news is past, the day ahead
    ("다음 주 월요일에 봐주셨으면 해요", date(2026, 12, 14)),
    ("2주 지난 토요일에 부탁해요", date(2026, 12, 12)),  # 지난 after a count is not 'last'
    ("방학 지난 다음 주 월요일부터", date(2026, 12, 14)),
    ("토요일에 봐주실 분 있나요", date(2026, 12, 12)),
    ("토요일에 봐주기로 했던 할머니가 아프셔서 4살", date(2026, 12, 12)),  # a plan made before, for the day ahead
    ("토요일에 가려고 했던 곳이 닫아서요", date(2026, 12, 12)),
])
def test_days_ahead_with_past_looking_words_stay(text: str, expected: date) -> None:
    assert R.read(text, TUE_1100).need.day == expected


def test_the_dialog_sees_no_day_gone_among_the_days_named() -> None:
    days = find_days("지난주 토요일처럼 이번 주 일요일에도요", TUE_1100.date())
    assert [d.day for d in days] == [date(2026, 12, 13)]
    told = find_days("지난주 토요일처럼 이번 주 일요일에도요", TUE_1100.date(), stories=True)
    assert [d.told for d in told] == ["gone", ""]


@pytest.mark.parametrize(("text", "expected"), [
    ("작년 추석에도 맡겼는데 올해 추석 전날 부탁해요", date(2027, 9, 14)),  # the care day after a day told about
    ("월요일에 전화했는데 토요일 10시부터 되나요", date(2026, 12, 12)),  # a call made that day: the day is gone
    ("금요일에 문의드렸는데 답이 없어서 일요일 4살", date(2026, 12, 13)),
])
def test_a_day_of_a_call_or_a_story_gives_way_to_the_care_day(text: str, expected: date) -> None:
    assert R.read(text, TUE_1100).need.day == expected


@pytest.mark.parametrize(("said", "expected"), [
    ("다담주 월요일", date(2026, 12, 21)), ("다다음주 월요일", date(2026, 12, 21)), ("다담주 주말", date(2026, 12, 26)),
    ("담주 월요일", date(2026, 12, 14))])
def test_weeks_ahead_in_short_forms(said: str, expected: date) -> None:
    assert R.read(f"{said} 4살 봐주세요", TUE_1100).need.day == expected
