"""The control tower's figures: open cases by status and service, overdue ones, today's demand, unmet needs."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.console import texts
from db.models import ts
from db.store import Store

UNMET_DAYS = 90


@dataclass(frozen=True, slots=True)
class Figures:
    open_by: list[tuple[str, str, int]]
    """(service_id or '', status, count)"""
    overdue: list[tuple[int, str, bool]]
    """(case number, service_id or '', escalated)"""
    today: list[tuple[str, str, int]]
    """(service_id or '', area, count)"""
    unmet: list[tuple[tuple[str, str, str, str], int]]
    """((age band, time band, day type, area), count) for cases no service fitted, last UNMET_DAYS days"""


async def dashboard_figures(store: Store, now: datetime, tz: tzinfo) -> Figures:
    at = ts(now)
    open_by = [(r[0] or "", r[1], r[2]) for r in await store.fetch(
        "SELECT service_id, status, count(*) FROM cases WHERE status IN ('new', 'claimed', 'contacted')"
        " GROUP BY service_id, status ORDER BY service_id, status")]
    overdue = [(r[0], r[1] or "", bool(r[2])) for r in await store.fetch(
        "SELECT id, service_id, escalated FROM cases WHERE status IN ('new', 'claimed', 'contacted') AND"
        " (escalated = 1 OR EXISTS (SELECT 1 FROM followups f WHERE f.case_id = cases.id AND f.cancelled_at IS NULL"
        " AND f.due_at <= ? AND ((f.kind = 'unclaimed' AND status = 'new') OR (f.kind = 'not_contacted'"
        " AND status = 'claimed') OR f.kind = 'console'))) ORDER BY id LIMIT 200", (at,))]
    day = now.astimezone(tz).date()
    start = ts(datetime.combine(day, time(), tz))
    end = ts(datetime.combine(day + timedelta(days=1), time(), tz))
    today = [(r[0] or "", r[1] or texts.UNKNOWN, r[2]) for r in await store.fetch(
        "SELECT service_id, area, count(*) FROM cases WHERE created_at >= ? AND created_at < ?"
        " GROUP BY service_id, area ORDER BY count(*) DESC", (start, end))]
    since = ts(now - timedelta(days=UNMET_DAYS))
    # The start hour is read from the summary JSON here, not in SQL: the query stays in the subset that SQLite and
    # PostgreSQL share (no json_extract), and unmet needs are few.
    rows = await store.fetch(
        "SELECT children, care_date, area, summary FROM cases WHERE service_id IS NULL AND created_at >= ?", (since,))
    unmet = Counter(_need(r[0], r[1], r[2], _start(r[3])) for r in rows)
    return Figures(open_by, overdue, today, sorted(unmet.items(), key=lambda kv: (-kv[1], kv[0])))


def _need(children: str, care_date: str | None, area: str | None, start: int | None) -> tuple[str, str, str, str]:
    ages = [c.get("age_months") for c in json.loads(children or "[]") if c.get("age_months") is not None]
    age = _band(texts.AGE_BANDS, min(ages)) if ages else texts.UNKNOWN
    when = _band(texts.TIME_BANDS, start) if start is not None else texts.UNKNOWN
    kind = texts.UNKNOWN
    if care_date:
        kind = texts.DAY_TYPES["weekend" if date.fromisoformat(care_date).weekday() >= 5 else "weekday"]
    return age, when, kind, area or texts.UNKNOWN


def _start(summary: str | None) -> int | None:
    """The need's start (minutes of the day) from a case summary; None once purged or when not said."""
    start = json.loads(summary).get("start") if summary else None
    return start if isinstance(start, int) else None


def _band(bands: tuple[tuple[str, int, int], ...], value: int) -> str:
    return next((name for name, low, high in bands if low <= value < high), texts.UNKNOWN)
