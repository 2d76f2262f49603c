"""The retention purge inside the writer process: a time-bounded transaction between turn batches, then the WAL cut.

Why here and not in a thread of the bot: there each transaction of the purge (100 cases) held SQLite's one writer
while turn batches queued behind it (and behind the passive checkpoint that shared its thread), and its Python
competed with the event loop for the GIL. Here a turn batch that arrives waits for at most one purge transaction
(``Purge.seconds``, a few ms), and the purge goes on whenever no batch is waiting, on the writer process's core.
What turns still wait for is the WAL's upkeep (see Purging): its fsyncs, tens to hundreds of ms on this machine's
disk under load.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from db.retention import Cursor, Purge, advance

COPY_EVERY = 0.25
"""Seconds between the copier thread's passes while the purge writes."""
RESTART_EVERY = 1.0
REST = 3.0
"""After each purge transaction the writer rests from the purge this many times its length (turn batches still run):
at full speed the purge wrote the WAL faster than the copier could copy it, and turns stopped 0.6-0.8 s at a time
(p99 608-807 ms, 100,821 cases in 8 s); resting three times as long, turns' p99 was 24-50 ms and the purge 29-31 s
(quiet machine, bench.growth --purge-only; 2x: p99 512 ms, 4x: 22 ms and 37 s)."""
"""Seconds of purging between two starts of the WAL from its beginning (see Purging)."""
HURRIED = 2
"""Back-to-back passes of the copier before this thread copies the rest and the WAL starts over: each has less to
copy than the one before, so the rest (what the purge wrote during the last) is small."""
JUST_ENDED = 0.01
"""The rest is copied within this many seconds of the copier's last pass."""
WAL_LIMIT = 512 * 1024 * 1024
"""The WAL's size kept while the purge starts it over: cutting it back to the usual journal_size_limit at each start
would cost an ftruncate of tens of megabytes while turns wait (a 2 GB one took 0.6 s on this machine's disk)."""
TRUNCATE_EVERY = 0.02
"""Seconds between tries of the final WAL truncation while a reader keeps it from finishing."""
TRUNCATE_FOR = 2.0
"""Seconds of tries before it is left to the next checkpoint (the purge is done all the same)."""


class Copier(threading.Thread):
    """Passive checkpoints on a connection of their own while the purge runs: one every ``COPY_EVERY`` seconds, and
    back to back while ``hurry`` is set. A passive checkpoint never blocks the writer, and sqlite3 lets go of the GIL
    while it copies. Measured with a million cases, a pass copied about five times faster than the purge wrote, so
    back to back each pass has less to copy than the one before."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="purge-copier", daemon=True)
        self.path = path
        self.stopping = False
        self.hurry = threading.Event()
        self.passes = 0
        self.ended = 0.0
        self.took = 1.0
        self.idle = threading.Lock()
        """Held during a pass: the purge's own top-up checkpoint waits for none (it would find SQLite busy)."""

    def run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=0, check_same_thread=False)
        try:
            while not self.stopping:
                self.hurry.wait(COPY_EVERY)
                with self.idle:
                    began = time.monotonic()
                    # busy: another checkpointer (the checkpoint process) is at it, which does as well
                    with contextlib.suppress(sqlite3.OperationalError):
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    self.ended = time.monotonic()
                self.took = self.ended - began
                self.passes += 1
        finally:
            conn.close()

    def stop(self) -> None:
        self.stopping = True
        self.hurry.set()


class Purging:
    """One purge under way in the writer process: ``step`` runs its next transaction, or the next part of keeping
    the WAL short; it returns the report for the event loop once the purge is over (or failed).

    The WAL: every transaction appends the pages it changed, and a purge of 100,000 cases in transactions of a few
    ms wrote 2 GB of it. SQLite starts the WAL over only when a write begins with every frame copied into the
    database file, which never happened while the purge and the turns wrote without pause: the truncation at the
    end then had a 2 GB file to cut, 1.2-1.8 s while turns waited. So about every ``RESTART_EVERY`` seconds, just
    after ``HURRIED`` back-to-back passes of the copier thread, this thread copies the rest written since (turns wait
    for that: 30-190 ms, mostly its two fsyncs), and the next write starts the WAL over; at the end the truncation has
    about a second's worth to cut. Tried and dropped: pausing the purge during the copier's passes (no restart
    happened anyway: turns wrote during every pass), ending a transaction early for a waiting turn batch (transactions
    of one statement group made the purge several times slower), starting over every two seconds (a longer WAL to
    copy and cut: p99 279-821 ms against 173-178 ms)."""

    def __init__(self, job: Purge, path: Path) -> None:
        self.job = job
        self.cursor = Cursor()
        self.copier = Copier(path)
        self.copier.start()
        self.restarted = time.monotonic()
        self.restarts = 0
        """Times the rest was copied here for the WAL to start over."""
        self.hurried = -1
        """The copier's pass count when it was hurried towards the next start of the WAL (-1: not hurried)."""
        self.limit: int | None = None
        self.last_pass = -1
        """The copier's pass count the truncation waits past (-1: still purging)."""
        self.tries_until = 0.0
        self.next_try = 0.0
        self.truncate_seconds = 0.0
        self.rest_until = 0.0

    def step(self, conn: sqlite3.Connection) -> dict[str, Any] | None:
        if self.limit is None:
            self.limit = int(conn.execute("PRAGMA journal_size_limit").fetchone()[0])
            conn.execute(f"PRAGMA journal_size_limit = {max(self.limit, WAL_LIMIT)}")
        if self.cursor.done:
            if self.copier.passes <= self.last_pass:
                return None
            self.copier.hurry.clear()
            if not self.tries_until:
                self.tries_until = time.monotonic() + TRUNCATE_FOR
            return self.truncate(conn)
        now = time.monotonic()
        if now - self.restarted >= RESTART_EVERY:
            if self.hurried < 0:
                self.hurried = self.copier.passes
                self.copier.hurry.set()
            elif self.copier.passes >= self.hurried + HURRIED:
                self.copier.hurry.clear()  # one checkpointer at a time: the copier waits while this one copies
                if now - self.copier.ended <= JUST_ENDED and self.copier.idle.acquire(blocking=False):
                    try:
                        with contextlib.suppress(sqlite3.OperationalError):  # busy: the WAL grows till next time
                            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                    finally:
                        self.copier.idle.release()
                    self.hurried, self.restarted = -1, now
                    self.restarts += 1
        try:
            began = time.monotonic()
            conn.execute("BEGIN IMMEDIATE")
            cursor = advance(conn, self.job, self.cursor)
            conn.execute("COMMIT")
            ended = time.monotonic()
            self.rest_until = ended + REST * (ended - began)
        except Exception as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            return self.report(conn, error=[type(exc).__name__, str(exc)])
        self.cursor = cursor
        if cursor.done and not (cursor.cases or cursor.removed):
            return self.report(conn)
        if cursor.done:
            self.last_pass = self.copier.passes + 1  # a whole pass after the last write: the truncation copies little
            self.copier.hurry.set()
        return None

    def truncate(self, conn: sqlite3.Connection) -> dict[str, Any] | None:
        """Deleted rows leave no copy in the WAL: it is copied into the file and cut to zero bytes. Done here, between
        batches, with no busy wait: a reader still on an old snapshot makes it try again a little later, instead of
        holding the writer while it waits."""
        now = time.monotonic()
        if now < self.next_try:
            return None
        if not self.copier.idle.acquire(blocking=False):  # the copier's last pass is still at it
            self.next_try = now + TRUNCATE_EVERY / 4
            return None
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.OperationalError:  # locked by another checkpointer: the same as busy
            busy = 1
        finally:
            conn.execute("PRAGMA busy_timeout = 10000")
            self.copier.idle.release()
        self.truncate_seconds += time.monotonic() - now
        if not busy:
            return self.report(conn, truncated=True)
        if now >= self.tries_until:
            return self.report(conn, truncated=False)
        self.next_try = now + TRUNCATE_EVERY
        return None

    @property
    def waiting(self) -> float:
        """Seconds the writer process may wait for a frame before there is something to do here."""
        if not self.cursor.done:
            return max(0.0, self.rest_until - time.monotonic())
        if self.copier.passes <= self.last_pass:
            return TRUNCATE_EVERY / 4
        return max(0.0, self.next_try - time.monotonic())

    def report(self, conn: sqlite3.Connection, *, truncated: bool = True,
               error: list[str] | None = None) -> dict[str, Any]:
        self.copier.stop()
        if self.limit is not None:
            conn.execute(f"PRAGMA journal_size_limit = {self.limit}")
        return {"purged": {"cases": self.cursor.cases, "removed": self.cursor.removed, "truncated": truncated,
                           "truncate_seconds": self.truncate_seconds, "error": error}}
