"""Readings from the eleventh session's misses: a typo form of a word that is also where the next word starts in a
compact message, and an end referred to by "그때까지" with the child's day finishing said in the same message."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from routing.command import describe
from tests.shipped import READER, SHIPPED

SEOUL = ZoneInfo("Asia/Seoul")
MONDAY_MORNING = datetime(2027, 4, 19, 8, 10, tzinfo=SEOUL)


def read(text: str, now: datetime = MONDAY_MORNING) -> dict:
    return describe(READER.read(text, now), SHIPPED)


@pytest.mark.parametrize(
    "text",
    [
        "야간 근무라 다음주 화수 밤 10시부터 아침 6시까지 돌보미 구합니다 첫째 8살 둘째 4살",
        "목요일 저녁에 봐주실분 찾습니다 첫째는 초2고 둘째는 5살이에요",
        "주말 낮에 맡길 곳 찾아요 갔다가 저녁에 와요 갓난아기 있어서요",
        "애들 좀 봐주세요 저녁 먹었다 햇빛 보러 나가려고요 4살",
    ],
)
def test_a_typo_form_that_starts_the_next_word_is_no_carers_emergency(text: str) -> None:
    """다첫 is how 다쳤 (hurt) is typed, and also "…니다 첫째" with the space gone: no emergency in these."""
    assert "emergency-119" not in read(text)["services"][:1]


@pytest.mark.parametrize(
    "text",
    [
        "남편이 일하다 다첫어요 지금 병원인데 4살 애 봐줄 곳",
        "할머니가 계단에서 넘어져서 다첬대요 오늘 5살 아이 맡길 데",
    ],
)
def test_the_typo_forms_of_hurt_still_read_as_an_emergency(text: str) -> None:
    assert read(text)["services"][0] == "emergency-119"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("퇴근해서 데리러 가면 7시 반쯤인데 그때까지 초2 아들 봐줄 곳 있나요 학교는 1시 50분에 끝나요", "13:50", "19:30"),
        ("남편이 8시에 오는데 그때까지만 봐주세요 유치원 끝나는게 4시라서요 5살", "16:00", "20:00"),
        ("어린이집 하원이 3시 반이라서요 제가 데리러 가면 6시 넘는데 그때까지 봐줄 분 4살", "15:30", "18:00"),
    ],
)
def test_an_end_referred_to_by_until_then_runs_from_the_childs_day_finishing(text: str, start: str, end: str) -> None:
    reading = read(text)
    assert (reading["start"], reading["end"]) == (start, end)
