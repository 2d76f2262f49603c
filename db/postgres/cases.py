"""The cases that a batch's turns open together (db/postgres/turns.py): their numbers and rows in two round trips."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

from db.postgres.literal import WRITE_SQL

NEXT_CASES = "SELECT nextval(pg_get_serial_sequence('cases', 'id')) AS id FROM generate_series(1, $1)"
WRITTEN_CASES = "SELECT id FROM cases WHERE id = ANY($1::bigint[])"

Waiting = tuple[Callable[[int], str], asyncio.Future[int], Callable[[int], None]]
"""A case's statements for its number, the future its turn awaits, and what to do once it is written."""


async def write_cases(conn: Any, waiting: Sequence[Waiting], before: Sequence[list[str]] | None = None) -> None:
    """The cases' numbers in one round trip (in the order they were asked for), then their rows in one simple
    query, each case in a savepoint of its own: a failing case stops the query, is rolled back alone and fails its
    own turn; the cases after it go again. ``before``: WRITE_SQL's arrays of what the turns saved, written first for
    the cases to see."""
    try:
        if before:
            await conn.execute(WRITE_SQL, *before)
        ids = sorted(int(r["id"]) for r in await conn.fetch(NEXT_CASES, len(waiting)))
        todo: list[tuple[str, Waiting, int]] = []
        for case, case_id in zip(waiting, ids, strict=True):
            try:
                todo.append((case[0](case_id), case, case_id))
            except Exception as exc:  # a value PostgreSQL cannot hold: this case alone fails
                _settle(case[1], exc)
        while todo:
            try:
                await conn.execute("; ".join(f"SAVEPOINT c; {sql}; RELEASE SAVEPOINT c" for sql, _, _ in todo))
            except Exception as exc:
                await conn.execute("ROLLBACK TO SAVEPOINT c; RELEASE SAVEPOINT c")
                written = {r["id"] for r in await conn.fetch(WRITTEN_CASES, [case_id for *_, case_id in todo])}
                failed = next((i for i, (*_, case_id) in enumerate(todo) if case_id not in written), len(todo))
                for _, case, case_id in todo[:failed]:
                    _opened(case, case_id)
                if failed < len(todo):
                    _settle(todo[failed][1][1], exc)
                todo = todo[failed + 1:]
            else:
                for _, case, case_id in todo:
                    _opened(case, case_id)
                todo = []
    except BaseException as exc:  # the connection failed, or this task was cancelled: every case waiting hears it
        for _, fut, _ in waiting:
            _settle(fut, exc if isinstance(exc, Exception) else RuntimeError("the case write was cancelled"))
        raise


def _opened(case: Waiting, case_id: int) -> None:
    _, fut, written = case
    written(case_id)  # also when its turn was cancelled meanwhile: the case is in the batch's transaction
    if not fut.done():
        fut.set_result(case_id)


def _settle(fut: asyncio.Future[int], exc: BaseException) -> None:
    if not fut.done():
        fut.set_exception(exc)
