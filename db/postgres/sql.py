"""The bot's SQL, written once with ``?`` placeholders, for PostgreSQL; and the connection ``Store.write``'s
functions get there: sqlite3's ``execute`` shape, run on asyncpg from a thread."""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

_INSERT = re.compile(r"^\s*INSERT\b", re.IGNORECASE)
_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.IGNORECASE)


@lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """``?`` -> ``$1, $2, ...`` outside quotes; ``INSERT OR IGNORE`` -> ``INSERT ... ON CONFLICT DO NOTHING``."""
    out: list[str] = []
    n = 0
    quote: str | None = None
    for ch in sql:
        if quote:
            quote = None if ch == quote else quote
        elif ch in ("'", '"'):
            quote = ch
        elif ch == "?":
            n += 1
            out.append(f"${n}")
            continue
        out.append(ch)
    text = "".join(out)
    if _OR_IGNORE.match(text):
        text = _OR_IGNORE.sub("INSERT INTO", text, count=1).rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return text


def params(values: Sequence[Any]) -> list[Any]:
    """str subclasses (the StrEnums) as plain str, NUL (which PostgreSQL's text cannot hold) as U+FFFD, bools as
    0/1: the columns are text and integers."""
    return [str(v).replace("\0", "\ufffd") if isinstance(v, str) else int(v) if isinstance(v, bool) else v
            for v in values]


def rowcount(status: str | None) -> int:
    """'UPDATE 3', 'INSERT 0 1', 'DELETE 2' -> the count."""
    if not status:
        return -1
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else -1


class Cursor:
    def __init__(self, rows: list[Any], count: int, lastrowid: int | None = None) -> None:
        self._rows = rows
        self.rowcount = count
        self.lastrowid = lastrowid
        """The id of the last row an INSERT wrote, as sqlite3 gives it (None for a table without ``id``)."""

    def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Any]:
        return list(self._rows)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows)


class ThreadConnection:
    """What a ``Store.write`` function sees: ``execute(sql, params)`` blocks its thread while the event loop
    runs the statement on the transaction's asyncpg connection. The functions (db/cases.py, the queue's) are
    written for sqlite3 and stay synchronous; the event loop is never blocked by them."""

    def __init__(self, conn: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._conn = conn
        self._loop = loop

    def execute(self, sql: str, values: Sequence[Any] = ()) -> Cursor:
        text = translate(sql)
        insert = _INSERT.match(text) is not None and " RETURNING " not in text.upper()
        if insert:  # the written rows come back, for lastrowid (sqlite3's cursors give the INSERT no rows)
            text = text.rstrip().rstrip(";") + " RETURNING *"
        cur = asyncio.run_coroutine_threadsafe(self._run(text, params(values)), self._loop).result()
        if insert:
            written, cur = cur.fetchall(), Cursor([], cur.rowcount)
            if written and "id" in written[-1]:
                cur.lastrowid = written[-1]["id"]
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        count = sum(max(self.execute(sql, row).rowcount, 0) for row in rows)
        return Cursor([], count)

    async def _run(self, sql: str, values: list[Any]) -> Cursor:
        import asyncpg

        try:
            stmt = await self._conn.prepare(sql)
            rows = await stmt.fetch(*values)
        except asyncpg.IntegrityConstraintViolationError as exc:
            # the shared SQL's callers catch sqlite3's errors: the same meaning under the same name
            raise sqlite3.IntegrityError(str(exc)) from exc
        return Cursor(rows, rowcount(stmt.get_statusmsg()))
