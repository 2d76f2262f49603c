"""Retention: the personal fields of closed cases, old message logs and idle conversations are removed in chunks."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.coordination import late
from bot.dialog.casefile import UNCONSENTED_HOURS
from db import cases as sql
from db.contract import Store
from db.models import ts

CHECKPOINT_SECONDS = 0.0
"""How often the purge copies the WAL into the database between its transactions (db/contract.py's checkpoint).
After each (0): with a million cases, every 0.1 s left 0.8 s of WAL for the final truncation, which held the writer
(turns' p99 during the purge 817 ms against 90 ms; the purge itself 13.7 s against 17.2 s)."""


async def purge(store: Store, now: datetime, retention_days: int, chunk: int) -> int:
    """Personal fields of cases closed more than ``retention_days`` ago, old message logs and idle conversations
    are removed. Returns the number of cases purged. Each transaction takes at most ``chunk`` cases (or ``chunk`` * 10
    rows of a log): one big one held the database's one writer for as long as it ran, and every parent's turn waited
    behind it."""
    at, cutoff = ts(now), ts(now - timedelta(days=retention_days))
    step, budget = min(store.purge_step, chunk), store.purge_seconds

    def prelude(conn: sqlite3.Connection) -> None:
        if store.purge_prelude:
            conn.execute(store.purge_prelude)

    def purge_cases(conn: sqlite3.Connection) -> int:
        prelude(conn)
        # status as an expression: SQLite (no statistics) took cases_open for it and read every closed case
        ids = [r[0] for r in conn.execute(
            "SELECT id FROM cases WHERE purged_at IS NULL AND COALESCE(closed_at, resolved_at) <= ?"
            " AND status || '' IN ('resolved', 'closed') LIMIT ?", (cutoff, chunk))]
        return within(budget, ids, step, lambda group: sql.anonymise(conn, group, at, "system"))

    idle_since = ts(now - timedelta(hours=UNCONSENTED_HOURS))

    after: str | None = ""

    def purge_unconsented(conn: sqlite3.Connection) -> int:
        # A conversation without consent (and without any case) is kept only while the dialog is open: its
        # log and state go once it has been idle for the hours the consent text states. A page of idle
        # conversations a transaction, from where the last one stopped: the whole scan in each transaction held
        # the writer for 2.8 s with a million cases, and every turn waited behind it.
        nonlocal after
        prelude(conn)
        removed = 0
        found, after = unconsented(conn, idle_since, after or "", chunk * 10)
        for user_key in found:
            removed += conn.execute("DELETE FROM messages WHERE user_key = ?", (user_key,)).rowcount
            removed += conn.execute("DELETE FROM conversations WHERE user_key = ?", (user_key,)).rowcount
            removed += late.forget(conn, user_key)
        return removed

    def purge_logs(conn: sqlite3.Connection) -> int:
        # the keys first, then a delete by the list: with a subquery PostgreSQL hash-joined the whole table
        prelude(conn)
        removed = 0
        for table, key, column in (("messages", "id", "at"), ("conversations", "user_key", "updated_at")):
            keys = [r[0] for r in conn.execute(
                f"SELECT {key} FROM {table} WHERE {column} <= ? LIMIT ?", (cutoff, chunk * 10))]
            removed += within(budget, keys, min(step * 10, sql.GROUP), lambda group, t=table, k=key: conn.execute(
                f"DELETE FROM {t} WHERE {k} IN ({', '.join('?' for _ in group)})", group).rowcount)
        # late Kakao replies never shown (shown ones lose their words at once) go with the log they repeat
        return removed + late.purge(conn, cutoff, chunk * 10)

    count = removed = 0
    last = time.monotonic()

    async def checkpoint() -> None:  # at most every CHECKPOINT_SECONDS (0: after each transaction)
        nonlocal last
        if time.monotonic() - last >= CHECKPOINT_SECONDS:
            await store.checkpoint()
            last = time.monotonic()

    while done := await store.write(purge_cases):
        count += done
        await checkpoint()
    while done := await store.write(purge_logs):
        removed += done
        await checkpoint()
    while after is not None:
        removed += await store.write(purge_unconsented)
        await checkpoint()
    if count or removed:  # only a purge that removed something leaves copies in the WAL to cut
        await store.truncate_wal()
        store.drop_cached()
    return count


def within(seconds: float, keys: list[Any], step: int, work: Callable[[list[Any]], int]) -> int:
    """``work`` on ``keys`` ``step`` at a time until they are done or ``seconds`` have passed; the sum of what it
    returned. A transaction of the purge holds the database's one writer (SQLite) while it runs, and the
    parents' turns wait behind it: it stops after its time, and the rest goes in the next transaction."""
    began, done = time.monotonic(), 0
    for start in range(0, len(keys), step):
        done += work(keys[start:start + step])
        if time.monotonic() - began >= seconds:
            break
    return done


def unconsented(conn: sqlite3.Connection, idle_since: str, after: str, limit: int) -> tuple[list[str], str | None]:
    """Users after ``after`` (at most ``limit`` conversations looked at) whose conversation has been idle since
    ``idle_since`` without consent and never opened a case, and the key to go on after (None: no more). The
    state is JSON read here in Python, not with json_extract: the SQL stays in what SQLite and PostgreSQL share.
    NOT EXISTS along cases_user: with a million cases PostgreSQL's NOT IN outgrew work_mem's hash and compared each
    conversation with every case (one statement ran for more than 16 minutes in the growth bench's purge)."""
    rows = conn.execute(
        "SELECT user_key, state FROM conversations WHERE updated_at <= ? AND user_key > ? AND NOT EXISTS"
        " (SELECT 1 FROM cases WHERE cases.user_key = conversations.user_key) ORDER BY user_key LIMIT ?",
        (idle_since, after, limit)).fetchall()
    found = []
    for user_key, state in rows:
        saved = json.loads(state or "{}")
        if not any(saved.get(k) for k in ("consent_at", "case_id", "danger_case")):
            found.append(user_key)
    return found, (rows[-1][0] if len(rows) == limit else None)
