"""Copies an SQLite database into PostgreSQL (`dolbom migrate-to-postgres`): every table, counts checked, ids kept."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.postgres.store import PostgresStore

FIRST = ("conversations", "messages", "cases", "events", "outbox", "deliveries", "followups")
"""Tables in an order that respects their foreign keys; tables other migrations add follow in file order."""
CHUNK = 5000


class CopyRefused(RuntimeError):
    """The copy cannot run (the target is not empty, or lacks a table or a migration); nothing was written."""


@dataclass(frozen=True, slots=True)
class Copied:
    table: str
    rows: int


def _tables(src: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in src.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")]
    return [t for t in FIRST if t in names] + [t for t in names if t not in FIRST]


async def copy_sqlite(source: Path, url: str, say: Callable[[str], None] = lambda _: None) -> list[Copied]:
    """Copy every table of ``source`` into the database at ``url`` (migrated first) in one transaction: the
    target must be empty; each table's row count is compared with the source before committing, and each
    identity sequence is set past the largest copied id, so new cases number on from the old ones."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    store = await PostgresStore.open(url)
    try:
        version = src.execute("PRAGMA user_version").fetchone()[0]
        async with store.pool.acquire() as conn, conn.transaction():
            done = await conn.fetchval("SELECT max(version) FROM schema_migrations")
            if version > (done or 0):
                raise CopyRefused(f"the SQLite file is at migration {version}, PostgreSQL at {done}: port "
                                  f"db/sqlite/migrations/{version:03d}_*.sql to db/postgres/migrations/ first")
            out = [await _copy_table(conn, src, table, say) for table in _tables(src)]
            identities = await conn.fetch(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND is_identity = 'YES'")
            copied = {c.table for c in out}
            for table, column in ((r[0], r[1]) for r in identities if r[0] in copied):
                await conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), m) FROM"
                    f" (SELECT max({column}) AS m FROM {table}) t WHERE m IS NOT NULL")
        return out
    finally:
        await store.close()
        src.close()


async def _copy_table(conn: Any, src: sqlite3.Connection, table: str, say: Callable[[str], None]) -> Copied:
    target = [r[0] for r in await conn.fetch(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = $1", table)]
    if not target:
        raise CopyRefused(f"PostgreSQL has no table {table}: port the SQLite migration that adds it")
    columns = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
    missing = [c for c in columns if c not in target]
    if missing:
        raise CopyRefused(f"PostgreSQL's {table} lacks {', '.join(missing)}: port the migration that adds them")
    if await conn.fetchval(f"SELECT EXISTS (SELECT 1 FROM {table})"):
        raise CopyRefused(f"PostgreSQL's {table} already has rows: copy into an empty database")
    names = ", ".join(f'"{c}"' for c in columns)
    cur = src.execute(f'SELECT {names} FROM "{table}"')
    while rows := cur.fetchmany(CHUNK):
        await conn.copy_records_to_table(table, records=rows, columns=columns)
    expected = src.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    got = await conn.fetchval(f"SELECT count(*) FROM {table}")
    if got != expected:
        raise CopyRefused(f"{table}: {got} rows in PostgreSQL, {expected} in SQLite; nothing was committed")
    say(f"{table}: {got}")
    return Copied(table, got)
