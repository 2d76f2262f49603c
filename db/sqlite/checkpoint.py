"""The checkpoint process: copies the WAL into the database file in the background, at the lowest CPU priority.

Run as ``python -m db.sqlite.checkpoint PATH SECONDS`` by the store; it looks every SECONDS until its stdin closes,
and copies when writes have paused (nothing committed since its last look) or ``WAL_CAP`` more has been
written to the WAL since its last pass. Why wait for a pause: a pass syncs the WAL and then the database
file, and on this kind of machine (a virtual machine whose disk the host emulates) that I/O slows both
cores: measured during a storm of 5,000 turns/s, each pass held up the writer's appends and turned into a
cascade of slow turns (p99 15-63 ms with passes in the storm, 4-16 ms without). Even writing the WAL back
gently all along (sync_file_range every 0.1 s) doubled the p99. Waiting, a storm's writes stay in the page
cache (the WAL grows by about 60 MB/s at that rate) and are copied once it passes; the cap bounds what is
left to copy if it never does. Only a pause lets the file itself shrink.
Why a process of its own: copying megabytes of pages is background work, but from a thread of the bot it took a
core away from the event loop or the writer process for tens of milliseconds at a time (each pass showed as a
stall in turn latency, on disk and on tmpfs alike). A lower-priority *thread* is worse: it can be descheduled
while it holds the GIL, and the event loop waits for it (measured: p99 went from about 15 ms to 500 ms). A
process has its own GIL, and a PASSIVE checkpoint never blocks SQLite's writers or readers.
"""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger("db.sqlite.checkpoint")

WAL_CAP = 256 * 1024 * 1024
"""This much newly written WAL is copied even while writes go on: about four seconds of a 5,000 turns/s
storm, more than two thousand parents' whole intakes write (160 MB). Reads barely notice a WAL this long
(a state lookup: 3 µs with an empty WAL, 5 µs with 500 MB uncopied). The writer's journal_size_limit
(db/sqlite/batch.py) is smaller, so the file shrinks below this once a pass has copied everything and the writer
starts it over."""


class Pacer:
    """When to pass, from what each look sees: SQLite's commit counter and the WAL file's size.

    The cap counts what the WAL gained since the last pass, not its size: while writes go on, SQLite cannot
    start the WAL over (a writer restarts it only once a pass has copied every frame and nothing was
    committed since), so during a storm the file only grows. Counting its size, every look after the file
    first reached the cap passed again, a fsync each time, without ever making the file smaller."""

    def __init__(self, version: int, cap: int = WAL_CAP) -> None:
        self.version = version
        self.cap = cap
        self.pending = True  # the WAL may hold commits from before this process started
        self.passed_at = 0
        """The WAL's size at the last pass."""

    def due(self, version: int, wal_bytes: int) -> bool:
        """Called once per look; True means pass now (the caller then passes)."""
        changed, self.version = version != self.version, version
        self.pending = self.pending or changed
        # Smaller than at the last pass: a writer started the WAL over (and cut it to journal_size_limit), so
        # all of it is new. Started over but not smaller, it is taken for older by at most that limit.
        gained = wal_bytes - self.passed_at if wal_bytes >= self.passed_at else wal_bytes
        if gained >= self.cap or (self.pending and not changed):
            self.pending = changed  # writes going on now are still to be copied
            self.passed_at = wal_bytes
            return True
        return False


def wal_size(path: Path) -> int:
    try:
        return os.path.getsize(f"{path}-wal")
    except OSError:
        return 0


def checkpoint(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """One PASSIVE pass: (busy, WAL frames, frames copied)."""
    busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return busy, frames, copied


def data_version(conn: sqlite3.Connection) -> int:
    """Changes whenever another connection commits (SQLite's own counter; reading it costs no I/O)."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def serve(path: Path, seconds: float, inp: BinaryIO) -> None:
    """Look every ``seconds`` and pass when the pacer says, until ``inp`` reaches its end (the store closed
    it, or its process died)."""
    closed = threading.Event()

    def watch() -> None:
        while inp.read(4096):
            pass
        closed.set()

    threading.Thread(target=watch, name="stdin", daemon=True).start()
    conn = sqlite3.connect(path, timeout=10.0)
    try:
        pacer = Pacer(data_version(conn))
        while not closed.wait(seconds):
            try:
                if pacer.due(data_version(conn), wal_size(path)):
                    checkpoint(conn)
            except sqlite3.Error as exc:  # busy or I/O: the WAL only grows until the next pass succeeds
                log.warning("WAL checkpoint failed: %s", exc)
        checkpoint(conn)  # a last pass, so a quiet shutdown leaves little WAL behind
    finally:
        conn.close()


def main(argv: Sequence[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the store ends this process by closing its stdin
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if hasattr(os, "nice"):
        os.nice(19)
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s")
    serve(Path(argv[1]), float(argv[2]), sys.stdin.buffer)


if __name__ == "__main__":
    main(sys.argv)
