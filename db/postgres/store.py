"""The PostgreSQL store (asyncpg): several workers on one database, each user's turns one at a time across them."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Any, TypeVar

import asyncpg

from db.contract import Row, Store, case_values
from db.models import MAX_LOGGED_CHARS, NewCase, ts
from db.postgres import purge
from db.postgres.literal import PREPARE_WRITE, WRITE_SQL, case_statements
from db.postgres.migrate import migrate
from db.postgres.sql import ThreadConnection, params, translate
from db.postgres.turns import Batcher, Member, Saved, write_values
from db.retention import Purge, Purged
from db.sqlite.batch import CaseWrite  # plain data: how a new case's state and announcing reply get its number

T = TypeVar("T")
LOCKS = 0x646F6C62
"""Advisory lock class ('dolb'); the second key: 1 migrations, 2 writes, 3 the Telegram poller."""
WRITE_LOCK = (LOCKS, 2)
ROLES = 0x646F6C64
"""Advisory lock class of roles one worker holds (``sole``); the second key is hashtext(role)."""
BATCHES = 2
"""Batches of turns one worker has at the database at once (db/postgres/turns.py); turns arriving meanwhile form the
next one."""
CLAIM_SECONDS = 60.0
"""How long a worker holds the outbox rows it claimed; a dead worker's rows go to another after this."""

_TURN_SQL = (
    "WITH m AS (INSERT INTO messages (user_key, direction, text, at)"
    " SELECT $1, u.d, u.t, $4 FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(d, t, n) ORDER BY u.n)"
    " INSERT INTO conversations (user_key, state, updated_at) VALUES ($1, $5, $4)"
    " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")
_NEXT_CASE = "SELECT nextval(pg_get_serial_sequence('cases', 'id'))"
_CLAIM_SQL = (
    "UPDATE outbox o SET claimed_by = $3, claimed_until = $2 FROM (SELECT id FROM outbox WHERE done_at IS NULL"
    " AND next_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1 OR claimed_by = $3) ORDER BY id LIMIT $4"
    " FOR UPDATE SKIP LOCKED) due WHERE o.id = due.id RETURNING o.*")


_SESSION: ContextVar[Member | None] = ContextVar("dolbom_pg_turn", default=None)


def _messages(inbound: str, replies: Sequence[str]) -> tuple[list[str], list[str]]:
    """Directions and texts as logged; PostgreSQL's text cannot hold NUL, which SQLite kept: it becomes U+FFFD."""
    texts = [inbound, *replies]
    return ["in", *("out" for _ in replies)], [t[:MAX_LOGGED_CHARS].replace("\0", "\ufffd") for t in texts]


async def _no_reset(conn: Any) -> None:
    return None


async def _prepare(conn: Any) -> None:
    await conn.execute(PREPARE_WRITE)


class PostgresStore(Store):
    """Open with ``await PostgresStore.open(url)``. A turn (``turn``) runs in a transaction, shared with the turns
    that arrived with it (db/postgres/turns.py), that holds the user's advisory lock from the state read to the
    commit: no other worker's turn of that user runs meanwhile, and nothing is cached, so every turn reads what the
    last one committed."""

    caches_states = False
    purge_chunk = purge_step = 500
    """Each transaction costs round trips and the write lock: with a million cases a purge of 100,000 took 107 s at
    100 a transaction and 47 s at 500 (turns meanwhile: p99 62 and 195 ms, on a machine where they miss anyway).
    Turns take no write lock here, so a shorter transaction does not let them by sooner: one group a transaction."""
    purge_seconds = 60.0
    purge_prelude = "SET LOCAL synchronous_commit = off"
    purge_rest = 1.0
    """Seconds the purge rests after each transaction, per second the transaction took (db/postgres/purge.py)."""

    def __init__(self, pool: Any, url: str, *, claim_seconds: float = CLAIM_SECONDS, batches: int = BATCHES) -> None:
        super().__init__()
        self._batcher = Batcher(self, batches)
        self._pool = pool
        self._url = url
        self._roles: dict[str, Any] = {}
        self._listener: Any | None = None
        self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="pg-write")
        self.claim_seconds = claim_seconds
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"

    @classmethod
    async def open(cls, url: str, *, min_size: int = 2, max_size: int = 20, **kw: Any) -> PostgresStore:
        conn = await asyncpg.connect(url)  # the tables first: each pooled connection prepares the turns' write
        try:
            await migrate(conn)
        finally:
            await conn.close()
        # reset: pooled connections keep no session state but the write prepared when they open (session locks
        # live on connections of their own), and asyncpg's default reset query cost a round trip per turn
        pool = await asyncpg.create_pool(url, min_size=min_size, max_size=max_size, reset=_no_reset,
                                         init=_prepare)
        return cls(pool, url, **kw)

    async def close(self) -> None:
        await self._batcher.close()
        roles, self._roles = self._roles, {}
        listener, self._listener = self._listener, None
        for conn in [*roles.values(), *([listener] if listener else [])]:
            await conn.close()
        await self._pool.close()
        self._executor.shutdown()

    @property
    def pool(self) -> Any:
        return self._pool

    # -- connections: the turn's batch's, or one from the pool ------------------------------------------

    def _session(self) -> Member | None:
        s = _SESSION.get()
        # only the task that opened the turn uses its batch (a task it started inherits the variable)
        return s if s is not None and s.store is self and s.open and s.owner is asyncio.current_task() else None

    @contextlib.asynccontextmanager
    async def _conn(self, savepoint: str | bool | None = None) -> AsyncIterator[Any]:
        if (s := self._session()) is None:
            async with self._pool.acquire() as conn:
                yield conn
            return
        async with s.batch.statement(savepoint) as conn:
            if s.saved:  # what the turn saved goes first, for what it runs next to see
                await conn.execute(WRITE_SQL, *write_values(s.saved))
                s.saved.clear()
            yield conn

    @contextlib.asynccontextmanager
    async def _tx(self) -> AsyncIterator[Any]:
        """A transaction of its own; inside a turn a savepoint, so a failed write undoes only itself."""
        if (s := self._session()) is None:
            async with self._pool.acquire() as conn, conn.transaction():
                yield conn
            return
        s.fresh = False
        async with self._conn("w") as conn:  # the turn's transaction was begun by hand: asyncpg cannot nest in it
            yield conn

    @contextlib.asynccontextmanager
    async def turn(self, user_key: str) -> AsyncIterator[None]:
        """The turn joins this worker's batch (db/postgres/turns.py): its user's lock is taken and the state read
        with the other turns', and it is answered once their shared transaction has committed."""
        if self._session() is not None:
            yield
            return
        member = await self._batcher.join(user_key)
        token = _SESSION.set(member)
        try:
            await asyncio.shield(member.batch.ready)
        except BaseException:
            member.open = False
            _SESSION.reset(token)
            member.batch.leave()
            raise
        try:
            yield
        except BaseException:
            if not member.ended:
                # also after an error: what the turn wrote before it (a danger case) stays, as on SQLite, where
                # each write commits on its own; the turn's own error is the one its caller hears
                with contextlib.suppress(Exception):
                    await member.end()
            raise
        else:
            if not member.ended:
                await member.end()
        finally:
            member.open = False
            _SESSION.reset(token)

    # -- the contract --------------------------------------------------------------------------------

    async def fetch(self, sql: str, values: Sequence[Any] = ()) -> list[Row]:
        async with self._conn() as conn:
            return list(await conn.fetch(translate(sql), *params(values)))

    async def write(self, fn: Callable[[Any], T]) -> T:
        """``fn`` runs in a thread on a sqlite3-shaped connection (db/postgres/sql.py) inside a transaction
        holding the write lock: writes are serialised across workers, as SQLite's one writer does, so
        check-then-change (db/cases.py's claim) stays atomic."""
        loop = asyncio.get_running_loop()
        async with self._tx() as conn:
            await conn.execute("SELECT pg_advisory_xact_lock($1, $2)", *WRITE_LOCK)
            return await loop.run_in_executor(self._executor, fn, ThreadConnection(conn, loop))

    def _read(self, user_key: str) -> Member | None:
        """The turn whose batch read ``user_key``'s state, unshown messages and question, if that still holds."""
        s = self._session()
        return s if s is not None and s.fresh and s.user_key == user_key else None

    async def load_state(self, user_key: str) -> str | None:
        if (s := self._read(user_key)) is not None:
            return s.state
        async with self._conn() as conn:
            return await conn.fetchval("SELECT state FROM conversations WHERE user_key = $1", user_key)

    async def has_unshown(self, user_key: str) -> bool:
        if (s := self._read(user_key)) is not None:
            return s.unshown
        return await super().has_unshown(user_key)

    async def asked_followup(self, user_key: str) -> list[Row]:
        if (s := self._read(user_key)) is not None:
            return [{"id": r["asked_id"], "case_id": r["asked_case"]} for r in s.asked]
        return await super().asked_followup(user_key)

    async def commit_turn(self, user_key: str, inbound: str, replies: Sequence[str], state: str,
                          at: datetime) -> None:
        directions, texts = _messages(inbound, replies)
        if (s := self._session()) is not None:
            # written with the batch's other turns in one statement; the turn ends here, once they are committed
            s.saved.append(Saved(user_key, directions, texts, ts(at), state))
            try:
                await s.end()
            except BaseException:
                self.drop_cached(user_key)
                raise
            return
        try:
            async with self._conn() as conn:  # one statement: atomic alone
                await conn.execute(_TURN_SQL, user_key, directions, texts, ts(at), state)
        except BaseException:
            self.drop_cached(user_key)
            raise

    async def create_case(self, case: NewCase, state: str, *, number_key: str | None = None,
                          inbound: str | None = None, replies: Sequence[str] = (),
                          announce: int | None = None) -> int:
        """The case's number first (nextval), then its rows and the conversation as statements of one simple
        query: two round trips, in a transaction of their own; inside a turn in a savepoint, two round trips for
        all the cases the batch's turns open together (db/postgres/turns.py)."""
        plan = self.planner(case)
        at = ts(case.created_at)
        row = case_values(case)
        op = CaseWrite(row, case.user_key, at, plan.notes, (), state, number_key, inbound, tuple(replies), announce)
        followups = [(kind, ts(due)) for kind, due in plan.followups]
        s = self._session()

        def statements(case_id: int) -> str:
            messages = None if inbound is None else list(zip(*_messages(inbound, op.texts(case_id)), strict=True))
            return case_statements(case_id, [params([v])[0] for v in row], at, plan.notes, followups,
                                   case.user_key, op.saved_state(case_id), messages)

        if s is not None:
            s.fresh = False
            return await s.open_case(statements)  # with the cases the batch's other turns open meanwhile
        async with self._conn() as conn:
            case_id = int(await conn.fetchval(_NEXT_CASE))
            await conn.execute(statements(case_id))  # several statements in one simple query: one transaction
        self.committed_case(case_id)
        return case_id

    async def purge(self, job: Purge) -> Purged:
        """The retention purge walking its indexes on from transaction to transaction, with rests between them
        (db/postgres/purge.py); PostgreSQL's own WAL and vacuum are the server's (see the README)."""
        return await purge.run(self, job, self.purge_rest)

    async def claim_outbox(self, now: str, limit: int = 200) -> list[Row]:
        """Due rows no other live worker holds, claimed for ``claim_seconds`` (FOR UPDATE SKIP LOCKED: two
        workers claiming together get different rows). A worker that dies holding rows leaves them to the next
        claim after that time; one that finishes marks them done (the dispatcher's done_at); one whose send
        failed retries its own rows at their backoff time (its dispatcher claims one pass at a time)."""
        until = ts(datetime.fromisoformat(now) + timedelta(seconds=self.claim_seconds))
        async with self._conn() as conn:
            rows = await conn.fetch(_CLAIM_SQL, now, until, self.worker, limit)
        return sorted(rows, key=lambda r: r["id"])

    async def subscribe(self, topic: str, callback: Callable[[str], None]) -> None:
        """LISTEN on a connection of its own (kept until close): NOTIFY reaches every worker, this one too."""
        if self._listener is None:
            self._listener = await asyncpg.connect(self._url)
        await self._listener.add_listener(topic, lambda _conn, _pid, _channel, payload: callback(payload))

    async def publish(self, topic: str, payload: str) -> None:
        """NOTIFY (delivered when the publishing transaction commits; payloads under 8,000 bytes)."""
        async with self._conn() as conn:
            await conn.execute("SELECT pg_notify($1, $2)", topic, payload)

    async def sole(self, role: str) -> bool:
        """A session advisory lock on a connection of its own, kept until close: the server drops it when
        this worker's connection ends (the process died), so another worker's next try takes the role."""
        if role in self._roles:
            return True
        conn = await asyncpg.connect(self._url)
        if await conn.fetchval("SELECT pg_try_advisory_lock($1, hashtext($2))", ROLES, role):
            self._roles[role] = conn
            return True
        await conn.close()
        return False
