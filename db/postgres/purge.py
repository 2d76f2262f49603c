"""The retention purge on PostgreSQL: short transactions that walk the indexes on from where the last one stopped."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, replace
from typing import Any

from db import cases as sql
from db import retention
from db.retention import Purge, Purged

# The shared purge (db/retention.py) looks for what is left from the start of an index in every transaction. On
# PostgreSQL a deleted row stays in its indexes until vacuum, so each look walked past everything deleted before it,
# and conversations were read by a sequential scan of the whole table (the planner expected a tenth of them to be
# old): with a million cases that scan alone took 19 s of a 95 s purge. Here each walk goes on from the key where
# the last transaction stopped (>=: rows with the same key that went are invisible, those that stay come again).
DUE = ("SELECT id, COALESCE(closed_at, resolved_at) AS ended FROM cases WHERE purged_at IS NULL"
       " AND COALESCE(closed_at, resolved_at) >= ? AND COALESCE(closed_at, resolved_at) <= ?"
       " AND status IN ('resolved', 'closed') ORDER BY COALESCE(closed_at, resolved_at) LIMIT ?")
OLD_MESSAGES = "SELECT id, at FROM messages WHERE at >= ? AND at <= ? ORDER BY at LIMIT ?"
OLD_CONVERSATIONS = ("SELECT user_key, updated_at FROM conversations WHERE updated_at >= ? AND updated_at <= ?"
                     " ORDER BY updated_at LIMIT ?")
GONE_CONVERSATIONS = "DELETE FROM conversations WHERE user_key = ANY(?) AND updated_at <= ?"
"""With the cutoff again: a turn that came after the page was read keeps its conversation."""


@dataclass(frozen=True, slots=True)
class Walk:
    """Where a purge stands: its phase, the key each walk goes on from (None: that walk is done), what it removed."""

    phase: str = retention.PHASES[0]
    cases: int = 0
    removed: int = 0
    ended: str | None = ""
    message_at: str | None = ""
    conversation_at: str | None = ""
    after: str = ""
    """The idle conversations' scan key (db/retention.py's idle)."""

    @property
    def done(self) -> bool:
        return self.phase == "done"


def advance(conn: Any, job: Purge, walk: Walk) -> Walk:
    """One transaction's share (Store.write begins and commits it): one page of the phase's walk."""
    if job.prelude:
        conn.execute(job.prelude)
    if walk.phase == "cases":
        rows = conn.execute(DUE, (walk.ended, job.cutoff, job.chunk)).fetchall()
        if not rows:
            return replace(walk, phase="logs")
        sql.anonymise(conn, [r["id"] for r in rows], job.at, "system")
        return replace(walk, cases=walk.cases + len(rows), ended=rows[-1]["ended"])
    if walk.phase == "logs":
        return logs(conn, job, walk)
    removed, after = retention.idle(conn, job, walk.after, lambda: True)
    return replace(walk, removed=walk.removed + removed, after=after or "", phase="idle" if after else "done")


def logs(conn: Any, job: Purge, walk: Walk) -> Walk:
    """A page of old messages, else of old conversations, else the unshown late replies (db/retention.py's)."""
    page = job.chunk * 10
    if walk.message_at is not None:
        rows = conn.execute(OLD_MESSAGES, (walk.message_at, job.cutoff, page)).fetchall()
        if rows:
            gone = conn.execute("DELETE FROM messages WHERE id = ANY(?)", ([r["id"] for r in rows],)).rowcount
            return replace(walk, removed=walk.removed + gone, message_at=rows[-1]["at"])
        walk = replace(walk, message_at=None)
    if walk.conversation_at is not None:
        rows = conn.execute(OLD_CONVERSATIONS, (walk.conversation_at, job.cutoff, page)).fetchall()
        if rows:  # a turn may have come since the page was read: its conversation stays
            gone = conn.execute(GONE_CONVERSATIONS, ([r["user_key"] for r in rows], job.cutoff)).rowcount
            return replace(walk, removed=walk.removed + gone, conversation_at=rows[-1]["updated_at"])
        walk = replace(walk, conversation_at=None)
    late = retention.purge_late(conn, job.cutoff, page)
    return replace(walk, removed=walk.removed + late, phase="logs" if late else "idle")


async def run(store: Any, job: Purge, rest: float) -> Purged:
    """The purge a ``store.write`` transaction at a time, resting ``rest`` times each one's length before the next
    (PostgresStore.purge_rest: none by default, see there)."""
    walk = Walk()
    while not walk.done:
        began = time.monotonic()
        walk = await store.write(lambda conn, w=walk: advance(conn, job, w))
        if rest > 0:
            await asyncio.sleep(rest * (time.monotonic() - began))
    return Purged(walk.cases, walk.removed)
