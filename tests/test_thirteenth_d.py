"""The thirteenth session's fourth look: a birth told as a year and month with 낳았어요 or 태어났어요; a younger
child named by birth order beside another; a benefit asked by who the family is; a child kept home to recover;
a sick child's care asked for tomorrow after today's early leave."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.reader_cases import described, first_service

SEOUL = ZoneInfo("Asia/Seoul")
MONDAY = datetime(2027, 9, 6, 14, 0, tzinfo=SEOUL)
"""Monday 6 September 2027: tomorrow is the 7th."""


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2027년 3월에 낳았어요 아들이요 봐주실 분 찾아요", 5),  # born 15 March: five full months on 6 September
        ("우리 아들 2025년 1월 태어났어요 다음주 월요일 맡기고 싶어요", 31),
        ("2026년 6월에 태어났는데 어린이집 자리가 없어서요", 14),
        ("딸은 2024년 12월에 낳은 아이예요 토요일에 봐주세요", 32),
    ],
)
def test_birth_year_and_month_with_a_verb(text: str, months: int) -> None:
    seen = described(text, MONDAY)
    assert seen["age_months"] == months
    assert len(seen["children"]) == 1


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2027년 3월에 낳을 예정이에요 미리 알아보려고요", None),  # not born yet
        ("2025년 3월 이사 와서 아는 사람이 없어요 5살이에요", 60),  # a move, not a birth
    ],
)
def test_year_and_month_without_a_birth_is_no_age_from_it(text: str, months: int | None) -> None:
    assert described(text, MONDAY)["age_months"] == months


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("큰애 학예회인데 그건 아니고 그날 오후에 둘째 10개월 봐주실 곳 찾아요 2시~6시", 2),
        ("애가 요즘 자꾸 동생 때려서 고민이에요 상담 받을 곳 있나요", 2),
        ("아이가 밤마다 동생을 깨워요 어디 물어볼 데 있을까요", 2),
        ("딸이 내일 학교 행사라 제가 가야 돼서요 막내가 아직 20개월이라 오전에 봐주실 곳", 2),
        ("아들이 발표회가 있어서 둘째는 3살인데 토요일 10시부터 1시", 2),
        ("제 동생이 봐주기로 했는데 못 온대요 애가 3살이에요", 1),  # the parent's sibling
        ("애가 제 동생이랑 잘 놀아요 4살 내일 봐주실 분", 1),
        ("둘째만 내일 맡길게요", 1),  # one child said, as the README has it
        ("막내 아들이 아직 14개월이라 봐주실 곳", 1),
    ],
)
def test_a_younger_child_named_beside_another(text: str, count: int) -> None:
    assert len(described(text, MONDAY)["children"]) == count


@pytest.mark.parametrize(
    "text",
    [
        "국가유공자 가정인데 애들 돌봄 지원 같은거 있나요",
        "보훈가족도 받을 수 있는 지원 같은거 있어요?",
        "유공자 자녀 혜택 같은거 궁금해요",
    ],
)
def test_a_benefit_by_who_the_family_is(text: str) -> None:
    assert first_service(text, MONDAY) == "other-dept"


def test_care_asked_beside_a_veteran_parent_stays_care() -> None:
    assert first_service("내일 3시부터 6시 4살 봐주세요 남편이 국가유공자예요", MONDAY) != "other-dept"


@pytest.mark.parametrize(
    "text",
    [
        "어제 고열로 응급실 갔다왔어요 지금은 열이 내리고 잘 먹어요 어린이집에서 이틀 쉬라고 해서 집에서 봐주실 분",
        "밤새 열나서 병원 다녀왔는데 지금은 열도 좀 떨어졌어요 유치원은 쉬라고 해서 집으로 와주실 선생님 구해요",
        "그저께 폐렴으로 입원했다 퇴원했어요 지금은 열 다 내렸는데 며칠 등원 못해서 집에서 봐주실 분 찾아요 4살",
    ],
)
def test_a_child_kept_home_to_recover_is_home_care(text: str) -> None:
    assert first_service(text, MONDAY) == "home-care"


def test_a_fever_not_going_down_is_still_now() -> None:
    assert described("지금 열이 안 내려요 39도예요 봐주실 분 4살", MONDAY)["date"] == "2027-09-06"


@pytest.mark.parametrize(
    "text",
    [
        "오늘 애 열나서 회사 조퇴.. 내일 집에서 봐주실 분 있나요 3살",
        "오늘 반차 쓰고 애 병원 데려갔어요 낼 장염 걸린 애 봐줄 분 구해요 4살",
        "오늘은 연차 냈는데 내일은 출근해야 돼요 수족구 걸린 애 봐주실 분 5살",
    ],
)
def test_today_s_early_leave_told_leaves_tomorrow(text: str) -> None:
    assert described(text, MONDAY)["date"] == "2027-09-07"


def test_early_leave_today_with_care_today_stays_today() -> None:
    assert described("오늘 조퇴가 안 돼서 오늘 오후 3시부터 6시까지 봐주실 분 4살", MONDAY)["date"] == "2027-09-06"
