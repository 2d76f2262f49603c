"""The console's reads: queue views with filters (one indexed query, at most PAGE rows) and the case's record."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from bot.console import texts
from bot.coordination.desks import child_like
from db.models import CaseRow, Event, ts
from db.store import Store
from knowledge.coordinators import Coordinator

PAGE = 100
FOLLOWUP_DAYS = 14
OPEN = "status IN ('new', 'claimed', 'contacted')"
VIEWS: dict[str, str] = {
    "unclaimed": "status = 'new'",
    "mine": f"claimed_by = :me AND {OPEN}",
    "urgent": f"{OPEN} AND (urgent = 1 OR danger = 1)",
    "overdue": f"{OPEN} AND (escalated = 1 OR EXISTS (SELECT 1 FROM followups f WHERE f.case_id = cases.id"
               " AND f.cancelled_at IS NULL AND f.due_at <= :now AND ((f.kind = 'unclaimed' AND status = 'new')"
               " OR (f.kind = 'not_contacted' AND status = 'claimed') OR f.kind = 'console')))",
    # Asked or about to be asked, within the last FOLLOWUP_DAYS: a parent who never answers drops out of the view.
    # The cases come joined to their follow-ups (WAITING), longest waiting first along the follow-ups' due index:
    # sorted by danger and urgency, the ~12,000 follow-ups of a city's two weeks were each a case to read first.
    "followup": "1 = 1",
    # Newest first by walking the primary key backwards, not by sorting every closed case: SQLite uses no index for
    # NOT IN (its '+status' is no operator on PostgreSQL's text), and PostgreSQL's statistics see most cases match.
    "closed": "status NOT IN ('new', 'claimed', 'contacted')",
    "all": OPEN,
}
WAITING = ("followups w CROSS JOIN cases", "cases.id = w.case_id AND w.kind = 'parent' AND w.answered_at IS NULL"
           " AND w.cancelled_at IS NULL AND w.due_at >= :recent")
"""CROSS JOIN: SQLite then walks the follow-ups first (by the service's index instead, a service's view read 1.5 s)."""
COLUMNS = "id, service_id, site_id, urgent, danger, area, children, care_date, status, claimed_by, created_at, summary"
"""The summary's hours are read in Python (row_view): json_extract is SQLite's, and a page has at most PAGE rows."""
NAMED = re.compile(r":([a-z_0-9]+)")


@dataclass(frozen=True, slots=True)
class Filter:
    view: str = "unclaimed"
    service: str = ""
    area: str = ""
    status: str = ""
    day: date | None = None
    number: int | None = None

    @classmethod
    def parse(cls, q: Mapping[str, str]) -> Filter:
        view = q.get("view", "unclaimed")
        day, number = None, None
        try:
            day = date.fromisoformat(q["day"]) if q.get("day") else None
        except ValueError:
            day = None
        number_text = q.get("number", "").strip().lstrip("#")
        number = int(number_text) if number_text.isdigit() else None
        return cls(view if view in VIEWS else "unclaimed", q.get("service", ""), q.get("area", ""),
                   q.get("status", ""), day, number)


def scope(who: Coordinator) -> tuple[str, dict[str, Any]]:
    """The cases a person may see at all: every case for the control tower, else their services' cases."""
    if who.control:
        return "1 = 1", {}
    params = {f"s{i}": s for i, s in enumerate(who.services)}
    if not params:
        return "1 = 0", params
    # and cases with a child sent to one of their services (two children, two desks: bot/coordination/desks.py)
    children = {f"c{i}": child_like(s) for i, s in enumerate(who.services)}
    own = f"service_id IN ({', '.join(':' + k for k in params)})"
    child = " OR ".join(f"children LIKE :{k}" for k in children)
    return f"({own} OR (danger = 0 AND ({child})))", params | children


async def queue_rows(store: Store, who: Coordinator, f: Filter, now: datetime) -> list[dict[str, Any]]:
    where, params = scope(who)
    clauses = [where]
    params |= {"me": who.name, "now": ts(now), "recent": ts(now - timedelta(days=FOLLOWUP_DAYS))}
    if f.number is not None:
        clauses.append("id = :number")
        params["number"] = f.number
    else:
        clauses.append(VIEWS[f.view])
        for column, value in (("service_id", f.service), ("area", f.area), ("status", f.status)):
            if value:
                clauses.append(f"{column} = :{column}")
                params[column] = value
        if f.day is not None:
            clauses.append("care_date = :day")
            params["day"] = f.day.isoformat()
    order, source, columns = "danger DESC, urgent DESC, id", "cases", COLUMNS
    if f.view == "closed":
        order = "id DESC"
    elif f.view == "followup" and f.number is None:
        (order, source), clauses = ("w.due_at, w.id", WAITING[0]), [*clauses, WAITING[1]]
        columns = ", ".join(f"cases.{c}" for c in COLUMNS.split(", "))  # followups has an id too
    sql = f"SELECT {columns} FROM {source} WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT {PAGE + 1}"
    rows: dict[int, dict[str, Any]] = {}
    for r in await store.fetch(*positional(sql, params)):
        rows.setdefault(r["id"], dict(r))  # a case once, where it first comes (two waiting follow-ups)
    return list(rows.values())


def positional(sql: str, params: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """``:name`` placeholders as ``?`` with their values in order: the Store's SQL, which both backends take."""
    values: list[Any] = []

    def one(m: re.Match[str]) -> str:
        values.append(params[m.group(1)])
        return "?"

    return NAMED.sub(one, sql), values


async def unclaimed_count(store: Store, who: Coordinator) -> int:
    where, params = scope(who)
    rows = await store.fetch(*positional(f"SELECT count(*) FROM cases WHERE status = 'new' AND {where}", params))
    return int(rows[0][0])


def row_view(r: Mapping[str, Any], names: Mapping[str, str], now: datetime, tz: tzinfo) -> dict[str, Any]:
    """What one queue row shows; no names, contacts or messages (those are on the case page, which is logged)."""
    children = json.loads(r["children"] or "[]")
    summary = json.loads(r["summary"]) if r["summary"] else {}
    created = datetime.fromisoformat(r["created_at"])
    hours = "-".join(x for x in (texts.clock(summary.get("start")), texts.clock(summary.get("end"))) if x)
    return {
        "id": r["id"], "danger": bool(r["danger"]), "urgent": bool(r["urgent"]),
        "service": names.get(r["service_id"] or "", r["service_id"] or texts.UNDECIDED),
        "site": names.get(r["site_id"] or "", r["site_id"] or ""),
        "ages": ", ".join(texts.age(c.get("age_months")) for c in children),
        "when": " ".join(x for x in (r["care_date"] or "", hours) if x),
        "area": r["area"] or "", "status": r["status"],
        "elapsed": texts.elapsed(max(0, int((now - created).total_seconds() // 60))),
        "owner": r["claimed_by"] or texts.NOBODY,
        "created": created.astimezone(tz).strftime("%m-%d %H:%M"),
    }


@dataclass(frozen=True, slots=True)
class Record:
    case: CaseRow
    events: list[Event]
    messages: list[dict[str, Any]]
    followups: list[dict[str, Any]]


async def record(store: Store, case: CaseRow) -> Record:
    events = [Event.from_row(r) for r in await store.fetch(
        "SELECT * FROM events WHERE case_id = ? ORDER BY id", (case.id,))]
    messages: list[dict[str, Any]] = []
    if case.user_key is not None:
        messages = [dict(r) for r in await store.fetch(
            "SELECT direction, text, at FROM messages WHERE user_key = ? ORDER BY id DESC LIMIT 200",
            (case.user_key,))][::-1]
    followups = [dict(r) for r in await store.fetch(
        "SELECT kind, due_at, fired_at, cancelled_at, answered_at, answer FROM followups WHERE case_id = ?"
        " ORDER BY id", (case.id,))]
    return Record(case, events, messages, followups)
