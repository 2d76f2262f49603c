"""Children as parents describe them: birth years and dates, years and months, class names, twins, next year."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from routing.ages import find_children
from routing.need import Child
from tests.shipped import READER, SHIPPED

NOW = datetime(2026, 12, 6, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))
MARCH = datetime(2027, 3, 20, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))
K = SHIPPED
R = READER
KST = ZoneInfo("Asia/Seoul")


def kids(text: str, now: datetime = NOW) -> tuple[Child, ...]:
    return R.read(text, now).children


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21년생 아들이에요", (Child(65),)),
        ("2019년생 딸", (Child(89, 1),)),  # at school since March 2026 (README: birth years)
        ("24년 3월생 아기", (Child(32),)),
        ("2024.03.20생", (Child(32),)),
        ("2025년 10월 1일에 태어났어요", (Child(14),)),
        ("1년 3개월 된 아기", (Child(15),)),
        ("2년 반 됐어요", (Child(30),)),
        ("신생아 있어요", (Child(0),)),
        ("돌 지나고 두 달 됐어요", (Child(14),)),
        ("두 돌 지나서 5개월", (Child(29),)),
        ("3개월 신생아", (Child(3),)),
        ("쌍둥이 3살이에요", (Child(36), Child(36))),
        ("세쌍둥이 18개월", (Child(18), Child(18), Child(18))),
        ("5살 쌍둥이랑 초2 누나", (Child(60), Child(60), Child(school_grade=2))),
    ],
)
def test_children(text: str, expected: tuple[Child, ...]) -> None:
    assert kids(text) == expected


def test_a_birth_year_counts_from_now() -> None:
    assert kids("20년생", NOW)[0].age_months == 77
    assert kids("20년생", MARCH)[0].age_months == 80


def test_class_names_are_preschool_children() -> None:
    for text in ("7세반 다녀요", "만 5세반이에요", "6세반 아이", "0세반", "2세반 아기", "4세반"):
        (child,) = kids(text)
        assert child.school_grade is None and child.age_months is not None
        assert child.age_months < K.school_from_months, text
    assert kids("7세반")[0].age_months > kids("5세반")[0].age_months > kids("2세반")[0].age_months


def test_a_child_who_starts_school_next_year_is_preschool() -> None:
    assert kids("7살인데 내년에 학교 가요")[0].age_months == K.school_from_months - 1
    assert kids("내년에 초등학교 입학하는 아이")[0].age_months < K.school_from_months
    assert kids("예비 초등 아들")[0].school_grade is None


def test_a_grade_next_year_is_not_the_current_grade() -> None:
    assert kids("내년에 2학년 올라가는 딸") == (Child(school_grade=1),)
    assert kids("내년에 초4 돼요") == (Child(school_grade=3),)
    assert kids("8살이고 내년에 2학년") == (Child(96),)
    assert kids("지금 3학년") == (Child(school_grade=3),)


def test_a_year_long_span_is_not_an_age() -> None:
    assert kids("1년 동안 이용하고 싶어요") == ()
    assert kids("2년 넘게 기다렸어요") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("중3 딸 맡길 데 있나요", (Child(180),)),
        ("고등학생 아들", (Child(192),)),
        ("중학생 13살 딸", (Child(156),)),  # the age said wins over the school's usual one
        ("13살 중딩 아들", (Child(156),)),
        ("초6 아들이랑 중1 딸", (Child(school_grade=6), Child(156))),
        ("중학교 교사인데 5살 딸", (Child(60),)),  # a parent's job, not a child
        ("하고 3시간", ()),
    ],
)
def test_middle_and_high_school_children_are_past_every_care_service(text: str, expected: tuple) -> None:
    assert kids(text) == expected


def test_a_middle_school_child_is_sent_where_to_ask() -> None:
    from routing.match import rank

    ranking = rank(R.read("중2 아들 방과후에 맡길 곳", NOW).need, K)
    assert ranking.outside_ages == "older" and [v.service.id for v in ranking.ranked] == ["other-dept"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("애 둘 맡길 곳 있나요", 2),
        ("아이들 셋이에요", 3),
        ("두 아이 모두 맡기고 싶어요", 2),
        ("딸 둘인데 큰애가 6살이에요", 2),  # one age said, two children
        ("초3 남매 봐주실 분", 2),
        ("연년생 형제 키워요", 2),
        ("쌍둥이 맡길 곳", 2),  # twins with no age said
        ("세쌍둥이예요", 3),
        ("네 아이가 4살이에요", 1),  # 네 = yes
        ("아이 하나 4살", 1),
        ("셋 중에 한 명만 맡기려고요 5살", 1),
    ],
)
def test_how_many_children_a_message_says_without_every_age(text: str, count: int) -> None:
    assert len(kids(text)) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("예비 초등 아들이랑 4살 딸", (Child(77), Child(48))),  # 예비 초등 is a child of its own, preschool
        ("생후 45일 된 아기", (Child(1),)),
        ("40일 아기 있어요", (Child(1),)),
        ("돌 지났어요", (Child(12),)),
        ("7살인데 내년 3월에 입학합니다", (Child(83),)),  # starts school next year: preschool now
    ],
)
def test_school_next_year_days_old_and_a_first_birthday_passed(text: str, expected: tuple) -> None:
    assert kids(text) == expected


def test_an_age_in_days_is_not_a_date() -> None:
    assert R.read("20일 된 아기 맡길 곳", NOW).need.day is None


def test_an_age_named_again_is_the_same_child() -> None:
    assert kids("2개월 아기랑 5살 형이 있는데 5살만 맡길게요") == (Child(2), Child(60))
    assert kids("6살 딸 4살 아들, 4살은 어린이집 다녀요") == (Child(72), Child(48))


def test_not_yet_n_years_is_a_bound_not_a_child() -> None:
    assert kids("두 돌 안 된 20개월 아기") == (Child(20),)
    assert kids("세 돌 전이에요 32개월") == (Child(32),)


@pytest.mark.parametrize("said", [
    "남편이랑 저 둘 다 교대근무라 내일 새벽 5살 맡길 곳",
    "저희 부부 둘다 야근이에요 4살",
    "맞벌이라 둘 다 늦게 끝나요 6살 딸",
])
def test_both_parents_are_not_two_children(said: str) -> None:
    from routing.ages import find_children

    assert len(find_children(said)) == 1


TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("text", "count"),
    [("아들 하나 딸 둘이에요", 3), ("딸 하나 아들 하나 키웁니다", 2), ("손녀 둘 손자 한 명 봐요", 3)],
)
def test_sons_and_daughters_counted_apart_add_up(text: str, count: int) -> None:
    assert len(find_children(text, TODAY)) == count


@pytest.mark.parametrize(("text", "grade"), [("사 학년 딸", 4), ("초등 이 학년이요", 2), ("육학년 아들", 6)])
def test_a_grade_in_sino_korean_words_with_a_space(text: str, grade: int) -> None:
    assert find_children(text, TODAY)[0].school_grade == grade


@pytest.mark.parametrize("text", ["셋째 돌아기예요", "돌 아기 하나"])
def test_a_first_birthday_baby_written_together(text: str) -> None:
    assert find_children(text, TODAY)[0].age_months == 12


def test_all_preschool_children_counted_without_ages_are_preschool() -> None:
    kids = find_children("애들 둘 다 미취학이라서요", TODAY)
    assert len(kids) == 2 and all(k.school is False and k.age_months is None for k in kids)


@pytest.mark.parametrize(
    ("text", "months"), [("딸이 올해 초등학교 입학했는데 방과후 돌봄", None), ("이번에 학교 입학한 7살 아들", 84)]
)
def test_a_child_who_has_just_started_school_is_in_first_grade(text: str, months: int | None) -> None:
    (child,) = find_children(text, TODAY)
    assert (child.age_months, child.school_grade) == (months, 1)


def test_a_child_who_starts_school_next_year_is_not_in_first_grade() -> None:
    (child,) = find_children("내년 봄에 학교 입학해요 7살", TODAY)
    assert child.school_grade is None



@pytest.mark.parametrize(("text", "months"), [("두 살 터울 남매 6살 4살", 72), ("세 살 차이 형제 9살 6살", 108)])
def test_the_years_between_two_children_are_no_child(text: str, months: int) -> None:
    kids = find_children(text, TODAY)
    assert len(kids) == 2 and kids[0].age_months == months


def test_a_baby_a_hundred_days_past_is_three_months() -> None:
    assert find_children("90일 지난 아기예요", TODAY)[0].age_months == 3


@pytest.mark.parametrize("text", ["저학년 딸 수요일 오후", "초등 고학년 아들이에요"])
def test_lower_or_upper_grades_without_a_number_are_a_school_child(text: str) -> None:
    (child,) = find_children(text, TODAY)
    assert child.school is True and child.school_grade is None and child.age_months is None


def test_lower_grades_as_a_time_of_life_are_no_child() -> None:
    assert find_children("저학년 때는 괜찮았는데요", TODAY) == ()


@pytest.mark.parametrize(("text", "count"), [("삼남매 키워요", 3), ("사남매 엄마입니다", 4), ("삼형제 봐줄 곳", 3)])
def test_siblings_named_with_their_number(text: str, count: int) -> None:
    assert len(find_children(text, TODAY)) == count


@pytest.mark.parametrize(("text", "months"), [("내년에 다섯 살 되는 아들", 48), ("내년이면 4살이에요", 36)])
def test_next_years_age_is_a_year_less_now(text: str, months: int) -> None:
    assert find_children(text, TODAY)[0].age_months == months


@pytest.mark.parametrize(
    ("text", "months"),
    [("생일이 2022년 6월 20일이에요", 53), ("생년월일 2023.01.05 딸", 47), ("출생일은 21년 9월 1일", 63)],
)
def test_a_birth_date_said_after_its_name_is_an_age(text: str, months: int) -> None:
    assert find_children(text, TODAY)[0].age_months == months


def test_a_birth_date_said_after_its_name_is_never_the_care_day() -> None:
    need = R.read("출생일은 23년 5월 2일이고 내일 맡기려고요", datetime(2026, 12, 7, 10, 0, tzinfo=KST)).need
    assert need.day == date(2026, 12, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age and a grade side by side are one child only when they can be the same child
        ("둘째 4살이고 초1 딸도 있어요", (Child(school_grade=1), Child(48))),
        ("3살 동생이랑 초2 형", (Child(36), Child(school_grade=2))),
        ("아들 8살이고 초2예요", (Child(96, 2),)),
        ("초6 13살 딸", (Child(156, 6),)),
        # "세 아이" after a grade is a count, not 4세
        ("2살 5살 초4 세 아이 키워요", (Child(24), Child(60), Child(school_grade=4))),
        ("초3 세 아이 엄마예요", (Child(school_grade=3), Child(), Child())),
        ("4세 아이 맡길 곳", (Child(48),)),
        # a birth order joined to the child before by 랑/하고 is not the next child's
        ("6학년 되는 큰애랑 3살 둘째", (Child(school_grade=5), Child(36))),
        ("큰애하고 3살 작은애", (Child(), Child(36))),  # the 큰애 counts too, age unknown
        ("큰애는 7살 작은애 3살", (Child(84), Child(36))),
    ],
)
def test_ages_and_grades_that_cannot_be_one_child(text: str, expected: tuple[Child, ...]) -> None:
    assert kids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "초등학교 입학 앞둔 딸 7살이에요 평일 오후에 맡길 곳",
        "입학을 앞두고 있는 아들 일곱 살",
        "내년 초1 입학 준비 중인 7살",
        "1학년 입학 앞둔 7살 아이 유치원 끝나고 봐주실 곳",
    ],
)
def test_a_child_about_to_start_school_is_preschool(text: str) -> None:
    (child,) = kids(text)
    assert child.school_grade is None and child.age_months == 83
    assert R.read(text, NOW).need.child.school_grade is None


@pytest.mark.parametrize(
    "text",
    [
        "1학년 올라가는 아들 맡길 곳",
        "초1 들어가는 딸 오후에 봐주실 분",
        "유치원 졸업반 딸",
        "어린이집 졸업 앞둔 아들 있어요",
    ],
)
def test_a_child_going_up_to_first_grade_or_leaving_kindergarten_is_preschool(text: str) -> None:
    (child,) = kids(text)
    assert child.school_grade is None and child.age_months is not None
    assert child.age_months < K.school_from_months


@pytest.mark.parametrize(
    "text", ["올해 초등학교 들어간 아들", "이번에 학교에 들어갔어요 딸이", "초등학교 들어간 둘째 8살"]
)
def test_a_child_who_just_went_into_school_is_in_first_grade(text: str) -> None:
    assert kids(text)[0].school_grade == 1


def test_a_kindergarten_class_by_korean_age_said_with_attending_is_the_class() -> None:
    (six,) = kids("여섯살반 다니는 아들")
    assert six.age_months == kids("6세반 아들")[0].age_months
    assert kids("여섯 살 반이에요")[0].age_months == 78  # six and a half, not a class


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("첫째가 장염이라 유치원 못 가는데 6살이고 둘째 3살은 괜찮아요", (Child(72), Child(36))),
        ("4살이요 둘째는 18개월", (Child(48), Child(18))),
        ("7살인 첫째랑 2살", (Child(84), Child(24))),
    ],
)
def test_a_birth_order_after_a_clause_ending_starts_the_next_child(text: str, expected: tuple[Child, ...]) -> None:
    assert kids(text) == expected


@pytest.mark.parametrize(
    "text",
    ["지금 7살이고 내년 3월에 학교 들어가요", "내년 봄에 학교 가는 7살 아들", "다음 해에 초등학교 들어갈 딸 7살"],
)
def test_a_child_going_to_school_next_year_in_other_words_is_preschool(text: str) -> None:
    (child,) = kids(text)
    assert child == Child(83)


@pytest.mark.parametrize(
    "text",
    [
        "예비 중학생 아들 방과후에 맡길 곳",
        "예비중1 딸",
        "내년에 중학교 들어가는 딸 12살",
        "내년 3월에 중학교 입학하는 아들",
        "초등학교 졸업을 앞둔 딸",
    ],
)
def test_a_child_going_to_middle_school_next_is_in_sixth_grade(text: str) -> None:
    child = kids(text)[0]
    assert child.school_grade == 6
    assert R.read(text, NOW).need.child.school_grade == 6


def test_a_count_of_lower_grade_children_are_school_children() -> None:
    found = kids("저학년 아들 둘 맡길 곳")
    assert len(found) == 2 and all(c.school for c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2살 때부터 어린이집 다녔는데 지금 5살이에요", (Child(60),)),
        ("돌 무렵에 이사 왔고 지금 3살", (Child(36),)),
        ("만 5세 이하만 되나요? 우리 애 6살", (Child(72),)),
        ("애들 둘 다 7살 미만이에요", (Child(), Child())),
        ("1학년 때 다니던 곳 말고 지금 초3 딸", (Child(None, 3),)),
    ],
)
def test_a_past_age_or_a_bound_is_no_child(text: str, expected: tuple[Child, ...]) -> None:
    assert kids(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("첫째랑 둘째 같이 맡길 곳", 2),
        ("큰딸이랑 막내만 봐주세요", 2),
        ("둘째만 내일 맡길게요", 1),
        ("첫째 큰애 학원 끝나고", 1),
        ("셋째 출산 예정이라 첫째랑 둘째 맡길 곳", 2),
    ],
)
def test_children_named_by_birth_order_alone_are_counted(text: str, count: int) -> None:
    u = R.read(text, NOW)
    assert u.children == () and len(u.unnamed) == count
