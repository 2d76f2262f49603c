"""The report's figures counted in SQL: groups of cases, weekly counts, times to claim and close, follow-up answers."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from db.models import OPEN_STATUSES, Outcome, Status, ts

if TYPE_CHECKING:
    from db.store import Store

GROUPED = ("channel", "service_id", "area", "status", "outcome", "urgent", "danger", "escalated")
"""The columns cases are counted by: every table and count of the report is a sum over these groups."""


@dataclass(frozen=True, slots=True)
class Group:
    """Cases sharing every column of GROUPED: how many, and the lowest id (ties in a table keep first-seen order)."""

    channel: str
    service_id: str | None
    area: str | None
    status: Status
    outcome: Outcome | None
    urgent: bool
    danger: bool
    escalated: bool
    n: int
    first: int

    @property
    def outcome_key(self) -> str:
        return outcome_key(self.outcome, self.status)


def outcome_key(outcome: Outcome | None, status: Status | str) -> str:
    """The report's outcome of a case: its recorded outcome, else 'open' or 'closed' by its status."""
    if outcome is not None:
        return str(outcome)
    return "open" if status in OPEN_STATUSES else "closed"


@dataclass(frozen=True, slots=True)
class Spread:
    median: float | None
    p90: float | None
    n: int


@dataclass(frozen=True, slots=True)
class Figures:
    groups: tuple[Group, ...] = ()
    weeks: tuple[tuple[date, date, int], ...] = ()
    """(first day, last day, cases) for each Monday-to-Sunday week, clipped to the period; empty weeks too."""
    claim: Spread = Spread(None, None, 0)
    close: Spread = Spread(None, None, 0)
    """Time to resolution: cases the parent withdrew were not resolved by anyone, so they are left out."""
    followups: tuple[tuple[str, int], ...] = (("yes", 0), ("no", 0), ("none", 0))

    def by(self, field: str) -> list[tuple[Any, int]]:
        """Cases per value of ``field``, most first; ties in order of their first case (as Counter.most_common
        over the cases in id order)."""
        counts: dict[Any, list[int]] = {}
        for g in self.groups:
            seen = counts.setdefault(getattr(g, field), [0, g.first])
            seen[0] += g.n
            seen[1] = min(seen[1], g.first)
        return [(v, n) for v, (n, _) in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))]


def percentile(values: list[float], q: float) -> float | None:
    """The q-th quantile (q in whole hundredths, e.g. 0.5, 0.9), interpolated like a spreadsheet's PERCENTILE.INC."""
    if len(values) < 2:
        return values[0] if values else None
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def spread(values: Iterable[float | None]) -> Spread:
    known = [v for v in values if v is not None]
    return Spread(percentile(known, 0.5), percentile(known, 0.9), len(known))


def weeks(start: date, end: date) -> list[tuple[date, date]]:
    """Monday-to-Sunday weeks from ``start`` to ``end`` (inclusive), the first and last clipped to the period."""
    out, first = [], start
    while first <= end:
        last = min(end, first + timedelta(days=6 - first.weekday()))
        out.append((first, last))
        first = last + timedelta(days=1)
    return out


def day_start(day: date, tz: tzinfo) -> str:
    return ts(datetime.combine(day, time(), tz))


async def read_figures(store: Store, start: date, end: date, tz: tzinfo) -> Figures:
    """Counted by the database, a few hundred groups instead of a row per case (a year was half a million cases
    and a million events turned into Python objects, 5.5 s). Times to claim and close still come a case at a time,
    as two timestamps each, since the spreads' quantiles interpolate between cases."""
    window = (day_start(start, tz), day_start(end + timedelta(days=1), tz))
    grouped = await store.fetch(
        f"SELECT {', '.join(GROUPED)}, count(*), min(id), max(id) FROM cases WHERE created_at >= ? AND created_at < ?"
        f" GROUP BY {', '.join(GROUPED)}", window)
    if not grouped:
        return Figures(weeks=tuple((a, b, 0) for a, b in weeks(start, end)))
    # the id range lets the joins below read events and follow-ups along their case_id indexes (min and max in a
    # query of their own: PostgreSQL walked the primary key past half a million older cases for them)
    ids = (min(r[-2] for r in grouped), max(r[-1] for r in grouped))
    spans = week_spans(start, end, tz)
    counted = await store.fetch(
        "SELECT " + ", ".join("(SELECT count(*) FROM cases WHERE created_at >= ? AND created_at < ?)"
                              for _ in spans), [v for _, _, lo, hi in spans for v in (lo, hi)])
    # The first claim by time, and the first resolution after the last reopening: a reopening empties both
    # resolved_at and closed_at, and a case is closed after being resolved or instead of it, never twice.
    times = await store.fetch(
        "SELECT c.created_at, c.status, c.outcome, COALESCE(c.resolved_at, c.closed_at), min(e.at) FROM cases c"
        " LEFT JOIN events e ON e.case_id = c.id AND e.kind = 'claimed' AND e.case_id >= ? AND e.case_id <= ?"
        " WHERE c.created_at >= ? AND c.created_at < ? GROUP BY c.id", (*ids, *window))
    answers = await store.fetch(
        "SELECT CASE WHEN f.answer IS NOT NULL THEN f.answer WHEN f.asked_at IS NOT NULL THEN 'none' END, count(*)"
        " FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.case_id >= ? AND f.case_id <= ?"
        " AND f.kind = 'parent' AND c.created_at >= ? AND c.created_at < ? AND NOT EXISTS (SELECT 1 FROM followups g"
        " WHERE g.case_id = f.case_id AND g.kind = 'parent' AND g.id > f.id) GROUP BY 1", (*ids, *window))
    said = {answer: n for answer, n in answers}
    claims, closes = minutes(times)
    return Figures(
        groups=tuple(_group(r) for r in grouped),
        weeks=tuple((a, b, n) for (a, b, _, _), n in zip(spans, counted[0], strict=True)),
        claim=spread(claims), close=spread(closes),
        followups=tuple((k, said.get(k, 0)) for k in ("yes", "no", "none")))


def week_spans(start: date, end: date, tz: tzinfo) -> list[tuple[date, date, str, str]]:
    return [(a, b, day_start(a, tz), day_start(b + timedelta(days=1), tz)) for a, b in weeks(start, end)]


def minutes(rows: Sequence[Sequence[Any]]) -> tuple[list[float], list[float]]:
    """Minutes to claim (claimed cases) and to close (closed or resolved, not withdrawn) from rows of created,
    status, outcome, first done, first claimed."""
    claims: list[float] = []
    closes: list[float] = []
    parse = datetime.fromisoformat
    for created_at, status, outcome, done, claimed in rows:
        if claimed is None and done is None:
            continue
        created = parse(created_at)
        if claimed is not None:
            claims.append((parse(claimed) - created).total_seconds() / 60)
        if done is not None and status not in OPEN_STATUSES and outcome != Outcome.WITHDRAWN:
            closes.append((parse(done) - created).total_seconds() / 60)
    return claims, closes


def _group(r: Sequence[Any]) -> Group:
    channel, service_id, area, status, outcome, urgent, danger, escalated, n, first, _ = r
    return Group(channel, service_id, area, Status(status), None if outcome is None else Outcome(outcome),
                 bool(urgent), bool(danger), bool(escalated), int(n), int(first))
