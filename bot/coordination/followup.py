"""Follow-ups on APScheduler 3: the followups table is the truth, a job is only the timer of one row."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.coordination import texts as queue_texts
from bot.coordination.queue import Queue, question
from bot.dialog.core import Address, Channel, Push
from db import cases as sql
from db.models import Status, ts

log = logging.getLogger(__name__)
TIMER_SLACK = timedelta(seconds=1)
"""How early a wall-clock timer may go off and still fire its row."""


@dataclass(frozen=True, slots=True)
class ParentDue:
    followup_id: int
    case_id: int
    channel: str
    user_key: str


class FollowUps:
    """On start, rows still due get a job each (``followup:<id>``) and rows missed while the bot was down fire
    at once; a periodic sync also picks up rows written by other processes. Firing sets ``fired_at`` in the
    same transaction as its effects, guarded by ``fired_at IS NULL``: a follow-up fires once."""

    def __init__(self, queue: Queue, *, scheduler: AsyncIOScheduler | None = None,
                 pushers: Mapping[str, Push] | None = None, sync_seconds: float = 30.0,
                 purge_hours: float = 1.0) -> None:
        self.queue = queue
        self.store = queue.store
        self.clock = queue.clock
        self.scheduler = scheduler or AsyncIOScheduler(timezone=queue.tz)
        self.pushers = dict(pushers or {})
        """channel name -> Push, for channels that can send unprompted (not Kakao)."""
        self.sync_seconds = sync_seconds
        self.purge_hours = purge_hours
        self._sync_task: asyncio.Task[int] | None = None
        self._sync_again = False
        self._pushing: set[int] = set()
        self._seen_id = 0
        queue.listeners.append(self.kick)

    async def start(self) -> None:
        if not self.scheduler.running:  # tests pass one started paused, so only their clock decides
            self.scheduler.start()
        await self.sync()
        self.scheduler.add_job(self._sync_logged, "interval", seconds=self.sync_seconds, id="followups:sync",
                               replace_existing=True, coalesce=True, max_instances=1)
        self.scheduler.add_job(self.queue.purge_expired, "interval", hours=self.purge_hours, id="retention:purge",
                               replace_existing=True, coalesce=True, next_run_time=datetime.now(self.queue.tz))

    async def stop(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self._sync_task is not None:
            await asyncio.gather(self._sync_task, return_exceptions=True)

    def kick(self) -> None:
        """Look at the rows again soon (called after this process wrote cases or follow-ups)."""
        if self._sync_task is not None and not self._sync_task.done():
            self._sync_again = True
            return
        self._sync_task = asyncio.get_running_loop().create_task(self._sync_logged(full=False))

    async def _sync_logged(self, full: bool = True) -> int:
        fired = 0
        while True:
            self._sync_again = False
            try:
                fired += await self.sync(full=full)
            except Exception:
                log.exception("follow-up sync failed; the next one retries")
            if not self._sync_again:
                return fired

    async def sync(self, full: bool = True) -> int:
        """Fire every row due by the clock, schedule a job for each later one; returns how many fired.
        ``full=False`` (after this process wrote) looks only at rows newer than the last seen: a full scan per
        new case would cost time in proportion to every follow-up still pending, for each case."""
        now = self.clock()
        rows = await self.store.fetch(
            "SELECT id, due_at FROM followups WHERE fired_at IS NULL AND cancelled_at IS NULL AND id > ?"
            " ORDER BY due_at", (0 if full else self._seen_id,))
        self._seen_id = max([self._seen_id, *(row["id"] for row in rows)])
        fired = 0
        for row in rows:
            due = datetime.fromisoformat(row["due_at"])
            job_id = f"followup:{row['id']}"
            if due <= now:
                fired += await self.fire(row["id"])
                if self.scheduler.get_job(job_id) is not None:
                    self.scheduler.remove_job(job_id)
            elif self.scheduler.get_job(job_id) is None:
                # The timer runs on the scheduler's wall clock, the decision on the injected one: wait as long as
                # the injected clock says is left, and fire only what that clock says is due (see fire()).
                # misfire_grace_time=None: a job that comes late (busy loop, suspended machine) still runs
                run_date = datetime.now(self.queue.tz) + (due - now)
                self.scheduler.add_job(self._fire_due, "date", run_date=run_date, args=[row["id"], due], id=job_id,
                                       misfire_grace_time=None, coalesce=True)
        if full or fired:
            await self._push_unasked()
        return fired

    def scheduled(self) -> set[int]:
        """Row ids that currently have a job (tests look at this after a restart)."""
        return {int(j.id.split(":")[1]) for j in self.scheduler.get_jobs() if j.id.startswith("followup:")}

    async def _fire_due(self, followup_id: int, due: datetime) -> bool:
        """A timer went off: fire the row if the injected clock agrees it is due (a timer may run a moment early
        on the wall clock; an injected clock that stands still fires nothing until it moves and the next sync)."""
        if self.clock() + TIMER_SLACK < due:
            return False
        return await self.fire(followup_id)

    async def fire(self, followup_id: int) -> bool:
        """Run one follow-up; False if it had fired already or was cancelled."""
        at = self.clock()
        result = await self.store.write(lambda c: self._apply(c, followup_id, at))
        if result is False:
            return False
        self.queue.changed()
        if isinstance(result, ParentDue):
            self.queue.question_due(result.user_key)
            await self._push(result)
        return True

    def _apply(self, conn: sqlite3.Connection, followup_id: int, now: datetime) -> bool | ParentDue | None:
        at = ts(now)
        done = conn.execute("UPDATE followups SET fired_at = ? WHERE id = ? AND fired_at IS NULL"
                            " AND cancelled_at IS NULL", (at, followup_id)).rowcount
        if not done:
            return False
        f = conn.execute("SELECT * FROM followups WHERE id = ?", (followup_id,)).fetchone()
        case = sql.current(conn, f["case_id"])
        timings = self.queue.coordinators.timings
        if f["kind"] == "unclaimed" and case["status"] == Status.NEW:
            escalate = f["seq"] >= timings.escalate_after
            sql.add_outbox(conn, case["id"], "escalation" if escalate else "reminder", at)
            sql.add_event(conn, case["id"], at, "system", "escalated" if escalate else "reminded",
                          note=queue_texts.REMINDER_NOTE.format(seq=f["seq"]))
            if escalate:
                conn.execute("UPDATE cases SET escalated = 1 WHERE id = ?", (case["id"],))
            if f["seq"] < timings.max_reminders:
                level = self.queue.level(case["service_id"], bool(case["urgent"]), bool(case["danger"]),
                                         None, now)
                sql.add_followup(conn, case["id"], "unclaimed", ts(self.queue.reminder_due(level, now)), f["seq"] + 1)
        elif f["kind"] == "not_contacted" and case["status"] == Status.CLAIMED:
            sql.add_outbox(conn, case["id"], "not_contacted", at)
            sql.add_event(conn, case["id"], at, "system", "reminded", note=queue_texts.NOT_CONTACTED_NOTE)
        elif f["kind"] == "parent" and case["user_key"] is not None:
            sql.add_event(conn, case["id"], at, "system", "followup_sent")
            return ParentDue(followup_id, case["id"], case["channel"], case["user_key"])
        return None

    async def _push_unasked(self) -> None:
        """Parent questions fired but never sent (the process died in between) go out now where a channel can push."""
        if not self.pushers:
            return
        channels = list(self.pushers)
        rows = await self.store.fetch(
            "SELECT f.id, f.case_id, c.channel, c.user_key FROM followups f JOIN cases c ON c.id = f.case_id"
            " WHERE f.kind = 'parent' AND f.fired_at IS NOT NULL AND f.asked_at IS NULL AND f.cancelled_at IS NULL"
            f" AND c.user_key IS NOT NULL AND c.channel IN ({', '.join('?' * len(channels))})", channels)
        for r in rows:
            await self._push(ParentDue(r["id"], r["case_id"], r["channel"], r["user_key"]))

    async def _push(self, due: ParentDue) -> None:
        pusher = self.pushers.get(due.channel)
        if pusher is None or due.followup_id in self._pushing:
            return  # e.g. Kakao: the question waits for the parent's next message (Queue.parent_question)
        user = due.user_key.split(":", 1)[1] if ":" in due.user_key else due.user_key
        self._pushing.add(due.followup_id)
        try:
            await pusher.send(Address(Channel(due.channel), user), [question(due.case_id)])
            await self.queue.mark_asked(due.followup_id)
        except Exception:
            log.exception("parent follow-up %d could not be sent; it waits for the next message", due.followup_id)
        finally:
            self._pushing.discard(due.followup_id)
