"""The knowledge schema: frozen pydantic models that validate services.yaml and places.yaml."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from knowledge.frozen import Frozen
from knowledge.situation import ChildWords, Situation
from knowledge.situation import Together as Together  # re-exported: callers read it with the rest of the schema

_SPAN = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


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
