"""One write transaction: the bulk write ops (turns, new cases), ``run_batch``, and the writer process's loop.

Run as ``python -m db.batch PATH`` this module is the writer process: it reads frames of ops from stdin,
writes all that have arrived in one transaction and answers with their outcomes once committed. It imports
only the standard library, sqlite3 and orjson, so it starts in a few tens of milliseconds, and it shares no
GIL with the event loop that serves parents.
"""

from __future__ import annotations

import os
import select
import signal
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import orjson

MAX_LOGGED_CHARS = 8000
"""Message log cap: a pasted 50 KB message is kept as its first part, not refused."""
MAX_ROWS_PER_INSERT = 256
STATEMENT_CACHE = 128
"""Prepared statements kept per connection: insert_rows makes up to 9 texts per table (1, 2, 4, .. 256 rows)."""
READ_BYTES = 1 << 20
"""How much of the pipe the writer process reads at once: frames beyond it wait for the next transaction."""
CASE_NUMBER = "{case_id}"
"""Where the new case number goes in the reply that announces it (the number exists only once committed)."""


class Bulk(Protocol):
    """An op that many callers submit alike: consecutive ops of one such type in a batch are written by one
    ``write_many`` call, which returns each op's result in order. Bulk ops are plain data (``KIND`` names
    them on the wire), so the writer process can run them."""

    KIND: str

    @staticmethod
    def write_many(conn: sqlite3.Connection, ops: Sequence[Any]) -> list[Any]: ...


@dataclass(frozen=True, slots=True)
class Turn:
    """One conversation turn: the inbound text, the outbound texts and the new state, written together."""

    user_key: str
    inbound: str
    replies: Sequence[str]
    state: str
    at: str

    KIND = "turn"

    @staticmethod
    def write_many(conn: sqlite3.Connection, ops: Sequence[Turn]) -> list[None]:
        write_turns(conn, ops)
        return [None] * len(ops)


@dataclass(frozen=True, slots=True)
class CaseWrite:
    """A new case with everything it sets in motion: its 'created' event, outbox notifications, follow-ups and
    the conversation state. Cases confirmed in the same moment go in one bulk write. Returns the case id."""

    row: Sequence[object]
    user_key: str
    at: str
    notes: Sequence[str]
    followups: Sequence[Sequence[str]]
    """(kind, due) pairs."""
    state: str
    number_key: str | None = None
    """The top-level key of the JSON ``state`` that takes the new case number, so the saved conversation
    already names the case it opened; None saves ``state`` as given."""
    inbound: str | None = None
    """With ``replies``: the turn that opened the case, logged in the same transaction."""
    replies: Sequence[str] = ()
    announce: int | None = None
    """Index of the reply in which ``CASE_NUMBER`` becomes the case number."""

    KIND = "case"

    def saved_state(self, case_id: int) -> str:
        if self.number_key is None:
            return self.state
        data = orjson.loads(self.state)
        data[self.number_key] = case_id  # an existing key keeps its place: same text as the dialog's to_json
        return orjson.dumps(data).decode()

    def texts(self, case_id: int) -> tuple[str, ...]:
        return tuple(text.replace(CASE_NUMBER, str(case_id)) if i == self.announce else text
                     for i, text in enumerate(self.replies))

    @staticmethod
    def write_many(conn: sqlite3.Connection, ops: Sequence[CaseWrite]) -> list[int]:
        ids = insert_rows(
            conn,
            "INSERT INTO cases (user_key, channel, service_id, site_id, urgent, danger, area, children, summary,"
            " summary_text, contact, consent_at, care_date, created_at, updated_at)",
            [op.row for op in ops],
        )
        written = [(case_id, op.saved_state(case_id), op) for case_id, op in zip(ids, ops, strict=True)]
        # the turn that opened the case, if given, saves the conversation with its messages
        write_turns(conn, [Turn(op.user_key, op.inbound, op.texts(case_id), saved, op.at)
                           for case_id, saved, op in written if op.inbound is not None])
        insert_rows(conn, "INSERT INTO conversations (user_key, state, updated_at)", [
            (op.user_key, saved, op.at) for _, saved, op in written if op.inbound is None
        ], " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")
        insert_rows(conn, "INSERT INTO events (case_id, at, actor, kind, status_to)", [
            (case_id, op.at, "parent", "created", "new") for case_id, _, op in written
        ])
        insert_rows(conn, "INSERT INTO outbox (case_id, kind, created_at, next_at)", [
            (case_id, kind, op.at, op.at) for case_id, _, op in written for kind in op.notes
        ])
        insert_rows(conn, "INSERT INTO followups (case_id, kind, due_at)", [
            (case_id, kind, due) for case_id, _, op in written for kind, due in op.followups
        ])
        return ids


KINDS: dict[str, type[Turn] | type[CaseWrite]] = {Turn.KIND: Turn, CaseWrite.KIND: CaseWrite}
Op = Turn | CaseWrite | Callable[[sqlite3.Connection], Any]
Outcome = tuple[bool, Any]


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT/SAVEPOINT ourselves.
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0,
                           cached_statements=STATEMENT_CACHE)
    conn.row_factory = sqlite3.Row
    # WAL + synchronous=NORMAL: a committed transaction is in the WAL file before COMMIT returns, so it
    # survives the process being killed (SIGKILL, OOM); only an OS crash or power loss can drop the last
    # commits. That is the durability issue 7 asks for, at about ten times the speed of synchronous=FULL.
    _set_wal(conn)
    conn.execute("PRAGMA synchronous=NORMAL")
    # The journals of savepoints and multi-row statements in memory, not in files under /var/tmp: there, a
    # write to one waited for the file system whenever the checkpoint process synced (traced: 2 to 4 ms per
    # 4-byte write during a pass), and a batch took a quarter longer even without one.
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA foreign_keys=ON")
    # No automatic checkpoint inside our COMMITs: the checkpoint process (db/checkpoint.py) does it.
    conn.execute("PRAGMA wal_autocheckpoint=0")
    # After a pass that copied everything, the next transaction starts the WAL over and cuts it to this size,
    # below the checkpoint process's WAL_CAP (db/checkpoint.py).
    conn.execute("PRAGMA journal_size_limit=16777216")
    return conn


def _set_wal(conn: sqlite3.Connection) -> None:
    # Switching a fresh file to WAL needs an exclusive moment and ignores the busy timeout, so two processes
    # starting together may see "locked": wait a little and try again (WAL then persists in the file).
    for attempt in range(100):
        try:
            conn.execute("PRAGMA journal_mode=WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 99:
                raise
            time.sleep(0.02)


def write_turns(conn: sqlite3.Connection, turns: Sequence[Turn]) -> None:
    insert_rows(conn, "INSERT INTO messages (user_key, direction, text, at)", [
        (t.user_key, direction, text[:MAX_LOGGED_CHARS], t.at)
        for t in turns
        for direction, text in (("in", t.inbound), *(("out", r) for r in t.replies))
    ])
    # VALUES rows go in order, so a user's later turn in the same batch wins
    insert_rows(conn, "INSERT INTO conversations (user_key, state, updated_at)", [
        (t.user_key, t.state, t.at) for t in turns
    ], " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")


def insert_rows(conn: sqlite3.Connection, head: str, rows: Sequence[Sequence[Any]], tail: str = "") -> list[int]:
    """INSERT ``rows`` with multi-row VALUES, as few statements as SQLite's variable limit allows; returns the
    new rowids (consecutive within a statement: an INTEGER PRIMARY KEY takes the largest one plus one).

    Why not executemany: a thread gives the GIL back around every SQLite step and must win it again, and while
    another thread runs Python each win can wait out the switch interval (5 ms). executemany steps once per
    row; measured beside a busy thread, a 300-row batch took 1 s instead of 1 ms. Here a statement is one
    step however many rows it carries."""
    if not rows:
        return []
    width = len(rows[0])
    most = min(MAX_ROWS_PER_INSERT, max(1, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    marks = "(" + ", ".join("?" * width) + ")"
    cur = conn.cursor()
    ids: list[int] = []
    start = 0
    while start < len(rows):
        # chunks of a power of two rows: a handful of statement texts per table, each prepared once and
        # kept in the connection's statement cache (1000 distinct sizes held about 40 MB of prepared statements)
        size = min(most, 1 << ((len(rows) - start).bit_length() - 1))
        chunk = rows[start : start + size]
        cur.execute(f"{head} VALUES {', '.join([marks] * size)}{tail}", [v for row in chunk for v in row])
        last = cur.lastrowid or 0
        ids.extend(range(last - size + 1, last + 1))
        start += size
    return ids


def _bulk(op: Op) -> type | None:
    kind = type(op)
    return kind if hasattr(kind, "write_many") else None


def _apply(conn: sqlite3.Connection, op: Op) -> Any:
    kind = _bulk(op)
    return kind.write_many(conn, [op])[0] if kind else op(conn)  # type: ignore[operator,union-attr]


def _one(conn: sqlite3.Connection, op: Op) -> Outcome:
    """Run one op inside a savepoint: if it fails, only its own changes are undone and only its caller hears."""
    conn.execute("SAVEPOINT one")
    try:
        result = _apply(conn, op)
    except Exception as exc:
        conn.execute("ROLLBACK TO one")
        conn.execute("RELEASE one")
        return False, exc
    conn.execute("RELEASE one")
    return True, result


def _alone(conn: sqlite3.Connection, op: Op) -> Outcome:
    try:
        conn.execute("BEGIN IMMEDIATE")
        result = _apply(conn, op)
        conn.execute("COMMIT")
    except Exception as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return False, exc
    return True, result


def run_batch(conn: sqlite3.Connection, ops: Sequence[Op]) -> list[Outcome]:
    """Apply ``ops`` in submission order in one transaction; runs of one bulk type (turns, new cases) go in
    one call, and if it fails its ops are retried one by one so a bad one fails alone. A failed COMMIT fails
    the whole batch."""
    if len(ops) == 1:  # the transaction alone isolates it: no savepoint statements (a quiet moment's batch)
        return [_alone(conn, ops[0])]
    out: list[Outcome] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        i = 0
        while i < len(ops):
            kind = _bulk(ops[i])
            j = i + 1
            while kind is not None and j < len(ops) and type(ops[j]) is kind:
                j += 1
            if j > i + 1:
                conn.execute("SAVEPOINT bulk")
                try:
                    results = kind.write_many(conn, ops[i:j])  # type: ignore[union-attr]
                    conn.execute("RELEASE bulk")
                    out.extend((True, r) for r in results)
                except Exception:
                    conn.execute("ROLLBACK TO bulk")
                    conn.execute("RELEASE bulk")
                    out.extend(_one(conn, op) for op in ops[i:j])
            else:
                out.append(_one(conn, ops[i]))
            i = j
        conn.execute("COMMIT")
    except Exception as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return [(False, exc)] * len(ops)
    return out


# -- the wire between the event loop and the writer process: length-prefixed JSON frames ---------------------

def encode_ops(ops: Sequence[Turn | CaseWrite]) -> bytes:
    return orjson.dumps([(op.KIND, op) for op in ops])  # orjson writes the dataclasses' fields itself


def decode_ops(data: bytes) -> list[Turn | CaseWrite]:
    return [KINDS[kind](**fields) for kind, fields in orjson.loads(data)]


def encode_outcomes(groups: Sequence[Sequence[Outcome]]) -> bytes:
    """One transaction's outcomes, one list per frame it took."""
    return orjson.dumps([[(True, value) if ok else (False, [type(value).__name__, str(value)]) for ok, value in group]
                         for group in groups])


def decode_outcomes(data: bytes) -> list[list[Outcome]]:
    """Failures come back as the sqlite3 exception they were (IntegrityError stays IntegrityError), anything
    else as a RuntimeError naming its type."""
    return [[(True, value) if ok else (False, _error(*value)) for ok, value in group] for group in orjson.loads(data)]


def _error(name: str, message: str) -> Exception:
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

    def take(self) -> list[bytes] | None:
        """The next frames, or None once the pipe has ended (a frame cut short by the end is dropped: its
        sender is gone and waits for no answer)."""
        while not (frames := self._split()):
            if self._ended or not self._read():
                return None
        if not self._ended and select.select([self._fd], [], [], 0)[0] and self._read():
            frames += self._split()
        return frames

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
    without waiting for the loop to find time to read an answer."""
    conn = connect(path)
    out.write(frame(b"ready"))
    out.flush()
    frames = Frames(inp)
    try:
        while (payloads := frames.take()) is not None:
            groups = [decode_ops(payload) for payload in payloads]
            outcomes = run_batch(conn, [op for ops in groups for op in ops])
            split, start = [], 0
            for ops in groups:
                split.append(outcomes[start : start + len(ops)])
                start += len(ops)
            out.write(frame(encode_outcomes(split)))
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
