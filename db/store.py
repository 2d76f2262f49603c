"""The SQLite store: conversation states, the message log and cases, every write durable before it returns."""

from __future__ import annotations

import asyncio
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite
import orjson

from db.models import CaseRow, NewCase, ts
from db.writer import Checkpointer, Turn, Writer, connect, insert_rows, migrate, write_turns

T = TypeVar("T")
STATE_CACHE = 20_000
"""Conversation states kept in memory (write-through), so a turn needs no read from disk."""


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


@dataclass(frozen=True, slots=True)
class CaseWrite:
    """A new case with everything it sets in motion, as the writer thread inserts it. Cases confirmed in the
    same moment (a storm of parents) go in one bulk write: one INSERT each for its number, the rest in
    executemany. Returns (case id, the conversation state saved with it)."""

    row: tuple[object, ...]
    user_key: str
    at: str
    notes: tuple[str, ...]
    followups: tuple[tuple[str, str], ...]
    state: str | Callable[[int], str]
    inbound: str | None = None
    """With ``replies``: the turn that opened the case, logged in the same transaction."""
    replies: Callable[[int], Sequence[str]] | None = None

    @staticmethod
    def write_many(conn: sqlite3.Connection, ops: Sequence[CaseWrite]) -> list[tuple[int, str]]:
        ids = insert_rows(
            conn,
            "INSERT INTO cases (user_key, channel, service_id, site_id, urgent, danger, area, children, summary,"
            " summary_text, contact, consent_at, care_date, created_at, updated_at)",
            [op.row for op in ops],
        )
        out = [(case_id, op.state(case_id) if callable(op.state) else op.state) for case_id, op in zip(ids, ops,
                                                                                                     strict=True)]
        written = [(case_id, saved, op) for (case_id, saved), op in zip(out, ops, strict=True)]
        # the turn that opened the case, if given, saves the conversation with its messages
        write_turns(conn, [Turn(op.user_key, op.inbound, tuple(op.replies(case_id) if op.replies else ()), saved,
                                op.at) for case_id, saved, op in written if op.inbound is not None])
        insert_rows(conn, "INSERT INTO conversations (user_key, state, updated_at)", [
            (op.user_key, saved, op.at) for _, saved, op in written if op.inbound is None
        ], " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")
        insert_rows(conn, "INSERT INTO events (case_id, at, actor, kind, status_to)", [
            (case_id, op.at, "parent", "created", "new") for case_id, _, op in written
        ])
        insert_rows(conn, "INSERT INTO outbox (case_id, kind, created_at, next_at)", [
            (case_id, kind, op.at, op.at) for case_id, _, op in written for kind in op.notes
        ])
        insert_rows(conn, "INSERT INTO followups (case_id, kind, due_at)", [
            (case_id, kind, due) for case_id, _, op in written for kind, due in op.followups
        ])
        return out


class Store:
    """Open with ``await Store.open(path)``. Writes go through the group-commit writer (one transaction per
    batch of concurrent callers); reads use a separate aiosqlite connection, which WAL lets run meanwhile."""

    def __init__(self, path: Path, writer: Writer, reader: aiosqlite.Connection, executor: ThreadPoolExecutor,
                 conn: sqlite3.Connection) -> None:
        self.path = path
        self.planner: Planner = default_plan
        self.case_listeners: list[Callable[[int], None]] = []
        """Called with the case id after a case is committed (the dispatcher and follow-ups wake up)."""
        self._writer = writer
        self._reader = reader
        self._executor = executor
        self._conn = conn
        self._checkpointer = Checkpointer(path)
        self._states: OrderedDict[str, str | None] = OrderedDict()

    @classmethod
    async def open(cls, path: Path) -> Store:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        loop = asyncio.get_running_loop()
        conn = await loop.run_in_executor(executor, connect, path)
        try:
            await loop.run_in_executor(executor, migrate, conn)
        except BaseException:
            await loop.run_in_executor(executor, conn.close)
            executor.shutdown()
            raise
        reader = await aiosqlite.connect(path)
        reader.row_factory = sqlite3.Row
        await reader.execute("PRAGMA query_only=ON")
        await reader.execute("PRAGMA busy_timeout=10000")
        return cls(path, Writer(conn, executor), reader, executor, conn)

    async def close(self) -> None:
        await self._writer.close()
        await self._checkpointer.close()
        await self._reader.close()
        await asyncio.get_running_loop().run_in_executor(self._executor, self._conn.close)
        self._executor.shutdown()

    @property
    def batches(self) -> int:
        """Write transactions committed since open."""
        return self._writer.batches

    async def write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` in the writer thread inside the next batch's transaction (under a savepoint: if it
        raises, only its changes are undone and the exception comes back here). Keep ``fn`` short and pure SQL."""
        return await self._writer.submit(fn)

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        async with self._reader.execute(sql, params) as cur:
            return list(await cur.fetchall())

    # -- conversations -------------------------------------------------------------------------------

    async def load_state(self, user_key: str) -> str | None:
        if user_key in self._states:
            self._states.move_to_end(user_key)
            return self._states[user_key]
        rows = await self.fetch("SELECT state FROM conversations WHERE user_key = ?", (user_key,))
        state = rows[0]["state"] if rows else None
        self._remember(user_key, state)
        return state

    async def commit_turn(self, user_key: str, inbound: str, replies: Sequence[str], state: str, at: datetime) -> None:
        """Log the inbound and outbound texts and save the state; returns once committed (durably)."""
        await self._writer.submit(Turn(user_key, inbound, tuple(replies), state, ts(at)))
        self._remember(user_key, state)


    def drop_cached(self, user_key: str | None = None) -> None:
        """Forget cached states (all when ``user_key`` is None) after rows were deleted behind the cache."""
        if user_key is None:
            self._states.clear()
        else:
            self._states.pop(user_key, None)

    def _remember(self, user_key: str, state: str | None) -> None:
        self._states[user_key] = state
        self._states.move_to_end(user_key)
        while len(self._states) > STATE_CACHE:
            self._states.popitem(last=False)

    # -- cases ---------------------------------------------------------------------------------------

    async def create_case(self, case: NewCase, state: str | Callable[[int], str], *, inbound: str | None = None,
                          replies: Callable[[int], Sequence[str]] | None = None) -> int:
        """Insert the case, its 'created' event, its outbox notifications and follow-ups, and the
        conversation state, all in one transaction; returns the case number. ``state`` may be a function of
        the new case number, so the saved conversation can already name the case it opened. With ``inbound``
        the turn that opened the case is logged in the same transaction (``replies`` of the case number)."""
        plan = self.planner(case)
        at = ts(case.created_at)
        row = (
            case.user_key, case.channel, case.service_id, case.site_id, int(case.urgent), int(case.danger),
            case.area, _json([dict(c) for c in case.children]), _json(case.summary), case.summary_text,
            None if case.contact is None else _json(case.contact),
            None if case.consent_at is None else ts(case.consent_at),
            None if case.care_date is None else case.care_date.isoformat(), at, at,
        )
        write = CaseWrite(row, case.user_key, at, plan.notes, tuple((kind, ts(due)) for kind, due in plan.followups),
                          state, inbound, replies)
        case_id, saved = await self._writer.submit(write)
        self._remember(case.user_key, saved)
        for listener in self.case_listeners:
            listener(case_id)
        return case_id

    async def case(self, case_id: int) -> CaseRow | None:
        rows = await self.fetch("SELECT * FROM cases WHERE id = ?", (case_id,))
        return CaseRow.from_row(rows[0]) if rows else None

    async def cases_for_user(self, user_key: str) -> list[CaseRow]:
        """The user's cases, newest first."""
        rows = await self.fetch("SELECT * FROM cases WHERE user_key = ? ORDER BY id DESC", (user_key,))
        return [CaseRow.from_row(r) for r in rows]
