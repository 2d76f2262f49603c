"""Delivers the outbox to coordinators' notifiers with retries and backoff: delayed by failures, never lost."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import sqlite3
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Protocol, TextIO

from bot.coordination import desks
from bot.coordination import texts as queue_texts
from db import cases as sql
from db.models import CaseRow, Status, ts
from db.store import Store
from knowledge.coordinators import Coordinator, Coordinators

log = logging.getLogger(__name__)
notes_log = logging.getLogger("bot.coordination.notes")
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


class Action(StrEnum):
    """What a coordinator can do from a notification (the Telegram notifier turns these into buttons)."""

    CLAIM = "claim"
    CONTACTED = "contacted"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"


CHANGE_OF: dict[Action, sql.Change] = {
    Action.CLAIM: sql.Change.CLAIMED,
    Action.CONTACTED: sql.Change.CONTACTED,
    Action.RESOLVE: sql.Change.RESOLVED,
    Action.CLOSE: sql.Change.CLOSED,
    Action.REOPEN: sql.Change.REOPENED,
}
# The buttons a case offers follow from the lifecycle's one transition table, so the two cannot drift apart.
ACTIONS: dict[Status, tuple[Action, ...]] = {
    status: tuple(a for a in Action if status in sql.ALLOWED[CHANGE_OF[a]]) for status in Status
}


@dataclass(frozen=True, slots=True)
class Note:
    """One notification about one case. ``id`` is the outbox row id: the same on every retry.
    ``previous`` is this notifier's external id for the case's first notification (to edit or reply to it)."""

    id: int
    kind: str
    case: CaseRow
    text: str
    recipients: tuple[Coordinator, ...]
    actions: tuple[Action, ...]
    previous: str | None = None


class Notifier(Protocol):
    """A way to reach coordinators. ``notify`` returns an external message id (or None) and raises on
    failure; the dispatcher then retries later with backoff."""

    name: str

    async def notify(self, note: Note) -> str | None: ...


# Korean numbers as parents and Telegram write them: 010-1234-8765, 01012348765, +82 10-1234-8765, 821012348765.
PHONE = re.compile(r"(?<![\d+])(\+?82[- .]?0?|0)(\d{1,2})[- .]?(\d{3,4})[- .]?(\d{4})(?!\d)")


def mask_phones(text: str) -> str:
    """010-1234-8765 -> 010-****-8765: a log outlives deletion and the retention purge, so it holds no number."""
    return PHONE.sub(lambda m: f"{m[1]}{m[2]}-****-{m[4]}", text)


class LogNotifier:
    """The default notifier: each notification goes to the log (``bot.coordination.notes``, on the operator's
    stderr, never into a parent's terminal prompt) or to ``stream`` if given, with phone numbers masked."""

    name = "log"

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream

    async def notify(self, note: Note) -> str | None:
        who = ", ".join(c.name for c in note.recipients)
        text = mask_phones(queue_texts.LOG_NOTE.format(who=who, text=note.text, actions=", ".join(note.actions)))
        if self._stream is not None:
            print(text, file=self._stream)
        else:
            notes_log.info("%s", " / ".join(line for line in text.splitlines() if line.strip()))
        return None


class Dispatcher:
    """Polls the outbox (rows from other processes, e.g. `dolbom claim`, arrive this way too) and is kicked
    for rows of this process. A row is done when every notifier has a delivery row for it. Delivery is
    at least once: a crash between a send and its delivery row repeats that one send after restart."""

    def __init__(self, store: Store, coordinators: Coordinators, notifiers: Sequence[Notifier], *, tz: tzinfo,
                 service_names: Mapping[str, str] | None = None, clock: Clock = utcnow, poll_seconds: float = 2.0,
                 area_of: Callable[[CaseRow], str | None] | None = None,
                 backoff_seconds: float = 5.0, max_backoff_seconds: float = 600.0, timeout_seconds: float = 20.0):
        self.store = store
        self.coordinators = coordinators
        """Replace with a newly loaded config when staff edit coordinators.yaml."""
        self.notifiers = notifiers if isinstance(notifiers, list) else list(notifiers)
        """Kept as given: the assembly may append a notifier (e.g. the Telegram group) before start."""
        self.tz = tz
        self.service_names = dict(service_names or {})
        """Korean names by service id (and by site id, where given)."""
        self.area_of = area_of
        """The 읍·면·동 nearest to a shared location (cards say it instead of "공유한 위치")."""
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.backoff_seconds = backoff_seconds
        self.max_backoff_seconds = max_backoff_seconds
        self.timeout_seconds = timeout_seconds
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def kick(self) -> None:
        self._wake.set()

    def recipients(self, case: CaseRow) -> tuple[Coordinator, ...]:
        claimer = self.coordinators.named(case.claimed_by) if case.claimed_by else None
        # every service's desk of the case: two children sent to two services are both desks' to arrange
        desk = [c for service in desks.services(case) or (None,) for c in self.coordinators.for_service(service)]
        people = [*desk, *([claimer] if claimer else []),
                  *self.coordinators.control()]
        return tuple(dict.fromkeys(people))

    async def run_once(self) -> int:
        """Deliver every due outbox row; returns the number of sends that succeeded."""
        now = self.clock()
        rows = await self.store.claim_outbox(ts(now))
        sent = 0
        for row in rows:
            sent += await self._deliver(row, now)
        return sent

    async def _deliver(self, row: sqlite3.Row, now: datetime) -> int:
        case = await self.store.case(row["case_id"])
        if case is None:  # cannot happen with foreign keys on; never loop on it
            await self._finish(row["id"], now)
            return 0
        done = {r["notifier"] for r in await self.store.fetch(
            "SELECT notifier FROM deliveries WHERE outbox_id = ?", (row["id"],))}
        firsts = {r["notifier"]: r["external_id"] for r in await self.store.fetch(
            "SELECT d.notifier, d.external_id FROM deliveries d JOIN outbox o ON o.id = d.outbox_id"
            " WHERE o.case_id = ? AND o.kind = 'new_case'", (case.id,))}
        service = self.service_names.get(case.service_id or "", case.service_id or queue_texts.UNDECIDED_CONTROL)
        area = self.area_of(case) if self.area_of else None
        text = queue_texts.case_card(case, self.tz, service, row["kind"], self.service_names.get(case.site_id or ""),
                                     area, self.service_names)
        if row["kind"] == "status":
            # a parent's word after filing (a day added or taken out, a correction): what changed, on the card
            said = await self.store.fetch(
                "SELECT note FROM events WHERE case_id = ? AND actor = 'parent' AND kind = 'note' AND at = ?"
                " ORDER BY id", (case.id, row["created_at"]))
            text += "".join(queue_texts.PARENT_SAID.format(note=r["note"]) for r in said if r["note"])
        errors: list[str] = []
        sent = 0
        for notifier in self.notifiers:
            if notifier.name in done:
                continue
            actions = () if case.purged_at else ACTIONS[case.status]
            note = Note(row["id"], row["kind"], case, text, self.recipients(case), actions, firsts.get(notifier.name))
            try:
                # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancel that lands as the send
                # completes, and stop() would then wait forever.
                async with asyncio.timeout(self.timeout_seconds):
                    external = await notifier.notify(note)
            except Exception as exc:
                log.warning("outbox %d (%s, case %d) via %s failed: %r", row["id"], row["kind"], case.id,
                            notifier.name, exc)
                errors.append(f"{notifier.name}: {exc!r}")
                continue
            await self.store.write(lambda c, n=notifier.name, e=external: c.execute(
                "INSERT OR IGNORE INTO deliveries (outbox_id, notifier, at, external_id) VALUES (?, ?, ?, ?)",
                (row["id"], n, ts(self.clock()), None if e is None else str(e))))
            sent += 1
        if errors:
            delay = min(self.backoff_seconds * 2 ** row["attempts"], self.max_backoff_seconds)
            next_at = ts(now + timedelta(seconds=delay))
            await self.store.write(lambda c: c.execute(
                "UPDATE outbox SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?",
                (next_at, "; ".join(errors)[:1000], row["id"])))
        else:
            await self._finish(row["id"], now)
        return sent

    async def _finish(self, outbox_id: int, now: datetime) -> None:
        await self.store.write(lambda c: c.execute(
            "UPDATE outbox SET done_at = ?, last_error = NULL WHERE id = ?", (ts(now), outbox_id)))

    async def run(self) -> None:
        """Deliver until cancelled; one failing pass is logged and the next one tries again."""
        while True:
            try:
                await self.run_once()
            except Exception:
                log.exception("outbox dispatch pass failed")
            with contextlib.suppress(TimeoutError):  # a quiet poll interval: look again anyway
                async with asyncio.timeout(self.poll_seconds):
                    await self._wake.wait()
            self._wake.clear()
            if (me := asyncio.current_task()) is not None and me.cancelling():
                raise asyncio.CancelledError  # a stop swallowed on the way (the poll's timeout expiring with it)

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self.run(), name="outbox-dispatcher")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
