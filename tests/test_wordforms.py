"""A word from the knowledge YAML as the regex of the forms parents type: stems, typos, noun endings."""

from __future__ import annotations

import re

import pytest

from routing.wordforms import grouped, syllable_forms, word_pattern


def _finds(word: str, text: str) -> bool:
    return re.fullmatch(word_pattern(word), text) is not None


@pytest.mark.parametrize(("word", "text"), [
    ("다쳐", "다쳤"), ("다쳐", "다쳣"), ("다쳐", "다처"), ("숨을안쉬", "숨을안쉼"), ("피가나", "피가났"),
    ("삼켰", "삼켯"), ("삼켰", "삼킴"), ("없어졌", "없어짐"), ("없어졌", "없어젔"), ("피났", "피남"),
])
def test_a_word_finds_its_conjugations_and_typos(word: str, text: str) -> None:
    assert _finds(word, text)


@pytest.mark.parametrize(("word", "text"), [
    ("데었", "데엄"),    # 었 -> 엄 would find 엄마 ("하는데 엄마가")
    ("맞았", "맞암"),
    ("화상", "화산"),    # a closed last letter is not a stem
    ("피", "핀"),        # nor is a one-letter word
])
def test_forms_stay_narrow_where_a_wider_one_would_find_other_words(word: str, text: str) -> None:
    assert not _finds(word, text)


def test_only_the_last_letter_of_a_stem_is_open() -> None:
    assert _finds("때려", "때렸") and not _finds("때려", "땐려")


def test_the_first_letter_of_every_alternative_is_a_literal() -> None:
    """A character class first would stop the regex engine skipping ahead to possible first letters."""
    pattern = grouped(["쳤어", "피", "다쳐", "졌다"])
    for alternative in re.split(r"\|(?![^(]*\))", pattern):
        assert alternative[0] not in "[(.", alternative
    assert set(syllable_forms("쳤")) == {"쳤", "쳣", "첬", "첫", "칬", "칫"}


@pytest.mark.parametrize(("word", "text"), [
    ("없어졌", "없어짔"), ("없어졌", "없어짓"), ("다쳤", "다칬"), ("빠졌", "빠짔"),
])
def test_a_past_tense_finds_its_gyeongsang_form(word: str, text: str) -> None:
    """경상도 says the ㅕ of a past tense after ㅈ·ㅊ·ㅉ as ㅣ (없어짔다, 다칬다)."""
    assert _finds(word, text)


@pytest.mark.parametrize(("word", "text"), [("다쳐", "다치"), ("떨어져", "떨어지")])
def test_the_gyeongsang_form_is_only_for_the_past_tense(word: str, text: str) -> None:
    """Only a syllable closed by ㅆ: 다쳐 -> 다치 would find "다치면", 떨어져 -> 떨어지 "떨어지기 싫어해요"."""
    assert not _finds(word, text)


@pytest.mark.parametrize(("word", "text"), [
    ("숨을안쉬", "숨을않쉬"),   # 안 typed 않
    ("먹었", "먹어써"),         # the ㅆ of 었 moved to the next letter
])
def test_a_word_finds_the_typos_of_a_hurried_parent(word: str, text: str) -> None:
    assert re.match(word_pattern(word), text)


def test_a_moved_ss_needs_the_next_letter_to_start_with_it() -> None:
    assert not re.fullmatch(word_pattern("먹었"), "먹어")
