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


def test_the_first_place_named_wins() -> None:
    assert FINDER.find("아포읍 살다가 율곡동으로 이사") == "아포읍"


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
