"""The SQLite store: conversation states, the message log and cases, every write durable before it returns."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from db.contract import Late, Store, case_values
from db.models import NewCase, ts
from db.retention import Purge, Purged
from db.sqlite.batch import CaseWrite, Turn, connect
from db.sqlite.migrate import migrate
from db.sqlite.pipe import Checkpointer, WriterLost
from db.sqlite.process import error
from db.sqlite.writer import Writer

log = logging.getLogger(__name__)

TRUNCATE_TRIES, TRUNCATE_PAUSE = 40, 0.025  # a deletion's truncation tries for a second while another checkpoints


@dataclass
class _Held:
    """A turn in progress (``SQLiteStore.turn``) and the late replies it kept for its commit."""

    store: SQLiteStore
    user_key: str
    late: Late | None = None


_TURN: ContextVar[_Held | None] = ContextVar("dolbom_sqlite_turn", default=None)

T = TypeVar("T")
_ONE_STATE = "SELECT state FROM conversations WHERE user_key = ?"
LOAD_BATCH = 500
"""Conversation states read per query (SQLite allows 32,766 parameters; smaller queries answer sooner)."""


class SQLiteStore(Store):
    """The embedded default. Open with ``await SQLiteStore.open(path)``. Writes go through the group-commit
    writer (one transaction per batch of concurrent callers); reads use a separate aiosqlite connection, which
    WAL lets run meanwhile."""

    late_with_case = True

    def __init__(self, path: Path, writer: Writer, reader: aiosqlite.Connection, executor: ThreadPoolExecutor,
                 conn: sqlite3.Connection, lookup: sqlite3.Connection) -> None:
        super().__init__()
        self.path = path
        self._writer = writer
        self._reader = reader
        self._executor = executor
        self._conn = conn
        self._lookup = lookup
        self._checkpointer = Checkpointer(path)
        self._loading: dict[str, asyncio.Future[str | None]] = {}
        self._loads: set[asyncio.Task[None]] = set()
        self._purging = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path, *, process: bool = True) -> SQLiteStore:
        """``process``: turns and new cases are written by a writer process (the default; see db/sqlite/batch.py);
        without it, by a thread of this process, which shares its GIL with the event loop."""
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
        try:
            writer = await Writer.start(conn, executor, path if process else None)
        except BaseException:
            await loop.run_in_executor(executor, conn.close)
            executor.shutdown()
            raise
        reader = await aiosqlite.connect(path)
        reader.row_factory = sqlite3.Row
        await reader.execute("PRAGMA query_only=ON")
        await reader.execute("PRAGMA busy_timeout=10000")
        # timeout=0: a lookup on the event loop's thread never waits for a lock (see load_state)
        lookup = sqlite3.connect(path, timeout=0, isolation_level=None, cached_statements=16)
        lookup.execute("PRAGMA query_only=ON")
        return cls(path, writer, reader, executor, conn, lookup)

    async def close(self) -> None:
        await self._writer.close()
        await self._checkpointer.close()
        await self._reader.close()
        self._lookup.close()
        await asyncio.get_running_loop().run_in_executor(self._executor, self._conn.close)
        self._executor.shutdown()

    @property
    def writer_pid(self) -> int | None:
        """The writer process's id (None when writes run in a thread, or until the next write restarts it)."""
        return self._writer.pid

    @property
    def checkpoint_pid(self) -> int | None:
        return self._checkpointer.pid

    @property
    def batches(self) -> int:
        """Write transactions committed since open."""
        return self._writer.batches

    async def write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` in the writer thread inside the next batch's transaction (under a savepoint: if it
        raises, only its changes are undone and the exception comes back here). Keep ``fn`` short and pure SQL."""
        return await self._writer.submit(fn)

    async def problem(self) -> str | None:
        """Why the database cannot take writes now, or None: the writer process first, then a real write."""
        return await self._writer.problem() or await super().problem()

    @staticmethod
    def probe(conn: sqlite3.Connection) -> None:
        """The schema version written again as it is (one page in the WAL), so a full disk or a read-only file
        shows here."""
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA user_version = {version}")

    async def truncate_wal(self) -> bool:
        """Copy the WAL into the database file and cut it to zero bytes, so rows just deleted leave no copy in
        it (after a deletion on request or the retention purge). False when a reader kept it from finishing."""

        def truncate(conn: sqlite3.Connection) -> bool:
            # Busy at once when another connection is checkpointing (the checkpoint process's passive pass): a
            # deletion on request waits that pass out rather than leave the parent's words in the WAL.
            for _ in range(TRUNCATE_TRIES):
                if conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0:
                    return True
                time.sleep(TRUNCATE_PAUSE)
            return False

        done = await asyncio.get_running_loop().run_in_executor(self._executor, truncate, self._conn)
        if not done:
            log.warning("the WAL could not be truncated after a deletion; the next checkpoint copies it over")
        return done

    async def purge(self, job: Purge) -> Purged:
        """The writer process runs the purge a short transaction at a time between turn batches, and cuts the WAL at
        its end (db/sqlite/purge.py). Without a writer process: transactions of ``write`` (db/retention.py)."""
        if self._writer.pid is None:
            return await super().purge(job)
        async with self._purging:  # one at a time: the writer process runs one
            try:
                got = await self._writer.purge(job)
            except WriterLost:
                if self._writer.closing:  # the store closed under it, as a cancelled write: the next start goes on
                    raise asyncio.CancelledError from None
                raise
        if got["error"] is not None:
            raise error(*got["error"])
        if not got["truncated"]:
            log.warning("the WAL could not be truncated after the purge; the next checkpoint copies it over")
        return Purged(got["cases"], got["removed"], got["truncated"], got["truncate_seconds"])

    async def checkpoint(self) -> None:
        def passive(conn: sqlite3.Connection) -> None:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()

        await asyncio.get_running_loop().run_in_executor(self._executor, passive, self._conn)

    async def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        async with self._reader.execute(sql, params) as cur:
            return list(await cur.fetchall())

    # -- conversations -------------------------------------------------------------------------------

    async def load_state(self, user_key: str) -> str | None:
        """The user's saved state as committed when the read runs. Callers serialise each user's turns (the
        engine holds a per-user lock from this read to the turn's commit), so no write of the same user can
        be in flight meanwhile. The dialog caches what it read: the store keeps no copy.

        Read on the event loop's own thread: one primary-key lookup in a small, hot table takes a few µs,
        where a query through aiosqlite's thread cost the loop about 80 µs. It never waits: WAL readers take
        no lock a writer holds, and if SQLite is busy anyway (recovering a WAL after a crash) the read goes to
        the reader thread instead."""
        try:  # fetchall: the statement runs to its end, so no read transaction stays open behind it
            rows = self._lookup.execute(_ONE_STATE, (user_key,)).fetchall()
        except sqlite3.OperationalError:  # busy or locked: never make the event loop wait
            pass
        else:
            return rows[0][0] if rows else None
        # Group read: everyone asking in the same moment (a storm of first messages) is answered by one query.
        # One aiosqlite query costs the event loop about 80 µs, as much as a whole turn; 2,000 parents writing
        # at once made 2,000 of them.
        waiting = self._loading.get(user_key)
        if waiting is None:
            waiting = self._loading[user_key] = asyncio.get_running_loop().create_future()
            if len(self._loading) == 1:
                asyncio.get_running_loop().call_soon(self._load_pending)
        return await asyncio.shield(waiting)

    def _load_pending(self) -> None:
        batch, self._loading = self._loading, {}
        task = asyncio.get_running_loop().create_task(self._load_states(batch))
        self._loads.add(task)
        task.add_done_callback(self._loads.discard)

    async def _load_states(self, batch: dict[str, asyncio.Future[str | None]]) -> None:
        keys = list(batch)
        try:
            found: dict[str, str] = {}
            for start in range(0, len(keys), LOAD_BATCH):
                part = keys[start : start + LOAD_BATCH]
                marks = ", ".join("?" * len(part))
                found.update((row[0], row[1]) for row in await self.fetch(
                    f"SELECT user_key, state FROM conversations WHERE user_key IN ({marks})", part))
        except Exception as exc:
            for fut in batch.values():
                if not fut.done():
                    fut.set_exception(exc)
            return
        for key, fut in batch.items():
            if not fut.done():
                fut.set_result(found.get(key))

    async def commit_turn(self, user_key: str, inbound: str, replies: Sequence[str], state: str, at: datetime) -> None:
        """Log the inbound and outbound texts and save the state (with the turn's late replies, if it kept any);
        returns once committed (durably)."""
        await self._submit(user_key, Turn(user_key, inbound, tuple(replies), state, ts(at), self._late(user_key)))

    # -- late replies: one write with the turn -------------------------------------------------------

    @contextlib.asynccontextmanager
    async def turn(self, user_key: str) -> AsyncIterator[None]:
        """Marks the turn, so that its late replies (``keep_late``) go in the transaction of its commit. The engine
        serialises each user's turns itself; nothing is locked here."""
        held = _Held(self, user_key)
        token = _TURN.set(held)
        try:
            yield
        finally:
            _TURN.reset(token)
        if held.late is not None:  # kept, but the turn ended without a commit to take them: written alone
            await super().keep_late(user_key, held.late)

    async def keep_late(self, user_key: str, late: Late) -> None:
        """In a turn of ``user_key``: kept for its commit_turn or create_case, whose one transaction writes them with
        the state. Before, they were a write of their own ahead of the turn's, and a crash between the two showed
        replies whose state was never saved (or, after a case, lost the replies with its number)."""
        held = _TURN.get()
        if held is None or held.store is not self or held.user_key != user_key or held.late is not None:
            await super().keep_late(user_key, late)
            return
        held.late = late

    def _late(self, user_key: str) -> tuple[str, str, str, str] | None:
        """The late replies kept in this task's turn of ``user_key``, taken by the write that commits it."""
        held = _TURN.get()
        if held is None or held.store is not self or held.user_key != user_key or held.late is None:
            return None
        late, held.late = held.late, None
        return (late.channel, late.text, late.ref, late.at)

    async def _submit(self, user_key: str, op: Turn | CaseWrite) -> Any:
        try:
            return await self._writer.submit(op)
        except BaseException:
            # Usually nothing was written; but if the writer process died with it, it may have been: the next
            # turn reads the state back from the file instead of trusting a cached one.
            self.drop_cached(user_key)
            raise

    # -- cases ---------------------------------------------------------------------------------------

    async def create_case(self, case: NewCase, state: str, *, number_key: str | None = None,
                          inbound: str | None = None, replies: Sequence[str] = (), announce: int | None = None) -> int:
        """Insert the case, its 'created' event, its outbox notifications and follow-ups, and the
        conversation ``state``, all in one transaction; returns the case number. With ``number_key`` the JSON
        state gets the new case number at that key, so the saved conversation already names the case it
        opened. With ``inbound`` the turn that opened the case is logged in the same transaction, ``replies``
        with the case number put in place of ``CASE_NUMBER`` in the one at index ``announce``."""
        plan = self.planner(case)
        at = ts(case.created_at)
        row = case_values(case)
        write = CaseWrite(row, case.user_key, at, plan.notes, tuple((kind, ts(due)) for kind, due in plan.followups),
                          state, number_key, inbound, tuple(replies), announce, self._late(case.user_key))
        case_id: int = await self._submit(case.user_key, write)
        self.committed_case(case_id)
        return case_id
