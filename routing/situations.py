"""Finding situations (danger, emergency, sick child, care at home) in a message: words, lookalikes, plans, subjects.

A situation's words come from the knowledge YAML so staff can extend them; ``routing.wordforms`` makes each of
them find its conjugations and typos, and ``together`` pairs two words near each other ("피가 ... 안 멈춰요").
Matching runs on the message without spaces. Lookalike phrases (``unless``) are blanked out first, so "학대예방"
hides its 학대 and "주사맞았" its 맞았. A word counts when it tells an event about a child (``routing.subjects``):
not about another person ("엄마가 다쳐서"), not negated or mild ("못 삼켜서", "살짝 피났어요"), not a supposition
right after it ("다치면"), not told as over ("괜찮아요", "다쳤었는데"), not after an earlier time ("작년에") with
nothing said of now. ``now_words`` (a young child alone) count only when the message is about now, not a plan;
``asking`` words (교육, 대처법) make the message a question unless something happens now.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from knowledge.schema import ChildWords, Situation
from routing.gates import gated
from routing.letters import Alphabet, Checked, first_letters
from routing.nicknames import Nicknames
from routing.situationwords import Compiled
from routing.subjects import Children
from routing.triggers import trigger_words
from routing.wordforms import grouped

_BLANK = "|"
_NONE: frozenset[str] = frozenset()
_NEGATIONS = "안않못몬"
_MILD_REACH = 4
"""Letters before a word looked at for ``mild`` words."""
_ASIDE = re.compile(r"\([^()]{0,16}\)")
"""A short aside in brackets (ages, a count, a note) inside a phrase: read the phrase without it."""
_CHILD_WRITER = re.compile(
    "(?:저|나)(?:는|요|도)?(?:초[1-6]|초등학생|[1-9]학년|[5-9]살|1[0-2]살|일곱살|여덟살|아홉살|열살|유치원생)"
    "(?![^데고서요다]{0,3}(?:엄마|아빠|맘|부모|학부모|아들|딸|아이|애|키우))"
)
"""A child writing (저 초5예요, 나는 초등학생): then 저를·나한테 name a child, not the parent ("저는 초3 엄마예요"
is a parent; "저 초2인데 엄마 아빠가 안 와요" is a child: the clause ends before 엄마)."""
_ME = re.compile("저(?=를|한테|에게)|(?<![하바언누])나(?=를|한테|에게)")
"""Me as the one harmed (저를, 나한테); not 하나를, 바나나를, 언니나를."""
_A_CHILD = "애"
_BY_MISTAKE = "잘못"
"""'잘못 삼켰어요' swallowed by mistake: 못 here does not negate."""
_PROSPECTIVE = frozenset(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 8)
"""Syllables closed by ㄹ: with 것·거·줄·뻔·수·때 after them, a verb says what may happen (부러질 것, 다칠 뻔);
read so in a situation that lists ``supposed`` endings (danger), not in "집으로 오실 수 있는 분"."""
_YET_TO_BE = ("것", "거", "줄", "뻔", "수", "때")
_AS_IF = ("처럼", "같이")
_BE = "있"
_DENIED = re.compile("[가-힣]{0,2}?지[도는][않안못몬]")
"""A sign denied right after it ("토하지는 않아요", "비틀거리지도 않고"): what did not happen."""
_SIMILE = re.compile("듯이?|것처럼|거처럼|처럼|것같이|거같이|마냥")
"""A comparison: "경기하듯이", "숨 넘어갈 것처럼", "불난 것처럼" (not -ㄴ 듯, which supposes: "삼킨 듯해요")."""
_SIMILE_REACH = 2
"""Letters after a word within which a comparison starts ("경련 한 것처럼": 한 before 것처럼)."""
_SEEMS = frozenset(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 4)
"""Syllables closed by ㄴ: before 듯 a supposition ("삼킨 듯", "다친 듯"), not a comparison."""
_NOT_SO = re.compile(
    "(?:(?<=[건게거])|.{0,2}?(?:것은|것이|건|게|거))"
    "(?:아니[고라에예었였래구]|아니거든|아니지만|아닌데|아닌것같|아닌거같|아닙|아녜|아님)(?![^?？]{0,4}[?？])"
)
"""A word denied after it ("삼킨 건 아니고", "맞은 게 아니라", "다친 거 아니에요"); not a suspicion asked
("삼킨 거 아닌가", "다친 거 아니에요?") nor 뿐만 아니라 (not only)."""
_STOPPING = ("멈", "멎", "그치", "그쳐", "낫", "나아")
"""Words of stopping or healing, whose denial is the sign ("피가 멈추지도 않아요")."""
_BREAKS = ("부러", "늘어", "꺾", "두고", "놔두고", "놓고")
"""Verbs a thing does or has done to it too (우산이 부러졌어요, 옷이 늘어졌어요, 애착이불 두고 나왔어요): after a
child's thing, not danger."""
_WELL = "잘"
_WAKING = ("일어나", "깨")
_LONG_SLEEP = re.compile("낮잠|늦잠|늦게자|늦게잤|오래자|오래잤|아침에|아침마다|밤에안자|밤늦게")
"""'잘 안 일어나요' after a long or late sleep is slow to wake, not unconscious (only waking verbs: '숨을 잘 못
쉬어요' is danger)."""
_MANY_LETTERS = 100
_PAST_SS = frozenset(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 in (19, 20))
"""Syllables closed by ㅆ (or ㅅ, the typo): a past tense, which a following 었 makes a past perfect."""


_DANGER = "danger"
_CARER_LETTERS = 2
"""Letters of a pair's carer word skipped before looking for a child between it and the sign (애엄마가 holds 애)."""
_TODAY_AFTER = re.compile("오늘|지금|방금")
"""After a recent earlier day (어제): today named again, what follows is now."""


def _any(patterns: Checked, text: str, mask: int) -> bool:
    return any(p.search(text) is not None for p, first, then in patterns if first & mask and then & mask)


def _blank(patterns: Checked, text: str, mask: int) -> str:
    for p, first, then in patterns:
        if first & mask and then & mask:
            text = p.sub(_BLANK, text)
    return text


class _Reading:
    """One situation read on one message: which matches of its words tell an event about a child."""

    __slots__ = ("c", "carers", "kids", "lately_at", "mask", "past_at", "pretend", "text", "today_at")

    def __init__(self, c: Compiled, kids: Children, text: str, now: bool, mask: int, hurt: bool = False) -> None:
        self.c = c
        self.carers = None if hurt else c.carers
        """A carers' situation's words: a child's own event is not it, unless the child is in danger now (a child
        hurt now is as much an emergency for the family as a carer's; one in hospital or over it is not)."""
        self.kids = kids
        self.text = text
        self.mask = mask
        """The message's letters (``Alphabet.mask``): a pattern none of whose first letters is there is not run."""
        self.pretend = c.pretend.read(text)
        m = c.past.search(text) if c.past is not None and not now else None
        self.past_at = m.end() if m is not None else len(text) + 1
        """Where an earlier time ("작년에") was named, with nothing said of now: words after it are history."""
        m = c.lately.search(text) if c.lately is not None and not now else None
        self.today_at = len(text) + 1
        if m is not None and text.startswith("도", m.end()):
            m = None  # "어제도 오늘 아침에도 맞았다고": again today, not over
        elif m is not None and (again := _TODAY_AFTER.search(text, m.end())) is not None:
            self.today_at = again.start()
        """Where today was named again after that day: what happens after it is now ("어제 머리를 다쳤는데
        오늘 계속 토해요"), what happened before it is that day's ("어제 쿵했는데 오늘 잘 일어나서 학교 갔어요")."""
        self.lately_at = min(self.past_at, m.end()) if m is not None else self.past_at
        """Where a recent earlier day ("어제") was named: an event after it is history, a state is not."""

    def stands(self, start: int, end: int, verb: int, history: bool = True) -> bool:
        """Whether the word at ``start:end`` tells what happened: not negated or made mild right before it
        ("못 삼켜서", "살짝 피났어요"; "잘 안 일어나요" is not mild) nor denied after it ("토하지는 않아요"),
        not a supposition or wish right after it ("다치면", "때리고 싶"), not a past perfect ("부러졌었는데"),
        not told as over later ("넘어졌는데 괜찮아요"), not after an earlier time with nothing of now, not
        describing a thing after it ("잃어버린 장난감"), not make-believe ("인형이 피 난다고"). ``verb`` is where
        the word of a pair that says what happened starts; ``history`` False for a state that goes on (a child
        not back since last night is still missing), which only an earlier time further back (작년에) ends."""
        c, text = self.c, self.text
        if (start >= self.past_at or (history and start >= self.lately_at and verb < self.today_at)
                or self.kids.describes_a_thing(text, end)):
            return False
        if self.pretend is not None and self.pretend.pretended(text, end, verb):
            return False  # "인형이 피 난다고 빨간 펜으로 칠해요": a doll's hurt, drawn
        if text.startswith(_BREAKS, verb) and self.kids.thing_before(text, start):
            return False
        if verb and text[verb - 1] in _NEGATIONS and text[max(0, verb - 2) : verb] != _BY_MISTAKE:
            return False
        if (text[start] in _NEGATIONS and text[start - 1 : start] == _WELL and text.startswith(_WAKING, start + 1)
                and _LONG_SLEEP.search(text, 0, start) is not None):
            return False  # "낮잠을 오래 자서 깨워도 잘 안 일어나요": slow to wake; after a knock a pair names it
        if c.mild is not None and text[start] not in _NEGATIONS and any(
            c.mild.search(text, max(0, at - _MILD_REACH), at) is not None for at in {start, verb}
        ):
            return False
        if _DENIED.match(text, end) is not None and not any(w in text[start:end] for w in _STOPPING):
            return False
        if _NOT_SO.match(text, end) is not None and not any(w in text[start:end] for w in _STOPPING):
            return False  # "삼킨 건 아니고 어디 굴러간 거 같아요"; "피가 멈춘 게 아니라" is the sign
        if c.manner is not None and self._likened(start, end):
            return False
        if text.startswith("었", end) and text[end - 1] in _PAST_SS and text[end - 1] != _BE:
            return False  # "부러졌었는데": over; "떠 있었어요" is 있다's plain past
        after = end if text[end - 1] in _PROSPECTIVE else end + 1  # 다칠|것, 부러|질것 (the stem's next letter)
        if (c.supposed is not None and text[after - 1 : after] in _PROSPECTIVE
                and text.startswith(_YET_TO_BE, after) and not text.startswith(_AS_IF, after + 1)):
            return False  # "부러질 것 같대요", "다칠 뻔": what may happen; "넘어갈 것처럼 기침해요" happens now
        if c.supposed is not None and c.supposed.match(text, end) is not None:
            return False
        return c.over is None or c.over.search(text, end) is None

    def _likened(self, start: int, end: int) -> bool:
        """Whether the word at ``start:end`` is a comparison of how a child does something ordinary ("경기하듯이
        깨서 울어요", "숨 넘어가듯 울어요"): it says how, not what happened ("죽을 것처럼 숨을 헐떡여요" is told by
        헐떡여요; "경기하듯 몸을 떨어요" is no ordinary doing)."""
        text, manner = self.text, self.c.manner
        m = _SIMILE.search(text, start + 1, end + _SIMILE_REACH + 3)
        return (m is not None and m.start() <= end + _SIMILE_REACH and manner is not None
                and not (text[m.start()] == "듯" and text[m.start() - 1] in _SEEMS)
                and manner.match(text, m.end()) is not None)

    def counts(self, patterns: Checked, anyone: bool = False) -> bool:
        """Whether a match tells an event about a child; ``anyone``: whoever its subject is (a carer's pair)."""
        c, text, mask = self.c, self.text, self.mask
        for p, first, then in patterns:
            if not (first & mask and then & mask):
                continue
            for m in p.finditer(text):
                # a pair's subject stands before what happened; a word may start with the child it is about
                at = m.start(1) if p.groups else self.kids.subject_end(text, m.start())
                begin = m.start() if p.groups else at  # "술만 먹으면 애를 패요": 먹으면 is before the child, not 패요
                if anyone:
                    if self.stands(begin, m.end(), at):
                        return True
                elif self.carers is not None and (self.kids.the_childs(text, m.start(), self.carers) or (
                        p.groups and self.kids.child_between(text, m.start() + _CARER_LETTERS, at))):
                    continue  # "첫째가 다리 깁스를 해서", "할매가 보는데 손녀 아파가": the child's, not a carer's
                elif (
                    (
                        not self.kids.about_someone_else(text, at, c.others)
                        or self.kids.harmed_by_someone(c.done_to, c.others, text, m.start(), m.end())
                    )
                    and not self.kids.does_harm(c.done_to, c.others, text, m.start(), m.end(), c.peers)
                    and not self.kids.subject_after(text, at, m.end(), c.others)
                    and self.stands(begin, m.end(), at)
                ):
                    return True
        return False

    def after_child(self, patterns: Checked) -> bool:
        c, text = self.c, self.text
        return any(
            self.kids.named_before(text, m.start()) and not self.kids.about_someone_else(text, m.start(), c.others)
            and self.stands(m.start(), m.end(), m.start(), history=False)
            for p, first, then in patterns if first & self.mask and then & self.mask
            for m in p.finditer(text)
        )


def _trigger(words: str) -> re.Pattern[str]:
    """The trigger words behind a test of all their first letters, then of each run of 132 first-letter branches
    (a third of them), then of each quarter of that: a place none of whose letters starts a word costs one test,
    and one that does a few tests and a run of 33 branches (runs of 64 alone took half as long again)."""
    letters = "".join(re.escape(letter) for letter in sorted(first_letters(words) or ()))
    return gated(re.compile(f"(?=[{letters}])(?:{words})" if letters else words), per=132, within=33)


def _gate(words: set[str]) -> re.Pattern[str]:
    """A situation's own trigger words; with a hundred first letters or more (danger's 350), behind tests of runs
    of them, as the trigger (three times faster there; a short list is faster as it is)."""
    gate = re.compile(grouped(sorted(words)))
    return gated(gate, per=128, within=32) if len({w[0] for w in words}) >= _MANY_LETTERS else gate


class SituationFinder:
    """Compiled once per knowledge; ``find`` is a pure function of the message."""

    def __init__(self, situations: Mapping[str, Situation], children: ChildWords | None = None) -> None:
        self._kids = Children(children or ChildWords())
        self._nicknames = Nicknames(children or ChildWords())
        self._abc = Alphabet()
        words = {sid: trigger_words(s) for sid, s in situations.items()}
        self._compiled = tuple(
            (sid, Compiled(s, self._kids, self._abc), _gate(words[sid]))
            for sid, s in situations.items()
            if s.words or s.exact or s.now_words or s.with_child or s.together
        )
        cores: set[str] = set()
        for s in situations.values():
            trigger_words(s, cores)
        self._trigger = _trigger(grouped(sorted(cores))) if cores else None
        """Any situation's trigger words: most messages match none and stop here; a message that does is
        read only for the situations whose own words it holds (a sick child's message is not read for danger)."""

    def _parents_own(self, patterns: Checked, text: str, mask: int) -> str:
        """The message with each exclaimed word that no child is named before nor marked as subject after blanked:
        in a message about the day's errands it is the parent's ("숨넘어가요 진짜 하원은 4시인데 회의가 5시반에
        끝나요"); "우리 아들 지금 숨넘어가요 하원하고 오는 길인데" is the child's."""
        kids = self._kids
        for p, first, then in patterns:
            if first & mask and then & mask:
                text = p.sub(lambda m: m.group() if kids.mentioned(m.string, 0, m.start())
                             or kids.marked_after(m.string, m.end()) else _BLANK, text)
        return text

    def find(self, compact: str, later: bool = False, age_months: int | None = None,
             kept: bool = False) -> frozenset[str]:
        """Situation ids in the message (``compact``: spaces removed); ``later``: it names a later day; ``age_months``:
        the named child's age (or None); ``kept``: someone looks after the children now (``routing.lookedafter``)."""
        if self._trigger is None or self._trigger.search(compact) is None:
            return _NONE
        if "(" in compact:
            compact = _ASIDE.sub("", compact)  # "애기 둘(2살,4살)만 집에": the aside splits the words it sits in
        compact = self._nicknames.as_children(compact, age_months)  # 우리 똥강아지, 하윤이: a child
        writer = _CHILD_WRITER.search(compact) is not None
        if writer:
            compact = _ME.sub(_A_CHILD, compact)  # "저를 때려요 ... 저 초5예요": the one writing is the child
        mask = self._abc.mask(compact + _BLANK)  # with the mark lookalikes leave in their place
        found = []
        for sid, c, gate in self._compiled:
            if gate.search(compact) is None:
                continue
            text = _blank(c.unless, compact, mask)
            if c.exclaimed and _any(c.errands, text, mask):
                text = self._parents_own(c.exclaimed, text, mask)
            now = _any(c.now, text, mask)
            if c.asking and not now and _any(c.asking, compact, mask):
                continue  # a question about a programme or what to do, with nothing happening now
            r = _Reading(c, self._kids, text, now, mask, _DANGER in found)
            alarmed = _any(c.urgent, text, mask)
            if c.calm and _any(c.calm, text, mask):
                continue  # "캑캑거리면서도 재밌대요 ㅋㅋ": nobody laughs while a child is in danger
            if r.counts(c.words) or r.counts(c.anyone, anyone=True) or r.after_child(c.with_child) or (
                alarmed and (r.counts(c.named_signs) or r.after_child(c.signs) or r.counts(c.wide))
            ) or (
                c.now_words and not later and not kept
                and (age_months is None or age_months < c.young_below or _any(c.young_words, text, mask))
                and (now or not _any(c.plans, text, mask))
                and (r.counts(c.now_words + c.wide_now if alarmed else c.now_words, anyone=writer)
                     or r.counts(c.anyone_now, anyone=True))
            ):
                found.append(sid)
        return frozenset(found)
