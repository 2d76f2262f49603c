"""Follow-ups on APScheduler 3: the followups table is the truth, a job is only the timer of one row."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.coordination import replies
from bot.coordination import texts as queue_texts
from bot.coordination.delivery import ParentDelivery
from bot.coordination.queue import Queue
from bot.dialog.core import Push
from db import cases as sql
from db.models import OPEN_STATUSES, Status, ts

log = logging.getLogger(__name__)
TIMER_SLACK = timedelta(seconds=1)
"""How early a wall-clock timer may go off and still fire its row."""


@dataclass(frozen=True, slots=True)
class ParentDue:
    """A parent follow-up fired: its question is a parent message for this parent."""

    user_key: str


class FollowUps:
    """On start, rows still due get a job each (``followup:<id>``) and rows missed while the bot was down fire
    at once; a periodic sync also picks up rows written by other processes. Firing sets ``fired_at`` in the
    same transaction as its effects, guarded by ``fired_at IS NULL``: a follow-up fires once."""

    def __init__(self, queue: Queue, *, scheduler: AsyncIOScheduler | None = None,
                 delivery: ParentDelivery | None = None, pushers: Mapping[str, Push] | None = None,
                 sync_seconds: float = 30.0, purge_hours: float | None = 1.0) -> None:
        self.queue = queue
        self.store = queue.store
        self.clock = queue.clock
        self.scheduler = scheduler or AsyncIOScheduler(timezone=queue.tz)
        self.delivery = delivery or ParentDelivery(queue, pushers=pushers)
        """Sends the parent's follow-up question where the channel can push; otherwise it is shown at the next
        message (both through parent_messages)."""
        self.sync_seconds = sync_seconds
        self.purge_hours = purge_hours
        self._sync_task: asyncio.Task[int] | None = None
        self._sync_again = False
        self._stopping = False
        self._seen_id = 0
        queue.listeners.append(self.kick)

    async def start(self) -> None:
        if not self.scheduler.running:  # tests pass one started paused, so only their clock decides
            self.scheduler.start()
        await self.sync()
        await self.delivery.run_once()  # questions fired before a stop but not sent yet go out now
        self.scheduler.add_job(self._sync_logged, "interval", seconds=self.sync_seconds, id="followups:sync",
                               replace_existing=True, coalesce=True, max_instances=1)
        if self.purge_hours is not None:  # None: another process (the serving one) keeps the retention
            self.scheduler.add_job(self._purge, "interval", hours=self.purge_hours,
                                   id="retention:purge", replace_existing=True, coalesce=True,
                                   next_run_time=datetime.now(self.queue.tz))

    async def _purge(self) -> None:
        try:
            await self.queue.purge_expired()
        except asyncio.CancelledError:
            if not self._stopping:
                raise
            # the store closed under it: each chunk commits alone, so the next start goes on from here (an
            # error with a traceback at every stop during a purge would only alarm whoever reads the logs)
            log.info("retention purge stopped with the process; it continues at the next start")

    async def stop(self) -> None:
        self._stopping = True
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
            self.queue.message_due(result.user_key)
            await self.delivery.run_once()
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
        elif f["kind"] == "console" and case["status"] in OPEN_STATUSES:  # "다시 알림" set on the console
            sql.add_outbox(conn, case["id"], "console_reminder", at)
            sql.add_event(conn, case["id"], at, "system", "reminded", note=queue_texts.CONSOLE_REMINDER_NOTE)
        elif f["kind"] == "parent" and case["user_key"] is not None:
            sql.add_event(conn, case["id"], at, "system", "followup_sent")
            replies.add(conn, case["id"], "followup", at, followup_id=followup_id)
            return ParentDue(case["user_key"])
        return None
