"""The retention purge inside the writer process: a time-bounded transaction between turn batches, then the WAL cut.

Why here and not in a thread of the bot: there each transaction of the purge (100 cases) held SQLite's one writer
while turn batches queued behind it (and behind the passive checkpoint that shared its thread), and its Python
competed with the event loop for the GIL. Here a turn batch that arrives waits for at most one purge transaction
(``Purge.seconds``, a few ms), and the purge goes on whenever no batch is waiting, on the writer process's core.
What turns still wait for is the WAL's upkeep (see Purging): a few small fsyncs before each start of the WAL, and
cutting its file at the end.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path
from typing import Any

from db.retention import Cursor, Purge, advance
from db.sqlite.copier import Copier, wal_size

RESTART_BYTES = 64 * 1024 * 1024
"""The WAL starts over once the copier's last pass found this much in it, or its file grew past its size at the last
start (see Purging). Each start costs the writer a copy of the last few pages and three small fsyncs while turns wait
(2-12 ms at load 4, 12-48 ms at load 8); the file's size is what the final cut frees (256 MB: 104-192 ms)."""
REST = 1.0
"""After each purge transaction the writer rests from the purge this many times its length (turn batches still run):
at full speed the purge wrote the WAL faster than the copier could copy it, and turns stopped 0.6-0.8 s at a time.
Three times (when the WAL started over every second) made the purge 29-31 s on a quiet machine; with the purge paused
while the copier catches up before each start (Purging), once is enough."""
HURRIED = 2
"""Passes of the hurried copier (back to back while they copy frames) before this thread copies the rest and the WAL
starts over; the purge waits meanwhile, so only the turns write during them and the rest is a few of their pages."""
JUST_ENDED = 0.05
"""The rest is copied within this many seconds of the copier's last pass (else one more pass first)."""
PAUSED = 0.003
"""Seconds between looks at the copier while the purge waits for it."""
WAL_LIMIT = 512 * 1024 * 1024
"""The WAL's size kept while the purge starts it over: cutting it back to the usual journal_size_limit at each start
would cost an ftruncate of tens of megabytes while turns wait (a 2 GB one took 0.6 s on this machine's disk)."""
CUT_STEP = 16 * 1024 * 1024
"""Bytes of the WAL file each step before the final cut takes off (see Purging.shrink)."""
CUT_WAIT = 0.5
"""Seconds a step waits for the commit that cuts the file."""
TRUNCATE_EVERY = 0.02
"""Seconds between tries of the final WAL truncation while a reader keeps it from finishing."""
TRUNCATE_FOR = 2.0
"""Seconds of tries before it is left to the next checkpoint (the purge is done all the same)."""


class Purging:
    """One purge under way in the writer process: ``step`` runs its next transaction, or the next part of keeping
    the WAL short; it returns the report for the event loop once the purge is over (or failed).

    The WAL: every transaction appends the pages it changed, and a purge of 100,000 cases wrote 3.4 GB of it (with
    the turns meanwhile). SQLite starts the WAL over only when a write begins with every frame copied into the database
    file, which never happens while the purge and the turns write without pause; and cutting a long WAL is slow (with
    no start-over the WAL reached 3.4 GB, and the writer's cut back to ``WAL_LIMIT`` held turns for 2.7 s). So once the
    copier finds ``RESTART_BYTES`` in the WAL, the purge pauses, the copier passes ``HURRIED`` times back to back (only
    the turns' few pages are written meanwhile), and this thread copies the rest (turns wait for that: its fsyncs),
    so that the next write starts the WAL over; at the end the file is cut down a step at a time (``shrink``) and then
    to nothing. The copier syncs the database file after its passes (db/sqlite/copier.py): before it did, this
    thread's copy wrote out every page the copier had copied since the last start (105-475 ms). Started every
    second instead (by time, not size), the purge paid for 30-50 such copies (30-250 ms each under load). Tried and
    dropped: no start-over at all (above), ending a transaction early for a waiting turn batch (transactions of one
    statement group made the purge several times slower)."""

    def __init__(self, job: Purge, path: Path) -> None:
        self.job = job
        self.cursor = Cursor()
        self.copier = Copier(path)
        self.copier.start()
        self.frame_bytes = 0
        self.restarts = 0
        """Times the rest was copied here for the WAL to start over."""
        self.restarts_free = 0
        """Times a hurried pass of the copier copied the whole WAL between two turn batches (the purge waiting), so
        the next write started it over with nothing copied here. The copier stayed hurried after such a start,
        passing back to back (hundreds of thousands of passes, each syncing a few pages) until the next one."""
        self.hurried = -1
        """The copier's pass count when it was hurried towards the next start of the WAL (-1: not hurried)."""
        self.wal_cap = RESTART_BYTES
        """The WAL file's size at its last start (at least RESTART_BYTES): grown past it, the WAL starts over at once.
        The copier's count of frames comes up to a pass late, and the purge wrote 20-35 MB more meanwhile; the file
        keeps its largest size (WAL_LIMIT), and cutting it at the end held the turns for 0.2-1 ms a MB."""
        self.limit: int | None = None
        self.last_pass = -1
        """The copier's pass count the truncation waits past (-1: still purging)."""
        self.tries_until = 0.0
        self.cut_to: int | None = None
        """The WAL file's size the step under way cuts it to (None: no step under way; -1: no more steps)."""
        self.cut_until = 0.0
        self.cut_from = 0
        """The WAL file's size when the pending step began: smaller since, the step is done."""
        self.next_try = 0.0
        self.truncate_seconds = 0.0
        self.rest_until = 0.0

    def step(self, conn: sqlite3.Connection) -> dict[str, Any] | None:
        if self.limit is None:
            self.limit = int(conn.execute("PRAGMA journal_size_limit").fetchone()[0])
            conn.execute(f"PRAGMA journal_size_limit = {max(self.limit, WAL_LIMIT)}")
            self.frame_bytes = int(conn.execute("PRAGMA page_size").fetchone()[0]) + 24
        if self.cursor.done:
            if self.copier.passes <= self.last_pass or self.shrink(conn):
                return None
            self.copier.hurry.clear()
            if not self.tries_until:
                self.tries_until = time.monotonic() + TRUNCATE_FOR
            return self.truncate(conn)
        if self.copier.frames * self.frame_bytes >= RESTART_BYTES or wal_size(self.copier.path) > self.wal_cap:
            if not self.restart(time.monotonic(), conn):
                self.rest_until = time.monotonic() + PAUSED  # the purge waits for the copier; turns still write
                return None
        elif self.hurried >= 0:  # the WAL started over on its own (below), before this thread's copy
            self.hurried = -1
            self.copier.hurry.clear()
            self.restarts_free += 1
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
            self.copier.rush()
        return None

    def restart(self, now: float, conn: sqlite3.Connection) -> bool:
        """One look on the way to the WAL's next start: hurry the copier, and after ``HURRIED`` passes copy the rest
        here. True once it is copied (the next write starts the WAL over) and the purge may go on."""
        if self.hurried < 0:
            self.hurried = self.copier.passes
            self.copier.rush()
            return False
        if self.copier.passes < self.hurried + HURRIED:
            return False
        self.copier.hurry.clear()  # one checkpointer at a time: the copier waits while this one copies
        if not self.copier.idle.acquire(blocking=False):
            return False  # its pass is still at it: the next look comes right after
        if now - self.copier.ended > JUST_ENDED:  # too long since: one more pass first
            self.copier.idle.release()
            self.hurried = self.copier.passes - HURRIED + 1
            self.copier.rush()
            return False
        try:
            with contextlib.suppress(sqlite3.OperationalError):  # busy: the WAL grows till next time
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            self.copier.idle.release()
        self.hurried, self.copier.frames = -1, 0
        self.wal_cap = max(RESTART_BYTES, wal_size(self.copier.path))
        self.restarts += 1
        return True

    def shrink(self, conn: sqlite3.Connection) -> bool:
        """Before the final cut, the WAL file is made ``CUT_STEP`` smaller at a time, while it is larger than that:
        the WAL starts over (as during the purge) with journal_size_limit that much below its size, and the next
        commit (a turn batch's) cuts the file to it. True while at it. Cutting 64-98 MB at once held the turns
        45-103 ms (the ftruncate, traced with perf); no commit within ``CUT_WAIT``: no turns wait, the final cut
        takes the rest."""
        if self.cut_to == -1:
            return False
        now, size = time.monotonic(), wal_size(self.copier.path)
        if self.cut_to is not None and (size <= self.cut_to or size < self.cut_from):
            # that step is done: the commit cut the file, and its own frames may already have grown it past the limit
            # (a step that left a few kilobytes was never seen done when a turn batch wrote more than that)
            self.cut_to = None
        if self.cut_to is not None:
            if now >= self.cut_until:
                self.cut_to = -1  # no commit came: no more steps
                return False
        elif size <= CUT_STEP:
            self.cut_to = -1
            return False
        elif self.restart(now, conn):
            self.cut_to, self.cut_until, self.cut_from = size - CUT_STEP, time.monotonic() + CUT_WAIT, size
            conn.execute(f"PRAGMA journal_size_limit = {self.cut_to}")
        self.next_try = now + PAUSED  # the commit that cuts it, or the copier's passes, are still to come
        return True

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
