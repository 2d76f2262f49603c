"""Group commit: every pending write of many callers goes in one SQLite transaction, run by the writer process
(turns and new cases) or by a thread of this one (any other write)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from db.sqlite.batch import KINDS, CaseWrite, Op, Outcome, Turn, run_batch
from db.sqlite.process import decode_outcomes, encode_each, frame

log = logging.getLogger(__name__)

MAX_BATCH = 2000
"""Upper bound of writes per transaction, so one huge burst does not delay its first callers for long."""
CHECKPOINT_SECONDS = 0.5
Settle = Callable[[Sequence[Outcome]], None]
"""Takes one batch's outcomes, in the order of its ops."""



class WriterLost(sqlite3.OperationalError):
    """The writer process ended with a batch in hand: whether that batch committed is not known."""


class WriterProcess:
    """The writer process (``python -m db.sqlite.process``) seen from the event loop. ``send`` puts a batch down its
    stdin as one frame at once, without waiting for earlier batches; the answers come back in order, each
    handed to its batch's ``settle`` by a task that reads them. SQLite's work and the writes' Python run
    there, on the second core, instead of competing with the event loop for this process's GIL."""

    def __init__(self, proc: asyncio.subprocess.Process, committed: Callable[[], None]) -> None:
        self._proc = proc
        self._committed = committed
        self._waiting: deque[tuple[int, Settle]] = deque()
        self._idle = asyncio.Event()
        self._idle.set()
        self._answers: asyncio.Task[None] | None = None

    @classmethod
    async def start(cls, path: Path, committed: Callable[[], None] = lambda: None) -> WriterProcess:
        """``committed`` is called once per transaction the process commits."""
        child = cls(await _spawn("db.sqlite.process", str(path)), committed)
        try:
            ready = await child._read()
        except (ConnectionError, asyncio.IncompleteReadError):
            ready = b""
        if ready != b"ready":
            await child.kill()  # reaped, not left behind
            raise WriterLost("the writer process did not start")
        child._answers = asyncio.get_running_loop().create_task(child._read_answers(), name="db-writer-answers")
        return child

    @property
    def pid(self) -> int:
        return self._proc.pid

    @property
    def alive(self) -> bool:
        return self._proc.returncode is None and self._answers is not None and not self._answers.done()

    def send(self, ops: Sequence[Turn | CaseWrite], settle: Settle) -> None:
        """Send ``ops`` now; ``settle`` gets their outcomes once committed, or WriterLost for each if the
        process ends first (committed or not: nobody can tell)."""
        assert self._proc.stdin is not None
        if not self.alive:
            settle([(False, self._lost())] * len(ops))
            return
        payload, errors = encode_each(ops)
        if errors:
            log.warning("%d of %d writes could not be encoded; they fail alone", len(errors), len(ops))
            settle = partial(_merge, len(ops), errors, settle)
            if len(errors) == len(ops):
                settle([])
                return
        self._waiting.append((len(ops) - len(errors), settle))
        self._idle.clear()
        self._proc.stdin.write(frame(payload))

    async def drain(self) -> None:
        """Wait while the pipe is full (the process is behind): the next batch grows meanwhile. A broken
        pipe is left to the answer reader, which fails whatever is waiting."""
        assert self._proc.stdin is not None
        with contextlib.suppress(ConnectionError):
            await self._proc.stdin.drain()

    async def settled(self) -> None:
        """Every batch sent so far has its outcomes."""
        await self._idle.wait()

    async def _read_answers(self) -> None:
        try:
            while True:
                groups = decode_outcomes(await self._read())
                self._committed()
                for outcomes in groups:
                    _, settle = self._waiting.popleft()
                    settle(outcomes)
                if not self._waiting:
                    self._idle.set()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            lost = self._lost()
            while self._waiting:
                size, settle = self._waiting.popleft()
                settle([(False, lost)] * size)
            self._idle.set()

    def _lost(self) -> WriterLost:
        return WriterLost(f"the writer process ended ({self._proc.returncode})")

    async def _read(self) -> bytes:
        assert self._proc.stdout is not None
        try:
            head = await self._proc.stdout.readexactly(4)
            return await self._proc.stdout.readexactly(int.from_bytes(head, "big"))
        except asyncio.IncompleteReadError:
            await self._proc.wait()
            raise

    async def kill(self) -> None:
        """End a process that is no longer trusted (its pipe failed) and reap it: never an orphan left running."""
        with contextlib.suppress(ProcessLookupError):
            self._proc.kill()
        await self.close()

    async def close(self) -> None:
        """Let the process finish what it was sent and end (it ends when its stdin closes)."""
        if self._proc.stdin is not None and not self._proc.stdin.is_closing():
            self._proc.stdin.close()
        await self._proc.wait()
        if self._answers is not None:
            await self._answers


def _merge(size: int, errors: dict[int, Exception], settle: Settle, sent: Sequence[Outcome]) -> None:
    """Outcomes of the ops that went to the process, with the encoding errors of the others in their places."""
    rest = iter(sent)
    settle([(False, errors[i]) if i in errors else next(rest) for i in range(size)])


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


class Checkpointer:
    """Keeps the checkpoint process (db/sqlite/checkpoint.py) running for the store's file, starting it again if it
    ends. SQLite's automatic checkpoint runs inside whichever COMMIT crosses 1000 WAL pages, and that commit's
    callers wait for it: measured, it was the whole p99 of a turn (7 ms instead of 1 ms at 5,000 turns/s)."""

    def __init__(self, path: Path, seconds: float = CHECKPOINT_SECONDS) -> None:
        self._args = (str(path), str(seconds))
        self._seconds = seconds
        self._proc: asyncio.subprocess.Process | None = None
        self._closing = False
        self._task = asyncio.get_running_loop().create_task(self._run(), name="db-checkpoint")

    async def _run(self) -> None:
        while not self._closing:
            self._proc = await _spawn("db.sqlite.checkpoint", *self._args, stdout=None)
            code = await self._proc.wait()
            if not self._closing:
                log.warning("the WAL checkpoint process ended (%s); starting it again", code)
                await asyncio.sleep(self._seconds)

    @property
    def pid(self) -> int | None:
        return None if self._proc is None else self._proc.pid

    async def close(self) -> None:
        """Stop it after a last pass (it ends when its stdin closes)."""
        self._closing = True
        while self._proc is None and not self._task.done():
            await asyncio.sleep(0.01)
        if self._proc is not None and self._proc.stdin is not None:
            self._proc.stdin.close()
        await self._task


async def _spawn(module: str, *args: str, stdout: int | None = asyncio.subprocess.PIPE) -> asyncio.subprocess.Process:
    """Start ``python -m module args`` from this checkout, in its own session (a Ctrl-C meant for the bot does
    not cut its work short: it ends when its stdin closes, which also happens when the bot's process dies)."""
    root = str(Path(__file__).resolve().parent.parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH"))))}
    return await asyncio.create_subprocess_exec(sys.executable, "-m", module, *args, stdin=asyncio.subprocess.PIPE,
                                                stdout=stdout, env=env, start_new_session=True)
