"""Group commit: every pending write of many callers goes in one SQLite transaction, run by the writer process
(turns and new cases) or by a thread of this one (any other write)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from db.retention import Purge
from db.sqlite.batch import KINDS, Op, Outcome, run_batch
from db.sqlite.pipe import Settle, WriterProcess

log = logging.getLogger(__name__)

MAX_BATCH = 2000
"""Upper bound of writes per transaction, so one huge burst does not delay its first callers for long."""


def _settle(futures: Sequence[asyncio.Future[Any]], outcomes: Sequence[Outcome]) -> None:
    for fut, (ok, value) in zip(futures, outcomes, strict=True):
        if fut.done():
            continue
        if ok:
            fut.set_result(value)
        else:
            fut.set_exception(value)


def _segments(batch: Sequence[Op]) -> list[tuple[bool, list[int]]]:
    """Split a batch, in order, into runs the writer process can take (bulk ops: plain data) and runs of
    other writes (functions of a connection: they run in this process's writer thread)."""
    out: list[tuple[bool, list[int]]] = []
    for i, op in enumerate(batch):
        remote = type(op) in _REMOTE
        if out and out[-1][0] == remote:
            out[-1][1].append(i)
        else:
            out.append((remote, [i]))
    return out


_REMOTE = frozenset(KINDS.values())


class Writer:
    """The single writer: callers ``submit`` an op and await it; a task hands everything pending as one
    batch. Bulk ops go to the writer process when there is one, at once: it writes whatever has arrived
    while its last transaction committed in the next one. Other writes run in the thread, once every batch
    sent before them has committed, so the order of submission holds and only one transaction is open at a
    time; there (and without a process) the next batch gathers while one commits."""

    def __init__(self, conn: sqlite3.Connection, executor: ThreadPoolExecutor, path: Path | None = None) -> None:
        self._conn = conn
        self._executor = executor
        self._path = path
        self._child: WriterProcess | None = None
        self._pending: list[tuple[Op, asyncio.Future[Any]]] = []
        self._wake = asyncio.Event()
        self._starting = asyncio.Lock()
        self._closing = False
        self._task = asyncio.get_running_loop().create_task(self._drain(), name="db-writer")
        self.batches = 0
        """Transactions committed so far (tests and the benchmark read it to see batching)."""

    @classmethod
    async def start(cls, conn: sqlite3.Connection, executor: ThreadPoolExecutor, path: Path | None) -> Writer:
        """With ``path``, turns and new cases are written by a writer process on that file."""
        writer = cls(conn, executor, path)
        if path is not None:
            writer._child = await WriterProcess.start(path, writer._committed)
        return writer

    @property
    def closing(self) -> bool:
        return self._closing

    @property
    def pid(self) -> int | None:
        return None if self._child is None else self._child.pid

    async def submit(self, op: Op) -> Any:
        if self._closing:
            raise RuntimeError("store is closed")
        fut: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending.append((op, fut))
        self._wake.set()
        return await fut

    async def _drain(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            while self._pending:
                batch, self._pending = self._pending[:MAX_BATCH], self._pending[MAX_BATCH:]
                ops = [op for op, _ in batch]
                for remote, index in _segments(ops) if self._path is not None else [(False, range(len(ops)))]:
                    part, futures = [ops[i] for i in index], [batch[i][1] for i in index]
                    if remote:
                        await self._send(part, partial(_settle, futures))
                        continue
                    if self._child is not None:
                        await self._child.settled()  # what was submitted earlier commits first
                    _settle(futures, await self._local(part))
                    self.batches += 1
            if self._closing:
                if self._child is not None:
                    await self._child.settled()
                return

    async def _local(self, ops: list[Op]) -> list[Outcome]:
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, run_batch, self._conn, ops)
        except Exception as exc:  # the executor itself failed: tell every caller of this batch
            log.exception("database writer failed")
            return [(False, exc)] * len(ops)

    async def _send(self, ops: list[Op], settle: Settle) -> None:
        """To the writer process, started (again) if it is not running; the answer settles the callers later,
        so the next batch can follow while this one commits."""
        try:
            child = await self._running_child()
            child.send(ops, settle)  # type: ignore[arg-type]
            await child.drain()
        except Exception as exc:
            log.exception("database writer process failed")
            if self._child is not None:  # killed and reaped, never left running; started again for the next batch
                child, self._child = self._child, None
                await child.kill()
            settle([(False, exc)] * len(ops))

    async def _running_child(self) -> WriterProcess:
        """The writer process, started again if it ended (the old one reaped); one start at a time, so the
        health check and a batch never both start one."""
        assert self._path is not None
        async with self._starting:
            if self._child is None or not self._child.alive:
                if self._child is not None:
                    old, self._child = self._child, None
                    await old.kill()
                log.warning("starting the database writer process")
                self._child = await WriterProcess.start(self._path, self._committed)
            return self._child

    async def purge(self, job: Purge) -> dict[str, Any]:
        """The writer process runs ``job`` between turn batches (db/sqlite/purge.py); its report once it is over."""
        report = (await self._running_child()).purged()
        await self.submit(job)  # in order with the writes before it; answered at once, the purge runs after
        return await report

    async def problem(self) -> str | None:
        """Why writes cannot go on, or None: the writer task ended, or the writer process is down and does not
        start again."""
        if self._task.done():
            return "database writer stopped"
        if self._path is not None:
            try:
                await self._running_child()
            except Exception as exc:
                return f"database writer process does not start: {exc!r}"
        return None

    def _committed(self) -> None:
        self.batches += 1

    async def close(self) -> None:
        """Finish every write already submitted, then stop."""
        self._closing = True
        self._wake.set()
        await self._task
        if self._child is not None:
            await self._child.close()
