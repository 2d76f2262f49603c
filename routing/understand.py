"""Reading one parent's message into an Understanding: children, time, place, topics, situations, yes/no."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from datetime import datetime
from typing import Any

from knowledge.schema import Kind, Knowledge, School
from routing.ages import find_children, unnamed_children
from routing.careday import holiday
from routing.correctedwhen import corrected_when
from routing.dangerscore import DangerScore, shipped
from routing.days import public_holidays
from routing.hours import Period
from routing.injured import childs_injury
from routing.need import Child, Need, Understanding, maker
from routing.numberdates import with_digits
from routing.places import PlaceFinder
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
    r"(?:이|가)?\s*(?:아니고|아니구|아니라|아니에요|아니요|아녜요|말고|(?<![가-힣])아니(?:다|지)(?![가-힣])|아니(?=\s+[0-9가-힣]))"
)
"""A correction inside the message: what follows it replaces what came before ("수요일이요 아 아니다 목요일")."""
_REFUSAL = re.compile("말고|아니고|아니구|아니라")
"""A correction that refuses what came before ("내일 말고", "내일은 아니고"), not a slip ("아니 토요일")."""




def _period(hint: str | None) -> Period | None:
    return "am" if hint == "am" else "pm" if hint == "pm" else None


_VISIT = re.compile(
    r"(?:빌리|반납하|대여하|구경하|신청하|받으|방문하|들르|가|오)(?:러|려(?:고|구|는데|면|요))|(?:가도|가면|와도|오면)(?:되|돼)|받을수있"
    r"|(?:빌릴|반납할|대여할)수|도착하"
    r"|(?:기간|대여|대출|반납|반납일)연장|빌린(?:거|것|게)|빌렸"
)
"""Going to the service asked about, or a loan's own dates ("대여기간 연장되나요? 지금 빌린거 화욜까지인데")."""
_SUCH = re.compile(r"그런(?:것|거|게|서비스)(?:도|이|가|은|는)?(?:있|되|돼|하)")
"""Whether such a service exists ("등원 도우미? 그런것도 있나요 아침 7시반부터 9시까지"): hours describe the service
wanted, not today."""
_CARE_WORDS = re.compile(r"맡[기길겨아]|봐[주줄줘야]|돌[봐보]|동안|사이에|케어|시터|보살")
_HAPPENING = re.compile(
    r"갑자기|긴급|급하|급해|급합|급히|지금|방금|당장|구급차|실려|응급실|진통(?:이)?(?:와|왔|오|시작)|양수(?:가)?터|위독"
    r"|병원(?:에)?(?:가야|가봐야|가봐|따라가|데려가|왔|와있)|연락(?:이)?와서|수습|비상|119(?:를)?(?:타고|불렀|불러)"
    r"|(?:새벽|밤늦게|밤중)에?죄송|조퇴|데리러오(?:래|라)|데려가(?:래|라(?:는|고|했|하|네|세))|연락(?:이)?왔"
    r"|(?:새벽|간밤)(?:에|부터)[가-힣]{0,10}?(?:해서|돼서|되서|나서|져서|쳐서|셔서|당하|당해|당했|났|셨)"
    r"|(?:입원(?:을)?(?:하)?|병원(?:에)?(?:실려)?가|응급실(?:에)?가)셨(?:대|다(?:카|캐|고|네|는)|어|네|습니다|다(?![가-힣]))"
)
"""A carer's emergency told as happening now ("갑자기 쓰러지셔서 구급차 불렀어요"), as what befell in the small hours
of today ("새벽에 부친상 당해서", "새벽부터 오작동해서") or as just heard ("병원 가셨다 카네요", "입원하셨대요"), or a
sick child sent home now ("어린이집에서 데려가라는데"): with no day said, care is today."""
_LATER = re.compile(
    r"예정|다음|나중|혹시|만약|만일|미리|대비|마다|(?:할|날|길|긴)때|(?<!끝)[지하되으있기나]면(?!서)|작년|지난|저번|적있|적이있|했었|갔었|셨었"
)
"""A case, a plan, a habit or a story ("수술 예정이라", "급한 일 생기면", "작년에 응급실 갔었는데"): not today."""
_CARE_ASKED = re.compile(
    r"맡길|맡기고싶|맡겨야|맡길수|봐줄|봐주실|봐주시|돌봐줄|돌봐주실|돌봐주시|맡기는(?:곳|데있|데가|방법)|맡아주는(?:곳|데)|봐주는곳"
    r"|(?:어린이집|유치원|학교)(?:에|은|는|도|을|를)?(?:못|몬)(?:보내|보낼|가|갈)|(?:도와|와)(?:주실|줄)(?:분|사람)|와줬으면"
)
"""A request for care ("맡길 곳", "봐주실 분", "와서 도와주실분"), or a child kept from daycare ("내일 어린이집 못 보낼
거 같아요"), in the compact text."""



_CARE_FIRST = frozenset(("emergency", "sick", "at_home"))
"""Situations that make a request for care the point of the message, whatever topic it names on the way ("남편이
건강검진에서 암이 발견돼서 갑자기 내일 입원해요 … 맡길 데가 없어요")."""
_DANGER = frozenset(("danger",))
_SHIPPED: Any = object()
"""The default of ``Understander(learned=...)``: the model shipped in knowledge/danger_model.json."""
_ALL_DAY = re.compile(r"하루\s*종일|온종일|종일|하루\s*내내")
_CLOCK = re.compile(r"[0-9]\s*(?:시|:)|[한두세네]\s*시|(?:다섯|여섯|일곱|여덟|아홉|열|열한|열두)\s*시")


def _visit(compact: str) -> bool:
    """Whether the hours said are for going to the service asked about, not for care: a visit said, no care asked;
    or the only hours are a whole day told about the parent's life ("하루 종일 아기랑만 있으니 우울해요")."""
    if _CARE_WORDS.search(compact) is not None:
        return False
    idle = _ALL_DAY.search(compact) is not None and _CLOCK.search(compact) is None
    return idle or _VISIT.search(compact) is not None


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
        situations = self._situations.find(compact, when.day is not None and when.day > today, age)
        situations = childs_injury(compact, situations, self._carers)
        said = "danger" in situations
        if self._danger is not None and said != self._danger.decide(said, compact):
            situations ^= _DANGER  # the learned reader is sure where the words were not (routing.dangerscore)
        if (("emergency" in situations or "sick" in situations) and when.day is None and when.start is None
                and when.end is None
                and not when.past and _HAPPENING.search(compact) and _LATER.search(compact) is None):
            when = when._replace(day=today, holiday=holiday(text, today, -1), urgent=True)
        vacation = "방학" in compact and _TERM.search(compact) is None
        visit = bool(topics) and (when.start is not None or when.end is not None) and _visit(compact)
        if when.assumed and (visit or vacation or (topics and _SUCH.search(compact) is not None)
                             or after_school(compact, when.start, now.hour * 60 + now.minute)):
            when = when._replace(day=None, assumed=False)  # visiting hours, a vacation, after school: no day taken
        if (self._pupils.intersection(topics) and when.day is None and when.start is None and when.end is None
                and not when.past) or ("학" in compact and AFTER_SCHOOL.search(compact) is not None):
            first = pupil_to_be(first, text)  # applying to a school children's service, after-school care, for March
        # Positional, in Need's field order: this runs for every message and keywords cost a fifth more.
        need = _NEED(
            first, when.day, when.start, when.end, when.night, when.holiday, when.urgent,
            topics, situations, area, None, now, vacation, when.overnight, visit,
            (described or bool(situations & _CARE_FIRST)) and _CARE_ASKED.search(compact) is not None,
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
