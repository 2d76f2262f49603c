"""Data growth (`make bench-growth`): a million cases and ten million messages, on SQLite and PostgreSQL.

A parent's turn at 1,000 turns/s offered, the coordinators' queue queries (the console's views and `dolbom queue`),
a year's report, and the retention purge of 100,000 cases with turns offered meanwhile; with --plans, the query
plans of the queries that grow with the data. Run alone: ``python -m bench.growth [--cases N --messages M]``."""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

from bench.engine import NOW, SCRIPTS, _parent, _warm, schedule
from bench.growth_data import purge_days
from bot.shell.loop import run as run_loop

VIEWS = ["unclaimed", "mine", "urgent", "overdue", "followup", "closed", "all"]
PEOPLE = ("가족여성팀", "이담당")
"""The control tower (every case) and one service's coordinator (daycare-365)."""
PHASE = ""
WAIT_LINES: list[str] = []
"""The step running (bench/growth_pg.py's wait samples are counted by it)."""
DROPPED = ("cases_purge_due", "outbox_case", "conversations_updated")
"""Migration 004's indexes (outbox_case: SQLite's), dropped by --without-004 to see the plans and figures before."""


class Bench:
    """The engine and queue of the bot on a store, with the measurements."""

    def __init__(self, store: Any, retention_days: int, purge_chunk: int | None) -> None:
        from bot.coordination.queue import Queue
        from bot.dialog.engine import Engine, FixedKnowledge
        from bot.settings import Settings
        from knowledge.coordinators import load as load_coordinators
        from knowledge.loader import load

        settings = Settings()
        self.store, self.tz = store, settings.tz
        self.coordinators = load_coordinators()
        self.queue = Queue(store, self.coordinators, tz=settings.tz, clock=lambda: NOW, retention_days=retention_days,
                           purge_chunk=purge_chunk or None)
        self.engine = Engine(store=store, queue=self.queue, knowledge=FixedKnowledge(load()), settings=settings,
                             clock=lambda: NOW)
        self.first = 0
        self.truncate_s = 0.0

    async def turns(self, parents: int, rate: float = 1000.0) -> list[float]:
        """``parents`` new intakes with their turns offered at ``rate`` per second; latencies in seconds."""
        loop = asyncio.get_running_loop()
        due = schedule(parents, rate, loop.time() + 0.05)
        latencies: list[float] = []
        first, self.first = self.first, self.first + parents * len(SCRIPTS)
        await asyncio.gather(*(_parent(self.engine, first + n * len(SCRIPTS) + n % len(SCRIPTS), latencies, due[n])
                               for n in range(parents)))
        return latencies

    async def queue_times(self, repeat: int) -> dict[str, list[float]]:
        """Seconds per query: each console view for both people, and `dolbom queue`'s (Queue.open_cases)."""
        from bot.console.views import Filter, queue_rows

        out: dict[str, list[float]] = {}
        for name in PEOPLE:
            who = self.coordinators.named(name)
            for view in VIEWS:
                out[f"console {view} ({name})"] = [await timed(lambda v=view, w=who: queue_rows(
                    self.store, w, Filter(view=v), NOW)) for _ in range(repeat)]
            out[f"dolbom queue ({name})"] = [await timed(lambda n=name: self.cli_page(n)) for _ in range(repeat)]
        # the query alone, without making a CaseRow of each open case
        out["dolbom queue's SQL alone"] = [await timed(lambda: self.store.fetch(
            "SELECT * FROM cases WHERE status IN ('new', 'claimed', 'contacted') ORDER BY danger DESC, urgent DESC,"
            " id")) for _ in range(repeat)]
        return out

    async def cli_page(self, name: str) -> None:
        """What `dolbom queue` reads: a page of open cases, one more to know if there are more, and then the count."""
        from bot.coordination.command import PAGE

        if len(await self.queue.open_cases(name, limit=PAGE + 1)) > PAGE:
            await self.queue.open_count(name)

    async def report(self) -> float:
        from bot.reports.report import build_report

        end = NOW.astimezone(self.tz).date() - timedelta(days=1)
        return await timed(lambda: build_report(self.store, None, end - timedelta(days=364), end, self.tz, now=NOW))

    async def purge(self, parents: int = 300) -> tuple[float, int, list[float]]:
        """The purge, with turns offered at 1,000/s from its start to its end: (seconds, cases, latencies)."""
        task = asyncio.create_task(self._purge())
        latencies: list[float] = []
        while not task.done():
            latencies += await self.turns(parents)
        seconds, count = await task
        return seconds, count, latencies

    async def _purge(self) -> tuple[float, int]:
        if hasattr(type(self.store), "purge"):  # the store runs the purge and reports its final truncation
            purge = self.store.purge

            async def reported(job: Any) -> Any:
                done = await purge(job)
                self.truncate_s = done.truncate_seconds
                return done

            self.store.purge = reported
        else:  # code before Store.purge (A/B runs on a checkout of it): time the truncation it calls
            truncate = self.store.truncate_wal

            async def timed_truncate() -> bool:
                began = time.perf_counter()
                try:
                    return await truncate()
                finally:
                    self.truncate_s = time.perf_counter() - began

            self.store.truncate_wal = timed_truncate
        began = time.perf_counter()
        try:
            count = await self.queue.purge_expired()
        finally:
            vars(self.store).pop("purge", None)
            vars(self.store).pop("truncate_wal", None)
        return time.perf_counter() - began, count


async def timed(call: Callable[[], Awaitable[Any]]) -> float:
    began = time.perf_counter()
    await call()
    return time.perf_counter() - began


PLANS = {
    "purge: due cases": "SELECT id FROM cases WHERE purged_at IS NULL AND COALESCE(closed_at, resolved_at) <= ?"
                        " AND status || '' IN ('resolved', 'closed') LIMIT 500",
    "purge: cases' outbox": "UPDATE outbox SET payload = '{}' WHERE case_id IN (?, ?) AND payload <> '{}'",
    "purge: old messages": "SELECT id FROM messages WHERE at <= ? LIMIT 5000",
    "purge: old messages' delete": "DELETE FROM messages WHERE id IN (?, ?, ?)",
    "purge: idle conversations": "SELECT user_key FROM conversations WHERE updated_at <= ? LIMIT 5000",
    "dolbom queue": "SELECT * FROM cases WHERE status IN ('new', 'claimed', 'contacted')"
                    " ORDER BY danger DESC, urgent DESC, id",
    "console closed (one service)": "SELECT id FROM cases WHERE service_id IN (?) AND status NOT IN"
                                    " ('new', 'claimed', 'contacted') ORDER BY id DESC LIMIT 101",
    "console overdue (control tower)": "SELECT id FROM cases WHERE 1 = 1 AND status IN ('new', 'claimed', 'contacted')"
                                       " AND (escalated = 1 OR EXISTS (SELECT 1 FROM followups f WHERE"
                                       " f.case_id = cases.id AND f.cancelled_at IS NULL AND f.due_at <= ? AND"
                                       " ((f.kind = 'unclaimed' AND status = 'new') OR (f.kind = 'not_contacted'"
                                       " AND status = 'claimed') OR f.kind = 'console'))) ORDER BY danger DESC,"
                                       " urgent DESC, id LIMIT 101",
    "report: cases": "SELECT id FROM cases WHERE created_at >= ? AND created_at < ? ORDER BY id",
    "report: events": "SELECT case_id, at, kind FROM events WHERE case_id >= ? AND case_id <= ?"
                      " AND kind IN ('claimed', 'resolved', 'closed', 'reopened') ORDER BY case_id, id",
}


async def plans(store: Any, postgres: bool) -> list[str]:
    """EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL; UPDATE and DELETE not run) of the queries above."""
    cutoff, year = "2025-02-01T00:00:00.000000+00:00", "2025-11-24T00:00:00.000000+00:00"
    window = (year, "2026-11-24T00:00:00.000000+00:00")
    args = {"purge: due cases": (cutoff,), "purge: cases' outbox": (5, 6), "purge: old messages": (cutoff,),
            "purge: old messages' delete": (1, 2, 3), "purge: idle conversations": (cutoff,), "dolbom queue": (),
            "report: cases": window, "report: events": (500_000, 1_000_000),
            "console closed (one service)": ("daycare-365",),
            "console overdue (control tower)": ("2026-11-24T05:00:00.000000+00:00",)}
    out = []
    for name, sql in PLANS.items():
        rows = await store.fetch(("EXPLAIN " if postgres else "EXPLAIN QUERY PLAN ") + sql, args[name])
        out.append(f"  {name}: " + " | ".join(str(r[0] if postgres else r[3]).strip() for r in rows))
    return out


async def measure(store: Any, args: argparse.Namespace, postgres: bool) -> dict[str, Any]:
    from bot.shell.gcpace import paced_gc

    async with paced_gc():  # as `dolbom serve` runs
        return await _measure(store, args, postgres)


async def _measure(store: Any, args: argparse.Namespace, postgres: bool) -> dict[str, Any]:
    bench = Bench(store, purge_days(args.cases, args.purge), args.purge_chunk)
    await bench.engine.handle(_warm())
    out: dict[str, Any] = {"plans": await plans(store, postgres) if args.plans else []}
    out["queue"], out["turn"], out["report"] = {}, [], None
    if not args.purge_only:
        step("queue queries")  # first: the turns' intakes would add hundreds of open cases
        out["queue"] = await bench.queue_times(args.repeat)
        step("turns at 1,000/s")
        out["turn"] = await bench.turns(args.parents)
        step("a year's report")
        out["report"] = await bench.report()
    due = await store.fetch("SELECT count(*) FROM cases WHERE purged_at IS NULL AND status IN ('resolved', 'closed')"
                            " AND COALESCE(closed_at, resolved_at) <= ?", (_cutoff(bench),))
    step(f"purge ({due[0][0]:,} cases due)")
    out["purge_s"], out["purged"], out["purge_turn"] = await bench.purge()
    out["truncate_s"] = bench.truncate_s
    return out


def _cutoff(bench: Bench) -> str:
    return (NOW - timedelta(days=bench.queue.retention_days)).astimezone(UTC).isoformat(timespec="microseconds")


def step(text: str) -> None:
    global PHASE
    PHASE = text.split(" (")[0]
    print(f"… {text}", file=sys.stderr, flush=True)


async def _drop_004(store: Any, postgres: bool) -> None:
    def drop(conn: Any) -> None:
        for name in DROPPED:
            conn.execute(f"DROP INDEX IF EXISTS {name}")

    await store.write(drop)
    if postgres:
        await store.fetch("ANALYZE")


def main(argv: Sequence[str] | None = None) -> int:
    import os

    from bench.__main__ import render
    from bench.engine import cpu_speed
    from bench.growth_rows import PLAN_LINES, rows

    parser = argparse.ArgumentParser(prog="python -m bench.growth", description=__doc__)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--messages", type=int, default=10_000_000)
    parser.add_argument("--purge", type=int, default=0, help="cases the purge finds due (default: a tenth)")
    parser.add_argument("--purge-chunk", type=int, default=0, help="cases per purge transaction (default: the bot's)")
    parser.add_argument("--parents", type=int, default=600, help="intakes of the paced turn run")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each queue query")
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--plans", action="store_true", help="print the query plans of the growing queries")
    parser.add_argument("--data", default="", help="SQLite: keep the generated database in this file and start each"
                        " run from a copy of it (generated there when missing; --cases/--messages must match)")
    parser.add_argument("--pg-data", default="", help="PostgreSQL (with DOLBOM_BENCH_DATABASE_URL): keep the generated"
                        " database under this name and start each run from a copy of it (generated when missing)")
    parser.add_argument("--no-vacuum", action="store_true", help="PostgreSQL: measure straight after the load, while"
                        " autovacuum catches up (by default VACUUM (FREEZE, ANALYZE) and CHECKPOINT first, as"
                        " autovacuum has long done to a database that grew over two years)")
    parser.add_argument("--waits", type=float, default=0.0, help="PostgreSQL: sample what the turns' backends wait"
                        " on every this many seconds (pg_stat_activity) and print the counts per step")
    parser.add_argument("--purge-rest", type=float, default=-1.0, help="PostgreSQL: the purge's rest after each"
                        " transaction, per second it took (default: the store's)")
    parser.add_argument("--purge-only", action="store_true", help="skip the queue queries, turns and report")
    parser.add_argument("--without-004", action="store_true", help="drop migration 004's indexes first")
    args = parser.parse_args(argv)
    args.purge = args.purge or args.cases // 10
    began, speed = time.perf_counter(), cpu_speed()
    out: list[Any] = []
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory(prefix="dolbom-growth-") as tmp:  # under /tmp, deleted after
            step(f"SQLite: {args.cases:,} cases, {args.messages:,} messages")
            from bench.growth_sqlite import on_sqlite

            out += rows("SQLite", run_loop(on_sqlite(args, Path(tmp))), True)
    if args.backend in ("postgres", "both"):
        from bench.postgres import server

        with server() as admin:
            if admin is None:
                from bench.__main__ import row

                out.append(row("PostgreSQL: no server (set DOLBOM_BENCH_DATABASE_URL)", []))
            else:
                step(f"PostgreSQL: {args.cases:,} cases, {args.messages:,} messages")
                from bench.growth_pg import on_postgres, wait_lines

                got = run_loop(on_postgres(args, admin))
                out += rows("PostgreSQL", got, False)
                WAIT_LINES.extend(wait_lines(got["waits"]))
    load = os.getloadavg()
    print(render(out, f"돌봄이음 bench-growth: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} "
                      f"{load[2]:.1f} at the end; {time.perf_counter() - began:.0f} s; core speed {speed:.1f} "
                      f"at the start, {cpu_speed():.1f} at the end (M loop iterations/s)"
                      f"{'; without migration 004' if args.without_004 else ''}"))
    if PLAN_LINES:
        print("\nquery plans\n" + "\n".join(PLAN_LINES))
    if WAIT_LINES:
        print("\nPostgreSQL: what the active backends waited on (samples, per step)\n" + "\n".join(WAIT_LINES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
