"""Delivers messages to parents: pushed where the channel can, with backoff, a give-up time and a daily cap."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Mapping
from datetime import datetime, time, timedelta
from typing import Protocol

from bot.coordination import replies
from bot.coordination.queue import Queue
from bot.dialog.core import Address, Channel, Push
from db.models import ts

log = logging.getLogger(__name__)
NEVER = "9999-12-31T00:00:00.000000+00:00"
"""next_at of a message that is not pushed again (over the daily cap): it waits for the parent's next message."""


class EventPush(Protocol):
    """A channel whose push only makes the platform call our skill back (the Kakao Event API): no text leaves,
    only the opaque ``ref`` of the message. Returns the platform's task id; raises when not accepted."""

    channel: Channel

    async def trigger(self, user: str, ref: str) -> str | None: ...


class ParentDelivery:
    """Polls parent_messages (rows of other processes, e.g. `dolbom reply`, arrive this way too) and is kicked
    for rows of this process. A message is pushed at most once: the attempt is recorded before the call, and
    one whose outcome a crash left unknown is not pushed again; it waits for the parent's next message."""

    def __init__(self, queue: Queue, *, pushers: Mapping[str, Push] | None = None,
                 events: Mapping[str, EventPush] | None = None, poll_seconds: float = 2.0,
                 backoff_seconds: float = 30.0, max_backoff_seconds: float = 1800.0,
                 give_up_seconds: float = 6 * 3600.0, daily_cap: int = 3, timeout_seconds: float = 20.0) -> None:
        self.queue = queue
        self.store = queue.store
        self.clock = queue.clock
        self.pushers: dict[str, Push] = dict(pushers or {})
        """channel -> a channel that sends the message itself (Telegram, the terminal)."""
        self.events: dict[str, EventPush] = dict(events or {})
        """channel -> a channel that is only told to call us (Kakao with the Event API configured)."""
        self.poll_seconds = poll_seconds
        self.backoff_seconds = backoff_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self.give_up = timedelta(seconds=give_up_seconds)
        self.daily_cap = daily_cap
        self.timeout_seconds = timeout_seconds
        self._seen_id: int | None = None
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        queue.listeners.append(self.kick)

    def kick(self) -> None:
        self._wake.set()

    async def recover(self) -> int:
        """At start: pushes cut off by a stop or crash have an unknown outcome. They are not repeated (at most
        one push per message); marked failed, they are shown at the parent's next message (a chat push gives
        back its claim on showing: better shown twice than a coordinator's words lost)."""
        at = ts(self.clock())
        return await self.store.write(lambda c: c.execute(
            "UPDATE parent_messages SET state = 'failed', failed_at = ?, last_error = 'outcome unknown: stopped while"
            " pushing', shown_at = CASE WHEN shown_at = sending_at THEN NULL ELSE shown_at END, sending_at = NULL"
            " WHERE sending_at IS NOT NULL AND state = 'waiting'", (at,)).rowcount)

    async def run_once(self) -> int:
        """Learn of new messages, push every due one; returns how many pushes were accepted."""
        async with self._lock:  # a kick during a pass must not push the same row twice
            await self._learn()
            channels = [*self.pushers, *self.events]
            if not channels:
                return 0
            rows = await self.store.fetch(
                "SELECT * FROM parent_messages WHERE state = 'waiting' AND shown_at IS NULL AND sending_at IS NULL"
                f" AND user_key IS NOT NULL AND next_at <= ? AND channel IN ({', '.join('?' * len(channels))})"
                " ORDER BY id LIMIT 200", (ts(self.clock()), *channels))
            return sum([await self._deliver(row) for row in rows])

    async def _learn(self) -> None:
        if self._seen_id is None:  # first pass: whoever has unseen messages now, whenever the queue first looked
            self._seen_id = (await self.store.fetch("SELECT COALESCE(max(id), 0) FROM parent_messages"))[0][0]
            for row in await self.store.fetch("SELECT DISTINCT user_key FROM parent_messages WHERE shown_at IS NULL"
                                              " AND user_key IS NOT NULL AND id <= ?", (self._seen_id,)):
                self.queue.message_due(row[0])
            return
        rows = await self.store.fetch("SELECT id, user_key FROM parent_messages WHERE id > ? ORDER BY id",
                                      (self._seen_id,))
        for row in rows:
            self.queue.message_due(row["user_key"])
            self._seen_id = row["id"]

    async def _deliver(self, row: sqlite3.Row) -> int:
        now = self.clock()
        at = ts(now)
        kakao = row["channel"] in self.events
        if now - datetime.fromisoformat(row["created_at"]) >= self.give_up:
            await self._give_up(row, at, row["last_error"] or "too late to push")
            return 0
        if kakao and await self._capped(row["user_key"], now):
            await self.store.write(lambda c: c.execute(
                "UPDATE parent_messages SET next_at = ?, last_error = 'daily cap' WHERE id = ?", (NEVER, row["id"])))
            log.info("parent message %d (case %s): daily push cap reached; shown at the parent's next message",
                     row["id"], row["case_id"])
            return 0
        # Claimed before the call. A chat push is shown by the push itself, so the claim also keeps the next
        # message from showing it meanwhile; a Kakao event only makes Kakao call us, so it claims nothing shown.
        claim = ("UPDATE parent_messages SET sending_at = ?, attempts = attempts + 1{} WHERE id = ?"
                 " AND shown_at IS NULL AND sending_at IS NULL AND state = 'waiting'")
        claimed = await self.store.write(lambda c: (
            c.execute(claim.format(""), (at, row["id"])) if kakao
            else c.execute(claim.format(", shown_at = ?"), (at, at, row["id"]))).rowcount)
        if not claimed:
            return 0
        user = row["user_key"].split(":", 1)[1] if ":" in row["user_key"] else row["user_key"]
        task_id: str | None = None
        try:
            async with asyncio.timeout(self.timeout_seconds):
                if kakao:
                    task_id = await self.events[row["channel"]].trigger(user, row["ref"])
                else:
                    await self.pushers[row["channel"]].send(Address(Channel(row["channel"]), user),
                                                            replies.render_all(row))
        except Exception as exc:
            log.warning("parent message %d (case %s) push via %s failed: %r", row["id"], row["case_id"],
                        row["channel"], exc)
            await self._failed(row, now, repr(exc)[:500], kakao, permanent=getattr(exc, "permanent", False))
            return 0
        await self.store.write(lambda c: self._pushed(c, row, ts(self.clock()), task_id, kakao))
        if row["kind"] == "followup" and not kakao:
            self.queue.asked(row["user_key"])
        return 1

    @staticmethod
    def _pushed(conn: sqlite3.Connection, row: sqlite3.Row, at: str, task_id: str | None, kakao: bool) -> None:
        conn.execute("UPDATE parent_messages SET state = CASE WHEN state = 'waiting' THEN 'pushed' ELSE state END,"
                     " pushed_at = ?, sending_at = NULL, last_error = NULL WHERE id = ?", (at, row["id"]))
        conn.execute("INSERT INTO pushes (message_id, channel, user_key, at, ok, task_id) VALUES (?, ?, ?, ?, 1, ?)",
                     (row["id"], row["channel"], row["user_key"], at, task_id))
        if row["followup_id"] is not None and not kakao:
            conn.execute("UPDATE followups SET asked_at = COALESCE(asked_at, ?) WHERE id = ?", (at, row["followup_id"]))

    async def _failed(self, row: sqlite3.Row, now: datetime, error: str, kakao: bool, *, permanent: bool) -> None:
        """Retry later with backoff; given up when the next try would come after the give-up time, or at once
        when the channel says waiting will not help (a parent who blocked the bot, a wrong API key)."""
        at = ts(now)
        delay = timedelta(seconds=min(self.backoff_seconds * 2 ** row["attempts"], self.max_backoff_seconds))
        late = permanent or now + delay - datetime.fromisoformat(row["created_at"]) >= self.give_up

        def write(conn: sqlite3.Connection) -> None:
            conn.execute("INSERT INTO pushes (message_id, channel, user_key, at, ok, error) VALUES (?, ?, ?, ?, 0, ?)",
                         (row["id"], row["channel"], row["user_key"], at, error))
            # a chat push gives back its claim on showing; a Kakao one never took it (the parent may have seen it)
            conn.execute("UPDATE parent_messages SET sending_at = NULL, next_at = ?, last_error = ?,"
                         " shown_at = CASE WHEN ? THEN shown_at ELSE NULL END WHERE id = ?",
                         (ts(now + delay), error, kakao, row["id"]))

        await self.store.write(write)
        self.queue.message_due(row["user_key"])  # unclaimed again: the next message may show it
        if late:
            await self._give_up(row, at, error)

    async def _give_up(self, row: sqlite3.Row, at: str, error: str) -> None:
        await self.store.write(lambda c: c.execute(
            "UPDATE parent_messages SET state = 'failed', failed_at = ?, last_error = ? WHERE id = ?"
            " AND state = 'waiting'", (at, error, row["id"])))
        # The coordinator's word: the console shows 'failed' on the message, and this line is in the log.
        log.warning("parent message %d (case %s, %s by %s) could not be pushed after %d attempt(s) (%s); it is "
                    "shown at the parent's next message", row["id"], row["case_id"], row["kind"],
                    row["by"] or "system", row["attempts"] + 1, error)

    async def _capped(self, user_key: str, now: datetime) -> bool:
        local = now.astimezone(self.queue.tz)
        day = datetime.combine(local.date(), time(0), self.queue.tz)
        rows = await self.store.fetch("SELECT count(*) FROM pushes WHERE user_key = ? AND ok = 1 AND at >= ?",
                                      (user_key, ts(day)))
        return rows[0][0] >= self.daily_cap

    async def run(self) -> None:
        """Deliver until cancelled; one failing pass is logged and the next one tries again."""
        while True:
            try:
                await self.run_once()
            except Exception:
                log.exception("parent message delivery pass failed")
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.poll_seconds):
                    await self._wake.wait()
            self._wake.clear()
            if (me := asyncio.current_task()) is not None and me.cancelling():
                raise asyncio.CancelledError  # a stop swallowed on the way (the poll's timeout expiring with it)

    async def start(self) -> None:
        await self.recover()
        self._task = asyncio.get_running_loop().create_task(self.run(), name="parent-delivery")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
