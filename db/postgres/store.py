"""The PostgreSQL store (asyncpg): several workers on one database, each user's turns one at a time across them."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

import asyncpg

from db.contract import Row, Store, case_values
from db.models import MAX_LOGGED_CHARS, NewCase, ts
from db.postgres.migrate import migrate
from db.postgres.sql import ThreadConnection, params, translate
from db.sqlite.batch import CaseWrite  # plain data: how a new case's state and announcing reply get its number

T = TypeVar("T")
LOCKS = 0x646F6C62
"""Advisory lock class ('dolb'); the second key: 1 migrations, 2 writes, 3 the Telegram poller."""
WRITE_LOCK = (LOCKS, 2)
ROLES = 0x646F6C64
"""Advisory lock class of roles one worker holds (``sole``); the second key is hashtext(role)."""
USER_LOCKS = 0x646F6C63
"""Advisory lock class of users' turns; the second key is hashtext(user_key)."""
CLAIM_SECONDS = 60.0
"""How long a worker holds the outbox rows it claimed; a dead worker's rows go to another after this."""

_TURN_SQL = (
    "WITH m AS (INSERT INTO messages (user_key, direction, text, at)"
    " SELECT $1, u.d, u.t, $4 FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS u(d, t, n) ORDER BY u.n)"
    " INSERT INTO conversations (user_key, state, updated_at) VALUES ($1, $5, $4)"
    " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")
_STATE_SQL = (
    "INSERT INTO conversations (user_key, state, updated_at) VALUES ($1, $2, $3)"
    " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")
_CASE_SQL = (
    "INSERT INTO cases (user_key, channel, service_id, site_id, urgent, danger, area, children, summary,"
    " summary_text, contact, consent_at, care_date, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id")
_CLAIM_SQL = (
    "UPDATE outbox o SET claimed_by = $3, claimed_until = $2 FROM (SELECT id FROM outbox WHERE done_at IS NULL"
    " AND next_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1 OR claimed_by = $3) ORDER BY id LIMIT $4"
    " FOR UPDATE SKIP LOCKED) due WHERE o.id = due.id RETURNING o.*")


@dataclass(eq=False)
class _Turn:
    """One user's turn in progress: its connection, in a transaction holding the user's advisory lock."""

    store: PostgresStore
    conn: Any
    owner: asyncio.Task[Any] | None
    cases: list[int] = field(default_factory=list)
    """Cases created in the turn, announced to the case listeners once it commits."""
    open: bool = True
    committed: bool = False


_SESSION: ContextVar[_Turn | None] = ContextVar("dolbom_pg_turn", default=None)


def _messages(inbound: str, replies: Sequence[str]) -> tuple[list[str], list[str]]:
    """Directions and texts as logged; PostgreSQL's text cannot hold NUL, which SQLite kept: it becomes U+FFFD."""
    texts = [inbound, *replies]
    return ["in", *("out" for _ in replies)], [t[:MAX_LOGGED_CHARS].replace("\0", "\ufffd") for t in texts]


def _literal(text: str) -> str:
    """A string literal for a simple query (standard_conforming_strings is on since PostgreSQL 9.1)."""
    if "\0" in text:
        raise ValueError("NUL in a user key")
    return "'" + text.replace("'", "''") + "'"


def _turn_literal(user_key: str, directions: list[str], texts: list[str], at: str, state: str) -> str:
    """_TURN_SQL with its values written in as literals."""
    values = {"$1": _literal(user_key), "$4": _literal(at), "$5": _literal(state),
              "$2::text[]": "ARRAY[" + ", ".join(map(_literal, directions)) + "]::text[]",
              "$3::text[]": "ARRAY[" + ", ".join(map(_literal, texts)) + "]::text[]"}
    return re.sub(r"\$[1-5](?:::text\[\])?", lambda m: values[m.group(0)], _TURN_SQL)


async def _no_reset(conn: Any) -> None:
    return None


class PostgresStore(Store):
    """Open with ``await PostgresStore.open(url)``. A turn (``turn``) runs in one transaction on one pooled
    connection that holds the user's advisory lock from the state read to the commit: no other worker's turn of
    that user runs meanwhile, and nothing is cached, so every turn reads what the last one committed."""

    caches_states = False
    purge_chunk = purge_step = 500
    """Each transaction costs round trips and the write lock: with a million cases a purge of 100,000 took 107 s at
    100 a transaction and 47 s at 500 (turns meanwhile: p99 62 and 195 ms, on a machine where they miss anyway).
    Turns take no write lock here, so a shorter transaction does not let them by sooner: one group a transaction."""
    purge_seconds = 60.0
    purge_prelude = "SET LOCAL synchronous_commit = off"

    def __init__(self, pool: Any, url: str, *, claim_seconds: float = CLAIM_SECONDS) -> None:
        super().__init__()
        self._pool = pool
        self._url = url
        self._roles: dict[str, Any] = {}
        self._listener: Any | None = None
        self._executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="pg-write")
        self.claim_seconds = claim_seconds
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"

    @classmethod
    async def open(cls, url: str, *, min_size: int = 2, max_size: int = 20, **kw: Any) -> PostgresStore:
        # reset: pooled connections keep no session state (session locks live on connections of their own), and
        # asyncpg's default reset query cost a round trip per turn
        pool = await asyncpg.create_pool(url, min_size=min_size, max_size=max_size, reset=_no_reset)
        try:
            async with pool.acquire() as conn:
                await migrate(conn)
        except BaseException:
            await pool.close()
            raise
        return cls(pool, url, **kw)

    async def close(self) -> None:
        roles, self._roles = self._roles, {}
        listener, self._listener = self._listener, None
        for conn in [*roles.values(), *([listener] if listener else [])]:
            await conn.close()
        await self._pool.close()
        self._executor.shutdown()

    @property
    def pool(self) -> Any:
        return self._pool

    # -- connections: the turn's own, or one from the pool --------------------------------------------

    def _session(self) -> _Turn | None:
        s = _SESSION.get()
        # only the task that opened the turn uses its connection (a task it started inherits the variable)
        return s if s is not None and s.store is self and s.open and s.owner is asyncio.current_task() else None

    @contextlib.asynccontextmanager
    async def _conn(self) -> AsyncIterator[Any]:
        if (s := self._session()) is not None:
            yield s.conn
        else:
            async with self._pool.acquire() as conn:
                yield conn

    @contextlib.asynccontextmanager
    async def _tx(self) -> AsyncIterator[Any]:
        """A transaction of its own; inside a turn a savepoint, so a failed write undoes only itself."""
        if (s := self._session()) is None:
            async with self._pool.acquire() as conn, conn.transaction():
                yield conn
            return
        await s.conn.execute("SAVEPOINT w")  # the turn's transaction was begun by hand: asyncpg cannot nest in it
        try:
            yield s.conn
        except BaseException:
            await s.conn.execute("ROLLBACK TO SAVEPOINT w; RELEASE SAVEPOINT w")
            raise
        await s.conn.execute("RELEASE SAVEPOINT w")

    @contextlib.asynccontextmanager
    async def turn(self, user_key: str) -> AsyncIterator[None]:
        if self._session() is not None:
            yield
            return
        conn = await self._pool.acquire()
        session = _Turn(self, conn, asyncio.current_task())
        token = _SESSION.set(session)
        started = False
        try:
            # BEGIN and the lock in one round trip (a simple query: the key goes in as a quoted literal)
            await conn.execute(f"BEGIN; SELECT pg_advisory_xact_lock({USER_LOCKS}, hashtext({_literal(user_key)}))")
            started = True
            yield
        finally:
            session.open = False
            _SESSION.reset(token)
            try:
                # also after an error: what the turn wrote before it (a danger case) stays, as on SQLite, where
                # each write commits on its own; after a failed statement PostgreSQL turns COMMIT into ROLLBACK
                if (started and not session.committed) or conn.is_in_transaction():
                    await conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(Exception):
                    await conn.execute("ROLLBACK")
                raise
            finally:
                await self._pool.release(conn)
        for case_id in session.cases:
            self.committed_case(case_id)

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

    async def load_state(self, user_key: str) -> str | None:
        async with self._conn() as conn:
            return await conn.fetchval("SELECT state FROM conversations WHERE user_key = $1", user_key)

    async def commit_turn(self, user_key: str, inbound: str, replies: Sequence[str], state: str,
                          at: datetime) -> None:
        directions, texts = _messages(inbound, replies)
        try:
            if (s := self._session()) is not None and "\0" not in "".join((user_key, state, *texts)):
                # the turn's last write and its COMMIT in one round trip (a simple query takes no parameters)
                await s.conn.execute(_turn_literal(user_key, directions, texts, ts(at), state) + "; COMMIT")
                s.committed = True
                return
            async with self._conn() as conn:  # one statement: atomic alone, or part of the turn's transaction
                await conn.execute(_TURN_SQL, user_key, directions, texts, ts(at), state)
        except BaseException:
            self.drop_cached(user_key)
            raise

    async def create_case(self, case: NewCase, state: str, *, number_key: str | None = None,
                          inbound: str | None = None, replies: Sequence[str] = (),
                          announce: int | None = None) -> int:
        plan = self.planner(case)
        at = ts(case.created_at)
        op = CaseWrite((), case.user_key, at, plan.notes, (), state, number_key, inbound, tuple(replies), announce)
        async with self._tx() as conn:
            case_id = int(await conn.fetchval(_CASE_SQL, *case_values(case)))
            await conn.execute("INSERT INTO events (case_id, at, actor, kind, status_to)"
                               " VALUES ($1, $2, 'parent', 'created', 'new')", case_id, at)
            if plan.notes:
                await conn.executemany(
                    "INSERT INTO outbox (case_id, kind, created_at, next_at) VALUES ($1, $2, $3, $3)",
                    [(case_id, kind, at) for kind in plan.notes])
            if plan.followups:
                await conn.executemany("INSERT INTO followups (case_id, kind, due_at) VALUES ($1, $2, $3)",
                                       [(case_id, kind, ts(due)) for kind, due in plan.followups])
            saved = op.saved_state(case_id)
            if inbound is None:
                await conn.execute(_STATE_SQL, case.user_key, saved, at)
            else:
                directions, texts = _messages(inbound, op.texts(case_id))
                await conn.execute(_TURN_SQL, case.user_key, directions, texts, at, saved)
        if (s := self._session()) is not None:
            s.cases.append(case_id)
        else:
            self.committed_case(case_id)
        return case_id

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
