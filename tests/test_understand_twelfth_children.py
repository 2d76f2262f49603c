"""How many children and which grade (round 12): a grade in Sino-Korean letters joined to another child ("초삼이랑
다섯살"), a grade and an age that cannot be one child ("초일 다섯살"), a grade with its age in words ("초1 일곱살"),
and 경상도 "아" for the child."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.reader_cases import KST, described

NOW = datetime(2027, 5, 17, 12, 30, tzinfo=KST)


def kids(text: str) -> list[tuple[int | None, int | None]]:
    return [(c["age_months"], c["school_grade"]) for c in described(text, NOW)["children"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("초사랑 여섯살 딸 둘이 내일 오후에 봐주실 분", [(None, 4), (72, None)]),
        ("초육이랑 세살 막내 오늘 저녁 맡길 곳 있나요", [(None, 6), (36, None)]),
        ("초이하고 유치원 다니는 동생 토요일 오전", [(None, 2), (None, None)]),
        ("초오랑 초일 둘이 집에 있어요 세시부터 봐주세요", [(None, 5), (None, 1)]),
        ("초일이고 동생은 두살이에요 내일 아침부터", [(None, 1), (24, None)]),
    ],
)
def test_a_grade_in_letters_joined_to_another_child_is_read(text: str, expected: list) -> None:
    assert kids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "초이랑 같이 놀다 왔어요 내일 세시부터 봐줄 분",  # 초이: a name, no child beside it
        "최초일이랑 다섯살 같이 가요",  # 최초일: another word
        "초삼이라는 가게 앞에서 만나요",
    ],
)
def test_lookalikes_of_a_grade_in_letters_give_no_grade(text: str) -> None:
    assert all(grade is None for _, grade in kids(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("내일 초일 네살 봐주세요", [(None, 1), (48, None)]),
        ("초2 여섯살 남매 토요일에", [(None, 2), (72, None)]),
        ("초3 아홉살 아들 내일 오후", [(108, 3)]),  # the age of a third-grader: one child
        ("초1 일곱살 딸 오늘 저녁", [(84, 1)]),
    ],
)
def test_a_grade_and_an_age_are_one_child_only_when_they_can_be(text: str, expected: list) -> None:
    assert kids(text) == expected


def test_a_grade_followed_by_an_age_in_words_keeps_the_grade() -> None:
    assert kids("첫째 초2 여덟살 둘째 네살 내일 아침 일곱시부터") == [(96, 2), (48, None)]
    assert kids("초1 일곱시까지 봐주실 분")[0] == (None, 1)  # 일곱시: a clock, the grade stays


@pytest.mark.parametrize(
    "text",
    [
        "내일 저녁에 우리 아 맡길 데 있능교",
        "며느리가 아파가 아 봐줄 사람이 없어예",
        "토요일 낮에 아 데리고 갈 데 있나",
    ],
)
def test_dialect_아_before_what_a_carer_does_is_one_child(text: str) -> None:
    assert len(kids(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "아 봐주실 수 있는 시간 알려주세요",  # the interjection, starting the message
        "아, 맡길 데가 어디 있는지 궁금해서요",
        "그렇군요. 아 맡기는 절차가 복잡하네요",
    ],
)
def test_the_interjection_아_is_no_child(text: str) -> None:
    assert kids(text) == []
