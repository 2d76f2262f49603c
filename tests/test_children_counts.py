"""How many children a message names: ages said again, a total said, adults counted, birth orders without ages, a
child who has just started school beside another, and the one child singled out for care."""

from __future__ import annotations

import pytest

from routing.command import describe
from routing.need import Child
from tests.test_understand_ages import NOW, K, R
from tests.test_understand_ages import kids as children_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 1. a total said caps an age said again for one of the children
        ("아이가 둘인데 8살 3살이에요. 8살 된 큰애가 요즘 학교를 안 가려고 해요", (Child(96), Child(36))),
        ("삼남매 10살 7살 4살 키우는데 4살짜리가 밥을 안 먹어요", (Child(120), Child(84), Child(48))),
        ("쌍둥이 3살인데요 3살이 다닐 수 있는 곳 있을까요", (Child(36), Child(36))),
        # lookalikes: two children of one age said as such stay two
        ("애 둘 3살 3살이에요", (Child(36), Child(36))),
        ("아이 셋 5살 5살 2살", (Child(60), Child(60), Child(24))),
        # 2. an age said again with 도/된/짜리 is the child already named
        ("이제 막 9개월 된 아들이에요. 9개월도 어린이집 보낼 수 있나요?", (Child(9),)),
        ("4살 딸 키워요 4살짜리도 받아주는 곳 있나요", (Child(48),)),
        ("5살 아들 있어요 5살 된 애가 혼자 있어도 되나요", (Child(60),)),
        ("이제 8개월이에요 다음주부터 맡기고 싶은데 8개월 아기도 받아주나요", (Child(8),)),
        # lookalike: a second age is a second child
        ("5살 아들 있고 3살도 있어요", (Child(60), Child(36))),
        ("5살 딸 있고 친구 딸 5살도 같이 봐줄 수 있나요", (Child(60), Child(60))),
        # 3. 둘 다 about two adults is not two children; with a child noun it is
        ("와이프도 같은 병원 간호사라 이번 주말에 둘 다 당직이에요 3살 딸 봐주실 분", (Child(36),)),
        ("아이들 둘 다 독감이에요 7살 4살", (Child(84), Child(48))),
        ("애 둘 다 열이 나요", (Child(), Child())),
        # 4. a first and a later birth order both said: both children, the one without an age too
        ("큰애는 6살이고 지난달에 작은애를 낳았어요 산후조리 중이라 큰애 봐주실 분", (Child(72), Child())),
        ("막내 낳고 나서 큰딸이 어린이집을 안 가려고 해요. 5살이에요", (Child(60), Child())),
        ("첫째는 학교 다니고 둘째가 3살이에요", (Child(), Child(36))),
        # lookalikes: one birth order alone, a child not born yet, a week
        ("둘째가 열나요 3살이에요", (Child(36),)),
        ("첫째가 6살인데 둘째 출산 예정이라 다음주에 맡길 곳", (Child(72),)),
        ("둘째 낳고 싶은데 첫째 5살 키우기도 힘드네요", (Child(60),)),
        ("둘째 주 토요일에 첫째 5살 맡기려고요", (Child(60),)),
        ("둘째 언니가 봐주기로 했는데 첫째 5살이 아파요", (Child(60),)),
        ("큰 아이들은 학교 가고 막내 3살 봐주세요", (Child(36),)),
        # 5. a child who has just started school beside another child is a child of its own
        ("큰아이는 올해 초등학교 입학했고 작은아이는 4살이에요", (Child(school_grade=1), Child(48))),
        ("둘째가 이번에 입학했어요 큰애는 10살이고요", (Child(120), Child(school_grade=1))),
        ("5살 딸이랑 이번에 입학한 아들", (Child(60), Child(school_grade=1))),
        # 6. a birth order with 만 right before an age is that child's ("막내만 2살": the youngest is two)
        ("애 셋인데 막내만 2살 첫째 8살 둘째 5살", (Child(96), Child(60), Child(24))),
        # lookalikes: the child entered is the one the age or the birth order names
        ("이번에 초등학교 입학했어요 8살", (Child(96, 1),)),
        ("8살 5살인데 큰애가 이번에 입학했어요", (Child(96, 1), Child(60))),
    ],
)
def test_children_a_message_names(text: str, expected: tuple[Child, ...]) -> None:
    assert children_of(text) == expected


@pytest.mark.parametrize(
    ("text", "served", "service"),
    [
        # 6. the child singled out with 만 is the one the need is ranked for
        ("10살 7살 2살 막내만 금요일 9시부터 2시까지 봐주세요", Child(24), "daycare-365"),
        ("큰애 11살 작은애 3살 작은애만 다음주 월요일 맡기고 싶어요", Child(36), "daycare-365"),
        ("초3 딸이랑 2살 아들 있는데 아들만 토요일 오전에 봐주실 곳", Child(24), "daycare-365"),
        ("4살 아들이랑 초5 딸 있는데 초5만 평일 3시부터 6시까지", Child(school_grade=5), "after-school"),
        ("9살 2살인데 2살만 맡길게요 내일 10시부터", Child(24), "daycare-365"),
        ("애 둘인데 막내만 맡기고 싶어요 20개월 내일 9시부터 1시까지", Child(20), "daycare-365"),
        # a service named right after the child singled out, a dialect 놈, a baby named with its age
        ("큰애 초4 작은애 4살인데 작은애만 365어린이집 토요일 되나요 10시부터 3시", Child(48), "daycare-365"),
        ("큰놈은 초2고 작은놈은 세살인데 작은놈만 내일 1시부터 5시까지", Child(36), "daycare-365"),
        # the other child placed elsewhere ("…은 학교 가고"): the care is for this one
        ("큰애 10살은 학교 가고 작은애 3살 내일 낮에 봐줄 곳", Child(36), "daycare-365"),
    ],
)
def test_the_child_singled_out_is_ranked_for(text: str, served: Child, service: str) -> None:
    u = R.read(text, NOW)
    out = describe(u, K)
    assert len(u.children) > 1 and u.need.child == served and out["services"][0] == service
    first = u.children[0]  # the printed age stays the first child's (README: children and ages)
    assert (out["age_months"], out["school_grade"]) == (first.age_months, first.school_grade)


@pytest.mark.parametrize(
    "text",
    [
        "10살 7살 2살 막내만 빼고 다 맡기고 싶어요",  # all but the youngest
        "딸만 둘이에요 9살 6살",  # daughters only
        "11살 3살인데 3살만 돼도 어린이집 보낼 텐데요",  # once three
    ],
)
def test_only_in_other_senses_singles_no_child_out(text: str) -> None:
    u = R.read(text, NOW)
    assert u.need.child == u.children[0]
