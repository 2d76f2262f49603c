"""Reading one parent's message into an Understanding: children, time, place, topics, situations, yes/no."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import datetime
from typing import Any

from knowledge.schema import Kind, Knowledge, School
from routing.ages import find_children, unnamed_children
from routing.asking import CARE_ASKED, CARE_FIRST, HAPPENING, LATER, SUCH, visiting_hours
from routing.careday import holiday
from routing.correctedwhen import corrected_when
from routing.dangerscore import DangerScore, shipped
from routing.days import public_holidays
from routing.hours import Period
from routing.injured import childs_injury
from routing.lookedafter import looked_after
from routing.need import Child, Need, Understanding, maker
from routing.nocareday import no_care_day
from routing.numberdates import with_digits
from routing.places import PlaceFinder
from routing.planned import planned_stay
from routing.routinecare import harms_others, routine_need
from routing.schoolentry import AFTER_SCHOOL, after_school, pupil_to_be
from routing.selection import singled_out
from routing.situations import SituationFinder
from routing.topics import TopicFinder
from routing.when import find_when
from routing.yesno import answer

_WIDE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: " ", 0x301C: "~", 0x223C: "~", 0x2236: ":"}
"""Full-width digits and signs as phones type them (１８：３０). Not NFKC: it would break ㅇㅇ, ㅋㅋ into other jamo."""
_WIDE_SIGNS = re.compile("[\uff01-\uff5e\u3000\u301c\u223c\u2236]")
"""Whether there is one to change: str.translate looks every letter up in ``_WIDE``, a test is a tenth of that."""
_NO_CHILD = Child()
_NEED, _UNDERSTANDING = maker(Need), maker(Understanding)
_TERM = re.compile("방학(?:끝나|끝난|이끝|지나|말고|아닌|아니|빼고|제외|전|후)")
"""방학 named only to say a day is not in the vacation."""
MAX_TAPS = 512
"""Button values kept read (per minute); far more than the buttons the dialog offers."""
_CORRECTION = re.compile(
    r"(?:이|가)?\s*(?:(?<!그건)(?<!그건\s)(?<!그게\s)(?<!그거\s)아니고|아니구|아니라|아니에요|아니요|아녜요|말고|(?<![가-힣])아니(?:다|지)(?![가-힣])|아니(?=\s+[0-9가-힣]))"
)
"""A correction inside the message: what follows it replaces what came before ("수요일이요 아 아니다 목요일"); not
"그건 아니고", which sets a topic aside ("큰애 졸업식인데 그건 아니고 그날 둘째를"), correcting no fact."""
_REFUSAL = re.compile("말고|아니고|아니구|아니라")
"""A correction that refuses what came before ("내일 말고", "내일은 아니고"), not a slip ("아니 토요일")."""




def _period(hint: str | None) -> Period | None:
    return "am" if hint == "am" else "pm" if hint == "pm" else None


_DANGER = frozenset(("danger",))
_SHIPPED: Any = object()
"""The default of ``Understander(learned=...)``: the model shipped in knowledge/danger_model.json."""


def _months(child: Child) -> int | None:
    """A child's age in months, from the school grade when only that is said (초3 -> 9 years)."""
    return child.age_months if child.age_months is not None else (
        (child.school_grade + 6) * 12 if child.school_grade else None)


class Understander:
    """Compiled once per knowledge; ``read`` is a pure function of the text and the reference time."""

    def __init__(self, knowledge: Knowledge, learned: DangerScore | None = _SHIPPED) -> None:
        """``learned``: the learned danger reader beside the YAML words (``routing.dangerscore``; None: words only,
        as a test of the words alone needs)."""
        self.knowledge = knowledge
        self._places = PlaceFinder(knowledge.places, [site.name for s in knowledge.services for site in s.sites])
        public_holidays(datetime.now().year)  # the holidays package takes ~0.1 s per year: not on a parent's turn
        self._situations = SituationFinder(knowledge.situations, knowledge.children)
        self._carers = knowledge.situations["emergency"].carers if "emergency" in knowledge.situations else ()
        self._danger = shipped() if learned is _SHIPPED else learned
        self._topics = TopicFinder(knowledge.services)
        cares = [s.ages for s in knowledge.services if s.kind is not Kind.INFO]
        self._ages = (min(a.min_months for a in cares), max(a.max_months for a in cares)) if cares else (0, 10**6)
        self._taps: dict[tuple[str, datetime, str | None], Understanding] = {}
        self._info = frozenset(s.id for s in knowledge.services if s.kind is Kind.INFO)
        self._pupils = frozenset(s.id for s in knowledge.services if s.ages.school is School.ONLY)

    def read_tap(self, value: str, now: datetime, hint: str | None = None) -> Understanding:
        """``read`` for a tapped button's value. Buttons come from a few fixed lists that every parent taps,
        so each value is read once per minute: a reading takes from the clock only the date and the minute
        of day (for "지금"), and the exact time is put back into what is handed out."""
        minute = now.replace(second=0, microsecond=0)
        key = (value, minute, hint)
        hit = self._taps.get(key)
        if hit is None:
            if len(self._taps) >= MAX_TAPS or (self._taps and next(iter(self._taps))[1] != minute):
                self._taps.clear()  # a new minute (or values nobody was offered): start over
            hit = self._taps[key] = self.read(value, minute, hint)
        return hit if hit.need.now == now else replace(hit, need=replace(hit.need, now=now))

    def suggest_places(self, text: str, n: int = 5) -> list[str]:
        """Place names that look like the text, for a parent whose answer named no place we know."""
        return self._places.suggest(text, n)

    def read(self, text: str, now: datetime, hint: str | None = None) -> Understanding:
        """What one message says, relative to ``now`` (Asia/Seoul). ``hint`` ('am'/'pm') is the ``period`` of an
        earlier message in the conversation, or the half of the day a parent chose for an ``ambiguous_hour``."""
        if not text.isascii() and _WIDE_SIGNS.search(text):
            text = text.translate(_WIDE)
        text = with_digits(text)
        yes, rest = answer(text)
        negated = False
        head, body, refused = "", text, ""
        if "아니" in text or "말고" in text:
            marks = [m for m in _CORRECTION.finditer(text, rest) if m.start() > rest]
            if marks:
                cut = marks[-1]
                # the words right before the marker are what is being corrected: drop them from the head
                head, body = text[: cut.start()].rstrip().rpartition(" ")[0], text[cut.end() :]
                # "내일 말고 모레" corrects a fact, "어린이집 말고 집에서" only states a wish
                negated = "아니" in cut.group() or self._says_fact(text[len(head) : cut.start()], now)
                refused = text[len(head) : cut.start()] if _REFUSAL.search(cut.group()) else ""
        today = now.date()
        children = find_children(body, today) or (find_children(head, today) if head else ())
        unnamed = () if children else unnamed_children(text)
        first = (children[0] if len(children) == 1 else self._served(children, text)) if children else (
            unnamed[0] if unnamed else _NO_CHILD)
        school = bool(first.school) or first.school_grade is not None or (
            (first.age_months or 0) >= self.knowledge.school_from_months)
        when = corrected_when(self.knowledge, body, head, now, _period(hint), school, text if body is not text else "",
                              refused)
        area = self._places.find(body) or (self._places.find(head) if head else None)
        if yes is False and (children or when.day or when.start is not None or when.end is not None or area):
            negated = True  # "아니요, 5살이에요": a no that brings the right fact
        compact = "".join(text.split())
        age = _months(first)
        if len(children) > 1:  # danger reads the youngest: a fifth-grader at home with a 3-year-old
            age = min((a for a in map(_months, children) if a is not None), default=None)
        topics, described = self._topics.find(compact)
        later = when.day is not None and when.day > today
        situations = self._situations.find(compact, later, age, looked_after(compact))
        situations = childs_injury(compact, situations, self._carers)
        situations = routine_need(compact, planned_stay(compact, situations, when.day, today))
        said = "danger" in situations
        if (self._danger is not None and said != self._danger.decide(said, compact)
                and (said or not harms_others(compact))):  # no learned alarm for a child hurting peers
            situations ^= _DANGER  # the learned reader is sure where the words were not (routing.dangerscore)
        if (("emergency" in situations or "sick" in situations) and when.day is None and when.start is None
                and when.end is None
                and not when.past and HAPPENING.search(compact) and LATER.search(compact) is None):
            when = when._replace(day=today, holiday=holiday(text, today, -1), urgent=True)
        # 방학식 is the last school day, not the vacation
        vacation = "방학" in compact.replace("방학식", "") and _TERM.search(compact) is None
        visit = bool(topics) and (when.start is not None or when.end is not None) and visiting_hours(compact)
        if when.assumed and (visit or vacation or (topics and SUCH.search(compact) is not None)
                             or after_school(compact, when.start, now.hour * 60 + now.minute)):
            when = when._replace(day=None, assumed=False)  # visiting hours, a vacation, after school: no day taken
        if no_care_day(text, topics, self._info, situations, when.day, today):
            # "부모 교육 있나요 … 오늘도 숙제 하라고 했다가 싸웠네요": a story or a deadline, no care day or hours
            when = when._replace(day=None, start=None, end=None, night=None, holiday=None, urgent=False, assumed=False)
        if (self._pupils.intersection(topics) and when.day is None and when.start is None and when.end is None
                and not when.past) or ("학" in compact and AFTER_SCHOOL.search(compact) is not None):
            first = pupil_to_be(first, text)  # applying to a school children's service, after-school care, for March
        # Positional, in Need's field order: this runs for every message and keywords cost a fifth more.
        need = _NEED(
            first, when.day, when.start, when.end, when.night, when.holiday, when.urgent,
            topics, situations, area, None, now, vacation, when.overnight, visit,
            (described or bool(situations & CARE_FIRST)) and CARE_ASKED.search(compact) is not None,
        )
        return _UNDERSTANDING(
            need, children, "danger" in situations, yes, negated, when.period, when.ambiguous_hour, when.past, unnamed,
            when.assumed, when.asked,
        )

    def _served(self, children: tuple[Child, ...], text: str) -> Child:
        """The child the need is ranked for: the one singled out for care ("9살 6살 2살 막내만"), else the first one
        a care service here takes ("중1 딸이랑 초4 아들": the fourth grader), else the first whose age is unknown,
        else the first named."""
        if ("만" in text or "가고" in text or "다니" in text or "있" in text or "째" in text or "데려" in text
                or "데리" in text) and (
                one := singled_out(text, children)) is not None:
            return one
        low, high = self._ages
        unknown = None
        for c in children:
            if c.school_grade is not None or c.school is not None or (
                c.age_months is not None and low <= c.age_months <= high
            ):
                return c
            if unknown is None and c.age_months is None:
                unknown = c
        return unknown or children[0]

    def _says_fact(self, text: str, now: datetime) -> bool:
        when = find_when(text, now)
        said = find_children(text, now.date()) or when.day or when.start is not None or when.end is not None
        return bool(said or self._places.find(text))


_READERS: dict[int, tuple[Knowledge, Understander]] = {}
_KEEPING = threading.Lock()
KEPT_READERS = 4
"""Readers kept compiled per process: the knowledge in use, and a few just replaced by an edit."""


def reader_for(knowledge: Knowledge) -> Understander:
    """The reader of ``knowledge`` with the shipped model, compiled once per process: compiling takes a second or
    more (its word patterns), and every engine over the same knowledge (Kakao's, Telegram's, each worker's, each
    test's) reads alike, since ``read`` is pure. Keyed by identity: knowledge is replaced whole, never changed."""
    kept = _READERS.get(id(knowledge))
    if kept is not None and kept[0] is knowledge:
        return kept[1]
    reader = Understander(knowledge)
    with _KEEPING:  # engines prepare readers in threads (Engine.prepare)
        while len(_READERS) >= KEPT_READERS:
            _READERS.pop(next(iter(_READERS)))
        _READERS[id(knowledge)] = (knowledge, reader)
    return reader
