"""The retention purge in SQLite's writer process: between turn batches, a short transaction at a time, resumable."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from bot.coordination import retention
from bot.coordination.queue import Queue
from db.models import ts
from db.retention import Purge, unconsented
from db.sqlite import copier, purge
from db.sqlite.batch import Turn, connect, run_batch
from db.sqlite.pipe import WriterLost
from db.sqlite.store import SQLiteStore
from tests.conftest import FakeClock
from tests.test_queue import KST, STAFF, TUE_10, a_case, rows


async def closed_cases(store: SQLiteStore, count: int) -> None:
    """``count`` cases closed at TUE_10, each with three logged messages."""
    for n in range(count):
        case_id = await store.create_case(a_case(f"telegram:{n}"), "{}")
        await store.write(lambda conn, c=case_id: conn.execute(
            "UPDATE cases SET status = 'closed', closed_at = created_at WHERE id = ?", (c,)))
        await store.commit_turn(f"telegram:{n}", "메시지", ["답", "답"], "{}", TUE_10)


async def file_of_closed_cases(path: Path, count: int) -> None:
    """A database file at ``path`` holding ``count`` closed cases (``closed_cases``), its store closed again."""
    store = await SQLiteStore.open(path)
    try:
        await closed_cases(store, count)
    finally:
        await store.close()


async def purged(store: SQLiteStore) -> int:
    return int((await store.fetch("SELECT count(*) FROM cases WHERE purged_at IS NOT NULL"))[0][0])


async def test_turns_commit_while_the_writer_process_purges(tmp_path: Path) -> None:
    """The purge goes to the writer process, a case a transaction here: turns sent meanwhile commit between its
    transactions (one saw part of the cases purged), and no purge transaction runs through ``write``."""
    clock = FakeClock(TUE_10)
    store = await SQLiteStore.open(tmp_path / "p.sqlite3")
    store.purge_step, store.purge_seconds = 1, 0.0
    queue = Queue(store, STAFF, tz=KST, clock=clock, retention_days=90, purge_chunk=5)
    try:
        await closed_cases(store, 150)
        clock.advance(days=91)
        writes = 0
        write = store.write

        async def counted(fn):  # type: ignore[no-untyped-def]
            nonlocal writes
            writes += 1
            return await write(fn)

        store.write = counted  # type: ignore[method-assign]
        task = asyncio.create_task(queue.purge_expired())
        seen: list[int] = []
        while not task.done():
            await store.commit_turn("telegram:now", "지금", ["네"], '{"step": "collect"}', clock())
            seen.append(await purged(store))
        assert await task == 150
        assert any(0 < n < 150 for n in seen), seen
        assert writes == 0, "the purge ran in the writer process"
        assert rows(tmp_path / "p.sqlite3", "SELECT count(*) FROM messages WHERE user_key = 'telegram:now'") == [
            (len(seen) * 2,)], "every turn is logged"
        assert rows(tmp_path / "p.sqlite3", "SELECT count(*) FROM messages WHERE user_key <> 'telegram:now'") == [(0,)]
    finally:
        await store.close()


async def test_a_purge_cut_short_by_the_writer_process_dying_is_finished_by_the_next(tmp_path: Path) -> None:
    clock = FakeClock(TUE_10)
    store = await SQLiteStore.open(tmp_path / "k.sqlite3")
    store.purge_step, store.purge_seconds = 1, 0.0
    queue = Queue(store, STAFF, tz=KST, clock=clock, retention_days=90, purge_chunk=1)
    try:
        await closed_cases(store, 200)
        clock.advance(days=91)
        task = asyncio.create_task(queue.purge_expired())
        for _ in range(2000):  # until the first transactions have committed (not a timed assertion)
            if await purged(store) or task.done():
                break
            await asyncio.sleep(0.002)
        assert not task.done(), "the purge must still be running for this test to mean anything"
        pid = store.writer_pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(WriterLost):
            await task
        first = await purged(store)
        assert 0 < first < 200
        assert await queue.purge_expired() == 200 - first, "the next purge takes up where the last one stopped"
        assert rows(tmp_path / "k.sqlite3", "SELECT count(*) FROM events WHERE kind = 'purged'") == [(200,)]
    finally:
        await store.close()


def test_a_page_of_the_idle_scan_reads_a_page_even_when_none_qualify(tmp_path: Path) -> None:
    """Every conversation here has a case: each page says where to go on, instead of one statement reading the
    whole table to fill its page with conversations that qualify (0.24 s with a million cases)."""
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    conn.execute("CREATE TABLE conversations (user_key TEXT PRIMARY KEY, state TEXT NOT NULL, updated_at TEXT)")
    conn.execute("CREATE TABLE cases (id INTEGER PRIMARY KEY, user_key TEXT)")
    for n in range(25):
        conn.execute("INSERT INTO conversations VALUES (?, '{}', '2026-01-01')", (f"u{n:02d}",))
        conn.execute("INSERT INTO cases (user_key) VALUES (?)", (f"u{n:02d}",))
    conn.execute("INSERT INTO conversations VALUES ('u99', '{}', '2026-01-01')")  # no case, never consented
    job = Purge(at="2026-12-01", cutoff="2026-06-01", idle_since="2026-11-01", keep=retention.KEEP, chunk=1, step=1,
                seconds=1.0)
    assert unconsented(conn, job, "", 10) == ([], "u09")
    assert unconsented(conn, job, "u09", 10) == ([], "u19")
    assert unconsented(conn, job, "u19", 10) == (["u99"], None)


def test_the_job_carries_the_stores_bounds() -> None:
    class Bounds:
        purge_step, purge_seconds, purge_prelude = 5, 0.005, "SET LOCAL x = 1"

    job = retention.job(Bounds(), TUE_10, 90, 3)  # type: ignore[arg-type]
    assert (job.chunk, job.step, job.seconds, job.prelude) == (3, 3, 0.005, "SET LOCAL x = 1")
    assert job.cutoff == (TUE_10 - timedelta(days=90)).astimezone(UTC).isoformat(timespec="microseconds")


async def test_a_purge_the_store_closes_under_ends_as_cancelled(tmp_path: Path) -> None:
    """As a write the closing store cuts short: the follow-ups' scheduler logs it as a stop, not as an error, and
    the next start goes on (tests/test_followup.py)."""
    clock = FakeClock(TUE_10)
    store = await SQLiteStore.open(tmp_path / "c.sqlite3")
    store.purge_step, store.purge_seconds = 1, 0.0
    queue = Queue(store, STAFF, tz=KST, clock=clock, retention_days=90, purge_chunk=1)
    await closed_cases(store, 200)
    clock.advance(days=91)
    task = asyncio.create_task(queue.purge_expired())
    for _ in range(2000):
        if await purged(store) or task.done():
            break
        await asyncio.sleep(0.002)
    assert not task.done()
    await store.close()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert 0 < rows(tmp_path / "c.sqlite3", "SELECT count(*) FROM cases WHERE purged_at IS NOT NULL")[0][0] < 200


def raw_bytes(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists())


async def test_a_turn_during_the_purge_is_answered_before_it_ends_and_no_purged_text_is_left(tmp_path: Path) -> None:
    """Turns go on while the writer process purges (each one answered before the purge's report), and once the purge
    is over neither the database file nor its WAL holds a purged case's number, summary or a parent's words: the
    WAL the purge wrote through is copied and cut, and the freed pages are zeroed (secure_delete)."""
    path = tmp_path / "w.sqlite3"
    clock = FakeClock(TUE_10)
    store = await SQLiteStore.open(path)
    store.purge_step, store.purge_seconds = 1, 0.0
    queue = Queue(store, STAFF, tz=KST, clock=clock, retention_days=90, purge_chunk=1)
    secrets = [(f"010-7777-{n:04d}", f"쿼카비밀{n:03d}", f"부모님말{n:03d}") for n in range(60)]
    try:
        for n, (phone, summary, words) in enumerate(secrets):
            case_id = await store.create_case(a_case(f"telegram:{n}", summary_text=summary,
                                                     contact={"route": "phone", "phone": phone}), "{}")
            await store.write(lambda conn, c=case_id: conn.execute(
                "UPDATE cases SET status = 'closed', closed_at = created_at WHERE id = ?", (c,)))
            await store.commit_turn(f"telegram:{n}", words, ["답"], "{}", TUE_10)
        before = raw_bytes(path)
        assert all(s.encode() in before for secret in secrets for s in secret), "the test can fail"
        clock.advance(days=91)
        task = asyncio.create_task(queue.purge_expired())
        answered_during = 0
        while not task.done():
            await store.commit_turn("telegram:now", "지금맡길곳", ["네"], '{"step": "collect"}', clock())
            answered_during += not task.done()
        assert await task == 60
        assert answered_during, "a turn sent during the purge was answered before it ended"
        after = raw_bytes(path)
        left = [s for secret in secrets for s in secret if s.encode() in after]
        assert not left, left[:5]
        assert "지금맡길곳".encode() in after, "what the purge keeps is still there"
    finally:
        await store.close()


async def test_the_wal_starts_over_during_a_long_purge_and_ends_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    """The writer process's loop, in this process: turn batches between the purge's steps. Once the WAL holds
    RESTART_BYTES (here any frame) the purge waits for the copier and copies the rest, so the next write starts the
    WAL over instead of it growing for the whole purge; at the end it is cut to nothing."""
    path = tmp_path / "r.sqlite3"
    clock = FakeClock(TUE_10)
    await file_of_closed_cases(path, 120)
    monkeypatch.setattr(purge, "RESTART_BYTES", 1)  # any frame: a small test database is copied whole at each pass
    monkeypatch.setattr(copier, "COPY_EVERY", 0.01)
    monkeypatch.setattr(purge, "TRUNCATE_FOR", 600.0)  # wall-clock bounds: a loaded machine must not end the tries
    conn = connect(path)
    clock.advance(days=91)
    job, now = retention.job(SQLiteStore, clock(), 90, 2), ts(clock())
    purging = purge.Purging(job, path)
    report, turns = None, 0
    try:
        while report is None:
            run_batch(conn, [Turn("telegram:now", "지금", ("네",), "{}", now)])
            turns += 1
            if wait := purging.waiting:
                await asyncio.sleep(wait)  # the writer process's select: a turn batch may come meanwhile
            else:
                report = purging.step(conn)
        assert report["purged"]["cases"] == 120 and report["purged"]["truncated"]
        assert purging.restarts >= 2, purging.restarts
        assert Path(f"{path}-wal").stat().st_size == 0
        assert conn.execute("SELECT count(*) FROM messages WHERE user_key = 'telegram:now'").fetchone()[0] == turns * 2
    finally:
        purging.copier.stop()
        conn.close()
