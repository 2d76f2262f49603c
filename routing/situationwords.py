"""A situation's words compiled once: ``{아이}`` slots, conjugations, pairs, and the first letters each needs."""

from __future__ import annotations

import re

from knowledge.schema import Situation, Together
from routing.gates import gated
from routing.letters import Alphabet, Checked
from routing.pretend import MakeBelieve
from routing.subjects import Children, Patterns
from routing.wordforms import ADVERB, grouped, signs, templated, word_pattern

_SINCE = "(?:밤|저녁|아침|낮|오후|오전|새벽)?부터"
"""After an earlier time, what goes on since then ("어제 밤부터 안 먹고"), not a history that is over."""
_CHILD = "{아이}"
_SUPPOSED_GAP = 2
"""Letters allowed between a word and the ending that makes it a supposition ("다쳤으면": 으 before 면)."""
_NOT_IF = "(?!(?<=[장화정])면)"
"""면 of a noun (때리는 장면, 화면, 정면) is no supposition's -면."""
_OVER_GAP = 40
_MANNER_GAP = 4
"""Letters between a simile and the doing it describes ("경기하듯이 자다가 깨서", "숨 넘어가듯 막 울어요")."""
_LONG = 400
"""Alternatives (``|``) from which a list of words is gated: hundreds of words."""
_CLAUSE_END = "고"
"""Letters the gap inside a pair never crosses: '담배 피우고 밥 먹었어요' is two things done, not one ('자고
있는데', a thing going on, '넘어지고 나서' and '자고 일어났는데', one thing after the other, '사탕인 줄
알고', and '퉁퉁 붓고 모양이 이상해요' and '발진이 심하고 우유도 못 먹어요', one sign told beside another,
are one)."""
_CLAUSE = f"(?:[^{_CLAUSE_END}]|(?:(?<=[알붓])|(?<=심하)){_CLAUSE_END}|{_CLAUSE_END}(?=있|나서|일어))"


def _source(words: tuple[str, ...], kids: Children, stems: bool = True) -> list[str]:
    """Regex sources for the words, longest first; ``{아이}`` expands to a child noun with its particle. Words
    that start with it are factored into one pattern behind a first-letter test: a child noun in front of every
    alternative would make the regex engine try each of them at every letter (10x slower)."""
    forms = sorted({w.replace(" ", "") for w in words if w.strip()}, key=len, reverse=True)
    heads = [f for f in forms if f.startswith(_CHILD) and _CHILD not in f[len(_CHILD) :]]
    rest = [f for f in forms if f not in heads]
    sources = []
    literal = [f for f in rest if _CHILD not in f]
    slotted = [f for f in rest if _CHILD in f]
    if literal:
        sources.append(grouped(literal, stems))
    if slotted:
        sources.append("|".join(templated(f, _CHILD, kids.re) for f in slotted))
    if heads:
        tails = "|".join(word_pattern(f[len(_CHILD) :]) for f in heads)
        sources.append(f"(?=[{kids.first}]){kids.re}{ADVERB}(?:{tails})")  # "애를 마구 패는"
    return sources


def _alternation(words: tuple[str, ...], kids: Children, stems: bool = True) -> Patterns:
    """The words' patterns; a long list of words (danger's 200 first letters of signs and of lookalikes) behind
    tests of runs of its first-letter branches, as the trigger (``routing.gates``)."""
    return tuple(gated(re.compile(s), per=128, within=32) if s.count("|") >= _LONG else re.compile(s)
                 for s in _source(words, kids, stems))


def _together(pairs: tuple[Together, ...], kids: Children, abc: Alphabet, reach: int = 0) -> Checked:
    """One pattern per pair: a ``first`` word, then a ``then`` word within ``within`` letters (and a ``last``
    word as far after it, when given), ``reach`` letters more in an alarmed message. Group 1 is the word that
    says what happened: whom the pair is about is read before it. With each, the first letters of its two words."""
    patterns = []
    for p in pairs:
        clause = "." if p.chain else _CLAUSE
        gap = f"{clause}{{0,{p.within + reach}}}?"
        # a third sign is often told in the next clause ("던지는 소리가 나고 애가 울다가"): that gap crosses 고
        last = f".{{0,{p.within + reach}}}?(?:{'|'.join(_source(signs(p.last), kids))})" if p.last else ""
        first, then = "|".join(_source(signs(p.first), kids)), "|".join(_source(signs(p.then), kids))
        head, tail = (f"({first})", f"(?:{then})") if p.verb_first else (f"(?:{first})", f"({then})")
        patterns.append((re.compile(f"{head}{gap}{tail}{last}"), abc.bits(first), abc.bits(then)))
    return tuple(patterns)


def _after(words: tuple[str, ...], kids: Children, gap: int, guard: str = "", tail: str = "") -> re.Pattern[str] | None:
    """A pattern anchored right after a word: up to ``gap`` letters, then one of ``words``."""
    if not words:
        return None
    return re.compile(f".{{0,{gap}}}?{guard}(?:{'|'.join(_source(words, kids))}){tail}")


class Compiled:
    """One situation's lists of words compiled once: what ``routing.situations`` reads a message with."""

    __slots__ = (
        "anyone", "anyone_now", "asking", "calm", "carers", "done_to", "errands", "exclaimed", "lately", "manner",
        "mild", "named_signs", "now", "now_words", "others", "over", "past", "peers", "plans", "pretend", "signs",
        "supposed", "unless", "urgent", "wide", "wide_now", "with_child", "words", "young_below", "young_words",
    )

    def __init__(self, s: Situation, kids: Children, abc: Alphabet) -> None:
        pairs = tuple(p for p in s.together if not p.anyone)
        self.words = (abc.checked(_alternation(signs(s.words), kids) + _alternation(s.exact, kids, stems=False))
                      + _together(tuple(p for p in pairs if not p.now), kids, abc))
        self.now_words = abc.checked(_alternation(signs(s.now_words), kids)) + _together(
            tuple(p for p in pairs if p.now), kids, abc)
        self.anyone = _together(tuple(p for p in s.together if p.anyone and not p.now), kids, abc)
        self.anyone_now = _together(tuple(p for p in s.together if p.anyone and p.now), kids, abc)
        self.with_child = abc.checked(_alternation(signs(s.with_child), kids))
        self.urgent = abc.checked(_alternation(s.urgent, kids))
        self.calm = abc.checked(_alternation(s.calm, kids, stems=False))
        self.signs = abc.checked(_alternation(signs(w for w in s.urgent_with_child if _CHILD not in w), kids))
        self.named_signs = abc.checked(_alternation(tuple(w for w in s.urgent_with_child if _CHILD in w), kids))
        reach = s.urgent_reach
        self.wide = _together(tuple(p for p in pairs if not p.now), kids, abc, reach) if reach else ()
        self.wide_now = _together(tuple(p for p in pairs if p.now), kids, abc, reach) if reach else ()
        self.supposed = _after(s.supposed, kids, _SUPPOSED_GAP, _NOT_IF)
        self.manner = re.compile(f".{{0,{_MANNER_GAP}}}?(?:{'|'.join(_source(s.manner, kids, stems=False))})") if (
            s.manner) else None
        self.over = _after(s.over, kids, _OVER_GAP, "(?<![안못않몬])", "(?!요?[?？])")  # "괜찮아요?" asks, not tells
        past = "|".join(_source(s.past, kids))
        self.past = re.compile(f"(?:{past})(?!{_SINCE})") if s.past else None  # 작년부터: still going on
        lately = "|".join(_source(s.lately, kids))
        self.lately = re.compile(f"(?:{lately})(?!{_SINCE})") if s.lately else None
        self.asking = abc.checked(_alternation(s.asking, kids))
        self.mild = re.compile(f"(?:{'|'.join(_source(s.mild, kids, stems=False))})$") if s.mild else None
        self.done_to = _alternation(s.done_to, kids)
        self.plans = abc.checked(_alternation(s.plans, kids))
        self.now = abc.checked(_alternation(s.now, kids))
        self.unless = abc.checked(_alternation(s.unless, kids, stems=False))
        self.exclaimed = abc.checked(_alternation(s.exclaimed, kids, stems=False))
        self.errands = abc.checked(_alternation(s.errands, kids))
        self.others = _alternation(s.not_after, kids)
        self.carers = re.compile("|".join(sorted(s.carers, key=len, reverse=True))) if s.carers else None
        self.peers = _alternation(s.peers, kids, stems=False)
        self.young_words = abc.checked(_alternation(s.young_words, kids, stems=False))
        self.young_below = s.young_below_months if s.young_below_months is not None else 1 << 30
        self.pretend = MakeBelieve(s.pretend, kids)
