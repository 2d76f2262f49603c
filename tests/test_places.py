"""The place finder: built from whatever places the knowledge holds, never fooled by ordinary words."""

from __future__ import annotations

import pytest

from knowledge.loader import load
from knowledge.schema import Place
from routing.places import PlaceFinder

FINDER = PlaceFinder(load().places)


@pytest.mark.parametrize(
    "text",
    [
        "남편이 야근이라서요",
        "남편 출장이라",
        "제 대신 동생이 봐요",
        "제 대신동생이 봐요",
        "엄마 대신 할머니가",
        "가족 구성은 엄마 아빠 아이",
        "가족구성원이 넷",
        "자산이 별로 없어요",
        "자산 관리",
        "평화로운 하루",
        "황금 같은 시간",
        "다수의 부모님",
        "신음 소리를 내요",
        "성내지 마세요",
        "대항할 수가 없어요",
        "조마조마해요",
        "용두사미",
        "백옥같은 피부",
        "잘 지내면 좋겠어요",
        "감첨면",
        "보내면 돼요",
        "어쩌면 늦을지도",
        "남동생",
        "외동이에요",
        "아동수당 문의",
        "시청률",
        "증산 효과",
        "감호 처분",
        "야외활동",
        "동네 놀이터",
        "김천에 살아요",
        "",
    ],
)
def test_ordinary_words_are_not_places(text: str) -> None:
    assert FINDER.find(text) is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("율곡동", "율곡동"),
        ("율곡동에 살아요", "율곡동"),
        ("김천시 율곡동입니다", "율곡동"),
        ("아포", "아포읍"),
        ("아포에서 왔어요", "아포읍"),
        ("평화동", "평화남산동"),
        ("남산동 살아요", "평화남산동"),
        ("남산 쪽이에요", "평화남산동"),
        ("혁신도시", "율곡동"),
        ("김천 혁신 도시", "율곡동"),
        ("자산동에 살아요", "자산동"),
        ("자산 근처", "자산동"),
        ("구성에 살아요", "구성면"),
        ("대신동 주민센터 근처", "대신동"),
        ("남면 살아요", "남면"),
        ("김천시남면", "남면"),
        ("교동에 살아요", "대신동"),
        ("ktx김천구미역", "남면"),
        ("율곡똥", "율곡동"),
        ("율곳동이요", "율곡동"),
        ("양곰동에", "양금동"),
        ("평하남산동", "평화남산동"),
        ("아포읖", "아포읍"),
        ("개령면", "개령면"),
        ("아포데이", "아포읍"),
        ("아포라예", "아포읍"),
        ("개령먼", "개령면"),
        ("증산에 살아요", "증산면"),
        ("증산면이에요", "증산면"),
        ("증샨면에 살아요", "증산면"),
        ("감첨면에 살아요", None),  # 감천면 or 감문면: one letter from both, so neither
        ("아포음", "아포읍"),
        ("율곡동 말고 아포읍", "율곡동"),
    ],
)
def test_places_are_found(text: str, place: str | None) -> None:
    assert FINDER.find(text) == place


def test_with_two_places_the_family_lives_in_the_one_they_live_in_now() -> None:
    assert FINDER.find("아포읍 살다가 율곡동으로 이사") == "율곡동"
    assert FINDER.find("지좌동에서 이사 왔고 지금은 양금동") == "양금동"
    assert FINDER.find("직장은 대신동이고 집은 자산동이에요") == "자산동"
    assert FINDER.find("대곡동 근무하고 아포읍 거주") == "아포읍"
    assert FINDER.find("할머니댁이 감문면인데 저희는 율곡동 살아요") == "율곡동"
    assert FINDER.find("친정은 봉산면이고 저는 평화동") == "평화남산동"
    assert FINDER.find("개령면 살고 회사는 율곡동") == "개령면"
    # nothing says which: the first named
    assert FINDER.find("율곡동이나 지좌동 쪽") == "율곡동"


def test_landmarks_schools_stations_and_complexes_name_the_area() -> None:
    assert FINDER.find("김천역 앞이에요") == "평화남산동"
    assert FINDER.find("KTX 김천구미역 근처") == "남면"
    assert FINDER.find("센트럴자이 살아요") == "대곡동"
    assert FINDER.find("다수초등학교 근처예요") == "대곡동"
    assert FINDER.find("도로공사 근처 아파트") == "율곡동"


def test_every_365_site_named_after_a_complex_is_known() -> None:
    from knowledge.loader import load

    for site in load().service("daycare-365").sites:
        label = site.name.removeprefix("365어린이집 ")
        assert FINDER.find(f"{label} 근처 살아요") == site.area, site.name


def test_a_typo_with_a_particle_or_ending_still_finds_the_area() -> None:
    assert FINDER.find("얌금동에 살아요") == "양금동"
    assert FINDER.find("율고동이라예") == "율곡동"
    assert FINDER.find("지좌둥인데요") == "지좌동"


def test_township_names_that_are_ordinary_words_stay_words() -> None:
    assert FINDER.find("부항 뜨러 가요") is None
    assert FINDER.find("증산 계획이 있어요") is None
    assert FINDER.find("대항해서 이겼어요") is None
    assert FINDER.find("감천 문화마을 놀러 가요") is None
    assert FINDER.find("부항 살아요") == "부항면"


def test_built_from_the_knowledge_not_a_fixed_list() -> None:
    finder = PlaceFinder(
        [
            Place(name="새봄동", lat=36.1, lon=128.1, legal=("꽃길동",), aliases=("새봄마을",)),
            Place(name="강변읍", lat=36.1, lon=128.1),
            Place(name="강변동", lat=36.1, lon=128.1),
        ]
    )
    assert finder.find("새봄에 살아요") == "새봄동"
    assert finder.find("꽃길동이요") == "새봄동"
    assert finder.find("새봄마을") == "새봄동"
    assert finder.find("강변읍") == "강변읍"
    assert finder.find("강변 살아요") is None  # the stem names two places: ambiguous, so nothing
    assert finder.find("율곡동") is None


def test_a_township_that_is_also_a_word_answers_with_a_copula() -> None:
    assert FINDER.find("증산이요") == "증산면"
    assert FINDER.find("네 구성이에요") == "구성면"
    assert FINDER.find("가족 구성이요 엄마 아빠") is None
    assert FINDER.find("자산 관리가 어려워요") is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("봉삼면", "봉산면"),  # a short 면 name with a typo, said on its own
        ("3살이고 대항먼, 내일요", "대항면"),
        ("혼자 지내면 3시간 정도", None),  # a verb's -면 stays a verb
        ("사람 구하면 2시부터", None),
        ("봉산초 다니는 1학년", "봉산면"),  # a school or office named after the area
        ("김천어모초 근처", "어모면"),
        ("감문우체국 옆이에요", "감문면"),
        ("혁신 살아요", "율곡동"),
    ],
)
def test_short_names_alone_and_schools_named_after_the_area(text: str, place: str | None) -> None:
    assert FINDER.find(text) == place


def test_a_site_name_parents_use_names_its_area() -> None:
    assert FINDER.find("황산") == "평화남산동"
    assert FINDER.find("황산 쪽이요") == "평화남산동"


@pytest.mark.parametrize(("text", "place"), [("얌금동이라예", "양금동"), ("율곡똥이고 애는 4살", "율곡동")])
def test_a_typo_before_a_copula_ending_still_finds_the_area(text: str, place: str) -> None:
    from knowledge.loader import load
    from routing.places import PlaceFinder

    assert PlaceFinder(load().places).find(text) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("김천의료원 근처예요", "자산동"),
        ("연화지 쪽 살아요", "대신동"),
        ("국립종자원 옆 아파트", "율곡동"),
        ("황금시장 근처", "양금동"),
    ],
)
def test_landmarks_staff_listed_find_their_area(text: str, place: str) -> None:
    from knowledge.loader import load
    from routing.places import PlaceFinder

    assert PlaceFinder(load().places).find(text) == place
