"""PostgreSQL side of bench/growth.py: the grown database (kept as a template for A/B runs) and what turns wait on."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

from bench.engine import NOW
from bench.growth_data import fill_postgres

WAITS_SQL = (
    "SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') AS w FROM pg_stat_activity WHERE state = 'active'"
    " AND backend_type = 'client backend' AND datname = current_database() AND pid <> pg_backend_pid()")


async def on_postgres(args: argparse.Namespace, admin: str) -> dict[str, Any]:
    from bench.growth import measure
    from db.postgres.store import PostgresStore

    url, written, fill_s, settle_s = await (_copied(args, admin) if args.pg_data else _fresh(args, admin))
    try:
        store = await PostgresStore.open(url)
        if args.purge_rest >= 0:
            store.purge_rest = args.purge_rest
        try:
            if args.without_004:
                from bench.growth import _drop_004

                await _drop_004(store, True)
            async with waits(url, args.waits) as seen:
                got = await measure(store, args, True)
            return {"fill_s": fill_s, "settle_s": settle_s, "written": written, **got, "waits": seen}
        finally:
            await store.close()
    finally:
        if args.pg_data:  # the copy goes; the kept database stays for the next run
            await _drop(admin, url.rsplit("/", 1)[1])


async def _fresh(args: argparse.Namespace, admin: str) -> tuple[str, dict[str, int], float, float]:
    from bench.postgres import _database

    return await _fill_into(args, await _database(admin))


async def _copied(args: argparse.Namespace, admin: str) -> tuple[str, dict[str, int], float, float]:
    """A copy of the database ``--pg-data`` (generated there first when missing, its counts in its comment): runs of
    different code (A/B) start from the same rows, and the purge changes only the copy. The copy is a file copy of
    the kept database (CREATE DATABASE ... TEMPLATE, STRATEGY FILE_COPY), its statistics and vacuum included; the code
    under test applies its own migrations to it when it opens it. The copy's seconds are reported as the fill's."""
    import asyncpg

    kept = args.pg_data
    conn = await asyncpg.connect(admin)
    try:
        comment = await conn.fetchval("SELECT shobj_description(oid, 'pg_database') FROM pg_database"
                                      " WHERE datname = $1", kept)
        if comment is None:
            from bench.growth import step

            step(f"generating database {kept} once")
            await conn.execute(f'DROP DATABASE IF EXISTS "{kept}"')
            await conn.execute(f'CREATE DATABASE "{kept}"')
            url = admin.rsplit("/", 1)[0] + "/" + kept
            _, written, _, _ = await _fill_into(args, url)
            comment = json.dumps(written)
            await conn.execute(f"COMMENT ON DATABASE \"{kept}\" IS '{comment}'")
        name = f"growth_{uuid.uuid4().hex[:8]}"
        began = time.perf_counter()
        await conn.execute("CHECKPOINT")  # FILE_COPY copies the files as they are on disk
        await conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{kept}" STRATEGY FILE_COPY')
        return admin.rsplit("/", 1)[0] + "/" + name, dict(json.loads(comment)), time.perf_counter() - began, 0.0
    finally:
        await conn.close()


async def _fill_into(args: argparse.Namespace, url: str) -> tuple[str, dict[str, int], float, float]:
    """The schema (migrations included), the rows, and unless --no-vacuum what autovacuum makes of them (settle)."""
    from db.postgres.store import PostgresStore

    await (await PostgresStore.open(url)).close()
    began = time.perf_counter()
    written = await fill_postgres(url, args.cases, args.messages, NOW)
    fill_s = time.perf_counter() - began
    return url, written, fill_s, 0.0 if args.no_vacuum else await settle(url)


async def _drop(admin: str, name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(admin)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


async def settle(url: str) -> float:
    """VACUUM (FREEZE, ANALYZE) and a CHECKPOINT after the load: a database that grew over two years has had its rows
    vacuumed (visibility map, hint bits, frozen) long ago. Straight after COPY it has not: autovacuum starts on the
    ten million messages while the figures are taken, and every first read of a page sets its hint bits and dirties
    it. Returns the seconds it took."""
    import asyncpg

    began = time.perf_counter()
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("VACUUM (FREEZE, ANALYZE)")
        await conn.execute("CHECKPOINT")
    finally:
        await conn.close()
    return time.perf_counter() - began


@contextlib.asynccontextmanager
async def waits(url: str, every: float) -> AsyncIterator[Counter[str]]:
    """With ``every`` > 0: what the database's active client backends wait on, sampled every ``every`` seconds from
    pg_stat_activity (wait_event_type:wait_event; CPU when none), counted over the block."""
    seen: Counter[str] = Counter()
    if every <= 0:
        yield seen
        return
    import asyncpg

    conn = await asyncpg.connect(url)

    async def sample() -> None:
        import bench.growth

        last = None
        while True:
            seen.update(f"{bench.growth.PHASE}: {r['w']}" for r in await conn.fetch(WAITS_SQL))
            lsn = int(await conn.fetchval("SELECT pg_current_wal_lsn() - '0/0'"))
            seen[f"{bench.growth.PHASE}: WAL MB"] += 0 if last is None else round((lsn - last) / 1e6)
            last = lsn
            await asyncio.sleep(every)

    task = asyncio.create_task(sample())
    try:
        yield seen
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await conn.close()


def wait_lines(seen: Counter[str]) -> list[str]:
    """The most frequent waits of each step, with their share of that step's samples; the WAL written during it."""
    steps: Counter[str] = Counter()
    for key, n in seen.items():
        if not key.endswith("WAL MB"):
            steps[key.rsplit(": ", 1)[0]] += n
    out = []
    for key, n in sorted(seen.items(), key=lambda kv: (kv[0].rsplit(": ", 1)[0], -kv[1])):
        share = n / max(steps[key.rsplit(": ", 1)[0]], 1)
        if key.endswith("WAL MB"):
            out.append(f"  {key.replace('WAL MB', 'WAL written')}: {n:,} MB")
        elif share >= 0.01:
            out.append(f"  {key}: {n} ({share:.0%})")
    return out
