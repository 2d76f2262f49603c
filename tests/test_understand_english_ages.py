"""Ages and grades written in English or mixed into Korean are read like the Korean ones; English spans of time
("for 2 months", "3 months ago") are no ages."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

import pytest

from routing.englishages import korean_ages
from routing.match import rank
from routing.need import Child
from tests.test_understand_ages import R
from tests.test_understand_ages import kids as children_of

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))
kids = partial(children_of, now=NOW)
"""The children read from a message sent at NOW (the reader shared with tests/test_understand_ages.py)."""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Can someone watch my 5 year old tonight?", (Child(60),)),
        ("my 6yo needs after school care", (Child(72),)),
        ("She's 9 months old", (Child(9),)),
        ("looking for care for a 20 month old", (Child(20),)),
        ("I have a 2-year-old and an 8 year old", (Child(24), Child(96))),
        ("my daughter is three years old", (Child(36),)),
        ("my boy is 3 and a half years old", (Child(42),)),
        ("1.5 yrs old toddler", (Child(18),)),
        ("kid 4 y/o", (Child(48),)),
        ("my son is a 4th grader", (Child(None, 4),)),
        ("she is in grade 1", (Child(None, 1),)),
        ("I have a newborn", (Child(0),)),
        ("twins, 2 years old", (Child(24), Child(24))),
        ("10 month old 아기 내일 맡길 곳", (Child(10),)),
        ("5 year old 딸이랑 초3 아들", (Child(60), Child(None, 3))),
        ("3살 son 있어요 babysitter 필요해요", (Child(36),)),
        ("my daughter is 6 and needs a place tomorrow", (Child(72),)),
        ("The boy is seven.", (Child(84),)),
        ("aged 3, a girl", (Child(36),)),
        ("two kids, 4 and 9 years old", (Child(48), Child(108))),
        ("is there care for 11-month-old twins", (Child(11), Child(11))),
    ],
)
def test_english_ages_are_read(text: str, expected: tuple[Child, ...]) -> None:
    assert kids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I need a sitter for 2 months",
        "we moved here 3 months ago",
        "every 2 weeks for 6 months please",
        "we are staying for the next 2 years",
        "My phone is 010 1234 5678",
        "I'd like to book tomorrow at 3pm",
        "she is 5pm off work",
        "my son is 3 hours away",
    ],
)
def test_english_spans_of_time_are_no_ages(text: str) -> None:
    assert kids(text) == ()


def test_an_english_age_leads_to_the_services_for_that_age() -> None:
    school = R.read("my 8 year old needs care after school on Wednesday", NOW)
    baby = R.read("my 8 month old needs care on Wednesday afternoon", NOW)
    assert school.need.child.age_months == 96 and baby.need.child.age_months == 8
    K = R.knowledge
    assert rank(school.need, K).best.service.id == "after-school"  # type: ignore[union-attr]
    assert rank(baby.need, K).best.service.id == "daycare-365"  # type: ignore[union-attr]


def test_korean_text_without_english_ages_is_left_as_it_is() -> None:
    for text in ("4살 딸 내일 맡기고 싶어요", "my name is Kim", "babysitter 필요해요 5살"):
        assert korean_ages(text) == text
