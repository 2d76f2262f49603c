"""Figure 2: many parents at once, each a whole intake through the real engine on a real SQLite file."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.shell.gcpace import YOUNG_SECONDS, paced_gc
from bot.shell.loop import run as run_loop

NOW = datetime(2026, 11, 24, 14, 0, tzinfo=ZoneInfo("Asia/Seoul"))
"""A Tuesday afternoon: coordinators are in, so replies take the daytime path."""

# Whole intakes as parents type them: (text, choice) per turn; a choice is a tapped button.
SCRIPTS: tuple[tuple[tuple[str, str | None], ...], ...] = (
    (("안녕하세요", None), ("3~5살", "4살"), ("내일", "내일"), ("저녁 (18시~22시)", "오후 6시부터 밤 10시까지"),
     ("율곡동", None), ("동의하고 접수", "동의"), ("채팅으로 받기", "채팅으로 받기"), ("네, 접수할게요", "네")),
    (("18개월 아기 내일 오전 9시부터 오후 6시까지요", None), ("대곡동이에요", None), ("동의하고 접수", "동의"),
     ("010-1234-5678", None), ("네, 접수할게요", "네")),
    (("초2 아이 토요일 낮에 돌봄 필요해요", None), ("오전 9시부터 오후 3시까지", None), ("아포읍", None),
     ("동의하고 접수", "동의"), ("채팅으로 받기", "채팅으로 받기"), ("네, 접수할게요", "네")),
    (("안녕하세요 돌봄 문의드려요", None), ("7살, 4살 두 아이요", None), ("오늘 저녁 5시부터 8시까지", None),
     ("평화동", None), ("동의하고 접수", "동의"), ("010-9876-5432", None), ("네, 접수할게요", "네")),
)
TURNS_PER_PARENT = statistics.mean(len(s) for s in SCRIPTS)


@dataclass(frozen=True, slots=True)
class Run:
    turns: int
    seconds: float
    latencies: list[float]
    cases: int
    batches: int

    @property
    def rate(self) -> float:
        return self.turns / self.seconds


async def _open(path: Path, process: bool = True) -> tuple[Any, Any]:
    from bot.coordination.queue import Queue
    from bot.dialog.engine import Engine, FixedKnowledge
    from bot.settings import Settings
    from db.sqlite.store import SQLiteStore as Store
    from knowledge.coordinators import load as load_coordinators
    from knowledge.loader import load

    settings = Settings(db_path=path)
    store = await Store.open(path, process=process)
    queue = Queue(store, load_coordinators(), tz=settings.tz, clock=lambda: NOW)
    engine = Engine(store=store, queue=queue, knowledge=FixedKnowledge(load()), settings=settings, clock=lambda: NOW)
    return engine, store


async def _parent(engine: Any, n: int, latencies: list[float], due: Sequence[float] | None) -> None:
    """One parent's intake. With ``due`` (loop times, one per turn) the turns are sent on that schedule and
    latency counts from the scheduled moment, so a stalled engine cannot hide its queue by delaying the next
    message (coordinated omission)."""
    from bot.dialog.core import Address, Channel, Inbound

    address = Address(Channel.KAKAO, f"bench-{n}")
    loop = asyncio.get_running_loop()
    for i, (text, choice) in enumerate(SCRIPTS[n % len(SCRIPTS)]):
        if due is None:
            began = time.perf_counter()
        else:
            if (delay := due[i] - loop.time()) > 0:
                await asyncio.sleep(delay)
            began = time.perf_counter() - max(loop.time() - due[i], 0.0)
        await engine.handle(Inbound(address, text=text, choice=choice))
        latencies.append(time.perf_counter() - began)


def schedule(parents: int, rate: float, start: float) -> list[list[float]]:
    """Open-loop arrivals at exactly ``rate`` turns/s: round k sends the k-th turn of every parent whose
    intake is that long, parents taking turns, so each parent's messages stay in order and spaced out."""
    due: list[list[float]] = [[] for _ in range(parents)]
    slot = 0
    for k in range(max(len(s) for s in SCRIPTS)):
        for n in range(parents):
            if k < len(SCRIPTS[n % len(SCRIPTS)]):
                due[n].append(start + slot / rate)
                slot += 1
    return due


async def run_once(parents: int, rate: float | None = None, process: bool = True) -> Run:
    """All ``parents`` start together. Without ``rate`` each sends its next message as soon as the last one
    is answered (the throughput ceiling); with ``rate`` turns are offered at that many per second in total.
    ``process=False`` writes from a thread of this process instead of the writer process (for comparison)."""
    with tempfile.TemporaryDirectory(prefix="dolbom-bench-") as tmp:
        engine, store = await _open(Path(tmp) / "bench.sqlite3", process)
        try:
            await engine.handle(_warm())  # compile the understander outside the timed part
            async with paced_gc():  # as `dolbom serve` does once the app is assembled
                return await _storm(engine, store, parents, rate)
        finally:
            await store.close()


async def _storm(engine: Any, store: Any, parents: int, rate: float | None) -> Run:
        latencies: list[float] = []
        loop = asyncio.get_running_loop()
        # The parents' tasks start before the first scheduled turn, and the garbage collector's first pass over
        # them (2,000 tasks made at once, 2-10 ms) comes before it too: a real storm's connections arrive spread out.
        lead = 2.5 * YOUNG_SECONDS if rate else 0.0
        due = schedule(parents, rate, loop.time() + lead) if rate else None
        batches = store.batches
        began = time.perf_counter() + lead  # the run is timed from its first turn
        await asyncio.gather(*(_parent(engine, n, latencies, due[n] if due else None) for n in range(parents)))
        seconds = time.perf_counter() - began
        rows = await store.fetch("SELECT count(*) FROM cases WHERE user_key LIKE 'kakao:bench-%'")
        return Run(len(latencies), seconds, latencies, rows[0][0], store.batches - batches)


def _warm() -> Any:
    from bot.dialog.core import Address, Channel, Inbound

    return Inbound(Address(Channel.KAKAO, "warm-up"), text="4살 내일 오후 2시부터 6시까지 율곡동")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th quantile (whole hundredths: 0.5, 0.99), interpolated between the measured values."""
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


def cpu_speed(seconds: float = 0.5) -> float:
    """Millions of iterations per second of a bare Python loop: how fast this machine's core was at the time.
    Shared or throttled machines vary (here between about 3.5 and 7); printed at the start and the end of
    the run, so figures from different runs can be compared."""
    began = time.perf_counter()
    n = 0
    while time.perf_counter() - began < seconds:
        n += 1
    return n / seconds / 1e6


def measure(parents: int = 2000, runs: int = 3, rate: float = 5000.0, calm: float = 1000.0) -> dict[str, list[float]]:
    """Per run: the ceiling (turns/s with every parent sending back to back); at ``rate`` offered turns/s
    the achieved rate and p50/p99 latency in ms; the same at a ``calm`` rate; cases created; transactions."""
    out: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        out.setdefault(key, []).append(value)

    for _ in range(runs):
        ceiling = run_loop(run_once(parents))
        add("core_speed", cpu_speed())
        paced = run_loop(run_once(parents, rate))
        quiet = run_loop(run_once(parents, calm))
        threaded = run_loop(run_once(parents, rate, process=False))
        add("ceiling_turns_per_s", ceiling.rate)
        add("ceiling_p99_ms", percentile(ceiling.latencies, 0.99) * 1000)
        add("turns_per_s", paced.rate)
        add("p50_ms", percentile(paced.latencies, 0.50) * 1000)
        add("p99_ms", percentile(paced.latencies, 0.99) * 1000)
        add("calm_p50_ms", percentile(quiet.latencies, 0.50) * 1000)
        add("calm_p99_ms", percentile(quiet.latencies, 0.99) * 1000)
        add("thread_p99_ms", percentile(threaded.latencies, 0.99) * 1000)
        add("cases", min(ceiling.cases, paced.cases, quiet.cases, threaded.cases))
        add("turns", ceiling.turns)
        add("batches", ceiling.batches)
    return out


def main() -> None:
    result = measure(runs=1)
    for key, values in result.items():
        print(f"{key}: {values[0]:,.1f}")


if __name__ == "__main__":
    main()
