"""The retention purge in SQL, one time-bounded transaction at a time: by ``Store.write`` or SQLite's writer process."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from db import cases as sql

PHASES = ("cases", "logs", "idle", "done")


@dataclass(frozen=True, slots=True)
class Purge:
    """What a purge removes (text timestamps) and how much a transaction may take. Plain data: it goes down the
    writer process's pipe as it is."""

    at: str
    """Now: the cases' purged_at."""
    cutoff: str
    """Cases closed and logs written before this go."""
    idle_since: str
    """Conversations without consent or case idle since this go."""
    keep: tuple[str, ...]
    """Keys of a saved conversation state (JSON) that keep an idle conversation: consent given, a case opened."""
    chunk: int
    """Cases a transaction looks at (ten times as many log rows)."""
    step: int
    """Cases per statement group (ten times as many log rows); a transaction stops after the group that passes
    ``seconds``."""
    seconds: float
    prelude: str | None = None
    """A statement each transaction runs first (PostgreSQL: SET LOCAL synchronous_commit = off)."""

    KIND = "purge"


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a purge stands: its phase, the idle conversations' scan key, and what it removed so far."""

    phase: str = PHASES[0]
    after: str = ""
    cases: int = 0
    removed: int = 0

    @property
    def done(self) -> bool:
        return self.phase == "done"


@dataclass(frozen=True, slots=True)
class Purged:
    cases: int
    removed: int
    """Log rows, conversations and late replies."""
    truncated: bool = True
    """The WAL was cut to zero bytes after it (SQLite; False: a reader kept it, the next checkpoint copies it over)."""
    truncate_seconds: float = 0.0


def advance(conn: sqlite3.Connection, job: Purge, cursor: Cursor) -> Cursor:
    """One transaction's share (the caller begins and commits it): its phase's work until ``job.seconds`` have
    passed; a phase that finds nothing left hands over to the next."""
    if job.prelude:
        conn.execute(job.prelude)
    deadline = time.monotonic() + job.seconds

    def over() -> bool:
        return time.monotonic() >= deadline

    if cursor.phase == "cases":
        done = cases(conn, job, over)
        return replace(cursor, cases=cursor.cases + done, phase=cursor.phase if done else "logs")
    if cursor.phase == "logs":
        done = logs(conn, job, over)
        return replace(cursor, removed=cursor.removed + done, phase=cursor.phase if done else "idle")
    done, after = idle(conn, job, cursor.after, over)
    return replace(cursor, removed=cursor.removed + done, after=after or "", phase="idle" if after else "done")


def cases(conn: sqlite3.Connection, job: Purge, over: Callable[[], bool]) -> int:
    """Personal fields of cases closed before the cutoff. The status as an expression: SQLite (no statistics)
    took cases_open for it and read every closed case."""
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM cases WHERE purged_at IS NULL AND COALESCE(closed_at, resolved_at) <= ?"
        " AND status || '' IN ('resolved', 'closed') LIMIT ?", (job.cutoff, job.chunk))]
    return within(over, ids, job.step, lambda group: sql.anonymise(conn, group, job.at, "system"))


def logs(conn: sqlite3.Connection, job: Purge, over: Callable[[], bool]) -> int:
    """Messages and conversations older than the cutoff, and late Kakao replies never shown (shown ones lose their
    words at once) with the log they repeat. The keys first, then a delete by the list: with a subquery PostgreSQL
    hash-joined the whole table."""
    removed = 0
    for table, key, column in (("messages", "id", "at"), ("conversations", "user_key", "updated_at")):
        if removed and over():
            return removed
        keys = [r[0] for r in conn.execute(
            f"SELECT {key} FROM {table} WHERE {column} <= ? LIMIT ?", (job.cutoff, job.chunk * 10))]
        removed += within(over, keys, min(job.step * 10, sql.GROUP), lambda group, t=table, k=key: conn.execute(
            f"DELETE FROM {t} WHERE {k} IN ({', '.join('?' for _ in group)})", group).rowcount)
    if removed and over():
        return removed
    return removed + purge_late(conn, job.cutoff, job.chunk * 10)


def idle(conn: sqlite3.Connection, job: Purge, after: str, over: Callable[[], bool]) -> tuple[int, str | None]:
    """A conversation without consent (and without any case) is kept only while the dialog is open: its log and
    state go once it has been idle for the hours the consent text states. Pages of the scan from where the last
    transaction stopped (the whole scan in one transaction held SQLite's writer for 2.8 s with a million cases);
    returns what went and the key to go on after (None: the scan is done)."""
    removed, looked, page = 0, 0, min(job.step, job.chunk) * 10
    cursor: str | None = after
    while cursor is not None and looked < job.chunk * 10:
        found, cursor = unconsented(conn, job, cursor, page)
        looked += page
        for user_key in found:
            removed += conn.execute("DELETE FROM messages WHERE user_key = ?", (user_key,)).rowcount
            removed += conn.execute("DELETE FROM conversations WHERE user_key = ?", (user_key,)).rowcount
            removed += forget_late(conn, user_key)
        if over():
            break
    return removed, cursor


def unconsented(conn: sqlite3.Connection, job: Purge, after: str, limit: int) -> tuple[list[str], str | None]:
    """Of the ``limit`` conversations after ``after`` (key order), the users idle since ``job.idle_since`` without
    consent and without a case, and the key to go on after (None: no more). The page is cut before the filter: with
    the filter inside the LIMIT, a page where none qualify (after the old ones went, every conversation left has a
    case) read the whole table in one statement, 0.24 s with a million cases while every turn waited. The state is
    JSON read here, not with json_extract: the SQL stays in what SQLite and PostgreSQL share; NOT EXISTS along
    cases_user (PostgreSQL's NOT IN over a million cases outgrew work_mem and ran for more than 16 minutes)."""
    rows = conn.execute(
        "SELECT user_key, CASE WHEN updated_at <= ? AND NOT EXISTS (SELECT 1 FROM cases WHERE cases.user_key ="
        " page.user_key) THEN state END FROM (SELECT user_key, updated_at, state FROM conversations"
        " WHERE user_key > ? ORDER BY user_key LIMIT ?) AS page ORDER BY user_key",
        (job.idle_since, after, limit)).fetchall()
    found = []
    for user_key, state in rows:
        if state is None:  # recent, or has a case (the column is NOT NULL)
            continue
        saved = json.loads(state or "{}")
        if not any(saved.get(k) for k in job.keep):
            found.append(user_key)
    return found, (rows[-1][0] if len(rows) == limit else None)


def within(over: Callable[[], bool], keys: list[Any], step: int, work: Callable[[list[Any]], int]) -> int:
    """``work`` on ``keys`` ``step`` at a time until they are done or it is ``over()``; the sum of what it returned.
    The rest goes in the next transaction."""
    done = 0
    for start in range(0, len(keys), step):
        done += work(keys[start:start + step])
        if over():
            break
    return done


def forget_late(conn: sqlite3.Connection, user_key: str) -> int:
    """The parent's late Kakao replies lose the parent and the words (rows stay: pushes refer to them, reports
    count them)."""
    conn.execute("UPDATE pushes SET user_key = NULL WHERE message_id IN"
                 " (SELECT id FROM parent_messages WHERE user_key = ? AND kind = 'late')", (user_key,))
    return conn.execute("UPDATE parent_messages SET user_key = NULL, text = NULL WHERE user_key = ? AND kind = 'late'",
                        (user_key,)).rowcount


def purge_late(conn: sqlite3.Connection, cutoff: str, limit: int) -> int:
    """Unshown late replies written before ``cutoff`` lose the parent and the words."""
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM parent_messages WHERE kind = 'late' AND text IS NOT NULL AND created_at <= ? LIMIT ?",
        (cutoff, limit))]
    if ids:
        each = f"({', '.join('?' for _ in ids)})"
        conn.execute(f"UPDATE pushes SET user_key = NULL WHERE message_id IN {each}", ids)
        conn.execute(f"UPDATE parent_messages SET user_key = NULL, text = NULL WHERE id IN {each}", ids)
    return len(ids)


async def run(store: Any, job: Purge) -> Purged:
    """The purge a transaction of ``store.write`` at a time, a passive checkpoint after each (so the truncation at
    its end has little left to copy), then the WAL cut if anything went (db/contract.py's default)."""
    cursor = Cursor()
    while not cursor.done:
        cursor = await store.write(lambda conn, c=cursor: advance(conn, job, c))
        await store.checkpoint()
    if not (cursor.cases or cursor.removed):
        return Purged(0, 0)
    began = time.monotonic()
    truncated = await store.truncate_wal()
    return Purged(cursor.cases, cursor.removed, truncated, time.monotonic() - began)
