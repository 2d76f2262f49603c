"""The one Store contract both backends implement (db/sqlite, db/postgres); db/store.py opens one."""

from __future__ import annotations

import contextlib
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import orjson

from db import retention
from db.models import CaseRow, NewCase, ts
from db.retention import Purge, Purged

T = TypeVar("T")
Row = Any
"""A row as ``fetch`` returns it: ``row["column"]`` and ``row[0]`` both work (sqlite3.Row, asyncpg.Record)."""


@dataclass(frozen=True, slots=True)
class CasePlan:
    """What a new case sets in motion, written in the case's own transaction: outbox notification kinds
    and follow-ups (kind, due time). The queue installs a planner that knows the coordinators' timings."""

    notes: tuple[str, ...] = ("new_case",)
    followups: tuple[tuple[str, datetime], ...] = ()


Planner = Callable[[NewCase], CasePlan]


def default_plan(case: NewCase) -> CasePlan:
    return CasePlan()


def _json(value: object) -> str:
    """UTF-8 JSON as the case columns keep it (Korean unescaped); orjson: a case turn made three of these."""
    return orjson.dumps(value, default=str).decode()


def case_values(case: NewCase) -> tuple[object, ...]:
    """The new case's columns, user_key .. updated_at, in the order both backends insert them."""
    at = ts(case.created_at)
    return (
        case.user_key, case.channel, case.service_id, case.site_id, int(case.urgent), int(case.danger),
        case.area, _json([dict(c) for c in case.children]), _json(case.summary), case.summary_text,
        None if case.contact is None else _json(case.contact),
        None if case.consent_at is None else ts(case.consent_at),
        None if case.care_date is None else case.care_date.isoformat(), at, at,
    )


LATE_INSERT = ("INSERT INTO parent_messages (case_id, user_key, channel, kind, text, ref, created_at, next_at)"
               " VALUES (NULL, ?, ?, 'late', ?, ?, ?, ?)")


@dataclass(frozen=True, slots=True)
class Late:
    """A turn's replies that came after its channel's answer (bot/coordination/late.py): a message to the parent of
    kind 'late', due for a push at once. ``text``: the replies as JSON."""

    channel: str
    text: str
    ref: str
    at: str

    def values(self, user_key: str) -> tuple[str, str, str, str, str, str]:
        """LATE_INSERT's parameters."""
        return (user_key, self.channel, self.text, self.ref, self.at, self.at)


UNSHOWN_SQL = "SELECT 1 FROM parent_messages WHERE user_key = ? AND shown_at IS NULL LIMIT 1"
ASKED_SQL = (
    "SELECT f.id, f.case_id FROM followups f JOIN cases c ON c.id = f.case_id WHERE c.user_key = ?"
    " AND f.kind = 'parent' AND f.asked_at IS NOT NULL AND f.answered_at IS NULL ORDER BY f.id DESC LIMIT 1")


class Store(ABC):
    """What the bot may ask of a database. SQL given to ``fetch`` and ``write`` is written once, in the
    common subset of SQLite and PostgreSQL, with ``?`` placeholders and text timestamps (db/models.ts); the
    PostgreSQL backend translates the placeholders (and ``INSERT OR IGNORE``)."""

    caches_states: bool = True
    """True when this process is the only writer of conversation states, so the dialog may keep the states it
    read and wrote (SQLite). False with several workers on one database (PostgreSQL): every turn reads."""

    purge_chunk: int = 50
    """Cases a transaction of a long deletion (the retention purge, db/retention.py) looks at, at most; ten times as
    many log rows."""
    purge_step: int = 5
    """Cases per statement group of the purge (ten times as many log rows); a transaction ends after the group that
    passes ``purge_seconds``. SQLite: the writer process runs the purge between turn batches (db/sqlite/process.py),
    so a turn batch waits behind one such transaction at most."""
    purge_seconds: float = 0.005
    purge_prelude: str | None = None
    """A statement each purge transaction runs first: PostgreSQL's commits of the purge need not wait for the WAL to
    reach the disk (a purge lost in a crash is simply done again by the next one), so turns' commits share fewer
    flushes with it."""

    late_with_case: bool = False
    """A turn keeps its late replies (``keep_late``) before ``create_case``, which writes them in the case's own
    transaction with the case number put in place of ``CASE_NUMBER`` (SQLite's writer). False: after it, the number
    already in them (PostgreSQL, where the turn's transaction holds both)."""

    def __init__(self) -> None:
        self.planner: Planner = default_plan
        self.case_listeners: list[Callable[[int], None]] = []
        """Called with the case id after a case is committed (the dispatcher and follow-ups wake up)."""
        self.state_listeners: list[Callable[[str | None], None]] = []
        """Called with a user key (None: every user) when conversation states changed behind their holders'
        back: deleted (forget, retention) or a write whose outcome is unknown."""
        self._subscribers: dict[str, list[Callable[[str], None]]] = {}

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Rows of one read query, as committed when it runs."""

    @abstractmethod
    async def write(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(conn)`` in a transaction of its own (atomic, serialised with every other ``write``) and
        return its result. ``conn.execute(sql, params)`` returns a cursor with fetchone/fetchall/rowcount and
        iterates over rows; keep ``fn`` short, pure SQL and free of side effects: it may run in a thread."""

    @abstractmethod
    async def load_state(self, user_key: str) -> str | None:
        """The user's saved conversation state as committed when the read runs."""

    async def has_unshown(self, user_key: str) -> bool:
        """Whether messages to the parent wait, not shown yet (bot/coordination/replies.py)."""
        return bool(await self.fetch(UNSHOWN_SQL, (user_key,)))

    async def asked_followup(self, user_key: str) -> list[Row]:
        """The follow-up question put to the parent and not answered yet (id, case_id), newest; or none.
        These two and ``load_state`` are what a turn reads before it decides: a store may read them together."""
        return await self.fetch(ASKED_SQL, (user_key,))

    @abstractmethod
    async def commit_turn(self, user_key: str, inbound: str, replies: Sequence[str], state: str,
                          at: datetime) -> None:
        """Log the inbound and outbound texts and save the state; returns once committed (durably)."""

    @abstractmethod
    async def create_case(self, case: NewCase, state: str, *, number_key: str | None = None,
                          inbound: str | None = None, replies: Sequence[str] = (),
                          announce: int | None = None) -> int:
        """Insert the case, its 'created' event, outbox notifications, follow-ups and the conversation
        ``state`` in one transaction; returns the case number. ``number_key``: the JSON state's key that gets
        the number; ``inbound``: log the turn too, the number in place of ``CASE_NUMBER`` in reply ``announce``."""

    async def keep_late(self, user_key: str, late: Late) -> None:
        """A turn's late replies for the parent, called inside ``turn`` before the turn commits: they are written in
        the transaction that saves the turn's state, so a crash never shows replies whose state was lost, nor loses
        replies whose state was saved. Here a ``write`` of its own, which inside ``turn`` is the turn's transaction
        (PostgreSQL); SQLite's store hands them to the turn's commit. Outside a turn: written at once."""
        await self.write(lambda conn: conn.execute(LATE_INSERT, late.values(user_key)))

    async def problem(self) -> str | None:
        """Why the database cannot take writes now, or None (for /healthz): ``probe`` run as a real write."""
        try:
            await self.write(self.probe)
        except Exception as exc:
            return f"database cannot be written: {exc}"
        return None

    @staticmethod
    def probe(conn: Any) -> None:
        """A harmless statement that goes through the write path (a backend may make it touch its files)."""
        conn.execute("SELECT 1 FROM conversations WHERE user_key = ?", ("",)).fetchall()

    async def truncate_wal(self) -> bool:
        """After a deletion: leave no copy of deleted rows in a write-ahead log this process controls (SQLite's;
        PostgreSQL's own WAL and vacuum are the server's, see the README)."""
        return True

    async def checkpoint(self) -> None:
        """Between the transactions of a long deletion: copy what can be copied of a write-ahead log this process
        controls into the database without blocking writers (SQLite's PASSIVE checkpoint), so the truncation
        at its end has little left to copy while writers wait. Nothing to do on PostgreSQL."""
        return None

    async def purge(self, job: Purge) -> Purged:
        """The retention purge (db/retention.py), one ``write`` transaction at a time with a passive checkpoint after
        each, then the WAL cut; SQLite's writer process runs it between turn batches instead."""
        return await retention.run(self, job)

    async def case(self, case_id: int) -> CaseRow | None:
        rows = await self.fetch("SELECT * FROM cases WHERE id = ?", (case_id,))
        return CaseRow.from_row(rows[0]) if rows else None

    async def cases_for_user(self, user_key: str) -> list[CaseRow]:
        """The user's cases, newest first."""
        rows = await self.fetch("SELECT * FROM cases WHERE user_key = ? ORDER BY id DESC", (user_key,))
        return [CaseRow.from_row(r) for r in rows]

    @contextlib.asynccontextmanager
    async def turn(self, user_key: str) -> AsyncIterator[None]:
        """Held around one turn of ``user_key``, from reading the state to committing the new one: no other
        turn of that user runs meanwhile in any process on this database. SQLite has one serving process,
        whose engine serialises users itself, so this does nothing there."""
        yield

    async def claim_outbox(self, now: str, limit: int = 200) -> list[Row]:
        """Outbox rows due at ``now`` for this worker to deliver. With one serving process (SQLite) that is
        every due row; PostgreSQL hands each row to one worker at a time (see db/postgres/store.py)."""
        return await self.fetch(
            "SELECT * FROM outbox WHERE done_at IS NULL AND next_at <= ? ORDER BY id LIMIT ?", (now, limit))

    async def sole(self, role: str) -> bool:
        """Whether this worker holds ``role`` (e.g. 'telegram-polling'), taking it if free; held until the store
        closes or its process dies. One serving process per SQLite file: always True there."""
        return True

    async def subscribe(self, topic: str, callback: Callable[[str], None]) -> None:
        """``callback(payload)`` for every ``publish`` on ``topic`` by any worker on this database, this one
        included (e.g. live console updates). Delivery is best effort: a worker that is down misses it."""
        self._subscribers.setdefault(topic, []).append(callback)

    async def publish(self, topic: str, payload: str) -> None:
        """One serving process per SQLite file: its subscribers are all there are."""
        for callback in self._subscribers.get(topic, ()):
            callback(payload)

    def drop_cached(self, user_key: str | None = None) -> None:
        """Tell the state listeners that ``user_key``'s state (None: everyone's) changed behind them."""
        for listener in self.state_listeners:
            listener(user_key)

    def committed_case(self, case_id: int) -> None:
        for listener in self.case_listeners:
            listener(case_id)

