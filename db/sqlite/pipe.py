"""The writer and checkpoint processes seen from the event loop: started, fed, answered, restarted, reaped."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from db.sqlite.batch import CaseWrite, Outcome, Turn
from db.sqlite.process import encode_each, frame, outcomes

log = logging.getLogger(__name__)

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
        self._purged: asyncio.Future[dict[str, Any]] | None = None

    @classmethod
    async def start(cls, path: Path, committed: Callable[[], None] = lambda: None) -> WriterProcess:
        """``committed`` is called once per transaction the process commits."""
        child = cls(await spawn("db.sqlite.process", str(path)), committed)
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

    def purged(self) -> asyncio.Future[dict[str, Any]]:
        """The report of the purge this process was (or is about to be) given: it comes when the purge is over,
        or WriterLost if the process ends first (each of its transactions that committed stays)."""
        if self._purged is None or self._purged.done():
            self._purged = asyncio.get_running_loop().create_future()
            if not self.alive:
                self._purged.set_exception(self._lost())
        return self._purged

    async def _read_answers(self) -> None:
        try:
            while True:
                answer = orjson.loads(await self._read())
                if isinstance(answer, dict):  # a purge is over (db/sqlite/purge.py)
                    if self._purged is not None and not self._purged.done():
                        self._purged.set_result(answer["purged"])
                    continue
                groups = outcomes(answer)
                self._committed()
                for got in groups:
                    _, settle = self._waiting.popleft()
                    settle(got)
                if not self._waiting:
                    self._idle.set()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            lost = self._lost()
            if self._purged is not None and not self._purged.done():
                self._purged.set_exception(lost)
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
            self._proc = await spawn("db.sqlite.checkpoint", *self._args, stdout=None)
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


async def spawn(module: str, *args: str, stdout: int | None = asyncio.subprocess.PIPE) -> asyncio.subprocess.Process:
    """Start ``python -m module args`` from this checkout, in its own session (a Ctrl-C meant for the bot does
    not cut its work short: it ends when its stdin closes, which also happens when the bot's process dies)."""
    root = str(Path(__file__).resolve().parent.parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH"))))}
    return await asyncio.create_subprocess_exec(sys.executable, "-m", module, *args, stdin=asyncio.subprocess.PIPE,
                                                stdout=stdout, env=env, start_new_session=True)
