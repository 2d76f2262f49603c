"""The checkpoint process: copies the WAL into the database file in the background, at the lowest CPU priority.

Run as ``python -m db.checkpoint PATH SECONDS`` by the store; it passes every SECONDS until its stdin closes.
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

log = logging.getLogger("db.checkpoint")


def checkpoint(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """One PASSIVE pass: (busy, WAL frames, frames copied)."""
    busy, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return busy, frames, copied


def serve(path: Path, seconds: float, inp: BinaryIO) -> None:
    """Checkpoint every ``seconds`` until ``inp`` reaches its end (the store closed it, or its process died)."""
    closed = threading.Event()

    def watch() -> None:
        while inp.read(4096):
            pass
        closed.set()

    threading.Thread(target=watch, name="stdin", daemon=True).start()
    conn = sqlite3.connect(path, timeout=10.0)
    try:
        while not closed.wait(seconds):
            try:
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
