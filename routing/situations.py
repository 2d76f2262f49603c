"""Finding situations (danger, emergency, sick child, care at home) in a message: words, lookalikes, plans, subjects.

A situation's words come from the knowledge YAML so staff can extend them. Matching runs on the message
without spaces. Lookalike phrases (``unless``) are blanked out first, so "학대예방" hides its 학대 and
"주사맞았" its 맞았. A word whose nearest subject before it is another person ("엄마가 다쳐서") is about
that person. ``now_words`` (a child alone) count only when the message is about now, not a plan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge.schema import Situation, Together
from routing.wordforms import grouped, templated, word_pattern

CHILD_NOUNS = (
    "아이들", "아이", "애기", "아기", "아가", "애들", "애", "얘", "딸래미", "딸내미", "딸", "아들", "막내", "첫째",
    "둘째", "동생", "손주", "손녀", "손자", "조카", "꼬맹이", "꼬마", "녀석", "큰애", "작은애", "돌쟁이", "갓난아기",
    "신생아", "짜리",
)
"""What ``{아이}`` in a word stands for, with its particle."""
_PARTICLES = "(?:이가|가|이|를|을|는|은|도|만|한테|랑)?"
CHILD_RE = "(?:" + "|".join(CHILD_NOUNS) + ")" + _PARTICLES
_CHILD_MENTION = re.compile("|".join(CHILD_NOUNS))
_CHILD_FIRST = "".join(sorted({n[0] for n in CHILD_NOUNS}))
_SUBJECT_WINDOW = 20
"""How far back (letters, spaces removed) the subject of a word is looked for."""
_NOT_SUBJECT = re.compile("한테|에게|께|랑|이랑|하고|와|과|의|님")
_CHILD_SUBJECT = re.compile(CHILD_RE)
_CHILD_WINDOW = 20
_BELONGINGS = (
    "장난감", "가방", "물건", "신발", "옷", "모자", "우산", "책", "폰", "핸드폰", "휴대폰", "지갑", "카드", "인형",
    "사진", "장갑", "안경", "자전거", "킥보드", "물병", "도시락", "숙제", "준비물", "필통",
)
_CHILD = "{아이}"
_BLANK = "|"
_NONE: frozenset[str] = frozenset()


def _source(words: tuple[str, ...]) -> list[str]:
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
        sources.append(grouped(literal))
    if slotted:
        sources.append("|".join(templated(f, _CHILD, CHILD_RE) for f in slotted))
    if heads:
        tails = "|".join(word_pattern(f[len(_CHILD) :]) for f in heads)
        sources.append(f"(?=[{_CHILD_FIRST}]){CHILD_RE}(?:{tails})")
    return sources


def _alternation(words: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(s) for s in _source(words))


def _together(pairs: tuple[Together, ...]) -> tuple[re.Pattern[str], ...]:
    """One pattern per pair: a ``first`` word, then a ``then`` word within ``within`` letters."""
    return tuple(
        re.compile(f"(?:{'|'.join(_source(p.first))})(?:.{{0,{p.within}}}?)(?:{'|'.join(_source(p.then))})")
        for p in pairs
    )


class _Compiled:
    __slots__ = ("asking", "now", "now_words", "others", "over", "plans", "supposed", "unless", "with_child", "words")

    def __init__(self, s: Situation) -> None:
        self.words = _alternation(s.words) + _together(s.together)
        self.supposed = _compile_after(s.supposed, _SUPPOSED_GAP, "")
        self.over = _compile_after(s.over, _OVER_GAP, "(?<![안못않])")
        self.asking = _alternation(s.asking)
        self.now_words = _alternation(s.now_words)
        self.plans = _alternation(s.plans)
        self.now = _alternation(s.now)
        self.unless = _alternation(s.unless)
        self.others = _alternation(s.not_after)
        self.with_child = _alternation(s.with_child)


_SUPPOSED_GAP = 2
"""Letters allowed between a word and the ending that makes it a supposition ("다쳤으면": 으 before 면)."""
_OVER_GAP = 40


def _compile_after(words: tuple[str, ...], gap: int, guard: str) -> re.Pattern[str] | None:
    """A pattern anchored right after a word: up to ``gap`` letters, then one of ``words``."""
    if not words:
        return None
    return re.compile(f".{{0,{gap}}}?{guard}(?:{'|'.join(_source(words))})")


def _about_someone_else(compact: str, at: int, others: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the nearest subject before ``at`` is another person, not a child. A person in another role
    ("선생님한테 맞았대요", "엄마랑") or inside a child word ("막내가" holds 내가) is not the subject."""
    if not others:
        return False
    begin = max(0, at - _SUBJECT_WINDOW)
    window = compact[begin:at]
    children = [(m.start(), m.end()) for m in _CHILD_MENTION.finditer(window)]
    last_other = max(
        (
            m.end()
            for p in others
            for m in p.finditer(window)
            if not _NOT_SUBJECT.match(compact, begin + m.end())
            and not any(a < m.end() and m.start() < b for a, b in children)
        ),
        default=-1,
    )
    if last_other < 0:
        return False
    return last_other > max((b for _, b in children), default=-1)


def _child_named_before(compact: str, at: int) -> bool:
    """Whether a child is named shortly before ``at`` with no other noun marked as subject or object between
    ("둘째가 30분째 안 보여요" yes; "아이 가방을 잃어버렸어요" no)."""
    window = compact[max(0, at - _CHILD_WINDOW) : at]
    last = None
    for m in _CHILD_SUBJECT.finditer(window):
        last = m
    if last is None:
        return False
    between = window[last.end() :]
    if between.startswith(_BELONGINGS):
        return False  # "애 장난감 잃어버렸어요": the child's things, not the child
    return not between or between[-1] not in "이가을를은는"


_HARM_DONE_TO = re.compile("때리|때려|때렸|때린|폭행|구타|발로차|발로찼|목을졸|목졸|두들겨|꼬집|밀쳐|밀었|던졌|던져")
"""Words of harm done to someone: with the child as their object, another person before them is the one doing it."""
_CHILD_OBJECT = re.compile("(?:" + "|".join(CHILD_NOUNS) + ")(?:을|를)")


def _child_is_object(compact: str, at: int) -> bool:
    """'4살 아이를 남편이 때려요': the child, marked as object shortly before, is the one being harmed."""
    return _CHILD_OBJECT.search(compact, max(0, at - _SUBJECT_WINDOW), at) is not None


def _stands(c: _Compiled, text: str, end: int) -> bool:
    """Whether a word ending at ``end`` says what happened: not a supposition or a wish right after it
    ("다치면", "때리고 싶"), and not told as over later in the message ("넘어졌는데 괜찮아요")."""
    if c.supposed is not None and c.supposed.match(text, end) is not None:
        return False
    return c.over is None or c.over.search(text, end) is None


def _counts(c: _Compiled, patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(
        (
            not _about_someone_else(text, m.start(), c.others)
            or (_HARM_DONE_TO.match(text, m.start()) is not None and _child_is_object(text, m.start()))
        )
        and _stands(c, text, m.end())
        for p in patterns
        for m in p.finditer(text)
    )


def _after_child(c: _Compiled, text: str) -> bool:
    return any(
        _child_named_before(text, m.start()) and not _about_someone_else(text, m.start(), c.others)
        and _stands(c, text, m.end())
        for p in c.with_child
        for m in p.finditer(text)
    )


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) is not None for p in patterns)


def _blank(patterns: tuple[re.Pattern[str], ...], text: str) -> str:
    for p in patterns:
        text = p.sub(_BLANK, text)
    return text


class SituationFinder:
    """Compiled once per knowledge; ``find`` is a pure function of the message."""

    def __init__(self, situations: Mapping[str, Situation]) -> None:
        self._compiled = tuple(
            (sid, _Compiled(s)) for sid, s in situations.items() if s.words or s.now_words or s.with_child or s.together
        )
        cores = {
            w.replace(" ", "").replace("{아이}", "")
            for s in situations.values()
            for w in (*s.words, *s.now_words, *s.with_child, *(f for p in s.together for f in p.first))
        } - {""}
        self._trigger = re.compile(grouped(sorted(cores))) if cores else None
        """Any word of any situation, without its child noun: most messages match none and stop here."""

    def find(self, compact: str, later: bool = False) -> frozenset[str]:
        """Situation ids in the message (``compact``: spaces removed); ``later`` when it names a later day."""
        if self._trigger is None or self._trigger.search(compact) is None:
            return _NONE
        found = []
        for sid, c in self._compiled:
            text = _blank(c.unless, compact)
            if c.asking and _any(c.asking, text) and not _any(c.now, text):
                continue  # a question about a programme or what to do, with nothing happening now
            if _counts(c, c.words, text) or _after_child(c, text) or (
                c.now_words and self._now(c, text, later) and _counts(c, c.now_words, text)
            ):
                found.append(sid)
        return frozenset(found)

    @staticmethod
    def _now(c: _Compiled, text: str, later: bool) -> bool:
        """Whether the message is about now: no later day, and no plan word unless a now word overrides it."""
        if later:
            return False
        return not _any(c.plans, text) or _any(c.now, text)
