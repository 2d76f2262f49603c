"""SQLite's writer process with timers for bench/growth.py (bench only): what held the writer during the purge."""

# Run as the writer process (``python -m bench.growth_trace PATH``, DOLBOM_BENCH_WRITER_TRACE naming the JSON file it
# writes when it ends); ``traced`` makes the store start it instead of db.sqlite.process. DOLBOM_BENCH_PURGE_<NAME>
# overrides a setting of db/sqlite/purge.py or copier.py for an A/B run; DOLBOM_BENCH_KEEP_TRACE keeps the raw timings.

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ENV = "DOLBOM_BENCH_WRITER_TRACE"
SLOW = 0.05
"""A writer transaction or copy longer than this counts as a stall (seconds)."""
EVENTS: list[tuple[float, float, str]] = []
"""(start, seconds, kind): kind 'turns' (a batch of turns and new cases), 'purge' (one purge transaction), 'restart'
(the writer's own copy before the WAL starts over), 'free' (the WAL
started over with nothing copied by the writer), 'truncate' (the final copy and cut), 'copier' (a pass of the
purge's copier thread: it holds no lock turns need), 'hurried' (the same pass, made while the purge waited for the
copier), 'idle' (such a pass that copied no frame), 'hurry' (a stretch of the purge waiting for the copier)."""


class TimedLock:
    """The copier's ``idle`` lock, timing each hold by the copier thread (one pass), and whether that pass was hurried
    and copied anything."""

    def __init__(self, copier: Any) -> None:
        self.lock = threading.Lock()
        self.copier = copier
        self.since = 0.0
        self.hurried = False
        self.synced = 0

    def acquire(self, blocking: bool = True) -> bool:
        got = self.lock.acquire(blocking)
        if got:
            self.since = time.monotonic()
            self.hurried, self.synced = self.copier.hurry.is_set(), self.copier.synced
        return got

    def release(self) -> None:
        if threading.current_thread().name == "purge-copier":
            took = time.monotonic() - self.since
            EVENTS.append((self.since, took, "copier"))
            if self.hurried and not self.copier.stopping:
                EVENTS.append((self.since, took, "hurried"))
                if self.copier.synced == self.synced:  # SQLite's count of copied frames did not move
                    EVENTS.append((self.since, took, "idle"))
        self.lock.release()

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


class TimedHurry(threading.Event):
    """The copier's ``hurry`` event, timing each stretch it stays set (the purge waiting for the copier)."""

    def __init__(self) -> None:
        super().__init__()
        self.since = 0.0

    def set(self) -> None:
        if not self.is_set():
            self.since = time.monotonic()
        super().set()

    def clear(self) -> None:
        if self.is_set():
            EVENTS.append((self.since, time.monotonic() - self.since, "hurry"))
        super().clear()


def install() -> None:
    """Wrap the writer process's batch and the purge's steps with timers."""
    from db.sqlite import copier, process, purge

    run_batch, step, truncate = process.run_batch, purge.Purging.step, purge.Purging.truncate
    init = purge.Copier.__init__

    def timed_batch(conn: Any, ops: Any) -> Any:
        began = time.monotonic()
        try:
            return run_batch(conn, ops)
        finally:
            if ops:
                EVENTS.append((began, time.monotonic() - began, "turns"))

    def timed_step(self: Any, conn: Any) -> Any:
        restarts, cursor, began = self.restarts, self.cursor, time.monotonic()
        free = getattr(self, "restarts_free", 0)
        try:
            return step(self, conn)
        finally:
            took = time.monotonic() - began
            kind = ("restart" if self.restarts != restarts else "purge" if self.cursor is not cursor
                    else "free" if getattr(self, "restarts_free", 0) != free else "")
            if kind:
                EVENTS.append((began, took, kind))

    def timed_truncate(self: Any, conn: Any) -> Any:
        began, tried = time.monotonic(), self.truncate_seconds
        try:
            return truncate(self, conn)
        finally:
            if self.truncate_seconds != tried:  # it did try (else it waited for the copier)
                EVENTS.append((began, time.monotonic() - began, "truncate"))

    def timed_init(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self.idle, self.hurry = TimedLock(self), TimedHurry()

    for name, value in os.environ.items():  # DOLBOM_BENCH_PURGE_RESTART_BYTES=67108864: A/B of a setting
        if name.startswith("DOLBOM_BENCH_PURGE_"):
            setting = name.removeprefix("DOLBOM_BENCH_PURGE_")
            module = purge if hasattr(purge, setting) else copier
            setattr(module, setting, type(getattr(module, setting))(value))
    process.run_batch = timed_batch
    purge.Purging.step = timed_step
    purge.Purging.truncate = timed_truncate
    purge.Copier.__init__ = timed_init


@contextlib.contextmanager
def traced(trace: Path) -> Iterator[None]:
    """Stores opened inside start this module as their writer process, which writes its timings to ``trace``."""
    from db.sqlite import pipe

    spawn = pipe.spawn

    async def traced_spawn(module: str, *args: str, **kwargs: Any) -> Any:
        return await spawn("bench.growth_trace" if module == "db.sqlite.process" else module, *args, **kwargs)

    os.environ[ENV] = str(trace)
    pipe.spawn = traced_spawn
    try:
        yield
    finally:
        pipe.spawn = spawn
        os.environ.pop(ENV, None)


def summary(trace: Path) -> dict[str, Any]:
    """Per kind: count, p50, p99, max and the count over SLOW (ms), for the span of the purge (first to last purge
    step), and the longest stretch the writer was busy with anything other than turns."""
    if not trace.exists():
        return {}
    if keep := os.environ.get("DOLBOM_BENCH_KEEP_TRACE"):  # the raw timings, to look at them over time
        Path(keep).write_text(trace.read_text())
    events = [tuple(e) for e in json.loads(trace.read_text())]
    purge = [e for e in events if e[2] in ("purge", "restart", "truncate")]
    if not purge:
        return {}
    start, end = min(e[0] for e in purge), max(e[0] + e[1] for e in purge)
    out: dict[str, Any] = {}
    for kind in ("turns", "purge", "restart", "free", "truncate", "copier", "hurried", "idle", "hurry"):
        took = sorted(e[1] * 1000 for e in events if e[2] == kind and start <= e[0] <= end)
        if took:
            out[kind] = {"n": len(took), "p50": took[len(took) // 2], "p99": took[min(len(took) - 1,
                         int(len(took) * 0.99))], "max": took[-1], "slow": sum(t > SLOW * 1000 for t in took)}
    out["slow"] = sum(e[1] > SLOW for e in events if e[2] in ("turns", "purge", "restart", "free", "truncate")
                      and start <= e[0] <= end)
    hurry = [e for e in events if e[2] == "hurry" and start <= e[0] <= end]
    out["hurry_s"] = sum(e[1] for e in hurry)
    return out


def main(argv: list[str]) -> None:
    from db.sqlite import process

    install()
    try:
        process.main(argv)
    finally:
        Path(os.environ[ENV]).write_text(json.dumps(EVENTS))


if __name__ == "__main__":
    main(sys.argv)
