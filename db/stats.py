"""Figures for the city's regular meeting, from anonymous case fields only (they survive the retention purge)."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from db.models import ts
from db.store import Store


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """One case as the report sees it: no user key, contact or summary."""

    id: int
    created_at: datetime
    channel: str
    service_id: str | None
    area: str | None
    urgent: bool
    danger: bool
    children: int
    status: str
    outcome: str | None
    minutes_to_claim: float | None
    minutes_to_close: float | None
    """Until first resolved or closed."""
    escalated: bool
    reopened: int
    followup_answer: str | None


@dataclass(frozen=True, slots=True)
class Figures:
    start: date
    end: date
    """Inclusive, in the city's time zone."""
    cases: tuple[CaseFacts, ...]

    @property
    def total(self) -> int:
        return len(self.cases)

    def count(self, field: str) -> list[tuple[str | None, int]]:
        """Cases per value of ``field``, most first (None = unknown)."""
        return Counter(getattr(c, field) for c in self.cases).most_common()

    def minutes(self, field: str) -> tuple[float | None, float | None, int]:
        """(median, 90th percentile, how many cases have the value)."""
        values = sorted(v for c in self.cases if (v := getattr(c, field)) is not None)
        return median(values), percentile(values, 0.9), len(values)

    @property
    def followups(self) -> dict[str, int]:
        answers = Counter(c.followup_answer for c in self.cases if c.followup_answer)
        return {"yes": answers.get("yes", 0), "no": answers.get("no", 0), "asked": answers.get("asked", 0)}


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: list[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (the common spreadsheet PERCENTILE.INC)."""
    if not values:
        return None
    pos = (len(values) - 1) * q
    low = int(pos)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (pos - low)


async def figures(store: Store, start: date, end: date, tz: tzinfo) -> Figures:
    """Cases created from ``start`` to ``end`` (inclusive, local dates)."""
    since = ts(datetime.combine(start, time(), tz))
    until = ts(datetime.combine(end + timedelta(days=1), time(), tz))
    rows = await store.fetch(
        "SELECT c.id, c.created_at, c.channel, c.service_id, c.area, c.urgent, c.danger, c.children, c.status,"
        " c.outcome, c.escalated, c.reopened,"
        " (SELECT min(at) FROM events e WHERE e.case_id = c.id AND e.kind = 'claimed') AS claimed,"
        " (SELECT min(at) FROM events e WHERE e.case_id = c.id AND e.kind IN ('resolved', 'closed')) AS closed,"
        " (SELECT CASE WHEN f.answer IS NOT NULL THEN f.answer WHEN f.asked_at IS NOT NULL THEN 'asked' END"
        "  FROM followups f WHERE f.case_id = c.id AND f.kind = 'parent' ORDER BY f.id DESC LIMIT 1) AS answer"
        " FROM cases c WHERE c.created_at >= ? AND c.created_at < ? ORDER BY c.id",
        (since, until),
    )
    facts = []
    for r in rows:
        created = datetime.fromisoformat(r["created_at"])
        facts.append(CaseFacts(
            id=r["id"], created_at=created, channel=r["channel"], service_id=r["service_id"], area=r["area"],
            urgent=bool(r["urgent"]), danger=bool(r["danger"]), children=len(json.loads(r["children"])),
            status=r["status"], outcome=r["outcome"], minutes_to_claim=_minutes(created, r["claimed"]),
            minutes_to_close=_minutes(created, r["closed"]), escalated=bool(r["escalated"]),
            reopened=r["reopened"], followup_answer=r["answer"],
        ))
    return Figures(start, end, tuple(facts))


def _minutes(since: datetime, until: str | None) -> float | None:
    return None if until is None else (datetime.fromisoformat(until) - since).total_seconds() / 60
