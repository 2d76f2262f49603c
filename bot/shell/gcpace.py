"""The cyclic garbage collector on the event loop's schedule instead of CPython's allocation counts.

CPython collects the youngest generation when allocations minus deallocations of container objects pass a
threshold. Every turn frees the conversation state it replaces, an object long out of the young generation,
and that deallocation counts too: under load the count barely moves while the young generation grows. In the
bench's storm the first collection found tens of thousands of young objects and stopped the event loop for
8-17 ms, with every parent's turn waiting meanwhile; that one pause was most of the p99.

Here the youngest generation is collected every ``YOUNG_SECONDS`` whatever the counts (a fraction of a
millisecond each), and the older generations, which take tens of milliseconds, once the process is quiet;
under a long storm, at most ``FORCE_FACTOR`` times later than due. Nothing in the dialog's path makes cyclic
garbage (no collection during the bench found any: reference counting frees it all), so letting older cycles
wait costs little memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections.abc import AsyncIterator, Callable

YOUNG_SECONDS = 0.05
MIDDLE_SECONDS = 60.0
FULL_SECONDS = 600.0
FORCE_FACTOR = 10
"""Under load the middle generation waits at most 10 minutes, a full collection at most 100."""
QUIET_SHARE = 0.2
"""The process is quiet while it used less than this share of a core over the last ``WINDOW_SECONDS``."""
WINDOW_SECONDS = 1.0


class GcPacer:
    """Which generation to collect at each tick, from the time and the process's CPU use (both injectable)."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, cpu: Callable[[], float] = time.process_time,
                 collect: Callable[[int], object] = gc.collect) -> None:
        self._clock, self._cpu, self._collect = clock, cpu, collect
        now = clock()
        self._window = (now, cpu())
        self.quiet = False
        self._last = {1: now, 2: now}

    def tick(self) -> int:
        """Collect now; returns the generation collected (1 and 2 include the younger ones)."""
        now = self._clock()
        began, used = self._window
        if now - began >= WINDOW_SECONDS:
            cpu = self._cpu()
            self.quiet = (cpu - used) / (now - began) < QUIET_SHARE
            self._window = (now, cpu)
        generation = 0
        for older, every in ((2, FULL_SECONDS), (1, MIDDLE_SECONDS)):
            waited = now - self._last[older]
            if waited >= every and (self.quiet or waited >= every * FORCE_FACTOR):
                generation = older
                break
        self._collect(generation)
        for older in range(1, generation + 1):
            self._last[older] = now
        return generation


@contextlib.asynccontextmanager
async def paced_gc(pacer: GcPacer | None = None, every: float = YOUNG_SECONDS) -> AsyncIterator[GcPacer]:
    """For a long-running server once start-up is done: what start-up built (modules, knowledge, SDKs) lives
    as long as the process, so it is frozen out of the collector's sight, and the collector runs on the
    pacer's schedule until the block ends (then CPython's own is back)."""
    gc.collect()
    gc.freeze()
    gc.disable()
    pacer = pacer or GcPacer()

    async def run() -> None:
        while True:
            await asyncio.sleep(every)
            pacer.tick()

    task = asyncio.get_running_loop().create_task(run(), name="gc-pacer")
    try:
        yield pacer
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        gc.enable()
        gc.unfreeze()
