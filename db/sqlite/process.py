"""The writer process: ``python -m db.sqlite.process PATH``, started by the store (db/sqlite/pipe.py).

It reads frames of ops from stdin, writes all that have arrived in one transaction and answers with their
outcomes once committed; between batches it runs the retention purge it was given, a short transaction at a time.
It imports only the standard library, sqlite3, orjson and db's SQL modules, so it starts in a few tens of
milliseconds, and it shares no GIL with the event loop that serves parents. The wire: length-prefixed JSON frames,
one per batch the event loop sends, one back per transaction, and one back when a purge is over.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import orjson

from db.retention import Purge
from db.sqlite.batch import KINDS, CaseWrite, Outcome, Turn, connect, run_batch
from db.sqlite.purge import Purging

READ_BYTES = 1 << 20
"""How much of the pipe the writer process reads at once: frames beyond it wait for the next transaction."""


def encode_ops(ops: Sequence[Turn | CaseWrite | Purge]) -> bytes:
    return orjson.dumps([(op.KIND, op) for op in ops])  # orjson writes the dataclasses' fields itself


def encode_each(ops: Sequence[Turn | CaseWrite | Purge]) -> tuple[bytes, dict[int, Exception]]:
    """The ops that can be encoded, as one payload, and the error of each that cannot (by index): one op
    with text that is not valid Unicode (a lone surrogate) fails alone, not the batch it came with."""
    parts: list[bytes] = []
    errors: dict[int, Exception] = {}
    for i, op in enumerate(ops):
        try:
            parts.append(orjson.dumps((op.KIND, op)))
        except orjson.JSONEncodeError as exc:
            errors[i] = ValueError(f"cannot encode a {op.KIND} write: {exc}")
    return b"[" + b",".join(parts) + b"]", errors


def decode_ops(data: bytes) -> list[Turn | CaseWrite | Purge]:
    return [KINDS[kind](**fields) for kind, fields in orjson.loads(data)]


def encode_outcomes(groups: Sequence[Sequence[Outcome]]) -> bytes:
    """One transaction's outcomes, one list per frame it took."""
    return orjson.dumps([[(True, value) if ok else (False, [type(value).__name__, str(value)]) for ok, value in group]
                         for group in groups])


def decode_outcomes(data: bytes) -> list[list[Outcome]]:
    return outcomes(orjson.loads(data))


def outcomes(groups: list[list[list[Any]]]) -> list[list[Outcome]]:
    """Failures come back as the sqlite3 exception they were (IntegrityError stays IntegrityError), anything
    else as a RuntimeError naming its type."""
    return [[(True, value) if ok else (False, error(*value)) for ok, value in group] for group in groups]


def error(name: str, message: str) -> Exception:
    kind = getattr(sqlite3, name, None)
    if isinstance(kind, type) and issubclass(kind, sqlite3.Error):
        return kind(message)
    return RuntimeError(f"{name}: {message}")


def frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(4, "big") + payload


class Frames:
    """Length-prefixed frames arriving on a pipe. ``take`` waits for one complete frame and returns it with
    every other frame already complete: what the event loop sent while the last transaction ran."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._buffer = bytearray()
        self._ended = False

    def take(self, wait: bool = True) -> list[bytes] | None:
        """The next frames, or None once the pipe has ended (a frame cut short by the end is dropped: its
        sender is gone and waits for no answer). ``wait=False``: only what has arrived, perhaps nothing."""
        while not (frames := self._split()):
            if self._ended or not (wait or self._readable()):
                return None if self._ended else []
            if not self._read():
                return None
        if not self._ended and self._readable() and self._read():
            frames += self._split()
        return frames

    def _readable(self) -> bool:
        return bool(select.select([self._fd], [], [], 0)[0])

    def _read(self) -> bool:
        chunk = os.read(self._fd, READ_BYTES)
        self._ended = not chunk
        self._buffer += chunk
        return bool(chunk)

    def _split(self) -> list[bytes]:
        frames: list[bytes] = []
        start, end = 0, len(self._buffer)
        while end - start >= 4:
            size = int.from_bytes(self._buffer[start : start + 4], "big")
            if end - start - 4 < size:
                break
            frames.append(bytes(self._buffer[start + 4 : start + 4 + size]))
            start += 4 + size
        del self._buffer[:start]
        return frames


def serve(path: Path, inp: int, out: BinaryIO) -> None:
    """The writer process: the frames waiting on ``inp`` go in one transaction, and their outcomes go back
    as one frame once it has committed; until the event loop's side closes the pipe (or dies: then the
    transaction in hand is finished and the process ends). The event loop sends a frame as soon as it has
    writes, without waiting for the last one's answer, so this process goes from one commit to the next
    without waiting for the loop to find time to read an answer. A retention purge it was given runs a short
    transaction at a time whenever no frame waits (db/sqlite/purge.py); its report goes back as a frame of its own
    (a JSON object, where answers are lists) when it is over."""
    conn = connect(path)
    out.write(frame(b"ready"))
    out.flush()
    frames = Frames(inp)
    purging: Purging | None = None
    try:
        while (payloads := frames.take(wait=purging is None)) is not None:
            if payloads:
                groups = [decode_ops(payload) for payload in payloads]
                for op in (op for ops in groups for op in ops if isinstance(op, Purge)):
                    purging = Purging(op, path)  # one at a time: the store waits for a purge's report before the next
                outcomes = iter(run_batch(conn, [op for ops in groups for op in ops if not isinstance(op, Purge)]))
                split = [[(True, None) if isinstance(op, Purge) else next(outcomes) for op in ops] for ops in groups]
                out.write(frame(encode_outcomes(split)))
                out.flush()
            if purging is not None:
                if wait := purging.waiting:
                    select.select([inp], [], [], wait)  # a frame that comes meanwhile goes first
                elif (report := purging.step(conn)) is not None:
                    purging = None
                    out.write(frame(orjson.dumps(report)))
                    out.flush()
    finally:
        conn.close()


def main(argv: Sequence[str]) -> None:
    # Ctrl-C and a service manager's SIGTERM reach the whole process group: the event loop's process decides
    # when writing stops (it closes the pipe), so a batch is never cut short by a signal meant for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    inp = os.dup(0)
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the frames
    serve(Path(argv[1]), inp, out)


if __name__ == "__main__":
    main(sys.argv)
