"""One write transaction: the bulk write ops (turns, new cases), the connection they run on, and ``run_batch``.

The writer process (db/sqlite/process.py) runs them; so does the store's writer thread for any other write. Like that
process, this module imports only the standard library, sqlite3, orjson and db's SQL modules.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import orjson

from db.models import CASE_NUMBER, MAX_LOGGED_CHARS
from db.retention import Purge

MAX_ROWS_PER_INSERT = 256
STATEMENT_CACHE = 128
"""Prepared statements kept per connection: insert_rows makes up to 9 texts per table (1, 2, 4, .. 256 rows)."""


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
    late: Sequence[str] | None = None
    """The turn's late replies (db/contract.py's Late: channel, text, ref, at), in the same transaction."""

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
    late: Sequence[str] | None = None
    """The turn's late replies, as Turn's: the case number goes in the ``announce`` one too."""

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

    def late_row(self, case_id: int) -> Sequence[str] | None:
        if self.late is None or self.announce is None:
            return self.late
        channel, text, ref, at = self.late
        replies = orjson.loads(text)
        if 0 <= self.announce < len(replies):
            replies[self.announce]["text"] = replies[self.announce]["text"].replace(CASE_NUMBER, str(case_id))
        return (channel, orjson.dumps(replies).decode(), ref, at)

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
        write_turns(conn, [Turn(op.user_key, op.inbound, op.texts(case_id), saved, op.at, op.late_row(case_id))
                           for case_id, saved, op in written if op.inbound is not None])
        write_late(conn, [(op.user_key, op.late_row(case_id)) for case_id, _, op in written if op.inbound is None])
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


KINDS: dict[str, type[Turn] | type[CaseWrite] | type[Purge]] = {
    Turn.KIND: Turn, CaseWrite.KIND: CaseWrite, Purge.KIND: Purge}
"""What the writer process takes: bulk writes, and the retention purge it runs between them (db/sqlite/process.py)."""
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
    # Deleted rows (a parent's "내 정보 삭제", the retention purge) are overwritten with zeros, not left readable
    # in free space; the WAL's old copies go with the TRUNCATE checkpoint that follows such a deletion.
    conn.execute("PRAGMA secure_delete=ON")
    # No automatic checkpoint inside our COMMITs: the checkpoint process (db/sqlite/checkpoint.py) does it.
    conn.execute("PRAGMA wal_autocheckpoint=0")
    # After a pass that copied everything, the next transaction starts the WAL over and cuts it to this size,
    # below the checkpoint process's WAL_CAP (db/sqlite/checkpoint.py).
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
    write_late(conn, [(t.user_key, t.late) for t in turns])
    # VALUES rows go in order, so a user's later turn in the same batch wins
    insert_rows(conn, "INSERT INTO conversations (user_key, state, updated_at)", [
        (t.user_key, t.state, t.at) for t in turns
    ], " ON CONFLICT (user_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at")


def write_late(conn: sqlite3.Connection, rows: Sequence[tuple[str, Sequence[str] | None]]) -> None:
    """Late replies (user key, (channel, text, ref, at)) as messages to the parent, due at once."""
    insert_rows(conn, "INSERT INTO parent_messages (case_id, user_key, channel, kind, text, ref, created_at, next_at)",
                [(None, user_key, channel, "late", text, ref, at, at)
                 for user_key, late in rows if late is not None for channel, text, ref, at in [late]])


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
