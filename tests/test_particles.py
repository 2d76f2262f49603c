"""Korean particles after numbers, names and clock times: read aloud, the last sound picks the form."""

from __future__ import annotations

import pytest

from bot.dialog.particles import attach, coda, ko


@pytest.mark.parametrize(("word", "pair", "expected"), [
    ("#21", "을/를", "#21을"),      # 이십일: ㄹ
    ("#1", "은/는", "#1은"),        # 일
    ("#2", "은/는", "#2는"),        # 이
    ("#3", "이/가", "#3이"),        # 삼
    ("#6", "을/를", "#6을"),        # 육
    ("#10", "은/는", "#10은"),      # 십
    ("#100", "를", "#100을"),       # 백
    ("#1000", "는", "#1000은"),     # 천
    ("#9", "을", "#9를"),           # 구
    ("율곡동", "으로/로", "율곡동으로"),
    ("대곡동", "로", "대곡동으로"),
    ("5살", "으로", "5살로"),        # ㄹ takes 로
    ("18:00~22:00", "으로", "18:00~22:00로"),   # 스물두 시
    ("18:30", "으로", "18:30으로"),  # 삼십 분
    ("초등 2학년", "이", "초등 2학년이"),
    ("365어린이집", "을", "365어린이집을"),
    ("아이돌봄서비스", "은", "아이돌봄서비스는"),
    ("'율곡'", "과", "'율곡'과"),
])
def test_the_particle_follows_how_the_word_is_read(word: str, pair: str, expected: str) -> None:
    assert attach(word, pair) == expected


def test_a_template_names_particles_in_its_fields_and_formats_the_rest_as_usual() -> None:
    assert ko("접수 #{id:을} {who} 님이 맡았습니다.", id=21, who="이담당") == "접수 #21을 이담당 님이 맡았습니다."
    assert ko("접수 #{id:은} 이미", id=1) == "접수 #1은 이미"
    assert ko("{n:03d}번", n=7) == "007번"


def test_vowel_endings_have_no_final_consonant() -> None:
    assert coda("아이") == "" and coda("동") == "ㅇ" and coda("") == ""


@pytest.mark.parametrize("word, pair, said", [("두 아이(4살)", "이", "두 아이(4살)가"),
                                              ("아이돌봄서비스 (돌보미 방문)", "은", "아이돌봄서비스 (돌보미 방문)는"),
                                              ("119돌봄센터 (2층)", "을", "119돌봄센터 (2층)를"),
                                              ("365어린이집 율곡", "은", "365어린이집 율곡은")])
def test_a_bracketed_aside_does_not_choose_the_particle(word: str, pair: str, said: str) -> None:
    assert attach(word, pair) == said
