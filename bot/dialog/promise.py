"""What the bot may promise about people: who acts and when, and the way that works before then."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.dialog import texts
from bot.dialog.intake import Intake
from bot.dialog.opening import is_open
from bot.dialog.present import moment, phone_of
from knowledge.schema import Knowledge, Service
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
              answer_at: datetime | None) -> str:
    """After a case is filed: '곧' only while a coordinator is on duty; otherwise when someone will act, and if
    the care starts before that, the phone lines that work now."""
    if answer_at is None or answer_at <= now:
        return texts.NEXT_STEP_URGENT if urgent else texts.NEXT_STEP
    lines = [texts.NEXT_STEP_LATER.format(when=moment(answer_at.astimezone(now.tzinfo)))]
    starts = care_starts(intake, now)
    if starts is None or starts < answer_at:
        lines += ways_now(ranked, knowledge, now)
    return "\n".join(lines)


def ways_now(ranked: list[tuple[str, Ranking]], knowledge: Knowledge, now: datetime) -> list[str]:
    """The recommended services' own lines where they are open now, and the always-open service."""
    lines: list[str] = []
    seen: set[str] = set()
    for _, ranking in ranked:
        best = ranking.best
        if best is None or best.service.id in seen or best.service.kind == ALWAYS_OPEN_KIND:
            continue
        seen.add(best.service.id)
        phone = phone_of(best)
        if phone and is_open(best.service.hours_at(best.site), now):
            lines.append(texts.NOW_LINE.format(name=best.service.name, phone=phone, note=""))
    for service in knowledge.services:
        if service.kind == ALWAYS_OPEN_KIND and (phone := _phone(service)):
            lines.append(texts.NOW_LINE.format(name=service.name, phone=phone, note=texts.NOW_ALWAYS))
    return [texts.NOW_WAY, *lines] if lines else []


def _phone(service: Service) -> str | None:
    site = next((s.phone for s in service.sites if s.phone), None)
    return site or next((c.phone for c in service.contacts if c.phone), None)
