"""The purge's copier thread: passive checkpoints beside the writer, with the database file synced after each."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

COPY_EVERY = 0.25
"""Seconds between the copier thread's passes while the purge writes."""
BUSY_WAIT = 0.01
"""Seconds before the copier looks again when another checkpointer held SQLite's checkpoint."""
IDLE_FIRST = 0.001
"""Seconds a hurried copier waits after a pass that copied nothing (doubled after each further one, up to IDLE_MOST),
unless the purge nudges it: with no new commit the next pass would find the same. Passing back to back regardless, it
looked 120,000-160,000 times a second while the purge waited (bench-growth: 460-41,600 looks a purge that copied
nothing, in bursts up to 180 ms under load), and a thread so spinning in the writer process (the same GIL) made each
turn batch beside it 0.17-0.24 ms instead of 0.04 (p99 11-12 ms instead of 0.1 with two other busy processes)."""
IDLE_MOST = 0.01
"""The longest such wait: commits by the turns meanwhile are copied at most this late (the purge's own copy before a
start of the WAL takes whatever is left)."""
SYNC_FDS: dict[str, int] = {}
"""A descriptor of each database file the copier syncs, opened once and never closed while the process lives: closing
any descriptor of a file drops every POSIX lock this process holds on it, SQLite's connections' included."""


def sync_database(path: Path) -> None:
    """The database file's pages on disk (fdatasync), as SQLite's own fsync after a complete checkpoint would."""
    key = str(path)
    if key not in SYNC_FDS:
        SYNC_FDS[key] = os.open(key, os.O_RDONLY)
    os.fdatasync(SYNC_FDS[key])


def wal_size(path: Path) -> int:
    try:
        return os.path.getsize(f"{path}-wal")
    except OSError:
        return 0


class Copier(threading.Thread):
    """Passive checkpoints on a connection of their own while the purge runs: one every ``COPY_EVERY`` seconds, and
    while ``hurry`` is set (``rush``) back to back as long as each pass copies frames, else after a short wait
    (``IDLE_FIRST``) or the purge's nudge. A passive checkpoint never blocks the writer, and sqlite3 lets go of the GIL
    while it copies. Measured with a million cases, a pass copied about five times faster than the purge wrote, so
    back to back each pass has less to copy than the one before.

    Each pass that copied something also syncs the database file here. SQLite syncs it only in a checkpoint that
    copies the whole WAL, never in a partial one (the WAL still holds those pages), and while the purge and the turns
    write, every pass of this thread is partial: so the writer's own copy before each start of the WAL (Purging) paid
    for writing out every page this thread had copied since the last start, 100-250 ms with turns waiting (the
    kernel keeps dirty pages for 30 s). Synced here, that copy has only its own few pages to write."""

    def __init__(self, path: Path) -> None:
        super().__init__(name="purge-copier", daemon=True)
        self.path = path
        self.stopping = False
        self.hurry = threading.Event()
        self.nudged = threading.Event()
        """Set by ``rush`` and ``stop``: ends a hurried copier's wait after a pass that copied nothing."""
        self.passes = 0
        self.frames = 0
        """Frames in the WAL at the last pass (since it last started over)."""
        self.ended = 0.0
        self.took = 1.0
        self.idle = threading.Lock()
        """Held during a pass: the purge's own top-up checkpoint waits for none (it would find SQLite busy)."""
        self.synced = 0
        """The WAL's frames copied (since it last started over) at the last pass."""
        self.moved = False
        """Whether the last pass copied frames (SQLite's count of copied frames moved since the pass before)."""

    def run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=0, check_same_thread=False)
        try:
            idle = 0.0
            while not self.stopping:
                if idle and self.hurry.is_set():
                    self.nudged.wait(idle)
                else:
                    self.hurry.wait(COPY_EVERY)
                self.nudged.clear()  # a nudge from now on asks for a pass after this one
                hurried = self.hurry.is_set()
                if not self.look(conn):  # another checkpointer (the checkpoint process) is at it: look again soon
                    time.sleep(BUSY_WAIT)
                    continue
                self.passes += 1
                idle = 0.0 if self.moved or not hurried else min(max(2 * idle, IDLE_FIRST), IDLE_MOST)
        finally:
            conn.close()

    def look(self, conn: sqlite3.Connection) -> bool:
        """One pass, and the database file synced if it copied pages. False: SQLite was busy and nothing happened;
        it is no pass (Purging's copy before a start of the WAL waits for real ones). Hurried, busy looks used to
        follow each other with no pause, about 300,000 of them in a purge, a core taken from the writer."""
        with self.idle:
            began = time.monotonic()
            try:
                _, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            except sqlite3.OperationalError:  # locked: the same as busy
                frames = copied = -1
            if frames >= 0:  # -1: another connection held the checkpoint
                self.frames = frames
                self.moved = copied != self.synced
                if copied > 0 and self.moved:  # it copied pages (else nothing to write out)
                    sync_database(self.path)
                self.synced = copied
            self.ended = time.monotonic()
        self.took = self.ended - began
        return frames >= 0

    def rush(self) -> None:
        """Passes from now on back to back while they copy frames (the purge waits for them); a copier waiting after
        a pass that copied nothing passes at once."""
        self.hurry.set()
        self.nudged.set()

    def stop(self) -> None:
        self.stopping = True
        self.hurry.set()
        self.nudged.set()
