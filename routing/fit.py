"""Whether one service can take one need: age, sickness, opening hours, lead time and site, with reasons.

Time rules: the window is [start, end) in minutes. Past midnight the day's hours must reach 24:00 and the next
day's must open at 00:00 and last to the end (checked only when the date is known). With only "night" known
the window is one hour from ``knowledge.night_from``. An unknown day never rejects on hours, except that
``Need.holiday`` True/False narrows it to Sat/Sun/public holidays or to weekdays (rejected if none fits).
Every check is memoised per service because parents' needs repeat; a new Knowledge gets new entries. The need is
first put in the checks' terms (kinds of day, window, minutes left) by ``routing.ask``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from knowledge.schema import Ages, Hours, Kind, Knowledge, School, Service, Site
from routing import geo, texts
from routing.ask import ALL_KEYS, WEEK, Ask
from routing.need import Need

SICK = "sick"
"""The one situation the engine knows by name: facilities (kind ``facility``) do not take sick children."""
MEMO_SIZE = 4096
"""Bound on each memo table: past it the table starts over (cheaper than LRU bookkeeping on every call)."""
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Place:
    site: Site | None
    hours: Hours
    labels: dict[str, str]
    """Day key -> its name in phrases: 평일 when mon-fri share these hours, else the day's own name."""
    facts: str
    """All the opening hours in one phrase, for when the day is unknown."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One service compiled for fast checks."""

    service: Service
    places: tuple[Place, ...]
    vacation_places: tuple[Place, ...]
    """The places with their school-vacation hours (the same as ``places`` when none are set)."""
    care: bool
    facility: bool
    open_ages: bool
    range_text: str
    phrases: dict[str, str]
    """Phrases that depend only on the service, formatted once."""
    judged: dict[tuple, Judgement] = field(default_factory=dict, compare=False, hash=False)
    hours: dict[tuple, Any] = field(default_factory=dict, compare=False, hash=False)
    ages: dict[tuple, Any] = field(default_factory=dict, compare=False, hash=False)


def _remember(table: dict[tuple, _T], key: tuple, value: _T) -> _T:
    if len(table) >= MEMO_SIZE:
        table.clear()
    table[key] = value
    return value


def compile_entry(service: Service) -> Entry:
    sites: tuple[Site | None, ...] = () if service.at_home else service.sites
    places = tuple(_place(site, service.hours_at(site)) for site in sites or (None,))
    vacation = tuple(_place(site, service.hours_at(site, vacation=True), True) for site in sites or (None,))
    lead, minimum = texts.duration(service.lead_minutes), texts.duration(service.min_minutes)
    phrases = {
        "sick": texts.SICK_FACILITY.format(service=service.name),
        "lead?": texts.LEAD_UNKNOWN.format(lead=lead),
        "lead-": texts.LEAD_SHORT.format(lead=lead),
        "lead+": texts.LEAD_OK.format(lead=lead),
        "min": texts.MIN_DURATION.format(minimum=minimum),
        "topic": texts.TOPIC.format(summary=service.summary),
    }
    return Entry(service, places, vacation, service.kind is not Kind.INFO, service.kind is Kind.FACILITY,
                 service.ages == Ages(), texts.age_range(service.ages), phrases)


def _place(site: Site | None, hours: Hours, vacation: bool = False) -> Place:
    weekdays_alike = len({hours.on(k) for k in WEEK[:5]}) == 1
    labels = {k: texts.WEEKDAYS_LABEL if weekdays_alike and k in WEEK[:5] else name
              for k, name in texts.DAY_NAMES.items()}
    if vacation:
        labels = {k: texts.VACATION_LABEL.format(day=name) for k, name in labels.items()}
    return Place(site, hours, labels, texts.HOURS_FACTS.format(hours=texts.hours_summary(hours)))


@dataclass(frozen=True, slots=True)
class Judgement:
    fits: bool
    reasons: tuple[str, ...]
    problems: tuple[str, ...]
    site: Site | None
    km: float | None
    late: bool = False
    """It would fit but for the booking lead time."""


def judge(e: Entry, need: Need, a: Ask, knowledge: Knowledge) -> Judgement:
    """Check age, sickness, hours and lead time; info services always fit, their misses become caveats."""
    s = e.service
    lead = None if not s.lead_minutes or a.left is None else a.left >= s.lead_minutes
    short = bool(s.min_minutes) and (a.start is None or a.end is None or a.end - a.start < s.min_minutes)
    sick = e.facility and SICK in need.situations
    child = need.child
    key = (child.age_months, child.school_grade, a.school, sick, a.hours_key, lead, short, need.area, need.coords)
    hit = e.judged.get(key)
    if hit is not None:
        return hit
    late = False
    fits, why, why_not = _age(e, child.age_months, child.school_grade, a.school)
    reasons = [why] if why else []
    problems = [why_not] if why_not else []
    if sick:
        fits = False
        problems.append(e.phrases["sick"])
    fitting, misses = _hours(e, a, knowledge.night_from)
    site = km = None
    if fitting:
        site, km = _choose(e, fitting, need, knowledge, reasons)
    else:
        fits = False
        problems.extend(misses)
    if s.lead_minutes:
        if lead is None:
            problems.append(e.phrases["lead?"])
        elif lead:
            reasons.append(e.phrases["lead+"])
        else:
            late, fits = fits, False
            problems.append(e.phrases["lead-"])
    if short:
        problems.append(e.phrases["min"])
    judged = Judgement(fits or not e.care, tuple(reasons), tuple(problems), site, km, late)
    return _remember(e.judged, key, judged)


def _age(e: Entry, m: int | None, grade: int | None, school: bool | None) -> tuple[bool, str | None, str | None]:
    """(fits, reason, problem) for the child's age; an unknown age never rejects but says it is needed."""
    key = (m, grade, school)
    hit = e.ages.get(key)
    if hit is not None:
        return hit
    ages, name, who = e.service.ages, e.service.name, texts.child(m, grade)
    if e.open_ages:
        result: tuple[bool, str | None, str | None] = (True, None, None)
    elif ages.school is School.NEVER and school is True:
        result = (False, None, texts.SCHOOL_NOT_TAKEN.format(service=name))
    elif ages.school is School.ONLY and school is False:
        result = (False, None, texts.PRESCHOOL_NOT_TAKEN.format(service=name))
    elif m is not None and grade is None and not ages.min_months <= m <= ages.max_months:
        # an elementary grade says more than an age in years, which parents often give in Korean age ("초6 13살")
        result = (False, None, texts.AGE_OUT.format(child=who, service=name, range=e.range_text))
    elif m is None and school is None:
        result = (True, None, texts.AGE_UNKNOWN.format(service=name, range=e.range_text))
    else:
        result = (True, texts.AGE_FITS.format(child=who, service=name, range=e.range_text), None)
    return _remember(e.ages, key, result)


def _miss(p: Place, key: str, a: Ask, night_from: int, any_day: bool = False) -> str | None:
    """Why this place cannot take the window on this day type, or None when it can (``any_day``: the day is not
    known, so the window is checked against each kind of day without naming it)."""
    span, label = p.hours.on(key), a.label or p.labels[key]
    if any_day:
        label = texts.ANY_DAY_LABEL
        a = replace(a, label=label)
    if span is None:
        return texts.CLOSED.format(day=label)
    if a.win is None:
        return None
    start, end = a.win
    if not span.covers(start, min(end, 1440)) or (
        end > 1440 and a.label is not None and (span.open > 0 or span.close < 1440)
    ):  # past midnight on a kind of day (평일, 주말): only hours that run through midnight go on
        return texts.HOURS_OUTSIDE.format(when=_when(label, a, night_from), hours=texts.span(span))
    if end > 1440 and a.next_key is not None and a.label is None:
        after, day = p.hours.on(a.next_key), p.labels[a.next_key]
        if after is None:
            return texts.NEXT_DAY_CLOSED.format(when=texts.clock(end), day=day)
        if after.open > 0 or after.close < end - 1440:
            return texts.NEXT_DAY_OUTSIDE.format(when=texts.clock(end), day=day, hours=texts.span(after))
    return None


def _when(label: str, a: Ask, night_from: int) -> str:
    return texts.night(label, night_from) if a.night_only else texts.window(label, a.start, a.end)


def _hours(e: Entry, a: Ask, night_from: int) -> tuple[tuple[tuple[Place, str], ...], tuple[str, ...]]:
    """The places that can take the need, each with the reason it can, and the misses when none can."""
    key = a.hours_key
    hit = e.hours.get(key)
    if hit is not None:
        return hit
    places = e.vacation_places if a.vacation else e.places
    if a.keys is None:
        # No day said: any day may do, but a window that no day's hours take ("6시 반부터 8시까지" at a place
        # that opens at 14:00) cannot be taken on whichever day it is.
        if a.win is None or any(_miss(p, k, a, night_from, True) is None for p in places for k in ALL_KEYS):
            return _remember(e.hours, key, (tuple((p, p.facts) for p in places), ()))
        a = replace(a, keys=ALL_KEYS, label=texts.ANY_DAY_LABEL)
    fitting: list[tuple[Place, str]] = []
    misses: list[tuple[str, str]] = []
    for p in places:
        miss = None
        for day in a.keys:
            miss = _miss(p, day, a, night_from)
            if miss is None:
                span, label = p.hours.on(day), a.label or p.labels[day]
                why = (texts.HOURS_OPEN.format(day=label, hours=texts.span(span)) if a.win is None else
                       texts.HOURS_FIT.format(when=_when(label, a, night_from), hours=texts.span(span)))
                fitting.append((p, why))
                break
        if miss is not None:
            misses.append((miss, miss if p.site is None else texts.AT_SITE.format(site=p.site.name, text=miss)))
    # One phrase when every site says the same thing (shared hours), otherwise one per site.
    plain = tuple(dict.fromkeys(m for m, _ in misses))
    return _remember(e.hours, key, (tuple(fitting), plain if len(plain) == 1 else tuple(named for _, named in misses)))


def _choose(
    e: Entry, fitting: tuple[tuple[Place, str], ...], need: Need, knowledge: Knowledge, reasons: list[str]
) -> tuple[Site | None, float | None]:
    """The nearest fitting site (the first one without a location), adding the hours and site reasons."""
    place, why = fitting[0]
    extra = None
    km = None
    if e.service.at_home:
        extra = texts.AT_HOME
    elif place.site is not None and (need.coords is not None or need.area is not None):
        near = geo.nearest_site(e.service, knowledge, need.area, need.coords, [p.site for p, _ in fitting])
        if near is not None:
            site, km = near
            place, why = next(pair for pair in fitting if pair[0].site is site)
            origin = texts.YOUR_LOCATION if need.coords is not None else need.area
            extra = texts.NEAREST.format(origin=origin, site=site.name, km=km)
    reasons.append(why)
    if extra:
        reasons.append(extra)
    return place.site, km
