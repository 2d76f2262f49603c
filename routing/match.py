"""The rules engine: rank the knowledge's services for one Need and say in Korean why each fits or not.

The policy lives in the knowledge, not here:
1. ``need.topics`` (service ids) come first, in order; info services (kind ``info``) are reached only this way.
2. A service whose ``routing.first_for`` holds one of ``need.situations`` comes next; precedence among situations
   is their order under ``situations:`` in the YAML.
3. Then every other care service that fits by age, hours and lead time, by ``routing.rank`` (then YAML order).
4. A ``routing.last_resort`` service is offered only for its own situations or when no other care service fits;
   otherwise it is rejected with a phrase saying so.
5. Fallback: when nothing fits at all, the lowest-ranked info service open to every age (by default 맘지원센터)
   is offered as general guidance.
The per-service checks (age, sick child, hours, lead time, nearest site) live in ``routing.fit``, the need put in
their terms (kinds of day, window, minutes left) in ``routing.ask``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from knowledge.schema import Knowledge, Service, Site
from routing import texts
from routing.ask import Ask, ask, minutes_left
from routing.fit import MEMO_SIZE, SICK, Entry, Judgement, compile_entry, judge
from routing.need import Need


@dataclass(frozen=True, slots=True)
class Verdict:
    service: Service
    fits: bool
    reasons: tuple[str, ...]
    """Korean: why it fits (or general facts)."""
    problems: tuple[str, ...]
    """Korean: why it does not fit, or caveats for a fitting service."""
    site: Site | None
    """Nearest fitting site; None for at-home services, services without sites, and rejected services."""
    distance_km: float | None


@dataclass(frozen=True, slots=True)
class Ranking:
    ranked: tuple[Verdict, ...]
    """Fitting services, best first."""
    rejected: tuple[Verdict, ...]
    """The others, each with problems saying why not."""
    outside_ages: str | None = None
    """'younger' or 'older' when the child is outside every care service's ages: ``ranked`` then holds only
    where to ask (from ``routing.outside_ages`` in the YAML), and the dialog should say plainly that no care
    service here takes the child, not "found" and "not found" together."""

    @property
    def best(self) -> Verdict | None:
        return self.ranked[0] if self.ranked else None


@dataclass(frozen=True, slots=True)
class _Tables:
    """The knowledge compiled for ranking; built once per Knowledge object."""

    entries: tuple[Entry, ...]
    """By routing.rank, then YAML order."""
    by_id: dict[str, Entry]
    first: tuple[tuple[str, str, tuple[Entry, ...]], ...]
    """(situation, its phrase, services first for it) in the YAML order of situations."""
    held: dict[str, str]
    """Last-resort service id -> why it is held back."""
    not_asked: dict[str, Verdict]
    """Info service id -> its rejection when the parent did not ask about it."""
    guidance: Entry | None
    outside: dict[str, Entry]
    """'younger'/'older' -> the service to ask when a child is outside every care service's ages."""
    ages: tuple[int, int] | None
    """The youngest and oldest age (months) any care service takes."""
    leads: tuple[int, ...]
    """Distinct lead times; whether each is met is all a ranking takes from ``need.now``."""
    results: dict[tuple, Ranking] = field(default_factory=dict, compare=False, hash=False)


_TABLES: dict[int, tuple[Knowledge, _Tables]] = {}


def _tables(knowledge: Knowledge) -> _Tables:
    """Compile once per Knowledge object; a staff edit arrives as a new object and gets new tables."""
    hit = _TABLES.get(id(knowledge))
    if hit is not None and hit[0] is knowledge:  # holding the object keeps its id from being reused
        return hit[1]
    entries = tuple(compile_entry(s) for s in sorted(knowledge.services, key=lambda s: s.routing.rank))
    labels = {k: s.label for k, s in knowledge.situations.items()}
    first = tuple(
        (
            sit,
            texts.FIRST_FOR.format(situation=labels[sit]),
            tuple(e for e in entries if sit in e.service.routing.first_for),
        )
        for sit in knowledge.situations
    )
    held = {}
    for e in entries:
        if e.service.routing.last_resort:
            names = "·".join(labels[s] for s in e.service.routing.first_for)
            held[e.service.id] = texts.LAST_RESORT_HELD.format(situations=names) if names else texts.LAST_RESORT_ONLY
    not_asked = {
        e.service.id: Verdict(e.service, False, (), (texts.INFO_NOT_ASKED,), None, None) for e in entries if not e.care
    }
    guidance = next((e for e in entries if not e.care and e.open_ages), None)
    outside = {side: e for e in reversed(entries) for side in e.service.routing.outside_ages}
    cares = [e.service.ages for e in entries if e.care]
    ages = (min(a.min_months for a in cares), max(a.max_months for a in cares)) if cares else None
    leads = tuple(sorted({e.service.lead_minutes for e in entries if e.service.lead_minutes}))
    by_id = {e.service.id: e for e in entries}
    tables = _Tables(entries, by_id, first, held, not_asked, guidance, outside, ages, leads)
    if len(_TABLES) >= 8:  # replaced knowledge is garbage; a few versions may briefly coexist
        _TABLES.clear()
    _TABLES[id(knowledge)] = (knowledge, tables)
    return tables


def rank(need: Need, knowledge: Knowledge) -> Ranking:
    """Rank every service for ``need``: topics, situations, care by rank, last resorts, then guidance.
    Rankings are memoised per knowledge on the need's fields and on which lead times ``now`` still meets."""
    t = _tables(knowledge)
    left = minutes_left(need)
    child = need.child
    key = (
        # the child's fields, not the Child: its dataclass __hash__ and __eq__ are Python calls on every lookup
        child.age_months,
        child.school_grade,
        child.school,
        need.day,
        need.start,
        need.end,
        need.night,
        need.holiday,
        need.topics,
        need.situations,
        need.area,
        need.coords,
        need.vacation,
        need.overnight,
        need.visit,
        need.cared,
        None if left is None else tuple([left >= lead for lead in t.leads]),  # a list: no generator to set up
    )
    try:
        hit = t.results.get(key)
    except TypeError:  # a list or set where the Need wants a tuple or frozenset
        return rank(
            replace(
                need,
                topics=tuple(need.topics),
                situations=frozenset(need.situations),
                coords=None if need.coords is None else tuple(need.coords),
            ),
            knowledge,
        )  # type: ignore[arg-type]
    if hit is None:
        if len(t.results) >= MEMO_SIZE:
            t.results.clear()
        hit = t.results[key] = _rank(need, knowledge, t, ask(need, knowledge, left))
    return hit


def _rank(need: Need, knowledge: Knowledge, t: _Tables, a: Ask) -> Ranking:
    judged = {e.service.id: judge(e, need, a, knowledge) for e in t.entries if e.care}
    ranked: list[Verdict] = []
    placed: set[str] = set()

    def take(e: Entry, lead: str | None = None) -> None:
        sid = e.service.id
        j = judged.get(sid) or judged.setdefault(sid, judge(e, need, a, knowledge))
        if sid not in placed and j.fits:
            placed.add(sid)
            ranked.append(_verdict(e.service, j, True, lead))

    # A benefit or programme named beside hours of care ("부모급여 신청하러 가는데 내일 2시부터 4살"), or beside a
    # request for care that asks nothing about it ("한부모인데 5살 맡길 곳"), is why the parent needs care or who the
    # family is: the care comes first and the topic's service follows it.
    later = (need.start is not None or need.end is not None or need.cared) and not need.visit
    asked = [t.by_id[sid] for sid in need.topics if sid in t.by_id]
    for e in asked:
        if later and e.service.id in t.held and not need.situations.intersection(e.service.routing.first_for):
            continue  # "119돌봄센터 맡겨도 되죠? 다음주 11시부터": a last resort named for hours stays one (below)
        if e.care and later and "emergency" in need.situations and "emergency" not in e.service.routing.first_for:
            continue  # "할머니가 입원하셔서 하원 시켜줄 사람": the emergency's service first, the care named next
        if e.care or not later:
            take(e, e.phrases["topic"])
    for situation, phrase, entries in t.first:
        if situation in need.situations:
            for e in entries:
                take(e, phrase)
                j = judged[e.service.id]
                if situation == SICK and j.late and e.service.id not in placed:
                    # Only the service for sick children can take one: short notice is its caveat, said in its
                    # problems, not a reason to send a sick child to a centre ("열나서 오늘 9시부터" at 07:10).
                    placed.add(e.service.id)
                    ranked.append(Verdict(e.service, True, (phrase, *j.reasons), j.problems, j.site, j.km))
    care = [e for e in t.entries if e.care and e.service.id not in t.held and judged[e.service.id].fits]
    for e in care:
        take(e)
    if not care:
        for e in t.entries:
            if e.service.id in t.held:
                take(e, texts.LAST_RESORT_OFFERED)
    for e in asked:
        take(e, e.phrases["topic"])
    side = _outside(need, t)
    if side is not None and not any(e.care for e in t.entries if e.service.id in placed):
        where = t.outside.get(side) or t.guidance
        if where is not None and where.service.id not in placed:
            take(where, _outside_reason(side, need, t))
            if not any(sid in placed for sid in need.topics):  # what the parent asked about stays first
                ranked.insert(0, ranked.pop())
    elif not ranked and t.guidance is not None:
        take(t.guidance, texts.FALLBACK)
    rejected = tuple(_reject(e, judged.get(e.service.id), t) for e in t.entries if e.service.id not in placed)
    return Ranking(tuple(ranked), rejected, side)


def _outside(need: Need, t: _Tables) -> str | None:
    """'younger' or 'older' when the child's age is outside what every care service takes."""
    m = need.child.age_months
    if t.ages is None or m is None or need.child.school_grade is not None:  # every grade 1-6 has care here
        return None
    return "younger" if m < t.ages[0] else "older" if m > t.ages[1] else None


def _outside_reason(side: str, need: Need, t: _Tables) -> str:
    who = texts.child(need.child.age_months, need.child.school_grade)
    low, high = t.ages  # type: ignore[misc]
    if side == "younger":
        return texts.TOO_YOUNG.format(child=who, low=texts.months(low))
    return texts.TOO_OLD.format(child=who, high=texts.months(high))


def _verdict(service: Service, j: Judgement, fits: bool, lead: str | None = None) -> Verdict:
    reasons = (lead, *j.reasons) if lead else j.reasons
    return Verdict(service, fits, reasons, j.problems, j.site if fits else None, j.km if fits else None)


def _reject(e: Entry, j: Judgement | None, t: _Tables) -> Verdict:
    if j is None or not e.care:
        return t.not_asked[e.service.id]
    if j.fits:  # a last resort held back although it could take the child
        return Verdict(e.service, False, j.reasons, (t.held[e.service.id], *j.problems), None, None)
    return _verdict(e.service, j, False)
