"""The case file: what an intake hands to the coordinator queue, built from the intake and its rankings."""

from __future__ import annotations

from datetime import datetime

from bot.dialog import labels, texts, wording
from bot.dialog.core import Address
from bot.dialog.intake import Intake
from bot.dialog.particles import ko
from db.models import NewCase
from routing.match import Ranking

UNCONSENTED_HOURS = 24
"""A conversation without consent keeps no message log, and its state is deleted this long after its last turn
(the retention job runs hourly). The consent text and the README state the same number."""


def new_case(ranked: list[tuple[str, Ranking]], intake: Intake, *, danger: bool, address: Address, message: str,
             now: datetime) -> NewCase:
    """The case a coordinator acts on without asking the parent again: every child's recommendation with its
    reasons (``ranked``: each child's label and ranking), the need window, the area, the contact route and consent;
    ``message`` is the parent's text that opened it."""
    bests = [r.best for _, r in ranked]
    first = next((b for b in bests if b), None)
    children = tuple(
        {
            "age_months": k.age_months,
            "school_grade": k.school_grade,
            "label": labels.kid_label(k),
            "service_id": b.service.id if b else None,
        }
        for k, b in zip(intake.kids, bests, strict=False)
    )
    summary = {
        "children": list(children),
        "day": intake.day.isoformat() if intake.day else None,
        "also": [d.isoformat() for d, _, _ in intake.also],
        "repeat": intake.repeat,
        "start": intake.start,
        "end": intake.end,
        "night": intake.night,
        "situations": list(intake.situations),
        "area": intake.area,
        "coords": list(intake.coords) if intake.coords else None,
        "recommended": [verdict_json(who, r) for who, r in ranked],
        "message": message[:500],
    }
    if intake.danger_case is not None and not danger:
        summary["danger_case"] = intake.danger_case
    names = [b.service.name for b in bests if b]
    text = labels.summary(intake, names, place_name(intake), now.date())
    if danger:
        text = f"{wording.URGENT_MARK}{message[:300]}\n{text}"
    elif intake.danger_case is not None:
        text = f"{ko(texts.DANGER_LINKED, case_id=intake.danger_case)}\n{text}"
    consented = intake.consent_at is not None
    return NewCase(
        user_key=address.key,
        channel=str(address.channel),
        # A child in danger is the control tower's (가족여성팀): a case without a service goes to it alone.
        service_id=first.service.id if first and not danger else None,
        site_id=first.site.id if first and first.site and not danger else None,
        urgent=danger or intake.urgent or "emergency" in intake.situations,
        danger=danger,
        area=intake.area,
        children=children,
        summary=summary,
        summary_text=text,
        contact={"route": "phone" if intake.phone else "chat", "phone": intake.phone} if consented or danger
        else None,
        consent_at=intake.consent_at,
        created_at=now,
        care_date=intake.day,
    )


def place_name(intake: Intake) -> str | None:
    if intake.area:
        return intake.area
    return wording.SHARED_LOCATION if intake.coords else None


_VERDICTS: dict[int, tuple[Ranking, dict[str, object]]] = {}
"""The case-file form of each Ranking object (by identity, the ranking kept so its id cannot be reused): rankings
are memoised per knowledge in routing.match, so parents with the same need share one, and a reloaded knowledge
ranks into new objects. Its parts are tuples (stored as the same JSON arrays) so sharing them is safe."""


def verdict_json(who: str, ranking: Ranking) -> dict[str, object]:
    known = _VERDICTS.get(id(ranking))
    if known is None or known[0] is not ranking:
        if len(_VERDICTS) >= 4096:  # rankings of replaced knowledge or of a cleared memo
            _VERDICTS.clear()
        known = _VERDICTS[id(ranking)] = (ranking, _verdict_parts(ranking))
    parts = known[1]
    return {"child": who, **parts, "why_not": dict(parts["why_not"])}  # type: ignore[call-overload]


def _verdict_parts(ranking: Ranking) -> dict[str, object]:
    best = ranking.best
    return {
        "service_id": best.service.id if best else None,
        "site_id": best.site.id if best and best.site else None,
        "reasons": best.reasons if best else (),
        "next": tuple(v.service.id for v in ranking.ranked[1:3]),
        "why_not": {v.service.id: v.problems[:2] for v in ranking.rejected if v.problems},
    }
