"""Figure 6: peak RSS of a fresh process holding 10,000 open conversations (mid-intake, cached in memory)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.engine import _open
from bot.shell.gcpace import paced_gc
from bot.shell.loop import run as run_loop

OPENING = (("안녕하세요", None), ("3~5살", "4살"), ("내일", "내일"))
"""Three turns each: the conversation stays open, waiting for the time of day."""


def rss_mb(pid: int | str = "self", field: str = "VmRSS") -> float:
    """A process's resident set (``VmHWM``: its peak since it started its program) in MB, from /proc."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith(f"{field}:"))
    return kb / 1024


async def hold(conversations: int, at_once: int = 1000) -> dict[str, float]:
    from bot.dialog.core import Address, Channel, Inbound

    with tempfile.TemporaryDirectory(prefix="dolbom-memory-") as tmp:
        engine, store = await _open(Path(tmp) / "memory.sqlite3")
        await engine.handle(Inbound(Address(Channel.KAKAO, "warm-up"), text="4살 내일 율곡동"))
        async with paced_gc():  # as `dolbom serve` does
            baseline = rss_mb()

            async def parent(n: int) -> None:
                address = Address(Channel.KAKAO, f"memory-{n}")
                for text, choice in OPENING:
                    await engine.handle(Inbound(address, text=text, choice=choice))

            for first in range(0, conversations, at_once):
                await asyncio.gather(*(parent(n) for n in range(first, min(first + at_once, conversations))))
            rows = await store.fetch("SELECT count(*) FROM conversations WHERE user_key LIKE 'kakao:memory-%'")
            held = rss_mb()
            # Each process's own peak, read before it ends. Not getrusage(RUSAGE_CHILDREN): a child's ru_maxrss
            # counts the parent's pages it shared between fork and exec (measured: 42 MB for a writer whose
            # own peak was 31 MB). The peaks are added, an upper bound of the service's footprint, since they
            # need not come at the same moment and shared library pages count in each.
            main = rss_mb(field="VmHWM")
            writer = rss_mb(store.writer_pid, "VmHWM") if store.writer_pid else 0.0
            checkpoint = rss_mb(store.checkpoint_pid, "VmHWM") if store.checkpoint_pid else 0.0
        await store.close()
    return {"peak_mb": main + writer + checkpoint, "main_mb": main, "writer_mb": writer,
            "checkpoint_mb": checkpoint, "baseline_mb": baseline, "held_mb": held, "conversations": rows[0][0]}


def run_once(conversations: int = 10_000) -> dict[str, float]:
    """In a child process, so the peak is this load's alone and not what the benchmark did before."""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-m", "bench.memory", str(conversations)], cwd=root, check=True,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(root)})
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(runs: int = 3) -> dict[str, list[float]]:
    results = [run_once() for _ in range(runs)]
    return {k: [r[k] for r in results] for k in results[0]}


if __name__ == "__main__":
    print(json.dumps(run_loop(hold(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))))
