"""Figure 7: PostgreSQL. Raw asyncpg INSERT + COMMIT per turn, and the engine in one and two worker processes."""
# The ratio (engine / baseline) compares ceilings, as figure 2/3 does on SQLite: two workers with every parent sending
# back to back against one client inserting and committing back to back. Dividing the two workers' achieved rate at
# 3,000 offered by the raw rate capped it at 3,000 / raw: below 1.0 whenever raw passed 3,000/s, whatever the engine.

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.engine import NOW, SCRIPTS, TURNS_PER_PARENT, percentile, schedule
from bench.raw_sqlite import INBOUND, REPLIES, STATE
from bot.shell.gcpace import paced_gc
from bot.shell.loop import run as run_loop


@contextlib.contextmanager
def server() -> Iterator[str | None]:
    """DOLBOM_BENCH_DATABASE_URL, or a durable throwaway cluster (fsync on, PostgreSQL's defaults), or None."""
    given = os.environ.get("DOLBOM_BENCH_DATABASE_URL", "")
    if given:
        yield given
        return
    from tests.postgres_server import cluster

    try:
        with cluster(durable=True) as url:
            yield url
    except (OSError, RuntimeError, Exception) as exc:
        print(f"… no PostgreSQL for the bench: {exc}")
        yield None


async def _database(admin: str) -> str:
    from tests.postgres_server import fresh_database  # the bench already starts its server with the tests' helper

    return await fresh_database(admin)


async def raw_once(admin: str, turns: int = 3000) -> float:
    """Turns per second, one client: BEGIN, one INSERT, COMMIT (durable: synchronous_commit on)."""
    import asyncpg

    conn = await asyncpg.connect(await _database(admin))
    try:
        await conn.execute("CREATE TABLE turns (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_key TEXT,"
                           " inbound TEXT, replies TEXT, state TEXT, at TEXT)")
        began = time.perf_counter()
        for n in range(turns):
            async with conn.transaction():
                await conn.execute(
                    "INSERT INTO turns (user_key, inbound, replies, state, at) VALUES ($1, $2, $3, $4, $5)",
                    f"kakao:raw-{n % 2000}", INBOUND, REPLIES, STATE, "2026-11-24T05:00:00+00:00")
        return turns / (time.perf_counter() - began)
    finally:
        await conn.close()


async def _worker(url: str, first: int, parents: int, rate: float | None,
                  barrier: Any) -> tuple[list[float], float, float]:
    from bench.engine import _warm
    from bot.coordination.queue import Queue
    from bot.dialog.engine import Engine, FixedKnowledge
    from bot.settings import Settings
    from db.store import open_store
    from knowledge.coordinators import load as load_coordinators
    from knowledge.loader import load

    settings = Settings(database_url=url)
    store = await open_store(url, Path())
    try:
        queue = Queue(store, load_coordinators(), tz=settings.tz, clock=lambda: NOW)
        engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(load()), settings=settings,
                        clock=lambda: NOW)
        await engine.handle(_warm())
        await asyncio.to_thread(barrier.wait)  # every worker is up and warm: start together, shortly
        # the collector paced as `dolbom serve` paces it: without, CPython's own full collections stopped a
        # worker for 30-200 ms in the middle of a run (gc.callbacks, one worker at 3,000 turns/s)
        async with paced_gc():
            return await _storm(engine, first, parents, rate)
    finally:
        await store.close()


async def _storm(engine: Any, first: int, parents: int, rate: float | None) -> tuple[list[float], float, float]:
    from bench.engine import _parent

    loop = asyncio.get_running_loop()
    start_wall = time.time() + 0.3
    if rate is None:  # the ceiling: every parent sends back to back from the common start
        await asyncio.sleep(0.3)
        due: list[list[float]] | None = None
    else:
        due = schedule(parents, rate, loop.time() + 0.3)
    latencies: list[float] = []
    await asyncio.gather(*(_parent(engine, first + n, latencies, due[n] if due else None) for n in range(parents)))
    return latencies, start_wall, time.time()


def _work(url: str, first: int, parents: int, rate: float | None, barrier: Any, results: Any) -> None:
    results.put(run_loop(_worker(url, first, parents, rate, barrier)))


def engine_once(admin: str, workers: int, rate: float | None, parents: int) -> dict[str, float]:
    """``parents`` intakes split among ``workers`` processes, turns offered at ``rate`` per second in total (None:
    every parent sends its next message once answered, the ceiling); each parent's turns go to one worker. Achieved
    rate counts from the common start to the last answer."""
    url = run_loop(_database(admin))
    run_loop(_migrate(url))
    commits = run_loop(_commits(url))
    share = parents // workers
    ctx = multiprocessing.get_context("spawn")
    barrier, queue = ctx.Barrier(workers), ctx.Queue()
    each = None if rate is None else rate / workers
    procs = [ctx.Process(target=_work, args=(url, w * share * len(SCRIPTS), share, each, barrier, queue))
             for w in range(workers)]
    for proc in procs:
        proc.start()
    results = [queue.get() for _ in procs]
    for proc in procs:
        proc.join()
    seconds = max(end for _, _, end in results) - min(start for _, start, _ in results)
    latencies = [x for lat, _, _ in results for x in lat]
    cases = run_loop(_count(url))
    commits = run_loop(_commits(url)) - commits
    return {"achieved": len(latencies) / seconds, "p50": percentile(latencies, 0.5) * 1000,
            "p99": percentile(latencies, 0.99) * 1000, "cases": cases, "parents": share * workers,
            "per_commit": len(latencies) / max(commits, 1)}


async def _migrate(url: str) -> None:
    from db.postgres.store import PostgresStore

    await (await PostgresStore.open(url)).close()


async def _commits(url: str) -> int:
    """Transactions committed in the database so far (the workers' group commit puts several turns in one;
    counted once the workers' connections have closed, which reports their counts)."""
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"))
    finally:
        await conn.close()


async def _count(url: str) -> int:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT count(*) FROM cases WHERE user_key LIKE 'kakao:bench-%'"))
    finally:
        await conn.close()


def measure(runs: int = 3, parents: int = 600, ceiling_parents: int = 2000) -> dict[str, list[float]]:
    """Per run: raw, then the two workers' ceiling with ``ceiling_parents`` at once (as many as figure 2 on SQLite:
    600 back to back were over in half a second), then one and two workers at 1,000 and 3,000 offered."""
    out: dict[str, list[float]] = {}
    with server() as admin:
        if admin is None:
            return out
        for _ in range(runs):
            # the ratio's two sides back to back in each run, so both see the same machine load
            out.setdefault("raw", []).append(run_loop(raw_once(admin)))
            got = engine_once(admin, 2, None, ceiling_parents)
            for key, value in got.items():
                out.setdefault(f"2w_ceiling_{key}", []).append(value)
            for workers in (1, 2):
                for rate in (1000.0, 3000.0):
                    got = engine_once(admin, workers, rate, parents)
                    for key, value in got.items():
                        out.setdefault(f"{workers}w_{rate:.0f}_{key}", []).append(value)
    return out


def main() -> None:
    for key, values in measure(runs=1).items():
        print(f"{key}: {values[0]:,.1f}")
    print(f"({TURNS_PER_PARENT:.1f} turns per intake)")


if __name__ == "__main__":
    main()
