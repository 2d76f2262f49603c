"""What the bot may promise about people: who acts and when, and the way that works before then."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.dialog import texts
from bot.dialog.intake import Intake
from bot.dialog.labels import day_label, moment
from bot.dialog.opening import day_key, is_open
from bot.dialog.present import phone_of, place_of
from bot.dialog.turn import Turn
from knowledge.schema import DayHours, Hours, Knowledge, Service
from routing.match import Ranking

ALWAYS_OPEN_KIND = "emergency"
"""The service kind staff open at all hours (119돌봄센터): the way that works whenever nobody is on duty."""


def care_starts(intake: Intake, now: datetime) -> datetime | None:
    """When the care is needed from (the start of the care day when only the day is known)."""
    if intake.day is None:
        return None
    minutes = intake.start if intake.start is not None else 0
    return datetime.combine(intake.day, time(), now.tzinfo) + timedelta(minutes=minutes)


def next_step(ranked: list[tuple[str, Ranking]], intake: Intake, knowledge: Knowledge, now: datetime, urgent: bool,
              answer_at: datetime | None, after_closing: datetime | None = None) -> str:
    """After a case is filed: '곧' only while a coordinator is on duty; otherwise when someone will act, and if
    the care starts before that, the phone lines that work now. ``after_closing``: the desk is on duty but closes
    within CLOSING, and opens again then: no '곧' either (17:50 on a Friday is Monday 09:00)."""
    if (answer_at is None or answer_at <= now) and after_closing is None:
        return texts.NEXT_STEP_URGENT if urgent else texts.NEXT_STEP
    if answer_at is None or answer_at <= now:
        answer_at, lead = after_closing, texts.NEXT_STEP_CLOSING
    else:
        lead = texts.NEXT_STEP_LATER
    assert answer_at is not None
    lines = [lead.format(when=moment(answer_at.astimezone(now.tzinfo)))]
    starts = care_starts(intake, now)
    if too_late(starts, answer_at):
        lines += ways_now(ranked, knowledge, now, starts)
    return "\n".join(lines)


def each_desk(ranked: list[tuple[str, Ranking]], intake: Intake, knowledge: Knowledge, now: datetime,
              answer_at: dict[str, datetime | None], closing: dict[str, datetime | None]) -> list[str]:
    """Children sent to desks on duty at different times: whose desk acts for each and when (``closing``: when a
    desk on duty now but closing within CLOSING is next on duty), and the lines that work now for the children
    whose desk acts too late."""
    lines, late = [], []
    for who, ranking in ranked:
        best = ranking.best
        if best is None:
            continue
        at = answer_at.get(best.service.id)
        name = best.service.name.split(" (")[0]
        if (at is None or at <= now) and (shut := closing.get(best.service.id)) is not None:
            lines.append(texts.NEXT_EACH_CLOSING.format(who=who, service=name,
                                                       when=moment(shut.astimezone(now.tzinfo))))
            if too_late(care_starts(intake, now), shut):
                late.append((who, ranking))
        elif at is None or at <= now:
            lines.append(texts.NEXT_EACH_SOON.format(who=who, service=name))
        else:
            lines.append(texts.NEXT_EACH_LATER.format(who=who, service=name, when=moment(at.astimezone(now.tzinfo))))
            if too_late(care_starts(intake, now), at):
                late.append((who, ranking))
    return lines + (ways_now(late, knowledge, now, care_starts(intake, now)) if late else [])


CLOSING = timedelta(minutes=30)
"""A desk that closes sooner than this after a case is filed is not promised to answer '곧'."""
ARRANGING = timedelta(hours=2)
"""How long a coordinator needs, once on duty, to arrange care (home visits are booked two hours ahead): care that
starts sooner than this after they begin gets the lines that work now."""


def when_read(t: Turn) -> str | None:
    """When a coordinator will read what the parent adds to a filed case (a day, a correction), if not soon: off
    duty, or on duty for less than CLOSING more; None while someone is on duty."""
    first = next((r.best for _, r in t.rankings() if r.best), None)
    service = first.service.id if first else None
    at = t.ctx.answer_at(service, t.now, False)
    if at is not None and at > t.now:
        return texts.READ_LATER.format(when=moment(at.astimezone(t.now.tzinfo)))
    if (shut := t.ctx.answer_at(service, t.now + CLOSING, False)) is not None:
        return texts.READ_CLOSING.format(when=moment(shut.astimezone(t.now.tzinfo)))
    return None


def too_late(starts: datetime | None, answer_at: datetime) -> bool:
    """Care unknown, or starting before the coordinator can have arranged it (09:00 care, 09:00 coordinator)."""
    return starts is None or starts < answer_at + ARRANGING


def ways_now(ranked: list[tuple[str, Ranking]], knowledge: Knowledge, now: datetime,
             starts: datetime | None = None) -> list[str]:
    """The recommended services' own lines where they are open now or open by the time care starts (with that
    day's hours), and the always-open service."""
    lines: list[str] = []
    whose: dict[str, list[str]] = {}
    for who, ranking in ranked:
        if ranking.best is not None:
            whose.setdefault(ranking.best.service.id, []).append(who)
    seen: set[str] = set()
    for _, ranking in ranked:
        best = ranking.best
        if best is None or best.service.id in seen or best.service.kind == ALWAYS_OPEN_KIND:
            continue
        seen.add(best.service.id)
        phone, hours = phone_of(best), best.service.hours_at(best.site)
        if not phone:
            continue
        # Children sent to different places: each line says whose it is, so the parent knows whom to call for which.
        name = (texts.NOW_FOR.format(who=", ".join(whose[best.service.id]), name=place_of(best)) if len(whose) > 1
                else place_of(best))
        if is_open(hours, now) and is_open(hours, now + CLOSING):  # not a line that stops answering at 24:00
            lines.append(texts.NOW_LINE.format(name=name, phone=phone, note=""))
        elif (span := _opens_before(hours, now, starts)) is not None and starts is not None:
            note = (texts.NOW_HOURS.format(hours=span.label()) if starts.date() == now.date()
                    else texts.NOW_HOURS_ON.format(day=day_label(starts.date(), now.date()), hours=span.label()))
            lines.append(texts.NOW_LINE.format(name=name, phone=phone, note=note))
    for service in knowledge.services:
        if service.kind == ALWAYS_OPEN_KIND and (phone := _phone(service)):
            lines.append(texts.NOW_LINE.format(name=service.name.split(" (")[0], phone=phone, note=texts.NOW_ALWAYS))
    return [texts.NOW_WAY, *lines] if lines else []


def _opens_before(hours: Hours, now: datetime, starts: datetime | None) -> DayHours | None:
    """The care day's opening hours when the place opens later today, or on the care day (before anyone is on
    duty: Sunday care asked on Saturday night), before the care starts."""
    if starts is None or starts.date() < now.date():
        return None
    span = hours.on(day_key(starts.date()))
    minute = now.hour * 60 + now.minute if starts.date() == now.date() else -1
    return span if span is not None and minute < span.open <= starts.hour * 60 + starts.minute else None


def _phone(service: Service) -> str | None:
    site = next((s.phone for s in service.sites if s.phone), None)
    return site or next((c.phone for c in service.contacts if c.phone), None)
