"""Turn rankings into the cards a parent reads: the pick for each child, the other places, the details."""

from __future__ import annotations

from datetime import date, datetime

from bot.dialog import wording
from bot.dialog.core import Link, Reply, Venue
from bot.dialog.intake import Intake, Kid
from bot.dialog.labels import clock, day_label, kid_label
from bot.dialog.opening import day_key, is_open, week_label
from knowledge.schema import Knowledge, Service
from routing.match import Ranking, Verdict, rank


def rankings(intake: Intake, knowledge: Knowledge, now: datetime) -> list[tuple[str, Ranking]]:
    needs = intake.needs(now)
    labels = [kid_label(k) for k in intake.kids] or [wording.CHILD_UNKNOWN]
    out = []
    for n, (label, kid_need) in enumerate(zip(labels, needs, strict=False)):
        if labels.count(label) > 1:  # twins: '첫째 아이(3살)'; children told apart by age need no number
            who = wording.CHILD_N.format(nth=wording.ORDINALS[min(n, len(wording.ORDINALS) - 1)], label=label)
        else:
            who = wording.CHILD_ONE_UNKNOWN if label == wording.CHILD_UNKNOWN else wording.CHILD_ONE.format(label=label)
        out.append((who, rank(kid_need, knowledge)))
    return out


def grouped(ranked: list[tuple[str, Ranking]], kids: tuple[Kid, ...],
            same_age: bool = False) -> list[tuple[str, Ranking, Kid | None]]:
    """What the parent reads: children given the same place share one card, '두 아이(3살)' for twins, '두 아이(8살,
    10살)' for brothers, instead of the same card twice; the case file keeps one entry per child. With
    ``same_age`` only twins share: the reasons behind '다른 곳 보기' and '자세히' depend on the age."""
    groups: list[tuple[list[str], Ranking, list[Kid]]] = []
    for n, (who, ranking) in enumerate(ranked):
        kid = kids[n] if n < len(kids) else None
        # Same place for both (brothers of 8 and 10 at the same centre): one card. A ranking with no best is
        # never shared, so a child no service takes keeps their own answer.
        same = next((g for g in groups if kid is not None and g[2] and ranking.best is not None
                     and _advice(g[1]) == _advice(ranking) and (not same_age or g[2][0] == kid)), None)
        if same and kid is not None:
            same[0].append(who)
            same[2].append(kid)
        else:
            groups.append(([who], ranking, [kid] if kid is not None else []))
    out = []
    for whos, ranking, group in groups:
        if len(whos) > 1:
            count = wording.COUNTS[min(len(whos), len(wording.COUNTS)) - 1]
            said = ", ".join(dict.fromkeys(kid_label(k) for k in group))
            whos = [wording.CHILD_GROUP.format(count=count, label=said)]
        out.append((whos[0], ranking, group[0] if group else None))
    return out


def _advice(ranking: Ranking) -> tuple[str, str | None] | None:
    best = ranking.best
    return (best.service.id, best.site.id if best.site else None) if best else None


def service_lines(service: Service, verdict: Verdict | None) -> list[str]:
    """Hours, place, contact and fee of a service, for a recommendation or a topic answer."""
    site = verdict.site if verdict else (service.sites[0] if service.sites else None)
    lines = [wording.HOURS.format(hours=week_label(service.hours_at(site)))]
    if service.at_home:
        lines.append(wording.AT_HOME)
    elif site:
        lines.append(wording.FIRST_SITE.format(site=site.name, address=site.address))
    lines += [wording.CONTACT.format(person=c.person, phone=c.phone or "").strip() for c in service.contacts]
    if service.fee:
        lines.append(wording.FEE.format(fee=service.fee))
    return lines


def links(service: Service, site_phone: str | None, map_url: str | None) -> tuple[Link, ...]:
    out = [
        Link(label=wording.CALL_PERSON.format(person=c.person), phone=c.phone) for c in service.contacts[:1] if c.phone
    ]
    if site_phone and not out:
        out.append(Link(label=wording.CALL, phone=site_phone))
    if service.url:
        out.append(Link(label=wording.INFO_PAGE, url=service.url))
    if map_url:
        out.append(Link(label=wording.MAP_LINK, url=map_url))
    return tuple(out)


def venue(verdict: Verdict) -> Venue | None:
    site = verdict.site
    if site is None:
        return None
    phone = site.phone or next((c.phone for c in verdict.service.contacts if c.phone), None)
    return Venue(title=site.name, address=site.address, lat=site.lat, lon=site.lon, phone=phone)


_CARDS: dict[tuple[str, int, str | None, date | None, datetime | None, bool], tuple[Ranking, Reply]] = {}
"""Cards by (child, ranking identity, map link). Rankings are memoised per knowledge (routing.match), so parents
with the same need get the same Ranking object, and its card (frozen, so shareable) is built once. The ranking is
kept in the value so its id cannot be reused; reloaded knowledge ranks into new objects, hence new cards."""


def recommendation(who: str, ranking: Ranking, map_url: str | None = None, day: date | None = None,
                   now: datetime | None = None, vacation: bool = False) -> Reply:
    """The card for one child, sized for a phone: the service and site, one line of why, its hours on the care
    day, the phone. The alternatives and the reasons against are behind buttons (``others``, ``detail``)."""
    minute = now.replace(second=0, microsecond=0) if now else None  # the card's "지금 운영 중" holds a minute
    key = (who, id(ranking), map_url, day, minute, vacation)
    known = _CARDS.get(key)
    if known is not None and known[0] is ranking:
        return known[1]
    hours = _hours_line(ranking, day, now, vacation)
    if len(_CARDS) >= 4096:  # rankings of replaced knowledge or of a cleared memo
        _CARDS.clear()
    card = _pick(who, ranking, map_url, hours)
    _CARDS[key] = (ranking, card)
    return card


def _hours_line(ranking: Ranking, day: date | None, now: datetime | None, vacation: bool = False) -> str | None:
    """'오늘(화) 07:30-24:00 · 지금 운영 중', or the care day's hours when care is on another day; in the school
    vacation hours when the parent asked about 방학 (the hours the advice was checked against)."""
    best = ranking.best
    if best is None or now is None:
        return None
    hours = best.service.hours_at(best.site, vacation=vacation)
    day = day or now.date()
    span = hours.on(day_key(day))
    spans = (wording.ALL_DAY if span.open == 0 and span.close >= 1440 else span.label()) if span else wording.CLOSED
    if day != now.date():
        return wording.DAY_HOURS.format(day=day_label(day, now.date()), hours=spans)
    head = wording.TODAY.format(day=wording.DAY_NAMES[day_key(day)])
    minute = now.hour * 60 + now.minute
    all_day = span is not None and span.open == 0 and span.close >= 1440
    if is_open(hours, now) and span and not all_day and 0 <= span.close - minute <= CLOSING_SOON:
        state = wording.CLOSES_AT.format(time=clock(span.close))  # 23:50 and it shuts at 24:00: not 'open'
    elif is_open(hours, now):
        state = wording.OPEN_NOW
    elif span and minute < span.open:  # at 03:00: it opens at 07:30, it is not shut today
        state = wording.OPENS_AT.format(time=clock(span.open))
    else:
        state = wording.CLOSED_NOW
    return f"{head} {spans}" + (f" · {state}" if span else "")


CLOSING_SOON = 60
"""Minutes before closing from which a card says when the place shuts instead of '지금 운영 중'."""


def phone_of(verdict: Verdict) -> str | None:
    site_phone = verdict.site.phone if verdict.site else None
    return site_phone or next((c.phone for c in verdict.service.contacts if c.phone), None)


def main_reason(verdict: Verdict) -> str | None:
    """The one line of why on a short card: the situation or the hours rather than the age bracket or the
    distance, which the card's title and site already say."""
    plain = [r for r in verdict.reasons if wording.REASON_AGE not in r and wording.REASON_NEAREST not in r]
    return (plain or list(verdict.reasons) or [None])[0]


def place_of(verdict: Verdict) -> str:
    """'365어린이집 율곡', '119돌봄센터 (율곡119안전센터 2층)': the site's name says the service when it starts with
    the service's short name (without its parenthesised long form)."""
    if verdict.site:
        site, short = verdict.site.name, verdict.service.name.split(" (")[0]
        return site if site.startswith(short) else f"{short} · {site}"
    return f"{verdict.service.name} ({wording.PICK_AT_HOME})" if verdict.service.at_home else verdict.service.name


def _pick(who: str, ranking: Ranking, map_url: str | None, hours: str | None) -> Reply:
    best = ranking.best
    if best is None:
        return _card(who, ranking, map_url)
    lines = [wording.PICK.format(child=who, place=place_of(best))]
    if why := main_reason(best):
        lines.append(wording.PICK_WHY.format(why=why))
    if best.problems:
        lines.append(wording.PICK_NOTE.format(note=best.problems[0]))
    if hours:
        lines.append(wording.PICK_HOURS.format(hours=hours))
    if phone := phone_of(best):
        lines.append(wording.PICK_PHONE.format(phone=phone))
    return Reply(
        "\n".join(lines),
        links=links(best.service, best.site.phone if best.site else None, map_url),
        card_title=place_of(best),  # not '365어린이집 · 365어린이집 율곡': the site's name says the service
        venue=venue(best),
    )


def others(who: str, ranking: Ranking) -> str:
    """Behind '다른 곳 보기': the next fitting services and why the others do not fit."""
    nxt = [wording.OTHER_LINE.format(name=place_of(v), why=main_reason(v) or "") for v in ranking.ranked[1:3]]
    why_not = [wording.OTHER_LINE.format(name=v.service.name, why=v.problems[0])
               for v in ranking.rejected if v.service.kind != "info" and v.problems][:3]
    if not nxt and not why_not:
        return wording.OTHERS_NONE.format(child=who)
    return "\n".join([wording.OTHERS_HEAD.format(child=who), *nxt, *why_not])


def detail(who: str, ranking: Ranking) -> Reply:
    """Behind '자세히': every reason, the week's hours, address, contacts and fee, as text (the card above it
    already carries the call and map buttons)."""
    return Reply(_card(who, ranking, None).text)


def _card(who: str, ranking: Ranking, map_url: str | None) -> Reply:
    best = ranking.best
    if best is None:
        why = [f"· {v.service.name}: {v.problems[0]}" for v in ranking.rejected if v.problems][:4]
        return Reply("\n".join([wording.RECOMMEND_NONE.format(child=who), *why]))
    lines = [wording.RECOMMEND_HEAD.format(child=who), ""]
    lines += [f"· {r}" for r in best.reasons]
    lines += [f"· {p}" for p in best.problems]
    lines += service_lines(best.service, best)
    if len(ranking.ranked) > 1:
        nxt = ranking.ranked[1]
        lines += ["", wording.NEXT_BEST.format(name=nxt.service.name)]
        lines += [f"· {r}" for r in nxt.reasons[:2]]
    why_not = [v for v in ranking.rejected if v.service.kind != "info" and v.problems]
    if why_not:
        lines += ["", wording.WHY_NOT_HEAD]
        lines += [f"· {v.service.name}: {v.problems[0]}" for v in why_not[:3]]
    return Reply(
        "\n".join(lines),
        links=links(best.service, best.site.phone if best.site else None, map_url),
        card_title=best.service.name + (f" · {best.site.name}" if best.site else ""),
        venue=venue(best),
    )


def topic_answer(ranking: Ranking, knowledge: Knowledge, map_url: str | None = None) -> Reply:
    best = ranking.best
    assert best is not None
    service = best.service
    lines = [service.name, service.summary, "", *service_lines(service, best)]
    return Reply(
        "\n".join(lines),
        links=links(service, best.site.phone if best.site else None, map_url),
        card_title=service.name,
        venue=venue(best),
    )
