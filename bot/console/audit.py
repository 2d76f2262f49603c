"""The access log (접속기록): who did what, when, from where, to which case; no personal content, kept two years."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from db.models import ts
from db.store import Store

KEEP_DAYS = 730


@dataclass(frozen=True, slots=True)
class Access:
    at: datetime
    who: str
    ip: str
    action: str
    case: int | None

    def json(self) -> dict[str, object]:
        return {"at": self.at.isoformat(), "who": self.who, "ip": self.ip, "action": self.action, "case": self.case}


class AccessLog:
    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock

    async def record(self, who: str, ip: str, action: str, case: int | None = None) -> None:
        at = ts(self.clock())
        await self.store.write(lambda c: c.execute(
            "INSERT INTO access_log (at, who, ip, action, case_id) VALUES (?, ?, ?, ?, ?)",
            (at, who, ip, action, case)))

    async def entries(self, *, start: datetime | None = None, end: datetime | None = None, who: str | None = None,
                      limit: int | None = None) -> list[Access]:
        """Entries from ``start`` (inclusive) to ``end`` (exclusive), oldest first."""
        where, params = ["1"], []
        if start is not None:
            where.append("at >= ?")
            params.append(ts(start))
        if end is not None:
            where.append("at < ?")
            params.append(ts(end))
        if who:
            where.append("who = ?")
            params.append(who)
        sql = f"SELECT at, who, ip, action, case_id FROM access_log WHERE {' AND '.join(where)} ORDER BY id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = await self.store.fetch(sql, params)
        return [Access(datetime.fromisoformat(r[0]), r[1], r[2], r[3], r[4]) for r in rows]

    async def expire(self) -> int:
        """Entries older than two years go; nothing else ever deletes from this table."""
        cutoff = ts(self.clock() - timedelta(days=KEEP_DAYS))
        return await self.store.write(lambda c: c.execute("DELETE FROM access_log WHERE at < ?", (cutoff,)).rowcount)
