"""The knowledge schema: frozen pydantic models that validate services.yaml and places.yaml."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DayHours(Frozen):
    """An opening span within one day, in minutes from midnight; ``close`` may be 1440 (24:00)."""

    open: int
    close: int

    @classmethod
    def parse(cls, text: str) -> DayHours:
        m = _SPAN.match(text)
        if not m:
            raise ValueError(f"'{text}' is not a span like '09:00-18:00'")
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if not (0 <= start < 1440 and 0 < end <= 1440 and m1 < 60 and m2 < 60):
            raise ValueError(f"'{text}' has a time outside 00:00-24:00")
        if end <= start:
            raise ValueError(f"'{text}' closes before it opens")
        return cls(open=start, close=end)

    def covers(self, start: int, end: int) -> bool:
        """Whether [start, end) minutes from midnight lie inside the span."""
        return self.open <= start and end <= self.close

    def label(self) -> str:
        return f"{self.open // 60:02d}:{self.open % 60:02d}-{self.close // 60:02d}:{self.close % 60:02d}"


DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "holiday")
"""Keys of an ``hours`` mapping; ``weekdays`` (mon-fri) and ``weekend`` (sat, sun) are shorthands
and ``holiday`` applies to Korean public holidays (Saturdays and Sundays use their own keys)."""


class Hours(Frozen):
    """Opening hours per day type. A missing day means closed. ``always: true`` means 24 hours, every day."""

    days: dict[str, DayHours] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _expand(cls, value: object) -> object:
        if isinstance(value, cls) or (isinstance(value, dict) and "days" in value):
            return value
        if value == "always" or value == {"always": True}:
            return {"days": {k: DayHours(open=0, close=1440) for k in DAY_KEYS}}
        if not isinstance(value, dict):
            raise ValueError("hours must be a mapping like {weekdays: '09:00-18:00'} or 'always'")
        days: dict[str, DayHours] = {}
        for key, span in value.items():
            keys = {"weekdays": DAY_KEYS[:5], "weekend": DAY_KEYS[5:7], "every_day": DAY_KEYS}.get(
                str(key), (str(key),)
            )
            for k in keys:
                if k not in DAY_KEYS:
                    raise ValueError(
                        f"unknown day '{key}' (use {', '.join(DAY_KEYS)}, weekdays, weekend, every_day)"
                    )
                if span in (None, "closed", "휴무"):
                    days.pop(k, None)
                    continue
                days[k] = DayHours.parse(str(span))
        return {"days": days}

    def on(self, day_key: str) -> DayHours | None:
        return self.days.get(day_key)


class Contact(Frozen):
    role: str = ""
    person: str
    phone: str | None = None


class Site(Frozen):
    id: str
    name: str
    address: str
    area: str
    lat: float = Field(ge=35.5, le=36.5)
    lon: float = Field(ge=127.5, le=128.6)
    phone: str | None = None
    hours: Hours | None = None
    """Overrides the service's hours for this site when given."""
    vacation_hours: Hours | None = None
    """Overrides the service's school-vacation hours for this site when given."""
    note: str = ""


class School(StrEnum):
    ANY = "any"
    NEVER = "never"
    """Only children not yet in elementary school."""
    ONLY = "only"
    """Only elementary school children."""


class Ages(Frozen):
    min_months: int = Field(0, ge=0)
    max_months: int = Field(155, ge=0)
    school: School = School.ANY

    @model_validator(mode="after")
    def _order(self) -> Ages:
        if self.max_months < self.min_months:
            raise ValueError("max_months is below min_months")
        return self


class Kind(StrEnum):
    FACILITY = "facility"
    """Care at a centre the child goes to."""
    HOME = "home"
    """A carer comes to the family's home."""
    EMERGENCY = "emergency"
    """Emergency care, offered first for emergencies and otherwise only as a last resort."""
    INFO = "info"
    """Not care itself: guidance, loans, other departments. Reached by topic words."""


class Routing(Frozen):
    """How a service takes part in the routing policy."""

    rank: int = 50
    """Among services that fit by age and hours, lower ranks come first."""
    first_for: tuple[str, ...] = ()
    """Situations (ids under ``situations``) for which this service goes first."""
    last_resort: bool = False
    """Offered only for its ``first_for`` situations or when nothing else can start in time."""
    outside_ages: tuple[Literal["younger", "older"], ...] = ()
    """Where to send a child younger (or older) than every care service takes: this service is offered,
    with that reason, instead of the general guidance."""


class Service(Frozen):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    name: str
    summary: str
    kind: Kind
    ages: Ages = Ages()
    hours: Hours
    vacation_hours: Hours | None = None
    """Opening hours during school vacations (방학), when they differ; used when the parent says 방학."""
    lead_minutes: int = Field(0, ge=0)
    """How long before the start a booking must be made."""
    min_minutes: int = Field(0, ge=0)
    """Shortest booking."""
    fee: str = ""
    url: str | None = None
    topics: tuple[str, ...] = ()
    """Words in a parent's message that point straight to this service (e.g. 장난감, 대여)."""
    routing: Routing = Routing()
    contacts: tuple[Contact, ...] = ()
    sites: tuple[Site, ...] = ()
    at_home: bool = False
    """True when care happens at the family's home (no site to travel to)."""

    @field_validator("sites")
    @classmethod
    def _unique_sites(cls, sites: tuple[Site, ...]) -> tuple[Site, ...]:
        ids = [s.id for s in sites]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"site ids repeat: {', '.join(sorted(dup))}")
        return sites

    def hours_at(self, site: Site | None, vacation: bool = False) -> Hours:
        if vacation:
            special = (site.vacation_hours if site else None) or self.vacation_hours
            if special is not None:
                return special
        return site.hours if site and site.hours else self.hours


class ChildWords(Frozen):
    """How parents name a child, for ``{아이}`` in situation words and for whom a word is about. The defaults
    are the shipped YAML's lists, for a knowledge file written before the key existed."""

    words: tuple[Annotated[str, Field(min_length=1)], ...] = (
        "아이들", "아이", "애기", "아기", "아가", "애들", "애", "얘", "딸래미", "딸내미", "딸", "아들", "막내", "첫째",
        "둘째", "동생", "손주", "손녀", "손자", "조카", "꼬맹이", "꼬마", "녀석", "큰애", "작은애", "돌쟁이",
        "갓난아기", "신생아", "얼라", "짜리",
    )
    things: tuple[Annotated[str, Field(min_length=1)], ...] = (
        "장난감", "가방", "물건", "신발", "옷", "모자", "우산", "책", "폰", "핸드폰", "휴대폰", "지갑", "카드", "인형",
        "사진", "장갑", "안경", "자전거", "킥보드", "물병", "도시락", "숙제", "준비물", "필통",
    )
    """A child's things: "애 장난감 잃어버렸어요" is about the toy, not the child."""


class Together(Frozen):
    """Two words that mean the situation only together: a ``first`` word, then a ``then`` word at most
    ``within`` letters (spaces removed) after it ("피가 막 나요", "동전 두 개 먹었어요")."""

    first: tuple[str, ...]
    then: tuple[str, ...]
    last: tuple[str, ...] = ()
    """A third word after ``then``, again within ``within`` letters (이웃집 + 밤새 + 울어요)."""
    within: int = Field(6, ge=0, le=30)
    verb_first: bool = False
    """The ``first`` words say what happened ("먹은 거 같아요 ... 수면제"): whom it is about is read before them,
    not before the ``then`` word."""
    now: bool = False
    """Counts like ``now_words``: only when the message is about now, not a plan."""
    chain: bool = False
    """The gap may cross a clause joined by -고 ("애 둘을 집에 두고 남편이랑 싸우고 나왔는데"): for signs a parent
    tells one clause after another."""
    anyone: bool = False
    """Whoever is named as subject, the child is the one at risk: the ``first`` word tells what befell the adult
    looking after the child (쓰러졌, 데려갔, 응급실 왔어요) and ``then`` that no other adult is with the child, or
    ``first`` names an adult and ``then`` what he does to the child (계부가 ... 밤에 방에 들어온다고)."""


_KIND = "@"
_LISTED = ("words", "exact", "with_child", "now_words", "urgent_with_child", "urgent")


def _kinds(data: dict) -> dict:
    """``kinds`` names word lists once ("넘어짐": [넘어지, 자빠지, 고꾸라지]); "@넘어짐" in a pair or a list
    stands for all of them, so a word added to a kind reaches every pair that names it."""
    kinds = data.pop("kinds", None) or {}
    if not isinstance(kinds, dict):
        raise ValueError("kinds: must map a name to a list of words")

    def expand(words: object, where: str) -> object:
        if not isinstance(words, (list, tuple)):
            return words
        out: list[object] = []
        for w in words:
            if isinstance(w, str) and w.startswith(_KIND):
                if w[1:] not in kinds:
                    raise ValueError(f"{where}: '{w}' names no kind (kinds: {', '.join(kinds) or 'none'})")
                out.extend(kinds[w[1:]])
            else:
                out.append(w)
        return out

    for key in _LISTED:
        if key in data:
            data[key] = expand(data[key], key)
    pairs = data.get("together")
    if isinstance(pairs, list):
        data["together"] = [
            {k: expand(v, f"together[{i}].{k}") for k, v in pair.items()} if isinstance(pair, dict) else pair
            for i, pair in enumerate(pairs)
        ]
    return data


class Situation(Frozen):
    """A circumstance found from words (emergency, sick child, care at home, danger). Words are matched without
    spaces; ``{아이}`` in a word stands for a child noun with its particle (아이가, 애를, 딸이). ``kinds`` names
    lists of words that pairs and lists use as "@name"."""

    @model_validator(mode="before")
    @classmethod
    def _expand_kinds(cls, data: object) -> object:
        return _kinds(dict(data)) if isinstance(data, dict) else data

    label: str
    words: tuple[str, ...]
    exact: tuple[str, ...] = ()
    """Words matched only as written, without the other endings ``words`` find: nouns whose other endings are
    other words (사고 -> 사곡, 부고 -> 부곡동)."""
    with_child: tuple[str, ...] = ()
    """Words that count only right after a child is named, with no other noun as subject or object between
    ("둘째가 30분째 안 보여요", not "아이 가방을 잃어버렸어요")."""
    now_words: tuple[str, ...] = ()
    """Words that count only when the message is about now: not with a ``plans`` word or a later day."""
    young_below_months: int | None = Field(None, ge=0)
    """``now_words`` (a child alone) count only for a child younger than this, or of unknown age: a
    fifth-grader at home alone now is not in danger."""
    young_words: tuple[str, ...] = ()
    """Words naming a young child whose age is not said (동생, 아기): with one, ``young_below_months`` does not
    hold ``now_words`` back ("저 열 살이에요 동생이랑 둘만 있어요")."""
    plans: tuple[str, ...] = ()
    """Words that make ``now_words`` a plan or a routine (다음주, 방과후, 맡길곳)."""
    now: tuple[str, ...] = ()
    """Words saying it is happening now (지금, 며칠째): ``now_words`` count even beside a plan word."""
    unless: tuple[str, ...] = ()
    """Lookalike phrases: a word found only inside one of these does not count (학대예방, 주사맞, 아파트)."""
    together: tuple[Together, ...] = ()
    """Pairs of words that count like ``words`` when the second follows the first closely."""
    supposed: tuple[str, ...] = ()
    """Endings right after a word that make it a supposition, a worry or a wish, not an event (다치면, 까봐, 싶)."""
    over: tuple[str, ...] = ()
    """Words after a word saying it is over (괜찮아요, 나았어요, 찾았어요, 적이 있어요): the word does not count."""
    mild: tuple[str, ...] = ()
    """Words right before a word that make it minor or habitual (살짝 피났어요, 코피를 잘 흘려요)."""
    past: tuple[str, ...] = ()
    """An earlier time (작년에, 지난달): a word after it is history unless a ``now`` word is in the message;
    "작년부터" (since last year) is still going on."""
    lately: tuple[str, ...] = ()
    """A recent earlier day (어제, 그저께): like ``past`` for an event after it, but a ``with_child`` state after it
    (a child not back since last night) still goes on."""
    asking: tuple[str, ...] = ()
    """Words of a question about a programme or a procedure (교육, 캠페인, 대처법): without a ``now`` word the
    situation is not found."""
    done_to: tuple[str, ...] = ()
    """Harm done to someone (때리, 패요): with a child marked as object before it, a ``not_after`` person before
    the verb is the one doing it, and the word counts."""
    not_after: tuple[str, ...] = ()
    """Other people as the subject (엄마가, 제가): a word whose nearest subject before it is one of these is
    about them, not the child."""
    urgent: tuple[str, ...] = ()
    """Words of a message written in alarm (지금, 방금, 빨리, 어떡해, 우짜노, 도와주세요): with one of them,
    ``urgent_with_child`` words count and pairs reach ``urgent_reach`` letters further."""
    calm: tuple[str, ...] = ()
    """Words of a light-hearted message or a game (ㅋㅋ, ㅎㅎ, 재밌대요, 숨바꼭질): not this situation."""
    urgent_with_child: tuple[str, ...] = ()
    """Signs that are danger only in an alarmed message, right after a child is named (애가 떨어졌어요 어떡해요)."""
    urgent_reach: int = Field(0, ge=0, le=30)
    """Letters added to each pair's ``within`` in an alarmed message: signs scattered through a long message."""
    peers: tuple[str, ...] = ()
    """Other children a child named as subject may hit (형을, 동생을, 친구를): that child does the harm."""


class Place(Frozen):
    name: str
    """Canonical 읍면동 name, e.g. 율곡동."""
    lat: float = Field(ge=35.5, le=36.5)
    lon: float = Field(ge=127.5, le=128.6)
    legal: tuple[str, ...] = ()
    """Legal dongs inside this administrative area (e.g. 평화동, 남산동)."""
    aliases: tuple[str, ...] = ()
    """Other names people use (e.g. 혁신도시)."""


class Knowledge(Frozen):
    """Everything the bot knows, loaded once and replaced whole when staff save an edit."""

    services: tuple[Service, ...]
    situations: dict[str, Situation]
    places: tuple[Place, ...]
    children: ChildWords = ChildWords()
    """Words for a child and a child's things, used in reading situations."""
    school_from_months: int = 84
    """A child whose school grade is unknown counts as a school child from this age."""
    night_from: int = 19 * 60 + 30
    """Care after this minute of the day (or before ``night_until``) is night care."""
    night_until: int = 7 * 60 + 30
    day_from: int = 9 * 60
    """A whole day of care ("하루 종일", "온종일") said without hours runs from ``day_from`` to ``day_until``."""
    day_until: int = 18 * 60
    intake_desk: Contact | None = None
    """The integrated intake window (통합 접수 창구): the number the bot gives when it cannot help in this chat
    (another language). Unset, the guidance hub's (mom-center's) first phone stands in."""

    @field_validator("night_from", "night_until", "day_from", "day_until", mode="before")
    @classmethod
    def _clock(cls, value: object) -> object:
        if isinstance(value, str):
            m = re.match(r"^\s*(\d{1,2}):(\d{2})\s*$", value)
            if not m or int(m[1]) > 23 or int(m[2]) > 59:
                raise ValueError(f"'{value}' is not a time like '19:30'")
            return int(m[1]) * 60 + int(m[2])
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Knowledge:
        ids = [s.id for s in self.services]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"service ids repeat: {', '.join(sorted(dup))}")
        areas = {p.name for p in self.places}
        for s in self.services:
            for site in s.sites:
                if site.area not in areas:
                    raise ValueError(f"service {s.id}, site {site.id}: area '{site.area}' is not in places.yaml")
            for sit in s.routing.first_for:
                if sit not in self.situations:
                    raise ValueError(f"service {s.id}: routing.first_for '{sit}' is not under situations")
        return self

    def service(self, service_id: str) -> Service:
        for s in self.services:
            if s.id == service_id:
                return s
        raise KeyError(service_id)

    def place(self, name: str) -> Place | None:
        return next((p for p in self.places if p.name == name), None)
