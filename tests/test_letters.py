"""routing.letters: the first letters of a pattern, and the one-`&` test that skips a pattern never changes a match."""

from __future__ import annotations

import json
import re
from pathlib import Path

from knowledge.loader import load
from routing.letters import ANY, Alphabet, first_letters
from routing.situations import SituationFinder

ROOT = Path(__file__).resolve().parent.parent


def test_first_letters_of_words_classes_and_optional_starts() -> None:
    assert first_letters("다(?:쳐|쳤)|피[가나]") == frozenset("다피")
    assert first_letters("[가-갃]x") == frozenset("가각갂갃")
    assert first_letters(r"(?<![가-힣])(?:좀\s*)?맡") == frozenset("좀맡")  # a look-behind reads no letter
    assert first_letters("(?=[애아])(?:애|아이)(?:가|를)?다쳐") == frozenset("애아")


def test_a_pattern_that_may_start_anywhere_or_match_nothing_has_no_first_letters() -> None:
    assert first_letters(r"\s*다쳐") is None
    assert first_letters("[^가]다") is None
    assert first_letters(".{0,3}피") is None
    assert first_letters("(?:피)?") is None
    assert first_letters("a", re.IGNORECASE) is None


def test_a_message_mask_holds_the_bits_of_its_letters_only() -> None:
    abc = Alphabet()
    hurt, blood = abc.bits("다쳐|다쳤"), abc.bits("피")
    assert abc.bits(r"\s*x") == ANY and abc.bits(None) == ANY
    mask = abc.mask("아이가다쳤어요")
    assert hurt & mask and not blood & mask and ANY & mask
    assert abc.mask("") == ANY


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("danger*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append("".join(json.loads(line)["text"].split()))
    return texts


def test_every_situation_pattern_a_message_matches_has_its_letters_in_the_mask() -> None:
    finder = SituationFinder(load().situations)
    abc = finder._abc
    texts = [(t, abc.mask(t)) for t in _texts()]
    assert len(texts) > 300
    checked = 0
    for _, compiled, _ in finder._compiled:
        for name in ("words", "now_words", "anyone", "anyone_now", "with_child", "urgent", "signs", "named_signs",
                     "wide", "wide_now", "asking", "plans", "now", "unless", "young_words", "calm"):
            for pattern, first, then in getattr(compiled, name):
                for text, mask in texts:
                    if pattern.search(text) is not None:
                        assert first & mask and then & mask, (pattern.pattern[:80], text)
                        checked += 1
    assert checked > 1000
