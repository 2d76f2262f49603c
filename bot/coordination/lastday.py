"""When a parent is asked how care went: the morning after the last care day they asked for, not the first."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from db import cases as sql
from db.models import ts
from knowledge.coordinators import Timings

PARENT = "parent"


def last_care_day(care_date: date | None, summary: Mapping[str, Any] | None) -> date | None:
    """The latest day of care the case holds: the first day and the days added to it ('내일도', '월요일이랑
    수요일', '매주 월요일마다' with its first Monday). An open-ended repeat adds no further day: the coordinator
    wants to hear early whether the regular care started, and the weeks after are theirs to keep up with the
    family, so the question comes after the last day the parent named."""
    if care_date is None:
        return None
    days = [care_date, *(_day(d) for d in (summary or {}).get("also") or ())]
    return max(d for d in days if d is not None)


def _day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def parent_due(last_day: date, timings: Timings, tz: tzinfo) -> datetime:
    return datetime.combine(last_day + timedelta(days=timings.parent_followup_days),
                            time(timings.parent_followup_hour), tz)


def move_parent(conn: sqlite3.Connection, case_id: int, days: Iterable[date], timings: Timings, tz: tzinfo,
                now: datetime) -> bool:
    """After filing the parent added, dropped or moved days: the question not asked yet moves to after the new last
    day (a new row, the old one cancelled, so a timer already set for it fires nothing). Returns whether it moved."""
    held = [d for d in days if d is not None]
    row = conn.execute("SELECT id, due_at FROM followups WHERE case_id = ? AND kind = ? AND fired_at IS NULL"
                       " AND cancelled_at IS NULL ORDER BY id DESC LIMIT 1", (case_id, PARENT)).fetchone()
    if not held or row is None:
        return False  # asked already, or a case without one (danger, no day): nothing to move
    due = parent_due(max(held), timings, tz)
    if ts(due) == row["due_at"] or due <= now:
        return False
    sql.cancel_followups(conn, case_id, (PARENT,), ts(now))
    sql.add_followup(conn, case_id, PARENT, ts(due))
    return True
