"""The garbage collector on the event loop's schedule: the young generation at every tick, older ones when quiet."""

from __future__ import annotations

import asyncio
import gc

from bot.shell.gcpace import FORCE_FACTOR, FULL_SECONDS, MIDDLE_SECONDS, GcPacer, paced_gc


class Machine:
    """A clock and a CPU counter the test moves by hand; ``collected`` lists each tick's generation."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.cpu = 5.0
        self.collected: list[int] = []

    def pacer(self) -> GcPacer:
        return GcPacer(clock=lambda: self.now, cpu=lambda: self.cpu, collect=self.collected.append)

    def run(self, pacer: GcPacer, seconds: float, share: float, every: float = 0.5) -> list[int]:
        """Tick every ``every`` seconds for ``seconds``, using ``share`` of a core; the generations collected."""
        start = len(self.collected)
        for _ in range(round(seconds / every)):
            self.now += every
            self.cpu += every * share
            pacer.tick()
        return self.collected[start:]


def test_the_young_generation_is_collected_at_every_tick_and_older_ones_only_when_quiet() -> None:
    machine = Machine()
    pacer = machine.pacer()
    busy = machine.run(pacer, MIDDLE_SECONDS * 2, share=0.9)
    assert set(busy) == {0}, "under load only the young generation, even when the middle one is due"
    quiet = machine.run(pacer, 5, share=0.05)
    assert quiet.count(1) == 1 and set(quiet) == {0, 1}, "once quiet, the middle generation, once"
    assert set(machine.run(pacer, MIDDLE_SECONDS / 2, share=0.05)) == {0}, "and not again before it is due"


def test_a_long_storm_still_gets_its_older_collections_late() -> None:
    machine = Machine()
    pacer = machine.pacer()
    storm = machine.run(pacer, MIDDLE_SECONDS * FORCE_FACTOR, share=1.0)
    assert storm.count(1) == 1 and storm[-1] == 1, "forced once the middle generation is ten times overdue"
    machine.run(pacer, FULL_SECONDS * FORCE_FACTOR - MIDDLE_SECONDS * FORCE_FACTOR, share=1.0)
    assert 2 in machine.collected, "and a full collection once it is ten times overdue"


def test_a_quiet_server_gets_a_full_collection_when_due() -> None:
    machine = Machine()
    pacer = machine.pacer()
    generations = machine.run(pacer, FULL_SECONDS + 1, share=0.01)
    assert generations.count(2) == 1, "a full collection includes the middle one"
    assert generations.count(1) == FULL_SECONDS // MIDDLE_SECONDS - 1


async def test_paced_gc_turns_cpythons_own_collector_off_and_collects_on_its_schedule() -> None:
    before = gc.get_stats()[0]["collections"]
    async with paced_gc(every=0.01):
        assert not gc.isenabled()
        assert gc.get_freeze_count() > 0, "what start-up built is out of the collector's sight"
        await asyncio.sleep(0.2)
        assert gc.get_stats()[0]["collections"] - before >= 5
    assert gc.isenabled() and gc.get_freeze_count() == 0
