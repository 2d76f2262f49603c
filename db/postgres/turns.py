"""Group commit on PostgreSQL: the turns that arrive together in one worker share one transaction and one COMMIT."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from db.postgres.cases import Waiting, write_cases
from db.postgres.literal import WRITE_SQL, array, literal, write_literal

USER_LOCKS = 0x646F6C63
"""Advisory lock class of users' turns; the second key is hashtext(user_key)."""

# After the locks, in a statement of its own (READ COMMITTED: a snapshot taken once every lock is held), what each
# turn reads before it decides: the saved state, whether messages wait unshown, and the follow-up question waiting
# for an answer (the contract's UNSHOWN_SQL and ASKED_SQL, db/contract.py, for many users at once).
READ_SQL = (
    "SELECT k.user_key, c.state, EXISTS (SELECT 1 FROM parent_messages p WHERE p.user_key = k.user_key"
    " AND p.shown_at IS NULL) AS unshown, a.id AS asked_id, a.case_id AS asked_case"
    " FROM unnest($1::text[]) AS k(user_key) LEFT JOIN conversations c ON c.user_key = k.user_key"
    " LEFT JOIN LATERAL (SELECT f.id, f.case_id FROM followups f JOIN cases cs ON cs.id = f.case_id"
    " WHERE cs.user_key = k.user_key AND f.kind = 'parent' AND f.asked_at IS NOT NULL AND f.answered_at IS NULL"
    " ORDER BY f.id DESC LIMIT 1) a ON true")


# The batch's transaction keeps the prepared statements' generic plans. Under the default (auto) the READ was
# planned again at every execution: its custom plan, costed for the array's few keys, always looked cheaper than the
# generic one, and planning its joins took 0.35-0.5 ms of the server's CPU a batch against 0.05-0.1 ms to run it
# (a connection alone: 500-740 us a READ under auto, 50-120 us with the generic plan). What else runs in a turn
# looks up one user's or one case's rows, for which the generic plan is the custom one.
BEGIN = "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan"


def lock_sql(keys: Sequence[str]) -> str:
    """BEGIN and every user's lock in one round trip (a simple query: the keys go in as quoted literals). Several
    locks are taken in the order of their numbers, as every worker takes them: two batches never wait on each other
    in a circle."""
    if len(keys) == 1:
        return f"{BEGIN}; SELECT pg_advisory_xact_lock({USER_LOCKS}, hashtext({literal(keys[0])}))"
    # a subquery with ORDER BY is not flattened: the locks are taken row by row in that order
    return (f"{BEGIN}; SELECT count(pg_advisory_xact_lock({USER_LOCKS}, h)) FROM"
            f" (SELECT DISTINCT hashtext(k) AS h FROM unnest({array(keys)}) AS k ORDER BY 1) s")


@dataclass(frozen=True, slots=True)
class Saved:
    """One turn's write, held until its batch commits."""

    user_key: str
    directions: list[str]
    texts: list[str]
    at: str
    state: str


def write_values(saved: Sequence[Saved]) -> tuple[list[str], ...]:
    """WRITE_SQL's arrays: every message in order; one state per user, its last."""
    keys, dirs, texts, ats = [], [], [], []
    states: dict[str, Saved] = {}
    for s in saved:
        keys += [s.user_key] * len(s.texts)
        dirs += s.directions
        texts += s.texts
        ats += [s.at] * len(s.texts)
        states[s.user_key] = s
    last = list(states.values())
    return keys, dirs, texts, ats, [s.user_key for s in last], [s.state for s in last], [s.at for s in last]


@dataclass(eq=False)
class Member:
    """One user's turn in a batch: what was read for it, what it saved, the cases it opened."""

    batch: Batch
    user_key: str
    owner: asyncio.Task[Any] | None
    store: Any
    state: str | None = None
    unshown: bool = True
    asked: list[Any] = field(default_factory=list)
    fresh: bool = False
    """The reads above still hold: read after the lock, and nothing written in this turn since."""
    saved: list[Saved] = field(default_factory=list)
    cases: list[int] = field(default_factory=list)
    open: bool = True
    ended: bool = False

    async def open_case(self, statements: Callable[[int], str]) -> int:
        """A case this turn opens, its number given to ``statements`` (its rows as SQL). The cases that the
        batch's turns open while its connection is busy wait for it together and are written together
        (db/postgres/cases.py): two round trips for all of them instead of two for each."""
        fut: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        entry = (self, (statements, fut, self.cases.append))  # announced once the batch commits
        self.batch.cases.append(entry)
        try:
            async with self.batch.lock:
                if not fut.done():
                    waiting, self.batch.cases = self.batch.cases, []
                    saved = [s for member, _ in waiting for s in member.saved]
                    await write_cases(self.batch.conn, [case for _, case in waiting],
                                      write_values(saved) if saved else None)
                    for member, _ in waiting:
                        member.saved.clear()
        except BaseException:  # cancelled while it waited, or the write failed (every waiting case heard why)
            if entry in self.batch.cases:  # not taken yet: nobody writes it now
                self.batch.cases.remove(entry)
                fut.cancel()
            else:  # taken by another turn: its outcome goes unheard (and unlogged)
                fut.add_done_callback(lambda f: f.cancelled() or f.exception())
            raise
        return fut.result()

    async def end(self) -> None:
        """The turn is done with the database: once its batch has committed, its writes are durable."""
        self.open, self.ended = False, True
        self.batch.leave()
        await asyncio.shield(self.batch.committed)


@dataclass(eq=False)
class Batch:
    """Turns of one worker sharing a transaction on one connection; their statements take turns on it (``lock``)."""

    members: dict[str, Member] = field(default_factory=dict)
    conn: Any = None
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    closed: asyncio.Event = field(default_factory=asyncio.Event)
    ready: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    committed: asyncio.Future[None] = field(default_factory=lambda: asyncio.get_running_loop().create_future())
    left: int = 0
    all_left: asyncio.Event = field(default_factory=asyncio.Event)
    cases: list[tuple[Member, Waiting]] = field(default_factory=list)
    """Cases waiting for the connection (``Member.open_case``)."""

    def leave(self) -> None:
        self.left += 1
        self.all_left.set()

    async def settled(self) -> None:
        """Every member's turn has ended (no member joins once the batch is closed)."""
        while self.left < len(self.members):
            self.all_left.clear()
            await self.all_left.wait()

    @contextlib.asynccontextmanager
    async def statement(self, savepoint: str | bool | None) -> AsyncIterator[Any]:
        """The batch's connection for one member's statements: in the savepoint named, or (None) in one when other
        turns share the transaction (a failed statement would otherwise undo theirs too); False: none, the
        caller guards its statements itself."""
        async with self.lock:
            name = savepoint if isinstance(savepoint, str) else "r" if savepoint is None and len(self.members) > 1 \
                else None
            if name is None:
                yield self.conn
                return
            await self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}; RELEASE SAVEPOINT {name}")
                raise
            await self.conn.execute(f"RELEASE SAVEPOINT {name}")


class Batcher:
    """Forms batches: a turn joins the batch still forming; a batch closes when one of ``slots`` connections is
    free for it, so turns that arrive while the others are at the database wait together for the next one."""

    def __init__(self, store: Any, slots: int) -> None:
        self._store = store
        self._slots = asyncio.Semaphore(slots)
        self._forming: Batch | None = None
        self._running: set[asyncio.Task[None]] = set()

    async def join(self, user_key: str) -> Member:
        if "\0" in user_key:  # refused here, alone: in the batch's lock statement it would fail every turn
            raise ValueError("NUL in a user key")
        while self._forming is not None and user_key in self._forming.members:
            await self._forming.closed.wait()  # the same user twice in one transaction: the next batch
        if self._forming is None:
            self._forming = Batch()
            task = asyncio.get_running_loop().create_task(self._run(self._forming))
            self._running.add(task)
            task.add_done_callback(self._running.discard)
        batch = self._forming
        member = batch.members[user_key] = Member(batch, user_key, asyncio.current_task(), self._store)
        return member

    async def close(self) -> None:
        for task in list(self._running):
            with contextlib.suppress(BaseException):
                await task

    async def _run(self, batch: Batch) -> None:
        try:
            async with self._slots:
                if self._forming is batch:
                    self._forming = None
                batch.closed.set()
                pool = self._store.pool
                conn = batch.conn = await pool.acquire()
                try:
                    await self._commit(batch, conn)
                finally:
                    await pool.release(conn)
        except BaseException as exc:  # no connection: the batch's turns hear why (a log of its own would repeat it)
            for fut in (batch.ready, batch.committed):
                if fut.done():
                    continue
                if isinstance(exc, asyncio.CancelledError):
                    fut.cancel()
                else:
                    fut.set_exception(exc)
            if isinstance(exc, asyncio.CancelledError):
                raise

    async def _commit(self, batch: Batch, conn: Any) -> None:
        keys = list(batch.members)
        try:
            await conn.execute(lock_sql(keys))
            for row in await conn.fetch(READ_SQL, keys):
                member = batch.members[row["user_key"]]
                member.state, member.unshown, member.fresh = row["state"], row["unshown"], True
                member.asked = [row] if row["asked_id"] is not None else []
        except BaseException as exc:
            batch.ready.set_exception(exc)  # each turn raises this; none of them waits for the commit
            batch.committed.set_exception(exc)
            batch.committed.exception()
            await _rollback(conn)
            return
        batch.ready.set_result(None)
        await batch.settled()
        saved = [s for member in batch.members.values() for s in member.saved]
        try:
            # the turns' last write and the COMMIT in one round trip (a simple query takes no parameters); also
            # after a turn's error: what the turns wrote stays (as on SQLite, where each write commits on its own)
            if not saved:
                status = await conn.execute("COMMIT")
            elif (sql := write_literal(write_values(saved))) is not None:
                status = await conn.execute(sql + "; COMMIT")
            else:
                await conn.execute(WRITE_SQL, *write_values(saved))
                status = await conn.execute("COMMIT")
            if status != "COMMIT":  # a failed statement had left the transaction aborted: COMMIT rolled it back
                raise RuntimeError("the turns' transaction was rolled back")
        except BaseException as exc:
            batch.committed.set_exception(exc)
            await _rollback(conn)
            return
        for member in batch.members.values():  # before any turn hears of the commit
            for case_id in member.cases:
                self._store.committed_case(case_id)
        batch.committed.set_result(None)


async def _rollback(conn: Any) -> None:
    with contextlib.suppress(Exception):
        if conn.is_in_transaction():
            await conn.execute("ROLLBACK")
