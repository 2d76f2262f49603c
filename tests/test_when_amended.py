"""A day or an hour corrected in words inside one message gives way to the correction, in every form a parent
types it (아니고, 아니야, 말고, 대신, "..아", "이었나? 아", "->", 로 바꿔); what it does not touch stays."""

from __future__ import annotations

from datetime import date, datetime
from itertools import product
from zoneinfo import ZoneInfo

import pytest

from tests.shipped import READER

KST = ZoneInfo("Asia/Seoul")
TUE_1100 = datetime(2026, 12, 8, 11, 0, tzinfo=KST)  # a Tuesday
R = READER


def hm(m: int | None) -> str | None:
    return None if m is None else f"{m // 60 % 24:02d}:{m % 60:02d}"


CORRECTED = [
    "{a} 아니고 {b}로 해주세요", "{a}.. 아 아니 {b}이요", "{a} 아니야 {b}", "{a} 말고 {b}요",
    "{a} 대신 {b}로 바꿔주세요", "{a}에서 {b}로 변경할게요", "{a} 예약을 {b}로 옮겨 주세요", "{a}이었나? 아 {b}이요",
    "{a}.. 잘못 썼어요 {b}요", "{a} 취소하고 {b}에 부탁해요", "{a} -> {b}", "{a}, 정정할게요 {b}이요",
    "{a} 아니 {b} 아니 {b}",
]
PAIRS = [("목요일", "금요일", date(2026, 12, 11)), ("내일", "모레", date(2026, 12, 10)),
         ("12월 20일", "12월 21일", date(2026, 12, 21)), ("이번 주 토요일", "다음 주 토요일", date(2026, 12, 19))]


@pytest.mark.parametrize(("form", "pair"), list(product(CORRECTED, PAIRS)))
def test_a_day_corrected_in_words_gives_the_corrected_day(form: str, pair: tuple[str, str, date]) -> None:
    a, b, expected = pair
    assert R.read(form.format(a=a, b=b), TUE_1100).need.day == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("목요일 아니면 금요일 괜찮아요", date(2026, 12, 10)),  # either: the first
    ("목요일이랑 금요일 4시부터", date(2026, 12, 10)),
    ("목요일부터 금요일까지", date(2026, 12, 10)),
    ("오늘 밤부터 내일 아침 8시까지", date(2026, 12, 8)),
])
def test_days_said_together_are_not_corrections(text: str, expected: date) -> None:
    assert R.read(text, TUE_1100).need.day == expected


HOUR_FORMS = ["{a} 아니 {b}", "{a} 아니고 {b}", "{a}.. 아 아니다 {b}", "{a} 아니야 {b}", "{a} 말고 {b}", "{a} 대신 {b}",
              "{a}였나? 아 {b}", "{a} -> {b}", "{a}.. 아 {b}", "{a} 하려다가 {b}"]


@pytest.mark.parametrize(("form", "case"), list(product(HOUR_FORMS, [
    # (first words, correction, start, end): the corrected start keeps the half of the day of the hour it replaces
    ("모레 5시부터", "6시부터 9시까지", "18:00", "21:00"),
    ("모레 오후 5시부터", "6시부터 9시까지요", "18:00", "21:00"),
    ("모레 아침 7시부터", "8시부터 12시까지", "08:00", "12:00"),
    ("모레 3시부터", "4시부터 7시까지", "16:00", "19:00"),
    ("모레 3시부터 7시까지", "4시부터 8시까지", "16:00", "20:00"),
])))
def test_an_hour_corrected_in_words_gives_the_corrected_hours(form: str, case: tuple[str, str, str, str]) -> None:
    a, b, start, end = case
    need = R.read(form.format(a=a, b=b), TUE_1100).need
    assert (need.day, hm(need.start), hm(need.end)) == (date(2026, 12, 10), start, end)


@pytest.mark.parametrize("form", ["{a} 아니 {b}", "{a}.. 아 {b}", "{a} 아니야 {b}", "{a} -> {b}"])
def test_a_corrected_end_keeps_the_start_said_before(form: str) -> None:
    need = R.read(form.format(a="모레 2시부터 6시까지", b="7시까지요"), TUE_1100).need
    assert (hm(need.start), hm(need.end)) == ("14:00", "19:00")



@pytest.mark.parametrize("form", ["원래 {a}이었는데 {b}로 바뀌었어요", "원래는 {a}인데 {b}로 옮겼어요",
                                  "{a}에 하려다가 {b}로 했어요", "출장이 {a}에서 {b}로 바뀌어서 {b} 9시부터"])
def test_a_plan_moved_to_another_day_is_on_that_day(form: str) -> None:
    assert R.read(form.format(a="목요일", b="금요일"), TUE_1100).need.day == date(2026, 12, 11)


@pytest.mark.parametrize("form", ["{a}이랑 {b}로 했어요", "{a}과 {b}로 정했어요", "{a}, {b}로 했어요"])
def test_days_chosen_together_keep_the_first(form: str) -> None:
    assert R.read(form.format(a="목요일", b="금요일"), TUE_1100).need.day == date(2026, 12, 10)


def test_an_end_said_in_words_before_its_hour() -> None:
    need = R.read("모레 늦게까지 9시 반 4살", TUE_1100).need
    assert (hm(need.start), hm(need.end)) == (None, "21:30")


@pytest.mark.parametrize(("text", "expected"), [
    ("아 아니 6시요 6시까지요 아까 잘못 썼어요 3살 아이 내일 10시부터", ("10:00", "18:00")),
    ("7시까지요 아까 잘못 보냈어요 내일 1시부터", ("13:00", "19:00")),
    ("8시까지.. 정정할게요 내일 낮 12시부터", ("12:00", "20:00")),
    ("내일 2시부터요 아 잘못 썼다 3시부터 6시까지", ("15:00", "18:00")),
])
def test_an_end_then_a_start_across_a_correction_word_are_the_window(text: str, expected: tuple[str, str]) -> None:
    """A correction word between an end and a start does not make the start replace the end: they are the two ends of
    one window (the correction was about an earlier message), while a start still replaces a start."""
    need = R.read(text, TUE_1100).need
    assert (hm(need.start), hm(need.end)) == expected, text
