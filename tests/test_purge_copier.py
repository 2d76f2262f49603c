"""The purge's copier thread (db/sqlite/copier.py): it syncs the database file after a partial pass, and a look that
finds another checkpointer at work is no pass."""

from __future__ import annotations

import itertools
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from db.sqlite import copier as wal_copier
from db.sqlite import purge
from db.sqlite.batch import connect

CKPT_LOCK = 121
"""The -shm byte SQLite locks while a connection checkpoints (WALINDEX_LOCK_OFFSET 120 + WAL_CKPT_LOCK)."""


def written(path: Path, rows: int) -> sqlite3.Connection:
    conn = connect(path)
    conn.execute("CREATE TABLE IF NOT EXISTS t (x BLOB)")
    for _ in range(rows):
        conn.execute("INSERT INTO t VALUES (randomblob(3000))")
    return conn


def test_a_partial_pass_of_the_copier_syncs_the_database_file_itself(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite syncs the database file only in a checkpoint that copies the whole WAL: a reader's older snapshot keeps
    this pass partial, so without the copier's own sync the pages it copied would wait, dirty, for the writer's copy
    before the WAL starts over (and the turns behind it)."""
    path = tmp_path / "s.sqlite3"
    writer = written(path, 20)
    reader = sqlite3.connect(path, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM t").fetchone()  # a snapshot of the first 20 rows
    for _ in range(20):
        writer.execute("INSERT INTO t VALUES (randomblob(3000))")
    synced: list[str] = []
    fdatasync = os.fdatasync

    def spy(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        fdatasync(fd)

    monkeypatch.setattr(os, "fdatasync", spy)
    copier = wal_copier.Copier(path)  # not started: its looks run here
    conn = sqlite3.connect(path, timeout=0)
    try:
        assert copier.look(conn)
        _, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert 0 < copied < frames, "the pass was partial, as every pass is while the purge and the turns write"
        assert synced == [str(path)]
        assert copier.look(conn)
        assert synced == [str(path)], "nothing more copied, nothing more to sync"
        reader.execute("COMMIT")
        assert copier.look(conn)
        assert synced == [str(path)] * 2
        fd = wal_copier.SYNC_FDS[str(path)]
        os.fstat(fd)  # still open: closing it would drop SQLite's POSIX locks on the file in this process
    finally:
        conn.close()
        reader.close()
        writer.close()


def hold_the_checkpoint(shm: Path) -> subprocess.Popen[str]:
    """Another process holding SQLite's checkpoint lock, as the checkpoint process does during its pass."""
    code = ("import fcntl, sys\n"
            f"f = open({str(shm)!r}, 'r+b')\n"
            f"fcntl.lockf(f, fcntl.LOCK_EX, 1, {CKPT_LOCK})\n"
            "print('held', flush=True)\n"
            "sys.stdin.read()\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_busy_look_is_no_pass_and_the_thread_goes_on_once_the_other_checkpointer_is_done(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite3"
    writer = written(path, 10)
    holder = hold_the_checkpoint(Path(f"{path}-shm"))
    copier = wal_copier.Copier(path)
    try:
        conn = sqlite3.connect(path, timeout=0)
        assert not copier.look(conn), "the checkpoint lock is held elsewhere: SQLite was busy"
        assert copier.frames == 0
        conn.close()
        copier.hurry.set()
        copier.start()
        looked = copier.ended
        for _ in range(3):  # three busy looks of the hurried thread (each changes ``ended``)
            while copier.ended == looked:
                copier.join(0.001)
            looked = copier.ended
        assert copier.passes == 0, "busy looks are no passes: the copy before a WAL start-over waits for real ones"
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
    while copier.passes == 0:
        copier.join(0.005)
    assert copier.frames > 0
    copier.stop()
    copier.join()
    writer.close()


async def test_the_wal_file_is_cut_down_a_step_at_a_time_before_the_final_cut(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer process's loop, in this process: once the purge is done, each step starts the WAL over with
    journal_size_limit CUT_STEP below the file's size and the next turn batch's commit cuts the file to it; the final
    cut then takes the rest, down to nothing."""
    import asyncio

    from bot.coordination import retention
    from db.models import ts
    from db.sqlite.batch import Turn, run_batch
    from db.sqlite.store import SQLiteStore
    from tests.conftest import FakeClock
    from tests.test_purge import TUE_10, file_of_closed_cases

    path = tmp_path / "k.sqlite3"
    clock = FakeClock(TUE_10)
    await file_of_closed_cases(path, 120)
    monkeypatch.setattr(purge, "RESTART_BYTES", 1 << 30)  # no start-over while purging: the file grows
    monkeypatch.setattr(wal_copier, "COPY_EVERY", 0.01)
    monkeypatch.setattr(purge, "CUT_STEP", 64 * 1024)
    # wall-clock bounds: on a loaded machine a slow loop must not end the steps or the final tries early
    monkeypatch.setattr(purge, "CUT_WAIT", 600.0)
    monkeypatch.setattr(purge, "TRUNCATE_FOR", 600.0)
    conn = connect(path)
    clock.advance(days=91)
    job, now = retention.job(SQLiteStore, clock(), 90, 2), ts(clock())
    purging = purge.Purging(job, path)
    report, sizes = None, []
    try:
        while report is None:
            run_batch(conn, [Turn("telegram:now", "지금", ("네",), "{}", now)])
            if purging.cursor.done:
                sizes.append(wal_copier.wal_size(path))
            if wait := purging.waiting:
                await asyncio.sleep(wait)
            else:
                report = purging.step(conn)
        assert report["purged"]["cases"] == 120 and report["purged"]["truncated"]
        peak = sizes.index(max(sizes))
        small = next((i for i, size in enumerate(sizes[peak:]) if size <= purge.CUT_STEP), len(sizes))
        shrinking = sizes[peak:peak + small + 1]
        cuts = [a - b for a, b in itertools.pairwise(shrinking) if b < a]
        assert len(cuts) >= 2, shrinking[:5]
        assert max(cuts) <= purge.CUT_STEP, "a step at a time, not the whole file at once"
        assert wal_copier.wal_size(path) == 0
    finally:
        purging.copier.stop()
        conn.close()


class Waits(threading.Event):
    """One of the copier's events in its own thread's loop run here: a wait takes no time; one on an event that is not
    set (it would have blocked) is logged with its length."""

    def __init__(self, log: list[tuple[str, float]], set_: bool = False) -> None:
        super().__init__()
        self.log = log
        if set_:
            self.set()

    def wait(self, timeout: float | None = None) -> bool:
        if not self.is_set():
            self.log.append(("wait", timeout or 0.0))
        return self.is_set()


def test_a_hurried_copier_waits_after_each_pass_that_copied_nothing_and_goes_on_back_to_back_after_a_commit(
        tmp_path: Path) -> None:
    """While the purge waits for the copier, a pass that finds nothing new to copy is followed by a wait (doubling, up
    to IDLE_MOST), not by the next pass at once: passing back to back regardless, it looked about 150,000 times a second
    (bench-growth) beside the writer. A pass that copied a commit is followed by the next at once."""
    path = tmp_path / "h.sqlite3"
    writer = written(path, 10)
    log: list[tuple[str, float]] = []
    copier = wal_copier.Copier(path)  # its loop runs here, with events that take no time
    copier.hurry, copier.nudged = Waits(log, set_=True), Waits(log)
    look = copier.look

    def counted(conn: sqlite3.Connection) -> bool:
        if sum(1 for kind, _ in log if kind != "wait") == 12:
            writer.execute("INSERT INTO t VALUES (randomblob(3000))")  # a turn commits while the purge waits
        synced = copier.synced
        got = look(conn)
        log.append(("copied" if copier.synced != synced else "nothing", 0.0))
        if len(log) >= 60:
            copier.stopping = True
        return got

    copier.look = counted  # type: ignore[method-assign]
    try:
        copier.run()
    finally:
        writer.close()
    kinds = [kind for kind, _ in log]
    assert kinds[0] == "copied" and kinds.count("copied") == 2, kinds
    pairs = list(itertools.pairwise(kinds))
    assert all(b == "wait" for a, b in pairs if a == "nothing"), kinds
    assert all(b != "wait" for a, b in pairs if a == "copied"), kinds
    waits = [seconds for kind, seconds in log if kind == "wait"]
    assert waits[:4] == [wal_copier.IDLE_FIRST * 2**n for n in range(4)]
    assert max(waits) == wal_copier.IDLE_MOST
    second = kinds.index("copied", 1)
    assert kinds[second + 2] == "wait" and log[second + 2][1] == wal_copier.IDLE_FIRST, "a commit starts it over"


def test_the_purges_nudge_and_stop_end_the_wait_of_a_hurried_copier_that_found_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The purge waits for passes (Purging.restart): its ``rush`` must bring one at once, and ``stop`` must end the
    thread, however long the copier would otherwise wait (here an hour)."""
    monkeypatch.setattr(wal_copier, "IDLE_FIRST", 3600.0)
    monkeypatch.setattr(wal_copier, "IDLE_MOST", 3600.0)
    path = tmp_path / "n.sqlite3"
    writer = written(path, 10)
    copier = wal_copier.Copier(path)
    copier.rush()
    copier.start()
    try:
        for _ in range(30_000):  # the first pass copies the WAL, the second finds nothing and waits the hour
            if copier.passes >= 2:
                break
            copier.join(0.001)
        assert copier.passes >= 2 and not copier.moved
        passes = copier.passes
        copier.join(0.05)
        assert copier.passes == passes, "it waits: no commit, no nudge"
        copier.rush()
        for _ in range(30_000):  # not a timed assertion: a nudge lost would leave it waiting an hour
            if copier.passes > passes:
                break
            copier.join(0.001)
        assert copier.passes == passes + 1
    finally:
        copier.stop()
        copier.join(30)
        writer.close()
    assert not copier.is_alive(), "stop ends the wait"
