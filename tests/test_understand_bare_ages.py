"""Ages written as a bare number beside the word that says whose age it is ("나이 6", "아들(5)", "첫째 7 둘째 5"), and
the same age said twice ("4살(48개월)"); numbers that are times, dates, counts or measures stay what they are."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from routing.bareages import spelled_ages
from routing.need import Child
from tests.test_understand_ages import kids as children_of

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))
kids = partial(children_of, now=NOW)
"""The children read from a message sent at NOW (the reader shared with tests/test_understand_ages.py)."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("아이 나이: 7 내일 오후 맡길 곳", (Child(84),)),
        ("나이는 3이에요", (Child(36),)),
        ("연령 만 5", (Child(60),)),
        ("딸(6) 아들(4) 토요일에 맡기고 싶어요", (Child(72), Child(48))),
        ("큰애 9 작은애 6 둘 다 봐주실 분", (Child(108), Child(72))),
        ("손자 4, 손녀 2", (Child(48), Child(24))),
        ("막내 3 맡길 곳", (Child(36),)),
    ],
)
def test_a_bare_number_beside_whose_age_it_is_is_years(text: str, expected: tuple[Child, ...]) -> None:
    assert kids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "아들 4시에 하원해요",
        "딸 3명 엄마예요",
        "둘째 5일에 맡기려고요",
        "아기 8kg 정도예요",
        "큰애 2학년",
        "딸 7~9시 맡길 곳",
        "나이 30대 엄마예요",
    ],
)
def test_numbers_that_are_times_dates_counts_or_measures_stay_so(text: str) -> None:
    assert all(c.age_months is None for c in kids(text))


def test_a_message_without_the_words_is_left_as_it_is() -> None:
    for text in ("오늘 3 4 5시", "율곡동 5", "4살 딸 내일"):
        assert spelled_ages(text) == text


@pytest.mark.parametrize(
    ("text", "months"), [("5살(60개월) 딸", 60), ("40개월 (3살) 아들", 40), ("2살(만 1세) 아기", 12)]
)
def test_the_same_age_said_again_in_brackets_is_one_child(text: str, months: int) -> None:
    assert kids(text) == (Child(months),)


def test_two_ages_side_by_side_in_brackets_that_cannot_be_one_child_are_two() -> None:
    assert kids("7살(3살 동생이랑)") == (Child(84), Child(36))


@pytest.mark.parametrize("text", ["딸2 아들1 키워요", "아들 1 딸 1 있어요", "손녀 1, 손자 2"])
def test_sons_and_daughters_counted_with_digits_are_no_ages(text: str) -> None:
    assert all(c.age_months is None for c in kids(text))
