"""routing.gates: first-letter tests in front of alternatives change no match."""

from __future__ import annotations

import json
import re
from pathlib import Path

from routing.gates import gated

ROOT = Path(__file__).resolve().parent.parent


def _found(p: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groups()) for m in p.finditer(text)]


def test_each_alternative_gets_a_test_of_its_first_letters() -> None:
    plain = re.compile(
        r"(?=[0-9오내])(?:(?<![0-9])(?P<n>[0-9]{1,2})\s*일|(?:오늘|내일)(?P<at>\s*밤)?|(?:다음\s*)?주말)")
    fast = gated(plain)
    assert "(?=[0-9])" in fast.pattern and "(?=[오내])" in fast.pattern
    assert "(?=[다주])" in fast.pattern
    assert fast.groupindex == plain.groupindex
    for text in ["내일 밤 3일 뒤", "오늘이요 12일", "다음 주말 말고 주말", "13일13일", "없음", ""]:
        assert _found(fast, text) == _found(plain, text)


def test_alternatives_that_may_start_anywhere_or_patterns_without_one_alternation_stay_as_they_are() -> None:
    assert gated(re.compile(r"a|.b|(?:c)?d|c?")).pattern == r"(?=[a])(?:a)|.b|(?=[cd])(?:(?:c)?d)|c?"
    single = re.compile(r"(?<![가-힣])돌\s*반")
    assert gated(single) is single
    assert gated(re.compile("x")).pattern == "x"


def test_verbose_patterns_keep_their_comments_and_classes() -> None:
    plain = re.compile(
        r"""
        (?=[ab|])  # letters: a, b (or | inside a class)
        (?:
            a [|)] \| # an a, then | or ), then a | sign
          | (?P<b>b)+ (?:x|y)
        )
        """,
        re.VERBOSE,
    )
    fast = gated(plain)
    assert fast.pattern.count("(?=[") == 3
    for text in ["a|| a)| bbx by b", "a) | bby"]:
        assert _found(fast, text) == _found(plain, text)


def test_days_and_ages_read_the_same_with_the_gates_as_without() -> None:
    import routing.agewords as ages
    import routing.days as days

    texts = []
    for path in sorted((ROOT / "bench" / "heldout_data").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["".join(t.split()) for t in texts]
    for fast in (days._DAY, ages.AGE, ages.AGE_ALL, ages.AGE_UNSPACED, ages.AGE_ALL_UNSPACED):
        assert fast.pattern.count("(?=[") > 5
        plain = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)\(\?:", "(?:", fast.pattern), fast.flags)
        for text in texts:
            assert _found(fast, text) == _found(plain, text)


def test_alternatives_in_a_row_can_share_one_test() -> None:
    plain = re.compile("가나|가다|나라|다리|마루|바다|사(?:과|람)|아")
    fast = gated(plain, per=3)
    assert fast.pattern == "(?=[가나])(?:가나|가다|나라)|(?=[다마바])(?:다리|마루|바다)|(?=[사아])(?:사(?:과|람)|아)"
    for text in ["가나다라마바사아", "사람과 사과", "바다리", ""]:
        assert _found(fast, text) == _found(plain, text)


def test_runs_split_again_within_and_a_pattern_held_in_one_group_find_the_same() -> None:
    words = ["다쳐", "다쳤", "피가", "토해", "숨을", "경련", "삼켜", "데였", "부러", "넘어", "쓰러", "맞아"]
    plain = re.compile("(?:" + "|".join(words) + ")")
    fast = gated(plain, per=8, within=3)
    assert fast.pattern.startswith("(?:(?=[다피토숨경삼데])(?:(?=[다피])(?:다쳐|다쳤|피가)|")
    assert fast.pattern.count("(?=[") == 2 + 3 + 2  # two runs of 8 and 4 words, split in three and two
    for text in ["애가다쳤어요피가나요", "넘어져서맞아", "경련삼켜데였부러쓰러", "아무일없어요", ""]:
        assert _found(fast, text) == _found(plain, text)
    assert gated(plain, per=64, within=0).pattern.count("(?=[") == 1
